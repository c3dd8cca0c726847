"""Step 3, attribution, the grammar: who the subject of a cue verb is, and the phrase that names it.

The subject of a cue verb from the dependency parse (:func:`_subject_of`): passive agents,
raised subjects, controllers and purpose infinitives, participles sharing the subject of the
clause they hang on, relative clauses, phrases fronted before the subject, the sender of a
message ("an email sent by X warned") and the author of a document an "according to" names.
Also the pieces every reader of a speaker shares: the speaker's noun phrase
(:func:`_mention_span`, without relative clauses or appositions) and the cue test
(:func:`_is_cue`), which the subject walk needs to tell a cue from the clause it is joined to.

Finding the cue of a quotation and the order of the attribution steps are in :mod:`.attribution`,
which builds on this module.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicon import (AS_SAYING_VERBS, CALENDAR_WORDS, CONDITIONAL_MARKERS, CUE_VERBS, DOUBLE_MARKS, FINITE_VERB_TAGS,
                      LIGHT_SPEECH_VERBS, NON_PERSON_LABELS, PARTY_TAG, PERSONAL_PRONOUNS, PHRASAL_CUES, SINGLE_MARKS,
                      SPEECH_NOUNS, SUBJECT_CONTROL_VERBS)
from .names import _continues_hyphenated, _is_name_token, _is_role_noun, _is_title, _name_run, _norm


def _past_hyphens(token: Token) -> Token:
    """The head of a hyphenated word the parser split: "co" in "co-author" -> "author", or the name
    it modifies ("added co-author Raj Patel" -> "Patel")."""
    doc = token.doc
    index = token.i
    while _continues_hyphenated(doc[index]):
        index += 2
    if index == token.i:
        return token
    word = doc[index]
    while word.dep_ == "compound" and word.head.i > word.i:
        word = word.head
    return word if _is_name_token(word) or word.i == index else doc[index]


def _after_closing_mark(verb: Token) -> bool:
    """True when ``verb`` opens a parenthetical tag after a closing mark or a comma: "“…,” said
    Roe", "… get nervous, said Roe" (not "by calling Roe “…”").  Never a participle: only a verb
    with a tense inverts its subject, so the word after "…, explaining he had …" is the subject of
    the participle's own complement (the participle's is the one of the verb it hangs on)."""
    if verb.tag_ == "VBG":
        return False
    doc = verb.doc
    k = verb.i - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return k >= 0 and (doc[k].text in DOUBLE_MARKS or doc[k].text in SINGLE_MARKS or doc[k].text == ",")


def _is_date(token: Token) -> bool:
    """A day or a time ("Tuesday", "Dec. 2"), which the parser may take for a speaker."""
    return _norm(token.text) in CALENDAR_WORDS or token.ent_type_ in ("DATE", "TIME")


def _name_before_misread_cue(verb: Token) -> Token | None:
    """The name the tagger glued to a cue it misread as a modifier: "Roe accused Okafor of …" parsed
    as "Roe-accused Okafor", the name a compound and the cue an adjective of the next noun."""
    if verb.dep_ != "amod" or verb.tag_ not in ("VBD", "VBN") or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.whitespace_ and _is_name_token(before) and before.dep_ == "compound" and before.head == verb.head \
            and verb.head.i > verb.i and _is_name_token(verb.head):
        return before
    return None


def _subject_of(verb: Token) -> Token | None:
    """The subject of a cue verb, through shared subjects of conjoined/adverbial verbs."""
    misread = _name_before_misread_cue(verb)
    if misread is not None:
        return misread
    if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(c.dep_ == "nsubjpass" for c in verb.children):
        # "Asked by Ben Thrasher if Roe “gets” race, Sharman …": a passive participle's agent is the one
        # who spoke the words it reports (the main clause's subject is the one addressed).
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        target = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if target is not None:
            return _past_hyphens(target)
    current = verb
    below = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ == "nsubjpass" and current is not verb and not _is_cue(current):
                # "Roe was joined on stage by Okafor and joked, “…”": the passive clause the cue is joined
                # to is not about speech, and its subject is the shared one.
                return _past_hyphens(child)
            if child.dep_ == "nsubjpass" and current is not verb and below.dep_ == "xcomp" and below.head == current \
                    and not any(c.dep_ == "agent" for c in current.children) and _is_cue(verb):
                # "Obama is reported to have called the Saudis “free riders”": the subject raised out of
                # the infinitive is its subject, the one who called them so (the report has no speaker).
                # Only for a speech verb: "Roe was said to be “furious”" describes Roe in unnamed words.
                return _past_hyphens(child)
            if child.dep_ == "nsubjpass" and current.lemma_.lower() != "quote":
                # A passive speech verb's subject is the one spoken to or about ("Roe was asked by
                # the host, “…”"): the speaker is the agent, or unknown.
                agent = next((c for c in current.children if c.dep_ == "agent"), None) or _misplaced_agent(current)
                target = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                return _past_hyphens(target) if target is not None else None
        subjects = [c for c in current.children if c.dep_ == "nsubj" and c.pos_ != "SCONJ" and not c.is_punct and
                    c.text[:1].isalnum() and c.tag_ not in ("WP", "WDT")]
        doer = _pseudo_cleft_doer(current, subjects) if current is not verb else None
        if doer is not None:
            return _past_hyphens(doer)
        if subjects:
            subject = subjects[0]
            if len(subjects) > 1 and (subject.pos_ == "ADP" or subject.ent_type_ in NON_PERSON_LABELS or
                                      (subject.lower_.endswith("ing") and subject.is_sent_start) or
                                      _set_off_before(subjects, current)):
                # Two subjects, the first a place, a date, a preposition or a fronted participle, is a misparse
                # ("In Berea, OH, Gov. Ann Roe said", "Writing on X, Ann Roe said"): the verb's is the one
                # nearest before it, a name if there is one.
                before = [c for c in subjects if c.i < current.i and c.pos_ != "ADP"]
                named = [c for c in before if _is_name_token(c) or c.pos_ == "PRON"]
                subject = (named or before or subjects)[-1]
            before_verb = subject.doc[current.i - 1]
            if subject.lower_.endswith("ing") and subject.i < before_verb.i and before_verb.dep_ == "appos" and \
                    _is_name_token(before_verb) and before_verb.head.i > subject.i:
                # "Campaigning for his wife, Ann Roe, former mayor Tom Roe said": the parser takes the fronted
                # participle for the subject and hangs the speaker on its phrase; the name before the verb speaks.
                subject = before_verb
            elif subject.lower_.endswith("ing") and subject.is_sent_start and subject.pos_ in ("NOUN", "VERB") and \
                    (appositions := [c for c in subject.children if c.dep_ == "appos" and c.i > subject.i]):
                # "Writing on X, the minister, Sipho Ndlovu, said": the parser takes the fronted participle
                # for a noun subject and the speaker's phrase, set off after it, for its apposition.
                subject = appositions[-1]
            elif subject.pos_ == "VERB" and subject.tag_ in ("VBG", "VBN") and subject.i < current.i:
                # "Alarmed by the unrest, Senator Ann Reyes, the minority leader, said": the same misparse
                # with the name set off by commas further from the verb.
                subject = _name_after_fronted_phrase(subject, current) or subject
            addressed = next((c for c in subject.children if c.dep_ == "appos" and c.left_edge.lower_ == "your" and
                              c.left_edge.i == subject.i + 2 and subject.doc[subject.i + 1].text == ","), None)
            if addressed is not None:
                # "And Chief, your band council posted …": the one addressed, then the subject ("your …")
                # the parser hangs on it as an apposition.
                subject = addressed
            if subject.pos_ == "ADP":
                # "Of Okafor, Roe said": the topic ends at its comma and the speaker's phrase follows.
                comma = next((t for t in subject.subtree if t.text == "," and t.i > subject.i), None)
                after = subject.doc[comma.i + 1:current.i] if comma is not None else []
                subject = next((t for t in after if _is_name_token(t) or t.pos_ in ("NOUN", "PRON")), None)
                if subject is None:
                    return None
                while subject.dep_ in ("compound", "flat") and subject.head.i > subject.i:
                    subject = subject.head
            # "A letter sent by Roe warned …": the author of the words speaks.
            return _past_hyphens(_author_of_words(subject) or subject)
        if current.dep_ == "xcomp" and current.head.lemma_.lower() not in SUBJECT_CONTROL_VERBS:
            # Object control: "That prompted Roe to … call the plan “…”": the object does the saying.
            controller = next((c for c in current.head.children if c.dep_ == "dobj"), None)
            if controller is not None and not _purpose_of_person(current.head, controller):
                return _past_hyphens(controller)
        if current.dep_ == "relcl":
            return current.head  # "Roe, who said ..."
        if current.head.lower_ == "as" and current.head.head.lemma_.lower() in AS_SAYING_VERBS:
            # "Reuters quoted Roe as saying …", "…, which cited an official as saying …": the one quoted speaks.
            for child in current.head.head.children:
                if child.dep_ in ("dobj", "nsubjpass"):
                    return child
        misparsed_conj = current.dep_ == "conj" and current.head.pos_ in ("NOUN", "PROPN")
        # "…, writing “Feels great …”": the parser takes the participle for the subject of the quote's verb.
        misparsed_subject = current is verb and current.dep_ in ("nsubj", "csubj") and current.i > 0 and \
            current.doc[current.i - 1].text == "," and current.i + 1 < len(current.doc) and \
            current.doc[current.i + 1].text in DOUBLE_MARKS and current.head.i > current.i
        # "… has “kept us safe” before claiming that …": a participle after a preposition of time or
        # means has no subject of its own either.
        after_preposition = current.dep_ == "pcomp" and current.head.pos_ in ("ADP", "SCONJ")
        if (current.dep_ in ("advcl", "acl") or misparsed_conj or misparsed_subject or after_preposition) and \
                current.tag_ == "VBG":
            # (A participle conjoined to a noun is a misparse of "…, and adding “…”" after an object.)
            # "X confirmed that …, saying “…”", "…, at one point calling the mayor a “liar”": the
            # participle shares the subject of the main clause before it, even when the parser hangs
            # it on an embedded verb or on a noun.
            participle = current
            verbs = [v for v in [*participle.ancestors, participle.sent.root] if v.pos_ in ("VERB", "AUX")]
            # (after a preposition, a passive subject too: "Roe was booed after telling them …")
            kinds = ("nsubj", "nsubjpass") if after_preposition else ("nsubj",)
            # (a participle clause opening the sentence shares the subject printed after it: "But while
            # denouncing the “…” of tax avoidance, she has not outlined a plan"; not one the parser hung on
            # a later clause: "…, refusing to acknowledge that …, Rubio again tried …")
            doc = participle.doc
            fronted = participle.dep_ == "advcl" and participle.i < participle.head.i and \
                all(t.dep_ == "cc" or t.is_punct or t.is_space for t in doc[participle.sent.start:participle.left_edge.i])
            subjects = [(v, c) for v in verbs for c in v.children if c.dep_ in kinds and
                        (c.i < participle.i or fronted and v == participle.head and participle.right_edge.i < c.i)]
            # "It was a potent attack, as Roe echoed the criticism, saying …": a clause ending at the
            # participle's comma, which the parser made its sibling, is the nearest one before it (after
            # the clauses above, so that a person there still wins).
            subjects += [(v, c) for v in participle.head.children if v.dep_ == "advcl" and v.i < participle.i and
                         v.right_edge.i < participle.i and
                         all(t.text == "," for t in doc[v.right_edge.i + 1:participle.i]) and
                         v.right_edge.i + 1 < participle.i
                         for c in v.children if c.dep_ == "nsubj"]
            # Nearest a person ("the plan would go ahead, saying" belongs to the mayor who confirmed it).
            chosen = next((v for v, c in subjects if _is_name_token(c) or c.lower_ in PERSONAL_PRONOUNS or
                           c.ent_type_ == "PERSON" or _is_role_noun(c)), None) or \
                next((v for v, c in subjects if c.dep_ == "nsubj"), None)
            if chosen is None:
                # "“…,” said Roe, explaining he …": no subject before it, but the verb it hangs on may
                # print its subject inverted after it.
                head = participle.head
                return _inverted_subject(head) if participle.dep_ == "advcl" and _is_cue(head) and \
                    head.i < participle.i else None
            current = chosen
            continue
        if current.dep_ == "conj" and current.head.pos_ in ("NOUN", "PROPN") and current.tag_ in FINITE_VERB_TAGS:
            # "He adopted a fake accent and joked, “…”" parsed with "joked" conjoined to "accent": a verb
            # with a tense is a second predicate of the verb whose object the noun is, sharing its subject.
            governor = next((a for a in current.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if governor is not None:
                below, current = current, governor
                continue
        if current.dep_ in ("conj", "advcl", "xcomp", "pcomp") and current.head.pos_ in ("VERB", "AUX"):
            below, current = current, current.head
            continue
        if current.dep_ == "pcomp" and current.head.pos_ in ("ADP", "SCONJ") and \
                current.head.head.pos_ in ("VERB", "AUX"):
            # "hinted at it by … adding, “…”": the verb the preposition hangs on (the tagger may take
            # the preposition for a conjunction: "drew boos upon saying, “…”").
            current = current.head.head
            continue
        break
    return _inverted_subject(verb)


def _inverted_subject(verb: Token) -> Token | None:
    """Inverted "…,” said Jane Roe." with no nsubj: the name after the verb, only in that order
    (after "calling Alwaleed “dopey”" the name is the one addressed)."""
    if not _after_closing_mark(verb):
        return None
    for child in verb.children:
        if child.i > verb.i and child.dep_ in ("dobj", "attr", "npadvmod", "dep", "appos") and \
                (child.pos_ in ("PROPN", "PRON") or child.lower_ in PERSONAL_PRONOUNS) and not _is_date(child):
            return child  # (not "Roe, in Ohio, said Tuesday that …")
        if child.i == verb.i + 1 and child.pos_ == "ADV" and child.text[:1].isupper() and child.text.isalpha() \
                and child.i + 1 < len(verb.doc) and verb.doc[child.i + 1].is_punct:
            # "“…,” said Skelly, …": a surname ending like an adverb ("-ly") that the tagger read as
            # one; a capitalised adverb mid-sentence, right after an inverted cue, is the speaker's name.
            return child
        if child.i == verb.i + 2 and child.dep_ == "dobj" and _is_role_noun(child) and \
                verb.doc[verb.i + 1].dep_ == "poss":
            # "…,” added her husband, Kofi.": a relation or role after its possessor is the speaker (the
            # parser takes it for the object), not the possessor "her", who spoke the quote before.
            return child
    return None


def _pseudo_cleft_doer(copula: Token, subjects: list[Token]) -> Token | None:
    """The one who does what a pseudo-cleft names: "all she could do was shout “…”", "what he did was
    call it “…”" -- the cue after "be" is the act of the subject of "do" in the clause before it, not
    of "all"/"what"."""
    if copula.lemma_ != "be":
        return None
    clauses = [c for s in subjects for c in s.children if c.dep_ == "relcl" and c.lemma_ == "do"]
    clauses += [c for c in copula.children if c.dep_ == "csubj" and c.lemma_ == "do"]
    for clause in clauses:
        doer = next((c for c in clause.children if c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT")), None)
        if doer is not None:
            return doer
    return None


def _set_off_before(subjects: list[Token], verb: Token) -> bool:
    """True when the first of two subjects the parser gave one verb is set off from the verb by a
    comma that the last one, printed right before the verb, is not: "Or maybe Ann Roe, consultant
    Ben Dorn says" (a verb has one subject; the fronted phrase is what the speaker names, the
    phrase against the verb is who speaks)."""
    doc = verb.doc
    first, last = subjects[0], subjects[-1]
    if not first.i < last.left_edge.i < verb.i or last.right_edge.i >= verb.i:
        return False
    return doc[last.left_edge.i - 1].text == "," and not any(t.is_punct for t in doc[last.right_edge.i + 1:verb.i])


def _misplaced_agent(verb: Token) -> Token | None:
    """The "by" phrase of a passive report that the parser hung on the quoted complement instead of
    the verb: "has been called “strategic ambiguity” by Ann Roe" (the words are Roe's, as with an
    agent), when it names a person ("described as “dull” by the standards of …" names none)."""
    for complement in verb.children:
        if complement.dep_ not in ("oprd", "dobj", "attr", "acomp") and \
                not (complement.dep_ == "prep" and complement.lower_ == "as"):
            continue
        for phrase in complement.subtree:
            if phrase.dep_ == "prep" and phrase.lower_ == "by" and phrase.i > complement.i:
                target = next((c for c in phrase.children if c.dep_ == "pobj"), None)
                if target is not None and _names_a_person(target):
                    return phrase
    return None


def _name_after_fronted_phrase(participle: Token, verb: Token) -> Token | None:
    """The name opening a phrase after a comma between a fronted participle and its verb, up to the
    next comma or the verb: "Reyes" in "Alarmed by the unrest in Nevada, Senator Ann Reyes, the
    minority leader, said" (the last such name that is no place: "Speaking in Reno, Nevada, Roe said")."""
    doc = verb.doc
    found = None
    for comma in (t for t in doc[participle.i + 1:verb.i] if t.text == ","):
        run = []
        for token in doc[comma.i + 1:verb.i]:
            if token.text == ",":
                break
            run.append(token)
        names = [t for t in run if _is_name_token(t) and not _is_title(t)]
        if names and run[-1] is names[-1] and all(_is_name_token(t) or _is_title(t) for t in run) and \
                not any(t.ent_type_ in NON_PERSON_LABELS for t in names):
            found = names[-1]
    return found


