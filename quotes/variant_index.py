"""The index of the quotes seen so far: their stored variants and what is known of each quote.

A :class:`VariantIndex` holds "units" (a mention's whole normalized text and, for a mention of
several sentences, each sentence) in parallel lists, with the quote each belongs to; postings
from index keys (content words, word bigrams) to units; exact normalized texts; per quote its
member count, speakers and first and last day (:class:`IndexedQuote`); the mentions held; and
each speaker's recent units and short fragments.  It records a mention in a quote
(:meth:`VariantIndex.hold`), forgets one (:meth:`VariantIndex.remove`), loads stored mentions
(:meth:`VariantIndex.load_existing`) and moves a tail to a new quote
(:meth:`VariantIndex.rehome_tail`).  It decides nothing: which quote a mention joins is
:mod:`quotes.matching` (the rules) and :mod:`quotes.cluster` (the decision);
:mod:`quotes.index_store` keeps these containers in SQLite.

Example::

    >>> index = VariantIndex()
    >>> quote_id = index.new_quote_id("a:1-9")
    >>> tokens = words("We will win.")
    >>> index.hold(MentionText("a:1-9", "We will win.", "doe"), quote_id, [(quote_id, " ".join(tokens), tokens, PLAIN)])
    >>> index.quote_of("a:1-9") == quote_id, len(index)
    (True, 1)
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from .variants import STOPWORDS, content_count, content_stems, sentences, words

# --- thresholds -------------------------------------------------------------------------------
# What the index keeps, and how much of it.  The matching thresholds are in quotes/matching.py,
# the text measures' own in quotes/variants.py; all are measured on the same data (the header of
# quotes/matching.py says which).

SHORT_MAX_CONTENT = 3
SHORT_MAX_WORDS = 8
"""A short fragment ("strong signals", "for days", "painful"): at most this many content words and
words.  Too common to locate a quote by themselves across articles, it joins only a quote of the
same resolved speaker in the same news cycle whose words contain it in order (quotes/matching.py).  The
partial quotes of the seeds and the invented events with at most 3 content words have 1-6 words
("for days", "all options are on the table", "neither the workers nor the ministers")."""

MAX_SPEAKER_UNITS = 400
MAX_SPEAKER_SHORT = 64
"""Recent indexed units (and short-fragment units) kept per speaker for short-fragment matching:
the work per mention stays bounded whatever the size of the archive (a speaker quoted 400 times
in one news cycle is beyond any real corpus; older units fall out first)."""

MAX_POSTING = 100
"""An index key (content word or word bigram) held by more stored variants than this is a stop
key and no longer used for candidates; this bounds the work per mention (near-linear ingest)."""

MAX_UNITS_PER_QUOTE = 24
"""Distinct variant texts (and their sentences) indexed per quote; further exact repeats and
variants of a very popular quote are members but not indexed again."""

SENTENCE_MIN_WORDS = 3
"""Sentences shorter than this are not matched or indexed on their own."""


@dataclass
class MentionText:
    """What clustering needs to know about a mention."""

    id: str
    text: str
    speaker_key: str | None = None  # speakers.name_key of the article-level speaker
    published: str | None = None  # ISO date (or datetime) of the article
    article_id: str | None = None


def quote_id_for(mention_id: str) -> str:
    """A stable quote id derived from the mention that founded the quote."""
    return "q" + hashlib.sha1(mention_id.encode("utf-8")).hexdigest()[:12]


def day_number(published: str | None) -> int | None:
    """Day number of an ISO date or datetime string, None when absent or unparseable."""
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def index_keys(tokens: list[str]) -> set:
    """Content words and word bigrams: what candidate generation looks up."""
    keys: set = {t for t in tokens if t not in STOPWORDS and len(t) > 2}
    keys.update(zip(tokens, tokens[1:]))
    return keys


def is_short(tokens: list[str]) -> bool:
    """A short fragment: SHORT_MAX_WORDS words at most, 1 to SHORT_MAX_CONTENT of them content words.

    >>> is_short(words("for days")), is_short(words("painful")), is_short(words("we will rebuild the schools the storm destroyed"))
    (True, True, False)
    """
    return 0 < len(tokens) <= SHORT_MAX_WORDS and 1 <= content_count(tokens) <= SHORT_MAX_CONTENT


def sentence_tokens(text: str) -> list[list[str]]:
    """Words of each sentence long enough to be matched on its own."""
    return [t for t in (words(s) for s in sentences(text)) if len(t) >= SENTENCE_MIN_WORDS]


# --- the index ----------------------------------------------------------------------------------

class IndexedQuote:
    """What the index knows of one quote: member count, speakers, dates, indexed units."""

    __slots__ = ("size", "speakers", "first", "last", "units")

    def __init__(self) -> None:
        self.size = 0
        self.speakers: dict[str, int] = {}
        self.first: int | None = None
        self.last: int | None = None
        self.units = 0


# What a stored unit is: a mention's whole text of one sentence or one of its own sentences
# (PLAIN), the whole text of a mention of several sentences (JOINED: it may match as a whole or
# be contained, but does not contain fragments, which go to its sentences), or a sentence of a
# joined mention that matched no quote of its own (TAIL: a fragment that matches only a tail
# founds its own quote, and the joined mention gains a back-link to it).
PLAIN, JOINED, TAIL = 0, 1, 2


class VariantIndex:
    """The stored variants of the quotes seen so far, and what is known of each quote.

    Stored variants ("units": a mention's whole text and, for several sentences, each sentence)
    live in parallel lists; ``postings`` maps index keys (content words, word bigrams) to units.
    :class:`quotes.cluster.QuoteIndex` adds the matching; :class:`quotes.index_store.StoredQuoteIndex`
    puts these containers in SQLite.
    """

    def __init__(self) -> None:
        self.unit_key: list[str] = []  # normalized text
        self.unit_quote: list[str] = []
        self.unit_article: list[str | None] = []
        self.unit_role: list[int] = []  # PLAIN, JOINED or TAIL
        self.unit_refs: list[int] = []  # mentions holding the unit; 0 = removed
        self.tail_owners: dict[int, list[str]] = {}  # TAIL unit -> mentions that printed it
        self.by_key: dict[str, list[int]] = {}  # normalized text -> units
        self.postings: dict[object, list[int]] = {}
        self.stopped: set = set()
        self.quotes: dict[str, IndexedQuote] = {}
        self.mentions: dict[str, tuple[str, str | None, tuple[int, ...]]] = {}
        # speaker key -> its recent units, and its recent short-fragment units (insertion-ordered
        # sets, oldest first): where a short fragment looks for its quote and a fuller quote for
        # the fragments printed before it (SHORT_*).
        self.speaker_units: dict[str, dict[int, None]] = {}
        self.speaker_short: dict[str, dict[int, None]] = {}
        # a one-sentence mention's unit -> the mentions that printed it: the back-links of a fragment
        # printed before the fuller text it belongs to (short fragments of a speaker, and any fragment
        # a fuller text holds; quotes/cluster.py)
        self.fragment_owners: dict[int, list[str]] = {}
        self.short_stems: dict[int, frozenset[str]] = {}  # short-fragment unit -> its content stems

    def __len__(self) -> int:
        return len(self.mentions)

    def quote_of(self, mention_id: str) -> str | None:
        """The primary quote of a mention held by the index."""
        held = self.mentions.get(mention_id)
        return held[0] if held else None

    # -- bookkeeping --

    def _add_unit(self, quote_id: str, key: str, tokens: list[str], role: int, mention: MentionText) -> int | None:
        for unit in self.by_key.get(key, ()):
            if self.unit_quote[unit] == quote_id and (self.unit_role[unit] == TAIL) == (role == TAIL):
                if self.unit_refs[unit] == 0:
                    self.quotes[quote_id].units += 1
                self.unit_refs[unit] += 1
                if role == TAIL:
                    self.tail_owners.setdefault(unit, []).append(mention.id)
                return unit
        quote = self.quotes[quote_id]
        if quote.units >= MAX_UNITS_PER_QUOTE:
            return None
        quote.units += 1
        unit = len(self.unit_key)
        self.unit_key.append(key)
        self.unit_quote.append(quote_id)
        self.unit_article.append(mention.article_id)
        self.unit_role.append(role)
        self.unit_refs.append(1)
        if role == TAIL:
            self.tail_owners[unit] = [mention.id]
        same_key = self.by_key.setdefault(key, [])
        if len(same_key) < MAX_POSTING:  # a stock line of many speakers ("Thank you") stays cheap
            same_key.append(unit)
        for k in index_keys(tokens):
            if k in self.stopped:
                continue
            posting = self.postings.get(k)
            if posting is None:
                self.postings[k] = [unit]
            elif len(posting) >= MAX_POSTING:
                del self.postings[k]
                self.stopped.add(k)
            else:
                posting.append(unit)
        return unit

    def hold(self, mention: MentionText, quote_id: str, parts: list[tuple[str, str, list[str], int]]) -> None:
        """Record ``mention`` in ``quote_id``; parts are (quote_id, key, tokens, role) to index."""
        quote = self.quotes.get(quote_id)
        if quote is None:
            quote = self.quotes[quote_id] = IndexedQuote()
        quote.size += 1
        if mention.speaker_key:
            quote.speakers[mention.speaker_key] = quote.speakers.get(mention.speaker_key, 0) + 1
        day = day_number(mention.published)
        if day is not None:
            quote.first = day if quote.first is None else min(quote.first, day)
            quote.last = day if quote.last is None else max(quote.last, day)
        units = []
        for part_quote, key, tokens, role in parts:
            if part_quote in self.quotes:
                unit = self._add_unit(part_quote, key, tokens, role, mention)
                if unit is not None:
                    units.append(unit)
                    # the mention's whole text: one sentence, or a short fragment of a known speaker
                    short = bool(mention.speaker_key) and len(units) == 1 and is_short(tokens)
                    if short or (len(parts) == 1 and role == PLAIN):
                        owners = self.fragment_owners.setdefault(unit, [])
                        if mention.id not in owners:
                            owners.append(mention.id)
                    if mention.speaker_key:
                        self._remember(self.speaker_units, mention.speaker_key, unit, MAX_SPEAKER_UNITS)
                        if short:
                            self._remember(self.speaker_short, mention.speaker_key, unit, MAX_SPEAKER_SHORT)
                            self.short_stems[unit] = frozenset(content_stems(tokens))
        self.mentions[mention.id] = (quote_id, mention.speaker_key, tuple(units))

    @staticmethod
    def _remember(recent: dict[str, dict[int, None]], speaker: str, unit: int, limit: int) -> None:
        """Put ``unit`` last in the speaker's recent units, dropping the oldest beyond ``limit``."""
        units = recent.setdefault(speaker, {})
        units.pop(unit, None)
        units[unit] = None
        if len(units) > limit:
            del units[next(iter(units))]

    def add_existing(self, quote_id: str, mention: MentionText) -> None:
        """Load a stored mention of a stored quote (at ingest start; no matching is done).

        A stored mention of several sentences is indexed with the sentences that other mentions
        of its quote print (as loaded so far: see :meth:`load_existing`) as the quote's own and
        the others as tails; when none is, its first sentence is the quote's own.  (Its other
        links are not known here.)
        """
        if mention.id in self.mentions:
            self.remove(mention.id)
        if quote_id not in self.quotes:
            self.quotes[quote_id] = IndexedQuote()
        tokens = words(mention.text)
        pieces = sentence_tokens(mention.text)
        parts = [(quote_id, " ".join(tokens), tokens, JOINED if len(pieces) > 1 else PLAIN)]
        if len(pieces) > 1:
            owned = [self._prints(quote_id, " ".join(t)) for t in pieces]
            if not any(owned):
                owned[0] = True
            parts.extend((quote_id, " ".join(t), t, PLAIN if own else TAIL) for t, own in zip(pieces, owned))
        self.hold(mention, quote_id, parts)

    def load_existing(self, stored: Iterable[tuple[str, MentionText]]) -> None:
        """Load stored (quote id, mention) pairs: mentions of one sentence first, so that a joined
        mention's sentences are known as its quote's own or not when it is loaded."""
        joined = []
        for quote_id, mention in stored:
            if len(sentence_tokens(mention.text)) > 1:
                joined.append((quote_id, mention))
            else:
                self.add_existing(quote_id, mention)
        for quote_id, mention in joined:
            self.add_existing(quote_id, mention)

    def _prints(self, quote_id: str, key: str) -> bool:
        """Whether a held, non-tail unit of ``quote_id`` has exactly these words."""
        return any(self.unit_quote[u] == quote_id and self.unit_role[u] != TAIL and self.unit_refs[u]
                   for u in self.by_key.get(key, ()))

    def remove(self, mention_id: str) -> None:
        """Forget a mention (its article changed); empty quotes disappear."""
        held = self.mentions.pop(mention_id, None)
        if held is None:
            return
        quote_id, speaker_key, units = held
        for unit in units:
            self.unit_refs[unit] -= 1
            for owners in (self.tail_owners.get(unit), self.fragment_owners.get(unit)):
                if owners and mention_id in owners:
                    owners.remove(mention_id)
            if self.unit_refs[unit] == 0:
                self.tail_owners.pop(unit, None)
                self.fragment_owners.pop(unit, None)
                self.short_stems.pop(unit, None)
                owner = self.quotes.get(self.unit_quote[unit])
                if owner is not None:
                    owner.units -= 1
        quote = self.quotes[quote_id]
        quote.size -= 1
        if speaker_key:
            quote.speakers[speaker_key] -= 1
            if not quote.speakers[speaker_key]:
                del quote.speakers[speaker_key]
        if quote.size == 0:
            del self.quotes[quote_id]

    def new_quote_id(self, mention_id: str) -> str:
        """quote_id_for(mention_id), unless a re-ingested founder's quote lives on in other mentions."""
        quote_id, suffix = quote_id_for(mention_id), 1
        while quote_id in self.quotes:
            suffix += 1
            quote_id = quote_id_for(f"{mention_id}#{suffix}")
        self.quotes[quote_id] = IndexedQuote()
        return quote_id

    def rehome_tail(self, unit: int, quote_id: str, score: float) -> list[tuple[str, str, float]]:
        """Move a tail unit to the quote just founded from it; its mentions gain a link there."""
        old = self.quotes.get(self.unit_quote[unit])
        if old is not None and self.unit_refs[unit]:
            old.units -= 1
        self.unit_quote[unit] = quote_id
        self.unit_role[unit] = PLAIN
        if self.unit_refs[unit]:
            self.quotes[quote_id].units += 1
        owners = self.tail_owners.pop(unit, [])
        return [(owner, quote_id, score) for owner in owners]

