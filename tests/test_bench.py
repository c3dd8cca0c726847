"""scripts/bench: the corpus it builds and the shape of its JSON (figures are not asserted)."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "scripts" / "bench"


@pytest.fixture(scope="module")
def bench():
    """scripts/bench imported as a module (it has no .py suffix)."""
    loader = importlib.machinery.SourceFileLoader("quotes_bench_script", str(BENCH))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[loader.name] = module  # dataclasses look their module up there
    loader.exec_module(module)
    yield module
    sys.modules.pop(loader.name, None)


def test_bench_is_executable():
    assert BENCH.stat().st_mode & 0o111


def test_falls_back_to_bundled_sample_corpus(bench, monkeypatch, tmp_path):
    monkeypatch.setattr(bench, "SEEDS", tmp_path / "absent")
    articles, source = bench.base_articles(None)
    assert source == str(REPO / "scripts" / "sample-corpus")
    assert len(articles) >= 3


def test_replicas_vary_ids_names_and_text_deterministically(bench):
    from quotes.sources import Article

    article = Article(id="a", title="Marsh vows barrier", outlet="Coastal Wire", published="2024-04-12",
                      text="Marsh vows barrier\n"
                           "Mayor Elena Marsh said the city would act. “We won’t wait,” Marsh said.")
    names = {"Elena Marsh", "Marsh"}
    copies = [bench.vary_article(article, i, names) for i in range(6)]
    assert copies[0] is article
    assert len({c.id for c in copies}) == 6
    assert len({c.text for c in copies}) == 6  # never byte-identical
    assert all("Marsh" not in c.text for c in copies[1:])
    assert all("“We won’t wait,”" in c.text for c in copies)  # the quote itself stays
    assert [c.text for c in copies] == [bench.vary_article(article, i, names).text for i in range(6)]


@pytest.mark.slow
def test_small_run_prints_one_json_object():
    done = subprocess.run(
        [sys.executable, str(BENCH), "--small", "--json", "--articles", "6", "--cluster-sizes", "300",
         "--facet-mentions", "1500", "--requests", "1", "--incremental-articles", "2"],
        capture_output=True, text=True, timeout=600, cwd=REPO)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout)

    assert {"cpu_count", "cpu_model", "python", "platform", "spacy", "model"} <= set(report["machine"])
    assert report["command"].startswith("scripts/bench ")
    assert report["corpus"]["articles"] == 6
    assert report["corpus"]["distinct_texts"] == 6
    assert report["corpus"]["words"] > 0
    assert set(report["stages"]) == {"bare", "textacy", "extract", "ingest"}
    for name, stage in report["stages"].items():
        assert stage["words_per_s"] > 0, name
        assert stage["words_per_cpu_s"] > 0, name
        assert stage["peak_mb"] > 0, name
        assert isinstance(stage["found"], int) and isinstance(stage["failures"], int), name
    assert isinstance(report["textacy_failures"], int)
    ratios = {key: value for key, value in report.items() if "ratio" in key}
    assert {"extract_ratio", "ingest_ratio", "textacy_ratio", "extract_cpu_ratio", "ingest_cpu_ratio"} <= set(ratios)
    assert all(isinstance(value, float) and value > 0 for value in ratios.values())
    assert "rotated order" in report["method"]

    [cluster] = report["cluster"]
    assert cluster["mentions"] == 300
    assert "error" not in cluster and not cluster.get("timed_out")
    assert cluster["cluster_s"] >= 0, cluster
    assert cluster["peak_mb"] > 0, cluster

    datasette = report["datasette"]
    assert datasette["rows"]["mentions"] == 1500
    assert isinstance(datasette["refresh_s"], float)
    incremental = datasette["incremental_ingest"]
    assert incremental["articles"] == 2 and incremental["words_per_s"] > 0, incremental
    assert "incremental_ingest_ratio" in ratios
    assert {"facet", "search", "quotes_table"} <= set(datasette["pages"])
    for name, page in datasette["pages"].items():
        assert page["status"] == [200], name
        assert page["median_ms"] > 0, name
    assert set(report["targets"]) >= {"extract_ratio", "ingest_ratio", "facet_median_ms", "search_median_ms"}
    for target in report["targets"].values():
        assert set(target) == {"target", "value", "met"}


@pytest.mark.slow
def test_markdown_output_and_own_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text("Mayor vows barrier\n“We won’t wait,” Mayor Elena Marsh said.\n",
                                    encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(BENCH), "--corpus", str(corpus), "--repeats", "1", "--cluster-sizes", "",
         "--facet-mentions", "0"],
        capture_output=True, text=True, timeout=600, cwd=REPO)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "| stage | words/s | × bare spaCy |" in done.stdout
    assert "| extract |" in done.stdout
    assert "1 articles" in done.stdout


@pytest.mark.slow
def test_dask_workers_mode_compares_one_process_with_a_local_cluster():
    done = subprocess.run([sys.executable, str(BENCH), "--dask-workers", "2", "--articles", "4", "--repeats", "1",
                           "--json"], capture_output=True, text=True, timeout=600, cwd=REPO)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout)
    assert ("dask_workers", 2, 4, True) == (report["mode"], report["workers"], report["articles"],
                                            report["same_mentions"])
    assert report["single_words_per_s"] > 0 and report["dask_words_per_s"] > 0 and report["dask_ratio"] > 0
    assert report["parallel_ceiling"] > 0


@pytest.mark.slow
def test_incremental_mode_compares_an_empty_and_a_big_database():
    done = subprocess.run([sys.executable, str(BENCH), "--incremental-only", "--facet-mentions", "1500",
                           "--incremental-articles", "2", "--repeats", "1", "--json"],
                          capture_output=True, text=True, timeout=600, cwd=REPO)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout)
    assert ("incremental", 2, 1500) == (report["mode"], report["articles"], report["database_mentions"])
    assert 1 == len(report["empty_wall_s"]) == len(report["big_wall_s"])
    assert report["ratio"] > 0 and report["big_peak_mb"] > 0
