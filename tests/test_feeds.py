"""Feeds over real HTTP: a http.server on 127.0.0.1 (ephemeral port) serving a feed and article pages.

Real feedparser, httpx and trafilatura throughout; timeouts are short so the suite stays fast.
The articles are invented for these tests.
"""

from __future__ import annotations

import http.server
import threading
import time
from email.utils import formatdate

import pytest

from quotes import store
from quotes.feeds import (FeedState, FetchError, FetchSettings, canonical_url, entry_article_id, fetch,
                          http_client, parse_feed)
from quotes.nightly import Source, run_nightly

FAST = FetchSettings(timeout=0.5, retries=1, backoff=0.0)

PAGES = {
    "/news/ferry.html": (
        "Ferry service to Kesterholm resumes after storm repairs",
        [
            "The ferry link between the mainland and Kesterholm island reopened on Monday after three weeks "
            "of repairs to the landing stage, which was damaged when a storm drove a barge into it.",
            "“The crossings will run on the winter timetable from tomorrow, and every sailing is staffed,” "
            "said Ingrid Vassar, the operations director of the Kesterholm Ferry Company.",
            "Islanders had relied on a small water taxi during the closure. Shop owners said deliveries of "
            "fresh food had arrived late and in smaller quantities than usual.",
            "“We lost most of our December trade, but people here are patient,” said Tomas Brekke, who "
            "runs the bakery beside the harbour. He added that the council should plan for the next storm.",
        ]),
    "/news/bridge.html": (
        "Engineers question timetable for the Vell river bridge",
        [
            "A panel of engineers told the regional assembly on Tuesday that the new bridge over the Vell "
            "river cannot open before the spring of next year, months later than promised.",
            "“The foundations on the eastern bank sit on softer clay than the survey showed,” said Amara "
            "Quist, who chairs the panel. “We would rather be late than build something that moves.”",
            "The assembly's transport committee will publish a revised budget next month. Commuters now "
            "face a detour of about twenty minutes through the old town.",
            "“Nobody in this chamber wants to explain another delay to the public,” said assembly member "
            "Pavel Lindqvist, who has called for monthly progress reports.",
        ]),
    "/news/orchard.html": (
        "Cooperative plants a thousand apple trees on former airfield",
        [
            "Volunteers from the Hollin Valley growers' cooperative finished planting a thousand apple trees "
            "on the runway verges of the closed Hollin airfield at the weekend.",
            "“In five years this will be the largest community orchard in the county,” said Rosa Delmont, "
            "the cooperative's chair, as she handed out spades to the last group of volunteers.",
            "The airfield closed to flights a decade ago. Its hangars now house a repair workshop and a "
            "weekly market, and the cooperative leases the grass from the county council.",
            "“We chose old local varieties because they cope with the wind off the hills,” said orchard "
            "adviser Jonah Pike, who selected the trees.",
        ]),
}


def page_html(title: str, paragraphs: list[str], site: str = "The Valley Courier") -> bytes:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title} | {site}</title>"
            f"<meta property=\"og:site_name\" content=\"{site}\"><meta property=\"og:title\" content=\"{title}\">"
            f"</head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
            f"<article><h1>{title}</h1>{body}</article>"
            f"<footer>Copyright The Valley Courier. All rights reserved.</footer></body></html>").encode("utf-8")


def rss(base: str, paths: list[str], title: str = "The Valley Courier: news") -> bytes:
    items = "".join(
        f"<item><title>{PAGES[p][0] if p in PAGES else p}</title><link>{base}{p}?utm_source=rss</link>"
        f"<guid isPermaLink=\"false\">{p.strip('/').replace('/', '-')}</guid>"
        f"<pubDate>Tue, 0{n + 1} Dec 2026 08:00:00 GMT</pubDate></item>"
        for n, p in enumerate(paths))
    return (f"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>{title}</title>"
            f"<link>{base}/</link><description>Local news</description>{items}</channel></rss>").encode("utf-8")


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


