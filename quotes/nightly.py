"""The nightly ingest: read every source listed in a TOML file and bring the database up to date.

Run from cron through ``scripts/nightly-ingest``.  One run:

1. reads the sources file (``--sources``, else ``$QUOTES_SOURCES``, else ``sources.toml``);
2. takes the database's ingest lock (a second run exits at once, status 75);
3. marks runs left "running" by a killed process as "interrupted";
4. ingests every source -- folders (``NAME.txt`` + sidecar, ``*.jsonl``, ``*.html``), JSONL
   files and RSS/Atom feeds (:mod:`quotes.feeds`) -- through :func:`quotes.ingest.ingest`, so
   only new or changed articles are extracted, each in its own transaction, and speakers and
   quote statistics are refreshed at the end;
5. stores the feeds' HTTP validators and prints one summary line.

Sources file (see ``sources.example.toml``)::

    [fetch]                    # optional defaults for feeds
    timeout = 20

    [[source]]
    type = "folder"            # "folder" | "jsonl" | "feed"
    path = "incoming/"         # relative paths are relative to the sources file
    outlet = "Example Times"   # for articles whose own metadata names no outlet

    [[source]]
    type = "feed"
    url = "https://example.org/rss.xml"

Exit status: 0 when the run completed (rejected inputs are recorded in ``ingest_errors`` and
do not fail it); 1 when it could not run (database not writable, unexpected failure) or every
source failed (none gave a single article); 2 for a bad sources file or registry; 75
(EX_TEMPFAIL) when another ingest holds the lock.  A rejected input is reported on stderr the
first night only, until its content changes.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Callable, Iterator

import click

from . import store
from .feeds import FeedState, FeedStats, FetchSettings, http_client, read_feed
from .settings import DEFAULT_DB_FOLDER, get_setting
from .sources import Article, SourceError, folder_files, read_file, read_paths, relative_sources

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_CONFIG = 2
EXIT_LOCKED = 75  # EX_TEMPFAIL: try again later

SOURCE_TYPES = ("folder", "jsonl", "feed")
SOURCE_KEYS = {"type", "path", "url", "outlet", "name", "enabled"}
FETCH_KEYS = {f.name for f in fields(FetchSettings)}
PER_SOURCE_FETCH_KEYS = FETCH_KEYS - {"user_agent"}
PROG = "nightly-ingest"


class ConfigError(ValueError):
    """The sources file is missing or invalid; the message names the file and the problem."""


@dataclass
class Source:
    """One ``[[source]]`` table of the sources file."""

    type: str
    name: str  # what messages and ingest_runs.sources call it: the path or URL unless named
    path: Path | None = None
    url: str | None = None
    outlet: str | None = None
    fetch: FetchSettings = field(default_factory=FetchSettings)


# --- the sources file ----------------------------------------------------------------------------

def load_sources(path: str | os.PathLike) -> list[Source]:
    """The enabled sources listed in a TOML sources file; raises :class:`ConfigError`."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file (set QUOTES_SOURCES or --sources; "
                          f"see sources.example.toml)") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    return parse_sources(data, path)


