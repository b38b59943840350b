"""newsinspect on a Dask cluster you already have: a Dask Bag of record dicts (the JSON contract).

    from distributed import Client
    import newsinspect.dask
    client = Client("tcp://scheduler:8786")
    bag = newsinspect.dask.records(["/shared/dumps"], glob="*.txt")
    bag.take(1)

Paths are expanded here, on the client; the workers read the files, so they must see them at the same
paths. Each record is the dict of ``show --json``: an article, or ``{"schema", "file", "error"}``.
Needs the ``dask`` extra: ``pip install 'newsinspect[dask]'``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from newsinspect.batch.cluster import PARTITION_SIZE, record_dicts
from newsinspect.batch.executor import WorkSpec
from newsinspect.batch.expand import expand_paths
from newsinspect.batch.formats import OutputFormat
from newsinspect.batch.limits import DEFAULT_MAX_TASKS, DEFAULT_TIMEOUT
from newsinspect.pipeline import Options

if TYPE_CHECKING:
    import dask.bag

__all__ = ["records"]


def records(
    paths: str | Iterable[str],
    *,
    glob: str = "*",
    partition_size: int = PARTITION_SIZE,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_tasks_per_worker: int = DEFAULT_MAX_TASKS,
    **options: Any,
) -> dask.bag.Bag:
    """A Bag of one record dict per input, in input order.

    ``paths`` are files or directories (walked recursively, ``glob`` choosing file names), as for
    ``newsinspect batch``; ``options`` are those of ``newsinspect.pipeline.Options`` (``dayfirst``,
    ``engine``, ``apostrophe_quotes``, ``max_bytes``, …). A document running over ``timeout`` seconds
    becomes an error record ``timed out after N s``.
    """
    import dask.bag

    targets = list(expand_paths([paths] if isinstance(paths, str) else paths, glob=glob))
    spec = WorkSpec(
        Options(**options),
        OutputFormat(),
        timeout=timeout,
        max_tasks_per_worker=max_tasks_per_worker,
    )
    bag = dask.bag.from_sequence(targets, partition_size=partition_size)  # type: ignore[no-untyped-call]
    return bag.map_partitions(record_dicts, spec)  # type: ignore[no-any-return]
