"""Documents cited by title in 《》."""

from __future__ import annotations

from collections.abc import Iterator

from govkg.extract.records import Document, Release, Sentence


def find_documents(release: Release, sentences: tuple[Sentence, ...]) -> Iterator[Document]:
    """Every document the release cites in 《》, with its issuer where named."""
    return iter(())
