"""The ``quotes`` command line: a thin layer over ingest, store, evaluate and web.

Example::

    $ quotes ingest ../shared/corpus/seeds
    $ quotes export > mentions.jsonl
    $ quotes evaluate ../shared/gold/seeds.gold.jsonl
    $ quotes serve
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import sys
from pathlib import Path

import click
from click_default_group import DefaultGroup

from .settings import get_setting

DB_OPTION_HELP = "SQLite database path (default: $QUOTES_DB or db/quotes.db)"
# `-h` is help everywhere (so `serve` has no `-h` for --host).
CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


def db_option(function):
    return click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
                        help=DB_OPTION_HELP)(function)


def resolve_db(db_path: str | None) -> str:
    return db_path or get_setting("db")


def require_database(db_path: str | None) -> str:
    """The database path, which must exist: only `quotes ingest` creates a database."""
    path = resolve_db(db_path)
    if not Path(path).is_file():
        raise click.ClickException(f"no database at {path}: run `quotes ingest PATH` first (or pass --db)")
    return path


class CommandGroup(DefaultGroup):
    """``serve`` is the default command for options (``quotes --port 8002``), but a word that
    names no command is an error, not an argument handed to ``serve``."""

    def resolve_command(self, ctx: click.Context, args: list[str]):
        if args and not args[0].startswith("-") and args[0] not in self.commands:
            ctx.fail(f"No such command {args[0]!r}. Commands: {', '.join(sorted(self.commands))}.")
        return super().resolve_command(ctx, args)


def workers_options(function):
    """--workers and --scheduler, shared by ingest and nightly."""
    function = click.option(
        "--scheduler", default=None, envvar="QUOTES_DASK_SCHEDULER", show_envvar=True,
        help="Extract on this running Dask cluster (tcp://host:8786) instead of a local one")(function)
    return click.option(
        "--workers", type=click.IntRange(min=1), default=1, show_default=True,
        help="Extract on a local Dask cluster of this many processes (1: in this process, no Dask)")(function)


@click.group(cls=CommandGroup, default="serve", default_if_no_args=False, context_settings=CONTEXT_SETTINGS)
@click.version_option(package_name="quotes")
def cli() -> None:
    """Quote attribution and speaker index for news.

    \b
    Find every direct quotation and its speaker, link each quote's variants
    across outlets, and browse it all in Datasette.
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@db_option
@click.option("--model", default=None, help="spaCy pipeline to use (default: $QUOTES_SPACY_MODEL)")
@click.option("--registry", type=click.Path(dir_okay=False), default=None,
              help="Curated speaker registry YAML (default: $QUOTES_SPEAKER_REGISTRY)")
@click.option("--batch-size", type=int, default=None, help="Articles per nlp.pipe batch (default: $QUOTES_BATCH_SIZE)")
@workers_options
@click.option("--quiet", is_flag=True, help="No progress bar and no summary line")
@click.option("--log-noop-run", is_flag=True,
              help="Log the run in ingest_runs even when it changed nothing (the nightly script always does)")
def ingest(paths, db_path, model, registry, batch_size, workers, scheduler, quiet, log_noop_run) -> None:
    """Ingest article files and folders (NAME.txt + NAME.json, *.jsonl, *.html).

    Idempotent: unchanged articles are skipped, changed ones replace their mentions, and a
    run that changes nothing leaves every table as it was.  Exits 1 when nothing could be
    read (every input rejected, or no article files found), 2 when a path does not exist.

    \b
    Example:
        quotes ingest ../shared/corpus/seeds --db db/quotes.db
    """
    from .sources import read_paths, relative_sources

    max_bytes = int(get_setting("max_file_bytes"))
    items = relative_sources(read_paths(paths, max_bytes=max_bytes), paths)
    stats = run_ingest(items, db_path, model, registry, batch_size, workers, quiet, command="ingest",
                       sources=[Path(p).name or str(p) for p in paths], log_noop_run=log_noop_run,
                       scheduler=scheduler)
    if not (stats.added or stats.updated or stats.unchanged):
        where = ", ".join(paths)
        if stats.errors:
            raise click.ClickException(f"nothing could be read from {where}: "
                                       f"{len(stats.errors)} input(s) rejected (reasons above and in ingest_errors)")
        raise click.ClickException(f"nothing to ingest in {where}: no .txt, .jsonl or .html files")


