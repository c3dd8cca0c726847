"""Extraction on a real Dask cluster: a `dask scheduler` and two `dask worker` processes on 127.0.0.1.

The database an ingest through the cluster writes must equal a single-process ingest of the
same input, table by table (timestamps and run ids aside), also when a worker is killed mid-run.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes import store
from quotes.cli import cli
from quotes.ingest import ingest
from quotes.sources import read_paths, relative_sources
from tests.test_nightly import snapshot, write_corpus

distributed = pytest.importorskip("distributed")
import dask  # noqa: E402  (installed with distributed)

REPO = Path(__file__).resolve().parent.parent
ARTICLES = 24


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def dask_cluster(tmp_path):
    """(scheduler address, {worker name: process}) of a scheduler and two single-thread workers."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    address = f"tcp://127.0.0.1:{free_port()}"
    dask = [sys.executable, "-m", "dask"]
    log = open(tmp_path / "dask.log", "w")
    processes = [subprocess.Popen([*dask, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                                   "--no-dashboard"], env=env, stdout=log, stderr=subprocess.STDOUT)]
    workers = {}
    try:
        for name in ("w0", "w1"):
            workers[name] = subprocess.Popen(
                [*dask, "worker", address, "--name", name, "--nthreads", "1", "--no-dashboard", "--no-nanny",
                 "--host", "127.0.0.1"], env=env, stdout=log, stderr=subprocess.STDOUT)
            processes.append(workers[name])
        with distributed.Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=60)
        yield address, workers
    finally:
        for process in reversed(processes):
            if process.poll() is None:
                process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        log.close()


@pytest.fixture
def corpus(tmp_path) -> Path:
    """Invented articles whose quotes recur across outlets, and one article spaCy refuses (too long)."""
    folder = write_corpus(tmp_path / "corpus", ARTICLES)
    (folder / "huge.txt").write_text("Huge\n" + "All quiet in the harbour today. " * 40_000, encoding="utf-8")
    return folder


def single_process_db(tmp_path: Path, corpus: Path, nlp) -> Path:
    path = tmp_path / "single.db"
    db = store.open_db(path)
    ingest(db, relative_sources(read_paths([corpus]), [corpus]), nlp)  # sources as the CLI and nightly store them
    db.close()
    return path


@pytest.mark.slow
def test_ingest_on_dask_cluster_equals_single_process(tmp_path, corpus, nlp, dask_cluster):
    address, _ = dask_cluster
    path = tmp_path / "dask.db"
    result = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", str(path), "--scheduler", address])
    assert 0 == result.exit_code, result.output
    assert f"ingest: {ARTICLES + 1} seen, {ARTICLES} added" in result.output
    expected = snapshot(single_process_db(tmp_path, corpus, nlp))
    actual = snapshot(path)
    assert 1 == len(actual["ingest_errors"])  # the article spaCy refuses, rejected on a worker
    assert ARTICLES * 3 == len(actual["mentions"])
    assert expected == actual


@pytest.mark.slow
def test_worker_killed_mid_run_gives_the_same_database(tmp_path, corpus, nlp, dask_cluster):
    from quotes.workers import DaskExtractor

    address, workers = dask_cluster
    killed: list[str] = []

    with distributed.Client(address) as client:
        def kill_a_busy_worker(_article_id: str) -> None:
            if killed:
                return
            # A worker that holds tasks right now: it dies in the middle of a batch.
            names = {addr: info["name"] for addr, info in client.scheduler_info()["workers"].items()}
            busy = [names[addr] for addr, keys in client.processing().items() if keys and addr in names]
            if busy:
                victim = sorted(busy)[0]
                workers[victim].send_signal(signal.SIGKILL)
                workers[victim].wait(timeout=10)
                killed.append(victim)

        path = tmp_path / "dask.db"
        db = store.open_db(path)
        # Two articles a task: a dozen tasks, so the victim always has work queued or running.
        stats = ingest(db, relative_sources(read_paths([corpus]), [corpus]), None,
                       extractor=DaskExtractor(client, task_articles=2),
                       on_article=kill_a_busy_worker)
        db.close()
        surviving = len(client.scheduler_info()["workers"])

    assert 1 == len(killed)
    assert 1 == surviving
    assert (ARTICLES + 1, ARTICLES, 1) == (stats.seen, stats.added, len(stats.errors))
    assert snapshot(single_process_db(tmp_path, corpus, nlp)) == snapshot(path)


def test_workers_options_are_declared():
    help_text = CliRunner().invoke(cli, ["ingest", "--help"]).output
    assert "--workers" in help_text and "--scheduler" in help_text and "QUOTES_DASK_SCHEDULER" in help_text


def test_unreachable_scheduler_is_a_clear_error(tmp_path, write_article):
    write_article("a", "Headline\n“We will build it,” Ann Lee said.")
    address = f"tcp://127.0.0.1:{free_port()}"
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):  # nobody listens: fail fast
        result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "corpus"), "--db", str(tmp_path / "q.db"),
                                          "--scheduler", address])
    assert 1 == result.exit_code
    assert f"Error: cannot reach Dask scheduler {address}" in result.output


@pytest.mark.slow
def test_nightly_on_a_local_cluster_equals_single_process(tmp_path, corpus, nlp):
    """`nightly --workers 2` starts a LocalCluster of two processes and writes the same database."""
    from quotes.nightly import nightly

    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\ntype = "folder"\npath = "{corpus}"\n', encoding="utf-8")
    path = tmp_path / "nightly.db"
    assert 0 == nightly(str(sources), str(path), quiet=True, workers=2)
    assert snapshot(single_process_db(tmp_path, corpus, nlp)) == snapshot(path)
