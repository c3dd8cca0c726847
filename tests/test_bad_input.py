"""Hostile and broken input (issue 14): each test is a regression test for one attack.

Bad input must become one clear line naming the file (or line, or URL) and the reason, one
`ingest_errors` row, and nothing else lost.  Real files, real SQLite, real spaCy, real HTTP on
127.0.0.1; the articles are invented for these tests.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes import store
from quotes.cli import cli
from quotes.variants import word_diff
from quotes.feeds import FetchError, FetchSettings, entry_article_id, fetch, http_client
from quotes.ingest import LockHeld, ingest, ingest_lock
from quotes.nightly import Source, run_nightly
from quotes.sources import Article, SourceError, read_paths
from tests.test_feeds import PAGES, FeedServer, rss

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GOOD = "Harbour wall repaired\n\n“The wall will hold this winter,” said engineer Ida Rusk."
OTHER = "Library stays open\n\n“No branch will close this year,” said Mayor Ana Ruiz."


def jsonl(path: Path, *lines: str | bytes) -> Path:
    path.write_bytes(b"\n".join(line if isinstance(line, bytes) else line.encode("utf-8") for line in lines) + b"\n")
    return path


def errors_of(items) -> list[tuple[str, str]]:
    return [(Path(i.source).name, i.reason) for i in items if isinstance(i, SourceError)]


def ids_of(items) -> list[str]:
    return [i.id for i in items if isinstance(i, Article)]


def error_rows(db) -> list[tuple[str, str]]:
    return sorted((Path(r["source"]).name, r["reason"]) for r in db.query("select source, reason from ingest_errors"))


@pytest.fixture
def server():
    server = FeedServer()
    yield server
    server.close()


# --- 3: lone surrogates ------------------------------------------------------------------------

def test_lone_surrogate_in_jsonl_is_one_error_and_the_batch_goes_on(tmp_path, nlp):
    path = jsonl(tmp_path / "wire.jsonl",
                 json.dumps({"id": "good-1", "text": GOOD}),
                 '{"id": "bad-text", "text": "Headline\\n\\nHe said \\"\\ud800\\" today."}',
                 '{"id": "bad-title", "title": "Bad \\udfff title", "text": "Headline\\n\\nBody."}',
                 json.dumps({"id": "good-2", "text": OTHER}))
    db_path = tmp_path / "q.db"
    result = CliRunner().invoke(cli, ["ingest", str(path), "--db", str(db_path)])
    assert 0 == result.exit_code, result.output
    db = store.open_db(db_path)
    assert ["good-1", "good-2"] == [r["id"] for r in db.query("select id from articles order by id")]
    assert [("wire.jsonl:2", "invalid Unicode in 'text': lone surrogate at character 19"),
            ("wire.jsonl:3", "invalid Unicode in 'title': lone surrogate at character 4")] == error_rows(db)


# --- 4: a total deadline per request -------------------------------------------------------------

def test_fetch_deadline_ends_a_server_dripping_its_headers(server):
    def drip(handler):  # one header line every 0.5 s, for 15 s: each read is quick, the whole is not
        try:
            handler.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n")
            for number in range(30):
                handler.wfile.write(f"X-Drip-{number}: still here\r\n".encode())
                handler.wfile.flush()
                time.sleep(0.5)
        except OSError:
            pass
        return "hang"

    server.hang_seconds = 0
    server.routes["/feed.xml"] = drip
    settings = FetchSettings(timeout=1.0, retries=2, backoff=0.0)
    started = time.monotonic()
    with http_client(settings) as client, pytest.raises(FetchError) as raised:
        fetch(client, server.url("/feed.xml"), settings)
    elapsed = time.monotonic() - started
    assert "timed out: no complete answer within 4s (4 x timeout 1s)" == str(raised.value)
    assert elapsed < 5.5  # one attempt, cut at 4 x timeout (not retried: it would drip again)


# --- 5: deeply nested JSON, a sidecar that is a directory ----------------------------------------

NESTED = '{"id": "deep", "text": "x", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"


def test_deeply_nested_json_and_a_directory_sidecar_are_one_error_each(tmp_path, write_article):
    path = jsonl(tmp_path / "wire.jsonl", json.dumps({"id": "a", "text": GOOD}), NESTED,
                 json.dumps({"id": "b", "text": OTHER}))
    nested_sidecar = write_article("nested", GOOD)
    nested_sidecar.with_suffix(".json").write_text('{"title": ' + "[" * 20_000 + "]" * 20_000 + "}")
    folder_sidecar = write_article("folder", OTHER)
    folder_sidecar.with_suffix(".json").mkdir()
    write_article("fine", GOOD)
    items = list(read_paths([path, nested_sidecar.parent]))
    assert ["a", "b", "fine"] == ids_of(items)
    assert [("wire.jsonl:2", "malformed JSON line: nested too deeply"),
            ("folder.json", "sidecar is a directory, not a JSON file"),
            ("nested.json", "unparseable sidecar JSON: nested too deeply")] == errors_of(items)


def test_nightly_reads_the_lines_after_a_deeply_nested_one(tmp_path, nlp):
    path = jsonl(tmp_path / "wire.jsonl", json.dumps({"id": "a", "text": GOOD}), NESTED,
                 json.dumps({"id": "b", "text": OTHER}))
    db = store.open_db(tmp_path / "q.db")
    result = run_nightly(db, [Source("jsonl", "wire", path=path)], nlp)
    assert (2, [("wire.jsonl:2", "malformed JSON line: nested too deeply")]) == (result.ingest.added, error_rows(db))


# --- 6 and 7: non-public addresses, redirect loops -------------------------------------------------

def test_feed_entries_reaching_non_public_addresses_are_refused(server, tmp_path, nlp, monkeypatch):
    # Only the host name "localhost" is allowed: the feed and one page are fetched through it,
    # while links to 127.0.0.1, [::1] and 169.254.169.254, directly or by a redirect, are refused.
    monkeypatch.setenv("QUOTES_FETCH_ALLOW_HOSTS", "localhost")
    port = server.httpd.server_address[1]
    local = f"http://localhost:{port}"
    server.serve_pages(with_validators=False)
    server.routes["/hop"] = (302, {"Location": f"{server.base}/news/bridge.html"}, b"")
    links = [f"{server.base}/news/ferry.html", f"{local}/hop", "http://169.254.169.254/latest/meta-data/",
             f"http://[::1]:{port}/news/ferry.html", f"{local}/news/orchard.html"]
    items = "".join(f"<item><title>Entry {n}</title><link>{link}</link></item>" for n, link in enumerate(links))
    feed = f"<rss version=\"2.0\"><channel><title>Courier</title>{items}</channel></rss>"
    server.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, feed.encode())
    db = store.open_db(tmp_path / "q.db")
    settings = FetchSettings(timeout=1.0, retries=0)
    result = run_nightly(db, [Source("feed", "f", url=f"{local}/feed.xml", fetch=settings)], nlp)
    reasons = {r["source"]: r["reason"] for r in db.query("select source, reason from ingest_errors")}
    assert {
        links[0]: "page: refused: 127.0.0.1 is a non-public address (127.0.0.1); QUOTES_FETCH_ALLOW_HOSTS can allow it",
        links[1]: "page: refused: 127.0.0.1 is a non-public address (127.0.0.1); QUOTES_FETCH_ALLOW_HOSTS can allow it",
        links[2]: "page: refused: 169.254.169.254 is a non-public address (169.254.169.254); "
                  "QUOTES_FETCH_ALLOW_HOSTS can allow it",
        links[3]: "page: refused: ::1 is a non-public address (::1); QUOTES_FETCH_ALLOW_HOSTS can allow it",
    } == reasons
    assert [entry_article_id("", links[4])] == [r["id"] for r in db["articles"].rows]
    assert 1 == result.ingest.added
    assert ["/feed.xml", "/hop", "/news/orchard.html"] == server.paths_requested()  # nothing else reached


def test_private_addresses_are_refused_by_default(server, monkeypatch):
    monkeypatch.delenv("QUOTES_FETCH_ALLOW_HOSTS")
    server.routes["/x"] = (200, {"Content-Type": "text/plain"}, b"secret")
    settings = FetchSettings(timeout=1.0, retries=0)
    with http_client(settings) as client, pytest.raises(FetchError, match="^refused: 127.0.0.1 is a non-public"):
        fetch(client, server.url("/x"), settings)
    by_name = f"http://localhost:{server.httpd.server_address[1]}/x"  # checked on the address connected to
    with http_client(settings) as client, pytest.raises(
            FetchError, match=r"^refused: localhost resolves to a non-public address \(127.0.0.1\)"):
        fetch(client, by_name, settings)
    assert [] == server.paths_requested()


def test_redirect_loop_is_one_entry_error_and_later_entries_are_fetched(server, tmp_path, nlp):
    server.serve_pages(with_validators=False)
    server.routes["/loop"] = (302, {"Location": "/loop"}, b"")
    server.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"},
                                  rss(server.base, ["/loop", *PAGES]))
    db = store.open_db(tmp_path / "q.db")
    result = run_nightly(db, [Source("feed", "f", url=server.url("/feed.xml"), fetch=FetchSettings(timeout=1.0))], nlp)
    assert (3, [("loop?utm_source=rss", "page: too many redirects (more than 5: a redirect loop?)")]) == (
        result.ingest.added, error_rows(db))


# --- 8: a huge quote ---------------------------------------------------------------------------------

def test_word_diff_of_a_huge_quote_is_bounded():
    words = [f"word{n % 5000}" for n in range(35_000)]  # about 200 KB
    canonical = " ".join(words)
    variant = " ".join("changed" if n % 97 == 0 else w for n, w in enumerate(words))
    started = time.monotonic()
    runs = word_diff(canonical, variant)
    assert time.monotonic() - started < 3
    # The differing middle as one removal and one addition, then the shared end.
    assert ["-", "+", "="] == [op for op, _ in runs]
    assert (canonical, variant) == (f"{runs[0][1]} {runs[2][1]}", f"{runs[1][1]} {runs[2][1]}")
    assert [["=", "Let me"], ["-", "be"], ["=", "clear we"], ["+", "will"], ["=", "act"]] == word_diff(
        "Let me be clear: we act.", "let me clear, we will act")


# --- 9: one id in two sources ------------------------------------------------------------------------

def test_same_id_in_two_sources_keeps_the_first_every_run(tmp_path, nlp, write_article):
    first = write_article("story", GOOD, folder=tmp_path / "a")
    second = write_article("story", OTHER, folder=tmp_path / "b")
    db = store.open_db(tmp_path / "q.db")
    for _ in range(2):
        stats = ingest(db, read_paths([first.parent, second.parent]), nlp)
        assert 0 == stats.updated
        assert [(str(second), f"duplicate article id 'story': already read from {first}; the first is kept")] == [
            (e.source, e.reason) for e in stats.errors]
    assert GOOD == db["articles"].get("story")["text"]


# --- 10: sidecar size and metadata lengths ---------------------------------------------------------

def test_sidecar_size_and_metadata_lengths_are_capped(tmp_path, write_article):
    big = write_article("big", GOOD)
    big.with_suffix(".json").write_text(json.dumps({"title": "x" * 200_000}))
    long_title = write_article("long", GOOD, {"title": "T" * 5000})
    write_article("fine", OTHER, {"title": "Library stays open", "url": "https://a.example/x"})
    path = jsonl(tmp_path / "wire.jsonl", json.dumps({"id": "w", "text": GOOD, "outlet": "O" * 1000}))
    items = list(read_paths([big.parent, path]))
    assert ["fine"] == ids_of(items)
    assert [("big.json", "oversized sidecar: 200013 bytes, limit 65536"),
            ("long.json", "'title' too long: 5000 characters, limit 1000"),
            ("wire.jsonl:1", "'outlet' too long: 1000 characters, limit 200")] == errors_of(items)
    assert long_title.with_suffix(".json").exists()


# --- 12: line separators inside JSON strings -------------------------------------------------------

def test_unicode_line_separators_inside_jsonl_strings_do_not_split_lines(tmp_path):
    text = "Headline\n\nShe said \u2028“yes”\u2029 and \u0085 left."
    path = jsonl(tmp_path / "wire.jsonl", json.dumps({"id": "sep", "text": text}, ensure_ascii=False))
    [article] = list(read_paths([path]))
    assert ("sep", text) == (article.id, article.text)


# --- 13: a read-only database ------------------------------------------------------------------------

@pytest.mark.parametrize("writable_folder", [True, False])
def test_ingest_into_a_read_only_database_says_read_only(tmp_path, write_article, writable_folder):
    article = write_article("a", GOOD)
    folder = Path(tempfile.mkdtemp(prefix="quotes-ro-"))  # not under pytest's root-only tmp folder
    try:
        db_path = folder / "q.db"
        store.open_db(db_path).close()
        shutil.copy(article, folder / "a.txt")
        (folder / "q.db").chmod(0o444)
        for extra in ("q.db-wal", "q.db-shm"):
            (folder / extra).unlink(missing_ok=True)
        folder.chmod(0o777 if writable_folder else 0o555)
        as_nobody = []
        if os.geteuid() == 0:  # root writes anything: run as nobody
            if not shutil.which("setpriv"):
                pytest.skip("running as root without setpriv: cannot make a database read-only")
            as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        result = subprocess.run([*as_nobody, PYTHON, "-m", "quotes", "ingest", str(folder / "a.txt"),
                                 "--db", str(db_path)], capture_output=True, text=True, timeout=120, cwd=folder,
                                env={**os.environ, "PYTHONPATH": str(REPO)})
        assert 1 == result.returncode
        [line] = result.stderr.splitlines()
        assert line.startswith(f"Error: database {db_path} is read-only (")
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


# --- 14: lxml_html_clean ---------------------------------------------------------------------------

def test_lxml_html_clean_is_declared():
    dependencies = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    assert any(d.replace("-", "_").startswith("lxml_html_clean") for d in dependencies)


def test_a_missing_html_dependency_fails_the_nightly(tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "page.html").write_text("<html><body><article><p>Pier reopens to walkers on Saturday after "
                                      "repairs.</p></article></body></html>")
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\ntype = "folder"\npath = "{folder}"\n')
    # The pip of a fresh venv installed trafilatura without lxml_html_clean: simulate it.
    code = ("import sys; sys.modules['lxml_html_clean'] = None; "
            "from quotes.nightly import command; command(prog_name='nightly-ingest')")
    result = subprocess.run([PYTHON, "-c", code, "--sources", str(sources), "--db", str(tmp_path / "q.db")],
                            capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert 1 == result.returncode
    [line] = result.stderr.splitlines()
    assert line.startswith("nightly-ingest: error: missing dependency: ")


# --- 15: encodings ---------------------------------------------------------------------------------

def test_utf16_utf8_bom_sidecar_and_cp1252_are_read_and_recorded(tmp_path, write_article, nlp):
    folder = tmp_path / "corpus"
    text = "Café reopens\n\n“We missed our regulars,” said owner Zoë Brandt."
    write_article("utf8", text)
    (folder / "utf16.txt").write_bytes(text.encode("utf-16"))  # with its BOM
    (folder / "cp1252.txt").write_bytes(text.replace("“", '"').replace("”", '"').encode("cp1252"))
    write_article("bom-sidecar", GOOD)
    (folder / "bom-sidecar.json").write_bytes(b"\xef\xbb\xbf" + json.dumps({"outlet": "Gazette"}).encode())
    db = store.open_db(tmp_path / "q.db")
    stats = ingest(db, read_paths([folder]), nlp)
    assert [] == stats.errors
    rows = {r["id"]: (r["encoding"], r["outlet"]) for r in db.query("select id, encoding, outlet from articles")}
    assert {"utf8": ("utf-8", None), "utf16": ("utf-16", None), "cp1252": ("cp1252", None),
            "bom-sidecar": ("utf-8", "Gazette")} == rows
    assert db["articles"].get("utf16")["text"] == db["articles"].get("utf8")["text"]
    assert "Zoë Brandt" in db["articles"].get("cp1252")["text"]


def test_html_in_its_declared_charset_is_decoded_with_it(tmp_path, nlp):
    body = "Der Bürgermeister sagte, die Brücke über die Vell werde im Frühjahr eröffnet. " * 4
    html = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">'
            f"<title>Brücke</title></head><body><article><h1>Brücke öffnet</h1><p>{body} Kosten: 5 €.</p>"
            f"</article></body></html>")
    (tmp_path / "page.html").write_bytes(html.encode("iso-8859-15"))
    [article] = list(read_paths([tmp_path / "page.html"]))
    assert "iso8859-15" == article.encoding
    assert "Brücke über die Vell" in article.text and "5 €" in article.text


# --- 16: JSON types ----------------------------------------------------------------------------------

def test_wrong_json_types_and_blank_ids_are_rejected(tmp_path, write_article):
    path = jsonl(tmp_path / "wire.jsonl",
                 json.dumps({"id": {"a": 1}, "text": GOOD}),
                 json.dumps({"id": ["x"], "text": GOOD}),
                 json.dumps({"id": True, "text": GOOD}),
                 json.dumps({"id": "   ", "text": GOOD}),
                 json.dumps({"id": "t", "text": GOOD, "title": ["not", "a", "title"]}),
                 json.dumps({"id": "p", "text": GOOD, "published": {"y": 2026}}),
                 json.dumps({"id": 42, "text": GOOD, "outlet": None}))
    sidecar = write_article("s", GOOD, {"outlet": 17})
    items = list(read_paths([path, sidecar]))
    assert ["42"] == ids_of(items)
    assert [("wire.jsonl:1", "'id' must be a non-empty string or an integer, got a JSON object"),
            ("wire.jsonl:2", "'id' must be a non-empty string or an integer, got a JSON array"),
            ("wire.jsonl:3", "'id' must be a non-empty string or an integer, got a JSON boolean"),
            ("wire.jsonl:4", "'id' is blank"),
            ("wire.jsonl:5", "'title' must be a string or null, got a JSON array"),
            ("wire.jsonl:6", "'published' must be a string or null, got a JSON object"),
            ("s.json", "'outlet' must be a string or null, got a JSON number")] == errors_of(items)


# --- 17: one bad byte --------------------------------------------------------------------------------

def test_one_bad_byte_in_jsonl_rejects_only_its_line(tmp_path):
    path = jsonl(tmp_path / "wire.jsonl", json.dumps({"id": "a", "text": GOOD}),
                 b'{"id": "b", "text": "caf\xe9 talk"}', json.dumps({"id": "c", "text": OTHER}))
    items = list(read_paths([path]))
    assert (["a", "c"], [("wire.jsonl:2", "not UTF-8: undecodable byte at offset 24 of the line")]) == (
        ids_of(items), errors_of(items))


def test_binary_jsonl_is_one_error_but_a_line_saying_file_is_only_a_line(tmp_path):
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"\x7fELF\x00\x01" + bytes(range(256)))
    text = jsonl(tmp_path / "text.jsonl", "file: not json", json.dumps({"id": "a", "text": GOOD}))
    items = list(read_paths([binary, text]))
    assert ["a"] == ids_of(items)
    assert [("binary.jsonl", "binary file (contains NUL bytes)"),
            ("text.jsonl:1", "malformed JSON line: Expecting value: line 1 column 1 (char 0)")] == errors_of(items)


def test_a_file_of_garbage_lines_costs_a_bounded_number_of_errors(tmp_path):
    path = jsonl(tmp_path / "notes.jsonl", json.dumps({"id": "a", "text": GOOD}), *(["not json"] * 5000))
    items = list(read_paths([path]))
    assert ["a"] == ids_of(items)
    assert 101 == len(errors_of(items))
    assert ("notes.jsonl:102", "more than 100 bad lines: the rest of the file is skipped (is it JSON Lines?)") == (
        errors_of(items)[-1])


# --- 18: symlinks out of a source folder -------------------------------------------------------------

def test_symlink_out_of_a_source_folder_is_refused(tmp_path, write_article, nlp):
    outside = tmp_path / "secret.txt"
    outside.write_text("Root password\n\nhunter2 is what the admin said it was.")
    article = write_article("fine", GOOD)
    folder = article.parent
    (folder / "passwd.txt").symlink_to(outside)
    (folder / "inside.txt").symlink_to(article)  # a link within the folder is fine
    write_article("meta", OTHER)
    (folder / "meta.json").symlink_to(outside)  # a sidecar leading out
    items = list(read_paths([folder]))
    assert ["fine", "inside"] == ids_of(items)
    assert [("meta.json", "sidecar is a symlink to a file outside the source folder: refused"),
            ("passwd.txt", "symlink to a file outside the source folder: refused")] == errors_of(items)
    db = store.open_db(tmp_path / "q.db")
    run_nightly(db, [Source("folder", "f", path=folder)], nlp)
    assert ["fine", "inside"] == [r["id"] for r in db.query("select id from articles order by id")]
    assert 2 == db["ingest_errors"].count


# --- 19: file names with newlines ------------------------------------------------------------------

def test_file_names_with_newlines_cannot_forge_log_lines(tmp_path, write_article, nlp):
    folder = write_article("fine", GOOD).parent
    (folder / "x\nquotes: skipped forged.txt: fake\n.txt").write_bytes(b"")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(tmp_path / "q.db")])
    assert 0 == result.exit_code
    assert [f"quotes: skipped {folder.name}/x\\nquotes: skipped forged.txt: fake\\n.txt: empty file",
            "ingest: 1 seen, 1 added, 0 updated, 0 unchanged, 1 mentions, 1 errors"] == result.output.splitlines()


# --- 21: the lock and symlinks -----------------------------------------------------------------------

def test_lock_is_shared_through_a_symlinked_path(tmp_path):
    real = tmp_path / "data" / "q.db"
    real.parent.mkdir()
    store.open_db(real).close()
    alias = tmp_path / "alias.db"
    alias.symlink_to(real)  # the same database under another name, e.g. a cron job's path
    with ingest_lock(real):
        with pytest.raises(LockHeld), ingest_lock(alias):
            pass
    with ingest_lock(alias):  # and the other way round
        with pytest.raises(LockHeld), ingest_lock(real):
            pass
    assert not (tmp_path / "alias.db.lock").exists()


# --- the whole attack, through the real nightly --------------------------------------------------

@pytest.mark.slow
def test_attack_corpus_every_hostile_input_is_handled():
    result = subprocess.run([PYTHON, str(REPO / "scripts" / "attack-inputs"), "--json"], capture_output=True,
                            text=True, timeout=900, env={**os.environ, "PYTHONPATH": str(REPO)})
    summary = json.loads(result.stdout)
    assert ([], summary["tried"]) == (summary["problems"], summary["handled"])
    assert summary["tried"] >= 120
    assert 0 == result.returncode
