"""Read articles from files and folders: ``NAME.txt`` (+ ``NAME.json`` sidecar), ``*.jsonl``, ``*.html``.

Every reader yields :class:`Article` objects or :class:`SourceError` objects;
bad input never raises, so one broken file cannot stop a batch.

Example::

    >>> for item in read_paths(["corpus/"]):
    ...     print(item.id if isinstance(item, Article) else item.reason)
"""

from __future__ import annotations

import codecs
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
# A NUL byte in the first 8000 bytes marks a binary file (git's own test); text never has one.
BINARY_SNIFF_BYTES = 8000
# C0 controls other than tab, newline, carriage return and form feed: in text decoded by the
# cp1252 fallback they mean the bytes were not text in any encoding.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# The last encoding tried for .txt and .html files without a BOM (after UTF-8 and, for HTML, the
# charset the page declares).  cp1252 is the fallback:
# every byte but five decodes, and it is what Windows tools write when they say "ANSI".  The
# encoding used is recorded on the article (``articles.encoding``).
FALLBACK_ENCODING = "cp1252"
# `<meta charset="...">` or `<meta http-equiv="Content-Type" content="...; charset=...">`, looked
# for in a page's first bytes, as browsers do (the HTML standard's prescan reads 1024).
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
META_CHARSET_BYTES = 1024
# A sidecar holds four short fields; anything near this size is not a sidecar.
SIDECAR_MAX_BYTES = 64 * 1024
# Longest accepted metadata values, in characters.  Generous for real articles (the seed corpus's
# longest first line is 204 characters, its longest URL 117), small enough that a hostile sidecar
# or JSONL line cannot bloat every page and index with them (a 60 MB sidecar made a 630 MB db).
METADATA_MAX_CHARS = {"id": 200, "title": 1000, "outlet": 200, "url": 2048, "published": 64}
METADATA_FIELDS = ("title", "outlet", "url", "published")
# After this many rejected lines a JSONL file is probably not JSONL; its remaining lines are
# skipped with one error instead of one error each.
MAX_BAD_LINES_PER_FILE = 100


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
    # How the input's bytes were decoded ("utf-8", "utf-16", "utf-32", "cp1252"); None when not from a file.
    encoding: str | None = None


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


class _Undecodable(ValueError):
    """The bytes are not text in any encoding we read; ``str(error)`` is the reason."""


def read_paths(paths: Iterable[str | os.PathLike], max_bytes: int | None = None) -> Iterator[Article | SourceError]:
    """Articles from files and folders (folders are walked recursively, sorted)."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for child in folder_files(path):
                if isinstance(child, SourceError):
                    yield child
                else:
                    yield from read_file(child, max_bytes=max_bytes, root=path)
        elif path.is_file():
            yield from read_file(path, max_bytes=max_bytes)
        else:
            yield SourceError(str(path), "no such file or directory")


def folder_files(folder: Path) -> Iterator[Path | SourceError]:
    """The article files below ``folder``, sorted; a symlink leading out of the folder is an error.

    A folder is what an operator lets a feeder drop files into: a link to ``/etc/passwd`` in it
    must not be ingested and published.  Links to directories are not followed at all.
    """
    root = folder.resolve()
    for child in sorted(folder.rglob("*")):
        if child.suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        if child.is_symlink() and not child.exists():
            yield SourceError(str(child), "broken symlink (its target is missing or a loop)")
        elif child.is_symlink() and not _inside(child, root):
            yield SourceError(str(child), "symlink to a file outside the source folder: refused")
        elif child.is_file():
            yield child
        elif not child.is_dir():  # reading a FIFO would block the run for good
            yield SourceError(str(child), "not a regular file (a FIFO, socket or device)")


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a symlink loop
        return False


def read_file(path: Path, max_bytes: int | None = None, root: Path | None = None) -> Iterator[Article | SourceError]:
    """Articles in one file, dispatched on its suffix; ``root`` is the source folder it was found in."""
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
    try:
        data = path.read_bytes()
    except OSError as error:
        yield SourceError(str(path), f"cannot read: {error.strerror}")
        return
    for item in _read_data(path, suffix, data, root):
        if isinstance(item, SourceError) and item.fingerprint is None:
            item.fingerprint = fingerprint(data)
        yield item


def _read_data(path: Path, suffix: str, data: bytes, root: Path | None) -> Iterator[Article | SourceError]:
    """Articles in a file's bytes, dispatched on the suffix (JSONL line by line, others decoded whole)."""
    if suffix == ".jsonl":
        yield from _read_jsonl(path, data)
        return
    try:
        text, encoding = decode_text(data, declared_charset(data) if suffix in (".html", ".htm") else None)
    except _Undecodable as error:
        yield SourceError(str(path), str(error))
        return
    if suffix == ".txt":
        items = _read_txt(path, text, root)
    elif suffix in (".html", ".htm"):
        items = _read_html(path, text)
    else:
        items = iter([SourceError(str(path), f"unsupported file type {suffix!r}")])
    for item in items:
        if isinstance(item, Article):
            item.encoding = encoding
        yield item


