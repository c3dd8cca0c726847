"""The derived tables: speakers, aliases, quote texts and statistics, recomputed from the stored mentions.

:func:`refresh` runs in one transaction at the end of every ingest (``quotes.ingest``), after
:mod:`quotes.store` has written the articles, mentions and quote links.  It reads only what a run
changed (the dirty quotes, the named mentions' (article, speaker name) pairs) and writes only the
rows whose values change, so a crash before or during it is repaired by the next run.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Iterable

import sqlite_utils

from .registry import Registry
from .speakers import ArticlePerson, alias_kind, resolve_speakers, speaker_description
from .topics import quote_terms
from .variants import choose_canonical, similarity, without_attribution_comma, word_diff

# Aliases that name no one on their own: a pronoun is how an article refers back, not a name.
PRONOUNS = {"he", "she", "they", "him", "her", "them", "i", "we", "it", "you"}


def refresh(db: sqlite_utils.Database, registry: Registry | None = None) -> None:
    """Recompute speakers, aliases, quote texts and statistics from the stored mentions.

    Runs in one transaction at the end of every ingest, so a crash before or during it
    is repaired by the next run.  Only rows whose values change are written.
    """
    with db.atomic():
        speaker_of = refresh_speakers(db, registry)
        refresh_quotes(db, speaker_of)
        refresh_speaker_stats(db)


def refresh_speakers(db: sqlite_utils.Database, registry: Registry | None) -> dict[tuple[str, str], str]:
    """Rebuild speakers and speaker_aliases; return (article_id, speaker_name) -> speaker id."""
    # Outlets and dates of the articles that name people only (not of every article).
    outlets, people = {}, []
    for article_id, name, aliases, roles, outlet, published in db.execute(
            "select p.article_id, p.name, p.aliases, p.roles, a.outlet, a.published "
            "from article_people p left join articles a on a.id = p.article_id order by p.article_id, p.name"):
        outlets[article_id] = outlet
        people.append(ArticlePerson(article_id, name, json.loads(aliases or "[]"), json.loads(roles or "[]"),
                                    outlet, published))
    mapping = resolve_speakers(people, registry)
    speaking = {(a, n) for a, n in db.execute(
        "select distinct article_id, speaker_name from mentions where speaker_name is not null")}
    speakers: dict[str, dict] = {}
    roles_by_speaker: dict[str, list[str]] = defaultdict(list)
    alias_articles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for person in people:
        speaker = mapping.get((person.article_id, person.name))
        if speaker is None or (person.article_id, person.name) not in speaking:
            continue
        speakers[speaker.id] = {"id": speaker.id, "name": speaker.name, "wikidata_id": speaker.wikidata_id,
                                "description": speaker.description}
        roles_by_speaker[speaker.id].extend(person.roles)
        for alias in {person.name, *person.aliases}:
            if alias and alias.strip().lower() not in PRONOUNS:
                alias_articles[(speaker.id, alias)].add(person.article_id)
        for role in set(person.roles):
            alias_articles[(speaker.id, role)].add(person.article_id)
    for speaker_id, row in speakers.items():
        # A curated description wins over the role most often reported.
        row["description"] = row["description"] or speaker_description(roles_by_speaker[speaker_id])
    alias_rows = []
    for (speaker_id, alias), articles in sorted(alias_articles.items()):
        alias_outlets = sorted({outlets.get(a) for a in articles if outlets.get(a)})
        kind = "role" if alias in roles_by_speaker[speaker_id] else alias_kind(alias, speakers[speaker_id]["name"])
        alias_rows.append({"speaker_id": speaker_id, "alias": alias, "kind": kind, "article_count": len(articles),
                           "outlet_count": len(alias_outlets), "outlets": json.dumps(alias_outlets)})
    # Small tables next to mentions: replacing them whole keeps this simple.
    db.execute("delete from speaker_aliases")
    db.execute("delete from speakers")
    db["speakers"].insert_all(speakers.values(), pk="id", replace=True)
    db["speaker_aliases"].insert_all(alias_rows, pk=("speaker_id", "alias"), replace=True)
    return {key: mapping[key].id for key in speaking if key in mapping}


# An unattributed mention takes its quote's speaker from other articles only when it is a whole
# quotation this long: shorter phrases ("top secret", "radical Islam") recur in many mouths.
# Measured on the PolNeAR dev articles (issue 12): propagation named the wrong person for 60% of
# fragments and short quotes, and for 81% of mentions whose own article names a non-person source.
PROPAGATE_MIN_WORDS = 8


def _takes_cluster_speaker(mention: dict, speaker_name: str) -> bool:
    """Whether an unattributed mention may take the speaker other articles give its quote: when
    its own article names a source, only if that source is the same person (same surname: "Mayor
    Elena Marsh" whom the article's people list missed); otherwise only a whole, long quotation."""
    printed = mention["speaker_mention"]
    if printed is not None:
        surname = speaker_name.split()[-1].lower() if speaker_name else None
        return surname is not None and surname in {w.strip(".,’'").lower() for w in printed.split()}
    return not mention["partial"] and len(mention["text"].split()) >= PROPAGATE_MIN_WORDS


def refresh_quotes(db: sqlite_utils.Database, speaker_of: dict[tuple[str, str], str]) -> None:
    """Per quote: speaker, conflicts, propagation to unattributed mentions, counts; canonical
    text, similarity and diff for quotes whose membership changed (``dirty``).

    Only quotes that can have changed are read: dirty ones and those holding a mention whose
    speaker resolution changed, so a nightly run costs what it adds, not the whole corpus.
    """
    # A quote that is no mention's primary is gone; so are secondary links to it.  Only a quote
    # whose mentions changed (dirty) can lose its last primary mention.
    for table in ("mention_quotes", "quote_terms"):
        db.execute(f"delete from {table} where quote_id in (select id from quotes where dirty = 1) "
                   "and quote_id not in (select quote_id from mentions)")
    db.execute("delete from quotes where dirty = 1 and id not in (select quote_id from mentions)")
    affected = {row[0] for row in db.execute("select id from quotes where dirty = 1")}
    changed_pairs = [
        (article_id, name) for article_id, name, speaker_id in db.execute(
            "select distinct article_id, speaker_name, speaker_id from mentions where speaker_name is not null")
        if speaker_of.get((article_id, name)) != speaker_id
    ]
    for article_id, name in changed_pairs:
        affected.update(row[0] for row in db.execute(
            "select quote_id from mentions where article_id = ? and speaker_name = ?", [article_id, name]))
    if not affected:
        return
    db.execute("create temp table if not exists refresh_quote_ids (id text primary key)")
    db.execute("delete from refresh_quote_ids")
    db.conn.executemany("insert into refresh_quote_ids (id) values (?)", [(q,) for q in affected])
    members: dict[str, list[dict]] = defaultdict(list)
    for row in db.query("select id, quote_id, text, article_id, speaker_name, speaker_id, method, extracted_method, "
                        "speaker_mention, partial, outlet, published, key_terms from mentions "
                        "where quote_id in (select id from refresh_quote_ids) "
                        "order by published, id"):
        row["named"] = speaker_of.get((row["article_id"], row["speaker_name"]))
        members[row["quote_id"]].append(row)
    stored = {row["id"]: row for row in db.query(
        f"select {', '.join(QUOTE_STAT_COLUMNS)}, dirty from quotes where id in (select id from refresh_quote_ids)")}
    db.execute("delete from refresh_quote_ids")
    mention_updates, text_updates, stat_updates, canonical_updates, term_rows = [], [], [], [], []
    names: dict[str, str] = {}

    def speaker_name(speaker_id: str) -> str:
        if speaker_id not in names:
            row = db.execute("select name from speakers where id = ?", [speaker_id]).fetchone()
            names[speaker_id] = row[0] if row else ""
        return names[speaker_id]

    for quote_id, rows in members.items():
        named = Counter(r["named"] for r in rows if r["named"])
        speaker_id = None
        if named:
            top = max(named.values())
            speaker_id = min(s for s, c in named.items() if c == top)
        # Unattributed mentions take the speaker only when every attributed one agrees.
        propagate = speaker_id if len(named) == 1 else None
        for r in rows:
            if r["named"]:
                wanted = (r["extracted_method"], r["named"])
            elif propagate and _takes_cluster_speaker(r, speaker_name(propagate)):
                wanted = ("cluster", propagate)
            else:
                wanted = (r["extracted_method"], None)
            if wanted != (r["method"], r["speaker_id"]):
                mention_updates.append((*wanted, r["id"]))
        dated = [r for r in rows if r["published"]]
        first_seen, first_outlets = first_printed([(r["published"], r["outlet"]) for r in rows])
        row = {
            "id": quote_id, "speaker_id": speaker_id, "mention_count": len(rows),
            "article_count": len({r["article_id"] for r in rows}),
            # Articles that name no outlet count together as one "unknown outlet", as the pages show them.
            "outlet_count": len({r["outlet"] or "" for r in rows}),
            "first_seen": first_seen,
            "last_seen": max((r["published"] for r in dated), default=None),
            "first_outlet": first_outlets[0] if len(first_outlets) == 1 else None,
            "first_outlets": json.dumps(first_outlets),
            "first_outlet_count": len(first_outlets),
            "attribution_conflict": int(len(named) > 1),
            "speakers_named": json.dumps(sorted(named)),
        }
        current = stored.get(quote_id, {})
        if current.get("dirty"):
            canonical = without_attribution_comma(choose_canonical([r["text"] for r in rows]))
            canonical_updates.append((canonical, quote_id))
            term_rows.extend((quote_id, term, score) for term, score in
                             quote_terms((json.loads(r["key_terms"] or "[]") for r in rows),
                                         {r["speaker_name"] for r in rows if r["speaker_name"]}))
            text_updates.extend(
                (similarity(canonical, r["text"]), json.dumps(word_diff(canonical, r["text"])), r["id"])
                for r in rows)
        if current.get("dirty") or any(current.get(k) != v for k, v in row.items()):
            stat_updates.append([row[k] for k in QUOTE_STAT_COLUMNS[1:]] + [quote_id])
    db.conn.executemany("update mentions set method = ?, speaker_id = ? where id = ?", mention_updates)
    db.conn.executemany("update mentions set similarity = ?, diff = ? where id = ?", text_updates)
    db.conn.executemany("update quotes set canonical = ? where id = ?", canonical_updates)
    db.conn.executemany("delete from quote_terms where quote_id = ?", [(q,) for _, q in canonical_updates])
    db.conn.executemany("insert or replace into quote_terms (quote_id, term, score) values (?, ?, ?)", term_rows)
    assignments = ", ".join(f"{column} = ?" for column in QUOTE_STAT_COLUMNS[1:])
    db.conn.executemany(f"update quotes set {assignments}, dirty = 0 where id = ?", stat_updates)


QUOTE_STAT_COLUMNS = ["id", "speaker_id", "mention_count", "article_count", "outlet_count", "first_seen",
                      "last_seen", "first_outlet", "first_outlets", "first_outlet_count", "attribution_conflict",
                      "speakers_named"]


def first_printed(printed: list[tuple[str | None, str | None]]) -> tuple[str | None, list[str | None]]:
    """When a quote was first printed and every outlet that may have printed it first.

    ``printed`` holds (published, outlet) per mention, published as :func:`quotes.clean.normalize_published`
    writes it.  The first day is the earliest date.  If every outlet printing it that day gives a
    time, the earliest time wins (outlets at exactly that time tie); if any gives only the date, the
    day's order is unknown and all that day's outlets tie, and first_seen is the date.  Undated
    mentions count only when none is dated.  Outlets are distinct, sorted, an unknown outlet last.

    >>> first_printed([("2020-03-12", "B"), ("2020-03-12T09:00:00Z", "A"), ("2020-03-13", "C")])
    ('2020-03-12', ['A', 'B'])
    >>> first_printed([("2020-03-12T10:00:00Z", "B"), ("2020-03-12T09:00:00Z", "A")])
    ('2020-03-12T09:00:00Z', ['A'])
    """
    dated = [(published, outlet) for published, outlet in printed if published]
    if not dated:
        return None, _outlets(outlet for _, outlet in printed)
    day = min(published[:10] for published, _ in dated)
    that_day = [(published, outlet) for published, outlet in dated if published[:10] == day]
    if any(len(published) <= 10 for published, _ in that_day):
        return day, _outlets(outlet for _, outlet in that_day)
    earliest = min(published for published, _ in that_day)
    return earliest, _outlets(outlet for published, outlet in that_day if published == earliest)


def _outlets(outlets: Iterable[str | None]) -> list[str | None]:
    return sorted(set(outlets), key=lambda outlet: (outlet is None, outlet or ""))


def refresh_speaker_stats(db: sqlite_utils.Database) -> None:
    db.execute("""
        update speakers set
          mention_count = (select count(*) from mentions where speaker_id = speakers.id),
          quote_count = (select count(distinct quote_id) from mentions where speaker_id = speakers.id),
          outlet_count = (select count(distinct coalesce(outlet, '')) from mentions where speaker_id = speakers.id),
          first_quoted = (select min(published) from mentions where speaker_id = speakers.id),
          last_quoted = (select max(published) from mentions where speaker_id = speakers.id)
    """)
