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
import sys
from pathlib import Path

import click
from click_default_group import DefaultGroup

from .settings import get_setting

DB_OPTION_HELP = "SQLite database path (default: $QUOTES_DB or db/quotes.db)"


def db_option(function):
    return click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
                        help=DB_OPTION_HELP)(function)


def resolve_db(db_path: str | None) -> str:
    return db_path or get_setting("db")


def workers_options(function):
    """--workers and --scheduler, shared by ingest and nightly."""
    function = click.option(
        "--scheduler", default=None, envvar="QUOTES_DASK_SCHEDULER", show_envvar=True,
        help="Extract on this running Dask cluster (tcp://host:8786) instead of a local one")(function)
    return click.option(
        "--workers", type=click.IntRange(min=1), default=1, show_default=True,
        help="Extract on a local Dask cluster of this many processes (1: in this process, no Dask)")(function)


@click.group(cls=DefaultGroup, default="serve", default_if_no_args=False)
@click.version_option(package_name="quotes")
def cli() -> None:
    """Quote attribution and speaker index for news.

    \b
    Find every direct quotation and its speaker, link each quote's variants
    across outlets, and browse it all in Datasette.
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
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
    run that changes nothing leaves every table as it was.

    \b
    Example:
        quotes ingest ../shared/corpus/seeds --db db/quotes.db
    """
    from .sources import read_paths

    max_bytes = int(get_setting("max_file_bytes"))
    items = read_paths(paths, max_bytes=max_bytes)
    run_ingest(items, db_path, model, registry, batch_size, workers, quiet, command="ingest",
               sources=[str(p) for p in paths], log_noop_run=log_noop_run, scheduler=scheduler)


def run_ingest(items, db_path, model, registry_path, batch_size, workers, quiet, command, sources,
               force: bool = False, log_noop_run: bool = True, scheduler: str | None = None):
    """Shared by ingest and reindex: lock, load model and registry, ingest with progress.

    With ``workers > 1`` or a ``scheduler`` address, cleaning and extraction run on Dask.
    """
    from .ingest import LockHeld, ingest as run, ingest_lock
    from .speakers import load_registry

    path = resolve_db(db_path)
    try:
        registry = load_registry(registry_path or get_setting("speaker_registry"))
    except ValueError as error:
        raise click.ClickException(str(error))
    try:
        with ingest_lock(path):
            db = open_database(path)
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
        raise click.ClickException(f"cannot open database {path}: {error}")


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

    path = resolve_db(db_path)
    db = open_database(path)
    rows = [r for r in store.stored_articles(db) if all_articles or r["extractor_version"] != EXTRACTOR_VERSION]
    db.close()
    # Keep the hash of the original input, so the next ingest of that input sees it unchanged.
    items = [Article(id=r["id"], text=r["text"], title=r["title"], outlet=r["outlet"], url=r["url"],
                     published=r["published"], source=r["source"], meta={"content_hash": r["content_hash"]})
             for r in rows]
    run_ingest(iter(items), path, model, registry, None, 1, quiet, command="reindex",
               sources=["stored articles"], force=True)


@cli.command()
@db_option
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write JSON Lines here instead of standard output")
def export(db_path, output) -> None:
    """Export every mention as JSON Lines (article, text, start, end, speaker, quote_id, canonical, outlet, ...).

    \b
    Example:
        quotes export > mentions.jsonl
    """
    from . import store

    path = resolve_db(db_path)
    if not Path(path).exists():
        raise click.ClickException(f"no database at {path}: run `quotes ingest PATH` first")
    db = open_database(path)
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
def evaluate(gold, db_path, fresh_path, gold_articles_only, verbose, as_json) -> None:
    """Score the database (or a fresh extraction) against a gold file, as the shared referee does.

    \b
    Example:
        quotes evaluate ../shared/gold/seeds.gold.jsonl
        quotes evaluate ../shared/gold/seeds.gold.jsonl --fresh ../shared/corpus/seeds -v
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
            pred = list(store.export_rows(store.open_db(tmp_db)))
    else:
        path = resolve_db(db_path)
        if not Path(path).exists():
            raise click.ClickException(f"no database at {path}: run `quotes ingest PATH` first, or use --fresh")
        pred = list(store.export_rows(open_database(path)))
    articles = ev.gold_articles(gold_rows) if gold_articles_only else None
    result = ev.score(gold_rows, pred, articles=articles)
    if verbose:
        for line in ev.errors(gold_rows, pred):
            click.echo(line, err=True)
    click.echo(json.dumps(result) if as_json else ev.format_scores(result))


@cli.command()
@db_option
@click.option("-h", "--host", default="127.0.0.1", show_default=True, help="Host to bind to")
@click.option("-p", "--port", type=int, default=8001, show_default=True, help="Port to listen on")
def serve(db_path, host, port) -> None:
    """Serve the database with Datasette and the project's datasette_config/ (read-only).

    \b
    Example:
        quotes serve --port 8001
    """
    from . import web

    path = resolve_db(db_path)
    # Creates an empty database if needed and applies pending migrations (indexes the UI relies on).
    open_database(path).close()
    click.echo(f"Serving {path} at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    web.serve(path, host=host, port=port)


def _add_nightly_command() -> None:
    """`quotes nightly` is the same command as scripts/nightly-ingest."""
    from .nightly import command as nightly_command

    cli.add_command(nightly_command, "nightly")


_add_nightly_command()
