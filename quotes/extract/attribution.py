"""Step 3, attribution, the grammar: cue verbs and their subjects from the dependency parse.

"X said", "said X", "X said: “…”", a cue governing a fragment, "according to X", the name
before an apposition when the parse lost a cue's subject, and a fragment in a sentence about a
person; words reported inside another report ("Roe said Okafor called it “…”", "X, Roe said, …")
go to the outer reporter.  Also :class:`_Attribution`, the record every reader of a speaker
returns.  Who the subject of a cue verb is (passive agents, controllers, participles sharing a
subject, ...), the speaker's noun phrase (:func:`_mention_span`) and the cue test (:func:`_is_cue`)
are in :mod:`.subjects`, which this module builds on.

What print layout says rather than grammar (the tag after a closing mark, labels, colons and
dashes, bylines, headlines) is read in :mod:`.layout`, which builds on this module; the order in
which the readers are tried, and continuation (a quote with no attribution of its own), are
decided per article, in :mod:`.article`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Iterable

from spacy.tokens import Doc, Span, Token

from .lexicon import (ATTRIBUTION_APPOSITION_TOKENS, ATTRIBUTION_SENTENCE_TOKENS, CROWD_CALL_NOUNS,
                      CUE_APPOSITION_MAX_TOKENS, CUE_MAX_DISTANCE, DOUBLE_MARKS, HYPHENS, IMAGINING_VERBS,
                      OPINION_NOUNS, PERSONAL_PRONOUNS, PLACE_TIME_PREPOSITIONS, QUESTION_CUES, SINGLE_MARKS,
                      SPEECH_NOUNS, VOICING_VERBS)
from .marks import Quotation, is_partial
from .names import _is_name_token, _is_role_noun, _name_run
from .subjects import (
    _after_closing_mark, _document_author, _is_cue, _is_date, _mention_span, _name_before_misread_cue, _names_a_person,
    _subject_of,
)


@dataclass
class _Attribution:
    mention: Span | None = None  # the speaker as printed
    mention_text: str | None = None  # for headline patterns, which have no reliable parse
    cue: str | None = None
    kind: str = "explicit"  # explicit, according-to, headline, unnamed (a passive report without its agent)
    verb: Token | None = None  # the cue verb, when the parse gave one


def _inside(token: Token, spans: list[tuple[int, int]]) -> bool:
    """True when the token starts inside one of ``spans`` (sorted, non-overlapping char spans)."""
    index = bisect.bisect_right(spans, (token.idx, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= token.idx < spans[index][1]


def _negated(verb: Token) -> bool:
    """True for "did not say", "cannot say": a cue that reports no utterance."""
    return any(c.dep_ == "neg" for c in verb.children)


def _can_speak(subject: Token | None, quotation: Quotation, quote_spans: list[tuple[int, int]]) -> bool:
    """True when a cue's subject can be the quote's speaker: outside the quotes, not a date, and
    not a phrase that contains the quote itself ("The promise to “take our country back” …")."""
    if subject is None or _inside(subject, quote_spans) or _is_date(subject):
        return False
    # A common noun whose phrase holds the quote names the words, not who said them; a name's
    # phrase may hold it through a relative clause ("Roe, who said “…”").
    if _is_name_token(subject) or subject.pos_ == "PRON" or not (
            subject.i < quotation.start and subject.left_edge.idx <= quotation.open_mark < subject.right_edge.idx):
        return True
    # So may a role noun's, through the relative clause of the name set beside it: "The prosecutor, Ada
    # Lenz, whose closing speech included the line “…”, said …" -- the clause is about the person.
    inner = next((t for t in subject.subtree if t.idx >= quotation.start), None)
    for ancestor in inner.ancestors if inner is not None else ():
        if ancestor == subject:
            break
        if ancestor.dep_ == "relcl" and _is_name_token(ancestor.head) and ancestor.head.dep_ == "appos" and \
                ancestor.head.head == subject:
            return True
    return False


def _reporting_cue(cue: Token, quote_spans: list[tuple[int, int]]) -> Token:
    """The cue whose reported clause holds ``cue``, the outermost one: in "Roe said Okafor called the
    plan “a disaster”" the reporter gives Roe's account, and the words are attributed to Roe."""
    outer = cue
    below = cue
    for ancestor in cue.ancestors:
        # A participle ("…, adding “…”") shares the subject of the clause it hangs on.
        participle = below.dep_ == "advcl" and below.tag_ == "VBG"
        # An adverbial clause without a cue of its own ("while Cruz is “…”") is still the report's.
        plain_clause = below.dep_ == "advcl" and not _is_cue(below)
        # "Roe said that she spoke with Okafor and that the senator faced a “test”": a clause with its
        # own "that" is a second complement of the report, not a sentence of the reporter's.
        that_clause = any(c.dep_ == "mark" and c.lower_ == "that" for c in below.children)
        complement = below.dep_ == "conj" and that_clause
        voiced = ancestor.head if ancestor.dep_ == "dobj" else None
        if below.dep_ == "acl" and that_clause and voiced is not None and voiced.lemma_ in VOICING_VERBS and \
                not _negated(voiced) and not _inside(voiced, quote_spans):
            # "Roe expressed amusement that Dorn had described it “…”": the that-clause of the feeling Roe
            # voices is Roe's account of Dorn's words, as a complement of "said" is.
            outer = voiced
            break
        if not (below.dep_ in ("ccomp", "xcomp", "conj") or participle or plain_clause) or \
                (below.dep_ == "conj" and not complement and
                 any(c.dep_ in ("nsubj", "nsubjpass") for c in below.children)):
            # A clause that describes a noun ("the plan, which Okafor called “…”"), sets a time, or
            # has a subject of its own ("…, and Okafor praised it") is no longer the report.
            break
        if below.dep_ == "ccomp" and below.i < ancestor.i and \
                any(t.text == ";" for t in cue.doc[below.right_edge.i + 1:ancestor.i]):
            # A semicolon joins two sentences of the reporter's, each with its own cue, not a report and
            # what it reports: "Roe called it ‘…’; the other said ‘…’" (the parser hangs the first on "said").
            break
        # (A cue inside the marks is the speaker's own sentence, not the reporter's.)
        if below.dep_ == "ccomp" and (_is_cue(ancestor) or ancestor.lemma_ in IMAGINING_VERBS) and \
                not _negated(ancestor) and not _inside(ancestor, quote_spans):
            outer = ancestor
        below = ancestor
    return outer


