"""The command line through typer's CliRunner: stdout, stderr and exit code checked separately."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsinspect.cli import environment
from newsinspect.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "cli"
HARBOUR = str(FIXTURES / "harbour.txt")
HOSTILE = str(FIXTURES / "hostile_markup.txt")

CONTRACT_KEYS = [
    "schema", "file", "format", "url", "title", "subtitle", "authors", "published", "updated", "dateline",
    "captions", "paragraphs", "stats", "quotes", "entities", "warnings",
]  # fmt: skip


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def json_lines(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines()]


def fake_terminal(monkeypatch: pytest.MonkeyPatch, *, stdin: bool = True, stdout: bool = True) -> None:
    """Make the Environment believe stdin/stdout are terminals (CliRunner's streams are not)."""
    original = environment.Environment.from_process.__func__  # type: ignore[attr-defined]

    def from_process(cls: type[environment.Environment], **kwargs: Any) -> environment.Environment:
        env: environment.Environment = original(cls, **kwargs)
        env.stdin_isatty = stdin
        env.stdout_isatty = stdout
        env.color = stdout and not kwargs.get("no_color") and not environment.os.environ.get("NO_COLOR")
        return env

    monkeypatch.setattr(environment.Environment, "from_process", classmethod(from_process))


def test_show_json_follows_the_contract(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "--json", HARBOUR])
    assert result.exit_code == 0, result.stderr
    (record,) = json_lines(result.stdout)
    assert list(record) == CONTRACT_KEYS
    assert record["schema"] == 1
    assert record["file"] == HARBOUR
    assert record["title"] == "Harbour Council Approves Tidal Barrier Despite ‘Serious Doubts’"
    assert record["authors"] == ["Tomas Okonkwo", "Priya Raman"]
    assert record["published"] == "2024-03-04"
    text = Path(HARBOUR).read_text(encoding="utf-8")
    for paragraph in record["paragraphs"]:
        assert text[paragraph["start"] : paragraph["end"]] == paragraph["text"]
    assert result.stderr == ""


def test_several_files_keep_order_and_a_missing_one_fails_alone(runner: CliRunner, tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    result = runner.invoke(app, ["show", "--json", HARBOUR, missing, HOSTILE])
    assert result.exit_code == 1
    records = json_lines(result.stdout)
    assert [r["file"] for r in records] == [HARBOUR, missing, HOSTILE]
    assert records[1] == {"schema": 1, "file": missing, "error": "no such file"}
    assert "title" in records[0] and "title" in records[2]
    assert result.stderr.strip().splitlines() == [f"newsinspect: {missing}: no such file"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty file"),
        (b"   \n\n\t  \n", "file holds only white space"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL bytes at offset 8)"),
    ],
)
def test_bad_files_give_one_line_errors(
    runner: CliRunner, tmp_path: Path, content: bytes, expected: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = runner.invoke(app, ["show", str(bad)])
    assert result.exit_code == 1
    assert result.stderr == f"newsinspect: {bad}: {expected}\n"
    assert "Traceback" not in result.output


def test_a_directory_is_an_error_record(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["quotes", "--json", str(tmp_path), HARBOUR])
    assert result.exit_code == 1
    first, second = json_lines(result.stdout)
    assert first["error"]
    assert second["file"] == HARBOUR and "quotes" in second


def test_max_bytes_refuses_large_inputs(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "--json", "--max-bytes", "100", HARBOUR])
    assert result.exit_code == 1
    (record,) = json_lines(result.stdout)
    assert record["error"].startswith("file too large")


def test_dash_reads_stdin(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "--json", "-"], input=Path(HARBOUR).read_bytes())
    assert result.exit_code == 0
    (record,) = json_lines(result.stdout)
    assert record["file"] == "-"
    assert record["authors"] == ["Tomas Okonkwo", "Priya Raman"]


def test_no_file_with_piped_stdin_reads_stdin(runner: CliRunner) -> None:
    result = runner.invoke(app, ["quotes", "--json"], input=Path(HARBOUR).read_bytes())
    assert result.exit_code == 0
    (record,) = json_lines(result.stdout)
    assert record["file"] == "-"


