"""Inputs on any fsspec file system: ``govkg build s3://bucket/releases/ -o out/``.

An input given as a URL (``s3://…``, ``gs://…``, ``https://…``, ``file://…``)
is listed with fsspec (a folder is walked recursively, files of the suffixes
govkg reads, in sorted order, hidden ones passed over) and each file is read
by whoever extracts it, the command's own process or a Dask worker, so a
cluster's workers read their partitions straight from the object store.
The file's bytes are extracted exactly as a local file of the same name
would be (release ids come from the file name), and messages name the URL.

The protocol's own package must be installed (``s3fs`` for ``s3://``,
``gcsfs`` for ``gs://``); outputs are written to a local folder.
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path, PurePosixPath

from govkg.extract import ReadError
from govkg.extract.reading import SUFFIXES
from govkg.extract.records import Extraction
from govkg.graph.build import extract_file

FileResult = tuple[list[Extraction], list[ReadError]]


def is_url(item: str | Path) -> bool:
    """Whether an input names a file system by protocol.

    >>> is_url("s3://bucket/releases"), is_url("releases/0000.txt")
    (True, False)
    """
    return isinstance(item, str) and "://" in item


def _fsspec():
    try:
        import fsspec
    except ImportError as exc:
        raise ImportError(
            "inputs given as URLs need fsspec: pip install fsspec (and s3fs for s3://)"
        ) from exc
    return fsspec


def list_url(url: str) -> list[str]:
    """The release files a URL names: itself, or the files under it, sorted (as local folders are walked)."""
    fs, root = _fsspec().core.url_to_fs(url)
    if not fs.isdir(root):
        if not fs.exists(root):
            raise FileNotFoundError(f"{url}: no such file or folder")
        return [url]
    files = []
    for path in sorted(fs.find(root)):
        relative = PurePosixPath(path).relative_to(PurePosixPath(root.rstrip("/") or "/"))
        if any(part.startswith(".") for part in relative.parts):
            continue
        if PurePosixPath(path).suffix.lower() in SUFFIXES:
            files.append(fs.unstrip_protocol(path))
    return files


def file_version(url: str) -> str:
    """What a file system says identifies this version of a file: its ETag, else size and times."""
    fs, path = _fsspec().core.url_to_fs(url)
    info = fs.info(path)
    for field in ("ETag", "etag", "md5Hash", "crc32c"):
        if info.get(field):
            return f"{field}={info[field]}"
    times = [
        f"{k}={info[k]}"
        for k in ("mtime", "LastModified", "last_modified", "updated", "created")
        if k in info
    ]
    return ";".join([f"size={info.get('size')}", *times])


def read_url(url: str) -> bytes:
    with _fsspec().open(url, "rb") as handle:
        return handle.read()


def extract_url(url: str) -> FileResult:
    """Read one file of a URL and extract it as :func:`govkg.graph.build.extract_file` does a local one."""
    try:
        data = read_url(url)
    except (OSError, ValueError) as exc:
        return [], [ReadError(url, f"cannot read: {exc}")]
    with tempfile.TemporaryDirectory(prefix="govkg-") as tmp:
        local = Path(tmp) / PurePosixPath(url).name
        local.write_bytes(data)
        found, errors = extract_file(local)
    return (
        [dataclasses.replace(e, release=dataclasses.replace(e.release, path=url)) for e in found],
        [ReadError(url, error.problem) for error in errors],
    )


def extract_any(path: str | Path) -> FileResult:
    """A local file or a URL, read and extracted."""
    return extract_url(path) if is_url(path) else extract_file(path)
