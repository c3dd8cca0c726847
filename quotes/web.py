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

from .settings import PROJECT_ROOT

CONFIG_DIR = PROJECT_ROOT / "datasette_config"


def load_metadata() -> dict:
    return yaml.safe_load((CONFIG_DIR / "metadata.yml").read_text(encoding="utf-8"))


def load_settings() -> dict:
    return json.loads((CONFIG_DIR / "settings.json").read_text(encoding="utf-8"))


def make_datasette(db_path: str | Path):
    """A Datasette instance serving ``db_path`` as the database named ``quotes``."""
    from datasette.app import Datasette
    from datasette.database import Database

    datasette = Datasette(
        metadata=load_metadata(),
        template_dir=str(CONFIG_DIR / "templates"),
        plugins_dir=str(CONFIG_DIR / "plugins"),
        static_mounts=[("assets", str(CONFIG_DIR / "static"))],
        settings=load_settings(),
    )
    # Published as "quotes" whatever the file is called, so metadata and canned queries apply.
    datasette.add_database(Database(datasette, path=str(db_path), is_mutable=True), name="quotes")
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

    uvicorn.run(make_datasette(db_path).app(), host=host, port=port, log_level="warning")