def _author_of_words(noun: Token) -> Token | None:
    """The person who wrote or sent a message a cue has for its subject: "an email sent out by Roe",
    "a letter from Roe" (a person: a message from an office stays the office's).  Not a possessor:
    "Roe's statements" are as often words about Roe as by him, and the parser makes such a phrase
    the subject of a participle that is not its own ("In calling Roe's statements “…”, the pope …")."""
    if noun.lemma_.lower() not in SPEECH_NOUNS and noun.lower_ not in SPEECH_NOUNS:
        return None
    for child in noun.children:
        preposition = child
        if child.dep_ == "acl" and child.tag_ == "VBN":
            preposition = next((c for c in child.children if c.dep_ == "agent"), None)
        elif not (child.dep_ == "prep" and child.lower_ == "from"):
            continue
        author = next((c for c in preposition.children if c.dep_ == "pobj"), None) if preposition is not None else None
        if author is not None and (_names_a_person(author) or author.lower_ in PERSONAL_PRONOUNS):
            return author
    return None


def _document_author(noun: Token) -> Token | None:
    """The person who made the document an "according to" names: "according to a court filing
    signed by Ann Roe", "according to a memo by Roe" (her words, printed in it).  A document by an
    office or firm stays the document ("according to a poll conducted by Gallup")."""
    if noun.pos_ != "NOUN":
        return None
    for child in noun.children:
        preposition = child if child.dep_ == "prep" and child.lower_ == "by" else None
        if child.dep_ == "acl" and child.tag_ == "VBN":
            preposition = next((c for c in child.children if c.dep_ == "agent"), None)
        author = next((c for c in preposition.children if c.dep_ == "pobj"), None) if preposition is not None else None
        if author is not None and _names_a_person(author):
            return author
    return None


