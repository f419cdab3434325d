"""The extraction pipeline: a file to releases, a release to its extraction."""

from __future__ import annotations

from pathlib import Path

from govkg.extract.cleaning import clean
from govkg.extract.reading import ReadError, read_documents_lenient
from govkg.extract.records import Extraction, Release
from govkg.extract.sentences import split_sentences


def read_releases(path: str | Path) -> tuple[list[Release], list[ReadError]]:
    """Read one file into its releases; unreadable files or records come back as errors.

    A release whose body is empty after cleaning (a page of furniture only, a
    truncated scrape) is an error too.
    """
    documents, errors = read_documents_lenient(path)
    releases = []
    for document in documents:
        release = clean(document)
        if not release.text.strip():
            errors.append(ReadError(document.path, "no article text found (empty or truncated page)"))
            continue
        releases.append(release)
    return releases, errors


def extract(release: Release) -> Extraction:
    """Everything govkg takes from one release: persons, titles, events, documents."""
    from govkg.extract.facts import extract_facts

    sentences = tuple(split_sentences(release.text))
    return extract_facts(release, sentences)
