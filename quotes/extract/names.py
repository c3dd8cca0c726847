"""Names and roles at the token level, for step 2 (people) and the steps after it.

A name's capitalised run with its titles ("Chairman of the Harbor Board Adm. Ruth Calloway"),
its split into title and name, surname keys, role nouns and role heads.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import unicodedata
from pathlib import Path
from typing import Iterable

from nameparser.config import CONSTANTS as _NAMEPARSER
from spacy.tokens import Doc, Span, Token

from .lexicon import (ABBREVIATIONS, CALENDAR_WORDS, CUE_FORMS, CUE_VERBS, DEMONYM_ENDINGS, DESCRIPTOR_ONLY_ENDINGS,
                      DOUBLE_MARKS, FAMILY_NOUNS, FEMALE_PATRONYMIC_ENDINGS, FINITE_TAGS, FINITE_VERB_TAGS,
                      FIRST_NAME_GENDER_SHARE, FIRST_NAME_MIN_COUNT, FIRST_NAME_MIN_SOURCES, FUNCTION_DEPS,
                      GAELIC_ARTICLE_PREFIXES, GAELIC_ARTICLES, GAELIC_MUTATED, GAELIC_PATRONYMICS, GENDERED_CONNECTORS,
                      HONORIFICS, HYPHENS, MALE_PATRONYMIC_ENDINGS, NAME_PARTICLES, NAME_SUFFIXES, NON_PERSON_LABELS,
                      NOT_ROLE_NOUNS, NOT_ROLES, NOUN_PHRASE_END_DEPS, OFFICE_VERB_NOUNS, ORG_WORDS, PARTY_MEMBER_NOUNS,
                      PERSON_NOUNS, PLACE_LABELS, POST_NOMINALS, ROLE_NOUN_SUFFIXES, ROLE_SYNONYMS,
                      ROMANISED_SYLLABLE_MAX, SINGLE_MARKS, TITLE_WORDS)


# nameparser's titles (812 words: honorifics, ranks and occupations such as "actress", "editor",
# "advocate", "composer"), used only where NER already leaves the word outside a person's name.
_OCCUPATION_TITLES = frozenset(_NAMEPARSER.titles)


# One entry of nomquamgender's name table: "name": [sources, count, p(female), ...]
_NAME_ENTRY = re.compile(rb'"([a-z]+)": \[(\d+), (\d+), ([0-9.]+)')


@functools.cache
def first_name_table() -> dict[str, tuple[int, float]]:
    """First name (lower case, plain a-z) -> (registers listing it, share of its bearers who are women),
    for every name borne by at least FIRST_NAME_MIN_COUNT people in the nomquamgender table (MIT
    licence; a JSON object name -> [sources, count, p(female), ...]; 56,000 names kept).

    Read once per process.  The data file is read directly: importing the package would import
    pandas for nothing.  Entries are picked out of the bytes with a pattern rather than
    ``json.load``, which builds the whole 720,000-name object (measured: json.load peaks at 345 MB
    and keeps 293 MB; the pattern peaks at 123 MB, in 0.3-0.6 s).  Empty without the package: the
    table is an aid (gender agreement, first names), the text alone still decides.
    """
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        return {}
    data = (Path(next(iter(spec.submodule_search_locations))) / "name_data.json").read_bytes()
    return {entry.group(1).decode(): (int(entry.group(2)), float(entry.group(4)))
            for entry in _NAME_ENTRY.finditer(data) if int(entry.group(3)) >= FIRST_NAME_MIN_COUNT}


def first_name_key(word: str) -> str:
    """The table's key of a printed first name: lower case, accents stripped ("Zoë" -> "zoe")."""
    key = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in key if not unicodedata.combining(c))


def first_name_share_gender(first: str, share: float) -> str | None:
    """The gender at least ``share`` of a first name's bearers have (from :func:`first_name_table`:
    nomquamgender), or None when neither gender has that share, the name is unknown or an initial."""
    if len(first) < 2:
        return None  # an initial
    entry = first_name_table().get(first_name_key(first))
    if entry is None:
        return None
    female = entry[1]
    return "f" if female >= share else "m" if female <= 1 - share else None


def first_name_gender(first: str) -> str | None:
    """The gender most bearers of a first name have ("Hillary" -> "f"), or None when it is shared or unknown."""
    return first_name_share_gender(first, FIRST_NAME_GENDER_SHARE)


def is_patronymic(word: str) -> bool:
    """A word with an East Slavic or Icelandic patronymic ending ("Ivanivna", "Petrovich", "Jónsdóttir")."""
    return word.isalpha() and word.lower().endswith(FEMALE_PATRONYMIC_ENDINGS + MALE_PATRONYMIC_ENDINGS)


def name_gender(name_words: list[str]) -> str | None:
    """The gender a name's own structure gives (:data:`FEMALE_PATRONYMIC_ENDINGS` and the rest): "Olena
    Ivanivna Bondar" a woman, "Taras Petrovych Bondar" a man, "Siti Noor binti Yusof" a woman; None when
    the name says nothing.  Firmer than a first name's usual gender: it is the article's own word."""
    words = [w.lower() for w in name_words]
    for k, word in enumerate(words[1:], start=1):
        if word in GENDERED_CONNECTORS:
            return GENDERED_CONNECTORS[word]
        if word.isalpha() and word.endswith(FEMALE_PATRONYMIC_ENDINGS):
            return "f"
        if word.isalpha() and k < len(words) - 1 and word.endswith(MALE_PATRONYMIC_ENDINGS):
            return "m"
    return None


def honorific_gender(words: Iterable[str]) -> str | None:
    """The gender the first gendered honorific among ``words`` gives ("Mrs." -> "f", "Sen." -> None)."""
    return next((HONORIFICS[_norm(w)] for w in words if HONORIFICS.get(_norm(w))), None)


def _is_first_name(word: str) -> bool:
    """An initial ("J.") or a word many registers list as a first name ("Unai", "Mateo"); not a word a
    few list because someone somewhere bears it ("Harbor", "General")."""
    if len(word) == 2 and word[1] == ".":
        return True
    entry = first_name_table().get(first_name_key(word))
    return entry is not None and entry[0] >= FIRST_NAME_MIN_SOURCES


