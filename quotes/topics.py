"""Key terms per quote: what a quotation is about, so quotes can be browsed by topic.

textacy's SGRank runs over the quote and the sentence(s) around it (the reporter's
sentence often names the subject the quote only points at: "they" → "Iranian-backed
militia groups"). It runs at extraction time, on the parsed ``Doc`` the extractor
already made, so it costs no second parse (×1.11 of parse + extract CPU on 100 PolNeAR
articles, ``scripts/bench-key-terms``); the store keeps the terms per mention and sums
them per quote.

Example::

    >>> doc = nlp(text)
    >>> mention_terms(doc, doc._.quotes)
    {(12, 80): [('militia group', 0.41), ('rocket attack', 0.22)]}
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Protocol

from spacy.tokens import Doc
from textacy.extract import keyterms

TERMS_PER_MENTION = 6  # SGRank's top terms of one quote + sentence; lower-ranked ones were mostly noise on the seeds
TERMS_PER_QUOTE = 5  # shown on pages and faceted; a quote is rarely about more than a few things
# Named people are the speaker or whom they talk about, found by name search already; dates are not topics.
SKIP_ENTITY_LABELS = {"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY", "MONEY"}


class HasOffsets(Protocol):
    start: int
    end: int


class HasNames(Protocol):
    name: str
    aliases: list[str]
    roles: list[str]


def mention_terms(doc: Doc, mentions: Iterable[HasOffsets],
                  people: Iterable[HasNames] = ()) -> dict[tuple[int, int], list[tuple[str, float]]]:
    """``{(start, end): [(term, score)]}``: SGRank key terms of each mention's quote and its sentence(s).

    Terms with a word of the names and roles the article gives people ("Mayor Elena Marsh",
    "Defense Secretary") are left out: they say who speaks, not what about, and names are
    found by the name search already.
    """
    role_words = {word.lower() for person in people
                  for text in [person.name, *person.aliases, *person.roles] for word in text.split()}
    terms = {}
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        window = doc[span[0].sent.start:span[-1].sent.end]
        skip = role_words | {token.lower_ for ent in window.ents if ent.label_ in SKIP_ENTITY_LABELS for token in ent}
        try:
            ranked = keyterms.sgrank(window.as_doc(), topn=TERMS_PER_MENTION * 2)
        except (ValueError, ZeroDivisionError):  # too few candidate words to rank
            ranked = []
        kept = [(term, round(score, 4)) for term, score in ranked
                if not skip & {word.lower() for word in term.split()}]
        terms[(mention.start, mention.end)] = kept[:TERMS_PER_MENTION]
    return terms


def quote_terms(per_mention: Iterable[list[tuple[str, float]]],
                speaker_names: Iterable[str] = ()) -> list[tuple[str, float]]:
    """A quote's key terms: scores summed over its versions (a term every outlet's sentence has wins).

    Terms with a word of ``speaker_names`` are dropped: an article that names the speaker in a
    way the extractor did not tie to a person ("Mayor Elena Marsh told reporters") still does not
    make the name a topic of the quote.
    """
    skip = {word.lower() for name in speaker_names for word in (name or "").split()}
    totals: dict[str, float] = defaultdict(float)
    spelled: dict[str, str] = {}
    count = 0
    for terms in per_mention:
        count += 1
        for term, score in terms:
            key = term.lower()
            if skip & set(key.split()):
                continue
            totals[key] += score
            spelled.setdefault(key, term)
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:TERMS_PER_QUOTE]
    return [(spelled[key], round(total / max(count, 1), 4)) for key, total in ranked]
