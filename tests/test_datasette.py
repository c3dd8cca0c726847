"""The Datasette UI through Datasette's own client: metadata, facets, search, canned queries, pages."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import yaml

from quotes import store
from quotes.web import CONFIG_DIR, make_datasette

CANNED = ["search", "quote_across_outlets", "speaker_said", "attribution_conflicts", "most_carried",
          "first_to_print", "outlet_changes"]
MENTION_FACETS = {"speaker_id", "outlet", "method", "partial", "published"}


# --- fixtures ------------------------------------------------------------------------------------

@pytest.fixture
def seed_ds(seed_db_path):
    return make_datasette(seed_db_path)


@pytest.fixture(scope="session")
def seed_facts(seed_db_path) -> dict:
    """Ids and outlets of the seed "Let me be clear" quote, read straight from the database."""
    conn = sqlite3.connect(seed_db_path)
    row = conn.execute("select quote_id, speaker_id from mentions where text like 'Let me be clear%' "
                       "and outlet = 'The Hill'").fetchone()
    assert row, "the seed corpus should yield The Hill's 'Let me be clear' mention"
    quote_id, speaker_id = row
    outlets = {r[0] for r in conn.execute(
        "select distinct outlet from mentions where outlet is not null and (quote_id = ? or id in "
        "(select mention_id from mention_quotes where quote_id = ?))", [quote_id, quote_id])}
    conn.close()
    return {"quote_id": quote_id, "speaker_id": speaker_id, "outlets": outlets}


MINI_ARTICLES = [
    ("a1", "Outlet A", "2021-05-01", "Budget row\nThe minister spoke. “We will not back down from this fight,” "
                                     "Jane Roe said on Monday. Later she left."),
    ("a2", "Outlet B", "2021-05-02", "Budget row\n“We shall not back down from this fight,” John Doe said."),
]


@pytest.fixture
def mini_db_path(tmp_path) -> Path:
    """A hand-made database: one quote two outlets attribute to different speakers, with differing words."""
    path = tmp_path / "mini.db"
    db = store.open_db(path)
    for article_id, outlet, published, text in MINI_ARTICLES:
        db["articles"].insert({"id": article_id, "outlet": outlet, "published": published, "text": text,
                               "title": "Budget row"})
    db["speakers"].insert_all([{"id": "jane-roe", "name": "Jane Roe", "description": "Minister", "mention_count": 1},
                               {"id": "john-doe", "name": "John Doe", "description": "Aide", "mention_count": 1}])
    db["speaker_aliases"].insert_all([{"speaker_id": "jane-roe", "alias": "Roe", "kind": "name", "article_count": 1},
                                      {"speaker_id": "jane-roe", "alias": "the minister", "kind": "role",
                                       "article_count": 1}])
    canonical = "We will not back down from this fight,"
    db["quotes"].insert({"id": "q1", "canonical": canonical, "speaker_id": "jane-roe", "mention_count": 2,
                         "article_count": 2, "outlet_count": 2, "first_seen": "2021-05-01",
                         "first_outlet": "Outlet A", "attribution_conflict": 1,
                         "speakers_named": json.dumps(["jane-roe", "john-doe"]), "dirty": 0})
    mentions = []
    for (article_id, outlet, published, text), speaker, diff in zip(MINI_ARTICLES, ["jane-roe", "john-doe"], [
            [["=", "We will not back down from this fight"]],
            [],  # no stored diff yet: the page computes one
    ]):
        start = text.index("“") + 1
        end = text.index(",”") + 1
        mentions.append({"id": f"{article_id}:{start}-{end}", "quote_id": "q1", "article_id": article_id,
                         "speaker_id": speaker, "text": text[start:end], "start": start, "end": end, "cue": "said",
                         "speaker_mention": speaker.replace("-", " ").title(), "method": "explicit", "partial": 0,
                         "similarity": 1.0 if article_id == "a1" else 0.8, "diff": json.dumps(diff),
                         "outlet": outlet, "published": published})
    db["mentions"].insert_all(mentions)
    db["mention_quotes"].insert_all([{"mention_id": m["id"], "quote_id": "q1", "is_primary": 1} for m in mentions])
    db.close()
    return path


@pytest.fixture
def mini_ds(mini_db_path):
    return make_datasette(mini_db_path)


async def get_json(ds, path: str):
    response = await ds.client.get(path)
    assert response.status_code == 200, response.text[:500]
    return response.json()


async def get_html(ds, path: str) -> str:
    response = await ds.client.get(path)
    assert response.status_code == 200, response.text[:500]
    return response.text


# --- configuration ---------------------------------------------------------------------------------

def test_every_table_and_column_is_described(fresh_db):
    tables = yaml.safe_load((CONFIG_DIR / "metadata.yml").read_text())["databases"]["quotes"]["tables"]
    for name in fresh_db.table_names():
        if name.startswith("_") or "_fts" in name:
            continue
        assert tables.get(name, {}).get("description"), f"{name} has no description"
        missing = {c.name for c in fresh_db[name].columns} - set(tables[name].get("columns", {}))
        assert not missing, f"{name} columns without a description: {missing}"


def test_every_facet_is_indexed(fresh_db):
    """Facets answer inside the facet time limit on large tables only if SQLite can scan an index."""
    tables = yaml.safe_load((CONFIG_DIR / "metadata.yml").read_text())["databases"]["quotes"]["tables"]
    for table, meta in tables.items():
        index_sql = " ".join(r[0] or "" for r in fresh_db.execute(
            "select sql from sqlite_master where type = 'index' and tbl_name = ?", [table])).replace(" ", "")
        leading = {index.columns[0] for index in fresh_db[table].indexes if index.columns}
        for facet in meta.get("facets", []):
            if isinstance(facet, dict):
                ((kind, column),) = facet.items()
                assert f"({kind}({column}))" in index_sql, (table, facet)
            else:
                assert facet in leading, (table, facet)


@pytest.mark.asyncio
async def test_instance_metadata_and_settings(mini_ds):
    metadata = await get_json(mini_ds, "/-/metadata.json")
    for key in ("title", "description_html", "source", "license"):
        assert metadata.get(key)
    settings = await get_json(mini_ds, "/-/settings.json")
    assert settings["sql_time_limit_ms"] <= 5000
    assert settings["facet_time_limit_ms"] <= 2000
    plugins = {p["name"]: p for p in await get_json(mini_ds, "/-/plugins.json")}
    assert plugins["datasette-search-all"]["version"].startswith("1.")
    assert "quotes_pages.py" in plugins


@pytest.mark.asyncio
async def test_internal_tables_and_columns_are_hidden(mini_ds):
    tables = {t["name"]: t for t in (await get_json(mini_ds, "/quotes.json"))["tables"]}
    for name, table in tables.items():
        internal = name.startswith(("_", "quote_index_")) or "_fts" in name or name == "feed_state"
        assert table["hidden"] == internal, name
    assert [d["name"] for d in await get_json(mini_ds, "/-/databases.json")] == ["quotes"]
    assert 'data-column="dirty"' not in await get_html(mini_ds, "/quotes/quotes")
    assert 'data-column="canonical"' in await get_html(mini_ds, "/quotes/quotes")
    assert 'data-column="content_hash"' not in await get_html(mini_ds, "/quotes/articles")


@pytest.mark.asyncio
async def test_read_only(mini_ds):
    response = await mini_ds.client.get("/quotes.json?sql=delete+from+quotes")
    assert response.status_code == 400
    metadata = yaml.safe_load((CONFIG_DIR / "metadata.yml").read_text())
    assert not any(q.get("write") for q in metadata["databases"]["quotes"]["queries"].values())
    for path in ["/quotes/quotes", "/quotes/search", "/quotes", "/-/search"]:
        assert (await mini_ds.client.post(path, data={"id": "x"})).status_code == 405
    assert len((await get_json(mini_ds, "/quotes/quotes.json"))["rows"]) == 1


# --- facets and search ----------------------------------------------------------------------------

@pytest.mark.asyncio
async def test_mention_facets(seed_ds, seed_facts):
    data = await get_json(seed_ds, "/quotes/mentions.json")
    assert MENTION_FACETS <= set(data["facet_results"])
    outlets = {r["value"]: r["count"] for r in data["facet_results"]["outlet"]["results"]}
    assert seed_facts["outlets"] <= set(outlets) and all(outlets[o] >= 1 for o in seed_facts["outlets"])
    speakers = {r["value"] for r in data["facet_results"]["speaker_id"]["results"]}
    assert seed_facts["speaker_id"] in speakers
    assert {r["value"] for r in data["facet_results"]["partial"]["results"]} <= {0, 1}
    assert "2020-03-12" in {r["value"] for r in data["facet_results"]["published"]["results"]}
    filtered = await get_json(seed_ds, "/quotes/mentions.json?outlet=The+Hill&_shape=objects")
    assert filtered["rows"] and {r["outlet"] for r in filtered["rows"]} == {"The Hill"}


@pytest.mark.asyncio
@pytest.mark.parametrize("table,column", [("quotes", "canonical"), ("mentions", "text"), ("articles", "text")])
async def test_table_full_text_search(seed_ds, table, column):
    rows = (await get_json(seed_ds, f"/quotes/{table}.json?_search=tolerate+attacks&_shape=objects"))["rows"]
    assert rows and all("tolerate" in r[column] for r in rows)


@pytest.mark.asyncio
async def test_search_query_ranks_quotes_mentions_and_articles(seed_ds, seed_facts):
    rows = await get_json(seed_ds, "/quotes/search.json?q=let+me+be+clear+tolerate&_shape=array")
    assert {"quote", "mention", "article"} <= {r["found_in"] for r in rows}
    assert [r["rank"] for r in rows] == sorted(r["rank"] for r in rows)
    assert seed_facts["quote_id"] in {r["quote_id"] for r in rows if r["found_in"] == "quote"}
    html = await get_html(seed_ds, "/quotes/search?q=let+me+be+clear")
    assert f'href="/quotes/quotes/{seed_facts["quote_id"]}"' in html
    assert "<mark>clear</mark>" in html.replace("<mark>Clear</mark>", "<mark>clear</mark>")


@pytest.mark.asyncio
@pytest.mark.parametrize("q", ['"all options', "options AND", "NEAR(", "*", "", "état d'urgence"])
async def test_search_query_accepts_any_text(seed_ds, q):
    response = await seed_ds.client.get("/quotes/search.json", params={"q": q, "_shape": "array"})
    assert response.status_code == 200, response.text


@pytest.mark.asyncio
async def test_search_all_plugin(seed_ds):
    html = await get_html(seed_ds, "/-/search?q=clear")
    assert "mentions" in html and "quotes" in html


# --- canned queries -------------------------------------------------------------------------------

@pytest.mark.asyncio
async def test_every_canned_query_is_listed(mini_ds):
    queries = {q["name"] for q in (await get_json(mini_ds, "/quotes.json"))["queries"]}
    assert set(CANNED) <= queries


@pytest.mark.asyncio
@pytest.mark.parametrize("by", ["id", "words"])
async def test_quote_across_outlets(seed_ds, seed_facts, by):
    quote = seed_facts["quote_id"] if by == "id" else "will not tolerate attacks against our people"
    rows = await get_json(seed_ds, f"/quotes/quote_across_outlets.json?quote={quote}&_shape=array")
    mine = [r for r in rows if r["quote_id"] == seed_facts["quote_id"]]
    assert seed_facts["outlets"] <= {r["outlet"] for r in mine}
    assert all(isinstance(json.loads(r["diff"] or "[]"), list) for r in mine)
    html = await get_html(seed_ds, f"/quotes/quote_across_outlets?quote={seed_facts['quote_id']}")
    assert "diff-add" in html or "diff-del" in html


@pytest.mark.asyncio
@pytest.mark.parametrize("speaker", ["id", "name", "alias"])
async def test_speaker_said(seed_ds, seed_facts, speaker):
    value = {"id": seed_facts["speaker_id"], "name": "Mark Esper", "alias": "Mr. Esper"}[speaker]
    if speaker != "id" and not seed_facts["speaker_id"]:
        pytest.skip("speaker not resolved")
    rows = await get_json(seed_ds, f"/quotes/speaker_said.json?speaker={value}&_shape=array")
    assert seed_facts["quote_id"] in {r["quote_id"] for r in rows}
    about = await get_json(seed_ds, f"/quotes/speaker_said.json?speaker={value}&about=tolerate&_shape=array")
    assert about and len(about) < len(rows) and all(r["speaker_id"] for r in about)
    assert await get_json(seed_ds, "/quotes/speaker_said.json?speaker=nobody-at-all&_shape=array") == []


@pytest.mark.asyncio
async def test_attribution_conflicts(mini_ds):
    rows = await get_json(mini_ds, "/quotes/attribution_conflicts.json?_shape=array")
    assert {(r["quote_id"], r["speaker_id"]) for r in rows} == {("q1", "jane-roe"), ("q1", "john-doe")}
    assert {r["outlets"] for r in rows} == {"Outlet A", "Outlet B"}


@pytest.mark.asyncio
async def test_most_carried(seed_ds, seed_facts):
    rows = await get_json(seed_ds, "/quotes/most_carried.json?_shape=array")
    assert seed_facts["quote_id"] in {r["quote_id"] for r in rows}
    assert [r["outlet_count"] for r in rows] == sorted((r["outlet_count"] for r in rows), reverse=True)
    assert all(r["outlet_count"] >= 2 for r in rows)
    wide = await get_json(seed_ds, "/quotes/most_carried.json?min_outlets=99&_shape=array")
    assert wide == []


@pytest.mark.asyncio
async def test_first_to_print(mini_ds):
    rows = await get_json(mini_ds, "/quotes/first_to_print.json?quote=q1&_shape=array")
    assert [(r["place"], r["outlet"], r["first_printed"]) for r in rows] == [
        (1, "Outlet A", "2021-05-01"), (2, "Outlet B", "2021-05-02")]
    by_words = await get_json(mini_ds, "/quotes/first_to_print.json?quote=back+down&_shape=array")
    assert by_words == rows


@pytest.mark.asyncio
async def test_first_to_print_seed(seed_ds, seed_facts):
    rows = await get_json(seed_ds, f"/quotes/first_to_print.json?quote={seed_facts['quote_id']}&_shape=array")
    assert rows[0]["place"] == 1 and seed_facts["outlets"] <= {r["outlet"] for r in rows}


@pytest.mark.asyncio
async def test_outlet_changes(mini_ds):
    rows = await get_json(mini_ds, "/quotes/outlet_changes.json?outlet=Outlet+B&_shape=array")
    assert [(r["outlet"], r["quote_id"], r["similarity"]) for r in rows] == [("Outlet B", "q1", 0.8)]
    assert await get_json(mini_ds, "/quotes/outlet_changes.json?outlet=Outlet+A&_shape=array") == []


@pytest.mark.asyncio
async def test_outlet_changes_seed(seed_ds):
    rows = await get_json(seed_ds, "/quotes/outlet_changes.json?_shape=array")
    assert [r["similarity"] for r in rows] == sorted(r["similarity"] for r in rows)
    assert all(r["similarity"] < 1 for r in rows)


# --- pages ----------------------------------------------------------------------------------------

@pytest.mark.asyncio
async def test_quote_page_lists_every_outlet_with_differences_highlighted(seed_ds, seed_facts):
    html = await get_html(seed_ds, f"/quotes/quotes/{seed_facts['quote_id']}")
    assert {"The Hill", "The New York Times"} <= seed_facts["outlets"]
    for outlet in seed_facts["outlets"]:
        assert f'data-outlet="{outlet}"' in html
    assert '<mark class="diff-add"' in html or '<del class="diff-del"' in html
    # each variant sits in its sentence: The Hill's cue follows the quote
    assert "Esper added." in html
    assert '/quotes/articles/000_f8c669939c954ce1#m-' in html
    assert f'/quotes/speakers/{seed_facts["speaker_id"]}' in html


@pytest.mark.asyncio
async def test_quote_page_on_hand_made_data(mini_ds):
    html = await get_html(mini_ds, "/quotes/quotes/q1")
    assert "“We will not back down from this fight,”" in html  # canonical, whole
    # Outlet B's stored diff is empty: the page computes it ("shall" for "will")
    assert '<del class="diff-del" title="in the canonical text, not here">will</del> ' in html
    assert '<mark class="diff-add" title="only in this version">shall</mark>' in html
    assert "Jane Roe said on Monday." in html and "The minister spoke." not in html  # one sentence of context
    assert "outlets name different speakers" in html
    assert '/quotes/articles/a2#m-12' in html


@pytest.mark.asyncio
async def test_long_quotes_are_not_truncated(seed_ds, seed_db_path):
    conn = sqlite3.connect(seed_db_path)
    quote_id, canonical = conn.execute("select id, canonical from quotes order by length(canonical) desc").fetchone()
    conn.close()
    html = await get_html(seed_ds, f"/quotes/quotes/{quote_id}")
    from markupsafe import escape
    assert str(escape(canonical)) in html
    assert str(escape(canonical)) in await get_html(seed_ds, "/quotes/quotes")


@pytest.mark.asyncio
async def test_article_page_highlights_quotes_in_place(seed_ds, seed_db_path):
    conn = sqlite3.connect(seed_db_path)
    start, text = conn.execute("select start, text from mentions where article_id = '000_f8c669939c954ce1' "
                               "and text like 'Let me be clear%'").fetchone()
    count = conn.execute("select count(*) from mentions where article_id = '000_f8c669939c954ce1'").fetchone()[0]
    conn.close()
    html = await get_html(seed_ds, "/quotes/articles/000_f8c669939c954ce1")
    assert f'<mark class="quote-mark" id="m-{start}" title="Mark Esper">Let me be clear,' in html
    assert html.count('<mark class="quote-mark"') == count
    assert "Pentagon: ‘All options are on the table’" in html  # headline as title
    assert "Defense Secretary Mark Esper told reporters" in html  # the text around quotes


@pytest.mark.asyncio
async def test_speaker_page(seed_ds, seed_facts):
    html = await get_html(seed_ds, f"/quotes/speakers/{seed_facts['speaker_id']}")
    assert '<h1 class="speaker-name">Mark Esper</h1>' in html
    assert "Mr. Esper" in html and "Defense Secretary" in html
    for outlet in seed_facts["outlets"]:
        assert outlet in html
    assert f'/quotes/quotes/{seed_facts["quote_id"]}' in html
    assert "mentions ·" in html


@pytest.mark.asyncio
async def test_speaker_page_on_hand_made_data(mini_ds):
    html = await get_html(mini_ds, "/quotes/speakers/jane-roe")
    assert "Roe" in html and "the minister" in html and "Outlet A" in html and "/quotes/quotes/q1" in html


@pytest.mark.asyncio
async def test_mention_and_quote_rows_link_to_their_pages(mini_ds):
    html = await get_html(mini_ds, "/quotes/mentions")
    assert '<a class="in-article" href="/quotes/articles/a1#m-' in html
    assert '<mark class="diff-add">shall</mark>' not in html  # a1's stored diff has no additions
    row = await get_html(mini_ds, "/quotes/mentions/" + "a1~3A32-70")
    assert 'href="/quotes/articles/a1#m-32"' in row
    assert '<a class="quote-link" href="/quotes/quotes/q1">We will not back down' in await get_html(mini_ds, "/quotes/quotes")
    assert 'data-column="extracted_method"' not in html


@pytest.mark.asyncio
async def test_header_search_box_on_every_page(mini_ds):
    for path in ["/", "/quotes", "/quotes/mentions", "/quotes/quotes/q1"]:
        assert 'action="/quotes/search"' in await get_html(mini_ds, path)
