"""The Datasette UI through Datasette's own client: metadata, facets, search, canned queries, pages."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
import yaml

from quotes import store
from quotes.web import CONFIG_DIR, make_datasette

CANNED = ["quote_across_outlets", "speaker_said", "attribution_conflicts", "most_carried",
          "first_to_print", "outlet_changes"]
MENTION_FACETS = {"speaker_id", "outlet", "method", "partial", "published"}


# --- fixtures ------------------------------------------------------------------------------------

@pytest.fixture
def seed_ds(corpus_db_path):
    """Datasette on the corpus database: the seeds, and the bundled sample (also without ../shared)."""
    return make_datasette(corpus_db_path)


@pytest.fixture(scope="session")
def seed_facts(corpus_db_path, corpus) -> dict:
    """Ids and outlets of the corpus's widely carried quote, read straight from the database."""
    conn = sqlite3.connect(corpus_db_path)
    row = conn.execute("select quote_id, speaker_id from mentions where text like ? || '%' "
                       "and outlet = ?", [corpus.quote_start, corpus.outlet]).fetchone()
    assert row, f"the corpus should yield {corpus.outlet}'s '{corpus.quote_start}' mention"
    quote_id, speaker_id = row
    outlets = {r[0] for r in conn.execute(
        "select distinct outlet from mentions where outlet is not null and (quote_id = ? or id in "
        "(select mention_id from mention_quotes where quote_id = ?))", [quote_id, quote_id])}
    conn.close()
    return {"quote_id": quote_id, "speaker_id": speaker_id, "outlets": outlets, "corpus": corpus}


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


async def get_json(ds, path: str, params: dict | None = None):
    response = await ds.client.get(path, params=params)
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
            if isinstance(facet, dict) and "outlet" not in facet:
                ((kind, column),) = facet.items()
                assert f"({kind}({column}))" in index_sql, (table, facet)
            elif isinstance(facet, dict):  # the outlet facet is a column facet that also counts NULL
                assert facet["outlet"] in leading, (table, facet)
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
        internal = (name.startswith(("_", "quote_index_")) or "_fts" in name
                    or name in {"feed_state", "mention_quotes", "article_people", "ingest_runs", "ingest_errors"})
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
    corpus = seed_facts["corpus"]
    assert corpus.date in {r["value"] for r in data["facet_results"]["published"]["results"]}
    filtered = await get_json(seed_ds, f"/quotes/mentions.json?outlet={corpus.outlet}&_shape=objects")
    assert filtered["rows"] and {r["outlet"] for r in filtered["rows"]} == {corpus.outlet}


@pytest.mark.asyncio
@pytest.mark.parametrize("table,column", [("quotes", "canonical"), ("mentions", "text"), ("articles", "text")])
async def test_table_full_text_search(seed_ds, corpus, table, column):
    rows = (await get_json(seed_ds, f"/quotes/{table}.json", params={"_search": corpus.words, "_shape": "objects"}))
    first = corpus.words.split()[0]
    assert rows["rows"] and all(first in r[column] for r in rows["rows"])


@pytest.mark.asyncio
@pytest.mark.parametrize("q", ['"all options', "options AND", "NEAR(", "*", "", "état d'urgence"])
async def test_search_query_accepts_any_text(seed_ds, q):
    response = await seed_ds.client.get("/quotes/search.json", params={"q": q, "_shape": "array"})
    assert response.status_code == 200, response.text


@pytest.mark.asyncio
async def test_search_all_plugin(seed_ds, corpus):
    html = await get_html(seed_ds, f"/-/search?q={corpus.words.split()[-1]}")
    assert "mentions" in html and "quotes" in html


# --- canned queries -------------------------------------------------------------------------------

@pytest.mark.asyncio
async def test_every_canned_query_is_listed(mini_ds):
    queries = {q["name"] for q in (await get_json(mini_ds, "/quotes.json"))["queries"]}
    assert set(CANNED) <= queries


