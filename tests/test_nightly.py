"""The nightly ingest: sources file, folder/JSONL sources, bad input, locking, SIGKILL and reindex.

Subprocess tests run ``scripts/nightly-ingest`` itself (each loads spaCy, a few seconds);
the articles are generated from invented sentences.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from quotes import store
from quotes.ingest import ingest_lock
from quotes.nightly import (EXIT_CONFIG, EXIT_FAILED, EXIT_LOCKED, ConfigError, Source, load_sources,
                            run_nightly)
from quotes.settings import get_setting

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "nightly-ingest"
PYTHON = REPO / ".venv" / "bin" / "python"

# Volatile columns: when a row was written or an error last seen, not what the data says.
VOLATILE = {"ingested_at", "checked_at", "first_seen", "last_seen", "run_id"}
NOT_COMPARED = {"ingest_runs"}

SPEAKERS = [
    ("Helena Marsh", "the mayor of Dunmore"),
    ("Victor Osei", "the head of the regional water board"),
    ("Camille Strand", "a spokeswoman for the teachers' union"),
    ("Rafael Ortiz", "the county fire chief"),
    ("Nadia Kowal", "the chair of the chamber of commerce"),
    ("Samuel Fenwick", "the harbour authority's chief engineer"),
]
QUOTES = [
    "We are not going to close a single library branch this year",
    "The reservoir is at its lowest level in two decades and we need everyone to use less water",
    "Our members will not accept larger classes without more teachers",
    "The fire spread faster than any of our models predicted",
    "Small shops on the high street have had the hardest winter anyone can remember",
    "The sea wall was built for a climate we no longer have",
    "Every household will get a letter explaining the new collection days",
    "We asked for the funding twice and were turned down twice",
    "Nobody was hurt, and that is down to the crews who stayed on the line all night",
    "Tourism is recovering, but slower than the forecasts promised",
    "The dredging has to finish before the autumn tides",
    "Parents deserve a straight answer about the school buses",
]
FILLER = [
    "The council met on Thursday evening in the old corn exchange.",
    "Residents packed the public gallery and several had to stand at the back.",
    "A decision on the budget is expected before the end of the month.",
    "Opposition councillors said they had not been shown the full figures.",
    "Local businesses have been asked to submit comments by Friday.",
    "The regional government has not yet responded to requests for comment.",
]


def generated_article(number: int) -> tuple[str, dict]:
    """An invented article with three quotes; quotes recur across articles (sometimes cut short)."""
    lines = [f"Dunmore council debate, report number {number}", ""]
    for turn in range(3):
        quote_index = (number * 5 + turn * 7) % len(QUOTES)
        name, role = SPEAKERS[quote_index % len(SPEAKERS)]
        text = QUOTES[quote_index]
        if (number + turn) % 4 == 0:
            text = " ".join(text.split()[:8])  # an outlet that printed only the start
        surname = name.split()[-1]
        if turn % 2:
            lines.append(f"“{text},” said {name}, {role}.")
        else:
            lines.append(f"{name}, {role}, told reporters: “{text}.” {surname} did not take questions.")
        lines.append(FILLER[(number + turn) % len(FILLER)])
        lines.append("")
    meta = {"outlet": ["Dunmore Gazette", "Coastal Herald", "Evening Echo"][number % 3],
            "url": f"https://news.example/dunmore/{number}", "published": f"2026-11-{1 + number % 28:02d}"}
    return "\n".join(lines), meta


def write_corpus(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        text, meta = generated_article(number)
        (folder / f"article-{number:03d}.txt").write_text(text, encoding="utf-8")
        (folder / f"article-{number:03d}.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


def write_sources(path: Path, body: str) -> Path:
    path.write_text(body, encoding="utf-8")
    return path


def folder_sources(tmp_path: Path, folder: Path) -> Path:
    return write_sources(tmp_path / "sources.toml", f'[[source]]\ntype = "folder"\npath = "{folder}"\n')


def snapshot(db_path: Path, ignore: set[str] = frozenset()) -> dict[str, list[tuple]]:
    """Every data table's rows, volatile (and ``ignore``d) columns left out, in a stable order.

    The clustering index (``quote_index_*``) is the clusterer's working state, not data: a reindexed
    article's units are the speaker's most recent, where a fresh ingest has them in reading order.
    """
    conn = sqlite3.connect(db_path)
    tables = [name for (name,) in conn.execute("select name from sqlite_master where type = 'table'")
              if not name.startswith(("_", "sqlite_", "quote_index_")) and "_fts" not in name
              and name not in NOT_COMPARED]
    result = {}
    for table in sorted(tables):
        columns = [row[1] for row in conn.execute(f"pragma table_info([{table}])") if row[1] not in VOLATILE | ignore]
        select = ", ".join(f"[{c}]" for c in columns)
        result[table] = sorted(conn.execute(f"select {select} from [{table}]").fetchall(), key=repr)
    conn.close()
    return result


def run_script(*args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    options = {"capture_output": True, "text": True, "timeout": 300, **kwargs}
    return subprocess.run([str(PYTHON), str(SCRIPT), *args], env={**os.environ, **(env or {})}, **options)


def start_script(*args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([str(PYTHON), str(SCRIPT), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, **(env or {})})


def count(db_path: Path, sql: str) -> int:
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute(sql).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


# --- the sources file ----------------------------------------------------------------------------

def test_load_sources(tmp_path):
    path = write_sources(tmp_path / "sources.toml", """
