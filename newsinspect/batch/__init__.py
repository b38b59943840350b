"""Batch processing: expand many paths, inspect them in parallel, stream one output line per input.

Library code (no typer or rich): ``expand`` turns command-line PATHs into targets, ``executor`` runs the
pipeline over them in worker processes, ``formats`` turns records into JSON Lines or CSV, ``output`` writes
whole lines to a file that ``--resume`` can continue, ``summary`` counts what happened, ``run`` ties them.

Import the submodule you need: this package imports nothing itself, so that ``show``, which only needs
``expand``, does not pay for multiprocessing at start-up.
"""