def _purpose_of_person(verb: Token, obj: Token) -> bool:
    """True when the infinitive after ``verb``'s object says what ``verb``'s person subject did it
    for, not what the object did: "Roe used this question to demand …" (a thing cannot be made to
    speak; "That prompted Roe to call …" keeps Roe, a person object, as the one speaking)."""
    thing = (obj.tag_ == "NN" and not _is_role_noun(obj) and obj.ent_type_ != "PERSON" and
             not _is_name_token(obj)) or obj.lower_ in ("it", "this", "that")
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return thing and subject is not None and (_is_name_token(subject) or subject.lower_ in PERSONAL_PRONOUNS or
                                              subject.ent_type_ == "PERSON")


def _names_a_person(token: Token) -> bool:
    """Whether ``token`` heads a person's name (not an outlet, organisation or document)."""
    return token.ent_type_ == "PERSON" or (_is_name_token(token) and token.ent_type_ not in NON_PERSON_LABELS
                                           and not token.text.isupper())


def _party_tag_start(token: Token) -> int | None:
    """Index of the first token of a party tag ("R-Texas") that ``token`` is part of, if any."""
    doc = token.doc
    for start in range(token.i, max(-1, token.i - 4), -1):
        # The few tokens from ``start`` as printed (``doc.text`` would join the whole article).
        window = "".join(t.text_with_ws for t in doc[start:start + 6])
        match = PARTY_TAG.match(window)
        if match and token.idx < doc[start].idx + match.end() and (
                start == 0 or not doc[start - 1].text_with_ws[-1:].isalnum()):
            return start
    return None