def test_no_file_with_terminal_stdin_prints_help_and_does_not_hang(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_terminal(monkeypatch)
    result = runner.invoke(app, ["show"])
    assert result.exit_code == 2
    assert "Usage" in result.stderr
    assert result.stdout == ""


def test_quotes_json_has_file_title_and_quotes(runner: CliRunner) -> None:
    result = runner.invoke(app, ["quotes", "--json", HARBOUR])
    assert result.exit_code == 0
    (record,) = json_lines(result.stdout)
    assert list(record) == ["schema", "file", "title", "quotes", "warnings"]
    assert any(q["speaker"] == "Elena Vasquez" for q in record["quotes"])


def test_quotes_filters(runner: CliRunner) -> None:
    everything = json_lines(runner.invoke(app, ["quotes", "--json", HARBOUR]).stdout)[0]["quotes"]
    kinds = {q["kind"] for q in everything}
    assert "partial" in kinds and "full" in kinds
    partial = json_lines(runner.invoke(app, ["quotes", "--json", "--kind", "partial", HARBOUR]).stdout)[0]
    assert partial["quotes"] and all(q["kind"] == "partial" for q in partial["quotes"])
    vasquez = json_lines(runner.invoke(app, ["quotes", "--json", "--speaker", "vasquez", HARBOUR]).stdout)[0]
    assert vasquez["quotes"] and all(q["speaker"] == "Elena Vasquez" for q in vasquez["quotes"])
    assert len(vasquez["quotes"]) < len(everything)


@pytest.mark.parametrize("command", ["show", "quotes", "batch"])
def test_apostrophe_quotes_flag(runner: CliRunner, tmp_path: Path, command: str) -> None:
    dump = tmp_path / "archive.txt"
    dump.write_text(
        "Town Votes to Rebuild the Old Pier\n\nBy Mara Tell\n\n"
        "The council voted on Monday to rebuild the pier that the winter storms broke apart.\n\n"
        "''We will rebuild the pier,'' said Mayor Oskar Lind after the vote in the town hall.\n",
        encoding="utf-8",
    )
    plain = runner.invoke(app, [command, "--json", str(dump)] if command != "batch" else [command, str(dump)])
    assert plain.exit_code == 0 and json_lines(plain.stdout)[0]["quotes"] == []
    args = [command, "--apostrophe-quotes", str(dump)]
    paired = runner.invoke(app, args if command == "batch" else [*args, "--json"])
    assert paired.exit_code == 0
    (quote,) = json_lines(paired.stdout)[0]["quotes"]
    assert (quote["text"], quote["speaker"]) == ("We will rebuild the pier,", "Oskar Lind")


def test_unread_apostrophe_quotes_are_reported(runner: CliRunner, tmp_path: Path) -> None:
    dump = tmp_path / "archive.txt"
    dump.write_text("Pier Vote\n\n''We will rebuild the pier,'' said Mayor Oskar Lind.\n", encoding="utf-8")
    (record,) = json_lines(runner.invoke(app, ["show", "--json", str(dump)]).stdout)
    assert any("--apostrophe-quotes" in warning for warning in record["warnings"])
    (record,) = json_lines(runner.invoke(app, ["show", "--json", "--apostrophe-quotes", str(dump)]).stdout)
    assert not any("apostrophe" in warning for warning in record["warnings"])
    table = runner.invoke(app, ["quotes", str(dump)], env={"COLUMNS": "200"})
    assert table.exit_code == 0
    assert "no quotes" in table.stdout and "--apostrophe-quotes reads them" in table.stdout


def test_quotes_table_shows_roles_and_sources(runner: CliRunner) -> None:
    sample = str(ROOT / "samples" / "quotes_patterns.txt")
    result = runner.invoke(app, ["quotes", sample], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "via The Harbor Ledger" in result.stdout


def test_quotes_table(runner: CliRunner) -> None:
    result = runner.invoke(app, ["quotes", HARBOUR], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    assert "Elena Vasquez" in result.stdout
    assert "Speaker" in result.stdout and "Cue" in result.stdout


def test_entities_json_and_type_filter(runner: CliRunner) -> None:
    result = runner.invoke(app, ["entities", "--json", "--type", "person", HARBOUR])
    assert result.exit_code == 0
    (record,) = json_lines(result.stdout)
    assert list(record) == ["schema", "file", "title", "entities"]
    assert record["entities"] and {e["type"] for e in record["entities"]} == {"PERSON"}
    assert "Elena Vasquez" in {e["name"] for e in record["entities"]}


def test_entities_unknown_type_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["entities", "--type", "PERSON,WIZARD", HARBOUR])
    assert result.exit_code == 2
    assert "WIZARD" in result.stderr


def test_entities_table(runner: CliRunner) -> None:
    result = runner.invoke(app, ["entities", HARBOUR], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    assert "Elena Vasquez" in result.stdout
    assert "PERSON" in result.stdout


def test_show_summary_in_the_terminal(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", HARBOUR], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    out = result.stdout
    assert "Harbour Council Approves Tidal Barrier" in out
    assert "Tomas Okonkwo, Priya Raman" in out
    assert "4 Mar 2024" in out
    assert "Lena Marsh/Coastal Press" in out
    assert "Elena Vasquez" in out  # quote speakers and entities are listed


def test_article_text_is_never_markup_or_escape_codes(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_terminal(monkeypatch)
    for command in (["show"], ["quotes"], ["entities"]):
        result = runner.invoke(app, [*command, HOSTILE], env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.stderr
        assert "\x1b[31mvotes" not in result.stdout
        assert "\x1b[2J" not in result.stdout
    shown = runner.invoke(app, ["show", "--no-color", HOSTILE], env={"COLUMNS": "200"}).stdout
    assert "\\x1b[31mvotes" in shown  # the escape is shown as visible text
    assert "[bold red]the harbour[/bold red]" in shown  # markup shown literally, not applied


def test_colour_only_on_a_terminal_and_never_with_no_color(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = runner.invoke(app, ["show", HARBOUR])
    assert "\x1b[" not in plain.stdout  # not a terminal: no escape codes
    fake_terminal(monkeypatch)
    coloured = runner.invoke(app, ["show", HARBOUR])
    assert "\x1b[" in coloured.stdout
    flagged = runner.invoke(app, ["show", "--no-color", HARBOUR])
    assert "\x1b[3" not in flagged.stdout  # no colour codes (bold may remain)
    env_off = runner.invoke(app, ["show", HARBOUR], env={"NO_COLOR": "1"})
    assert "\x1b[3" not in env_off.stdout


def test_internal_error_is_reported_per_file_and_debug_shows_it(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsinspect.parse

    def broken(text: str, *, dayfirst: bool = False) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(newsinspect.parse, "parse_article", broken)
    result = runner.invoke(app, ["show", "--json", HARBOUR])
    assert result.exit_code == 1
    (record,) = json_lines(result.stdout)
    assert "internal error: RuntimeError: kaboom" in record["error"]
    assert "Traceback" not in result.stderr
    debug = runner.invoke(app, ["show", "--json", "--debug", HARBOUR])
    assert isinstance(debug.exception, RuntimeError)


def test_missing_spacy_engine_is_one_clear_line(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "spacy", None)  # `import spacy` now fails as if it were not installed
    for name in list(sys.modules):
        if name.startswith("newsinspect.entities.") and "spacy" in name:
            monkeypatch.delitem(sys.modules, name)
    result = runner.invoke(app, ["entities", "--engine", "spacy", HARBOUR, HOSTILE])
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "spacy" in result.stderr.lower()
    assert "Traceback" not in result.output


def test_engine_from_environment_variable_is_validated(runner: CliRunner) -> None:
    result = runner.invoke(app, ["entities", HARBOUR], env={"NEWSINSPECT_ENGINE": "nonsense"})
    assert result.exit_code == 2


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("newsinspect ")
    assert result.stdout.rstrip().endswith(("(compiled core)", "(pure Python)"))


def test_dayfirst_reads_numeric_dates_day_first(runner: CliRunner, tmp_path: Path) -> None:
    dump = tmp_path / "eu.txt"
    dump.write_text(
        "Ferry Timetable Changes Announced\n\nBy Ana Ribeiro\n03/04/2024\n\n" + "Words here. " * 30
    )
    us = json_lines(runner.invoke(app, ["show", "--json", str(dump)]).stdout)[0]
    eu = json_lines(runner.invoke(app, ["show", "--json", "--dayfirst", str(dump)]).stdout)[0]
    assert us["published"] == "2024-03-04"
    assert eu["published"] == "2024-04-03"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_inside_a_directory_is_an_error_record_and_never_opened(
    runner: CliRunner, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_bytes(Path(HARBOUR).read_bytes())
    os.mkfifo(tmp_path / "b.txt")  # opening it would block until a writer came
    result = runner.invoke(app, ["show", "--json", str(tmp_path)])
    assert result.exit_code == 1
    first, second = json_lines(result.stdout)
    assert "title" in first
    assert second["file"].endswith("b.txt")
    assert second["error"].startswith("not a regular file")
