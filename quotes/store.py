"""The SQLite store: schema and migrations, per-article writes, export.

This module, the derived tables it feeds (:mod:`quotes.derived`) and the clustering index's
tables (:mod:`quotes.index_store`) are the only code that touches SQLite.  Writes are idempotent by
construction: an article is keyed by id and content hash, mention ids derive from offsets, and
every derived table (quotes, speakers, aliases) is recomputed from the stored mentions by
:func:`quotes.derived.refresh`.

Example::

    >>> db = open_db(":memory:")
    >>> sorted(t for t in db.table_names() if not t.startswith("_") and "_fts" not in t)[:3]
    ['article_people', 'articles', 'feed_state']
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import json
import os
import sqlite3
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator

import sqlite_utils
from sqlite_utils.migrations import Migrations

from . import index_store
from .cluster import Assignment, MentionText, QuoteIndex
from .extract import Mention, Person
from .personnames import name_key
from .settings import DEFAULT_DB_FOLDER
from .sources import Article

migrations = Migrations("quotes")

# Columns Datasette facets on; each gets an index so facets stay inside the time limit.
FACET_INDEXES = {
    "mentions": [["speaker_id"], ["quote_id"], ["article_id"], ["outlet"], ["method"], ["partial"],
                 ["published"], ["quote_id", "outlet"]],
    "quotes": [["speaker_id"], ["attribution_conflict"], ["first_seen"], ["outlet_count"]],
    "articles": [["outlet"], ["published"], ["content_hash"]],
    "speaker_aliases": [["alias"], ["kind"]],
    "mention_quotes": [["quote_id"]],
    "ingest_errors": [["run_id"]],
}
FTS_TABLES = {
    "mentions": ["text"],
    "quotes": ["canonical"],
    "articles": ["title", "text"],
}


def now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


@migrations()
def m001_initial_schema(db: sqlite_utils.Database) -> None:
    db["articles"].create({
        "id": str, "outlet": str, "url": str, "title": str, "published": str, "text": str,
        "content_hash": str, "source": str, "extractor_version": str, "ingested_at": str,
    }, pk="id")
    db["speakers"].create({
        "id": str, "name": str, "description": str, "wikidata_id": str, "mention_count": int,
        "quote_count": int, "outlet_count": int, "first_quoted": str, "last_quoted": str,
    }, pk="id")
    db["speaker_aliases"].create({
        "speaker_id": str, "alias": str, "kind": str, "article_count": int, "outlet_count": int,
        "outlets": str,
    }, pk=("speaker_id", "alias"), foreign_keys=[("speaker_id", "speakers", "id")])
    db["quotes"].create({
        "id": str, "canonical": str, "speaker_id": str, "mention_count": int, "article_count": int,
        "outlet_count": int, "first_seen": str, "last_seen": str, "first_outlet": str,
        "attribution_conflict": int, "speakers_named": str, "dirty": int,
    }, pk="id", foreign_keys=[("speaker_id", "speakers", "id")])
    db["mentions"].create({
        "id": str, "quote_id": str, "article_id": str, "speaker_id": str, "text": str,
        "start": int, "end": int, "cue": str, "speaker_mention": str, "speaker_name": str,
        "speaker_role": str, "method": str, "extracted_method": str, "partial": int,
        "confidence": float, "similarity": float, "diff": str, "outlet": str, "published": str,
    }, pk="id", foreign_keys=[
        ("quote_id", "quotes", "id"), ("article_id", "articles", "id"), ("speaker_id", "speakers", "id"),
    ])
    db["mention_quotes"].create({
        "mention_id": str, "quote_id": str, "is_primary": int, "similarity": float,
    }, pk=("mention_id", "quote_id"), foreign_keys=[("mention_id", "mentions", "id"), ("quote_id", "quotes", "id")])
    db["article_people"].create({
        "article_id": str, "name": str, "aliases": str, "roles": str,
    }, pk=("article_id", "name"), foreign_keys=[("article_id", "articles", "id")])
    db["ingest_runs"].create({
        "id": int, "started_at": str, "finished_at": str, "command": str, "sources": str, "status": str,
        "articles_seen": int, "articles_added": int, "articles_updated": int, "articles_unchanged": int,
        "mentions_added": int, "errors": int,
    }, pk="id")
    db["ingest_errors"].create({
        "id": str, "run_id": int, "source": str, "reason": str, "first_seen": str, "last_seen": str,
    }, pk="id", foreign_keys=[("run_id", "ingest_runs", "id")])
    for table, indexes in FACET_INDEXES.items():
        for columns in indexes:
            db[table].create_index(columns, if_not_exists=True)
    for table, columns in FTS_TABLES.items():
        db[table].enable_fts(columns, create_triggers=True, tokenize="porter", replace=True)


@migrations()
def m100_datasette_indexes(db: sqlite_utils.Database) -> None:
    """Indexes for the Datasette UI: date facets on published, and the outlet_changes and most_carried queries.

    On 1M mentions the date(published) facet took 1.1 s (over the 1 s facet limit) without its index, 0.3 s with it.
    """
    for sql in [
        "create index if not exists idx_mentions_published_date on mentions (date(published))",
        "create index if not exists idx_articles_published_date on articles (date(published))",
        "create index if not exists idx_mentions_outlet_similarity on mentions (outlet, similarity)",
        "create index if not exists idx_mentions_similarity on mentions (similarity)",
        "create index if not exists idx_quotes_carried on quotes (outlet_count, mention_count, first_seen)",
    ]:
        db.execute(sql)


@migrations()
def m200_feed_state(db: sqlite_utils.Database) -> None:
    """HTTP validators (ETag, Last-Modified) per feed and page URL, for the nightly conditional GETs."""
    db["feed_state"].create({
        "url": str, "kind": str, "etag": str, "last_modified": str, "article_id": str, "checked_at": str,
    }, pk="url", if_not_exists=True)


@migrations()
def m300_fts_triggers_on_indexed_columns(db: sqlite_utils.Database) -> None:
    """Re-index FTS only when an indexed column changes, not when statistics are refreshed."""
    for table, columns in FTS_TABLES.items():
        quoted = ", ".join(f'"{c}"' for c in columns)
        old_values = ", ".join(f'old."{c}"' for c in columns)
        new_values = ", ".join(f'new."{c}"' for c in columns)
        db.execute(f'DROP TRIGGER IF EXISTS "{table}_au"')
        db.execute(f"""
            CREATE TRIGGER "{table}_au" AFTER UPDATE OF {quoted} ON "{table}" BEGIN
              INSERT INTO "{table}_fts" ("{table}_fts", rowid, {quoted}) VALUES('delete', old.rowid, {old_values});
              INSERT INTO "{table}_fts" (rowid, {quoted}) VALUES (new.rowid, {new_values});
            END""")


@migrations()
def m500_sources_without_server_folders(db: sqlite_utils.Database) -> None:
    """Published source paths without the server's folders (issue 14): an absolute path keeps its last two parts.

    Ingest now stores paths relative to the folder holding the root it was given
    (``sources.relative_sources``); rows stored before keep ``folder/file`` of their absolute path,
    and a run's absolute roots keep their last part.
    """
    def short(path: str, parts: int) -> str:
        return "/".join(PurePosixPath(path).parts[1:][-parts:]) if path.startswith("/") else path

    for table in ("articles", "ingest_errors"):
        rows = db.execute(f"select rowid, source from [{table}] where source like '/%'").fetchall()
        for rowid, source in rows:
            db.execute(f"update [{table}] set source = ? where rowid = ?", [short(source, 2), rowid])
    for rowid, sources in db.execute("select rowid, sources from ingest_runs where sources like '%\"/%'").fetchall():
        try:
            paths = json.loads(sources)
        except ValueError:
            continue
        if isinstance(paths, list):
            shortened = [short(p, 1) if isinstance(p, str) else p for p in paths]
            db.execute("update ingest_runs set sources = ? where rowid = ?", [json.dumps(shortened), rowid])


@migrations()
def m550_article_encoding(db: sqlite_utils.Database) -> None:
    """How each article's input file was decoded: "utf-8", "utf-16", "utf-32", an HTML page's declared
    charset, or the "cp1252" fallback (null for feed pages)."""
    if "encoding" not in db["articles"].columns_dict:
        db["articles"].add_column("encoding", str)


@migrations()
def m600_key_terms(db: sqlite_utils.Database) -> None:
    """Key terms (topics): per mention as extracted, per quote summed over its versions, faceted by term."""
    if "key_terms" not in db["mentions"].columns_dict:
        db["mentions"].add_column("key_terms", str)
    db["quote_terms"].create({"quote_id": str, "term": str, "score": float}, pk=("quote_id", "term"),
                             foreign_keys=[("quote_id", "quotes", "id")], if_not_exists=True)
    db["quote_terms"].create_index(["term"], if_not_exists=True)


@migrations()
def m650_first_printed_ties(db: sqlite_utils.Database) -> None:
    """Who printed a quote first, honest about ties: ``first_outlets`` and ``first_outlet_count``.

    Every quote is marked for the next ingest's refresh, which fills them (and drops the
    attribution comma from canonical texts).
    """
    db["quotes"].add_column("first_outlets", str)
    db["quotes"].add_column("first_outlet_count", int)
    db.execute("update quotes set dirty = 1")


@migrations()
def m651_feed_entries(db: sqlite_utils.Database) -> None:
    """The entries a feed listed when last fetched, so its pages are re-checked while it answers 304."""
    db["feed_state"].add_column("entries", str)


@migrations()
def m652_error_fingerprints(db: sqlite_utils.Database) -> None:
    """What a rejected input looked like (a content hash), so the same rejection is reported only once."""
    db["ingest_errors"].add_column("fingerprint", str)


@migrations()
def m700_quote_index_tables(db: sqlite_utils.Database) -> None:
    """The clustering index in SQLite (quotes/index_store.py), so an ingest no longer rebuilds it in memory
    from every stored mention (20 new articles into 1M mentions took 48.9 s, nearly all of it that rebuild).

    A database that already holds mentions gets its index built from them once, here.
    """
    index_store.create_tables(db.conn)
    if db.execute("select exists (select 1 from mentions)").fetchone()[0]:
        index_store.write_index(db.conn, build_quote_index(db))


@migrations()
def m701_refresh_indexes(db: sqlite_utils.Database) -> None:
    """Indexes that let derived.refresh read what a run changed, not every mention: the dirty quotes,
    and the (article, speaker name) pairs of named mentions (a partial, covering index).

    On 1M synthetic mentions, finding dirty quotes and orphaned links took 4.6 s by full scans.
    """
    db.execute("create index if not exists idx_quotes_dirty on quotes (id) where dirty = 1")
    db.execute("create index if not exists idx_mentions_speaker_pairs on mentions (speaker_name, article_id, speaker_id) "
               "where speaker_name is not null")


@migrations()
def m702_number_word_keys(db: sqlite_utils.Database) -> None:
    """The clustering index's word keys keep a number whole ("9:40", "1,500": quotes.variants.words);
    an index built before splits them, so a database holding such a mention gets its index rebuilt once."""
    if db.execute("select exists (select 1 from mentions where text glob '*[0-9][:,][0-9]*')").fetchone()[0]:
        rebuild_quote_index(db)


def prepare_db_folder(path: str | Path) -> None:
    """Make sure the database's folder exists: the default ``db/`` is created, any other is not.

    Raises FileNotFoundError naming the missing folder (a mistyped ``--db`` must not create a tree).
    """
    folder = Path(path).parent
    if folder.is_dir():
        return
    if folder.resolve() == DEFAULT_DB_FOLDER.resolve():
        folder.mkdir(exist_ok=True)
        return
    raise FileNotFoundError(f"folder {folder} does not exist (create it first, or choose another --db)")


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open (creating the file if needed) a quotes database, in WAL mode, fully migrated.

    The folder must exist (see :func:`prepare_db_folder`).
    """
    if str(path) != ":memory:":
        prepare_db_folder(path)
        db = sqlite_utils.Database(path)
        db.enable_wal()
    else:
        db = sqlite_utils.Database(memory=True)
    db.execute("PRAGMA busy_timeout = 30000")
    migrations.apply(db)
    return db


