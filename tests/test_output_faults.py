"""Faults on the output side (issue 9): write errors, closed streams, two writers, damaged files on resume,
resume keys, and nothing a terminal would act on in any output.

Real processes where the fault is one of the process (a closed descriptor, /dev/full, a lock held by
another process); CliRunner elsewhere.
"""

from __future__ import annotations

import csv
import fcntl
import io
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

from newsinspect.cli.app import app

ARTICLE = LIGHTHOUSE_DUMP
HOSTILE = (
    "Alarm \x1b]8;;https://evil.example\x07here\x1b]8;;\x07 and \x1b]52;c;cGF5bG9hZA==\x07 at the pier\n"
    "By Tobias Wren\n"
    "Residents \x9b2J of Port Alder \x9d0;title\x07 gathered on Saturday \u202eevil\u202c outside the hall.\n"
)
# What a terminal would act on: C0 controls but line feeds and tabs, DEL, C1 controls, bidi overrides.
RAW_CONTROLS = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))] + [
    chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
]
needs_dev_full = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def write(directory: Path, name: str | bytes, text: str = ARTICLE) -> Path:
    path = os.path.join(os.fsencode(directory), name if isinstance(name, bytes) else os.fsencode(name))
    with open(path, "wb") as handle:
        handle.write(text.encode("utf-8"))
    return Path(os.fsdecode(path))


def newsinspect(
    args: list[str], *, shell_redirect: str = "", **kwargs: Any
) -> subprocess.CompletedProcess[bytes]:
    """Run the command in a real process; ``shell_redirect`` (e.g. ``>&-``) is applied by a shell."""
    command = [sys.executable, "-m", "newsinspect", *args]
    if shell_redirect:
        command = ["sh", "-c", f'exec "$@" {shell_redirect}', "sh", *command]
    if "stdout" not in kwargs:
        kwargs.setdefault("capture_output", True)
    return subprocess.run(command, timeout=120, check=False, **kwargs)


def records(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data.splitlines()]


def has_raw_controls(text: str) -> bool:
    return any(char in text for char in RAW_CONTROLS)


COMMANDS = [
    ["show"],
    ["show", "--json"],
    ["quotes"],
    ["quotes", "--json"],
    ["entities"],
    ["entities", "--json"],
]
BATCH_COMMANDS = [
    ["batch", "-j", "1"],
    ["batch", "-j", "2", "--format", "csv"],
    ["batch", "-j", "1", "--format", "parquet"],
]


# --- 5. write errors: one line, exit 1 -------------------------------------------------------------------


@needs_dev_full
@pytest.mark.slow  # a real process per case
@pytest.mark.parametrize("command", COMMANDS + BATCH_COMMANDS)
def test_a_full_disk_on_stdout_is_one_line_and_exit_1(tmp_path: Path, command: list[str]) -> None:
    article = write(tmp_path, "a.txt")
    with open("/dev/full", "wb") as full:
        result = newsinspect([*command, str(article)], stdout=full, stderr=subprocess.PIPE)
    messages = result.stderr.decode().splitlines()
    assert result.returncode == 1, messages
    assert messages[0] == "newsinspect: cannot write to standard output: no space left on device"
    summary = [line.split(" in ")[0] for line in messages[1:]]  # batch: the summary follows
    assert summary == (["newsinspect: processed 0 files"] if command[0] == "batch" else [])


@needs_dev_full
@pytest.mark.slow  # a real process per case
@pytest.mark.parametrize("out", ["/dev/full", "/proc/version"])
def test_an_out_file_that_cannot_be_written_is_one_line_and_exit_1(tmp_path: Path, out: str) -> None:
    if not os.path.exists(out):
        pytest.skip(f"{out} is not on this system")
    result = newsinspect(["batch", "-q", "--out", out, str(write(tmp_path, "a.txt"))])
    stderr = result.stderr.decode()
    assert result.returncode in (1, 2), stderr  # 2 when the system refuses to open it at all
    assert len(stderr.splitlines()) == 1 and stderr.startswith(f"newsinspect: {out}: "), stderr
    assert "Traceback" not in stderr


