"""The plain records the extractor hands downstream: :class:`Mention` and :class:`Person`.

Everything after the ``quotes`` component works on these dataclasses, never on spaCy objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field


METHODS = ("explicit", "pronoun", "role", "continuation", "headline", "according-to", "cluster", "none")


@dataclass
class Mention:
    """One direct quotation as printed in one article."""

    start: int  # offsets into the text the doc was made from, without the marks
    end: int
    text: str
    speaker: str | None = None  # fullest name the article gives the person; None if unknown or not a person
    speaker_mention: str | None = None  # as printed where attributed: "he", "Ms. Varga", "the council"
    speaker_role: str | None = None  # role the article gives that person: "Transport Secretary"
    cue: str | None = None  # the cue verb as printed: "said", "told", "according to"
    method: str = "none"  # one of METHODS
    partial: bool = False  # a fragment embedded in the reporter's own sentence
    confidence: float = 0.0


@dataclass
class Person:
    """A person the article names, with every way it names them."""

    name: str  # fullest form: "Lena K. Varga"
    aliases: list[str] = field(default_factory=list)  # "Ms. Varga", "Varga", "Transport Secretary Lena K. Varga"
    roles: list[str] = field(default_factory=list)  # "Transport Secretary", "the ministry chief"
