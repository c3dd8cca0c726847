"""Cleaning and extraction on a Dask ``distributed`` cluster (``quotes ingest --workers N``).

Extraction is a pure function of one article and nearly all of an ingest's cost, so it is
what runs on the workers: batches of articles as read go out, plain dataclasses
(:class:`quotes.ingest.Processed`) come back, and the driver consumes them in submission
order, writing and clustering exactly as a single-process run would.  Each worker loads the
spaCy pipeline once, when it joins (:class:`SpacyPipeline`, a worker plugin).  The scheduler
re-runs the tasks of a worker that dies; a batch that still fails becomes one
``ingest_errors`` row per article.

Needs the ``dask`` extra (``pip install 'quotes[dask]'``) on the driver and every worker,
and the same ``quotes`` version on both.

Example::

    >>> with dask_extractor(workers=2) as extractor:          # a LocalCluster of 2 processes
    ...     stats = ingest(db, read_paths(["corpus/"]), None, extractor=extractor)
    >>> with dask_extractor(scheduler="tcp://10.0.0.5:8786") as extractor:   # an existing cluster
    ...     ...
"""

from __future__ import annotations

import contextlib
from collections import deque
from typing import Iterable, Iterator

from .ingest import Processed, batches, process_batch
from .settings import get_setting
from .sources import Article

try:
    import dask
    from distributed import Client, LocalCluster, WorkerPlugin, get_worker
except ImportError as error:  # the optional extra is missing
    raise ImportError("quotes --workers/--scheduler needs Dask: pip install 'quotes[dask]'") from error

TASK_ARTICLES = 16
"""Articles per Dask task.  Measured with ``scripts/bench --dask-workers 2 --articles 200`` on two
cores at a quiet moment: 16 a task gave 1.64 times one process (Dask's CPU overhead +14%), 8 a task
1.60 (+18%): fewer, larger tasks cost the driver less.  Smaller tasks would share a short run more
evenly; 200 articles are still 13 tasks."""

TASKS_IN_FLIGHT_PER_THREAD = 3
"""Tasks submitted ahead per worker thread: keeps every worker busy while the driver writes,
and bounds the articles held in memory on the driver to a few batches."""

PLUGIN_NAME = "quotes-spacy"

WORKER_CONFIG = {"distributed.worker.profile.enabled": False}
"""Dask settings for the workers of a LocalCluster (for `dask worker`, the same through the
environment: DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False)."""


class SpacyPipeline(WorkerPlugin):
    """Loads the spaCy pipeline with the ``quotes`` component once per worker, when it starts."""

    name = PLUGIN_NAME

    def __init__(self, model: str) -> None:
        self.model = model

    def setup(self, worker) -> None:
        _pipeline(worker, self.model)


def _pipeline(worker, model: str):
    """The worker's pipeline for ``model``, loaded on first use (the plugin's setup, normally)."""
    from .extract import load_nlp

    if not hasattr(worker, "quotes_pipelines"):
        worker.quotes_pipelines = {}
    if model not in worker.quotes_pipelines:
        worker.quotes_pipelines[model] = load_nlp(model)
    return worker.quotes_pipelines[model]


def extract_on_worker(batch: list[tuple[Article, str]], model: str) -> list[Processed]:
    """The task: clean and extract one batch with the worker's pipeline."""
    return process_batch(_pipeline(get_worker(), model), batch)


class DaskExtractor:
    """An ``Extractor`` for :func:`quotes.ingest.ingest` that runs on a Dask client's workers.

    Registers :class:`SpacyPipeline` on the cluster, so every worker, including one that joins
    later, loads ``model`` (default: ``QUOTES_SPACY_MODEL`` here) once.
    """

    def __init__(self, client: Client, model: str | None = None, task_articles: int = TASK_ARTICLES) -> None:
        self.client = client
        self.model = model or get_setting("spacy_model")
        self.task_articles = task_articles
        client.register_plugin(SpacyPipeline(self.model))

    def _in_flight(self) -> int:
        threads = sum(self.client.nthreads().values()) or 1
        return max(2, TASKS_IN_FLIGHT_PER_THREAD * threads)

    def __call__(self, pending: Iterable[tuple[Article, str]]) -> Iterator[Processed]:
        window: deque = deque()
        limit = self._in_flight()
        for batch in batches(pending, self.task_articles):
            # pure=False: a re-submitted identical batch (a re-run) is computed, not looked up.
            window.append((batch, self.client.submit(extract_on_worker, batch, self.model, pure=False)))
            if len(window) >= limit:
                yield from self._collect(*window.popleft())
        while window:
            yield from self._collect(*window.popleft())

    @staticmethod
    def _collect(batch: list[tuple[Article, str]], future) -> list[Processed]:
        """The batch's results in order; a batch that failed for good is an error per article."""
        try:
            return future.result()
        except Exception as error:  # KilledWorker after the scheduler's retries, a broken worker
            reason = f"extraction failed: {type(error).__name__}: {error}"
            return [Processed(article, digest, error=reason) for article, digest in batch]
        finally:
            future.release()


@contextlib.contextmanager
def dask_extractor(workers: int = 2, scheduler: str | None = None, model: str | None = None,
                   task_articles: int = TASK_ARTICLES) -> Iterator[DaskExtractor]:
    """A DaskExtractor on an existing cluster (``scheduler`` address) or a LocalCluster of ``workers``
    single-threaded processes on this machine, closed on exit.  Every worker gets the pipeline
    ``model`` (default: the driver's ``QUOTES_SPACY_MODEL``)."""
    with contextlib.ExitStack() as stack:
        if scheduler:
            client = stack.enter_context(Client(scheduler))
        else:
            # One thread per process: spaCy's parse holds the GIL, so threads would not add throughput.
            # The workers' sampling profiler walks spaCy's deep stacks every 10 ms: off, it saved 8% of
            # the workers' CPU time (80 articles: 9.6 s -> 8.8 s).
            with dask.config.set(WORKER_CONFIG):
                cluster = stack.enter_context(LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                    dashboard_address=None))
            client = stack.enter_context(Client(cluster))
        yield DaskExtractor(client, model, task_articles)
