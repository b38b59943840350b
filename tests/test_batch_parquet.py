"""``batch --format parquet``: one row per input that holds every field of the JSON record, row groups as
results arrive, a readable file after Ctrl-C, and clear refusals (a terminal, --resume, no pyarrow)."""

from __future__ import annotations

import io
import json
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from builders import LIGHTHOUSE_DUMP
from processes import running
from typer.testing import CliRunner

from newsinspect.batch import parquet
from newsinspect.cli import environment
from newsinspect.cli.app import app

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

pytestmark = pytest.mark.slow  # pyarrow writes and reads files: a second or more per test

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """The samples, a few variants of a dump, and inputs that fail (binary, empty, not UTF-8)."""
    directory = tmp_path / "in"
    directory.mkdir()
    for sample in sorted(SAMPLES.glob("*.txt")):
        shutil.copy(sample, directory / sample.name)
    for number, name in enumerate(["Tobias Wren", "Ada Fenwick", "Corin Vale"]):
        (directory / f"variant{number}.txt").write_text(LIGHTHOUSE_DUMP.replace("Tobias Wren", name))
    (directory / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (directory / "empty.txt").write_bytes(b"")
    (directory / "cp1252.txt").write_bytes(LIGHTHOUSE_DUMP.replace("café", "caf\xe9").encode("cp1252"))
    (directory / "controls \x1b[2J.txt").write_text(
        "Alarm \x9b2J at \u202ethe pier\nBy Tobias Wren\nIt rained.\n"
    )
    return directory


def json_records(runner: CliRunner, paths: list[str]) -> list[dict[str, Any]]:
    result = runner.invoke(app, ["batch", "-q", "-j", "1", *paths])
    return [json.loads(line) for line in result.stdout_bytes.splitlines()]


def same(parquet_value: Any, json_value: Any) -> bool:
    """Equal as data: dicts field by field (JSON's order), floats to the bit."""
    if isinstance(json_value, dict):
        return isinstance(parquet_value, dict) and all(
            same(parquet_value.get(key), value) for key, value in json_value.items()
        )
    if isinstance(json_value, list):
        return len(parquet_value) == len(json_value) and all(map(same, parquet_value, json_value))
    if isinstance(json_value, float):
        return math.isclose(parquet_value, json_value, rel_tol=0, abs_tol=0)
    return bool(parquet_value == json_value and type(parquet_value) is type(json_value))


def test_one_row_per_input_holding_every_field_of_the_json_record(
    runner: CliRunner, inputs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.parquet"
    result = runner.invoke(
        app, ["batch", "-q", "-j", "2", "--format", "parquet", "--out", str(out), str(inputs)]
    )
    assert result.exit_code == 1  # the binary and empty files
    rows = pq.read_table(out).to_pylist()
    records = json_records(runner, [str(inputs)])
    assert len(rows) == len(records) == len(list(inputs.iterdir()))
    for row, record in zip(rows, records, strict=True):
        if "error" in record:
            assert row["error"] == record["error"]
            assert all(value is None for key, value in row.items() if key not in record)
        else:
            assert row.pop("error") is None
            assert list(row) == list(record)  # the JSON contract's fields, in its order
        assert same(row, record), record["file"]
    assert sum(1 for record in records if "error" in record) == 2


def test_duckdb_reads_it_without_help(runner: CliRunner, inputs: Path, tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "out.parquet"
    runner.invoke(app, ["batch", "-q", "--format", "parquet", "--out", str(out), str(inputs)])
    records = json_records(runner, [str(inputs)])
    rows = duckdb.sql(
        f"SELECT file, title, len(quotes), stats.words, quotes[1].speaker FROM '{out}' ORDER BY file"
    ).fetchall()
    expected = sorted(
        (
            r["file"],
            r.get("title"),
            len(r["quotes"]) if "quotes" in r else None,
            r["stats"]["words"] if "stats" in r else None,
            r["quotes"][0]["speaker"] if r.get("quotes") else None,
        )
        for r in records
    )
    assert rows == expected


@pytest.mark.parametrize("rows", ["quotes", "entities"])
def test_rows_per_quote_or_entity_as_for_csv(
    runner: CliRunner, inputs: Path, tmp_path: Path, rows: str
) -> None:
    out = tmp_path / "out.parquet"
    runner.invoke(app, ["batch", "-q", "--format", "parquet", "--rows", rows, "--out", str(out), str(inputs)])
    table = pq.read_table(out)
    csv = runner.invoke(app, ["batch", "-q", "--format", "csv", "--rows", rows, str(inputs)])
    header, *cells = [line for line in csv.stdout.splitlines()]
    assert table.column_names == header.split(",")
    assert table.num_rows == len(cells)
    records = json_records(runner, [str(inputs)])
    listed = [item for record in records for item in record.get(rows) or [None]]
    assert table.num_rows == len(listed)
    for row, item in zip(table.to_pylist(), listed, strict=True):
        if item is None:  # an error, or an article without any: one row all the same
            assert row["text" if rows == "quotes" else "name"] is None
        elif rows == "quotes":
            assert (row["text"], row["speaker"], row["start"]) == (
                item["text"],
                item["speaker"],
                item["start"],
            )
        else:
            assert (row["name"], row["aliases"], row["count"]) == (
                item["name"],
                item["aliases"],
                item["count"],
            )


def test_row_groups_are_written_as_results_arrive(
    runner: CliRunner, inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parquet, "ROW_GROUP_BYTES", 4096)
    out = tmp_path / "out.parquet"
    runner.invoke(app, ["batch", "-q", "-j", "1", "--format", "parquet", "--out", str(out), str(inputs)])
    metadata = pq.ParquetFile(out).metadata
    assert metadata.num_row_groups > 3
    assert metadata.num_rows == len(list(inputs.iterdir()))


def test_parquet_to_a_pipe_but_not_to_a_terminal(
    runner: CliRunner, inputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    piped = runner.invoke(app, ["batch", "-q", "--format", "parquet", str(inputs / "variant0.txt")])
    assert piped.exit_code == 0
    assert pq.read_table(io.BytesIO(piped.stdout_bytes)).column("authors").to_pylist() == [["Tobias Wren"]]
    original = environment.Environment.from_process.__func__  # type: ignore[attr-defined]

    def at_a_terminal(cls: type[environment.Environment], /, **kwargs: Any) -> environment.Environment:
        env: environment.Environment = original(cls, **kwargs)
        env.stdout_isatty = True
        return env

    monkeypatch.setattr(environment.Environment, "from_process", classmethod(at_a_terminal))
    refused = runner.invoke(app, ["batch", "--format", "parquet", str(inputs / "variant0.txt")])
    assert refused.exit_code == 2 and refused.stdout == ""
    assert "Parquet is binary: give --out FILE" in refused.stderr


def test_resume_is_refused_with_parquet(runner: CliRunner, inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    out.write_bytes(b"kept")
    result = runner.invoke(app, ["batch", "--format", "parquet", "--out", str(out), "--resume", str(inputs)])
    assert result.exit_code == 2
    assert "a Parquet file cannot be appended to" in result.stderr
    assert out.read_bytes() == b"kept"


def test_without_pyarrow_a_clear_message(
    runner: CliRunner, inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    result = runner.invoke(
        app, ["batch", "--format", "parquet", "--out", str(tmp_path / "o.parquet"), str(inputs)]
    )
    assert result.exit_code == 2
    assert (
        result.stderr == "newsinspect: --format parquet needs pyarrow: pip install 'newsinspect[parquet]'\n"
    )


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_leaves_a_readable_file_with_every_record_counted(tmp_path: Path, jobs: str) -> None:
    files = []
    for number in range(40):
        path = tmp_path / f"a{number:02d}.txt"
        path.write_text(LIGHTHOUSE_DUMP, encoding="utf-8")
        files.append(path)
    out = tmp_path / "out.parquet"
    command = [
        sys.executable,
        "-m",
        "newsinspect",
        "batch",
        "-j",
        jobs,
        "--format",
        "parquet",
        "--out",
        str(out),
    ]
    fifo = tmp_path / "never-written.txt"  # after the 40 files: the run is surely busy when Ctrl-C comes
    os.mkfifo(fifo)
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    with running([*command, *map(str, files), str(fifo)], **pipes) as process:
        deadline = time.monotonic() + 120
        writer = None
        while writer is None and time.monotonic() < deadline and process.poll() is None:
            try:  # succeeds once newsinspect has opened the FIFO for reading: every file before it is read
                writer = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                time.sleep(0.05)
        assert writer is not None, "newsinspect never opened the FIFO"
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
        os.close(writer)
    text = stderr.decode()
    assert process.returncode == 130, text
    assert "Traceback" not in text
    found = re.search(r"interrupted after ([\d,]+) files? ", text)
    assert found, text
    counted = int(found.group(1).replace(",", ""))
    if jobs == "1":  # the FIFO is opened after the 40 files are done
        assert counted == len(files)
    table = pq.read_table(out)
    assert table.num_rows == counted
    assert table.column("file").to_pylist() == [str(f) for f in files[:counted]]
