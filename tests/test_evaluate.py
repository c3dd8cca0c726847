import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes import store
from quotes.cli import cli
from quotes.evaluate import dice, format_kinds, format_scores, same_person, score, score_kinds, words
from quotes.ingest import ingest
from quotes.sources import Article

from .conftest import REFEREE, SHARED

POLNEAR = SHARED / "polnear"
POLNEAR_SCORER = SHARED / "tools" / "score_polnear.py"


@pytest.mark.parametrize("predicted,gold,expected", [
    ("Mr. Doe", "Jane Doe", True),
    ("Jane Q. Doe", "Jane Doe", True),
    ("John Doe", "Jane Doe", False),
    ("Jane Roe", "Jane Doe", False),
    (None, None, True),
    ("Jane Doe", None, False),
])
def test_same_person(predicted, gold, expected):
    assert expected == same_person(predicted, gold)


def test_dice_and_words():
    assert ["were", "dont", "go"] == words("We’re don't go")
    assert 0.5 == dice(["a", "b"], ["a", "c"])


GOLD = [
    {"article": "a", "text": "We will win this", "speaker": "Jane Doe", "alt_speakers": [], "clusters": ["win"]},
    {"article": "a", "text": "It is over", "speaker": "John Roe", "alt_speakers": [], "clusters": ["over"]},
    {"article": "b", "text": "we will win", "speaker": "Jane Doe", "alt_speakers": [], "clusters": ["win"]},
    {"article": "b", "text": "Nothing more", "speaker": None, "alt_speakers": ["Jane Doe"], "clusters": ["more"]},
]
PRED = [
    {"article": "a", "text": "We will win this", "speaker": "Ms. Doe", "quote_id": "q1"},
    {"article": "a", "text": "It is over now", "speaker": "Jane Doe", "quote_id": "q2"},
    {"article": "b", "text": "we will win", "speaker": "Jane Doe", "quote_id": "q1"},
    {"article": "b", "text": "totally different words", "speaker": None, "quote_id": "q3"},
]


def test_score_small_case():
    result = score(GOLD, PRED)
    assert (3, 0.75, 0.75) == (result["matched"], result["det_P"], result["det_R"])
    assert pytest.approx(2 / 3) == result["attr_acc"]
    assert 1.0 == result["clu_F1"]


def test_agrees_with_referee(tmp_path):
    if not REFEREE.is_file():
        pytest.skip("../shared/tools/score_quotes.py is not present")
    gold_path, pred_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_path.write_text("\n".join(json.dumps(g) for g in GOLD), encoding="utf-8")
    pred_path.write_text("\n".join(json.dumps(p) for p in PRED), encoding="utf-8")
    referee = subprocess.run([sys.executable, str(REFEREE), str(gold_path), str(pred_path)],
                             capture_output=True, text=True, check=True).stdout.strip()
    assert referee == format_scores(score(GOLD, PRED))


# A mention that joins two utterances renders both quotes (quote_ids, primary first); a mention
# with only quote_id renders that one.  Pairs: (a,c) share "win", (b,c) share "over", (a,b) do not.
GOLD_JOINED = [
    {"article": "a", "text": "We will win this", "speaker": "Jane Doe", "clusters": ["win"]},
    {"article": "a", "text": "It is over for them", "speaker": "Jane Doe", "clusters": ["over"]},
    {"article": "b", "text": "We will win this. It is over for them", "speaker": "Jane Doe",
     "clusters": ["win", "over"]},
    {"article": "c", "text": "The harbour opens on Monday", "speaker": "Jane Doe", "clusters": ["harbour"]},
]
PRED_JOINED = [
    {"article": "a", "text": "We will win this", "speaker": "Jane Doe", "quote_id": "q1"},
    {"article": "a", "text": "It is over for them", "speaker": "Jane Doe", "quote_id": "q2", "quote_ids": ["q2"]},
    {"article": "b", "text": "We will win this. It is over for them", "speaker": "Jane Doe", "quote_id": "q1",
     "quote_ids": ["q1", "q2"]},
    {"article": "c", "text": "The harbour opens on Monday", "speaker": "Jane Doe", "quote_id": "q1",
     "quote_ids": ["q1"]},
]


def test_score_counts_every_rendered_quote():
    result = score(GOLD_JOINED, PRED_JOINED)
    # predicted together: (a,b)? no; (a,c) q1; (a,d) q1 wrong; (b,c) q2; (c,d) q1 wrong
    assert (2 / 4, 1.0) == (result["clu_P"], result["clu_R"])


@pytest.mark.parametrize("gold,pred", [(GOLD, PRED), (GOLD_JOINED, PRED_JOINED)])
def test_agrees_with_referee_json(tmp_path, gold, pred):
    if not REFEREE.is_file():
        pytest.skip("../shared/tools/score_quotes.py is not present")
    gold_path, pred_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_path.write_text("\n".join(json.dumps(g) for g in gold), encoding="utf-8")
    pred_path.write_text("\n".join(json.dumps(p) for p in pred), encoding="utf-8")
    referee = json.loads(subprocess.run([sys.executable, str(REFEREE), str(gold_path), str(pred_path), "--json"],
                                        capture_output=True, text=True, check=True).stdout)
    assert referee == score(gold, pred)