class FeedServer:
    """Routes map a path to (status, headers, body), to a callable(handler) returning one, or to "hang"."""

    def __init__(self) -> None:
        self.routes: dict = {}
        self.requests: list[tuple[str, dict]] = []
        self.hang_seconds = 3.0
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                path = self.path.split("?")[0]
                owner.requests.append((path, {k.lower(): v for k, v in self.headers.items()}))
                spec = owner.routes.get(path, (404, {}, b"not found"))
                if callable(spec):
                    spec = spec(self)
                if spec == "hang":
                    time.sleep(owner.hang_seconds)
                    return
                status, headers, body = spec
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    if status != 304:
                        self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if status != 304:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):  # keep the test output clean
                pass

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def paths_requested(self) -> list[str]:
        return [path for path, _ in self.requests]

    def conditional(self, path: str, body: bytes, content_type: str, etag: str) -> None:
        """Serve ``body`` with validators; answer 304 to a request that presents them."""
        last_modified = formatdate(1796000000, usegmt=True)

        def respond(handler):
            # As RFC 9110 says: If-None-Match, when sent, decides; If-Modified-Since only without it.
            if_none_match = handler.headers.get("If-None-Match")
            if if_none_match == etag or (if_none_match is None and
                                         handler.headers.get("If-Modified-Since") == last_modified):
                return 304, {"ETag": etag, "Last-Modified": last_modified}, b""
            return 200, {"Content-Type": content_type, "ETag": etag, "Last-Modified": last_modified}, body

        self.routes[path] = respond

    def serve_pages(self, with_validators: bool = True) -> None:
        for path, (title, paragraphs) in PAGES.items():
            if with_validators:
                self.conditional(path, page_html(title, paragraphs), "text/html; charset=utf-8", f'"{path}-v1"')
            else:
                self.routes[path] = (200, {"Content-Type": "text/html; charset=utf-8"}, page_html(title, paragraphs))

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    server = FeedServer()
    yield server
    server.close()


@pytest.fixture
def db(tmp_path):
    db = store.open_db(tmp_path / "quotes.db")
    yield db
    db.close()


def feed_source(url: str, settings: FetchSettings = FAST, outlet: str | None = None) -> Source:
    return Source("feed", url, url=url, outlet=outlet, fetch=settings)


def errors(db) -> dict[str, str]:
    return {row["source"]: row["reason"] for row in db.query("select source, reason from ingest_errors")}


# --- fetching ------------------------------------------------------------------------------------

def test_entry_article_id_is_stable():
    feed = "https://news.example/rss"
    plain = entry_article_id(feed, "https://news.example/a/1")
    assert plain == entry_article_id(feed, "https://NEWS.example/a/1?utm_source=rss&utm_medium=x#comments")
    assert plain == entry_article_id(feed, "https://news.example/a/1", guid="123")  # bare guid: the link decides
    assert plain != entry_article_id(feed, "https://news.example/a/2")
    assert entry_article_id(feed, "https://x.example/p", guid="https://news.example/a/1") == plain
    assert canonical_url("https://a.example/x?id=3&utm_campaign=y") == "https://a.example/x?id=3"


def test_fetch_retries_500_then_gives_up(server):
    server.routes["/feed.xml"] = (500, {}, b"boom")
    slept = []
    with http_client(FAST) as client, pytest.raises(FetchError, match=r"HTTP 500 \(3 attempts\)"):
        fetch(client, server.url("/feed.xml"), FetchSettings(timeout=0.5, retries=2, backoff=0.25), sleep=slept.append)
    assert server.paths_requested() == ["/feed.xml"] * 3
    assert slept == [0.25, 0.5]  # exponential backoff


def test_fetch_retries_transient_failure_then_succeeds(server):
    answers = iter([(503, {}, b"busy"), (200, {"Content-Type": "text/plain"}, b"ok")])
    server.routes["/x"] = lambda handler: next(answers)
    with http_client(FAST) as client:
        fetched = fetch(client, server.url("/x"), FAST, sleep=lambda _s: None)
    assert (200, b"ok") == (fetched.status, fetched.content)


def test_fetch_404_is_not_retried(server):
    with http_client(FAST) as client, pytest.raises(FetchError, match="^HTTP 404$"):
        fetch(client, server.url("/missing"), FAST, sleep=lambda _s: None)
    assert server.paths_requested() == ["/missing"]


