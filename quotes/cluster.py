"""Group mentions of the same spoken words across outlets into quotes.

A :class:`QuoteIndex` holds the quotes seen so far and assigns each new mention
to an existing quote or a new one, so ingest is incremental (no rebuild).

How a mention is matched, cheapest evidence first:

1. exact: the same normalized words (case, punctuation, quote-mark style ignored);
2. candidates: quotes sharing content words or word bigrams with the mention, found
   through an inverted index whose over-common keys are dropped (blocking), so a
   mention is compared with at most ``MAX_CANDIDATES`` stored variants, never all;
3. each candidate is judged as a near-duplicate (typos, edits, punctuation), a
   containment (fragment or truncation of a fuller variant, or a fuller version of a
   stored fragment; short echo fragments only within one article) or a rewording
   (translation, paraphrase), where agreement of speaker and date strengthens the
   link and disagreement weakens it;
4. a mention of several sentences is also matched sentence by sentence, so a quote
   that joins two sentences printed separately elsewhere links to both quotes; it joins
   the quote of its first matched sentence even when an earlier sentence is new;
5. a short fragment ("strong signals", "for days") joins only a quote of the same
   resolved speaker in the same news cycle whose words hold it in order (SHORT_*), and a
   fuller quote printed after such fragments links to them.

The text measures behind each kind of evidence (words, sentences, near-duplicate, containment,
rewording scores) are :mod:`quotes.variants`; this module decides with them which quote a
mention joins.

Example::

    >>> index = QuoteIndex()
    >>> index.assign(MentionText("a:1-9", "We will win.", "doe")).quote_id == \\
    ...     index.assign(MentionText("b:5-13", "we will WIN", "doe")).quote_id
    True
"""

from __future__ import annotations

import hashlib
import heapq
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from itertools import chain
from typing import Iterable

from .variants import (CONTAIN_MIN, NEAR_DUP_MIN, STOPWORDS, anchor_stems, containment, content_count, content_stems,
                       ellipsis_pieces, in_order, near_score, reword_evidence, sentences, words)

# --- thresholds -------------------------------------------------------------------------------
# The text measures' own thresholds (NEAR_DUP_MIN, CONTAIN_MIN, ...) are beside them in quotes/variants.py.
# Measured on the own labelled pairs in tests/test_cluster.py (VARIANTS: 10 variant pairs,
# DIFFERENT: 7 pairs of different sentences by one speaker, several templated on purpose;
# SHORT_FRAGMENTS: 5 fragments of one quote; REWORDED: 3 and NEIGHBOURS: 4 pairs of one speaker),
# on all 595 pairs of the 35 seed gold quotes (../shared/gold/seeds.gold.jsonl) and on the
# invented events of tests/data/events (75 quotes, gold clusters).

FRAGMENT_MIN_WORDS = 3
FRAGMENT_MIN_CONTENT = 2
"""Across articles a fragment joins a fuller quote only with this many words and content
(non-stop) words: the seed fragments that must join have 4-6 words and 2-4 content words;
"going to work" or "since that day" (one content word) are too common to locate a quote.
Shorter fragments join only by exact words or as an echo in the same article."""

SHORT_MAX_CONTENT = 3
SHORT_MAX_WORDS = 8
"""A short fragment ("strong signals", "for days", "painful"): at most this many content words and
words.  Too common to locate a quote by themselves across articles, it joins only a quote of the
same resolved speaker in the same news cycle whose words contain it in order (SHORT_SPREAD).  The
partial quotes of the seeds and the invented events with at most 3 content words have 1-6 words
("for days", "all options are on the table", "neither the workers nor the ministers")."""

SHORT_MIN = 0.6
"""Share of a short fragment's words (function words too) that must stand in order in the quote's
window: a fragment's function words may differ a little ("neither the workers nor the ministers" in
"not the workers and not the ministers": 0.67), but a stock phrase turned around may not ("all
options are on the table" in "not going to take any option off the table": 0.5, seeds)."""