def _mention_span(token: Token) -> Span:
    """The noun phrase naming a speaker, without relative clauses or appositions.

    A role noun with a name in apposition ("The club’s captain, Leo Martins,") gives the
    name; conjoined subjects ("Roe and Okafor") give the whole coordination.
    """
    if token.pos_ == "PRON":
        # "Another, Lupe Fifita, said": an indefinite pronoun with a name in apposition is that person
        named = next((c for c in token.children if c.dep_ == "appos" and _is_name_token(c) and not _is_title(c)), None)
        if named is None:
            return token.doc[token.i:token.i + 1]
        token = named
    while _norm(token.text) in CALENDAR_WORDS and token.i > 0 and _is_name_token(token.doc[token.i - 1]):
        token = token.doc[token.i - 1]  # "said Harold Finch Tuesday" parsed with Tuesday as the subject
    tag_start = _party_tag_start(token)
    if tag_start is not None and tag_start >= 2 and token.doc[tag_start - 1].text in (",", "(") and \
            _is_name_token(token.doc[tag_start - 2]):
        # "Sen. Mark Ellis, R-Texas, called …", "Rep. Ann Roe (D-Wis.) said" parsed with the tag as the subject
        token = token.doc[tag_start - 2]
    doc = token.doc
    if token.i + 2 < len(doc) and _abbreviation_period(doc[token.i + 1]):
        # "Pentagon spokesman Navy Capt. Jeff Davis said" split at the abbreviation's period: the
        # name after it is the speaker's.
        names = [t for t in _name_run(doc[token.i + 2]) if t.i > token.i + 1 and not _is_title(t)]
        if names:
            return doc[_mention_span_bounds(token)[0]:_mention_span_bounds(names[-1])[1] + 1]
    if not _is_name_token(token) or _is_title(token):
        for child in token.children:
            if child.dep_ == "appos" and _is_name_token(child) and not _is_title(child):
                token = child
                break
    # (no coordination runs through a quotation mark: "Roe, who said the city had “moved mountains, and
    # planes”" makes "planes" a conjunct of Roe)
    conjuncts = [c for c in token.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON") and
                 not any(t.is_quote for t in token.doc[token.i + 1:c.i])]
    if conjuncts:
        return token.doc[_mention_span_bounds(token)[0]:_mention_span_bounds(conjuncts[-1])[1] + 1]
    left, right = _mention_span_bounds(token)
    return token.doc[left:right + 1]


