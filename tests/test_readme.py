"""The README is the front door: its commands must be the ones CI runs, and every command is shown."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command() -> None:
    match = re.search(r"^# --- the README's test command.*?\n(.+?)\n# ---$", CI, re.M | re.S)
    assert match, ".ci/run lost its marked test command"
    command = match.group(1).strip()
    assert command in README


def test_readme_shows_every_command_and_the_bundled_sample_exists() -> None:
    for command in ("show", "quotes", "entities", "batch"):
        assert f"newsinspect {command}" in README
    for sample in re.findall(r"samples/[\w.-]+\.txt", README):
        assert (ROOT / sample).exists(), sample


def test_readme_documents_exit_codes_and_schema() -> None:
    for code in ("0", "1", "2", "130"):
        assert re.search(rf"^\|\s*`?{code}`?\s*\|", README, re.M), f"exit code {code} missing"
    assert '"schema": 1' in README


def test_ci_never_reinstalls_over_the_compiled_build() -> None:
    """An editable reinstall with NEWSINSPECT_PURE_PYTHON=1 deletes the compiled modules beside the sources,
    which would silently turn the developer's own .venv (same sources) into plain Python."""
    commands = ("pip install", "python -m pip install")
    lines = CI.splitlines()
    installs = [line for line in lines if line.startswith(commands) or "| xargs pip install" in line]
    assert installs, ".ci/run installs nothing?"
    assert not any("NEWSINSPECT_PURE_PYTHON" in line for line in installs), installs
    # only the README's test command installs the project itself
    assert sum(bool(re.search(r"\s-e\s", line)) for line in installs) == 1