def open_read_only(path: str | Path) -> sqlite_utils.Database:
    """Open an existing database for reading only: it is never created, migrated or written.

    ``mode=ro`` sees what a concurrent ingest commits. A WAL database in a folder we cannot write
    (SQLite cannot make its ``-shm`` index there) only opens as ``immutable=1``: a snapshot.
    """
    return sqlite_utils.Database(connect_read_only(path)[0])


def connect_read_only(path: str | Path) -> tuple[sqlite3.Connection, str]:
    """A read-only connection to ``path`` and the URI parameter that opened it (``mode=ro`` or ``immutable=1``)."""
    if not Path(path).is_file():
        raise FileNotFoundError(f"no database at {path}")
    uri = Path(path).resolve().as_uri()
    error: sqlite3.Error | None = None
    for mode in ("mode=ro", "immutable=1"):
        conn = sqlite3.connect(f"{uri}?{mode}", uri=True)
        try:
            conn.execute("select count(*) from sqlite_master").fetchone()
            return conn, mode
        except sqlite3.Error as failure:
            conn.close()
            error = failure
    raise error


def is_writable(path: str | Path) -> bool:
    """Whether this process may write the database file and make its journal files beside it."""
    path = Path(path)
    return os.access(path, os.W_OK) and os.access(path.resolve().parent, os.W_OK)


