"""The compiled core (setup.py, mypyc) gives exactly what the plain sources give.

Skipped in a pure-Python install. Otherwise the .py sources are copied apart from their extensions and
run in a child process; every sample and fixture must come out byte-identical.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from newsinspect.compiled import PACKAGE, core_is_compiled, stale_builds

ROOT = Path(__file__).resolve().parent.parent
INPUTS = sorted([*ROOT.glob("samples/*.txt"), *ROOT.glob("tests/fixtures/**/*.txt")])

RECORDS = """
import json, sys
sys.path.insert(0, sys.argv[1])
import newsinspect
from newsinspect.compiled import core_is_compiled
from newsinspect.pipeline import Options, inspect_source
assert newsinspect.__file__.startswith(sys.argv[1]), newsinspect.__file__
for path in sys.argv[3:]:
    for options in (Options(), Options(dayfirst=True, apostrophe_quotes=True)):
        print(json.dumps(inspect_source(path, options).to_dict(), ensure_ascii=False))
print(json.dumps({"compiled": core_is_compiled(), "marker": sys.argv[2]}))
"""


def records(package_parent: Path, marker: str) -> list[str]:
    argv = [sys.executable, "-c", RECORDS, str(package_parent), marker, *map(str, INPUTS)]
    result = subprocess.run(argv, capture_output=True, text=True, check=True, cwd=package_parent)
    return result.stdout.splitlines()


@pytest.mark.skipif(not core_is_compiled(), reason="pure-Python install: nothing compiled to compare")
def test_compiled_core_matches_the_sources(tmp_path: Path) -> None:
    assert INPUTS
    builds = shutil.ignore_patterns(*(f"*{suffix}" for suffix in EXTENSION_SUFFIXES), "__pycache__")
    shutil.copytree(PACKAGE, tmp_path / "newsinspect", ignore=builds)
    compiled, pure = records(ROOT, "compiled"), records(tmp_path, "pure")
    assert json.loads(compiled[-1])["compiled"] is True
    assert json.loads(pure[-1])["compiled"] is False
    assert compiled[:-1] == pure[:-1]


def test_stale_builds_are_found(tmp_path: Path) -> None:
    source = tmp_path / "lines.py"
    built = tmp_path / ("lines" + EXTENSION_SUFFIXES[0])
    fresh = tmp_path / "other.py"
    for path in (source, built, fresh):
        path.write_text("")
    os.utime(built, (1_000, 1_000))
    os.utime(source, (2_000, 2_000))
    assert stale_builds(tmp_path) == [source]


def test_files_of_one_install_are_not_stale(tmp_path: Path) -> None:
    # pip unpacks a wheel's files in any order: a source written a moment after its extension is no edit.
    source = tmp_path / "lines.py"
    built = tmp_path / ("lines" + EXTENSION_SUFFIXES[0])
    for path in (source, built):
        path.write_text("")
    os.utime(built, (1_000.0, 1_000.0))
    os.utime(source, (1_000.5, 1_000.5))
    assert stale_builds(tmp_path) == []
