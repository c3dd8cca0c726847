"""Shared fixtures: one spaCy pipeline per session, the seed corpus and a database built from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes import store
from quotes.extract import Mention, load_nlp

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold" / "seeds.gold.jsonl"
REFEREE = SHARED / "tools" / "score_quotes.py"


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


@pytest.fixture(scope="session")
def seed_db_path(tmp_path_factory, nlp, seeds_dir) -> Path:
    """A database file holding the ingested seed corpus (built once; treat as read-only)."""
    from quotes.ingest import ingest
    from quotes.sources import read_paths

    path = tmp_path_factory.mktemp("seeddb") / "quotes.db"
    db = store.open_db(path)
    ingest(db, read_paths([seeds_dir]), nlp)
    db.close()
    return path


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
