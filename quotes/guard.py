"""What keeps a published Datasette safe: bounded SQL, http(s)-only links, security headers, short error logs.

Datasette's ``sql_time_limit_ms`` stops a query between SQLite instructions, but not inside one
function call, and it does not bound memory.  Every connection Datasette opens therefore gets
(:func:`bound_connection`):

* SQLite limits: no string or blob longer than :func:`length_limit` bytes, short LIKE/GLOB
  patterns, at most :data:`COLUMN_LIMIT` result columns;
* ``printf``/``format`` refused (their ``%c`` loops for seconds whatever the limits), and the
  pragma tables that name server paths (``pragma_database_list``);
* ``instr``, ``replace`` and two-argument ``trim``/``ltrim``/``rtrim`` in linear time (SQLite's are
  quadratic in their arguments' lengths);
* a budget of :data:`RESULT_BUDGET_BYTES` for the rows one query returns to Python.

Measured on the 2-core development machine (SQLite 3.40, Python 3.11), one call each:
``randomblob(1000000000)`` 27 s and 7.6 GB before, refused at once now; ``printf('%.*c',
2147483647, 'x')`` 7-9 s even under a 1 MB length limit; SQLite's ``instr``/``replace`` with a
5 MB haystack and a 2.5 MB needle about 70 s (0.7 s at 1 MB), Python's ``str.find`` 0.03 s;
``LIKE`` costs about 1 ns per haystack byte per pattern byte (10 MB x 100-byte pattern: 2.0 s).

Example::

    >>> import sqlite3
    >>> conn = sqlite3.connect(":memory:")
    >>> bound_connection(conn)
    >>> tuple(conn.execute("select instr('quotes', 'o')").fetchone())
    (3,)
"""

from __future__ import annotations

import base64
import hashlib
import logging
import math
import re
import sqlite3
import weakref

from .settings import get_setting

MB = 1024 * 1024
# Longest LIKE/GLOB pattern: a 10 MB value against a 100-byte pattern takes 2 s (see above). Datasette's
# own FTS detection uses patterns of 40 bytes plus the table name (with escapes).
LIKE_PATTERN_LIMIT = 100
# Widest result row: mentions has 19 columns, articles joined with mentions 30. A row is at most COLUMN_LIMIT x length_limit().
COLUMN_LIMIT = 40
# Rows one query may hand to Python: a 1000-row page of mentions is about 1 MB, of articles with text ~20 MB.
RESULT_BUDGET_BYTES = 64 * MB
# SQLite's own heap in `quotes serve` (sorters, FTS buffers, temporary b-trees); the UI needs < 50 MB.
HEAP_LIMIT_BYTES = 512 * MB
# SQL functions refused on published connections: one printf('%.*c', N, 'x') call loops N times.
REFUSED_FUNCTIONS = frozenset({"printf", "format"})
# Pragma tables refused to queries: they name the database file and temporary folders. (Datasette's own
# "PRAGMA database_list" statement reads no table; a user's SQL can only use these table forms.)
REFUSED_TABLES = frozenset({"pragma_database_list", "pragma_temp_store_directory", "pragma_data_store_directory"})
# Above this many distinct characters, trim's character set is checked with a set, not str.strip.
STRIP_SET_CHARS = 64

logger = logging.getLogger("quotes.web")


def length_limit() -> int:
    """Longest string or blob SQLite may read or make: twice QUOTES_MAX_FILE_BYTES.

    Every stored value comes from one input file, so it fits (UTF-8 text from a file of N bytes is
    at most N bytes, plus room for text decoded from a two-byte encoding).
    """
    return 2 * int(get_setting("max_file_bytes"))


# --- SQLite connections ----------------------------------------------------------------------------