def pending_migrations(db: sqlite_utils.Database) -> list[str]:
    """Names of the migrations not yet applied to ``db`` (read only)."""
    return [m.name for m in migrations.pending(db)]


# --- ingest runs and errors -------------------------------------------------------------------

def start_run(db: sqlite_utils.Database, command: str, sources: list[str]) -> int:
    with db.atomic():
        return db["ingest_runs"].insert({
            "started_at": now(), "command": command, "sources": json.dumps(sources), "status": "running",
        }).last_pk


def finish_run(db: sqlite_utils.Database, run_id: int, status: str, counts: dict) -> None:
    with db.atomic():
        db["ingest_runs"].update(run_id, {"finished_at": now(), "status": status, **counts})


def mark_interrupted_runs(db: sqlite_utils.Database) -> int:
    """Runs still "running" while we hold the ingest lock were killed: mark them "interrupted"."""
    with db.atomic():
        cursor = db.execute("update ingest_runs set status = 'interrupted' where status = 'running'")
    return cursor.rowcount


def delete_run(db: sqlite_utils.Database, run_id: int) -> None:
    with db.atomic():
        db["ingest_runs"].delete(run_id)


def record_error(db: sqlite_utils.Database, run_id: int, source: str, reason: str,
                 fingerprint: str | None = None) -> bool:
    """Record rejected input once per (source, reason); a re-run only updates last_seen.

    ``fingerprint`` identifies the input's content (a hash).  Returns False when the same input
    was already rejected for the same reason (same fingerprint): it was reported then.
    """
    error_id = hashlib.sha1(f"{source}\x1f{reason}".encode("utf-8")).hexdigest()[:16]
    with db.atomic():
        existing = db.execute("select first_seen, fingerprint from ingest_errors where id = ?", [error_id]).fetchone()
        db["ingest_errors"].upsert({
            "id": error_id, "run_id": run_id, "source": source, "reason": reason,
            "first_seen": existing[0] if existing else now(), "last_seen": now(), "fingerprint": fingerprint,
        }, pk="id")
    return not (existing and fingerprint and existing[1] == fingerprint)


