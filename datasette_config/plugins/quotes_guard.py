"""Datasette plugin for publishing safely; the rules themselves live in quotes/guard.py.

Bounds every SQLite connection, links only http(s) URLs, sends CSP and anti-framing headers,
lists databases without their server paths, and logs a failed request as one line.
"""

from __future__ import annotations

from datasette import Response, hookimpl
from datasette.utils.asgi import Base400
from datasette.views.base import DatasetteError
from markupsafe import Markup

from quotes import guard


@hookimpl
def prepare_connection(conn):
    """Length, LIKE-pattern and column limits, refused functions, linear string functions, result budget."""
    guard.bound_connection(conn)


@hookimpl
def prepare_jinja2_environment(env):
    """``value|http_url``: the URL when it is http(s), else None, so templates link nothing else."""
    env.filters["http_url"] = guard.http_url


@hookimpl
def render_cell(value, column):
    """A ``url`` cell is a link only when it is http(s); anything else (``javascript:``...) is plain text."""
    if column != "url" or not isinstance(value, str):
        return None
    href = guard.http_url(value)
    if href is None:
        return Markup("{}").format(value)
    return Markup('<a href="{}" rel="nofollow noopener noreferrer">{}</a>').format(href, value)


@hookimpl
def asgi_wrapper():
    return guard.with_security_headers


@hookimpl
def register_routes():
    """``/-/databases.json`` without the file paths Datasette lists (they show the server's layout)."""

    async def databases(datasette):
        return Response.json([
            {"name": db.name, "route": db.route, "is_mutable": db.is_mutable, "is_memory": db.is_memory}
            for name, db in datasette.databases.items() if name != "_internal"
        ])

    return [(r"^/-/databases(\.json)?$", databases)]


@hookimpl
def handle_exception(datasette, request, exception):
    """One log line per failed request (not Datasette's page-long traceback with locals), and an error page.

    Unexpected errors show a generic message: their text can carry server paths.
    """
    if isinstance(exception, Base400):
        status, message, title = exception.status, exception.args[0] if exception.args else "", None
    elif isinstance(exception, DatasetteError):
        status, message, title = exception.status, exception.message, exception.title
        if exception.message_is_html:
            message = Markup(message)
    elif isinstance(exception, MemoryError):  # SQLite's heap limit (quotes.guard.HEAP_LIMIT_BYTES) refused a query
        status, message, title = 400, "This query needs more memory than this server allows.", "Query too large"
    else:
        status, message, title = 500, "Internal error: the server could not answer this request.", None
    guard.logger.error(guard.error_line(status, request.method, request.path, exception))
    extra = exception.error_dict if isinstance(exception, DatasetteError) else {}
    info = {**extra, "ok": False, "error": message, "status": status, "title": title}

    async def inner():
        if request.path.endswith(".json"):
            return Response.json({**info, "error": str(message)}, status=status)
        html = await datasette.render_template(["%s.html" % status, "error.html"], info, request=request)
        return Response.html(html, status=status)

    return inner
