"""Datasette plugin for the quotes pages: variants with highlighted differences, in context.

Adds template variables to the row pages of quotes, speakers and articles, renders
``mentions.diff`` and canned-query link columns, and registers ``fts_escape(q)`` so canned
queries can full-text search whatever a user types.
"""

from __future__ import annotations

import datetime
import difflib
import json
import re
import unicodedata
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils import escape_fts, tilde_encode, urlsafe_components
from markupsafe import Markup, escape

from quotes.search import UNKNOWN_OUTLET  # the one label of articles whose source names no outlet

DATABASE = "quotes"
# Same word pattern and normalization as quotes.variants.word_diff, so stored diffs line up.
WORD = re.compile(r"[^\W_]+(?:['’‘.][^\W_]+)*")
DROP = str.maketrans("", "", "'’‘.")
SENTENCE_END = re.compile(r"[.!?…][\"”’']?(?=\s)|\n")
# Titles and initials end in "." without ending a sentence ("Mr. Esper said", "Mark T. Esper").
ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Capt|Sgt|Maj|Adm|Sen|Rep|Gov|Pres|Prof|St|Jr|Sr|No|Vol|vs)"
                          r"|\b[A-Z]|\b(?:[A-Z]\.)+[A-Z])\.$")
CONTEXT_MAX_CHARS = 320  # a sentence of context, capped so a run-on paragraph stays readable
# What each attribution method means, for the legend and the card's tooltip.
METHOD_HELP = {
    "explicit": "named at the quote (“…,” Esper said)",
    "pronoun": "a pronoun at the quote (“he said”) resolved to the person it refers to",
    "role": "a role at the quote (“the minister said”) resolved to the person holding it",
    "continuation": "a quote continuing the previous speaker's, with no new attribution",
    "headline": "a headline's label (“Esper: …”)",
    "according-to": "“according to …” in the reporter's words",
    "cluster": "speaker taken from other outlets' versions of the same quote; this article does not say who spoke",
    "none": "no speaker found",
}
LINK_COLUMNS = {"quote_id": "quotes", "speaker_id": "speakers", "article_id": "articles", "mention_id": "mentions"}


def row_url(datasette, table: str, pk: str, anchor: str = "") -> str:
    """URL of one row page, e.g. ``/quotes/quotes/q123``."""
    return datasette.urls.row(DATABASE, table, tilde_encode(pk)) + anchor


def norm(word: str) -> str:
    return unicodedata.normalize("NFKC", word).lower().translate(DROP)


def diff_runs(canonical: str, text: str, stored: str | None) -> list[tuple[str, str]]:
    """``[(op, words)]`` for ``text`` against ``canonical``: the stored diff when it fits, else computed."""
    words = WORD.findall(text or "")
    try:
        runs = [(op, w) for op, w in json.loads(stored or "[]") if op in "=+-" and isinstance(w, str)]
    except (ValueError, TypeError):
        runs = []
    if runs and sum(len(w.split()) for op, w in runs if op != "-") == len(words):
        return tidy_runs(runs)
    base = WORD.findall(canonical or "")
    runs = []
    matcher = difflib.SequenceMatcher(None, [norm(w) for w in base], [norm(w) for w in words], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("=", " ".join(words[j1:j2])))
            continue
        if i2 > i1:
            runs.append(("-", " ".join(base[i1:i2])))
        if j2 > j1:
            runs.append(("+", " ".join(words[j1:j2])))
    return tidy_runs(runs)