@pytest.mark.asyncio
@pytest.mark.parametrize("by", ["id", "words"])
async def test_quote_across_outlets(seed_ds, seed_facts, corpus, by):
    quote = seed_facts["quote_id"] if by == "id" else corpus.words
    rows = await get_json(seed_ds, f"/quotes/quote_across_outlets.json?quote={quote}&_shape=array")
    mine = [r for r in rows if r["quote_id"] == seed_facts["quote_id"]]
    assert seed_facts["outlets"] <= {r["outlet"] for r in mine}
    assert all(isinstance(json.loads(r["diff"] or "[]"), list) for r in mine)
    html = await get_html(seed_ds, f"/quotes/quote_across_outlets?quote={seed_facts['quote_id']}")
    assert "diff-add" in html or "diff-del" in html


@pytest.mark.asyncio
@pytest.mark.parametrize("speaker", ["id", "name", "alias"])
async def test_speaker_said(seed_ds, seed_facts, corpus, speaker):
    value = {"id": seed_facts["speaker_id"], "name": corpus.speaker, "alias": corpus.alias}[speaker]
    if speaker != "id" and not seed_facts["speaker_id"]:
        pytest.skip("speaker not resolved")
    rows = await get_json(seed_ds, f"/quotes/speaker_said.json?speaker={value}&_shape=array")
    assert seed_facts["quote_id"] in {r["quote_id"] for r in rows}
    about = await get_json(seed_ds, f"/quotes/speaker_said.json?speaker={value}&about={corpus.words.split()[-1]}&_shape=array")
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
async def test_quote_page_lists_every_outlet_with_differences_highlighted(seed_ds, seed_facts, corpus):
    html = await get_html(seed_ds, f"/quotes/quotes/{seed_facts['quote_id']}")
    assert corpus.outlets <= seed_facts["outlets"]
    for outlet in seed_facts["outlets"]:
        assert f'data-outlet="{outlet}"' in html
    assert '<mark class="diff-add"' in html or '<del class="diff-del"' in html
    # each variant sits in its sentence: the outlet's cue follows the quote
    assert corpus.context in html
    assert f'/quotes/articles/{corpus.article_id}#m-' in html
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
async def test_quote_page_links_the_other_quotes_a_mention_renders(mini_db_path):
    # Outlet A's mention also renders a second utterance (q2), as a mention joining two sentences does
    db = store.open_db(mini_db_path)
    db["quotes"].insert({"id": "q2", "canonical": "Later she left.", "speaker_id": "jane-roe", "mention_count": 1,
                         "outlet_count": 1, "dirty": 0})
    a1 = next(db.query("select id from mentions where article_id = 'a1'"))["id"]
    db["mention_quotes"].insert({"mention_id": a1, "quote_id": "q2", "is_primary": 0, "similarity": 0.9})
    db.close()
    ds = make_datasette(mini_db_path)
    html = await get_html(ds, "/quotes/quotes/q1")
    assert 1 == html.count('class="also-renders"')  # Outlet A's version only
    assert '<a class="other-quote" href="/quotes/quotes/q2">“Later she left.”</a>' in html
    back = await get_html(ds, "/quotes/quotes/q2")  # the mention shows on q2's page, linking its primary
    assert 'data-outlet="Outlet A"' in back
    assert '<a class="other-quote" href="/quotes/quotes/q1">“We will not back down from this fight,”</a>' in back


@pytest.mark.asyncio
async def test_long_quotes_are_not_truncated(seed_ds, corpus_db_path):
    conn = sqlite3.connect(corpus_db_path)
    quote_id, canonical = conn.execute("select id, canonical from quotes order by length(canonical) desc").fetchone()
    conn.close()
    html = await get_html(seed_ds, f"/quotes/quotes/{quote_id}")
    from markupsafe import escape
    assert str(escape(canonical)) in html
    assert str(escape(canonical)) in await get_html(seed_ds, "/quotes/quotes")