def test_fetch_times_out(server):
    server.routes["/slow"] = "hang"
    settings = FetchSettings(timeout=0.3, retries=0)
    started = time.monotonic()
    with http_client(settings) as client, pytest.raises(FetchError, match=r"timed out \(timeout 0.3s\)"):
        fetch(client, server.url("/slow"), settings)
    assert time.monotonic() - started < 2


def test_fetch_refused_connection():
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with http_client(FAST) as client, pytest.raises(FetchError, match="connection failed"):
        fetch(client, f"http://127.0.0.1:{port}/feed.xml", FAST, sleep=lambda _s: None)


def test_fetch_rejects_oversized_body(server):
    server.routes["/big"] = (200, {"Content-Type": "text/html"}, b"x" * 5000)
    with http_client(FAST) as client, pytest.raises(FetchError, match="oversized"):
        fetch(client, server.url("/big"), FetchSettings(timeout=0.5, max_bytes=1000))


def test_fetch_conditional_get(server):
    server.conditional("/feed.xml", b"<rss/>", "application/rss+xml", '"v1"')
    with http_client(FAST) as client:
        first = fetch(client, server.url("/feed.xml"), FAST)
        second = fetch(client, server.url("/feed.xml"), FAST, etag=first.etag, last_modified=first.last_modified)
    assert (200, 304) == (first.status, second.status)
    assert server.requests[1][1]["if-none-match"] == '"v1"'
    assert server.requests[1][1]["if-modified-since"] == first.last_modified


@pytest.mark.parametrize("garbage", [
    b"<rss><channel><item><title>unclosed",
    b"\x89PNG\r\n\x1a\n\x00\x00binary",
    b"<!DOCTYPE html><html><body><p>Not a feed at all.</p></body></html>",
    b"",
])
def test_parse_feed_rejects_garbage(garbage):
    with pytest.raises(FetchError, match="unparseable feed"):
        parse_feed(garbage, "http://127.0.0.1/feed.xml")


