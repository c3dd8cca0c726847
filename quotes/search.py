"""One search box for "what did X say about Y": names and words in one query, results grouped by quote.

A query such as ``Secretary Esper Iran`` is split into the speakers it names and the
words left over.  Names match loosely: any alias, the canonical name, a surname, or a
title or honorific in front of a surname ("Secretary Esper", "President Trump"), with
case, dots and spacing ignored ("markesper").  The other words match by stem and prefix
in the FTS5 indexes (porter), so ``Iran`` finds "Iranian-backed", and in the quotes' key
terms.  Results are quotes, not rows: each once, with its speaker, outlet count, first
date and a snippet of the version that matched.

These are read-only queries on a ``sqlite3`` connection; the Datasette plugin runs them
through ``Database.execute_fn``.

Example::

    >>> parsed = parse_query(conn, "Secretary Esper Iran")
    >>> parsed.speakers, parsed.words
    (['mark-esper'], ['Iran'])
    >>> [r["quote_id"] for r in search(conn, parsed).results]
    ['q36242d8c4737', 'q484ac9fe36b9', ...]
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

TOKEN = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*\.?")
# Honorifics stand before any surname; other titles count only when the speaker's own aliases,
# roles or description use them ("Secretary" for Mark Esper, "President" for Donald Trump).
HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady"}
# A query is a name and a few words; longer input is cut so one request cannot cost much.
MAX_QUERY_WORDS = 16
MAX_WORD_CHARS = 40  # longer than any English word; a pasted 5,000-character token is cut
MAX_NAME_TOKENS = 6  # "Chairman of the Joint Chiefs Gen. Mark Milley" is the longest alias on the seeds
RESULT_LIMIT = 50  # quotes on one page of results
HIT_LIMIT = 2000  # FTS hits read per index before grouping, so a common word cannot stall the page
MATCH_LIMIT = 2000  # quotes counted and faceted
FACET_SIZE = 10
UNKNOWN_OUTLET = "unknown outlet"  # the label of articles whose source names no outlet, everywhere
# Relevance tiers: the words are in the canonical text, only in some outlet's version, only in key terms.
TIER_CANONICAL, TIER_VERSION, TIER_TOPIC = 0, 1, 2


def name_key(text: str | None) -> str:
    """Case, accents-as-composed, dots and spacing ignored: ``"Mr. Esper"`` → ``"mresper"``."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text or "").casefold() if ch.isalnum())


@dataclass
class ParsedQuery:
    """A query split into the speakers it names and the words it searches for."""

    text: str
    speakers: list[str] = field(default_factory=list)  # speaker ids, in query order
    speaker_names: dict[str, str] = field(default_factory=dict)  # id -> canonical name
    name_tokens: list[str] = field(default_factory=list)  # the query words read as names
    words: list[str] = field(default_factory=list)  # the words to find in quotes

    @property
    def empty(self) -> bool:
        return not self.speakers and not self.words


@dataclass
class Filters:
    """Narrowing chosen from the facets: one speaker id, outlet, date prefix or key term."""

    speaker: str = ""
    outlet: str = ""
    date: str = ""
    topic: str = ""

    def active(self) -> dict[str, str]:
        return {k: v for k, v in vars(self).items() if v}


@dataclass
class SearchResult:
    query: ParsedQuery
    filters: Filters
    results: list[dict]
    total: int
    facets: dict[str, list[dict]]


def tokens_of(text: str) -> list[str]:
    """The query's words (at most MAX_QUERY_WORDS, each at most MAX_WORD_CHARS), trailing dots dropped
    except in initialisms ("U.S.")."""
    tokens = [t[:MAX_WORD_CHARS] for t in TOKEN.findall(text or "")[:MAX_QUERY_WORDS]]
    return [t.rstrip(".") if not re.fullmatch(r"(?:\w\.)+", t) else t for t in tokens]


def _register(conn: sqlite3.Connection) -> None:
    conn.create_function("name_key", 1, name_key, deterministic=True)


