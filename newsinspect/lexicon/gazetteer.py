"""Gazetteers derived from data packages, compacted once into a cache file for a fast start.

Sources (the source of truth; no name is typed in this module):
- countryinfo (MIT): country names and spellings, demonyms, provinces/states, capitals, world regions;
- geotext (MIT, GeoNames cities with 15,000+ people): city names, and more demonyms;
- names (MIT, US census 1990): given names, and those borne mostly by men or mostly by women;
- lexicon lists of country, province and region names news uses and the packages miss ("Britain",
  "Crimea", "Middle East").

Parsing those files takes ~100 ms, so the first run writes a compact ``marshal`` file under the user's
cache dir (``NEWSINSPECT_CACHE_DIR`` or ``$XDG_CACHE_HOME/newsinspect``); later runs load it in under a
millisecond, because the big lists are kept packed in a few hundred strings (see ``packed``).
The cache key covers the packages' locations and modification times and the lexicon lists' contents, so an
upgrade or an edited list rebuilds it.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import zlib
from collections.abc import Iterable
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Final, NamedTuple

from newsinspect import lexicon
from newsinspect.lexicon.packed import PackedMap, PackedSet

_BUILD_VERSION = 11
_MIN_CITY_POPULATION = 50_000
_SOURCES = ("countryinfo", "geotext", "names")
_SEX_DOMINANCE = 7.0  # how much more often one sex must bear a given name to tell the pronoun

# Place kinds stored in the cache.
COUNTRY: Final = "country"
PROVINCE: Final = "province"
CITY: Final = "city"
REGION: Final = "region"
# Lexicon lists of place names the packages miss, with the kind each list's names are.
_MORE_PLACES: Final = (
    ("places_countries_more", COUNTRY),
    ("places_provinces_more", PROVINCE),
    ("places_regions_more", REGION),
)


class Gazetteer(NamedTuple):
    """Exact-case lookups: place name -> kind, demonyms, given names (and which mostly men or women bear)."""

    places: PackedMap
    demonyms: frozenset[str]
    given_names: PackedSet
    male_names: frozenset[str]
    female_names: frozenset[str]
    # The first word of every place name of several words ("New" of "New York"): a span of several words
    # whose first word is not among them is no place, which this answers without asking ``places``.
    place_heads: frozenset[str]


def _package_dir(name: str) -> Path | None:
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _cache_dir() -> Path:
    env = os.environ.get("NEWSINSPECT_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsinspect"


def _cache_key(dirs: dict[str, Path | None]) -> str:
    parts = [str(_BUILD_VERSION), sys.version.split()[0]]
    for name, path in sorted(dirs.items()):
        stamp = path.stat().st_mtime_ns if path is not None else 0
        parts.append(f"{name}={path}:{stamp}")
    for name, _ in _MORE_PLACES:
        with open(lexicon.path_of(name), "rb") as handle:
            parts.append(f"{name}:{zlib.crc32(handle.read()):08x}")
    return f"{zlib.crc32('|'.join(parts).encode()):08x}"


def _latin(name: str) -> bool:
    return bool(name) and all(ch.isascii() or (ch.isalpha() and ord(ch) < 0x250) for ch in name)


def _add_demonym(demonyms: set[str], word: str) -> None:
    word = word.strip()
    if not word or not _latin(word):
        return
    word = " ".join(part[:1].upper() + part[1:] for part in word.split())
    demonyms.add(word)
    # Plural for people ("Russians", "Americans"); -ese/-ish/-ch/-ss stay the same.
    if not word.endswith(("ese", "ish", "ch", "ss", "s", "i", "y")):
        demonyms.add(word + "s")


def _initials(name: str) -> str:
    """ "United States of America" -> "USA", "United Kingdom" -> "UK"."""
    return "".join(w[0] for w in name.split() if w[0].isupper())


def _read_countryinfo(root: Path, places: dict[str, str], demonyms: set[str]) -> None:
    import json

    for path in sorted((root / "data").glob("*.json")):
        with contextlib.suppress(OSError, ValueError):
            data = json.loads(path.read_text(encoding="utf-8"))
            name = data.get("name")
            if isinstance(name, str) and _latin(name):
                places[name] = COUNTRY
            spellings = [a for a in data.get("altSpellings") or () if isinstance(a, str) and _latin(a)]
            names = [n for n in [name, *spellings] if isinstance(n, str) and " " in n]
            for alt in spellings:
                if alt.isupper() and len(alt) <= 3:
                    # Codes name a country in text only when they are its initials (US, UK, UAE),
                    # not "AI", "TV" or "CC"; U.S. with periods is the same abbreviation.
                    if alt not in {_initials(n) for n in names}:
                        continue
                    places.setdefault(".".join(alt) + ".", COUNTRY)
                    places.setdefault(".".join(alt), COUNTRY)
                if len(alt) > 1:
                    places.setdefault(alt, COUNTRY)
            for province in data.get("provinces") or ():
                if isinstance(province, str) and _latin(province) and "(" not in province:
                    places.setdefault(province, PROVINCE)
            capital = data.get("capital")
            if isinstance(capital, str) and _latin(capital):
                places.setdefault(capital, CITY)
            for region in (data.get("region"), data.get("subregion")):
                if isinstance(region, str) and region and " and " not in region:
                    places.setdefault(region, REGION)
                    # Adjectives of the one-word regions are regular: Africa -> African, Europe -> European.
                    if " " not in region and region.endswith(("a", "e")):
                        _add_demonym(demonyms, region + ("n" if region.endswith("a") else "an"))
            for demonym in str(data.get("demonym") or "").replace("/", ",").split(","):
                _add_demonym(demonyms, demonym)


def _read_geotext(root: Path, places: dict[str, str], demonyms: set[str]) -> None:
    data = root / "data"
    with contextlib.suppress(OSError), open(data / "cities15000.txt", encoding="utf-8") as cities:
        for line in cities:
            cols = line.split("\t")
            if len(cols) > 14 and cols[14].isdigit() and int(cols[14]) >= _MIN_CITY_POPULATION:
                for name in (cols[1], cols[2]):
                    if _latin(name) and name[:1].isupper():
                        places.setdefault(name, CITY)
    with contextlib.suppress(OSError), open(data / "nationalities.txt", encoding="utf-8") as nats:
        for line in nats:
            if not line.startswith("#") and ":" in line:
                _add_demonym(demonyms, line.split(":", 1)[0])


def _read_names(root: Path, given: set[str], male: set[str], female: set[str]) -> None:
    """Given names, and those a sex bears at least ``_SEX_DOMINANCE`` times as often as the other
    ("Donald", "Jennifer"; not "Robin" or "Jordan"), from the census frequency columns."""
    shares: dict[str, list[float]] = {}
    for column, filename in enumerate(("dist.male.first", "dist.female.first")):
        with contextlib.suppress(OSError), open(root / filename, encoding="utf-8") as names:
            for line in names:
                parts = line.split()
                if parts and parts[0].isalpha():
                    word = parts[0].capitalize()
                    given.add(word)
                    with contextlib.suppress(IndexError, ValueError):
                        shares.setdefault(word, [0.0, 0.0])[column] += float(parts[1])
    for word, (men, women) in shares.items():
        if men > _SEX_DOMINANCE * women:
            male.add(word)
        elif women > _SEX_DOMINANCE * men:
            female.add(word)


def build_gazetteer(dirs: dict[str, Path | None]) -> Gazetteer:
    """Read the data packages' files (slow: ~100 ms)."""
    places: dict[str, str] = {}
    demonyms: set[str] = set()
    given: set[str] = set()
    male: set[str] = set()
    female: set[str] = set()
    if dirs.get("countryinfo"):
        _read_countryinfo(dirs["countryinfo"], places, demonyms)  # type: ignore[arg-type]
    if dirs.get("geotext"):
        _read_geotext(dirs["geotext"], places, demonyms)  # type: ignore[arg-type]
    if dirs.get("names"):
        _read_names(dirs["names"], given, male, female)  # type: ignore[arg-type]
    for name, kind in _MORE_PLACES:
        for place in lexicon.words(name):
            places.setdefault(place, kind)
    # Some nationality lists give the place itself ("Hong Kong", "Gibraltar"): a place, not a demonym.
    demonyms -= places.keys()
    return Gazetteer(
        PackedMap.from_dict(places),
        frozenset(demonyms),
        PackedSet.from_names(given),
        frozenset(male),
        frozenset(female),
        first_words(places),
    )


