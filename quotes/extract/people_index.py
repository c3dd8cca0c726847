"""The people of one article: each person's record (names, aliases, roles, gender) and the index
that matches a printed name to a person and folds the names of one person together.

:func:`.people.find_people` fills it while reading the article; salience and resolution read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import (
    AMBIGUOUS_ADDRESS_TERMS, CALENDAR_WORDS, FULL_NAME_HONORIFICS, GAELIC_NAME_ARTICLES, GAELIC_PATRONYMICS,
    HONORIFICS, KIN_NOUNS, NAME_PARTICLES, NAME_SUFFIXES, TITLE_WORDS,
)
from .model import Person
from .names import _is_first_name, _norm, _office_initialism, _surname_of, first_name_gender, is_patronymic, name_gender


def _two_given_two_surnames(words: list[str]) -> bool:
    """Whether a name is two given names then two words that are not given names ("Marta Luisa Ibarra
    Solís"): the full form of a Spanish name, a compound given name and the father's then the mother's
    surname.  Its third word cannot be a middle name (two given names already stand before it), so a
    later mention of that word alone ("Ibarra said") is the father's surname, the short form Spanish
    usage gives.  Three-word names stay out ("Ana Acosta Febo" in a US paper may keep the short form as
    a name of its own: see :meth:`PeopleIndex._by_name_part`)."""
    return len(words) == 4 and all(_is_first_name(w) for w in words[:2]) and \
        not any(_is_first_name(w) for w in words[2:]) and all(w[:1].isupper() for w in words)


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

    def introduced_as_kin(self) -> bool:
        """Whether a role the article gave this person is a kinship noun ("son", "mother-in-law", "cousin of
        the minister"): the person enters the article as someone's relative."""
        return any(role.split()[0].replace("-", "").lower() in KIN_NOUNS for role in self.roles if role.split())

    def has_role_word(self, word: str) -> bool:
        """Whether ``word`` (normalised) is a word of a role the article gave this person or a noun it set
        in apposition to their name: "Dean Osei" after "Vikram Osei, dean of the law school" is the
        dean's title before his surname, not another Osei's first name."""
        # (lowercase words of roles only: "daughter of Bill Clinton and Hillary" gives no "Hillary")
        return word in self.descriptors or any(w.islower() and _norm(w) == word for role in self.roles for w in role.split())


def _given_names(words: list[str]) -> list[str]:
    """The given names of a printed name: the words before its surname that are no surname particle
    ("von der Leyen", "De la Barra": none), nor the article of a Gaelic surname ("Nic an t-Saoir": none).
    A capitalised first word before another given name is a given name even when it is also a particle
    elsewhere ("Santa Bahadur Tamang", "Abu Karim al-Nasser"): a particle comes right before the surname
    or another particle, not before a given name."""
    before = words[:-1]
    given = []
    for k, word in enumerate(before):
        lower = word.lower()
        if k and lower.rstrip("'’") in GAELIC_NAME_ARTICLES and before[k - 1].lower() in GAELIC_PATRONYMICS:
            continue
        opens_given = k == 0 and word[:1].isupper() and len(before) > 1 and before[1].lower() not in NAME_PARTICLES
        if lower in NAME_PARTICLES and not opens_given:
            continue
        given.append(word)
    return given


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
        # Last words of the leading words of a longer name folded into it ("Victor" of "João Victor" for João
        # Victor da Silva): a later naming ending there still counts for salience though it is no surname.
        self.head_keys: set[str] = set()
        # Words the article prints alone as a name ("Pablo said"): a given name among them calls its bearer by it.
        self.given_alone: frozenset[str] = frozenset()
        # Two-word names the article prints with no name word on either side ("Condori Apaza said"), normalised.
        self.pairs_alone: frozenset[tuple[str, str]] = frozenset()

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

    def opens_with_address_term(self, words: list[str]) -> bool:
        """Whether the first of two name words is a term of address that is also a given name
        (:data:`AMBIGUOUS_ADDRESS_TERMS`: Shona "Mai", Mrs) that the article settles is the title: the
        surname is borne by exactly one person it named in full, with another given name and no gender
        against the title's, and nobody it names has that word for a given name.  "Mai Moyo" after
        "Rudo Moyo, a trader," is Rudo Moyo; a Mai Tran beside Lan Tran stays her own person only when
        the caller sees a description of her own (news introduces a new person, and shortens a known one)."""
        if len(words) != 2 or _norm(words[0]) not in AMBIGUOUS_ADDRESS_TERMS:
            return False
        term, surname = _norm(words[0]), _surname_of(words[1:])
        if any(r.first == term for r in self.records):
            return False  # someone the article calls by it as a given name
        bearers = [i for i, r in enumerate(self.records) if r.surname == surname and len(r.name_words) > 1]
        gender = AMBIGUOUS_ADDRESS_TERMS[term]
        return len(bearers) == 1 and (gender is None or self.known_gender(bearers[0]) in (None, gender))

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
        if len(matches) > 1:
            # Relatives sharing the surnames ("Luis Ruiz Ortega" and his brother "Pablo Ruiz Ortega"): the
            # article tells them apart by calling all but one by the given name alone ("Pablo said"); the
            # surnames alone name the other.
            matches = [i for i in matches if _norm(self.records[i].name_words[0]) not in self.given_alone]
        return matches[0] if len(matches) == 1 else None

    def _by_name_head(self, words: list[str]) -> int | None:
        """The one person whose longer name starts with these two or more words, when they end with a
        patronymic: a given name and patronymic printed without the surname ("Olena Ivanivna" for Olena
        Ivanivna Bondar), as East Slavic usage addresses people.  (Any leading words, without the
        patronymic, folded "Paul Ryan" into a Title Case line NER took for a name, "Paul Ryan Joins Growing
        List", and a maiden name into a married one: measured -3 dev name quotes, -1 held-out.)
        Also without a patronymic when the one word left over is a surname another person of the article
        bears too: a family or clan name several people share no longer tells them apart, so the article
        calls each by their given names ("Dawa Tenzing" for Dawa Tenzing Sherpa beside Pemba Sherpa).
        Also when a lower-case surname particle follows the leading words inside the longer name: Portuguese
        and Spanish names join two given names to family names linked by "da", "de", "dos" ("Paulo Henrique"
        for Paulo Henrique dos Reis Lima), and the article calls the person by the given names; a Title Case
        line NER runs over ("Paul Ryan Joins Growing List") has no such particle.  Also a Spanish name
        without the mother's surname, when the article prints the double surname alone (below)."""
        if len(words) < 2:
            return None
        head = [_norm(w) for w in words]
        matches = [i for i, r in enumerate(self.records)
                   if len(r.name_words) > len(words) and [_norm(w) for w in r.name_words[:len(words)]] == head]
        if len(matches) != 1:
            return None
        if is_patronymic(words[-1]):
            return matches[0]
        record = self.records[matches[0]]
        if any(w.islower() and w in NAME_PARTICLES for w in record.name_words[len(words):-1]):
            return matches[0]
        shared = len(record.name_words) == len(words) + 1 and any(
            other is not record and other.surname == record.surname and len(other.name_words) > 1 and
            other.first != record.first for other in self.records)
        # A Spanish name's given name and father's surname, the mother's left off ("Rosa Condori" for Rosa
        # Condori Apaza), when the article also prints the two surnames alone ("Condori Apaza said"): that
        # is the evidence the word left over is a second surname, not a married name a maiden name lacks.
        maternal = len(record.name_words) == len(words) + 1 and \
            (_norm(record.name_words[-2]), _norm(record.name_words[-1])) in self.pairs_alone
        return matches[0] if shared or maternal else None

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
            words = self.records[index].name_words
            target = self._by_name_head(words)
            if target is not None and target != index:
                self.head_keys.add(_norm(words[-1]))
                self._fold(index, target)

    def merge_name_tails(self) -> None:
        """Fold a person named by the last two or more words of one longer name into it, when the short
        form came first: a Spanish double surname ("Ruiz Ortega" in a headline or a live blog's heading)
        before the full name in the body ("Ana María Ruiz Ortega").  Printed after the full name, the short
        form already joins it (:meth:`add` through :meth:`_by_name_tail`); none when two longer names end
        with it (siblings share both surnames).  Only when the short form opens with no registered given
        name and the longer one does: "Hillary Clinton" is a full name of its own, and a descriptor left on a
        longer one ("Rival Hillary Clinton") would take it."""
        for index in range(len(self.records) - 1, -1, -1):
            words = self.records[index].name_words
            target = self._by_name_tail(words)
            if target is not None and target != index and not _is_first_name(words[0]) and \
                    _is_first_name(self.records[target].name_words[0]):
                self._fold(index, target)

    def paternal_word(self, index: int) -> str | None:
        """The father's surname a person goes by alone, normalised, when the article follows Spanish
        usage for their name: a name of three or more words ends with two surnames, the father's then the
        mother's ("Tomás Ibarra Solís"), and a later mention uses the father's alone ("Ibarra said").
        The evidence that the word before the last is such a surname and no middle name: it is no
        registered given name, and the article prints it alone as a name somewhere ("Ibarra told
        supporters"), or prints the two surnames alone ("Ibarra Solís said"), or the name is two given
        names then two surnames.  (An English middle name is a given name, "John Walker Roe", or is
        not printed alone: "Wasserman Schultz" is printed as the pair.)"""
        words = self.records[index].name_words
        if len(words) < 3:
            return None
        word = words[-2]
        key = _norm(word)
        if not word[:1].isupper() or _is_first_name(word) or key in NAME_PARTICLES or \
                _norm(words[-1]) in NAME_SUFFIXES:
            return None
        pair = [_norm(w) for w in words[-2:]]
        if key in self.given_alone or _two_given_two_surnames(words) or \
                any([_norm(w) for w in alias.split()] == pair for alias in self.records[index].aliases):
            return key
        return None

    def _paternal_bearers(self, word: str, skip: int | None = None) -> list[int]:
        """Everyone who goes by ``word`` as their father's surname (:meth:`paternal_word`), latest named
        first; none when the word is the last word of someone who goes by it (a surname of their own)."""
        key = _norm(word)
        if any(r.surname == key and self.paternal_word(i) is None
               for i, r in enumerate(self.records) if i != skip):
            return []
        return [i for i in range(len(self.records) - 1, -1, -1) if i != skip and self.paternal_word(i) == key]

    def _by_paternal_surname(self, word: str, skip: int | None = None) -> int | None:
        """The one person who goes by ``word`` as their father's surname (:meth:`_paternal_bearers`).  Of
        siblings, who share both surnames ("Lucía Herrera Duque" and her brother "Julián Herrera Duque"),
        the article tells them apart by calling all but one by given name and surname ("said Julián
        Herrera") or given name alone; the father's surname alone names the other.  None when it fits no
        one or several alike."""
        bearers = self._narrow(self._paternal_bearers(word, skip), None, None)
        if len(bearers) > 1:
            bearers = [i for i in bearers if not self._called_by_given_name(i)] or bearers
        return bearers[0] if len(bearers) == 1 else None

    def _called_by_given_name(self, index: int) -> bool:
        """Whether the article prints this person's given name alone or before the father's surname only
        ("Julián Herrera" for Julián Herrera Duque): the form that sets a person apart from a sibling."""
        record = self.records[index]
        given, paternal = _norm(record.name_words[0]), _norm(record.name_words[-2])
        return any([_norm(w) for w in alias.split()] in ([given], [given, paternal]) for alias in record.aliases)

    def merge_paternal_surnames(self) -> None:
        """Fold a person named by a father's surname alone into the one whose double surname opens with it
        (:meth:`_by_paternal_surname`): "Ibarra" after "Tomás Ibarra Solís" and "Ibarra Solís" is him."""
        for index in range(len(self.records) - 1, -1, -1):
            words = self.records[index].name_words
            target = self._by_paternal_surname(words[0], skip=index) if len(words) == 1 else None
            if target is not None:
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

    def office_initialism(self, word: str) -> bool:
        """Whether ``word`` ("CFO") is the initials of an office the article gives someone ("Chief financial
        officer Ana Roe")."""
        key = word.lower()
        return any(_office_initialism(role) == key for record in self.records for role in record.roles)

    def find_all(self, words: list[str], gender: str | None = None) -> list[int]:
        """Every person a (possibly partial) name may refer to, latest named first.

        More than one when people share a surname and only the surname is printed.  ``gender`` is
        that of an honorific printed before the name and split off by the caller ("Mrs." of "Mrs. Roe").
        """
        words = [w for w in words if w not in ("’s", "'s") and w[:1].isalpha()]
        while len(words) > 1 and _norm(words[0]) in TITLE_WORDS:
            gender = gender or HONORIFICS.get(_norm(words[0]))
            words = words[1:]  # "Gen. Raman" -> "Raman"; a lone "King" stays a surname
        if self.opens_with_address_term(words):
            gender = gender or AMBIGUOUS_ADDRESS_TERMS[_norm(words[0])]
            words = words[1:]  # "Mai Moyo" for Rudo Moyo: the Shona title, not a second given name
        while len(words) > 1 and _norm(words[0]) in CALENDAR_WORDS:
            words = words[1:]  # "Late on Sunday Roe posted": a weekday is no given name (a month may be: April Ryan)
        if not words:
            return []
        surname = _surname_of(words)
        given = _given_names(words)  # "von der Leyen": no first name
        first = _norm(given[0]) if given else None
        found = [index for index in range(len(self.records) - 1, -1, -1)
                 if self.records[index].surname == surname and
                 (not first or not self.records[index].first or self.records[index].first[0] == first[0] or
                  (len(words) == 2 and self.records[index].has_role_word(first)))]
        if len(words) == 1 and found and all(self.paternal_word(i) is not None for i in found) and \
                self._paternal_bearers(words[0]):
            # "Duque" beside Lucía Herrera Duque ("Herrera told …") and Tomás Duque Salazar: the mother's surname
            # is no name its bearer goes by alone in Spanish usage; the father's surname of someone else is.
            found = []
        if not found and len(words) == 1:
            by_first = self._by_first_name(words[0])
            if by_first is None:
                by_first = self._by_family_name_first(words[0], gender)  # "Ms Lee" for Ms Lee Hui Min
            if by_first is None:
                by_first = self._by_name_part(words)  # "Mr Hafiz" for Muhammad Hafiz Ismail
            if by_first is None:
                by_first = self._by_paternal_surname(words[0])  # "Ibarra" for Tomás Ibarra Solís
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
            # A relative the article introduced through another bearer of the surname ("her son, Ari Roe",
            # "his mother-in-law, Dina Roe") is told apart by the given name; the surname alone stays with
            # the person they were introduced through.
            found = [i for i in found if not self.records[i].introduced_as_kin()] or found
        return found

    def people(self) -> list[Person]:
        return [Person(r.name, [a for a in r.aliases if a != r.name], list(r.roles)) for r in self.records]
