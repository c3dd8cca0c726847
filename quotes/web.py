"""How `quotes` runs Datasette: the config folder, the settings, and a ready Datasette object.

``quotes serve`` and the tests build Datasette from the same place, so what the
tests check is what users get.

Example::

    >>> datasette = make_datasette("db/quotes.db")
    >>> response = await datasette.client.get("/quotes/mentions.json?_facet=speaker_id")
"""

from __future__ import annotations

import errno
import json
from pathlib import Path

import yaml

from .settings import PROJECT_ROOT, get_flag

CONFIG_DIR = PROJECT_ROOT / "datasette_config"


def load_metadata() -> dict:
    return yaml.safe_load((CONFIG_DIR / "metadata.yml").read_text(encoding="utf-8"))


def load_settings() -> dict:
    """datasette_config/settings.json, with arbitrary SQL turned off when QUOTES_ALLOW_SQL is false."""
    settings = json.loads((CONFIG_DIR / "settings.json").read_text(encoding="utf-8"))
    if not get_flag("allow_sql"):
        settings["default_allow_sql"] = False
    return settings


def make_datasette(db_path: str | Path):
    """A Datasette instance serving ``db_path`` as the database named ``quotes``.

    Datasette only reads it: ``mode=ro``, or ``immutable=1`` when SQLite cannot open it read-only
    otherwise (a WAL database in a folder this process cannot write).
    """
    from datasette.app import Datasette
    from datasette.database import Database

    from datasette.plugins import pm

    from .store import connect_read_only

    # Datasette's own handler prints a page-long traceback with locals for every 404 and 500;
    # datasette_config/plugins/quotes_guard.py answers instead and logs one line.
    pm.set_blocked("datasette.handle_exception")

    datasette = Datasette(
        metadata=load_metadata(),
        template_dir=str(CONFIG_DIR / "templates"),
        plugins_dir=str(CONFIG_DIR / "plugins"),
        static_mounts=[("assets", str(CONFIG_DIR / "static"))],
        settings=load_settings(),
    )
    # Published as "quotes" whatever the file is called, so metadata and canned queries apply.
    conn, mode = connect_read_only(db_path)
    conn.close()
    datasette.add_database(Database(datasette, path=str(db_path), is_mutable=mode == "mode=ro"), name="quotes")
    if "_memory" in datasette.databases:  # Datasette adds it when started without files; users need not see it
        datasette.remove_database("_memory")
    return datasette


def port_problem(host: str, port: int) -> str | None:
    """Why ``host:port`` cannot be listened on (busy, unknown host), or None when it can.

    Binds and releases a socket with SO_REUSEADDR, as uvicorn does, so a port another server
    is listening on is refused here, before anything says "Serving".
    """
    import socket

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as error:
        return f"unknown host ({error.strerror})"
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as error:
            return "the port is already in use" if error.errno == errno.EADDRINUSE else (error.strerror or str(error))
    return None


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Run Datasette on ``db_path`` with uvicorn until interrupted."""
    import uvicorn

    from .guard import set_heap_limit

    set_heap_limit()

    uvicorn.run(make_datasette(db_path).app(), host=host, port=port, log_level="warning")
