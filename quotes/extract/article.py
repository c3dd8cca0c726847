"""One article, end to end: quotations, people, attribution, resolution and continuation.

:func:`extract_mentions` is the body of the ``quotes`` component: it walks the quotations
in order, attributes each (headline pattern, the speaker printed with it in the body, a byline,
or continuation: the same paragraph, a quote-only paragraph, indirect speech just before, every
paragraph of a multi-paragraph quote) and resolves the speaker to a person.  The order in which
the readers of print layout (:mod:`.layout`) and of grammar (:mod:`.attribution`) are tried is
decided here, in :func:`_attribute_in_body` and :func:`_attribute`.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .lexicon import (ANAPHORIC_SUBJECTS, ANSWER_WORDS, CONFIDENCE, CONNECTIVE_MAX_WORDS, DOUBLE_MARKS,
                      FIRST_PERSON_SUBJECT, FRAGMENT_REPEAT_MIN_WORDS, HEADLINE_BODY_OVERLAP, INDEFINITE_DETERMINERS,
                      INITIALS_LABEL_LETTERS, LABEL_PATH_DEPS, LABEL_VERBS, PERSONAL_PRONOUNS, QUESTION_CUES,
                      REPLY_CUES, SCARE_DETERMINERS, SCARE_PREFIXES, SINGLE_MARKS, UNIVERSAL_DETERMINERS, WORK_NOUNS,
                      WRITTEN_NOUNS)
from .model import Mention, Person
from .marks import (
    Quotation, find_quotations, is_not_speech, is_partial, _is_title_case, label_shaped, label_verb, mentions_a_term,
    names_a_work, _only_quotation, _paragraph_spans,
)
from .names import fronted_cue_verb, _in_nickname, _is_name_token, _is_role_noun, _looks_like_org, _words
from .people import find_people
from .people_index import PeopleIndex
from .subjects import _is_cue, _mention_span, _subject_of
from .attribution import (asked_before, attribute_in_sentence, crowd_call, _Attribution, _clause_person, _doc_text,
                          _inside, _negated)
from .layout import (
    attribute_byline, attribute_headline, capitals_label, _colon_introduction, _dash_label, label_in_quote, _line_label,
    _manner_tag, _tag_after_quote, turn_label,
)
from .resolution import _mention_role, Resolver

logger = logging.getLogger(__package__)  # "quotes.extract", the logger name before the split

# The stems a reported cue is matched on (a cue keeps its inflection: "replied", "asks").
_REPLY_STEMS = frozenset(c[:4] for c in REPLY_CUES)
_QUESTION_STEMS = frozenset(c[:3] for c in QUESTION_CUES)


def extract_mentions(doc: Doc, headline_first_line: bool = True) -> tuple[list[Mention], list[Person]]:
    """Mentions and people of one parsed article (the body of the ``quotes`` component)."""
    text = _doc_text(doc)  # (joined once: the readers below ask for it again)
    parsed = doc.has_annotation("DEP")
    found = find_quotations(text)
    quotations = [q for q in found if not is_not_speech(text, q) or
                  (parsed and _reported_one_word(doc, text, q) and not names_a_work(text, q) and
                   not mentions_a_term(text, q))]
    # A Title Case quote printed elsewhere as the title of a work names it everywhere: "Review: ‘The
    # Salt Road’ is …" with "the film “The Salt Road” …"; "album ‘Quiet Harbour’" then "a decade, “Quiet
    # Harbour,” and …".
    kept = {id(q) for q in quotations}
    titles = {_title_key(q.text) for q in found if id(q) not in kept and
              len(words := re.findall(r"[\w’'-]+", q.text)) > 1 and _is_title_case(words)}
    quotations = [q for q in quotations if _title_key(q.text) not in titles]
    if parsed:
        quotations = [q for q in quotations if not _label_no_one_said(doc, text, q)]
    if not parsed:
        # A pipeline without a parser still finds quotations; attribution needs the parse.
        return [Mention(q.start, q.end, q.text, confidence=CONFIDENCE["none"]) for q in quotations], []
    has_headline = headline_first_line and "\n" in text.strip()
    headline_end = text.find("\n", len(text) - len(text.lstrip())) if has_headline else 0
    # A Title Case headline tags every word a proper noun: take no new people from it.
    title_case = has_headline and _is_title_case(re.findall(r"[\w’'-]+", text[:headline_end]), share=0.6)
    people = find_people(doc, body_start=headline_end if title_case else 0,
                         quoted=[(q.start, q.end) for q in found])
    if not quotations:
        return [], people.people()
    # Titles of works stay masked: "… through “The Salt Road,” the new film …" names no speaker.
    quote_spans = sorted([(q.start, q.end) for q in quotations] +
                         [(q.start, q.end) for q in found if _title_key(q.text) in titles])
    paragraphs = _paragraph_spans(text)
    state = _ArticleState(doc, text, quote_spans, paragraphs, Resolver(doc, people, quote_spans))
    # A body that quotes in double marks prints single marks only in its headings (American and wire style).
    body_marks = Counter(text[q.open_mark:q.start] in DOUBLE_MARKS for q in quotations if q.paragraph > 0)
    state.double_marked = body_marks[True] >= 2 and body_marks[True] > 2 * body_marks[False]
    # A body that opens by repeating the headline (a feed's title without its final period, then the
    # article's own first line) prints the headline twice: read the copy as a headline too.
    headlines = {0, 1} if has_headline and len(paragraphs) > 1 and \
        _words_of(text[slice(*paragraphs[0])]) == _words_of(text[slice(*paragraphs[1])]) else {0}
    mentions: list[Mention] = []
    for quotation in quotations:
        headline = has_headline and quotation.paragraph in headlines
        mention = Mention(quotation.start, quotation.end, quotation.text,
                          partial=is_partial(text, quotation, headline))
        try:
            _attribute(state, quotation, mention, headline)
        except Exception:  # a parser oddity must cost one attribution, never the article
            logger.warning("attribution failed at offset %d", quotation.start, exc_info=True)
        mention.confidence = CONFIDENCE.get(mention.method, 0.5) if mention.speaker else \
            (0.5 if mention.speaker_mention else CONFIDENCE["none"])
        if mention.speaker_mention is None:
            mention.method = "none"
        mentions.append(mention)
        state.previous_by_paragraph[quotation.paragraph] = mention
    _share_within_chains(mentions, quotations)
    _headlines_from_body(mentions, quotations, state.headings)
    _headlines_from_turns(state, mentions, quotations)
    _fragments_from_repeats(mentions, quotations, state.unnamed_person)
    return mentions, people.people()


def _is_heading(quotation: Quotation, text: str, paragraphs: list[tuple[int, int]], double_marked: bool) -> bool:
    """True for a body line that is a section's heading: nothing but the quotation (and a time or a
    dash), with more paragraphs after it, which ends with no punctuation of a sentence or a clause
    ("23:10 — ‘Irreversible trend’"; a quoted paragraph of speech ends its sentence: "“… trend.”"), or is
    in single marks in a body that quotes in double marks (``double_marked``), where single marks
    print only headings: "‘A tough decision.’" over a section of “…” quotes.  A heading may label its
    quote with a speaker or a topic before a colon, as headlines do: "16:20 — Governor: ‘No more delays’"
    (a few words with no verb: a transcript's turn ends its sentence, "Roe: “How long?”")."""
    if quotation.paragraph + 1 >= len(paragraphs):
        return False
    p_start, p_end = paragraphs[quotation.paragraph]
    if not _only_quotation(quotation, text, paragraphs) and not (
            quotation.paragraph > 0 and not text[quotation.end:p_end].strip(" \t”\"’'»") and
            HEADING_LABEL.fullmatch(text[p_start:quotation.open_mark].strip())):
        return False
    if double_marked and text[quotation.open_mark:quotation.start] in SINGLE_MARKS:
        return True
    if LIVE_ENTRY_TIME.match(text, p_start, quotation.open_mark):
        # A live blog's entry opens with its time and a dash: a quote on that line is the entry's heading,
        # even when it asks ("00:40 — ‘Ballots missing’?"): speech is not time-stamped line by line.
        return True
    return not re.search(r"[.!?…,;:]\W*$", text[p_start:p_end].rstrip())


# A live blog entry's time stamp and dash opening a line: "00:40 — ", "9.15am - ".
LIVE_ENTRY_TIME = re.compile(r"\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*[—–-]\s*")
# A heading's label before its quote: an optional time and dash, then up to three capitalised words and
# a colon ("16:20 — Governor:", "Mayor:").
HEADING_LABEL = re.compile(r"(?:[\d:.apm ]+\s*[—–-]\s*)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}\s*:")


def _title_key(text: str) -> str:
    return " ".join(re.findall(r"[\w’'-]+", text.lower()))


def _reported_one_word(doc: Doc, text: str, quotation: Quotation) -> bool:
    """A one-word quote inside reported speech is speech, not a scare quote:
    "Dunn said the cuts were “reckless”", "she called the ruling “shameful.”"."""
    if len(re.findall(r"[\w’'-]+", quotation.text)) != 1:
        return False
    line_start = text.rfind("\n", 0, quotation.open_mark) + 1
    before = text[max(line_start, quotation.open_mark - 40):quotation.open_mark].lower().rstrip()
    previous = re.findall(r"[a-z-]+", before)[-1:]
    if before.endswith(SCARE_PREFIXES) or (previous and previous[0] in WORK_NOUNS):
        return False
    span = doc.char_span(quotation.start, quotation.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    if _in_nickname(span[0]) is not None:
        return False  # "Maria ‘Chiqui’ Dizon-Santos wrote …": a nickname printed inside a name names her
    word = span.root
    if word.head.text in DOUBLE_MARKS or word.head.text in SINGLE_MARKS:
        word = word.head  # "was « balanced »": the parser makes the spaced closing mark the predicate
    # "the “reform” had changed nothing": a thing named at a distance (a scare quote), not a word
    # the speaker is reported to have used; predicates and objects are ("called it a “disgrace”").
    determiner = next((t for t in reversed(doc[:span.start]) if not t.is_punct and not t.is_space), None)
    if word.pos_ in ("NOUN", "PROPN") and word.dep_ in ("nsubj", "nsubjpass", "compound", "poss") and \
            determiner is not None and determiner.lower_ in SCARE_DETERMINERS:
        return False
    # Inside the words a cue verb reports, a quoted word is the speaker's word, whatever its part of
    # speech: "said the cuts were “reckless”", "calling him a “loser”", "accused her of trying to
    # “debase” the currency", "had “contained” the group".
    return any(_is_cue(ancestor) and not _negated(ancestor) and not (span.start <= ancestor.i < span.end)
               for ancestor in word.ancestors)


def _label_no_one_said(doc: Doc, text: str, quotation: Quotation) -> bool:
    """A short label after a verb of naming that no one person gives: "fans known as “the Red Tide”",
    "what the ledgers describe as “advisory work”", "an hour swimmers came to call the “quiet lane”".

    A name a thing goes by, that documents print or a community uses, is mentioned by the reporter, not
    said.  One a person or a pronoun gives ("what Roe calls the “harbour cartel”") is that person's word,
    as PolNeAR annotates it, so it stays a quote."""
    offset = label_verb(text, quotation)
    apart = offset is None  # words stand between the verb and the label
    if apart:
        verb = _parsed_label_verb(doc, quotation)
        if verb is None:
            return False
    else:
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is None or not len(span):
            return False
        verb = span[0]
    if verb.pos_ != "VERB" or re.match(r"[ \t]*by[ \t]+[A-Z]", text[quotation.end + 1:quotation.end + 40]):
        # a noun ("the term “…”") names nothing; an agent after the label ("called “…” by Ana Roe") names
        # the person whose word it is
        return False
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "swimmers came to call": the namers are the subject of the verb it complements
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if apart and (subject is None and verb.tag_ != "VBN" or subject is not None and subject.tag_ != "NNS" and
                  not any(c.dep_ == "det" and c.lower_ in UNIVERSAL_DETERMINERS for c in subject.children)):
        # Apart from its verb, a label is a name only where the namers are plain: a participle with no one
        # naming ("a frost known to farmers as “…”") or a community ("older farmers call this frost “…”").
        # An active verb whose subject is left to the clause it hangs on ("calling his rival a “…”") or
        # one person ("The mayor called the plan a “…”") gives that person's words, as PolNeAR annotates.
        return False
    if subject is None or subject.dep_ == "nsubjpass":
        # a passive or a participle with no namer ("fans, known as …"); an agent names someone who calls it so
        return not any(c.dep_ == "agent" for c in verb.children)
    if any(c.dep_ == "det" and c.lower_ in UNIVERSAL_DETERMINERS for c in subject.children):
        return True  # "the climb every local rider calls “the Anvil”": a community's name, no one's words
    if subject.pos_ in ("PRON", "PROPN") or _is_role_noun(subject) or subject.ent_type_ == "PERSON":
        return False
    return True


def _parsed_label_verb(doc: Doc, quotation: Quotation) -> Token | None:
    """The verb of naming a label-shaped quotation is the name under, found in the parse where the object
    named stands between them: "call this kind of frost “…”".  The path up from the quote runs through
    noun-phrase links only, so a quote in a clause of its own is never a label."""
    if not label_shaped(quotation):
        return None
    span = doc.char_span(quotation.start, quotation.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    token = span.root
    while token.head is not token and token.dep_ in LABEL_PATH_DEPS:
        token = token.head
        if token.pos_ == "VERB":
            break
    if token.pos_ != "VERB" or span.start <= token.i < span.end:
        return None
    if token.lower_ not in LABEL_VERBS or any(c.dep_ == "dobj" and (c.pos_ in ("PRON", "PROPN") or
                                                                     c.ent_type_ == "PERSON")
                                              for c in token.children):
        # (what one calls a person is an epithet, words said of them, as PolNeAR annotates it: "the
        # media would call him a “chicken”"; what one calls a thing or a kind is the name it goes by)
        return None
    return token


def _words_of(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower().replace("’", "'"))


def _headlines_from_body(mentions: list[Mention], quotations: list[Quotation], headings: set[int]) -> None:
    """A headline quote with no person named gets the speaker of the body quote it repeats.

    "Mayor Defends Budget: ‘We Made Hard Choices’" -> the body's “We made hard choices, …,”
    Odom said.  So does one an organisation says ("Ministry: ‘…’"): the words are its spokesperson's.
    So does the quote of a section's heading line (paragraphs ``headings``), from the quotes of
    its section, after it.
    """
    for mention, quotation in zip(mentions, quotations):
        heading = quotation.paragraph in headings
        if mention.speaker or not (heading or (quotation.paragraph == 0 and mention.partial)):
            continue
        words = _words_of(mention.text)
        # An organisation the headline names speaks through the person the body gives the same words:
        # "High Court: ‘The sea does not issue notices’" is the judge who said so (a sentence of words,
        # not one word anyone may use).
        if mention.speaker_mention and _looks_like_org(mention.speaker_mention.split()) and \
                len(words) < FRAGMENT_REPEAT_MIN_WORDS:
            continue
        for other, other_quotation in zip(mentions, quotations):
            if other_quotation.paragraph == 0 or not other.speaker or other_quotation.paragraph in headings or \
                    (heading and other_quotation.paragraph <= quotation.paragraph):
                continue
            other_words = set(_words_of(other.text))
            if sum(w in other_words for w in words) >= HEADLINE_BODY_OVERLAP * len(words):
                mention.speaker, mention.speaker_role = other.speaker, other.speaker_role
                mention.speaker_mention = other.speaker_mention
                mention.method, mention.confidence = "headline", CONFIDENCE["headline"] - 0.1
                break


def _headlines_from_turns(state: _ArticleState, mentions: list[Mention], quotations: list[Quotation]) -> None:
    """A headline quote no body quote repeats gets the speaker of the transcript turn that holds its words.

    An edited interview prints the answers unquoted after the speaker's label ("Roe: The sea keeps what it
    takes, and we …"), and its headline quotes a sentence of them ("‘The sea keeps what it takes’: a
    lighthouse keeper on …"): the words are the labelled speaker's.  A sentence of words, not a phrase
    anyone may use (as for fragments).
    """
    for mention, quotation in zip(mentions, quotations):
        if mention.speaker or quotation.paragraph != 0 or not mention.partial:
            continue
        words = _words_of(mention.text)
        if len(words) < FRAGMENT_REPEAT_MIN_WORDS:
            continue
        for line in re.finditer(r"[^\n]+", state.text[state.paragraphs[1][0]:] if len(state.paragraphs) > 1 else ""):
            line_end = state.paragraphs[1][0] + line.end()
            label = turn_label(state.doc, line_end, state.quote_spans)
            if label is None:
                continue
            turn = _words_of(state.text[label[-1].idx + len(label[-1]):line_end])
            if not any(turn[k:k + len(words)] == words for k in range(len(turn) - len(words) + 1)):
                continue
            person = _label_person(state, line_end)
            if person is not None:
                mention.speaker = state.resolver.people.records[person].name
                mention.speaker_mention = " ".join(t.text for t in label)
                mention.method, mention.confidence = "headline", CONFIDENCE["headline"] - 0.1
            break


def _fragments_from_repeats(mentions: list[Mention], quotations: list[Quotation], unnamed_person: set[int]) -> None:
    """A quoted fragment a cue verb reports of one person the article does not name there
    (``unnamed_person``: ids of such mentions) gets the speaker of another quote printing the same words.

    A report quotes a few words early ("one parent warned that the town “will empty within a
    generation”") and gives the whole sentence, with its speaker, elsewhere ("“If the school goes, the
    town will empty within a generation,” Roe said"): words repeated verbatim are the same speaker's.
    A body quote's speaker comes before a headline's (the body prints the speaker with the words).
    """
    for mention, quotation in zip(mentions, quotations):
        # (only words a cue verb reports of one person: a fragment no one is said to say, or a crowd, a
        # party or a letter says, is a slogan or a scare quote, which anyone may repeat; headlines: see above)
        if mention.speaker or not mention.partial or quotation.paragraph == 0 or id(mention) not in unnamed_person:
            continue
        words = _words_of(mention.text)
        if len(words) < FRAGMENT_REPEAT_MIN_WORDS:
            continue
        sources = sorted(((other, other_quotation) for other, other_quotation in zip(mentions, quotations)
                          if other is not mention and other.speaker),
                         key=lambda pair: pair[1].paragraph == 0)
        for other, _ in sources:
            other_words = _words_of(other.text)
            if any(other_words[k:k + len(words)] == words for k in range(len(other_words) - len(words) + 1)):
                mention.speaker, mention.speaker_role = other.speaker, other.speaker_role
                mention.method, mention.confidence = "continuation", CONFIDENCE["continuation"]
                if mention.speaker_mention is None:
                    mention.speaker_mention = other.speaker_mention
                break


@dataclass
class _ArticleState:
    """What attribution needs about one article while it walks the quotations in order."""

    doc: Doc
    text: str
    quote_spans: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]
    resolver: Resolver
    previous_by_paragraph: dict[int, Mention] = field(default_factory=dict)  # last mention per paragraph
    headings: set[int] = field(default_factory=set)  # paragraphs that are a section's heading line
    double_marked: bool = False  # the body quotes in double marks (so a single-marked line is a heading)
    # ids of mentions whose cue's subject describes one person whom resolution could not name ("one parent")
    unnamed_person: set[int] = field(default_factory=set)


def _attribute_in_body(doc: Doc, quotation: Quotation, quote_spans: list[tuple[int, int]]) -> _Attribution | None:
    """The speaker printed with a quotation in its own sentence(s) or line, the readers of print
    layout (:mod:`.layout`) and of grammar (:mod:`.attribution`) tried in this order."""
    span = doc.char_span(quotation.start, quotation.end, alignment_mode="expand")
    if span is None or not len(span) or crowd_call(span):
        return None  # ("to chants of “…”": a crowd's words, no speaker)
    # (0) The tag printed right after the closing mark, read from the tokens.  It prints the words as its
    # speaker's own: an "according to Y" after it names who vouches for the occasion ("“…,” he told aides,
    # according to his adviser"), not whose words they are (unlike a fragment inside Y's account).
    tag = _tag_after_quote(doc, quotation, quote_spans)
    if tag is not None:
        return tag
    # (0') A digest's label right before the quote, "TOPIC - Jane Roe: “…”", before any cue verb in
    # the topic ("Pollsters agree - Jane Roe: “…”").
    open_token = doc.char_span(quotation.open_mark, quotation.open_mark + 1, alignment_mode="expand")
    open_index = open_token[0].i if open_token is not None else span.start
    digest = _dash_label(doc, open_index)
    if digest is not None:
        return digest
    # (0'') A transcript label in capitals, "DR ROE: “…”", whatever the tagger made of its words.
    capitals = capitals_label(doc, open_index, quote_spans)
    if capitals is not None:
        return capitals
    # (a)-(c) A cue verb governing the quote, "according to X", or the cue verb nearest the marks.
    parsed = attribute_in_sentence(doc, quotation, quote_spans)
    if parsed is not None:
        return parsed
    # (c') No cue verb, but a bare "subject + verb." tag right after a quote that ends in a comma,
    # "?" or "!": the verb says how it was said ("“…,” she laughed.", "“…!” Roe sighed.").
    manner = _manner_tag(doc, quotation, span.end, quote_spans)
    if manner is not None:
        return manner
    # (d) No cue, but a clause about a person introduces the quote with a colon:
    # "Roe's deputy, Ben Adler, was blunter: “…”".
    colon = _colon_introduction(doc, open_index, quote_spans)
    if colon is not None:
        return colon
    # (e) A fragment inside the reporter's sentence about a person, with a verb outside the cue
    # list: "Roe ticked off issues such as “fair share” taxes", "Roe touted her “50-state
    # strategy”": reporters quote the words of the person the clause is about.
    clause = _clause_person(doc, quotation, span, quote_spans)
    if clause is not None:
        return clause
    # (f) A quote inside a transcript's turn: "Okoro: Well, nobody says ‘…’ any more." — the words
    # of the speaker the line is labelled with.
    label = _line_label(doc, quotation, quote_spans)
    if label is not None:
        return label
    # (g) A quoted question after a sentence that asks: "We asked about Roe, who … . “Did he …?”"
    return asked_before(doc, quotation, open_index, quote_spans)


def _attribute(state: _ArticleState, quotation: Quotation, mention: Mention, headline: bool) -> None:
    """Fill the speaker fields of ``mention``: headline pattern, the parse, or continuation."""
    doc, text, resolver = state.doc, state.text, state.resolver
    token_span = doc.char_span(quotation.start, quotation.end, alignment_mode="expand")
    at = token_span.start if token_span is not None else 0
    attribution = attribute_headline(text, quotation, state.paragraphs[quotation.paragraph][1]) if headline else None
    if attribution is None:
        attribution = _attribute_in_body(doc, quotation, state.quote_spans)
    if attribution is None:
        attribution = attribute_byline(doc, quotation, text, state.paragraphs)
    if attribution is None:
        label = label_in_quote(quotation)
        # only a label the article names as a person: "Update: …" is not a speaker
        if label and (resolver.people.find(label.split()) is not None or
                      resolver.people.find([w.title() for w in label.split()]) is not None):
            attribution = _Attribution(None, mention_text=label, cue=None)
    if attribution is None and _is_heading(quotation, text, state.paragraphs, state.double_marked):
        # A section's heading line ("23:10 — ‘Irreversible trend’" in a live blog) starts a new section:
        # it continues no one; the quote of its section that it repeats gives its speaker (_headlines_from_body).
        state.headings.add(quotation.paragraph)
        return
    if attribution is None and not mention.partial and token_span is not None:
        introduced = _introduced_person(state, quotation, token_span.start)
        if introduced is not None:
            # "… Reyes said. A younger ferryman beside him, who gave no name, was harsher. “…”": an
            # indefinite description opens a new referent, and a reporter brings a new person into the
            # story to quote them -- the words are the newcomer's, not a continuation of the last speaker.
            person, method = resolver.resolve(introduced, None, at)
            mention.speaker_mention, mention.method = introduced.text, method
            if person is None:
                state.unnamed_person.add(id(mention))
                return
            # (named beside the description: "A younger ferryman, Luis Prado, was harsher.")
            record = resolver.people.records[person]
            mention.speaker, mention.speaker_role = record.name, _mention_role(introduced, record, method)
            resolver.speakers.append((at, person))
            return
    if attribution is None:
        previous = None if mention.partial and not _after_connective(doc, quotation, token_span) and \
            not _goes_on_with_quote(doc, quotation, token_span, state.previous_by_paragraph) else \
            _previous_speaker(quotation, state.previous_by_paragraph, text, state.paragraphs)
        exchange = _exchange(state, quotation, question=False)
        if previous is not None and exchange is not None and previous is exchange[1] and \
                _first_word(quotation.text) in ANSWER_WORDS:
            previous = exchange[0]  # "“You wrote it down,” the lawyer said." / "“Yes. …”": the one addressed answers
        if previous is not None:
            _inherit(mention, previous)
            person = resolver.people.find(previous.speaker.split()) if previous.speaker else None
            if person is not None:
                resolver.speakers.append((at, person))
        elif not mention.partial and _only_quotation(quotation, text, state.paragraphs) and \
                quotation.paragraph - 1 not in state.previous_by_paragraph:
            p_start, p_end = state.paragraphs[quotation.paragraph - 1]
            span = doc.char_span(p_start, p_end, alignment_mode="expand")
            if span is not None and len(span):
                _from_reported_speech(span[-1].sent, mention, resolver, state.quote_spans, at)
        elif not mention.partial and quotation.paragraph not in state.previous_by_paragraph and \
                token_span is not None and token_span.start > 1:
            # "Roe touted her record. “We need unions.”": the sentence before, in the same paragraph.
            before = doc[token_span.start - 2].sent
            if before.start >= doc.char_span(*state.paragraphs[quotation.paragraph], alignment_mode="expand").start \
                    and not any(_inside(t, state.quote_spans) for t in before):
                _from_reported_speech(before, mention, resolver, state.quote_spans, at)
        return
    turn, answered = _turn_speakers(state, quotation)
    cue = attribution.cue
    if attribution.mention is not None and len(attribution.mention) > 1 and \
            fronted_cue_verb(attribution.mention[0]) and _is_name_token(attribution.mention[1]):
        # "Continued Roe: “…”": the verb fronted before its subject is the cue, no part of the name
        cue = cue or attribution.mention[0].text
        attribution.mention = attribution.mention[1:]
    # A quote that opens its turn, right after the label ("Roe: “…,” the governor said"), is the turn's own
    # words: a tag after it speaks of the labelled speaker in the third person, as a reporter's aside does.
    # Only a quote inside the turn's speech is someone else's ("Roe: … the minister told me, “…”").
    line_start = text.rfind("\n", 0, quotation.open_mark) + 1
    rules_out_turn = turn is not None and not text[line_start:quotation.open_mark].rstrip().endswith(":")
    if rules_out_turn:
        # A label people sharing a surname may both bear ("Roe:" with Ana Roe and her father Ben Roe) does not
        # say which of them speaks: it rules no one out ("Roe: My father used to say, “…”" is Ben Roe's).
        label = turn_label(doc, quotation.open_mark, state.quote_spans)
        rules_out_turn = label is None or len(resolver.people.find_all(_words(label))) < 2
    person, method = resolver.resolve(attribution.mention, attribution.mention_text, at,
                                      not_people=frozenset(p for p in (turn if rules_out_turn else None, answered,
                                                                       _asker(state, quotation))
                                                           if p is not None))
    exchange = _exchange(state, quotation)
    if exchange is not None and method == "role" and person is not None and attribution.mention is not None and \
            attribution.mention[0].lower_ == "the" and exchange[1].cue and \
            exchange[1].cue.lower()[:4] in _REPLY_STEMS and \
            person == resolver.people.find(exchange[1].speaker.split()) and \
            resolver._by_role(attribution.mention.root, list(attribution.mention), at) is None:
        # "“…?” Roe asked. “…,” Okafor replied. “…,” the lawyer said.": after a question and its answer the
        # turn goes back to the one who asked; a description no one's role matches (the most salient person
        # by default) is not the one who just answered.
        person = resolver.people.find(exchange[0].speaker.split())
    if person is None and turn is not None and attribution.mention is not None and \
            [t.lower_ for t in attribution.mention if not t.is_punct] == [FIRST_PERSON_SUBJECT]:
        person, method = turn, "explicit"  # "OKORO: … I told them, “…”": the label says who "I" is
    mention.speaker_mention = attribution.mention.text if attribution.mention is not None \
        else attribution.mention_text
    mention.cue = cue
    mention.method = method if attribution.kind == "explicit" else attribution.kind
    if person is None:
        if (attribution.mention is not None and cue and _is_role_noun(attribution.mention.root)) or \
                attribution.kind == "unnamed":
            # "one parent warned …", "the trial judge, describing …", "X was accused of “…”"
            state.unnamed_person.add(id(mention))
        return
    record = resolver.people.records[person]
    mention.speaker = record.name
    mention.speaker_role = _mention_role(attribution.mention, record, method)
    resolver.speakers.append((at, person))
    # (a text's noun names its author's words, not its author: "the statement" is no alias of the reader;
    # nor is a partitive "One" of "One of his students, Ana, said" any name of hers)
    if attribution.mention is not None and method != "pronoun" and attribution.mention.text.lower() != FIRST_PERSON_SUBJECT \
            and attribution.mention.root.lemma_.lower() not in WRITTEN_NOUNS and \
            attribution.mention.root.pos_ not in ("NUM", "PRON"):
        record.add_alias(_alias_of(attribution.mention))


def _asker(state: _ArticleState, quotation: Quotation) -> int | None:
    """The person who asked the question a quote answers: the previous paragraph ends with a quoted
    question, and this paragraph's quote opens with an answer word ("“Is the plant safe?” … / “Yes. …,”
    she said").  The asker does not answer their own question from a new paragraph, so a pronoun or a
    description there means someone else (a speaker's rhetorical answer goes on in the same paragraph)."""
    previous = state.previous_by_paragraph.get(quotation.paragraph - 1)
    if quotation.paragraph in state.previous_by_paragraph or previous is None or not previous.speaker or \
            not previous.text.rstrip(" ’'\"”").endswith("?") or _first_word(quotation.text) not in ANSWER_WORDS:
        return None
    return state.resolver.people.find(previous.speaker.split())


def _turn_speakers(state: _ArticleState, quotation: Quotation) -> tuple[int | None, int | None]:
    """(speaker, addressee) of the transcript turn that holds the quotation, when the article names them.

    The speaker is the person the turn's label names ("OKORO: … I told them, “…”"): the one who
    says "I" there.  The addressee is the one whose labelled turn it answers, whom the speaker calls
    "you".  Neither is who a "she" or "the pilot" in the turn means: both take part in the
    conversation, so the turn speaks of them in the first and second person.
    """
    speaker = _label_person(state, quotation.open_mark)
    if speaker is None:
        return None, None
    for p_start, p_end in reversed(state.paragraphs[:quotation.paragraph]):
        other = _label_person(state, p_end)
        if other is not None and other != speaker:
            return speaker, other
    return speaker, None


def _label_person(state: _ArticleState, offset: int) -> int | None:
    """The person the transcript label of the line holding character ``offset`` names, if any."""
    words = turn_label(state.doc, offset, state.quote_spans)
    if words is None:
        return None
    found = state.resolver.people.find(_words(words))
    if found is None and len(words) == 1 and words[0].is_upper and len(words[0].text) in INITIALS_LABEL_LETTERS:
        found = _initials_person(state.resolver.people, words[0].text)
    return found


def _initials_person(people: PeopleIndex, label: str) -> int | None:
    """The one person whose name's initials a transcript label prints: an edited interview labels the
    first turns with full names and the rest with initials ("Ana Roe: …" then "AR: …")."""
    found = [p for p, record in enumerate(people.records)
             if len(record.name_words) == len(label) and
             "".join(w[:1] for w in record.name_words).upper() == label]
    return found[0] if len(found) == 1 else None


def _first_word(text: str) -> str:
    """The first word of ``text``, lower-cased ("" when it has none)."""
    match = re.match(r"\W*(\w+)", text)
    return match[1].lower() if match else ""


def _alias_of(span: Span) -> str:
    """How a speaker mention names the person, without what it says of them at that moment:
    "a visibly emotional Ms. Roe" -> "Ms. Roe" (words before a name that describe, not name)."""
    start = span.start
    while start < span.end - 1 and (span.doc[start].pos_ in ("DET", "ADJ", "ADV") and span.doc[start].is_lower) \
            and any(_is_name_token(t) for t in span.doc[start + 1:span.end]):
        start += 1
    return span.doc[start:span.end].text


def _inherit(mention: Mention, previous: Mention) -> None:
    mention.speaker = previous.speaker
    mention.speaker_mention = previous.speaker_mention
    mention.speaker_role = previous.speaker_role
    mention.cue = previous.cue
    mention.method = "continuation"


def _exchange(state: _ArticleState, quotation: Quotation, question: bool = True) -> tuple[Mention, Mention] | None:
    """(the earlier, the later) of the two quotes that end the two paragraphs before ``quotation``'s,
    when two different people speak them (the earlier a question, with ``question``): an exchange of turns."""
    earlier = state.previous_by_paragraph.get(quotation.paragraph - 2)
    later = state.previous_by_paragraph.get(quotation.paragraph - 1)
    if earlier is None or later is None or not earlier.speaker or not later.speaker or \
            earlier.speaker == later.speaker:
        return None
    asked = earlier.text.rstrip().endswith("?") or \
        bool(earlier.cue and earlier.cue.lower()[:3] in _QUESTION_STEMS)
    return (earlier, later) if asked or not question else None


def _previous_speaker(quotation: Quotation, previous_by_paragraph: dict[int, Mention], text: str,
                      paragraphs: list[tuple[int, int]]) -> Mention | None:
    """The quote a standalone quotation continues: earlier in its paragraph, or the previous
    paragraph's last quote when this paragraph is only quotation."""
    same = previous_by_paragraph.get(quotation.paragraph)
    if same is not None and same.speaker_mention:
        return same
    if same is None and _only_quotation(quotation, text, paragraphs):
        earlier = previous_by_paragraph.get(quotation.paragraph - 1)
        if earlier is not None and earlier.speaker_mention:
            return earlier
    return None



def _after_connective(doc: Doc, quotation: Quotation, span: Span | None) -> bool:
    """True when the reporter's only words in the quote's sentence are a connective before it:
    "“…,” he said outside. But “…”", "And “…”".  A conjunction or a sentence adverb links the quote
    to what came before and says nothing of who speaks: the quote goes on in the voice of the last
    one, like a quote standing alone (a fragment inside a clause of the reporter's is not that)."""
    if span is None or not len(span) or quotation.paragraph == 0:
        return False
    sentence = span[0].sent
    open_index = span.start - 1
    while open_index > sentence.start and not doc[open_index].is_quote:
        open_index -= 1
    before = [t for t in doc[sentence.start:open_index] if not (t.is_punct or t.is_space)]
    after = [t for t in doc[span.end:sentence.end] if not (t.is_punct or t.is_space)]
    return 0 < len(before) <= CONNECTIVE_MAX_WORDS and not after and \
        all(t.pos_ in ("CCONJ", "ADV") for t in before)


def _goes_on_with_quote(doc: Doc, quotation: Quotation, span: Span | None,
                        previous_by_paragraph: dict[int, Mention]) -> bool:
    """True when a fragment's sentence, right after the sentence of its paragraph's last quote, opens
    on a subject that picks up what was said ("“…,” Roe said. But that's not the same as “…”",
    "That makes her “…”") and has no cue of its own: the reporter goes on with the speaker's point,
    in the speaker's words, so the fragment continues that speaker (not a fragment in a sentence of
    the reporter's own, about something else: "The memo put the “minimum” at ten")."""
    previous = previous_by_paragraph.get(quotation.paragraph)
    if span is None or not len(span) or previous is None or not previous.speaker:
        return False
    sentence = span[0].sent
    if sentence.start < 2:
        return False
    before = doc[sentence.start - 1].sent
    prev = doc.char_span(previous.start, previous.end, alignment_mode="expand")
    if prev is None or not (before.start <= prev.end - 1 < before.end + 2):
        return False
    subject = next((c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lower_ in ANAPHORIC_SUBJECTS and subject.i < span.start and \
        not any(_is_cue(t) for t in sentence if not (span.start <= t.i < span.end))


def _introduced_person(state: _ArticleState, quotation: Quotation, at: int) -> Span | None:
    """The indefinite description of a person ("a younger ferryman beside him") that is the subject of the
    sentence right before a standalone quote, in its paragraph and after the paragraph's previous quote."""
    doc = state.doc
    if at < 2 or quotation.paragraph not in state.previous_by_paragraph:
        return None
    before = doc[at - 2].sent
    paragraph = doc.char_span(*state.paragraphs[quotation.paragraph], alignment_mode="expand")
    if paragraph is None or before.start < paragraph.start or any(_inside(t, state.quote_spans) for t in before):
        return None
    subject = next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not _is_role_noun(subject) or _is_name_token(subject) or \
            not any(c.dep_ == "det" and c.lower_ in INDEFINITE_DETERMINERS for c in subject.children):
        return None
    if before.root.lemma_.lower() in QUESTION_CUES:
        # "A reporter asked whether she would resign. “Never.”": the quote answers the newcomer's question,
        # in the words of the one asked
        return None
    return _mention_span(subject)


def _from_reported_speech(last_sentence: Span, mention: Mention, resolver: Resolver,
                          quote_spans: list[tuple[int, int]], at: int) -> None:
    """A quote right after indirect speech continues it:
    "Roe said the plan would fail.\n“It is doomed.”" -> Roe, method continuation."""
    # The reporting verb's subject; failing that, the person the sentence is about, as its main
    # subject ("Roe is upbeat about the race.\n“We will win.”").
    candidates = [t for t in last_sentence if _is_cue(t) and not _inside(t, quote_spans)]
    root = last_sentence.root
    if root.pos_ in ("VERB", "AUX") and root not in candidates:
        candidates.append(root)
    for token in candidates:
        subject = _subject_of(token)
        if subject is None or _inside(subject, quote_spans):
            continue
        if not _is_cue(token) and not (_is_name_token(subject) or subject.lower_ in PERSONAL_PRONOUNS):
            continue
        speaker = _mention_span(subject)
        person, method = resolver.resolve(speaker, None, at)
        if person is None:
            return
        record = resolver.people.records[person]
        mention.speaker, mention.speaker_mention = record.name, speaker.text
        mention.cue = token.text if _is_cue(token) else None
        mention.speaker_role = _mention_role(speaker, record, method)
        mention.method = "continuation"
        resolver.speakers.append((at, person))
        return


def _share_within_chains(mentions: list[Mention], quotations: list[Quotation]) -> None:
    """Paragraphs of one multi-paragraph quotation all get the speaker one of them names."""
    chains: dict[int, list[Mention]] = {}
    for mention, quotation in zip(mentions, quotations):
        if quotation.chain is not None:
            chains.setdefault(quotation.chain, []).append(mention)
    for members in chains.values():
        source = next((m for m in members if m.speaker and m.method != "continuation"), None) or \
            next((m for m in members if m.speaker_mention), None)
        if source is None:
            continue
        for member in members:
            if member is not source and (member.speaker_mention is None or
                                         (member.speaker is None and source.speaker)):
                _inherit(member, source)
                member.confidence = CONFIDENCE["continuation"]