# A surname with an elided prefix ("O’", "D’", "L’") before a capital: no common noun looks like it.
_ELIDED_PREFIX_NAME = re.compile(r"[A-Z][’'][A-Z][a-z]+(?:-[A-Z][a-z]+)?")


@functools.lru_cache(maxsize=8192)
def _norm(word: str) -> str:
    """'Gen.' -> 'gen', 'Varga’s' -> 'varga'."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return word.strip(".'")


@functools.lru_cache(maxsize=8192)
def _surname_key(word: str) -> str:
    """'al-Nasser' and 'Nasser' match; 'Varga’s' -> 'varga'."""
    word = _norm(word)
    return re.sub(r"^(al|el|ad|as|ash)-", "", word)


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether two different words differ by one letter changed, added or dropped, or two neighbouring
    letters swapped: the commonest typing slips ("Delahunt"/"Delahunty", "Okonkow"/"Okonkwo")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and
                                  a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _is_word(token: Token) -> bool:
    """A word of letters, an apostrophe inside it allowed: "Reid", and "O’Connor", "D'Souza", whose elided
    prefix makes the token no alphabetic one."""
    text = token.text
    return token.is_alpha or (len(text) > 2 and text[0].isalpha() and text[-1].isalpha() and
                              text.replace("’", "").replace("'", "").isalpha())


def _hyphenated_word(token: Token) -> str:
    """The whole hyphenated word ``token`` ends: "Pennington-Walsh" for "Walsh", "O’Connor-Reid" for
    "Reid".  The tokenizer splits at hyphens, while a double-barrelled surname is one word of the name."""
    doc = token.doc
    start = token.i
    while start >= 2 and doc[start - 1].text in HYPHENS and not doc[start - 1].whitespace_ and \
            not doc[start - 2].whitespace_ and _is_word(doc[start - 2]):
        start -= 2
    return doc[start:token.i + 1].text


def _continues_hyphenated(token: Token) -> bool:
    """Whether ``token`` is followed by another piece of its hyphenated word ("Pennington" in
    "Pennington-Walsh", "Reid" in "Reid-O’Connor")."""
    doc = token.doc
    return token.i + 2 < len(doc) and doc[token.i + 1].text in HYPHENS and not token.whitespace_ and \
        not doc[token.i + 1].whitespace_ and _is_word(doc[token.i + 2])


def gaelic_mutated(word: str) -> bool:
    """A noun with an Irish initial mutation glued on: "hAodha", "tSaoi", "bhFloinn" (lower-case letters of
    :data:`GAELIC_MUTATION_PREFIXES`, then a capital)."""
    return GAELIC_MUTATED.fullmatch(word) is not None


def gaelic_surname_end(doc: Doc, i: int) -> int | None:
    """The last token of a Gaelic surname "son/daughter of the <noun>" whose patronymic word is token ``i``
    ("Nic an t-Saoir", "Mac na Ceàrdaich", "Nic a' Phearsain", Irish "Mac an tSaoi"), or of an Irish one
    whose noun carries a mutation ("Ó hAodha"), or None.  The article after the patronymic ("an", "na",
    "a'") is an English word too, so it joins a name only there (:data:`GAELIC_PATRONYMICS`)."""
    if not (doc[i].lower_ in GAELIC_PATRONYMICS and doc[i].text[:1].isupper() and doc[i].whitespace_):
        return None
    j = i + 1
    if j < len(doc) and gaelic_mutated(doc[j].text):
        return j  # "Ó hAodha", "Ní hÉigeartaigh": no article, the noun's mutation
    if j + 1 < len(doc) and doc[j].lower_ in GAELIC_ARTICLES and doc[j].whitespace_:
        j += 1
    elif j + 2 < len(doc) and doc[j].lower_ == "a" and not doc[j].whitespace_ and doc[j + 1].text in ("'", "’") \
            and doc[j + 1].whitespace_:
        j += 2  # "a'": the article with its apostrophe, two tokens
    else:
        return None
    if j + 2 < len(doc) and doc[j].lower_ in GAELIC_ARTICLE_PREFIXES and not doc[j].whitespace_ and \
            doc[j + 1].text in HYPHENS and not doc[j + 1].whitespace_:
        j += 2  # "t-Saoir": the prefix the article puts before a vowel, hyphenated
    word = doc[j].text
    if doc[j].is_alpha and (word[:1].isupper() or gaelic_mutated(word)):
        return j  # (Irish glues the prefix on: "tSaoi")
    return None


def _gaelic_surname_start(doc: Doc, k: int) -> int | None:
    """The patronymic word of the Gaelic article surname (:func:`gaelic_surname_end`) that token ``k``
    is a later word of ("t-Saoir" of "Nic an t-Saoir"), or None."""
    # (at most five tokens follow the patronymic word: "a", "'", "t", "-", the noun; _name_run asks at
    # every step, so the patronymic word is looked for before gaelic_surname_end is called)
    for p in range(max(k - 5, 0), k):
        if doc[p].lower_ in GAELIC_PATRONYMICS:
            end = gaelic_surname_end(doc, p)
            if end is not None and p < k <= end:
                return p
    return None


def _is_syllable(word: str) -> bool:
    """A word shaped like one romanised syllable: a few letters with a vowel ("wai", "Siu", "jung")."""
    return word.isalpha() and len(word) <= ROMANISED_SYLLABLE_MAX and any(c in "aeiouy" for c in word.lower())


def romanised_given_name(token: Token) -> bool:
    """Whether ``token`` is the capitalised first syllable of a hyphenated romanised given name whose
    second syllable is printed in lower case: "Ka" of "Leung Ka-wai", "Dae" of "Kim Dae-jung", "Siu" of
    "Ho Siu-fung".  Cantonese and Korean names put the family name first and write the two-syllable
    given name with a hyphen, its second syllable lower case, so the tokenizer's pieces after the hyphen
    are no proper nouns.  An English compound on a name looks the same ("Clinton-era", "Trump-backed"),
    so the name needs: both pieces syllable-shaped, the lower piece ending its noun phrase (a compound
    modifies the noun after it: "Clinton-era policies"), and NER's person span over the lower piece or
    a family name printed before the capital one ("Ho Siu-fung", which NER may call an organisation; not
    a place, whose romanised names take hyphenated suffixes: "Haeundae-gu")."""
    doc = token.doc
    if token.i + 2 >= len(doc) or not token.is_title or not _is_syllable(token.text) or \
            doc[token.i + 1].text not in HYPHENS or token.whitespace_ or doc[token.i + 1].whitespace_:
        return False
    piece = doc[token.i + 2]
    if not (piece.text.islower() and _is_syllable(piece.text)) or piece.dep_ not in NOUN_PHRASE_END_DEPS:
        return False
    if piece.ent_type_ == "PERSON" and token.ent_type_ == "PERSON":
        return True
    before = doc[token.i - 1] if token.i > 0 else None
    return before is not None and bool(before.whitespace_) and before.is_title and _is_name_token(before) and \
        piece.ent_type_ not in PLACE_LABELS and token.ent_type_ not in PLACE_LABELS


def _is_title(token: Token) -> bool:
    return _norm(token.text) in TITLE_WORDS


def _role_head(word: str) -> str:
    word = _norm(word)
    return ABBREVIATIONS.get(word, word)


def _nickname_at(doc: Doc, i: int) -> tuple[int, int] | None:
    """The quoted nickname opening at token ``i``, as (opening mark, closing mark) indices: "John “Tig”
    Tiegen", "Darren 'Dazza' Pike".  One or two capitalised words in marks between two name words."""
    if not (0 < i < len(doc) and doc[i].text in _MARKS and _is_name_token(doc[i - 1])):
        return None
    for size in (1, 2):
        close = i + size + 1
        if close + 1 < len(doc) and doc[close].text in _MARKS and _is_name_token(doc[close + 1]) and \
                all(t.is_alpha and t.text[:1].isupper() for t in doc[i + 1:close]):
            return i, close
    return None