[fetch]
timeout = 5
retries = 1
max_bytes = 1000

[[source]]
type = "folder"
path = "incoming"
outlet = "Dunmore Gazette"

[[source]]
type = "jsonl"
path = "/data/wire.jsonl"

[[source]]
type = "feed"
url = "https://news.example/rss.xml"
timeout = 2.5
max_entries = 10

[[source]]
type = "feed"
url = "https://paused.example/rss.xml"
enabled = false
""")
    folder, jsonl, feed = load_sources(path)
    assert (folder.type, folder.path, folder.outlet) == ("folder", tmp_path / "incoming", "Dunmore Gazette")
    assert (jsonl.type, jsonl.path, jsonl.name) == ("jsonl", Path("/data/wire.jsonl"), "/data/wire.jsonl")
    assert (feed.url, feed.fetch.timeout, feed.fetch.retries, feed.fetch.max_entries) == (
        "https://news.example/rss.xml", 2.5, 1, 10)
    assert folder.fetch.max_bytes == int(get_setting("max_file_bytes"))  # not [fetch]'s 1000


def test_example_sources_file_is_valid():
    sources = load_sources(REPO / "sources.example.toml")
    assert {s.type for s in sources} == {"folder", "jsonl", "feed"}


@pytest.mark.parametrize("body, message", [
    ("[[source]]\ntype = 'folder'\npath = ", "not valid TOML"),
    ("", "no [[source]] tables"),
    ("[[source]]\npath = 'x'\n", "type must be one of 'folder', 'jsonl', 'feed', got None"),
    ("[[source]]\ntype = 'rss'\nurl = 'https://a.example/'\n", "got 'rss'"),
    ("[[source]]\ntype = 'folder'\n", "a folder source needs path"),
    ("[[source]]\ntype = 'feed'\npath = 'x'\n", "a feed source needs url"),
    ("[[source]]\ntype = 'feed'\nurl = 'ftp://a.example/feed'\n", "url must start with http"),
    ("[[source]]\ntype = 'folder'\npath = 'x'\noutlett = 'Typo'\n", "source #1: unknown key(s) outlett"),
    ("[[source]]\ntype = 'folder'\npath = 'x'\ntimeout = 3\n", "timeout only apply to feed sources"),
    ("[[source]]\ntype = 'feed'\nurl = 'https://a.example/'\ntimeout = 0\n", "timeout must be a positive number"),
    ("[[source]]\ntype = 'feed'\nurl = 'https://a.example/'\nretries = -1\n", "retries must be a non-negative"),
    ("[fetch]\ntimeoutt = 3\n[[source]]\ntype = 'folder'\npath = 'x'\n", "[fetch]: unknown key(s) timeoutt"),
    ("db = 'x.db'\n[[source]]\ntype = 'folder'\npath = 'x'\n", "unknown top-level key(s) db"),
    ("[[source]]\ntype = 'folder'\npath = 'x'\nenabled = 'no'\n", "enabled must be true or false"),
    ("[[source]]\ntype = 'jsonl'\npath = 'wire.json'\n", "must name a .jsonl file"),
])
def test_bad_sources_file_names_file_and_reason(tmp_path, body, message):
    path = write_sources(tmp_path / "bad.toml", body)
    with pytest.raises(ConfigError) as raised:
        load_sources(path)
    assert str(raised.value).startswith(str(path))
    assert message in str(raised.value)


def test_missing_sources_file(tmp_path):
    with pytest.raises(ConfigError, match="no such file"):
        load_sources(tmp_path / "nope.toml")


# --- sources through the ingest ------------------------------------------------------------------

def test_folder_jsonl_and_html_sources(tmp_path, nlp, write_article):
    folder = tmp_path / "incoming"
    write_article("ferry", "Ferry strike ends\n\n“The boats sail again on Monday,” said union leader Aino Salo.",
                  meta={"outlet": None, "url": "https://a.example/ferry", "published": "2026-11-02"}, folder=folder)
    (folder / "page.html").write_text(
        "<html><head><title>Pier reopens</title></head><body><article><h1>Pier reopens</h1>"
        "<p>The old pier at Dunmore reopened to walkers on Saturday after a year of repairs to its iron legs.</p>"
        "<p>“It is stronger now than the day it was built,” said Oskar Lind, the engineer who led the work.</p>"
        "</article></body></html>", encoding="utf-8")
    wire = tmp_path / "wire.jsonl"
    wire.write_text(json.dumps({"id": "wire-1", "outlet": "Wire Service", "text":
                                "Budget agreed\n\n“This budget protects every school,” said Mayor Helena Marsh."}) + "\n",
                    encoding="utf-8")
    db = store.open_db(tmp_path / "quotes.db")
    sources = [Source("folder", "incoming", path=folder, outlet="Dunmore Gazette"),
               Source("jsonl", "wire", path=wire, outlet="Ignored Because Set")]

    result = run_nightly(db, sources, nlp)

    assert (3, 3, 0) == (result.ingest.seen, result.ingest.added, len(result.ingest.errors))
    outlets = {r["id"]: r["outlet"] for r in db["articles"].rows}
    assert outlets == {"ferry": "Dunmore Gazette", "page": "Dunmore Gazette", "wire-1": "Wire Service"}
    assert {r["article_id"] for r in db["mentions"].rows} == {"ferry", "page", "wire-1"}
    run = db["ingest_runs"].get(1)
    assert (run["command"], run["status"], json.loads(run["sources"])) == ("nightly", "completed", ["incoming", "wire"])
    assert result.summary() == f"ingest: 3 seen, 3 added, 0 updated, 0 unchanged, {db['mentions'].count} mentions, 0 errors"

    again = run_nightly(db, sources, nlp)
    assert (0, 3) == (again.ingest.added, again.ingest.unchanged)


def test_changed_article_replaces_its_mentions(tmp_path, nlp, write_article):
    folder = tmp_path / "incoming"
    write_article("a", "Ferry strike\n\n“We will sail on Monday,” said Aino Salo.", folder=folder)
    db = store.open_db(tmp_path / "quotes.db")
    source = [Source("folder", "incoming", path=folder)]
    run_nightly(db, source, nlp)
    write_article("a", "Ferry strike\n\n“We will sail on Tuesday instead,” said Aino Salo.", folder=folder)
    result = run_nightly(db, source, nlp)
    assert result.ingest.updated == 1
    assert [r["text"] for r in db["mentions"].rows] == ["We will sail on Tuesday instead,"]
    assert [r["canonical"] for r in db["quotes"].rows] == ["We will sail on Tuesday instead"]


def test_missing_folder_is_recorded_and_run_completes(tmp_path, nlp, write_article):
    folder = tmp_path / "incoming"
    write_article("a", "Ferry strike\n\n“We will sail on Monday,” said Aino Salo.", folder=folder)
    db = store.open_db(tmp_path / "quotes.db")
    result = run_nightly(db, [Source("folder", "gone", path=tmp_path / "unmounted"),
                              Source("folder", "incoming", path=folder)], nlp)
    assert result.ingest.added == 1
    # Published relative to the folder holding the source, not as the server's absolute path (issue 14).
    assert [(r["source"], r["reason"]) for r in db["ingest_errors"].rows] == [
        ("unmounted", "no such file or directory")]


def test_unreadable_file_is_one_error_and_the_folder_goes_on(tmp_path, nlp, monkeypatch):
    from quotes import nightly

    folder = write_corpus(tmp_path / "incoming", 3)
    real_read_file = nightly.read_file

    def read_file(path, max_bytes=None, root=None):  # a generator, like the real one: it fails while being read
        if Path(path).name == "article-001.txt":
            raise PermissionError(13, "Permission denied", str(path))
        yield from real_read_file(path, max_bytes=max_bytes, root=root)

    monkeypatch.setattr(nightly, "read_file", read_file)
    db = store.open_db(tmp_path / "quotes.db")
    result = run_nightly(db, [Source("folder", "incoming", path=folder)], nlp)
    assert result.ingest.added == 2
    assert [(Path(r["source"]).name, r["reason"]) for r in db["ingest_errors"].rows] == [
        ("article-001.txt", f"cannot read: PermissionError: [Errno 13] Permission denied: '{folder}/article-001.txt'")]


def test_bad_input_is_recorded_once_per_file_and_good_data_is_untouched(tmp_path, nlp):
    folder = write_corpus(tmp_path / "incoming", 6)
    db_path = tmp_path / "quotes.db"
    db = store.open_db(db_path)
    sources = [Source("folder", "incoming", path=folder)]
    run_nightly(db, sources, nlp)
    before = snapshot(db_path)

    bad = {
        # Neither UTF-8 nor cp1252 (0x81 and 0x8d are unassigned there); plain Latin-1 is now read as cp1252.
        "undecodable.txt": b"Caf\x81 owners said \"it is over\" \x8d.",
        "binary.txt": b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)),
        "empty.txt": b"",
        "blank.txt": b"   \n\n  \t\n",
        "cut-short.html": b"<html><head><title>Pier reopens</title></head><body><article><h1>Pier reo",
        "debris.html": b"<html><body><div><script>var x = '</div>';</script><<<</",
        "wire.jsonl": b'{"id": "ok-line", "text": "Harbour report\\n\\n\\u201cWe open at dawn,\\u201d said Ida Rusk."}\n'
                      b'{"id": "cut-off", "text": "this line was trunc\n',
        "notes.json": b"{not even json",  # a sidecar without an article: not an input, ignored
    }
    for name, data in bad.items():
        (folder / name).write_bytes(data)
    with open(folder / "huge.txt", "wb") as huge:  # 50 MB (sparse), far over QUOTES_MAX_FILE_BYTES
        huge.write(b"Headline\n\n")
        huge.truncate(50 * 1024 * 1024)

    result = run_nightly(db, sources, nlp)

    reasons = {Path(r["source"]).name: r["reason"] for r in db["ingest_errors"].rows}
    assert reasons == {
        "undecodable.txt": "not UTF-8 (undecodable byte at offset 3) nor cp1252",
        "binary.txt": "binary file (contains NUL bytes)",
        "empty.txt": "empty file",
        "blank.txt": "empty file (whitespace only)",
        "cut-short.html": "unparseable HTML: no article text found",
        "debris.html": "unparseable HTML: no article text found",
        "wire.jsonl:2": reasons["wire.jsonl:2"],
        "huge.txt": f"oversized: {50 * 1024 * 1024} bytes, limit {get_setting('max_file_bytes')} (QUOTES_MAX_FILE_BYTES)",
    }
    assert reasons["wire.jsonl:2"].startswith("malformed JSON line")
    assert (result.ingest.added, len(result.ingest.errors)) == (1, 8)  # the good JSONL line
    after = snapshot(db_path)
    for table, rows in before.items():
        if table == "ingest_errors":
            continue
        missing = set(rows) - set(after[table])
        assert not missing, f"{table} lost rows"
    assert db["articles"].count == 7
    assert db.execute("select status from ingest_runs order by id desc").fetchone()[0] == "completed"

    # A second run records nothing new: each rejected input stays one row.
    run_nightly(db, sources, nlp)
    assert db["ingest_errors"].count == 8


def reindex(db_path: Path, nlp, monkeypatch, *args: str):
    from click.testing import CliRunner

    from quotes import cli, extract

    monkeypatch.setattr(extract, "load_nlp", lambda model=None: nlp)  # the session's pipeline, not a reload
    result = CliRunner().invoke(cli.cli, ["reindex", "--db", str(db_path), "--quiet", *args])
    assert result.exit_code == 0, result.output


def test_reindex_reextracts_articles_of_an_older_extractor(tmp_path, nlp, monkeypatch):
    from quotes import extract

    folder = write_corpus(tmp_path / "incoming", 3)
    db_path = tmp_path / "quotes.db"
    db = store.open_db(db_path)
    run_nightly(db, [Source("folder", "incoming", path=folder)], nlp)
    before = snapshot(db_path, ignore={"content_hash"})
    stamps = {r["id"]: r["ingested_at"] for r in db["articles"].rows}
    db.execute("update articles set extractor_version = 'old' where id = 'article-001'")
    db.conn.commit()
    db.close()
    time.sleep(1.1)  # ingested_at has one-second resolution

    reindex(db_path, nlp, monkeypatch)

    db = store.open_db(db_path)
    rows = {r["id"]: r for r in db["articles"].rows}
    assert {r["extractor_version"] for r in rows.values()} == {extract.EXTRACTOR_VERSION}
    assert rows["article-001"]["ingested_at"] != stamps["article-001"]  # re-extracted
    assert rows["article-000"]["ingested_at"] == stamps["article-000"]  # current: left alone
    assert snapshot(db_path, ignore={"content_hash"}) == before
    runs = list(db.query("select command, articles_seen, articles_updated from ingest_runs order by id"))
    assert runs[-1] == {"command": "reindex", "articles_seen": 1, "articles_updated": 1}


def test_nightly_after_reindex_finds_nothing_changed(tmp_path, nlp, monkeypatch):
    folder = write_corpus(tmp_path / "incoming", 2)
    db_path = tmp_path / "quotes.db"
    sources = [Source("folder", "incoming", path=folder)]
    run_nightly(store.open_db(db_path), sources, nlp)
    reindex(db_path, nlp, monkeypatch, "--all")
    result = run_nightly(store.open_db(db_path), sources, nlp)
    assert (result.ingest.unchanged, result.ingest.updated) == (2, 0)


# --- the entry point -----------------------------------------------------------------------------

def test_entry_point_is_executable_and_reexecs_into_the_venv(tmp_path):
    assert os.access(SCRIPT, os.X_OK)
    probe = tmp_path / "probe.toml"
    write_sources(probe, "[[source]]\ntype = 'nope'\n")
    env = {k: v for k, v in os.environ.items() if k != "QUOTES_NIGHTLY_REEXEC"}
    # Run directly (shebang) and by a python3 without the project's packages: both re-execute the venv's python.
    commands = [[str(SCRIPT)]] + [[python, str(SCRIPT)] for python in ("/usr/bin/python3",) if Path(python).exists()]
    for command in commands:
        result = subprocess.run([*command, "--sources", str(probe)], capture_output=True, text=True, timeout=120,
                                env=env)
        assert result.returncode == EXIT_CONFIG, result.stderr
        assert result.stderr.startswith(f"nightly-ingest: error: {probe}: source #1: type must be one of")


def test_bad_config_exits_2_naming_the_file(tmp_path):
    path = write_sources(tmp_path / "sources.toml", "[[source]]\ntype = 'folder'\npath = 'x'\noutlett = 'y'\n")
    result = run_script(env={"QUOTES_SOURCES": str(path), "QUOTES_DB": str(tmp_path / "q.db")})
    assert result.returncode == EXIT_CONFIG
    assert result.stdout == ""
    assert result.stderr.strip() == f"nightly-ingest: error: {path}: source #1: unknown key(s) outlett"
    assert not (tmp_path / "q.db").exists()


def test_unwritable_database_exits_1_naming_the_file(tmp_path):
    sources = folder_sources(tmp_path, tmp_path)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    db_path = blocker / "quotes.db"
    result = run_script("--sources", str(sources), "--db", str(db_path))
    assert result.returncode == EXIT_FAILED
    assert result.stderr == f"nightly-ingest: error: cannot use database {db_path}: {blocker} is not a directory\n"

    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not an SQLite database, just text " * 200)
    result = run_script("--sources", str(sources), "--db", str(garbage))
    assert result.returncode == EXIT_FAILED
    assert f"cannot open database {garbage} for writing: file is not a database" in result.stderr


def test_missing_spacy_model_exits_2(tmp_path):
    sources = folder_sources(tmp_path, tmp_path)
    result = run_script("--sources", str(sources), "--db", str(tmp_path / "q.db"),
                        env={"QUOTES_SPACY_MODEL": "no_such_pipeline_sm"})
    assert result.returncode == EXIT_CONFIG
    assert result.stderr.startswith("nightly-ingest: error: cannot load spaCy pipeline 'no_such_pipeline_sm' "
                                    "(QUOTES_SPACY_MODEL): ")
    with ingest_lock(tmp_path / "q.db"):  # the lock is free again
        pass


def test_held_lock_exits_75_at_once(tmp_path):
    sources = folder_sources(tmp_path, tmp_path)
    db_path = tmp_path / "quotes.db"
    with ingest_lock(db_path):
        started = time.monotonic()
        result = run_script("--sources", str(sources), "--db", str(db_path))
    assert result.returncode == EXIT_LOCKED
    assert "another ingest is running on" in result.stderr and str(db_path) in result.stderr
    assert time.monotonic() - started < 20  # at once: no spaCy load, no waiting


@pytest.mark.slow
def test_run_under_cron_prints_only_the_summary(tmp_path):
    folder = write_corpus(tmp_path / "incoming", 3)
    (folder / "empty.txt").write_bytes(b"")
    sources = folder_sources(tmp_path, folder)
    env = {"QUOTES_SOURCES": str(sources), "QUOTES_DB": str(tmp_path / "q.db")}
    result = subprocess.run([str(SCRIPT)], capture_output=True, text=True, cwd=tmp_path, timeout=300,
                            env={**os.environ, **env}, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    [summary] = result.stdout.splitlines()
    assert re.fullmatch(r"ingest: 3 seen, 3 added, 0 updated, 0 unchanged, \d+ mentions, 1 errors", summary)
    assert result.stderr.splitlines() == [f"quotes: skipped {folder.name}/empty.txt: empty file"]
    quiet = run_script("--quiet", env=env)
    assert (quiet.returncode, quiet.stdout) == (0, "")


@pytest.mark.slow
def test_progress_bar_in_a_terminal(tmp_path):
    import fcntl
    import pty
    import struct
    import termios

    folder = write_corpus(tmp_path / "incoming", 3)
    sources = folder_sources(tmp_path, folder)
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    try:
        result = run_script("--sources", str(sources), "--db", str(tmp_path / "q.db"), capture_output=False,
                            stdout=subprocess.PIPE, stderr=terminal)
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal's other end is closed: all read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(controller)
    assert result.returncode == 0
    assert result.stdout.startswith("ingest: 3 seen, 3 added")
    assert b"nightly: 3 articles" in shown


@pytest.mark.slow
def test_concurrent_runs_one_refuses_at_once_the_other_completes(tmp_path):
    # Large enough that the first run is still going when the second has started Python and spaCy
    # imports, even on a loaded machine.
    folder = write_corpus(tmp_path / "incoming", 160)
    sources = folder_sources(tmp_path, folder)
    db_path = tmp_path / "quotes.db"
    args = ("--sources", str(sources), "--db", str(db_path))
    first = start_script(*args, env={"QUOTES_BATCH_SIZE": "4"})
    try:
        deadline = time.monotonic() + 120
        while count(db_path, "select count(*) from ingest_runs where status = 'running'") == 0:
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.05)
        second = run_script(*args)
        assert first.poll() is None, "the first run finished before the second started: make the corpus larger"
        # WAL: a reader (Datasette) is served while the ingest writes.
        reader = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=0.5)
        assert reader.execute("pragma journal_mode").fetchone()[0] == "wal"
        assert reader.execute("select count(*) from ingest_runs").fetchone()[0] == 1
        reader.close()
        out, err = first.communicate(timeout=300)
    finally:
        if first.poll() is None:
            first.kill()
    assert second.returncode == EXIT_LOCKED
    assert second.stdout == ""
    assert "another ingest is running" in second.stderr
    assert first.returncode == 0, err
    assert out.startswith("ingest: 160 seen, 160 added")
    assert count(db_path, "select count(*) from articles") == 160
    assert count(db_path, "select count(*) from ingest_runs") == 1  # the refused run wrote nothing


@pytest.mark.slow
def test_sigkill_mid_run_then_rerun_equals_an_uninterrupted_run(tmp_path):
    folder = write_corpus(tmp_path / "incoming", 40)
    sources = folder_sources(tmp_path, folder)
    env = {"QUOTES_BATCH_SIZE": "4"}
    clean_path = tmp_path / "clean.db"
    clean = run_script("--sources", str(sources), "--db", str(clean_path), env=env)
    assert clean.returncode == 0, clean.stderr
    # Not a vacuous comparison: quotes, and quotes carried by several articles (incremental clustering).
    assert count(clean_path, "select count(*) from mentions") >= 100
    assert count(clean_path, "select count(*) from quotes where article_count > 1") >= 5

    killed_path = tmp_path / "killed.db"
    process = start_script("--sources", str(sources), "--db", str(killed_path), env=env)
    deadline = time.monotonic() + 120
    while count(killed_path, "select count(*) from articles") < 5:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL
    stored = count(killed_path, "select count(*) from articles")
    assert 5 <= stored < 40, "the kill came too late to interrupt the run"
    assert count(killed_path, "select count(*) from mentions where article_id not in (select id from articles)") == 0

    rerun = run_script("--sources", str(sources), "--db", str(killed_path), env=env)

    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.startswith(f"ingest: 40 seen, {40 - stored} added, 0 updated, {stored} unchanged")
    assert snapshot(killed_path) == snapshot(clean_path)
    statuses = [s for (s,) in sqlite3.connect(killed_path).execute("select status from ingest_runs order by id")]
    assert statuses == ["interrupted", "completed"]


# --- the nightly catches corrections (issue 15, item 9) ----------------------------------------------

def test_rejected_file_is_reported_once_until_it_changes(tmp_path, nlp, capsys):
    folder = write_corpus(tmp_path / "incoming", 1)
    bad = folder / "notes.txt"
    bad.write_bytes(b"\x7fELF\x00 not an article")
    db = store.open_db(tmp_path / "quotes.db")
    sources = [Source("folder", "incoming", path=folder)]

    first = run_nightly(db, sources, nlp)
    assert "notes.txt: binary file (contains NUL bytes)" in capsys.readouterr().err
    second = run_nightly(db, sources, nlp)
    assert "" == capsys.readouterr().err
    assert "1 errors (1 reported before)" in second.summary() and "1 errors" in first.summary()
    assert 1 == db["ingest_errors"].count  # still recorded, last_seen moves on

    bad.write_bytes(b"\x7fELF\x00 another binary")  # changed: news again
    run_nightly(db, sources, nlp)
    assert "notes.txt: binary file" in capsys.readouterr().err


def test_nightly_does_not_create_a_missing_database_folder(tmp_path, capsys):
    from quotes.nightly import nightly

    sources = folder_sources(tmp_path, write_corpus(tmp_path / "incoming", 1))
    db = tmp_path / "typo" / "quotes.db"
    assert EXIT_FAILED == nightly(str(sources), str(db), quiet=True)
    assert f"cannot use database {db}: folder {db.parent} does not exist" in capsys.readouterr().err
    assert not db.parent.exists()
