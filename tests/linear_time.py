"""Growth checks for issue 9: every compiled pattern of the package, and the loops that once searched
backwards, must take time linear in their input.

A check runs the work on an input of n characters and on one of 4n, each the best of a few runs, and
calls it super-linear when the time grows more than 8x (linear is 4x, quadratic 16x). Times under a
floor count as the floor, so that noise on tiny times cannot trip it; a run that takes longer than a
budget is stopped by an alarm and counts as super-linear (an exponential pattern would never finish).
These are growth ratios, not absolute times: a slow machine slows both sizes alike.
"""

from __future__ import annotations

import gc
import importlib
import pkgutil
import re
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import newsinspect
from newsinspect.parse.regex import LazyPattern

try:  # the regex parser, to read a pattern's literal pieces (renamed in Python 3.11)
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants
    import sre_parse

MAX_GROWTH = 8.0  # time(4n) / time(n): linear is 4, quadratic 16
FLOOR = 0.001  # seconds: shorter times count as this
BUDGET = 2.0  # seconds for one run at the larger size: far beyond any linear pattern on 4k characters
REPEAT = 3

# Shapes that pumped patterns in the attack on the README's promises, and the usual suspects.
COMMON_UNITS = (
    "via ", "x.)A", "a—A", " ", "\t", ".", "..", "A", "a", "1", "_", "-", "'", "’", "“", '"', "(", ")", "/",
    "aA", "Aa", "AA", "aa", "11", "A.", "a.", "1.", "A ", "a ", "1 ", "1:", "1/", ", ", ": ", "A, ", "| ",
    "/ ", "•", "@a", "a'", "A-", "A.B.", "A.)", ". A", "aa. ", "Aa ", "a A ", "Mr. ", "By ",
)  # fmt: skip
TAILS = ("", "\x01")  # the end of the text, or a character nothing expects: a failing match backtracks
_MAX_FRAGMENTS = 10  # literal fragments per pattern (tables of abbreviations hold hundreds of alike words)


@dataclass(frozen=True)
class Found:
    name: str  # module.NAME, with [key] for a pattern inside a table
    pattern: re.Pattern[str]
    mode: str  # "search" (tried at every position) or "match" (only ever matched at a given position)


def _package_modules() -> Iterator[tuple[str, object]]:
    for info in pkgutil.walk_packages(newsinspect.__path__, "newsinspect."):
        if info.name.endswith("__main__"):
            continue
        yield info.name, importlib.import_module(info.name)


def _source(module_name: str) -> str:
    """The module's source, also when the installed module is compiled (the .py stays beside it)."""
    root = Path(newsinspect.__file__).parent
    relative = module_name.split(".")[1:]
    path = root.joinpath(*relative).with_suffix(".py")
    if not path.exists():
        path = root.joinpath(*relative, "__init__.py")
    return path.read_text(encoding="utf-8")


def _all_sources() -> str:
    return "\n".join(_source(name) for name, _ in _package_modules())


_CALL_MATCH = re.compile(r"(?:\.compiled)?\.(?:match|fullmatch)\(")
_DEFINITION = re.compile(r"\s*(?::[^=\n]*)?=(?!=)")


def _mode(name: str, sources: str) -> str:
    """'match' when every use of ``name`` in the package is its definition, an import, or a call of
    ``match``/``fullmatch`` on it (at the position the caller gives); else 'search'. Names are looked
    up in all modules at once, so that two patterns of one name are both tried the stricter way."""
    matched = False
    # The name first and the character before it checked by hand: a pattern that starts with a
    # look-behind loses the engine's literal-prefix search and costs seconds over the whole package.
    for m in re.finditer(rf"{re.escape(name)}\b", sources):
        if m.start() and (sources[m.start() - 1].isalnum() or sources[m.start() - 1] in "._"):
            continue
        line_start = sources.rfind("\n", 0, m.start()) + 1
        line = sources[line_start : sources.find("\n", m.end())]
        if line.lstrip().startswith(("from ", "import ")) or line.strip() in (name, name + ","):
            continue  # an import
        if _CALL_MATCH.match(sources, m.end()):
            matched = True
        elif not _DEFINITION.match(sources, m.end()):
            return "search"
    return "match" if matched else "search"


def discover() -> list[Found]:
    """Every compiled pattern held by a module of the package: ``re.Pattern`` and ``LazyPattern``
    values, also inside lists, tuples, sets and dicts (the rule tables), each once."""
    found: dict[tuple[str, int], Found] = {}

    def walk(value: object, name: str, mode: str, depth: int) -> None:
        if isinstance(value, LazyPattern):
            value = value.compiled
        if isinstance(value, re.Pattern):
            key = (value.pattern, value.flags)
            if key not in found or (found[key].mode == "match" and mode == "search"):
                found[key] = Found(name, value, mode)
            return
        if depth >= 3:
            return
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{name}[{key!r}]", "search", depth + 1)
        elif isinstance(value, (list, tuple, set, frozenset)):
            for index, item in enumerate(value):
                walk(item, f"{name}[{index}]", "search", depth + 1)

    sources = _all_sources()
    for module_name, module in _package_modules():
        for attribute, value in vars(module).items():
            if isinstance(value, (re.Pattern, LazyPattern)):
                walk(value, f"{module_name}.{attribute}", _mode(attribute, sources), 0)
            elif not attribute.startswith("__"):
                walk(value, f"{module_name}.{attribute}", "search", 0)
    return sorted(found.values(), key=lambda f: f.name)