def parse_sources(data: dict, path: Path) -> list[Source]:
    """Validate parsed TOML (strictly: a typo'd key is an error, not a silent default)."""
    unknown = set(data) - {"fetch", "source"}
    if unknown:
        raise ConfigError(f"{path}: unknown top-level key(s) {', '.join(sorted(unknown))} "
                          f"(expected [fetch] and [[source]] tables)")
    defaults = _fetch_settings(data.get("fetch", {}), FetchSettings(max_bytes=_max_bytes()), FETCH_KEYS,
                               f"{path}: [fetch]")
    tables = data.get("source", [])
    if not isinstance(tables, list) or not tables:
        raise ConfigError(f"{path}: no [[source]] tables: nothing to ingest")
    base = path.resolve().parent
    sources = []
    for number, table in enumerate(tables, start=1):
        where = f"{path}: source #{number}"
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: must be a [[source]] table")
        unknown = set(table) - SOURCE_KEYS - PER_SOURCE_FETCH_KEYS
        if unknown:
            raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        kind = table.get("type")
        if kind not in SOURCE_TYPES:
            raise ConfigError(f"{where}: type must be one of {', '.join(map(repr, SOURCE_TYPES))}, got {kind!r}")
        for key in ("path", "url", "outlet", "name"):
            if key in table and (not isinstance(table[key], str) or not table[key].strip()):
                raise ConfigError(f"{where}: {key} must be a non-empty string")
        enabled = table.get("enabled", True)
        if not isinstance(enabled, bool):
            raise ConfigError(f"{where}: enabled must be true or false")
        if kind == "feed":
            if "url" not in table or "path" in table:
                raise ConfigError(f"{where}: a feed source needs url (and no path)")
            if not table["url"].startswith(("http://", "https://")):
                raise ConfigError(f"{where}: url must start with http:// or https://, got {table['url']!r}")
            fetch_keys = {k: v for k, v in table.items() if k in PER_SOURCE_FETCH_KEYS}
            source = Source(kind, table.get("name", table["url"]), url=table["url"],
                            fetch=_fetch_settings(fetch_keys, defaults, PER_SOURCE_FETCH_KEYS, where))
        else:
            if "path" not in table or "url" in table:
                raise ConfigError(f"{where}: a {kind} source needs path (and no url)")
            extra = set(table) & PER_SOURCE_FETCH_KEYS
            if extra:
                raise ConfigError(f"{where}: {', '.join(sorted(extra))} only apply to feed sources")
            if kind == "jsonl" and not table["path"].lower().endswith(".jsonl"):
                raise ConfigError(f"{where}: a jsonl source's path must name a .jsonl file, got {table['path']!r}")
            source_path = Path(table["path"]).expanduser()
            source_path = source_path if source_path.is_absolute() else base / source_path
            # Files obey QUOTES_MAX_FILE_BYTES, like `quotes ingest`; [fetch] is for feeds only.
            source = Source(kind, table.get("name", str(source_path)), path=source_path,
                            fetch=FetchSettings(max_bytes=_max_bytes()))
        source.outlet = table.get("outlet")
        if enabled:
            sources.append(source)
    return sources


def _fetch_settings(table, defaults: FetchSettings, allowed: set[str], where: str) -> FetchSettings:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: must be a table")
    unknown = set(table) - allowed
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    for key, value in table.items():
        if key == "user_agent":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{where}: user_agent must be a non-empty string")
        elif key in ("retries", "max_entries", "max_bytes"):
            if not isinstance(value, int) or isinstance(value, bool) or value < (0 if key == "retries" else 1):
                raise ConfigError(f"{where}: {key} must be a {'non-negative' if key == 'retries' else 'positive'} "
                                  f"integer, got {value!r}")
        elif not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0 or (
                key == "timeout" and value == 0):
            raise ConfigError(f"{where}: {key} must be a positive number of seconds, got {value!r}")
    return replace(defaults, **table)


def _max_bytes() -> int:
    return int(get_setting("max_file_bytes"))


# --- reading sources -----------------------------------------------------------------------------

def read_sources(sources: list[Source], state: FeedState, feed_stats: FeedStats,
                 client_factory: Callable = http_client,
                 failed: list[str] | None = None) -> Iterator[Article | SourceError]:
    """Articles and rejected inputs from every source, in the order listed; never raises.

    The name of each source that yielded errors and not a single article is appended to ``failed``
    (a feed answering 304, or an empty folder, yields neither: it has not failed).
    """
    failed = failed if failed is not None else []
    clients: dict = {}
    try:
        for source in sources:
            if source.type == "feed":
                key = (source.fetch.timeout, source.fetch.user_agent)
                if key not in clients:
                    clients[key] = client_factory(source.fetch)
                items = read_feed(clients[key], source.url, source.fetch, state, outlet=source.outlet,
                                  stats=feed_stats)
            elif source.type == "folder" and source.path.is_dir():
                items = relative_sources(_read_folder(source.path, source.fetch.max_bytes), [source.path])
            elif source.type == "jsonl" and source.path.is_dir():
                items = iter([SourceError(str(source.path), "jsonl source is a directory (use type = \"folder\")")])
            else:
                items = relative_sources(read_paths([source.path], max_bytes=source.fetch.max_bytes), [source.path])
            articles = errors = 0
            for item in _guarded(str(source.path or source.url), items):
                if isinstance(item, Article):
                    articles += 1
                    if source.outlet and not item.outlet:
                        item.outlet = source.outlet
                else:
                    errors += 1
                yield item
            if errors and not articles:
                failed.append(source.name)
    finally:
        for client in clients.values():
            client.close()


