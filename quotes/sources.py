"""Read articles from files and folders: ``NAME.txt`` (+ ``NAME.json`` sidecar), ``*.jsonl``, ``*.html``.

Every reader yields :class:`Article` objects or :class:`SourceError` objects;
bad input never raises, so one broken file cannot stop a batch.

Example::

    >>> for item in read_paths(["corpus/"]):
    ...     print(item.id if isinstance(item, Article) else item.reason)
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

ARTICLE_SUFFIXES = (".txt", ".jsonl", ".html", ".htm")
# Fewer words than this extracted from a page means trafilatura found markup, not an article.
MIN_HTML_WORDS = 3
WORD = re.compile(r"\w+")
# Publication dates from page metadata through htmldate (trafilatura's date library): the original
# publication rather than the last update, searched for extensively (meta tags, JSON-LD, <time>,
# then the text), and with the time of day whenever the page gives one.
HTML_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
# What htmldate prints for a date found without a time of day (no time, no zone).
HTML_DATE_ONLY_SUFFIX = "T00:00:00"
# Bytes that never occur in text files; a file with them is binary.
BINARY_MARKERS = (b"\x00",)


@dataclass
class Article:
    """One news article as read from its source, before cleaning."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    # Extra facts a reader knows, e.g. "content_hash" kept by `quotes reindex` from the original input.
    meta: dict = field(default_factory=dict)


@dataclass
class SourceError:
    """Input that could not become an article, with the reason."""

    source: str
    reason: str
    # What the rejected input looked like (a content hash), so the nightly reports the same
    # rejection once, not every night; None when there is no content to recognise (missing file).
    fingerprint: str | None = field(default=None, compare=False)


