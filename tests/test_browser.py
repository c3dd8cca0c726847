"""A real browser against `quotes serve`: search, compare a quote's versions, follow the links.

Runs on every corpus present: the seeds (../shared) and the bundled sample corpus, so a clone
without ../shared runs it too. Screenshots go to test-artifacts/ (gitignored).
"""

from __future__ import annotations

import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's /usr/bin/chromium"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_answers(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"quotes serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout}s")


@pytest.fixture
def server(corpus_db_path, tmp_path):
    """`quotes serve` on the corpus database, on a free port of 127.0.0.1; yields its base URL."""
    executable = Path(sys.executable).parent / "quotes"
    command = [str(executable)] if executable.exists() else [shutil.which("quotes") or "quotes"]
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(command + ["serve", "--db", str(corpus_db_path), "--port", str(port)],
                               stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_answers(base + "/-/versions.json", process)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture
def browser_page():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            yield page
        finally:
            browser.close()


def test_one_search_for_speaker_and_words(server, browser_page, corpus):
    """Type a name and a word into the header box: that speaker's quotes on the topic, in one step."""
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser_page
    page.goto(server + "/")
    page.fill("form.quote-search input[name=q]", corpus.query)
    page.press("form.quote-search input[name=q]", "Enter")
    page.wait_for_url("**/quotes/search?q=*")
    results = page.locator("li.search-result")
    assert results.count() >= 1
    first = results.first
    assert corpus.query_hit in first.locator("a.quote-link").inner_text()
    assert {corpus.speaker} == set(page.locator("li.search-result .result-meta a.speaker-link").all_inner_texts())
    assert re.fullmatch(r"\d+ outlets?", first.locator(".outlet-count").inner_text())
    assert corpus.query_miss not in page.locator("ol.search-results").inner_text()
    assert page.locator("li.search-result mark").count() >= 1 and page.locator("li.search-result mark").first.is_visible()
    assert page.locator(".search-facets .facet-outlet li").count() >= 1
    page.screenshot(path=str(ARTIFACTS / f"{corpus.name}-0-one-search.png"), full_page=True)
    # The quote link leads to the quote page.
    first.locator("a.quote-link").click()
    page.wait_for_url("**/quotes/quotes/q*")
    assert corpus.query_hit in page.locator("blockquote.canonical").inner_text()


def test_search_quote_compare_outlets_and_follow_links(server, browser_page, corpus_db_path, corpus):
    conn = sqlite3.connect(corpus_db_path)
    quote_id, speaker_id, outlet_article = conn.execute(
        "select quote_id, speaker_id, article_id from mentions where text like ? || '%' and outlet = ?",
        [corpus.quote_start, corpus.outlet]).fetchone()
    outlets = {r[0] or "" for r in conn.execute(
        "select distinct outlet from mentions where quote_id = ? or id in "
        "(select mention_id from mention_quotes where quote_id = ?)", [quote_id, quote_id])}
    speaker_name = conn.execute("select name from speakers where id = ?", [speaker_id]).fetchone()[0]
    conn.close()
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser_page
    shot = f"{corpus.name}-{{}}.png"

    # Search from the header box on the home page.
    page.goto(server + "/")
    page.fill("form.quote-search input[name=q]", corpus.quote_start)
    page.press("form.quote-search input[name=q]", "Enter")
    page.wait_for_url("**/quotes/search?q=*")
    results = page.locator(f'a.quote-link[href$="/quotes/quotes/{quote_id}"]')
    assert results.count() == 1
    assert page.locator(".snippet mark").count() >= 1
    page.screenshot(path=str(ARTIFACTS / shot.format("1-search")), full_page=True)

    # The quote page: every outlet's version, differences highlighted.
    results.first.click()
    page.wait_for_url(f"**/quotes/quotes/{quote_id}")
    assert corpus.quote_start in page.locator("blockquote.canonical").inner_text()
    shown = set(page.locator(".variant").evaluate_all("els => els.map(e => e.dataset.outlet)"))
    assert outlets <= shown and corpus.outlets <= shown
    highlights = page.locator(".variant mark.diff-add, .variant del.diff-del:not(.cut-words)")
    assert highlights.count() >= 1 and highlights.first.is_visible()
    # differences are styled, not just tagged
    background = highlights.first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    page.screenshot(path=str(ARTIFACTS / shot.format("2-quote")), full_page=True)

    # Through to the speaker.
    page.click("a.speaker-link")
    page.wait_for_url(f"**/quotes/speakers/{speaker_id}")
    assert page.locator("h1.speaker-name").inner_text() == speaker_name
    assert page.locator("ul.outlets li").count() >= 2
    assert page.locator("a.feed-link").count() == 1
    page.screenshot(path=str(ARTIFACTS / shot.format("3-speaker")), full_page=True)

    # Back to the quote, then to the outlet's article, where the quote is highlighted in place.
    page.go_back()
    page.locator(f'.variant[data-outlet="{corpus.outlet}"] a.article-link').first.click()
    page.wait_for_url(f"**/quotes/articles/{outlet_article}#m-*")
    anchor = page.url.split("#", 1)[1]
    target = page.locator(f"mark#{anchor}")
    assert target.is_visible() and target.inner_text().startswith(corpus.quote_start)
    assert target.evaluate("e => e.matches(':target')")
    assert page.locator("mark.quote-mark").count() >= 2
    page.screenshot(path=str(ARTIFACTS / shot.format("4-article")), full_page=True)


def test_cut_words_reachable_by_keyboard_and_touch(server, corpus_db_path, corpus):
    """Item 5: the words a version leaves out show on keyboard focus and on a tap, not only on hover."""
    sync_api = pytest.importorskip("playwright.sync_api")
    conn = sqlite3.connect(corpus_db_path)
    quote_ids = [r[0] for r in conn.execute("select id from quotes order by mention_count desc, id")]
    conn.close()
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 400, "height": 800}, has_touch=True, is_mobile=True)
            for quote_id in quote_ids:
                page.goto(f"{server}/quotes/quotes/{quote_id}")
                if page.locator(".variant .diff-cut").count():
                    break
            cut = page.locator(".variant .diff-cut").first
            words = cut.locator(".cut-words")
            assert not words.is_visible()
            cut.tap()
            assert words.is_visible() and words.inner_text()
            page.screenshot(path=str(ARTIFACTS / f"{corpus.name}-5-cut-tapped.png"), full_page=True)
            page.locator("h1, blockquote.canonical").first.click()  # elsewhere: hidden again
            assert not words.is_visible()
            page.keyboard.press("Tab")
            while not cut.evaluate("e => e === document.activeElement"):
                page.keyboard.press("Tab")
            assert words.is_visible()
        finally:
            browser.close()


def test_search_all_page_shows_no_article_texts(server, browser_page, corpus):
    """Item 7: the search-everything page leaves out full article texts and internal columns."""
    page = browser_page
    page.goto(f"{server}/-/search?q={corpus.words.split()[-1]}")
    page.wait_for_selector("#search-all-results table")
    page.wait_for_load_state("networkidle")
    articles = page.locator('#search-all-results > div:has(h2:has-text("quotes: articles")) th')
    articles.first.wait_for()
    assert "title" in articles.all_inner_texts()
    assert not {"text", "content_hash", "extractor_version"} & set(articles.all_inner_texts())
    assert "dirty" not in page.locator("#search-all-results th").all_inner_texts()
    longest = max(len(t) for t in page.locator("#search-all-results td").all_inner_texts())
    assert longest <= 241
    page.screenshot(path=str(ARTIFACTS / f"{corpus.name}-6-search-all.png"), full_page=True)