def _read_folder(folder: Path, max_bytes: int) -> Iterator[Article | SourceError]:
    """Like read_paths on a folder, but a file that cannot be read is one error, not the folder's end."""
    for child in folder_files(folder):
        if isinstance(child, SourceError):
            yield child
        else:
            yield from _guarded(str(child), read_file(child, max_bytes=max_bytes, root=folder))


def _guarded(name: str, items: Iterator[Article | SourceError]) -> Iterator[Article | SourceError]:
    """``items``, with an unexpected exception (permission denied, a file vanishing) turned into an error."""
    try:
        yield from items
    except ImportError:  # a broken installation, not bad input: the run must fail, not skip every file
        raise
    except Exception as error:
        yield SourceError(name, f"cannot read: {type(error).__name__}: {error}")


@dataclass
class NightlyResult:
    ingest: object  # quotes.ingest.IngestStats
    feeds: FeedStats
    sources: int = 0
    failed_sources: list[str] = field(default_factory=list)  # sources that gave errors and no article

    @property
    def every_source_failed(self) -> bool:
        return bool(self.sources) and len(self.failed_sources) == self.sources

    def summary(self) -> str:
        line = self.ingest.summary()
        if self.feeds.feeds or self.feeds.feeds_not_modified or self.feeds.failed:
            line += "; " + self.feeds.summary()
        return line


def run_nightly(db, sources: list[Source], nlp, registry=None, batch_size: int | None = None,
                on_article: Callable[[str], None] | None = None,
                client_factory: Callable = http_client, extractor=None) -> NightlyResult:
    """Ingest every source into ``db`` (the caller holds the ingest lock) and store feed validators.

    ``extractor`` (a ``quotes.workers.DaskExtractor``) extracts on Dask instead of with ``nlp``.
    """
    from .ingest import ingest

    mark_interrupted_runs(db)
    state = FeedState(db)
    feed_stats = FeedStats()
    failed: list[str] = []
    # report_once: a file rejected last night and unchanged since is not news on stderr (cron mail).
    stats = ingest(db, read_sources(sources, state, feed_stats, client_factory, failed), nlp, registry=registry,
                   batch_size=batch_size or int(get_setting("batch_size")), command="nightly",
                   sources=[s.name for s in sources], on_article=on_article, report_once=True,
                   extractor=extractor)
    state.save()
    return NightlyResult(stats, feed_stats, len(sources), failed)


def mark_interrupted_runs(db) -> int:
    """Runs still "running" while we hold the lock were killed: say so (also proves the db is writable)."""
    return store.mark_interrupted_runs(db)


# --- the command ---------------------------------------------------------------------------------

@click.command(name=PROG, context_settings={"help_option_names": ["-h", "--help"]},
               epilog="Exit status: 0 run completed (rejected inputs are in ingest_errors), 1 could not run or "
                      "every source failed, 2 bad sources file or registry, 75 another ingest holds the lock.")
@click.option("--sources", "sources_path", type=click.Path(dir_okay=False), default=None,
              help="TOML sources file (default: $QUOTES_SOURCES or sources.toml)")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
              help="SQLite database (default: $QUOTES_DB or db/quotes.db)")
@click.option("--quiet", is_flag=True, help="No summary line (errors still go to stderr)")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Extract on a local Dask cluster of this many processes (1: in this process, no Dask)")
@click.option("--scheduler", default=None, envvar="QUOTES_DASK_SCHEDULER", show_envvar=True,
              help="Extract on this running Dask cluster (tcp://host:8786) instead of a local one")
def command(sources_path: str | None, db_path: str | None, quiet: bool, workers: int, scheduler: str | None) -> None:
    """Ingest every source in the sources file into the quotes database.

    Cron-ready: nothing on stderr unless an input is rejected or the run fails, one summary
    line on stdout, a progress bar only in a terminal.

    \b
    Example:
        QUOTES_DB=db/quotes.db scripts/nightly-ingest --sources sources.toml
    """
    sys.exit(nightly(sources_path, db_path, quiet, workers, scheduler))