def first_words(names: Iterable[str]) -> frozenset[str]:
    """The first words of the names of several words among ``names`` ("New" of "New Zealander")."""
    return frozenset(name[: name.find(" ")] for name in names if " " in name)


def _write_cache(path: Path, gazetteer: Gazetteer) -> None:
    import tempfile
    import time

    payload = marshal.dumps(
        (
            gazetteer.places.buckets,
            gazetteer.demonyms,
            gazetteer.given_names.buckets,
            gazetteer.male_names,
            gazetteer.female_names,
            gazetteer.place_heads,
        )
    )
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(payload)
            os.replace(tmp, path)
            # Files of older package versions go after a month unused (not at once: two environments
            # with different versions may share the cache dir).
            month_ago = time.time() - 30 * 86400
            for stale in path.parent.glob("gazetteer-*.marshal"):
                if stale != path and stale.stat().st_atime < month_ago:
                    stale.unlink()
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, from the cache when it is fresh, else built and cached (once per process)."""
    dirs = {name: _package_dir(name) for name in _SOURCES}
    path = _cache_dir() / f"gazetteer-{_cache_key(dirs)}.marshal"
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        places, demonyms, given, male, female, heads = marshal.loads(path.read_bytes())
        return Gazetteer(PackedMap(places), demonyms, PackedSet(given), male, female, heads)
    gazetteer = build_gazetteer(dirs)
    _write_cache(path, gazetteer)
    return gazetteer
