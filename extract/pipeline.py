"""The extraction pipeline: a file to releases, a release to its extraction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from govkg.extract.cleaning import clean
from govkg.extract.dates import impossible_dates, parse_published
from govkg.extract.facts import extract_facts
from govkg.extract.reading import RawDocument, ReadError, read_documents_lenient
from govkg.extract.records import Extraction, Release
from govkg.extract.sentences import split_sentences


def read_releases(path: str | Path) -> tuple[list[Release], list[ReadError]]:
    """Read one file into its releases; unreadable files or records come back as errors.

    A release whose body is empty after cleaning (a page of furniture only, a
    truncated scrape) is an error too.
    """
    documents, errors = read_documents_lenient(path)
    releases, failed = releases_of(documents)
    return releases, errors + failed


def releases_of(documents: Iterable[RawDocument]) -> tuple[list[Release], list[ReadError]]:
    """Raw documents cleaned into releases; a document that fails is its own error.

    What cleaning had to drop is added to the release's ``warnings``: a
    publication date that is no date (``2020-02-30``), a date in the text
    that no calendar has (2月30日).
    """
    releases, errors = [], []
    for document in documents:
        try:
            release = clean(document)
        except Exception as exc:  # a bug on one release must not sink the batch
            errors.append(ReadError(document.path, f"cleaning failed: {type(exc).__name__}: {exc}"))
            continue
        if not release.text.strip():
            errors.append(ReadError(document.path, "no article text found (empty or truncated page)"))
            continue
        warnings = list(document.warnings)
        if document.published and parse_published(document.published) is None:
            warnings.append(f"publication date {document.published[:40]!r} is not a valid date, dropped")
        warnings += [
            f"impossible date {mention.text!r} at offset {mention.span.start} not resolved"
            for mention in impossible_dates(release.text)
        ]
        releases.append(replace(release, warnings=tuple(warnings)) if warnings else release)
    return releases, errors


def extract(release: Release, tagger: bool = True) -> Extraction:
    """Everything govkg takes from one release: persons, titles, events, documents.

    ``tagger=False`` leaves the statistical name finder out (rules only).
    """
    sentences = tuple(split_sentences(release.text))
    return extract_facts(release, sentences, tagger=tagger)