def nightly(sources_path: str | None = None, db_path: str | None = None, quiet: bool = False,
            workers: int = 1, scheduler: str | None = None) -> int:
    """The whole nightly run: sources file, lock, database, model, ingest, summary; returns the exit status.

    With ``workers > 1`` or a Dask ``scheduler`` address, cleaning and extraction run on Dask.
    """
    sources_path = sources_path or get_setting("sources")
    db_path = db_path or get_setting("db")

    def fail(status: int, message: str) -> int:
        print(f"{PROG}: error: {message}", file=sys.stderr)
        return status

    try:
        sources = load_sources(sources_path)
    except ConfigError as error:
        return fail(EXIT_CONFIG, str(error))
    try:
        from .registry import load_registry

        registry = load_registry(get_setting("speaker_registry"))
    except Exception as error:  # RegistryError and friends: a bad registry is bad configuration
        return fail(EXIT_CONFIG, f"speaker registry: {error}")

    problem = _db_path_problem(Path(db_path))
    if problem:
        return fail(EXIT_FAILED, f"cannot use database {db_path}: {problem}")

    from .ingest import LockHeld, ingest_lock

    try:
        with ingest_lock(db_path):
            db = _open_writable(db_path)
            stack = contextlib.ExitStack()
            if workers > 1 or scheduler:
                nlp, extractor = None, _enter_dask(stack, workers, scheduler)
            else:
                nlp, extractor = _load_model(), None
            progress = None
            if not quiet and sys.stderr.isatty():
                from tqdm import tqdm

                progress = tqdm(unit=" articles", desc="nightly", file=sys.stderr)
            try:
                # `is not None`: a tqdm without a total refuses bool().
                result = run_nightly(db, sources, nlp, registry=registry,
                                     on_article=(lambda _id: progress.update(1)) if progress is not None else None,
                                     extractor=extractor)
            finally:
                if progress is not None:
                    progress.close()
                stack.close()
                db.close()
    except LockHeld as error:
        return fail(EXIT_LOCKED, f"{error}; not starting a second run")
    except _CannotRun as error:
        return fail(error.status, str(error))
    except OSError as error:  # the lock file's folder cannot be created or written
        return fail(EXIT_FAILED, f"cannot use database {db_path}: {error.strerror or error}"
                                 f"{f' ({error.filename})' if error.filename else ''}")
    except sqlite3.Error as error:
        return fail(EXIT_FAILED, f"database {db_path}: {error}")
    except ImportError as error:  # e.g. trafilatura without lxml_html_clean: reinstall, do not skip input
        return fail(EXIT_FAILED, f"missing dependency: {' '.join(str(error).split())} "
                                 f"(reinstall the project: pip install -e .)")
    if not quiet:
        print(result.summary(), flush=True)
    if result.every_source_failed:
        return fail(EXIT_FAILED, f"every source failed ({', '.join(result.failed_sources)}); "
                                 f"the reasons are in ingest_errors")
    return EXIT_OK


def _db_path_problem(path: Path) -> str | None:
    """Why the database (with its -wal, -shm and .lock files) cannot be written there, if it cannot."""
    folder = path.parent
    if not folder.exists():
        if folder.resolve() != DEFAULT_DB_FOLDER.resolve():
            return f"folder {folder} does not exist"
        folder = folder.parent  # only the default db/ folder is created, in its parent
    if not folder.is_dir():
        return f"{folder} is not a directory"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"folder {folder} is not writable"
    if path.exists() and (path.is_dir() or not os.access(path, os.R_OK | os.W_OK)):
        return "is a directory" if path.is_dir() else "file is not writable"
    return None


class _CannotRun(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _open_writable(db_path: str):
    from . import store

    try:
        db = store.open_db(db_path)
        mark_interrupted_runs(db)  # a write: fails now, before spaCy loads, if the db is read-only
    except (sqlite3.Error, OSError) as error:
        raise _CannotRun(EXIT_FAILED, f"cannot open database {db_path} for writing: {error}") from None
    return db


def _enter_dask(stack: contextlib.ExitStack, workers: int, scheduler: str | None):
    """A Dask extractor entered on ``stack``; a missing extra or an unreachable scheduler cannot run."""
    try:
        from .workers import dask_extractor
    except ImportError as error:
        raise _CannotRun(EXIT_CONFIG, str(error)) from None
    try:
        return stack.enter_context(dask_extractor(workers=workers, scheduler=scheduler))
    except OSError as error:  # distributed raises OSError when no scheduler answers in time
        raise _CannotRun(EXIT_FAILED, f"cannot reach Dask scheduler {scheduler}: {error}") from None


def _load_model():
    from .extract import load_nlp

    try:
        return load_nlp()
    except (OSError, ImportError, ValueError) as error:  # spaCy's "Can't find model" is an OSError
        raise _CannotRun(EXIT_CONFIG, f"cannot load spaCy pipeline {get_setting('spacy_model')!r} "
                                      f"(QUOTES_SPACY_MODEL): {error}") from None
