"""Hostile and odd input: every kind named in issue 5 gives an article or a clear error record, never a
crash, a hang or a traceback; article text never drives the terminal. Inputs are built here, at test time.

Nothing here is timed: the super-linear checks live in benchmarks/run_benchmarks.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from builders import LIGHTHOUSE_DUMP
from processes import running
from typer.testing import CliRunner

from newsinspect.cli import environment
from newsinspect.cli.app import app
from newsinspect.model import Record
from newsinspect.pipeline import Options, inspect_source

ARTICLE = LIGHTHOUSE_DUMP

MARKUP_ARTICLE = """\
Alarm \x1b[31mRED\x1b[0m at the [bold red]Town Hall[/bold red]
By Tobias Wren
Residents of Port Alder gathered on Saturday outside the hall.
“[bold red]Evacuate[/bold red] \x1b[2J now [link=https://evil.example]here[/link],” said Mayor Ilse Brannock.
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def inspect(path: str, **options: Any) -> Record:
    return inspect_source(path, Options(**options))


def assert_article(record: Record) -> None:
    assert record.error is None, record.error
    assert record.article is not None


# --- files that are not articles: a clear error record each ---------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    assert inspect(write(tmp_path, "empty.txt", b"")).error == "empty file"


def test_whitespace_only_file(tmp_path: Path) -> None:
    assert inspect(write(tmp_path, "blank.txt", b" \n\r\n\t \n")).error == "file holds only white space"


def test_50_mb_file_is_refused_above_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024)
    error = inspect(str(path)).error
    assert error is not None and error.startswith("file too large (52,428,800 bytes; the limit is")
    size = len(ARTICLE.encode())
    small = inspect(write(tmp_path, "small.txt", ARTICLE.encode()), max_bytes=100).error
    assert small == f"file too large ({size} bytes; the limit is 100, see --max-bytes)"


def test_max_bytes_option_of_batch(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", ARTICLE.encode())
    result = runner.invoke(app, ["batch", "--max-bytes", "100", path])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["error"].startswith("file too large")
    assert "failed by reason: file too large 1" in result.stderr


def test_binary_file_and_nul_bytes(tmp_path: Path) -> None:
    png_like = bytes(range(256)) * 8
    assert (inspect(write(tmp_path, "image.png", png_like)).error or "").startswith("binary file")
    with_nul = ARTICLE.encode() + b"\x00" + ARTICLE.encode()
    error = inspect(write(tmp_path, "nul.txt", with_nul)).error
    assert error == f"binary file (NUL bytes at offset {len(ARTICLE.encode())})"


def test_permission_denied(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.txt", ARTICLE.encode())
    os.chmod(path, 0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user that can read anything (root): chmod has no effect")
        assert inspect(path).error == "permission denied"
    finally:
        os.chmod(path, 0o644)


def test_directory_where_a_file_was_expected(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "dumps").mkdir()
    assert inspect(str(tmp_path / "dumps")).error == "is a directory"
    result = runner.invoke(app, ["batch", "-"], input=f"{tmp_path / 'dumps'}\n")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["error"] == "is a directory"


def test_dangling_symlinks_and_loops_in_a_directory(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path, "good.txt", ARTICLE.encode())
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "back").symlink_to(tmp_path)
    result = runner.invoke(app, ["batch", str(tmp_path)])
    assert result.exit_code == 1
    errors = {Path(r["file"]).name: r.get("error") for r in map(json.loads, result.stdout.splitlines())}
    assert errors == {
        "back": "symbolic link loop (leads back to an enclosing directory)",
        "dangling.txt": "broken symbolic link (its target does not exist)",
        "good.txt": None,
        "loop.txt": "symbolic link loop",
    }
    assert "Traceback" not in result.stderr
    shown = runner.invoke(app, ["show", "--json", str(tmp_path)])  # the same PATH through show
    assert shown.exit_code == 1 and "Traceback" not in shown.stderr
    assert len(shown.stdout.splitlines()) == 4


def test_non_utf8_file_names(runner: CliRunner, tmp_path: Path) -> None:
    raw = os.fsencode(str(tmp_path)) + b"/caf\xe9 \x1b[31m.txt"
    with open(raw, "wb") as handle:
        handle.write(ARTICLE.encode())
    result = runner.invoke(app, ["batch", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    result.stdout_bytes.decode("utf-8")  # the output stays valid UTF-8
    record = json.loads(result.stdout)
    assert record["file"].endswith("caf\udce9 \x1b[31m.txt")
    assert record["title"] == "Harbour Town Votes to Rebuild Old Lighthouse"
    listed = runner.invoke(app, ["batch", "-"], input=raw + b"\n")  # the same name through a list on stdin
    assert json.loads(listed.stdout)["title"] == record["title"]
    shown = runner.invoke(app, ["show", "--json", str(tmp_path)])
    assert shown.exit_code == 0 and json.loads(shown.stdout)["file"] == record["file"]


@pytest.mark.parametrize("command", [["show", "--json"], ["batch"]])
def test_escape_sequences_in_file_names_do_not_reach_stderr(
    runner: CliRunner, tmp_path: Path, command: list[str]
) -> None:
    raw = os.fsencode(str(tmp_path)) + b"/clear\x1b[2J\xff.txt"
    with open(raw, "wb"):
        pass  # empty: an error message that names the file
    result = runner.invoke(app, [*command, str(tmp_path)])
    assert result.exit_code == 1
    assert "\x1b[2J" not in result.stderr
    assert "clear\\x1b[2J\\udcff.txt: empty file" in result.stderr


def test_non_utf8_file_names_in_tables(runner: CliRunner, tmp_path: Path) -> None:
    raw = os.fsencode(str(tmp_path)) + b"/caf\xe9 \x1b[31m.txt"
    with open(raw, "wb") as handle:
        handle.write(ARTICLE.encode())
    table = runner.invoke(app, ["quotes", str(tmp_path)])
    assert table.exit_code == 0
    assert "caf\\udce9" in table.stdout and "\\x1b[31m.txt" in table.stdout  # shown as escapes
    assert "\x1b[31m" not in table.stdout  # not acted on


# --- encodings and line ends: an article, offsets into the decoded text -----------------------------------


def check_offsets(record: Record) -> None:
    assert_article(record)
    article = record.article
    assert article is not None
    assert article.title == "Harbour Town Votes to Rebuild Old Lighthouse"
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start : paragraph.end] == paragraph.text
    speakers = {quote.speaker for quote in article.quotes}
    assert "Ilse Brannock" in speakers
    for quote in article.quotes:
        assert article.text[quote.start : quote.end] == quote.text


def test_latin1_and_cp1252(tmp_path: Path) -> None:
    record = inspect(write(tmp_path, "cp1252.txt", ARTICLE.encode("cp1252")))
    check_offsets(record)
    assert record.article is not None
    assert "café" in record.article.paragraphs[-1].text
    assert any("decoded as cp1252" in warning for warning in record.article.warnings)
    latin1 = ARTICLE.replace("“", '"').replace("”", '"').encode("latin-1")
    check_offsets(inspect(write(tmp_path, "latin1.txt", latin1)))


def test_utf16_with_bom(tmp_path: Path) -> None:
    check_offsets(inspect(write(tmp_path, "le.txt", ARTICLE.encode("utf-16"))))
    check_offsets(inspect(write(tmp_path, "be.txt", b"\xfe\xff" + ARTICLE.encode("utf-16-be"))))


def test_utf8_bom_is_not_part_of_the_text(tmp_path: Path) -> None:
    record = inspect(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode()))
    check_offsets(record)
    assert record.article is not None and not record.article.text.startswith("\ufeff")


def test_crlf_line_ends(tmp_path: Path) -> None:
    record = inspect(write(tmp_path, "crlf.txt", ARTICLE.replace("\n", "\r\n").encode()))
    check_offsets(record)
    assert record.article is not None
    assert all("\r" not in p.text for p in record.article.paragraphs)


def test_lone_cr_line_ends(tmp_path: Path) -> None:
    record = inspect(write(tmp_path, "cr.txt", ARTICLE.replace("\n", "\r").encode()))
    check_offsets(record)
    assert record.article is not None and len(record.article.paragraphs) >= 3


# --- shapes that stress the parser and analysers: no crash, no internal error -----------------------------


@pytest.mark.slow
def test_a_single_5_mb_line(tmp_path: Path) -> None:
    sentence = b"The ferry from Port Alder was late again on Tuesday, said Ilse Brannock. "
    path = write(tmp_path, "line.txt", sentence * (5 * 1024 * 1024 // len(sentence)))
    record = inspect(path)
    assert_article(record)
    assert record.article is not None and record.article.stats.words > 700_000


def test_a_file_of_only_quote_marks(tmp_path: Path) -> None:
    marks = "“”\"'‘’«»„‚‹›「」".encode() * 2000
    record = inspect(write(tmp_path, "marks.txt", marks + b"\n" + marks))
    assert record.error is None or not record.error.startswith("internal error"), record.error
    if record.article is not None:
        assert all(quote.text.strip("“”\"'‘’«»„‚‹›「」 …") for quote in record.article.quotes)


@pytest.mark.slow
def test_unbalanced_quote_marks(tmp_path: Path) -> None:
    text = "“Ilse Brannock said the ferry was late and " * 5000
    assert_article(inspect(write(tmp_path, "open.txt", ("Title\n" + text).encode())))


@pytest.mark.slow
def test_deeply_repeated_capitalised_words(tmp_path: Path) -> None:
    names = "Port Alder Harbour Council Ilse Brannock Coastal Heritage Trust " * 20_000
    record = inspect(write(tmp_path, "caps.txt", f"Title\n{names}\n".encode()))
    assert_article(record)
    same = inspect(write(tmp_path, "same.txt", ("Alder " * 100_000).encode()))
    assert_article(same)


# --- the terminal ------------------------------------------------------------------------------------------


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """stdout is a wide colour terminal (CliRunner's is not); Environment decides colour as it would."""
    monkeypatch.setattr(environment, "_isatty", lambda stream: stream is sys.stdout)
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.mark.parametrize("command", ["show", "quotes", "entities"])
def test_escape_sequences_and_rich_markup_in_text_are_shown_literally(
    runner: CliRunner, tmp_path: Path, terminal: None, command: str
) -> None:
    path = write(tmp_path, "markup.txt", MARKUP_ARTICLE.encode())
    result = runner.invoke(app, [command, path])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "\x1b[31m" not in out and "\x1b[2J" not in out  # the article's escapes are not sent as such
    assert "\x1b]8;" not in out  # no hyperlink made from [link=...]
    if command != "entities":
        assert "[bold red]" in out  # markup is text
    if command == "quotes":
        assert "[link=https://evil.example]here[/link]" in out
        assert "\\x1b[2J" in out  # visible instead


def test_colour_on_a_terminal_off_with_no_color_env_and_flag(
    runner: CliRunner, tmp_path: Path, terminal: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "a.txt", ARTICLE.encode())
    assert "\x1b[" in runner.invoke(app, ["quotes", path]).stdout
    assert "\x1b[" not in runner.invoke(app, ["quotes", "--no-color", path]).stdout
    monkeypatch.setenv("NO_COLOR", "1")
    plain = runner.invoke(app, ["quotes", path])
    assert plain.exit_code == 0 and "Ilse Brannock" in plain.stdout
    assert "\x1b[" not in plain.stdout


@pytest.mark.slow
def test_batch_honours_no_color_on_its_progress_bar(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "a.txt", ARTICLE.encode())
    monkeypatch.setattr(environment, "_isatty", lambda stream: stream is sys.stderr)
    coloured = runner.invoke(app, ["batch", str(tmp_path)])
    assert "\x1b[" in coloured.stderr and "1/1" in coloured.stderr
    for extra, env in ([], {"NO_COLOR": "1"}), (["--no-color"], {}):
        plain = runner.invoke(app, ["batch", *extra, str(tmp_path)], env=env)
        bar = plain.stderr.split("newsinspect: processed")[0]
        assert "1/1" in bar and "\x1b[3" not in bar  # cursor control, but no colour


# --- pipes -------------------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("command", [["show", "--json"], ["batch", "-j", "2"], ["batch", "-j", "1"]])
def test_head_closing_the_pipe_gives_no_traceback(tmp_path: Path, command: list[str]) -> None:
    for number in range(60):  # well over a pipe buffer of output
        write(tmp_path, f"a{number:02d}.txt", ARTICLE.encode())
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    with running([sys.executable, "-m", "newsinspect", *command, str(tmp_path)], **pipes) as writer:
        assert writer.stdout is not None and writer.stderr is not None
        head = subprocess.run(
            ["head", "-1"], stdin=writer.stdout, capture_output=True, timeout=120, check=True
        )
        writer.stdout.close()
        stderr = writer.stderr.read().decode()
        returncode = writer.wait(timeout=120)
    assert json.loads(head.stdout)["title"] == "Harbour Town Votes to Rebuild Old Lighthouse"
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
    assert returncode in (0, 141)


@pytest.mark.slow
@pytest.mark.parametrize("command", [["show"], ["show", "--format", "text"], ["show", "--json"]])
def test_head_on_any_output_exits_141_like_the_json_output(tmp_path: Path, command: list[str]) -> None:
    """Rich's own broken-pipe handling would exit 1; every output format says 141 (the reader went away)."""
    for number in range(60):  # tables of 60 articles: well over a pipe buffer
        write(tmp_path, f"a{number:02d}.txt", ARTICLE.encode())
    options = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "env": {**os.environ, "COLUMNS": "100"}}
    with running(
        [sys.executable, "-m", "newsinspect", *command, "--no-color", str(tmp_path)], **options
    ) as writer:
        assert writer.stdout is not None and writer.stderr is not None
        head = subprocess.run(
            ["head", "-1"], stdin=writer.stdout, capture_output=True, timeout=120, check=True
        )
        writer.stdout.close()
        _, stderr = writer.communicate(timeout=120)
    assert head.stdout
    assert writer.returncode == 141, stderr.decode()
    assert not stderr
