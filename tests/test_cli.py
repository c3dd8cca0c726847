import json

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
