"""The curated speaker registry: a user-edited YAML file that overrides automatic merging.

The file is named by the ``QUOTES_SPEAKER_REGISTRY`` setting (or ``--registry``) and read again
on every run; :func:`quotes.speakers.resolve_speakers` applies it (how a person matches an entry
is described there). Format (see ``datasette_config/speakers.example.yml``)::

    speakers:                      # list of curated people
      - name: William Smith        # required: the canonical name to show
        id: william-smith          # optional stable id (default: slug of name)
        wikidata_id: Q123456       # optional Wikidata item
        description: Mayor of Springfield   # optional; replaces the most reported role
        aliases: [Bill Smith, Mayor Smith]  # optional: other names meaning this person
    not_speakers: [Hezbollah]      # optional: names that are never a person

A name or alias may belong to one entry only; a bad file raises :class:`RegistryError`
naming the file and the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .personnames import normal_text, parse_name, slugify
from .speakers import Speaker


@dataclass
class Registry:
    """Curated speakers from a user-edited YAML file (format in the module docstring)."""

    speakers: list[Speaker] = field(default_factory=list)
    not_speakers: list[str] = field(default_factory=list)
    path: str | None = None


class RegistryError(ValueError):
    """The registry file is missing or invalid; the message names the file and the reason."""


# What a registry file may hold: top-level keys, keys of one entry, and the shape of ids.
_REGISTRY_KEYS = {"speakers", "not_speakers"}
_ENTRY_KEYS = {"name", "id", "wikidata_id", "aliases", "description"}
_ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_WIKIDATA_RE = re.compile(r"^Q[1-9][0-9]*$")


def load_registry(path: str | Path | None) -> Registry | None:
    """Read the curated registry YAML at ``path``; None when no path is set.

    Raises :class:`RegistryError` naming the file and the reason when it is missing or invalid.

    >>> load_registry(None) is None
    True
    """
    if path is None or str(path) == "":
        return None
    path = Path(path)

    def fail(reason: str) -> RegistryError:
        return RegistryError(f"speaker registry {path}: {reason}")

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise fail("file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise fail(f"cannot read it ({error})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise fail(f"not valid YAML ({' '.join(str(error).split())})") from None
    if data is None:
        return Registry(path=str(path))  # an empty file is an empty registry
    if not isinstance(data, dict):
        raise fail("expected a mapping with a 'speakers' list at the top level")
    unknown = set(data) - _REGISTRY_KEYS
    if unknown:
        raise fail(f"unknown top-level key(s) {sorted(map(str, unknown))}; expected {sorted(_REGISTRY_KEYS)}")
    entries = data.get("speakers") or []
    if not isinstance(entries, list):
        raise fail("'speakers' must be a list of entries")
    not_speakers = data.get("not_speakers") or []
    if not isinstance(not_speakers, list) or not all(isinstance(n, str) and n.strip() for n in not_speakers):
        raise fail("'not_speakers' must be a list of names")
    speakers: list[Speaker] = []
    owner_of: dict[str, str] = {}  # normalised name/alias -> entry name, to catch duplicates
    ids: dict[str, str] = {}
    for number, entry in enumerate(entries, 1):
        where = f"speakers entry {number}"
        if not isinstance(entry, dict):
            raise fail(f"{where}: expected a mapping with at least 'name'")
        unknown = set(entry) - _ENTRY_KEYS
        if unknown:
            raise fail(f"{where}: unknown key(s) {sorted(map(str, unknown))}; expected {sorted(_ENTRY_KEYS)}")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise fail(f"{where}: 'name' is required and must be text")
        name = " ".join(name.split())
        where = f"speakers entry {number} ({name!r})"
        if parse_name(name) is None:
            raise fail(f"{where}: 'name' is not a person's name")
        aliases = entry.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise fail(f"{where}: 'aliases' must be a list of names")
        aliases = [" ".join(a.split()) for a in aliases]
        speaker_id = entry.get("id")
        if speaker_id is None:
            speaker_id = slugify(name)
        elif not isinstance(speaker_id, str) or not _ID_RE.match(speaker_id):
            raise fail(f"{where}: 'id' must be lower-case letters, digits and hyphens, like 'mark-esper'")
        if speaker_id in ids:
            raise fail(f"{where}: id {speaker_id!r} is also used by {ids[speaker_id]!r}")
        ids[speaker_id] = name
        wikidata_id = entry.get("wikidata_id")
        if wikidata_id is not None and not (isinstance(wikidata_id, str) and _WIKIDATA_RE.match(wikidata_id)):
            raise fail(f"{where}: 'wikidata_id' must look like Q12345, got {wikidata_id!r}")
        description = entry.get("description")
        if description is not None and not isinstance(description, str):
            raise fail(f"{where}: 'description' must be text")
        for form in {normal_text(f) for f in [name, *aliases]}:
            if form in owner_of:
                raise fail(f"{where}: {form!r} is also listed under {owner_of[form]!r}; "
                           "a name can mean only one person")
            owner_of[form] = name
        speakers.append(Speaker(speaker_id, name, wikidata_id, aliases, description))
    return Registry(speakers, [" ".join(n.split()) for n in not_speakers], str(path))
