import json
import shutil
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from quotes.cli import cli


def all_commands():
    return sorted(cli.commands.items())


@pytest.mark.parametrize("name,command", all_commands())
def test_every_option_has_help(name, command):
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{name} {param.name} has no help"
    result = CliRunner().invoke(cli, [name, "--help"])
    assert 0 == result.exit_code
    assert "Example" in result.output


def test_ingest_export_evaluate(tmp_path, write_article, nlp):
    write_article("a", "Mayor pledges branches\n“We will keep every branch open,” Mayor Ana Ruiz said.",
                  {"outlet": "City Herald", "published": "2024-05-06"})
    folder = tmp_path / "corpus"
    db = str(tmp_path / "q.db")
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", str(folder), "--db", db])
    assert 0 == result.exit_code, result.output
    assert "1 added" in result.output
    result = runner.invoke(cli, ["export", "--db", db])
    [row] = [json.loads(line) for line in result.stdout.splitlines()]
    assert ("a", "We will keep every branch open,", "Ana Ruiz", "City Herald") == (
        row["article"], row["text"], row["speaker"], row["outlet"])
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"article": "a", "text": "We will keep every branch open,", "speaker": "Ana Ruiz",
                                "alt_speakers": [], "clusters": ["open"]}), encoding="utf-8")
    result = runner.invoke(cli, ["evaluate", str(gold), "--db", db, "--json"])
    assert 1.0 == json.loads(result.stdout)["e2e_F1"]


def test_db_from_environment(tmp_path, write_article, nlp, monkeypatch):
    write_article("a", "Headline\n“It works,” said Ana Ruiz.")
    db = tmp_path / "env.db"
    monkeypatch.setenv("QUOTES_DB", str(db))
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "corpus"), "--quiet"])
    assert 0 == result.exit_code, result.output
    assert db.exists()


def test_export_without_database_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["export", "--db", str(tmp_path / "missing.db")])
    assert 1 == result.exit_code
    assert "no database at" in result.output


def test_bad_input_is_reported_and_the_rest_goes_on(tmp_path, write_article, nlp):
    write_article("good", "Headline\n“It works,” said Ana Ruiz.")
    (tmp_path / "corpus" / "bad.txt").write_bytes(b"\xff\xfe\x00junk")
    db = str(tmp_path / "q.db")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "corpus"), "--db", db])
    assert 0 == result.exit_code
    assert "bad.txt" in result.output and "binary file" in result.output
    assert "1 added" in result.output


def test_ingest_twice_leaves_every_table_count_unchanged(tmp_path, write_article, nlp):
    from quotes import store

    write_article("a", "Mayor pledges branches\n“We will keep every branch open,” Mayor Ana Ruiz said.")
    write_article("b", "Branches stay\nAna Ruiz told reporters: “Every branch stays open.”")
    db = str(tmp_path / "q.db")
    runner = CliRunner()
    assert 0 == runner.invoke(cli, ["ingest", str(tmp_path / "corpus"), "--db", db]).exit_code
    before = store.table_counts(store.open_db(db))
    result = runner.invoke(cli, ["ingest", str(tmp_path / "corpus"), "--db", db])
    assert "2 unchanged" in result.output
    assert before == store.table_counts(store.open_db(db))
    assert 1 == before["ingest_runs"]


# --- the CLI tells the truth (issue 15, item 8) ------------------------------------------------------

def run_cli(*args: str) -> subprocess.CompletedProcess:
    """``python -m quotes ARGS`` in a real process, killed after 60 s (a server that started never returns)."""
    return subprocess.run([sys.executable, "-m", "quotes", *args], capture_output=True, text=True, timeout=60)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_ingest_of_a_missing_path_exits_non_zero_and_creates_nothing(tmp_path):
    db = tmp_path / "q.db"
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "no-such-folder"), "--db", str(db)])
    assert 2 == result.exit_code
    assert "no-such-folder" in result.output and "does not exist" in result.output
    assert not db.exists()


def test_ingest_where_nothing_could_be_read_exits_1(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "bad.txt").write_bytes(b"\x00\x01binary")
    db = tmp_path / "q.db"
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db)])
    assert 1 == result.exit_code
    assert "nothing could be read" in result.output and "bad.txt" in result.output
    assert [("binary file (contains NUL bytes)",)] == sqlite3.connect(db).execute(
        "select reason from ingest_errors").fetchall()


def test_ingest_of_a_folder_without_articles_exits_1(tmp_path):
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "empty"), "--db", str(tmp_path / "q.db")])
    assert 1 == result.exit_code
    assert "no .txt, .jsonl or .html files" in result.output


