"""The seed corpus, end to end: files → database → Datasette's JSON API, scored by the referee."""

import json
import subprocess
import sys

import pytest

from quotes import store
from quotes.evaluate import load_jsonl, score
from quotes.web import make_datasette

from .conftest import REFEREE

# Floors the current code clears on the seeds; the targets live in `quotes evaluate`.
SEED_FLOORS = {"det_F1": 0.90, "e2e_F1": 0.70}


@pytest.mark.asyncio
async def test_mentions_facet_by_speaker(seed_db_path):
    datasette = make_datasette(seed_db_path)
    response = await datasette.client.get("/quotes/mentions.json?_facet=speaker_id&_extra=facet_results")
    assert 200 == response.status_code
    facets = response.json()["facet_results"]
    speaker_facet = facets["results"]["speaker_id"] if "results" in facets else facets["speaker_id"]
    counts = {item["label"]: item["count"] for item in speaker_facet["results"]}
    assert "Mark Esper" in counts
    assert counts["Mark Esper"] == max(counts.values())


def test_seed_scores_match_referee(seed_db_path, gold_path, tmp_path):
    db = store.open_db(seed_db_path)
    rows = list(store.export_rows(db))
    pred = tmp_path / "export.jsonl"
    pred.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    ours = score(load_jsonl(gold_path), rows)
    for metric, floor in SEED_FLOORS.items():
        assert ours[metric] >= floor, (metric, ours)
    if REFEREE.is_file():
        referee = json.loads(subprocess.run([sys.executable, str(REFEREE), str(gold_path), str(pred), "--json"],
                                            capture_output=True, text=True, check=True).stdout)
        assert referee == pytest.approx(ours)


def test_every_seed_article_stored(seed_db_path, seeds_dir):
    db = store.open_db(seed_db_path)
    assert sorted(p.stem for p in seeds_dir.glob("*.txt")) == [r["id"] for r in db["articles"].rows]
    assert 0 == db["ingest_errors"].count
