"""The rough edges a new user hits first: help, version, counts, numbering, roles, warnings in JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsinspect.cli.app import app
from newsinspect.plural import count

ROOT = Path(__file__).resolve().parent.parent
SEED_LAYOUT = str(ROOT / "samples" / "seed_layout.txt")
COMMANDS = ["show", "quotes", "entities", "batch"]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("command", COMMANDS)
def test_help_is_for_people(runner: CliRunner, command: str) -> None:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    help_text = result.stdout
    assert not re.search(r"<(bool|str|int|list\[str\]|int range)>", help_text), help_text
    assert "entit ies" not in help_text and "markd own" not in help_text
    assert max(len(line) for line in help_text.splitlines()) <= 80
    assert "Examples:" in help_text
    assert len(re.findall(rf"^\s+newsinspect {command} ", help_text, re.M)) in (1, 2)
    assert "PATH is a file" in help_text and "directory" in help_text and " - " in help_text


def test_version_has_a_short_flag(runner: CliRunner) -> None:
    long, short = runner.invoke(app, ["--version"]), runner.invoke(app, ["-V"])
    assert short.exit_code == 0 and short.stdout == long.stdout
    assert short.stdout.startswith("newsinspect ")


def test_shell_completion_is_offered(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"])
    assert "--install-completion" in result.stdout and "--show-completion" in result.stdout


@pytest.mark.parametrize(
    ("number", "noun", "expected"),
    [(1, "file", "1 file"), (0, "file", "0 files"), (2_500, "paragraph", "2,500 paragraphs")],
)
def test_counts_agree_with_their_number(number: int, noun: str, expected: str) -> None:
    assert count(number, noun) == expected


def test_one_file_and_one_paragraph_are_singular(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "one.txt"
    article.write_text("Ferry Fares Rise in May\n\nThe ferry company raised its fares by ten percent.\n")
    shown = runner.invoke(app, ["show", "--no-color", str(article)], env={"COLUMNS": "120"})
    assert "1 paragraph ·" in shown.stdout and "1 sentence ·" in shown.stdout
    batch = runner.invoke(app, ["batch", str(tmp_path)])
    assert "processed 1 file in" in batch.stderr


def test_quotes_table_counts_paragraphs_from_one_and_json_from_zero(runner: CliRunner) -> None:
    table = runner.invoke(app, ["quotes", "--no-color", SEED_LAYOUT], env={"COLUMNS": "160"}).stdout
    record = json.loads(runner.invoke(app, ["quotes", "--json", SEED_LAYOUT]).stdout)
    first = record["quotes"][0]
    row = next(line for line in table.splitlines() if line.strip().startswith("1 "))
    assert row.rstrip().endswith(f" {first['paragraph'] + 1}")


def test_a_role_stands_apart_from_the_name_without_colour(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "roles.txt"
    article.write_text(
        "Port Opens New Quay\n\n"
        '"The quay will double our trade," said Marta Quell, the harbour master, on Monday.\n',
        encoding="utf-8",
    )
    table = runner.invoke(app, ["quotes", "--no-color", str(article)], env={"COLUMNS": "160"}).stdout
    assert "Marta Quell" in table
    assert "(the harbour master)" in table or "(harbour master)" in table


def test_quotes_json_carries_the_apostrophe_warning(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "archive.txt"
    article.write_text(
        "Mill Closes After Ninety Years\n\n"
        "''We kept it going as long as we could,'' the owner, Ada Brenner, said.\n",
        encoding="utf-8",
    )
    record = json.loads(runner.invoke(app, ["quotes", "--json", str(article)]).stdout)
    assert record["quotes"] == []
    assert any("--apostrophe-quotes" in warning for warning in record["warnings"])