def bound_connection(conn: sqlite3.Connection) -> None:
    """Apply the limits, the refused functions, the linear string functions and the result budget."""
    limit = length_limit()
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, limit)
    conn.setlimit(sqlite3.SQLITE_LIMIT_LIKE_PATTERN_LENGTH, LIKE_PATTERN_LIMIT)
    conn.setlimit(sqlite3.SQLITE_LIMIT_COLUMN, COLUMN_LIMIT)
    conn.set_authorizer(refuse_functions)
    conn.create_function("instr", 2, sql_instr, deterministic=True)
    conn.create_function("replace", 3, lambda x, y, z: sql_replace(x, y, z, limit), deterministic=True)
    for name, left, right in (("trim", True, True), ("ltrim", True, False), ("rtrim", False, True)):
        conn.create_function(name, 2, _strip_function(left, right), deterministic=True)
    conn.row_factory = ResultBudget(RESULT_BUDGET_BYTES, conn.row_factory)


def refuse_functions(action: int, arg1: str | None, arg2: str | None, database: str | None,
                     source: str | None) -> int:
    """SQLite authorizer: deny REFUSED_FUNCTIONS and reads of REFUSED_TABLES, allow everything else."""
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in REFUSED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_READ and (arg1 or "").lower() in REFUSED_TABLES:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def set_heap_limit(limit: int = HEAP_LIMIT_BYTES) -> None:
    """Cap SQLite's heap for the whole process (``quotes serve`` only: the limit is process-wide)."""
    conn = sqlite3.connect(":memory:")
    conn.execute(f"PRAGMA hard_heap_limit = {int(limit)}")
    conn.close()


class ResultTooLarge(sqlite3.DataError):
    """A query returned more bytes than the result budget allows."""


class ResultBudget:
    """A row factory that stops a query once its rows pass ``budget`` bytes.

    Datasette fetches up to ``max_returned_rows`` rows per query; with values up to the length
    limit that could be gigabytes. Each query runs on its own cursor, so the count is per cursor.
    """

    def __init__(self, budget: int, row_factory=None):
        self.budget = budget
        self.row_factory = row_factory or sqlite3.Row
        self.used: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def __call__(self, cursor: sqlite3.Cursor, row: tuple):
        used = self.used.get(cursor, 0) + sum(len(v) if isinstance(v, (str, bytes)) else 8 for v in row)
        if used > self.budget:
            raise ResultTooLarge(f"the result is larger than {self.budget // MB} MB: ask for fewer rows or columns")
        self.used[cursor] = used
        return self.row_factory(cursor, row)


def sqlite_text(value) -> str:
    """A value as SQLite converts it to text (floats as SQLite prints them, e.g. 1.0e+20)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, float):
        if math.isinf(value):
            return "Inf" if value > 0 else "-Inf"
        mantissa, _, exponent = f"{value:.15g}".partition("e")
        if "." not in mantissa:
            mantissa += ".0"
        return mantissa + (f"e{exponent}" if exponent else "")
    return str(value)


def sql_instr(haystack, needle) -> int | None:
    """SQLite's ``instr(X, Y)``: 1-based position of Y in X (bytes if both are blobs), 0 if absent."""
    if haystack is None or needle is None:
        return None
    if isinstance(haystack, bytes) and isinstance(needle, bytes):
        return haystack.find(needle) + 1
    return sqlite_text(haystack).find(sqlite_text(needle)) + 1


def sql_replace(text, old, new, limit: int) -> str | None:
    """SQLite's ``replace(X, Y, Z)``, refusing (before building it) a result longer than ``limit`` bytes."""
    if text is None or old is None or new is None:
        return None
    text, old, new = (sqlite_text(v).encode("utf-8", "surrogatepass") for v in (text, old, new))
    if not old:
        return text.decode("utf-8", "surrogatepass")
    if len(new) > len(old) and len(text) + text.count(old) * (len(new) - len(old)) > limit:
        raise ResultTooLarge("string or blob too big")
    return text.replace(old, new).decode("utf-8", "surrogatepass")