SHORT_PARTIAL_CONTENT = 2
SHORT_PARTIAL_MAX_WORDS = 5
"""A fragment of at most 5 words, 2 of them content words, that no quote holds in order still joins
the one quote of its speaker in the news cycle that holds one of the two, in any order (a reporter's
paraphrase around the quoted words: seeds, "good confidence" for a quote with "good indication"
and "certainty"; own, "grew too quickly" for "we grew too fast"); when no quote or several quotes
of the speaker do, it stays apart.  Longer or fuller short sentences share topic words with their
neighbours ("The harbour will reopen on Monday." / "The harbour workers will be paid on Monday.",
"Nobody in this government is above the law." / "This government will change the law.": own
pairs that this rule joined with 3 content words or 8 words allowed) and need the in-order rule.
A quote holding all of them is judged by SHORT_MIN alone ("all options are on the table" is not
"not going to take any option off the table"); a one-word fragment needs its word."""

SHORT_CYCLE_DAYS = 3
"""A news cycle: a short fragment joins a quote of its speaker printed at most this many days
before or after it (reports of one event run over two or three days; an undated side counts as
the same cycle)."""

SHORT_SPREAD = 2
"""A short fragment's words must stand in order in the quote within a window of at most this many
times its length (+1): "for days" in "for some days" (3 words for 2), "strong signals" in "strong
and clear signals" (4 for 2).  An ellipsis in the fragment splits it into pieces each matched
this way, in order, with any gap between them."""

MAX_SPEAKER_UNITS = 400
MAX_SPEAKER_SHORT = 64
"""Recent indexed units (and short-fragment units) kept per speaker for short-fragment matching:
the work per mention stays bounded whatever the size of the archive (a speaker quoted 400 times
in one news cycle is beyond any real corpus; older units fall out first)."""

ECHO_MIN_WORDS = 2
"""Within one article a reporter may echo a short piece of a quote printed before or after
(Why "since that day"?); a contained fragment of this many words joins that quote (seeds: a
two-word echo)."""

REWORD_MIN = 0.55
"""Rewording/translation score (mean of word-order LCS Dice and content-weighted word Dice),
after the speaker and date adjustments below: 0.45 for the same speaker within a week.
Variants: seeds 0.51-0.62, own 0.62-0.76.  Different sentences of one speaker: seeds <= 0.375,
own <= 0.58, which REWORD_MIN_SHARED rejects."""

REWORD_MIN_SHARED = 3
"""Content words (stemmed) a rewording must keep.  Variants: seeds 3-4 (shoot/fire "at our bases",
kill, Americans, away), own 3-5 (ceasefire/truce "must hold … respect": hold, side, respect).
Different sentences: own <= 2 (the templated pairs at rewording score 0.52-0.58), seeds of one
speaker <= 2."""

SPEAKER_AGREE_BONUS = 0.05
"""Added to a rewording's score when the speaker agrees: the same person, same topic, in
different words is the typical translated/paraphrased variant."""

SPEAKER_CONFLICT_PENALTY = 0.15
"""Subtracted from a rewording's score when both speakers are known and differ: it then needs
0.65 within a week (instead of 0.45), the strength of a close paraphrase (own pairs 0.64-0.76):
disagreement weakens the link without forbidding it."""

CONFLICT_MIN_WORDS = 10
"""Exact, near-duplicate or contained text with conflicting known speakers joins only when this
long: a shared short sentence ("We will not back down.") is different people's words, a long
identical passage is one utterance with a misattribution, which the store flags as a conflict."""

TIME_NEAR_DAYS = 7
TIME_NEAR_BONUS = 0.05
TIME_FAR_DAYS = 365
TIME_FAR_PENALTY = 0.1
"""Rewordings printed within a week of the quote gain a little; a year apart, lose some."""

MAX_POSTING = 100
"""An index key (content word or word bigram) held by more stored variants than this is a stop
key and no longer used for candidates; this bounds the work per mention (near-linear ingest)."""

MAX_CANDIDATES = 12
"""Stored variants (with the most shared keys; among equals the newest) judged per mention or sentence."""

MIN_SHARED_KEYS = 2
"""A candidate must share this many index keys with a text of more than three keys: one shared
bigram or word cannot make a rewording (>= 0.45) or a fragment of >= 3 words (>= 3 keys)."""

SURE_NEAR = 0.95
"""A near-duplicate this close ends the candidate scan (the rest share fewer keys)."""

MAX_UNITS_PER_QUOTE = 24
"""Distinct variant texts (and their sentences) indexed per quote; further exact repeats and
variants of a very popular quote are members but not indexed again."""

SENTENCE_MIN_WORDS = 3
"""Sentences shorter than this are not matched or indexed on their own."""

