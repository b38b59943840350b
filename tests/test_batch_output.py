"""Output of batch: JSON Lines and CSV rendering, whole-line writing, resuming a cut-off file, the summary."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
from pathlib import Path

import pytest

from newsinspect.batch.formats import COLUMNS, OutputFormat
from newsinspect.batch.output import (
    LineSink,
    ResumeError,
    open_output,
    read_existing,
    sigint_held,
    truncate_partial_line,
)
from newsinspect.batch.summary import RunSummary, failure_reason
from newsinspect.model import Article, Entity, Quote, Record, Span, Stats

ARTICLE = Article(
    title="Harbour Town Votes\non the Lighthouse",
    subtitle=None,
    authors=("Tobias Wren", "Mara Quill"),
    published="2024-03-03",
    updated=None,
    dateline=None,
    captions=(),
    paragraphs=(),
    stats=Stats(words=120, paragraphs=4, sentences=6, reading_minutes=0.5),
    quotes=(
        Quote("It will guide our children", "full", "Ilse Brannock", None, "Mayor", "said", None, 1, 10, 36),
        Quote("a fine idea", "partial", None, None, None, None, None, 2, 50, 61),
    ),
    entities=(
        Entity("Ilse Brannock", "PERSON", 2, ("Brannock",), (Span("Brannock", 90, 98), Span("Ilse", 5, 9))),
    ),
)


def read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"))))


def test_jsonl_is_the_show_json_record_on_one_line() -> None:
    line = OutputFormat("jsonl").render(Record("a.txt", ARTICLE))
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert json.loads(line) == Record("a.txt", ARTICLE).to_dict()


def test_jsonl_escapes_non_utf8_file_names_as_valid_json() -> None:
    line = OutputFormat("jsonl").render(Record("caf\udce9.txt", error="empty file"))
    line.decode("utf-8")  # valid UTF-8
    assert json.loads(line)["file"] == "caf\udce9.txt"


def test_csv_article_row_has_scalars_and_counts_and_no_line_breaks() -> None:
    chunk = OutputFormat("csv").render(Record("a.txt", ARTICLE))
    assert chunk.count(b"\n") == 1
    (row,) = read_csv(chunk)
    cells = dict(zip(COLUMNS["articles"], row, strict=True))
    assert cells["title"] == "Harbour Town Votes on the Lighthouse"
    assert cells["authors"] == "Tobias Wren; Mara Quill"
    assert (cells["words"], cells["quotes"], cells["entities"], cells["error"]) == ("120", "2", "1", "")


def test_csv_quote_rows_one_per_quote() -> None:
    rows = read_csv(OutputFormat("csv", "quotes").render(Record("a.txt", ARTICLE)))
    assert [dict(zip(COLUMNS["quotes"], row, strict=True))["text"] for row in rows] == [
        "It will guide our children",
        "a fine idea",
    ]
    assert rows[0][COLUMNS["quotes"].index("speaker")] == "Ilse Brannock"


def test_csv_entity_rows_with_first_mention() -> None:
    (row,) = read_csv(OutputFormat("csv", "entities").render(Record("a.txt", ARTICLE)))
    cells = dict(zip(COLUMNS["entities"], row, strict=True))
    assert (cells["name"], cells["type"], cells["count"], cells["first_start"]) == (
        "Ilse Brannock",
        "PERSON",
        "2",
        "5",
    )


def test_every_input_gives_at_least_one_csv_row() -> None:
    no_quotes = Record("b.txt", Article(None, None, (), None, None, None, (), (), Stats(0, 0, 0, 0.0)))
    (row,) = read_csv(OutputFormat("csv", "quotes").render(no_quotes))
    assert row[0] == "b.txt" and row[COLUMNS["quotes"].index("text")] == ""
    (row,) = read_csv(OutputFormat("csv", "entities").render(Record("c.txt", error="empty file")))
    assert row[:2] == ["c.txt", "empty file"]
    assert len(row) == len(COLUMNS["entities"])


def test_truncate_partial_line_keeps_whole_lines(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"a":1}\n{"b":2}\n{"c":')
    assert truncate_partial_line(str(out)) == 5
    assert out.read_bytes() == b'{"a":1}\n{"b":2}\n'
    assert truncate_partial_line(str(out)) == 0
    out.write_bytes(b"no newline at all")
    truncate_partial_line(str(out))
    assert out.read_bytes() == b""


def test_truncate_finds_a_newline_far_back(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"x\n" + b"y" * 200_000)
    assert truncate_partial_line(str(out)) == 200_000
    assert out.read_bytes() == b"x\n"


def test_resume_reads_the_files_done_and_appends_after_dropping_a_partial_line(tmp_path: Path) -> None:
    jsonl = OutputFormat("jsonl")
    out = tmp_path / "out.jsonl"
    done_lines = jsonl.render(Record("a.txt", ARTICLE)) + jsonl.render(
        Record("b\udcff.txt", error="empty file")
    )
    out.write_bytes(done_lines + jsonl.render(Record("c.txt", ARTICLE))[:40])
    sink, state = open_output(str(out), jsonl, resume=True)
    assert state.done == {"a.txt", "b\udcff.txt"}  # the exact name, as the expansion gives it
    assert state.dropped_bytes == 40
    sink.write(jsonl.render(Record("c.txt", ARTICLE)))
    sink.close()
    assert [json.loads(line)["file"] for line in out.read_bytes().splitlines()] == [
        "a.txt",
        "b\udcff.txt",
        "c.txt",
    ]


def test_resume_of_csv_keeps_the_header_and_refuses_other_columns(tmp_path: Path) -> None:
    quotes = OutputFormat("csv", "quotes")
    out = tmp_path / "out.csv"
    sink, state = open_output(str(out), quotes, resume=True)
    sink.write(quotes.render(Record("a.txt", ARTICLE)))
    sink.close()
    assert not state.done
    state = read_existing(str(out), quotes)
    assert state.done == {"a.txt"} and state.has_header
    assert out.read_bytes().count(b"file,error,title,quote,") == 1
    with pytest.raises(ResumeError, match="other CSV columns"):
        read_existing(str(out), OutputFormat("csv", "entities"))


def test_without_resume_the_output_file_is_replaced(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"old\n")
    sink, state = open_output(str(out), OutputFormat("jsonl"), resume=False)
    sink.close()
    assert out.read_bytes() == b"" and not state.done


def test_ctrl_c_during_a_write_is_held_until_the_line_is_out() -> None:
    stream = io.BytesIO()

    class InterruptedMidWrite(io.BytesIO):
        def write(self, data: bytes) -> int:  # type: ignore[override]
            half = len(data) // 2
            stream.write(data[:half])
            os.kill(os.getpid(), signal.SIGINT)  # arrives in the middle of the record
            return stream.write(data[half:])

    sink = LineSink(InterruptedMidWrite())
    with pytest.raises(KeyboardInterrupt):
        sink.write(b'{"file":"a.txt"}\n')
    assert stream.getvalue() == b'{"file":"a.txt"}\n'
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_sigint_held_does_nothing_without_a_signal() -> None:
    with sigint_held():
        pass
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_failure_reasons_group_errors_of_a_kind() -> None:
    assert failure_reason("binary file (NUL bytes at offset 12)") == "binary file"
    assert failure_reason("internal error: ValueError: bad") == "internal error"
    assert failure_reason("empty file") == "empty file"


def test_summary_counts_and_lines() -> None:
    summary = RunSummary()
    for error in [None, None, "empty file", "binary file (NUL bytes at offset 3)", "empty file"]:
        summary.add(error)
    summary.skipped = 4
    summary.finish()
    first, reasons, skipped = summary.lines()
    assert first.startswith("processed 5 files in ") and first.endswith(": 2 ok, 3 failed")
    assert reasons == "failed by reason: empty file 2, binary file 1"
    assert skipped == "skipped 4 files already in the output (--resume)"
    summary.finish(interrupted=True)
    assert summary.lines()[0].startswith("interrupted after 5 files")
