"""Whether this install runs the mypyc-compiled core, and whether those builds still match the sources.

setup.py compiles the core into C extensions that sit next to the .py files. Python imports an extension
before a source file of the same name, so in an editable install a source edited after the build is
silently ignored until the next build: ``stale_builds`` finds such files for the test session to refuse.
"""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def core_is_compiled() -> bool:
    """True when the model (and with it the core) was imported from a compiled extension."""
    import newsinspect.model as model

    return (model.__file__ or "").endswith(tuple(EXTENSION_SUFFIXES))


# Seconds by which a source may be newer than its extension and still belong to the same build: pip
# unpacks a wheel's files one after the other, in any order, so in a compiled (non-editable) install a .py
# file is often written a moment after its extension. An edit after a build comes later than that.
SAME_INSTALL_SECONDS = 2.0


def stale_builds(package: Path = PACKAGE) -> list[Path]:
    """Source files changed after the extension built from them (empty in a pure-Python install)."""
    stale: list[Path] = []
    for suffix in EXTENSION_SUFFIXES:
        for built in package.rglob("*" + suffix):
            source = built.with_name(built.name[: -len(suffix)] + ".py")
            if source.exists() and source.stat().st_mtime > built.stat().st_mtime + SAME_INSTALL_SECONDS:
                stale.append(source)
    return sorted(set(stale))
