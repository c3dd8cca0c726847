import json

import pytest

from quotes import derived, store
from quotes.extract import Mention, Person
from quotes.ingest import ingest
from quotes.sources import Article, read_paths

ARTICLE_A = """Council backs library plan
“We will keep every branch open,” Mayor Ana Ruiz said on Monday.
The council voted 7-2.
“Libraries are where this city learns,” Ruiz added."""

ARTICLE_B = """Mayor vows to keep libraries open
Mayor Ana Ruiz told reporters: “We will keep every branch open.”"""


@pytest.fixture
def corpus(write_article):
    write_article("a", ARTICLE_A, {"outlet": "City Herald", "published": "2024-05-06"})
    path = write_article("b", ARTICLE_B, {"outlet": "Metro Daily", "published": "2024-05-07"})
    return path.parent


def data_snapshot(db):
    """Every row of every data table (not the run log), to compare two states."""
    skip_columns = {"ingested_at", "first_seen", "last_seen"}
    snapshot = {}
    for table in store.table_counts(db):
        if table in ("ingest_runs",):
            continue
        rows = [{k: v for k, v in row.items() if k not in skip_columns} for row in db[table].rows]
        snapshot[table] = sorted(rows, key=repr)
    return snapshot


def test_schema_has_tables_fks_fts_and_indexes(fresh_db):
    db = fresh_db
    for table in ["articles", "speakers", "speaker_aliases", "quotes", "mentions", "mention_quotes",
                  "ingest_runs", "ingest_errors", "_sqlite_migrations"]:
        assert db[table].exists(), table
    assert {("quote_id", "quotes"), ("article_id", "articles"), ("speaker_id", "speakers")} == {
        (fk.column, fk.other_table) for fk in db["mentions"].foreign_keys}
    assert "mentions_fts" == db["mentions"].detect_fts()
    assert "quotes_fts" == db["quotes"].detect_fts()
    assert "articles_fts" == db["articles"].detect_fts()
    indexed = {tuple(index.columns) for index in db["mentions"].indexes}
    assert {("speaker_id",), ("outlet",), ("method",), ("published",)} <= indexed
    assert ["m001_initial_schema"] == [r["name"] for r in db["_sqlite_migrations"].rows][:1]


def test_open_db_uses_wal_and_migrates_once(tmp_path):
    path = tmp_path / "q.db"
    store.open_db(path).close()
    db = store.open_db(path)
    assert "wal" == db.execute("pragma journal_mode").fetchone()[0]
    names = [r["name"] for r in db["_sqlite_migrations"].rows]
    assert len(names) == len(set(names))


def test_ingest_twice_changes_nothing(nlp, tmp_path, corpus):
    db = store.open_db(tmp_path / "q.db")
    first = ingest(db, read_paths([corpus]), nlp)
    before = data_snapshot(db)
    second = ingest(db, read_paths([corpus]), nlp)
    assert (2, 0) == (first.added, second.added)
    assert 2 == second.unchanged
    assert before == data_snapshot(db)
    assert 2 == db["ingest_runs"].count


def test_changed_article_replaces_its_mentions(nlp, fresh_db):
    db = fresh_db
    ingest(db, [Article("x", ARTICLE_A, outlet="City Herald")], nlp)
    assert 2 == db["mentions"].count
    edited = ARTICLE_A.replace("“Libraries are where this city learns,” Ruiz added.", "The vote was close.")
    stats = ingest(db, [Article("x", edited, outlet="City Herald")], nlp)
    assert (1, 0) == (stats.updated, stats.added)
    assert ["We will keep every branch open,"] == [r["text"] for r in db["mentions"].rows]
    # The quote only the old version carried is gone, so no empty cluster is left behind.
    assert db.execute("select count(*) from quotes where id not in (select quote_id from mentions)").fetchone()[0] == 0


def test_identical_quotes_share_a_quote_row(nlp, fresh_db):
    db = fresh_db
    ingest(db, [Article("a", ARTICLE_A, outlet="City Herald"), Article("b", ARTICLE_B, outlet="Metro Daily")], nlp)
    rows = list(db.query("select quote_id, outlet from mentions where text like 'We will keep every branch open%'"))
    assert 2 == len(rows)
    assert 1 == len({r["quote_id"] for r in rows})
    quote = db["quotes"].get(rows[0]["quote_id"])
    assert (2, 2) == (quote["mention_count"], quote["outlet_count"])


