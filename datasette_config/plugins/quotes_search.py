"""Datasette plugin: the one search page (names and words), its JSON and its Atom feed.

``/quotes/search?q=Esper+Iran`` shows quotes grouped one per row with speaker, outlet count,
first date and the matching snippet, facets to narrow by speaker, outlet, date and topic;
``/quotes/search.json`` returns the same data and ``/quotes/search.atom`` the newest matches
as an Atom feed (one per saved search or per speaker: ``?speaker=mark-esper``).
The query logic lives in :mod:`quotes.search`; this file only turns it into pages.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils import sqlite_timelimit, tilde_encode
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from quotes import search as find

DATABASE = "quotes"
FEED_SIZE = 50  # entries in an Atom feed: the newest matches
TIME_LIMIT_MS = 3000  # same budget as a Datasette query (settings.json sql_time_limit_ms)


def snippet_html(snippet: str | None) -> Markup:
    """An FTS snippet (match markers \\x02 … \\x03) as HTML with <mark>."""
    return Markup(str(escape(snippet or "")).replace("\x02", "<mark>").replace("\x03", "</mark>"))


def page_url(datasette, args: dict, suffix: str = "") -> str:
    """The search page (or its .json/.atom) with these arguments, empty ones left out."""
    query = urlencode({k: v for k, v in args.items() if v})
    return datasette.urls.database(DATABASE) + "/search" + suffix + ("?" + query if query else "")


def row_url(datasette, table: str, pk: str) -> str:
    return datasette.urls.row(DATABASE, table, tilde_encode(pk))


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def read_args(request) -> tuple[str, find.Filters, bool]:
    args = request.args
    filters = find.Filters(speaker=args.get("speaker", "").strip(), outlet=args.get("outlet", "").strip(),
                           date=args.get("date", "").strip(), topic=args.get("topic", "").strip())
    return args.get("q", "").strip(), filters, args.get("names", "") != "off"


async def run(datasette, q: str, filters: find.Filters, match_names: bool, newest_first: bool = False,
              limit: int = find.RESULT_LIMIT) -> tuple[find.SearchResult, list[str]]:
    db = datasette.get_database(DATABASE)

    def work(conn):
        with sqlite_timelimit(conn, TIME_LIMIT_MS):
            parsed = find.parse_query(conn, q, match_names=match_names)
            result = find.search(conn, parsed, filters, limit=limit, newest_first=newest_first)
            names = dict(conn.execute("select id, name from speakers where id = ?", [filters.speaker]).fetchall())
            result.query.speaker_names.update(names)
            hints = find.examples(conn) if not result.results else []
            return result, hints

    return await db.execute_fn(work)


def context(datasette, q: str, filters: find.Filters, match_names: bool, result: find.SearchResult,
            hints: list[str]) -> dict:
    """What search.html shows: results with links, facets with links, and what to try next."""
    args = {"q": q, **vars(filters), "names": "" if match_names else "off"}
    parsed = result.query
    results = []
    for r in result.results:
        results.append({
            **r,
            "url": row_url(datasette, "quotes", r["quote_id"]),
            "speaker_url": row_url(datasette, "speakers", r["speaker_id"]) if r["speaker_id"] else None,
            "snippet_html": snippet_html(r["snippet"]) if r["snippet"] else None,
            "version_url": (row_url(datasette, "articles", r["article_id"]) + f"#m-{r['start']}"
                            if r["article_id"] else None),
            "outlets_text": plural(r["outlet_count"] or 0, "outlet"),
            "terms": [{"term": t, "href": page_url(datasette, {**args, "topic": t})} for t in r["terms"]],
        })
    facets = []
    for name, title in [("speaker", "Speaker"), ("outlet", "Outlet"), ("date", "Date"), ("topic", "Topic")]:
        items = [{**item, "href": page_url(datasette, {**args, name: item["value"]}),
                  "selected": getattr(filters, name) == item["value"]} for item in result.facets.get(name, [])]
        if items:
            facets.append({"name": name, "title": title, "items": items})
    active = [{"name": name, "value": parsed.speaker_names.get(value, value) if name == "speaker" else value,
               "remove": page_url(datasette, {**args, name: ""})} for name, value in filters.active().items()]
    tries = []
    if q and not result.results:
        if parsed.speakers and parsed.words:
            tries.append(("every quote by " + ", ".join(parsed.speaker_names[s] for s in parsed.speakers),
                          page_url(datasette, {"q": " ".join(parsed.name_tokens)})))
            tries.append((f"“{' '.join(parsed.words)}” said by anyone", page_url(datasette, {"q": " ".join(parsed.words)})))
        if len(parsed.words) > 1:
            tries.append((f"fewer words: “{' '.join(parsed.words[:-1])}”",
                          page_url(datasette, {**args, "q": " ".join(parsed.name_tokens + parsed.words[:-1])})))
        if filters.active():
            tries.append(("the same search without filters", page_url(datasette, {"q": q})))
    return {
        "q": q,
        "parsed": parsed,
        "speakers": [{"name": parsed.speaker_names[s], "url": row_url(datasette, "speakers", s)} for s in parsed.speakers],
        "words": parsed.words,
        "results": results,
        "total": result.total,
        "total_text": plural(result.total, "quote"),
        "capped": result.total >= find.MATCH_LIMIT,
        "facets": facets,
        "active_filters": active,
        "tries": tries,
        "examples": [{"q": h, "href": page_url(datasette, {"q": h})} for h in hints],
        "feed_url": page_url(datasette, args, ".atom") if (q or filters.active()) else None,
        "as_words_url": page_url(datasette, {**args, "names": "off"}) if parsed.speakers else None,
        "match_names": match_names,
    }


def json_body(page: dict) -> dict:
    """The search page as data: ids, names, counts and plain snippets (marks as «»)."""
    keep = ["quote_id", "canonical", "speaker_id", "speaker_name", "outlet_count", "mention_count", "first_seen",
            "version_outlet", "article_id", "tier", "url", "speaker_url"]
    return {
        "q": page["q"],
        "speakers": [dict(id=s, name=page["parsed"].speaker_names[s]) for s in page["parsed"].speakers],
        "words": page["words"],
        "total": page["total"],
        "results": [{**{k: r[k] for k in keep}, "terms": [t["term"] for t in r["terms"]],
                     "snippet": (r["snippet"] or "").replace("\x02", "«").replace("\x03", "»") or None}
                    for r in page["results"]],
        "facets": {f["name"]: [{k: i[k] for k in ("value", "label", "count")} for i in f["items"]]
                   for f in page["facets"]},
    }


def as_datetime(value: str | None) -> datetime.datetime:
    """A stored date or date-time as an aware datetime (Atom needs a time zone; dates are taken as UTC)."""
    try:
        parsed = datetime.datetime.fromisoformat((value or "").replace("Z", "+00:00"))
    except ValueError:
        parsed = datetime.datetime(1970, 1, 1)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.timezone.utc)


def atom_feed(datasette, request, page: dict) -> str:
    """An Atom feed of the matching quotes, newest first (feedgen writes the XML)."""
    from feedgen.feed import FeedGenerator

    feed = FeedGenerator()
    self_url = datasette.absolute_url(request, request.path + ("?" + request.query_string if request.query_string else ""))
    feed.id(self_url)
    feed.link(href=self_url, rel="self")
    feed.link(href=datasette.absolute_url(request, page_url(datasette, dict(request.args))).replace("/search.atom", "/search"),
              rel="alternate")
    what = " ".join(s["name"] for s in page["speakers"]) or "Quotes"
    about = " ".join(page["words"])
    feed.title(f"{what}{' about ' + about if about else ''} — new quotes")
    feed.updated(max((as_datetime(r["first_seen"]) for r in page["results"]), default=as_datetime(None)))
    for r in reversed(page["results"]):  # feedgen prepends: add oldest first so the newest leads
        entry = feed.add_entry()
        url = datasette.absolute_url(request, r["url"])
        entry.id(url)
        entry.link(href=url)
        entry.title(f"{r['speaker_name'] or 'Unknown speaker'}: “{r['canonical']}”")
        entry.updated(as_datetime(r["first_seen"]))
        if r["speaker_name"]:
            entry.author({"name": r["speaker_name"]})
        entry.content(str(Markup("<blockquote>{}</blockquote><p>Printed by {}{}.</p>").format(
            r["canonical"], r["outlets_text"], f", first seen {r['first_seen']}" if r["first_seen"] else "")),
            type="html")
    return feed.atom_str(pretty=True).decode("utf-8")


async def search_view(datasette, request):
    q, filters, match_names = read_args(request)
    fmt = request.url_vars.get("format") or ""
    result, hints = await run(datasette, q, filters, match_names, newest_first=fmt == ".atom",
                              limit=FEED_SIZE if fmt == ".atom" else find.RESULT_LIMIT)
    page = context(datasette, q, filters, match_names, result, hints)
    if fmt == ".json":
        return Response.json(json_body(page))
    if fmt == ".atom":
        return Response(atom_feed(datasette, request, page), content_type="application/atom+xml; charset=utf-8")
    return Response.html(await datasette.render_template("search.html", page, request=request, view_name="search"))


@hookimpl
def register_routes():
    return [(r"^/quotes/search(?P<format>\.json|\.atom)?$", search_view)]


@hookimpl
def extra_template_vars(template, datasette):
    """The home page's example searches, taken from this database."""
    if template != "index.html" or DATABASE not in datasette.databases:
        return {}

    async def inner():
        hints = await datasette.get_database(DATABASE).execute_fn(find.examples)
        return {"search_examples": [{"q": h, "href": page_url(datasette, {"q": h})} for h in hints]}

    return inner
