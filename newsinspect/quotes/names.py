"""Names, roles and organisations in capitalised word runs ("Belarusian Defense Minister Viktor Khrenin").

A small rule set of our own: role words and demonyms make the role, the capitalised words after
them the name; organisation and place words mark runs that are not people.
"""

from __future__ import annotations

import re

from newsinspect.quotes.lexicon import words

ROLE_WORDS = words(
    """
    president councilor councillor assemblyman assemblywoman vice prime minister secretary
    senator sen sen. sens sens. rep rep. reps reps. representative congressman congresswoman gov gov.
    governor lt lt.
    gen gen. general col col. maj maj. sgt sgt. capt capt. adm adm. admiral commander chief
    judge justice mayor mr mr. mrs mrs. ms ms. dr dr. prof prof. professor candidate nominee
    leader head ambassador attorney deputy executive officer director chairman chairwoman chair
    chairperson ceo cfo coo founder spokesman spokeswoman spokesperson commissioner
    superintendent sheriff inspector detective officer sergeant captain lieutenant colonel major
    minister foreign defense defence interior finance justice health state home former acting
    assistant associate senior junior house senate speaker majority minority whip democratic
    republican gop democrat independent national security adviser advisor council press campaign
    manager strategist pollster analyst economist coach manager owner rev rev. reverend father
    pope cardinal bishop rabbi imam king queen prince princess sir lord lady dame first lady
    u.s. us u.k. uk eu un white federal special counsel economic chancellor premier envoy
    delegate councilman councilwoman alderman trustee regent provost dean president-elect
    attorney-general solicitor auditor treasurer comptroller clerk registrar surgeon retired del.
    """
)
ORG_WORDS = words(
    """
    ministry department office agency council committee commission party campaign university
    college institute institution endowment foundation center centre association union league
    corporation corp corp. inc inc. co co. company ltd llc group bank fund times post news
    journal tribune herald gazette press reuters service services administration government
    court house senate congress parliament assembly army navy force forces police guard bureau
    network channel magazine radio television tv club society organization organisation church
    school hospital board authority commission alliance coalition front movement watch project
    initiative trust partners capital holdings systems technologies media studio studios network
    republic kingdom federation state states nations city county province region street avenue
    square airport station peace affairs relations review daily weekly caucus island islands podcast
    photo photos image images credit credits
    atoll coast valley
    """
)
_ADJECTIVE_ENDINGS = ("ential", "tial", "cial", "ional", "ical")
PLACE_FIRST_WORDS = words(
    """
    new north south east west saint san santa los las fort port st. st united
    """
)
_DATE_WORDS = words(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december
    """
)
# Capitalised words that start sentences or name times, never people.
NOT_NAME_WORDS = _DATE_WORDS | words(
    """
    the a an in on at but and or so if when while after before during since as for from to of by with
    without this that these those there here it its he she they we i you his her their our my your what
    who which where why how however meanwhile also yet still then now today yesterday tomorrow earlier
    later last next according although though because despite instead once some many most several all
    both each every no not asked said says told mr mrs ms dr neither either other others another few are
    is was were does did has had should could would
    """
)
PRONOUNS = words(
    """
    he she they it we i
    """
)
PERSON_PRONOUNS = frozenset(["he", "she"])

_WORD = re.compile(r"[^\W\d_][\w’'.-]*", re.UNICODE)


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


DEMONYMS = words(
    """
    american russian belarusian ukrainian german mexican korean israeli iraqi pakistani afghan
    european african asian cuban venezuelan chinese japanese french british english irish
    scottish welsh dutch swiss greek thai saudi kuwaiti yemeni qatari emirati turkish
    """
)


def is_demonym(word: str) -> bool:
    low = word.lower()
    return low.endswith(("ian", "ean", "ese", "ish", "ian’s")) or low in DEMONYMS


def is_role_word(word: str) -> bool:
    return word.lower().rstrip(",") in ROLE_WORDS


def split_role(words: list[str]) -> tuple[int, int]:
    """(role_end, name_start) for a capitalised run: words[:role_end] are the role, words[name_start:] the
    name.

    A demonym counts as part of the role only when a role word follows it ("Ukrainian President").
    """
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        if (
            is_role_word(w)
            or (w.lower() in ("the", "of", "and", "for") and i > 0)
            or (is_demonym(w) and i + 1 < n and is_role_word(words[i + 1]))
        ):
            i += 1
        else:
            break
    # Keep "of" and the like out of the name.
    name_start = i
    while name_start < n and words[name_start].lower() in ("of", "and", "for", "the"):
        name_start += 1
    return i, name_start


def is_org_name(words: list[str]) -> bool:
    return any(w.lower().strip(".,’'s") in ORG_WORDS or w.lower() in ORG_WORDS for w in words)


def looks_like_person(words: list[str]) -> bool:
    """Two to four capitalised words that are not an organisation or a place."""
    if not 2 <= len(words) <= 4 or is_org_name(words):
        return False
    if words[0].lower() in PLACE_FIRST_WORDS or words[0].lower().endswith(_ADJECTIVE_ENDINGS):
        return False  # "North Carolina", "Presidential Debates"
    if words[-1].lower().endswith("s") and words[-1].lower()[:-1] in DEMONYMS:
        return False  # "African Americans"
    return all(
        is_capitalised(w) or w.lower() in ("de", "van", "von", "bin", "al", "da", "del", "la", "le")
        for w in words
    ) and not any(w.lower() in NOT_NAME_WORDS for w in words)


def strip_possessive(word: str) -> str:
    for suffix in ("’s", "'s", "’", "'"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_PARTICLES = ("of", "de", "van", "von", "al", "da", "del")
_TRAILING_LINKS = frozenset((*_PARTICLES, "and"))  # words a name cannot end with
_RUN = re.compile(
    rf"[{_UPPER}][\w’'.-]*(?:[ \xa0](?:[{_UPPER}][\w’'.-]*|(?:{'|'.join(_PARTICLES)})(?=[ \xa0][{_UPPER}])))*"
)
_KEEP_PERIOD = re.compile(r"(?:[A-Z]\.)+|[A-Z][a-z]{0,3}\.")


def capitalised_runs(text: str, multi_only: bool = False) -> list[tuple[int, int, list[str]]]:
    """Runs of capitalised words (with initials like "B." and particles) as (start, end, words).

    One regular-expression pass finds the runs; a possessive ("Okafor’s") ends a run. With
    ``multi_only``, runs of a single word are skipped. (A pattern asking for two words or more would
    retry every capital inside a word that has no second one: quadratic on a long run of capitals.)
    """
    runs: list[tuple[int, int, list[str]]] = []
    for m in _RUN.finditer(text):
        group = m.group()
        if multi_only and " " not in group and "\xa0" not in group:
            continue
        pos = m.start()
        cur: list[tuple[int, int, str]] = []
        for raw in group.split():
            start = text.index(raw, pos)
            pos = start + len(raw)
            # "B." and "Sen." keep their period; "July." ends a sentence.
            keep = _KEEP_PERIOD.fullmatch(raw) is not None and raw[:-1].lower() not in _DATE_WORDS
            word = raw if raw[-1] != "." or keep else raw.rstrip(".")
            cur.append((start, start + len(word), word))
            if word.endswith(("’s", "'s")) or len(word) < len(raw):
                _flush(cur, runs)  # a possessive or a sentence end closes the run
        _flush(cur, runs)
    return runs


def _flush(cur: list[tuple[int, int, str]], runs: list[tuple[int, int, list[str]]]) -> None:
    while cur and cur[-1][2].lower() in _TRAILING_LINKS:
        cur.pop()
    if cur:
        runs.append((cur[0][0], cur[-1][1], [w for _, _, w in cur]))
    cur.clear()
