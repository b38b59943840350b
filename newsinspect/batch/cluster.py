"""Running a batch on a Dask cluster (``batch --scheduler``, ``newsinspect.dask``).

Only paths travel: each task is a partition of targets, and the Dask worker reads the files itself, so
they must be visible to every worker at the same paths. On the worker, the partition runs through a
one-process ``WorkerPool`` that the worker keeps between tasks, so that the time limit (a stuck document
costs a child process, not the Dask worker) and recycling work exactly as on the local pool, and the
records are the same bytes. The client keeps a bounded window of partitions in flight and yields their
outcomes in input order, so ``run_batch`` writes, counts and resumes as it does for the local pool.

Dask itself is imported only when a client is opened (``--scheduler``) or a Bag is built: importing this
module costs nothing more than the executor.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from contextlib import contextmanager
from multiprocessing.util import Finalize
from typing import Any

from newsinspect.batch.executor import Outcome, WorkSpec, warm_up, worker_pool
from newsinspect.batch.expand import Target
from newsinspect.batch.pathlist import InputWait
from newsinspect.batch.pool import WorkerDiedError, WorkerPool
from newsinspect.errors import NewsinspectError

Client = Any  # distributed's Client and Future: Dask ships no type information for them
Future = Any

LOCAL = "local"  # --scheduler local: a LocalCluster on this machine
PARTITION_SIZE = 32  # files per Dask task: ~40 ms of work against a few ms of scheduling
PARTITIONS_PER_SLOT = 4  # in flight per worker thread: none idles while the client waits for the oldest
_LOCAL_SETTINGS = {
    "distributed.worker.profile.enabled": False,
    "distributed.scheduler.worker-saturation": "inf",
}
INPUT_PAUSE = 0.2  # seconds without new input after which a partial partition goes out
_PAUSE = object()
INSTALL_HINT = "--scheduler needs Dask: pip install 'newsinspect[dask]'"


class ClusterError(NewsinspectError):
    """The Dask cluster could not be reached or started."""


@contextmanager
def dask_client(address: str, jobs: int) -> Iterator[Client]:
    """A client of the scheduler at ``address``, or of a new LocalCluster with ``jobs`` workers."""
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise ClusterError(INSTALL_HINT) from err
    cluster: Any = None
    client: Any
    try:
        if address == LOCAL:
            # The workers' statistical profiler samples every 10 ms: a tenth of their overhead here. And
            # tasks go to the workers as soon as they are submitted (our window already bounds them), so a
            # worker never waits a round trip to the scheduler between two partitions. Scheduler and
            # workers take the configuration as it is when they start, that is, in this block.
            with dask.config.set(_LOCAL_SETTINGS):
                cluster = LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=jobs,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0",  # a free port: two runs at once must not clash
                    silence_logs=logging.ERROR,
                )
            client = Client(cluster)  # type: ignore[no-untyped-call]
        else:
            client = Client(address)  # type: ignore[no-untyped-call]  # waits distributed.comm.timeouts.connect
    except (OSError, TimeoutError) as err:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {err}") from err
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def inspect_on_cluster(
    targets: Iterable[Target | InputWait],
    spec: WorkSpec,
    client: Client,
    *,
    partition_size: int = PARTITION_SIZE,
) -> Generator[Outcome, None, None]:
    """Outcomes for ``targets`` in their order, computed on the cluster behind ``client``.

    A thread reads the input ahead, so that a slow producer (a pipe of paths that stays open) never holds
    back results that are ready; a partition goes out early when no more input comes for a moment.
    """
    slots = max(1, sum(client.nthreads().values()))
    window = slots * PARTITIONS_PER_SLOT
    reader = _Reader(targets, window * partition_size)
    pending: deque[Future] = deque()
    part: list[Target] = []
    try:
        while True:
            while pending and (len(pending) >= window or pending[0].done()):
                yield from _outcomes(pending.popleft())
            item = reader.next(INPUT_PAUSE if part or pending else None)
            if isinstance(item, Target):
                part.append(item)
            if part and (item is _PAUSE or item is None or len(part) >= partition_size):
                pending.append(client.submit(run_partition, part, spec, pure=False))
                part = []
            if item is None:
                break
        while pending:
            yield from _outcomes(pending.popleft())
    finally:
        reader.stop()
        if pending:  # Ctrl-C, an error, or the consumer went away
            client.cancel(list(pending))


class _Reader:
    """Takes targets from an iterable in a thread of its own, into a bounded queue."""

    def __init__(self, targets: Iterable[Target | InputWait], ahead: int) -> None:
        self._queue: queue.Queue[Target | BaseException | None] = queue.Queue(maxsize=ahead)
        self._stopped = threading.Event()
        threading.Thread(target=self._read, args=(targets,), name="newsinspect-input", daemon=True).start()

    def next(self, timeout: float | None) -> Target | object | None:
        """The next target, None at the end, or _PAUSE if none came within ``timeout`` seconds."""
        try:
            item = self._queue.get(timeout=timeout)
        except queue.Empty:
            return _PAUSE
        if isinstance(item, BaseException):
            raise item
        return item

    def stop(self) -> None:
        self._stopped.set()

    def _read(self, targets: Iterable[Target | InputWait]) -> None:
        try:
            for target in targets:
                if isinstance(target, InputWait):
                    target.wait()  # this thread has nothing else to do (the pause shows in next())
                    continue
                if not self._put(target):
                    return
        except Exception as err:  # handed to the consumer, which raises it
            self._put(err)
            return
        self._put(None)

    def _put(self, item: Target | BaseException | None) -> bool:
        while not self._stopped.is_set():
            with contextlib.suppress(queue.Full):
                self._queue.put(item, timeout=0.1)
                return True
        return False


def _outcomes(future: Future) -> list[Outcome]:
    try:
        result: list[Outcome] = future.result()
    except NewsinspectError:
        raise  # a dead child process or a missing engine, as on the local pool
    except Exception as err:  # KilledWorker, a lost connection: the cluster let us down
        raise WorkerDiedError(
            f"the Dask cluster failed ({type(err).__name__}: {err}); the output so far holds whole records: "
            "run again with --out FILE --resume to go on"
        ) from err
    return result


# -- on the Dask worker -----------------------------------------------------------------------------------

_local = threading.local()  # one pool per worker thread: a Dask worker may run tasks in several


def run_partition(targets: list[Target], spec: WorkSpec) -> list[Outcome]:
    """Run on a Dask worker: the outcomes of one partition, in order."""
    pool: WorkerPool | None = getattr(_local, "pool", None)
    if pool is None or pool.spec != spec:
        if pool is not None:
            pool.close()
        warm_up(spec.options)
        pool = worker_pool(spec, 1)
        _local.pool = pool
        # At exit, before multiprocessing's own hook, which would send our children a SIGTERM they
        # ignore and then wait for them (a Dask worker's process ends through that hook, not atexit).
        Finalize(None, pool.close, kwargs={"kill": True}, exitpriority=10)
    return list(pool.run(targets))


def record_dicts(targets: list[Target], spec: WorkSpec) -> list[dict[str, Any]]:
    """Run on a Dask worker: the JSON records of one partition, as dicts (``newsinspect.dask.records``)."""
    import json

    return [json.loads(outcome.chunk) for outcome in run_partition(targets, spec)]
