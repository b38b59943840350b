"""Throughput and start-up cost of the two entity engines on the same article dumps.

    .venv/bin/python benchmarks/bench_entities.py [--articles 200] [--skip-spacy] [--dumps DIR]

Two sets of dumps, parsed once (only entity finding is timed): the repository's samples, and synthetic
800-word articles built from fictional sentences that are denser in names than real news (every sentence
holds two or three), so a hard case; ``--dumps DIR`` adds any folder of dumps. Throughput is CPU time
(``time.process_time``, so other load on a shared machine counts less), best of ``--rounds`` passes; the
first pass, with the gazetteer's look-up memory still empty, is shown too. Start-up is measured in fresh
interpreters: importing the engine, loading its data or model, and finding the entities of a tiny article.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from newsinspect.model import Article

ROOT = Path(__file__).resolve().parent.parent
GIVEN = ["Anna", "Pavel", "Maria", "Jonas", "Leila", "Tomás", "Ingrid", "Samuel", "Ruth", "Omar"]
FAMILY = ["Halvorsen", "Okafor", "Brandt", "Ferreira", "Kowalczyk", "Sousa", "Abernathy", "Varga"]
TITLES = ["President", "Defense Minister", "Mayor", "analyst", "Senator", "spokeswoman"]
PLACES = ["Norway", "Lisbon", "Brazil", "Toronto", "Hamburg", "Kenya", "Ukraine", "Chile"]
ORGS = ["Northgate Bank", "Harlow Foundation", "Institute for Maritime Studies", "NATO", "Evening Herald"]
SENTENCES = [
    "{title} {person} said on Tuesday that {place} would support the plan.",
    "Earlier this month, {family} told the {org} that talks with {place} had stalled.",
    "“We will not accept this,” {family} said in a statement, according to Reuters.",
    "The {org} said its members in {place} and {place2} had voted against the proposal in March.",
    "However, critics in {place} say the money should go to schools and hospitals instead.",
    "{person}, a {demonym} economist at the {org}, expects prices to rise by four percent next year.",
    "Though the government denies it, officials from {place} met {title} {person} twice.",
    "On Monday, the {demonym} delegation left {place2} without an agreement on trade or borders.",
]
DEMONYMS = ["Norwegian", "Portuguese", "Brazilian", "Canadian", "German", "Kenyan"]


def synthetic_article(rng: random.Random, words: int = 800) -> str:
    lines = [f"{rng.choice(PLACES)} And {rng.choice(PLACES)} Agree On New Trade Terms"]
    count = 0
    paragraph: list[str] = []
    while count < words:
        sentence = rng.choice(SENTENCES).format(
            title=rng.choice(TITLES),
            person=f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
            family=rng.choice(FAMILY),
            place=rng.choice(PLACES),
            place2=rng.choice(PLACES),
            org=rng.choice(ORGS),
            demonym=rng.choice(DEMONYMS),
        )
        paragraph.append(sentence)
        count += len(sentence.split())
        if len(paragraph) == 3:
            lines.append(" ".join(paragraph))
            paragraph = []
    if paragraph:
        lines.append(" ".join(paragraph))
    return "\n\n".join(lines) + "\n"


def load_articles(n_synthetic: int, folders: list[Path] | None = None) -> dict[str, list[Article]]:
    from newsinspect.parse import parse_article

    rng = random.Random(4)
    corpora = {"samples": sorted((ROOT / "samples").glob("*.txt"))}
    for folder in folders or []:
        corpora[folder.name] = sorted(folder.glob("*.txt"))
    articles = {
        name: [parse_article(p.read_text(encoding="utf-8")) for p in paths] for name, paths in corpora.items()
    }
    articles["synthetic"] = [parse_article(synthetic_article(rng)) for _ in range(n_synthetic)]
    return articles


def _forget_lookups() -> None:
    """Empty the gazetteer's look-up memory, so that a pass starts as cold as a fresh process."""
    from newsinspect.lexicon.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    gazetteer.places.forget()
    gazetteer.given_names.forget()


