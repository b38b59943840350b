"""A progress bar on stderr (files done, rate, ETA) for long runs.

Import this module only when a bar is wanted (stderr is a terminal): it loads rich.progress.
"""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TimeRemainingColumn
from rich.text import Text

from newsinspect.cli.environment import Environment
from newsinspect.cli.safe_text import neutralise


class RateColumn(ProgressColumn):
    """Files per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:,.0f} files/s")


class FileProgress:
    """``with FileProgress(env, total, no_color=...) as bar: bar.advance(); bar.say(message)``."""

    def __init__(self, env: Environment, total: int | None, *, no_color: bool) -> None:
        console = Console(
            file=env.stderr, force_terminal=True, no_color=no_color, highlight=False, markup=False
        )
        self._progress = Progress(
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._task = self._progress.add_task("files", total=total)

    def __enter__(self) -> FileProgress:
        self._progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._progress.stop()

    def advance(self, count: int = 1) -> None:
        self._progress.advance(self._task, count)

    def say(self, message: str) -> None:
        """A line on stderr above the bar (a line written straight to stderr would tear the bar)."""
        self._progress.console.print(Text(f"newsinspect: {neutralise(message)}"), soft_wrap=True)
