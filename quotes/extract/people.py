"""Step 2, people: every person the article names, with aliases, roles and gender hints.

From NER, title + name sequences and subjects of cue verbs, and names NER calls a place or
organisation when a relative's name, an age ("MacLeod, 83,") or a following "he"/"she" says
person (:func:`find_people`; those signs in :mod:`.evidence`).  :class:`PeopleIndex` also keeps
every mention, for salience.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .evidence import (
    _adjective_words, _bears_a_persons_surname, _first_name_leads, _has_age_apposition, _has_who_clause,
    _inverted_subject, _misprints_a_surname, _name_before_colon, _names_an_org_noun, _next_subject_is_he_or_she,
    _of_phrase_owner, _org_apposition, _party_tag_follows, _publishes_a_work, _reflexive_of_person, _reflexives,
    _refers_to_itself, _set_off_by_comma, _titled_full_name, _unlabelled_group_name,
)
from .lexicon import (
    CUE_VERBS, FAMILY_NOUNS, FULL_NAME_HONORIFICS, HONORIFICS, NAME_PARTICLES, NAME_SUFFIXES, LOCATIVE_PREPOSITIONS, NON_PERSON_LABELS, ORG_WORDS, PLACE_LABELS,
    PARTY_TAG, PERSON_NOUNS, SALIENCE_OTHER, SALIENCE_SUBJECT, TITLE_CASE_LOWER_WORDS, TITLE_LINE_MIN_WORDS, TITLE_WORDS,
)
from .model import Person
from .names import (
    _apposition_owner, _appositive_role, _clean_role, _continues_hyphenated, _hyphenated_word, _in_nickname, _is_name_token, _is_role_noun, _is_title, _looks_like_org, _name_run,
    _norm, romanised_given_name, _phrase, _split_title, _surname_key, _surname_of, _words,
    first_name_gender, honorific_gender, is_patronymic, name_gender,
)


@dataclass
class _PersonRecord:
    """A person being assembled while reading the article."""

    name_words: list[str]
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    gender: str | None = None
    # The surname was never printed with this person's name, only taken from a relative's
    # ("Roe’s sister, Gale," -> Gale Roe): the article calls them by first name, not "Roe".
    surname_inferred: bool = False
    # Common nouns set in apposition to the name ("Vikram Osei, dean of the law school": "dean").
    descriptors: set[str] = field(default_factory=set)

    @property
    def surname(self) -> str:
        return _surname_of(self.name_words)

    @property
    def first(self) -> str | None:
        return _norm(self.name_words[0]) if len(self.name_words) > 1 else None

    @property
    def name(self) -> str:
        return " ".join(self.name_words)

    def honorific_full_name(self, words: list[str] | None = None) -> bool:
        """Whether an alias prints the whole name (or ``words``) right after an honorific ("Mr Muhammad
        Hafiz Ismail", "Datuk Seri Ahmad Faizal")."""
        full = [_norm(w) for w in (words or self.name_words)]
        for alias in self.aliases:
            words = [_norm(w) for w in alias.split()]
            if any(words[k:k + len(full)] == full and words[k - 1] in FULL_NAME_HONORIFICS
                   for k in range(1, len(words) - len(full) + 1)):
                return True
        return False

    def add_alias(self, alias: str) -> None:
        if alias and alias not in self.aliases:
            self.aliases.append(alias)

    def add_role(self, role: str | None) -> None:
        if role and role not in self.roles:
            self.roles.append(role)

    def has_role_word(self, word: str) -> bool:
        """Whether ``word`` (normalised) is a word of a role the article gave this person or a noun it set
        in apposition to their name: "Dean Osei" after "Vikram Osei, dean of the law school" is the
        dean's title before his surname, not another Osei's first name."""
        # (lowercase words of roles only: "daughter of Bill Clinton and Hillary" gives no "Hillary")
        return word in self.descriptors or any(w.islower() and _norm(w) == word for role in self.roles for w in role.split())


class PeopleIndex:
    """Persons of one article and where each is mentioned (for salience).

    Names are matched by surname; a first name must agree when both are given,
    so "Ms. Varga", "Varga" and "Lena K. Varga" are one person.
    """

    def __init__(self) -> None:
        self.records: list[_PersonRecord] = []
        self.occurrences: list[tuple[int, int, float]] = []  # (token index, record index, weight)
        # Token index -> every person a bare surname there may name, when people share it.
        self.alternatives: dict[int, list[int]] = {}
        # Surname keys of one-word names the article treats as things ("Velora has positioned itself"):
        # printed alone, such a word names no person, even one whose longer name ends with it.
        self.things: set[str] = set()

    def add(self, name_words: list[str], alias: str, role: str | None = None,
            gender: str | None = None) -> int:
        """Record a naming; return the person's index."""
        surname = _surname_of(name_words)
        first = _norm(name_words[0]) if len(name_words) > 1 else None
        # The gender this naming shows: an honorific before a surname ("Mr. Bush"), or a full name's
        # first name ("Laura Bush").  A person of the other known gender is someone else of that
        # surname, a spouse or relative: "Mr. Bush" after "Laura Bush" is not Laura.
        shown = (gender if first is None else first_name_gender(name_words[0]))
        same_surname = []
        for index in range(len(self.records) - 1, -1, -1):
            record = self.records[index]
            if record.surname != surname:
                continue
            if first and record.first and not (first == record.first or
                                               (len(first) == 1 and record.first.startswith(first)) or
                                               (len(record.first) == 1 and first.startswith(record.first)) or
                                               (len(name_words) == 2 and record.has_role_word(first))):
                continue
            same_surname.append(index)
        fitting = [i for i in same_surname if not shown or self.known_gender(i) in (None, shown)]
        # (one of the printed gender before one of unknown gender: "Mrs. Roe" beside Ana and Lee Roe)
        match = next((i for i in fitting if shown and self.known_gender(i) == shown), fitting[0] if fitting else None)
        if role and not shown and first is None and len(fitting) > 1:
            # "President Roe" beside Tom, Ana and Lee Roe: the one the article gave that office, else none of
            # them (a person of their own), rather than the latest named.
            office = {_norm(w) for w in role.split()} & TITLE_WORDS
            holders = [i for i in fitting if office & {
                _norm(w) for text in self.records[i].roles + self.records[i].aliases for w in text.split()}]
            match = holders[0] if len(holders) == 1 else -1
        if match is None and not same_surname and len(name_words) == 1:
            match = self._by_first_name(name_words[0])
            if match is None:
                match = self._by_family_name_first(name_words[0], gender)  # "Ms Lee" for Ms Lee Hui Min
        if match is None and not same_surname:
            match = self._by_name_tail(name_words)
        if match is None or match < 0:
            self.records.append(_PersonRecord(list(name_words)))
            match = len(self.records) - 1
        record = self.records[match]
        if len(name_words) > len(record.name_words):
            record.name_words = list(name_words)
        record.add_alias(alias)
        record.add_role(role)
        if gender and not record.gender:
            record.gender = gender
        if not record.gender:
            record.gender = name_gender(record.name_words)  # "Olena Ivanivna": the patronymic says a woman
        return match

    def known_gender(self, index: int) -> str | None:
        """A person's gender as the article's words give it so far (an honorific, a gendered noun in
        apposition), else as their first name's usual gender gives it."""
        record = self.records[index]
        return record.gender or (first_name_gender(record.name_words[0]) if record.first else None)

    def _by_first_name(self, word: str) -> int | None:
        """The one person whose first name is ``word`` ("Tomas" for Tomas Berger), if unique."""
        matches = [i for i, r in enumerate(self.records) if r.first == _norm(word) and len(r.name_words) > 1]
        return matches[0] if len(matches) == 1 else None

    def _by_family_name_first(self, word: str, gender: str | None) -> int | None:
        """Of several people whose full names start with ``word``, the one an honorific's gender picks:
        names printed family name first ("Mr Lee Chong Wah" and his daughter "Ms Lee Hui Min") share
        their first word, and "Ms Lee" is the daughter.  Only people whose gender the article gave
        (an honorific, a noun) count; None without a gender or when it does not pick one."""
        if gender is None:
            return None
        matches = [i for i, r in enumerate(self.records)
                   if r.first == _norm(word) and len(r.name_words) > 2 and r.gender == gender]
        return matches[0] if len(matches) == 1 else None

    def _by_name_tail(self, words: list[str]) -> int | None:
        """The one person whose longer name ends with these two or more words: a two-word surname
        printed alone ("Wasserman Schultz" for Debbie Wasserman Schultz, "Suu Kyi")."""
        if len(words) < 2:
            return None
        tail = [_norm(w) for w in words]
        matches = [i for i, r in enumerate(self.records)
                   if len(r.name_words) > len(words) and [_norm(w) for w in r.name_words[-len(words):]] == tail]
        return matches[0] if len(matches) == 1 else None

    def _by_name_head(self, words: list[str]) -> int | None:
        """The one person whose longer name starts with these two or more words, when they end with a
        patronymic: a given name and patronymic printed without the surname ("Olena Ivanivna" for Olena
        Ivanivna Bondar), as East Slavic usage addresses people.  (Any leading words, without the
        patronymic, folded "Paul Ryan" into a Title Case line NER took for a name, "Paul Ryan Joins Growing
        List", and a maiden name into a married one: measured -3 dev name quotes, -1 held-out.)"""
        if len(words) < 2 or not is_patronymic(words[-1]):
            return None
        head = [_norm(w) for w in words]
        matches = [i for i, r in enumerate(self.records)
                   if len(r.name_words) > len(words) and [_norm(w) for w in r.name_words[:len(words)]] == head]
        return matches[0] if len(matches) == 1 else None

    def _by_name_part(self, words: list[str], titled: bool = False) -> int | None:
        """The one person whose longer name holds these words together but does not end with them, when
        the article printed that name with an honorific (:data:`FULL_NAME_HONORIFICS`): in that house
        style (Singapore, Malaysia) a person is called by a part of the name that is not its last word,
        the given name after a patronymic or before it ("Mr Hafiz" for Mr Muhammad Hafiz Ismail, "Ms
        Nur Aisyah" for Ms Nur Aisyah Rahman).  None when the part is anyone's surname, is a lone
        particle, or fits two people.  (Without the honorific cue, "Ms. Acosta" for Melba Acosta Febo, a
        US paper's Spanish double surname, would be joined too: right, but the longer name then
        disagrees with a gold that keeps the short one; measured -12 dev name quotes.)  A part of two
        or more words may carry the honorific itself (``titled``, or an alias of the person): "Datuk
        Seri Ahmad Zulkifli" after a bare "Ahmad Zulkifli Osman"."""
        part = [_norm(w) for w in words if w[:1].isalpha()]
        if not part or (len(part) == 1 and part[0] in NAME_PARTICLES) or \
                any(r.surname == _surname_of(words) for r in self.records if len(r.name_words) > len(part)):
            return None
        matches = [i for i, r in enumerate(self.records) if len(r.name_words) > len(part) and any(
            [_norm(w) for w in r.name_words[k:k + len(part)]] == part
            for k in range(len(r.name_words) - len(part))) and (  # (k stops before the tail: a surname)
            r.honorific_full_name() or (len(part) > 1 and (titled or r.honorific_full_name(part))))]
        return matches[0] if len(matches) == 1 else None

    def _fold(self, index: int, target: int) -> None:
        """Make the person at ``index`` part of the one at ``target``: its names, roles and gender."""
        record, full = self.records[index], self.records[target]
        for alias in [record.name, *record.aliases]:
            full.add_alias(alias)
        for role in record.roles:
            full.add_role(role)
        full.gender = full.gender or record.gender
        del self.records[index]

    def merge_name_parts(self) -> None:
        """Fold a person named only by a part of one longer name into it (:meth:`_by_name_part`):
        "Mr Hafiz" after "Mr Muhammad Hafiz Ismail" is him, not a second speaker."""
        for index in range(len(self.records) - 1, -1, -1):
            record = self.records[index]
            target = self._by_name_part(record.name_words, titled=record.honorific_full_name())
            if target is None or target == index:
                continue
            self._fold(index, target)

    def merge_particle_surnames(self) -> None:
        """Fold a surname printed with its particle capitalised ("Du Toit said", as at a sentence start or
        alone) into the one longer name that has the same particle between a given name and the surname
        ("Annelie du Toit", "Pieter Van Wyk"): read alone, the capital particle looked like a first name
        that differs from Annelie.  The longer name is the evidence that the particle belongs to the
        surname; without it "Van" may be a first name (Van Jones beside Ruth Jones stays apart)."""
        for index in range(len(self.records) - 1, -1, -1):
            record = self.records[index]
            words = record.name_words
            if len(words) < 2 or not words[0][:1].isupper() or \
                    not all(w.lower() in NAME_PARTICLES for w in words[:-1]):
                continue
            tail = [w.lower() for w in words[:-1]] + [_norm(words[-1])]
            targets = [i for i, r in enumerate(self.records) if len(r.name_words) > len(words) and
                       [w.lower() for w in r.name_words[-len(words):-1]] == tail[:-1] and
                       _norm(r.name_words[-1]) == tail[-1]]
            if len(targets) != 1:
                continue
            self._fold(index, targets[0])

    def drop_partner_names(self) -> None:
        """Drop a "person" whose two words are the surnames of two other people the article names in full:
        "Davis Manafort" beside Rick Davis and Paul Manafort is the firm they founded, named for its partners
        as firms are, not a third man ("Mr. Manafort" is Paul, not "Davis Manafort")."""
        for index in range(len(self.records) - 1, -1, -1):
            record = self.records[index]
            if len(record.name_words) != 2 or record.roles:
                continue
            bearers = [{i for i, r in enumerate(self.records) if i != index and r.first and len(r.name_words) > 1
                        and r.surname == _surname_of([word])} for word in record.name_words]
            if all(bearers) and bearers[0].isdisjoint(bearers[1]):
                del self.records[index]

    def merge_name_heads(self) -> None:
        """Fold a person named by the leading words of one longer name into it (:meth:`_by_name_head`):
        "Olena Ivanivna" after "Olena Ivanivna Bondar" is her, not a second speaker."""
        for index in range(len(self.records) - 1, -1, -1):
            target = self._by_name_head(self.records[index].name_words)
            if target is not None and target != index:
                self._fold(index, target)

    def merge_first_names(self) -> None:
        """Fold a person named only by a first name into the one full name that starts with it."""
        for index in range(len(self.records) - 1, -1, -1):
            record = self.records[index]
            if len(record.name_words) != 1:
                continue
            target = self._by_first_name(record.name_words[0])
            if target is None or target == index:
                continue
            self._fold(index, target)

    def find(self, words: list[str]) -> int | None:
        """The person a (possibly partial) name refers to, the latest named on ties."""
        found = self.find_all(words)
        return found[0] if found else None

    def find_all(self, words: list[str], gender: str | None = None) -> list[int]:
        """Every person a (possibly partial) name may refer to, latest named first.

        More than one when people share a surname and only the surname is printed.  ``gender`` is
        that of an honorific printed before the name and split off by the caller ("Mrs." of "Mrs. Roe").
        """
        words = [w for w in words if w not in ("’s", "'s") and w[:1].isalpha()]
        while len(words) > 1 and _norm(words[0]) in TITLE_WORDS:
            gender = gender or HONORIFICS.get(_norm(words[0]))
            words = words[1:]  # "Gen. Raman" -> "Raman"; a lone "King" stays a surname
        if not words:
            return []
        surname = _surname_of(words)
        given = [w for w in words[:-1] if w.lower() not in NAME_PARTICLES]  # "von der Leyen": no first name
        first = _norm(given[0]) if given else None
        found = [index for index in range(len(self.records) - 1, -1, -1)
                 if self.records[index].surname == surname and
                 (not first or not self.records[index].first or self.records[index].first[0] == first[0] or
                  (len(words) == 2 and self.records[index].has_role_word(first)))]
        if not found and len(words) == 1:
            by_first = self._by_first_name(words[0])
            if by_first is None:
                by_first = self._by_family_name_first(words[0], gender)  # "Ms Lee" for Ms Lee Hui Min
            if by_first is None:
                by_first = self._by_name_part(words)  # "Mr Hafiz" for Muhammad Hafiz Ismail
            return [by_first] if by_first is not None else []
        if not found:
            by_tail = self._by_name_tail(words)
            if by_tail is None:
                by_tail = self._by_name_head(words)  # "Olena Ivanivna" for Olena Ivanivna Bondar
            if by_tail is None:
                by_tail = self._by_name_part(words)  # "Mr Hafiz" for Muhammad Hafiz Ismail
            return [by_tail] if by_tail is not None else []
        return self._narrow(found, first, gender)

    def _narrow(self, found: list[int], first: str | None, gender: str | None) -> list[int]:
        """Of people sharing a surname, those the printed name fits best (all when none fits better):
        the same first name ("Tracy Roe", not Trayvon Roe, though both start with T), the gender of
        an honorific ("Mrs. Roe"), and for a surname alone someone printed with it (not a relative
        the article calls by first name only)."""
        if len(found) < 2:
            return found
        narrowed = [i for i in found if self.records[i].first == first] if first and len(first) > 1 else []
        found = narrowed or found
        if gender:  # a known gender that agrees, else one not known
            found = [i for i in found if self.known_gender(i) == gender] or \
                [i for i in found if self.known_gender(i) is None] or found
        if not first:
            found = [i for i in found if not self.records[i].surname_inferred] or found
        return found

    def people(self) -> list[Person]:
        return [Person(r.name, [a for a in r.aliases if a != r.name], list(r.roles)) for r in self.records]


def _name_heads(doc: Doc, body_start: int, capitalised: list[Token]) -> set[int]:
    """Token indices that end a person's name.

    NER alone misses unusual names, so also: capitalised words after a title
    ("Gen. Raman"), names with a role apposition ("Roe, the chairman"), and
    multi-word names or cue-verb subjects that NER does not call a place or thing.
    """
    heads: set[int] = set()
    family_names: set[str] = set()  # surnames of multi-word PERSON entities
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.start_char < body_start:
            continue
        # NER sometimes runs one entity over two names a spaced dash or a comma separates ("Ana Roe -
        # Tom Lind's partner"): each part is a name of its own.
        for part in _split_at_punctuation(ent):
            head = max((t for t in part if _is_name_token(t) and t.text not in ("’s", "'s") and not _in_nickname(t)),
                       key=lambda t: t.i, default=None)
            if head is not None:
                heads.add(head.i)
                if head.i > part[0].i:
                    family_names.add(_surname_key(head.text))
    # ... and of names printed with an age: "Brannock, 71," makes "Eilidh Brannock" (ORG) a person.
    family_names.update(_surname_key(t.text) for t in capitalised if _has_age_apposition(t))
    # ... and of names whose last word alone is the subject of a cue verb elsewhere: "striker Amara
    # Diallo" (ORG) with "“…,” Diallo said." (an organisation goes by its first word, never its last).
    # (a capitalised common noun inside a sentence too: the tagger calls some surnames NN, "Hannity said")
    speaking_surnames = {_surname_key(t.text) for t in capitalised
                         if t.dep_ == "nsubj" and t.head.lemma_.lower() in CUE_VERBS and (
                             _is_name_token(t) or (t.tag_ == "NN" and t.is_alpha and not t.is_sent_start)) and
                         not (t.i > 0 and _is_name_token(doc[t.i - 1])) and
                         not (t.i + 1 < len(doc) and _is_name_token(doc[t.i + 1]))}
    family_names.update(speaking_surnames)
    for token in capitalised:
        if token.idx < body_start:
            continue
        if _is_title(token) and token.i + 1 < len(doc) and _is_name_token(doc[token.i + 1]):
            end = token.i + 1
            while end + 1 < len(doc):
                if _is_name_token(doc[end + 1]) and not _is_title(doc[end + 1]):
                    end += 1
                elif _continues_hyphenated(doc[end]) and _is_name_token(doc[end + 2]):
                    end += 2  # "Mayor Pieter-Jan Roe": the name goes on past a hyphenated given name
                else:
                    break
            if not _is_title(doc[end]):
                heads.add(end)
            continue
        if not _is_name_token(token) or _is_title(token):
            continue
        if token.i + 1 < len(doc) and _is_name_token(doc[token.i + 1]):
            continue  # not the last word of a name
        if romanised_given_name(token):
            heads.add(token.i)  # "Secretary Ho Siu-fung": a family name and a hyphenated given name, whatever NER says
            continue
        subject = token.dep_ in ("nsubj", "nsubjpass")
        if subject and token.head.lemma_.lower() in CUE_VERBS and _unlabelled_group_name(token):
            pass  # "Hard Right Report first reported": no first name, no label, no sign of a surname
        elif subject and token.head.lemma_.lower() in CUE_VERBS and (token.ent_type_ in ("", "PERSON") or (
                token.ent_type_ in ("ORG", "WORK_OF_ART") and not any(c.dep_ == "det" for c in token.children)
                and (_first_name_leads(token) or _bears_a_persons_surname(token)))):
            # an ORG subject may be a mislabelled person, but not "The Kenya Red Cross"; so may a
            # WORK_OF_ART ("Twitter's Adam Sharp said": NER takes the owner and the name for a title)
            heads.add(token.i)
        elif subject and token.head.lemma_.lower() in CUE_VERBS and token.ent_type_ == "NORP" and \
                token.tag_ == "NNP" and not any(c.dep_ == "det" for c in token.children) and \
                len(name := _split_title(_name_run(token))[1]) >= 2 and not _looks_like_org(_words(name)) and \
                all(t.ent_type_ in ("", "NORP") for t in name) and \
                not (name[0].i > 0 and doc[name[0].i - 1].dep_ == "det"):
            # "Rosette Pambakian said": a first name before it, so no nationality or party (but not
            # "a New Hampshire Democrat said")
            heads.add(token.i)
        elif subject and token.ent_type_ in ("", "PERSON") and len(_split_title(_name_run(token))[1]) >= 2:
            heads.add(token.i)
        elif subject and token.ent_type_ == "ORG" and _titled_full_name(token):
            heads.add(token.i)  # "France captain Antoine Girard was blunt": NER said ORG, the title says person
        elif subject and token.ent_type_ == "ORG" and len(_split_title(_name_run(token))[1]) >= 2 and any(
                t.lower_ in ("his", "her", "himself", "herself") for t in token.head.subtree if t.i > token.i):
            heads.add(token.i)  # "Unai Emery praised his players": NER said ORG, "his" says person
        elif subject and _reflexive_of_person(token) and not any(c.dep_ == "det" for c in token.children) and \
                not _looks_like_org(_words(_split_title(_name_run(token))[1])):
            heads.add(token.i)  # "Okafor compared himself to Lind" (NER: ORG): only a person is "himself"
        elif token.ent_type_ in ("ORG", "GPE", "LOC", "FAC") and (
                _surname_key(token.text) in family_names or (
                    subject and _next_subject_is_he_or_she(token) and not _refers_to_itself(token))) and \
                not any(c.dep_ == "det" for c in token.children) and \
                len(name := _split_title(_name_run(token))[1]) >= 2 and not _looks_like_org(_words(name)):
            # "Agnes MacLeod" (ORG) beside "Donald MacLeod", with "MacLeod, 83,", or followed by "she says"
            heads.add(token.i)
        elif token.ent_type_ == "" and _surname_key(token.text) in speaking_surnames and \
                not any(c.dep_ == "det" for c in token.children) and \
                len(name := _split_title(_name_run(token))[1]) >= 2 and all(t.ent_type_ == "" for t in name) and \
                not _looks_like_org(_words(name)):
            # No label at all: "… and Kendal Unruh, a delegate," with "said Unruh" later
            heads.add(token.i)
        elif _party_tag_follows(token) and not any(c.dep_ == "det" for c in token.children) and \
                len(name := _split_title(_name_run(token))[1]) >= 2 and not _looks_like_org(_words(name)):
            # "said ranking Democrat Elijah Cummings (D-Md.)", a name the parser made an object and NER left
            # unlabelled: the party-and-state tag says legislator, a person.
            heads.add(token.i)
        elif _name_before_colon(token):
            heads.add(token.i)  # "And then there is Lena Varga: what, exactly, is her plan?"
        elif token.ent_type_ in ("", "NORP") and token.tag_ == "NNP" and _has_who_clause(token) and \
                not any(c.dep_ == "det" for c in token.children):
            heads.add(token.i)  # "Cillian, who is nine," (NER: NORP): "who" refers to a person
        elif any(child.dep_ == "appos" and _is_role_noun(child) and not _is_name_token(child)
                 for child in token.children) and token.ent_type_ in ("", "PERSON", "ORG"):
            heads.add(token.i)  # "Jane Roe, the chairman of X,"
        elif token.dep_ == "appos" and token.head.pos_ == "NOUN" and not _looks_like_org([token.text]) and (
                token.ent_type_ in ("", "PERSON") or _norm(token.head.lemma_) in PERSON_NOUNS or
                _is_role_noun(token.head)):
            heads.add(token.i)  # "Her son, Mateo," even when NER calls Mateo a place
        elif token.dep_ == "appos" and token.ent_type_ in ("ORG", "GPE", "NORP") and \
                _is_role_noun(_of_phrase_owner(token.head)) and \
                len(name := _split_title(_name_run(token))[1]) >= 2 and not _looks_like_org(_words(name)):
            # "The president of the farmers' union, Sylvie Marchand, …": the parser hangs the name on
            # "union", NER calls it ORG; the role noun the "of" phrase belongs to says person.
            heads.add(token.i)
    return heads


def _split_at_punctuation(ent: Span) -> list[list[Token]]:
    """The parts of an entity between punctuation set off by spaces ("Ana Roe - Tom Lind") or commas;
    a hyphen inside a word ("Okafor-Bello") and a middle initial's dot do not split."""
    parts: list[list[Token]] = [[]]
    for token in ent:
        if token.is_punct and (token.text == "," or (token.whitespace_ and token.i > 0 and
                                                     token.doc[token.i - 1].whitespace_)):
            parts.append([])
        else:
            parts[-1].append(token)
    return [part for part in parts if part]


def _title_case_lines(text: str, start: int) -> list[tuple[int, int]]:
    """Character spans of the Title Case lines from ``start`` on: a repeated headline, subheads.

    There every word is capitalised, so a capitalised word before a name ("Billionaire Mark
    Cuban Just Revealed …") says nothing: such lines name no new person and lengthen no name.
    """
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        if match.end() <= start:
            continue
        words = [w for w in re.findall(r"[\w’'-]+", match.group()) if w[0].isalpha()]
        if len(words) >= TITLE_LINE_MIN_WORDS and \
                all(w[0].isupper() or w.lower() in TITLE_CASE_LOWER_WORDS for w in words):
            spans.append((match.start(), match.end()))
    return spans


def _in_spans(offset: int, spans: list[tuple[int, int]] | None) -> bool:
    return bool(spans) and any(start <= offset < end for start, end in spans)


def _family_surname(token: Token, index: PeopleIndex) -> str | None:
    """The surname a first name in apposition to a relative takes: "Price's widow, Susan," -> "Price"."""
    head = token.head
    if token.dep_ != "appos" or _norm(head.lemma_) not in FAMILY_NOUNS:
        return None
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None or not owner.text[:1].isupper() or _looks_like_org([owner.text]) or not (
            _is_name_token(owner) or index.find([owner.text]) is not None):  # "Price" tagged a noun
        return None
    words = _words([owner])
    return words[0] if words and words[0][:1].isupper() else None


def _takes_the(token: Token) -> bool:
    """Whether "the" directly before ``token`` is its article ("sent to the Leie"): a person's name takes none
    (an adjective comes between: "the younger Roe")."""
    return token.i > 0 and token.doc[token.i - 1].lower_ == "the" and token.doc[token.i - 1].head.i == token.i


def _subject_word_of_name(token: Token, name: list[Token], title: list[Token] | None = None) -> Token:
    """The word of a name that stands for it in the parse: its last word, or another word of the name
    the parser made the subject and hung the last word on (the suffix of "Walter Grimsby Jr. opposes
    …", the first name of "Seán Ó Briain does not share …"): the name is a subject mention all the same."""
    head = token.head
    if token.dep_ not in ("nsubj", "nsubjpass") and head.dep_ in ("nsubj", "nsubjpass") and \
            any(t.i == head.i for t in name):
        return head
    if token.dep_ == "conj" and head.dep_ in ("nsubj", "nsubjpass") and _is_role_noun(head) and \
            _set_off_by_comma(name) and not any(c.dep_ == "cc" and head.i < c.i < token.i for c in head.children):
        return head  # "The Minister of Water, Dr Ana Roe — …": an apposition the parser took for a conjunct
    if title and title[0].dep_ in ("nsubj", "nsubjpass") and _is_title(title[0]) and \
            all(title[0].left_edge.i <= t.i <= title[0].right_edge.i for t in name):
        # "Secretary for Transport Ho Siu-fung said …": the parser made the office the subject and hung the
        # name under its "for" phrase; the titled name is the subject all the same
        return title[0]
    return token


def find_people(doc: Doc, body_start: int = 0, quoted: list[tuple[int, int]] | None = None) -> PeopleIndex:
    """Every person ``doc`` names, with aliases, roles, gender and every mention (for salience).

    New people come from ``body_start`` on (a title-case headline tags every word a
    proper noun); the headline's namings still count as mentions of known people.  Inside
    the ``quoted`` character spans (quotations, slogans: "a shirt that read “Fascist Roe”")
    a name neither lengthens a known person's name, nor adds an alias, a role or a namesake of one.
    """
    index = PeopleIndex()
    title_lines = _title_case_lines(doc.text, body_start)
    capitalised = [token for token in doc if token.text[:1].isupper()]  # names and titles start so
    # First words of organisation names ("Velora Motors", "Harbor Trust"): alone, they name the organisation.
    org_short_names = {_norm(token.text) for token in capitalised
                       if token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper() and
                       _norm(doc[token.i + 1].text) in ORG_WORDS and not _is_title(token)}
    # One-word names the article makes the subject of "itself" ("Velora has positioned itself as …"):
    # things, which NER may still call a person elsewhere ("Velora said").
    # ... or where a piece of writing is published ("an article in Velora"): a publication.
    things = index.things = {_surname_key(token.text) for token in capitalised
                             if (token.dep_ in ("nsubj", "nsubjpass") and "itself" in _reflexives(token)) or
                             _publishes_a_work(token)}
    # Surnames of people a Title Case headline or subhead names ("Ana Roe: Do Not Trust the Machines"): such a
    # line makes no new person, but a one-word name the body makes the subject of a cue verb ("“…,” Roe
    # said", NER: ORG) is then that person's surname, not an organisation's.
    headline_surnames = {_surname_key(ent[-1].text) for ent in doc.ents
                         if ent.label_ == "PERSON" and len(ent) >= 2 and ent[-1].is_alpha and
                         (ent.start_char < body_start or _in_spans(ent.start_char, title_lines))}
    # Lone cue-verb subjects one letter away from the surname of someone named in full ("Okonkow said"
    # beside "Ruth Okonkwo"): a misprinted surname, a person whatever NER's label.
    full_surnames = {_surname_key(ent[-1].text) for ent in doc.ents
                     if ent.label_ == "PERSON" and len(ent) >= 2 and ent[-1].is_alpha and ent.start_char >= body_start}
    misprints = {t.i for t in capitalised if t.idx >= body_start and _misprints_a_surname(t, full_surnames)}
    adjectives = _adjective_words(capitalised)
    # One-word names NER calls a place after a preposition of location somewhere in the article ("in Merelbeke": GPE).
    places = {_surname_key(ent.text) for ent in doc.ents if ent.label_ in PLACE_LABELS and len(ent) == 1 and
              ent[0].dep_ == "pobj" and ent[0].head.lower_ in LOCATIVE_PREPOSITIONS}
    for head_i in sorted(_name_heads(doc, body_start, capitalised) | misprints):
        token = doc[head_i]
        if _in_nickname(token):
            continue  # "Tig" of "John “Tig” Tiegen": the name is read from its last word
        if _in_spans(token.idx, title_lines):
            continue  # "Billionaire Mark Cuban Just Revealed …": every word of a Title Case line is capitalised
        run = _name_run(token)
        title, name = _split_title(run)
        name_words = _words(name)
        office = [t for t in title if t.lower_ != "the"]
        if len(name_words) == 1 and len(office) >= 2 and office[-1].lower_ == "of" and _is_title(office[-2]):
            continue  # "the mayor of Kruibeke": the office's town or body, which NER may call a person, is no one
        if not name_words or not (name[-1].text[:1].isupper() or (len(name) > 2 and romanised_given_name(name[-3]))):
            continue
        label = name[-1].ent_type_
        if label in NON_PERSON_LABELS and title and title[-1].ent_type_ == label and title[-1].ent_iob_ != "O" \
                and len(name_words) < 2 and label != "WORK_OF_ART":
            # "General Motors", "Justice Department": the title word belongs to the name of a thing; not
            # before a first name and surname ("Harbor City Mayor Ana Roe", all one entity to NER), nor
            # when NER calls a title it does not know and a surname a work ("Commandant Nkosi
            # said"): bodies and places, not works, are named with a title word.
            continue
        has_title = any(_is_title(t) for t in title)
        # A person noun in apposition overrides NER's label: "Her son, Mateo," (Mateo: GPE).
        person_apposition = name[-1].dep_ == "appos" and name[-1].head.pos_ == "NOUN" and (
            _norm(name[-1].head.lemma_) in PERSON_NOUNS or _is_role_noun(name[-1].head)) or (
            name[-1].dep_ in ("nsubj", "nsubjpass") and _reflexive_of_person(name[-1]))  # "Okafor compared himself"
        if PARTY_TAG.fullmatch(" ".join(name_words)):
            continue  # "R-Texas" after a senator's name
        if all(w.isupper() and len(w) <= 4 for w in name_words):
            continue  # an acronym ("PM", "FBI"), not a name
        # A surname that is also an organisation word ("Mayor Don Guardian", "Sen. Frank Church"): a
        # title before a first name and surname that NER calls one person says person.
        titled_person = has_title and _is_title(title[-1]) and len(name) == 2 and \
            all(t.ent_type_ == "PERSON" for t in name) and not _looks_like_org(name_words[:-1])
        headline_speaker = len(name_words) == 1 and _surname_key(name_words[0]) in headline_surnames and \
            name[-1].dep_ in ("nsubj", "nsubjpass") and name[-1].head.lemma_.lower() in CUE_VERBS
        if (_looks_like_org(name_words) and not titled_person) or (
                label in NON_PERSON_LABELS and not has_title and len(name_words) < 2
                and not person_apposition and not _has_who_clause(name[-1]) and not headline_speaker
                and name[-1].i not in misprints):
            continue
        if len(name_words) == 1 and not has_title and (_norm(name_words[0]) in org_short_names or
                                                       _surname_key(name_words[0]) in things):
            continue  # "Velora said" after "Velora Motors" or "Velora has positioned itself as …"
        if len(name_words) == 1 and not has_title and label == "PERSON" and name[-1].text in adjectives:
            continue  # "Kazakh attitudes" (PERSON) beside "Kazakh oil" and "the Kazakh side" (ORG): no one's name
        if len(name_words) == 1 and not has_title and not person_apposition and not (
                name[-1].dep_ in ("nsubj", "nsubjpass") and name[-1].head.lemma_.lower() in CUE_VERBS) and (
                _surname_key(name_words[0]) in places or _takes_the(name[-1])):
            # "the sluice at Merelbeke" beside "in Merelbeke" (GPE), "pumps sent to the Leie": NER's person is a place
            # the article names as one elsewhere, or takes an article no person's name does; not a speaker
            continue
        if not has_title and (_org_apposition(name[-1]) or _names_an_org_noun(name[-1])):
            continue  # "Velora, the state news agency, wrote", "the newspaper Velora": the noun says what it is
        gender = next((HONORIFICS[_norm(t.text)] for t in title if HONORIFICS.get(_norm(t.text))), None)
        if gender is None and name[-1].dep_ == "appos":
            gender = PERSON_NOUNS.get(_norm(name[-1].head.lemma_))
        family_name = _family_surname(name[-1], index) if len(name_words) == 1 and not has_title else None
        if family_name:
            name_words = name_words + [family_name]  # "Price's widow, Susan," -> "Susan Price"
        role = _clean_role(title) if title else None
        if _in_spans(token.idx, quoted) and index.find(name_words[-1:]) is not None and (
                title or (len(name_words) > 1 and index.find(name_words) is None)):
            continue  # "a sign that read “Queen Roe”" after Ana Roe: a slogan, not another Roe nor her title
        known = len(index.records)
        person = index.add(name_words, _phrase(run), role, gender)
        if family_name and person == known:
            index.records[person].surname_inferred = True
        index.records[person].add_role(_appositive_role(name[-1]))
        index.records[person].descriptors.update(
            _norm(c.lemma_) for c in name[-1].children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.is_lower)
        before = doc[run[0].i - 1] if run[0].i > 0 else None
        if before is not None and before.pos_ == "NOUN" and before.dep_ == "compound" and \
                before.head.i in {t.i for t in name} and _is_role_noun(before):
            index.records[person].add_role(before.text)  # "Goalkeeper Tim Hale" (a common noun, not a title)
    index.drop_partner_names()
    index.merge_first_names()
    index.merge_name_heads()
    index.merge_name_parts()
    index.merge_particle_surnames()
    # Every naming, including bare surnames, counts for salience and lengthens the name.
    keys = {record.surname for record in index.records} | {r.first for r in index.records if r.first}
    last_seen: dict[int, int] = {}
    for token in capitalised:
        # A known surname counts even when the tagger calls it a common noun ("Mendes told": NNS) or a
        # verb or adjective ("Ebeling reminisced": VBG); at a sentence start only as a subject
        # ("Linares urged", not "Brown bears").
        # (a romanised given name is keyed by its whole word, "Wing-yan", though only its first syllable is capitalised)
        word = _hyphenated_word(doc[token.i + 2]) if romanised_given_name(token) else _hyphenated_word(token)
        if _surname_key(word) not in keys or not (_is_name_token(token) or (
                token.pos_ in ("NOUN", "VERB", "ADJ", "AUX") and token.is_alpha and
                (not token.is_sent_start or token.dep_ in ("nsubj", "nsubjpass")))):
            continue
        if token.i + 1 < len(doc) and _is_name_token(doc[token.i + 1]) and \
                _norm(doc[token.i + 1].text) not in NAME_SUFFIXES:
            continue  # not the last word of the name
        if (_continues_hyphenated(token) and not romanised_given_name(token)) or _in_nickname(token):
            continue  # "Pennington" of "Pennington-Walsh", "Tig" of "John “Tig” Tiegen": counted at the last word
        run = _name_run(token)
        title, name = _split_title(run)
        words = _words(name) or [token.text]
        if len(words) == 1 and _surname_key(words[0]) in things:
            continue  # "Velora said" when Velora "positioned itself": the thing, not someone named … Velora
        candidates = index.find_all(words, honorific_gender(t.text for t in title))
        if not candidates:
            continue
        # A surname two people share ("Morrow" for Elspeth and Callum Morrow) is the one named last.
        found = max(candidates, key=lambda c: (last_seen.get(c, -1), c))
        last_seen[found] = token.i
        at = _subject_word_of_name(token, name, title)
        if len(candidates) > 1:
            index.alternatives[at.i] = candidates
        record = index.records[found]
        if token.idx >= body_start and not _in_spans(token.idx, quoted) and not _in_spans(token.idx, title_lines) \
                and len(words) > len(record.name_words) and \
                all(_is_name_token(t) for t in name) and index.find(words[-1:]) == found and \
                not _looks_like_org(words):
            record.name_words = words
        if run and not _in_spans(token.idx, quoted):
            record.add_alias(_phrase(run))
        subject = at.dep_ in ("nsubj", "nsubjpass") or (
            at.dep_ == "appos" and _apposition_owner(at).dep_ in ("nsubj", "nsubjpass")) or \
            _inverted_subject(at) or (  # "Her son, Mateo, disagrees"; "Among the crowd was Mere Roe"
                at.dep_ == "aux" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in at.head.children))
        # (the last: a surname the parser took for the modal of a verb with no subject, "While Will acknowledges")
        weight = SALIENCE_SUBJECT if subject else SALIENCE_OTHER
        index.occurrences.append((at.i, found, weight))
    index.occurrences.sort()
    return index