def test_parse_atom_feed_keeps_the_time_in_utc():
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour notes</title><id>urn:uuid:feed</id>
<updated>2026-12-04T09:00:00Z</updated>
<entry><title>Dredging starts</title><id>urn:uuid:1b2c</id><link href="/notes/dredging"/>
<updated>2026-12-04T09:00:00+01:00</updated></entry>
<entry><title>Tide tables</title><id>urn:uuid:1b2d</id><link href="/notes/tides"/>
<published>2026-12-05</published><updated>2026-12-06T10:00:00Z</updated></entry></feed>"""
    title, [entry, dated] = parse_feed(atom, "http://h.example/atom.xml", "application/atom+xml")
    assert (title, entry.link, entry.title, entry.published) == (
        "Harbour notes", "http://h.example/notes/dredging", "Dredging starts", "2026-12-04T08:00:00Z")
    assert entry.article_id == entry_article_id("", "http://h.example/notes/dredging")
    assert "2026-12-05" == dated.published  # published (a date only) wins over updated


def test_parse_feed_reads_entries():
    title, entries = parse_feed(rss("http://h.example", list(PAGES)), "http://h.example/feed.xml")
    assert title == "The Valley Courier: news"
    assert [e.link for e in entries] == [f"http://h.example{p}?utm_source=rss" for p in PAGES]
    assert [e.published for e in entries] == ["2026-12-01T08:00:00Z", "2026-12-02T08:00:00Z", "2026-12-03T08:00:00Z"]
    assert entries[0].article_id == entry_article_id("x", "http://h.example/news/ferry.html")


# --- feeds through the nightly ingest ------------------------------------------------------------

def test_feed_articles_are_ingested_with_metadata(server, db, nlp):
    server.serve_pages()
    server.conditional("/feed.xml", rss(server.base, list(PAGES)), "application/rss+xml", '"feed-v1"')
    result = run_nightly(db, [feed_source(server.url("/feed.xml"))], nlp)
    assert (3, 3, 0) == (result.ingest.seen, result.ingest.added, len(result.ingest.errors))
    ferry = db["articles"].get(entry_article_id("", server.url("/news/ferry.html")))
    assert ferry["title"] == "Ferry service to Kesterholm resumes after storm repairs"
    assert ferry["outlet"] == "The Valley Courier"
    assert ferry["published"] == "2026-12-01T08:00:00Z"
    assert ferry["url"] == server.url("/news/ferry.html?utm_source=rss")
    assert "landing stage" in ferry["text"] and "All rights reserved" not in ferry["text"]
    assert {m["article_id"] for m in db["mentions"].rows} == {r["id"] for r in db["articles"].rows}
    assert db["speakers"].count > 0  # the end-of-run refresh ran
    assert {r["kind"] for r in db["feed_state"].rows} == {"feed", "page"}
    run = list(db.query("select * from ingest_runs"))[-1]
    assert (run["command"], run["status"], run["articles_added"]) == ("nightly", "completed", 3)


def test_feed_source_outlet_overrides_site_name(server, db, nlp):
    server.serve_pages()
    server.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss(server.base, ["/news/orchard.html"]))
    run_nightly(db, [feed_source(server.url("/feed.xml"), outlet="Hollin Weekly")], nlp)
    assert [r["outlet"] for r in db["articles"].rows] == ["Hollin Weekly"]


def test_second_run_is_conditional_for_the_feed_and_its_pages(server, db, nlp):
    server.serve_pages()
    server.conditional("/feed.xml", rss(server.base, list(PAGES)), "application/rss+xml", '"feed-v1"')
    source = feed_source(server.url("/feed.xml"))
    run_nightly(db, [source], nlp)
    before = {name: list(db[name].rows) for name in ("articles", "mentions", "quotes", "speakers")}
    server.requests.clear()

    second = run_nightly(db, [source], nlp)

    assert server.paths_requested() == ["/feed.xml", *PAGES]  # each page asked again, conditionally
    headers = server.requests[0][1]
    assert headers["if-none-match"] == '"feed-v1"'
    assert headers["if-modified-since"] == formatdate(1796000000, usegmt=True)
    assert [f'"{path}-v1"' for path in PAGES] == [h["if-none-match"] for _, h in server.requests[1:]]
    assert second.feeds.feeds_not_modified == 1 and second.ingest.seen == 0
    assert "feeds: 0 fetched, 1 not modified, 0 pages, 3 pages not modified" in second.summary()
    assert before == {name: list(db[name].rows) for name in ("articles", "mentions", "quotes", "speakers")}


def test_changed_feed_fetches_new_entries_and_revalidates_old_pages(server, db, nlp):
    server.serve_pages()
    paths = list(PAGES)
    server.conditional("/feed.xml", rss(server.base, paths[:2]), "application/rss+xml", '"feed-v1"')
    source = feed_source(server.url("/feed.xml"))
    run_nightly(db, [source], nlp)
    server.conditional("/feed.xml", rss(server.base, paths), "application/rss+xml", '"feed-v2"')
    server.requests.clear()

    result = run_nightly(db, [source], nlp)

    sent = dict(server.requests)
    assert "if-none-match" not in sent["/news/orchard.html"]  # new entry: fetched in full
    assert sent["/news/ferry.html"]["if-none-match"] == '"/news/ferry.html-v1"'  # old ones: 304
    assert (1, 2, 1) == (result.feeds.pages, result.feeds.pages_not_modified, result.ingest.added)
    assert db["articles"].count == 3


def test_bad_feeds_and_pages_are_recorded_and_the_run_goes_on(server, db, nlp):
    server.serve_pages()
    paths = list(PAGES)
    server.routes["/broken-page.html"] = (500, {}, b"internal error")
    server.routes["/report.pdf"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 \x00\x01")
    server.routes["/good.xml"] = (200, {"Content-Type": "application/rss+xml"},
                                  rss(server.base, [paths[0], "/broken-page.html", "/report.pdf", paths[1]]))
    server.routes["/error.xml"] = (500, {}, b"internal error")
    server.routes["/slow.xml"] = "hang"
    server.routes["/garbage.xml"] = (200, {"Content-Type": "application/rss+xml"}, b"<rss><channel><item>\x00\xff<<")
    settings = FetchSettings(timeout=0.3, retries=1, backoff=0.0)
    sources = [feed_source(server.url(p), settings) for p in ("/error.xml", "/slow.xml", "/garbage.xml", "/good.xml")]

    result = run_nightly(db, sources, nlp)

    assert result.ingest.added == 2
    assert db["articles"].count == 2
    recorded = errors(db)
    assert recorded[server.url("/error.xml")] == "feed: HTTP 500 (2 attempts)"
    assert recorded[server.url("/slow.xml")] == "feed: timed out (timeout 0.3s) (2 attempts)"
    assert recorded[server.url("/garbage.xml")].startswith("unparseable feed:")
    assert recorded[server.url("/broken-page.html?utm_source=rss")] == "page: HTTP 500 (2 attempts)"
    assert recorded[server.url("/report.pdf?utm_source=rss")] == "not an HTML page (content type application/pdf)"
    assert len(recorded) == 5
    assert server.paths_requested().count("/error.xml") == 2
    run = list(db.query("select * from ingest_runs"))[-1]
    assert (run["status"], run["errors"]) == ("completed", 5)
    # The feed with a failed entry keeps no validators: next run fetches it (and retries the entry).
    assert [r["kind"] for r in db["feed_state"].rows] == ["page", "page"]


def test_feed_failing_after_a_good_run_loses_nothing(server, db, nlp):
    server.serve_pages()
    server.conditional("/feed.xml", rss(server.base, list(PAGES)), "application/rss+xml", '"feed-v1"')
    source = feed_source(server.url("/feed.xml"))
    run_nightly(db, [source], nlp)
    before = {name: list(db[name].rows) for name in ("articles", "mentions", "quotes", "speakers", "feed_state")}
    for answer in [(500, {}, b"down"), (200, {"Content-Type": "application/rss+xml"}, b"<rss><chan")]:
        server.routes["/feed.xml"] = answer
        result = run_nightly(db, [source], nlp)
        assert len(result.ingest.errors) == 1
        assert before == {name: list(db[name].rows) for name in before}
    assert db["ingest_errors"].count == 2


def test_failed_entry_is_retried_next_run_without_losing_stored_articles(server, db, nlp):
    server.serve_pages()
    paths = list(PAGES)
    server.conditional("/feed.xml", rss(server.base, paths), "application/rss+xml", '"feed-v1"')
    server.routes[paths[2]] = (503, {}, b"try later")
    source = feed_source(server.url("/feed.xml"))
    run_nightly(db, [source], nlp)
    assert db["articles"].count == 2
    stored = list(db["mentions"].rows)
    server.serve_pages()  # the page is back
    server.requests.clear()

    result = run_nightly(db, [source], nlp)

    assert "if-none-match" not in dict(server.requests)["/feed.xml"]
    assert (1, 2) == (result.ingest.added, result.feeds.pages_not_modified)
    assert db["articles"].count == 3
    assert all(row in list(db["mentions"].rows) for row in stored)
    server.requests.clear()
    third = run_nightly(db, [source], nlp)  # now everything is stored: a plain 304
    assert server.paths_requested() == ["/feed.xml", *PAGES] and third.feeds.feeds_not_modified == 1
    assert (0, 3) == (third.feeds.pages, third.feeds.pages_not_modified)


def test_article_in_two_feeds_is_fetched_once(server, db, nlp):
    server.serve_pages()
    paths = list(PAGES)
    server.routes["/top.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss(server.base, paths[:2]))
    server.routes["/local.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss(server.base, paths[1:]))
    result = run_nightly(db, [feed_source(server.url("/top.xml")), feed_source(server.url("/local.xml"))], nlp)
    assert server.paths_requested().count(paths[1]) == 1
    assert (3, 3, 0) == (result.ingest.seen, result.ingest.added, result.ingest.updated)
    assert {r["url"] for r in db["feed_state"].rows if r["kind"] == "feed"} == {
        server.url("/top.xml"), server.url("/local.xml")}


def test_feed_state_survives_reopening(tmp_path, server, nlp):
    server.serve_pages(with_validators=False)
    server.conditional("/feed.xml", rss(server.base, list(PAGES)[:1]), "application/rss+xml", '"feed-v1"')
    path = tmp_path / "reopen.db"
    db = store.open_db(path)
    run_nightly(db, [feed_source(server.url("/feed.xml"))], nlp)
    db.close()
    state = FeedState(store.open_db(path))
    assert state.validators(server.url("/feed.xml"))[0] == '"feed-v1"'
    # A page served without validators gets no conditional headers next time.
    assert state.validators(server.url(list(PAGES)[0] + "?utm_source=rss")) == (None, None)


# --- the nightly catches corrections (issue 15, item 9) ----------------------------------------------

def test_corrected_page_is_updated_while_the_feed_answers_304(server, db, nlp):
    server.serve_pages()
    server.conditional("/feed.xml", rss(server.base, ["/news/ferry.html"]), "application/rss+xml", '"feed-v1"')
    source = feed_source(server.url("/feed.xml"))
    run_nightly(db, [source], nlp)
    title, paragraphs = PAGES["/news/ferry.html"]
    corrected = [p.replace("the winter timetable from tomorrow", "the winter timetable from Thursday")
                 for p in paragraphs]
    server.conditional("/news/ferry.html", page_html(title, corrected), "text/html; charset=utf-8", '"ferry-v2"')
    server.requests.clear()

    result = run_nightly(db, [source], nlp)

    assert (1, 1) == (result.feeds.feeds_not_modified, result.ingest.updated)
    assert '"/news/ferry.html-v1"' == dict(server.requests)["/news/ferry.html"]["if-none-match"]
    assert any("from Thursday" in r["text"] for r in db["mentions"].rows)
    assert not any("from tomorrow" in r["text"] for r in db["mentions"].rows)
    assert "2026-12-01T08:00:00Z" == db["articles"].get(entry_article_id("", server.url("/news/ferry.html")))["published"]

    server.requests.clear()
    run_nightly(db, [source], nlp)  # the new ETag is remembered: nothing changes the night after
    assert '"ferry-v2"' == dict(server.requests)["/news/ferry.html"]["if-none-match"]


def test_run_where_every_source_failed_exits_1(server, tmp_path, capsys):
    from quotes.nightly import EXIT_FAILED, EXIT_OK, nightly

    server.routes["/down.xml"] = (503, {}, b"down")
    server.routes["/garbage.xml"] = (200, {"Content-Type": "application/rss+xml"}, b"<rss><chan")
    feeds = "".join(f'[[source]]\ntype = "feed"\nurl = "{server.url(path)}"\nretries = 0\ntimeout = 2\n\n'
                    for path in ("/down.xml", "/garbage.xml"))
    sources = tmp_path / "sources.toml"
    sources.write_text(feeds, encoding="utf-8")
    db = tmp_path / "quotes.db"

    assert EXIT_FAILED == nightly(str(sources), str(db), quiet=True)
    assert (f"nightly-ingest: error: every source failed ({server.url('/down.xml')}, {server.url('/garbage.xml')})"
            in capsys.readouterr().err)

    server.conditional("/down.xml", rss(server.base, []), "application/rss+xml", '"empty"')  # back, nothing new
    assert EXIT_OK == nightly(str(sources), str(db), quiet=True)


def test_page_validators_survive_a_304_that_omits_them(server, db, nlp):
    server.serve_pages()
    server.conditional("/feed.xml", rss(server.base, ["/news/bridge.html"]), "application/rss+xml", '"feed-v1"')
    source = feed_source(server.url("/feed.xml"))
    run_nightly(db, [source], nlp)
    title, paragraphs = PAGES["/news/bridge.html"]
    server.routes["/news/bridge.html"] = lambda handler: (
        (304, {}, b"") if handler.headers.get("If-None-Match") == '"/news/bridge.html-v1"'
        else (200, {"Content-Type": "text/html"}, page_html(title, paragraphs)))
    for _ in range(2):
        server.requests.clear()
        result = run_nightly(db, [source], nlp)
        assert (0, 1) == (result.feeds.pages, result.feeds.pages_not_modified)
