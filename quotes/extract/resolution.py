"""Step 4, resolution: the speaker as printed ("he", "the transport secretary", "Mr. Roe")
becomes the fullest name the article gives, by salience, roles and surnames.

See the package docstring for the rules; :class:`Resolver` applies names, pronouns and roles,
with :class:`.salience.Salience` (who was mentioned how recently) and :class:`.pronouns.Pronouns`.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Span, Token

from .lexicon import (AUTHOR_PREPOSITIONS, AUTHORING_VERBS, DOUBLE_MARKS, SINGLE_MARKS, FAMILY_NOUNS, HONORIFICS,
                      HYPHENS, INDEFINITE_DETERMINERS, NAME_PARTICLES, NAMING_WORDS, OFFICE_DOMAIN_PREPOSITIONS,
                      ORDER_ANAPHORS, PERSON_NOUNS, PERSONAL_PRONOUNS, POSSESSIVE_PRONOUNS, READ_ALOUD_VERBS,
                      REPLY_CUES, SALIENCE_OTHER, SALIENCE_SUBJECT, SIBLING_AS_CHILD, SINGULAR_THEY_STATEMENT,
                      TITLE_WORDS, UNNAMED_REMAINDER_WORDS, VAGUE_ROLE_MODIFIERS, WRITTEN_NOUNS)
from .names import (
    _apposition_owner, _clean_role, _describes_person, first_name_gender, honorific_gender, _is_demonym, _is_name_token,
    _is_role_noun, _is_title, _norm, _role_head, role_heads, roles_match, _split_title, _surname_key, _words,
)
from .people_index import PeopleIndex, _PersonRecord
from .subjects import _is_cue, _mention_span
from .attribution import _doc_text, _inside
from .salience import Salience
from .pronouns import Pronouns, _gender_from_man_title, _gender_leaning


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
        self.salience.leaning = {person: leaning for person, record in enumerate(people.records)
                                 if record.first and (person in guessed or record.gender is None)
                                 and (leaning := _gender_leaning(record.first))}
        self.pronouns = Pronouns(self.salience)
        self.newcomers: dict[int, int] = {}  # token of an indefinite subject -> the person its words name
        self._add_role_subjects()
        self._add_relative_reporters()
        self._add_rooted_names()
        self._add_possessor_topics()
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
        is a mention of the person the article gave that role: it enters salience as that person; so,
        with the weight of a non-subject, is "the premier" alone as an object ("I told the premier so")."""
        added = False
        for token in self.doc:
            if token.dep_ == "pobj" and token.pos_ == "NOUN" and token.head.lower_ == "to" and \
                    token.head.head.lower_ == "according" and not _inside(token, self.quote_spans) and \
                    (person := self._relative(token) or self._sibling(token)) is not None:
                # "According to her son, she conducted from her chair. “…,” he said": the source of a report
                # is the one who says it, as a reporting subject is; the tag's pronoun continues him.
                self.people.occurrences.append((token.i, person, SALIENCE_SUBJECT))
                added = True
                continue
            if token.dep_ in ("dobj", "dative", "pobj") and token.pos_ == "NOUN" and _is_role_noun(token) and \
                    not _inside(token, self.quote_spans) and [t.lower_ for t in token.lefts] == ["the"]:
                # "I have told the premier so. She told me …": an office named as an object is a
                # mention of its holder too, though a weaker one than a subject.
                person = self._by_role(token, [token], token.i)
                if person is not None:
                    self.people.occurrences.append((token.i, person, SALIENCE_OTHER))
                    added = True
                continue
            if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ == "PRON" and token.lower_ in INDEFINITE_DETERMINERS \
                    and not _inside(token, self.quote_spans) and (person := self._named_newcomer(token, None)) is not None:
                # "Another, who would give only her first name, Ulrike, said …": one more of the people just
                # described, whom their own words name
                self.newcomers[token.i] = person
                self.people.occurrences.append((token.i, person, SALIENCE_SUBJECT))
                added = True
                continue
            if token.dep_ in ("nsubj", "nsubjpass") and token.lower_ == "one" and not _inside(token, self.quote_spans):
                # "One of them, a fisherman from the coast, said …": one of a group, described by the noun in
                # apposition and named by nothing, is someone unnamed whom a later pronoun may mean
                apposed = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN" and
                                _is_role_noun(c)), None)
                if apposed is not None:
                    lemma = _norm(apposed.lemma_)
                    self.salience.anonymous.append((token.i, -1 - len(self.salience.anonymous),
                                                    PERSON_NOUNS.get(lemma) or HONORIFICS.get(lemma) or
                                                    _compound_gender(lemma)))
                    continue
            if not _is_subject(token) or token.pos_ != "NOUN" or not _is_role_noun(token) \
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
                if (person := self._identified_after(token)) is not None:
                    # "an opposition deputy made a claim … . The claim came from Ana Roe, a deputy of …"
                    self.people.occurrences.append((token.i, person, SALIENCE_SUBJECT))
                    added = True
                    continue
                self.salience.anonymous.append((token.i, -1 - len(self.salience.anonymous),
                                       PERSON_NOUNS.get(lemma) or HONORIFICS.get(lemma)))
                continue
            if mention[0].lower_ != "the":
                if (person := self._sibling(token) or self._relative(token)) is not None:  # "Her brother added that …"
                    self.people.occurrences.append((token.i, person, SALIENCE_SUBJECT))
                    added = True
                continue  # "his son"
            named = _naming_phrase(token)
            # "The village elder, known to all as Tok Ana, said": the name the description's own words give
            # says who it is, before any role another person holds ("district elder")
            person = None
            if named is not None:  # (a role noun names a person: so does the name its own words give it)
                person = self.people.find(_words(named[0]))
                if person is None:
                    gender = PERSON_NOUNS.get(_norm(token.lemma_)) or HONORIFICS.get(_norm(token.lemma_)) or named[1]
                    person = self.people.add([t.text for t in named[0]], " ".join(t.text for t in named[0]),
                                             gender=gender)
            if person is None:
                person = self._by_role(token, [t for t in mention if not t.is_punct], token.i)
            if person is None and not any(i < token.i for i, _, _ in self.people.occurrences):
                person = self._identified_next(token)  # "The night nurse … told … . Ana Roe, who …, said"
            if person is None:
                person = self._named_by_next_tag(token)  # "The premier answered that … . “…,” Roe said."
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

    def _relative(self, token: Token) -> int | None:
        """The person a possessed family noun (``token``: "my father", "his widow") means when the article
        gave exactly one person that family role ("Her father, Ben Roe, drove a bus"): a family word names
        a relation, not an office others share, so the one such relative the story names is who the
        interviewee's "my father" is, and the pronouns after it mean him."""
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is None or owner.tag_ != "PRP$" or _norm(token.text) not in FAMILY_NOUNS:
            return None
        found = [p for p, record in enumerate(self.people.records)
                 if any(_norm(role) == _norm(token.text) for role in record.roles)]
        return found[0] if len(found) == 1 else None

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

    def _identified_after(self, token: Token) -> int | None:
        """The person an indefinite role subject (``token``: "an opposition deputy made a claim") turns out
        to be when the next person the article names, in the next two sentences, is given that role noun ("The
        claim came from Ana Roe, a deputy of the opposition"): a lede's delayed identification, the reporter
        naming in the next breath whom the indefinite introduced.  Anyone else named first, or later, or
        with another role, leaves the indefinite someone unnamed."""
        sentence = token.sent
        end = sentence.end
        for _ in range(2):  # the next two sentences ("… made a claim. The Ledger checked it. The claim came from …")
            if end < len(self.doc):
                end = self.doc[end].sent.end
        named = [(i, p) for i, p, _ in self.people.occurrences if i > token.i and i < end and
                 not _inside(self.doc[i], self.quote_spans)]
        if not named or named[0][0] < sentence.end:
            return None  # (someone named in the same sentence: "a deputy asked Roe …")
        person = named[0][1]
        lemma = _role_head(token.lemma_)
        if not any(lemma in role_heads(role) for role in self.people.records[person].roles):
            return None
        return person

    def _named_by_next_tag(self, token: Token) -> int | None:
        """The person the tag of the quote right after names, when a definite role subject no one holds
        (``token``) opens the reporter's sentence before it in the same paragraph: "The prime minister, who
        spoke without notes, answered that it was not his decision. “…,” Roe said." -- the reporter varies
        the reference to one speaker, and gives the quote to the one the sentence before introduced.  The
        named person must have no role of their own (else the role is someone else's), and the sentence
        between holds nothing but that quote and its tag.  They take the role, so "the prime minister" is
        them later in the article too."""
        sentence = token.sent
        if sentence.end >= len(self.doc) or any(_inside(t, self.quote_spans) for t in sentence):
            return None
        text = _doc_text(self.doc)
        # the quotation right after the sentence, in the same paragraph (only spaces and its mark between)
        quote = next(((s, e) for s, e in self.quote_spans if s >= sentence.end_char), None)
        if quote is None or text[sentence.end_char:quote[0]].strip(" " + "".join(DOUBLE_MARKS | SINGLE_MARKS)) or \
                "\n" in text[sentence.end_char:quote[0]]:
            return None
        # its tag: the words after the closing mark up to the end of their sentence
        tag = [t for t in self.doc[sentence.end:] if t.idx >= quote[1]]
        tag = tag[:next((n for n, t in enumerate(tag) if t.text in (".", "!", "?") or "\n" in t.text or
                         _inside(t, self.quote_spans)), len(tag))]  # (not into a quote the tag goes on to)
        inside = {t.i for t in tag}
        tagged = [(i, p) for i, p, weight in self.people.occurrences if i in inside]
        if len(tagged) != 1 or self.doc[tagged[0][0]].dep_ not in ("nsubj", "nsubjpass") or \
                not _is_cue(self.doc[tagged[0][0]].head):
            return None
        person = tagged[0][1]
        record = self.people.records[person]
        gender = PERSON_NOUNS.get(_norm(token.lemma_)) or HONORIFICS.get(_norm(token.lemma_))
        if record.roles or (gender and record.gender and gender != record.gender):
            return None
        record.add_role(" ".join(t.text for t in token.lefts if t.dep_ == "compound") +
                        (" " if any(t.dep_ == "compound" for t in token.lefts) else "") + token.text)
        return person

    def _named_newcomer(self, token: Token, gender: str | None) -> int | None:
        """The person an indefinite subject ``token`` introduces when its own words name them ("a listener
        who gave her name only as Ana, from Kandy, sent", "a woman identified as Ana Roe said"): the
        capitalised name right after a naming word (:data:`NAMING_WORDS`) or its "as", before the verb
        (not a date: "a spokesman called Tuesday")."""
        found = _naming_phrase(token)
        if found is None:
            return None
        name, pronoun = found
        return self.people.add([t.text for t in name], " ".join(t.text for t in name), gender=gender or pronoun)

    def _add_rooted_names(self) -> None:
        """A name the parser made the root of a sentence it opens, with the sentence's verbs hung under
        it ("Trump, when asked …, often steam-rolls through …", "steam-rolls" read as a noun; "Gov. Ana
        Roe — who … — made …"): no English sentence is a bare name with clauses, so the name is the
        subject whose verb the parser missed, and counts as a subject mention."""
        for n, (i, person, weight) in enumerate(self.people.occurrences):
            token = self.doc[i]
            # So is a name in apposition to a noun the parser rooted the same way: "Roe's daughter, Ana
            # Roe, watched from the stands" ("watched" hung under "daughter" as a modifier): the noun
            # is the sentence's subject, and the name says who it is.
            # (a noun for a person: "The hashtag, #Paris, spread" names no one)
            rooted = token.head if token.dep_ == "appos" and _is_role_noun(token.head) else token
            if weight == SALIENCE_SUBJECT or rooted.dep_ != "ROOT" or rooted.left_edge.i != rooted.sent.start or \
                    _inside(token, self.quote_spans):
                continue
            if any(t.pos_ in ("VERB", "AUX") and t.i > i and not _inside(t, self.quote_spans) for t in rooted.subtree):
                self.people.occurrences[n] = (i, person, SALIENCE_SUBJECT)

    def _add_possessor_topics(self) -> None:
        """A name that possesses the subject of a sentence's main verb, when that subject is a thing and
        no other person is named in the sentence ("The rest of Roe's speech was a list of promises", "Roe's campaign
        stood by the figure"): the sentence is about that person's doings, so they are its topic, as a
        subject is, and a "he said" after it continues them rather than the speaker of the paragraph before."""
        changed = False
        for n, (i, person, weight) in enumerate(self.people.occurrences):
            token = self.doc[i]
            if weight == SALIENCE_SUBJECT or token.dep_ != "poss" or _inside(token, self.quote_spans):
                continue
            subject = token.head
            while subject.dep_ not in ("nsubj", "nsubjpass") and subject.dep_ in ("pobj", "prep", "poss") and \
                    subject.head.i != subject.i:
                subject = subject.head  # "the rest of Roe's speech": up to "rest"
            if subject.dep_ not in ("nsubj", "nsubjpass") or subject.head.dep_ != "ROOT" or \
                    subject.pos_ != "NOUN" or _is_role_noun(subject) or subject.tag_ in ("NNS", "NNPS"):
                continue
            sentence = range(token.sent.start, token.sent.end)
            if any(j in sentence and p != person and not _inside(self.doc[j], self.quote_spans)
                   for j, p, _ in self.people.occurrences):
                continue  # "Roe's talks with Lee", "Roe's position was backed by Lee": about both
            self.people.occurrences[n] = (i, person, SALIENCE_SUBJECT)
            changed = True
        if changed:
            self.people.occurrences.sort()

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
                # Nor one the quote calls by first name: "“He said it in cabinet. Pavel is a good minister,”
                # she said" is not Pavel (see _first_named_in_quote)
                return self.pronouns.resolve(PERSONAL_PRONOUNS[head.lower_], at, local_before, main_only,
                                             replying, pronoun=head,
                                             not_people=not_people | frozenset(self._first_named_in_quote(at))), \
                    "pronoun"
            if head.lower_ == "it" and len(words) == 1 and (text := self._text_it_means(head)) is not None:
                found = self._author_of(text)  # "“…”, it read": the text's author
                return (None if found in not_people else found), "pronoun"
            if head.lower_ == "they" and len(words) == 1 and (declared := self._singular_they(at)) is not None:
                return declared, "pronoun"  # the article said this person uses "they"
            if len(words) == 2 and words[0].lower_ == "the" and words[1].lower_ in ORDER_ANAPHORS:
                # "Ana Kovač and Petra Horvat met. The former said …": the first or second of the last two named
                pair = self.salience.last_two_named(at)
                return (pair[ORDER_ANAPHORS[words[1].lower_]] if pair else None), "role"
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
            # So too a lone word the parser made the root of its own sentence, as it does a transcript's speaker
            # label ("Roe: “…”", the tagger reading a verb, VBZ): a mention with no verb around it is a name.
            # And a lone capitalised word right after the verb it modifies, as an inverted subject stands ("“…,”
            # said Skelly,": the tagger reads the "-ly" surname as an adverb, advmod of "said").
            lone_subject = len(words) == 1 and head.is_alpha and (head.dep_ in ("nsubj", "nsubjpass", "ROOT") or (
                head.dep_ == "advmod" and head.head.pos_ == "VERB" and head.i == head.head.i + 1))
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
            if len(words) == 2 and words[0].lower_ == "the" and head.is_upper and head.is_alpha and \
                    self.people.office_initialism(head.text):
                # "the CFO replied" after "Chief financial officer Ana Roe": the initials of an office the article
                # gives someone name that office, not an organisation called "CFO"
                return self._by_role(head, words, at), "role"
            # "the Democrat", "the Spaniard": a nationality or party describes, it does not name.
            names = [t for t in words if _is_name_token(t) and not _is_title(t) and t.ent_type_ != "NORP"]
            if words[0].lower_ == "the" and len(words) > 1 and _is_name_token(words[1]) and not _is_title(words[1]) \
                    and names and names[-1].i == head.i and \
                    not any(_is_title(t) or (_is_role_noun(t) and t.is_lower) or t.text in ("’s", "'s") for t in words):
                # "The American Legion said", "the Blaze reported": a person's name takes no article
                # (titles do: "the Rev. Ana Roe"; "the Post's Ana Roe" is Roe), so it names a thing.
                return None, "explicit"
            if known_name or (_is_name_token(head) and head.ent_type_ != "NORP") or (names and names[-1].i == head.i):
                title, name = _mention_title_name(mention)
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
                owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS), None)
                if owner is not None and words[0].i == owner.i and \
                        (self.salience.paragraph_subject(owner.i, POSSESSIVE_PRONOUNS[owner.lower_]) or 0) < 0:
                    # "A second contractor, whose name was withheld, … His lawyer said": the possessive takes up
                    # someone unnamed, so the role is that person's own (lawyer), not the one the article gave a
                    # named person's lawyer earlier
                    return None, "role"
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
                    if found is not None and self._introduced_since(head, found, at):
                        # "She was asked by a reporter … “…?” the reporter asked": the description takes up
                        # the newcomer an indefinite introduced since, not the person the story is about
                        found = None
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
        # Nor when the nearest earlier noun of the description's own (which a definite "the person" takes
        # up) introduced someone unnamed, though a named person was mentioned since: "According to one
        # person present, who spoke on condition of anonymity, Roe had asked for more. “…,” the person said"
        # is the unnamed source, not Roe (unless a name in apposition or a naming phrase says who it is).
        nearest = next((t for t in reversed(self.doc[:at]) if t.i != head.i and t.pos_ == "NOUN" and
                        t.lemma_.lower() == head.lemma_.lower() and not _inside(t, self.quote_spans)), None)
        return nearest is not None and nearest.dep_ not in ("appos", "attr", "conj") and \
            any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE_DETERMINERS for c in nearest.children) and \
            not any(c.dep_ == "appos" for c in nearest.children) and nearest.i not in self.newcomers and \
            _naming_phrase(nearest) is None

    def _author(self, head: Token, at: int) -> int | None:
        """The person the article said wrote the text ``head`` names ("the letter"): the nearest earlier
        mention of that noun (the one a definite "the letter" takes up) with its author attached: "a letter
        signed by Ana Roe" (a participle's agent), "an email from Roe", "Roe's memo"; else None (an unsigned
        text, or one a group sent, speaks for no person; an earlier letter is another letter)."""
        lemma = head.lemma_.lower()
        for token in reversed(self.doc[:head.i]):
            if token.lemma_.lower() != lemma or token.pos_ != "NOUN" or _inside(token, self.quote_spans):
                continue
            return self._author_of(token)
        return None

    def _author_of(self, text: Token) -> int | None:
        """The person the article says wrote the text the noun ``text`` names: "Roe's memo", "an email from
        Roe", "a letter signed by Roe", "a message that Roe sent" (a relative clause of writing or sending,
        :data:`AUTHORING_VERBS`); failing an author, the one who read it aloud ("Roe read a statement"),
        who gives it a voice.  None for an unsigned text, or one a group sent."""
        by_token = {i: p for i, p, _ in self.people.occurrences}
        authors = [c for c in text.children if c.dep_ == "poss"]
        for child in text.children:
            if child.dep_ == "prep" and child.lower_ in AUTHOR_PREPOSITIONS:
                authors += [c for c in child.children if c.dep_ == "pobj"]
            if child.dep_ == "acl" and child.tag_ == "VBN":
                authors += [o for c in child.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
            if child.dep_ == "relcl" and child.lemma_.lower() in AUTHORING_VERBS and \
                    not any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in child.children):
                authors += [c for c in child.children if c.dep_ == "nsubj"]  # (not "a letter that reached Roe")
        if not authors and text.dep_ == "dobj" and text.head.lemma_.lower() in READ_ALOUD_VERBS:
            authors = [c for c in text.head.children if c.dep_ == "nsubj"]
        # (a description's name in apposition says who: "The chairman, Ana Roe, read a statement")
        authors += [c for author in authors for c in author.children if c.dep_ == "appos" and c.i > author.i]
        found = [by_token[i] for author in authors for i in range(author.left_edge.i, author.i + 1) if i in by_token]
        return found[-1] if found else None

    def _text_it_means(self, pronoun: Token) -> Token | None:
        """The written text an "it" reporting words refers to (“…”, it read): the subject of the sentence
        before, when that is a text (:data:`WRITTEN_NOUNS`) -- "A message that Roe sent was read out.
        “…”, it read." (a sentence about a text makes it what "it" takes up next)."""
        sentence = pronoun.sent
        if sentence.start == 0:
            return None
        previous = self.doc[sentence.start - 1].sent
        while previous.start > 0 and all(_inside(t, self.quote_spans) or t.is_punct or t.is_space for t in previous):
            previous = self.doc[previous.start - 1].sent
        subject = next((t for t in previous if t.dep_ in ("nsubj", "nsubjpass") and t.head == previous.root), None)
        if subject is None and previous.root.pos_ == "NOUN":
            subject = previous.root  # the parser may root the sentence at its subject, its verb hung below it
        if subject is None or subject.pos_ != "NOUN" or subject.lemma_.lower() not in WRITTEN_NOUNS or \
                _inside(subject, self.quote_spans):
            return None
        return subject

    def _apposed_name(self, mention: Span) -> int | None:
        """The known person a description's apposition names right after it, set off by a comma.

        "another fraternity brother, Ana Roe, recalled": the speaker phrase is the description, and
        the name beside it says which person it is.
        """
        # A capitalised office the tagger calls a proper noun counts when an article makes it a
        # description: "the District Collector, Dr. Ana Roe, stated".
        # So does a partitive "one of the survivors" (or "another"), a description of one person too.
        partitive = mention.root.lower_ in INDEFINITE_DETERMINERS and mention.root.pos_ in ("NUM", "PRON")
        if mention.root.pos_ != "NOUN" and not (mention.root.pos_ == "PROPN" and mention[0].lower_ == "the") and \
                not partitive:
            return None
        doc = mention.doc
        end, holders = mention.end, list(mention)
        # The office's domain may stand between the description and the name: "The regional director of
        # the Electoral Service, Ana Roe, told" (the parser may hang the name on "Service").
        domain = next((c for c in mention.root.children if c.dep_ == "prep" and c.i == mention.end and
                       c.lower_ in OFFICE_DOMAIN_PREPOSITIONS), None)
        objects = [o for o in domain.children if o.dep_ == "pobj"] if domain is not None else []
        if objects and objects[0].i + 1 < len(doc) and doc[objects[0].i + 1].text == ",":
            end, holders = objects[0].i + 1, holders + [domain, objects[0]]
        after = end + 1 if end < len(doc) and doc[end].text == "," else None
        if after is None:
            return None
        for token in holders:
            for child in token.children:
                # (the parser may hang the name on a partitive as an adverbial noun: "One of …, Ana, 29, said")
                if (child.dep_ == "appos" or (partitive and child.dep_ == "npadvmod")) and \
                        child.left_edge.i == after and _is_name_token(child):
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


