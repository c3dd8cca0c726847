"""Fetch RSS/Atom feeds and their entries' pages over HTTP: politely, incrementally, never raising.

A feed is fetched with a conditional GET (``If-None-Match`` / ``If-Modified-Since`` from the
validators the previous run stored in the ``feed_state`` table); a ``304 Not Modified`` feed
costs one request and yields nothing.  Each entry's page is fetched the same way (a page whose
article is already stored is asked for conditionally too) and turned into an
:class:`~quotes.sources.Article` by trafilatura (text, title, site name, date, URL).

Every failure -- a timeout, a 5xx after the retries, a refused connection, garbage XML, a page
that is not HTML or has no article text -- becomes a :class:`~quotes.sources.SourceError`
naming the URL and the reason, so one bad feed never stops a run.

Validators are written only after the ingest that consumed the articles has finished
(:meth:`FeedState.save`), and only for feeds and pages whose articles are all in the database,
so a run that is killed, or an entry that failed, is simply fetched again next time.

Example::

    >>> state = FeedState(db)
    >>> with http_client(FetchSettings()) as client:
    ...     items = list(read_feed(client, "https://example.org/rss.xml", FetchSettings(), state))
    >>> state.save()
"""

from __future__ import annotations

import calendar
import hashlib
import io
import ipaddress
import json
import socket
import threading
import time
from dataclasses import asdict, dataclass, field
from typing import Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx

from . import store
from .settings import get_setting
from .sources import Article, SourceError, article_from_html, fingerprint


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("quotes")
    except PackageNotFoundError:
        return "dev"


USER_AGENT = f"quotes/{_version()} (nightly ingest)"
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
"""Answers worth asking again after a pause; any other 4xx/5xx fails at once."""
MAX_BACKOFF_SECONDS = 60.0
DEADLINE_FACTOR = 4
"""A whole request (connect, redirects, headers and body) must finish within this many
``timeout``s, so a server that drips a header line every half second cannot hold the nightly
run (and its lock) hostage: httpx's own timeouts apply per read.  A request over its deadline is
not retried (the server would drip again)."""
MAX_REDIRECTS = 5
"""Redirect hops followed per request; more is a loop or a trap (real articles need one or two)."""
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")


@dataclass
class FetchSettings:
    """How to fetch one feed and its pages (the ``[fetch]`` table of the sources file, per-source overrides)."""

    timeout: float = 20.0  # seconds per connect / read / write
    retries: int = 2  # extra attempts after a timeout, a refused connection or a 429/5xx
    backoff: float = 2.0  # seconds before the first retry, doubled for each further one
    max_entries: int = 100  # newest entries taken from one feed
    max_bytes: int = 5 * 1024 * 1024  # larger feeds or pages are rejected as oversized
    user_agent: str = USER_AGENT


@dataclass
class Fetched:
    """One HTTP answer (200 or 304)."""

    url: str  # after redirects
    status: int
    content: bytes = b""
    content_type: str = ""
    encoding: str | None = None  # charset from the Content-Type header
    etag: str | None = None
    last_modified: str | None = None
    request_headers: dict = field(default_factory=dict)


class FetchError(Exception):
    """A URL could not be fetched; ``str(error)`` is the reason recorded in ingest_errors."""


class _Oversized(Exception):
    pass


class _Refused(Exception):
    """The request would reach a loopback, private, link-local or otherwise non-public address."""


class _OverDeadline(Exception):
    pass


def http_client(settings: FetchSettings) -> httpx.Client:
    """An httpx client with the run's timeout and user agent; redirects are followed (at most
    :data:`MAX_REDIRECTS`).  Connections are not kept alive, so every request, redirect hop
    included, opens its own connection, whose address :class:`_RequestGuard` checks and whose
    socket it can shut at the deadline."""
    return httpx.Client(timeout=httpx.Timeout(settings.timeout), follow_redirects=True,
                        max_redirects=MAX_REDIRECTS, limits=httpx.Limits(max_keepalive_connections=0),
                        headers={"User-Agent": settings.user_agent})


