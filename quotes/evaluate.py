"""Score predicted mentions against a gold file, with the metrics of ``shared/gold/README.md``.

Predictions are export-shaped dicts (``article``, ``text``, ``speaker``, ``quote_id`` and optionally
``quote_ids``).  Two predictions are together when the quotes they render share one.
A predicted quote matches a gold quote in the same article when their word multisets
have a Dice overlap of at least 0.5 (greedy, best overlap first).

Example::

    >>> gold = [{"article": "a", "text": "We will win", "speaker": "Jane Doe", "clusters": ["x"]}]
    >>> pred = [{"article": "a", "text": "we will win", "speaker": "Ms. Doe", "quote_id": "q1"}]
    >>> score(gold, pred)["e2e_F1"]
    1.0
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path
from typing import Iterable

WORD = re.compile(r"[a-z0-9]+")
MATCH_THRESHOLD = 0.5
# Words ignored when comparing speaker names: titles and honorifics, as the referee does.
NAME_NOISE = {"mr", "mrs", "ms", "dr", "gen", "general", "president", "secretary", "defense", "sen",
              "senator", "rep", "gov", "governor", "prime", "minister", "sir", "lt", "col", "adm",
              "admiral", "chairman", "the", "us", "u", "s", "jr", "sr"}
METRICS = ["gold", "pred", "matched", "det_P", "det_R", "det_F1", "exact_F1", "attr_acc", "e2e_F1",
           "clu_P", "clu_R", "clu_F1"]


def words(text: str | None) -> list[str]:
    return WORD.findall((text or "").lower().replace("’", "'").replace("'", ""))


def dice(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * sum((Counter(a) & Counter(b)).values()) / (len(a) + len(b))


def same_person(predicted: str | None, gold: str | None) -> bool:
    """Surnames match, and first names agree where both are given; titles ignored."""
    if predicted is None or gold is None:
        return predicted is None and gold is None
    p = [w for w in words(predicted) if w not in NAME_NOISE and len(w) > 1]
    g = [w for w in words(gold) if w not in NAME_NOISE and len(w) > 1]
    if not p or not g or p[-1] != g[-1]:
        return False
    return len(p) == 1 or len(g) == 1 or p[0] == g[0]


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def ratio(n: int, d: int) -> float:
    return n / d if d else 0.0


def rendered_quotes(prediction: dict) -> set[str]:
    """The quotes a predicted mention renders: its ``quote_ids`` (primary first) when given, else its
    ``quote_id``; as the referee reads them, so a mention joining two utterances counts with both.

    >>> sorted(rendered_quotes({"quote_id": "q1", "quote_ids": ["q1", "q2"]}))
    ['q1', 'q2']
    >>> rendered_quotes({"quote_id": None})
    set()
    """
    ids = prediction.get("quote_ids")
    if ids is None:
        ids = [prediction.get("quote_id")]
    return {i for i in ids if i is not None}


def match_quotes(gold: list[dict], pred: list[dict]) -> dict[int, int]:
    """Gold index -> predicted index, greedily by Dice overlap within each article."""
    gold_by_article, pred_by_article = defaultdict(list), defaultdict(list)
    for i, g in enumerate(gold):
        gold_by_article[g["article"]].append(i)
    for j, p in enumerate(pred):
        pred_by_article[p["article"]].append(j)
    matches: dict[int, int] = {}
    for article, gold_ids in gold_by_article.items():
        candidates = sorted(
            ((dice(words(gold[i]["text"]), words(pred[j]["text"])), i, j)
             for i in gold_ids for j in pred_by_article.get(article, [])),
            reverse=True)
        used: set[int] = set()
        for overlap, i, j in candidates:
            if overlap < MATCH_THRESHOLD or i in matches or j in used:
                continue
            matches[i] = j
            used.add(j)
    return matches


def score(gold: list[dict], pred: list[dict], articles: set[str] | None = None) -> dict:
    """Detection, exact, attribution, end-to-end and pairwise clustering figures."""
    if articles is not None:
        gold = [g for g in gold if g["article"] in articles]
        pred = [p for p in pred if p["article"] in articles]
    matches = match_quotes(gold, pred)
    matched = len(matches)
    exact = sum(words(gold[i]["text"]) == words(pred[j]["text"]) for i, j in matches.items())
    attributed = sum(
        any(same_person(pred[j].get("speaker"), answer)
            for answer in [gold[i]["speaker"], *(gold[i].get("alt_speakers") or [])])
        for i, j in matches.items())
    pairs = Counter()
    for a, b in combinations(sorted(matches), 2):
        gold_same = bool(set(gold[a]["clusters"]) & set(gold[b]["clusters"]))
        pred_same = bool(rendered_quotes(pred[matches[a]]) & rendered_quotes(pred[matches[b]]))
        pairs["tp"] += gold_same and pred_same
        pairs["fp"] += pred_same and not gold_same
        pairs["fn"] += gold_same and not pred_same
    det_p, det_r = ratio(matched, len(pred)), ratio(matched, len(gold))
    ex_p, ex_r = ratio(exact, len(pred)), ratio(exact, len(gold))
    e2e_p, e2e_r = ratio(attributed, len(pred)), ratio(attributed, len(gold))
    clu_p = ratio(pairs["tp"], pairs["tp"] + pairs["fp"])
    clu_r = ratio(pairs["tp"], pairs["tp"] + pairs["fn"])
    return {
        "gold": len(gold), "pred": len(pred), "matched": matched,
        "det_P": det_p, "det_R": det_r, "det_F1": f1(det_p, det_r), "exact_F1": f1(ex_p, ex_r),
        "attr_acc": ratio(attributed, matched), "e2e_F1": f1(e2e_p, e2e_r),
        "clu_P": clu_p, "clu_R": clu_r, "clu_F1": f1(clu_p, clu_r),
    }


def errors(gold: list[dict], pred: list[dict]) -> list[str]:
    """Human-readable lines for every missed, spurious and wrongly attributed quote."""
    matches = match_quotes(gold, pred)
    used = set(matches.values())
    lines = [f"MISSED   {g['article']} | {g['speaker']} | {g['text'][:80]}"
             for i, g in enumerate(gold) if i not in matches]
    lines += [f"SPURIOUS {p['article']} | {p.get('speaker')} | {p['text'][:80]}"
              for j, p in enumerate(pred) if j not in used]
    for i, j in matches.items():
        g, p = gold[i], pred[j]
        if not any(same_person(p.get("speaker"), a) for a in [g["speaker"], *(g.get("alt_speakers") or [])]):
            lines.append(f"SPEAKER  {g['article']} | gold {g['speaker']} pred {p.get('speaker')} | {g['text'][:60]}")
    return lines


def format_scores(result: dict) -> str:
    """One line, in the referee's format."""
    return " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in result.items())


def load_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def gold_articles(gold: Iterable[dict]) -> set[str]:
    return {g["article"] for g in gold}