def run_ingest(items, db_path, model, registry_path, batch_size, workers, quiet, command, sources,
               force: bool = False, log_noop_run: bool = True, scheduler: str | None = None):
    """Shared by ingest and reindex: lock, load model and registry, ingest with progress.

    With ``workers > 1`` or a ``scheduler`` address, cleaning and extraction run on Dask.
    """
    from . import store
    from .ingest import LockHeld, ingest as run, ingest_lock
    from .registry import load_registry

    path = resolve_db(db_path)
    try:
        registry = load_registry(registry_path or get_setting("speaker_registry"))
    except ValueError as error:
        raise click.ClickException(str(error))
    try:
        store.prepare_db_folder(path)
    except FileNotFoundError as error:
        raise click.ClickException(f"cannot create database {path}: {error}")
    try:
        with ingest_lock(path):
            db = open_database(path)
            # Runs left "running" under our lock were killed; also a write that fails now, before
            # spaCy loads, when the database is read-only.
            store.mark_interrupted_runs(db)
            with extraction(model, workers, scheduler) as (nlp, extractor):
                show_progress = not quiet and sys.stderr.isatty()
                progress = None
                if show_progress:
                    from tqdm import tqdm
                    progress = tqdm(unit="article", desc=command, file=sys.stderr)
                stats = run(db, items, nlp, registry=registry,
                            batch_size=batch_size or int(get_setting("batch_size")),
                            command=command, sources=sources, force=force, log_noop_run=log_noop_run,
                            on_article=(lambda _id: progress.update(1)) if progress is not None else None,
                            extractor=extractor)
                if progress is not None:
                    progress.close()
    except LockHeld as error:
        raise click.ClickException(str(error))
    except (PermissionError, sqlite3.OperationalError) as error:
        if isinstance(error, sqlite3.OperationalError) and "readonly" not in str(error):
            raise
        raise click.ClickException(read_only_message(path, error))
    except ImportError as error:  # a broken installation, e.g. trafilatura without lxml_html_clean
        raise click.ClickException(f"missing dependency: {' '.join(str(error).split())} "
                                   f"(reinstall the project: pip install -e .)")
    if not quiet:
        click.echo(stats.summary(), err=True)
    return stats


@contextlib.contextmanager
def extraction(model: str | None, workers: int, scheduler: str | None):
    """(nlp, None) to extract in this process, or (None, a Dask extractor) for a cluster."""
    if workers <= 1 and not scheduler:
        from .extract import load_nlp

        yield load_nlp(model), None
        return
    try:
        from .workers import dask_extractor
    except ImportError as error:
        raise click.ClickException(str(error))
    with contextlib.ExitStack() as stack:
        try:
            extractor = stack.enter_context(dask_extractor(workers=workers, scheduler=scheduler, model=model))
        except OSError as error:  # distributed raises OSError when no scheduler answers in time
            raise click.ClickException(f"cannot reach Dask scheduler {scheduler}: {error}")
        yield None, extractor


def open_database(path: str):
    from . import store

    try:
        return store.open_db(path)
    except Exception as error:
        if isinstance(error, PermissionError) or "readonly" in str(error):
            raise click.ClickException(read_only_message(path, error))
        raise click.ClickException(f"cannot open database {path}: {error}")


def read_only_message(path: str, error: Exception) -> str:
    """One line for a database (or its folder, -wal or lock file) that cannot be written."""
    if isinstance(error, OSError) and error.filename:
        detail = f"cannot write {error.filename}: {error.strerror}"
    else:
        detail = str(error)
    return f"database {path} is read-only ({detail})"


@cli.command()
@db_option
@click.option("--model", default=None, help="spaCy pipeline to use (default: $QUOTES_SPACY_MODEL)")
@click.option("--registry", type=click.Path(dir_okay=False), default=None,
              help="Curated speaker registry YAML (default: $QUOTES_SPEAKER_REGISTRY)")
@click.option("--all", "all_articles", is_flag=True, help="Re-extract every article, not only outdated ones")
@click.option("--quiet", is_flag=True, help="No progress bar and no summary line")
def reindex(db_path, model, registry, all_articles, quiet) -> None:
    """Re-extract stored articles whose extractor version is older than this one.

    \b
    Example:
        quotes reindex --db db/quotes.db
    """
    from . import store
    from .extract import EXTRACTOR_VERSION
    from .sources import Article

    path = require_database(db_path)
    db = open_database(path)
    rows = [r for r in store.stored_articles(db) if all_articles or r["extractor_version"] != EXTRACTOR_VERSION]
    db.close()
    # Keep the hash of the original input, so the next ingest of that input sees it unchanged.
    items = [Article(id=r["id"], text=r["text"], title=r["title"], outlet=r["outlet"], url=r["url"],
                     published=r["published"], source=r["source"], meta={"content_hash": r["content_hash"]},
                     encoding=r.get("encoding"))
             for r in rows]
    run_ingest(iter(items), path, model, registry, None, 1, quiet, command="reindex",
               sources=["stored articles"], force=True)


def migrate_if_writable(path: str) -> None:
    """Apply pending migrations (indexes the UI relies on, new columns) when the database may be written;
    a read-only database is left as it is, with a one-line warning if it lacks migrations."""
    from . import store

    if store.is_writable(path):
        open_database(path).close()
        return
    pending = store.pending_migrations(open_read_only(path))
    if pending:
        click.echo(f"warning: {path} is read-only and lacks {len(pending)} migration(s) "
                   f"({', '.join(pending)}): run `quotes ingest` on a writable copy to upgrade it", err=True)


def open_read_only(path: str):
    """The database at ``path`` opened read-only (it may be a read-only file), or a one-line error."""
    from . import store

    try:
        return store.open_read_only(path)
    except Exception as error:
        raise click.ClickException(f"cannot open database {path} read-only: {error}")