@pytest.mark.parametrize("args", [["serve"], ["export"], ["reindex"], ["evaluate", "GOLD"]])
def test_commands_other_than_ingest_refuse_a_missing_database(tmp_path, args):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("{}\n", encoding="utf-8")
    db = tmp_path / "missing.db"
    args = [str(gold) if a == "GOLD" else a for a in args]
    # A real process with a deadline: a `serve` that accepted the path would never return.
    done = run_cli(*args, "--db", str(db), "--port", str(free_port())) if args == ["serve"] else None
    result = done or CliRunner().invoke(cli, [*args, "--db", str(db)])
    assert 1 == (done.returncode if done else result.exit_code)
    assert f"no database at {db}" in (done.stderr if done else result.output)
    assert [] == list(tmp_path.glob("missing.db*"))


def test_ingest_does_not_create_missing_folders(tmp_path, write_article):
    write_article("a", "Headline\n“It works,” said Ana Ruiz.")
    db = tmp_path / "typo" / "nested" / "q.db"
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "corpus"), "--db", str(db)])
    assert 1 == result.exit_code
    assert f"folder {db.parent} does not exist" in result.output
    assert not (tmp_path / "typo").exists()


def test_default_db_folder_is_the_one_created(tmp_path, monkeypatch):
    from quotes import settings, store

    monkeypatch.setattr(store, "DEFAULT_DB_FOLDER", tmp_path / "db")
    store.prepare_db_folder(tmp_path / "db" / "quotes.db")
    assert (tmp_path / "db").is_dir()
    with pytest.raises(FileNotFoundError, match="other"):
        store.prepare_db_folder(tmp_path / "other" / "quotes.db")
    assert settings.DEFAULT_DB_FOLDER / "quotes.db" == Path(settings.get_setting("db"))


def test_unknown_command_says_no_such_command():
    result = CliRunner().invoke(cli, ["foo"])
    assert 2 == result.exit_code
    assert "No such command 'foo'" in result.output


@pytest.mark.parametrize("args", [[]] + [[name] for name in sorted(cli.commands)])
def test_dash_h_is_help_everywhere(args):
    result = CliRunner().invoke(cli, [*args, "-h"])
    assert 0 == result.exit_code, result.output
    assert result.output.startswith("Usage:")


def test_serve_reports_a_busy_port_before_saying_serving(tmp_path):
    from quotes import store

    db = tmp_path / "q.db"
    store.open_db(db).close()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = run_cli("serve", "--db", str(db), "--port", str(port))
    assert 1 == done.returncode
    assert f"cannot serve on 127.0.0.1:{port}: the port is already in use" in done.stderr
    assert "Serving" not in done.stderr


def test_evaluate_warns_when_gold_shares_no_article_with_the_database(tmp_path, write_article, nlp):
    write_article("a", "Headline\n“It works,” said Ana Ruiz.")
    db = str(tmp_path / "q.db")
    assert 0 == CliRunner().invoke(cli, ["ingest", str(tmp_path / "corpus"), "--db", db]).exit_code
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"article": "other", "text": "Hello", "speaker": "X Y", "clusters": ["h"]}) + "\n",
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(gold), "--db", db])
    assert 0 == result.exit_code
    assert "warning: the gold file shares no article with the database (1 gold article(s), 1 stored)" in result.stderr
    gold.write_text(json.dumps({"article": "a", "text": "It works", "speaker": "Ana Ruiz", "clusters": ["w"]}) + "\n",
                    encoding="utf-8")
    assert "warning" not in CliRunner().invoke(cli, ["evaluate", str(gold), "--db", db]).stderr


def test_canonical_text_drops_the_attribution_comma(tmp_path, write_article, nlp):
    from quotes import store

    write_article("a", "Branches\n“We will keep every branch open,” Mayor Ana Ruiz said.", {"outlet": "A"})
    write_article("b", "Libraries\n“We will keep every branch open,” said Ana Ruiz on Monday.", {"outlet": "B"})
    db = str(tmp_path / "q.db")
    assert 0 == CliRunner().invoke(cli, ["ingest", str(tmp_path / "corpus"), "--db", db]).exit_code
    rows = list(store.open_db(db).query("select q.canonical, m.text, m.similarity, m.diff from quotes q "
                                        "join mentions m on m.quote_id = q.id"))
    assert [("We will keep every branch open", "We will keep every branch open,", 1.0,
             '[["=", "We will keep every branch open"]]')] * 2 == [tuple(r.values()) for r in rows]


def test_lock_files_are_ignored_by_git():
    repo = Path(__file__).resolve().parent.parent
    if shutil.which("git") is None or not (repo / ".git").exists():
        pytest.skip("not a git checkout")
    paths = ["db/quotes.db.lock", "elsewhere/x.db.lock"]
    done = subprocess.run(["git", "-C", str(repo), "check-ignore", *paths], capture_output=True, text=True)
    assert paths == done.stdout.splitlines()