def declared_charset(html: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag near its start, if Python knows it."""
    match = META_CHARSET.search(html[:META_CHARSET_BYTES])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """The text of a file and the encoding that decoded it; raises ``_Undecodable`` with the reason.

    A BOM decides (UTF-8, UTF-16, UTF-32); without one, UTF-8, else the charset the page
    ``declared`` (HTML), else the cp1252 fallback.

    >>> decode_text("caf\u00e9".encode("cp1252"))
    ('caf\u00e9', 'cp1252')
    """
    for bom, codec, name in ((codecs.BOM_UTF32_LE, "utf-32", "utf-32"), (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
                             (codecs.BOM_UTF8, "utf-8-sig", "utf-8"), (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
                             (codecs.BOM_UTF16_BE, "utf-16", "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as error:
                raise _Undecodable(f"binary file (a {name} byte-order mark, but an undecodable byte at offset "
                                   f"{error.start})") from None
            if "\x00" in text:
                raise _Undecodable("binary file (contains NUL characters)")
            return text, name
    if b"\x00" in data:
        raise _Undecodable("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        offset = error.start
    if declared and declared != "utf-8":
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # the declaration is wrong: try the fallback
    try:
        text = data.decode(FALLBACK_ENCODING)
    except UnicodeDecodeError:
        raise _Undecodable(f"not UTF-8 (undecodable byte at offset {offset}) nor {FALLBACK_ENCODING}") from None
    if CONTROL_CHARS.search(text):
        raise _Undecodable(f"binary file (not UTF-8: undecodable byte at offset {offset}; control characters)")
    return text, FALLBACK_ENCODING


def _read_txt(path: Path, text: str, root: Path | None) -> Iterator[Article | SourceError]:
    if not text.strip():
        yield SourceError(str(path), "empty file (whitespace only)")
        return
    record: dict = {"id": path.stem, "text": text}
    sidecar = path.with_suffix(".json")
    if sidecar.exists() or sidecar.is_symlink():
        meta = _read_sidecar(sidecar, root)
        if isinstance(meta, SourceError):
            yield meta
            return
        record.update({key: meta.get(key) for key in METADATA_FIELDS})
    yield article_from_record(record, str(path), where_fields=str(sidecar))


def _read_sidecar(sidecar: Path, root: Path | None) -> dict | SourceError:
    """The sidecar's JSON object, or why it cannot be used (the error names the sidecar)."""
    where = str(sidecar)
    if root is not None and sidecar.is_symlink() and not _inside(sidecar, root):
        return SourceError(where, "sidecar is a symlink to a file outside the source folder: refused")
    if sidecar.is_dir():
        return SourceError(where, "sidecar is a directory, not a JSON file")
    try:
        size = sidecar.stat().st_size
        if size > SIDECAR_MAX_BYTES:
            return SourceError(where, f"oversized sidecar: {size} bytes, limit {SIDECAR_MAX_BYTES}")
        data = sidecar.read_bytes()
    except OSError as error:
        return SourceError(where, f"cannot read sidecar: {error.strerror or error}")
    try:
        meta = _parse_json(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        return SourceError(where, f"unparseable sidecar JSON: not UTF-8: undecodable byte at offset {error.start}")
    except ValueError as error:
        return SourceError(where, f"unparseable sidecar JSON: {error}")
    if not isinstance(meta, dict):
        return SourceError(where, "unparseable sidecar JSON: not a JSON object")
    return meta


def _parse_json(text: str):
    """json.loads, with nesting too deep for the parser reported as a ValueError like other bad JSON."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def _jsonl_lines(data: bytes) -> Iterator[tuple[int, str | SourceError]]:
    """(line number, text or reason) for each line; only ``\n`` ends a line, as JSON Lines says.

    Line number 0 means the whole file is unreadable (binary, or a broken byte-order mark).

    ``str.splitlines`` would also split at U+2028, U+2029 and U+0085, which JSON strings may
    hold unescaped.  Lines are decoded one by one, so one bad byte costs one line.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        try:
            text, _ = decode_text(data)
        except _Undecodable as error:
            yield 0, SourceError("", str(error))
            return
        for number, line in enumerate(text.split("\n"), start=1):
            yield number, line.removesuffix("\r")
        return
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        yield 0, SourceError("", "binary file (contains NUL bytes)")
        return
    data = data.removeprefix(codecs.BOM_UTF8)
    for number, raw in enumerate(data.split(b"\n"), start=1):
        raw = raw.removesuffix(b"\r")
        if b"\x00" in raw:
            yield number, SourceError("", "binary data (NUL bytes) in the line")
            continue
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError as error:
            yield number, SourceError("", f"not UTF-8: undecodable byte at offset {error.start} of the line")


def _read_jsonl(path: Path, data: bytes) -> Iterator[Article | SourceError]:
    bad = 0
    for number, line in _jsonl_lines(data):
        if number == 0:
            yield SourceError(str(path), line.reason)
            return
        if isinstance(line, str) and not line.strip():
            continue
        where = f"{path}:{number}"
        if bad >= MAX_BAD_LINES_PER_FILE:
            yield SourceError(where, f"more than {MAX_BAD_LINES_PER_FILE} bad lines: the rest of the file "
                                     f"is skipped (is it JSON Lines?)")
            return
        item = _jsonl_item(line, where)
        if isinstance(item, SourceError):
            bad += 1
            if isinstance(line, str):  # per line: a JSONL file that grows keeps its old lines' reports
                item.fingerprint = fingerprint(line)
        yield item


def _jsonl_item(line: str | SourceError, where: str) -> Article | SourceError:
    if isinstance(line, SourceError):
        return SourceError(where, line.reason)
    try:
        record = _parse_json(line)
    except ValueError as error:
        return SourceError(where, f"malformed JSON line: {error}")
    if not isinstance(record, dict):
        return SourceError(where, "JSON line is not an object")
    if not isinstance(record.get("text"), str) or not record["text"].strip():
        return SourceError(where, "JSON line needs a non-empty 'id' and 'text'")
    return article_from_record(record, where)


def article_from_record(record: dict, source: str, where_fields: str | None = None) -> Article | SourceError:
    """An Article from a JSON-like record, or the reason it is not one (errors name ``source``).

    ``id`` must be a non-blank string or an integer; metadata fields a string or null; every
    value within :data:`METADATA_MAX_CHARS` and valid Unicode (JSON's ``\\ud800`` escapes can
    produce lone surrogates, which cannot be hashed or stored as UTF-8).  ``where_fields`` names
    the file the metadata came from (a sidecar) when it is not ``source``.
    """
    where_fields = where_fields or source
    raw_id = record.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)):
        kind = "missing" if raw_id is None else f"a JSON {_json_type(raw_id)}"
        return SourceError(source, f"'id' must be a non-empty string or an integer, got {kind}")
    article_id = str(raw_id).strip()
    if not article_id:
        return SourceError(source, "'id' is blank")
    if CONTROL_CHARS.search(article_id) or "\n" in article_id or "\r" in article_id:
        return SourceError(source, "'id' contains control characters")
    values = {"id": article_id}
    for key in METADATA_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return SourceError(where_fields, f"'{key}' must be a string or null, got a JSON {_json_type(value)}")
        values[key] = (value or "").strip() or None
    for key, limit in METADATA_MAX_CHARS.items():
        if values[key] is not None and len(values[key]) > limit:
            return SourceError(where_fields if key != "id" else source,
                               f"'{key}' too long: {len(values[key])} characters, limit {limit}")
    text = record["text"]
    for key, value in (("text", text), *values.items()):
        position = _lone_surrogate(value)
        if position is not None:
            return SourceError(where_fields if key in METADATA_FIELDS else source,
                               f"invalid Unicode in '{key}': lone surrogate at character {position}")
    return Article(id=article_id, text=text, source=source, **{k: values[k] for k in METADATA_FIELDS})


