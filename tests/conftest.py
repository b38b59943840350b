"""Session guard: in a compiled editable install, a source edited after the build is not what runs."""

from __future__ import annotations

import signal

import pytest

from newsinspect.compiled import PACKAGE, stale_builds


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "slow: takes seconds (subprocesses, many files); -m 'not slow' skips it"
    )
    # A shell without job control starts background jobs (`pytest &`) with SIGINT ignored, and ignored
    # signals stay ignored in every child. The Ctrl-C tests send SIGINT to themselves and to the
    # `newsinspect` processes they start, so give SIGINT back its usual meaning, as in a terminal.
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Property tests run hundreds of examples each: slow by nature, so marked in one place."""
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.slow)


def pytest_sessionstart(session: pytest.Session) -> None:
    stale = stale_builds()
    if stale:
        names = ", ".join(str(path.relative_to(PACKAGE.parent)) for path in stale[:3])
        more = f" and {len(stale) - 3} more" if len(stale) > 3 else ""
        pytest.exit(
            f"compiled modules are older than their sources ({names}{more}): "
            "the tests would run the old code. "
            "Rebuild with `pip install -e '.[test]'`, or install uncompiled with "
            "`NEWSINSPECT_PURE_PYTHON=1 pip install -e '.[test]'`.",
            returncode=4,
        )