def allowed_hosts() -> tuple[set[str], list]:
    """Host names and IP networks from ``QUOTES_FETCH_ALLOW_HOSTS`` that may be non-public."""
    names: set[str] = set()
    networks: list = []
    for entry in (get_setting("fetch_allow_hosts") or "").split(","):
        entry = entry.strip().lower().strip("[]")
        if not entry:
            continue
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            names.add(entry)
    return names, networks


class _RequestGuard:
    """Watches one request through httpcore's ``trace`` extension (which redirect hops inherit).

    - Each connection's address is checked when it is known: an IP-literal host before
      connecting, any host right after connecting (the address really used, so DNS tricks do
      not help), before a byte of the request is sent.  Non-public addresses are refused unless
      ``QUOTES_FETCH_ALLOW_HOSTS`` names the host or a network holding the address.
    - At the deadline, every socket the request opened is shut down, which ends a blocked read
      at once, whatever the server is dripping.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.allowed_names, self.allowed_networks = allowed_hosts()
        self.host = ""
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> "_RequestGuard":
        self._timer.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._timer.cancel()

    def trace(self, event: str, info: dict) -> None:
        if event == "connection.connect_tcp.started":
            self.host = str(info.get("host", "")).lower().strip("[]")
            try:
                literal = ipaddress.ip_address(self.host.split("%")[0])
            except ValueError:
                return
            self._check(literal)
        elif event == "connection.connect_tcp.complete":
            stream = info["return_value"]
            sock = stream.get_extra_info("socket")
            peer = stream.get_extra_info("server_addr")
            try:
                if peer:
                    self._check(ipaddress.ip_address(str(peer[0]).split("%")[0]))
            except _Refused:
                stream.close()
                raise
            with self._lock:
                self._sockets.append(sock)
                if self.expired:
                    self._shut(sock)

    def _check(self, address) -> None:
        if address.version == 6 and address.ipv4_mapped:
            address = address.ipv4_mapped
        if address.is_global and not address.is_multicast:
            return
        if self.host in self.allowed_names or any(address in net for net in self.allowed_networks):
            return
        try:
            ipaddress.ip_address(self.host.split("%")[0])
            what = f"{self.host} is a non-public address ({address})"
        except ValueError:
            what = f"{self.host} resolves to a non-public address ({address})"
        raise _Refused(f"refused: {what}; QUOTES_FETCH_ALLOW_HOSTS can allow it")

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # already closed


def fetch(client: httpx.Client, url: str, settings: FetchSettings, etag: str | None = None,
          last_modified: str | None = None, sleep=time.sleep) -> Fetched:
    """GET ``url`` (conditionally when validators are given), retrying transient failures with backoff.

    Returns a 200 or 304 answer; raises :class:`FetchError` with a one-line reason otherwise.
    """
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    attempts = settings.retries + 1
    reason = "not fetched"
    for attempt in range(attempts):
        if attempt:
            sleep(min(settings.backoff * 2 ** (attempt - 1), MAX_BACKOFF_SECONDS))
        try:
            fetched = _get_once(client, url, headers, settings)
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as error:
            raise FetchError(f"bad URL: {error}") from None
        except httpx.TooManyRedirects:
            raise FetchError(f"too many redirects (more than {MAX_REDIRECTS}: a redirect loop?)") from None
        except (_Refused, _OverDeadline) as error:
            raise FetchError(str(error)) from None
        except (httpx.TimeoutException, TimeoutError):
            reason = f"timed out (timeout {settings.timeout:g}s)"
            continue
        except httpx.TransportError as error:
            reason = f"connection failed: {type(error).__name__}: {error}"
            continue
        except _Oversized as error:
            raise FetchError(str(error)) from None
        if fetched.status in RETRY_STATUSES:
            reason = f"HTTP {fetched.status}"
            continue
        if fetched.status == 304 or 200 <= fetched.status < 300:
            return fetched
        raise FetchError(f"HTTP {fetched.status}")
    tries = "1 attempt" if attempts == 1 else f"{attempts} attempts"
    raise FetchError(f"{reason} ({tries})")


def _get_once(client: httpx.Client, url: str, headers: dict, settings: FetchSettings) -> Fetched:
    guard = _RequestGuard(settings.timeout * DEADLINE_FACTOR)
    try:
        with guard:
            return _read_response(client, url, headers, settings, guard)
    except (httpx.TransportError, TimeoutError, _OverDeadline):
        if guard.expired:
            raise _OverDeadline(f"timed out: no complete answer within {guard.seconds:g}s "
                                f"({DEADLINE_FACTOR} x timeout {settings.timeout:g}s)") from None
        raise


def _read_response(client: httpx.Client, url: str, headers: dict, settings: FetchSettings,
                   guard: _RequestGuard) -> Fetched:
    with client.stream("GET", url, headers=headers, extensions={"trace": guard.trace}) as response:
        fetched = Fetched(
            url=str(response.url), status=response.status_code,
            content_type=response.headers.get("content-type", "").split(";")[0].strip().lower(),
            encoding=response.charset_encoding, etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"), request_headers=headers)
        if response.status_code != 200:
            return fetched
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > settings.max_bytes:
            raise _Oversized(f"oversized: {declared} bytes, limit {settings.max_bytes}")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > settings.max_bytes:
                raise _Oversized(f"oversized: more than {settings.max_bytes} bytes")
            if guard.expired:
                raise _OverDeadline
            chunks.append(chunk)
        fetched.content = b"".join(chunks)
    return fetched


# --- feeds ---------------------------------------------------------------------------------------

@dataclass
class FeedEntry:
    """What a feed says about one article."""

    article_id: str
    link: str
    title: str | None = None
    published: str | None = None  # ISO 8601: UTC time, or a date when the feed gives no time


def parse_feed(content: bytes, url: str, content_type: str = "") -> tuple[str | None, list[FeedEntry | SourceError]]:
    """The feed's title and its entries; raises :class:`FetchError` when it is not a feed at all."""
    import feedparser

    # A stream, never a string: feedparser would treat a string as a URL or file name to open.
    try:
        parsed = feedparser.parse(io.BytesIO(content), response_headers={
            "content-location": url, "content-type": content_type or "application/xml"})
    except Exception as error:  # feedparser is lenient, but a parser bug must not stop the run
        raise FetchError(f"unparseable feed: {type(error).__name__}: {error}") from None
    linked = [e for e in parsed.entries if e.get("link")]
    # Loose parsing finds "entries" in almost anything; without a single link it is not a feed.
    if not linked and (parsed.get("bozo") or not parsed.get("version")):
        problem = parsed.get("bozo_exception")
        detail = f"{type(problem).__name__}: {problem}" if problem else "no RSS or Atom document found"
        raise FetchError(f"unparseable feed: {detail}")
    title = (parsed.feed.get("title") or "").strip() or None
    entries: list[FeedEntry | SourceError] = []
    for position, entry in enumerate(parsed.entries, start=1):
        link = (entry.get("link") or "").strip()
        guid = (entry.get("id") or "").strip()
        if not link:
            entries.append(SourceError(f"{url}#entry-{position}", "feed entry has no link"))
            continue
        entries.append(FeedEntry(article_id=entry_article_id(url, link, guid), link=link,
                                 title=(entry.get("title") or "").strip() or None,
                                 published=_entry_date(entry)))
    return title, entries


