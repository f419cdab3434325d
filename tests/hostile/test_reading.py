"""Hostile and careless input to the read and build stages (issue #13, #12, #10).

Each case is one that once crashed the batch, was dropped silently or said the
wrong thing: it must now be that release's own error, or be read with a
warning that names the file.
"""

from __future__ import annotations

import json
import sys

import pytest

from govkg.extract import read_releases
from govkg.extract.reading import decode_counted, make_safe
from govkg.graph import build, build_records
from govkg.graph.outputs import ntriples, turtle

BODY = "1月25日，市委书记何平主持召开会议，研究部署疫情防控工作。"


def record(content, **fields) -> dict:
    return {"id": "n1", "title": "会议召开", "content": content, "pubtime": "2020-01-26 10:00", **fields}


def test_a_lone_surrogate_in_a_record_is_replaced_counted_and_built():
    result = build_records([record("1月25日，何平\udc00主持会议。"), record(BODY, id="n2")])
    assert not result.errors
    assert [r.id for r in result.releases] == ["n1", "n2"]
    assert "\ufffd" in result.releases[0].text
    assert result.warnings == [
        "record[0]: 1 character(s) no RDF or XML file can hold replaced (control characters, lone surrogates)"
    ]
    turtle(result).encode("utf-8")  # the RDF files can be written


@pytest.mark.parametrize("where", ["html", "json"])
def test_a_control_character_after_a_script_is_read(tmp_path, where):
    markup = f"<p>甲<script>x</script>\x0b</p><p>{BODY}</p>"
    if where == "html":
        path = tmp_path / "page.html"
        path.write_text(f"<html><body>{markup}</body></html>", encoding="utf-8")
    else:
        path = tmp_path / "page.json"
        path.write_text(json.dumps(record(markup)), encoding="utf-8")
    result = build([path])
    assert not result.errors
    assert BODY in result.releases[0].text
    assert result.warnings == [
        f"{path}: 1 character(s) no RDF or XML file can hold replaced (control characters, lone surrogates)"
    ]
    ntriples(result).encode("utf-8")


def test_build_records_with_a_control_character_in_html_content():
    result = build_records([record(f"<p>甲<script>x</script>\x0b</p><p>{BODY}</p>")])
    assert not result.errors and BODY in result.releases[0].text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("甲\udc00乙", "甲\ufffd乙"),
        ("甲\x00乙\x1f丙", "甲 乙 丙"),
        ("甲\x0b乙\x0c", "甲\n乙\n"),
        ("甲\ufffe乙\uffff", "甲\ufffd乙\ufffd"),
        ("甲\t乙\r\n丙", "甲\t乙\r\n丙"),
    ],
)
def test_text_is_made_safe_one_character_for_one(text, expected):
    safe, count = make_safe(text)
    assert safe == expected and len(safe) == len(text)
    assert count == sum(a != b for a, b in zip(text, expected, strict=True))


def test_an_impossible_publication_date_is_dropped_with_a_warning():
    result = build_records([record(BODY, pubtime="2020-02-30 10:00")])
    (release,) = result.releases
    assert release.published is None
    assert "publication date '2020-02-30 10:00' is not a valid date, dropped" in release.warnings
    assert "2020-02-30" not in ntriples(result)


def test_an_impossible_date_in_the_text_is_not_resolved_and_warned():
    result = build_records([record("2月30日，市委书记何平主持召开会议。", pubtime="2020-03-02 10:00")])
    (extraction,) = result.extractions
    assert all(event.date != "2020-02-30" for event in extraction.events)
    assert extraction.release.warnings == ("impossible date '2月30日' at offset 0 not resolved",)
    assert "2020-02-30" not in ntriples(result)