def _speaker_candidates(conn: sqlite3.Connection, keys: list[str]) -> list[tuple[str, str, str, str]]:
    """(speaker id, canonical name, alias or name, kind) rows whose name contains a query word."""
    probe = json.dumps(sorted({k for k in keys if len(k) >= 2}))
    return conn.execute("""
        with probe as (select value from json_each(:probe))
        select s.id, s.name, a.alias, a.kind from speaker_aliases a join speakers s on s.id = a.speaker_id
        where a.kind != 'role' and exists (select 1 from probe where instr(name_key(a.alias), probe.value))
        union
        select s.id, s.name, s.name, 'name' from speakers s
        where exists (select 1 from probe where instr(name_key(s.name), probe.value))
    """, {"probe": probe}).fetchall()


def _title_words(conn: sqlite3.Connection, speaker_ids: set[str]) -> set[str]:
    """Keys of the words in the titles, roles and descriptions of these speakers."""
    ids = json.dumps(sorted(speaker_ids))
    texts = [r[0] for r in conn.execute(
        "select alias from speaker_aliases where speaker_id in (select value from json_each(?)) and kind != 'name' "
        "union all select description from speakers where id in (select value from json_each(?))", [ids, ids])]
    return {name_key(word) for text in texts for word in (text or "").split()} - {""}


def parse_query(conn: sqlite3.Connection, text: str, match_names: bool = True) -> ParsedQuery:
    """Split ``text`` into speakers (loosely matched names) and words.

    ``match_names=False`` reads every word as a word ("Trump" in quotes about Trump).
    """
    _register(conn)
    tokens = tokens_of(text)
    keys = [name_key(t) for t in tokens]
    parsed = ParsedQuery(text=text)
    taken = [False] * len(tokens)
    found: list[tuple[int, int, set[str]]] = []
    if match_names and tokens:
        full: dict[str, set[str]] = {}
        surname: dict[str, set[str]] = {}
        names: dict[str, str] = {}
        for speaker_id, name, alias, kind in _speaker_candidates(conn, keys):
            names[speaker_id] = name
            full.setdefault(name_key(alias), set()).add(speaker_id)
            if kind == "name" and alias.split():
                surname.setdefault(name_key(alias.split()[-1]), set()).add(speaker_id)
        i = 0
        while i < len(tokens):
            for j in range(min(len(tokens), i + MAX_NAME_TOKENS), i, -1):
                key = "".join(keys[i:j])
                ids = set(full.get(key, ()))
                # A lone surname that is also a common word ("May", "Will") counts only capitalised.
                if j == i + 1 and (key not in STOP_WORDS or tokens[i][:1].isupper()):
                    ids |= surname.get(key, set())
                if ids and len(key) >= 2:
                    found.append((i, j, ids))
                    taken[i:j] = [True] * (j - i)
                    i = j
                    break
            else:
                i += 1
        for number, (i, j, ids) in enumerate(found):
            titles = HONORIFICS | _title_words(conn, ids)
            while i > 0 and not taken[i - 1] and keys[i - 1] in titles:
                i -= 1
                taken[i] = True
            found[number] = (i, j, ids)
            for speaker_id in sorted(ids):
                if speaker_id not in parsed.speakers:
                    parsed.speakers.append(speaker_id)
                    parsed.speaker_names[speaker_id] = names[speaker_id]
    parsed.name_tokens = [t for t, used in zip(tokens, taken) if used]
    rest = [t for t, used in zip(tokens, taken) if not used]
    # "what did Esper say about Iran": the small words would demand every quote contain "what".
    content = [t for t in rest if t.lower() not in STOP_WORDS]
    parsed.words = content if content or parsed.speakers else rest
    return parsed


def fts_query(words: list[str]) -> str:
    """FTS5 query: every word, each as a prefix of a (porter-stemmed) token; all must match."""
    return " ".join('"{}"*'.format(w.replace('"', "")) for w in words)