def entry_article_id(feed_url: str, link: str | None, guid: str | None = None) -> str:
    """A stable article id for a feed entry: a hash of its guid when that is a URL, else of its link.

    Tracking parameters (``utm_*`` ...) and fragments are dropped from the link first, so the
    same article reached through a differently tagged link keeps its id; a guid that is not a
    URL (often a bare number) is only unique within its feed, so it is namespaced by the feed URL.

    >>> entry_article_id("https://a.example/rss", "https://a.example/x?utm_source=rss#top")
    'feed-df10a3e0737a3e91'
    """
    if guid and guid.startswith(("http://", "https://")):
        key = canonical_url(guid)
    elif link:
        key = canonical_url(link)
    else:
        key = f"{feed_url}#{guid}"
    return "feed-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def canonical_url(url: str) -> str:
    """``url`` without its fragment and tracking query parameters."""
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith(TRACKING_PARAMS)]
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", urlencode(query), ""))


def _entry_date(entry) -> str | None:
    """The entry's publication (else update) time in UTC, ``2026-12-01T08:00:00Z``; a date when the
    feed gives no time of day (feedparser reads ``2026-12-01`` as midnight, the raw text has no colon)."""
    for key in ("published", "updated"):
        value = entry.get(f"{key}_parsed")
        if value:
            try:
                moment = time.gmtime(calendar.timegm(value))
            except (TypeError, ValueError, OverflowError):
                continue
            has_time = ":" in (entry.get(key) or "")
            return time.strftime("%Y-%m-%dT%H:%M:%SZ" if has_time else "%Y-%m-%d", moment)
    return None