def test_fts_follows_inserts(nlp, fresh_db):
    db = fresh_db
    ingest(db, [Article("a", ARTICLE_A, outlet="City Herald")], nlp)
    hits = list(db["mentions"].search("libraries"))
    assert ["Libraries are where this city learns,"] == [h["text"] for h in hits]


def test_errors_are_recorded_once_per_source_and_reason(tmp_path, nlp):
    db = store.open_db(tmp_path / "q.db")
    bad = tmp_path / "in" / "bad.txt"
    bad.parent.mkdir()
    bad.write_bytes(b"\x00\x01")
    for _ in range(2):
        stats = ingest(db, read_paths([bad.parent]), nlp)
        assert 1 == len(stats.errors)
    [row] = db["ingest_errors"].rows
    assert (str(bad), "binary file (contains NUL bytes)") == (row["source"], row["reason"])


def test_export_rows_follow_the_contract(nlp, fresh_db):
    db = fresh_db
    ingest(db, [Article("a", ARTICLE_A, outlet="City Herald")], nlp)
    row = next(store.export_rows(db))
    assert {"article", "text", "start", "end", "speaker", "quote_id", "quote_ids", "canonical", "outlet"} <= set(row)
    text = db["articles"].get("a")["text"]
    assert row["text"] == text[row["start"]:row["end"]]