def _topic_clause(words: list[str], params: dict) -> str:
    """SQL: quotes whose key terms contain each word at a word start (prefix match)."""
    parts = []
    for n, word in enumerate(words):
        params[f"w{n}"] = word.lower()
        # substr/instr, not LIKE: a typed word is not a pattern, and published connections cap LIKE patterns.
        parts.append(f"q.id in (select quote_id from quote_terms where substr(lower(term), 1, length(:w{n})) = :w{n} "
                     f"or instr(lower(term), ' ' || :w{n}) > 0)")
    return " and ".join(parts)


def _matches_sql(parsed: ParsedQuery, filters: Filters, params: dict) -> str:
    """SQL selecting (quote_id, tier, rank, mention_id, snippet), the best hit per matching quote."""
    hits = []
    if parsed.words:
        params["fts"] = fts_query(parsed.words)
        params["hits"] = HIT_LIMIT
        hits.append(f"""select * from (
              select q.id as quote_id, {TIER_CANONICAL} as tier, quotes_fts.rank as rank, null as mention_id,
                snippet(quotes_fts, 0, char(2), char(3), '…', 32) as snippet
              from quotes_fts join quotes q on q.rowid = quotes_fts.rowid
              where quotes_fts match :fts order by quotes_fts.rank limit :hits)""")
        hits.append(f"""select * from (
              select mq.quote_id, {TIER_VERSION}, mentions_fts.rank, m.id,
                snippet(mentions_fts, 0, char(2), char(3), '…', 32)
              from mentions_fts join mentions m on m.rowid = mentions_fts.rowid
              join mention_quotes mq on mq.mention_id = m.id
              where mentions_fts match :fts order by mentions_fts.rank limit :hits)""")
        hits.append(f"select q.id, {TIER_TOPIC}, 0.0, null, null from quotes q where {_topic_clause(parsed.words, params)}")
    else:
        hits.append(f"select q.id, {TIER_CANONICAL}, 0.0, null, null from quotes q")
    where = []
    if parsed.speakers:
        params["speakers"] = json.dumps(parsed.speakers)
        where.append("q.id in (select quote_id from mentions where speaker_id in (select value from json_each(:speakers)))")
    if filters.speaker:
        params["f_speaker"] = filters.speaker
        where.append("q.id in (select quote_id from mentions where speaker_id = :f_speaker)")
    if filters.outlet:
        params["f_outlet"] = "" if filters.outlet == UNKNOWN_OUTLET else filters.outlet
        where.append("q.id in (select quote_id from mentions where coalesce(outlet, '') = :f_outlet)")
    if filters.date:
        params["f_date"] = filters.date
        where.append("q.id in (select quote_id from mentions where substr(published, 1, length(:f_date)) = :f_date)")
    if filters.topic:
        params["f_topic"] = filters.topic
        where.append("q.id in (select quote_id from quote_terms where term = :f_topic)")
    return f"""
        with hits(quote_id, tier, rank, mention_id, snippet) as ({" union all ".join(hits)}),
        ranked as (select *, row_number() over (partition by quote_id order by tier, rank) as n from hits)
        select r.quote_id, r.tier, r.rank, r.mention_id, r.snippet from ranked r join quotes q on q.id = r.quote_id
        where r.n = 1 {"".join(" and " + w for w in where)}"""