def _through_account(attribution: _Attribution, quote_spans: list[tuple[int, int]]) -> _Attribution:
    """The person an "according to" phrase on the cue's clause names: in "According to Tom Reyes, Lena
    Ortiz told the council that the plan was “dead”" the words reach the reporter through Reyes, who
    is their speaker, as with "Reyes said Ortiz called it “…”" (:func:`_reporting_cue`).  A publication
    or document ("“…,” Ortiz said, according to the Gazette") only printed Ortiz's own words: she
    stays the speaker, since she is whom a reader of the index looks them up under.  (A tag printed
    right after a direct quote never goes through here: it gives the words as its speaker's own.)"""
    verb = attribution.verb
    for token in ([verb, *verb.ancestors] if verb is not None else []):
        for child in token.children:
            if child.lower_ == "according" and child.dep_ == "prep":
                source = _according_to([child])
                if source is not None and not _inside(source, quote_spans) and \
                        (_names_a_person(source) or _surname_of_a_person_named(source)):
                    return _Attribution(_mention_span(source), cue="according to", kind="according-to")
    return attribution


def _surname_of_a_person_named(token: Token) -> bool:
    """Whether ``token``, a lone capitalised word, is the surname of a person the article names in full:
    the recogniser may take "Holt" alone for an organisation or a place ("according to Holt") after
    "Ben Holt" was a person; a name keeps its sense through one story."""
    if not token.text[:1].isupper() or not token.is_alpha or any(c.dep_ == "compound" for c in token.children):
        return False
    return any(len(ent) > 1 and ent[-1].text == token.text and ent[-1].i != token.i
               for ent in token.doc.ents if ent.label_ == "PERSON")


