"""One grammar for every command: GRAPH, standard input, exit statuses, usage, progress."""

from __future__ import annotations

import io
import json

import pytest
from rdflib import Graph

from govkg.graph.cli import COMMANDS, EXIT_FAIL, EXIT_OK, EXIT_USAGE, main, make_parser
from govkg.ontology import SCHEMA

# How each command that reads a GRAPH is called with one (its other arguments around it).
GRAPH_COMMANDS = {
    "check": lambda g: ["check", g],
    "query": lambda g: ["query", g, "-n", "meeting-chairs"],
    "serve": lambda g: ["serve", g, "--port", "0"],
    "view": lambda g: ["view", g, "-o", g + ".html"],
    "stats": lambda g: ["stats", g],
    "person": lambda g: ["person", "何平", g],
    "export": lambda g: ["export", g, "-o", g + ".tables"],
    "show": lambda g: ["show", "0000", g],
    "site": lambda g: ["site", g, "-o", g + ".site"],
}

RECORDS = [
    {
        "id": "n1",
        "title": "会议召开",
        "content": "1月25日，我市召开防控工作会议。市长何平主持会议。",
        "pubtime": "2020-01-26 15:22",
    },
    {"id": "n2", "title": "调研", "content": "2月2日，县委书记李四到某村调研。", "pubtime": "2020-02-03"},
]


def test_every_command_that_reads_a_graph_is_covered():
    parser = make_parser()
    takes_graph = {
        name
        for name in COMMANDS
        if any(a.dest == "graph" for a in parser._subparsers._group_actions[0].choices[name]._actions)
    }
    assert takes_graph == set(GRAPH_COMMANDS)


def _bad_graphs(tmp_path):
    (tmp_path / "notes.xyz").write_text("x", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    return {
        "missing": (str(tmp_path / "nope.ttl"), "no such graph file or build folder"),
        "unknown type": (str(tmp_path / "notes.xyz"), "unknown RDF file type"),
        "folder without a graph": (str(tmp_path / "empty"), "not a build folder"),
    }


@pytest.mark.parametrize("kind", ["missing", "unknown type", "folder without a graph"])
@pytest.mark.parametrize("command", sorted(GRAPH_COMMANDS))
def test_a_bad_graph_path_gives_the_same_message_and_status_everywhere(tmp_path, capsys, command, kind):
    path, words = _bad_graphs(tmp_path)[kind]
    assert main(GRAPH_COMMANDS[command](path)) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith(f"govkg {command}: {path}: {words}")
    # and word for word what every other command says
    assert main(GRAPH_COMMANDS["check"](path)) == EXIT_USAGE
    assert capsys.readouterr().err == err.replace(f"govkg {command}:", "govkg check:", 1)


@pytest.mark.parametrize("command", sorted(GRAPH_COMMANDS))
def test_a_graph_that_cannot_be_parsed_is_a_failure_everywhere(tmp_path, capsys, command):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <", encoding="utf-8")
    assert main(GRAPH_COMMANDS[command](str(bad))) == EXIT_FAIL
    assert str(bad) in capsys.readouterr().err


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_bad_flag_prints_the_commands_own_usage(capsys, command):
    with pytest.raises(SystemExit) as exit:
        main([command, "--bogus"])
    assert exit.value.code == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith(f"usage: govkg {command} ")
    assert f"govkg {command}: error:" in err


@pytest.mark.parametrize("command", [None, *sorted(COMMANDS)])
def test_help_documents_the_exit_statuses(command):
    parser = make_parser()
    if command:
        parser = parser._subparsers._group_actions[0].choices[command]
    text = parser.format_help()
    assert "exit status" in text and "usage error" in text and "130" in text


def _stdin(monkeypatch, text):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))


def test_build_reads_json_lines_from_standard_input(tmp_path, monkeypatch, capsys):
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS) + "\nnot json\n"
    _stdin(monkeypatch, lines)
    code = main(["build", "-", "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 3  # built, one line skipped
    assert "-:3: malformed JSON" in err and "stdin.jsonl" not in err
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert sorted(str(o) for o in graph.objects(None, SCHEMA.identifier)) == ["n1", "n2"]


def test_standard_input_is_not_mixed_with_files(tmp_path, capsys):
    assert main(["build", "-", str(tmp_path), "-o", str(tmp_path / "out")]) == EXIT_USAGE
    assert "cannot be mixed" in capsys.readouterr().err


def test_query_reads_its_text_from_standard_input(tmp_path, monkeypatch, capsys):
    _stdin(monkeypatch, "\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS))
    assert main(["build", "-", "-o", str(tmp_path / "out"), "-q", "--no-check"]) == EXIT_OK
    _stdin(monkeypatch, "SELECT ?id WHERE { ?r <https://schema.org/identifier> ?id } ORDER BY ?id")
    assert main(["query", str(tmp_path / "out"), "-", "-f", "csv"]) == EXIT_OK
    assert capsys.readouterr().out.split() == ["id", "n1", "n2"]


def test_progress_bars_only_on_a_terminal(tmp_path, monkeypatch, capsys):
    source = tmp_path / "in.json"
    source.write_text(json.dumps(RECORDS, ensure_ascii=False), encoding="utf-8")
    assert main(["build", str(source), "-o", str(tmp_path / "a")]) == EXIT_OK
    assert "reading and extracting" not in capsys.readouterr().err
    monkeypatch.setattr("govkg.graph.cli.build.on_terminal", lambda: True)
    assert main(["build", str(source), "-o", str(tmp_path / "b")]) == EXIT_OK
    err = capsys.readouterr().err
    for phase in ("reading and extracting", "checking", "writing"):
        assert phase in err, err


def test_check_shows_its_phases_on_a_terminal(tmp_path, monkeypatch, capsys):
    source = tmp_path / "in.json"
    source.write_text(json.dumps(RECORDS, ensure_ascii=False), encoding="utf-8")
    assert main(["build", str(source), "-o", str(tmp_path / "out"), "-q"]) == EXIT_OK
    monkeypatch.setattr("govkg.graph.cli.check.on_terminal", lambda: True)
    assert main(["check", str(tmp_path / "out")]) == EXIT_OK
    err = capsys.readouterr().err
    assert "reading" in err and "checking (SHACL)" in err
