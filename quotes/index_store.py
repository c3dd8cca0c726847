"""The clustering index kept in SQLite, so an ingest costs what it adds, not the archive's size.

:class:`StoredQuoteIndex` is a :class:`quotes.cluster.QuoteIndex` whose containers (those
:class:`quotes.variant_index.VariantIndex` declares: stored variants, postings of content words and
bigrams, exact keys, quote statistics, mentions, each speaker's recent units and short fragments) are
views of the ``quote_index_*`` tables: a row is read the first time matching touches it, and
:meth:`StoredQuoteIndex.flush` writes the rows that changed, in the caller's transaction, then
forgets them all.  Memory is what one article's mentions touch; the matching logic is
QuoteIndex's own, unchanged, so results are those of the in-memory index.

The tables are created by the migrations in ``quotes/store.py``; :func:`write_index` fills
them from an in-memory index (a database built before the tables existed).

Example::

    >>> index = StoredQuoteIndex(db.conn)
    >>> index.assign(MentionText("a:1-9", "We will win.", "doe")).new_quote
    True
    >>> index.flush()   # inside the article's transaction
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import MutableMapping
from typing import Any, Iterator

from .cluster import QuoteIndex
from .variant_index import MAX_POSTING, IndexedQuote

_ABSENT = object()

SCHEMA = [
    # A stored variant: a mention's whole normalized text or one of its sentences (QuoteIndex "unit").
    """create table if not exists quote_index_units (
         id integer primary key, key text not null, quote_id text, article_id text, role integer, refs integer)""",
    "create index if not exists quote_index_units_key on quote_index_units (key)",
    # Units holding a content word or bigram ("w1 w2"), ascending ids separated by spaces.
    "create table if not exists quote_index_postings (term text primary key, units text not null) without rowid",
    # Keys held by more than MAX_POSTING units: no longer used for candidates.
    "create table if not exists quote_index_stopped (term text primary key) without rowid",
    # Mentions that printed a TAIL unit (JSON list of mention ids).
    "create table if not exists quote_index_tails (unit_id integer primary key, owners text not null)",
    """create table if not exists quote_index_quotes (
         quote_id text primary key, size integer, speakers text, first integer, last integer, units integer)
       without rowid""",
    """create table if not exists quote_index_mentions (
         mention_id text primary key, quote_id text, speaker_key text, units text) without rowid""",
    # A speaker's recent units, and recent short-fragment units (oldest first): where short fragments
    # and the fuller quotes they belong to find each other.
    "create table if not exists quote_index_speaker_units (speaker_key text primary key, units text not null) without rowid",
    "create table if not exists quote_index_speaker_short (speaker_key text primary key, units text not null) without rowid",
    # Mentions that printed a short-fragment unit (JSON list), and the unit's content stems (JSON list).
    "create table if not exists quote_index_short_owners (unit_id integer primary key, owners text not null)",
    "create table if not exists quote_index_short_stems (unit_id integer primary key, stems text not null)",
]
TABLES = ["quote_index_units", "quote_index_postings", "quote_index_stopped", "quote_index_tails",
          "quote_index_quotes", "quote_index_mentions", "quote_index_speaker_units", "quote_index_speaker_short",
          "quote_index_short_owners", "quote_index_short_stems"]


def create_tables(conn: sqlite3.Connection) -> None:
    for sql in SCHEMA:
        conn.execute(sql)


def term_text(term: str | tuple[str, str]) -> str:
    """An index key as stored: a word, or a bigram's two words joined by a space (words have none)."""
    return term if isinstance(term, str) else " ".join(term)


def _ids(text: str) -> list[int]:
    return [int(x) for x in text.split()] if text else []