# --- articles ------------------------------------------------------------------------------------

def article_is_current(db: sqlite_utils.Database, article_id: str, content_hash: str, extractor_version: str) -> bool:
    row = db.execute("select content_hash, extractor_version from articles where id = ?", [article_id]).fetchone()
    return row is not None and row[0] == content_hash and row[1] == extractor_version


def article_exists(db: sqlite_utils.Database, article_id: str | None) -> bool:
    return article_id is not None and db.execute(
        "select 1 from articles where id = ?", [article_id]).fetchone() is not None


def feed_validators(db: sqlite_utils.Database, url: str) -> tuple | None:
    """(etag, last_modified, kind, article_id) stored for a feed or page URL, or None."""
    return db.execute("select etag, last_modified, kind, article_id from feed_state where url = ?",
                      [url]).fetchone()


def feed_entries(db: sqlite_utils.Database, url: str) -> dict:
    """``{"title", "entries"}`` of a feed when it was last fetched in full, or {}."""
    row = db.execute("select entries from feed_state where url = ?", [url]).fetchone()
    return json.loads(row[0]) if row and row[0] else {}


def save_feed_validators(db: sqlite_utils.Database, rows: list[dict]) -> None:
    with db.atomic():
        db["feed_state"].upsert_all(rows, pk="url")


