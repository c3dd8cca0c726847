"""Step 4, resolution: who one article has mentioned before a token, and how prominently.

:class:`Salience` scores the people mentioned most recently and prominently (names, role subjects,
quote speakers, unnamed people and resolved pronoun subjects); :mod:`.pronouns` and
:mod:`.resolution` choose among them.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from .lexicon import (
    ORDER_ANAPHOR_WINDOW_SENTENCES, PERSONAL_PRONOUNS, POSSESSIVE_PRONOUNS, QUESTION_CUES, SALIENCE_DECAY,
    SALIENCE_IN_QUOTE, SALIENCE_REPEAT, SALIENCE_SPEAKER, SALIENCE_SUBJECT, SALIENCE_WINDOW_SENTENCES,
)
from .names import _apposition_owner
from .people_index import PeopleIndex
from .subjects import _is_cue
from .attribution import _doc_text, _inside


class Salience:
    """Who one article has mentioned before a token, and how prominently.

    Names and role subjects (``people.occurrences``), quote speakers, unnamed people and the
    reporter's resolved pronoun subjects, each weighted by position and decaying with distance.
    """

    def __init__(self, doc: Doc, people: PeopleIndex, quote_spans: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.people = people
        self.quote_spans = quote_spans
        self.sentence_starts = [sentence.start for sentence in doc.sents]
        self.speakers: list[tuple[int, int]] = []  # (token index, person) of attributed quotes so far
        # Unnamed people introduced as subjects ("A local chief, who asked not to be named, said …"):
        # (token index, negative id, gender).  They compete for pronouns, and win them for nobody.
        self.anonymous: list[tuple[int, int, str | None]] = []
        # The reporter's "he"/"she" subjects once resolved: (token index, person, weight).
        self.pronoun_mentions: list[tuple[int, int, float]] = []
        # People whose gender only the first-name table gave (see Resolver).
        self.guessed_gender: set[int] = set()
        # The gender each person's first name leans to (see pronouns._gender_leaning): a preference, never a filter.
        self.leaning: dict[int, str] = {}

    def scores(self, before: int, gender: str | None = None,
                  allowed: set[int] | None = None, excluded: frozenset[int] = frozenset()) -> list[tuple[float, int]]:
        """Candidates before token ``before``, best first: subjects and speakers, decaying with distance.
        The people ``excluded`` are no candidates.

        Pronoun subjects count only once resolved: call :meth:`Pronouns.ranked` to resolve them first.
        """
        current = bisect.bisect_right(self.sentence_starts, before) - 1
        contributions: dict[int, list[float]] = {}
        # (token, person, weight, whether a mention inside quoted words counts less); a speaker is
        # recorded at the quote's first token, inside the quote, and keeps its own weight
        events = [(i, p, w, True) for i, p, w in self.people.occurrences if i < before]
        events += [(i, p, w, True) for i, p, w in self.pronoun_mentions if i < before]
        events += [(i, p, SALIENCE_SPEAKER, False) for i, p in self.speakers if i < before]
        if allowed is None:
            events += [(i, p, SALIENCE_SUBJECT, True) for i, p, _ in self.anonymous if i < before]
        anonymous_gender = {p: g for _, p, g in self.anonymous}
        for token_i, person, weight, quoted_counts_less in events:
            distance = current - (bisect.bisect_right(self.sentence_starts, token_i) - 1)
            if distance > SALIENCE_WINDOW_SENTENCES:
                continue
            known = anonymous_gender.get(person) if person < 0 else self.people.records[person].gender
            if gender and known and known != gender and token_i in self.people.alternatives:
                # A shared surname ("Pappas … she"): the bearer of the pronoun's gender.
                person = next((p for p in self.people.alternatives[token_i]
                               if self.people.records[p].gender in (None, gender)), person)
                known = self.people.records[person].gender
            if gender and known and known != gender:
                continue
            if allowed is not None and person not in allowed:
                continue
            if person in excluded:
                continue
            if quoted_counts_less and _inside(self.doc[token_i], self.quote_spans):
                weight = SALIENCE_IN_QUOTE  # a name inside someone's words is rarely the next speaker
            contributions.setdefault(person, []).append(weight * SALIENCE_DECAY ** distance)
        # The strongest mention decides; repeated mentions add a little (topic persistence).
        scores = {person: max(values) + SALIENCE_REPEAT * (sum(values) - max(values))
                  for person, values in contributions.items()}
        return sorted(((score, person) for person, score in scores.items()), reverse=True)

    def last_two_named(self, before: int) -> tuple[int, int] | None:
        """The last two people named before token ``before`` (outside quotations), in the order the
        text names them last, when both fall within ``ORDER_ANAPHOR_WINDOW_SENTENCES``: what "the former"
        and "the latter" point back to."""
        current = bisect.bisect_right(self.sentence_starts, before) - 1
        latest: dict[int, int] = {}
        for i, person, _ in self.people.occurrences:
            if i < before and not _inside(self.doc[i], self.quote_spans):
                latest[person] = i
        pair = sorted(latest.items(), key=lambda item: item[1])[-2:]
        if len(pair) < 2 or \
                current - (bisect.bisect_right(self.sentence_starts, pair[0][1]) - 1) > ORDER_ANAPHOR_WINDOW_SENTENCES:
            return None
        return pair[0][0], pair[1][0]

    def named_next(self, after: int, gender: str | None) -> int | None:
        """The first person named after token ``after``, outside quotations, in the next two
        sentences, if its known gender does not exclude it."""
        current = bisect.bisect_right(self.sentence_starts, after) - 1
        for i, person, _ in self.people.occurrences:
            if i <= after or _inside(self.doc[i], self.quote_spans):
                continue
            if bisect.bisect_right(self.sentence_starts, i) - 1 - current > 2:
                return None
            known = self.people.records[person].gender
            return None if gender and known and known != gender else person
        return None

    def topic(self, before: int, gender: str | None) -> int | None:
        """The person named most often before token ``before`` (outside quotations), if one is named
        more often than anyone else and its known gender does not exclude it."""
        counts: dict[int, int] = {}
        for i, person, _ in self.people.occurrences:
            if i < before and not _inside(self.doc[i], self.quote_spans):
                counts[person] = counts.get(person, 0) + 1
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        known = self.people.records[ranked[0][0]].gender
        return None if gender and known and known != gender else ranked[0][0]

    def paragraph_subject(self, before: int, gender: str | None, main_only: bool = False,
                          paragraphs_back: int = 0, replying: bool = False,
                          excluded: frozenset[int] = frozenset()) -> int | None:
        """The person (or unnamed person, < 0) a pronoun of ``gender`` before token ``before`` most
        likely continues: the latest subject mention in its paragraph (and the ``paragraphs_back``
        paragraphs before), outside quotations, whose known gender does not differ.

        Main-clause subjects ("Roe said Jones …": Roe) and quote speakers (the subjects of their
        reporting clauses) come before subjects of embedded clauses: the centre of attention is
        what the reporter's own sentence is about.  Within each, someone known to have the
        pronoun's gender (an honorific, an earlier "she"/"he") comes before someone of unknown
        gender.  With ``main_only``, only main-clause subjects count; with ``replying`` (the cue
        is "replied", "answered"), not the subject of a question verb: who asks does not reply.
        The people ``excluded`` (named by the clause the pronoun reports) are no candidates.
        """
        paragraph_start = self._paragraph_start(before, paragraphs_back)
        anonymous_gender = {p: g for _, p, g in self.anonymous}

        def known_gender(person: int) -> str | None:
            return anonymous_gender.get(person) if person < 0 else self.people.records[person].gender

        def in_window(i: int) -> bool:
            return i < before and self.doc[i].idx >= paragraph_start and not _inside(self.doc[i], self.quote_spans)

        # (token index, person, main clause, gender known for this mention)
        events = [(i, self._bearer(i, p, gender), self._is_main_subject(i), known_gender(self._bearer(i, p, gender)))
                  for i, p, w in self.people.occurrences if w == SALIENCE_SUBJECT and in_window(i)
                  and not self._object_in_apposition(i)]
        events += [(i, p, self._is_main_subject(i), PERSONAL_PRONOUNS.get(self.doc[i].lower_) or
                    POSSESSIVE_PRONOUNS.get(self.doc[i].lower_)) for i, p, _ in self.pronoun_mentions if in_window(i)]
        events += [(i, p, self._is_main_subject(i), g) for i, p, g in self.anonymous if in_window(i)]
        events += [(i, p, True, known_gender(p)) for i, p in self.speakers
                   if i < before and self.doc[i].idx >= paragraph_start]
        # A main-clause subject whose gender only its first name suggested ("Marty Roe … She said"):
        # the reporter's continuing pronoun is better evidence than the name table -- unless the
        # reporter already used the table's pronoun for that person ("Hill Roe … his plan"):
        # then the text agrees with the table, and a pronoun of the other gender means someone else.
        confirmed = {p for i, p, _ in self.pronoun_mentions if i < before and
                     (PERSONAL_PRONOUNS.get(self.doc[i].lower_) or POSSESSIVE_PRONOUNS.get(self.doc[i].lower_))
                     == self.people.records[p].gender}
        events = [(i, p, main, None if main and p in self.guessed_gender and p not in confirmed and g != gender else g)
                  for i, p, main, g in events]
        events = [e for e in events if not (gender and e[3] and e[3] != gender) and e[1] not in excluded]
        if replying:  # "Pell asked what she had received. “None,” she replied.": the asker does not reply
            events = [e for e in events if self._subject_verb(e[0]).lemma_.lower() not in QUESTION_CUES]
        def fit(e: tuple) -> int:
            """2: the mention's gender is, or its first name leans to, the pronoun's; 1: nothing is known;
            0: only a lean (or a table guess the paragraph's pronouns overrode) says the other gender."""
            if e[3] is not None:
                return 2
            lean = self.leaning.get(e[1]) if e[1] >= 0 else None
            return 1 if lean is None else 2 if lean == gender else 0

        # A main-clause subject comes first, then someone known (or leaning) to have the pronoun's gender;
        # a main subject whose first name leans to the other gender ("Steve Roe said Lee … She added")
        # only when no subject of the paragraph is known or leaning to have the pronoun's gender.
        tiers = [lambda e: e[2] and fit(e) == 2, lambda e: e[2] and fit(e) == 1,
                 lambda e: fit(e) == 2, lambda e: e[2], lambda e: True] if gender \
            else [lambda e: e[2], lambda e: True]
        events.sort(key=lambda e: e[0], reverse=True)
        matching = gender is not None and any(fit(e) == 2 for e in events)
        if main_only:
            events = [e for e in events if e[2]]
        for tier in tiers:
            found = next((e for e in events if tier(e)), None)
            if found is not None:
                if matching and main_only and fit(found) == 0:
                    return None  # someone else in the paragraph fits: salience weighs them
                return found[1]
        return None

    def _object_in_apposition(self, i: int) -> bool:
        """True for a name the parser put in apposition to a subject though a verb inside the apposition
        takes it as its object: "Roe, a delegate backing Lee, said …" ("Lee" under "Roe"): Lee is no subject."""
        token = self.doc[i]
        head = token.head if token.dep_ == "appos" else None
        if head is None or head.i > i:
            return False
        return any(t.pos_ == "VERB" for t in self.doc[token.left_edge.i:i])

    def _bearer(self, i: int, person: int, gender: str | None) -> int:
        """Of the people a main-clause subject surname at token ``i`` may name (Betsy and Tom Roe: "Roe
        said …"), the one whose known gender is the pronoun's, when the person it was taken for has the other."""
        if not gender or i not in self.people.alternatives or self.people.records[person].gender in (None, gender) \
                or not self._is_main_subject(i):
            return person  # an embedded subject is no centre: it keeps the person it was taken for
        return next((p for p in self.people.alternatives[i] if self.people.records[p].gender == gender), person)

    def opens_paragraph(self, i: int) -> bool:
        """True when token ``i`` is the first of its paragraph."""
        return self._paragraph_start(i, 0) == self.doc[i].idx

    def _paragraph_start(self, before: int, paragraphs_back: int) -> int:
        """Character offset where the paragraph ``paragraphs_back`` before that of token ``before`` starts."""
        text = _doc_text(self.doc)  # joined once per article, not on every call
        paragraph_start = text.rfind("\n", 0, self.doc[before].idx) + 1
        for _ in range(paragraphs_back):
            previous_end = len(text[:paragraph_start].rstrip())
            if previous_end == 0:
                break
            paragraph_start = text.rfind("\n", 0, previous_end) + 1
        return paragraph_start

    def _subject_verb(self, i: int) -> Token:
        """The verb a subject mention (or the noun it is in apposition to) is the subject of."""
        subject = _apposition_owner(self.doc[i]) if self.doc[i].dep_ == "appos" else self.doc[i]
        return subject.head

    def _is_main_subject(self, i: int) -> bool:
        """True for the subject of a sentence's main verb (not of an embedded clause).

        So is the subject of a clause printed before the reporting verb the parser hangs it under, with
        a quotation between them: either the parser joined the reporter's own sentence to the quote's
        tag ("Roe saw it differently: “…,” he said", "saw" under "said"), or the clause is a report
        fronted before its source ("Roe attacked them on his show, “Hour of Truth,” Okafor reported"),
        and the sentence is about the clause's subject, the tag after it is background."""
        verb = self._subject_verb(i)
        if verb.dep_ == "ROOT":
            return True
        cue = verb.head
        if not _inside(verb, self.quote_spans) and _inside(cue, self.quote_spans) and cue.i > verb.i:
            # "Roe saw it differently: “When he says …, I don't take …,” he said", "saw" under the quoted
            # "take": a clause that introduces the quotation with a colon is the reporter's own sentence
            between = self.doc[verb.i + 1:cue.i]
            opening = next((t.i for t in between if _inside(t, self.quote_spans)), None)
            if opening is not None and any(t.text == ":" for t in self.doc[verb.i + 1:opening]):
                return True
        return verb.dep_ in ("ccomp", "parataxis") and cue.i > verb.i and _is_cue(cue) and \
            not _inside(verb, self.quote_spans) and \
            any(_inside(t, self.quote_spans) for t in self.doc[verb.i + 1:cue.i])
