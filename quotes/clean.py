"""Repair article text before extraction: entities, mojibake, odd spaces, boilerplate lines.

The cleaned text is what `articles.text` stores, so every offset a mention
records points into exactly this string.  Its first line is the headline.

Example::

    >>> clean_text('He said "all options are on the table,quot; today.')
    'He said "all options are on the table" today.'
"""

from __future__ import annotations

import datetime
import hashlib
import html
import re
from dataclasses import replace

import ftfy

from .sources import Article

# ftfy must not straighten curly quotes: their direction is evidence for pairing.
FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, unescape_html=False, explain=False)

# `&quot;` whose ampersand was mangled into a comma or dropped (",quot;", "quot;").  Runs after
# real entities are decoded, so "&quot;" itself never reaches it.
MANGLED_ENTITY = re.compile(r"[,;]?(?<![A-Za-z&])(quot|ldquo|rdquo|lsquo|rsquo|laquo|raquo|apos);")
HTML_ENTITY = re.compile(r"&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
ODD_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000]")
ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")

# Whole lines that are page furniture, not the article.  Matched case-insensitively
# against a stripped line; each pattern is the shape of a kind, not one site's text.
BOILERPLATE_LINES = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in [
        r"(header|footer|sidebar|top|bottom)?\s*ads?",
        r"advertisement|sponsored( content)?|promoted( content)?",
        r"breaking news|latest news|related (articles|stories|posts)|read more|more from .{0,40}",
        r"source link|original source|source:? \S+",
        r"(no|\d+) comments?|leave a (reply|comment)|post a comment|add a comment|cancel reply|post comment",
        # comment-form field labels and the cookie-consent line under them
        r"(name|email|e-mail|website|comment)\s*\*?|save my name, email,? and website.*",
        r"(read more|related|see also|also read)\s*[:|–—-].{0,200}|follow us( on .{0,60})?",
        r"(photo|image|picture|video)( credit)?\s*:.{0,150}",
        r"your email address will not be published\.?.*",
        r"required fields are marked.*",
        r"(notice|warning|deprecated|fatal error|parse error): .*\bon line \d+",
        # "Copyright 2024 Harbor Lane Media Inc. All rights reserved." but not a sentence about copyright law
        r"(copyright|©|\(c\))\s*(©\s*)?(\d{4}.{0,300}|\w.{0,120}(rights reserved|\d{4}).{0,200})"
        r"|all rights reserved\.?.*",
        r"continue reading( at .*)?|click here.*|subscribe( now| to .*)?|sign up( for .*)?",
        r"share (this|on) .*|share|tweet|email|print|whatsapp|facebook|twitter",
        r"\d+\s*[−\-+×x*/]\s*(\d+)?\s*=\s*\d*",  # captcha residue: "27 − = 21"
        r"(please )?(enable javascript|accept cookies).*",
        r"(skip to (main )?content|jump to navigation).*",
    ]
]


def clean_text(text: str) -> str:
    """Repair entities, mojibake and odd whitespace; keep every line.

    >>> clean_text("x &amp;quot;y&amp;quot; and &#8220;z&#8221;")
    'x "y" and “z”'
    """
    # Twice: double-escaped "&amp;quot;" decodes to "&quot;" and then to a mark.
    for _ in range(2):
        text = HTML_ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    text = MANGLED_ENTITY.sub(lambda m: html.unescape(f"&{m.group(1)};"), text)
    text = ftfy.fix_text(text, config=FTFY_CONFIG)
    text = ODD_SPACES.sub(" ", text)
    text = ZERO_WIDTH.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def is_boilerplate(line: str) -> bool:
    """True for a line that is site furniture (ads, comment forms, PHP warnings...).

    >>> is_boilerplate("Leave a comment")
    True
    """
    stripped = line.strip()
    if not stripped:
        return False
    return any(pattern.fullmatch(stripped) for pattern in BOILERPLATE_LINES)


def _same_headline(line: str, title: str) -> bool:
    """Whether a body's first line is the title again. Sites print the headline as a sentence
    ("Port Reopens." under a title "Port Reopens"), so the final punctuation and case do not count;
    a title prepended above its own copy would be read twice, its quotes too."""
    def bare(text: str) -> str:
        return text.rstrip(" .!?:;,").casefold()
    return bare(line) == bare(title)


def clean_article(article: Article) -> Article:
    """The article with repaired text, boilerplate lines dropped, headline as first line."""
    text = clean_text(article.text)
    title = clean_text(article.title).strip() if article.title else None
    lines = [line.rstrip() for line in text.split("\n")]
    kept = [line for line in lines if not is_boilerplate(line)]
    # Collapse runs of blank lines left by removed furniture.
    body_lines: list[str] = []
    for line in kept:
        if not line.strip() and (not body_lines or not body_lines[-1].strip()):
            continue
        body_lines.append(line.strip() if not line.strip() else line)
    while body_lines and not body_lines[-1].strip():
        body_lines.pop()
    body = "\n".join(body_lines)
    first_line = body_lines[0].strip() if body_lines else ""
    if title and not _same_headline(first_line, title):
        body = f"{title}\n\n{body}" if body else title
    elif not title:
        title = first_line or None
    return replace(article, text=body, title=title, published=normalize_published(article.published))


def normalize_published(value: str | None) -> str | None:
    """A publication date or time as sortable ISO 8601, keeping exactly what the source knew.

    A date stays a date (``2020-03-12``); a time with a zone becomes UTC (``2020-03-12T13:05:00Z``),
    so strings sort in time order and SQLite's ``date()`` gives the UTC day; a time without a
    zone keeps its wall-clock time (``2020-03-12T14:05:00``).  Anything else is kept as given.

    >>> normalize_published("2020-03-12T14:05:00+01:00")
    '2020-03-12T13:05:00Z'
    >>> normalize_published("2020-03-12")
    '2020-03-12'
    """
    if not value:
        return value
    text = value.strip()
    try:
        if len(text) == 10:
            return datetime.date.fromisoformat(text).isoformat()
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        return value
    if moment.tzinfo is None:
        return moment.strftime("%Y-%m-%dT%H:%M:%S")
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def content_hash(article: Article) -> str:
    """Hash of what determines an article's rows: its raw text and metadata."""
    digest = hashlib.sha256()
    for part in (article.id, article.text, article.title, article.outlet, article.url, article.published):
        digest.update((part or "").encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()
