"""Step 4, resolution: the speaker as printed ("he", "the transport secretary", "Mr. Roe")
becomes the fullest name the article gives, by salience, roles and surnames.

See the package docstring for the rules; :class:`Salience` scores who was mentioned how
recently, :class:`Resolver` applies names, pronouns and roles.
"""

from __future__ import annotations

import bisect
import functools

from spacy.tokens import Doc, Span, Token

from .lexicon import (
    FIRST_NAME_LEANING_SHARE, HONORIFICS, HYPHENS, INDEFINITE_DETERMINERS, NAME_PARTICLES, PERSON_NOUNS, PERSONAL_PRONOUNS, POSSESSIVE_PRONOUNS, QUESTION_CUES,
    SINGULAR_THEY_STATEMENT,
    REPLY_CUES, SALIENCE_DECAY,
    SALIENCE_GENDER_MARGIN, SALIENCE_IN_QUOTE, SALIENCE_OTHER, SALIENCE_REPEAT, SALIENCE_SPEAKER,
    SALIENCE_SUBJECT, SALIENCE_TOPIC_BELOW, SALIENCE_WINDOW_SENTENCES, TITLE_WORDS, TOPIC_MARKERS, UNMARKED_MAN_TITLES,
    UNNAMED_REMAINDER_WORDS, VAGUE_ROLE_MODIFIERS, WRITTEN_NOUNS, AUTHOR_PREPOSITIONS, NAMING_WORDS,
    SIBLING_AS_CHILD, OFFICE_DOMAIN_PREPOSITIONS,
)
from .names import (
    _apposition_owner, _clean_role, _describes_person, _is_demonym, _is_name_token, _is_role_noun, _is_title, _norm, _role_head,
    first_name_gender, first_name_key, first_name_table, honorific_gender, role_heads, roles_match, _split_title, _surname_key, _words,
)
from .people import PeopleIndex, _PersonRecord
from .subjects import _is_cue, _mention_span
from .attribution import _doc_text, _inside


def _gender_from_man_title(record: _PersonRecord) -> bool:
    """True when only a "-man" title ("spokesman Hope Roe") can have given a person's gender: no
    courtesy title ("Ms.", "Mr.") among the ways the article names them."""
    words = {_norm(w) for alias in record.aliases for w in alias.split()}
    return bool(words & UNMARKED_MAN_TITLES) and not any(HONORIFICS.get(w) for w in words - UNMARKED_MAN_TITLES)


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
        # The gender each person's first name leans to (see Resolver._gender_leaning): a preference, never a filter.
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