def _habitual_teller(source: Token, quotation: Quotation, quote_spans: list[tuple[int, int]]) -> _Attribution | None:
    """The speaker of a quote whose own tag carries the "according to" (``source``: its X) through a verb
    taking the cue as its complement: "“…,” he liked to say, according to his son" -- "liked" is no cue,
    but "say" is, and its subject "he" says the words; the son vouches for the habit, as "according to"
    after a plain tag does (see :func:`.article._attribute_in_body`)."""
    according = source.head.head if source.head.lower_ == "to" else None
    if according is None or according.lower_ != "according" or according.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = according.head
    cue = next((c for c in verb.children if c.dep_ == "xcomp" and _is_cue(c) and not _negated(c)), None)
    if cue is None or _is_cue(verb) or quotation.close_mark is None or verb.idx <= quotation.close_mark:
        return None  # (a tag after the closing mark, whose own verb is no cue)
    subject = _subject_of(verb)
    if subject is None or not _can_speak(subject, quotation, quote_spans):
        return None
    return _Attribution(_mention_span(subject), cue=cue.text, verb=cue)


def _parenthetical_report(verb: Token, quote_spans: list[tuple[int, int]]) -> tuple[Token, Token] | None:
    """A "Roe said" set off by commas inside the clause of ``verb``, as (cue, subject): "Biden, Roe
    said, had been in the Senate for “…”" is Roe's account of Biden, and the words are Roe's."""
    doc = verb.doc
    for child in verb.children:
        if child.dep_ != "parataxis" or not _is_cue(child) or _negated(child) or _inside(child, quote_spans):
            continue
        # The subject right before the cue (the parser sometimes makes the clause's subject a second one).
        subject = max((c for c in child.children if c.dep_ == "nsubj" and c.i < child.i), key=lambda c: c.i,
                      default=None)
        if subject is None or subject.left_edge.i == 0:
            continue
        left = subject.left_edge.i
        while left < subject.i and doc[left].is_punct:
            left += 1  # the parser may hang the opening comma on the subject
        if doc[left - 1].text == "," and child.i + 1 < len(doc) and doc[child.i + 1].text == ",":
            return child, subject
    return None


