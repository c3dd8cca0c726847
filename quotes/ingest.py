"""Run the flow: sources → clean → extract → cluster → store, then refresh speakers and quotes.

This is the one function the CLI's ``ingest`` and ``reindex`` commands and the
nightly script share.  Each article is written in its own transaction, so a run
killed at any point leaves whole articles only, and the next run finishes the job.

Example::

    >>> nlp = load_nlp()
    >>> db = store.open_db("db/quotes.db")
    >>> stats = ingest(db, read_paths(["corpus/"]), nlp)
    >>> stats.summary()
    'ingest: 5 seen, 5 added, 0 updated, 0 unchanged, 35 mentions, 0 errors'
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import sqlite_utils
from spacy.language import Language

from . import store
from .clean import clean_article, content_hash
from .extract import EXTRACTOR_VERSION
from .sources import Article, SourceError, first_of_each_id, printable
from .speakers import Registry
from .topics import mention_terms


class LockHeld(RuntimeError):
    """Another ingest holds the database's lock."""


@dataclass
class IngestStats:
    seen: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    mentions: int = 0
    errors: list[SourceError] = field(default_factory=list)
    errors_reported_before: int = 0  # rejections an earlier run already reported (report_once)

    def summary(self) -> str:
        before = f" ({self.errors_reported_before} reported before)" if self.errors_reported_before else ""
        return (f"ingest: {self.seen} seen, {self.added} added, {self.updated} updated, "
                f"{self.unchanged} unchanged, {self.mentions} mentions, {len(self.errors)} errors{before}")

    def counts(self) -> dict:
        return {"articles_seen": self.seen, "articles_added": self.added, "articles_updated": self.updated,
                "articles_unchanged": self.unchanged, "mentions_added": self.mentions,
                "errors": len(self.errors)}


@contextlib.contextmanager
def ingest_lock(db_path: str | os.PathLike) -> Iterator[None]:
    """Hold an exclusive lock beside the database; a second holder fails at once with LockHeld.

    The lock sits beside the database's real path (symlinks resolved), so two runs reaching one
    database through different paths still exclude each other.
    """
    store.prepare_db_folder(db_path)
    lock_path = Path(f"{Path(db_path).resolve()}.lock")
    with open(lock_path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise LockHeld(f"another ingest is running on {db_path} (lock {lock_path} held by {holder})") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ingest(db: sqlite_utils.Database, items: Iterable[Article | SourceError], nlp: Language,
           registry: Registry | None = None, batch_size: int = 32, n_process: int = 1,
           command: str = "ingest", sources: list[str] | None = None, force: bool = False,
           on_article: Callable[[str], None] | None = None, log_noop_run: bool = True,
           report_once: bool = False) -> IngestStats:
    """Ingest articles; unchanged ones (same content hash and extractor version) are skipped.

    ``force`` re-extracts even unchanged articles (``quotes reindex``).
    ``on_article`` is called with each article id as it is finished (progress bars).
    ``log_noop_run=False`` leaves no ``ingest_runs`` row for a run that added, updated and
    rejected nothing, so a repeated manual ingest leaves every table as it was.
    ``report_once=True`` (the nightly) prints a rejection only the first time that same input
    (same content) is rejected for that reason; ``ingest_errors`` records every run's anyway.
    """
    stats = IngestStats()
    run_id = store.start_run(db, command, sources or [])
    status = "failed"
    try:
        index = store.load_quote_index(db)
        reject = functools.partial(_reject, db, stats, run_id, report_once=report_once)
        pending = _pending(db, first_of_each_id(items), stats, reject, force, on_article, max_chars=nlp.max_length)
        for batch in _batches(pending, batch_size):
            for article, digest, result in _extract_batch(nlp, batch, n_process):
                if isinstance(result, Exception):
                    reject(article.source or article.id, f"extraction failed: {type(result).__name__}: {result}",
                           digest)
                else:
                    mentions, people, terms = result
                    was_update, written = store.save_article(
                        db, article, digest, EXTRACTOR_VERSION, mentions, people, index, terms)
                    stats.updated += was_update
                    stats.added += not was_update
                    stats.mentions += written
                if on_article:
                    on_article(article.id)
        store.refresh(db, registry)
        status = "completed"
    finally:
        noop = status == "completed" and not (stats.added or stats.updated or stats.errors)
        if noop and not log_noop_run:
            store.delete_run(db, run_id)
        else:
            store.finish_run(db, run_id, status, stats.counts())
    return stats


def _reject(db, stats: IngestStats, run_id: int, source: str, reason: str, fingerprint: str | None = None,
            report_once: bool = False) -> None:
    """Record rejected input in ingest_errors and on stderr (unless already reported); the run goes on."""
    stats.errors.append(SourceError(source, reason, fingerprint))
    if store.record_error(db, run_id, source, reason, fingerprint) or not report_once:
        print(f"quotes: skipped {printable(source)}: {printable(reason)}", file=sys.stderr)
    else:
        stats.errors_reported_before += 1


def _pending(db, items, stats: IngestStats, reject: Callable, force: bool,
             on_article, max_chars: int) -> Iterator[tuple[Article, str]]:
    """Cleaned articles that need extraction; errors and unchanged articles are counted here."""
    for item in items:
        if isinstance(item, SourceError):
            reject(item.source, item.reason, item.fingerprint)
            continue
        stats.seen += 1
        digest = item.meta.get("content_hash") or content_hash(item)
        if not force and store.article_is_current(db, item.id, digest, EXTRACTOR_VERSION):
            stats.unchanged += 1
            if on_article:
                on_article(item.id)
            continue
        source = item.source or item.id
        try:
            cleaned = clean_article(item)
        except Exception as error:  # one odd article must not stop the batch
            reject(source, f"cleaning failed: {type(error).__name__}: {error}", digest)
            continue
        if len(cleaned.text) > max_chars:
            reject(source, f"too long: {len(cleaned.text)} characters, the spaCy pipeline takes at most {max_chars}",
                   digest)
        elif not cleaned.text.strip():
            reject(source, "no article text left after removing boilerplate", digest)
        else:
            yield cleaned, digest


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _extract_batch(nlp: Language, batch: list[tuple[Article, str]], n_process: int):
    """(article, hash, (mentions, people, key terms) or the exception) for each article in the batch."""
    texts = [article.text for article, _ in batch]
    try:
        docs = list(nlp.pipe(texts, batch_size=len(texts), n_process=n_process))
    except Exception:
        # Find the article that broke the batch; the others still go in.
        for article, digest in batch:
            try:
                doc = nlp(article.text)
                yield article, digest, _results(doc)
            except Exception as error:
                yield article, digest, error
        return
    for (article, digest), doc in zip(batch, docs):
        try:
            yield article, digest, _results(doc)
        except Exception as error:  # key terms of one odd article must not stop the batch
            yield article, digest, error


def _results(doc) -> tuple:
    """What the store keeps of a parsed article: its mentions, its people, each mention's key terms."""
    return doc._.quotes, doc._.people, mention_terms(doc, doc._.quotes, doc._.people)