class _Rows(MutableMapping):
    """A dict over one table: a key's row is read on first access; flush() writes what changed.

    Changes are found by comparing each cached value's encoding with the one it had when read,
    so in-place changes (``posting.append(unit)``, ``quote.size += 1``) are seen too.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.cache: dict[Any, Any] = {}
        self.read: dict[Any, Any] = {}  # key -> encoding as read (None: no row)

    # subclasses: how a row is read, encoded and written
    def _load(self, key) -> Any:
        raise NotImplementedError

    def _encode(self, key, value) -> tuple:
        raise NotImplementedError

    def _write(self, rows: list[tuple]) -> None:
        raise NotImplementedError

    def _delete(self, keys: list) -> None:
        raise NotImplementedError

    def _fetch(self, key):
        try:
            return self.cache[key]
        except KeyError:
            pass
        value = self._load(key)
        if value is None:
            self.cache[key], self.read[key] = _ABSENT, None
        else:
            self.cache[key], self.read[key] = value, self._encode(key, value)
        return self.cache[key]

    def __getitem__(self, key):
        value = self._fetch(key)
        if value is _ABSENT:
            raise KeyError(key)
        return value

    def __contains__(self, key) -> bool:
        return self._fetch(key) is not _ABSENT

    def get(self, key, default=None):
        value = self._fetch(key)
        return default if value is _ABSENT else value

    def __setitem__(self, key, value) -> None:
        self._fetch(key)
        self.cache[key] = value

    def __delitem__(self, key) -> None:
        if self._fetch(key) is _ABSENT:
            raise KeyError(key)
        self.cache[key] = _ABSENT

    def __iter__(self) -> Iterator:
        raise TypeError(f"{type(self).__name__} rows live in SQLite and are not iterated")

    def __len__(self) -> int:
        raise TypeError(f"{type(self).__name__} rows live in SQLite and are not counted")

    def flush(self) -> None:
        """Write the rows that changed since they were read, then forget every row."""
        rows, gone = [], []
        for key, value in self.cache.items():
            encoded = None if value is _ABSENT else self._encode(key, value)
            if encoded != self.read[key]:
                if encoded is None:
                    gone.append(key)
                else:
                    rows.append(encoded)
        if gone:
            self._delete(gone)
        if rows:
            self._write(rows)
        self.cache.clear()
        self.read.clear()


class _Units(_Rows):
    """Unit id -> [key, quote_id, article_id, role, refs]."""

    FIELDS = 5

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__(conn)
        count = conn.execute("select coalesce(max(id) + 1, 0) from quote_index_units").fetchone()[0]
        self.lengths = [count] * self.FIELDS  # per column, as QuoteIndex appends to each in turn

    def _load(self, unit):
        row = self.conn.execute("select key, quote_id, article_id, role, refs from quote_index_units where id = ?",
                                [unit]).fetchone()
        return list(row) if row else None

    def _encode(self, unit, value):
        return (unit, *value)

    def _write(self, rows):
        self.conn.executemany("insert or replace into quote_index_units (id, key, quote_id, article_id, role, refs) "
                              "values (?, ?, ?, ?, ?, ?)", rows)

    def _delete(self, units):
        self.conn.executemany("delete from quote_index_units where id = ?", [(u,) for u in units])


class _Column:
    """One field of the units, with the list interface QuoteIndex uses (``[unit]``, ``append``, ``len``)."""

    def __init__(self, units: _Units, field: int) -> None:
        self.units, self.field = units, field

    def __getitem__(self, unit: int):
        return self.units[unit][self.field]

    def __setitem__(self, unit: int, value) -> None:
        self.units[unit][self.field] = value

    def __len__(self) -> int:
        return self.units.lengths[self.field]

    def append(self, value) -> None:
        unit = self.units.lengths[self.field]
        row = self.units.get(unit)
        if row is None:
            row = self.units[unit] = [None] * _Units.FIELDS
        row[self.field] = value
        self.units.lengths[self.field] += 1


class _ByKey(_Rows):
    """Normalized text -> the first MAX_POSTING units with that text (derived from the units: never written)."""

    def _load(self, key):
        ids = [row[0] for row in self.conn.execute(
            "select id from quote_index_units where key = ? order by id limit ?", [key, MAX_POSTING])]
        return ids or None

    def _encode(self, key, value):
        return ()

    def flush(self) -> None:
        self.cache.clear()
        self.read.clear()


class _Postings(_Rows):
    """Index key -> units holding it."""

    def _load(self, term):
        row = self.conn.execute("select units from quote_index_postings where term = ?", [term_text(term)]).fetchone()
        return _ids(row[0]) if row else None

    def _encode(self, term, value):
        return (term_text(term), " ".join(map(str, value)))

    def _write(self, rows):
        self.conn.executemany("insert or replace into quote_index_postings (term, units) values (?, ?)", rows)

    def _delete(self, terms):
        self.conn.executemany("delete from quote_index_postings where term = ?", [(term_text(t),) for t in terms])


class _Stopped(_Rows):
    """The set of stop keys (``k in stopped``, ``stopped.add(k)``)."""

    def _load(self, term):
        row = self.conn.execute("select 1 from quote_index_stopped where term = ?", [term_text(term)]).fetchone()
        return True if row else None

    def _encode(self, term, value):
        return (term_text(term),)

    def _write(self, rows):
        self.conn.executemany("insert or replace into quote_index_stopped (term) values (?)", rows)

    def _delete(self, terms):
        self.conn.executemany("delete from quote_index_stopped where term = ?", [(term_text(t),) for t in terms])

    def add(self, term) -> None:
        self[term] = True


class _UnitLists(_Rows):
    """Unit -> a JSON-stored list (mentions that printed a TAIL or short-fragment unit)."""

    def __init__(self, conn: sqlite3.Connection, table: str, column: str) -> None:
        super().__init__(conn)
        self.table, self.column = table, column

    def _load(self, unit):
        row = self.conn.execute(f"select {self.column} from {self.table} where unit_id = ?", [unit]).fetchone()
        return self._decode(json.loads(row[0])) if row else None

    def _decode(self, value):
        return value

    def _encode(self, unit, value):
        return (unit, json.dumps(value))

    def _write(self, rows):
        self.conn.executemany(f"insert or replace into {self.table} (unit_id, {self.column}) values (?, ?)", rows)

    def _delete(self, units):
        self.conn.executemany(f"delete from {self.table} where unit_id = ?", [(u,) for u in units])


class _Stems(_UnitLists):
    """Short-fragment unit -> its content stems (a frozenset; stored sorted)."""

    def _decode(self, value):
        return frozenset(value)

    def _encode(self, unit, value):
        return (unit, json.dumps(sorted(value)))


class _SpeakerUnits(_Rows):
    """Speaker key -> its recent units, an insertion-ordered dict of unit -> None (oldest first)."""

    def __init__(self, conn: sqlite3.Connection, table: str) -> None:
        super().__init__(conn)
        self.table = table

    def _load(self, speaker):
        row = self.conn.execute(f"select units from {self.table} where speaker_key = ?", [speaker]).fetchone()
        return dict.fromkeys(_ids(row[0])) if row else None

    def _encode(self, speaker, value):
        return (speaker, " ".join(map(str, value)))

    def _write(self, rows):
        self.conn.executemany(f"insert or replace into {self.table} (speaker_key, units) values (?, ?)", rows)

    def _delete(self, speakers):
        self.conn.executemany(f"delete from {self.table} where speaker_key = ?", [(s,) for s in speakers])


def _quote_row(quote_id: str, quote: IndexedQuote) -> tuple:
    return (quote_id, quote.size, json.dumps(quote.speakers), quote.first, quote.last, quote.units)


class _Quotes(_Rows):
    """Quote id -> what the index knows of it (size, speakers, first and last day, indexed units)."""

    def _load(self, quote_id):
        row = self.conn.execute("select size, speakers, first, last, units from quote_index_quotes where quote_id = ?",
                                [quote_id]).fetchone()
        if row is None:
            return None
        quote = IndexedQuote()
        quote.size, speakers, quote.first, quote.last, quote.units = row
        quote.speakers = json.loads(speakers)
        return quote

    def _encode(self, quote_id, quote):
        return _quote_row(quote_id, quote)

    def _write(self, rows):
        self.conn.executemany("insert or replace into quote_index_quotes (quote_id, size, speakers, first, last, units) "
                              "values (?, ?, ?, ?, ?, ?)", rows)

    def _delete(self, quote_ids):
        self.conn.executemany("delete from quote_index_quotes where quote_id = ?", [(q,) for q in quote_ids])


class _Mentions(_Rows):
    """Mention id -> (quote id, speaker key, its units)."""

    def _load(self, mention_id):
        row = self.conn.execute("select quote_id, speaker_key, units from quote_index_mentions where mention_id = ?",
                                [mention_id]).fetchone()
        return (row[0], row[1], tuple(_ids(row[2]))) if row else None

    def _encode(self, mention_id, value):
        return (mention_id, value[0], value[1], " ".join(map(str, value[2])))

    def _write(self, rows):
        self.conn.executemany("insert or replace into quote_index_mentions (mention_id, quote_id, speaker_key, units) "
                              "values (?, ?, ?, ?)", rows)

    def _delete(self, mention_ids):
        self.conn.executemany("delete from quote_index_mentions where mention_id = ?", [(m,) for m in mention_ids])

    def __len__(self) -> int:
        stored = self.conn.execute("select count(*) from quote_index_mentions").fetchone()[0]
        for key, value in self.cache.items():
            stored += (value is not _ABSENT) - (self.read[key] is not None)
        return stored


class StoredQuoteIndex(QuoteIndex):
    """A QuoteIndex whose state lives in the ``quote_index_*`` tables of ``conn``.

    Call :meth:`flush` at the end of each article's transaction: it writes what changed and
    empties the in-memory rows, so memory never grows with the archive or the run.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:  # noqa: super().__init__ would build in-memory state
        self.conn = conn
        self._units = _Units(conn)
        self.unit_key, self.unit_quote, self.unit_article, self.unit_role, self.unit_refs = (
            _Column(self._units, field) for field in range(_Units.FIELDS))
        self.tail_owners = _UnitLists(conn, "quote_index_tails", "owners")
        self.by_key = _ByKey(conn)
        self.postings = _Postings(conn)
        self.stopped = _Stopped(conn)
        self.quotes = _Quotes(conn)
        self.mentions = _Mentions(conn)
        self.speaker_units = _SpeakerUnits(conn, "quote_index_speaker_units")
        self.speaker_short = _SpeakerUnits(conn, "quote_index_speaker_short")
        self.fragment_owners = _UnitLists(conn, "quote_index_short_owners", "owners")
        self.short_stems = _Stems(conn, "quote_index_short_stems", "stems")
        self._tables = [self._units, self.tail_owners, self.by_key, self.postings, self.stopped, self.quotes,
                        self.mentions, self.speaker_units, self.speaker_short, self.fragment_owners, self.short_stems]

    def flush(self) -> None:
        """Write the changed rows (in the caller's transaction) and forget every cached row."""
        for table in self._tables:
            table.flush()

    def forget(self) -> None:
        """Drop every cached row unwritten (the transaction they belonged to was rolled back)."""
        for table in self._tables:
            table.cache.clear()
            table.read.clear()
        self._units.lengths = _Units(self.conn).lengths