def _is_subject(token: Token) -> bool:
    """Whether ``token`` is a clause's subject, also when the parser hung it in apposition to a fronted
    adverb it took for the subject or a modifier ("Nearby, a student … said": "student" appos to "Nearby"), the
    verb having no other subject: an adverb names no one, so the noun phrase apposed to it is the verb's subject."""
    if token.dep_ in ("nsubj", "nsubjpass"):
        return True
    adverb = token.head
    return token.dep_ == "appos" and adverb.pos_ == "ADV" and adverb.dep_ in ("nsubj", "nsubjpass", "advmod") and \
        not any(c.dep_ in ("nsubj", "nsubjpass") and c.i != adverb.i for c in adverb.head.children)


def _naming_phrase(token: Token) -> tuple[list[Token], str | None] | None:
    """The name a subject's own words give it, and the gender a possessive there gives, when they do:
    the capitalised name right after a naming word (:data:`NAMING_WORDS`) or its "as", before the verb
    ("a listener who gave her name only as Ana", "the village elder, known to all as Tok Ana,"), or set
    beside the word "name" ("who gave only her first name, Ana,"); not a
    date ("a spokesman called Tuesday")."""
    doc = token.doc
    end = token.head.i if token.head.i > token.i else token.right_edge.i + 1
    words = doc[token.i + 1:min(end, token.i + 16)]
    for k, word in enumerate(words):
        # (past a title of respect before the name: "known to all as Pak Darto")
        previous = k - 1
        while previous >= 0 and _is_title(words[previous]):
            previous -= 1
        before = words[previous].lower_ if previous >= 0 else ""
        # (or set beside the word "name": "who gave only her first name, Ana,")
        beside_name = before == "," and word.dep_ == "appos" and word.head.lower_ in NAMING_WORDS
        if not (word.pos_ == "PROPN" and word.text[:1].isupper() and word.is_alpha and not _is_title(word) and
                word.ent_type_ not in ("DATE", "TIME")) or \
                not (before in NAMING_WORDS or beside_name or
                     (before == "as" and any(w.lower_ in NAMING_WORDS for w in words[:k]))):
            continue
        name = [word]
        while word.i + len(name) < end and doc[word.i + len(name)].pos_ == "PROPN" and \
                doc[word.i + len(name)].is_alpha and doc[word.i + len(name)].text[:1].isupper():
            name.append(doc[word.i + len(name)])
        pronoun = next((POSSESSIVE_PRONOUNS[w.lower_] for w in words[:k] if w.lower_ in POSSESSIVE_PRONOUNS
                        and w.dep_ == "poss"), None)
        return name, pronoun
    return None


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