KIND_GOLD = [
    {"article": "a", "text": "We will win this", "speaker": "Jane Doe", "speaker_kind": "name"},
    {"article": "a", "text": "It is over", "speaker": "John Roe", "speaker_kind": "pronoun"},
    {"article": "a", "text": "Nobody knows", "speaker": None, "speaker_kind": "nominal-unresolved"},
    {"article": "b", "text": "the plan is dead", "speaker": None, "speaker_kind": "nonperson"},
]
KIND_PRED = [
    {"article": "a", "text": "We will win this", "speaker": "Ms. Doe"},
    {"article": "a", "text": "It is over", "speaker": "Jane Doe"},
    {"article": "a", "text": "Nobody knows", "speaker": "John Roe"},
    {"article": "b", "text": "the plan is dead", "speaker": None},
    {"article": "b", "text": "so-called reform", "speaker": "Jane Doe"},
]


def test_score_kinds_small_case():
    result = score_kinds(KIND_GOLD, KIND_PRED, [{"article": "b", "text": "so-called reform"}])
    assert (4, 1) == (result["matched"], result["forgiven"])
    assert {"gold": 1, "matched": 1, "right": 0, "acc": 0.0} == result["attr_by_kind"]["pronoun"]
    assert pytest.approx(2 / 3) == result["attr_acc_known"]  # name and nonperson right, pronoun wrong
    # the prediction on unknown gold counts neither way; the forgiven one only leniently
    assert (1, 3, 2) == tuple(result["e2e_person"][k] for k in ("right", "pred", "gold"))
    assert (1, 2, 2) == tuple(result["e2e_person_lenient"][k] for k in ("right", "pred", "gold"))


def _perturbed(gold: list[dict]) -> list[dict]:
    """Predictions from gold lines: some dropped, some speakers changed or nulled, some spurious."""
    pred = []
    for number, line in enumerate(gold):
        if number % 7 == 3:
            continue
        speaker = line["speaker"]
        if number % 5 == 1:
            speaker = "Someone Else"
        elif number % 6 == 2:
            speaker = None
        text = line["text"] if number % 4 else line["text"] + " and more words here"
        pred.append({"article": line["article"], "text": text, "speaker": speaker})
        if number % 9 == 0:
            pred.append({"article": line["article"], "text": "an invented spurious quote", "speaker": speaker})
    return pred


def test_score_kinds_agrees_with_score_polnear(tmp_path):
    if not (POLNEAR / "gold-train.jsonl").is_file() or not POLNEAR_SCORER.is_file():
        pytest.skip("../shared/polnear or ../shared/tools/score_polnear.py is not present")
    articles = [json.loads(line) for line in (POLNEAR / "articles-train.jsonl").open(encoding="utf-8")][:25]
    ids = {a["id"] for a in articles}
    gold = [g for g in map(json.loads, (POLNEAR / "gold-train.jsonl").open(encoding="utf-8")) if g["article"] in ids]
    unattributed = [u for u in map(json.loads, (POLNEAR / "unattributed-train.jsonl").open(encoding="utf-8"))
                    if u["article"] in ids]
    pred = _perturbed(gold)
    for name, rows in (("gold-s", gold), ("unattributed-s", unattributed), ("articles-s", articles),
                       ("pred", pred)):
        (tmp_path / f"{name}.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    theirs = json.loads(subprocess.run(
        [sys.executable, str(POLNEAR_SCORER), str(tmp_path / "gold-s.jsonl"), str(tmp_path / "pred.jsonl"), "--json"],
        capture_output=True, text=True, check=True).stdout)
    ours = score_kinds(gold, pred, unattributed)
    assert {k: v for k, v in theirs.items() if k != "referee"} == ours
    assert theirs["referee"] == score(gold, pred)


def test_evaluate_command_prints_the_per_kind_figures(nlp, tmp_path):
    text = "Vote\n\n“We will win this,” Jane Doe said. The council said the plan “is dead.”"
    db = store.open_db(tmp_path / "q.db")
    ingest(db, [Article("a", text)], nlp)
    db.close()
    gold = [{"article": "a", "text": "We will win this,", "speaker": "Jane Doe", "speaker_kind": "name",
             "clusters": ["win"]},
            {"article": "a", "text": "is dead.", "speaker": None, "speaker_kind": "nonperson", "clusters": ["dead"]}]
    gold_path = tmp_path / "gold-x.jsonl"
    gold_path.write_text("\n".join(json.dumps(g) for g in gold), encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(gold_path), "--db", str(tmp_path / "q.db")])
    assert 0 == result.exit_code, result.output
    pred = [{"article": "a", "text": "We will win this,", "speaker": "Jane Doe"},
            {"article": "a", "text": "is dead.", "speaker": None}]
    assert format_kinds(score_kinds(gold, pred)) in result.output
    assert "   name                 gold=1     matched=1     right=1     acc=1.000" in result.output


def test_score_polnear_script_skips_without_the_corpus(tmp_path):
    script = Path(__file__).resolve().parent.parent / "scripts" / "score-polnear"
    result = subprocess.run([sys.executable, str(script)], env={**os.environ, "QUOTES_SHARED": str(tmp_path)},
                            capture_output=True, text=True)
    assert (0, "") == (result.returncode, result.stdout)
    assert "nothing to score" in result.stderr