def test_text_longer_than_the_pipeline_takes_is_rejected(nlp, fresh_db):
    db = fresh_db
    long_text = "Headline\n" + "word " * (nlp.max_length // 5 + 10)
    stats = ingest(db, [Article("long", long_text, source="long.txt"), Article("a", ARTICLE_A)], nlp)
    assert ["a"] == [r["id"] for r in db["articles"].rows]
    [error] = db["ingest_errors"].rows
    assert "long.txt" == error["source"]
    assert error["reason"].startswith("too long:")
    assert 1 == stats.added


def test_fts_reindexes_only_when_indexed_columns_change(nlp, fresh_db):
    db = fresh_db
    ingest(db, [Article("a", ARTICLE_A, outlet="City Herald")], nlp)
    trigger = db.execute("select sql from sqlite_master where name = 'mentions_au'").fetchone()[0]
    assert 'AFTER UPDATE OF "text" ON "mentions"' in trigger
    mention_id = next(db["mentions"].rows)["id"]
    with db.atomic():
        db["mentions"].update(mention_id, {"text": "Harbours are where this town swims"})
    assert [mention_id] == [h["id"] for h in db["mentions"].search("harbours")]


def test_refresh_writes_nothing_when_nothing_changed(nlp, fresh_db):
    db = fresh_db
    ingest(db, [Article("a", ARTICLE_A, outlet="City Herald"), Article("b", ARTICLE_B, outlet="Metro Daily")], nlp)
    before = db.conn.total_changes
    derived.refresh(db)
    # Speakers and aliases are small tables replaced whole; mentions and quotes are untouched.
    changed = db.conn.total_changes - before
    assert changed == 2 * (db["speakers"].count + db["speaker_aliases"].count) + db["speakers"].count


def test_refresh_follows_a_speaker_whose_canonical_name_changes(nlp, fresh_db):
    db = fresh_db
    ingest(db, [Article("a", "Budget row\n“The numbers do not add up,” Mr. Okonkwo said on Friday.", outlet="Wire")], nlp)
    [before] = db.query("select m.speaker_id, q.speaker_id as quote_speaker from mentions m "
                        "join quotes q on q.id = m.quote_id")
    ingest(db, [Article("b", "Minister quits\nFinance Minister Chidi Okonkwo resigned. “I am done,” he said.",
                        outlet="Daily")], nlp)
    rows = list(db.query("select m.article_id, m.speaker_id, q.speaker_id as quote_speaker from mentions m "
                         "join quotes q on q.id = m.quote_id order by m.article_id"))
    assert before["speaker_id"] != rows[0]["speaker_id"]
    assert [("a", "chidi-okonkwo", "chidi-okonkwo"), ("b", "chidi-okonkwo", "chidi-okonkwo")] == [
        (r["article_id"], r["speaker_id"], r["quote_speaker"]) for r in rows]
    assert ["chidi-okonkwo"] == [r["id"] for r in db["speakers"].rows]


def test_export_lists_every_quote_a_mention_renders(nlp, fresh_db):
    db = fresh_db
    ingest(db, [
        Article("a", "Library plan\n“We will keep every branch open,” Mayor Ana Ruiz said. “Libraries are where this "
                     "city learns,” she added.", outlet="City Herald", published="2024-05-06"),
        Article("b", "Ruiz on libraries\n“We will keep every branch open. Libraries are where this city learns,” "
                     "Mayor Ana Ruiz said.", outlet="Metro Daily", published="2024-05-07"),
    ], nlp)
    rows = {(r["article"], r["text"][:10]): r for r in store.export_rows(db)}
    keep, learns = rows[("a", "We will ke")], rows[("a", "Libraries ")]
    joined = rows[("b", "We will ke")]
    assert [keep["quote_id"]] == keep["quote_ids"]
    assert [keep["quote_id"], learns["quote_id"]] == joined["quote_ids"]  # primary first
    assert joined["quote_id"] == keep["quote_id"]


# --- first seen that tells the truth (issue 15, item 4) ----------------------------------------------

HARBOUR = "Harbour reopens\n“The new sea wall will hold through the winter storms,” said engineer Lotte Brandt.\n"


def ingest_printings(tmp_path, nlp, printings: list[tuple[str, str | None]]) -> dict:
    """The same quote printed by each (outlet, published); returns its quotes row."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for number, (outlet, published) in enumerate(printings):
        (folder / f"p{number}.txt").write_text(HARBOUR, encoding="utf-8")
        (folder / f"p{number}.json").write_text(json.dumps({"outlet": outlet, "published": published}))
    db = store.open_db(tmp_path / "q.db")
    ingest(db, read_paths([folder]), nlp)
    [row] = db.query("select first_seen, first_outlet, first_outlets, first_outlet_count, outlet_count from quotes")
    return row


def test_outlets_tying_on_the_first_day_are_all_first(tmp_path, nlp):
    row = ingest_printings(tmp_path, nlp, [("Delta", "2020-03-12"), ("Alpha", "2020-03-12"),
                                           ("Gamma", "2020-03-12T09:00:00+01:00"), ("Beta", "2020-03-12"),
                                           ("Late", "2020-03-13T06:00:00Z")])
    assert {"first_seen": "2020-03-12", "first_outlet": None, "first_outlets": '["Alpha", "Beta", "Delta", "Gamma"]',
            "first_outlet_count": 4, "outlet_count": 5} == row


def test_publication_times_decide_who_was_first(tmp_path, nlp):
    row = ingest_printings(tmp_path, nlp, [("Alpha", "2020-03-12T09:30:00+01:00"), ("Beta", "2020-03-12T08:00:00Z"),
                                           ("Gamma", "2020-03-12T10:00:00Z")])
    assert {"first_seen": "2020-03-12T08:00:00Z", "first_outlet": "Beta", "first_outlets": '["Beta"]',
            "first_outlet_count": 1, "outlet_count": 3} == row


@pytest.mark.parametrize("printed,expected", [
    ([("2020-03-12", "B"), ("2020-03-12T09:00:00Z", "A"), ("2020-03-13", "C")], ("2020-03-12", ["A", "B"])),
    ([("2020-03-12T10:00:00Z", "B"), ("2020-03-12T09:00:00Z", "A")], ("2020-03-12T09:00:00Z", ["A"])),
    ([("2020-03-12T09:00:00Z", "B"), ("2020-03-12T09:00:00Z", "A")], ("2020-03-12T09:00:00Z", ["A", "B"])),
    ([("2020-03-12", None), ("2020-03-12", "A"), (None, "Z")], ("2020-03-12", ["A", None])),
    ([(None, "B"), (None, "A")], (None, ["A", "B"])),
])
def test_first_printed(printed, expected):
    assert expected == derived.first_printed(printed)


def test_html_metadata_and_sidecar_times_are_stored_in_utc(tmp_path, nlp):
    folder = tmp_path / "corpus"
    folder.mkdir()
    page = ("<html><head><title>Sea wall holds</title>"
            "<meta property='article:published_time' content='{published}'>"
            "<meta property='article:modified_time' content='2020-03-15T09:00:00+01:00'></head><body><article>"
            "<h1>Sea wall holds</h1><p>The harbour reopened on Thursday after a week of repairs to the quay.</p>"
            "<p>“The new sea wall will hold through the winter storms,” said engineer Lotte Brandt.</p>"
            "</article></body></html>")
    (folder / "timed.html").write_text(page.format(published="2020-03-12T14:05:00+01:00"), encoding="utf-8")
    (folder / "dated.html").write_text(page.format(published="2020-03-12"), encoding="utf-8")
    (folder / "side.txt").write_text(HARBOUR, encoding="utf-8")
    (folder / "side.json").write_text(json.dumps({"published": "2020-03-11T23:30:00-05:00"}))
    db = store.open_db(tmp_path / "q.db")
    ingest(db, read_paths([folder]), nlp)
    assert {"dated": "2020-03-12", "side": "2020-03-12T04:30:00Z", "timed": "2020-03-12T13:05:00Z"} == {
        r["id"]: r["published"] for r in db.query("select id, published from articles")}


def test_new_quotes_are_stored_in_id_order(fresh_db):
    """Quote rows (and their FTS rowids) do not follow the hash order of a set of ids."""
    sentences = ["Buses will run all night.", "Taxes stay frozen this year.", "The zoo reopens in spring.",
                 "Potholes get fixed first.", "Our rivers must be clean.", "Nurses deserve better pay.",
                 "Schools open earlier now.", "Parking fees double downtown.", "The stadium plan is dead.",
                 "Housing comes before offices.", "Libraries close on Sundays.", "Cyclists need safer lanes."]
    text = " ".join(f"“{s}”" for s in sentences)
    mentions, start = [], 0
    for sentence in sentences:
        start = text.index(sentence, start)
        mentions.append(Mention(start, start + len(sentence), sentence, "Ana Ruiz", method="explicit"))
    store.save_article(fresh_db, Article("wards", text, outlet="City Herald", published="2024-05-06"),
                       "hash", "v1", mentions, [Person("Ana Ruiz")], store.load_quote_index(fresh_db))
    stored = [row[0] for row in fresh_db.execute("select id from quotes order by rowid")]
    assert 12 == len(stored)
    assert sorted(stored) == stored


def test_a_quote_s_speaker_reaches_only_whole_long_unattributed_mentions(nlp, fresh_db):
    """Propagation across articles: a whole quotation nobody names in its own article takes the
    speaker; a short fragment ("top secret" recurs in many mouths) and a mention whose article
    names a non-person source keep no speaker."""
    said = ("Budget\n\n“We will keep every branch of the library open through the winter,” Mayor Lena Ortiz "
            "said on Monday. The review found “top secret” files in the basement, Ortiz said.")
    unnamed = ("Libraries\n\nThe council met on Tuesday.\n\n"
               "“We will keep every branch of the library open through the winter.”\n\n"
               "The audit office has concluded that “top secret” files were kept.")
    ingest(fresh_db, [Article("a", said, outlet="City Herald"), Article("b", unnamed, outlet="Metro Daily")], nlp)
    rows = {r["text"]: (r["speaker_id"] is not None, r["method"]) for r in fresh_db.query(
        "select text, speaker_id, method from mentions where article_id = 'b'")}
    assert {"We will keep every branch of the library open through the winter.": (True, "cluster"),
            "top secret": (False, "role")} == rows


@pytest.mark.parametrize("speaker_mention,text,partial,expected", [
    (None, "We will keep every branch of the library open through the winter.", False, True),
    (None, "top secret", True, False),
    (None, "We will keep every branch open.", False, False),  # whole but short
    ("Mayor Lena Ortiz", "Fine.", False, True),  # the article names her; its people list missed her
    ("The audit office", "We will keep every branch of the library open through the winter.", False, False),
])
def test_which_mentions_take_a_quote_s_speaker(speaker_mention, text, partial, expected):
    mention = {"speaker_mention": speaker_mention, "text": text, "partial": partial}
    assert expected == derived._takes_cluster_speaker(mention, "Lena Ortiz")