def test_an_impossible_date_line_of_a_page_is_no_publication_date(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(f"会议召开\n发布时间：2020年02月30日 10:00\n{BODY}\n", encoding="utf-8")
    (release,), errors = read_releases(path)
    assert not errors and release.published is None


def test_duplicate_ids_in_records_keep_the_first_with_a_message():
    result = build_records([record(BODY), record("1月26日，何平出席会议。")])
    assert len(result.releases) == 1 and result.releases[0].text == BODY
    assert [str(e) for e in result.errors] == ["record[1]: duplicate release id 'n1', kept the first"]
    assert ntriples(result).count("bodyText") == 1


@pytest.mark.parametrize(
    "content, said",
    [
        (12345, "field 'content' is a number (12345), not text"),
        (True, "field 'content' is a boolean (true), not text"),
        (2.5, "field 'content' is a number (2.5), not text"),
        ({"a": 1}, "field 'content' is an object"),
    ],
)
def test_content_that_is_not_text_is_an_error_naming_the_record(content, said):
    result = build_records([record(BODY, id="n0"), record(content)])
    assert [r.id for r in result.releases] == ["n0"]
    (error,) = result.errors
    assert str(error).startswith(f"record[1]: {said}")


def test_a_record_whose_text_cleans_to_nothing_is_its_error():
    result = build_records([record(BODY, id="n0"), record("<p> </p><p>\u3000</p>")])
    assert [r.id for r in result.releases] == ["n0"]
    assert [str(e) for e in result.errors] == ["record[1]: no article text found (empty or truncated page)"]


def test_an_exception_in_one_record_is_that_records_error(monkeypatch):
    build_module = sys.modules["govkg.graph.build"]

    real = build_module.extract

    def failing(release):
        if release.id == "bad":
            raise RuntimeError("boom")
        return real(release)

    monkeypatch.setattr(build_module, "extract", failing)
    result = build_records([record(BODY, id="bad"), record(BODY, id="good")])
    assert [r.id for r in result.releases] == ["good"]
    assert [str(e) for e in result.errors] == ["record[0]: extraction failed: RuntimeError: boom"]


def test_an_exception_in_cleaning_is_that_files_error(tmp_path, monkeypatch):
    import govkg.extract.pipeline as pipeline

    monkeypatch.setattr(pipeline, "clean", lambda document: 1 / 0)
    path = tmp_path / "r.txt"
    path.write_text(BODY, encoding="utf-8")
    releases, errors = read_releases(path)
    assert releases == [] and [str(e) for e in errors] == [
        f"{path}: cleaning failed: ZeroDivisionError: division by zero"
    ]


def test_an_article_nested_in_20000_divs_is_read(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text(
        f"<html><body>{'<div>' * 20000}<p>{BODY}</p>{'</div>' * 20000}</body></html>", encoding="utf-8"
    )
    (release,), errors = read_releases(path)
    assert not errors and release.text == BODY
    assert release.warnings == ("HTML nested deeper than the parser allows; read with its tags cut out",)


def test_a_long_single_line_of_text_is_read(tmp_path):
    path = tmp_path / "line.txt"
    path.write_text(BODY * 20_000, encoding="utf-8")  # 1.8 MB, one line
    (release,), errors = read_releases(path)
    assert not errors and len(release.text) == len(BODY) * 20_000


def test_a_text_page_that_starts_with_a_paragraph_tag_is_text_with_markup(tmp_path):
    path = tmp_path / "r.txt"
    second = "会议要求，各级各部门要压实责任，确保各项措施落实到位。"
    path.write_text(f"<p>{BODY}</p>\n<p>{second}</p>", encoding="utf-8")  # no </html>: not a page
    (release,), errors = read_releases(path)
    assert not errors and release.text.splitlines() == [BODY, second]


def test_a_truncated_saved_page_in_a_text_file_is_still_refused(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(f"<!DOCTYPE html><html><body><p>{BODY}", encoding="utf-8")
    releases, (error,) = read_releases(path)
    assert releases == [] and "truncated HTML page" in str(error)


def test_utf8_with_a_few_invalid_bytes_is_read_and_counted(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(BODY.encode() + b"\xff\xfe" + BODY.encode() * 5)
    (release,), errors = read_releases(path)
    assert not errors and release.text.count("市委书记何平") == 6
    assert release.warnings == ("2 invalid UTF-8 byte sequence(s) replaced by U+FFFD",)


def test_gbk_is_not_taken_for_utf8_with_bad_bytes():
    text, warnings = decode_counted((BODY * 3).encode("gbk"), "r.txt")
    assert text == BODY * 3 and warnings == []


def test_a_role_only_from_a_sentence_that_names_the_person():
    result = build_records([record("张海主持。讲话#任命长局长")])
    roles = [(p.person, p.role) for e in result.extractions[0].events for p in e.participations]
    assert ("张海", "speak") not in roles
    assert ("张海", "chair") in roles


def test_a_role_from_a_sentence_that_refers_back_by_pronoun_is_kept():
    result = build_records([record("1月25日，市委书记何平主持召开会议。他强调，要做好防控工作。")])
    roles = {p.role for e in result.extractions[0].events for p in e.participations}
    assert {"chair", "speak"} <= roles


def test_the_build_command_prints_each_warning_naming_the_file(tmp_path, capsys):
    from govkg.graph.cli import main

    path = tmp_path / "r.json"
    path.write_text(json.dumps(record("1月25日，何平\udc00主持会议。")), encoding="utf-8")
    code = main(["build", str(path), "-o", str(tmp_path / "out"), "-q", "--no-check"])
    err = capsys.readouterr().err
    assert code == 0
    assert f"govkg: warning: {path}: 1 character(s) no RDF or XML file can hold replaced" in err
    assert "Traceback" not in err
