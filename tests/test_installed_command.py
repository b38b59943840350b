"""The installed ``newsinspect`` console script (next to the interpreter running the tests) works."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / "newsinspect"

ARTICLE = """\
Harbour Town Votes to Rebuild Old Lighthouse
By Tobias Wren
March 3, 2024
“This light guided my grandfather home, and it will guide our children,” said Mayor Ilse Brannock.
"""


@pytest.mark.slow
@pytest.mark.skipif(not SCRIPT.exists(), reason="newsinspect is not installed next to this interpreter")
def test_installed_command_runs_show_and_batch(tmp_path: Path) -> None:
    article = tmp_path / "dumps" / "harbour.txt"
    article.parent.mkdir()
    article.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "dumps" / "empty.txt").write_bytes(b"")

    show = subprocess.run([SCRIPT, "show", "--json", article], capture_output=True, timeout=120)
    assert show.returncode == 0, show.stderr
    assert json.loads(show.stdout)["title"] == "Harbour Town Votes to Rebuild Old Lighthouse"

    batch = subprocess.run([SCRIPT, "batch", tmp_path / "dumps"], capture_output=True, timeout=120)
    assert batch.returncode == 1  # the empty file failed; the other is still there
    records = [json.loads(line) for line in batch.stdout.splitlines()]
    assert [r.get("error") for r in records] == ["empty file", None]
    assert b"processed 2 files" in batch.stderr
    assert b"Traceback" not in batch.stderr
