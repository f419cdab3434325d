"""Reading each input form and each kind of bad input, with small examples of our own."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from govkg.extract.reading import (
    SUFFIXES,
    ReadError,
    decode,
    iter_paths,
    read_documents,
    read_documents_lenient,
)

BODY = "1月25日，我市召开疫情防控工作会议。副市长张三主持会议。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "gb2312", "utf-16"])
def test_text_in_each_encoding(tmp_path, encoding):
    path = tmp_path / "r.txt"
    path.write_bytes(BODY.encode(encoding))
    (document,) = read_documents(path)
    assert document.text == BODY
    assert document.id == "r"


def test_html_declaring_gb2312_but_saved_as_utf8(tmp_path):
    page = (
        f'<html><head><meta charset="gb2312"><title>会议召开</title></head><body><p>{BODY}</p></body></html>'
    )
    path = tmp_path / "p.html"
    path.write_bytes(page.encode("utf-8"))
    (document,) = read_documents(path)
    assert BODY in document.text


def test_html_in_gbk_without_declaration(tmp_path):
    page = f"<html><body><div><p>{BODY}</p><p>第二段。</p></div></body></html>"
    path = tmp_path / "p.htm"
    path.write_bytes(page.encode("gbk"))
    (document,) = read_documents(path)
    assert document.text.splitlines() == [BODY, "第二段。"]


def test_html_drops_scripts_and_navigation(tmp_path):
    page = (
        "<html><head><script>var x = '脚本';</script><style>p{}</style></head><body>"
        "<nav>首页 | 新闻</nav><h1>会议召开</h1><p>" + BODY + "</p><footer>版权所有</footer></body></html>"
    )
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    (document,) = read_documents(path)
    assert document.title == "会议召开"
    assert "脚本" not in document.text and "首页" not in document.text and "版权所有" not in document.text


def test_json_record_with_html_fragment(tmp_path):
    record = {
        "id": "V1",
        "title": "[视频]会见",
        "pubtime": "2012-07-23 19:17:47",
        "source": "CNTV",
        "content": "<p>　　第一段。</P>\r\n<p>第二段。<BR></P>",
    }
    path = tmp_path / "n.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    (document,) = read_documents(path)
    assert document.id == "V1" and document.source == "CNTV"
    assert document.text.splitlines()[1] == "第二段。"


@pytest.mark.parametrize(
    "body_field,date_field", [("text", "pub_date"), ("body", "published"), ("content", "date")]
)
def test_json_list_with_other_field_names(tmp_path, body_field, date_field):
    records = [{"id": f"a{i}", body_field: BODY, date_field: "2020-01-26"} for i in range(2)]
    path = tmp_path / "list.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    documents = read_documents(path)
    assert [d.id for d in documents] == ["a0", "a1"]
    assert documents[0].published == "2020-01-26"


def test_jsonl_bad_line_does_not_sink_the_others(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"id": "ok", "content": BODY}, ensure_ascii=False)
        + "\n{broken\n"
        + json.dumps({"id": "nobody"})
        + "\n",
        encoding="utf-8",
    )
    documents, errors = read_documents_lenient(path)
    assert [d.id for d in documents] == ["ok"]
    assert len(errors) == 2
    assert "feed.jsonl:2" in str(errors[0]) and "malformed JSON" in str(errors[0])
    assert "no text" in str(errors[1])


@pytest.mark.parametrize(
    "name,data,problem",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n", "empty file"),
        ("image.txt", bytes(range(256)) * 4, "binary"),
        ("cut.html", "<html><body><p>1月25日，我市召开会议，副市长".encode(), "truncated"),
        ("bad.json", b'{"id": "x", "content": ', "malformed JSON"),
        ("list.json", b"[1, 2]", "not an object"),
    ],
)
def test_bad_input_names_file_and_problem(tmp_path, name, data, problem):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError) as caught:
        read_documents(path)
    assert name in str(caught.value)
    assert problem in str(caught.value)


def test_undecodable_text_is_an_error():
    # Random high bytes that are neither UTF-8 nor sensible GB18030.
    with pytest.raises(ReadError, match=r"encoding|binary"):
        decode(bytes([0x81, 0x30, 0xFF, 0xFE, 0x80]) * 50 + b"\x01\x02\x03\x04\x05\x06" * 40, "x.txt")


def test_scraped_text_with_markup_left_in(tmp_path):
    path = tmp_path / "m.txt"
    path.write_text(f"标题\n<p><strong>本网消息</strong>：{BODY}</p><p>第二段。</p>", encoding="utf-8")
    (document,) = read_documents(path)
    assert "<" not in document.text
    assert document.text.splitlines()[-2:] == [f"本网消息：{BODY}", "第二段。"]


def test_a_read_error_survives_the_trip_back_from_a_worker_process():
    import pickle

    error = pickle.loads(pickle.dumps(ReadError("a.txt", "empty file")))
    assert (error.path, error.problem, str(error)) == ("a.txt", "empty file", "a.txt: empty file")


def _sorted_walk(folder):
    """The rule iter_paths keeps: every file below ``folder`` with a known suffix, in the order of the
    paths sorted, none inside a hidden part, none below a folder reached through a link."""
    found = []
    for child in sorted(folder.rglob("*")):
        parts = child.relative_to(folder).parts
        if any(part.startswith(".") for part in parts):
            continue
        if any((folder.joinpath(*parts[:i])).is_symlink() for i in range(1, len(parts))):
            continue
        if child.is_file() and child.suffix.lower() in SUFFIXES:
            found.append(child)
    return found


def test_folders_walked_in_sorted_order_without_hidden_or_linked_folders(tmp_path, monkeypatch):
    root = tmp_path / "in"
    for name in [
        "a.txt", "a-b.txt", "a/x.txt", "a/b/y.HTML", "a0.json", "B.txt", "z.md", "noext",
        ".hidden.txt", ".git/c.txt", "d/.e/f.txt", "d/g.jsonl", "d/h.txt.bak", "早.txt", "x.y.ndjson",
    ]:  # fmt: skip
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "o.txt").write_text("x", encoding="utf-8")
    (root / "linked").symlink_to(outside, target_is_directory=True)  # not followed
    (root / "k.txt").symlink_to(outside / "o.txt")  # a file: read
    (root / "e").mkdir()
    found = list(iter_paths([root]))
    assert found == _sorted_walk(root)
    names = [path.relative_to(root).as_posix() for path in found]
    assert names == [
        "B.txt", "a/b/y.HTML", "a/x.txt", "a-b.txt", "a.txt", "a0.json", "d/g.jsonl", "k.txt",
        "x.y.ndjson", "早.txt",
    ]  # fmt: skip
    # a file named directly is read whatever its name; a folder given relative stays relative
    assert list(iter_paths([root / "z.md"])) == [root / "z.md"]
    monkeypatch.chdir(tmp_path)
    assert list(iter_paths(["in"]))[:2] == [Path("in/B.txt"), Path("in/a/b/y.HTML")]


def test_a_folder_that_cannot_be_listed_is_passed_over(tmp_path, monkeypatch):
    root = tmp_path / "in"
    (root / "locked").mkdir(parents=True)
    (root / "locked" / "r.txt").write_text("x", encoding="utf-8")
    (root / "r.txt").write_text("x", encoding="utf-8")
    scandir = os.scandir

    def refusing(path):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    assert list(iter_paths([root])) == [root / "r.txt"]