@pytest.mark.slow  # a real process per case
@pytest.mark.parametrize("command", COMMANDS + BATCH_COMMANDS)
def test_a_closed_stdout_is_an_error_not_silence(tmp_path: Path, command: list[str]) -> None:
    result = newsinspect([*command, str(write(tmp_path, "a.txt"))], shell_redirect=">&-")
    stderr = result.stderr.decode()
    assert result.returncode in (1, 141), stderr
    assert stderr.splitlines() == ["newsinspect: cannot write to standard output: it is closed"]


@pytest.mark.slow  # a real process per case
def test_a_closed_stdout_does_not_matter_with_out(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = newsinspect(
        ["batch", "-q", "--out", str(out), str(write(tmp_path, "a.txt"))], shell_redirect=">&-"
    )
    assert result.returncode == 0, result.stderr
    assert records(out.read_bytes())[0]["title"] == "Harbour Town Votes to Rebuild Old Lighthouse"


@pytest.mark.slow  # a real process per case
@pytest.mark.parametrize("command", COMMANDS + BATCH_COMMANDS)
def test_a_reader_that_goes_away_gives_141_for_tables_too(tmp_path: Path, command: list[str]) -> None:
    for number in range(3):
        write(tmp_path, f"a{number:02d}.txt")
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    with running([sys.executable, "-m", "newsinspect", *command, str(tmp_path)], **pipes) as writer:
        assert writer.stdout is not None and writer.stderr is not None
        writer.stdout.close()  # as `| head -c 0` would: gone before the first write, whenever that comes
        stderr = writer.stderr.read().decode()
        returncode = writer.wait(timeout=120)
    assert returncode == 141, stderr
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr


# --- 12. a closed stderr: the error record still reaches stdout ---------------------------------------------


@pytest.mark.slow  # a real process per case
@pytest.mark.parametrize("command", [["show", "--json"], ["quotes", "--json"], ["batch"]])
def test_with_stderr_closed_a_failing_input_still_gets_its_record(tmp_path: Path, command: list[str]) -> None:
    good = write(tmp_path, "a.txt")
    result = newsinspect([*command, str(tmp_path / "missing.txt"), str(good)], shell_redirect="2>&-")
    assert result.returncode == 1
    missing, article = records(result.stdout)
    assert missing["error"] == "no such file" and article["title"].startswith("Harbour Town")


# --- 8. two writers on one --out ------------------------------------------------------------------------


@pytest.mark.slow  # a real process per case
@pytest.mark.parametrize("resume", [[], ["--resume"]])
def test_a_second_writer_is_refused_and_the_file_left_alone(tmp_path: Path, resume: list[str]) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"schema":1,"file":"earlier.txt","error":"empty file"}\n')
    with open(out, "rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running batch holds it
        result = newsinspect(["batch", "--out", str(out), *resume, str(write(tmp_path, "a.txt"))])
    stderr = result.stderr.decode()
    assert result.returncode == 75, stderr
    assert (
        stderr == f"newsinspect: {out}: another newsinspect run is writing to it; try again when it is done\n"
    )
    assert out.read_bytes() == b'{"schema":1,"file":"earlier.txt","error":"empty file"}\n'


def test_the_lock_is_released_at_the_end(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    article = str(write(tmp_path, "a.txt"))
    assert runner.invoke(app, ["batch", "-q", "--out", str(out), article]).exit_code == 0
    with open(out, "rb") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # would raise if still held


# --- 6, 7. resume keys ------------------------------------------------------------------------------------


@pytest.mark.parametrize("output_format", ["jsonl", "csv"])
def test_resume_skips_files_whose_names_hold_line_breaks(
    runner: CliRunner, tmp_path: Path, output_format: str
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("plain.txt", "two\nlines.txt", "carriage\rreturn.txt", "tab\there.txt"):
        write(inputs, name)
    out = tmp_path / f"out.{output_format}"
    first = runner.invoke(app, ["batch", "-q", "--format", output_format, "--out", str(out), str(inputs)])
    assert first.exit_code == 0
    written = out.read_bytes()
    again = runner.invoke(
        app, ["batch", "--format", output_format, "--out", str(out), "--resume", str(inputs)]
    )
    assert again.exit_code == 0, again.stderr
    assert "skipped 4 files already in the output" in again.stderr
    assert out.read_bytes() == written


@pytest.mark.parametrize("output_format", ["jsonl", "csv"])
def test_resume_keys_of_a_non_utf8_name_and_its_escape_written_out_do_not_collide(
    runner: CliRunner, tmp_path: Path, output_format: str
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    raw = write(inputs, b"a\xff.txt")  # not UTF-8: Python calls it 'a\udcff.txt'
    literal = write(inputs, "a\\udcff.txt")  # a backslash, then 'udcff'
    out = tmp_path / f"out.{output_format}"
    assert (
        runner.invoke(app, ["batch", "-q", "--format", output_format, "--out", str(out), str(raw)]).exit_code
        == 0
    )
    again = runner.invoke(
        app, ["batch", "--format", output_format, "--out", str(out), "--resume", str(inputs)]
    )
    assert again.exit_code == 0, again.stderr
    assert "processed 1 file in" in again.stderr and "skipped 1 file already" in again.stderr
    if output_format == "jsonl":
        assert [record["file"] for record in records(out.read_bytes())] == [str(raw), str(literal)]
    else:
        rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
        assert [row[0] for row in rows[1:]] == [
            str(raw).replace("\udcff", "\\udcff"),
            str(literal).replace("\\", "\\\\"),
        ]


# --- 9. a damaged output file ---------------------------------------------------------------------------


def test_resume_processes_again_a_record_cut_short_in_the_middle_and_reports_garbage(
    runner: CliRunner, tmp_path: Path
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        write(inputs, name)
    out = tmp_path / "out.jsonl"
    assert runner.invoke(app, ["batch", "-q", "--out", str(out), str(inputs)]).exit_code == 0
    a, b, c, d = out.read_bytes().splitlines(keepends=True)
    # b cut short in the middle, a line of garbage, c's record run into by d's (a write that lost its end)
    out.write_bytes(a + b[: len(b) // 2] + b"\n" + b"not a record\n" + c[: len(c) // 3] + d)
    again = runner.invoke(app, ["batch", "--out", str(out), "--resume", str(inputs)])
    assert again.exit_code == 0, again.stderr
    stderr = again.stderr.splitlines()
    assert (
        f"newsinspect: {out}: line 2 is a damaged record of {inputs / 'b.txt'}: processing it again" in stderr
    )
    assert f"newsinspect: {out}: line 3 is not a record: left as it is" in stderr
    assert (
        f"newsinspect: {out}: line 4 is a damaged record of {inputs / 'c.txt'}: processing it again" in stderr
    )
    assert (
        f"newsinspect: {out}: line 4 is a damaged record of {inputs / 'd.txt'}: processing it again" in stderr
    )
    assert "skipped 1 file already in the output (--resume)" in again.stderr[-200:]
    appended = [json.loads(line)["file"] for line in out.read_bytes().splitlines()[4:]]
    assert appended == [str(inputs / name) for name in ("b.txt", "c.txt", "d.txt")]


def test_resume_of_a_csv_row_cut_short_processes_it_again(runner: CliRunner, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        write(inputs, name)
    out = tmp_path / "out.csv"
    assert (
        runner.invoke(app, ["batch", "-q", "--format", "csv", "--out", str(out), str(inputs)]).exit_code == 0
    )
    header, a, b, c = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(header + a + b[: len(b) // 2] + b"\n" + c)
    again = runner.invoke(app, ["batch", "--format", "csv", "--out", str(out), "--resume", str(inputs)])
    assert again.exit_code == 0, again.stderr
    assert f"line 3 is a damaged record of {inputs / 'b.txt'}: processing it again" in again.stderr
    assert out.read_bytes().splitlines()[-1].startswith(str(inputs / "b.txt").encode())


# --- 10. nothing a terminal acts on, in any output ---------------------------------------------------------


@pytest.mark.parametrize(
    "command", [["show", "--json"], ["quotes", "--json"], ["entities", "--json"], ["batch"]]
)
def test_json_escapes_c1_controls_and_bidi_overrides_and_keeps_the_data(
    runner: CliRunner, tmp_path: Path, command: list[str]
) -> None:
    article = write(tmp_path, "evil\x1b[2J\u202e.txt", HOSTILE)
    result = runner.invoke(app, [*command, str(article)])
    assert result.exit_code == 0, result.stderr
    assert not has_raw_controls(result.stdout)
    (record,) = records(result.stdout_bytes)
    assert record["file"] == str(article)
    if command[0] in ("show", "batch"):
        assert "\x9b2J" in record["paragraphs"][0]["text"] and "\u202eevil" in record["paragraphs"][0]["text"]
        assert record["title"].startswith("Alarm \x1b]8;;")


@pytest.mark.parametrize("rows", ["articles", "quotes", "entities"])
def test_csv_cells_show_controls_as_visible_escapes(runner: CliRunner, tmp_path: Path, rows: str) -> None:
    article = write(tmp_path, "evil\x1b[2J\nname.txt", HOSTILE)
    result = runner.invoke(app, ["batch", "--format", "csv", "--rows", rows, str(article)])
    assert result.exit_code == 0, result.stderr
    assert not has_raw_controls(result.stdout)
    header, row = list(csv.reader(io.StringIO(result.stdout)))
    assert row[0] == str(tmp_path / "evil\\x1b[2J\\x0aname.txt")
    if rows == "articles":
        assert row[header.index("title")].startswith("Alarm \\x1b]8;;https://evil.example\\x07here")


@pytest.mark.slow  # a real process per case
def test_stderr_messages_escape_file_names_with_line_breaks(tmp_path: Path) -> None:
    forged = tmp_path / "x\nnewsinspect: processed 0 files\x1b[2J.txt"
    for command in (["show", "--json"], ["batch"]):
        result = newsinspect([*command, str(forged)])
        stderr = result.stderr.decode()
        assert not has_raw_controls(stderr)
        assert (
            stderr.splitlines()[0]
            == f"newsinspect: {tmp_path}/x\\x0anewsinspect: processed 0 files\\x1b[2J.txt: no such file"
        )


def test_type_and_resume_error_messages_escape_what_they_echo(runner: CliRunner, tmp_path: Path) -> None:
    article = str(write(tmp_path, "a.txt"))
    bad_type = runner.invoke(app, ["entities", "--type", "PER\x1b[31mSON\nforged", article])
    assert bad_type.exit_code == 2
    assert not has_raw_controls(bad_type.stderr) and "\\x1b[31M" in bad_type.stderr
    assert "\\x0aFORGED" in bad_type.stderr.replace("│", "").replace("\n", "").replace(" ", "")
    out = tmp_path / "o\x1b]52;c;eA==\x07ut.csv"
    out.write_text("some,other,columns\n", encoding="utf-8")
    bad_resume = runner.invoke(app, ["batch", "--format", "csv", "--out", str(out), "--resume", article])
    assert bad_resume.exit_code == 2
    assert not has_raw_controls(bad_resume.stderr)
    assert "o\\x1b]52;c;eA==\\x07ut.csv has other CSV columns" in bad_resume.stderr
