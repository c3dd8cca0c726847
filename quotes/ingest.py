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

from . import derived, store
from .clean import clean_article, content_hash
from .extract import EXTRACTOR_VERSION, Mention, Person
from .sources import Article, SourceError, first_of_each_id, printable
from .registry import Registry
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


Extractor = Callable[[Iterable[tuple[Article, str]]], Iterator["Processed"]]
"""Turns (article as read, content hash) pairs into Processed results, in the same order:
:func:`local_extractor` here, or ``quotes.workers.DaskExtractor`` on a Dask cluster."""

Terms = dict[tuple[int, int], list[tuple[str, float]]]


@dataclass
class Processed:
    """One article after cleaning and extraction: plain data, so it can cross processes."""

    article: Article  # cleaned, or as read when cleaning failed
    digest: str
    mentions: list[Mention] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    terms: Terms = field(default_factory=dict)  # each mention's key terms (quotes.topics.mention_terms)
    error: str | None = None  # why the article was rejected; None when it was extracted


def ingest(db: sqlite_utils.Database, items: Iterable[Article | SourceError], nlp: Language | None,
           registry: Registry | None = None, batch_size: int = 32, command: str = "ingest",
           sources: list[str] | None = None, force: bool = False,
           on_article: Callable[[str], None] | None = None, log_noop_run: bool = True,
           report_once: bool = False, extractor: Extractor | None = None) -> IngestStats:
    """Ingest articles; unchanged ones (same content hash and extractor version) are skipped.

    ``force`` re-extracts even unchanged articles (``quotes reindex``).
    ``on_article`` is called with each article id as it is finished (progress bars).
    ``log_noop_run=False`` leaves no ``ingest_runs`` row for a run that added, updated and
    rejected nothing, so a repeated manual ingest leaves every table as it was.
    ``report_once=True`` (the nightly) prints a rejection only the first time that same input
    (same content) is rejected for that reason; ``ingest_errors`` records every run's anyway.
    ``extractor`` cleans and extracts elsewhere (a Dask cluster); ``nlp`` may then be None.
    Either way articles are written and clustered here, in input order, so the database does
    not depend on where extraction ran.
    """
    if extractor is None:
        if nlp is None:
            raise ValueError("ingest needs a spaCy pipeline or an extractor")
        extractor = local_extractor(nlp, batch_size)
    stats = IngestStats()
    run_id = store.start_run(db, command, sources or [])
    status = "failed"
    try:
        index = store.load_quote_index(db)
        reject = functools.partial(_reject, db, stats, run_id, report_once=report_once)
        for done in extractor(_pending(db, first_of_each_id(items), stats, reject, force, on_article)):
            if done.error is not None:
                reject(done.article.source or done.article.id, done.error, done.digest)
            else:
                was_update, written = store.save_article(
                    db, done.article, done.digest, EXTRACTOR_VERSION, done.mentions, done.people, index,
                    done.terms)
                stats.updated += was_update
                stats.added += not was_update
                stats.mentions += written
            if on_article:
                on_article(done.article.id)
        derived.refresh(db, registry)
        status = "completed"
    finally:
        noop = status == "completed" and not (stats.added or stats.updated or stats.errors)
        if noop and not log_noop_run:
            store.delete_run(db, run_id)
        else:
            store.finish_run(db, run_id, status, stats.counts())
    return stats


def local_extractor(nlp: Language, batch_size: int = 32) -> Extractor:
    """Clean and extract in this process, ``batch_size`` articles per ``nlp.pipe`` call."""
    def extract(pending: Iterable[tuple[Article, str]]) -> Iterator[Processed]:
        for batch in batches(pending, batch_size):
            yield from process_batch(nlp, batch)
    return extract


def _reject(db, stats: IngestStats, run_id: int, source: str, reason: str, fingerprint: str | None = None,
            report_once: bool = False) -> None:
    """Record rejected input in ingest_errors and on stderr (unless already reported); the run goes on."""
    stats.errors.append(SourceError(source, reason, fingerprint))
    if store.record_error(db, run_id, source, reason, fingerprint) or not report_once:
        print(f"quotes: skipped {printable(source)}: {printable(reason)}", file=sys.stderr)
    else:
        stats.errors_reported_before += 1


def _pending(db, items, stats: IngestStats, reject: Callable, force: bool,
             on_article) -> Iterator[tuple[Article, str]]:
    """Articles that need extraction, with their content hash; errors and unchanged articles are counted here."""
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
        yield item, digest


def process_batch(nlp: Language, batch: list[tuple[Article, str]]) -> list[Processed]:
    """Clean and extract a batch of articles: a pure function of its input, so it can run anywhere.

    A failure is the article's own ``error`` (cleaning, size, empty text, extraction); the
    other articles of the batch still go through.
    """
    results: list[Processed] = []
    ready: list[Processed] = []
    for article, digest in batch:
        try:
            cleaned = clean_article(article)
        except Exception as error:  # one odd article must not stop the batch
            results.append(Processed(article, digest, error=f"cleaning failed: {type(error).__name__}: {error}"))
            continue
        if len(cleaned.text) > nlp.max_length:
            reason = f"too long: {len(cleaned.text)} characters, the spaCy pipeline takes at most {nlp.max_length}"
            results.append(Processed(cleaned, digest, error=reason))
        elif not cleaned.text.strip():
            results.append(Processed(cleaned, digest, error="no article text left after removing boilerplate"))
        else:
            results.append(Processed(cleaned, digest))
            ready.append(results[-1])
    if not ready:
        return results
    try:
        docs = list(nlp.pipe([done.article.text for done in ready], batch_size=len(ready)))
    except Exception:
        # Find the article that broke the batch; the others still go in.
        docs = []
        for done in ready:
            try:
                docs.append(nlp(done.article.text))
            except Exception as error:
                done.error = f"extraction failed: {type(error).__name__}: {error}"
                docs.append(None)
    for done, doc in zip(ready, docs):
        if doc is None:
            continue
        try:
            done.mentions, done.people = list(doc._.quotes), list(doc._.people)
            done.terms = mention_terms(doc, done.mentions, done.people)
        except Exception as error:  # key terms of one odd article must not stop the batch
            done.mentions, done.people, done.terms = [], [], {}
            done.error = f"extraction failed: {type(error).__name__}: {error}"
    return results


def batches(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
