"""Build hook: compile the core with mypyc when it can, and install plain Python when it cannot.

Everything else about the package is in pyproject.toml. The core (model, parser, quotes, built-in entity
engine) is fully typed (mypy --strict), so mypyc turns it into C extensions that run the same code about
1.6x faster. The .py sources are installed either way. Set NEWSINSPECT_PURE_PYTHON=1 to skip compiling,
for instance in a development install where edited sources must take effect without a rebuild.
"""

from __future__ import annotations

import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent

# Modules compiled by mypyc: the hot path of `show`. Left out: the CLI (typer, rich), the spaCy engine
# (untyped third-party code), I/O and batch orchestration (not CPU-bound) and the lexicon's loaders (word
# lists and the gazetteer, read once per process); its packed look-up tables are compiled, as every name
# candidate of the entity engine is looked up in them.
COMPILED = [
    "newsinspect/model.py",
    "newsinspect/people.py",
    "newsinspect/parse",
    "newsinspect/quotes",
    "newsinspect/entities",
    "newsinspect/text",
    "newsinspect/lexicon/packed.py",
]
NOT_COMPILED = {"newsinspect/entities/engine_spacy.py"}


def _sources() -> list[str]:
    paths: list[str] = []
    for entry in COMPILED:
        found = sorted((HERE / entry).glob("*.py")) if (HERE / entry).is_dir() else [HERE / entry]
        paths += [p.relative_to(HERE).as_posix() for p in found]
    return [p for p in paths if p not in NOT_COMPILED]


# Commands that build code; the metadata steps pip runs before them (egg_info, dist_info) do not need the
# half minute of type analysis that mypycify costs.
BUILD_COMMANDS = {"build", "build_ext", "bdist_wheel", "editable_wheel", "develop", "install"}


def _remove_earlier_builds() -> None:
    """Extensions an earlier compiled editable install left beside the sources would shadow them."""
    for suffix in EXTENSION_SUFFIXES:
        for built in [*HERE.glob("*__mypyc" + suffix), *(HERE / "newsinspect").rglob("*" + suffix)]:
            built.unlink()


def _extensions() -> list[Extension]:
    if not BUILD_COMMANDS.intersection(sys.argv[1:]):
        return []
    _remove_earlier_builds()
    if os.environ.get("NEWSINSPECT_PURE_PYTHON") or sys.implementation.name != "cpython":
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:  # a build without mypy (build isolation off): plain Python
        return []
    try:
        # Optional dependencies (spaCy) are absent from the build environment; their calls stay dynamic.
        return list(mypycify(["--ignore-missing-imports", *_sources()], opt_level="3", debug_level="0"))
    except (Exception, SystemExit) as err:  # mypyc reports type errors by exiting
        print(f"newsinspect: not compiled (mypyc: {err}); installing pure Python", file=sys.stderr)
        return []


class OptionalBuildExt(build_ext):
    """Compiling is an optimisation: without a C compiler, install the pure-Python package instead."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as err:  # whatever failed, the same sources work uncompiled
            self._discard_outputs()
            print(f"newsinspect: not compiled ({err}); installing pure Python", file=sys.stderr)

    def build_extension(self, ext: Extension) -> None:
        try:
            super().build_extension(ext)
        except Exception:
            self._discard_outputs()
            raise

    def _discard_outputs(self) -> None:
        # A half-built set (shims without their shared library) would fail at import: all or none.
        for ext in self.extensions:
            for path in {Path(self.get_ext_fullpath(ext.name)), HERE / self.get_ext_filename(ext.name)}:
                path.unlink(missing_ok=True)
        self.extensions = []


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
