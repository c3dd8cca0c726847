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