def load_quote_index(db: sqlite_utils.Database) -> index_store.StoredQuoteIndex:
    """The stored clustering index: rows are read as new mentions touch them, nothing up front."""
    return index_store.StoredQuoteIndex(db.conn)


def rebuild_quote_index(db: sqlite_utils.Database) -> None:
    """Rebuild the stored index from every stored mention (after mentions were loaded in bulk).

    Holds the whole index in memory while it runs (about 2.5 KB a mention).
    """
    with db.atomic():
        index_store.write_index(db.conn, build_quote_index(db))


def build_quote_index(db: sqlite_utils.Database) -> QuoteIndex:
    """An in-memory QuoteIndex holding every stored mention."""
    index = QuoteIndex()
    rows = db.execute("select id, quote_id, text, speaker_name, published, article_id from mentions order by id")
    index.load_existing((quote_id, MentionText(mention_id, text, name_key(speaker_name), published, article_id))
                        for mention_id, quote_id, text, speaker_name, published, article_id in rows)
    return index


def mention_id_for(article_id: str, mention: Mention) -> str:
    return f"{article_id}:{mention.start}-{mention.end}"


def save_article(db: sqlite_utils.Database, article: Article, content_hash: str, extractor_version: str,
                 mentions: list[Mention], people: list[Person], index: QuoteIndex,
                 terms: dict[tuple[int, int], list[tuple[str, float]]] | None = None) -> tuple[bool, int]:
    """Store one cleaned article with its mentions and people, in one transaction.

    ``terms`` maps a mention's (start, end) to its key terms (:func:`quotes.topics.mention_terms`).
    Returns (was_update, mentions_written).  A changed article's old mentions are replaced.
    A stored index's changes are written in the same transaction (or forgotten with it).
    """
    terms = terms or {}
    with db.atomic(), _index_changes(index):
        old_ids = [row[0] for row in db.execute("select id from mentions where article_id = ?", [article.id])]
        was_update = db.execute("select 1 from articles where id = ?", [article.id]).fetchone() is not None
        if old_ids:
            old_quotes = [row[0] for row in db.execute(
                "select distinct quote_id from mention_quotes where mention_id in (select id from mentions where article_id = ?)",
                [article.id])]
            db.execute("delete from mention_quotes where mention_id in (select id from mentions where article_id = ?)",
                       [article.id])
            db.execute("delete from mentions where article_id = ?", [article.id])
            mark_dirty(db, old_quotes)
        db.execute("delete from article_people where article_id = ?", [article.id])
        db["articles"].upsert({
            "id": article.id, "outlet": article.outlet, "url": article.url, "title": article.title,
            "published": article.published, "text": article.text, "content_hash": content_hash,
            "source": article.source, "extractor_version": extractor_version, "ingested_at": now(),
            "encoding": article.encoding,
        }, pk="id")
        for old_id in old_ids:
            index.remove(old_id)
        people_rows = {p.name: {"article_id": article.id, "name": p.name, "aliases": json.dumps(p.aliases),
                                "roles": json.dumps(p.roles)} for p in people}
        mention_rows, link_rows, touched = [], [], set()
        for mention in sorted(mentions, key=lambda m: (m.start, m.end)):
            mention_id = mention_id_for(article.id, mention)
            assignment: Assignment = index.assign(MentionText(
                mention_id, mention.text, name_key(mention.speaker), article.published, article.id))
            if mention.speaker and mention.speaker not in people_rows:
                people_rows[mention.speaker] = {"article_id": article.id, "name": mention.speaker,
                                                "aliases": json.dumps([mention.speaker]), "roles": json.dumps(
                                                    [mention.speaker_role] if mention.speaker_role else [])}
            mention_rows.append({
                "id": mention_id, "quote_id": assignment.quote_id, "article_id": article.id,
                "speaker_id": None, "text": mention.text, "start": mention.start, "end": mention.end,
                "cue": mention.cue, "speaker_mention": mention.speaker_mention, "speaker_name": mention.speaker,
                "speaker_role": mention.speaker_role, "method": mention.method,
                "extracted_method": mention.method, "partial": int(mention.partial),
                "confidence": mention.confidence, "similarity": assignment.similarity, "diff": None,
                "outlet": article.outlet, "published": article.published,
                "key_terms": json.dumps(terms.get((mention.start, mention.end), [])),
            })
            links = assignment.links or [(assignment.quote_id, assignment.similarity)]
            for quote_id, score in links:
                link_rows.append({"mention_id": mention_id, "quote_id": quote_id,
                                  "is_primary": int(quote_id == assignment.quote_id), "similarity": score})
                touched.add(quote_id)
            touched.add(assignment.quote_id)
            # Earlier mentions whose extra sentence this one's quote now renders.
            for earlier_id, quote_id, score in assignment.backlinks:
                link_rows.append({"mention_id": earlier_id, "quote_id": quote_id, "is_primary": 0,
                                  "similarity": score})
                touched.add(quote_id)
        mark_dirty(db, touched)
        if people_rows:
            db["article_people"].insert_all(people_rows.values(), pk=("article_id", "name"), replace=True)
        if mention_rows:
            db["mentions"].insert_all(mention_rows, pk="id", replace=True)
        if link_rows:
            db["mention_quotes"].insert_all(link_rows, pk=("mention_id", "quote_id"), replace=True)
    return was_update, len(mention_rows)