def throughput(articles: list[Article], engine: str, rounds: int) -> tuple[float, float, float]:
    """Articles per CPU second (best of ``rounds``; and the first pass), mean words per article."""
    from newsinspect.entities import find_entities

    find_entities(articles[0], engine=engine)  # warm: data and model loaded outside the timing
    _forget_lookups()
    best = first = 0.0
    for number in range(rounds):
        start = time.process_time()
        for article in articles:
            find_entities(article, engine=engine)
        seconds = time.process_time() - start
        first = seconds if number == 0 else first
        best = seconds if number == 0 else min(best, seconds)
    words = statistics.mean(len(a.text.split()) for a in articles)
    return len(articles) / best, len(articles) / first, words


_STARTUP = """
import time
import newsinspect.parse, newsinspect.pipeline  # loaded by every command before the entities
from newsinspect.model import Article, Paragraph, Stats
t0 = time.process_time()
from newsinspect.entities import find_entities
from newsinspect.entities.engine_{engine} import find_entities_{engine}
t1 = time.process_time()
text = "Title\\nAnna Smith flew to Paris."
art = Article("Title", None, (), None, None, None, (), (Paragraph(text[6:], "paragraph", 6, len(text)),),
              Stats(0, 0, 0, 0.0), text=text, title_span=(0, 5))
find_entities(art, engine={engine!r})
print(t1 - t0, time.process_time() - t1)
"""


def startup_seconds(engine: str, runs: int = 5) -> tuple[float, float]:
    """Median CPU seconds, in fresh interpreters, to import the engine, then to load its data and find the
    entities of a tiny article (the parser and data model, which every command loads, come first)."""
    imports, firsts = [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", _STARTUP.format(engine=engine)], capture_output=True, text=True, check=True
        )
        imported, first = out.stdout.split()
        imports.append(float(imported))
        firsts.append(float(first))
    return statistics.median(imports), statistics.median(firsts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="synthetic 800-word articles")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-spacy", action="store_true")
    parser.add_argument(
        "--dumps", type=Path, action="append", help="also time the *.txt dumps of this folder"
    )
    args = parser.parse_args()

    corpora = load_articles(args.articles, args.dumps)
    engines = ["builtin"]
    if not args.skip_spacy:
        try:
            from newsinspect.entities.engine_spacy import load_model

            load_model()
            engines.append("spacy")
        except Exception as err:  # report it and go on with the built-in engine
            print(f"spacy engine skipped: {err}")
    rates: dict[tuple[str, str], float] = {}
    width = max(10, *(len(name) for name in corpora))
    header = f"{'engine':<8} {'dumps':<{width}} {'n':>4} {'words':>6} {'articles/s':>11} {'ms/article':>11}"
    print(f"{header} {'first pass':>11}   (CPU time)")
    for engine in engines:
        for corpus, articles in corpora.items():
            rounds = args.rounds if engine == "builtin" else 1
            rate, first_rate, words = throughput(articles, engine, rounds)
            rates[engine, corpus] = rate
            row = f"{engine:<8} {corpus:<{width}} {len(articles):>4} {words:>6.0f}"
            print(f"{row} {rate:>11.1f} {1000 / rate:>11.3f} {1000 / first_rate:>11.3f}")
    print()
    for engine in engines:
        imported, first = startup_seconds(engine)
        print(
            f"start-up {engine:<8} {1000 * (imported + first):7.1f} ms: import {1000 * imported:.1f} ms, "
            f"data/model load + one tiny article {1000 * first:.1f} ms"
        )
    if "spacy" in engines:
        for corpus in corpora:
            ratio = rates["builtin", corpus] / rates["spacy", corpus]
            print(f"built-in / spaCy throughput on {corpus}: {ratio:.0f}x")


if __name__ == "__main__":
    main()