def _mention_title_name(mention: Span) -> tuple[list[Token], list[Token]]:
    """A mention's title and name, punctuation dropped but hyphens kept ("Okafor-Bello"), and so is an
    apostrophe that elides a letter (:func:`_eliding_apostrophe`)."""
    return _split_title([t for t in mention if not t.is_punct or t.text in HYPHENS or
                         (t.i > mention.start and _eliding_apostrophe(t))])


def _eliding_apostrophe(token: Token) -> bool:
    """An apostrophe glued to the end of a word (other than a lone "s"), which elides a letter of that word:
    the Gaelic article of "Nic a' Phearsain"."""
    before = token.doc[token.i - 1]
    return token.text in ("'", "’") and before.is_alpha and not before.whitespace_ and before.lower_ != "s"


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
        title, name = _mention_title_name(mention)
        role = _clean_role(title) if title and name else None
        if role:
            return role
    return record.roles[0] if record.roles else None


def _compound_gender(lemma: str) -> str | None:
    """The gender an English "-man"/"-woman" compound gives an unnamed person: "a fisherman from the
    coast said …" introduces a man ("-woman" its feminine), so a later "he" may mean him rather than
    a named man of the paragraph.  (Only for someone unnamed: a named holder of a "-man" office may
    be a woman, "chairman Ana Roe".)"""
    if lemma.endswith("woman"):
        return "f"
    return "m" if lemma.endswith("man") and len(lemma) > 4 else None