def _lone_surrogate(value: str | None) -> int | None:
    """Position of the first character UTF-8 cannot encode (a lone surrogate), or None."""
    if value is None:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        return error.start
    return None


def first_of_each_id(items: Iterable[Article | SourceError]) -> Iterator[Article | SourceError]:
    """``items`` with every later article of an id already read turned into a duplicate-id error.

    Two sources using one id would otherwise overwrite each other, and every run would
    "update" both again; sources are read in a fixed order, so the same one wins every night.
    The same file read twice (a path given twice) is not a duplicate.
    """
    first_source: dict[str, str] = {}
    for item in items:
        if isinstance(item, Article):
            source = item.source or item.id
            first = first_source.setdefault(item.id, source)
            if first != source:
                yield SourceError(source, f"duplicate article id {item.id!r}: already read from "
                                          f"{first}; the first is kept")
                continue
        yield item


def printable(text: str) -> str:
    """``text`` with line breaks and other control characters escaped, for one-line log messages.

    A file name may contain a newline; printed as is, it would forge a line in the cron log.

    >>> printable("bad\\nname.txt")
    'bad\\\\nname.txt'
    """
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def _json_type(value) -> str:
    return {bool: "boolean", int: "number", float: "number", str: "string", list: "array",
            dict: "object"}.get(type(value), type(value).__name__)


