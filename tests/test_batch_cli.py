"""``newsinspect batch`` end to end (CliRunner), and the same kinds of PATH for show/quotes/entities."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsinspect.cli import environment
from newsinspect.cli.app import app

ARTICLE = """\
Harbour Town Votes to Rebuild Old Lighthouse
The keepers' cottage at Gullpoint, seen from the pier (Photo: Mara Quill/Coastal Gazette)
By Tobias Wren
March 3, 2024
Residents of Port Alder voted on Saturday to rebuild the Gullpoint lighthouse, dark since a storm in 2019.
“This light guided my grandfather home, and it will guide our children,” said Mayor Ilse Brannock.
The Port Alder Council will now ask the Coastal Heritage Trust for funding.
Councillor Rafe Dunmore called the plan “a fine idea with no budget” and voted against it.
"""

WRITERS = ["Tobias Wren", "Ada Fenwick", "Corin Vale", "Maud Ashby", "Jonas Perrin", "Lena Okafor"]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def make_tree(root: Path, count: int = 6) -> list[Path]:
    """``count`` articles, the even-numbered in part0/, the odd in part1/."""
    files = []
    for number in range(count):
        path = root / f"part{number % 2}" / f"article{number:02d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE.replace("Tobias Wren", WRITERS[number % len(WRITERS)]), encoding="utf-8")
        files.append(path)
    return files


def lines(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines()]


def fake_terminal(monkeypatch: pytest.MonkeyPatch, *, stdout: bool = False, stderr: bool = True) -> None:
    original = environment.Environment.from_process.__func__  # type: ignore[attr-defined]

    def from_process(cls: type[environment.Environment], /, **kwargs: Any) -> environment.Environment:
        env: environment.Environment = original(cls, **kwargs)
        env.stdout_isatty = stdout
        env.stderr_isatty = stderr
        return env

    monkeypatch.setattr(environment.Environment, "from_process", classmethod(from_process))


def test_batch_writes_one_show_json_record_per_file_in_input_order(runner: CliRunner, tmp_path: Path) -> None:
    files = make_tree(tmp_path)
    result = runner.invoke(app, ["batch", "--jobs", "1", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    records = lines(result.stdout)
    assert [r["file"] for r in records] == [
        str(f) for f in sorted(files, key=lambda p: (p.parent.name, p.name))
    ]
    shown = runner.invoke(app, ["show", "--json", str(files[0])])
    assert result.stdout.splitlines()[0] == shown.stdout.splitlines()[0]
    assert records[0]["authors"] == ["Tobias Wren"]
    assert records[1]["authors"] == ["Corin Vale"]  # part0 holds the even-numbered articles


@pytest.mark.slow  # starts worker processes
def test_parallel_output_is_identical_to_serial(runner: CliRunner, tmp_path: Path) -> None:
    make_tree(tmp_path, count=40)
    (tmp_path / "part0" / "empty.txt").write_bytes(b"")
    (tmp_path / "part1" / "binary.txt").write_bytes(b"\x00\x01\x02" * 10)
    serial = runner.invoke(app, ["batch", "-j", "1", str(tmp_path)])
    parallel = runner.invoke(app, ["batch", "-j", "2", str(tmp_path)])
    assert serial.exit_code == parallel.exit_code == 1
    assert parallel.stdout == serial.stdout
    assert len(parallel.stdout.splitlines()) == 42


def test_counts_reconcile_and_the_summary_gives_reasons(runner: CliRunner, tmp_path: Path) -> None:
    make_tree(tmp_path, count=3)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\t\n")
    (tmp_path / "nul.txt").write_bytes(b"text\x00more")
    result = runner.invoke(app, ["batch", "-j", "2", str(tmp_path), str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    records = lines(result.stdout)
    assert len(records) == 7
    assert sum("error" in r for r in records) == 4
    assert "processed 7 files in " in result.stderr and "3 ok, 4 failed" in result.stderr
    assert "failed by reason: " in result.stderr
    for reason in ["empty file 1", "file holds only white space 1", "binary file 1", "no such file 1"]:
        assert reason in result.stderr
    assert f"newsinspect: {tmp_path / 'nul.txt'}: binary file (NUL bytes at offset 4)" in result.stderr


def test_out_file_and_resume_skip_files_already_done(runner: CliRunner, tmp_path: Path) -> None:
    files = make_tree(tmp_path / "in", count=4)
    out = tmp_path / "out.jsonl"
    first = runner.invoke(app, ["batch", "-j", "1", "--out", str(out), str(files[0]), str(files[1])])
    assert first.exit_code == 0 and first.stdout == ""
    with out.open("ab") as handle:  # as if killed in the middle of the third record
        handle.write(b'{"schema":1,"file":"' + str(files[2]).encode() + b'","title":"Harb')
    again = runner.invoke(app, ["batch", "-j", "2", "--resume", "--out", str(out), *map(str, files)])
    assert again.exit_code == 0, again.stderr
    assert "dropped a partial last line" in again.stderr
    assert "skipped 2 files already in the output (--resume)" in again.stderr
    assert "processed 2 files" in again.stderr
    assert [r["file"] for r in lines(out.read_text())] == [str(f) for f in files]


def test_the_output_file_among_the_inputs_is_not_read(runner: CliRunner, tmp_path: Path) -> None:
    make_tree(tmp_path, count=2)
    out = tmp_path / "part0" / "out.jsonl"  # created before the directory is walked
    result = runner.invoke(app, ["batch", "--out", str(out), str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    names = [Path(r["file"]).name for r in lines(out.read_text(encoding="utf-8"))]
    assert names == ["article00.txt", "article01.txt"]


def test_resume_needs_out_and_rows_needs_csv(runner: CliRunner, tmp_path: Path) -> None:
    make_tree(tmp_path, count=1)
    assert runner.invoke(app, ["batch", "--resume", str(tmp_path)]).exit_code == 2
    assert runner.invoke(app, ["batch", "--rows", "quotes", str(tmp_path)]).exit_code == 2


def test_resume_with_other_csv_columns_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    make_tree(tmp_path / "in", count=1)
    out = tmp_path / "out.csv"
    runner.invoke(app, ["batch", "--format", "csv", "--out", str(out), str(tmp_path / "in")])
    result = runner.invoke(
        app, ["batch", "--format", "csv", "--rows", "entities", "--resume", "--out", str(out), str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "other CSV columns" in result.stderr


def test_csv_articles_and_quote_rows(runner: CliRunner, tmp_path: Path) -> None:
    make_tree(tmp_path, count=2)
    result = runner.invoke(app, ["batch", "--format", "csv", str(tmp_path)])
    articles = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(articles) == 2
    assert articles[0]["title"] == "Harbour Town Votes to Rebuild Old Lighthouse"
    assert int(articles[0]["quotes"]) >= 1 and int(articles[0]["words"]) > 40
    result = runner.invoke(app, ["batch", "--format", "csv", "--rows", "quotes", str(tmp_path)])
    quotes = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {q["speaker"] for q in quotes} >= {"Ilse Brannock"}
    assert len(quotes) == 2 * int(articles[0]["quotes"])


def test_dash_reads_paths_from_stdin(runner: CliRunner, tmp_path: Path) -> None:
    files = make_tree(tmp_path, count=3)
    listing = "".join(f"{f}\n" for f in reversed(files)) + f"{tmp_path}\n"
    result = runner.invoke(app, ["batch", "-"], input=listing)
    assert result.exit_code == 1  # the directory in the list is a file that could not be read
    records = lines(result.stdout)
    assert [r["file"] for r in records] == [str(f) for f in reversed(files)] + [str(tmp_path)]
    assert records[-1]["error"] == "is a directory"


def test_glob_chooses_files_in_directories(runner: CliRunner, tmp_path: Path) -> None:
    make_tree(tmp_path, count=2)
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["batch", "--glob", "*.txt", str(tmp_path)])
    assert result.exit_code == 0
    assert all(r["file"].endswith(".txt") for r in lines(result.stdout))


def test_quiet_leaves_stderr_empty(runner: CliRunner, tmp_path: Path) -> None:
    make_tree(tmp_path, count=1)
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["batch", "--quiet", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 2


def test_no_path_prints_the_usage_and_why(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(environment, "_isatty", lambda stream: True)  # typed at a terminal
    result = runner.invoke(app, ["batch"])
    assert result.exit_code == 2
    assert "Usage: " in result.stderr and "batch --help" in result.stderr
    assert "Error: no PATH given" in result.stderr
    assert result.stdout == ""


def test_piped_paths_without_dash_say_that_dash_reads_them(runner: CliRunner) -> None:
    result = runner.invoke(app, ["batch"], input="dumps/a.txt\n")
    assert result.exit_code == 2
    assert "Standard input is read only when PATH is -" in result.stderr
    assert result.stdout == ""


@pytest.mark.slow
def test_stdout_redirected_into_the_input_directory_is_not_read(tmp_path: Path) -> None:
    make_tree(tmp_path, count=2)
    out = tmp_path / "out.jsonl"
    with out.open("wb") as handle:  # `newsinspect batch dumps/ > dumps/out.jsonl`
        done = subprocess.run(
            [sys.executable, "-m", "newsinspect", "batch", "-j", "1", str(tmp_path)],
            stdout=handle,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    assert done.returncode == 0, done.stderr.decode()
    names = [Path(r["file"]).name for r in lines(out.read_text(encoding="utf-8"))]
    assert names == ["article00.txt", "article01.txt"]


def test_progress_bar_only_on_a_terminal_and_not_with_quiet(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tree(tmp_path, count=3)
    plain = runner.invoke(app, ["batch", str(tmp_path)])
    assert "3/3" not in plain.stderr
    fake_terminal(monkeypatch)
    with_bar = runner.invoke(app, ["batch", str(tmp_path)])
    assert with_bar.exit_code == 0
    assert "3/3" in with_bar.stderr
    assert with_bar.stdout == plain.stdout
    quiet = runner.invoke(app, ["batch", "--quiet", str(tmp_path)])
    assert quiet.stderr == ""


def test_show_progress_bar_for_many_inputs_when_only_stderr_is_a_terminal(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tree(tmp_path, count=20)
    fake_terminal(monkeypatch, stdout=False, stderr=True)
    result = runner.invoke(app, ["show", "--json", str(tmp_path)])
    assert result.exit_code == 0
    assert "20/20" in result.stderr
    assert len(lines(result.stdout)) == 20


@pytest.mark.parametrize("command", ["show", "quotes", "entities"])
def test_show_quotes_entities_accept_directories_and_glob(
    runner: CliRunner, tmp_path: Path, command: str
) -> None:
    files = make_tree(tmp_path, count=3)
    (tmp_path / "part0" / "skip.md").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, [command, "--json", "--glob", "*.txt", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    expected = sorted(files, key=lambda p: (p.parent.name, p.name))
    assert [r["file"] for r in lines(result.stdout)] == [str(f) for f in expected]