@cli.command()
@db_option
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write JSON Lines here instead of standard output")
def export(db_path, output) -> None:
    """Export every mention as JSON Lines (article, text, start, end, speaker, quote_id, canonical, outlet, ...).

    Reads through a read-only connection, so it works on a read-only file (a writable database
    gets its pending migrations first, as with serve).

    \b
    Example:
        quotes export > mentions.jsonl
    """
    from . import store

    path = require_database(db_path)
    migrate_if_writable(path)
    db = open_read_only(path)
    for row in store.export_rows(db):
        output.write(json.dumps(row, ensure_ascii=False) + "\n")


@cli.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@db_option
@click.option("--fresh", "fresh_path", type=click.Path(exists=True), default=None,
              help="Score a fresh extraction of this folder (in a temporary database) instead of --db")
@click.option("--gold-articles-only", is_flag=True, help="Ignore predictions for articles the gold file does not cover")
@click.option("-v", "--verbose", is_flag=True, help="List every missed, spurious and wrongly attributed quote")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object")
@click.option("--unattributed", "unattributed_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Quotation-mark spans that are not quotes, for lenient precision "
                   "(default: unattributed-X.jsonl beside a gold-X.jsonl)")
def evaluate(gold, db_path, fresh_path, gold_articles_only, verbose, as_json, unattributed_path) -> None:
    """Score the database (or a fresh extraction) against a gold file, as the shared referee does.

    A gold file whose lines carry a ``speaker_kind`` (../shared/polnear) also gets detection with
    lenient precision, attribution accuracy per kind and end-to-end figures over person quotes,
    the figures of ../shared/tools/score_polnear.py; an ``articles-X.jsonl`` beside
    ``gold-X.jsonl`` limits the predictions to its articles, as that script does.

    \b
    Example:
        quotes evaluate ../shared/gold/seeds.gold.jsonl
        quotes evaluate ../shared/gold/seeds.gold.jsonl --fresh ../shared/corpus/seeds -v
        quotes evaluate ../shared/polnear/gold-train.jsonl --db /tmp/polnear.db
    """
    import tempfile

    from . import evaluate as ev
    from . import store

    gold_rows = ev.load_jsonl(gold)
    if fresh_path:
        from .sources import read_paths

        with tempfile.TemporaryDirectory() as tmp:
            tmp_db = str(Path(tmp) / "fresh.db")
            run_ingest(read_paths([fresh_path]), tmp_db, None, None, None, 1, True, "evaluate", [fresh_path])
            db = store.open_db(tmp_db)
            pred, stored = list(store.export_rows(db)), store.article_ids(db)
            db.close()
    else:
        db = open_database(require_database(db_path))
        pred, stored = list(store.export_rows(db)), store.article_ids(db)
    gold_ids = ev.gold_articles(gold_rows)
    if gold_ids and not gold_ids & stored:
        # Every gold quote will count as missed: almost always the wrong database or corpus.
        click.echo(f"warning: the gold file shares no article with the database ({len(gold_ids)} gold "
                   f"article(s), {len(stored)} stored): ingest the gold's corpus, or pass --db / --fresh", err=True)
    articles = gold_ids if gold_articles_only else None
    kinds = None
    if ev.has_speaker_kinds(gold_rows):
        listed = ev.companion_path(gold, "articles")
        if listed.is_file():
            articles = {row["id"] for row in ev.load_jsonl(listed)}
        unattributed = unattributed_path or ev.companion_path(gold, "unattributed")
        kinds = ev.score_kinds(gold_rows, [p for p in pred if articles is None or p["article"] in articles],
                               ev.load_jsonl(unattributed) if Path(unattributed).is_file() else [])
    result = ev.score(gold_rows, pred, articles=articles)
    if verbose:
        for line in ev.errors(gold_rows, pred):
            click.echo(line, err=True)
    if as_json:
        click.echo(json.dumps({**kinds, "referee": result} if kinds else result))
        return
    click.echo(ev.format_scores(result))
    if kinds:
        click.echo(ev.format_kinds(kinds))


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Host to bind to")
@click.option("-p", "--port", type=int, default=8001, show_default=True, help="Port to listen on")
def serve(db_path, host, port) -> None:
    """Serve the database with Datasette and the project's datasette_config/ (read-only).

    \b
    Example:
        quotes serve --port 8001
    """
    from . import web

    path = require_database(db_path)
    migrate_if_writable(path)  # applies pending migrations (indexes the UI relies on)
    problem = web.port_problem(host, port)
    if problem:
        raise click.ClickException(f"cannot serve on {host}:{port}: {problem} (choose another with --port)")
    click.echo(f"Serving {path} at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    web.serve(path, host=host, port=port)


def _add_nightly_command() -> None:
    """`quotes nightly` is the same command as scripts/nightly-ingest."""
    from .nightly import command as nightly_command

    cli.add_command(nightly_command, "nightly")


_add_nightly_command()