EXACT, NEAR, CONTAIN, ECHO, SHORT, REWORD = "exact", "near", "contain", "echo", "short", "reword"
KIND_RANK = {EXACT: 4, NEAR: 3, CONTAIN: 2, ECHO: 2, SHORT: 2, REWORD: 1}
"""Stronger evidence wins over a higher score of weaker evidence."""


@dataclass
class MentionText:
    """What clustering needs to know about a mention."""

    id: str
    text: str
    speaker_key: str | None = None  # speakers.name_key of the article-level speaker
    published: str | None = None  # ISO date (or datetime) of the article
    article_id: str | None = None


@dataclass
class Assignment:
    """Where a mention went: its primary quote and every quote it renders.

    ``kind`` says what evidence joined the primary quote: "new", "exact", "near",
    "contain", "echo" or "reword".  ``backlinks`` are secondary links for mentions stored
    earlier: a joined mention whose extra sentence had no quote of its own until this one.
    """

    quote_id: str
    similarity: float  # to the primary quote's best matching variant, 0..1
    links: list[tuple[str, float]] = field(default_factory=list)  # (quote_id, similarity), primary first
    new_quote: bool = False
    kind: str = "new"
    # (earlier mention_id, quote_id, similarity): links the store adds to mentions printed before
    backlinks: list[tuple[str, str, float]] = field(default_factory=list)


def quote_id_for(mention_id: str) -> str:
    """A stable quote id derived from the mention that founded the quote."""
    return "q" + hashlib.sha1(mention_id.encode("utf-8")).hexdigest()[:12]


def _day(published: str | None) -> int | None:
    """Day number of an ISO date or datetime string, None when absent or unparseable."""
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def _index_keys(tokens: list[str]) -> set:
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


# --- the index ----------------------------------------------------------------------------------

class _Quote:
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


@dataclass
class _Match:
    quote_id: str
    kind: str
    score: float  # raw evidence, 0..1
    rank: tuple  # for choosing among candidates
    unit: int
    tail: bool = False