def _doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document (spaCy joins every token on each access)."""
    text = doc.user_data.get("quotes_text")
    if text is None:
        text = doc.user_data["quotes_text"] = doc.text
    return text


def _according_to(tokens: Iterable[Token]) -> Token | None:
    """The X of "according to X" or "in the words of X", "in X's view", "in the view of X"."""
    for token in tokens:
        if token.lower_ in OPINION_NOUNS and token.head.lower_ == "in" and token.dep_ == "pobj":
            owner = next((c for c in token.children if c.dep_ == "poss" and _is_name_token(c)), None)
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            target = owner or (next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None)
            # (only a mind's owner has a view: a name the recogniser took for a place is still one)
            if target is not None and (_is_name_token(target) or target.ent_type_ == "PERSON"):
                return target
        if token.lower_ == "words" and token.i >= 2 and token.nbor(-1).lower_ == "the" and \
                token.nbor(-2).lower_ == "in" and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "of":
            target = next((c for c in token.nbor(1).children if c.dep_ == "pobj"), None)
            if target is not None:
                return target
        if token.lower_ == "according" and token.i + 2 < len(token.doc) and token.nbor(1).lower_ == "to":
            for child in token.nbor(1).children:
                if child.dep_ == "pobj":
                    return child
            nxt = token.doc[token.i + 2]
            if nxt.pos_ in ("PROPN", "NOUN", "PRON"):
                return nxt
    return None


def attribute_in_sentence(doc: Doc, quotation: Quotation, quote_spans: list[tuple[int, int]]) -> _Attribution | None:
    """Cue verb and speaker for a quotation from the parse of its own sentence(s).

    Tries, in order: a cue verb governing the quotation ("X said that “…”"),
    "according to X" next to it, and the cue verb nearest the marks
    ("“…,” X said" / "X said: “…”").  (The tag right after the closing mark is read from the
    tokens before this, by :func:`.layout._tag_after_quote`; see :mod:`.article` for the order.)
    """
    span = doc.char_span(quotation.start, quotation.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    first_sent = span[0].sent
    last_sent = span[-1].sent
    # The reporter's words around the quote: the sentences the quote touches, and the
    # sentence before when it introduces the quote with a colon ("Roe said in a statement:").
    context_start = first_sent.start
    before = doc[first_sent.start - 1] if first_sent.start > 0 else None
    while before is not None and before.is_space and before.i > 0:
        before = doc[before.i - 1]
    if before is not None and before.text == ":" and doc[first_sent.start].idx >= quotation.open_mark - 1:
        context_start = before.sent.start
    # The parser may end the sentence at "?’" or "!”": words right after the closing mark
    # ("… from?’ he asked.") still attribute this quote.
    context_end = last_sent.end
    if quotation.close_mark is not None and context_end < len(doc) and \
            doc[context_end].idx <= quotation.close_mark + 3 and \
            not any(t.is_space and "\n" in t.text or "\n" in t.whitespace_
                    for t in doc[last_sent.end - 1:context_end + 1]):
        following = doc[context_end].sent
        first_word = next((t for t in following if t.is_alpha), None)
        if first_word is not None and (first_word.is_lower or len(following) <= ATTRIBUTION_SENTENCE_TOKENS):
            context_end = following.end
    context = [t for t in doc[context_start:context_end] if not _inside(t, quote_spans)]
    # (a) A cue verb that governs the quote.
    inside = set(range(span.start, span.end))
    # The quote as the root of its clause, a report set off by commas later in it: "“A big truck” plowed
    # through the barriers, he said, and …" (the parser makes the quoted noun the sentence's root).
    root = next((t for t in span if t.head == t), None)
    report = _parenthetical_report(root, quote_spans) if root is not None else None
    if report is not None and report[0].i >= span.end and _can_speak(report[1], quotation, quote_spans):
        return _Attribution(_mention_span(report[1]), cue=report[0].text, verb=report[0])
    for token in span:
        if token.head.i in inside:
            continue
        for ancestor in [token.head, *token.head.ancestors]:
            report = _parenthetical_report(ancestor, quote_spans)
            if report is not None and report[0].i < span.start and _can_speak(report[1], quotation, quote_spans):
                return _Attribution(_mention_span(report[1]), cue=report[0].text, verb=report[0])
            if ancestor.i in inside or _inside(ancestor, quote_spans):
                continue
            owner = _owner_of_content(ancestor, token, quote_spans)
            if owner is not None:
                return _Attribution(_mention_span(owner), cue=None)
            misread = next((c for c in ancestor.children if c.dep_ == "amod" and _is_cue(c) and
                            _name_before_misread_cue(c) is not None), None)
            if misread is not None and _can_speak(_name_before_misread_cue(misread), quotation, quote_spans):
                return _Attribution(_mention_span(_name_before_misread_cue(misread)), cue=misread.text, verb=misread)
            if ancestor.lemma_ == "be" and _reporting_cue(ancestor, quote_spans) is ancestor:
                # "Roe's campaign slogan is “…”": the owner of the words (unless someone is reported to
                # say so: "Okafor said Roe's claim is “simply not true”" is Okafor's, found further up).
                subject = next((c for c in ancestor.children if c.dep_ == "nsubj"), None)
                owner = _speech_owner(subject) if subject is not None else None
                if owner is not None and not _inside(owner, quote_spans):
                    return _Attribution(_mention_span(owner), cue=None)
            aside = _as_report(ancestor, quote_spans) if not _is_cue(ancestor) else None
            aside_subject = _subject_of(aside) if aside is not None else None
            if aside_subject is not None and _can_speak(aside_subject, quotation, quote_spans):
                return _Attribution(_mention_span(aside_subject), cue=aside.text, verb=aside)
            if _is_cue(ancestor):
                if _negated(ancestor):
                    continue  # "Roe cannot say that “…,” Okafor added": not a report of Roe's words
                outer = _reporting_cue(ancestor, quote_spans)
                subject = _subject_of(outer)
                if outer is not ancestor and _can_speak(subject, quotation, quote_spans):
                    return _through_account(_Attribution(_mention_span(subject), cue=outer.text, verb=outer),
                                            quote_spans)
                subject = _subject_of(ancestor)
                if _can_speak(subject, quotation, quote_spans):
                    return _through_account(_Attribution(_mention_span(subject), cue=ancestor.text, verb=ancestor),
                                            quote_spans)
                speaker = _adjacent_speaker(doc, ancestor, quote_spans) if subject is None else None
                if speaker is not None:
                    return _Attribution(speaker, cue=ancestor.text, verb=ancestor)
                if subject is None and outer is ancestor and any(c.dep_ == "nsubjpass" for c in ancestor.children):
                    # "the Treasury was accused of “cooking the numbers”": a passive report without its agent
                    # gives the words as someone's it does not name -- no later cue's subject said them.
                    return _Attribution(None, cue=ancestor.text, kind="unnamed", verb=ancestor)
                break
    # (b) "according to X" in the reporter's words.
    according = _according_to(context)
    if according is not None and not _inside(according, quote_spans):
        told = _habitual_teller(according, quotation, quote_spans)
        if told is not None:
            return told
        according = _document_author(according) or according
        return _Attribution(_mention_span(according), cue="according to", kind="according-to")
    # (c) The cue verb nearest the marks, in the reporter's words of the same sentence(s).
    open_token = doc.char_span(quotation.open_mark, quotation.open_mark + 1, alignment_mode="expand")
    anchor_before = open_token[0].i if open_token is not None else span.start
    anchor_after = span.end
    def distance(cue: Token) -> int:
        # A cue after the quote is as near as its subject: "“…,” Ann Roe, who is chair of the Harbor
        # Fund said" -- a relative clause on the subject lengthens the tag, not the distance to it.
        # (only a subject printed right after the marks: "“…” to take it hostage, Roe said" is a fragment
        # inside the reporter's sentence, whose cue stays as far as it is)
        subject = next((c for c in cue.children if c.dep_ == "nsubj" and anchor_after <= c.i < cue.i), None)
        nearest = subject.i if subject is not None and _is_name_token(subject) and \
            all(t.is_punct or t.is_space for t in doc[anchor_after:subject.left_edge.i]) else cue.i
        return min(abs(nearest - anchor_after), abs(anchor_before - cue.i))

    cues = sorted(((distance(t), t) for t in context if _is_cue(t)), key=lambda pair: pair[0])
    for cue_distance, cue in cues:
        if cue_distance > CUE_MAX_DISTANCE:
            break
        if _negated(cue):
            continue
        relative = next((a for a in [cue, *cue.ancestors] if a.dep_ == "relcl"), None)
        if relative is not None and not _person_like(relative.head) and relative.right_edge.i < anchor_before and \
                any(not t.is_punct and not t.is_space for t in doc[relative.right_edge.i + 1:anchor_before]):
            # "In a clip that Judge Moss called “distasteful,” Santos expressed a desire to “…”": a
            # clause describing a thing reports no words after it, past words of another clause (not
            # "an ad in which he declares, “…”", the marks right after its cue).  One about a person
            # may be the parse's way of hanging the person's cue: "Trump, who proclaimed that … “…”".
            continue
        outer = _reporting_cue(cue, quote_spans)
        subject = _subject_of(outer)
        if outer is not cue and _can_speak(subject, quotation, quote_spans):
            return _through_account(_Attribution(_mention_span(subject), cue=outer.text, verb=outer), quote_spans)
        subject = _subject_of(cue)
        if _can_speak(subject, quotation, quote_spans):
            return _through_account(_Attribution(_mention_span(subject), cue=cue.text, verb=cue), quote_spans)
        speaker = _adjacent_speaker(doc, cue, quote_spans)
        if speaker is not None:
            return _Attribution(speaker, cue=cue.text)
    # (d) A quote inside the clause a colon opens after a report, further than a cue's reach:
    # "Roe's lawyer argued that …: his words were those of a “shock jock”" — the colon spells out
    # the report, so the reporting verb's subject speaks.  (A quote right after the colon is read
    # by :func:`.layout._colon_introduction`, which also knows labels.)
    colon = next((t for t in reversed(context) if t.text == ":" and t.i < anchor_before), None)
    if colon is not None and any(not t.is_space for t in doc[colon.i + 1:anchor_before]):
        # (only a report in the clause's own chain of verbs, not one describing a noun: "the
        # arguments they believe worked: …")
        for cue in reversed([t for t in context if t.i < colon.i and _is_cue(t) and not _negated(t) and
                             all(a.pos_ in ("VERB", "AUX") for a in t.ancestors)]):
            outer = _reporting_cue(cue, quote_spans)
            subject = _subject_of(outer)
            if _can_speak(subject, quotation, quote_spans):
                return _through_account(_Attribution(_mention_span(subject), cue=outer.text, verb=outer),
                                        quote_spans)
            break
    return None


def _as_report(verb: Token, quote_spans: list[tuple[int, int]]) -> Token | None:
    """The cue of an "as" clause on ``verb``'s clause ("As Roe explained, three taxes were delayed,
    “which sounds like …”"): the clause says that the sentence it hangs on is the cue's subject's
    account, quotes and all, however far the quote is from the cue."""
    for child in verb.children:
        if child.dep_ == "advcl" and _is_cue(child) and not _negated(child) and not _inside(child, quote_spans) and \
                any(c.dep_ == "mark" and c.lower_ == "as" for c in child.children):
            return child
    return None


def _speech_owner(token: Token) -> Token | None:
    """The possessor of a speech noun ("Fox" in "Fox's reply", "Roe" in "Roe's campaign slogan"),
    when it is a person word."""
    if token.lemma_.lower() not in SPEECH_NOUNS and token.lower_ not in SPEECH_NOUNS:
        return None
    # (a possessor the parser gives another relation still carries its "'s": "The prosecutor’s claim")
    owner = next((c for c in token.children if c.dep_ == "poss" or
                  (c.i < token.i and any(g.dep_ == "case" and g.lower_ in ("'s", "’s") for g in c.children))), None)
    if owner is None:
        owner = next((c for m in token.children if m.dep_ == "compound" for c in m.children if c.dep_ == "poss"), None)
    # A person named by office owns the words as a name does: "the prosecutor's claim that “…”" is the
    # prosecutor's, whom the resolver finds by the role.
    if owner is None or not (_is_name_token(owner) or owner.lower_ in PERSONAL_PRONOUNS or
                             (_is_role_noun(owner) and any(c.dep_ == "det" and c.lower_ == "the" for c in owner.children))):
        return None
    return owner


def _owner_of_content(noun: Token, below: Token, quote_spans: list[tuple[int, int]]) -> Token | None:
    """The person whose words a possessed speech noun above ``below`` reports, when ``below`` is in
    what the noun says: "Okafor's assertion of a “claim of right”", "Okafor's accusation that Roe is
    playing the “woman's card”" are Okafor's words, whoever's verb they sit in.  Not a word that only
    describes the noun: "Roe's “absurd” claim" is the reporter's (or a critic's) adjective."""
    if noun.pos_ != "NOUN" or _inside(noun, quote_spans):
        return None
    owner = _speech_owner(noun)
    if owner is None or _inside(owner, quote_spans):
        return None
    path = below
    while path.head != noun and path.head != path:
        if path.dep_ == "amod" and path.i > path.head.i:
            # An adjective after its noun is a verb's second object the parser hung on the noun:
            # "called Roe's assertion of a “…” “significant and disturbing”" (the second is the caller's).
            return None
        path = path.head
    # What the noun says: its "of" phrase or a clause opened by "that" (the parser also hangs a verb's
    # second object on the noun: "called Roe's remarks “racist”" is the caller's).
    content = (path.dep_ == "prep" and path.lower_ == "of") or \
        (path.dep_ in ("acl", "ccomp") and any(c.dep_ == "mark" and c.lower_ == "that" for c in path.children))
    return owner if path.head == noun and content else None


def _adjacent_speaker(doc: Doc, cue: Token, quote_spans: list[tuple[int, int]]) -> Span | None:
    """Fallback when the parse gives the cue no subject: the speaker printed right beside it.

    A name or pronoun next to the cue, or a definite description between a closing
    mark and the cue ("…,” the 54-year-old said").  Not for a passive cue ("Roe was asked, “…”",
    "Roe was asked about the “…” remark"): the name beside it is the one spoken to or about (the
    speaker is the agent, which :func:`.subjects._subject_of` looks for).
    """
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in cue.children):
        return None
    appositive = _before_apposition(doc, cue, quote_spans)
    if appositive is not None:
        return appositive
    offsets = (-1, 1, 2, -2) if _after_closing_mark(cue) else (-1, -2)
    anchor = cue.i
    if cue.i > 0 and doc[cue.i - 1].text in ("—", "–", ")"):
        # "Roe — mentioned as a favourite — told …": the word before the parenthetical.
        opener = "(" if doc[cue.i - 1].text == ")" else doc[cue.i - 1].text
        k = cue.i - 2
        while k > 0 and cue.i - k < 30 and doc[k].text != opener and "\n" not in doc[k].text:
            k -= 1
        if k > 0 and doc[k].text == opener:
            anchor, offsets = k, (-1, -2)
    elif cue.i > 1 and doc[cue.i - 1].text == ",":
        # "Roe, in Kentucky, said", "Roe, a spokesman in Baghdad, said", "Roe, speaking at a rally,
        # said": the word before a phrase of place, an apposition or a participle set off by commas.
        k = cue.i - 2
        while k > 0 and cue.i - k < ATTRIBUTION_APPOSITION_TOKENS and doc[k].text != "," and \
                not doc[k].is_punct and not _inside(doc[k], quote_spans):
            k -= 1
        opening = doc[k + 1]
        if k > 0 and doc[k].text == "," and (opening.pos_ in ("ADP", "DET") or opening.tag_ in ("VBG", "VBN")):
            anchor, offsets = k, (-1, -2)
        else:
            # "Stu Lenz, who served as Roe's strategist in 2012, called …": the name before a relative
            # clause set off by commas (not the name after the cue, as in "…, said Roe").  Only a verb
            # with a tense, the name's own predicate, which the parser lost (tagged VBN at times); a
            # participle there ("…, saying") may hang on any clause before it.
            relative = next((j for j in range(cue.i - 2, max(0, cue.i - CUE_APPOSITION_MAX_TOKENS), -1)
                             if doc[j].tag_ in ("WP", "WP$") and doc[j - 1].text == "," and
                             doc[j].head.i != cue.i and "\n" not in doc[j:cue.i].text), None)
            if relative is not None and relative > 1 and _is_name_token(doc[relative - 2]) and cue.tag_ != "VBG":
                anchor, offsets = relative - 1, (-1, -2)
    for offset in offsets:
        index = anchor + offset
        if 0 <= index < len(doc):
            token = doc[index]
            if _inside(token, quote_spans) or token.is_punct or _is_date(token):
                continue
            if token.lower_ in PERSONAL_PRONOUNS or _is_name_token(token):
                return _mention_span(_name_run(token)[-1] if _is_name_token(token) else token)
    start = cue.i
    while start > 0 and cue.i - start < ATTRIBUTION_SENTENCE_TOKENS and not _inside(doc[start - 1], quote_spans) \
            and not (doc[start - 1].is_punct and doc[start - 1].text not in HYPHENS):
        start -= 1
    if start < cue.i and doc[start].lower_ == "the":
        return doc[start:cue.i]
    return None


def _before_apposition(doc: Doc, cue: Token, quote_spans: list[tuple[int, int]]) -> Span | None:
    """The name before an apposition set off by commas right before the cue, when the parse lost
    the subject: "As Ann Roe, author of “The Long Coast,” put it, “…”"."""
    k = cue.i - 1
    while k > 0 and doc[k].dep_ in ("aux", "auxpass", "neg") and doc[k].head.i == cue.i:
        k -= 1  # "Roe, asked about the plan, had said"
    comma_inside = False  # "author of “The Long Coast,” put it": the comma printed inside the marks
    while k >= 0 and (_inside(doc[k], quote_spans) or doc[k].text in DOUBLE_MARKS or doc[k].text in SINGLE_MARKS):
        comma_inside = comma_inside or (doc[k].text == "," and k >= cue.i - 3)
        k -= 1
    if k < 1 or not (doc[k].text == "," or comma_inside):
        return None
    start = k if doc[k].text == "," else k + 1
    k = start - 1
    while k >= 0 and start - k <= CUE_APPOSITION_MAX_TOKENS:
        token = doc[k]
        aside_start = token.text == "," or k == 0 or doc[k - 1].text == ","
        if "\n" in token.text or token.pos_ in ("VERB", "AUX") and not _inside(token, quote_spans) and \
                not (aside_start and token.tag_ in ("VBN", "VBG", "VBD") and token.dep_ != "ROOT"):
            # A verb with a clause of its own ends the search; a participle opening the aside does
            # not: "Roe, asked about the plan, had said".
            return None
        if token.text == "," and not _inside(token, quote_spans):
            name = doc[k - 1] if k > 0 else None
            if name is not None and _is_name_token(name) and not _inside(name, quote_spans) and start - k > 1:
                return _mention_span(_name_run(name)[-1])
            return None
        k -= 1
    return None


def _person_like(token: Token) -> bool:
    """A subject that names a person: a name, he/she, or a singular role noun ("the senator")."""
    return _is_name_token(token) or token.lower_ in PERSONAL_PRONOUNS or token.ent_type_ == "PERSON" or \
        (_is_role_noun(token) and any(c.lower_ == "the" for c in token.children))


def crowd_call(span: Span) -> bool:
    """True when the quoted words are what a crowd calls: the content of a noun of a call voiced by
    many (:data:`CROWD_CALL_NOUNS`), "took the stage to chants of “…”", "the crowd's roar, “…”" --
    no one person's words, whoever the sentence is about."""
    token = span.root
    while token.head is not token and token.dep_ in ("pobj", "prep", "appos", "compound", "nmod"):
        token = token.head
        if token.pos_ == "NOUN" and token.lemma_.lower() in CROWD_CALL_NOUNS and not (span.start <= token.i < span.end):
            return True
    return False


