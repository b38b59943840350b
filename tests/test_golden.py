"""Golden fixtures: tests/golden/<aspect>/<sample>.json holds expected fields for samples/<sample>.txt.

Each file is checked twice, through the library and through the CLI, so the two can never drift apart.
Aspects (parse, quotes, entities) are kept in separate files so each can be reviewed on its own.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsinspect.cli.app import app
from newsinspect.pipeline import inspect_source

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = sorted((ROOT / "tests" / "golden").glob("*/*.json"))


def sample_for(golden: Path) -> Path:
    return ROOT / "samples" / f"{golden.stem}.txt"


def golden_id(golden: Path) -> str:
    return f"{golden.parent.name}/{golden.stem}"


def expected(golden: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(golden.read_text(encoding="utf-8"))
    return data


def test_every_golden_file_has_its_sample() -> None:
    assert GOLDEN, "no golden fixtures found"
    missing = [golden_id(g) for g in GOLDEN if not sample_for(g).exists()]
    assert not missing


def test_every_sample_is_checked_and_enough_have_parse_golden() -> None:
    samples = {p.stem for p in (ROOT / "samples").glob("*.txt")}
    checked = {g.stem for g in GOLDEN}
    parsed = {g.stem for g in GOLDEN if g.parent.name == "parse"}
    assert samples <= checked, f"samples without any golden file: {sorted(samples - checked)}"
    assert len(parsed) >= 8


@pytest.mark.parametrize("golden", GOLDEN, ids=golden_id)
def test_library_matches_golden(golden: Path) -> None:
    record = inspect_source(str(sample_for(golden))).to_dict()
    assert "error" not in record
    for key, value in expected(golden).items():
        assert record[key] == value, f"{golden_id(golden)}: field {key!r} differs"


@pytest.mark.parametrize("golden", GOLDEN, ids=golden_id)
def test_cli_matches_golden(golden: Path) -> None:
    sample = str(sample_for(golden))
    result = CliRunner().invoke(app, ["show", "--json", sample])
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["file"] == sample
    for key, value in expected(golden).items():
        assert record[key] == value, f"{golden_id(golden)}: field {key!r} differs"


def test_goldens_are_what_the_regeneration_script_writes() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("regen", ROOT / "tests" / "regen.py")
    assert spec is not None and spec.loader is not None
    regen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(regen)
    assert regen.main(["--check"]) == 0, "run `python -m tests.regen`, review `git diff tests/golden`, commit"