def fingerprint(data: bytes | str) -> str:
    """A short content hash identifying rejected input."""
    return hashlib.sha1(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()[:16]


def read_paths(paths: Iterable[str | os.PathLike], max_bytes: int | None = None) -> Iterator[Article | SourceError]:
    """Articles from files and folders (folders are walked recursively, sorted)."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES:
                    yield from read_file(child, max_bytes=max_bytes)
        elif path.is_file():
            yield from read_file(path, max_bytes=max_bytes)
        else:
            yield SourceError(str(path), "no such file or directory")


def read_file(path: Path, max_bytes: int | None = None) -> Iterator[Article | SourceError]:
    """Articles in one file, dispatched on its suffix."""
    suffix = path.suffix.lower()
    try:
        info = path.stat()
    except OSError as error:
        yield SourceError(str(path), f"cannot read: {error.strerror}")
        return
    size = info.st_size
    if max_bytes is not None and size > max_bytes:
        # Not read: its size and modification time stand for its content.
        yield SourceError(str(path), f"oversized: {size} bytes, limit {max_bytes} (QUOTES_MAX_FILE_BYTES)",
                          fingerprint(f"{size}:{info.st_mtime_ns}"))
        return
    if size == 0:
        yield SourceError(str(path), "empty file", fingerprint(b""))
        return
    data = path.read_bytes()
    for item in _read_data(path, suffix, data):
        if isinstance(item, SourceError) and item.fingerprint is None:
            item.fingerprint = fingerprint(data)
        yield item


def _read_data(path: Path, suffix: str, data: bytes) -> Iterator[Article | SourceError]:
    """Articles in a file's bytes: text files only, UTF-8, dispatched on the suffix."""
    if any(marker in data for marker in BINARY_MARKERS):
        yield SourceError(str(path), "binary file (contains NUL bytes)")
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        yield SourceError(str(path), f"not UTF-8: undecodable byte at offset {error.start}")
        return
    if suffix == ".txt":
        yield from _read_txt(path, text)
    elif suffix == ".jsonl":
        yield from _read_jsonl(path, text)
    elif suffix in (".html", ".htm"):
        yield from _read_html(path, text)
    else:
        yield SourceError(str(path), f"unsupported file type {suffix!r}")


def _read_txt(path: Path, text: str) -> Iterator[Article | SourceError]:
    if not text.strip():
        yield SourceError(str(path), "empty file (whitespace only)")
        return
    meta: dict = {}
    sidecar = path.with_suffix(".json")
    if sidecar.exists():
        try:
            meta = json.loads(sidecar.read_text(encoding="utf-8"))
            if not isinstance(meta, dict):
                raise ValueError("not a JSON object")
        except (ValueError, UnicodeDecodeError) as error:
            yield SourceError(str(sidecar), f"unparseable sidecar JSON: {error}", fingerprint(sidecar.read_bytes()))
            return
    yield Article(
        id=path.stem,
        text=text,
        title=_str_or_none(meta.get("title")),
        outlet=_str_or_none(meta.get("outlet")),
        url=_str_or_none(meta.get("url")),
        published=_str_or_none(meta.get("published")),
        source=str(path),
    )


def _read_jsonl(path: Path, text: str) -> Iterator[Article | SourceError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        line_print = fingerprint(line)  # per line: a JSONL file that grows keeps its old lines' reports
        try:
            record = json.loads(line)
        except ValueError as error:
            yield SourceError(where, f"malformed JSON line: {error}", line_print)
            continue
        if not isinstance(record, dict):
            yield SourceError(where, "JSON line is not an object", line_print)
            continue
        if not record.get("id") or not isinstance(record.get("text"), str) or not record["text"].strip():
            yield SourceError(where, "JSON line needs a non-empty 'id' and 'text'", line_print)
            continue
        yield Article(
            id=str(record["id"]),
            text=record["text"],
            title=_str_or_none(record.get("title")),
            outlet=_str_or_none(record.get("outlet")),
            url=_str_or_none(record.get("url")),
            published=_str_or_none(record.get("published")),
            source=where,
        )


def _read_html(path: Path, html: str) -> Iterator[Article | SourceError]:
    article = article_from_html(html, id=path.stem, source=str(path))
    if isinstance(article, SourceError):
        article.source = str(path)
    yield article


def article_from_html(html: str, id: str, source: str, url: str | None = None,
                      outlet: str | None = None) -> Article | SourceError:
    """Main text and metadata of an article page, extracted by trafilatura."""
    import trafilatura

    date_params = {"original_date": True, "extensive_search": True, "outputformat": HTML_DATE_FORMAT,
                   "max_date": datetime.date.today().isoformat()}  # a future date is a parsing accident
    try:
        document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                               favor_precision=True, date_extraction_params=date_params)
    except Exception as error:  # trafilatura raises many kinds on broken markup
        return SourceError(source, f"unparseable HTML: {type(error).__name__}: {error}")
    if document is None:
        return SourceError(source, "unparseable HTML: no article text found")
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    text = data.get("text") or ""
    if len(WORD.findall(text)) < MIN_HTML_WORDS:
        return SourceError(source, "unparseable HTML: no article text found")
    title = _str_or_none(data.get("title"))
    return Article(
        id=id,
        text=text,
        title=title,
        outlet=outlet or _str_or_none(data.get("sitename")),
        url=url or _str_or_none(data.get("url")),
        published=_html_date(data.get("date")),
        source=source,
    )


def _html_date(value) -> str | None:
    """htmldate's answer, a date only when the page gave no time of day (it prints midnight then)."""
    value = _str_or_none(value)
    if value and value.endswith(HTML_DATE_ONLY_SUFFIX):
        return value[:-len(HTML_DATE_ONLY_SUFFIX)]
    return value


def _str_or_none(value) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def relative_sources(items: Iterable[Article | SourceError],
                     roots: Iterable[str | os.PathLike]) -> Iterator[Article | SourceError]:
    """The items with ``source`` relative to the folder that holds their root.

    ``/srv/news/corpus/2021/a.txt`` read from root ``/srv/news/corpus`` becomes ``corpus/2021/a.txt``:
    sources are published (``articles.source``, ``ingest_errors.source``), the server's layout is not.

    >>> [e.source for e in relative_sources([SourceError("/srv/news/x.jsonl:3", "bad")], ["/srv/news/x.jsonl"])]
    ['x.jsonl:3']
    """
    prefixes = sorted({os.path.join(str(Path(root).parent), "") for root in roots
                       if str(Path(root).parent) not in (".", "")}, key=len, reverse=True)
    for item in items:
        for prefix in prefixes:
            if item.source and item.source.startswith(prefix):
                item.source = item.source[len(prefix):]
                break
        yield item