def _strip_function(left: bool, right: bool):
    def strip(text, chars) -> str | None:
        """SQLite's two-argument trim: remove any of ``chars`` from the chosen ends of ``text``."""
        if text is None or chars is None:
            return None
        text, chars = sqlite_text(text), "".join(dict.fromkeys(sqlite_text(chars)))
        if len(chars) <= STRIP_SET_CHARS:  # str.strip compares each character with every one in chars
            return text.strip(chars) if left and right else text.lstrip(chars) if left else text.rstrip(chars)
        members, start, end = set(chars), 0, len(text)
        while left and start < end and text[start] in members:
            start += 1
        while right and end > start and text[end - 1] in members:
            end -= 1
        return text[start:end]

    return strip


# --- links -------------------------------------------------------------------------------------------

# A complete http(s) URL: scheme, "//", a host, and no whitespace or control characters anywhere
# (browsers drop tabs and newlines inside a URL, so "java\tscript:" would become "javascript:").
HTTP_URL = re.compile(r"https?://[^\s/?#\\]+[^\s\\]*", re.IGNORECASE | re.ASCII)
CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f\u2028\u2029]")


def http_url(value) -> str | None:
    """``value`` if it is an http(s) URL a browser will follow as such, else None (e.g. ``javascript:``)."""
    if not isinstance(value, str) or CONTROL.search(value) or not HTTP_URL.fullmatch(value):
        return None
    return value


# --- HTTP responses ----------------------------------------------------------------------------------

INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\ssrc=)[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)
# Styles may be inline (Datasette's templates use style attributes); everything else comes from here.
CSP_BASE = ("default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
            "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = [(b"x-frame-options", b"DENY"), (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin")]


def content_security_policy(html: bytes) -> str:
    """The policy for one HTML page: scripts from this site, plus its own inline scripts by hash.

    Datasette's templates carry inline scripts (menus, the SQL editor, facets), so they are allowed
    by their SHA-256; ``javascript:`` URLs and inline event handlers (``onerror=``) stay blocked.
    """
    hashes = sorted({base64.b64encode(hashlib.sha256(body).digest()).decode()
                     for body in INLINE_SCRIPT.findall(html)})
    return f"{CSP_BASE}; script-src 'self'" + "".join(f" 'sha256-{h}'" for h in hashes)


def with_security_headers(app):
    """ASGI middleware adding CSP, X-Frame-Options, X-Content-Type-Options and Referrer-Policy.

    HTML bodies are buffered (Datasette renders them whole anyway) to hash their inline scripts;
    other responses, such as streamed CSV, pass through as they come.
    """

    async def wrapped(scope, receive, send):
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        start: dict | None = None
        chunks: list[bytes] = []

        async def send_with_headers(message):
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                if not _is_html(message):
                    await send(_add_headers(message, f"{CSP_BASE}; script-src 'self'"))
                    start = None
                return
            if message["type"] == "http.response.body" and start is not None:
                chunks.append(message.get("body", b""))
                if message.get("more_body"):
                    return
                body = b"".join(chunks)
                await send(_add_headers(start, content_security_policy(body)))
                await send({"type": "http.response.body", "body": body})
                return
            await send(message)

        await app(scope, receive, send_with_headers)

    return wrapped


def _is_html(start: dict) -> bool:
    return any(k.lower() == b"content-type" and v.startswith(b"text/html") for k, v in start.get("headers", []))


def _add_headers(start: dict, policy: str) -> dict:
    names = {name for name, _ in SECURITY_HEADERS} | {b"content-security-policy"}
    headers = [(k, v) for k, v in start.get("headers", []) if k.lower() not in names]
    headers += SECURITY_HEADERS + [(b"content-security-policy", policy.encode())]
    return {**start, "headers": headers}


def error_line(status: int, method: str, path: str, exception: BaseException) -> str:
    """One log line for a failed request: status, request, exception type and message, where it was raised."""
    where = ""
    traceback = exception.__traceback__
    while traceback is not None and traceback.tb_next is not None:
        traceback = traceback.tb_next
    if traceback is not None:
        where = f" at {traceback.tb_frame.f_code.co_filename.rsplit('/', 1)[-1]}:{traceback.tb_lineno}"
    message = " ".join(str(exception).split())[:300]
    return f"quotes serve: {status} {method} {path}: {type(exception).__name__}: {message}{where}"