def _clause_person(doc: Doc, quotation: Quotation, span: Span, quote_spans: list[tuple[int, int]]) -> _Attribution | None:
    """The person subject of the nearest clause around an embedded fragment (``is_partial``)."""
    if not is_partial(_doc_text(doc), quotation, False):
        return None
    # Words of a place, a time or a path are not what the person said: "hit the ball back to the
    # “wrong side of the net”".
    first_preposition = next((a for a in span.root.ancestors if a.dep_ == "prep" or a.pos_ == "ADP"), None)
    if first_preposition is not None and first_preposition.lower_ in PLACE_TIME_PREPOSITIONS:
        return None
    owner = next((o for a in span.root.ancestors if (o := _owner_of_content(a, span.root, quote_spans)) is not None),
                 None)
    if owner is not None:
        return _Attribution(_mention_span(owner), cue=None)
    for verb in span.root.ancestors:
        if verb.pos_ not in ("VERB", "AUX") or _inside(verb, quote_spans):
            continue
        if _negated(verb) and (_is_cue(verb) or _person_like(_subject_of(verb) or verb)):
            # "Roe did not call it “…”" denies the words; "the server would not be an issue “…”"
            # denies nothing about who spoke: a person further out may still have said it.
            return None
        outer = _reporting_cue(verb, quote_spans)
        if outer is not verb:
            # "Roe said Rubio was “a lightweight” while Cruz is “a basket case”": a clause of Roe's report
            subject = _subject_of(outer)
            if _can_speak(subject, quotation, quote_spans):
                return _Attribution(_mention_span(subject), cue=outer.text, verb=outer)
            speaker = _adjacent_speaker(doc, outer, quote_spans) if subject is None else None
            if speaker is not None:
                return _Attribution(speaker, cue=outer.text, verb=outer)
        subject = _subject_of(verb)
        if subject is None or _inside(subject, quote_spans) or subject.i > span.start:
            continue
        if _person_like(subject) and _can_speak(subject, quotation, quote_spans):
            return _Attribution(_mention_span(subject), cue=verb.text)
        # A clause about something else ("The report called it “…”") may sit inside one about a
        # person ("Roe … making corporations pay their “fair share”"): look further out.
    return None


def asked_before(doc: Doc, quotation: Quotation, open_index: int,
                 quote_spans: list[tuple[int, int]]) -> _Attribution | None:
    """The asker of a quoted question printed as its own sentence right after a sentence of the same
    paragraph whose main verb asks: "We asked about the minister, who told a congress it was “…”. “Did he
    tell you that?”" is the interviewer's question (the "we" of the outlet: no speaker), not a further
    word of the minister whom the asking sentence mentions; "Roe asked about the budget. “Where did it
    go?”" is Roe's.  A question is what the verb "ask" reports, and its subject is the one who asks."""
    if not quotation.text.rstrip().endswith("?") or open_index < 1:
        return None
    sentence = doc[open_index - 1].sent
    if sentence.end > open_index or "\n" in doc[sentence.end - 1:open_index].text:
        return None  # the quote is inside the sentence, or opens a new paragraph
    root = sentence.root
    if root.lemma_.lower() not in QUESTION_CUES or root.pos_ != "VERB" or _inside(root, quote_spans) or _negated(root):
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i > root.i or _inside(subject, quote_spans):
        return None
    return _Attribution(_mention_span(subject), cue=root.text, verb=root)
