"""govkg show: one release with every person, title, event, date and role marked in place."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from govkg.graph.build import build, sample_paths
from govkg.graph.cli import EXIT_FAIL, EXIT_OK, EXIT_USAGE, main
from govkg.graph.outputs import write_outputs
from govkg.graph.show import extractions_of_file, render_html, render_text, show, show_extraction
from govkg.ontology import Role

SEED = next(p for p in sample_paths() if p.name == "0000.txt")


@pytest.fixture(scope="module")
def seed():
    (shown,) = show(SEED)
    return shown


def test_the_seed_release_marks_its_persons_meeting_date_and_roles(seed):
    plain = render_text(seed)
    for name in ("何平", "温奇志", "赵建仁"):  # the seed release's officials
        assert f"[{name}|person" in plain
    assert f"[温奇志|person|{Role.chair.label}]" in plain
    assert re.search(r"\[[^\[\]|]*会议\|event\]", plain)
    assert "[1月25日|date]" in plain
    assert "|title]" in plain


def test_every_role_is_marked_on_its_persons_mention(seed):
    (extraction,) = extractions_of_file(SEED)
    persons = {p.key: p for p in extraction.persons}
    roles = {(m.start, m.end): m.roles for m in seed.marks if m.kind == "person"}
    checked = 0
    for event in extraction.events:
        for part in event.participations:
            person = persons[part.person]
            spans = [
                s for s in person.mentions if part.evidence.start <= s.start < s.end <= part.evidence.end
            ]
            if spans:
                assert Role[part.role].label in roles[(spans[0].start, spans[0].end)]
                checked += 1
    assert checked >= 3


def test_marks_nest_and_never_cross(seed):
    for a in seed.marks:
        for b in seed.marks:
            assert not (a.start < b.start < a.end < b.end), (a, b)


def test_plain_text_is_the_release_text_with_brackets_only(seed):
    plain = render_text(seed).split("\n\n")[1]
    unmarked = re.sub(r"\|[a-z]+(?:\|[^\]]*)?\]", "", plain).replace("[", "")
    assert unmarked == seed.release.text.rstrip("\n")
    assert "\x1b[" not in plain
    assert "\x1b[" in render_text(seed, colour=True)


def test_a_release_of_a_build_is_shown_as_from_its_file(tmp_path, seed, sample_result):
    write_outputs(sample_result, tmp_path)
    (again,) = show("0000", tmp_path)
    assert [(m.start, m.end, m.kind, m.roles) for m in again.marks] == [
        (m.start, m.end, m.kind, m.roles) for m in seed.marks
    ]


def test_the_command_prints_brackets_into_a_pipe_and_writes_html(tmp_path, capsys):
    assert main(["show", str(SEED)]) == EXIT_OK
    assert "[温奇志|person|" in capsys.readouterr().out
    assert main(["show", str(SEED), "--html", str(tmp_path / "seed.html")]) == EXIT_OK
    page = (tmp_path / "seed.html").read_text(encoding="utf-8")
    assert '<mark id="m0"' in page and "http" not in page


def test_the_command_says_what_it_cannot_find(tmp_path, capsys):
    write_outputs(build(sample_paths()[:1]), tmp_path / "build")
    assert main(["show", "no-such-id", str(tmp_path / "build")]) == EXIT_FAIL
    assert "no release 'no-such-id'" in capsys.readouterr().err
    assert main(["show", "0000", str(tmp_path / "nowhere")]) == EXIT_USAGE
    assert "nowhere" in capsys.readouterr().err


def test_every_fact_link_of_the_page_has_its_mark(seed):
    page = render_html(seed)
    targets = set(re.findall(r'href="#(m\d+)"', page))
    assert targets and targets <= set(re.findall(r'<mark id="(m\d+)"', page))


BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(BROWSER is None, reason="chromium is not installed")
def test_the_page_opens_in_a_browser_without_errors(seed, tmp_path):
    from tests.graph.chromium import Chromium

    path = Path(tmp_path / "seed.html")
    path.write_text(render_html(seed), encoding="utf-8")
    with Chromium(BROWSER, tmp_path / "profile") as browser:
        report = browser.open(
            path,
            "document.readyState === 'complete'",
            {
                "marks": "document.querySelectorAll('mark[id]').length",
                "facts": "document.querySelectorAll('ol.facts li').length",
                "persons": "Array.from(document.querySelectorAll('mark.person')).map(m => m.textContent)",
            },
        )
    assert report.errors == []
    assert [u for u in report.requests if not u.startswith(("file:", "data:"))] == []
    assert report.values["marks"] == len(seed.marks)
    assert report.values["facts"] == len(seed.facts)
    assert {"何平", "温奇志", "赵建仁"} <= set(report.values["persons"])


def test_show_extraction_needs_no_file():
    from govkg.extract import Release, extract

    release = Release(id="x", text="3月2日，县委书记李四主持召开春耕生产工作会议。", published="2022-03-03")
    shown = show_extraction(extract(release))
    assert {m.kind for m in shown.marks} >= {"person", "title", "date"}


def test_a_title_the_headline_states_is_listed_but_not_marked_in_the_body():
    from govkg.extract import Release, extract

    release = Release(id="x", title="李四当选为某某区区长", text="李四说，谢谢大家。")
    shown = show_extraction(extract(release))
    (fact,) = [f for f in shown.facts if f.kind == "title"]
    assert "某某区区长" in fact.text and fact.span is None
    assert all(m.kind != "title" for m in shown.marks)
