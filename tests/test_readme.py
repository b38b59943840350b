"""The README is the front door: its commands must be the ones CI runs, and every command is shown."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

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


# --- every example in the README runs as printed and shows what the README says --------------------------

EXAMPLE_START = re.compile(r"^    (newsinspect |cat |find |NEWSINSPECT_ENGINE=|duckdb |python -c )")
COMMENT = re.compile(r"\s+#\s.*$", re.S)  # "  # what it shows", cut off before running


def readme_examples() -> list[str]:
    """The shell examples of the README's indented blocks, in order, without their comments."""
    lines = README.splitlines()
    examples = []
    index = 0
    while index < len(lines):
        if EXAMPLE_START.match(lines[index]):
            command = lines[index][4:]
            while command.count('"') % 2 and index + 1 < len(lines):  # a quoted argument runs on
                index += 1
                command += "\n" + lines[index]
            examples.append(COMMENT.sub("", command) if command.count('"') % 2 == 0 else command)
        index += 1
    return examples


def readme_python() -> str:
    """The README's library example: the indented block that starts with an import from newsinspect."""
    block = re.search(r"^    from newsinspect\.pipeline import .*?(?=\n\n)", README, re.M | re.S)
    assert block, "the README lost its library example"
    return "\n".join(line[4:] for line in block.group(0).splitlines())


Check = Callable[[subprocess.CompletedProcess[str], Path], None]


def shows(*wanted: str, absent: tuple[str, ...] = ()) -> Check:
    def check(result: subprocess.CompletedProcess[str], folder: Path) -> None:
        for text in wanted:
            assert text in result.stdout, text
        for text in absent:
            assert text not in result.stdout, text

    return check


def jsonl_of_every_dump(name: str) -> Check:
    def check(result: subprocess.CompletedProcess[str], folder: Path) -> None:
        records = [json.loads(line) for line in (folder / name).read_text(encoding="utf-8").splitlines()]
        assert sorted(Path(r["file"]).name for r in records) == sorted(
            p.name for p in (folder / "dumps").iterdir()
        )

    return check


def json_titles(result: subprocess.CompletedProcess[str], folder: Path) -> None:
    titles = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(titles) == len(list((folder / "samples").glob("*.txt")))
    assert "Harbor Town Votes to Rebuild Its Storm-Battered Seawall ‘Before Winter’" in titles


def a_count(result: subprocess.CompletedProcess[str], folder: Path) -> None:
    assert int(result.stdout) > 3


def markdown_article(result: subprocess.CompletedProcess[str], folder: Path) -> None:
    assert result.stdout.startswith("# Tidal Barrier Opens Two Years Late\n")
    assert "\nBy Mira Castellanos and Tobias Wren" in result.stdout and "\n## A long delay\n" in result.stdout
    assert "Most read" not in result.stdout and "Privacy" not in result.stdout


def speaker_tabs(result: subprocess.CompletedProcess[str], folder: Path) -> None:
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows and all(len(row) == 2 for row in rows)
    assert [row[0] for row in rows if row[1].startswith("The first wave")] == ["Franziska Moll"]


def spacy_json(result: subprocess.CompletedProcess[str], folder: Path) -> None:
    names = {e["name"] for e in json.loads(result.stdout)["entities"]}
    assert {"Judith Okonkwo", "Port Wrenley"} <= names


def csv_header(name: str, first_columns: str) -> Check:
    def check(result: subprocess.CompletedProcess[str], folder: Path) -> None:
        assert (folder / name).read_text(encoding="utf-8").startswith(first_columns)

    return check


def parquet_file(result: subprocess.CompletedProcess[str], folder: Path) -> None:
    data = (folder / "articles.parquet").read_bytes()
    assert data[:4] == data[-4:] == b"PAR1"


def skipped_all(result: subprocess.CompletedProcess[str], folder: Path) -> None:
    assert re.search(r"skipped \d+ files already in the output", result.stderr), result.stderr


def quiet(result: subprocess.CompletedProcess[str], folder: Path) -> None:
    assert result.stderr == ""
    jsonl_of_every_dump("articles.jsonl")(result, folder)


