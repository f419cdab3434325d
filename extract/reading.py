"""Files to raw documents: decoding, HTML to text, JSON news records.

A release arrives as scraped text (``.txt``), a raw page (``.html``/``.htm``)
or a news record (``.json`` holding one record or a list, ``.jsonl`` a record a
line). Each is turned into :class:`RawDocument` objects: text with line breaks
plus whatever metadata the record states in its own fields. Anything that
cannot be read raises :class:`ReadError` naming the file and the problem.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path

from govkg.extract.html import fragment_to_text, html_to_text
from govkg.extract.records import ReadError

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES

# Field names crawlers actually use, in order of preference.
ID_FIELDS = ("id", "_id", "docid", "guid")
TITLE_FIELDS = ("title", "headline", "name")
BODY_FIELDS = ("content", "text", "body", "article", "content_html")
DATE_FIELDS = ("pubtime", "pub_date", "pubdate", "published", "publish_time", "date", "time")
SOURCE_FIELDS = ("source", "src", "media")
EDITOR_FIELDS = ("editor", "responsible_editor")
URL_FIELDS = ("url", "link", "href")


@dataclass(frozen=True)
class RawDocument:
    """Decoded text of one release before cleaning, with any stated metadata."""

    id: str
    text: str
    path: str
    kind: str  # "text", "html" or "record"
    title: str | None = None
    published: str | None = None
    source: str | None = None
    editor: str | None = None
    url: str | None = None
    warnings: tuple[str, ...] = ()  # what reading changed: bytes replaced, characters made safe


def iter_paths(inputs: list[str | Path]) -> Iterator[Path]:
    """Files to read: each input file, and every readable file below each folder.

    Folders are walked recursively in sorted order so that builds are
    deterministic (the order of the paths sorted: each folder's entries by
    name, a folder's files where its name sorts); hidden files and folders
    and unknown suffixes inside folders are passed over, as are folders
    reached through a symbolic link and folders that cannot be listed.
    """
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _walk(folder: Path) -> Iterator[Path]:
    """The files of :func:`iter_paths` below ``folder`` (``os.scandir``: the kind of each entry comes
    with its name, where ``Path.rglob`` and ``is_file`` asked the system again for each: 100,000
    files listed in 4.6 s)."""
    try:
        with os.scandir(folder) as found:
            entries = sorted(found, key=attrgetter("name"))
    except PermissionError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(folder / entry.name)
        elif os.path.splitext(entry.name)[1].lower() in SUFFIXES and entry.is_file():
            yield folder / entry.name


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_TAGS = re.compile(r"</?(p|br|div|strong|span)\b[^>]*>", re.I)


def decode(data: bytes, path: str | Path, declared: str | None = None) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030.

    UTF-8 is tried first even when a page declares another charset, because
    pages are often re-saved as UTF-8 with their old ``gb2312`` meta tag left
    in. GB18030 covers GB2312 and GBK. Raises ReadError for binary data and
    for text in no encoding we can tell. See :func:`decode_counted` for what
    had to be replaced on the way.

    >>> decode("巴中市".encode("gbk"), "x.txt")
    '巴中市'
    """
    return decode_counted(data, path, declared)[0]


# UTF-8 in which at most this share of the non-ASCII characters are invalid
# sequences is UTF-8 with a few bad bytes (a scraper that cut a character in
# two), not text in another encoding: GBK read as UTF-8 fails on nearly every
# character.
MAX_BAD_UTF8 = 1 / 20


def decode_counted(data: bytes, path: str | Path, declared: str | None = None) -> tuple[str, list[str]]:
    """Like :func:`decode`, and the warnings of what was replaced.

    >>> decode_counted("巴中".encode() + b"\\xff" + "市召开会议".encode() * 50, "x.txt")[1]
    ['1 invalid UTF-8 byte sequence(s) replaced by U+FFFD']
    """
    if not data.strip():
        raise ReadError(path, "empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace"), []
    if b"\x00" in data[:4096] or _looks_binary(data[:4096]):
        raise ReadError(path, "binary file, not text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8-sig", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    if bad <= (len(text) - len(data.translate(None, _NOT_ASCII))) * MAX_BAD_UTF8:
        return text, [f"{bad} invalid UTF-8 byte sequence(s) replaced by U+FFFD"]
    return _decode_other(data, path, declared), []


_NOT_ASCII = bytes(range(128, 256))


def _decode_other(data: bytes, path: str | Path, declared: str | None) -> str:
    candidates = []
    if declared:
        candidates.append(declared)
    candidates += ["gb18030", "big5"]
    for encoding in candidates:
        try:
            text = data.decode(_codec(encoding))
        except (UnicodeDecodeError, LookupError):
            continue
        if _plausible(text):
            return text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and _plausible(str(best)):
        return str(best)
    raise ReadError(path, "text in an unknown encoding (not UTF-8, GB18030/GBK or Big5)")


def _codec(name: str) -> str:
    name = name.lower()
    # GB2312 and GBK pages routinely use characters only GB18030 has.
    return "gb18030" if name in {"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936"} else name


# What no later stage can carry: lone surrogates (from a JSON "\\udc00" escape)
# and the control characters XML 1.0 forbids (lxml and every RDF file refuse
# them). Replaced one for one, so that offsets into the text stay valid.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SAFE = {"\x0b": "\n", "\x0c": "\n"}  # vertical tab and form feed break lines


def make_safe(text: str) -> tuple[str, int]:
    """Text that every later stage can carry, and how many characters were replaced.

    Lone surrogates become U+FFFD, a vertical tab or form feed a line break,
    other control characters (not tab, line feed, carriage return) a space.

    >>> make_safe("何平\\udc00主持\\x0b会议\\x01。")
    ('何平�主持\\n会议 。', 3)
    """
    if not _UNSAFE.search(text):
        return text, 0
    count = 0

    def replace(match: re.Match) -> str:
        nonlocal count
        count += 1
        char = match.group()
        return _SAFE.get(char) or (" " if char < " " else "\ufffd")

    return _UNSAFE.sub(replace, text), count


# Control bytes that text does not hold (all below the space but tab, line feed, form feed,
# carriage return and escape).
_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _looks_binary(head: bytes) -> bool:
    """Whether more than one byte in 50 (and more than 4) is a control byte text does not hold.

    >>> _looks_binary(bytes(range(1, 6)) + b"a" * 200), _looks_binary(bytes([1, 2, 9, 10, 13]) + b"a" * 200)
    (True, False)
    """
    controls = len(head) - len(head.translate(None, _CONTROLS))  # counted in C, not a byte at a time
    return controls > max(4, len(head) // 50)


def _plausible(text: str) -> bool:
    """Mis-decoded text is full of rare symbols and private-use characters."""
    if not text:
        return False
    bad = sum(1 for ch in text if "\ue000" <= ch <= "\uf8ff" or ch == "\ufffd")
    return bad <= len(text) // 200


def read_documents(path: str | Path) -> list[RawDocument]:
    """Read one file into the raw documents it holds (a JSON list holds several).

    Raises ReadError when the whole file is unreadable. Records of a JSON list
    or JSONL file that are malformed are reported through
    :func:`read_documents_lenient` instead of failing their neighbours.
    """
    documents, errors = read_documents_lenient(path)
    if errors and not documents:
        raise errors[0]
    return documents


def read_documents_lenient(path: str | Path) -> tuple[list[RawDocument], list[ReadError]]:
    """Like :func:`read_documents`, but return bad records as errors beside good ones."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [], [ReadError(path, f"cannot read: {exc.strerror or exc}")]
    try:
        if suffix in HTML_SUFFIXES:
            return [_read_html(data, path)], []
        if suffix in JSON_SUFFIXES:
            return _read_json(*_read_text(data, path), path)
        if suffix in JSONL_SUFFIXES:
            return _read_jsonl(*_read_text(data, path), path)
        if suffix in TEXT_SUFFIXES or not suffix:
            return [_text_document(*_read_text(data, path), path)], []
        return [], [ReadError(path, f"unknown file type {suffix!r}")]
    except ReadError as exc:
        return [], [exc]


def _read_text(data: bytes, path: Path, declared: str | None = None) -> tuple[str, list[str]]:
    """Bytes decoded and made safe (:func:`make_safe`), with the warnings of what changed."""
    text, warnings = decode_counted(data, path, declared)
    text, replaced = make_safe(text)
    if replaced:
        warnings.append(_unsafe_warning(replaced))
    return text, warnings


def _unsafe_warning(count: int) -> str:
    return f"{count} character(s) no RDF or XML file can hold replaced (control characters, lone surrogates)"


# A text file that is a whole saved page, not scraped text that kept some markup.
_WHOLE_PAGE = re.compile(r"\s*(<!doctype\s+html|<html\b|<\?xml[^>]*>\s*<html\b)", re.I)


def _text_document(text: str, warnings: list[str], path: Path) -> RawDocument:
    if _WHOLE_PAGE.match(text[:2000]):
        return _html_document(text, warnings, path)
    if len(_TAGS.findall(text)) >= 2:
        # Scraped text that kept the article's markup (<p>, <br>, <strong>).
        text = _fragment_text(text, path)
    return RawDocument(id=path.stem, text=text, path=str(path), kind="text", warnings=tuple(warnings))


def _fragment_text(markup: str, where: str | Path) -> str:

    try:
        return fragment_to_text(markup)
    except Exception as exc:  # lxml raises several types; the markup stays this record's problem
        raise ReadError(where, f"unparsable HTML fragment: {type(exc).__name__}: {exc}") from None


def _read_html(data: bytes, path: Path) -> RawDocument:
    match = _META_CHARSET.search(data[:4096])
    declared = match.group(1).decode("ascii", "replace") if match else None
    return _html_document(*_read_text(data, path, declared), path)


def _html_document(text: str, warnings: list[str], path: Path) -> RawDocument:

    page = html_to_text(text, path)
    return RawDocument(
        id=path.stem,
        text=page.text,
        path=str(path),
        kind="html",
        title=page.title,
        warnings=tuple(warnings) + page.warnings,
    )


def _read_json(text: str, warnings: list[str], path: Path) -> tuple[list[RawDocument], list[ReadError]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(path, f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    if isinstance(data, dict) and not _body_of(data):
        # A wrapper object such as {"data": [...]} or {"records": [...]}.
        lists = [v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        if len(lists) == 1:
            data = lists[0]
    records = data if isinstance(data, list) else [data]
    documents, errors = [], []
    for index, record in enumerate(records):
        where = f"{path}[{index}]" if isinstance(data, list) else str(path)
        try:
            documents.append(
                document_from_record(
                    record,
                    where,
                    path,
                    path.stem if not isinstance(data, list) else f"{path.stem}-{index}",
                    warnings,
                )
            )
        except ReadError as exc:
            errors.append(exc)
    if not records:
        errors.append(ReadError(path, "JSON holds no records"))
    return documents, errors


def _read_jsonl(text: str, warnings: list[str], path: Path) -> tuple[list[RawDocument], list[ReadError]]:
    documents, errors = [], []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(ReadError(where, f"malformed JSON record: {exc.msg} at column {exc.colno}"))
            continue
        try:
            documents.append(document_from_record(record, where, path, f"{path.stem}-{number}", warnings))
        except ReadError as exc:
            errors.append(exc)
    if not documents and not errors:
        errors.append(ReadError(path, "empty file"))
    return documents, errors


def _first(record: dict, fields: tuple[str, ...]) -> str | None:
    for name in fields:
        value = record.get(name)
        if value not in (None, "") and not isinstance(value, (dict, list)):
            return str(value).strip() or None
    return None


def _body_of(record: dict) -> str | None:
    return _first(record, BODY_FIELDS)


def _body_field(record: dict, where: str) -> tuple[str, str] | None:
    """The name and text of a record's body field; a body that is not text is an error."""
    for name in BODY_FIELDS:
        value = record.get(name)
        if value in (None, ""):
            continue
        if not isinstance(value, str):
            kind = {bool: "a boolean", int: "a number", float: "a number", dict: "an object", list: "a list"}
            shown = json.dumps(value, ensure_ascii=False)
            shown = shown if len(shown) <= 40 else shown[:40] + "…"
            raise ReadError(
                where, f"field {name!r} is {kind.get(type(value), type(value).__name__)} ({shown}), not text"
            )
        if value.strip():
            return name, value
    return None


def document_from_record(
    record: object, where: str, path: Path, fallback_id: str, warnings: list[str] | tuple[str, ...] = ()
) -> RawDocument:
    """A news record (a dict with crawler field names) as a raw document; ``where`` names it in errors.

    Every text field is made safe (:func:`make_safe`): JSON escapes can spell
    lone surrogates and control characters that no decoder saw. ``warnings``
    are those of the file the record came from.
    """
    if not isinstance(record, dict):
        raise ReadError(where, f"record is a JSON {type(record).__name__}, not an object")
    found = _body_field(record, where)
    if found is None:
        raise ReadError(where, f"record has no text (none of the fields {', '.join(BODY_FIELDS)})")
    replaced = 0

    def safe(value: str | None) -> str | None:
        nonlocal replaced
        if value is None:
            return None
        value, count = make_safe(value)
        replaced += count
        return value

    body = safe(found[1])
    if "<" in body and re.search(r"<(p|br|div|span|P|BR)\b", body):
        body = _fragment_text(body, where)
    fields = {
        "id": safe(_first(record, ID_FIELDS)) or fallback_id,
        "title": safe(_first(record, TITLE_FIELDS)),
        "published": safe(_first(record, DATE_FIELDS)),
        "source": safe(_first(record, SOURCE_FIELDS)),
        "editor": safe(_first(record, EDITOR_FIELDS)),
        "url": safe(_first(record, URL_FIELDS)),
    }
    warnings = list(warnings) + ([_unsafe_warning(replaced)] if replaced else [])
    return RawDocument(text=body, path=where, kind="record", warnings=tuple(warnings), **fields)
