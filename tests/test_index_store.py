"""The clustering index in SQLite: same assignments as the in-memory index, a cost that does not
grow with the archive, one run equal to several, and a migration that indexes an existing database."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sqlite3
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

from quotes import index_store, store
from quotes.cluster import MentionText, QuoteIndex
from quotes.index_store import StoredQuoteIndex
from quotes.ingest import ingest
from quotes.sources import read_paths
from tests.test_cluster import DIFFERENT, FULL, VARIANTS
from tests.test_nightly import snapshot, write_corpus

REPO = Path(__file__).resolve().parent.parent

# Articles of mentions (id, text, speaker key, date): every kind of variant, mentions of several
# sentences that join quotes printed apart (and tails that later founders re-home), an echo in
# the same article, and a stock phrase printed by many speakers (a posting that becomes a stop key).
JOINED = ("The harbour will reopen on Monday once the divers have finished their inspection. "
          "Our farmers deserve a fair price for every litre of milk they produce.")
TAILED = ("The ceasefire must hold, and every side has to respect it. "
          "The new bridge across the estuary will carry trains by spring.")


def articles() -> list[list[tuple[str, str, str | None, str]]]:
    result = []
    for n, (first, second) in enumerate([*VARIANTS.values(), *DIFFERENT.values()]):
        speaker = ["doe", "roe", None][n % 3]
        result.append([(f"a{n}:0-9", first, speaker, f"2026-03-{1 + n % 20:02d}")])
        result.append([(f"b{n}:0-9", second, speaker, f"2026-03-{2 + n % 20:02d}")])
    result.append([("j1:0-9", JOINED, "doe", "2026-03-25"), ("j1:20-29", "the harbour will reopen", "doe", "2026-03-25")])
    result.append([("t1:0-9", TAILED, "roe", "2026-03-26")])
    result.append([("e1:0-9", "Nobody in this town will be left without a roof this winter.", "kim", "2026-03-26"),
                   ("e1:80-89", "without a roof", None, "2026-03-26")])
    result.append([("t2:0-9", "the new bridge across the estuary will carry trains by spring", "roe", "2026-03-27")])
    result.append([(f"s{n}:0-9", f"Thank you all for coming {n} times", f"p{n}", "2026-03-28") for n in range(120)])
    result.append([("s-late:0-9", "Thank you all for coming", "q", "2026-03-29")])
    # Short fragments of one speaker in one news cycle, before and after the fuller quote, and a
    # paraphrased two-word fragment: the speaker's recent (short) units and their stems are used.
    result.append([("f1:0-9", "for days", "lee", "2026-04-01"), ("f1:20-29", "strong signals", "lee", "2026-04-01")])
    result.append([("f2:0-9", FULL, "lee", "2026-04-02")])
    result.append([("f3:0-9", "the rebels", "lee", "2026-04-02"), ("f3:20-29", "great confidence", "lee", "2026-04-02")])
    result.append([("f4:0-9", "We know with great certainty where the shells came from.", "lee", "2026-04-02")])
    return result


def assignments(index: QuoteIndex, batch) -> list[dict]:
    return [asdict(index.assign(MentionText(mid, text, speaker, day, mid.split(":")[0])))
            for mid, text, speaker, day in batch]


def flush(index: StoredQuoteIndex) -> None:
    """As save_article does: the index's writes in one transaction."""
    index.conn.execute("begin")
    index.flush()
    index.conn.execute("commit")


def test_stored_index_assigns_as_the_in_memory_index(tmp_path):
    """Flushed after every article and reopened (a new run) every few: the same assignments, always."""
    memory = QuoteIndex()
    conn = sqlite3.connect(tmp_path / "index.db", isolation_level=None)
    index_store.create_tables(conn)
    stored = StoredQuoteIndex(conn)
    expected, actual = [], []
    batches = articles()
    # A re-ingested article: its old mentions go, new ones come (removal through the stored rows).
    batches.append([("a0:0-9", VARIANTS["typo"][0], "doe", "2026-03-30")])
    for number, batch in enumerate(batches):
        if batch[0][0] == "a0:0-9" and number:
            memory.remove("a0:0-9")
            stored.remove("a0:0-9")
        expected.extend(assignments(memory, batch))
        actual.extend(assignments(stored, batch))
        flush(stored)
        assert not stored.postings.cache and not stored.quotes.cache  # nothing held between articles
        if number % 5 == 4:
            stored = StoredQuoteIndex(conn)
    assert expected == actual
    assert any(a["backlinks"] for a in expected) and any(len(a["links"]) > 1 for a in expected)
    assert {"exact", "near", "contain", "echo", "reword", "short"} <= {a["kind"] for a in expected}
    assert conn.execute("select count(*) from quote_index_stopped").fetchone()[0] >= 1
    assert len(memory) == len(stored)