@pytest.mark.asyncio
async def test_article_page_highlights_quotes_in_place(seed_ds, corpus_db_path, corpus):
    conn = sqlite3.connect(corpus_db_path)
    start, text = conn.execute("select start, text from mentions where article_id = ? and text like ? || '%'",
                               [corpus.article_id, corpus.quote_start]).fetchone()
    count = conn.execute("select count(*) from mentions where article_id = ?", [corpus.article_id]).fetchone()[0]
    conn.close()
    html = await get_html(seed_ds, f"/quotes/articles/{corpus.article_id}")
    assert f'<mark class="quote-mark" id="m-{start}" title="{corpus.speaker}">{corpus.quote_start}' in html
    assert html.count('<mark class="quote-mark"') == count
    assert corpus.headline in html  # headline as title
    assert corpus.article_words in html  # the text around quotes


@pytest.mark.asyncio
async def test_speaker_page(seed_ds, seed_facts, corpus):
    html = await get_html(seed_ds, f"/quotes/speakers/{seed_facts['speaker_id']}")
    assert f'<h1 class="speaker-name">{corpus.speaker}</h1>' in html
    assert corpus.alias in html and corpus.role in html
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


# --- issue 15: names not ids, counts that add up, the home page -----------------------------------

@pytest.mark.asyncio
async def test_canned_queries_show_names_titles_and_words_not_ids(seed_ds, seed_facts, corpus):
    """Item 2: quote text, speaker names and article titles as links; ids hidden; 0/1 as words; short titles."""
    html = await get_html(seed_ds, "/quotes/most_carried")
    assert "<title>The most widely carried quotes · quotes</title>" in html
    assert f'<a class="speaker-link" href="/quotes/speakers/{seed_facts["speaker_id"]}">{corpus.speaker}</a>' in html
    assert f'<a class="quote-link" href="/quotes/quotes/{seed_facts["quote_id"]}">{corpus.quote_start}' in html
    assert ".rows-and-columns .col-quote_id { display: none; }" in html
    changes = await get_html(seed_ds, "/quotes/quote_across_outlets?quote=" + seed_facts["quote_id"])
    assert f'class="article-link" href="/quotes/articles/{corpus.article_id}">{corpus.headline}' in changes
    assert '<td class="col-partial">whole</td>' in changes
    assert "select " not in changes.split("<title>")[1].split("</title>")[0]


@pytest.mark.asyncio
async def test_flags_read_as_words_in_tables(mini_ds):
    assert '<td class="col-attribution_conflict type-int">conflict</td>' in await get_html(mini_ds, "/quotes/quotes")
    assert '<td class="col-partial type-int">whole</td>' in await get_html(mini_ds, "/quotes/mentions")


@pytest.mark.asyncio
async def test_database_page_describes_each_question(mini_ds):
    html = await get_html(mini_ds, "/quotes")
    assert '<a href="/quotes/most_carried">The most widely carried quotes</a></dt>' in html
    assert "<dd>Quotes printed by the most outlets" in html


@pytest.fixture
def no_outlet_ds(mini_db_path):
    """The hand-made database with Outlet B's article stripped of its outlet."""
    conn = sqlite3.connect(mini_db_path)
    conn.execute("update articles set outlet = null where id = 'a2'")
    conn.execute("update mentions set outlet = null where article_id = 'a2'")
    conn.commit()
    conn.close()
    return make_datasette(mini_db_path)


@pytest.mark.asyncio
async def test_unknown_outlet_counts_and_facets(no_outlet_ds):
    """Item 6: an article without an outlet is an "unknown outlet" in facets and on the speaker page."""
    data = await get_json(no_outlet_ds, "/quotes/mentions.json?_extra=facet_results")
    facets = data["facet_results"].get("results", data["facet_results"])
    assert {("Outlet A", 1), ("unknown outlet", 1)} == {(r["label"], r["count"]) for r in facets["outlet"]["results"]}
    speaker = await get_html(no_outlet_ds, "/quotes/speakers/john-doe")
    assert '<a href="/quotes/mentions?speaker_id=john-doe&amp;outlet__isnull=1">unknown outlet</a>' in speaker
    assert '<p class="counts">1 mention ·' in speaker  # not "1 mentions"


