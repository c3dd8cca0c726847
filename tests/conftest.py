"""Shared fixtures: one spaCy pipeline per session, the seed corpus and a database built from it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from quotes import store
from quotes.extract import Mention, load_nlp

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold" / "seeds.gold.jsonl"
REFEREE = SHARED / "tools" / "score_quotes.py"
SAMPLE = REPO / "scripts" / "sample-corpus"


@dataclass(frozen=True)
class Corpus:
    """A corpus the page, browser and end-to-end tests run on, with facts about it they check."""

    name: str
    path: Path
    quote_start: str  # start of a quote several outlets printed, as `outlet` printed it
    outlet: str
    outlets: frozenset  # outlets that print that quote
    article_id: str  # `outlet`'s article
    headline: str
    context: str  # words of the quote's sentence in that article, outside the quote
    article_words: str  # reporter's words elsewhere in that article
    date: str  # its publication date
    speaker: str
    alias: str
    role: str
    words: str  # words of that quote, for full-text search
    query: str  # a speaker + word query for the one search box
    query_hit: str  # words of the speaker's quote it must find
    query_miss: str  # words of someone else's quote with the same word (must not be found)
    gold: Path  # gold annotations of every quote (format of ../shared/gold/README.md)


CORPORA = [
    Corpus("seeds", SEEDS, "Let me be clear", "The Hill", frozenset({"The Hill", "The New York Times"}),
           "000_f8c669939c954ce1", "Pentagon: ‘All options are on the table’", "Esper added.",
           "Defense Secretary Mark Esper told reporters", "2020-03-12", "Mark Esper", "Mr. Esper",
           "Defense Secretary", "tolerate attacks", "Esper Iran", "Iranian-backed", "most likely is backed by Iran",
           GOLD),
    # Invented articles shipped with the project, so a clone without ../shared runs the same tests.
    Corpus("sample", SAMPLE, "We will not wait", "Riverton Daily",
           frozenset({"Riverton Daily", "Coastal Wire", "Harbor Gazette"}), "riverton-daily",
           "Riverton approves harbor flood wall", "Mayor Elena Marsh said.", "council voted on Tuesday",
           "2024-04-03", "Elena Marsh", "Ms. Marsh", "Mayor", "next flood", "Mayor Marsh steel",
           "Norwegian-made steel", "Nobody has priced the steel",
           REPO / "scripts" / "sample-gold.jsonl"),
]


@pytest.fixture(scope="session", params=[c for c in CORPORA if c.path.is_dir()], ids=lambda c: c.name)
def corpus(request) -> Corpus:
    """Each corpus present: the seeds when ../shared is there, the bundled sample always."""
    return request.param


@pytest.fixture(scope="session")
def ingested_db(tmp_path_factory, nlp):
    """``ingested_db(folder)``: a database file of the ingested folder, built once per session (read-only)."""
    from quotes.ingest import ingest
    from quotes.sources import read_paths

    built: dict[Path, Path] = {}

    def build(folder: Path) -> Path:
        if folder not in built:
            path = tmp_path_factory.mktemp(f"{folder.name}db") / "quotes.db"
            db = store.open_db(path)
            ingest(db, read_paths([folder]), nlp)
            db.close()
            built[folder] = path
        return built[folder]

    return build


@pytest.fixture(scope="session")
def corpus_db_path(ingested_db, corpus) -> Path:
    """A database file holding the ingested corpus (built once per corpus; treat as read-only)."""
    return ingested_db(corpus.path)


# Helpers of the extractor tests (test_extract, test_marks, test_people, test_attribution, test_resolution).
def quotes_of(nlp, text: str) -> list[Mention]:
    """The mentions of ``text``, checking each one's offsets point at its text."""
    mentions = nlp(text)._.quotes
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.text
    return mentions


def pairs(nlp, text: str) -> list[tuple[str, str | None]]:
    """(quoted text, speaker) of every mention of ``text``."""
    return [(m.text, m.speaker) for m in quotes_of(nlp, text)]


@pytest.fixture(autouse=True)
def allow_local_feeds(monkeypatch):
    """Feeds may reach 127.0.0.1, where the tests' HTTP servers listen (refused by default)."""
    monkeypatch.setenv("QUOTES_FETCH_ALLOW_HOSTS", "127.0.0.1")


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline with the quotes component, loaded once for the whole run."""
    return load_nlp()


@pytest.fixture
def fresh_db():
    """An empty, migrated in-memory database."""
    return store.open_db(":memory:")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not present")
    return SEEDS


@pytest.fixture(scope="session")
def gold_path() -> Path:
    if not GOLD.is_file():
        pytest.skip("../shared/gold/seeds.gold.jsonl is not present")
    return GOLD


@pytest.fixture
def write_article(tmp_path):
    """Write NAME.txt (and an optional NAME.json sidecar) into a temporary folder."""
    import json

    def write(name: str, text: str, meta: dict | None = None, folder: Path | None = None) -> Path:
        folder = folder or tmp_path / "corpus"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        if meta is not None:
            (folder / f"{name}.json").write_text(json.dumps(meta), encoding="utf-8")
        return path

    return write