def test_written_index_equals_the_one_built_by_assigning(tmp_path):
    """write_index (migration, bulk loads) stores exactly what assigning mention by mention stores."""
    conn_a = sqlite3.connect(tmp_path / "a.db", isolation_level=None)
    conn_b = sqlite3.connect(tmp_path / "b.db", isolation_level=None)
    for conn in (conn_a, conn_b):
        index_store.create_tables(conn)
    memory, stored = QuoteIndex(), StoredQuoteIndex(conn_b)
    for batch in articles():
        assignments(memory, batch)
        assignments(stored, batch)
        flush(stored)
    with conn_a:
        conn_a.execute("begin")
        index_store.write_index(conn_a, memory)

    def rows(conn):
        return {table: sorted(conn.execute(f"select * from {table}").fetchall()) for table in index_store.TABLES}

    assert rows(conn_a) == rows(conn_b)


def test_two_runs_give_the_database_of_one(tmp_path, nlp):
    corpus = write_corpus(tmp_path / "all", 16)
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, names in ((first, range(0, 8)), (second, range(8, 16))):
        folder.mkdir()
        for number in names:
            for suffix in (".txt", ".json"):
                name = f"article-{number:03d}{suffix}"
                (folder / name).write_bytes((corpus / name).read_bytes())
    one = store.open_db(tmp_path / "one.db")
    ingest(one, read_paths([first, second]), nlp)
    two = store.open_db(tmp_path / "two.db")
    ingest(two, read_paths([first]), nlp)
    ingest(two, read_paths([second]), nlp)
    one.close()
    two.close()
    assert snapshot(tmp_path / "one.db") == snapshot(tmp_path / "two.db")


@pytest.fixture(scope="module")
def bench():
    loader = importlib.machinery.SourceFileLoader("quotes_bench_for_index", str(REPO / "scripts" / "bench"))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[loader.name] = module
    loader.exec_module(module)
    yield module
    sys.modules.pop(loader.name, None)


def sqlite_work(path: Path, nlp, corpus: Path) -> int:
    """SQLite virtual-machine steps (in thousands) an ingest of ``corpus`` into ``path`` takes."""
    db = store.open_db(path)
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    db.conn.set_progress_handler(count, 1000)
    ingest(db, read_paths([corpus]), nlp)
    db.conn.set_progress_handler(None, 0)
    db.close()
    return steps[0]


def test_ingest_work_does_not_grow_with_the_archive(tmp_path, nlp, bench):
    """The same new articles into 3,000 and into 30,000 stored mentions: about the same SQLite work
    (the old start-up rebuild read every stored mention: ten times the archive, ten times the work)."""
    corpus = write_corpus(tmp_path / "new", 3)
    work = {}
    for n in (3_000, 30_000):
        path = tmp_path / f"archive-{n}.db"
        bench.build_facet_db(path, n, lambda _message: None)
        work[n] = sqlite_work(path, nlp, corpus)
    assert work[30_000] < 1.5 * work[3_000], work


def test_migration_indexes_an_existing_database(tmp_path, nlp):
    """A database written before the index tables existed gets them filled from its mentions, once."""
    path = tmp_path / "old.db"
    db = store.open_db(path)
    ingest(db, read_paths([write_corpus(tmp_path / "corpus", 6)]), nlp)
    expected = {table: db.execute(f"select * from {table} order by 1").fetchall() for table in index_store.TABLES}
    for table in index_store.TABLES:
        db.execute(f"drop table {table}")
    db.execute("delete from _sqlite_migrations where name = 'm700_quote_index_tables'")
    db.conn.commit()
    db.close()

    db = store.open_db(path)
    rebuilt = {table: db.execute(f"select * from {table} order by 1").fetchall() for table in index_store.TABLES}
    assert 18 == len(rebuilt["quote_index_mentions"])
    # Built from stored mentions as the old start-up did: same mentions and quotes as the live index.
    assert [row[:2] for row in expected["quote_index_mentions"]] == [row[:2] for row in rebuilt["quote_index_mentions"]]
    assert [row[:2] for row in expected["quote_index_quotes"]] == [row[:2] for row in rebuilt["quote_index_quotes"]]


def test_migration_rebuilds_index_keys_that_split_numbers(tmp_path, nlp):
    """An index written when "9:40" was two words gets its keys rebuilt once, so the same words printed again
    join their quote by the exact key."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text("Ferry delayed\n\n“The last ferry left at 9:40 with 1,500 people on board,” "
                                    "harbour master Ines Moura said.\n", encoding="utf-8")
    path = tmp_path / "old.db"
    db = store.open_db(path)
    ingest(db, read_paths([corpus]), nlp)
    [key] = [k for (k,) in db.execute("select key from quote_index_units")]
    assert "the last ferry left at 940 with 1500 people on board" == key
    db.execute("update quote_index_units set key = 'the last ferry left at 9 40 with 1 500 people on board'")
    db.execute("delete from _sqlite_migrations where name = 'm702_number_word_keys'")
    db.conn.commit()
    db.close()

    db = store.open_db(path)
    assert [key] == [k for (k,) in db.execute("select key from quote_index_units")]