def test_unknown_outlet_counts_as_an_outlet(fresh_db, nlp):
    """Item 6: a quote printed only by an article without outlet is carried by 1 outlet, not 0."""
    from quotes.ingest import ingest
    from quotes.sources import Article

    article = Article(id="memo", text="Memo\n“We will open the bridge in June,” Mayor Ann Holt said.", title="Memo",
                      outlet=None, url=None, published="2024-05-01", source="memo.txt")
    ingest(fresh_db, [article], nlp)
    assert [(1, 1)] == [(r["outlet_count"], r["mention_count"]) for r in fresh_db["quotes"].rows]
    assert [1] == [r["outlet_count"] for r in fresh_db["speakers"].rows]


@pytest.mark.asyncio
async def test_speaker_page_links_outlets_and_aliases_to_mentions(seed_ds, seed_facts, corpus):
    html = await get_html(seed_ds, f"/quotes/speakers/{seed_facts['speaker_id']}")
    outlet = f'<a href="/quotes/mentions?speaker_id={seed_facts["speaker_id"]}&amp;outlet={corpus.outlet.replace(" ", "+")}">'
    assert outlet in html
    assert f"/quotes/mentions?speaker_id={seed_facts['speaker_id']}&amp;speaker_mention=" in html


@pytest.mark.asyncio
async def test_home_page(mini_ds):
    """Item 7: people, quotes and articles first; one search box; no link twice; licence not on the quotes."""
    html = await get_html(mini_ds, "/")
    body = html.split("</header>", 1)[1]
    starts = [body.index(f'href="/quotes/{t}"') for t in ("speakers", "quotes", "articles")]
    assert starts == sorted(starts) and starts[0] < body.index('href="/quotes/most_carried"')
    assert 1 == html.count('role="search"')
    links = re.findall(r'href="([^"]+)"', body.split("<footer")[0])
    assert len(links) == len(set(links)), links
    assert "article_people" not in body and "ingest_runs" not in body
    licence = re.search(r'<p class="licence">(.*?)</p>', body, re.S).group(1)
    assert 'Apache-2.0</a>' in licence and "belong to the outlets" in licence
    assert "apache.org" not in html.split('<p class="licence">')[0].split("</header>", 1)[1]
    metadata = await get_json(mini_ds, "/-/metadata.json")
    assert "license_url" not in metadata


@pytest.mark.asyncio
async def test_search_all_page_leaves_out_hidden_columns_and_long_texts(mini_ds):
    html = await get_html(mini_ds, "/-/search?q=budget")
    assert '<script src="/-/quotes-search-all.js"></script>' in html
    script = await get_html(mini_ds, "/-/quotes-search-all.js")
    assert '"articles": ["text", "content_hash", "extractor_version"]' in script


# --- item 5: honest differences ---------------------------------------------------------------------

