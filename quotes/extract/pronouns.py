"""Step 4, resolution: "he"/"she" to a person of the article, by salience and gender.

:class:`Pronouns` resolves the reporter's own subject pronouns in reading order and speakers'
pronouns; the helpers read a reporting pronoun's clause and a first name's usual gender.
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import (
    FIRST_NAME_LEANING_SHARE, HONORIFICS, PERSONAL_PRONOUNS, POSSESSIVE_PRONOUNS, QUESTION_CUES, SALIENCE_GENDER_MARGIN,
    SALIENCE_OTHER, SALIENCE_SUBJECT, SALIENCE_TOPIC_BELOW, TOPIC_MARKERS, UNMARKED_MAN_TITLES,
)
from .names import _norm, first_name_share_gender
from .people_index import _PersonRecord
from .subjects import _is_cue
from .attribution import _inside
from .salience import Salience


def _gender_from_man_title(record: _PersonRecord) -> bool:
    """True when only a "-man" title ("spokesman Hope Roe") can have given a person's gender: no
    courtesy title ("Ms.", "Mr.") among the ways the article names them."""
    words = {_norm(w) for alias in record.aliases for w in alias.split()}
    return bool(words & UNMARKED_MAN_TITLES) and not any(HONORIFICS.get(w) for w in words - UNMARKED_MAN_TITLES)


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
        reported = _reported_clause(pronoun, self.salience.quote_spans) if pronoun is not None else frozenset()
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
            # The unnamed person just introduced; the pronoun gives their gender when their noun did not
            # ("a student who asked not to be named said she …"), so a later "he" means someone else.
            anonymous = self.salience.anonymous
            n = next((n for n, entry in enumerate(anonymous) if entry[1] == ranked[0][1]), None)
            if n is not None and anonymous[n][2] is None:
                anonymous[n] = (anonymous[n][0], anonymous[n][1], gender)
            return None
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
    return first_name_share_gender(first, FIRST_NAME_LEANING_SHARE)


def _reported_clause(pronoun: Token, quote_spans: list[tuple[int, int]]) -> frozenset[int]:
    """Token indices of the clause a reporting pronoun reports, whose names it cannot mean: a pronoun
    does not refer to a name in the clause it governs ("He said Roe was late": he is not Roe), nor in
    the clause a parenthetical report interrupts ("Roe, she said, was late": she is not Roe), nor in
    the reporter's paraphrase fronted before it ("Also, Roe is no reformer, she said": she is not Roe,
    or the reporter would have written "Roe said she is no reformer")."""
    verb = pronoun.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or not _is_cue(verb):
        return frozenset()
    reported = {t.i for c in verb.children if c.dep_ == "ccomp" and c.i > pronoun.i for t in c.subtree}
    # A fronted clause: only the reporter's paraphrase of the words ("Also, Roe is no reformer, she
    # said"), not a quote ("“…,” he said": the quote is weighed as such) nor a clause that is itself a
    # report of its subject's ("Roe conceded the point, she said": a redundant second tag for Roe), nor
    # a sentence the parser joined across a semicolon or colon ("Roe wanted votes; indeed, he said …").
    fronted = [c for c in verb.children if c.dep_ == "ccomp" and c.i < pronoun.i]
    if verb.dep_ == "parataxis" and verb.head.i < verb.i:  # the same, parsed as a tag after its clause
        fronted.append(verb.head)
    for clause in fronted:
        before = pronoun.doc[clause.left_edge.i:pronoun.i]
        if not _is_cue(clause) and not any(_inside(t, quote_spans) or t.text in (";", ":") for t in before):
            reported |= {t.i for t in before}
    if verb.dep_ == "parataxis" and verb.i < verb.head.i:  # inside the clause, before its verb
        cue_part = {t.i for t in verb.subtree}
        # The clause starts with the phrase the report interrupts ("… as Lee echoed it, and Roe, she said,
        # was late": from "Roe"), whatever else the parser hung under its verb.
        subject = _interrupted_subject(pronoun)
        start = pronoun.doc[subject].left_edge.i if subject is not None else 0
        reported |= {t.i for t in verb.head.subtree if t.i not in cue_part and t.i >= start}
    return frozenset(reported)
