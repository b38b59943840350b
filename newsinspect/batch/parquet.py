"""Parquet output (``batch --format parquet``): the JSON contract as an Arrow schema, written in row groups.

Workers render each record's rows as JSON lines (``formats.parquet_rows``); this writer gathers them and
turns every ROW_GROUP_BYTES of them into one row group with Arrow's JSON reader and the explicit schema
below, so memory stays flat and the columns are exactly the JSON record's values. The footer is written
by ``close()``, which the CLI calls on every way out, Ctrl-C included; a process killed outright leaves a
file without a footer, which every Parquet reader refuses with an error (never a silent half read).

pyarrow is an optional dependency (``pip install 'newsinspect[parquet]'``), imported here only.
"""

from __future__ import annotations

import contextlib
import io
from typing import TYPE_CHECKING, Any, BinaryIO

from newsinspect.batch.formats import RowsName
from newsinspect.batch.output import STDOUT_NAME, sigint_held, write_failed
from newsinspect.errors import NewsinspectError

if TYPE_CHECKING:
    import pyarrow as pa

ROW_GROUP_BYTES = 8 * 1024 * 1024  # of rendered rows (a few hundred articles): the writer peaks near 100 MB


class ParquetUnavailableError(NewsinspectError):
    """pyarrow is not installed."""


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.json
        import pyarrow.parquet
    except ImportError:
        raise ParquetUnavailableError(
            "--format parquet needs pyarrow: pip install 'newsinspect[parquet]'"
        ) from None
    return pyarrow


def arrow_schema(rows: RowsName) -> pa.Schema:
    """The Arrow schema of ``--format parquet --rows ROWS``; field names and order as in the JSON record
    (articles) or the CSV columns (quotes, entities). Every field may be null: an error row has only
    ``file`` and ``error``."""
    pa = _pyarrow()
    text, integer = pa.string(), pa.int64()
    span = pa.struct([("text", text), ("start", integer), ("end", integer)])
    if rows == "quotes":
        return pa.schema(
            [("file", text), ("error", text), ("title", text), ("quote", integer), ("text", text),
             ("kind", text), ("speaker", text), ("role", text), ("cue", text), ("source", text),
             ("paragraph", integer), ("start", integer), ("end", integer)]
        )  # fmt: skip
    if rows == "entities":
        return pa.schema(
            [("file", text), ("error", text), ("title", text), ("entity", integer), ("name", text),
             ("type", text), ("count", integer), ("aliases", pa.list_(text)), ("first_start", integer)]
        )  # fmt: skip
    quote = pa.struct(
        [("text", text), ("kind", text), ("speaker", text), ("speaker_mention", span), ("role", text),
         ("cue", text), ("source", text), ("paragraph", integer), ("start", integer), ("end", integer)]
    )  # fmt: skip
    entity = pa.struct(
        [("name", text), ("type", text), ("count", integer), ("aliases", pa.list_(text)),
         ("mentions", pa.list_(span)), ("quotes", integer)]
    )  # fmt: skip
    return pa.schema(
        [
            ("schema", integer),
            ("file", text),
            ("error", text),
            ("format", text),
            ("url", text),
            ("title", text),
            ("subtitle", text),
            ("authors", pa.list_(text)),
            ("published", text),
            ("updated", text),
            ("dateline", text),
            ("captions", pa.list_(pa.struct([("text", text), ("credit", text), ("start", integer),
                                             ("end", integer)]))),
            ("paragraphs", pa.list_(pa.struct([("text", text), ("kind", text), ("start", integer),
                                               ("end", integer)]))),
            ("stats", pa.struct([("words", integer), ("paragraphs", integer), ("sentences", integer),
                                 ("reading_minutes", pa.float64())])),
            ("quotes", pa.list_(quote)),
            ("entities", pa.list_(entity)),
            ("warnings", pa.list_(text)),
        ]
    )  # fmt: skip


class ParquetSink:
    """Receives the JSON-line chunks of ``OutputFormat("parquet", rows)`` and writes row groups."""

    def __init__(
        self, stream: BinaryIO, rows: RowsName, *, owned: bool = False, name: str = STDOUT_NAME
    ) -> None:
        pa = _pyarrow()
        self._pa = pa
        self._schema = arrow_schema(rows)
        self._stream = stream
        self._owned = owned
        self.name = name
        self._pending: list[bytes] = []
        self._pending_bytes = 0
        self._failed = False  # after a failed write, close() only lets go of the stream
        self._writer = self._guarded(lambda: pa.parquet.ParquetWriter(stream, self._schema))
        self.rows_written = 0

    def write(self, chunk: bytes) -> None:
        if not chunk:
            return
        self._pending.append(chunk)
        self._pending_bytes += len(chunk)
        if self._pending_bytes >= ROW_GROUP_BYTES:
            self.flush()

    def flush(self) -> None:
        """Write what is gathered as one row group."""
        if not self._pending:
            return
        data = b"".join(self._pending)
        self._pending, self._pending_bytes = [], 0
        table = self._pa.json.read_json(
            io.BytesIO(data),
            read_options=self._pa.json.ReadOptions(block_size=len(data) + 1, use_threads=False),
            parse_options=self._pa.json.ParseOptions(explicit_schema=self._schema),
        )
        with sigint_held():  # a row group goes out whole
            self._guarded(lambda: self._writer.write_table(table))
        self.rows_written += table.num_rows

    def close(self) -> None:
        """Flush the last rows and write the footer: from here on the file is readable."""
        try:
            if not self._failed:
                self.flush()
                with sigint_held():
                    self._guarded(self._writer.close)
        finally:
            if self._owned:
                with contextlib.suppress(OSError):  # a failure is reported once, by the write that met it
                    self._stream.close()

    def _guarded(self, action: Any) -> Any:
        try:
            return action()
        except BrokenPipeError:
            raise
        except OSError as err:
            self._failed = True
            raise write_failed(self.name, err) from err