def _in_nickname(token: Token) -> tuple[int, int] | None:
    """The quoted nickname ``token`` belongs to (a mark or a word of it), if any."""
    for i in range(max(token.i - 3, 1), token.i + 1):
        span = _nickname_at(token.doc, i)
        if span is not None and span[0] <= token.i <= span[1]:
            return span
    return None


_MARKS = DOUBLE_MARKS | SINGLE_MARKS


def _is_post_nominal(token: Token) -> bool:
    """Letters printed after a name: "MP", "QC", "OBE", "PhD"."""
    return (token.text.isupper() or token.text == "PhD") and _norm(token.text) in POST_NOMINALS


def _is_name_token(token: Token) -> bool:
    text = token.text
    if not text[:1].isupper():
        # the lower-case second syllable of a romanised given name ("wai" of "Leung Ka-wai") is a word of the
        # name, and so is the mutated noun of an Irish surname ("hAodha" of "Seán Ó hAodha")
        return text[:1].islower() and ((token.i >= 2 and romanised_given_name(token.doc[token.i - 2])) or (
            gaelic_mutated(text) and _gaelic_surname_start(token.doc, token.i) is not None))
    if _is_post_nominal(token):
        return False  # "Sarah Kettering MP": letters after the name, not a part of it
    if token.pos_ == "PROPN" or (len(text) == 2 and text[1] == "."):
        return True  # a proper noun or a middle initial "T."
    if text.isalpha() and token.ent_type_ == "PERSON" and token.dep_ == "compound":
        return True  # a first name that is also a word of another class: "Will Dorran" (Will: MD)
    if text.isalpha() and token.ent_iob_ == "B" and token.ent_type_ == "PERSON" and token.dep_ == "amod" and \
            token.i + 1 < len(token.doc) and token.doc[token.i + 1].ent_iob_ == "I" and token.doc[token.i + 1].pos_ == "PROPN":
        return True  # a first name the tagger reads as an adjective, opening NER's person: "Vivian Tsang" (JJ)
    if text.isalpha() and token.ent_type_ == "PERSON" and token.ent_iob_ == "I" and not token.is_sent_start and \
            token.tag_ not in FINITE_TAGS and token.tag_ != "VBD" and token.i > 0 and token.doc[token.i - 1].pos_ == "PROPN" and \
            (token.i + 1 == len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I"):
        # a surname that is also a word of another class, ending a person's name: "Mark Keeping" (VBG);
        # not a verb in a tense (VBD too), which NER takes into a name in a Title Case headline ("Ana Roe
        # Explained Why")
        return True
    if token.tag_ == "MD" and text.isalpha() and not token.is_sent_start and token.i > 0 and \
            token.doc[token.i - 1].pos_ == "PROPN" and _is_first_name(token.doc[token.i - 1].text):
        # a surname that is also a modal, after a first name: "Henry Will urged" (a modal is never capitalised
        # inside a sentence)
        return True
    if len(text) > 3 and text[1] in "’'" and _ELIDED_PREFIX_NAME.fullmatch(text):
        return True  # "O’Donnell", "D’Souza": the tagger often calls them common nouns
    if token.tag_ in ("NN", "NNS") and text.isalpha() and token.dep_ == "nsubj" and \
            token.head.lemma_.lower() in CUE_VERBS and token.i > 0 and not token.is_sent_start and \
            token.doc[token.i - 1].text[:1].isupper() and _is_name_token(token.doc[token.i - 1]):
        return True  # a surname that is also a common noun, after a first name: "M. Dane Waters predicted"

    return text.isalpha() and token.tag_ in ("NNP", "NNPS")


def fronted_cue_verb(token: Token) -> bool:
    """A speech verb in a tense opening an inverted reporting clause, before its subject: "Stated Okafor:
    “…”", "Continued Roe: “…”", "Added Roe, “…”".  NER takes it into the name it precedes; a tensed cue
    verb the registers list as a first name ("Said") may be one, and is kept."""
    return token.is_sent_start and token.lower_ in CUE_FORMS and not _is_first_name(token.text)


def _particles_then_name(doc: Doc, index: int) -> bool:
    """True when lowercase name particles from ``index`` leftwards follow a name word, or open the name
    with a capital ("De la Barra, 61, said", "Van der Berg said": a surname printed without the given name
    starts with its particle)."""
    while index > 0 and doc[index].lower_ in NAME_PARTICLES:
        index -= 1
    if _is_name_token(doc[index]) and doc[index].lower_ not in NAME_PARTICLES:
        return True
    first = doc[index] if doc[index].lower_ in NAME_PARTICLES else doc[index + 1]
    return first.is_title and first.is_alpha and not (first.i > 0 and doc[first.i - 1].text[:1].isupper())


def _name_after_particles(doc: Doc, index: int) -> bool:
    """True when lowercase name particles from ``index`` rightwards precede a name word."""
    while index < len(doc) - 1 and (doc[index].lower_ in NAME_PARTICLES or _particle_hyphen(doc[index])):
        index += 1  # (the hyphen of "al-Nasser" too)
    return _is_name_token(doc[index]) and doc[index].lower_ not in NAME_PARTICLES


def _particle_hyphen(token: Token) -> bool:
    """The hyphen joining a lower-case particle to the surname after it: "-" of "al-Nasser", "el-Sayed"."""
    doc = token.doc
    return token.text in HYPHENS and 0 < token.i < len(doc) - 1 and not token.whitespace_ and \
        not doc[token.i - 1].whitespace_ and doc[token.i - 1].lower_ in NAME_PARTICLES and doc[token.i - 1].is_lower


def particle_inside_name(token: Token) -> bool:
    """A lower-case surname particle between words of one name ("Van den Heuvel", "Ortiz de Rozas",
    "van 't Hoff"): a word of the name whatever the tagger calls it (Dutch "den" is also an English past
    tense to it, "de" a foreign word), for a particle is printed only inside a surname, before its last word."""
    doc = token.doc
    return token.lower_ in NAME_PARTICLES and token.text[:1].islower() and token.i > 0 and \
        (_is_name_token(doc[token.i - 1]) or doc[token.i - 1].lower_ in NAME_PARTICLES) and \
        token.i + 1 < len(doc) and _name_after_particles(doc, token.i)


def _is_not_name_word(token: Token) -> bool:
    """A capitalised word that cannot be part of a name, whatever its tag: a function word
    ("Though Kaine has …": the parser's ``mark``) or the plural of a word for people by office or
    party ("Senators Okafor and Lind", "Republicans Jolly and DeSantis"); a name ending in -s that
    the tagger calls plural ("Ines") is neither."""
    if token.dep_ in FUNCTION_DEPS:
        return True
    return token.tag_ in ("NNS", "NNPS") and token.ent_type_ != "PERSON" and token.lower_.endswith("s") and (
        token.ent_type_ == "NORP" or _is_descriptor_word(token.lower_[:-1]))


def _name_run(token: Token) -> list[Token]:
    """The capitalised run (titles included) around a name token, within its clause.

    "Chairman of the Harbor Board Adm. Ruth Calloway" from "Calloway".
    """
    doc = token.doc
    left = token.i
    while left > 0:
        prev = doc[left - 1]
        if prev.text[:1].isupper() and _is_not_name_word(prev):
            break
        if fronted_cue_verb(prev):
            break
        if (gaelic := _gaelic_surname_start(doc, left)) is not None:
            left = gaelic  # "Ealasaid Nic an t-Saoir" from "Saoir": the article and its prefix belong to the name
        elif (_is_name_token(prev) and _norm(prev.text) not in CALENDAR_WORDS) or _is_title(prev):
            left -= 1
        elif prev.lower_ in NAME_PARTICLES and _particles_then_name(doc, left - 1):
            left -= 1  # "Abu Karim al-Nasser", "Ursula von der Leyen"
        elif prev.lower_ in NAME_PARTICLES and prev.is_lower and not prev.whitespace_ and doc[left].text in HYPHENS:
            left -= 1  # "“…,” al-Nasser told": a particle joined to the surname by a hyphen opens it
        elif _given_name_before_particle(prev, doc[left]):
            left -= 1  # "Seán Ó Briain" with "Seán" tagged a plural noun
        elif prev.dep_ in ("compound", "amod") and prev.is_alpha and left <= prev.head.i <= token.i and \
                _is_title(prev.head):
            left -= 1  # "press secretary Dana Whitfield"
        elif prev.text in HYPHENS and not prev.whitespace_ and left > 1 and not doc[left - 2].whitespace_ and \
                not doc[left - 2].is_space and not doc[left - 2].is_punct:
            left -= 1  # "Okafor-Bello"; not a dash opening the line ("\n-Ana Roe")
        elif (nickname := _in_nickname(prev)) is not None and nickname[1] == left - 1:
            left = nickname[0] - 1  # "John “Tig” Tiegen": a quoted nickname inside the name
        else:
            # "Secretary of State Jane Roe", "Chairman of the Harbor Board Adm. Ruth Calloway"
            k = left - 1
            if doc[k].lower_ == "the":
                k -= 1
            # (not when the name is a possessive: "leader of Roe’s party" leads the party, Roe holds no office)
            possessor = token.i + 1 < len(doc) and doc[token.i + 1].text in ("’s", "'s", "’", "'")
            if k > 0 and not possessor and doc[k].lower_ == "of" and (_is_title(doc[k - 1]) or (
                    _is_name_token(doc[k - 1]) and any(_is_title(t) for t in doc[left:token.i]))) or \
                    _office_for_portfolio(doc, k):
                left = k - 1
                continue
            break
    right = token.i
    while right + 1 < len(doc):
        nxt = doc[right + 1]
        # NER often cuts unusual names short ("Ursula von der" PERSON + "Leyen" GPE).
        labels = ("", "PERSON", "GPE", "NORP", "ORG") if doc[right].ent_type_ == "PERSON" else ("", "PERSON")
        if _is_name_token(nxt) and nxt.ent_type_ in labels and not _is_title(nxt) \
                and _norm(nxt.text) not in ORG_WORDS and _norm(nxt.text) not in CALENDAR_WORDS:
            right += 1
        elif (gaelic := gaelic_surname_end(doc, right)) is not None:
            right = gaelic  # "Nic an t-Saoir": "son/daughter of the <noun>", whatever NER says of its words
        elif nxt.lower_ in NAME_PARTICLES and _name_after_particles(doc, right + 1):
            right += 1
        elif nxt.text in HYPHENS and not doc[right].whitespace_ and not nxt.whitespace_ and \
                right + 2 < len(doc) and _is_name_token(doc[right + 2]):
            right += 2  # "Ortega-Ruiz" when NER stops at "Ortega"
        elif romanised_given_name(doc[right]):
            right += 2  # "Leung Ka-wai": the given name's lower-case second syllable
        elif nxt.lower_ in NAME_SUFFIXES or nxt.lower_.rstrip(".") in NAME_SUFFIXES:
            right += 1
        elif (after := _past_final_apostrophe(doc, right)) is not None:
            right = after  # "Achieng' Oduor-Were", however the tagger reads the words after the apostrophe
        elif (nickname := _nickname_at(doc, right + 1)) is not None:
            right = nickname[1] + 1  # "John “Tig” Tiegen"
        else:
            break
    return list(doc[left:right + 1])


def _office_for_portfolio(doc: Doc, k: int) -> bool:
    """Whether the "for" at token ``k`` joins an office to its portfolio ("Minister for Transport", "Minister
    of State for Transport"), the Commonwealth form of "Transport Minister": a capitalised title or "of"
    office before it (not "a spokeswoman for Gore’s campaign": a job for someone, no office)."""
    office = doc[k - 1] if k > 1 and _is_title(doc[k - 1]) else \
        doc[k - 3] if k > 2 and _is_name_token(doc[k - 1]) and doc[k - 2].lower_ == "of" else None
    return doc[k].lower_ == "for" and office is not None and _is_title(office) and office.text[:1].isupper()


def _given_name_before_particle(word: Token, particle: Token) -> bool:
    """A capitalised word before a surname that opens with a capitalised particle is the given name,
    whatever the tagger calls it ("Seán Ó Briain", "Dick Van Dyke"): a surname prefix follows a name."""
    return particle.lower_ in NAME_PARTICLES and particle.text[:1].isupper() and not particle.whitespace_ == "" \
        and word.is_alpha and word.is_title and len(word.text) > 1 and not _is_not_name_word(word) and \
        _norm(word.text) not in CALENDAR_WORDS and word.ent_type_ in ("", "PERSON")


def _past_final_apostrophe(doc: Doc, index: int) -> int | None:
    """The end of the surname after a given name that ends in an apostrophe ("Achieng' Oduor-Were", a Luo
    spelling): a straight ' glued to a name word not ending in "s" (no possessive), then a capitalised
    word, with its hyphenated pieces; None when the name does not go on."""
    if index + 2 >= len(doc) or doc[index + 1].text != "'" or doc[index].whitespace_ or \
            not doc[index + 1].whitespace_ or doc[index].ent_type_ != "PERSON" or doc[index].lower_.endswith("s"):
        return None
    end = index + 2
    if not (doc[end].is_alpha and doc[end].is_title):
        return None
    while _continues_hyphenated(doc[end]) and doc[end + 2].is_title:
        end += 2
    return end


def _words(tokens: Iterable[Token], keep_possessive: bool = False) -> list[str]:
    """Words as printed, so "al", "-", "Nasser" stay "al-Nasser"; possessives dropped unless kept."""
    tokens = [t for t in tokens if keep_possessive or t.text not in ("’s", "'s")]
    # A quoted nickname ("John “Tig” Tiegen") is no word of the name either.
    nicknamed = {i for t in tokens if t.text in _MARKS and (span := _in_nickname(t)) is not None
                 for i in range(span[0], span[1] + 1)}
    tokens = [t for t in tokens if t.i not in nicknamed] if nicknamed and len(nicknamed) < len(tokens) else tokens
    # Letters after a name ("Anthony Hale QC") are no word of it.
    tokens = [t for i, t in enumerate(tokens) if not (i and _is_post_nominal(t) and _is_name_token(tokens[i - 1]))]
    if not tokens:
        return []
    text = "".join(t.text_with_ws for t in tokens[:-1]) + tokens[-1].text
    return text.split()


def _phrase(tokens: Iterable[Token]) -> str:
    return " ".join(_words(tokens))


def _split_title(run: list[Token]) -> tuple[list[Token], list[Token]]:
    """(title tokens, name tokens): the name starts after the last title word.

    Capitalised organisation words between title and name belong to the title:
    "Chairman of the Harbor Board Adm. Ruth Calloway" -> name "Ruth Calloway".
    """
    last_title = -1
    core = len(run)
    while core > 1 and _norm(run[core - 1].text) in NAME_SUFFIXES:
        core -= 1  # "Martin Luther King Jr.": the surname before a suffix is never a title
    # (the article and prefix of a Gaelic surname are lower case but words of the name: "Nic an t-Saoir")
    gaelic = {k for t in run if (end := gaelic_surname_end(t.doc, t.i)) is not None for k in range(t.i + 1, end + 1)}
    for index, token in enumerate(run[:core - 1]):
        if token.i in gaelic:
            continue
        if token.text[:1].isupper() and index and _in_nickname(token) is not None:
            continue  # a title word in a quoted nickname is no title: Desmond “Coach Dez” Walters
        if _is_title(token) or token.lower_ in ("of", "the") or (
                token.text[:1].islower() and token.is_alpha and token.lower_ not in NAME_PARTICLES):
            last_title = index  # a lowercase word is never inside a name: "Dunmore goalkeeper Aaron Fitch"
        elif token.text in ("’s", "'s") and index > 0:
            last_title = index  # whose the person is: "the Harbor Post’s Lena Ortiz" names Lena Ortiz
    title, name = run[:last_title + 1], run[last_title + 1:]
    while name and name[-1].text in ("’s", "'s", "’", "'"):
        name = name[:-1]
    if name and name[-1].ent_type_ == "PERSON":
        # (not a given name before a surname particle, whatever NER says: "Rajendran s/o Govindasamy")
        while len(name) > 1 and name[0].ent_type_ in NON_PERSON_LABELS and name[1].lower_ not in NAME_PARTICLES:
            title, name = title + [name[0]], name[1:]
    elif len(name) > 2 and name[0].ent_type_ == "NORP" and name[1].ent_type_ != "NORP" and \
            not (_is_first_name(name[0].text) and not name[0].lower_.endswith(DEMONYM_ENDINGS)):
        # "ranking Democrat Elijah Cummings", the name left unlabelled: a party or nationality NER marks
        # on its own before two more capitalised words describes the person, it is no first name.  A word
        # registers list as a given name and without a nationality's ending is the first of a given name of
        # two words ("Hari Prasad Rijal", NER: NORP for Hari): such a name is no nationality.
        title, name = title + [name[0]], name[1:]
    # A capitalised descriptor before a name: "Novelist Irene Vasquez", "Passenger Ruth Okonjo", when NER
    # leaves it out of the PERSON entity; at a sentence start, where NER often takes it in ("Fisherman
    # Tobias Renner", "Resident Gwen Talbot"), only endings no first name has count (-er/-or/-ian would
    # take Walter, Victor, Julian), or a word the article also uses in lower case ("Bus drivers …
    # Driver Kwame Asante"); anywhere, a noun that only names people ("DJ Ana Roe", "Nurse Ana Roe")
    # unless it names a relative, which is also a surname ("Son Min-ho").
    while len(name) > 2 and _descriptor_before_entity(name[0], name[1]):
        title, name = title + [name[0]], name[1:]
    while len(name) > 2 and _is_descriptor_word(name[0].lower_) and not _given_name_with_a_role_ending(name[0]) and (
            name[-1].ent_type_ in ("", "PERSON") or name[0].lower_ in PERSON_NOUNS) and (
            (name[0].ent_iob_ == "O" and name[1].ent_iob_ == "B" and name[1].ent_type_ == "PERSON") or
            (name[0].lower_ in PERSON_NOUNS and name[0].lower_ not in FAMILY_NOUNS) or  # "DJ Ana Roe"
            (name[0].is_sent_start and (name[0].lower_ in PERSON_NOUNS or
                                        name[0].lower_.endswith(DESCRIPTOR_ONLY_ENDINGS) or
                                        name[0].lower_ in _lowercase_lemmas(name[0].doc))) or
            name[0].text in _recurring_prefixes(name[0].doc)):
        title, name = title + [name[0]], name[1:]
    # A descriptor further in, where NER starts the person: "Political Editor Mara Quill", "Public
    # Advocate Tess Oduya" (the words before the descriptor are the office's, not the name's).
    cut = next((k for k in range(len(name) - 3, 0, -1) if _descriptor_before_entity(name[k], name[k + 1]) and
                _in_nickname(name[k]) is None), None)  # (not inside a nickname: Rowan “Coach Ro” Hadley)
    if cut is not None:
        title, name = title + name[:cut + 1], name[cut + 1:]
    # An acronym is never a first name: "Local MLA Sunita Chauhan", "DJB chief Rakesh Malhotra".
    while len(name) > 2 and name[0].is_alpha and name[0].is_upper and 3 <= len(name[0].text) <= 5:
        title, name = title + [name[0]], name[1:]
    # "Registrar of Voters Teresa Quan", "Minister for Transport Tan Wei Ming": after "of"/"for", a word NER
    # leaves outside the name belongs to the title.
    if len(name) > 2 and title and title[-1].lower_ in ("of", "the", "for") and (
            (name[0].ent_iob_ == "O" and name[1].ent_iob_ == "B" and name[1].ent_type_ == "PERSON") or (
                # ... or before a family name and hyphenated given name, whatever NER says ("Secretary for
                # Transport Ho Siu-fung"): the word before the family name is no first name of it
                len(name) == 5 and romanised_given_name(name[2]) and not _is_first_name(name[0].text))):
        title, name = title + [name[0]], name[1:]
    return title, name


def _singular(word: str) -> str:
    """'celebrities' -> 'celebrity', 'editors' -> 'editor': enough for words for people."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _descriptor_before_entity(word: Token, first: Token) -> bool:
    """True for a capitalised word for a person by occupation or standing right before the entity NER
    starts at ``first`` ("Celebrities Ana Roe", "Managing Editor Tom Hale", "Actress Ada Lin", "Ranking
    Democrat Ana Roe"): NER
    leaves it outside the name, and the word names what people are (``PERSON_NOUNS``, the role
    endings, or nameparser's list of titles and occupations), so it is no first name."""
    if first.ent_iob_ != "B" or not word.is_alpha:
        return False
    if word.ent_iob_ != "O":
        # A nationality or party NER marks on its own right before the person ("Ranking Democrat Ana
        # Roe", "Ohio Republican Tom Hale"): a description, wherever it stands in the run.
        return word.ent_type_ == "NORP" and first.ent_type_ == "PERSON"
    lower = _singular(word.lower_)
    if _given_name_with_a_role_ending(word):
        return False
    # (and a party member: "House Intelligence Republican Ana Roe" names Ana Roe, a Republican)
    return _is_descriptor_word(lower) or lower in _OCCUPATION_TITLES or lower in PARTY_MEMBER_NOUNS


def _given_name_with_a_role_ending(word: Token) -> bool:
    """A registered given name that looks like a role noun only by its ending ("Héctor", "Spencer": -or and
    -er, as "director", "organizer"): the first word of the name, where NER's entity starts late, not a
    descriptor (a word the lists give as a person noun, a title or an occupation stays one: "Pastor")."""
    lower = _singular(word.lower_)
    return lower not in PERSON_NOUNS and lower not in TITLE_WORDS and lower not in _OCCUPATION_TITLES and \
        lower not in PARTY_MEMBER_NOUNS and _is_first_name(word.text)


def _recurring_prefixes(doc: Doc) -> frozenset[str]:
    """Capitalised words printed before two different full names: a title ("Supervisor Dennis Hoyle",
    "Supervisor Linda Marsh"), whatever NER makes of either (computed once per doc)."""
    cached = doc.user_data.get("quotes_recurring_prefixes")
    if cached is None:
        seen: dict[str, set[str]] = {}
        for token in doc[:-2]:
            first, last = doc[token.i + 1], doc[token.i + 2]
            if token.is_alpha and token.text[:1].isupper() and not token.is_sent_start and \
                    _is_name_token(first) and _is_name_token(last) and last.ent_type_ == "PERSON" and \
                    token.text != first.text:
                seen.setdefault(token.text, set()).add(first.text)
        cached = frozenset(word for word, firsts in seen.items() if len(firsts) > 1)
        doc.user_data["quotes_recurring_prefixes"] = cached
    return cached


def _lowercase_lemmas(doc: Doc) -> frozenset[str]:
    """Lemmas of the lowercase words of ``doc`` (computed once per doc)."""
    cached = doc.user_data.get("quotes_lowercase_lemmas")
    if cached is None:
        cached = frozenset(t.lemma_ for t in doc if t.is_lower and t.is_alpha)
        doc.user_data["quotes_lowercase_lemmas"] = cached
    return cached


def _is_demonym(token: Token) -> bool:
    """A capitalised word for a person by nation or party: "Frenchman", "Brazilian", "Democrat"."""
    return token.text[:1].isupper() and not token.text.isupper() and _norm(token.text) not in ORG_WORDS and (
        token.ent_type_ == "NORP" or token.lower_.endswith(("man", "woman", "ian", "ard", "ese")))


def _is_descriptor_word(word: str) -> bool:
    """A common noun for a person by what they do: "novelist", "passenger", "son"."""
    return word in PERSON_NOUNS or word in TITLE_WORDS or (
        word.endswith(ROLE_NOUN_SUFFIXES) and word not in NOT_ROLE_NOUNS and word not in ORG_WORDS)


def _looks_like_org(words: list[str]) -> bool:
    return any(_norm(word) in ORG_WORDS for word in words)


def _inside_word(token: Token) -> bool:
    """A hyphen or apostrophe with letters on both sides and no space: part of a word ("Roe-Lind", "O’Hara")."""
    doc = token.doc
    return 0 < token.i < len(doc) - 1 and not doc[token.i - 1].whitespace_ and not token.whitespace_ and \
        doc[token.i - 1].is_alpha and doc[token.i + 1].is_alpha


def _clean_role(tokens: list[Token] | Span) -> str | None:
    # Punctuation goes, except inside a word and the possessive ("the Citizens' Bloc"); the words on either
    # side of a dropped mark stay apart ("Bloc, who" is not "Blocwho").
    kept = [t for t in tokens if not t.is_punct or t.text in ("-", "’s", "'s") or t.dep_ == "case" or _inside_word(t)]
    runs: list[list[Token]] = []
    for t in kept:
        if runs and runs[-1][-1].i + 1 == t.i:
            runs[-1].append(t)
        else:
            runs.append([t])
    words = [w for run in runs for w in _words(run, keep_possessive=True)]
    while words and words[0].lower() in ("the", "a", "an", "its", "his", "her", "their"):
        words = words[1:]
    if words and all(_norm(w) in NOT_ROLES for w in words):
        return None
    # Honorifics before a rank are not part of the role: "Mr." in "Mr. President".
    while words and _norm(words[0]) in NOT_ROLES - {"former", "acting"}:
        words = words[1:]
    if words and words[-1].endswith(("’s", "'s")):
        return None  # "the Harbor Post’s Lena Ortiz": whose she is, not her office
    return " ".join(words) or None


def role_heads(role: str) -> set[str]:
    """Title words a role is headed by: 'Harbor Chiefs Council Chairman Gen.' -> {'chairman', 'general'}."""
    heads = set()
    for word in role.split():
        norm = _norm(word)
        if word.endswith(("’s", "'s")):
            continue  # "the governor's spokesman" is a spokesman, not a governor
        if norm in TITLE_WORDS and norm not in NOT_ROLES:  # plural "Chiefs" is no title word
            heads.add(ABBREVIATIONS.get(norm, norm))
    if not heads and role.split():
        heads.add(_role_head(role.split(" of ")[0].split()[-1]))
    initialism = _office_initialism(role)
    if initialism:
        heads.add(initialism)
    return heads


def _office_initialism(role: str) -> str | None:
    """The initials of an office of two or more words, by which later mentions name it: "Chief financial
    officer" -> "cfo" ("the CFO replied"), "managing director" -> "md".  An office is abbreviated by its own
    words only: not its holder's owner ("the bank's chief risk officer" -> "cro") nor its domain ("director of
    water services" -> none); None for a one-word office."""
    office = re.split(r" (?:of|for|at|in)\b", role, maxsplit=1)[0].split()
    owned = [k for k, w in enumerate(office) if w.endswith(("’s", "'s"))]
    office = [w for w in office[owned[-1] + 1 if owned else 0:] if w.lower() not in ("the", "a", "an")]
    if len(office) < 2 or not all(w.isalpha() for w in office):
        return None
    return "".join(w[0].lower() for w in office)


def roles_match(word: str, heads: set[str]) -> bool:
    """True when a role noun ("chief") names the same office as one of ``heads``."""
    word = _role_head(word)
    if word in heads:
        return True
    if len(word) >= 4 and any(head.endswith(word) for head in heads):
        return True  # "the keeper" ~ "Goalkeeper", "the master" ~ "Harbourmaster"
    return any(word in group and heads & group for group in ROLE_SYNONYMS)


def _surname_of(name_words: list[str]) -> str:
    """Matching key of a name's surname: "Martin Luther King Jr." -> "king"."""
    words = [w for w in name_words if _norm(w) not in NAME_SUFFIXES]
    return _surname_key(words[-1]) if words else ""


def _is_role_noun(token: Token) -> bool:
    """A singular noun that names a person by office, job or relation: "chairman", "analyst", "son"."""
    if token.pos_ not in ("NOUN", "PROPN") or token.tag_ in ("NNS", "NNPS"):
        return False
    lemma = _norm(token.lemma_)
    if lemma in TITLE_WORDS or lemma in PERSON_NOUNS:
        return True
    return lemma.endswith(ROLE_NOUN_SUFFIXES) and lemma not in NOT_ROLE_NOUNS and lemma not in ORG_WORDS


def _apposed_after_place(name: Token) -> bool:
    """Whether ``name``, which the parser made a conjunct of a place, is an apposition set off by commas
    after a role noun's place phrase: "The government spokesman in Lisbon, Marco Tavares, whose party …"
    (the parser read "Lisbon, Marco Tavares" as a list).  A person's name and a place are never conjuncts
    of one list without "and"/"or": no coordinator on the place, a comma right before the name, and NER's
    person over it."""
    head = name.head
    if name.dep_ != "conj" or head.ent_type_ not in PLACE_LABELS or head.dep_ != "pobj" or \
            name.ent_type_ != "PERSON" or any(c.dep_ == "cc" for c in head.children):
        return False
    start = _name_run(name)[0].i if _name_run(name) else name.i
    return start > 0 and name.doc[start - 1].text == ","


def _subject_after_fronted_phrase(name: Token) -> bool:
    """Whether ``name`` is the subject of a verb that has none, though the parser hung it on the object of a
    prepositional phrase opening the sentence: "In Mae Tang, Ana Roe, a nurse, said …" (parsed as "Mae Tang,
    Ana Roe", an apposition of the place).  A fronted "In X," is an adverbial; a finite verb after it needs
    a subject, and the name set off by commas between them is that subject."""
    if name.dep_ != "appos":
        return False
    prep = name.head  # up through the phrase and its own appositions ("In Mae Tang, one of the worst-hit towns,")
    while not (prep.dep_ == "prep" and prep.i == prep.sent.start):
        if prep.dep_ not in ("pobj", "appos", "prep") or prep.i > name.i:
            return False
        prep = prep.head
    verb = prep.head
    return verb.i > name.i and \
        verb.tag_ in FINITE_VERB_TAGS and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children) and \
        name.doc[_name_run(name)[0].i - 1].text == ","


def _apposition_owner(name: Token) -> Token:
    """The noun a name in apposition describes: its head, or the role noun a prepositional phrase that
    head ends hangs from ("A spokesman for the district police, Supt Ana Roe, said": the parser hangs
    the name on "police"; a name set off by commas after "a spokesman for X" names the spokesman)."""
    head = name.head
    if name.dep_ != "appos" and not _apposed_after_place(name):
        return head
    noun = head
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN") and \
            not _is_role_noun(noun):
        noun = noun.head.head
    return noun if noun is not head and _is_role_noun(noun) and noun.pos_ == "NOUN" else head


def _describes_person(head: Token, mention: Span) -> bool:
    """True for a description only a person fits: "the banker", "the 54-year-old", "the Democrat"."""
    return _is_role_noun(head) or mention.text.lower().endswith("-old") or head.ent_type_ == "NORP"


def _role_phrase(head: Token, stop: int | None = None) -> str | None:
    """The role noun phrase headed by ``head``, without clauses, conjuncts or anything from ``stop`` on.

    "a volunteer who arrived from Ankara" -> "volunteer".
    """
    cut: set[int] = set()
    for child in head.children:
        if child.dep_ in ("relcl", "cc", "conj", "appos", "acl", "punct"):
            cut.update(t.i for t in child.subtree)
    # A "who" clause the parser hung lower ("leader of the Civic Bloc, who accused …") is about the person the
    # role describes (only a person is "who"), never part of the office.
    for token in head.subtree:
        if token.dep_ == "relcl" and any(c.lower_ in ("who", "whom") for c in token.children):
            cut.update(t.i for t in token.subtree)
    tokens = [t for t in head.subtree if t.i not in cut and (stop is None or t.i < stop) and
              (not t.is_punct or t.dep_ == "case" or _inside_word(t))]
    words = [k for k, t in enumerate(tokens) if not t.is_punct]
    return _clean_role(tokens[:words[11] + 1] if len(words) > 12 else tokens)  # twelve words; marks inside them kept


def _coordinated_roles(token: Token) -> list[str]:
    """The further roles a name in apposition takes from role nouns coordinated with the one it describes:
    "her brother and campaign manager, Julián Roe" -> ["campaign manager"].  A bare conjunct shares the
    first noun's determiner or possessive and so names the same one person; a conjunct with its own ("her
    brother and a friend", "the mayor and the governor") names someone else."""
    if token.dep_ != "appos" and not _apposed_after_place(token):
        return []
    owner = _apposition_owner(token)
    if not _is_role_noun(owner) or _is_name_token(owner):
        return []
    start = _name_run(token)[0].i
    return [role for conj in owner.children
            if conj.dep_ == "conj" and conj.i < start and _is_role_noun(conj) and not _is_name_token(conj) and
            not any(c.dep_ in ("det", "poss") for c in conj.children)
            for role in [_role_phrase(conj, stop=start)] if role]


def _office_clause_role(token: Token) -> str | None:
    """The role a "who" clause of holding an office gives a name (:data:`OFFICE_VERB_NOUNS`): "Ana Roe, who has
    led the Civic Bloc since May," -> "leader of the Civic Bloc".  None for any other clause."""
    for clause in token.children:
        if clause.dep_ != "relcl" or not any(c.lower_ == "who" and c.dep_ == "nsubj" for c in clause.children):
            continue
        noun = OFFICE_VERB_NOUNS.get(clause.lemma_.lower())
        office = next((c for c in clause.children if c.dep_ == "dobj"), None)
        if noun is None or office is None or office.pos_ not in ("PROPN", "NOUN"):
            continue
        words = _role_phrase(office)
        article = next((c.lower_ + " " for c in office.children if c.dep_ == "det" and c.lower_ == "the"), "")
        return f"{noun} of {article}{words}" if words else None
    return None


def _appositive_role(token: Token) -> str | None:
    """Role given by an apposition: "Jane Roe, the chairman of X," -> "chairman of X"."""
    for child in token.children:
        if child.dep_ == "appos" and _is_role_noun(child) and not _is_name_token(child):
            return _role_phrase(child)
    # (the noun the name describes may sit above an "of" phrase the parser hung the name on: "The regional
    # director of the Electoral Service, Ana Roe," names the director, not the service)
    owner = _apposition_owner(token)
    if (token.dep_ == "appos" or _apposed_after_place(token)) and \
            (_is_title(owner) or (_is_role_noun(owner) and not _is_name_token(owner))):
        return _role_phrase(owner, stop=_name_run(token)[0].i)  # "The Prime Minister, Helen Marsh,"
    if token.dep_ in ("dobj", "nsubjpass"):
        # "named Elena Sokolova as its new conductor", "Roe was appointed as chief executive"
        for prep in token.head.children:
            if prep.dep_ == "prep" and prep.lower_ == "as" and prep.i > token.i:
                role = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if role is not None and _is_role_noun(role) and not _is_name_token(role):
                    return _role_phrase(role)
    return None