def write_index(conn: sqlite3.Connection, index: QuoteIndex) -> None:
    """Replace the stored index by an in-memory one (after a bulk load of mentions, or a migration)."""
    for table in TABLES:
        conn.execute(f"delete from {table}")
    conn.executemany(
        "insert into quote_index_units (id, key, quote_id, article_id, role, refs) values (?, ?, ?, ?, ?, ?)",
        zip(range(len(index.unit_key)), index.unit_key, index.unit_quote, index.unit_article, index.unit_role,
            index.unit_refs))
    conn.executemany("insert into quote_index_postings (term, units) values (?, ?)",
                     ((term_text(t), " ".join(map(str, units))) for t, units in index.postings.items()))
    conn.executemany("insert into quote_index_stopped (term) values (?)", ((term_text(t),) for t in index.stopped))
    conn.executemany("insert into quote_index_tails (unit_id, owners) values (?, ?)",
                     ((u, json.dumps(owners)) for u, owners in index.tail_owners.items()))
    conn.executemany("insert into quote_index_quotes (quote_id, size, speakers, first, last, units) "
                     "values (?, ?, ?, ?, ?, ?)", (_quote_row(q, quote) for q, quote in index.quotes.items()))
    conn.executemany("insert into quote_index_mentions (mention_id, quote_id, speaker_key, units) values (?, ?, ?, ?)",
                     ((m, q, s, " ".join(map(str, units))) for m, (q, s, units) in index.mentions.items()))
    for table, recent in (("quote_index_speaker_units", index.speaker_units),
                          ("quote_index_speaker_short", index.speaker_short)):
        conn.executemany(f"insert into {table} (speaker_key, units) values (?, ?)",
                         ((s, " ".join(map(str, units))) for s, units in recent.items()))
    conn.executemany("insert into quote_index_short_owners (unit_id, owners) values (?, ?)",
                     ((u, json.dumps(owners)) for u, owners in index.fragment_owners.items()))
    conn.executemany("insert into quote_index_short_stems (unit_id, stems) values (?, ?)",
                     ((u, json.dumps(sorted(stems))) for u, stems in index.short_stems.items()))
