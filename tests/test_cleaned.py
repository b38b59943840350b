"""`show --format text|markdown`: the cleaned article, in reading order, without the page's clutter."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsinspect.cleaned import markdown_escape, to_markdown, to_text
from newsinspect.cli.app import app
from newsinspect.model import Article
from newsinspect.pipeline import analyse_text

ROOT = Path(__file__).resolve().parent.parent
SEED_LAYOUT = str(ROOT / "samples" / "seed_layout.txt")


def article() -> Article:
    return analyse_text((ROOT / "samples" / "seed_layout.txt").read_text(encoding="utf-8"))


def test_text_gives_title_byline_date_then_body_without_clutter() -> None:
    text = to_text(article())
    lines = text.splitlines()
    assert lines[0].startswith("Harbor Town Votes to Rebuild")
    assert "By Elias Brandvold" in lines
    assert "Published 2022-10-12" in lines
    assert "0:00" not in lines  # the audio player's time stays out
    assert text.count("Harbor Town Votes to Rebuild") == 1  # the repeated headline is printed once
    assert "What Comes Next" in lines


def test_markdown_marks_title_headings_and_captions() -> None:
    markdown = to_markdown(article())
    assert markdown.startswith("# Harbor Town Votes to Rebuild")
    assert "\n## What Comes Next\n" in markdown
    assert "\n> Workers inspect a cracked section of the seawall" in markdown
    assert "— Marta Quell/Coastal Ledger via Reuters" in markdown


def test_markdown_escapes_what_it_would_read_as_formatting() -> None:
    assert markdown_escape("# not a heading") == "\\# not a heading"
    assert markdown_escape("a *starred* [link](x) <b>") == "a \\*starred\\* \\[link\\](x) \\<b\\>"
    assert markdown_escape("1. first") == "1\\. first"
    assert markdown_escape("- not a list") == "\\- not a list"


def test_the_cli_prints_each_article_separated() -> None:
    runner = CliRunner()
    one = runner.invoke(app, ["show", "--format", "markdown", SEED_LAYOUT])
    two = runner.invoke(app, ["show", "--format", "markdown", SEED_LAYOUT, SEED_LAYOUT])
    assert one.exit_code == two.exit_code == 0
    assert two.stdout == one.stdout + "\n---\n\n" + one.stdout


def test_json_and_a_cleaned_format_together_are_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["show", "--json", "--format", "text", SEED_LAYOUT])
    assert result.exit_code == 2
    assert "--json" in result.stderr