def tidy_runs(runs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Undo a word shown twice, added on one side of a short shared word and struck on the other.

    Canonical "bases and kill Americans", printed "bases, kill and wound Americans": the matcher may
    keep "and" and show "+kill =and -kill +wound" ("kill and ~~kill~~ wound").  The same texts read
    "-and =kill +and +wound" ("~~and~~ kill and wound"): the longer word stays in place and the short
    one moves.  Adjacent runs of one kind are merged afterwards.
    """
    runs = [tuple(r) for r in runs]
    changed = True
    while changed:
        changed = False
        for i in range(len(runs) - 2):
            (op1, x1), (op2, y), (op3, x2) = runs[i:i + 3]
            if (op2 == "=" and {op1, op3} == {"+", "-"} and [norm(w) for w in x1.split()] == [norm(w) for w in x2.split()]
                    and len(y) < len(x1)):
                words_x = x1 if op1 == "+" else x2  # as printed
                runs[i:i + 3] = [(op3, y), ("=", words_x), (op1, y)]
                changed = True
                break
    merged: list[tuple[str, str]] = []
    for op, words in runs:
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + " " + words)
        else:
            merged.append((op, words))
    return merged


def cut_runs(runs: list[tuple[str, str]]) -> set[int]:
    """Indexes of the runs that are a real cut: canonical words missing before the first or after the
    last printed word, not replaced by other words (a "-" run next to a "+" run is a replacement)."""
    cuts = set()
    if runs and runs[0][0] == "-" and (len(runs) == 1 or runs[1][0] != "+"):
        cuts.add(0)
    if len(runs) > 1 and runs[-1][0] == "-" and runs[-2][0] != "+":
        cuts.add(len(runs) - 1)
    return cuts


def word_share(runs: list[tuple[str, str]]) -> tuple[int, int]:
    """(canonical words printed unchanged, canonical words + added words): the card's similarity.

    Counts only, so a version cut at the start scores as one cut at the end, and a cut always
    scores below 100%.
    """
    same = sum(len(w.split()) for op, w in runs if op == "=")
    total = sum(len(w.split()) for op, w in runs)
    return same, total


def variant_html(text: str, canonical: str, stored_diff: str | None = None) -> Markup:
    """The text as printed, with words not in the canonical text in <mark> and missing ones in <del>.

    A real cut shows as a "[…]" that reveals the missing words on hover, keyboard focus or touch.
    """
    text = text or ""
    spans = [m.span() for m in WORD.finditer(text)]
    out, pos, index, missing = [], 0, 0, []
    runs = diff_runs(canonical, text, stored_diff)
    cuts = cut_runs(runs)
    for number, (op, words) in enumerate(runs):
        if op == "-" and number in cuts:
            count = len(words.split())
            missing.append(Markup(
                '<span class="diff-cut" tabindex="0" role="button" aria-label="{label}">[…]'
                '<del class="diff-del cut-words">{words}</del></span> ').format(
                words=words, label=f"{count} word{'s' if count != 1 else ''} not printed here: {words}"))
            continue
        if op == "-":  # shown just before the next printed word
            missing.append(Markup('<del class="diff-del" title="in the canonical text, not here">{}</del> ').format(words))
            continue
        count = len(words.split())
        if not count or index + count > len(spans):
            continue
        start, end = spans[index][0], spans[index + count - 1][1]
        out.extend([escape(text[pos:start]), *missing])
        missing = []
        piece = escape(text[start:end])
        out.append(Markup('<mark class="diff-add" title="only in this version">{}</mark>').format(piece)
                   if op == "+" else piece)
        pos, index = end, index + count
    out.append(escape(text[pos:]))
    out.extend(Markup(" ") + m.rstrip() for m in missing)
    return Markup("").join(out)


def sentence_ends(article: str, lo: int, hi: int) -> list[int]:
    """Offsets in ``article[lo:hi]`` just after a sentence end or line break, skipping abbreviations."""
    ends = []
    for m in SENTENCE_END.finditer(article, lo, hi):
        if m.group() == "\n" or not ABBREVIATION.search(article[max(0, m.start() - 6):m.start() + 1]):
            ends.append(m.end())
    return ends


def sentence_bounds(article: str, start: int, end: int) -> tuple[int, int, bool, bool]:
    """Start and end of the sentence(s) around ``article[start:end]`` and whether each side was cut short.

    Each side reaches back (or on) to a sentence end or a line break, at most CONTEXT_MAX_CHARS.
    """
    floor, ceiling = max(0, start - CONTEXT_MAX_CHARS), min(len(article), end + CONTEXT_MAX_CHARS)
    before, after = sentence_ends(article, floor, start), sentence_ends(article, end, ceiling)
    lo = before[-1] if before else floor
    hi = after[0] if after else ceiling
    return lo, hi, not before and lo > 0, not after and hi < len(article)


def context_html(article: str | None, start: int | None, end: int | None, quote: Markup) -> Markup:
    """``quote`` (already rendered) inside its sentence from the article text."""
    if not article or start is None or end is None or not 0 <= start <= end <= len(article):
        return Markup('<span class="quote-in-context">“{}”</span>').format(quote)
    lo, hi, cut_lo, cut_hi = sentence_bounds(article, start, end)
    lead = ("…" if cut_lo else "") + article[lo:start].lstrip()
    tail = article[end:hi].rstrip() + ("…" if cut_hi else "")
    return Markup('{}<span class="quote-in-context">{}</span>{}').format(lead, quote, tail)


def article_html(datasette, text: str, mentions: list[dict]) -> Markup:
    """The article text in paragraphs, each quote in a <mark> with an anchor and its speaker."""
    out, pos = [], 0
    for m in sorted(mentions, key=lambda m: (m["start"] or 0, m["end"] or 0)):
        if m["start"] is None or m["end"] is None or m["start"] < pos or m["end"] > len(text):
            continue  # overlapping or out-of-range offsets: leave the text as it is
        speaker = m["speaker_name_resolved"] or m["speaker_name"] or "unattributed"
        out.append(escape(text[pos:m["start"]]))
        out.append(Markup(
            '<mark class="quote-mark" id="m-{start}" title="{speaker}">{quote}</mark>'
            '<a class="quote-tag" href="{href}">{speaker}</a>').format(
            start=m["start"], speaker=speaker, quote=text[m["start"]:m["end"]],
            href=row_url(datasette, "quotes", m["quote_id"]) if m["quote_id"] else "#"))
        pos = m["end"]
    out.append(escape(text[pos:]))
    html = str(Markup("").join(out))
    return Markup("".join(f"<p>{line}</p>" for line in html.split("\n") if line.strip()))


async def rows(db, sql: str, params: list) -> list[dict]:
    return [dict(r) for r in (await db.execute(sql, params)).rows]


async def quote_page(datasette, db, quote_id: str) -> dict:
    """Every mention of the quote, with its variant rendered in context."""
    quote = (await rows(db, "select q.*, s.name as speaker_name from quotes q "
                            "left join speakers s on s.id = q.speaker_id where q.id = ?", [quote_id]) or [{}])[0]
    mentions = await rows(db, """
        select m.*, a.text as article_text, a.title as article_title, s.name as speaker_resolved
        from mentions m join articles a on a.id = m.article_id left join speakers s on s.id = m.speaker_id
        where m.quote_id = :q or m.id in (select mention_id from mention_quotes where quote_id = :q)
        order by m.published is null, m.published, m.outlet is null, m.outlet, m.article_id, m.start
    """, {"q": quote_id})
    others = await other_quotes(datasette, db, quote_id, [m["id"] for m in mentions])
    variants = []
    for m in mentions:
        stored = m["diff"] if m["quote_id"] == quote_id else None
        quote_html = variant_html(m["text"], quote.get("canonical") or m["text"], stored)
        same, total = word_share(diff_runs(quote.get("canonical") or m["text"], m["text"], stored))
        variants.append({
            "share": (100 * same) // total if total else None,  # floor: only identical words make 100%
            "method_help": METHOD_HELP.get(m["method"] or "", ""),
            "outlet_label": m["outlet"] or UNKNOWN_OUTLET,
            **{k: v for k, v in m.items() if k != "article_text"},
            "html": context_html(m["article_text"], m["start"], m["end"], quote_html),
            "changed": "diff-add" in quote_html or "diff-del" in quote_html,
            "article_url": row_url(datasette, "articles", m["article_id"], f"#m-{m['start']}"),
            "speaker_url": row_url(datasette, "speakers", m["speaker_id"]) if m["speaker_id"] else None,
            "also_renders": others.get(m["id"], []),
        })
    search_url = datasette.urls.database(DATABASE) + "/search"
    topics = await rows(db, "select term from quote_terms where quote_id = ? order by score desc, term", [quote_id])
    for t in topics:
        t["url"] = search_url + "?" + urlencode({"topic": t["term"]})
    return {"quote": quote, "variants": variants, "topics": topics, "method_help": METHOD_HELP,
            "first_seen": first_seen_text(quote),
            "speaker_url": row_url(datasette, "speakers", quote["speaker_id"]) if quote.get("speaker_id") else None}


async def other_quotes(datasette, db, quote_id: str, mention_ids: list[str]) -> dict[str, list[dict]]:
    """For each mention, the other quotes it renders (``mention_quotes``), its primary quote first:
    a mention joining sentences that other outlets print apart renders each of their quotes."""
    if not mention_ids:
        return {}
    links = await rows(db, f"""
        select l.mention_id, l.quote_id, q.canonical from mention_quotes l join quotes q on q.id = l.quote_id
        where l.quote_id != ? and l.mention_id in ({", ".join("?" for _ in mention_ids)})
        order by l.mention_id, l.is_primary desc, l.similarity desc, l.quote_id
    """, [quote_id, *mention_ids])
    out: dict[str, list[dict]] = {}
    for link in links:
        out.setdefault(link["mention_id"], []).append({
            "id": link["quote_id"], "canonical": link["canonical"] or link["quote_id"],
            "url": row_url(datasette, "quotes", link["quote_id"])})
    return out


def first_seen_text(quote: dict) -> str | None:
    """"12 Mar 2020 in Reuters", "12 Mar 2020, 14:05 UTC in Reuters" or, on a tie, "12 Mar 2020 in 4 outlets"."""
    first_seen = quote.get("first_seen")
    if not first_seen:
        return None
    try:
        moment = datetime.datetime.fromisoformat(first_seen)
        when = f"{moment.day} {moment:%b %Y}"
        if len(first_seen) > 10:  # a time of day: UTC when stored with a zone (see normalize_published)
            when += f", {moment:%H:%M}" + (" UTC" if moment.tzinfo else "")
    except ValueError:
        when = first_seen  # not ISO 8601: shown as the source gave it
    tied = quote.get("first_outlet_count") or 0
    if tied > 1:
        return f"{when} in {tied} outlets"
    return f"{when} in {quote['first_outlet']}" if quote.get("first_outlet") else when


async def speaker_page(datasette, db, speaker_id: str) -> dict:
    """Aliases by kind, outlets with counts, and the speaker's quotes."""
    aliases = await rows(db, "select alias, kind, article_count, outlet_count from speaker_aliases "
                             "where speaker_id = ? order by kind, article_count desc, alias", [speaker_id])
    outlets = await rows(db, "select outlet, count(*) as mentions, count(distinct quote_id) as quotes "
                             "from mentions where speaker_id = ? group by outlet order by mentions desc", [speaker_id])
    quotes = await rows(db, "select id, canonical, mention_count, outlet_count, first_seen from quotes "
                            "where id in (select quote_id from mentions where speaker_id = ?) "
                            "order by outlet_count desc, mention_count desc, first_seen", [speaker_id])
    for q in quotes:
        q["url"] = row_url(datasette, "quotes", q["id"])
    mentions_url = datasette.urls.table(DATABASE, "mentions")
    for o in outlets:  # each outlet links to the speaker's mentions there; no outlet reads "unknown outlet"
        where = {"outlet": o["outlet"]} if o["outlet"] else {"outlet__isnull": "1"}
        o["url"] = mentions_url + "?" + urlencode({"speaker_id": speaker_id, **where})
        o["label"] = o["outlet"] or UNKNOWN_OUTLET
    named = dict((await db.execute("select speaker_mention, count(*) from mentions where speaker_id = ? "
                                   "group by speaker_mention", [speaker_id])).rows)
    for a in aliases:  # an alias links to the mentions that name the speaker so at the quote
        a["mentions"] = named.get(a["alias"], 0)
        a["url"] = mentions_url + "?" + urlencode({"speaker_id": speaker_id, "speaker_mention": a["alias"]})
    search_url = datasette.urls.database(DATABASE) + "/search"
    topics = await rows(db, """select t.term, count(*) as quotes from quote_terms t
        where t.quote_id in (select quote_id from mentions where speaker_id = ?)
        group by t.term order by quotes desc, sum(t.score) desc, t.term limit 15""", [speaker_id])
    for t in topics:
        t["url"] = search_url + "?" + urlencode({"speaker": speaker_id, "topic": t["term"]})
    return {"aliases": [a for a in aliases if a["kind"] != "role"],
            "roles": [a for a in aliases if a["kind"] == "role"], "outlets": outlets, "quotes": quotes,
            "topics": topics, "feed_url": search_url + ".atom?" + urlencode({"speaker": speaker_id}),
            "search_url": search_url + "?" + urlencode({"speaker": speaker_id})}


async def article_page(datasette, db, article_id: str) -> dict:
    """The article text with its quotes highlighted in place, and the list of its quotes."""
    article = (await rows(db, "select text from articles where id = ?", [article_id]) or [{}])[0]
    mentions = await rows(db, "select m.*, s.name as speaker_name_resolved from mentions m "
                              "left join speakers s on s.id = m.speaker_id where m.article_id = ? "
                              "order by m.start", [article_id])
    for m in mentions:
        m["quote_url"] = row_url(datasette, "quotes", m["quote_id"]) if m["quote_id"] else None
        m["speaker_url"] = row_url(datasette, "speakers", m["speaker_id"]) if m["speaker_id"] else None
    return {"article_html": article_html(datasette, article.get("text") or "", mentions), "mentions": mentions}


PAGES = {"quotes": quote_page, "speakers": speaker_page, "articles": article_page}


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    """On the row pages of quotes, speakers and articles: the data their templates show."""
    if view_name != "row" or database != DATABASE or table not in PAGES or request is None:
        return {}

    async def inner():
        pk = urlsafe_components(request.url_vars["pks"])[0]
        return {"page": await PAGES[table](datasette, datasette.get_database(DATABASE), pk)}

    return inner


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Diffs as highlighted words, quotes as links to their pages, FTS snippets with <mark>, ids as links."""
    if database != DATABASE or value is None:
        return None
    if column == "diff" and table in ("mentions", None) and isinstance(value, str) and value.startswith("["):
        return diff_markup(value)
    if table == "mentions" and column == "text" and isinstance(value, str) and plain(row["article_id"]):
        href = row_url(datasette, "articles", plain(row["article_id"]), f"#m-{plain(row['start'])}")
        return Markup('<a class="in-article" href="{}" title="Read it in the article">{}</a>').format(href, value)
    if table == "quotes" and column == "canonical" and isinstance(value, str):
        return Markup('<a class="quote-link" href="{}">{}</a>').format(row_url(datasette, "quotes", plain(row["id"])), value)
    if table is None and column == "snippet" and isinstance(value, str):
        html = Markup(str(escape(value)).replace("\x02", "<mark>").replace("\x03", "</mark>"))
        keys = row.keys()
        if "quote_id" in keys and plain(row["quote_id"]):
            return Markup('<a class="result" href="{}">{}</a>').format(row_url(datasette, "quotes", plain(row["quote_id"])), html)
        if "article_id" in keys and plain(row["article_id"]):
            return Markup('<a class="result" href="{}">{}</a>').format(row_url(datasette, "articles", plain(row["article_id"])), html)
        return html
    if column in YES_NO and value in (0, 1):
        return YES_NO[column][value]
    if table is None and column in LABEL_COLUMNS and isinstance(value, str):
        id_column, target = LABEL_COLUMNS[column]
        if id_column in row.keys() and row[id_column]:
            css = "quote-link" if target == "quotes" else target.rstrip("s") + "-link"
            return Markup('<a class="{}" href="{}">{}</a>').format(css, row_url(datasette, target, row[id_column]), value)
    if table is None and column in LINK_COLUMNS and isinstance(value, str):
        return Markup('<a href="{}">{}</a>').format(row_url(datasette, LINK_COLUMNS[column], value), value)
    return None


# Canned queries return a label column beside each id (quote text, speaker name, article title):
# the label is shown as the link and query.html hides the id column, which stays in JSON and CSV.
LABEL_COLUMNS = {"quote": ("quote_id", "quotes"), "speaker": ("speaker_id", "speakers"),
                 "article": ("article_id", "articles")}
# 0/1 flags read as words on every page.
YES_NO = {"partial": {0: "whole", 1: "partial"}, "attribution_conflict": {0: "agree", 1: "conflict"},
          "is_primary": {0: "no", 1: "yes"}}


def plain(value):
    """A cell's value: table pages hand render_cell foreign keys expanded to {"value", "label"}."""
    return value["value"] if isinstance(value, dict) else value


def diff_markup(stored: str) -> Markup:
    """A stored ``[[op, words]]`` diff as text: added words in <mark>, missing words in <del>."""
    tags = {"+": '<mark class="diff-add">{}</mark>', "-": '<del class="diff-del">{}</del>', "=": "{}"}
    try:
        runs = tidy_runs([(op, words) for op, words in json.loads(stored)])
        return Markup(" ").join(Markup(tags.get(op, "{}")).format(words) for op, words in runs) or "—"
    except (ValueError, TypeError):
        return Markup(escape(stored))


@hookimpl
def asgi_wrapper():
    """Read-only: any method but GET, HEAD and OPTIONS gets 405, so no page can write or crash on POST."""

    def wrap(app):
        async def read_only(scope, receive, send):
            if scope["type"] == "http" and scope["method"] not in ("GET", "HEAD", "OPTIONS"):
                await send({"type": "http.response.start", "status": 405,
                            "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"allow", b"GET, HEAD")]})
                await send({"type": "http.response.body", "body": b"This Datasette is read-only.\n"})
                return
            await app(scope, receive, send)

        return read_only

    return wrap


@hookimpl
def prepare_connection(conn):
    """``fts_escape(q)``: a user's words as a safe FTS5 query (each word quoted)."""
    conn.create_function("fts_escape", 1, lambda q: escape_fts(q or "") or '""', deterministic=True)
