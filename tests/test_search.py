"""The one search box (names and words), its Atom feeds, and key terms, on real databases.

Runs on the bundled sample corpus always and on the seeds when ../shared is present.
"""

from __future__ import annotations

import sqlite3
import xml.etree.ElementTree as ET
from urllib.parse import urlencode

import pytest

from quotes import search as find
from quotes.web import make_datasette

from .conftest import SAMPLE

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def sample_db_path(ingested_db):
    return ingested_db(SAMPLE)


@pytest.fixture
def sample_conn(sample_db_path):
    conn = sqlite3.connect(sample_db_path)
    yield conn
    conn.close()


@pytest.fixture
def ds(corpus_db_path):
    return make_datasette(corpus_db_path)


@pytest.fixture
def sample_ds(sample_db_path):
    return make_datasette(sample_db_path)


async def get(ds, path: str, **params):
    response = await ds.client.get(path, params=params or None)
    assert 200 == response.status_code, response.text[:500]
    return response


# --- item 1: names loosely, words by stem and prefix --------------------------------------------------

@pytest.mark.parametrize("query", ["Marsh", "marsh", "Elena Marsh", "elena  MARSH", "ElenaMarsh", "Ms. Marsh",
                                   "Mayor Marsh", "mayor elena r. marsh", "Mr Marsh"])
def test_speaker_names_match_loosely(sample_conn, query):
    parsed = find.parse_query(sample_conn, query)
    assert (["elena-marsh"], []) == (parsed.speakers, parsed.words)


@pytest.mark.parametrize("query,speakers,words", [
    ("Mayor Marsh steel", ["elena-marsh"], ["steel"]),
    ("steel Marsh", ["elena-marsh"], ["steel"]),
    ("what did Marsh say about the steel", ["elena-marsh"], ["steel"]),
    ("Okafor pumps", ["tom-okafor"], ["pumps"]),
    ("harbor flood", [], ["harbor", "flood"]),
])
def test_query_split_into_speakers_and_words(sample_conn, query, speakers, words):
    parsed = find.parse_query(sample_conn, query)
    assert (speakers, words) == (parsed.speakers, parsed.words)


def test_names_off_reads_names_as_words(sample_conn):
    parsed = find.parse_query(sample_conn, "Marsh", match_names=False)
    assert ([], ["Marsh"]) == (parsed.speakers, parsed.words)


def test_words_match_by_prefix_and_stem(sample_conn):
    # "Norweg" is a prefix of "Norwegian-made"; "prices" stems to "price" ("fixed its price").
    for query in ["Norweg", "Marsh prices"]:
        result = find.search(sample_conn, find.parse_query(sample_conn, query))
        assert any("Norwegian" in r["canonical"] for r in result.results), query


@pytest.mark.asyncio
async def test_speaker_and_word_query_groups_quotes(ds, corpus):
    data = (await get(ds, "/quotes/search.json", q=corpus.query)).json()
    canonicals = [r["canonical"] for r in data["results"]]
    assert [corpus.speaker] == [s["name"] for s in data["speakers"]]
    assert corpus.query_hit in canonicals[0]  # seeds: "Esper Iran" → "Iranian-backed" first
    assert not any(corpus.query_miss in c for c in canonicals)
    assert {corpus.speaker} == {r["speaker_name"] for r in data["results"]}
    assert len(canonicals) == len({r["quote_id"] for r in data["results"]})  # each quote once
    html = (await get(ds, "/quotes/search", q=corpus.query)).text
    first = data["results"][0]
    assert f'<a class="quote-link" href="/quotes/quotes/{first["quote_id"]}">' in html
    assert f'<a class="speaker-link" href="/quotes/speakers/{first["speaker_id"]}">{corpus.speaker}</a>' in html
    outlets = first["outlet_count"]
    assert f'<span class="outlet-count">{outlets} outlet{"" if outlets == 1 else "s"}</span>' in html
    assert "<mark>" in html
    assert f"<title>{corpus.query} · search quotes</title>" in html


@pytest.mark.asyncio
async def test_versions_of_one_quote_give_one_result(sample_ds):
    # "next flood" is in four outlets' versions of one quote
    data = (await get(sample_ds, "/quotes/search.json", q="next flood")).json()
    assert 1 == len(data["results"])
    assert 3 == data["results"][0]["outlet_count"]


@pytest.mark.asyncio
async def test_order_is_relevance_then_how_widely_carried(sample_ds):
    data = (await get(sample_ds, "/quotes/search.json", q="steel")).json()
    keys = [(r["tier"], -r["outlet_count"]) for r in data["results"]]
    assert keys == sorted(keys) and len(keys) >= 3
    assert "Norwegian" in data["results"][0]["canonical"]  # the one two outlets printed


