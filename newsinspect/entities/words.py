"""The entity engine's word lists, from the lexicon: English grammar and naming conventions, not a gazetteer.

Place and person names come from data packages (see ``newsinspect.lexicon.gazetteer``); these lists only
hold the closed-class words that decide where a name starts and ends and what kind of thing it names. Each
is a file in ``newsinspect/lexicon/data/`` whose header says what it is for.
"""

from __future__ import annotations

from typing import Final

from newsinspect import lexicon

# The words that shape a capitalised run are the run finder's (one definition, in the text layer).
from newsinspect.text.runs import ABBREVIATIONS as ABBREVIATIONS
from newsinspect.text.runs import CONNECTORS as CONNECTORS
from newsinspect.text.runs import FUNCTION_WORDS as FUNCTION_WORDS
from newsinspect.text.runs import SECOND_CONNECTORS as SECOND_CONNECTORS

WEEKDAYS: Final = lexicon.words("weekdays")
MONTHS: Final = lexicon.words("month_names") | lexicon.words("month_abbreviations")
# Date and time words that are capitalised in English but name no entity.
DATE_WORDS: Final = WEEKDAYS | MONTHS
# Holidays, whole ("christmas eve"), and the words they start with (a run holding none is no holiday).
HOLIDAYS: Final = lexicon.words("holidays")
HOLIDAY_STARTS: Final = frozenset(holiday.split()[0] for holiday in HOLIDAYS)
TITLES: Final = lexicon.words("titles_before_names")
PORTFOLIO_WORDS: Final = lexicon.words("portfolio_words")
ORG_SUFFIXES: Final = lexicon.words("org_last_words")
ORG_HEADS: Final = lexicon.words("org_first_words")
LOC_SUFFIXES: Final = lexicon.words("loc_last_words")
LOC_HEADS: Final = lexicon.words("loc_first_words")
FAC_SUFFIXES: Final = lexicon.words("fac_last_words")
GPE_SUFFIXES: Final = lexicon.words("gpe_last_words")
EVENT_SUFFIXES: Final = lexicon.words("event_last_words")
DIRECTIONS: Final = lexicon.words("compass_points")
GROUP_WORDS: Final = lexicon.words("group_words")
SPEECH_VERBS: Final = lexicon.words("speech_verbs")
COMMON_ACRONYMS: Final = lexicon.words("acronyms_common_nouns")
PLACE_ABBREVIATIONS: Final = lexicon.words("place_abbreviations")
KNOWN_ORGANISATIONS: Final = lexicon.words("organisations_well_known")
# "-based" of "Boston-based": the name ends before it.
ADJECTIVE_ENDS: Final = lexicon.words("compound_adjective_ends")
NUMBERED_FACILITIES: Final = lexicon.words("numbered_facility_words")
ABSTRACT_ENDINGS: Final = tuple(sorted(lexicon.words("abstract_noun_endings")))
