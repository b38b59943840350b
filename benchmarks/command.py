"""The command that runs the newsinspect of this environment, for the benchmarks' child processes.

Not ``python -m newsinspect`` as it is: run from the repository root, that puts the working directory first on
``sys.path``, so the child imports the source tree (plain Python) instead of the installed build, and a
benchmark that says "compiled core" in its own process would time plain Python in its children.
"""

from __future__ import annotations

import sys
from pathlib import Path


def newsinspect_command() -> list[str]:
    """The environment's ``newsinspect`` script, else ``python -I -m newsinspect`` (-I: the working directory
    is not put on ``sys.path``)."""
    script = Path(sys.executable).parent / "newsinspect"
    return [str(script)] if script.exists() else [sys.executable, "-I", "-m", "newsinspect"]
