"""Signs in the sentence that a name is a person or a thing, for :mod:`.people`.

A person: a first name or title before the surname, an age ("MacLeod, 83,"), a "who" clause, "himself" or
"herself", a following "he"/"she", the surname printed elsewhere with such a sign.  A thing: "its" or
"itself", an organisation noun in apposition, a work that is "in" it.  Also where a name stands in its
sentence (set off by a comma, the subject of an inverted clause).
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import (
    CUE_VERBS, DESCRIPTOR_ONLY_ENDINGS, MISPRINT_MIN_LETTERS, NAME_NOUNS, NAME_PARTICLES, NAMING_LEMMAS,
    NON_PERSON_LABELS, ORG_WORDS, PARENTHESIS_MAX_TOKENS, PARTY_TAG, PERSON_NOUNS, PERSONAL_REFLEXIVES,
    PERSONS_NAME_WORDS, SIGNATURE_DASHES, THING_PRONOUNS, WORK_NOUNS,
)
from .names import (
    _is_first_name, _is_name_token, _is_role_noun, _is_title, _looks_like_org, _name_run, _norm, _one_edit_apart,
    _split_title, _surname_key, _words,
)


def _name_before_colon(token: Token) -> bool:
    """True for a first name and surname NER leaves unlabelled, set before a colon as a phrase of its
    own (the parser's root or an unattached fragment): a speaker label ("Lena Varga: We will …") or the
    topic a colon announces ("And then there is Lena Varga: what is her plan?").  Only a person's name
    starts with a first name; an organisation's or a heading's ("Harbor Watch:", "Key Points:") does not."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].text != ":" or token.ent_type_ != "" or \
            token.dep_ not in ("ROOT", "dep", "attr", "appos"):
        return False
    title, name = _split_title(_name_run(token))
    return 2 <= len(name) <= 3 and all(t.ent_type_ == "" for t in name) and _is_first_name(name[0].text) and \
        len(name[0].text) > 2 and not _looks_like_org(_words(name))


def _labels_a_turn(token: Token) -> bool:
    """True for a first name and surname opening a line, with a short aside in brackets (the speaker's
    outlet, party or office) and a colon after it, whatever NER's label: the speaker label of a transcript
    or press-conference turn ("Lena Varga (Harbor Radio): “…”"), which NER often reads as an organisation
    for the outlet beside it.  Only a person's label starts with a registered first name."""
    doc = token.doc
    if token.i + 2 >= len(doc) or doc[token.i + 1].text != "(":
        return False
    close = next((t.i for t in doc[token.i + 2:token.i + 3 + PARENTHESIS_MAX_TOKENS] if t.text == ")"), None)
    if close is None or close + 1 >= len(doc) or doc[close + 1].text != ":" or \
            any("\n" in t.text or "\n" in t.whitespace_ for t in doc[token.i:close + 1]):
        return False
    title, name = _split_title(_name_run(token))
    first = (title or name)[0]
    return 2 <= len(name) <= 3 and (first.i == 0 or "\n" in doc[first.i - 1].text or
                                    "\n" in doc[first.i - 1].whitespace_) and \
        _is_first_name(name[0].text) and len(name[0].text) > 2 and not _looks_like_org(_words(name))


def _signs_a_line(token: Token) -> bool:
    """True for a first name and surname opening a line after a dash, whatever NER's label: a pull quote,
    a reader's comment or a letter signed under its words ("- Lena Varga, Harrisburg.").  A signature is
    a person's or an organisation's, and only a person's starts with a first name."""
    doc = token.doc
    title, name = _split_title(_name_run(token))
    first = (title or name)[0]
    if not 2 <= len(name) <= 3 or first.i == 0 or doc[first.i - 1].text not in SIGNATURE_DASHES:
        return False
    dash = doc[first.i - 1]
    if dash.i > 0 and "\n" not in doc[dash.i - 1].text_with_ws:
        return False
    return _is_first_name(name[0].text) and len(name[0].text) > 2 and not _looks_like_org(_words(name))


def _first_name_leads(token: Token) -> bool:
    """True unless the name ending at ``token`` has two or more words and no first name, initial or title
    before its last word: "Unai Emery said" (ORG) may be a person NER mislabelled; "Harbor Watch said",
    "Velora Motors said" (ORG) name no one, for a person's name of two words starts with a first name."""
    title, name = _split_title(_name_run(token))
    if len(name) < 2 or (title and _is_title(title[-1])):
        return True
    return any(_is_first_name(t.text) for t in name[:-1])


def _unlabelled_group_name(token: Token) -> bool:
    """True for a name of two or more words NER leaves unlabelled whose first word is no first name or
    initial, with no title before it, when the article gives no sign its last word is a surname: "Hard Right
    Report first reported" names a group or a publication; "Kendal Unruh said" names a person.  (Not for
    names NER calls an organisation: there a rare first name, "Reince Priebus", missing from the registers
    loses a person; measured -2 dev, -3 held-out name quotes.)"""
    title, name = _split_title(_name_run(token))
    return token.ent_type_ == "" and len(name) >= 2 and not (title and _is_title(title[-1])) and \
        not _is_first_name(name[0].text) and not _bears_a_persons_surname(token)


def _bears_a_persons_surname(token: Token) -> bool:
    """True when the article shows that the last word of the name ending at ``token`` is a person's
    surname: somewhere it is printed with an age or a "who" clause ("Mere Tawake, who is 71,"), or after
    another capitalised given name ("Litia Tawake" beside "Mere Tawake": a family, not two firms).

    The first-name table of :func:`_first_name_leads` comes from national registers that miss the given
    names of many countries (a Fijian "Litia" is in none of them); this is the article's own evidence."""
    doc = token.doc
    full = _split_title(_name_run(token))[1]
    given = full[:-1]
    firsts = {t.lower_ for t in given}
    for other in doc:
        if other.text != token.text or other.i == token.i:
            continue
        if _has_age_apposition(other) or _has_who_clause(other):
            return True
        if _speaks_by_surname(other, full):
            return True
        before = doc[other.i - 1] if other.i > 0 else None
        if before is not None and _is_name_token(before) and not _is_title(before) and \
                before.lower_ not in firsts and before.lower_ not in NAME_PARTICLES and \
                not (other.i > 1 and _is_name_token(doc[other.i - 2])):
            return True
    return _has_age_apposition(token) or _has_who_clause(token)


def _speaks_by_surname(other: Token, full: list[Token]) -> bool:
    """True when ``other`` ends a later mention of the name ``full`` by its last word(s) alone, as the subject
    of a cue verb with no determiner ("Teodrik Halvasson said …" then "“…,” Halvasson said"): news calls a
    person by the surname, an organisation by its first word or with "the" ("Velora", "the Report"), never
    by its last word alone."""
    if other.dep_ != "nsubj" or other.head.lemma_.lower() not in CUE_VERBS or any(c.dep_ == "det" for c in other.children):
        return False
    short = _split_title(_name_run(other))[1]
    return 0 < len(short) < len(full) and [t.text for t in short] == [t.text for t in full[-len(short):]]


def _misprints_a_surname(token: Token, surnames: set[str]) -> bool:
    """True for a lone capitalised word, the subject of a cue verb, one letter away from the surname of a
    person the article names in full (``surnames``): "“…,” Okonkow said" beside "Ruth Okonkwo".  NER calls
    such a slip a place or a firm, which it never saw; the article's own spelling of the surname says person.
    (The printed form is kept as the name: one letter apart is also how two real surnames may differ.)"""
    verb = token.head  # the cue, or a verb whose complement is ("Okonkow went on to say")
    if token.dep_ not in ("nsubj", "nsubjpass") or token.tag_ != "NNP" or not (verb.lemma_.lower() in CUE_VERBS or any(
            c.dep_ == "xcomp" and c.lemma_.lower() in CUE_VERBS for c in verb.children)) or \
            any(c.dep_ == "det" for c in token.children) or len(_split_title(_name_run(token))[1]) != 1:
        return False
    key = _surname_key(token.text)
    return len(key) >= MISPRINT_MIN_LETTERS and key not in surnames and \
        any(_one_edit_apart(key, surname) for surname in surnames if len(surname) >= MISPRINT_MIN_LETTERS)


def _adjective_words(tokens: list[Token]) -> set[str]:
    """Of the capitalised ``tokens`` of an article, the words whose every occurrence modifies a common noun and
    which NER labels a thing (a nationality, firm, place) more often than a person: "Kazakh attitudes" (PERSON)
    beside "Kazakh oil" and "the Kazakh side" (ORG).  A word never used as a noun phrase of its own (a subject,
    an object, an owner) names no one; a surname is, somewhere ("Trump said", beside "the Trump campaign")."""
    person: dict[str, int] = {}
    thing: dict[str, int] = {}
    nominal = set()
    for token in tokens:
        if token.dep_ not in ("compound", "amod") or token.head.pos_ != "NOUN":
            nominal.add(token.text)
        person[token.text] = person.get(token.text, 0) + (token.ent_type_ == "PERSON")
        thing[token.text] = thing.get(token.text, 0) + (token.ent_type_ in NON_PERSON_LABELS)
    return {word for word, count in thing.items() if word not in nominal and count > person[word]}


def _of_phrase_owner(noun: Token) -> Token:
    """The noun an "of" phrase hangs from: "president" for "union" in "the president of the union"."""
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ == "of" and \
            noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
    return noun


def _reflexives(subject: Token) -> set[str]:
    """The reflexive pronouns the verb of ``subject`` takes as its object, directly or after a
    preposition: {"himself"} for "Okafor compared himself to Lind", {"itself"} for "Velora has
    positioned itself as …".  A reflexive object takes the subject of its verb as antecedent."""
    verb = subject.head
    objects = [c for c in verb.children if c.dep_ in ("dobj", "prep", "dative", "oprd")]
    objects += [g for c in objects if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return {t.lower_ for t in objects if t.lower_ in PERSONAL_REFLEXIVES or t.lower_ == "itself"}


def _publishes_a_work(token: Token) -> bool:
    """True for a one-word name a work noun is "in": "a new article in Velora", "a column in Velora".
    A piece of writing is in a publication, never in a person ("an article in Roe's paper": Roe
    owns, the possessive is no object of "in")."""
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ == "in" and prep.head.pos_ == "NOUN" and \
        _norm(prep.head.lemma_) in WORK_NOUNS and not any(c.dep_ == "compound" for c in token.children) and \
        not (token.i + 1 < len(token.doc) and _is_name_token(token.doc[token.i + 1]))


def _reflexive_of_person(subject: Token) -> bool:
    """True when the verb of ``subject`` has "himself" or "herself" as its object: "Roe describes
    herself as …".  A place or organisation is "itself", so the subject is a person."""
    return bool(_reflexives(subject) & PERSONAL_REFLEXIVES)


def _refers_to_itself(subject: Token) -> bool:
    """True when the clause of ``subject`` has "its" or "itself" for it: "Harbor Freight contended in
    its letter …".  Only a thing is "its", so a later "he" or "she" is someone else."""
    verb = subject.head
    for t in verb.subtree:
        if t.lower_ in THING_PRONOUNS and t.i > subject.i:
            clause = t.head
            while clause.i != verb.i and clause.pos_ not in ("VERB", "AUX"):
                clause = clause.head
            if clause.i == verb.i:
                return True
    return False


def _next_subject_is_he_or_she(token: Token) -> bool:
    """True when the next subject that is "he", "she" or a name, within two sentences, is a pronoun:
    "Morag Innes has run the ferry since 1980. “…,” she says." (NER: ORG)."""
    doc = token.doc
    limit = token.sent.end
    if limit < len(doc):
        limit = doc[limit].sent.end
    for other in doc[token.i + 1:limit]:
        if other.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if other.lower_ in ("he", "she"):
            return True
        if _is_name_token(other) and not _is_title(other):
            return False
    return False


def _org_apposition(token: Token) -> bool:
    """True when a name's apposition is headed by an organisation noun: "Velora, the state news agency"."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].text != ",":
        return False
    # Only an apposition right after the comma: a parser that hangs a later clause's noun on the
    # name ("Roe, who works at Velora, a group of …") says nothing about the name.
    # And only a noun that ends its phrase: in "Ana Roe, a former centre back," the parser may make
    # "centre" the head and "back" a modifier of it, but a word after the noun says it modifies another;
    # and "who" after it speaks of a person ("a former centre back who …"), "which" of a thing.
    return any(child.dep_ == "appos" and child.pos_ == "NOUN" and child.left_edge.i == token.i + 2
               and _norm(child.lemma_) in ORG_WORDS and _ends_its_phrase(child) and
               not any(c.dep_ == "relcl" and c.left_edge.lower_ in ("who", "whom", "whose") for c in child.children)
               for child in token.children)


def _ends_its_phrase(noun: Token) -> bool:
    """Whether nothing but punctuation, a preposition, a conjunction or a relative clause follows ``noun`` in its
    phrase: "the state news agency," ends at "agency"; "a former centre back," does not end at "centre"."""
    doc = noun.doc
    after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    return after is None or after.is_punct or after.dep_ in ("prep", "cc", "relcl", "acl") or \
        after.head.i != noun.i or after.tag_ in ("WDT", "WP", "WP$", "IN", "TO")


def _person_noun_apposition(token: Token) -> bool:
    """True for a name followed by an apposition headed by a noun that names only people: "Ratih, a nurse at
    the clinic,", "Sudarmo, a columnist,".  Many Indonesians, Javanese and Burmese go by one name, which NER,
    seeing no first name, often calls an organisation; a thing is never a nurse (unlike "a broadcaster", whose
    -er ending a company's description shares, so only :data:`PERSON_NOUNS` and the person-only endings count)."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].text != ",":
        return False
    # (only an apposition right after the comma, as in _org_apposition)
    return any(child.dep_ == "appos" and child.pos_ == "NOUN" and child.left_edge.i == token.i + 2 and
               child.tag_ == "NN" and _norm(child.lemma_) not in ORG_WORDS and
               (_norm(child.lemma_) in PERSON_NOUNS or _norm(child.lemma_).endswith(DESCRIPTOR_ONLY_ENDINGS))
               for child in token.children)


def _naming_clause_owner(token: Token) -> Token | None:
    """The noun a name gives the name of through a naming clause on it: "head" in "The village head, known to
    residents as Pak Harun, said" and "cook" in "the cook, whom the crew call Mang Oscar, said"
    (:data:`NAMING_LEMMAS`); None for any other name.  Only a singular noun for a person is so named: not "Ana
    Roe, whom colleagues call Chair," nor "the river, known locally as the Leie"."""
    node = token
    for _ in range(4):  # name -> "as" -> ("residents" -> "to" ->) the verb
        if node.dep_ not in ("pobj", "prep", "dobj", "oprd", "attr", "npadvmod") or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ == "VERB":
            break
    if node.pos_ != "VERB" or node.lemma_.lower() not in NAMING_LEMMAS or node.dep_ not in ("acl", "relcl"):
        return None
    owner = node.head
    return owner if owner.pos_ == "NOUN" and owner.tag_ == "NN" and owner.i < token.i and _is_role_noun(owner) else None


def _gives_a_persons_name(token: Token) -> bool:
    """True for a name in apposition to a person's name: "who would give only her first name, Ulrike," "his
    nickname, Dodong" (:data:`NAME_NOUNS` with a word of :data:`PERSONS_NAME_WORDS`): a one-word name NER,
    seeing no surname, may call an organisation."""
    head = token.head
    return token.dep_ == "appos" and head.i < token.i and head.lemma_.lower() in NAME_NOUNS and \
        any(c.dep_ in ("poss", "amod", "compound") and c.lower_ in PERSONS_NAME_WORDS for c in head.children)


def _names_an_org_noun(token: Token) -> bool:
    """True for a name in apposition to an organisation noun before it: "the Danish newspaper Dagsposten",
    "the party Velora" (whatever NER's label: it often calls an unfamiliar one-word title a person)."""
    head = token.head
    # (the parser may hang the noun on the name as a compound instead: "the union Unite said"; with the
    # determiner, for a bare noun before a name may be a position: "Lionesses centre Kadian")
    if any(c.dep_ == "det" for c in token.children) and \
            any(c.dep_ == "compound" and c.i < token.i and c.pos_ == "NOUN" and c.is_lower and _norm(c.lemma_) in ORG_WORDS
                for c in token.children):
        return True
    # Not a noun inside an "of" phrase, where the parser hangs the name of the role's holder: "the
    # president of the farmers' union, Sylvie Marchand".
    return token.dep_ == "appos" and head.i < token.i and head.pos_ == "NOUN" and _norm(head.lemma_) in ORG_WORDS \
        and _of_phrase_owner(head).i == head.i


def _has_age_apposition(token: Token) -> bool:
    """True for a name followed by an age between commas: "Ana Ruiz, 54,", "Roe, now 83,"."""
    doc = token.doc
    index = token.i + 1
    if index >= len(doc) or doc[index].text != ",":
        return False
    index += 1
    if index < len(doc) and doc[index].lower_ in ("now", "aged"):
        index += 1
    if index + 1 >= len(doc) or not doc[index].text.isdigit() or not 0 < int(doc[index].text) < 120:
        return False
    return doc[index + 1].text in (",", ".", ";")


def _party_tag_follows(token: Token) -> bool:
    """True for a name printed with a legislator's party and state in brackets right after it: "Ana Roe
    (D-Md.)", "Roe (R-Texas)".  Only a person carries that tag; an organisation or a place never does."""
    doc = token.doc
    if token.i + 2 >= len(doc) or doc[token.i + 1].text != "(":
        return False
    # The few tokens after the bracket as printed (``doc.text`` would join the whole article).
    window = "".join(t.text_with_ws for t in doc[token.i + 2:token.i + 8])
    match = PARTY_TAG.match(window)
    return match is not None and window[match.end():match.end() + 1] == ")"


def _titled_full_name(token: Token) -> bool:
    """True when a title stands before a first name and surname ending at ``token``."""
    title, name = _split_title(_name_run(token))
    return len(name) >= 2 and bool(title) and _is_title(title[-1]) and not _looks_like_org(_words(name))


def _given_name_and_double_surname(token: Token) -> bool:
    """True when the name ending at ``token`` is a registered given name and one double-barrelled surname, two
    capitalised words of two or more letters joined by a hyphen ("Ida Mørch-Nielsen", "Ana Roe-Lind"): the
    form of a person's name.  A firm named after people takes their surnames alone ("Hewlett-Packard",
    "Rolls-Royce"), and a hyphenated brand with a given name in it keeps it inside the word ("Mercedes-Benz"),
    so NER's ORG for such a name is a misreading."""
    title, name = _split_title(_name_run(token))
    words = _words(name)
    if title or len(words) != 2 or not _is_first_name(words[0]) or len(words[0]) < 3 or _looks_like_org(words):
        return False
    parts = words[1].split("-")
    return len(parts) == 2 and all(len(p) >= 2 and p[:1].isupper() and p[1:].islower() and p.isalpha() for p in parts)


def _has_who_clause(token: Token) -> bool:
    """A relative clause on ``token`` whose subject is "who", the relative pronoun of persons:
    "Cillian, who is nine,".  (Teams take it too in British usage, but NER calls them ORG or GPE.)"""
    return any(clause.dep_ == "relcl" and any(c.lower_ == "who" and c.dep_ in ("nsubj", "nsubjpass")
                                              for c in clause.children) for clause in token.children)


def _set_off_by_comma(name: list[Token]) -> bool:
    """True when a comma sets the name, with its titles, off from the words before it."""
    if not name:
        return False
    i = name[0].i - 1
    while i > 0 and _is_title(name[0].doc[i]):
        i -= 1  # "…, Dr Ana Roe"
    return i >= 0 and name[0].doc[i].text == ","


def _inverted_subject(token: Token) -> bool:
    """The noun after a copula whose clause has no subject before it is that clause's subject, inverted
    after a fronted place or manner ("Among the crowd was Ana Roe", "Also at the table was Roe"): the
    person the sentence introduces, as a subject would be.  Not after "there" ("There was Roe"), an
    existential that names someone without making them the topic."""
    verb = token.head
    return token.dep_ == "attr" and verb.lemma_ == "be" and verb.i < token.i and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)
