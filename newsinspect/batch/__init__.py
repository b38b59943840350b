"""Batch processing: expand many paths, inspect them in parallel, stream one output line per input.

Library code (no typer or rich): ``expand`` turns command-line PATHs into targets, ``executor`` runs the
pipeline over them in worker processes, ``formats`` turns records into JSON Lines or CSV, ``output`` writes
whole lines to a file that ``--resume`` can continue, ``summary`` counts what happened, ``run`` ties them.
"""

from __future__ import annotations

from newsinspect.batch.expand import Target, expand_paths, read_path_list
from newsinspect.batch.formats import OutputFormat
from newsinspect.batch.run import BatchError, run_batch
from newsinspect.batch.summary import RunSummary

__all__ = [
    "BatchError",
    "OutputFormat",
    "RunSummary",
    "Target",
    "expand_paths",
    "read_path_list",
    "run_batch",
]
