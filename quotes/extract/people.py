"""Step 2, people: every person the article names, with aliases, roles and gender hints.

From NER, title + name sequences and subjects of cue verbs, and names NER calls a place or
organisation when a relative's name, an age ("MacLeod, 83,") or a following "he"/"she" says
person (:func:`find_people`; those signs in :mod:`.evidence`), read into a
:class:`~.people_index.PeopleIndex`, which also keeps every mention, for salience.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .evidence import (
    _adjective_words, _bears_a_persons_surname, _first_name_leads, _given_name_and_double_surname,
    _gives_a_persons_name, _has_age_apposition, _has_who_clause, _inverted_subject, _labels_a_turn,
    _misprints_a_surname, _name_before_colon, _names_an_org_noun, _naming_clause_owner, _next_subject_is_he_or_she,
    _of_phrase_owner, _org_apposition, _party_tag_follows, _person_noun_apposition, _publishes_a_work,
    _refers_to_itself, _reflexive_of_person, _reflexives, _set_off_by_comma, _signs_a_line, _titled_full_name,
    _unlabelled_group_name,
)
from .lexicon import (
    AMBIGUOUS_ADDRESS_TERMS, CUE_VERBS, FAMILY_NOUNS, LOCATIVE_PREPOSITIONS, MISREAD_SURNAME_LABELS, NAME_PARTICLES,
    NAME_SUFFIXES, NON_PERSON_LABELS, ORG_WORDS, PARTY_TAG, PERSON_NOUNS, PLACE_LABELS, SALIENCE_OTHER,
    SALIENCE_SUBJECT, TITLE_CASE_LOWER_WORDS, TITLE_LINE_MIN_WORDS,
)
from .names import (_apposition_owner, _appositive_role, _clean_role, _coordinated_roles, _continues_hyphenated,
                    gaelic_mutated, _name_after_particles, _office_clause_role, honorific_gender, _hyphenated_word,
                    _in_nickname, _is_first_name, _is_name_token, _is_role_noun, _is_title, _looks_like_org, _name_run,
                    _norm, _phrase, _role_phrase, romanised_given_name, _split_title, _subject_after_fronted_phrase,
                    _surname_key, _words)
from .people_index import PeopleIndex




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
        cue_subject = subject and token.head.lemma_.lower() in CUE_VERBS
        # A determiner makes the name a thing's ("The Kenya Red Cross", "a New Hampshire Democrat"): most
        # readings below that let a mislabelled name be a person's require none.
        determined = any(c.dep_ == "det" for c in token.children)
        if cue_subject and _unlabelled_group_name(token):
            pass  # "Hard Right Report first reported": no first name, no label, no sign of a surname
        elif cue_subject and (token.ent_type_ in ("", "PERSON") or (
                token.ent_type_ in ("ORG", "WORK_OF_ART") and not determined
                and (_first_name_leads(token) or _bears_a_persons_surname(token)))):
            # an ORG subject may be a mislabelled person, but not "The Kenya Red Cross"; so may a
            # WORK_OF_ART ("Twitter's Adam Sharp said": NER takes the owner and the name for a title)
            heads.add(token.i)
        elif cue_subject and token.ent_type_ in MISREAD_SURNAME_LABELS and \
                not determined and \
                len(name := _split_title(_name_run(token))[1]) >= 2 and _is_first_name(name[0].text):
            # a surname NER knows from a famous law, product or event ("Ana Roe said": LAW, after a court
            # case) is still a surname after a registered first name, as the subject of a cue verb
            heads.add(token.i)
        elif cue_subject and token.ent_type_ == "NORP" and \
                token.tag_ == "NNP" and not determined and \
                len(name := _split_title(_name_run(token))[1]) >= 2 and not _looks_like_org(_words(name)) and \
                all(t.ent_type_ in ("", "NORP") for t in name) and \
                not (name[0].i > 0 and doc[name[0].i - 1].dep_ == "det"):
            # "Rosette Pambakian said": a first name before it, so no nationality or party (but not
            # "a New Hampshire Democrat said")
            heads.add(token.i)
        elif subject and token.ent_type_ in ("", "PERSON") and len(_split_title(_name_run(token))[1]) >= 2:
            heads.add(token.i)
        elif token.ent_type_ == "ORG" and not determined and _given_name_and_double_surname(token):
            heads.add(token.i)  # "in the hands of Ida Roe-Lind" (NER: ORG): a given name and a double surname
        elif subject and token.ent_type_ == "ORG" and _titled_full_name(token):
            heads.add(token.i)  # "France captain Antoine Girard was blunt": NER said ORG, the title says person
        elif subject and token.ent_type_ == "ORG" and len(_split_title(_name_run(token))[1]) >= 2 and any(
                t.lower_ in ("his", "her", "himself", "herself") for t in token.head.subtree if t.i > token.i):
            heads.add(token.i)  # "Unai Emery praised his players": NER said ORG, "his" says person
        elif subject and _reflexive_of_person(token) and not determined and \
                not _looks_like_org(_words(_split_title(_name_run(token))[1])):
            heads.add(token.i)  # "Okafor compared himself to Lind" (NER: ORG): only a person is "himself"
        elif token.ent_type_ in ("ORG", "GPE", "LOC", "FAC") and (
                _surname_key(token.text) in family_names or (
                    subject and _next_subject_is_he_or_she(token) and not _refers_to_itself(token))) and \
                not determined and \
                len(name := _split_title(_name_run(token))[1]) >= 2 and not _looks_like_org(_words(name)):
            # "Agnes MacLeod" (ORG) beside "Donald MacLeod", with "MacLeod, 83,", or followed by "she says"
            heads.add(token.i)
        elif token.ent_type_ == "" and _surname_key(token.text) in speaking_surnames and \
                not determined and \
                len(name := _split_title(_name_run(token))[1]) >= 2 and all(t.ent_type_ == "" for t in name) and \
                not _looks_like_org(_words(name)):
            # No label at all: "… and Kendal Unruh, a delegate," with "said Unruh" later
            heads.add(token.i)
        elif _party_tag_follows(token) and not determined and \
                len(name := _split_title(_name_run(token))[1]) >= 2 and not _looks_like_org(_words(name)):
            # "said ranking Democrat Elijah Cummings (D-Md.)", a name the parser made an object and NER left
            # unlabelled: the party-and-state tag says legislator, a person.
            heads.add(token.i)
        elif (_naming_clause_owner(token) is not None or _gives_a_persons_name(token)) and not determined and \
                not _looks_like_org([token.text]):
            # "The village head, known to residents as Harun,", "who gave only her first name, Ulrike," (NER: ORG):
            # the name a person goes by
            heads.add(token.i)
        elif _name_before_colon(token):
            heads.add(token.i)  # "And then there is Lena Varga: what, exactly, is her plan?"
        elif _labels_a_turn(token) and not determined:
            heads.add(token.i)  # "Lena Varga (Harbor Radio): “…”" (NER: ORG): a transcript's speaker label
        elif _signs_a_line(token):
            heads.add(token.i)  # "- Lena Varga, Harrisburg." under a quote (NER: nothing, or a law)
        elif token.ent_type_ in ("", "NORP") and token.tag_ == "NNP" and _has_who_clause(token) and \
                not determined:
            heads.add(token.i)  # "Cillian, who is nine," (NER: NORP): "who" refers to a person
        elif token.tag_ == "NNP" and token.ent_type_ in ("", "NORP", "ORG", "GPE") and (
                _has_age_apposition(token) or _person_noun_apposition(token)) and \
                not determined and not _looks_like_org([token.text]):
            # "Lhakpa, 29," (NER: ORG): only a person's age is printed so, after the name; "Ratih, a nurse,": only a
            # person is a nurse
            heads.add(token.i)
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


def _name_takes_the(name: list[Token]) -> bool:
    """Whether "the" is the article of a name, right before it or before lower-case nouns that modify it ("the
    opposition Civic Bloc"): a person's name takes no article, an organisation's does.  Not across an adjective
    ("the late Ana Roe") or a noun for a person ("the composer Ana Roe"): those a person's name takes."""
    doc = name[0].doc
    inside = {t.i for t in name}
    k = name[0].i - 1
    while k >= 0 and doc[k].is_lower and doc[k].pos_ == "NOUN" and doc[k].dep_ == "compound" and \
            doc[k].head.i in inside and not _is_role_noun(doc[k]) and _norm(doc[k].lemma_) not in PERSON_NOUNS:
        inside.add(k)
        k -= 1
    return k >= 0 and doc[k].lower_ == "the" and doc[k].head.i in inside


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
    # names and titles start so (or, in an Irish surname, with a mutation: "hAodha" of "Ó hAodha")
    capitalised = [token for token in doc if token.text[:1].isupper() or (
        token.text[:1].islower() and gaelic_mutated(token.text) and _is_name_token(token))]
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
    full_names = [ent for ent in doc.ents if ent.label_ == "PERSON" and len(ent) >= 2 and ent[-1].is_alpha]
    headline_surnames = {_surname_key(ent[-1].text) for ent in full_names
                         if ent.start_char < body_start or _in_spans(ent.start_char, title_lines)}
    # Lone cue-verb subjects one letter away from the surname of someone named in full ("Okonkow said"
    # beside "Ruth Okonkwo"): a misprinted surname, a person whatever NER's label.
    full_surnames = {_surname_key(ent[-1].text) for ent in full_names if ent.start_char >= body_start}
    misprints = {t.i for t in capitalised if t.idx >= body_start and _misprints_a_surname(t, full_surnames)}
    adjectives = _adjective_words(capitalised)
    # One-word names NER calls a place after a preposition of location somewhere in the article ("in Merelbeke": GPE).
    places = {_surname_key(ent.text) for ent in doc.ents if ent.label_ in PLACE_LABELS and len(ent) == 1 and
              ent[0].dep_ == "pobj" and ent[0].head.lower_ in LOCATIVE_PREPOSITIONS}
    # One-word names that are the subject of a plural present verb ("Harbor remain third", "Velora have
    # signed"): a collective, the team or firm British usage makes plural, for one person takes a singular
    # verb (not a coordination, "Roe and Lee have", whose verb is the pair's).
    collectives = {_surname_key(t.text) for t in capitalised if t.dep_ == "nsubj" and t.tag_ in ("NNP", "NN") and
                   t.head.i > t.i and (t.head.tag_ == "VBP" or any(c.dep_ == "aux" and c.tag_ == "VBP"
                                                                  for c in t.head.children)) and
                   not any(c.dep_ in ("conj", "cc") for c in t.children) and
                   not (t.i > 0 and _is_name_token(doc[t.i - 1])) and
                   not (t.i + 1 < len(doc) and _is_name_token(doc[t.i + 1]))}
    heads = sorted(_name_heads(doc, body_start, capitalised) | misprints)
    # Names of two or more words with no first name or title that the article prints with an article ("leader of
    # the opposition Civic Bloc", NER: PERSON): a person's name takes none, so they name an organisation
    # wherever the article prints them ("the Civic Bloc leader said").
    articled = set()
    for head_i in heads:
        title, name = _split_title(_name_run(doc[head_i]))
        if not title and len(name) >= 2 and not _first_name_leads(name[-1]) and _name_takes_the(name):
            articled.add(tuple(_words(name)))
    for head_i in heads:
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
        if not name_words or not (name[-1].text[:1].isupper() or (len(name) > 2 and romanised_given_name(name[-3])) or
                                  _is_name_token(name[-1])):  # (or the mutated noun of "Ó hAodha")
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
        if len(name_words) >= 2 and not has_title and _surname_key(name_words[0]) in collectives and \
                not _is_first_name(name_words[0]):
            continue  # "Velora Athletic" beside "Velora have won": an organisation goes by its first word
        lone_word = len(name_words) == 1 and not has_title  # a bare one-word name: "Velora", "Roe"
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
        cue_subject = name[-1].dep_ in ("nsubj", "nsubjpass") and name[-1].head.lemma_.lower() in CUE_VERBS
        headline_speaker = len(name_words) == 1 and _surname_key(name_words[0]) in headline_surnames and cue_subject
        if (_looks_like_org(name_words) and not titled_person) or (
                label in NON_PERSON_LABELS and not has_title and len(name_words) < 2
                and not person_apposition and not _has_who_clause(name[-1]) and not headline_speaker
                and not _has_age_apposition(name[-1]) and not _person_noun_apposition(name[-1])
                and _naming_clause_owner(name[-1]) is None and not _gives_a_persons_name(name[-1])
                and name[-1].i not in misprints):
            continue
        if not title and tuple(name_words) in articled:
            continue  # "leader of the opposition Civic Bloc, who …" (NER: PERSON): no first name, and an article
        if lone_word and (_norm(name_words[0]) in org_short_names or
                         _surname_key(name_words[0]) in things):
            continue  # "Velora said" after "Velora Motors" or "Velora has positioned itself as …"
        if lone_word and label == "PERSON" and name[-1].text in adjectives:
            continue  # "Kazakh attitudes" (PERSON) beside "Kazakh oil" and "the Kazakh side" (ORG): no one's name
        if lone_word and not person_apposition and not cue_subject and (
                _surname_key(name_words[0]) in places or _surname_key(name_words[0]) in collectives or
                _takes_the(name[-1])):
            # "the sluice at Merelbeke" beside "in Merelbeke" (GPE), "pumps sent to the Leie": NER's person is a place
            # the article names as one elsewhere, or takes an article no person's name does; not a speaker
            continue
        if not has_title and (_org_apposition(name[-1]) or _names_an_org_noun(name[-1])):
            continue  # "Velora, the state news agency, wrote", "the newspaper Velora": the noun says what it is
        gender = honorific_gender(t.text for t in title)
        if gender is None and name[-1].dep_ == "appos":
            gender = PERSON_NOUNS.get(_norm(name[-1].head.lemma_))
        family_name = _family_surname(name[-1], index) if lone_word else None
        if family_name:
            name_words = name_words + [family_name]  # "Price's widow, Susan," -> "Susan Price"
        if not title and index.opens_with_address_term(name_words) and _appositive_role(name[-1]) is None and \
                not _coordinated_roles(name[-1]):
            # "Mai Moyo said" after "Rudo Moyo, a trader,": a later, shorter naming with the Shona title, not a
            # second Moyo (with a description of her own, "Mai Moyo, a teacher,", she would be someone new)
            gender = gender or AMBIGUOUS_ADDRESS_TERMS[_norm(name_words[0])]
            name_words = name_words[1:]
        role = _clean_role(title) if title else None
        if _in_spans(token.idx, quoted) and index.find(name_words[-1:]) is not None and (
                title or (len(name_words) > 1 and index.find(name_words) is None)):
            continue  # "a sign that read “Queen Roe”" after Ana Roe: a slogan, not another Roe nor her title
        known = len(index.records)
        person = index.add(name_words, _phrase(run), role, gender)
        if family_name and person == known:
            index.records[person].surname_inferred = True
        index.records[person].add_role(_appositive_role(name[-1]))
        index.records[person].add_role(_office_clause_role(name[-1]))  # "Ana Roe, who has led the Bloc since May,"
        for extra in _coordinated_roles(name[-1]):
            index.records[person].add_role(extra)  # "her brother and campaign manager, Julián Roe"
        owner = _naming_clause_owner(name[-1])
        if owner is not None:
            index.records[person].add_role(_role_phrase(owner))  # "The village head, known as Pak Harun,"
        index.records[person].descriptors.update(
            _norm(c.lemma_) for c in name[-1].children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.is_lower)
        before = doc[run[0].i - 1] if run[0].i > 0 else None
        if before is not None and before.pos_ == "NOUN" and before.dep_ == "compound" and \
                before.head.i in {t.i for t in name} and _is_role_noun(before):
            index.records[person].add_role(before.text)  # "Goalkeeper Tim Hale" (a common noun, not a title)
    index.drop_partner_names()
    index.merge_first_names()
    # Two name words printed with none beside them ("Condori Apaza said"): a double surname, the evidence
    # for folding "Rosa Condori" into Rosa Condori Apaza.
    index.pairs_alone = frozenset(
        (_norm(t.text), _norm(doc[t.i + 1].text)) for t in capitalised
        if t.i + 1 < len(doc) and not (t.i > 0 and _is_name_token(doc[t.i - 1])) and _is_name_token(t) and
        _is_name_token(doc[t.i + 1]) and not (t.i + 2 < len(doc) and _is_name_token(doc[t.i + 2])))
    index.merge_name_heads()
    index.merge_name_parts()
    # Capitalised words printed with no name word beside them: a given name so printed calls its bearer by it
    # (whatever the tagger calls it: "“…,” Pablo said" with Pablo a noun).
    index.given_alone = frozenset(_norm(t.text) for t in capitalised if t.is_alpha and
                                  not (t.i + 1 < len(doc) and _is_name_token(doc[t.i + 1])) and
                                  not (t.i > 0 and _is_name_token(doc[t.i - 1])))
    index.merge_name_tails()
    index.merge_paternal_surnames()
    index.merge_particle_surnames()
    # Every naming, including bare surnames, counts for salience and lengthens the name.
    keys = {record.surname for record in index.records} | {r.first for r in index.records if r.first} | index.head_keys
    # ... and a father's surname a person goes by alone ("Ibarra" of Tomás Ibarra Solís)
    keys |= {word for i in range(len(index.records)) if (word := index.paternal_word(i))}
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
        if token.i + 1 < len(doc) and ((_is_name_token(doc[token.i + 1]) and
                                        _norm(doc[token.i + 1].text) not in NAME_SUFFIXES) or
                                       (doc[token.i + 1].lower_ in NAME_PARTICLES and
                                        _name_after_particles(doc, token.i + 1))):
            continue  # not the last word of the name (nor "Omar" of "Omar al-Nasser": the surname follows)
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
            _inverted_subject(at) or _subject_after_fronted_phrase(at) or (  # "Her son, Mateo, disagrees";
            # "Among the crowd was Mere Roe"; "In Mae Tang, Ana Roe, a nurse, said" (the parser: an
            # apposition of the place)
                # "The village head, known as Pak Harun, said": the name of the subject
                (owner := _naming_clause_owner(at)) is not None and owner.dep_ in ("nsubj", "nsubjpass")) or (
                at.dep_ == "aux" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in at.head.children))
        # (the last: a surname the parser took for the modal of a verb with no subject, "While Will acknowledges")
        weight = SALIENCE_SUBJECT if subject else SALIENCE_OTHER
        index.occurrences.append((at.i, found, weight))
    index.occurrences.sort()
    return index