@pytest.mark.asyncio
async def test_facets_filter_by_speaker_outlet_date_and_unknown_outlet(sample_ds):
    data = (await get(sample_ds, "/quotes/search.json", q="barrier")).json()
    assert {"speaker", "outlet", "date"} <= set(data["facets"])
    assert "unknown outlet" in {f["value"] for f in data["facets"]["outlet"]}
    unknown = (await get(sample_ds, "/quotes/search.json", q="barrier", outlet="unknown outlet")).json()
    # the newsletter names no outlet: its quote, then its other quote whose sentence is about the barrier
    assert [("The barrier goes up this year", 0), ("and the harbor walk stays open.", 2)] == [
        (r["canonical"], r["tier"]) for r in unknown["results"]]
    dated = (await get(sample_ds, "/quotes/search.json", q="steel", date="2024-04-15")).json()
    assert dated["results"] and dated["total"] < data["total"] + 10
    by_speaker = (await get(sample_ds, "/quotes/search.json", q="steel", speaker="dana-pike")).json()
    assert {"Dana Pike"} == {r["speaker_name"] for r in by_speaker["results"]}
    html = (await get(sample_ds, "/quotes/search", q="steel", speaker="dana-pike")).text
    assert "speaker: Dana Pike" in html and 'href="/quotes/search?q=steel"' in html  # remove the filter


@pytest.mark.asyncio
async def test_empty_and_no_result_states_say_what_to_try(sample_ds):
    empty = (await get(sample_ds, "/quotes/search")).text
    assert "Type a speaker and what they spoke about" in empty
    assert '<a class="example" href="/quotes/search?q=' in empty
    none = (await get(sample_ds, "/quotes/search", q="Marsh zeppelins")).text
    assert "No quotes match <strong>Marsh zeppelins</strong>" in none
    assert 'href="/quotes/search?q=Marsh">every quote by Elena Marsh</a>' in none
    assert "“zeppelins” said by anyone" in none


@pytest.mark.asyncio
@pytest.mark.parametrize("q", ['"all options', "options AND", "NEAR(", "*", "", "état d'urgence", "a b c d e f g h",
                               "x" * 300, "Marsh " + "y" * 5000, "%_" * 100, "steel " * 200])
async def test_search_accepts_any_text(sample_ds, q):
    for suffix in ["", ".json", ".atom"]:
        assert 200 == (await sample_ds.client.get(f"/quotes/search{suffix}", params={"q": q})).status_code


# --- item 3: follow a person or a saved search -----------------------------------------------------

@pytest.mark.asyncio
async def test_atom_feed_per_speaker_linked_from_speaker_page(sample_ds):
    page = (await get(sample_ds, "/quotes/speakers/elena-marsh")).text
    assert '<a class="feed-link" href="/quotes/search.atom?speaker=elena-marsh">' in page
    assert 'type="application/atom+xml"' in page
    response = await get(sample_ds, "/quotes/search.atom", speaker="elena-marsh")
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert 4 == len(entries)
    assert all(e.find(f"{ATOM}title").text.startswith("Elena Marsh: “") for e in entries)
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)  # newest first
    assert entries[0].find(f"{ATOM}link").get("href").startswith("http://localhost/quotes/quotes/q")


@pytest.mark.asyncio
async def test_atom_feed_per_saved_search(sample_ds):
    page = (await get(sample_ds, "/quotes/search", q="Mayor Marsh steel")).text
    assert 'href="/quotes/search.atom?q=Mayor+Marsh+steel"' in page
    feed = ET.fromstring((await get(sample_ds, "/quotes/search.atom", q="Mayor Marsh steel")).content)
    titles = [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")]
    assert ["Elena Marsh: “The Norwegian-made steel arrives in May, and we have fixed its price”"] == titles
    empty = ET.fromstring((await get(sample_ds, "/quotes/search.atom", q="zeppelins")).content)
    assert [] == empty.findall(f"{ATOM}entry") and empty.find(f"{ATOM}title").text


# --- item 11: key terms ------------------------------------------------------------------------------

def test_key_terms_stored_per_quote_at_ingest(sample_conn):
    terms = {t for (t,) in sample_conn.execute(
        "select term from quote_terms join quotes on quotes.id = quote_id where canonical like 'The Norwegian%'")}
    assert any("steel" in t.lower() for t in terms), terms
    assert not {t for t in terms if "Marsh" in t}  # the speaker's own name is not a topic
    assert "Mayor" not in terms  # nor the role


@pytest.mark.asyncio
async def test_key_terms_faceted_and_shown_on_quote_and_speaker_pages(sample_ds, sample_conn):
    quote_id = sample_conn.execute("select id from quotes where canonical like 'The Norwegian%'").fetchone()[0]
    term = sample_conn.execute("select term from quote_terms where quote_id = ? order by score desc",
                               [quote_id]).fetchone()[0]
    facet = (await get(sample_ds, "/quotes/quote_terms.json", _facet="term", _facet_size="max")).json()["facet_results"]["term"]
    assert term in {r["value"] for r in facet["results"]}
    quote = (await get(sample_ds, f"/quotes/quotes/{quote_id}")).text
    assert 'class="terms quote-topics"' in quote and f'href="/quotes/search?{urlencode({"topic": term})}"' in quote
    speaker = (await get(sample_ds, "/quotes/speakers/elena-marsh")).text
    assert f'href="/quotes/search?{urlencode({"speaker": "elena-marsh", "topic": term})}"'.replace("&", "&amp;") in speaker
    topic = (await get(sample_ds, "/quotes/search.json", topic=term)).json()
    assert quote_id in {r["quote_id"] for r in topic["results"]}
