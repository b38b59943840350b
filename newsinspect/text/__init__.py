"""Text helpers shared below the parser and both analysers (which take their words from the lexicon).

Only what is written once for all of them lives here; each caller keeps its own thresholds and word lists.
"""
