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


# --- Gold with a speaker kind (../shared/polnear): per-kind attribution and person end-to-end -------

# Kinds whose gold speaker is a person, and kinds whose true speaker is unknown (gold says null
# because nobody could resolve the "he" or "the official"), as ../shared/polnear/README.md defines them.
PERSON_KINDS = ("name", "nominal", "pronoun", "pronoun-heuristic")
STRICT_PERSON_KINDS = ("name", "nominal", "pronoun")
UNKNOWN_KINDS = ("pronoun-unresolved", "nominal-unresolved")
KIND_ORDER = ("name", "pronoun", "pronoun-heuristic", "nominal", "pronoun-unresolved", "nominal-unresolved",
              "nonperson", "nosource")


def companion_path(gold_path: str | Path, kind: str) -> Path:
    """The ``unattributed-…`` or ``articles-…`` file named like ``gold-…`` beside it."""
    gold_path = Path(gold_path)
    return gold_path.with_name(gold_path.name.replace("gold-", f"{kind}-", 1))


def has_speaker_kinds(gold: list[dict]) -> bool:
    return bool(gold) and all("speaker_kind" in g for g in gold)


def _right(gold_line: dict, predicted: dict) -> bool:
    answers = [gold_line["speaker"], *(gold_line.get("alt_speakers") or [])]
    return any(same_person(predicted.get("speaker"), answer) for answer in answers)


def score_kinds(gold: list[dict], pred: list[dict], unattributed: Iterable[dict] = ()) -> dict:
    """Detection (strict, and lenient: an unmatched prediction overlapping a known non-quote
    span is not spurious), attribution accuracy per ``speaker_kind`` and end-to-end figures over
    quotes whose speaker is a person, as ../shared/tools/score_polnear.py computes them.

    >>> gold = [{"article": "a", "text": "we will win", "speaker": "Jane Doe", "speaker_kind": "name"}]
    >>> pred = [{"article": "a", "text": "We will win", "speaker": "Ms. Doe"}]
    >>> score_kinds(gold, pred)["e2e_person"]["F1"]
    1.0
    """
    matches = match_quotes(gold, pred)
    gold_of = {j: i for i, j in matches.items()}
    spans = defaultdict(list)
    for span in unattributed:
        spans[span["article"]].append(words(span["text"]))
    forgiven = {j for j, p in enumerate(pred) if j not in gold_of and
                any(dice(words(p["text"]), span) >= MATCH_THRESHOLD for span in spans.get(p["article"], []))}
    matched = len(matches)
    exact = sum(words(gold[i]["text"]) == words(pred[j]["text"]) for i, j in matches.items())
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # gold, matched, right
    for g in gold:
        kinds[g["speaker_kind"]][0] += 1
    for i, j in matches.items():
        kinds[gold[i]["speaker_kind"]][1] += 1
        kinds[gold[i]["speaker_kind"]][2] += _right(gold[i], pred[j])
    known = [v for k, v in kinds.items() if k not in UNKNOWN_KINDS]
    det_p, det_r = ratio(matched, len(pred)), ratio(matched, len(gold))
    lenient_p = ratio(matched, len(pred) - len(forgiven))
    result = {
        "gold": len(gold), "pred": len(pred), "matched": matched, "forgiven": len(forgiven),
        "det_P": det_p, "det_R": det_r, "det_F1": f1(det_p, det_r),
        "det_P_lenient": lenient_p, "det_F1_lenient": f1(lenient_p, det_r),
        "exact_F1": f1(ratio(exact, len(pred)), ratio(exact, len(gold))),
        "attr_acc": ratio(sum(v[2] for v in kinds.values()), matched),
        "attr_acc_known": ratio(sum(v[2] for v in known), sum(v[1] for v in known)),
        "attr_by_kind": {
            kind: {"gold": v[0], "matched": v[1], "right": v[2], "acc": v[2] / v[1] if v[1] else None}
            for kind, v in sorted(kinds.items(), key=lambda kv: KIND_ORDER.index(kv[0])
                                  if kv[0] in KIND_ORDER else len(KIND_ORDER))},
    }
    for name, person_kinds, lenient in (("e2e_person", PERSON_KINDS, False),
                                         ("e2e_person_lenient", PERSON_KINDS, True),
                                         ("e2e_person_strict", STRICT_PERSON_KINDS, False)):
        wanted = {i for i, g in enumerate(gold) if g["speaker"] is not None and g["speaker_kind"] in person_kinds}
        # Predictions matched to a quote whose speaker is unknown, or a person of a kind left out,
        # are neither right nor wrong.
        ignored = {i for i, g in enumerate(gold) if g["speaker_kind"] in UNKNOWN_KINDS or
                   (g["speaker"] is not None and g["speaker_kind"] not in person_kinds)}
        named = [j for j, p in enumerate(pred) if p.get("speaker") is not None and gold_of.get(j) not in ignored
                 and not (lenient and j in forgiven)]
        right = sum(1 for j in named if gold_of.get(j) in wanted and _right(gold[gold_of[j]], pred[j]))
        precision, recall = ratio(right, len(named)), ratio(right, len(wanted))
        result[name] = {"P": precision, "R": recall, "F1": f1(precision, recall),
                        "right": right, "pred": len(named), "gold": len(wanted)}
    return result


def format_kinds(result: dict) -> str:
    """The per-kind figures as lines, in ../shared/tools/score_polnear.py's layout."""
    lines = [
        f"detection   gold={result['gold']} pred={result['pred']} matched={result['matched']} "
        f"P={result['det_P']:.3f} R={result['det_R']:.3f} F1={result['det_F1']:.3f} | lenient: "
        f"forgiven={result['forgiven']} P={result['det_P_lenient']:.3f} F1={result['det_F1_lenient']:.3f} | "
        f"exact_F1={result['exact_F1']:.3f}",
        f"attribution acc on matched = {result['attr_acc']:.3f} (all kinds, null gold = null wanted); "
        f"{result['attr_acc_known']:.3f} leaving out the *-unresolved kinds, whose true speaker is unknown",
    ]
    for kind, v in result["attr_by_kind"].items():
        acc = "  n/a" if v["acc"] is None else f"{v['acc']:.3f}"
        note = "   (gold speaker unknown: this is the share predicted null)" if kind in UNKNOWN_KINDS else ""
        lines.append(f"   {kind:<20} gold={v['gold']:<5} matched={v['matched']:<5} right={v['right']:<5} "
                     f"acc={acc}{note}")
    for name in ("e2e_person", "e2e_person_lenient", "e2e_person_strict"):
        v = result[name]
        lines.append(f"{name:<19} P={v['P']:.3f} R={v['R']:.3f} F1={v['F1']:.3f} (right={v['right']} "
                     f"pred={v['pred']} gold={v['gold']})")
    return "\n".join(lines)