class Pronouns:
    """Resolves "he"/"she": the reporter's own subject pronouns, in reading order, and speakers'."""

    def __init__(self, salience: Salience) -> None:
        self.salience = salience
        self.doc = salience.doc
        self.people = salience.people
        # "he"/"she" as the subject of the reporter's own sentences ("She came to the island in 1961"):
        # resolved in reading order when first needed (after the quote speakers before them are
        # known), then counted as a mention of that person, so the person a narrative follows
        # stays salient through it.
        self.pronoun_subjects: list[int] = []  # filled by collect_subjects()
        self._pronouns_done = 0

    def collect_subjects(self) -> None:
        """Find the reporter's subject pronouns (resolved later, in reading order, as needed)."""
        self.pronoun_subjects = [t.i for t in self.doc if not _inside(t, self.salience.quote_spans) and (
            (t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass")) or
            (t.lower_ in POSSESSIVE_PRONOUNS and t.dep_ == "poss" and t.i == t.sent.start and
             t.head.dep_ in ("nsubj", "nsubjpass") and t.head.head.dep_ == "ROOT"))]

    def ranked(self, before: int, gender: str | None = None,
               allowed: set[int] | None = None, excluded: frozenset[int] = frozenset()) -> list[tuple[float, int]]:
        """:meth:`Salience.scores` once the reporter's pronoun subjects before ``before`` are resolved."""
        self._resolve_pronoun_subjects(before)
        return self.salience.scores(before, gender, allowed, excluded)

    def _resolve_pronoun_subjects(self, before: int) -> None:
        """Resolve the reporter's subject pronouns before token ``before`` that are not resolved yet."""
        while self._pronouns_done < len(self.pronoun_subjects) and \
                self.pronoun_subjects[self._pronouns_done] < before:
            index = self.pronoun_subjects[self._pronouns_done]
            self._pronouns_done += 1  # first, so the salience below does not come back to it
            # The subject of a main clause continues the paragraph's previous subject ("Silva signed
            # on Friday. He said …"); an embedded one ("Pell asked what she had received") goes by salience.
            token = self.doc[index]
            possessive = token.dep_ == "poss"  # "Her neighbour, Carl Dunn, helped …"
            # A parenthetical report ("Of the plan, he said, “…”") is the reporter's own main clause too.
            reporting = token.head.dep_ == "parataxis" and _is_cue(token.head)
            # So is a verb of the reporter's that the parser hung under the quoted words it introduces
            # ("She went on: “It is …”" with "went" under "is"): the speaker's words govern nothing of his.
            quotes = self.salience.quote_spans
            under_quote = not _inside(token.head, quotes) and _inside(token.head.head, quotes)
            # Subjects inside quoted words ("“We won,” he said, “…”") are the speaker's, not the reporter's.
            main_clause = possessive or ((token.head.dep_ == "ROOT" or reporting or under_quote) and not any(
                t.dep_ in ("nsubj", "nsubjpass") and not _inside(t, self.salience.quote_spans)
                for t in self.doc[token.sent.start:index]))
            gender = POSSESSIVE_PRONOUNS.get(token.lower_) or PERSONAL_PRONOUNS[token.lower_]
            person = self._topic_person(token, gender) if main_clause else self._reporting_subject(token, gender)
            if person is None:
                person = self.resolve(gender, index, token.sent.start if main_clause else None, True)
            if person is not None:
                weight = SALIENCE_OTHER if possessive else SALIENCE_SUBJECT
                self.salience.pronoun_mentions.append((index, person, weight))

    def _topic_person(self, pronoun: Token, gender: str) -> int | None:
        """The person a sentence-opening topic marker names before the pronoun subject of its clause:
        "As for Mayor Ana Roe, she said …" -> Roe (whose known gender does not differ)."""
        sentence = pronoun.sent
        words = [t.lower_ for t in self.doc[sentence.start:pronoun.i]]
        marker = next((m for m in TOPIC_MARKERS if tuple(words[:len(m)]) == m), None)
        if marker is None:
            return None
        topic = range(sentence.start + len(marker), pronoun.i)
        found = [p for i, p, _ in self.people.occurrences if i in topic and not _inside(self.doc[i], self.salience.quote_spans)
                 and self.people.records[p].gender in (None, gender)]
        return found[-1] if found else None

    def _reporting_subject(self, pronoun: Token, gender: str) -> int | None:
        """The person who reports the clause a pronoun is the subject of, when the article names them:
        "Maya said she had not chosen" -> Maya; not for questions ("Pell asked what she had received")."""
        clause = pronoun.head
        if clause.dep_ != "ccomp" or not _is_cue(clause.head) or clause.head.lemma_.lower() in ("ask", "wonder"):
            return None
        cue = clause.head
        subject = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and cue.tag_ == "VBG" and cue.dep_ in ("advcl", "xcomp", "conj"):
            # "Roe praised them, noting that she had …": a participle's subject is its verb's.
            subject = next((c for c in cue.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.i > pronoun.i:
            return None
        inside = {t.i for t in subject.subtree}
        events = [(i, p) for i, p, _ in self.people.occurrences if i in inside]
        events += [(i, p) for i, p, _ in self.salience.pronoun_mentions if i in inside]
        if not events:
            return None
        person = min(events, key=lambda e: abs(e[0] - subject.i))[1]
        known = self.people.records[person].gender
        if known and known != gender:
            return None
        self.people.records[person].gender = gender  # "Greaves told the inquiry she had …": Greaves is "she"
        return person

    def resolve(self, gender: str, at: int, local_before: int | None, main_only: bool,
                replying: bool = False, pronoun: Token | None = None,
                not_people: frozenset[int] = frozenset()) -> int | None:
        """The person a "he"/"she" at token ``at`` refers to (see :meth:`Resolver.resolve`), or None.
        ``pronoun``: the pronoun token itself, when it is the subject of a reporting verb;
        ``not_people``: people the pronoun cannot mean (a transcript turn's own speaker)."""
        # "Grant, he said, would lead": whoever the subject of the clause the pronoun reports names,
        # it is not (a name deeper in it, "he said the Carson campaign …", may still be its own).
        reported = _reported_clause(pronoun) if pronoun is not None else frozenset()
        excluded = not_people | frozenset(p for i, p, w in self.people.occurrences
                                          if i in reported and w == SALIENCE_SUBJECT)
        interrupted = _interrupted_subject(pronoun) if pronoun is not None else None
        if interrupted is not None:  # however the parser attached it ("… and Ms. Lee, she said, “exposes …”")
            excluded |= frozenset(p for i, p, _ in self.people.occurrences if i == interrupted)
        if pronoun is not None:
            # "Asked about her vote if Lee runs, she replied": the one asked is the participle's
            # understood subject, the pronoun; whoever the question is about is not the one answering.
            asked = {t.i for c in pronoun.head.children if c.dep_ == "advcl" and c.i < pronoun.i and c.tag_ == "VBN"
                     and c.lemma_.lower() in QUESTION_CUES and not any(g.dep_.startswith("nsubj") for g in c.children)
                     for t in c.subtree}
            excluded |= frozenset(p for i, p, _ in self.people.occurrences if i in asked)
        ranked = self.ranked(at, gender, excluded=excluded)
        local = None
        if local_before is not None:
            local = self.salience.paragraph_subject(local_before, gender, main_only, replying=replying,
                                                    excluded=excluded)
            if local is None and (not main_only or self.salience.opens_paragraph(local_before)):
                # A quote-only paragraph, or a pronoun subject opening one ("She went on: …"):
                # the previous paragraph's main subject or speaker.
                local = self.salience.paragraph_subject(local_before, gender, True, paragraphs_back=1,
                                                        replying=replying, excluded=excluded)
        if local is not None:
            # "Roe said the plan was in place. “…,” she said.": the latest subject of the
            # pronoun's paragraph, when its gender does not exclude it, is who it means.
            ranked = [(float("inf"), local)] + [r for r in ranked if r[1] != local]
        elif not ranked:
            # Nobody named yet: a feature's opening "“…,” she said. Nurse Aisha Khan has …"
            # names the speaker just after.
            following = self.salience.named_next(at, gender)
            if following is not None:
                ranked = [(float("inf"), following)]
        elif ranked[0][0] < SALIENCE_TOPIC_BELOW:
            # Nobody was mentioned for several sentences: the pronoun picks up the person
            # the article is about ("In 2011 the city honored him. … he said then.").
            topic = self.salience.topic(at, gender)
            if topic is not None:
                ranked = [(float("inf"), topic)] + [r for r in ranked if r[1] != topic]
        if ranked and ranked[0][1] < 0:
            return None  # the unnamed person just introduced
        if ranked:
            person = ranked[0][1]
            if self.people.records[person].gender is None:
                # A candidate of the pronoun's known gender beats one of unknown gender
                # at similar salience ("she" after "the minister" and "Lloyd").
                person = next((p for score, p in ranked if p >= 0 and self.people.records[p].gender == gender
                               and score >= SALIENCE_GENDER_MARGIN * ranked[0][0]), person)
            # Learn the gender only from a clear winner: a wrong guess would spread.
            clear = len(ranked) == 1 or ranked[0][0] >= 2 * ranked[1][0]
            # (nor against the lean of the first name: one "she" does not make a Chris a woman).
            if clear and not self.people.records[person].gender and self.salience.leaning.get(person) in (None, gender):
                self.people.records[person].gender = gender
            return person
        return None


def _interrupted_subject(pronoun: Token) -> int | None:
    """The token right before a parenthetical report that a pronoun is the subject of ("Lee, she said,
    was late": "Lee"), whatever the parser attached it to: the phrase a parenthetical report interrupts
    right after it is the subject of the reported clause, which the pronoun does not mean."""
    verb = pronoun.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or not _is_cue(verb) or verb.dep_ != "parataxis" or \
            verb.i > verb.head.i:
        return None
    doc = pronoun.doc
    comma = verb.left_edge.i if doc[verb.left_edge.i].text == "," else verb.left_edge.i - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    return comma - 1


def _gender_leaning(first: str) -> str | None:
    """The gender most bearers of a first name have, when at least FIRST_NAME_LEANING_SHARE of them do
    ("Chris": mostly men, though too many women to be sure), else None."""
    if len(first) < 2:
        return None
    entry = first_name_table().get(first_name_key(first))
    if entry is None:
        return None
    female = entry[1]
    return "f" if female >= FIRST_NAME_LEANING_SHARE else "m" if female <= 1 - FIRST_NAME_LEANING_SHARE else None


def _reported_clause(pronoun: Token) -> frozenset[int]:
    """Token indices of the clause a reporting pronoun reports, whose names it cannot mean: a pronoun
    does not refer to a name in the clause it governs ("He said Roe was late": he is not Roe), nor in
    the clause a parenthetical report interrupts ("Roe, she said, was late": she is not Roe)."""
    verb = pronoun.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or not _is_cue(verb):
        return frozenset()
    # A fronted clause ("“…,” he said") is the quote itself, weighed as such: only one after the pronoun.
    reported = {t.i for c in verb.children if c.dep_ == "ccomp" and c.i > pronoun.i for t in c.subtree}
    if verb.dep_ == "parataxis" and verb.i < verb.head.i:  # inside the clause, before its verb
        cue_part = {t.i for t in verb.subtree}
        # The clause starts with the phrase the report interrupts ("… as Lee echoed it, and Roe, she said,
        # was late": from "Roe"), whatever else the parser hung under its verb.
        subject = _interrupted_subject(pronoun)
        start = pronoun.doc[subject].left_edge.i if subject is not None else 0
        reported |= {t.i for t in verb.head.subtree if t.i not in cue_part and t.i >= start}
    return frozenset(reported)


class Resolver:
    """Resolves speaker mentions to people of one article, by name, pronoun or role."""

    def __init__(self, doc: Doc, people: PeopleIndex, quote_spans: list[tuple[int, int]] | None = None) -> None:
        self.doc = doc
        self.people = people
        self.quote_spans = quote_spans or []
        guessed = set()
        for person, record in enumerate(people.records):
            # The first name's usual gender, unless the article's own words (an honorific, a
            # noun in apposition) said otherwise: it keeps "she" off a Donald, and keeps a wrong
            # guess from pronouns ("… after he suggested") from sticking to a Hillary.
            if record.first and (record.gender is None or _gender_from_man_title(record)):
                by_name = first_name_gender(record.first)
                if by_name:
                    record.gender = by_name
                    guessed.add(person)
        self.salience = Salience(doc, people, self.quote_spans)
        self.salience.guessed_gender = guessed
        self.salience.leaning = {person: _gender_leaning(record.first) for person, record in enumerate(people.records)
                                 if record.first and (person in guessed or record.gender is None)
                                 and _gender_leaning(record.first)}
        self.pronouns = Pronouns(self.salience)
        self.newcomers: dict[int, int] = {}  # token of an indefinite subject -> the person its words name
        self._add_role_subjects()
        self._add_relative_reporters()
        self._add_rooted_names()
        # Collected only now: finding the role subjects' people resolves no pronoun subject.
        self.pronouns.collect_subjects()

    @property
    def speakers(self) -> list[tuple[int, int]]:
        """(token index, person) of attributed quotes so far: append each new speaker."""
        return self.salience.speakers

    def _salience(self, before: int, gender: str | None = None,
                  allowed: set[int] | None = None) -> list[tuple[float, int]]:
        """Candidates before token ``before``, best first (see :meth:`Pronouns.ranked`)."""
        return self.pronouns.ranked(before, gender, allowed)

    def _add_role_subjects(self) -> None:
        """A definite role noun as a subject ("The minister added that …", "The senator later said")
        is a mention of the person the article gave that role: it enters salience as that person."""
        added = False
        for token in self.doc:
            if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ != "NOUN" or not _is_role_noun(token) \
                    or _inside(token, self.quote_spans):
                continue
            mention = _mention_span(token)
            if mention.root.i != token.i or not mention:
                continue  # a name in apposition (counted as a name)
            named = any(t.ent_type_ == "PERSON" and _is_name_token(t)
                        for child in token.subtree if child.dep_ == "appos" and _apposition_owner(child) == token
                        for t in child.subtree)
            if mention[0].lower_ in INDEFINITE_DETERMINERS and _describes_person(token, mention) and not named:
                # ("Another resident, Col Harbhajan Sandhu, said": the apposition names them)
                lemma = _norm(token.lemma_)
                if (person := self._named_newcomer(token, PERSON_NOUNS.get(lemma) or HONORIFICS.get(lemma))) is not None:
                    self.newcomers[token.i] = person  # "a caller who gave his name as Ana": Ana
                    self.people.occurrences.append((token.i, person, SALIENCE_SUBJECT))
                    added = True
                    continue
                self.salience.anonymous.append((token.i, -1 - len(self.salience.anonymous),
                                       PERSON_NOUNS.get(lemma) or HONORIFICS.get(lemma)))
                continue
            if mention[0].lower_ != "the":
                if (person := self._sibling(token)) is not None:  # "Her brother added that …"
                    self.people.occurrences.append((token.i, person, SALIENCE_SUBJECT))
                    added = True
                continue  # "his son"
            person = self._by_role(token, [t for t in mention if not t.is_punct], token.i)
            if person is None and not any(i < token.i for i, _, _ in self.people.occurrences):
                person = self._identified_next(token)  # "The night nurse … told … . Ana Roe, who …, said"
            if person is not None:
                self.people.occurrences.append((token.i, person, SALIENCE_SUBJECT))
                added = True
        if added:
            self.people.occurrences.sort()

    def _sibling(self, token: Token) -> int | None:
        """The person "her brother" / "his sister" (``token``) means when the article gave the possessor's
        parent exactly one child of that sex besides a child of the possessor's sex: siblings share the
        parent, so the brother of "His daughter, Lea Roe" is "His son Tom Roe"."""
        child = SIBLING_AS_CHILD.get(token.lower_)
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if child is None or owner is None or owner.lower_ not in POSSESSIVE_PRONOUNS:
            return None
        owner_child = {"m": "son", "f": "daughter"}[POSSESSIVE_PRONOUNS[owner.lower_]]
        def heads(person: int) -> set[str]:
            return {_norm(role.split()[-1]) for role in self.people.records[person].roles if role.split()}
        people = range(len(self.people.records))
        siblings = [p for p in people if child in heads(p)]
        if len(siblings) != 1 or not any(owner_child in heads(p) for p in people if p != siblings[0]):
            return None
        return siblings[0]

    def _identified_next(self, token: Token) -> int | None:
        """The person a definite role subject printed before anyone is named describes: the delayed
        identification of a news lede ("The night nurse on duty … told an inquiry … . Ana Roe, who had …,
        said"), the next person named, as a subject of one of the next two sentences, with no role of their
        own.  They take the role, so "the nurse" (and a headline's "nurse") is them later."""
        person = self.salience.named_next(token.i, None)
        subject = next((i for i, p, weight in self.people.occurrences if p == person and i > token.i), None)
        if person is None or self.people.records[person].roles or \
                (subject, person, SALIENCE_SUBJECT) not in self.people.occurrences:
            return None
        self.people.records[person].add_role(" ".join(t.text for t in token.lefts if t.dep_ == "compound") +
                                             (" " if any(t.dep_ == "compound" for t in token.lefts) else "") + token.text)
        return person

    def _named_newcomer(self, token: Token, gender: str | None) -> int | None:
        """The person an indefinite subject ``token`` introduces when its own words name them ("a listener
        who gave her name only as Ana, from Kandy, sent", "a woman identified as Ana Roe said"): the
        capitalised name right after a naming word (:data:`NAMING_WORDS`) or its "as", before the verb
        (not a date: "a spokesman called Tuesday")."""
        end = token.head.i if token.head.i > token.i else token.right_edge.i + 1
        words = self.doc[token.i + 1:min(end, token.i + 16)]
        for k, word in enumerate(words):
            before = words[k - 1].lower_ if k else ""
            if not (word.pos_ == "PROPN" and word.text[:1].isupper() and word.is_alpha and not _is_title(word) and
                    word.ent_type_ not in ("DATE", "TIME")) or \
                    not (before in NAMING_WORDS or (before == "as" and any(w.lower_ in NAMING_WORDS for w in words[:k]))):
                continue
            name = [word]
            while word.i + len(name) < end and self.doc[word.i + len(name)].pos_ == "PROPN" and \
                    self.doc[word.i + len(name)].is_alpha and self.doc[word.i + len(name)].text[:1].isupper():
                name.append(self.doc[word.i + len(name)])
            pronoun = next((POSSESSIVE_PRONOUNS[w.lower_] for w in words[:k] if w.lower_ in POSSESSIVE_PRONOUNS
                            and w.dep_ == "poss"), None)
            return self.people.add([t.text for t in name], " ".join(t.text for t in name), gender=gender or pronoun)
        return None

    def _add_rooted_names(self) -> None:
        """A name the parser made the root of a sentence it opens, with the sentence's verbs hung under
        it ("Trump, when asked …, often steam-rolls through …", "steam-rolls" read as a noun; "Gov. Ana
        Roe — who … — made …"): no English sentence is a bare name with clauses, so the name is the
        subject whose verb the parser missed, and counts as a subject mention."""
        for n, (i, person, weight) in enumerate(self.people.occurrences):
            token = self.doc[i]
            if weight == SALIENCE_SUBJECT or token.dep_ != "ROOT" or token.left_edge.i != token.sent.start or \
                    _inside(token, self.quote_spans):
                continue
            if any(t.pos_ in ("VERB", "AUX") and t.i > i and not _inside(t, self.quote_spans) for t in token.subtree):
                self.people.occurrences[n] = (i, person, SALIENCE_SUBJECT)

    def _add_relative_reporters(self) -> None:
        """"Sen. Ana Roe, who said none of it was true": the relative pronoun subject of a cue verb is
        a subject mention of the person it refers to (she reports, so she is the one a quote after continues)."""
        by_token = {i: p for i, p, _ in self.people.occurrences}
        added = False
        for token in self.doc:
            if token.lower_ not in ("who", "that") or token.dep_ != "nsubj" or token.head.dep_ != "relcl" or \
                    not _is_cue(token.head) or _inside(token, self.quote_spans):
                continue
            antecedent = token.head.head
            person = by_token.get(antecedent.i)
            if person is None and antecedent.dep_ == "appos":  # "Roe, the ranking Democrat, who said"
                person = by_token.get(antecedent.head.i)
            if person is not None:
                self.people.occurrences.append((token.i, person, SALIENCE_SUBJECT))
                added = True
        if added:
            self.people.occurrences.sort()

    def resolve(self, mention: Span | None, mention_text: str | None, at: int,
                local_before: int | None = -1, main_only: bool = False,
                not_people: frozenset[int] = frozenset()) -> tuple[int | None, str]:
        """(person index or None, method) for a speaker mention at token ``at``.

        A pronoun goes first to the latest subject (of a main clause, with ``main_only``) of its
        paragraph before token ``local_before`` (``at`` when -1; not at all when None), then by salience.
        A pronoun or a description never means one of ``not_people`` (a transcript turn's own
        speaker, who says "I": see :func:`.article._turn_speaker`).
        """
        if local_before == -1:
            local_before = at
        if mention is not None:
            words = [t for t in mention if not t.is_punct]
            head = mention.root
            if head.pos_ not in ("NOUN", "PROPN", "PRON") and words:
                head = words[-1]  # a misparsed description: "the 54-year-old" rooted at "the"
            if head.lower_ in NAME_PARTICLES and words and words[-1].i > head.i and _is_name_token(words[-1]):
                head = words[-1]  # a particle the parser made the head: "Nurul Huda binti Ramli"
            if head.lower_ in PERSONAL_PRONOUNS and len(words) == 1:
                replying = head.dep_ == "nsubj" and head.head.lemma_.lower() in REPLY_CUES
                return self.pronouns.resolve(PERSONAL_PRONOUNS[head.lower_], at, local_before, main_only,
                                             replying, pronoun=head, not_people=not_people), "pronoun"
            if head.lower_ == "they" and len(words) == 1 and (declared := self._singular_they(at)) is not None:
                return declared, "pronoun"  # the article said this person uses "they"
            apposed = self._apposed_name(mention)
            if apposed is not None:
                return apposed, "explicit"  # "another classmate, Ana Roe, recalled": the name says who
            conjuncts = [t for t in mention if t.dep_ == "conj" and t.head.i >= mention.start]
            if conjuncts:
                first = _first_of_unnamed_remainder(mention, conjuncts)
                if first is not None:  # "Roe and others said": the one named person
                    return self.resolve(first, None, at, local_before, main_only)
                holder = _name_after_coordinated_title(mention, conjuncts)
                if holder is not None:  # "President and CEO Ana Roe said": one person, two titles
                    return self.resolve(holder, None, at, local_before, main_only)
                return None, "explicit"  # "Roe and Okafor": collectives are never a speaker
            if len(words) == 2 and words[0].lower_ == "the" and _is_demonym(head) and \
                    not self.people.find_all([head.text]):
                # "the Frenchman said", "the Brazilian added": a description of someone in the story.
                ranked = self._salience(at)
                return (ranked[0][1] if ranked and ranked[0][1] >= 0 else None), "role"
            # A surname the article gives a person is a name even when tagged a common noun ("Mendes": NNS);
            # printed alone as a subject, whatever its tag ("Baker describes himself": the tagger reads a
            # verb, VBG): a capitalised word that is a named person's surname and the whole mention names.
            lone_subject = len(words) == 1 and head.dep_ in ("nsubj", "nsubjpass") and head.is_alpha
            known_name = (head.pos_ in ("NOUN", "PROPN") or lone_subject) and head.text[:1].isupper() and \
                not _is_title(head) and \
                bool(self.people.find_all([head.text] if len(words) == 1 else _words(_split_title(words)[1])))
            if head.pos_ == "PRON" or (head.tag_ in ("NNS", "NNPS") and not known_name):
                return None, "explicit"  # they, officials: collectives are never a speaker
            if len(words) == 1 and _surname_key(head.text) in self.people.things:
                return None, "explicit"  # "Velora said" where Velora "positioned itself": a thing
            if len(words) == 1 and head.dep_ == "nsubj" and head.head.tag_ == "VBP" and head.lower_.endswith("s") \
                    and not any(c.dep_ == "conj" for c in head.children):  # ("Roe and others prefer": Roe)
                return None, "explicit"  # "Velorans call it …": the verb agrees with a plural, no one person
            # "the Democrat", "the Spaniard": a nationality or party describes, it does not name.
            names = [t for t in words if _is_name_token(t) and not _is_title(t) and t.ent_type_ != "NORP"]
            if words[0].lower_ == "the" and len(words) > 1 and _is_name_token(words[1]) and not _is_title(words[1]) \
                    and names and names[-1].i == head.i and \
                    not any(_is_title(t) or (_is_role_noun(t) and t.is_lower) or t.text in ("’s", "'s") for t in words):
                # "The American Legion said", "the Blaze reported": a person's name takes no article
                # (titles do: "the Rev. Ana Roe"; "the Post's Ana Roe" is Roe), so it names a thing.
                return None, "explicit"
            if known_name or (_is_name_token(head) and head.ent_type_ != "NORP") or (names and names[-1].i == head.i):
                title, name = _split_title([t for t in mention if not t.is_punct or t.text in HYPHENS])
                candidates = self.people.find_all(_words(name) or _words(names) or [head.text],
                                                  honorific_gender(t.text for t in title))
                if not candidates and len(name) < len(words):
                    candidates = self.people.find_all(_words(words))  # "Ms Lee": the honorific's gender picks
                if len(candidates) > 1:
                    # A surname people share: not one the quote itself calls by first name ("‘I ran where
                    # Tamati told me,’ the younger Roe said": not Tamati Roe), then the one most salient here.
                    candidates = [c for c in candidates if c not in self._first_named_in_quote(at)] or candidates
                if len(candidates) > 1:
                    ranked = self._salience(at, allowed=set(candidates))
                    return (ranked[0][1] if ranked else candidates[0]), "explicit"
                if candidates or names:
                    return (candidates[0] if candidates else None), "explicit"  # an unknown name is no speaker
            if head.lemma_.lower() in WRITTEN_NOUNS and words[0].lower_ in ("the", "this", "that"):
                found = self._author(head, at)  # "the email said": the email's signatory, when given
                return (None if found in not_people else found), "role"
            if head.pos_ == "NOUN" or _is_title(head) or _describes_person(head, mention):
                if any(t.lower_ in INDEFINITE_DETERMINERS for t in words[:1]):
                    # "a spokeswoman said": someone new, not a known person (unless named: "a caller named Ana")
                    return self.newcomers.get(head.i), "role"
                found = self._by_role(head, words, at)
                if found is None:
                    found = self._sibling(head)  # "…,” her brother said"
                if found is not None and words[0].lower_ == "the" and self._introduced_since(head, found, at):
                    return None, "role"  # "a ministry engineer who spoke on condition of anonymity … the engineer"
                # ("the Minister of State for Culture": the office's portfolio after it names it too)
                named_office = _is_title(head) and (any(
                    t.i != head.i and t.is_alpha and t.lower_ not in VAGUE_ROLE_MODIFIERS and t.lower_ != "the"
                    for t in words) or any(c.dep_ == "prep" and c.lower_ in ("of", "for") and
                                           any(o.dep_ == "pobj" and o.text[:1].isupper() for o in c.children)
                                           for c in head.children))
                if found is None and words and words[0].lower_ == "the" and _describes_person(head, mention) and \
                        not named_office:  # "the prime minister" whom no one's role names is someone else
                    # "the 54-year-old said", "the former banker said": a definite description
                    # of someone already in the story; the most salient person fits.
                    ranked = self._salience(at)
                    found = ranked[0][1] if ranked and ranked[0][1] >= 0 else None
                return (None if found in not_people else found), "role"
            return None, "explicit"
        if mention_text:
            words = mention_text.split()
            if all(_norm(w) in TITLE_WORDS or _norm(w) in ("the", "a") for w in words):
                return self._by_role(words[-1], words, at), "role"  # "Minister: ‘…’"
            if words[-1].islower():
                return self._by_role(words[-1], words, at), "role"  # "Orchestra's new conductor promises ‘…’"
            # Title-case headlines: only the last word is reliably the surname; the word before it
            # picks between people who share it ("Mayor Ruth Calder" with Pete Calder in the story).
            found = self.people.find(words[-1:])
            same_surname = self.people.find_all(words[-1:])
            if len(same_surname) > 1:
                found = next(iter(self.people.find_all(words[-2:])), found)
            if found is None:
                # "Roe Addresses Port Strike: ‘…’": a headline's subject comes first; the first word
                # that is a known person's surname names the speaker.
                found = next((self.people.find([w]) for w in words
                              if w[:1].isupper() and _norm(w) not in TITLE_WORDS and self.people.find([w]) is not None), None)
            return found, "explicit"
        return None, "none"

    @functools.cached_property
    def _they_people(self) -> frozenset[int]:
        """People the article says use singular "they" (:data:`SINGULAR_THEY_STATEMENT`): the person named
        last before the statement, in its sentence ("Student Ana Roe, who uses they/them pronouns")."""
        text = _doc_text(self.doc)
        people = set()
        for match in SINGULAR_THEY_STATEMENT.finditer(text):
            span = self.doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None or not len(span):
                continue
            sentence = span[0].sent
            named = [(i, person) for i, person, _ in self.people.occurrences if sentence.start <= i < span.start]
            if named:
                people.add(max(named)[1])
        return frozenset(people)

    def _singular_they(self, at: int) -> int | None:
        """The person a "they" at token ``at`` means when the article said that person uses "they", that
        person is the last one named as a subject (or quoted) before it, and no plural subject (outside
        quotations: "officials said", "the lights went off" inside a quote is not one) comes between; else
        None, and "they" stays a group, never a speaker.  A subject pronoun continues a subject: a name
        inside a phrase ("has a son at Hillcrest Elementary") is no antecedent of "they said"."""
        if not self._they_people:
            return None
        named = [(i, person) for i, person, weight in self.people.occurrences if i < at and weight >= SALIENCE_SUBJECT]
        named += [(i, person) for i, person in self.speakers if i < at]
        if not named or max(named)[1] not in self._they_people:
            return None
        last, person = max(named)
        for token in self.doc[last + 1:at]:
            if token.dep_ in ("nsubj", "nsubjpass") and token.tag_ in ("NNS", "NNPS") and \
                    not _inside(token, self.quote_spans):
                return None
        return person

    def _first_named_in_quote(self, at: int) -> set[int]:
        """The people the quotation starting at token ``at`` calls by their first name alone: a speaker
        says "I" of himself and, speaking of himself in the third person, uses his full name or
        surname ("It's not just Bernie Roe saying …"); a bare first name there is someone else."""
        start = self.doc[at].idx
        span = next(((s, e) for s, e in self.quote_spans if s <= start < e), None)
        if span is None:
            return set()
        named = set()
        for i, person, _ in self.people.occurrences:
            token = self.doc[i]
            if span[0] <= token.idx < span[1] and _norm(token.text) == self.people.records[person].first and \
                    not (i > 0 and _is_name_token(self.doc[i - 1])) and \
                    not (i + 1 < len(self.doc) and _is_name_token(self.doc[i + 1])):
                named.add(person)
        return named

    def _introduced_since(self, head: Token, person: int, at: int) -> bool:
        """True when an indefinite noun phrase with the same head ("a Public Works engineer who asked not
        to be named") introduced someone new after ``person`` was last mentioned: "the engineer" then
        takes up that newcomer, not the person whose role the word also names.  An indefinite that
        describes a named person ("Ana Roe, a structural engineer,", "she is an engineer") introduces nobody."""
        last = max((i for i, p, _ in self.people.occurrences if p == person and i < at), default=-1)
        last = max([last] + [i for i, p, _ in self.salience.pronoun_mentions if p == person and i < at] +
                   [i for i, p in self.salience.speakers if p == person and i < at])
        for token in self.doc[last + 1:at]:
            if token.pos_ == "NOUN" and token.lemma_.lower() == head.lemma_.lower() and \
                    token.dep_ not in ("appos", "attr", "conj") and not _inside(token, self.quote_spans) and \
                    any(c.dep_ == "det" and c.lower_ in INDEFINITE_DETERMINERS for c in token.children):
                return True
        return False

    def _author(self, head: Token, at: int) -> int | None:
        """The person the article said wrote the text ``head`` names ("the letter"): the nearest earlier
        mention of that noun (the one a definite "the letter" takes up) with its author attached: "a letter
        signed by Ana Roe" (a participle's agent), "an email from Roe", "Roe's memo"; else None (an unsigned
        text, or one a group sent, speaks for no person; an earlier letter is another letter)."""
        by_token = {i: p for i, p, _ in self.people.occurrences}
        lemma = head.lemma_.lower()
        for token in reversed(self.doc[:head.i]):
            if token.lemma_.lower() != lemma or token.pos_ != "NOUN" or _inside(token, self.quote_spans):
                continue
            authors = [c for c in token.children if c.dep_ == "poss"]
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in AUTHOR_PREPOSITIONS:
                    authors += [c for c in child.children if c.dep_ == "pobj"]
                if child.dep_ == "acl" and child.tag_ == "VBN":
                    authors += [o for c in child.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
            found = [by_token[i] for author in authors for i in range(author.left_edge.i, author.i + 1) if i in by_token]
            return found[-1] if found else None
        return None

    def _apposed_name(self, mention: Span) -> int | None:
        """The known person a description's apposition names right after it, set off by a comma.

        "another fraternity brother, Ana Roe, recalled": the speaker phrase is the description, and
        the name beside it says which person it is.
        """
        # A capitalised office the tagger calls a proper noun counts when an article makes it a
        # description: "the District Collector, Dr. Ana Roe, stated".
        if mention.root.pos_ != "NOUN" and not (mention.root.pos_ == "PROPN" and mention[0].lower_ == "the"):
            return None
        doc = mention.doc
        after = mention.end + 1 if mention.end < len(doc) and doc[mention.end].text == "," else None
        if after is None:
            return None
        for token in mention:
            for child in token.children:
                if child.dep_ == "appos" and child.left_edge.i == after and _is_name_token(child):
                    name = [t for t in doc[after:child.i + 1] if _is_name_token(t) and not _is_title(t)]
                    found = self.people.find_all(_words(name)) if name else []
                    if len(found) == 1:
                        return found[0]
        return None

    def _by_role(self, head: Token | str, words: list[Token] | list[str], at: int) -> int | None:
        """The person whose article-given role names the office of ``head`` ("the transport secretary").

        An exact head ("secretary" ~ "Transport Secretary") beats a synonym ("chief"); shared
        modifiers ("defense") break ties, then salience.
        """
        candidates = _role_scores(self.people, head if isinstance(head, str) else head.text, words)
        if not candidates:
            return None
        top = max(candidates.values())
        best_people = {p for p, s in candidates.items() if s == top}
        if len(best_people) == 1:
            return next(iter(best_people))
        ranked = self._salience(at, allowed=best_people)
        return ranked[0][1] if ranked else max(best_people)


def _first_of_unnamed_remainder(mention: Span, conjuncts: list[Token]) -> Span | None:
    """The first conjunct of "Ana Roe and others" / "Roe and other officials", when every other
    conjunct is an unnamed remainder of people; else None ("Roe and Lee": two named people)."""
    if not all(t.lower_ in UNNAMED_REMAINDER_WORDS or any(c.lower_ in UNNAMED_REMAINDER_WORDS for c in t.children)
               for t in conjuncts):
        return None
    end = min(t.left_edge.i for t in conjuncts)
    cc = [t for t in mention if t.dep_ == "cc" and t.i < end]
    if cc:
        end = min(end, cc[0].i)
    first = mention.doc[mention.start:end]
    while len(first) and first[-1].is_punct:
        first = first[:-1]
    if not len(first) or not _is_name_token(first.root):
        return None
    return first


def _name_after_coordinated_title(mention: Span, conjuncts: list[Token]) -> Span | None:
    """The name ending "Vice President for news and talk Dana Roe" or "President and CEO Ana Roe",
    which the parser coordinates with the first title: a bare singular title (no determiner, no name
    of its own) cannot be a subject alone in English, so it is one of the titles of the name."""
    root = mention.root
    if len(conjuncts) != 1 or not _is_title(root) or root.tag_ in ("NNS", "NNPS") or \
            any(c.dep_ in ("det", "poss") for c in root.children) or mention[0].lower_ in ("the", "a", "an"):
        return None
    name = conjuncts[0]
    if not _is_name_token(name) or _is_title(name) or any(c.dep_ in ("cc", "conj") for c in name.children):
        return None
    return mention.doc[name.left_edge.i:name.i + 1]


def _role_scores(people: PeopleIndex, head_text: str, words: list[Token] | list[str]) -> dict[int, float]:
    """Every person whose role names the office of ``head_text``, with how well: 2 for the exact
    head, 1 for a synonym whose modifiers do not disagree, plus one per shared modifier word."""
    candidates: dict[int, float] = {}
    modifiers = {_norm(w if isinstance(w, str) else w.text) for w in words} - {_norm(head_text), "the", "a"}
    for person, record in enumerate(people.records):
        best = 0.0
        for role in record.roles:
            if role.split()[-1:] and role.split()[-1].lower() in OFFICE_DOMAIN_PREPOSITIONS:
                continue  # "mayor of" given to "Leuven": the office's domain, not its holder
            heads = role_heads(role)
            if _role_head(head_text) in heads:
                score = 2.0
            elif roles_match(head_text, heads) and not _modifiers_disagree(modifiers, role, heads):
                score = 1.0
            else:
                continue
            score += len(modifiers & {_norm(w) for w in role.split()})
            best = max(best, score)
        if best:
            candidates[person] = best
    return candidates


def _modifiers_disagree(modifiers: set[str], role: str, heads: set[str]) -> bool:
    """True when a synonym role mention names its office and the role shares none of its words:
    "the prime minister" is not the "Council leader" or the "Chief Inspector", though minister ~
    leader ~ chief ("the minister" still may be)."""
    mine = {m for m in modifiers if m.isalpha() and m not in VAGUE_ROLE_MODIFIERS}
    theirs = {_norm(w) for w in role.split()} | heads
    # Shared stems count: "the ministry chief" is the "Finance Minister".
    return bool(mine) and not any(m[:5] == w[:5] for m in mine for w in theirs if w.isalpha())


def _mention_role(mention: Span | None, record: _PersonRecord, method: str) -> str | None:
    """The role the article attaches to the speaker.

    The title printed with a name ("Attorney General Robert Haines"), else the article's
    role that a role noun refers to ("the attorney general"), else the first role given.
    """
    if mention is not None and method == "role":
        head = mention.root.text
        return next((r for r in record.roles if roles_match(head, role_heads(r))), None) or \
            (record.roles[0] if record.roles else None)
    if mention is not None:
        title, name = _split_title([t for t in mention if not t.is_punct or t.text in HYPHENS])
        role = _clean_role(title) if title and name else None
        if role:
            return role
    return record.roles[0] if record.roles else None
