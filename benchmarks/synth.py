"""Synthetic news dumps for benchmarks: realistic shape, fictional content, reproducible.

Each dump looks like a page copied from a news site: the headline (sometimes twice), sometimes a dek, a
photo caption with a credit in parentheses, a byline, a date (and sometimes an "Updated:" one), now and then
a stray "0:00" from an audio player, then about 800 words of paragraphs, one per line, with a subheading,
a dateline, full and partial quotes with speakers, and recurring people, places and organisations.
All names are invented. The same (seed, index) always gives the same dump.

    python benchmarks/synth.py OUTDIR --count 1000 [--seed 7]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

FIRST = [
    "Ilse",
    "Tobias",
    "Mara",
    "Rafe",
    "Corin",
    "Ada",
    "Jonas",
    "Lena",
    "Oskar",
    "Priya",
    "Tomas",
    "Nadia",
    "Bram",
    "Sofia",
    "Kwame",
    "Elin",
    "Dario",
    "Mirela",
    "Hugo",
    "Yara",
    "Felix",
    "Anouk",
    "Idris",
    "Saskia",
]
LAST = [
    "Brannock",
    "Wren",
    "Quill",
    "Dunmore",
    "Vale",
    "Fenwick",
    "Perrin",
    "Okafor",
    "Lindqvist",
    "Achebe",
    "Marrow",
    "Castellane",
    "Holloway",
    "Ferreira",
    "Nakamura",
    "Osei",
    "Harrow",
    "Delacroix",
    "Kovalenko",
    "Ashby",
    "Thorne",
    "Galloway",
    "Verhoeven",
    "Santander",
]
TOWNS = [
    "Port Alder",
    "Gullpoint",
    "East Marrow",
    "Kestrel Bay",
    "Ashford Vale",
    "Norwick",
    "Saltmere",
    "Brackenridge",
    "Lowen",
    "Carrow Heights",
]
REGIONS = ["Valdoria", "the Northern Reach", "Estmark", "the Coastal Province", "Lornland"]
ORGS = [
    "Port Alder Council",
    "Coastal Heritage Trust",
    "Valdorian Rail",
    "Northern Reach Water Board",
    "Kestrel Bay Ferry Company",
    "Estmark Teachers Union",
    "Saltmere General Hospital",
    "Ministry of Harbours",
    "Lornland Farmers Cooperative",
    "Brackenridge Institute",
]
ROLES = [
    "Mayor",
    "Councillor",
    "spokeswoman",
    "spokesman",
    "chief executive",
    "Minister of Harbours",
    "union leader",
    "professor of economics",
    "head nurse",
    "fisherman",
    "shop owner",
    "resident",
]
TOPICS = [
    "the harbour wall",
    "the new ferry timetable",
    "water prices",
    "the school budget",
    "the rail line",
    "the hospital extension",
    "fishing quotas",
    "the flood defences",
    "housing on the old quay",
    "the winter storm repairs",
]
CUES = ["said", "told reporters", "added", "warned", "explained", "insisted", "argued"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
SHORT_MONTHS = [
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]
AGENCIES = ["Coastal Gazette", "Valdoria Press", "North Reach Images"]

FILLER = [
    "The plan has been discussed for years, but money has always been the sticking point.",
    "Officials expect the work to take at least two seasons, weather permitting.",
    "Several residents attended the meeting, which ran late into the evening.",
    "Critics say the costs were underestimated from the start and will keep rising.",
    "A consultation will open next month and run until the end of the year.",
    "The vote passed by a narrow margin after a long and sometimes heated debate.",
    "Businesses along the waterfront say they have already lost customers this season.",
    "Engineers surveyed the site twice last year and found the damage worse than feared.",
    "The regional government has promised to match any money raised locally.",
    "Figures released on Tuesday show the number of visitors fell for a third year.",
    "Some of the older buildings near the quay will need new foundations before work can begin.",
    "The committee will publish its recommendations in a report early next spring.",
]


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _date(rng: random.Random) -> str:
    year, month, day = rng.randint(2015, 2025), rng.randrange(12), rng.randint(1, 28)
    style = rng.randrange(4)
    if style == 0:
        return f"{MONTHS[month]} {day}, {year}"
    if style == 1:
        return f"{SHORT_MONTHS[month]} {day}, {year} {rng.randint(1, 12)}:{rng.randint(0, 59):02d} p.m."
    if style == 2:
        return f"{month + 1:02d}/{day:02d}/{year}"
    return f"{year}-{month + 1:02d}-{day:02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z"


def _quote_paragraph(rng: random.Random, cast: list[tuple[str, str]], topic: str) -> str:
    name, role = rng.choice(cast)
    surname = name.split()[-1]
    words = rng.sample(FILLER, 2)
    statement = f"We cannot wait any longer on {topic}. {words[0][:-1]}"
    shape = rng.randrange(5)
    if shape == 0:
        return f"“{statement},” {rng.choice(CUES)} {name}, the {role.lower()}."
    if shape == 1:
        return f"{role.capitalize()} {name} {rng.choice(CUES)}: “{statement}.”"
    if shape == 2:
        return f"“{statement},” {surname} said. “{words[1]}”"
    if shape == 3:
        cue = rng.choice(CUES)
        return f"{surname} called the decision “a step in the right direction” but {cue} more was needed."
    return f"“It is about trust,” {name} said, adding that {topic} had “divided the town for too long.”"


def make_dump(index: int, seed: int = 7, words: int = 800) -> str:
    """The text of dump number ``index``."""
    rng = random.Random(seed * 1_000_003 + index)
    town, other_town = rng.sample(TOWNS, 2)
    org, other_org = rng.sample(ORGS, 2)
    topic = rng.choice(TOPICS)
    region = rng.choice(REGIONS)
    cast = [(person(rng), rng.choice(ROLES)) for _ in range(rng.randint(2, 4))]
    verb = rng.choice(["Votes on", "Divided Over", "Delays Decision on", "Backs Plan for"])
    title = f"{town} {verb} {topic.title()}"

    header = [title]
    if rng.random() < 0.5:
        header.append(title)  # copied pages often repeat the headline
    if rng.random() < 0.4:
        header.append(f"The {org} says the cost of {topic} could double within five years")
    header.append(
        f"Workers near {other_town} on {rng.choice(MONTHS)} {rng.randint(1, 28)}. "
        f"({rng.choice(AGENCIES)}/{person(rng)})"
    )
    authors = person(rng) if rng.random() < 0.7 else f"{person(rng)} and {person(rng)}"
    header.append(f"By {authors}")
    header.append(_date(rng))
    if rng.random() < 0.3:
        header += ["Updated:", _date(rng)]
    if rng.random() < 0.2:
        header.append("0:00")

    body: list[str] = []
    count = 0
    first = f"{town.upper()}, {region} — " if rng.random() < 0.5 else ""
    lead = (
        f"{first}The {org} on {rng.choice(['Monday', 'Tuesday', 'Friday'])} moved ahead with {topic}, "
        f"a decision that {cast[0][0]}, the {cast[0][1].lower()}, described as long overdue."
    )
    body.append(lead)
    count += len(lead.split())
    while count < words:
        roll = rng.random()
        if roll < 0.35:
            paragraph = _quote_paragraph(rng, cast, topic)
        elif roll < 0.4 and len(body) > 4:
            paragraph = rng.choice(["What happens next", "A long history", "Money and doubts", "Reaction"])
        else:
            sentences = rng.sample(FILLER, rng.randint(2, 3))
            if rng.random() < 0.5:
                sentences.append(f"The {other_org} in {other_town} has said it will review the matter.")
            paragraph = " ".join(sentences)
        body.append(paragraph)
        count += len(paragraph.split())
    separator = "\n\n" if rng.random() < 0.5 else "\n"
    return "\n".join(header) + "\n\n" + separator.join(body) + "\n"


def write_corpus(directory: Path, count: int, seed: int = 7) -> list[Path]:
    """Write dumps 0..count-1 as ``directory/NNNNNN.txt`` (kept if already there); their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = directory / f"{index:06d}.txt"
        if not path.exists():
            path.write_text(make_dump(index, seed), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description="Write synthetic news dumps.")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    write_corpus(args.outdir, args.count, args.seed)
    print(f"wrote {args.count} dumps to {args.outdir}")


if __name__ == "__main__":
    main()