def _mention_span_bounds(token: Token) -> tuple[int, int]:
    if token.pos_ == "PRON":
        return token.i, token.i
    left = token.i
    doc = token.doc
    for child in token.lefts:
        if child.dep_ in ("compound", "flat", "det", "amod", "poss", "nmod", "nummod", "case", "punct") and \
                not child.is_punct and not (child.dep_ in ("nmod", "compound") and
                                            any(t.text == "," for t in doc[child.right_edge.i + 1:token.i])):
            # (a noun set off by a comma is another phrase: "Of Okafor, Roe said" parsed as "Okafor Roe")
            left = min(left, child.left_edge.i)
    # A name phrase never runs back through a quotation mark: a parse that hangs the end of a quote on
    # the speaker ("“… No, Trump. -H” Clinton tweeted") gives the quote's words, not the speaker's.
    left = max([left] + [t.i + 1 for t in doc[left:token.i] if t.is_quote])
    right = token.i
    for child in token.rights:
        if child.dep_ in ("flat", "compound") or (child.dep_ == "case" and child.i == right + 1):
            right = max(right, child.i)
    run = _name_run(token) if _is_name_token(token) else []
    if run:
        left = min(left, run[0].i)
        right = max(right, run[-1].i)
    return left, right


def _is_cue(token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKERS and not (c.i > 0 and c.doc[c.i - 1].lower_ == "as")
           for c in token.children):
        # "He says if people think the plan is “…”": a condition supposes what someone might say or
        # think and reports no one's words; the words are the speaker's of the clause around it.  (Not
        # "as if to say “…”", a manner: words the subject seems to say, no one else's.)
        return False
    lemma = token.lemma_.lower()
    if lemma in CUE_VERBS:
        return True
    for child in token.children:
        # The particle right after the verb: "hit back", not "hit the ball back".
        if child.i == token.i + 1 and (lemma, child.lower_) in PHRASAL_CUES:
            return True
        if child.dep_ == "dobj" and lemma in LIGHT_SPEECH_VERBS and (
                child.lemma_.lower() in SPEECH_NOUNS or (lemma == "put" and child.lower_ == "it")):
            return True  # "issued a statement", "as Roe put it"
    return False


def _abbreviation_period(token: Token) -> bool:
    """The period of a title's abbreviation before a name, which the tokenizer split off and the
    parser may take for a sentence end: "Navy Capt. Jeff Davis"."""
    doc = token.doc
    return token.text == "." and 0 < token.i < len(doc) - 1 and _is_title(doc[token.i - 1]) and \
        not doc[token.i - 1].whitespace_ and _is_name_token(doc[token.i + 1])
