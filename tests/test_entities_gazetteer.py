"""The gazetteer: derived from the data packages, cached once, reloaded from the cache."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsinspect.lexicon import gazetteer as gazetteers

pytestmark = pytest.mark.slow  # loads data packages or spaCy: seconds


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("NEWSINSPECT_CACHE_DIR", str(tmp_path))
    gazetteers.load_gazetteer.cache_clear()
    yield tmp_path
    gazetteers.load_gazetteer.cache_clear()


def test_first_load_writes_a_cache_that_the_next_load_reads(fresh_cache: Path) -> None:
    built = gazetteers.load_gazetteer()
    files = list(fresh_cache.glob("gazetteer-*.marshal"))
    assert len(files) == 1
    gazetteers.load_gazetteer.cache_clear()
    cached = gazetteers.load_gazetteer()
    assert cached == built


def test_contents_come_from_the_data_packages(fresh_cache: Path) -> None:
    gaz = gazetteers.load_gazetteer()
    assert gaz.places["Belarus"] == gazetteers.COUNTRY  # countryinfo
    assert gaz.places["U.S."] == gazetteers.COUNTRY  # countryinfo's "US", spelled with periods
    assert gaz.places["Texas"] == gazetteers.PROVINCE  # countryinfo provinces
    assert gaz.places["Sochi"] == gazetteers.CITY  # geotext (GeoNames cities)
    assert gaz.places["Europe"] == gazetteers.REGION
    assert {"Belarusian", "Russians", "European"} <= gaz.demonyms
    assert {"Alexander", "Mary"} <= gaz.given_names  # names (US census)
    assert len(gaz.places) > 5_000 and len(gaz.given_names) > 3_000


def test_the_lexicon_adds_places_the_packages_miss_and_its_edits_rebuild_the_cache(
    fresh_cache: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    gaz = gazetteers.load_gazetteer()
    assert gaz.places["Britain"] == gazetteers.COUNTRY  # places_countries_more
    assert gaz.places["Middle East"] == gazetteers.REGION  # places_regions_more
    assert gaz.places["Belarus"] == gazetteers.COUNTRY  # a package's kind is never overridden
    before = gazetteers._cache_key({})
    edited = tmp_path_factory.mktemp("lexicon") / "places_regions_more.txt"
    edited.write_text("# test\nAtlantis\n", encoding="utf-8")
    real_path_of = gazetteers.lexicon.path_of
    monkeypatch.setattr(
        gazetteers.lexicon, "path_of", lambda name: str(edited) if name == edited.stem else real_path_of(name)
    )
    assert gazetteers._cache_key({}) != before


def test_a_broken_cache_file_is_rebuilt(fresh_cache: Path) -> None:
    gazetteers.load_gazetteer()
    (path,) = fresh_cache.glob("gazetteer-*.marshal")
    path.write_bytes(b"not marshal data")
    gazetteers.load_gazetteer.cache_clear()
    assert gazetteers.load_gazetteer().places["Belarus"] == gazetteers.COUNTRY


def test_an_unwritable_cache_dir_still_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache dir should be")
    monkeypatch.setenv("NEWSINSPECT_CACHE_DIR", str(blocker / "sub"))
    gazetteers.load_gazetteer.cache_clear()
    try:
        assert "Belarus" in gazetteers.load_gazetteer().places
    finally:
        gazetteers.load_gazetteer.cache_clear()


def test_caches_of_other_versions_go_only_after_a_month(fresh_cache: Path) -> None:
    import os
    import time

    old = fresh_cache / "gazetteer-00000000.marshal"
    recent = fresh_cache / "gazetteer-11111111.marshal"
    for path in (old, recent):
        path.write_bytes(b"from another version")
    two_months_ago = time.time() - 60 * 86400
    os.utime(old, (two_months_ago, two_months_ago))
    gazetteers.load_gazetteer()
    assert not old.exists()
    assert recent.exists()


def test_place_heads_let_every_place_of_several_words_through(fresh_cache: Path) -> None:
    # The pre-check before the places table: it must pass every place name of several words.
    from newsinspect.entities.classify import place_kind

    gaz = gazetteers.load_gazetteer()
    several = [name for name in gaz.places if " " in name]
    assert len(several) > 100
    for name in several:
        assert name.split(" ", 1)[0] in gaz.place_heads, name
        assert place_kind(name, gaz) == gaz.places[name], name
    for span in ("Belarus", "Texas", "Harbour Council Names", "Ilse Brannock", "New Harrowgate Times"):
        assert place_kind(span, gaz) == gaz.places.get(span), span
