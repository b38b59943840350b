"""``python -m newsinspect`` runs the command-line tool."""

from newsinspect.cli import main

main()