# --- validators ----------------------------------------------------------------------------------

class FeedState:
    """The ``feed_state`` table: HTTP validators per feed and page URL, written after the ingest.

    ``feed_state`` rows: ``url`` (pk), ``kind`` ("feed" or "page"), ``etag``, ``last_modified``,
    ``article_id`` (page rows), ``checked_at``.
    """

    def __init__(self, db) -> None:
        self.db = db
        self.pending: dict[str, dict] = {}
        self.feed_articles: dict[str, list[str]] = {}
        self.taken: set[str] = set()  # articles already read this run (one page in several feeds)

    def validators(self, url: str) -> tuple[str | None, str | None]:
        row = store.feed_validators(self.db, url)
        if row is None:
            return None, None
        etag, last_modified, kind, article_id = row
        if kind == "page" and not self._stored(article_id):
            return None, None  # the article is gone: fetch the page in full
        return etag, last_modified

    def remember(self, url: str, kind: str, fetched: Fetched, article_id: str | None = None,
                 title: str | None = None, entries: list[FeedEntry] | None = None) -> None:
        """Keep ``fetched``'s validators (and a feed's title and entries), to be written by
        :meth:`save` if its articles are stored."""
        listed = {"title": title, "entries": [asdict(e) for e in entries]} if entries is not None else None
        self.pending[url] = {"url": url, "kind": kind, "etag": fetched.etag,
                             "last_modified": fetched.last_modified, "article_id": article_id,
                             "entries": json.dumps(listed) if listed else None}

    def listed(self, url: str) -> tuple[str | None, list[FeedEntry]]:
        """The feed's title and the entries it listed when it was last fetched in full."""
        listed = store.feed_entries(self.db, url)
        return listed.get("title"), [FeedEntry(**entry) for entry in listed.get("entries", [])]

    def expect(self, feed_url: str, article_ids: list[str]) -> None:
        """The feed's validators are saved only if all these articles end up stored."""
        self.feed_articles[feed_url] = article_ids

    def save(self) -> int:
        """Write the validators of feeds and pages whose articles are all stored; returns rows written."""
        import datetime

        checked_at = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
        rows = []
        for url, row in self.pending.items():
            needed = self.feed_articles.get(url, []) if row["kind"] == "feed" else [row["article_id"]]
            if all(self._stored(article_id) for article_id in needed):
                rows.append({**row, "checked_at": checked_at})
        if rows:
            store.save_feed_validators(self.db, rows)
        self.pending.clear()
        return len(rows)

    def _stored(self, article_id: str | None) -> bool:
        return store.article_exists(self.db, article_id)


