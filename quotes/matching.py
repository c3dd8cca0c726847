"""When a stored variant is the same utterance as a new text: the rules clustering matches by.

Given a :class:`quotes.variant_index.VariantIndex` and a text (a mention's whole text or one of
its sentences), :func:`best_matches` finds the stored variants it renders, best first: the same
normalized words, else candidates sharing content words or word bigrams through the index's
postings (at most ``MAX_CANDIDATES``), each judged (:func:`judge`) as a near-duplicate, a
containment (fragment or truncation, or a fuller version of a stored fragment; short echoes only
within one article) or a rewording, where agreement of speaker and date strengthens the link and
disagreement weakens it.  A short fragment of a known speaker looks for its speaker's quote in
the news cycle (:func:`short_match`, :func:`short_partial`), and a fuller text for the quotes its
speaker's earlier fragments founded (:func:`fragments_held`).

The rules read the index and never change it; which match becomes a mention's quote, and what
is then recorded, is :mod:`quotes.cluster`.  The text measures they judge with (near-duplicate,
containment, rewording scores) are :mod:`quotes.variants`.

Example (the index that :class:`quotes.cluster.QuoteIndex` builds)::

    >>> from quotes.cluster import QuoteIndex
    >>> from quotes.variants import words
    >>> index = QuoteIndex()
    >>> founder = index.assign(MentionText("a:0-40", "All options are on the table as we work with partners."))
    >>> text = words("all options are on the table")
    >>> found = best_matches(index, MentionText("b:0-20", "all options are on the table"), text, " ".join(text), None)
    >>> [(m.quote_id == founder.quote_id, m.kind) for m in found]
    [(True, 'contain')]
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass
from itertools import chain

from .variant_index import JOINED, TAIL, IndexedQuote, MentionText, VariantIndex, index_keys
from .variants import (CONTAIN_MIN, NEAR_DUP_MIN, anchor_stems, containment, content_count, content_stems, in_order,
                       near_score, reword_evidence)

# --- thresholds -------------------------------------------------------------------------------
# The text measures' own thresholds (NEAR_DUP_MIN, CONTAIN_MIN, ...) are beside them in quotes/variants.py,
# what the index keeps (SHORT_MAX_*, MAX_POSTING, ...) in quotes/variant_index.py.
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

MAX_CANDIDATES = 12
"""Stored variants (with the most shared keys; among equals the newest) judged per mention or sentence."""

MIN_SHARED_KEYS = 2
"""A candidate must share this many index keys with a text of more than three keys: one shared
bigram or word cannot make a rewording (>= 0.45) or a fragment of >= 3 words (>= 3 keys)."""

SURE_NEAR = 0.95
"""A near-duplicate this close ends the candidate scan (the rest share fewer keys)."""

EXACT, NEAR, CONTAIN, ECHO, SHORT, REWORD = "exact", "near", "contain", "echo", "short", "reword"
KIND_RANK = {EXACT: 4, NEAR: 3, CONTAIN: 2, ECHO: 2, SHORT: 2, REWORD: 1}
"""Stronger evidence wins over a higher score of weaker evidence."""


@dataclass
class Match:
    """A stored variant accepted as a rendering of the text: its quote, the evidence and its rank."""

    quote_id: str
    kind: str
    score: float  # raw evidence, 0..1
    rank: tuple  # for choosing among candidates
    unit: int
    tail: bool = False


def judge(index: VariantIndex, mention: MentionText, tokens: list[str], key: str, unit: int, day: int | None,
          joined: bool, shared_keys: int = 1 << 30) -> Match | None:
    """Whether stored unit ``unit`` is a variant of the text (tokens, key); None if not.

    ``joined``: the text is a mention's whole text of several sentences.  A JOINED unit is
    compared as a whole only with such texts; single sentences meet its sentence units.
    """
    quote_id = index.unit_quote[unit]
    quote = index.quotes.get(quote_id)
    if quote is None:
        return None
    role = index.unit_role[unit]
    other_key = index.unit_key[unit]
    other = other_key.split()
    speaker = mention.speaker_key
    agree = bool(speaker) and speaker in quote.speakers
    conflict = bool(speaker) and bool(quote.speakers) and not agree
    same_article = mention.article_id is not None and mention.article_id == index.unit_article[unit]
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
                    if not (role == JOINED and long is other) and not (
                            short is other and unit in index.short_stems and fragment_explained(index, quote_id, unit)):
                        # (fragments go to a joined text's sentences; a fragment whose source sentence is
                        # known makes no other sentence that reuses it its source)
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
    return Match(quote_id, kind, score, rank, unit, tail)


def best_matches(index: VariantIndex, mention: MentionText, tokens: list[str], key: str, day: int | None,
                 joined: bool = False) -> list[Match]:
    """Accepted stored variants for one text, best first: exact key, else blocked candidates."""
    found = [m for unit in index.by_key.get(key, ()) if index.unit_refs[unit]
             if (m := judge(index, mention, tokens, key, unit, day, joined)) is not None]
    if not any(not m.tail for m in found):
        keys = index_keys(tokens)
        postings = index.postings
        counts = Counter(chain.from_iterable(postings[k] for k in keys if k in postings))
        seen = {m.unit for m in found}
        least = 1 if len(keys) <= MIN_SHARED_KEYS + 1 else MIN_SHARED_KEYS
        # Ties go to the newest variants (the article's own, the current news): most_common
        # alone keeps first-counted order, which follows the hash order of the string keys.
        for unit, shared in heapq.nlargest(MAX_CANDIDATES, counts.items(), key=lambda c: (c[1], c[0])):
            if shared < least:
                break
            if index.unit_refs[unit] and unit not in seen:
                match = judge(index, mention, tokens, key, unit, day, joined, shared)
                if match is not None:
                    found.append(match)
                    if match.kind == NEAR and match.score >= SURE_NEAR and not match.tail:
                        break  # a near-verbatim copy: further candidates share fewer keys
    return sorted(found, key=lambda m: m.rank, reverse=True)


def same_cycle(quote: IndexedQuote, day: int | None) -> bool:
    """Whether a quote was printed within SHORT_CYCLE_DAYS of ``day`` (undated: yes)."""
    if day is None or quote.first is None:
        return True
    return max(quote.first - day, day - quote.last, 0) <= SHORT_CYCLE_DAYS


def short_match(index: VariantIndex, mention: MentionText, pieces: list[list[str]], day: int | None) -> Match | None:
    """The quote of the same speaker, this news cycle, whose words hold the short fragment in order."""
    best: Match | None = None
    for unit in index.speaker_units.get(mention.speaker_key or "", ()):
        if not index.unit_refs[unit] or index.unit_role[unit] == JOINED:
            continue  # a joined text's sentences are units of their own
        quote = index.quotes.get(index.unit_quote[unit])
        if quote is None or not same_cycle(quote, day):
            continue
        score = in_order(pieces, index.unit_key[unit].split(), SHORT_SPREAD)
        if score >= SHORT_MIN:
            tail = index.unit_role[unit] == TAIL
            rank = (not tail, KIND_RANK[SHORT], True, False, round(score, 6), quote.size, -unit)
            if best is None or rank > best.rank:
                best = Match(index.unit_quote[unit], SHORT, score, rank, unit, tail)
    return best


def speaker_quotes_holding(index: VariantIndex, speaker: str, stems: set[str], need: int, day: int | None,
                           skip: str | None = None) -> dict[str, tuple[int, int]]:
    """Quotes of ``speaker`` in this news cycle with a unit holding ``need`` of ``stems`` but not
    all of them: quote id -> (best unit, stems held).  A quote holding them all is judged by
    the in-order rule alone (SHORT_MIN), which a stock phrase turned around fails."""
    found: dict[str, tuple[int, int]] = {}
    for unit in index.speaker_units.get(speaker, ()):
        quote_id = index.unit_quote[unit]
        if not index.unit_refs[unit] or index.unit_role[unit] == JOINED or quote_id == skip:
            continue
        quote = index.quotes.get(quote_id)
        if quote is None or not same_cycle(quote, day):
            continue
        held = len(stems & content_stems(index.unit_key[unit].split()))
        if need <= held < len(stems) and held > found.get(quote_id, (0, 0))[1]:
            found[quote_id] = (unit, held)
    return found


def short_partial(index: VariantIndex, mention: MentionText, tokens: list[str], day: int | None) -> Match | None:
    """The one quote of the same speaker, this news cycle, holding half a short fragment's content
    words (in any order) but not all; None when no quote or several do (SHORT_PARTIAL_*)."""
    stems = anchor_stems(tokens)
    if len(stems) != SHORT_PARTIAL_CONTENT or len(tokens) > SHORT_PARTIAL_MAX_WORDS:
        return None
    found = speaker_quotes_holding(index, mention.speaker_key or "", stems, (len(stems) + 1) // 2, day)
    if len(found) != 1:
        return None
    [(quote_id, (unit, held))] = found.items()
    tail = index.unit_role[unit] == TAIL
    score = held / len(stems)
    rank = (not tail, KIND_RANK[SHORT], True, False, round(score, 6), index.quotes[quote_id].size, -unit)
    return Match(quote_id, SHORT, score, rank, unit, tail)


def fragments_held(index: VariantIndex, mention: MentionText, tokens: list[str], day: int | None) -> list[Match]:
    """Quotes founded by short fragments of the same speaker, this news cycle, that this fuller text
    holds: in order (SHORT_MIN), or, for a two-word paraphrase, half of its content words while no
    other quote of the speaker does (SHORT_PARTIAL_*; the reverse of short_match/short_partial)."""
    speaker = mention.speaker_key or ""
    own: set[str] | None = None
    found: dict[str, Match] = {}
    for unit in index.speaker_short.get(speaker, ()):
        quote_id = index.unit_quote[unit]
        quote = index.quotes.get(quote_id)
        if not index.unit_refs[unit] or quote is None or not same_cycle(quote, day):
            continue
        if own is None:  # most mentions have no fragment of their speaker in the cycle
            own = content_stems(tokens)
        stems = index.short_stems[unit]
        held = len(stems & own)
        if held == len(stems):
            score = in_order([index.unit_key[unit].split()], tokens, SHORT_SPREAD)
            if score < SHORT_MIN:
                continue
        elif (len(stems) == SHORT_PARTIAL_CONTENT and len(index.unit_key[unit].split()) <= SHORT_PARTIAL_MAX_WORDS
              and len(anchor_stems(index.unit_key[unit].split())) == SHORT_PARTIAL_CONTENT
              and held >= (len(stems) + 1) // 2
              and not speaker_quotes_holding(index, speaker, set(stems), (len(stems) + 1) // 2, day, skip=quote_id)):
            score = held / len(stems)
        else:
            continue
        if fragment_explained(index, quote_id, unit):
            continue
        rank = (True, KIND_RANK[SHORT], True, False, round(score, 6), quote.size, -unit)
        if quote_id not in found or rank > found[quote_id].rank:
            found[quote_id] = Match(quote_id, SHORT, score, rank, unit)
    return sorted(found.values(), key=lambda m: m.rank, reverse=True)


def fragment_explained(index: VariantIndex, quote_id: str, fragment: int) -> bool:
    """True when the quote the short ``fragment`` founded already holds a fuller sentence that holds the
    fragment in order: a headline's "a reset year" has found its source, and another sentence reusing the
    phrase ("Ask me in a reset year whether …") or one of its words is another utterance.  Further
    renderings of the source match the source sentence itself."""
    phrase = [index.unit_key[fragment].split()]
    quote = index.quotes.get(quote_id)
    speakers = quote.speakers if quote is not None else {}
    units = chain.from_iterable(index.speaker_units.get(speaker, ()) for speaker in speakers)
    for unit in units:
        if unit == fragment or index.unit_quote[unit] != quote_id or not index.unit_refs[unit] or \
                index.unit_role[unit] == JOINED or unit in index.short_stems:
            continue
        if in_order(phrase, index.unit_key[unit].split(), SHORT_SPREAD) >= SHORT_MIN:
            return True
    return False


def quote_of_sentence_holding(index: VariantIndex, unit: int, pieces: list[list[str]],
                              sentence_matches: list[Match | None]) -> str | None:
    """The quote matched by the sentence of a joined mention whose words hold the fragment ``unit`` in
    order, or None (one sentence, or the sentence holding it matched no quote)."""
    if len(pieces) < 2:
        return None
    fragment = [index.unit_key[unit].split()]
    for toks, match in zip(pieces, sentence_matches):
        if match is not None and in_order(fragment, toks, SHORT_SPREAD) >= SHORT_MIN:
            return match.quote_id
    return None
