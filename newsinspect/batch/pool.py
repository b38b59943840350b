"""Worker processes the parent fully controls: started lazily, recycled, replaced on a time-out, and
never outliving the parent.

Each worker has its own pipe: the parent sends it chunks of targets and it answers one outcome per
target, in order, so the parent always knows which document a worker is on and since when. A document
over the time limit costs its worker (killed; the next chunk starts a fresh one) and becomes an error
record; the documents queued behind it go to another worker. A worker that has done ``max_tasks``
documents is told to stop and is replaced the same lazy way, so memory stays flat over millions of files.
A worker that dies (killed, a crash, the out-of-memory killer) is handled like a time-out: the document it
was on becomes an error record saying how it died, and the run goes on with a fresh worker.

Parent death: workers ignore Ctrl-C and SIGTERM (the parent alone handles them and ends the workers), so
they must notice by themselves when the parent is gone, even after SIGKILL: on Linux the kernel kills
them (PR_SET_PDEATHSIG), and everywhere a thread watches a pipe only the parent holds open and the
parent's pid, and ends the worker when either goes.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any

from newsinspect.batch.expand import Target
from newsinspect.batch.pathlist import InputWait
from newsinspect.batch.signals import interrupts_held
from newsinspect.errors import NewsinspectError

# Typed loosely: the executor's inspect_target, WorkSpec and Outcome (this module knows no pipeline).
Inspect = Callable[[Target, Any], Any]

CHUNK_SIZE = 8  # targets per message: amortises the round trip (~0.1 ms) over several files
CHUNKS_PER_WORKER = 2  # sent ahead, so that a worker never waits for the parent
WATCH_INTERVAL = 1.0  # seconds between a worker's checks that its parent is alive (besides the pipe)
_PR_SET_PDEATHSIG = 1


class WorkerDiedError(NewsinspectError):
    """The run cannot go on without its workers (the Dask cluster failed)."""


def timeout_message(seconds: float) -> str:
    return f"timed out after {seconds:g} s"


def died_message(exitcode: int | None) -> str:
    """The error record of the document a worker died on: by which signal (SIGKILL is most often the
    kernel's out-of-memory killer), or with which exit status."""
    if exitcode is not None and exitcode < 0:
        with contextlib.suppress(ValueError):
            name = signal.Signals(-exitcode).name
            hint = " (out of memory?)" if name == "SIGKILL" else ""
            return f"the worker process died on this input: killed by {name}{hint}"
    return f"the worker process died on this input (exit status {exitcode})"


class _Worker:
    """One worker process, its pipe, and the targets sent to it that have no outcome yet."""

    def __init__(self, process: multiprocessing.process.BaseProcess, conn: Connection) -> None:
        self.process = process
        self.conn = conn
        self.queue: deque[tuple[int, Target]] = deque()
        self.since = time.monotonic()  # when the document at the head of the queue started
        self.sent = 0  # targets sent over its life (for recycling)

    def kill(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.process.kill()
        self.process.join()
        self.conn.close()


class WorkerPool:
    """``jobs`` worker processes running ``inspect(target, spec)``; ``run()`` yields outcomes in input order.

    The pool outlives one ``run()`` (the Dask path runs one per partition); ``close()`` ends the workers.
    """

    def __init__(
        self,
        inspect: Inspect,
        spec: Any,
        *,
        jobs: int,
        timeout: float | None,
        max_tasks: int,
        window: int,
    ) -> None:
        self.inspect = inspect
        self.spec = spec
        self.jobs = max(1, jobs)
        self.timeout = timeout or None
        self.max_tasks = max(1, max_tasks)
        self.window = max(window, self.jobs * CHUNKS_PER_WORKER * CHUNK_SIZE)
        self.workers: list[_Worker] = []
        self.context = _context()
        self._lifeline, self._lifeline_end = self.context.Pipe(duplex=False)  # the parent keeps the end

    # -- the run ------------------------------------------------------------------------------------------

    def run(self, targets: Iterable[Target | InputWait]) -> Generator[Any, None, None]:
        state = _RunState(iter(targets))
        try:
            while True:
                while state.done in state.results:
                    yield state.results.pop(state.done)
                    state.done += 1
                if state.finished():
                    return
                if self._dispatch(state):
                    # Hand on what is ready before reading more input: a slow producer (a pipe of
                    # paths) must not hold back output that is already there.
                    self._collect(0, state)
                else:
                    self._collect(self._time_to_next_deadline(), state)
        except BaseException:
            self.close(kill=True)  # Ctrl-C, an error, or the consumer went away: the workers are stale
            raise

    def _dispatch(self, state: _RunState) -> bool:
        """Send one chunk (retries first, then new input) if a worker can take it; False if none was sent."""
        state.input_wait = None
        room = self.window - (state.pulled - state.done)
        if not state.retry and (state.exhausted or room <= 0):
            return False
        self._prune()
        worker = self._worker_for_more()
        if worker is None and len(self.workers) >= self.jobs:
            return False
        size = min(CHUNK_SIZE, self.max_tasks - (worker.sent if worker else 0))
        chunk = [state.retry.popleft() for _ in range(min(size, len(state.retry)))]
        if not chunk:
            wanted = min(size, room)
            taken, state.input_wait = _take(state.source, wanted)
            for target in taken:
                chunk.append((state.pulled, target))
                state.pulled += 1
            state.exhausted = len(chunk) < wanted and state.input_wait is None
        if not chunk:
            return False
        self._send(worker or self._start(), chunk)  # a new worker only for actual work
        return True

    def close(self, *, kill: bool = False) -> None:
        """End every worker: asked to stop and waited for, or (``kill``) killed at once."""
        workers, self.workers = self.workers, []
        for worker in workers:
            if kill or worker.queue:
                worker.kill()
        self._retire([w for w in workers if not (kill or w.queue)])

    # -- workers --------------------------------------------------------------------------------------------

    def _worker_for_more(self) -> _Worker | None:
        """An idle worker, else (when the pool is full) the least busy one with room; None if none."""
        ready = [w for w in self.workers if w.sent < self.max_tasks]
        idle = [w for w in ready if not w.queue]
        if idle:
            return idle[0]
        if len(self.workers) < self.jobs:
            return None  # a new worker starts rather than queueing behind a busy one
        open_ = [w for w in ready if len(w.queue) < CHUNKS_PER_WORKER * CHUNK_SIZE]
        return min(open_, key=lambda w: len(w.queue)) if open_ else None

    def _prune(self) -> None:
        """Retire the idle workers that reached max_tasks; forget idle ones that died (nothing was lost)."""
        worn_out = [w for w in self.workers if w.sent >= self.max_tasks and not w.queue]
        dead = [w for w in self.workers if not w.queue and w not in worn_out and not w.process.is_alive()]
        for worker in worn_out + dead:
            self.workers.remove(worker)
        for worker in dead:
            worker.kill()  # reaps it and closes its pipe
        self._retire(worn_out)

    def _start(self) -> _Worker:
        parent_end, child_end = self.context.Pipe()
        main_thread = threading.current_thread() is threading.main_thread()
        process = self.context.Process(  # type: ignore[attr-defined]
            target=_serve,
            args=(child_end, self._lifeline, self._lifeline_end, os.getpid(), main_thread),
            kwargs={"inspect": self.inspect, "spec": self.spec},
            daemon=True,
        )
        with interrupts_held(), _children_allowed():  # never leave a started worker untracked
            process.start()
            worker = _Worker(process, parent_end)
            self.workers.append(worker)
        child_end.close()
        return worker

    def _send(self, worker: _Worker, chunk: list[tuple[int, Target]]) -> None:
        if not worker.queue:
            worker.since = time.monotonic()
        worker.queue.extend(chunk)
        worker.sent += len(chunk)
        with contextlib.suppress(OSError):  # it died: its sentinel tells, and _receive reports it
            worker.conn.send([target for _, target in chunk])

    def _retire(self, workers: list[_Worker]) -> None:
        for worker in workers:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
        for worker in workers:
            worker.process.join(5)
            worker.kill()  # if it has not ended by now; closes the pipe either way

    # -- results ------------------------------------------------------------------------------------------

    def _time_to_next_deadline(self) -> float | None:
        if self.timeout is None:
            return None
        starts = [w.since for w in self.workers if w.queue]
        return max(0.0, min(starts) + self.timeout - time.monotonic()) if starts else None

    def _collect(self, timeout: float | None, state: _RunState) -> None:
        """Wait up to ``timeout`` for outcomes, deaths and (when the last dispatch found none ready) more
        input, then act on the deadlines that passed."""
        busy = [w for w in self.workers if w.queue]
        if state.input_wait is not None and not busy:
            state.input_wait.wait(timeout)  # nothing in flight: only more input can move the run on
        elif busy:
            waited: list[Any] = [w.conn for w in busy] + [w.process.sentinel for w in busy]
            if state.input_wait is not None:
                waited.append(state.input_wait)
            ready = set(wait(waited, timeout))
            for worker in busy:
                if worker.conn in ready or worker.process.sentinel in ready:
                    self._receive(worker, state)
        if self.timeout is not None:
            self._enforce_deadlines(self.timeout, state)

    def _receive(self, worker: _Worker, state: _RunState) -> None:
        self._drain(worker, state)
        if worker.queue and not worker.process.is_alive():
            self._drain(worker, state)  # what it sent between the last poll and its death
        if worker.queue and not worker.process.is_alive():
            self._replace(worker, state, died_message(worker.process.exitcode))

    def _drain(self, worker: _Worker, state: _RunState) -> None:
        """Take every outcome the worker has sent so far."""
        try:
            while worker.queue and worker.conn.poll():
                message = worker.conn.recv()
                if isinstance(message, BaseException):
                    raise message  # a setting no input can get past (a missing engine)
                index, _ = worker.queue.popleft()
                state.results[index] = message
                worker.since = time.monotonic()
        except (EOFError, OSError):
            pass

    def _replace(self, worker: _Worker, state: _RunState, problem: str) -> None:
        """A worker lost in the middle of a document (it died, or ran out of time): that document gets an
        error record, the ones queued behind it go to the other workers, and a fresh worker starts lazily.
        The document it was on is never retried: an input that kills its worker would kill the next one."""
        worker.kill()
        self.workers.remove(worker)
        (index, target), *rest = worker.queue
        worker.queue.clear()
        # Run in the parent, a target with a problem is just its error record.
        state.results[index] = self.inspect(Target(target.path, problem), self.spec)
        state.retry.extendleft(reversed(rest))

    def _enforce_deadlines(self, timeout: float, state: _RunState) -> None:
        for worker in [w for w in self.workers if w.queue]:
            if time.monotonic() - worker.since < timeout:
                continue
            self._receive(worker, state)  # an answer may have come in meanwhile
            if not worker.queue or time.monotonic() - worker.since < timeout:
                continue
            self._replace(worker, state, timeout_message(timeout))


class _RunState:
    """Where one ``run()`` stands: input taken, outcomes yielded, outcomes waiting for their turn."""

    def __init__(self, source: Iterator[Target | InputWait]) -> None:
        self.source = source
        self.input_wait: InputWait | None = None  # the input had no target ready at the last dispatch
        self.pulled = 0  # targets taken from the source; also the index of the next one
        self.done = 0  # outcomes yielded
        self.exhausted = False
        self.results: dict[int, Any] = {}  # by index, until every earlier one has been yielded
        self.retry: deque[tuple[int, Target]] = deque()  # were queued behind a document that timed out

    def finished(self) -> bool:
        return self.exhausted and not self.retry and self.done == self.pulled


def _take(source: Iterator[Target | InputWait], count: int) -> tuple[list[Target], InputWait | None]:
    """Up to ``count`` targets, and the InputWait that cut them short if the input had no more ready."""
    taken: list[Target] = []
    for target in source:
        if isinstance(target, InputWait):
            return taken, target
        taken.append(target)
        if len(taken) >= count:
            break
    return taken, None


def _context() -> multiprocessing.context.BaseContext:
    # fork: workers start at once and share the parent's imported analysers; elsewhere, the default.
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


@contextlib.contextmanager
def _children_allowed() -> Iterator[None]:
    """Let a daemonic process (a Dask worker) start workers: multiprocessing refuses because a daemon's
    children could outlive it, which parent-death detection already rules out for ours."""
    config: dict[str, Any] = multiprocessing.current_process()._config  # type: ignore[attr-defined]
    daemon = config.pop("daemon", None)
    try:
        yield
    finally:
        if daemon is not None:
            config["daemon"] = daemon


# -- in the worker process ------------------------------------------------------------------------------


def _serve(
    conn: Connection,
    lifeline: Connection,
    lifeline_end: Connection,
    parent: int,
    main_thread: bool,
    *,
    inspect: Inspect,
    spec: Any,
) -> None:
    for signum in (signal.SIGINT, signal.SIGTERM):  # the parent handles them and ends the workers
        signal.signal(signum, signal.SIG_IGN)
    lifeline_end.close()  # the parent's end, inherited through fork: only the parent may hold it open
    # Everything inherited from the parent (a Dask worker's heap is large) stays out of the collector's
    # way: otherwise each full collection walks it, and dirties its pages, again and again.
    gc.freeze()
    _die_with_parent(lifeline, parent, main_thread)
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        for target in chunk:
            try:
                outcome = inspect(target, spec)
            except NewsinspectError as err:
                conn.send(err)
                return
            conn.send(outcome)


def _die_with_parent(lifeline: Connection, parent: int, main_thread: bool) -> None:
    # The kernel's signal fires when the forking *thread* ends, so only a pool in the main thread uses it.
    if sys.platform == "linux" and main_thread:
        with contextlib.suppress(Exception):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)

    def watch() -> None:
        with contextlib.suppress(Exception):
            while not lifeline.poll(WATCH_INTERVAL) and os.getppid() == parent:
                pass
        os._exit(1)  # the pipe closed (every copy of the parent's end is gone) or we were re-parented

    threading.Thread(target=watch, name="newsinspect-parent-watch", daemon=True).start()