@dataclass
class FeedStats:
    feeds: int = 0
    feeds_not_modified: int = 0
    pages: int = 0
    pages_not_modified: int = 0
    failed: int = 0

    def summary(self) -> str:
        return (f"feeds: {self.feeds} fetched, {self.feeds_not_modified} not modified, {self.pages} pages, "
                f"{self.pages_not_modified} pages not modified, {self.failed} failed")


def read_feed(client: httpx.Client, url: str, settings: FetchSettings, state: FeedState,
              outlet: str | None = None, stats: FeedStats | None = None) -> Iterator[Article | SourceError]:
    """Articles from a feed's first ``max_entries`` entries (feeds list the newest first); never raises."""
    stats = stats if stats is not None else FeedStats()
    try:
        fetched = fetch(client, url, settings, *state.validators(url))
    except FetchError as error:
        stats.failed += 1
        yield SourceError(url, f"feed: {error}")
        return
    if fetched.status == 304:
        stats.feeds_not_modified += 1
        # The feed is unchanged, but a page it lists may have been corrected since: each page is
        # asked again with its own validators (a 304 each when nothing changed).
        title, entries = state.listed(url)
        entries = entries[:settings.max_entries]
    else:
        stats.feeds += 1
        try:
            title, entries = parse_feed(fetched.content, fetched.url, fetched.content_type)
        except FetchError as error:
            stats.failed += 1
            yield SourceError(url, str(error))
            return
        entries = entries[:settings.max_entries]
        linked = [e for e in entries if isinstance(e, FeedEntry)]
        state.remember(url, "feed", fetched, title=title, entries=linked)
        state.expect(url, [e.article_id for e in linked])
    for entry in entries:
        if isinstance(entry, SourceError):
            yield entry
            continue
        if entry.article_id in state.taken:
            continue
        state.taken.add(entry.article_id)
        yield from _read_entry(client, entry, settings, state, outlet or None, title, stats)


def _read_entry(client, entry: FeedEntry, settings: FetchSettings, state: FeedState, outlet: str | None,
                feed_title: str | None, stats: FeedStats) -> Iterator[Article | SourceError]:
    etag, last_modified = state.validators(entry.link)
    try:
        fetched = fetch(client, entry.link, settings, etag, last_modified)
    except FetchError as error:
        stats.failed += 1
        yield SourceError(entry.link, f"page: {error}")
        return
    if fetched.status == 304:
        stats.pages_not_modified += 1
        # A 304 need not repeat the validators; keep ours, or every other night would fetch in full.
        fetched.etag, fetched.last_modified = fetched.etag or etag, fetched.last_modified or last_modified
        state.remember(entry.link, "page", fetched, entry.article_id)
        return
    stats.pages += 1
    page_print = fingerprint(fetched.content)  # the same page rejected again is reported once
    if fetched.content_type and fetched.content_type not in HTML_TYPES:
        yield SourceError(entry.link, f"not an HTML page (content type {fetched.content_type})", page_print)
        return
    if b"\x00" in fetched.content:
        yield SourceError(entry.link, "binary page (contains NUL bytes)", page_print)
        return
    article = article_from_html(_decode(fetched), id=entry.article_id, source=entry.link, url=entry.link,
                                outlet=outlet)
    if isinstance(article, SourceError):
        article.fingerprint = page_print
        yield article
        return
    article.outlet = article.outlet or feed_title
    article.title = article.title or entry.title
    # The feed's own date is exact; trafilatura's is a guess from the page.
    article.published = entry.published or article.published
    state.remember(entry.link, "page", fetched, entry.article_id)
    yield article


def _decode(fetched: Fetched) -> str:
    """The page as text: the declared charset, else trafilatura's detection (meta tags, then guessing)."""
    if fetched.encoding:
        try:
            return fetched.content.decode(fetched.encoding, errors="replace")
        except LookupError:
            pass
    from trafilatura.utils import decode_file

    text = decode_file(fetched.content)
    return text if isinstance(text, str) else fetched.content.decode("utf-8", errors="replace")