def fragments(pattern: re.Pattern[str]) -> list[str]:
    """The literal pieces of a pattern (runs of literal characters, and one member of each class)."""
    out: set[str] = set()

    def walk(tree: object) -> None:
        run: list[str] = []
        for op, arg in tree:  # type: ignore[attr-defined]
            if op is sre_constants.LITERAL:
                run.append(chr(arg))
                continue
            if run:
                out.add("".join(run))
                run = []
            if op is sre_constants.SUBPATTERN:
                walk(arg[-1])
            elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
                walk(arg[2])
            elif op is sre_constants.BRANCH:
                for branch in arg[1]:
                    walk(branch)
            elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
                walk(arg[1])
            elif op is sre_constants.IN:
                for kind, member in arg:
                    if kind is sre_constants.LITERAL:
                        out.add(chr(member))
                    elif kind is sre_constants.RANGE:
                        out.add(chr(member[0]))
        if run:
            out.add("".join(run))

    walk(sre_parse.parse(pattern.pattern, pattern.flags))
    pieces = sorted(f for f in out if f.strip())
    step = max(1, len(pieces) // _MAX_FRAGMENTS)
    return pieces[::step]


def pump_units(pattern: re.Pattern[str]) -> list[str]:
    """Repeated units for one pattern: the common shapes, and its own fragments in a few settings."""
    units = set(COMMON_UNITS)
    for piece in fragments(pattern):
        units.update({piece, piece + " ", " " + piece, piece.capitalize() + " ", piece + "/"})
    return sorted(units)


def pump(unit: str, size: int, tail: str) -> str:
    return unit * max(1, size // len(unit)) + tail


class TooSlow(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise TooSlow


def best_time(work: Callable[[], object], repeat: int = REPEAT) -> float:
    """The shortest CPU time of ``repeat`` runs (CPU time, not wall time: other work on the machine
    hardly moves it); TooSlow when one run uses more than BUDGET CPU seconds (the regex engine checks
    for signals, so the alarm stops even a pattern that would run for years)."""
    previous = signal.signal(signal.SIGVTALRM, _alarm)
    best = float("inf")
    collecting = gc.isenabled()
    gc.disable()  # a full collection costs more the more objects are alive: it would skew the growth
    try:
        for _ in range(repeat):
            signal.setitimer(signal.ITIMER_VIRTUAL, BUDGET)
            start = time.process_time()
            try:
                work()
            finally:
                signal.setitimer(signal.ITIMER_VIRTUAL, 0)
            best = min(best, time.process_time() - start)
    finally:
        signal.signal(signal.SIGVTALRM, previous)
        if collecting:
            gc.enable()
    return best


def growth(build: Callable[[int], str], run: Callable[[str], object], size: int) -> float:
    """time(4 * size) / time(size) for ``run`` on ``build(size)``; infinite when it ran out of BUDGET.
    A ratio above MAX_GROWTH is measured again with more runs before it counts (one busy moment
    should not fail a test)."""
    small, large = build(size), build(4 * size)
    try:
        if best_time(lambda: run(large), repeat=1) < FLOOR:
            return 1.0  # cheaper at 4n than the floor: whatever the growth, it is no danger
        ratio = 0.0
        for repeat in (REPEAT, 2 * REPEAT):
            ratio = max(best_time(lambda: run(large), repeat), FLOOR) / max(
                best_time(lambda: run(small), repeat), FLOOR
            )
            if ratio <= MAX_GROWTH:
                break
        return ratio
    except TooSlow:
        return float("inf")


def pattern_runner(pattern: re.Pattern[Any], mode: str) -> Callable[[str], object]:
    """Runs the pattern on a pump string (encoded for a bytes pattern) the way its callers do."""
    encode: Callable[[str], Any] = (
        (lambda text: text.encode("utf-8")) if isinstance(pattern.pattern, bytes) else str
    )
    if mode == "match":
        return lambda text: (pattern.match(encode(text)), pattern.fullmatch(encode(text)))
    return lambda text: pattern.search(encode(text))


def worst_pump(pattern: re.Pattern[str], mode: str, size: int = 1024) -> tuple[float, str, str]:
    """The first (ratio, unit, tail) that grows more than MAX_GROWTH, else the worst one seen."""
    run = pattern_runner(pattern, mode)
    worst = (0.0, "", "")
    for unit in pump_units(pattern):
        for tail in TAILS:
            ratio = growth(lambda n: pump(unit, n, tail), run, size)  # noqa: B023 - called at once
            if ratio > worst[0]:
                worst = (ratio, unit, tail)
            if ratio > MAX_GROWTH:
                return worst
    return worst