SEED_TITLE = "Harbor Town Votes to Rebuild Its Storm-Battered Seawall"
EXPECTED: dict[str, Check] = {
    "newsinspect show samples/seed_layout.txt": shows(SEED_TITLE, "Judith Okonkwo", "Stats", "Lead"),
    "newsinspect show --json samples/*.txt | jq .title": json_titles,
    "cat samples/wire_dateline.txt | newsinspect show --json - | jq '.paragraphs | length'": a_count,
    "newsinspect show --dayfirst samples/numeric_date.txt": shows("Published  3 Apr 2024"),
    "newsinspect show --engine spacy samples/seed_layout.txt": shows("Judith Okonkwo (PERSON"),
    "newsinspect show samples/harbour_page.html": shows(
        "Tidal Barrier Opens Two Years Late", "Mira Castellanos, Tobias Wren", "4 Mar 2024", absent=("<",)
    ),
    "newsinspect show --format markdown samples/harbour_page.html": markdown_article,
    "newsinspect show --format text samples/seed_layout.txt": shows(
        SEED_TITLE, "By Elias Brandvold", "What Comes Next", absent=("0:00",)
    ),
    "newsinspect quotes samples/seed_layout.txt": shows("Judith Okonkwo", "Peter Hale", "said", "¶"),
    "newsinspect quotes --speaker okonkwo samples/seed_layout.txt": shows(
        "Judith Okonkwo", absent=("Peter Hale",)
    ),
    "newsinspect quotes --kind partial samples/*.txt": shows("(partial)", "no quotes"),
    "newsinspect quotes --apostrophe-quotes samples/archive_quotes.txt": shows(
        "Without the mill", "Edith Cole"
    ),
    "newsinspect quotes --json samples/wire_dateline.txt | jq -r '.quotes[] | [.speaker, .text] | @tsv'": (
        speaker_tabs
    ),
    "newsinspect entities samples/seed_layout.txt": shows("Port Wrenley", "GPE", "Judith Okonkwo", "PERSON"),
    "newsinspect entities --type PERSON,ORG samples/wire_dateline.txt": shows(
        "Franziska Moll", absent=("GPE",)
    ),
    "newsinspect entities --json --engine spacy samples/seed_layout.txt": spacy_json,
    "NEWSINSPECT_ENGINE=spacy newsinspect entities samples/seed_layout.txt": shows(
        "Judith Okonkwo", "Port Wrenley"
    ),
    "newsinspect batch dumps/ --glob '*.txt' --out articles.jsonl": jsonl_of_every_dump("articles.jsonl"),
    "find dumps -name '*.txt' | newsinspect batch - --out articles.jsonl": jsonl_of_every_dump(
        "articles.jsonl"
    ),
    "newsinspect batch dumps/ --out articles.jsonl --resume": skipped_all,
    "newsinspect batch dumps/ --format csv --out articles.csv": csv_header(
        "articles.csv", "file,error,title,"
    ),
    "newsinspect batch dumps/ --format csv --rows quotes > quotes.csv": csv_header(
        "quotes.csv", "file,error,title,quote,"
    ),
    "newsinspect batch dumps/ --format parquet --out articles.parquet": parquet_file,
    "newsinspect batch dumps/ --jobs 1 --quiet > articles.jsonl": quiet,
    (
        'duckdb -c "SELECT q.speaker, count(*) AS quotes FROM (SELECT unnest(quotes) AS q '
        "FROM 'articles.parquet')\n"
        '               WHERE q.speaker IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 10"'
    ): shows("Judith Okonkwo"),
    "duckdb -c \"SELECT file, error FROM 'articles.parquet' WHERE error IS NOT NULL\"": shows("file"),
    (
        'python -c "import pandas as pd; '
        "print(pd.read_parquet('articles.parquet').explode('authors').authors.value_counts())\""
    ): shows("Elias Brandvold"),
    "newsinspect batch dumps/ --timeout 10 --out articles.jsonl": jsonl_of_every_dump("articles.jsonl"),
    "newsinspect batch /shared/dumps --scheduler tcp://scheduler:8786 --out articles.jsonl": shows(),
    "newsinspect batch dumps/ --scheduler local --jobs 2 --out articles.jsonl": jsonl_of_every_dump(
        "articles.jsonl"
    ),
}


def _missing(command: str) -> str | None:
    """What an example needs that this machine lacks (optional tools of the README's own examples)."""
    if command.startswith("duckdb ") and shutil.which("duckdb") is None:
        return "the duckdb command"
    if "--scheduler tcp://" in command:
        return "a Dask cluster at that address"
    if "--scheduler local" in command and importlib.util.find_spec("distributed") is None:
        return "Dask (pip install '.[dask]')"
    if "pandas" in command and importlib.util.find_spec("pandas") is None:
        return "pandas"
    if "spacy" in command and importlib.util.find_spec("spacy") is None:
        return "spaCy (pip install '.[spacy]')"
    return None


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, subprocess.CompletedProcess[str]]]:
    """Every README example run in order, as printed, in a folder holding the samples and a dumps/ folder."""
    bin_dir = Path(sys.executable).parent
    if shutil.which("newsinspect", path=str(bin_dir)) is None:
        pytest.skip(f"the newsinspect command is not installed beside {sys.executable}")
    folder = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "samples", folder / "samples")
    shutil.copytree(ROOT / "samples", folder / "dumps", ignore=shutil.ignore_patterns("*.html"))
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", "COLUMNS": "120"}
    env |= {"NO_COLOR": "1"}
    env.pop("NEWSINSPECT_ENGINE", None)
    results = {}
    for command in readme_examples():
        if command in EXPECTED and _missing(command) is None:
            results[command] = subprocess.run(
                ["bash", "-c", f"set -o pipefail; {command}"],
                cwd=folder,
                env=env,
                capture_output=True,
                text=True,
                stdin=subprocess.DEVNULL,
                timeout=300,
            )
    return folder, results


def test_every_readme_example_has_an_expectation_here() -> None:
    examples = readme_examples()
    unchecked = [c for c in examples if c not in EXPECTED and _missing(c) is None]
    assert not unchecked, f"README examples with nothing saying what they show: {unchecked}"
    assert not set(EXPECTED) - set(examples), "expectations for examples the README no longer has"


@pytest.mark.slow
@pytest.mark.parametrize("command", list(EXPECTED))
def test_readme_example_runs_and_shows_what_it_says(
    ran: tuple[Path, dict[str, subprocess.CompletedProcess[str]]], command: str
) -> None:
    if _missing(command):
        pytest.skip(f"needs {_missing(command)}")
    folder, results = ran
    result = results[command]
    assert result.returncode == 0, result.stderr
    EXPECTED[command](result, folder)


@pytest.mark.slow
def test_readme_library_example_runs(ran: tuple[Path, dict[str, subprocess.CompletedProcess[str]]]) -> None:
    folder, _ = ran
    result = subprocess.run(
        [sys.executable, "-c", readme_python()], cwd=folder, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(SEED_TITLE) and "'format': 'html'" in result.stdout