@contextlib.contextmanager
def _index_changes(index: QuoteIndex) -> Iterator[None]:
    """A stored index writes its changes at the end of the article's transaction, or forgets them."""
    if not isinstance(index, index_store.StoredQuoteIndex):
        yield
        return
    try:
        yield
        index.flush()
    except BaseException:
        index.forget()  # rolled back with the transaction: read again when needed
        raise


def mark_dirty(db: sqlite_utils.Database, quote_ids: Iterable[str]) -> None:
    """Flag quotes for the end-of-ingest refresh, creating a placeholder row for a new quote.

    In id order: a set's order follows the hash seed, and new rows' rowids (FTS too) would with it.
    """
    db.conn.executemany("insert into quotes (id, dirty) values (?, 1) on conflict(id) do update set dirty = 1",
                        [(quote_id,) for quote_id in sorted(quote_ids)])


# --- reading -------------------------------------------------------------------------------------

def export_rows(db: sqlite_utils.Database) -> Iterator[dict]:
    """One dict per mention, in the export contract's shape (article order, then offset)."""
    # quote_ids: every quote the mention renders (mention_quotes), the primary first, then by link
    # strength; a mention without link rows (none are written for it) renders its primary alone.
    sql = """
        select m.article_id as article, m.text, m.start, m."end", s.name as speaker, m.quote_id,
               (select json_group_array(quote_id) from (
                  select l.quote_id from mention_quotes l where l.mention_id = m.id and l.quote_id != m.quote_id
                  order by l.similarity desc, l.quote_id)) as other_quote_ids,
               q.canonical, m.outlet, m.published, m.speaker_mention, m.cue, m.method, m.partial,
               m.confidence, m.similarity
        from mentions m
        left join speakers s on s.id = m.speaker_id
        left join quotes q on q.id = m.quote_id
        order by m.article_id, m.start
    """
    for row in db.query(sql):
        others = json.loads(row.pop("other_quote_ids") or "[]")
        row["partial"] = bool(row["partial"])
        out = {}
        for key, value in row.items():
            out[key] = value
            if key == "quote_id":
                out["quote_ids"] = [value, *others]
        yield out


def table_counts(db: sqlite_utils.Database) -> dict[str, int]:
    """Row count of every table that holds data (not FTS shadows)."""
    return {name: db[name].count for name in sorted(db.table_names())
            if "_fts" not in name and not name.startswith("_")}


def article_ids(db: sqlite_utils.Database) -> set[str]:
    """Ids of every stored article."""
    return {row[0] for row in db.execute("select id from articles")}


def stored_articles(db: sqlite_utils.Database) -> Iterator[dict]:
    yield from db.query("select * from articles order by id")
