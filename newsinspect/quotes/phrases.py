"""Noun phrases around a reporting cue: the subject before it, the object after it.

Each function returns a ``Mention``: the words written at the attribution site, split into role and
name where the phrase holds a person's name.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from newsinspect import lexicon
from newsinspect.quotes.names import (
    DEMONYMS,
    NOT_NAME_WORDS,
    PRONOUNS,
    ROLE_WORDS,
    is_capitalised,
    is_org_name,
    role_phrase_ending_at,
    split_role,
    strip_possessive,
)
from newsinspect.quotes.tokens import Token
from newsinspect.text.tokens import Tokens

MentionKind = Literal["name", "pronoun", "phrase"]

_SKIP_BEFORE_CUE = lexicon.words("words_between_subject_and_cue")
_DETERMINERS = lexicon.words("determiners")
_NP_LINKS = lexicon.words("noun_phrase_links")
_SPEAKER_NOUNS = lexicon.words("speaker_nouns")
# Heads of noun phrases that can speak besides ``_SPEAKER_NOUNS`` (not repeated here): people by kin,
# trade or part, bodies, and texts that say things ("the ruling said", "the book says"). A phrase whose
# head is none of these and has no agent ending ("a metaphor for", "an unemployment rate", "the
# streets") is no speaker.
_MORE_SPEAKER_HEADS = lexicon.words("speaker_heads_more")
_AGENT_ENDINGS = tuple(sorted(lexicon.words("agent_endings")))
_PERSON_ENDINGS = tuple(sorted(lexicon.words("person_endings")))
_INTRODUCERS = lexicon.words("phrase_introducers")
_ADJECTIVES = lexicon.words("political_adjectives")
_MORE_PREPOSITIONS = lexicon.words("prepositions_more")
_AUXILIARIES = lexicon.words("auxiliaries")
_CONTRACTED = lexicon.words("pronoun_contractions")
_SAID = lexicon.words("said_verbs")
_INDEFINITE = lexicon.words("indefinite_speakers")
_HONORIFICS = lexicon.words("courtesy_titles")
_PROGRESSIVE = lexicon.words("progressive_auxiliaries")
_COLLECTIVE = lexicon.words("collective_nouns")
_MAX_NAME_WORDS = 6
_CONTRACTION_ENDINGS = tuple(sorted(lexicon.words("contraction_endings")))
_MAX_NAME_GAP = 3  # characters between two words of a name: a space, or a nickname's quotation mark too
_PLACE_PREPOSITIONS = lexicon.words("location_prepositions")
_LEADING_WORDS = lexicon.words("leading_adverbs")
_CLAUSE_BREAKS = lexicon.words("clause_breaks")
_PARTY_TAG = re.compile(r"\s*(?:[DRI]|Ind|Lib|Dem|Rep)-[A-Z][A-Za-z.]{0,8}(?: [A-Z][A-Za-z.]{0,8})?\s*")


class Mention(NamedTuple):
    """Words naming a speaker; offsets are relative to the paragraph text."""

    kind: MentionKind
    start: int
    end: int
    name: str  # the name (or the whole phrase for a pronoun or common noun phrase)
    role: str | None = None


def is_speaker_head(word: str) -> bool:
    """Whether a common noun phrase ending in ``word`` (lowercase) can name who speaks: a person, a body
    or a text (``_SPEAKER_NOUNS``, ``_MORE_SPEAKER_HEADS``), or a noun with an agent ending ("the
    announcer", "activists", "a physician"), but not an -ment noun ("the statement" is listed)."""
    word = strip_possessive(word)
    if _listed_head(word) or word.endswith(("-year-old", "-year-olds")):
        return True  # "the 25-year-old" is a person
    if len(word) < 5 or word.endswith(("ment", "ments")) or not word.isalpha():
        return False
    return word.endswith(_AGENT_ENDINGS) or word.endswith(_PERSON_ENDINGS)


def _listed_head(word: str) -> bool:
    """A listed speaker head, singular or plural ("groups", "agencies")."""
    return (
        _listed_speaker(word)
        or (word.endswith("ies") and _listed_speaker(word[:-3] + "y"))
        or (word.endswith("s") and _listed_speaker(word[:-1]))
    )


def _listed_speaker(word: str) -> bool:
    return word in _SPEAKER_NOUNS or word in _MORE_SPEAKER_HEADS


def _has_speaker_head(words: list[Token]) -> bool:
    """The phrase's head is a speaker: its last word, or the word before its first "of"/"for" ("the
    mother of three", "a spokesman for the agency")."""
    if is_speaker_head(words[-1].lower):
        return True
    for k in range(1, len(words)):
        if words[k].lower in ("of", "for"):
            return is_speaker_head(words[k - 1].lower)
    return False


def _cap_word(tok: Token) -> bool:
    """A capitalised word that can be part of a name: not a contraction ("Don’t", "They’re")."""
    return tok.is_word() and is_capitalised(tok.text) and not tok.lower.endswith(_CONTRACTION_ENDINGS)


def _not_a_speaker(words: list[Token]) -> bool:
    """A lone adjective ("Republican"), a participle ("Following") or a shouted run-in heading."""
    if len(words) == 1:
        w = words[0].lower
        # Only a listed demonym: "-ian" and "-ean" end given names too (Dean, Brian, Julian).
        return w in _ADJECTIVES or w.endswith("ing") or w in DEMONYMS or w.endswith(("ese", "ish"))
    return len(words) >= 3 and all(w.text.isupper() for w in words)


def _make_name_mention(words: list[Token], text: str) -> Mention | None:
    """A mention from a capitalised run (role words first, name last)."""
    # Drop leading sentence words ("But", "In") that are not part of any name.
    while words and words[0].lower in NOT_NAME_WORDS and words[0].lower != "the":
        words = words[1:]
    if not words or _not_a_speaker(words):
        return None
    plain = [w.text for w in words]
    role_end, name_start = split_role(plain)
    # Cut "of Missouri" and the like off a person's name.
    name_words = words[name_start:]
    for k, w in enumerate(name_words):
        if w.lower in ("of", "for") and k > 0:
            name_words = name_words[:k]
            break
    start, end = words[0].start, words[-1].end
    if not name_words or is_org_name([w.text for w in name_words]):
        # A role or an organisation speaking ("the Defense Ministry", "President").
        phrase = text[start:end]
        return Mention("phrase", start, end, strip_possessive(phrase))
    role = text[words[0].start : words[role_end - 1].end] if role_end > 0 else None
    if role is not None and all(w.lower.rstrip(".") in _HONORIFICS for w in words[:role_end]):
        role = None  # "Mr." is a courtesy, not a role
    name = text[name_words[0].start : name_words[-1].end]
    return Mention("name", start, end, strip_possessive(name), role)


def phrase_before(tokens: Tokens, j: int, lo: int, text: str) -> Mention | None:
    """The noun phrase ending at token ``j`` (not before ``lo``)."""
    if j < lo or not tokens[j].is_word():
        return None
    tok = tokens[j]
    if tok.lower in PRONOUNS:
        return Mention("pronoun", tok.start, tok.end, tok.text)
    if tok.lower in _INDEFINITE and (j == lo or not tokens[j - 1].is_word()):
        # "Another said", "Others, angry at the delay, shouted": people not named, opening the clause.
        return Mention("phrase", tok.start, tok.end, tok.text)
    if tok.lower in _CONTRACTED:
        # "He’s claiming": the pronoun without the contracted verb.
        end = tok.start + len(tok.text) - (3 if tok.lower.endswith(("’re", "'re")) else 2)
        return Mention("pronoun", tok.start, end, text[tok.start : end])
    if _cap_word(tok):
        k = j
        while (
            k - 1 >= lo
            and (
                _cap_word(tokens[k - 1])
                or (tokens[k - 1].lower == "of" and k - 2 >= lo and _cap_word(tokens[k - 2]))
            )
            and j - k < _MAX_NAME_WORDS
            and tokens[k].start - tokens[k - 1].end <= _MAX_NAME_GAP  # not across a quote
        ):
            k -= 1
        # Lowercase role words written before a name ("former president Bill Clinton").
        while k - 1 >= lo and j - k < _MAX_NAME_WORDS + 2:
            before = [t.lower for t in tokens.slice(max(lo, k - 3), k)]
            step = role_phrase_ending_at(before, len(before) - 1) or (tokens[k - 1].lower in ROLE_WORDS)
            if not step:
                break
            k -= step
        return _make_name_mention(tokens.slice(k, j + 1), text)
    # A common noun phrase: "the ministry", "a spokesman for the company", "officials".
    k = j
    found_det = False
    after_link = j + 1  # where to cut if no determiner turns up past a linking word
    while k >= lo and j - k < 10:
        w = tokens[k]
        if not w.is_word():
            k += 1
            break
        low = w.lower
        if low in _DETERMINERS:
            found_det = True
            if k - 2 >= lo and tokens[k - 1].lower in ("of", "for") and tokens[k - 2].is_word():
                # "the head of the agency": the phrase goes on before "of".
                found_det = False
                k -= 2
                continue
            break
        if _cap_word(w) and w.text.endswith(("’s", "'s")):
            found_det = True  # "Trump’s campaign"
            break
        if k < j and low in ("of", "for", "and"):
            after_link = min(after_link, k + 1) if after_link == j + 1 else after_link
            k -= 1
            continue
        if low in NOT_NAME_WORDS or low in _NP_LINKS or low in _AUXILIARIES:
            k += 1
            break
        k -= 1
    k = max(k, lo)
    if not found_det and after_link <= j:
        k = max(k, after_link)
    head = tokens[j].lower
    if k > j or head in NOT_NAME_WORDS:
        return None
    if not found_det and not (head in _SPEAKER_NOUNS and (head.endswith("s") or head in _COLLECTIVE)):
        return None
    if found_det and not _has_speaker_head(tokens.slice(k, j + 1)):
        return None  # "his series of early-morning tweets", "a controversial comment"
    start, end = tokens[k].start, tokens[j].end
    return Mention("phrase", start, end, text[start:end])


def sentence_subject(tokens: Tokens, lo: int, hi: int, text: str) -> Mention | None:
    """The subject opening the sentence ("Okafor attacked the plan, saying …", "The harbour board
    issued a statement calling …"), after an opening phrase such as "Following the meeting," or "In
    July,". A name further on ("… a plan for a pier near Valdoria and a motion calling …") is no
    subject: then None."""
    lo = _after_dateline(tokens, lo, hi)
    while lo < hi and tokens[lo].lower in _LEADING_WORDS:
        lo += 1  # "And by noon I …"
    if lo < hi and (
        tokens[lo].lower in _INTRODUCERS
        or tokens[lo].lower.endswith("ing")
        or _opening_phrase(tokens, lo, hi)
    ):
        # The opening phrase ends at a comma, perhaps the second ("Following a swiftly called, late
        # meeting, …").
        # A subject that a comma follows may be the end of the phrase itself ("Speaking in Salem, New
        # Hampshire, Okafor …"): a later comma's subject that a verb follows is preferred to it.
        listed: Mention | None = None
        for k in [k for k in range(lo, min(hi, lo + 20)) if tokens[k].text == ","][:3]:
            found = _subject_at(tokens, k + 1, hi, text)
            if found is None:
                continue
            after = k + 1
            while after < hi and tokens[after].start < found.end:
                after += 1
            if after < hi and tokens[after].text == ",":
                listed = listed or found
                continue
            return found
        if listed is not None:
            return listed
        # "On Monday Okafor rejected …": an opening phrase without a comma, then the subject.
        for k in range(lo + 1, min(hi, lo + 6)):
            tok = tokens[k]
            if not tok.is_word() or tok.lower.endswith(("’s", "'s")):
                break  # "On Tuesday’s show …": the opening phrase goes on
            if tok.lower in PRONOUNS or (_cap_word(tok) and tok.lower not in NOT_NAME_WORDS):
                return object_after(tokens, k, hi, text)
        return None
    return _subject_at(tokens, lo, hi, text)


_TIME_AFTER = frozenset(["later", "earlier", "ago"])


def _after_dateline(tokens: Tokens, lo: int, hi: int) -> int:
    """The token after a dateline opening the sentence ("PORT ELLIS, Ore. (AP) —", "Bexley (Reuters) –"):
    capitalised words, commas and a parenthesised agency, or a place in capitals, before a dash."""
    marked = False
    for k in range(lo, min(hi, lo + 10)):
        t = tokens[k]
        if t.text in _DATELINE_DASHES:
            return k + 1 if marked and k > lo else lo
        if t.text == "(" or (t.text.isupper() and len(t.text) > 1 and t.is_word()):
            marked = True
        elif not (_cap_word(t) or t.text in (",", ")", ".")):
            return lo
    return lo


_DATELINE_DASHES = frozenset(["—", "–", "-", "--", "―"])


def _opening_phrase(tokens: Tokens, lo: int, hi: int) -> bool:
    """A phrase before the subject that no list names: a participle and its preposition ("Reached by
    the Ledger, Lee …", "Asked about it, …") or a span of time ("Hours later, Lee …")."""
    if lo + 1 >= hi:
        return False
    first, second = tokens[lo].lower, tokens[lo + 1].lower
    if first in _PLACE_ADVERBS and second in _INTRODUCERS:
        return True  # "Here in Port Ellis, Lee …", "Back at the quay, …"
    if first.endswith("ly") and len(first) > 4 and (second in _INTRODUCERS or second == ","):
        return True  # "Immediately after the vote, Lee …", "Shortly before noon, …"
    for k in range(lo + 2, min(hi - 1, lo + 4)):
        if tokens[k].lower in _TIME_AFTER and (k == lo + 2 or tokens[k + 1].text == ","):
            return True  # "Eight years ago, Lee …", "A few days later, …"
    return (first.endswith("ed") and second in _INTRODUCERS) or second in _TIME_AFTER


_PLACE_ADVERBS = frozenset(["here", "there", "back", "out", "up", "down", "over"])


def _subject_at(tokens: Tokens, lo: int, hi: int, text: str) -> Mention | None:
    """A subject starting at token ``lo`` (after "But", "And" and the like); not a label before a
    colon ("Example: …", "Her caption: …")."""
    found = _subject_words_at(tokens, lo, hi, text)
    if found is None:
        return None
    k = lo
    while k < hi and k - lo < 12 and tokens[k].start < found.end:
        k += 1
    return None if k < len(tokens) and tokens[k].text == ":" else found


def _subject_words_at(tokens: Tokens, lo: int, hi: int, text: str) -> Mention | None:
    i = lo
    while i < hi and (tokens[i].lower in _LEADING_WORDS or not tokens[i].is_word()):
        i += 1
    if i >= hi:
        return None
    tok = tokens[i]
    if (
        tok.lower.endswith("ly")
        and i + 1 < hi
        and (tokens[i + 1].text == "," or tokens[i + 1].lower.endswith("ing"))
    ):
        return None  # "Broadly speaking, …", "Frankly, …": an adverb opens the sentence
    bare = strip_possessive(tok.lower)
    if _cap_word(tok) and i + 1 < hi:
        head = tokens[i + 1]
        if head.text.islower() and (
            (bare != tok.lower and is_speaker_head(head.lower))
            or (head.lower.endswith("s") and _listed_head(head.lower))
        ):
            # "Lee’s campaign", "Other leaders", "Harbor pilots": the capitalised word modifies the head.
            return Mention("phrase", tok.start, head.end, text[tok.start : head.end])
    if tok.lower in PRONOUNS or (
        _cap_word(tok) and bare not in NOT_NAME_WORDS and tok.lower not in _CONTRACTED
    ):
        return object_after(tokens, i, hi, text)
    if tok.lower in _DETERMINERS:
        if i + 1 < hi and _cap_word(tokens[i + 1]):
            return object_after(tokens, i + 1, hi, text)  # "The Harbor Board"
        for k in range(i + 1, min(hi, i + 5)):
            w = tokens[k]
            if not w.is_word() or w.lower in NOT_NAME_WORDS or w.lower in _NP_LINKS:
                break
            # "the council", "the veteran pilots"; past the first word only a listed head, since a verb
            # can end like an agent noun ("the dispute centers on …").
            if (k == i + 1 and is_speaker_head(w.lower)) or (k > i + 1 and _listed_head(w.lower)):
                # A compound goes on to its last noun ("the band leader").
                while (
                    k + 1 < min(hi, i + 6) and tokens[k + 1].is_word() and _listed_head(tokens[k + 1].lower)
                ):
                    k += 1
                return Mention("phrase", tok.start, tokens[k].end, text[tok.start : tokens[k].end])
    return None


def _before_parenthetical(tokens: Tokens, j: int, lo: int) -> int:
    """Step back over a short parenthetical ending at ``j``: "Ann Lee (D-Ore.) said"."""
    if j >= lo and tokens[j].text == ")":
        k = j - 1
        while k >= lo and j - k < 8 and tokens[k].text != "(":
            k -= 1
        if k >= lo and tokens[k].text == "(":
            return k - 1
    return j


def _before_dashed_aside(tokens: Tokens, j: int, lo: int) -> int:
    """Step back over an aside between dashes ending at ``j``: "Lee — a pilot for the port — said"."""
    if j < lo or tokens[j].text not in _ASIDE_DASHES:
        return j
    for k in range(j - 1, max(lo, j - 30) - 1, -1):
        if tokens[k].text in _ASIDE_DASHES:
            return k - 1 if k - 1 > lo or (k - 1 == lo and tokens[lo].is_word()) else j
        if tokens[k].text in ".!?;:":
            break
    return j


_ASIDE_DASHES = frozenset(["—", "–", "--"])


def _before_time_phrase(tokens: Tokens, j: int, lo: int) -> int:
    """Step back over a short time phrase ending at ``j`` that holds a day or a time word ("Lee on
    Wednesday said", "the mayor last week told"), to the word before it when that can be a subject
    (a capitalised word or a pronoun); otherwise ``j``."""
    k = j
    timed = False
    while k >= lo and j - k < 4 and tokens[k].lower in _TIME_PHRASE:
        timed = timed or tokens[k].lower not in _TIME_LINKS
        k -= 1
    if k == j or k < lo or not timed or tokens[k + 1].lower in ("a", "this"):
        return j
    before = tokens[k]
    if before.lower in PRONOUNS or (_cap_word(before) and before.lower not in NOT_NAME_WORDS):
        return k
    return j


_TIME_PHRASE = lexicon.words("time_phrase_words")
_TIME_LINKS = frozenset(["a", "on", "during", "this", "last", "early", "late"])


def _before_party_tag(tokens: Tokens, j: int, lo: int, text: str) -> int:
    """Step back over a party-and-state tag between commas ending at ``j``: "Ann Lee, D-Ore., said"."""
    if j < lo or tokens[j].text != ",":
        return j
    k = j - 1
    while k >= lo and j - k <= 6 and tokens[k].text != ",":
        k -= 1
    if k >= lo and tokens[k].text == "," and _PARTY_TAG.fullmatch(text, tokens[k].end, tokens[j].start):
        return k - 1
    return j


def subject_of(tokens: Tokens, cue: int, lo: int, text: str) -> Mention | None:
    """Who speaks in "<subject> [, appositive,] [adverbs] <cue>"; ``cue`` is the cue's first token."""
    j = cue - 1
    while (j >= lo and tokens[j].lower in _SKIP_BEFORE_CUE) or (
        j >= lo and tokens[j].lower.endswith("ly") and tokens[j].text.islower() and len(tokens[j].text) > 3
    ):
        j -= 1
    j = _before_time_phrase(tokens, j, lo)
    j = _before_parenthetical(tokens, j, lo)
    j = _before_dashed_aside(tokens, j, lo)
    if j >= lo and tokens[j].text == ",":
        j = _before_party_tag(tokens, j, lo, text)
    if j < lo:
        return None
    tok = tokens[j]
    if (
        tok.lower == "and"
        and j - 2 >= lo
        and tokens[j - 1].is_word()
        and tokens[j - 1].text.islower()
        and _adjacent(tokens, j - 1, j)
    ):
        # "I laughed and said": the subject of the first verb speaks, where it opens its clause (not
        # "adopted a fake Southern accent and joked").
        first_subject = phrase_before(tokens, j - 2, lo, text)
        if (
            first_subject is not None
            and first_subject.kind in ("pronoun", "name")
            and _opens_clause(tokens, first_subject, lo)
        ):
            return first_subject
        # "she attacked the officers and blamed", "Okafor thanked them and told": the subject opening
        # the clause a few lowercase words back (a subject pronoun, or a name after the clause start).
        for k in range(j - 2, max(lo, j - 12) - 1, -1):
            w = tokens[k]
            if w.lower in PRONOUNS and w.lower != "it":
                return Mention("pronoun", w.start, w.end, w.text)
            if _cap_word(w) and w.lower not in NOT_NAME_WORDS:
                if k > lo and tokens[k - 1].lower == "that":
                    break  # "Lee said that Okafor is “…” and said": the reported clause's subject does not
                if k == lo or not tokens[k - 1].is_word() or tokens[k - 1].lower in _CLAUSE_BREAKS:
                    named = phrase_before(tokens, k, lo, text)
                    if named is not None and named.kind == "name":
                        return named
                break
            if not w.is_word() or not w.text.islower() or w.lower in _CLAUSE_BREAKS:
                break
    if tok.lower in _BARE_CONJUNCTIONS and j > lo:
        # "Lee praised the plan and said", "experts doubted it, but have speculated": a verb with no
        # subject of its own shares the subject opening its sentence.
        shared = sentence_subject(tokens, lo, j, text)
        if shared is not None and (shared.kind != "phrase" or _has_speaker_head(tokens.slice(lo, j))):
            return shared
    if tok.lower in ("who", "which"):
        # "Ann Lee, who said", "the report, which notes": the relative pronoun is the cue's subject and
        # stays in the mention (the words that credit the quote); its antecedent names the speaker.
        found = phrase_before(tokens, j - 2 if j - 1 >= lo and tokens[j - 1].text == "," else j - 1, lo, text)
        return found._replace(end=tok.end) if found is not None and found.kind != "pronoun" else found
    if tok.lower == "to" and j == cue - 1:
        # "Okafor took to the radio to accuse them of …": an infinitive speaks for the sentence's subject,
        # or for the subject of a participle clause it belongs to ("…, with Lee taking to the radio to
        # call them …").
        return _with_participle_subject(tokens, j, lo, text) or sentence_subject(tokens, lo, j, text)
    if tok.text == "," and j - 1 >= lo and tokens[cue].lower.endswith("ing"):
        # "the mayor said, adding that …", "Lee said Tuesday in Bexley, noting …": the speaker of the
        # verb of saying just before the comma.
        for k in range(j - 1, max(lo, j - 6) - 1, -1):
            if not tokens[k].is_word():
                break
            if tokens[k].lower in _SAID:
                said = subject_of(tokens, k, lo, text)
                if said is not None or k == j - 1:
                    return said
                break
    if tokens[cue].lower.endswith("ing") and tokens[cue - 1].lower not in _PROGRESSIVE:
        if (
            j == cue - 1
            and j > lo
            and tokens[j - 1].is_word()
            and (tok.lower in PRONOUNS or (_cap_word(tok) and tok.lower not in NOT_NAME_WORDS))
            and _adjacent(tokens, j, cue)
        ):
            # "footage of Okafor saying": the name right before the participle is its subject.
            named = phrase_before(tokens, j, lo, text)
            if named is not None and named.kind != "phrase":
                return named
        # "…, saying", "issued a statement calling": the participle speaks for the sentence's subject.
        return sentence_subject(tokens, lo, j + 1 if tok.text == "," else j, text)
    if tok.text == ",":
        return _around_commas(tokens, j, lo, text)
    found = phrase_before(tokens, j, lo, text)
    if found is not None and found.kind != "pronoun":
        # "A letter from the Legion obtained by the Gazette warns": the agent of a participle is no subject.
        found = _before_agent(tokens, found, lo, text) or found
    if (
        found is not None
        and found.kind != "pronoun"
        and found.name[:1].isupper()
        and is_org_name(found.name.split())
    ):
        return _person_of_body(tokens, j, found, lo, text) or found
    if found is None and j == cue - 1 and _lone_surname(tokens, j, lo, text):
        return Mention("name", tok.start, tok.end, tok.text)
    return found if found is not None else _before_place_phrase(tokens, j, lo, text)


_BARE_CONJUNCTIONS = frozenset(["and", "but"])


def _opens_clause(tokens: Tokens, mention: Mention, lo: int) -> bool:
    """The mention stands at the start of its clause: the sentence start, punctuation or a clause word
    before it."""
    k = lo
    while k < len(tokens) and tokens[k].start < mention.start:
        k += 1
    return k == lo or not tokens[k - 1].is_word() or tokens[k - 1].lower in _CLAUSE_BREAKS


def _before_agent(tokens: Tokens, agent: Mention, lo: int, text: str) -> Mention | None:
    """The phrase before "<participle> by <agent>" ending at the agent ("a letter from the Legion obtained
    by the Gazette"), or None when the agent follows no participle."""
    k = lo
    while k < len(tokens) and tokens[k].start < agent.start:
        k += 1
    if k - 1 >= lo and tokens[k - 1].lower in ("the", "a", "an"):
        k -= 1
    if k - 3 < lo or tokens[k - 1].lower != "by":
        return None
    participle = tokens[k - 2].lower
    if not (participle.endswith("ed") or participle in _IRREGULAR_PARTICIPLES) or not tokens[k - 3].is_word():
        return None
    found = phrase_before(tokens, k - 3, lo, text)
    return found if found is not None and found.kind != "pronoun" else None


_IRREGULAR_PARTICIPLES = lexicon.words("cue_participles_irregular")


def _adjacent(tokens: Tokens, a: int, b: int) -> bool:
    """Tokens ``a`` and ``b`` stand next to each other, no quote between them ("Lee “…,” adding" is no
    "Lee adding")."""
    return tokens[b].start - tokens[a].end <= 2


def _with_participle_subject(tokens: Tokens, j: int, lo: int, text: str) -> Mention | None:
    """The name in "with <name> <participle>" a few words before token ``j``, or None."""
    for k in range(j - 1, max(lo, j - 8), -1):
        if not tokens[k].is_word():
            return None
        if tokens[k].lower.endswith("ing") and tokens[k].text.islower() and _cap_word(tokens[k - 1]):
            named = phrase_before(tokens, k - 1, lo, text)
            if named is None or named.kind != "name":
                return None
            m = k - 1
            while m > lo and tokens[m].start > named.start:
                m -= 1
            return named if m > lo and tokens[m - 1].lower == "with" else None
    return None


def _lone_surname(tokens: Tokens, j: int, lo: int, text: str) -> bool:
    """A lone capitalised word ending in "-ing" right before its verb and opening its clause ("“…,”
    Fleming said"), or one read as a demonym right after a quote ("“…,” Cuban said"): a participle or
    an adjective does not take a verb there, so it is a surname."""
    tok = tokens[j]
    if not _cap_word(tok) or tok.lower in NOT_NAME_WORDS or tok.lower in _ADJECTIVES:
        return False
    if j > lo and tokens[j - 1].is_word():
        return False
    if tok.lower.endswith("ing"):
        return True
    return tok.lower in DEMONYMS and text[max(0, tok.start - 4) : tok.start].rstrip().endswith(_CLOSING)


_CLOSING = ("”", '"', "’")


_OF_BODY = frozenset(["with", "of", "at", "from", "for"])


def _person_of_body(tokens: Tokens, j: int, body: Mention, lo: int, text: str) -> Mention | None:
    """ "Chief Ann Lee with the Harbor Police said": the person named before the body she is with
    speaks, not the body."""
    k = j
    while k > lo and tokens[k].start > body.start:
        k -= 1
    if k - 1 >= lo and tokens[k - 1].lower == "the":
        k -= 1
    if k - 2 < lo or tokens[k - 1].lower not in _OF_BODY:
        return None
    person = phrase_before(tokens, k - 2, lo, text)
    if person is None or person.kind != "name" or " " not in person.name or is_org_name(person.name.split()):
        return None
    return person


def _before_place_phrase(tokens: Tokens, j: int, lo: int, text: str) -> Mention | None:
    """ "Protesters marching through the streets chanted", "A man at the back shouted": the phrase
    ending at ``j`` cannot speak, so step back over it and its preposition (and a participle before
    that) to the noun phrase that can; two such steps at most."""
    k = j
    for _ in range(2):
        p = k
        while p >= lo and k - p < 5 and tokens[p].is_word() and tokens[p].lower not in _PLACE_PREPOSITIONS:
            p -= 1
        if p - 1 < lo or not tokens[p].is_word() or tokens[p].lower not in _PLACE_PREPOSITIONS:
            return None
        if p + 1 > k or tokens[p + 1].lower not in _DETERMINERS:
            return None  # "through the streets", not "in battleground states"
        k = p - 1
        if tokens[k].lower.endswith(("ing", "ed")) and k - 1 >= lo and tokens[k].text.islower():
            k -= 1
        found = phrase_before(tokens, k, lo, text)
        if found is not None:
            return found
    return None


def _ends_place_phrase(tokens: Tokens, k: int, lo: int) -> bool:
    """The words before the comma at ``k`` end with a place after a preposition ("in Bexley")."""
    m = k - 1
    while m >= lo and _cap_word(tokens[m]) and k - m <= 3:
        m -= 1
    return lo <= m < k - 1 and tokens[m].lower in _PLACE_PREPOSITIONS


def _without_parenthetical(chunk: list[Token]) -> list[Token]:
    """``chunk`` without a parenthetical closing it ("Ann Lee (D-Ore.)")."""
    if chunk and chunk[-1].text == ")":
        for k in range(len(chunk) - 1, -1, -1):
            if chunk[k].text == "(":
                return chunk[:k]
    return chunk


def _around_commas(tokens: Tokens, j: int, lo: int, text: str) -> Mention | None:
    """ "Name, appositive, <cue>" or "Role phrase, Name, <cue>"; ``j`` is the comma before the cue."""
    k = j - 1
    while k >= lo and tokens[k].text != "," and j - k < 30:
        if tokens[k].text in ".!?;:":
            return None
        k -= 1
    if k < lo or tokens[k].text != ",":
        return None
    chunk = tokens.slice(k + 1, j)
    if not chunk:
        return None
    if _ends_place_phrase(tokens, k, lo) and len(chunk) <= 2 and all(_cap_word(t) for t in chunk):
        # "Lee, at a meeting in Bexley, Ohio, said": the state ends a phrase about where; the subject is
        # before the phrase.
        r = k - 1
        while r >= lo and tokens[r].text not in ",.;:!?" and k - r < 20:
            r -= 1
        if r - 1 >= lo and tokens[r].text == "," and tokens[r + 1].text.islower():
            found = phrase_before(tokens, _before_parenthetical(tokens, r - 1, lo), lo, text)
            return found if found is not None and found.kind != "phrase" else None
    core = _without_parenthetical(chunk)
    roles = 0
    while roles < len(core) and core[roles].lower in ROLE_WORDS and not _cap_word(core[roles]):
        roles += 1  # "state Sen. Ann Lee (D-Ore.)"
    if (
        core[roles:]
        and all(_cap_word(t) or t.lower in ("of", "de", "van", "von") for t in core[roles:])
        and len(core) - roles <= 5
    ):
        named = _make_name_mention(core, text)
        if named is not None and named.kind == "name":
            # The chunk before the first comma may be the role ("The head of the council, Ann Lee,").
            r = k - 1
            while r >= lo and tokens[r].text not in ",.;:!?" and k - r < 14:
                r -= 1
            role_tokens = tokens.slice(r + 1, k)
            role = named.role
            if (
                role is None
                and role_tokens
                and (role_tokens[0].lower in ("the", "a", "an") or role_tokens[0].lower in ROLE_WORDS)
            ):
                role = text[role_tokens[0].start : role_tokens[-1].end]
            return Mention("name", named.start, named.end, named.name, role)
        return named
    head = phrase_before(tokens, _before_parenthetical(tokens, k - 1, lo), lo, text)
    if head is None or head.kind == "pronoun":
        return None
    words = [t for t in chunk]
    if words and words[0].lower in ("a", "an", "the"):
        words = words[1:]
    appositive = text[words[0].start : words[-1].end] if words else None
    if chunk[0].lower in ("who", "which", "whose", "that", "when", "where"):
        appositive = None  # a relative clause, not a role
    return Mention(head.kind, head.start, head.end, head.name, head.role or appositive)


def object_after(tokens: Tokens, j: int, hi: int, text: str) -> Mention | None:
    """The noun phrase starting at token ``j`` ("said Okafor", "said the ministry", "said he")."""
    if j >= hi or not tokens[j].is_word():
        return None
    tok = tokens[j]
    if tok.lower in PRONOUNS:
        return Mention("pronoun", tok.start, tok.end, tok.text)
    k = j
    if _cap_word(tok) or tok.lower in ROLE_WORDS:
        while (
            k + 1 < hi
            and k - j < _MAX_NAME_WORDS + 2
            and tokens[k + 1].start - tokens[k].end <= _MAX_NAME_GAP  # not across a quote
            and (
                _cap_word(tokens[k + 1])
                or (tokens[k + 1].lower in ROLE_WORDS and not _cap_word(tokens[k]))
                or (tokens[k + 1].lower == "of" and k + 2 < hi and _cap_word(tokens[k + 2]))
            )
        ):
            k += 1
        named = _make_name_mention(tokens.slice(j, k + 1), text) if _cap_word(tokens[k]) else None
        if named is not None and k == j and k + 1 < hi and tokens[k + 1].text.islower():
            # "said Harborist strategist Bo Lee": one capitalised word, then lowercase: a modifier.
            named = _modified_name(tokens, j, hi, text) or named
        if named is None:
            # "said Democratic strategist Bo Lee", "said retired teacher Ann Lowe": an adjective or a
            # role word, then lowercase words, then the name.
            return _modified_name(tokens, j, hi, text)
        # "said John Smith, a spokesman for the company."
        if (
            named.role is None
            and k + 2 < hi
            and tokens[k + 1].text == ","
            and tokens[k + 2].lower in ("a", "an", "the")
        ):
            e = k + 3
            while e < hi and tokens[e].text not in ",.;:!?—" and e - k < 16:
                e += 1
            role = text[tokens[k + 3].start : tokens[e - 1].end] if e - 1 >= k + 3 else None
            return Mention(named.kind, named.start, named.end, named.name, role)
        return named
    if tok.lower in _DETERMINERS and j + 1 < hi and _cap_word(tokens[j + 1]):
        # "the Security Council": the capitalised name after the article, nothing more.
        named = object_after(tokens, j + 1, hi, text)
        if named is not None:
            return named
    if not _cap_word(tok) and tok.lower not in _DETERMINERS | ROLE_WORDS | _STOP:
        return _modified_name(tokens, j, hi, text)
    if tok.lower in _DETERMINERS:
        while (
            k + 1 < hi and tokens[k + 1].is_word() and k - j < 6 and tokens[k + 1].lower not in NOT_NAME_WORDS
        ):
            if tokens[k + 1].lower in _NP_LINKS and not (
                k + 2 < hi and tokens[k + 2].lower in _DETERMINERS | {"the"}
            ):
                break
            k += 1
        if k == j:
            return None
        start, end = tokens[j].start, tokens[k].end
        return Mention("phrase", start, end, text[start:end])
    return None


_STOP = NOT_NAME_WORDS | _NP_LINKS | _MORE_PREPOSITIONS


def _modified_name(tokens: Tokens, j: int, hi: int, text: str) -> Mention | None:
    """A name after lowercase or numeric modifiers: "said 9/11 widow Ann Lee", "said longtime aide Bo
    Chan", "said Democratic strategist Bo Lee". The words before the name are the role."""
    tok = tokens[j]
    for k2 in range(j + 1, min(hi, j + 6)):
        if not tokens[k2].is_word() or tokens[k2].lower in _STOP or tokens[k2].lower in _DETERMINERS:
            break
        if _cap_word(tokens[k2]):
            if k2 == j + 1 and _cap_word(tok):
                break  # two capitalised words: a name or a body the run above has read
            named = object_after(tokens, k2, hi, text)
            if named is None or named.kind != "name":
                break
            role = text[tok.start : tokens[k2 - 1].end] + (" " + named.role if named.role else "")
            return Mention("name", tok.start, named.end, named.name, role)
    return None