def search(conn: sqlite3.Connection, parsed: ParsedQuery, filters: Filters | None = None,
           limit: int = RESULT_LIMIT, newest_first: bool = False) -> SearchResult:
    """Quotes matching ``parsed`` and ``filters``, best first: the tier (words in the canonical
    text, then in some version, then in key terms), then how widely carried, then FTS rank.
    ``newest_first`` orders by first seen instead (feeds)."""
    _register(conn)
    filters = filters or Filters()
    if parsed.empty and not filters.active():
        return SearchResult(parsed, filters, [], 0, {})
    params: dict = {}
    matches = _matches_sql(parsed, filters, params)
    order = ("coalesce(q.first_seen, '') desc, q.outlet_count desc" if newest_first
             else "m.tier, q.outlet_count desc, m.rank, q.mention_count desc, coalesce(q.first_seen, '') desc")
    params["cap"] = MATCH_LIMIT
    rows = conn.execute(f"""
        with m as ({matches})
        select m.quote_id, m.tier, m.snippet, q.canonical, q.speaker_id, s.name as speaker_name,
          q.outlet_count, q.mention_count, q.first_seen, v.outlet as version_outlet, v.article_id, v.start
        from m join quotes q on q.id = m.quote_id left join speakers s on s.id = q.speaker_id
        left join mentions v on v.id = m.mention_id
        order by {order} limit :cap""", params).fetchall()
    columns = ["quote_id", "tier", "snippet", "canonical", "speaker_id", "speaker_name", "outlet_count",
               "mention_count", "first_seen", "version_outlet", "article_id", "start"]
    results = [dict(zip(columns, row)) for row in rows]
    ids = json.dumps([r["quote_id"] for r in results])
    facets = _facets(conn, ids)
    terms = _terms(conn, [r["quote_id"] for r in results[:limit]])
    for r in results[:limit]:
        r["terms"] = terms.get(r["quote_id"], [])
        if r["article_id"] is not None:
            r["version_outlet"] = r["version_outlet"] or UNKNOWN_OUTLET
    return SearchResult(parsed, filters, results[:limit], len(results), facets)


def _terms(conn: sqlite3.Connection, quote_ids: list[str]) -> dict[str, list[str]]:
    terms: dict[str, list[str]] = {}
    for quote_id, term in conn.execute(
            "select quote_id, term from quote_terms where quote_id in (select value from json_each(?)) "
            "order by quote_id, score desc, term", [json.dumps(quote_ids)]):
        terms.setdefault(quote_id, []).append(term)
    return terms


def _facets(conn: sqlite3.Connection, ids: str) -> dict[str, list[dict]]:
    """Counts of matching quotes per speaker, outlet, date and key term."""
    chosen = "quote_id in (select value from json_each(:ids))"
    params = {"ids": ids, "size": FACET_SIZE}

    def facet(sql: str) -> list[dict]:
        return [{"value": v, "label": label, "count": c} for v, label, c in conn.execute(sql, params)]

    speakers = facet(f"""select m.speaker_id, s.name, count(distinct m.quote_id) as c from mentions m
        join speakers s on s.id = m.speaker_id where m.{chosen} group by m.speaker_id order by c desc, s.name limit :size""")
    outlets = facet(f"""select coalesce(outlet, :unknown), coalesce(outlet, :unknown), count(distinct quote_id) as c
        from mentions where {chosen} group by outlet order by c desc, outlet limit :size""".replace(
        ":unknown", "'" + UNKNOWN_OUTLET + "'"))
    dates = []
    for width in (10, 7, 4):  # days, else months, else years: whichever fits in one facet
        dates = facet(f"""select substr(published, 1, {width}) as d, substr(published, 1, {width}),
            count(distinct quote_id) as c from mentions where {chosen} and published is not null
            group by d order by d desc limit :size + 1""")
        if len(dates) <= FACET_SIZE:
            break
    topics = facet(f"""select term, term, count(*) as c from quote_terms where {chosen}
        group by term having c > 1 or (select count(*) from json_each(:ids)) = 1 order by c desc, term limit :size""")
    return {"speaker": speakers, "outlet": outlets, "date": dates[:FACET_SIZE], "topic": topics}


def examples(conn: sqlite3.Connection, count: int = 3) -> list[str]:
    """Queries that find something in this database: a speaker's surname and a key term of theirs."""
    rows = conn.execute("""
        select s.name, t.term, count(*) as c from quotes q join speakers s on s.id = q.speaker_id
        join quote_terms t on t.quote_id = q.id
        group by s.id, lower(t.term) order by c desc, s.mention_count desc, t.term limit 50""").fetchall()
    seen, out = set(), []
    for name, term, _ in rows:
        if name not in seen and " " not in term.strip():
            seen.add(name)
            out.append(f"{name.split()[-1]} {term}")
        if len(out) >= count:
            break
    if not out:
        out = [name.split()[-1] for (name,) in conn.execute(
            "select name from speakers order by mention_count desc limit ?", [count])]
    return out