def load_pages_plugin():
    """datasette_config/plugins/quotes_pages.py as a module (Datasette loads it by path, not as a package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("quotes_pages_for_tests", CONFIG_DIR / "plugins" / "quotes_pages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def plain_text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", str(html))


def test_replaced_words_at_start_are_a_replacement_not_a_cut():
    pages = load_pages_plugin()
    html = pages.variant_html("They cannot fire on our bases", "You do not get to shoot at our bases")
    assert "diff-cut" not in html and "[…]" not in html
    assert '<del class="diff-del" title="in the canonical text, not here">You do not get to shoot at</del>' in html
    assert '<mark class="diff-add" title="only in this version">They cannot fire on</mark>' in html


def test_real_truncation_is_one_cut_marker():
    pages = load_pages_plugin()
    html = pages.variant_html("We will act now", "We will act now and we will act together")
    assert 1 == html.count("[…]") and "diff-cut" in html


def test_repeated_word_is_not_doubled():
    pages = load_pages_plugin()
    html = pages.variant_html("shoot at our bases, kill and wound Americans", "shoot at our bases and kill Americans")
    assert 1 == plain_text(html).count("kill")  # not "kill and kill wound"
    assert '<del class="diff-del" title="in the canonical text, not here">and</del> kill' in html


def test_similarity_is_the_same_whichever_end_was_cut_and_never_100_with_a_cut():
    pages = load_pages_plugin()
    canonical = "We will not wait for the next flood to tell us what we already know"
    start_cut = pages.word_share(pages.diff_runs(canonical, "for the next flood to tell us what we already know", None))
    end_cut = pages.word_share(pages.diff_runs(canonical, "We will not wait for the next flood to tell us", None))
    assert start_cut == end_cut == (11, 15)  # 73%, whichever end
    assert (15, 15) == pages.word_share(pages.diff_runs(canonical, canonical.upper(), None))


@pytest.mark.asyncio
async def test_legend_explains_methods_and_card_colours(mini_ds):
    html = await get_html(mini_ds, "/quotes/quotes/q1")
    assert "<dt>cluster</dt><dd>speaker taken from other outlets&#39; versions of the same quote" in html
    assert "yellow border</span> differs from the canonical text" in html
    assert '<abbr class="method" title="named at the quote' in html
    assert "% of the words as quoted" in html and "% similar" not in html


# --- first seen that tells the truth (issue 15, item 4) ----------------------------------------------

@pytest.fixture
def tied_ds(tmp_path, nlp):
    """One quote printed by four outlets on 12 March 2020 (one of them with a time) and one a day later."""
    from quotes.ingest import ingest
    from quotes.sources import read_paths

    folder = tmp_path / "corpus"
    folder.mkdir()
    text = "Harbour reopens\n“The new sea wall will hold through the winter storms,” said engineer Lotte Brandt.\n"
    for number, (outlet, published) in enumerate([("Delta", "2020-03-12"), ("Alpha", "2020-03-12"),
                                                  ("Gamma", "2020-03-12T09:00:00Z"), ("Beta", "2020-03-12"),
                                                  ("Late", "2020-03-13T06:00:00Z")]):
        (folder / f"p{number}.txt").write_text(text, encoding="utf-8")
        (folder / f"p{number}.json").write_text(json.dumps({"outlet": outlet, "published": published}))
    db = store.open_db(tmp_path / "tied.db")
    ingest(db, read_paths([folder]), nlp)
    [quote_id] = [r["id"] for r in db.query("select id from quotes")]
    db.close()
    return make_datasette(tmp_path / "tied.db"), quote_id


@pytest.mark.asyncio
async def test_quote_page_says_when_outlets_tie_for_first(tied_ds):
    ds, quote_id = tied_ds
    html = await get_html(ds, f"/quotes/quotes/{quote_id}")
    assert "first seen 12 Mar 2020 in 4 outlets" in html


@pytest.mark.asyncio
async def test_first_to_print_gives_tied_outlets_the_same_place(tied_ds):
    ds, quote_id = tied_ds
    rows = await get_json(ds, f"/quotes/first_to_print.json?quote={quote_id}&_shape=array")
    assert [(1, "Alpha", 4), (1, "Beta", 4), (1, "Delta", 4), (1, "Gamma", 4), (5, "Late", 1)] == [
        (r["place"], r["outlet"], r["outlets_in_place"]) for r in rows]


def test_first_seen_text():
    import importlib.util

    # The plugin module, as Datasette loads it from datasette_config/plugins.
    spec = importlib.util.spec_from_file_location("quotes_pages", CONFIG_DIR / "plugins" / "quotes_pages.py")
    plugin = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(plugin)
    first_seen_text = plugin.first_seen_text

    assert "12 Mar 2020, 08:05 UTC in Beta" == first_seen_text(
        {"first_seen": "2020-03-12T08:05:00Z", "first_outlet": "Beta", "first_outlet_count": 1})
    assert "2 Mar 2020 in 3 outlets" == first_seen_text(
        {"first_seen": "2020-03-02", "first_outlet": None, "first_outlet_count": 3})
    assert "spring 2020" == first_seen_text({"first_seen": "spring 2020", "first_outlet": None})
