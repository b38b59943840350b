"""The command-line interface: a thin layer over the newsinspect library."""

from __future__ import annotations


def main() -> None:
    """Console-script entry point."""
    from newsinspect.cli.app import app

    app()
