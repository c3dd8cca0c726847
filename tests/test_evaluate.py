import json
import subprocess
import sys

import pytest

from quotes.evaluate import dice, format_scores, same_person, score, words

from .conftest import REFEREE


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