def _read_html(path: Path, html: str) -> Iterator[Article | SourceError]:
    article = article_from_html(html, id=path.stem, source=str(path))
    if isinstance(article, SourceError):
        article.source = str(path)
    yield article


def article_from_html(html: str, id: str, source: str, url: str | None = None,
                      outlet: str | None = None) -> Article | SourceError:
    """Main text and metadata of an article page, extracted by trafilatura.

    A missing dependency (``ImportError``, e.g. trafilatura without ``lxml_html_clean``) is an
    installation problem, not bad input: it propagates, so the run fails instead of rejecting
    every page.
    """
    import trafilatura

    date_params = {"original_date": True, "extensive_search": True, "outputformat": HTML_DATE_FORMAT,
                   "max_date": datetime.date.today().isoformat()}  # a future date is a parsing accident
    try:
        document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                               favor_precision=True, date_extraction_params=date_params)
    except ImportError:
        raise
    except Exception as error:  # trafilatura raises many kinds on broken markup
        return SourceError(source, f"unparseable HTML: {type(error).__name__}: {error}")
    if document is None:
        return SourceError(source, "unparseable HTML: no article text found")
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    text = data.get("text") or ""
    if len(WORD.findall(text)) < MIN_HTML_WORDS:
        return SourceError(source, "unparseable HTML: no article text found")
    return article_from_record({
        "id": id, "text": text, "title": _str_or_none(data.get("title")),
        "outlet": outlet or _str_or_none(data.get("sitename")), "url": url or _str_or_none(data.get("url")),
        "published": _html_date(data.get("date")),
    }, source)


def _html_date(value) -> str | None:
    """htmldate's answer, a date only when the page gave no time of day (it prints midnight then)."""
    value = _str_or_none(value)
    if value and value.endswith(HTML_DATE_ONLY_SUFFIX):
        return value[:-len(HTML_DATE_ONLY_SUFFIX)]
    return value


def _str_or_none(value) -> str | None:
    """A value trafilatura extracted (a string, or a date object) as a stripped string."""
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
