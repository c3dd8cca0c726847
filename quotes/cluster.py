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

The flow's clustering step is three modules, imports running down this list:
:mod:`quotes.variant_index` keeps the stored variants and what is known of each quote (the
bookkeeping, with :class:`MentionText`, what a mention brings); :mod:`quotes.matching` holds the
rules and thresholds that accept a stored variant as the same utterance (steps 1-3 and 5);
this module decides from their matches which quote a mention joins and every quote it renders
(step 4, the primary quote, links and back-links: :class:`Assignment`) and records it.  The
text measures behind each kind of evidence (words, sentences, near-duplicate, containment,
rewording scores) are :mod:`quotes.variants`.

Example::

    >>> index = QuoteIndex()
    >>> index.assign(MentionText("a:1-9", "We will win.", "doe")).quote_id == \\
    ...     index.assign(MentionText("b:5-13", "we will WIN", "doe")).quote_id
    True
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .matching import (CONTAIN, ECHO, Match, best_matches, fragments_held, quote_of_sentence_holding, short_match,
                       short_partial)
from .variant_index import (JOINED, PLAIN, TAIL, MentionText, VariantIndex, day_number, is_short, quote_id_for,
                            sentence_tokens)
from .variants import ellipsis_pieces, words

__all__ = ["Assignment", "MentionText", "QuoteIndex", "quote_id_for"]


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


class QuoteIndex(VariantIndex):
    """Quotes seen so far, for incremental assignment: a :class:`VariantIndex` that matches.

    Stored variants ("units": a mention's whole text and, for several sentences, each sentence)
    live in parallel lists; ``postings`` maps index keys (content words, word bigrams) to units.

    >>> index = QuoteIndex()
    >>> first = index.assign(MentionText("a:0-40", "All options are on the table as we work with partners."))
    >>> index.assign(MentionText("b:0-20", "all options are on the table")).quote_id == first.quote_id
    True
    """

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
        day = day_number(mention.published)
        pieces = sentence_tokens(mention.text)
        if not tokens:  # no words (an empty or punctuation-only span): a quote of its own, unindexed
            quote_id = self.new_quote_id(mention.id)
            self.hold(mention, quote_id, [])
            return Assignment(quote_id, 1.0, [(quote_id, 1.0)], new_quote=True, kind="new")
        whole_found = best_matches(self, mention, tokens, key, day, joined=len(pieces) > 1)
        whole = whole_found[0] if whole_found else None
        sentence_matches: list[Match | None] = []
        if len(pieces) > 1:
            for toks in pieces:
                found = [m for m in best_matches(self, mention, toks, " ".join(toks), day) if not m.tail]
                sentence_matches.append(found[0] if found else None)
        matched = [m for m in sentence_matches if m is not None]
        if len({m.quote_id for m in matched}) > 1:
            primary: Match | None = matched[0]  # joins several quotes: the first matched sentence's leads
        else:
            found = matched + ([whole] if whole is not None else [])
            primary = max(found, key=lambda m: m.rank) if found else None
        short = mention.speaker_key is not None and is_short(tokens)
        fragments: list[Match] = []
        if short and (primary is None or primary.tail):
            pieces_ = ellipsis_pieces(mention.text)
            match = short_match(self, mention, pieces_, day) or short_partial(self, mention, tokens, day)
            if match is not None and (primary is None or match.rank > primary.rank):
                primary = match
        elif mention.speaker_key and not short:
            fragments = fragments_held(self, mention, tokens, day)
            if fragments and (primary is None or primary.tail):
                primary = fragments[0]

        backlinks: list[tuple[str, str, float]] = []
        if primary is None or primary.tail:
            quote_id = self.new_quote_id(mention.id)
            links = [(quote_id, 1.0)]
            for m in matched:
                if m.quote_id not in {q for q, _ in links}:
                    links.append((m.quote_id, round(m.score, 4)))
            if primary is not None:  # re-home the tails it matched to the new quote
                tails = {m.unit: m for m in whole_found + [primary] if m.tail}
                for m in tails.values():
                    backlinks.extend(self.rehome_tail(m.unit, quote_id, round(m.score, 4)))
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
                backlinks.extend(self.rehome_tail(m.unit, quote_id, round(m.score, 4)))
            # a fragment printed before that founded a quote of its own ("a port sold by the metre" in a
            # headline) is part of the utterance this fuller text renders: whichever came first, the
            # fragment and every version of the full sentence are one utterance (ingest order must not
            # decide), so the fuller text links to the fragment's quote and the fragment's mentions
            # gain a link to this one
            for m in whole_found:
                if (m.kind == CONTAIN and not m.tail and m.quote_id != quote_id and self.unit_role[m.unit] == PLAIN
                        and len(self.unit_key[m.unit].split()) < len(tokens)
                        and m.quote_id not in {q for q, _ in links}):
                    links.append((m.quote_id, round(m.score, 4)))
                    backlinks.extend((owner, quote_id, round(m.score, 4))
                                     for owner in self.fragment_owners.get(m.unit, ()))
            # a short fragment printed before with a quote of its own renders this fuller one too: the
            # quote of the sentence holding it, when this mention joins several ("a handful of people" is
            # in the second sentence of "The door … forever. We will not let a handful of people …")
            for m in fragments:
                target = quote_of_sentence_holding(self, m.unit, pieces, sentence_matches) or quote_id
                if m.quote_id != target:
                    backlinks.extend((owner, target, round(m.score, 4))
                                     for owner in self.fragment_owners.get(m.unit, ()))
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
        self.hold(mention, quote_id, parts)
        if primary is None or primary.tail:
            return Assignment(quote_id, 1.0, links, new_quote=True, kind="new", backlinks=backlinks)
        return Assignment(quote_id, round(primary.score, 4), links, new_quote=False, kind=primary.kind,
                          backlinks=backlinks)