class QuoteIndex:
    """Quotes seen so far, for incremental assignment.

    Stored variants ("units": a mention's whole text and, for several sentences, each sentence)
    live in parallel lists; ``postings`` maps index keys (content words, word bigrams) to units.

    >>> index = QuoteIndex()
    >>> first = index.assign(MentionText("a:0-40", "All options are on the table as we work with partners."))
    >>> index.assign(MentionText("b:0-20", "all options are on the table")).quote_id == first.quote_id
    True
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
        self.quotes: dict[str, _Quote] = {}
        self.mentions: dict[str, tuple[str, str | None, tuple[int, ...]]] = {}
        # speaker key -> its recent units, and its recent short-fragment units (insertion-ordered
        # sets, oldest first): where a short fragment looks for its quote and a fuller quote for
        # the fragments printed before it (SHORT_*).
        self.speaker_units: dict[str, dict[int, None]] = {}
        self.speaker_short: dict[str, dict[int, None]] = {}
        self.short_owners: dict[int, list[str]] = {}  # short-fragment unit -> mentions that printed it
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
        for k in _index_keys(tokens):
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

    def _hold(self, mention: MentionText, quote_id: str, parts: list[tuple[str, str, list[str], int]]) -> None:
        """Record ``mention`` in ``quote_id``; parts are (quote_id, key, tokens, role) to index."""
        quote = self.quotes.get(quote_id)
        if quote is None:
            quote = self.quotes[quote_id] = _Quote()
        quote.size += 1
        if mention.speaker_key:
            quote.speakers[mention.speaker_key] = quote.speakers.get(mention.speaker_key, 0) + 1
        day = _day(mention.published)
        if day is not None:
            quote.first = day if quote.first is None else min(quote.first, day)
            quote.last = day if quote.last is None else max(quote.last, day)
        units = []
        for part_quote, key, tokens, role in parts:
            if part_quote in self.quotes:
                unit = self._add_unit(part_quote, key, tokens, role, mention)
                if unit is not None:
                    units.append(unit)
                    if mention.speaker_key:
                        self._remember(self.speaker_units, mention.speaker_key, unit, MAX_SPEAKER_UNITS)
                        if len(units) == 1 and is_short(tokens):  # the mention's whole text is short
                            self._remember(self.speaker_short, mention.speaker_key, unit, MAX_SPEAKER_SHORT)
                            self.short_owners.setdefault(unit, []).append(mention.id)
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
            self.quotes[quote_id] = _Quote()
        tokens = words(mention.text)
        pieces = _sentence_tokens(mention.text)
        parts = [(quote_id, " ".join(tokens), tokens, JOINED if len(pieces) > 1 else PLAIN)]
        if len(pieces) > 1:
            owned = [self._prints(quote_id, " ".join(t)) for t in pieces]
            if not any(owned):
                owned[0] = True
            parts.extend((quote_id, " ".join(t), t, PLAIN if own else TAIL) for t, own in zip(pieces, owned))
        self._hold(mention, quote_id, parts)

    def load_existing(self, stored: Iterable[tuple[str, MentionText]]) -> None:
        """Load stored (quote id, mention) pairs: mentions of one sentence first, so that a joined
        mention's sentences are known as its quote's own or not when it is loaded."""
        joined = []
        for quote_id, mention in stored:
            if len(_sentence_tokens(mention.text)) > 1:
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
            for owners in (self.tail_owners.get(unit), self.short_owners.get(unit)):
                if owners and mention_id in owners:
                    owners.remove(mention_id)
            if self.unit_refs[unit] == 0:
                self.tail_owners.pop(unit, None)
                self.short_owners.pop(unit, None)
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

    # -- matching --

    def _judge(self, mention: MentionText, tokens: list[str], key: str, unit: int, day: int | None,
               joined: bool, shared_keys: int = 1 << 30) -> _Match | None:
        """Whether stored unit ``unit`` is a variant of the text (tokens, key); None if not.

        ``joined``: the text is a mention's whole text of several sentences.  A JOINED unit is
        compared as a whole only with such texts; single sentences meet its sentence units.
        """
        quote_id = self.unit_quote[unit]
        quote = self.quotes.get(quote_id)
        if quote is None:
            return None
        role = self.unit_role[unit]
        other_key = self.unit_key[unit]
        other = other_key.split()
        speaker = mention.speaker_key
        agree = bool(speaker) and speaker in quote.speakers
        conflict = bool(speaker) and bool(quote.speakers) and not agree
        same_article = mention.article_id is not None and mention.article_id == self.unit_article[unit]
        kind, score = None, 0.0
        if role == JOINED and not joined and not same_article:
            return None
        if key == other_key:
            kind, score = EXACT, 1.0
        else:
            near = near_score(key, other_key)
            if near >= NEAR_DUP_MIN and (joined or role != JOINED):
                kind, score = NEAR, near
            else:
                short, long = (tokens, other) if len(tokens) <= len(other) else (other, tokens)
                cont = containment(short, long)
                if cont >= CONTAIN_MIN:
                    if len(short) >= FRAGMENT_MIN_WORDS and content_count(short) >= FRAGMENT_MIN_CONTENT:
                        if not (role == JOINED and long is other):  # fragments go to its sentences
                            kind, score = CONTAIN, cont
                    elif same_article and len(short) >= ECHO_MIN_WORDS:
                        kind, score = ECHO, cont
        if kind is not None:
            if conflict and min(len(tokens), len(other)) < CONFLICT_MIN_WORDS:
                return None
        elif role != JOINED and shared_keys >= REWORD_MIN_SHARED:  # each shared content word is a key
            score, shared = reword_evidence(tokens, other)
            if shared < REWORD_MIN_SHARED:
                return None
            adjusted = score
            if agree:
                adjusted += SPEAKER_AGREE_BONUS
            elif conflict:
                adjusted -= SPEAKER_CONFLICT_PENALTY
            if day is not None and quote.first is not None:
                gap = max(quote.first - day, day - quote.last, 0)
                if gap <= TIME_NEAR_DAYS:
                    adjusted += TIME_NEAR_BONUS
                elif gap > TIME_FAR_DAYS:
                    adjusted -= TIME_FAR_PENALTY
            if adjusted < REWORD_MIN:
                return None
            kind = REWORD
        else:
            return None
        tail = role == TAIL and kind != ECHO  # an echo in the article stays with what it echoes
        rank = (not tail, KIND_RANK[kind], agree, same_article, round(score, 6), quote.size, -unit)
        return _Match(quote_id, kind, score, rank, unit, tail)

    def _best(self, mention: MentionText, tokens: list[str], key: str, day: int | None,
              joined: bool = False) -> list[_Match]:
        """Accepted stored variants for one text, best first: exact key, else blocked candidates."""
        found = [m for unit in self.by_key.get(key, ()) if self.unit_refs[unit]
                 if (m := self._judge(mention, tokens, key, unit, day, joined)) is not None]
        if not any(not m.tail for m in found):
            keys = _index_keys(tokens)
            postings = self.postings
            counts = Counter(chain.from_iterable(postings[k] for k in keys if k in postings))
            seen = {m.unit for m in found}
            least = 1 if len(keys) <= MIN_SHARED_KEYS + 1 else MIN_SHARED_KEYS
            # Ties go to the newest variants (the article's own, the current news): most_common
            # alone keeps first-counted order, which follows the hash order of the string keys.
            for unit, shared in heapq.nlargest(MAX_CANDIDATES, counts.items(), key=lambda c: (c[1], c[0])):
                if shared < least:
                    break
                if self.unit_refs[unit] and unit not in seen:
                    match = self._judge(mention, tokens, key, unit, day, joined, shared)
                    if match is not None:
                        found.append(match)
                        if match.kind == NEAR and match.score >= SURE_NEAR and not match.tail:
                            break  # a near-verbatim copy: further candidates share fewer keys
        return sorted(found, key=lambda m: m.rank, reverse=True)

    def _same_cycle(self, quote: _Quote, day: int | None) -> bool:
        """Whether a quote was printed within SHORT_CYCLE_DAYS of ``day`` (undated: yes)."""
        if day is None or quote.first is None:
            return True
        return max(quote.first - day, day - quote.last, 0) <= SHORT_CYCLE_DAYS

    def _short_match(self, mention: MentionText, pieces: list[list[str]], day: int | None) -> _Match | None:
        """The quote of the same speaker, this news cycle, whose words hold the short fragment in order."""
        best: _Match | None = None
        for unit in self.speaker_units.get(mention.speaker_key or "", ()):
            if not self.unit_refs[unit] or self.unit_role[unit] == JOINED:
                continue  # a joined text's sentences are units of their own
            quote = self.quotes.get(self.unit_quote[unit])
            if quote is None or not self._same_cycle(quote, day):
                continue
            score = in_order(pieces, self.unit_key[unit].split(), SHORT_SPREAD)
            if score >= SHORT_MIN:
                tail = self.unit_role[unit] == TAIL
                rank = (not tail, KIND_RANK[SHORT], True, False, round(score, 6), quote.size, -unit)
                if best is None or rank > best.rank:
                    best = _Match(self.unit_quote[unit], SHORT, score, rank, unit, tail)
        return best

    def _speaker_quotes_holding(self, speaker: str, stems: set[str], need: int, day: int | None,
                                skip: str | None = None) -> dict[str, tuple[int, int]]:
        """Quotes of ``speaker`` in this news cycle with a unit holding ``need`` of ``stems`` but not
        all of them: quote id -> (best unit, stems held).  A quote holding them all is judged by
        the in-order rule alone (SHORT_MIN), which a stock phrase turned around fails."""
        found: dict[str, tuple[int, int]] = {}
        for unit in self.speaker_units.get(speaker, ()):
            quote_id = self.unit_quote[unit]
            if not self.unit_refs[unit] or self.unit_role[unit] == JOINED or quote_id == skip:
                continue
            quote = self.quotes.get(quote_id)
            if quote is None or not self._same_cycle(quote, day):
                continue
            held = len(stems & content_stems(self.unit_key[unit].split()))
            if need <= held < len(stems) and held > found.get(quote_id, (0, 0))[1]:
                found[quote_id] = (unit, held)
        return found

    def _short_partial(self, mention: MentionText, tokens: list[str], day: int | None) -> _Match | None:
        """The one quote of the same speaker, this news cycle, holding half a short fragment's content
        words (in any order) but not all; None when no quote or several do (SHORT_PARTIAL_*)."""
        stems = anchor_stems(tokens)
        if len(stems) != SHORT_PARTIAL_CONTENT or len(tokens) > SHORT_PARTIAL_MAX_WORDS:
            return None
        found = self._speaker_quotes_holding(mention.speaker_key or "", stems, (len(stems) + 1) // 2, day)
        if len(found) != 1:
            return None
        [(quote_id, (unit, held))] = found.items()
        tail = self.unit_role[unit] == TAIL
        score = held / len(stems)
        rank = (not tail, KIND_RANK[SHORT], True, False, round(score, 6), self.quotes[quote_id].size, -unit)
        return _Match(quote_id, SHORT, score, rank, unit, tail)

    def _fragments_held(self, mention: MentionText, tokens: list[str], day: int | None) -> list[_Match]:
        """Quotes founded by short fragments of the same speaker, this news cycle, that this fuller text
        holds: in order (SHORT_MIN), or, for a two-word paraphrase, half of its content words while no
        other quote of the speaker does (SHORT_PARTIAL_*; the reverse of _short_match/_short_partial)."""
        speaker = mention.speaker_key or ""
        own: set[str] | None = None
        found: dict[str, _Match] = {}
        for unit in self.speaker_short.get(speaker, ()):
            quote_id = self.unit_quote[unit]
            quote = self.quotes.get(quote_id)
            if not self.unit_refs[unit] or quote is None or not self._same_cycle(quote, day):
                continue
            if own is None:  # most mentions have no fragment of their speaker in the cycle
                own = content_stems(tokens)
            stems = self.short_stems[unit]
            held = len(stems & own)
            if held == len(stems):
                score = in_order([self.unit_key[unit].split()], tokens, SHORT_SPREAD)
                if score < SHORT_MIN:
                    continue
            elif (len(stems) == SHORT_PARTIAL_CONTENT and len(self.unit_key[unit].split()) <= SHORT_PARTIAL_MAX_WORDS
                  and len(anchor_stems(self.unit_key[unit].split())) == SHORT_PARTIAL_CONTENT
                  and held >= (len(stems) + 1) // 2
                  and not self._speaker_quotes_holding(speaker, set(stems), (len(stems) + 1) // 2, day, skip=quote_id)):
                score = held / len(stems)
            else:
                continue
            rank = (True, KIND_RANK[SHORT], True, False, round(score, 6), quote.size, -unit)
            if quote_id not in found or rank > found[quote_id].rank:
                found[quote_id] = _Match(quote_id, SHORT, score, rank, unit)
        return sorted(found.values(), key=lambda m: m.rank, reverse=True)

    def _quote_of_sentence_holding(self, unit: int, pieces: list[list[str]],
                                   sentence_matches: list[_Match | None]) -> str | None:
        """The quote matched by the sentence of a joined mention whose words hold the fragment ``unit`` in
        order, or None (one sentence, or the sentence holding it matched no quote)."""
        if len(pieces) < 2:
            return None
        fragment = [self.unit_key[unit].split()]
        for toks, match in zip(pieces, sentence_matches):
            if match is not None and in_order(fragment, toks, SHORT_SPREAD) >= SHORT_MIN:
                return match.quote_id
        return None

    def assign(self, mention: MentionText) -> Assignment:
        """Match a new mention against the stored quotes and record it.

        Its primary quote is the whole text's best match, or, when its sentences match, the quote
        of its first sentence that has one (an earlier, new sentence stays attached as a tail);
        every other quote one of its sentences matches is an extra link.  A short fragment with no
        such match looks for its speaker's quote in the news cycle; a fuller text links to the
        quotes its speaker's earlier fragments founded, and their mentions gain a back-link.
        Without any match it founds a new quote; when it matches only an unmatched extra sentence
        (tail) of a joined mention printed earlier, it founds a new quote too and that mention
        gains a back-link (``Assignment.backlinks``); when it joins a quote and also matches such a
        tail, the tail moves to that quote and its mention gains the back-link.
        """
        if mention.id in self.mentions:
            self.remove(mention.id)
        tokens = words(mention.text)
        key = " ".join(tokens)
        day = _day(mention.published)
        pieces = _sentence_tokens(mention.text)
        if not tokens:  # no words (an empty or punctuation-only span): a quote of its own, unindexed
            quote_id = self._new_quote_id(mention.id)
            self._hold(mention, quote_id, [])
            return Assignment(quote_id, 1.0, [(quote_id, 1.0)], new_quote=True, kind="new")
        whole_found = self._best(mention, tokens, key, day, joined=len(pieces) > 1)
        whole = whole_found[0] if whole_found else None
        sentence_matches: list[_Match | None] = []
        if len(pieces) > 1:
            for toks in pieces:
                found = [m for m in self._best(mention, toks, " ".join(toks), day) if not m.tail]
                sentence_matches.append(found[0] if found else None)
        matched = [m for m in sentence_matches if m is not None]
        if len({m.quote_id for m in matched}) > 1:
            primary: _Match | None = matched[0]  # joins several quotes: the first matched sentence's leads
        else:
            found = matched + ([whole] if whole is not None else [])
            primary = max(found, key=lambda m: m.rank) if found else None
        short = mention.speaker_key is not None and is_short(tokens)
        fragments: list[_Match] = []
        if short and (primary is None or primary.tail):
            pieces_ = ellipsis_pieces(mention.text)
            match = self._short_match(mention, pieces_, day) or self._short_partial(mention, tokens, day)
            if match is not None and (primary is None or match.rank > primary.rank):
                primary = match
        elif mention.speaker_key and not short:
            fragments = self._fragments_held(mention, tokens, day)
            if fragments and (primary is None or primary.tail):
                primary = fragments[0]

        backlinks: list[tuple[str, str, float]] = []
        if primary is None or primary.tail:
            quote_id = self._new_quote_id(mention.id)
            links = [(quote_id, 1.0)]
            for m in matched:
                if m.quote_id not in {q for q, _ in links}:
                    links.append((m.quote_id, round(m.score, 4)))
            if primary is not None:  # re-home the tails it matched to the new quote
                tails = {m.unit: m for m in whole_found + [primary] if m.tail}
                for m in tails.values():
                    backlinks.extend(self._rehome_tail(m.unit, quote_id, round(m.score, 4)))
        else:
            quote_id = primary.quote_id
            links = [(quote_id, round(primary.score, 4))]
            for m in matched + fragments:
                if m.quote_id not in {q for q, _ in links}:
                    links.append((m.quote_id, round(m.score, 4)))
            # this sentence is another version of an unmatched sentence (tail) of a joined mention:
            # the tail belongs to this quote, and the joined mention renders it
            tails = [m for m in whole_found if m.tail and m.quote_id != quote_id] if len(pieces) <= 1 else []
            for m in {m.unit: m for m in tails}.values():
                backlinks.extend(self._rehome_tail(m.unit, quote_id, round(m.score, 4)))
            # a short fragment printed before with a quote of its own renders this fuller one too: the
            # quote of the sentence holding it, when this mention joins several ("a handful of people" is
            # in the second sentence of "The door … forever. We will not let a handful of people …")
            for m in fragments:
                target = self._quote_of_sentence_holding(m.unit, pieces, sentence_matches) or quote_id
                if m.quote_id != target:
                    backlinks.extend((owner, target, round(m.score, 4)) for owner in self.short_owners.get(m.unit, ()))
        parts = [(quote_id, key, tokens, JOINED if len(pieces) > 1 else PLAIN)]
        if primary is not None and primary.kind == ECHO and len(pieces) <= 1:
            parts = []  # an echo is not indexed: it would draw the same words in other articles
        if len(pieces) > 1:
            # Unmatched sentences are tails (a later print of one alone founds its own quote, linked
            # back), except the first of a mention that founds its quote or joins it only as a whole.
            own = primary is None or not matched
            for toks, m in zip(pieces, sentence_matches):
                if m is not None:
                    parts.append((m.quote_id, " ".join(toks), toks, PLAIN))
                else:
                    parts.append((quote_id, " ".join(toks), toks, PLAIN if own else TAIL))
                    own = False
        self._hold(mention, quote_id, parts)
        if primary is None or primary.tail:
            return Assignment(quote_id, 1.0, links, new_quote=True, kind="new", backlinks=backlinks)
        return Assignment(quote_id, round(primary.score, 4), links, new_quote=False, kind=primary.kind,
                          backlinks=backlinks)

    def _new_quote_id(self, mention_id: str) -> str:
        """quote_id_for(mention_id), unless a re-ingested founder's quote lives on in other mentions."""
        quote_id, suffix = quote_id_for(mention_id), 1
        while quote_id in self.quotes:
            suffix += 1
            quote_id = quote_id_for(f"{mention_id}#{suffix}")
        self.quotes[quote_id] = _Quote()
        return quote_id

    def _rehome_tail(self, unit: int, quote_id: str, score: float) -> list[tuple[str, str, float]]:
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


def _sentence_tokens(text: str) -> list[list[str]]:
    """Words of each sentence long enough to be matched on its own."""
    return [t for t in (words(s) for s in sentences(text)) if len(t) >= SENTENCE_MIN_WORDS]
