"""Step 3, attribution, from print layout: speakers read from where the words stand on the page.

The tag printed right after a closing mark, read from the tokens rather than the parse ("“…,”
Gene Roe, a top adviser, said", "“…,” said Roe", party tags and short asides in it) and a bare
manner verb there ("“…,” she laughed."); a colon or dash after a clause about a person ("Roe's
deputy was blunter: “…”"); transcript and digest labels ("Okoro: “…”", "TOPIC - Jane Roe: “…”",
also for a quote later in a labelled turn, or printed inside the marks); a byline under a quote
("“…” ― Jane Roe"); and headline patterns ("Roe Says ‘…’", "Roe: ‘…’", "‘…,’ Says Roe", a
lower-case role: "Orchestra's new conductor promises ‘…’").

These readers build on the grammar of :mod:`.attribution` and :mod:`.subjects` (the speaker's noun
phrase, cue verbs and their subjects); :mod:`.article` decides the order in which the readers are tried.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .lexicon import (
    AUTHOR_PREPOSITIONS, CALENDAR_WORDS, CUE_FORMS, DOUBLE_MARKS, FINITE_TAGS, HYPHENS, INDEFINITE_DETERMINERS,
    LABEL_MAX_TOKENS, NON_PERSON_LABELS, OPENING_GLYPHS, PARENTHESIS_MAX_TOKENS, PERSONAL_PRONOUNS, READ_ALOUD_VERBS,
    SIGNATURE_DASHES, SINGLE_MARKS, TAG_MAX_TOKENS, TAG_QUOTE_ENDINGS, WRITTEN_NOUNS,
)
from .marks import Quotation, _only_quotation
from .names import (
    fronted_cue_verb, _is_descriptor_word, _is_name_token, _is_title, _name_run, _norm, particle_inside_name,
)
from .subjects import _abbreviation_period, _is_cue, _mention_span, _subject_of
from .evidence import _labels_a_turn
from .attribution import _Attribution, _doc_text, _inside, _negated, _speech_owner


def _tag_speaker_token(tokens: list[Token]) -> Token | None:
    """The head of the noun phrase ``tokens`` (a speaker in a tag): a name, a pronoun or a noun."""
    if not tokens:
        return None
    first = tokens[0]
    if first.lower_ in PERSONAL_PRONOUNS or first.lower_ in ("i", "we", "they", "it"):
        return first if len(tokens) == 1 else None
    # A noun phrase without its prepositional phrases ends in its head ("Idaho supplement
    # executive Frank Roe", "a spokesman").
    heads = [t for t in tokens if (t.pos_ in ("PROPN", "NOUN") or _is_name_token(t)) and t.text not in ("’s", "'s")]
    return heads[-1] if heads else None


def _introduced_by_cue(doc: Doc, quotation: Quotation) -> bool:
    """True when a cue verb stands right before the opening mark, at most a comma or colon between, in the
    quote's own line: "shouted “…!”", "asked, “…?”" -- the quote is that verb's object."""
    opening = doc.char_span(quotation.open_mark, quotation.open_mark + 1, alignment_mode="expand")
    if opening is None or opening.start == 0:
        return False
    for token in reversed(doc[max(0, opening.start - 3):opening.start]):
        if token.is_space or token.text in (",", ":"):
            if "\n" in token.text:
                return False
            continue
        return _is_cue(token) and token.pos_ in ("VERB", "AUX") and not _negated(token)
    return False


def _tag_after_quote(doc: Doc, quotation: Quotation, quote_spans: list[tuple[int, int]]) -> _Attribution | None:
    """The speaker tag printed right after a quote: "“…,” NAME[, apposition,] CUE" or "“…,” CUE NAME".

    Read from the tokens, not the parse: the parser often hangs the name inside the quote
    ("…,” Gene Roe, a top adviser, said" with Roe an attribute of the quoted verb) or ends the
    sentence at “?”/“!” ("“…!” Roe declared, a point he …").
    """
    # A nested quote may end the quotation: "“… ‘keep it alive,’ ” said Roe".  The comma may be printed
    # after the closing mark, as British and Irish style does: "“…”, he said".
    text = _doc_text(doc)
    if quotation.close_mark is None or (quotation.text.rstrip(" ’'\"”")[-1:] not in TAG_QUOTE_ENDINGS and
                                        text[quotation.close_mark + 1:quotation.close_mark + 2] != ","):
        return None
    after = doc.char_span(quotation.close_mark, quotation.close_mark + 1, alignment_mode="expand")
    if after is None:
        return None
    if quotation.text.rstrip(" ’'\"”")[-1:] in ("!", "?") and _introduced_by_cue(doc, quotation):
        # "… a man in the gallery shouted “Disgrace!” Guards asked him to leave.": a cue right before the
        # marks reports the words, and their "!" or "?" ends its sentence too -- what follows is the next
        # sentence, not a tag ("“Disgrace!” a man shouted" has no cue before the marks).
        return None
    tokens: list[Token] = []
    skip_to = -1
    introduces = False  # the words after the quote end in a colon opening another quote
    for token in doc[after.end:after.end + TAG_MAX_TOKENS]:
        if token.i <= skip_to:
            continue
        if token.text == "(" and tokens:
            # A short aside in the tag, as a party tag is printed: "“…,” Rep. Ann Roe (D-Wis.) said".
            close = next((t.i for t in doc[token.i + 1:token.i + 2 + PARENTHESIS_MAX_TOKENS] if t.text == ")"), None)
            if close is not None and not any("\n" in t.text for t in doc[token.i:close]):
                skip_to = close
                continue
        if token.text in DOUBLE_MARKS and any(t.text == "," for t in tokens[1:]) and tokens[-1].text != "," and \
                token.i + 1 < len(doc) and _inside(doc[token.i + 1], quote_spans):
            # A short quoted name inside the tag's apposition: "“…,” Tom Roe, wearing “Vote Okafor” pins,
            # said" (only inside an apposition: not a quote listed after the first, "“…,” and “…” they
            # chanted").
            close = next((t.i for t in doc[token.i + 1:token.i + 2 + PARENTHESIS_MAX_TOKENS]
                          if t.text in DOUBLE_MARKS), None)
            if close is not None and not any("\n" in t.text for t in doc[token.i:close]):
                skip_to = close
                continue
        if "\n" in token.text or _inside(token, quote_spans) or token.text in DOUBLE_MARKS or \
                (token.text == "." and not _abbreviation_period(token)) or token.text in (";", ":", "(", "[") or \
                (token.text in ("?", "!") and tokens):
            introduces = token.text == ":" and any(t.text in DOUBLE_MARKS or t.text in SINGLE_MARKS or
                                                   _inside(t, quote_spans)
                                                   for t in doc[token.i + 1:token.i + 3] if not t.is_space)
            # "“Why now?” Roe then writes back, “…”": after a quote that ends its sentence, a cue whose
            # comma opens the next quote introduces that one (not "“…,” Roe said, “and …”", one sentence).
            introduces = introduces or (
                (token.text in DOUBLE_MARKS or _inside(token, quote_spans)) and len(tokens) > 1 and
                tokens[-1].text == "," and quotation.text.rstrip(" ’'\"”")[-1:] in ("?", "!"))
            break
        if token.is_space:
            continue
        tokens.append(token)
    if tokens and tokens[0].text == ",":
        tokens = tokens[1:]  # “…”, said Roe
    if not tokens:
        return None
    cue_at = next((k for k, t in enumerate(tokens) if _is_cue(t) or _reads_out(t)), None)
    if cue_at is None:
        return None
    cue = tokens[cue_at]
    if introduces and all(t.text in (",", ":") or t.dep_ in ("prt", "advmod") for t in tokens[cue_at + 1:]):
        # "After Roe said … at “less advanced schools,” Okafor said: “…”": a cue opening the next quote
        # with a colon (or a comma, after a question: "Okafor then writes back, “…”"), with at most an
        # adverb or particle after it, reports that quote, not the one before.
        return None
    if cue_at == 0 and cue.tag_ == "VBG":
        return None  # "“…,” telling reporters …": a participle's object is the one addressed, not the speaker
    if cue_at == 0:
        # "“…,” said Jane Roe, the mayor": the noun phrase after the verb, up to a comma or preposition.
        phrase = []
        for token in tokens[1:]:
            # (a participle hyphenated to a noun is an adjective: "Ohio-based attorney")
            hyphenated = token.i > 0 and _inword(doc[token.i - 1]) and doc[token.i - 1].text in HYPHENS
            # (a title waiting for its name joins a second title of the same person: "said former Ohio
            # Gov. and party chairman Ed Ramsey")
            titles = token.lower_ == "and" and bool(phrase) and _is_title(phrase[-1])
            # (a participle between capitalised words of a title is its adjective: "said Finance ranking
            # Republican Walter Roe", not a clause of its own: "said Roe, ranking them")
            in_title = token.tag_ == "VBG" and token.is_lower and bool(phrase) and phrase[-1].is_title and \
                token.i + 1 < len(doc) and doc[token.i + 1].is_title
            if (token.is_punct and not _inword(token) and not _abbreviation_period(token)) or \
                    ((token.pos_ in ("ADP", "VERB", "AUX", "SCONJ", "CCONJ") and not hyphenated and not titles and
                      not in_title) or token.tag_ in FINITE_TAGS) and not particle_inside_name(token):
                break
            phrase.append(token)
        speaker = _tag_speaker_token(phrase)
        if speaker is not None and not _is_name_token(speaker) and speaker.pos_ != "PRON":
            # "“…,” wrote the ambassador at the time, Jon Harbin.": the name the description is set beside.
            named = _apposed_name(tokens[1 + len(phrase):])
            if named is not None:
                return _Attribution(_mention_span(named), cue=cue.text, verb=cue)
    else:
        # "“…,” Gene Roe, a top adviser to the governor, said": the phrase before the first comma;
        # what lies between it and the cue must be an apposition set off by commas, with no verb of its own.
        before = tokens[:cue_at]
        comma = next((k for k, t in enumerate(before) if t.text == ","), len(before))
        rest = before[comma:]
        if rest and (rest[-1].text != "," or any(t.tag_ in FINITE_TAGS for t in rest)):
            return None
        phrase = before[:comma]
        if any(t.pos_ in ("VERB", "AUX") or t.tag_ in FINITE_TAGS for t in phrase) or \
                (phrase and phrase[0].pos_ == "ADP" and phrase[0].lower_ != "as"):
            # (a phrase opened by a preposition is the reporter's, no speaker: "“…,” like the recent
            # turmoil in markets, said Roe" -- the grammar reads "said Roe"; "as" opens a clause whose
            # subject speaks: "“…,” as Roe put it")
            return None
        preposition = next((k for k, t in enumerate(phrase) if t.pos_ == "ADP" and k > 0), None)
        phrase = phrase[:preposition]  # "a spokesman for the mayor" -> "a spokesman"
        speaker = _tag_speaker_token(phrase)
        if speaker is not None and not _is_name_token(speaker) and speaker.pos_ != "PRON":
            # "“…,” his friend at college, Ben Turry, said": the name the description is set beside.
            named = _apposed_name(before[len(phrase):])
            if named is not None:
                return _Attribution(_mention_span(named), cue=cue.text, verb=cue)
    if speaker is None:
        return None
    span = _mention_span(speaker)
    # The parse may join the phrase to words of the quote or of the cue: keep the tag's own words.
    left, right = max(span.start, phrase[0].i), min(span.end, phrase[-1].i + 1)
    span = doc[left:right] if left < right else doc[speaker.i:speaker.i + 1]
    if not _is_name_token(speaker) and speaker.pos_ != "PRON":
        span = doc[phrase[0].i:phrase[-1].i + 1]  # a description: "the 54-year-old", "a spokesman"
    return _Attribution(span, cue=cue.text, verb=cue)


def _reads_out(verb: Token) -> bool:
    """A verb of voicing a text aloud (:data:`READ_ALOUD_VERBS`) with no object of its own, in a tag right
    after the quote: "“…”, he read", "“…,” the note read" -- the quote is what is read out, so the verb
    reports it as a cue does (not "Roe read the report", whose object is another text)."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in READ_ALOUD_VERBS and \
        not any(c.dep_ in ("dobj", "prt") and c.i > verb.i for c in verb.children)  # (the quote may be hung on it)


def _apposed_name(rest: list[Token]) -> Token | None:
    """The person's name set off by commas after a description in a tag, ``rest`` being the tag's
    tokens after the description: "at the time, Jon E. Harbin" in "“…,” wrote the ambassador at the
    time, Jon E. Harbin." -- words without a verb, a comma, then only a name up to the next comma or
    the tag's end.  (A place is no apposition of a person: "the mayor of Dayton, Ohio,".)"""
    comma = next((k for k, t in enumerate(rest) if t.text == ","), None)
    if comma is None or any(t.pos_ in ("VERB", "AUX") or t.tag_ in FINITE_TAGS for t in rest[:comma]):
        return None
    run: list[Token] = []
    for token in rest[comma + 1:]:
        if token.text == ",":
            break
        run.append(token)
    names = [t for t in run if _is_name_token(t) and not _is_title(t)]
    if not names or not all(_is_name_token(t) or _is_title(t) for t in run) or run[-1] is not names[-1] or \
            not (len(names) > 1 or names[-1].ent_type_ == "PERSON") or \
            any(t.ent_type_ in NON_PERSON_LABELS and t.ent_type_ != "ORG" for t in names):
        # (the recogniser may run an institution and the name after it into one organisation:
        # "at Lehigh, Bruce Turry")
        return None
    return names[-1]


def _inword(token: Token) -> bool:
    """A hyphen or apostrophe inside a word the tokenizer split: "Holtz-Eakin", "co-host", "O’Neil"."""
    doc = token.doc
    return (token.text in HYPHENS or token.text in ("’", "'")) and not token.whitespace_ and token.i > 0 and \
        not doc[token.i - 1].whitespace_ and token.i + 1 < len(doc)


def _line_label(doc: Doc, quotation: Quotation, quote_spans: list[tuple[int, int]]) -> _Attribution | None:
    """The speaker label a transcript line opens with ("Okoro:", "Ms. McLeish:"), for a quote later in it."""
    words = turn_label(doc, quotation.open_mark, quote_spans)
    if words is None:
        return None
    someone = _indefinite_reporter(doc, quotation, quote_spans)
    if someone is not None:
        return someone
    if _name_syllable(words[-1]):
        # "Lin Po-han:": the whole label is the name; its last syllable alone names no one
        return _Attribution(doc[words[0].i:words[-1].i + 1], cue=None)
    return _Attribution(doc[words[-1].i:words[-1].i + 1] if not _is_name_token(words[-1]) else
                        _mention_span(words[-1]), cue=None)


def _indefinite_reporter(doc: Doc, quotation: Quotation, quote_spans: list[tuple[int, int]]) -> _Attribution | None:
    """Inside a transcript's turn, a quote a cue verb reports of someone the speaker introduces with an
    indefinite article ("Roe: What we cannot plan for is a minister who says, “…”", "an engineer told me
    “…”"): the words are that someone's, whom the turn does not name, not the labelled speaker's own.
    (A negative quantifier is no one: "nobody says ‘…’ any more" quotes the speaker's own words.)"""
    span = doc.char_span(quotation.start, quotation.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    cue = next((a for a in span.root.ancestors if not (span.start <= a.i < span.end) and not _inside(a, quote_spans)
                and _is_cue(a)), None)
    if cue is None:
        return None
    subject = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.tag_ in ("WP", "WDT") and cue.dep_ == "relcl":
        subject = cue.head  # "a minister who says": the relative clause's antecedent
    if subject is None or subject.pos_ != "NOUN" or \
            not any(c.dep_ == "det" and c.lower_ in INDEFINITE_DETERMINERS for c in subject.children):
        return None
    return _Attribution(_mention_span(subject), cue=cue.text)


def capitals_label(doc: Doc, open_index: int, quote_spans: list[tuple[int, int]]) -> _Attribution | None:
    """The speaker of a transcript line "DR ROE: “…”": a label in capitals alone on the line before the
    opening mark (token ``open_index``).  The tagger reads capitals as anything (the surname as a verb,
    "DR" as its subject), so the label's text, not its parse, names the speaker, as a headline's does."""
    colon = open_index - 1
    while colon >= 0 and doc[colon].is_space:
        colon -= 1
    if colon < 1 or doc[colon].text != ":":
        return None
    words = turn_label(doc, doc[colon].idx + 1, quote_spans)
    if not words or words[-1].i != colon - 1 or not all(t.is_upper or _is_title(t) for t in words if t.is_alpha):
        return None
    return _Attribution(None, mention_text=" ".join(t.text for t in words), cue=None)


def _label_word(token: Token) -> bool:
    """A word a transcript's speaker label may print: capitalised, or in capitals ("OKORO:")."""
    return token.is_alpha and (token.is_title or (token.is_upper and len(token.text) > 1))


def turn_label(doc: Doc, offset: int, quote_spans: list[tuple[int, int]]) -> list[Token] | None:
    """The words of the speaker label opening the transcript line that holds character ``offset``:
    "Okoro:", "Ms. McLeish:", "OKORO:", "ADEYEMI-COLE:"; None when the line opens with no label."""
    text = _doc_text(doc)
    line_start = text.rfind("\n", 0, offset) + 1
    colon = text.find(":", line_start, offset)
    if colon < 0:
        return None
    comma = text.find(",", line_start, colon)
    if comma > 0 and not text[colon + 1:offset].strip() and \
            not re.search(r"[.!?;\"“”«»]", text[comma:colon]) and len(text[line_start:colon].split()) <= LABEL_MAX_TOKENS:
        # A transcript prints the speaker's office or outlet the first time, set off as an apposition
        # between the name and the colon ("Ana Roe, director of the port authority: “…”", "Ana Roe, Coast
        # Herald: “…”"): the name before the comma is the label; the apposition describes that person.
        # (Only when the quote opens right after the colon: in prose a comma and a colon end a clause.)
        colon = comma
    label = doc.char_span(line_start, colon, alignment_mode="contract")
    if label is None or not 0 < len(label) <= 4 or any(_inside(t, quote_spans) for t in label):
        return None
    words = [t for t in label if not t.is_space]
    if not words:
        return None
    # Capitalised words, whatever their tag: the tagger reads a lone surname before a colon as a noun;
    # a hyphen may join two pieces of a surname ("ADEYEMI-COLE").  The last word may be the lower-case
    # second syllable of a hyphenated given name, as Chinese and Korean names are romanised ("Kuo
    # Mei-ling", "Park Ji-hoon"): it is part of the capitalised word the hyphen joins it to.
    if all(_is_name_token(t) or _is_title(t) or _label_word(t) or _inword(t) or _name_syllable(t) for t in words) and \
            (_label_word(words[-1]) and len(words[-1].text) > 1 or _name_syllable(words[-1])):
        return words
    return None


def _name_syllable(token: Token) -> bool:
    """The lower-case piece after a hyphen inside a capitalised word: "ling" of "Mei-ling"."""
    doc = token.doc
    return token.is_alpha and token.is_lower and token.i >= 2 and _inword(doc[token.i - 1]) and \
        doc[token.i - 2].is_title and doc[token.i - 2].is_alpha


def _manner_tag(doc: Doc, quotation: Quotation, after: int, quote_spans: list[tuple[int, int]]) -> _Attribution | None:
    """Speaker of "“…,” she laughed.": exactly a person and a past/present verb, then the sentence ends."""
    if quotation.close_mark is None or quotation.text.rstrip()[-1:] not in (",", "?", "!"):
        return None
    words: list[Token] = []
    for token in doc[after:after + 5]:
        if token.idx <= quotation.close_mark or token.is_space and "\n" not in token.text:
            continue
        if token.text in (".", "!", "?") or "\n" in token.text:
            break
        if _inside(token, quote_spans) or token.is_punct:
            return None
        words.append(token)
    else:
        return None
    if len(words) != 2:
        return None
    subject, verb = words if words[1].pos_ == "VERB" else (words[1], words[0])
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ") or \
            not (subject.lower_ in PERSONAL_PRONOUNS or _is_name_token(subject)):
        return None
    return _Attribution(_mention_span(subject), cue=verb.text)


def _colon_introduction(doc: Doc, open_index: int, quote_spans: list[tuple[int, int]]) -> _Attribution | None:
    """The speaker of a quote a colon or dash introduces (``open_index``: the opening mark's token):
    a transcript or digest label, or the subject of the clause before it."""
    colon = open_index - 1
    # (a doubled opening mark, "platform: ““…”", is one)
    while colon >= 0 and (doc[colon].is_space or doc[colon].text in OPENING_GLYPHS and colon == open_index - 1):
        colon -= 1
    # A dash introduces a quote as a colon does: "Roe also backed the plan -- “…”".
    if colon >= 1 and doc[colon].text == "):":
        # The tokenizer keeps a parenthesis closing before the colon on it: "Rep. Tom Gowan (R-S.C.):".
        return _described_label(doc, colon)
    if colon >= 1 and doc[colon].text == ",":
        # An inverted reporting clause, its speech verb fronted: "Added Okafor, “…”" (the colon form,
        # "Continued Okafor: “…”", is read as a label below).
        clause = doc[doc[colon - 1].sent.start:colon]
        if 2 <= len(clause) <= 4 and fronted_cue_verb(clause[0]) and _is_name_token(clause[-1]) and \
                all(_is_name_token(t) or _is_title(t) for t in clause[1:]):
            return _Attribution(_mention_span(clause[-1]), cue=clause[0].text)
        return None
    if colon < 1 or doc[colon].text not in (":", "--", "—", "–"):
        return None
    sentence_start = doc[colon - 1].sent.start
    clause = doc[sentence_start:colon]
    # A transcript's speaker label opening the line: "Okoro: “…”", "Ms. McLeish: “…”".
    # (or a sentence of its own: "… he tweeted about it. Jane Roe: “…”")
    line_start = sentence_start == 0 or "\n" in doc[sentence_start - 1].text_with_ws or \
        doc[sentence_start].is_sent_start
    label = [t for t in clause if not t.is_punct or t.text == "."]
    if line_start and 0 < len(label) <= 4 and len(label) == len(clause) and len(label[-1].text) > 1 and \
            all(_is_name_token(t) or _is_title(t) for t in label) and _is_name_token(label[-1]):
        return _Attribution(_mention_span(label[-1]), cue=None)
    described = _described_label(doc, colon)
    if described is not None:
        return described
    digest = _dash_label(doc, open_index)
    if digest is not None:
        return digest
    if any(t.lemma_ == "quote" for t in clause):
        return None  # "… ended by quoting her father: “…”": someone else's words
    # The verb nearest the colon that has a subject of its own.
    for verb in reversed(clause):
        # A predicate the tagger missed still has its subject: "Here’s Roe in 1992: “…”" ("’s" as PUNCT).
        if (verb.pos_ not in ("VERB", "AUX") and not any(c.dep_ == "nsubj" for c in verb.children)) or \
                _inside(verb, quote_spans):
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        # Two subjects are an apposition the parser split: "Another, Lupe Fifita, disagreed:" — the name.
        subject = next((c for c in subjects if _is_name_token(c)), subjects[0] if subjects else None)
        if subject is None or _inside(subject, quote_spans) or subject.tag_ in ("WP", "WDT"):
            continue  # "… apologized for what happened: “…”": the clause inside is not the reporter's
        author = _written_by(verb)
        if author is not None:  # "the clerk read a letter from Roe: “…”": the words are the letter's
            return _Attribution(_mention_span(author), cue=None)
        owner = _speech_owner(subject)  # "Fox's reply was blunt: “…”"
        if owner is not None:
            return _Attribution(_mention_span(owner), cue=None)
        # "Roe said that, seen as a negotiation, a bargain might be possible: “…”": the reporting
        # verb's subject, not the embedded clause's.
        for cue in reversed(clause):
            if _is_cue(cue) and not _inside(cue, quote_spans) and not _negated(cue):
                speaker = _subject_of(cue)
                if speaker is not None and not _inside(speaker, quote_spans) and \
                        _norm(speaker.text) not in CALENDAR_WORDS:
                    return _Attribution(_mention_span(speaker), cue=cue.text)
        if subject.pos_ == "PRON" and subject.lower_ not in PERSONAL_PRONOUNS:
            return None
        return _Attribution(_mention_span(subject), cue=None)
    # No verb: "Her answer: “…”".
    owner = _speech_owner(doc[colon - 1])
    if owner is not None and not _inside(owner, quote_spans):
        return _Attribution(_mention_span(owner), cue=None)
    return None


def _written_by(verb: Token) -> Token | None:
    """The author of a written text that ``verb`` reads aloud: "read a letter from the school's former
    teacher, Ann Roe" -> "Roe" (the name set off after the author's description, wherever the parser
    hung it), "read out a note by Roe" -> "Roe"; None when no author is given or the verb passes the
    text on instead ("retweeted a message from Roe": the sharer's own message)."""
    doc = verb.doc
    if verb.lemma_.lower() not in READ_ALOUD_VERBS:
        return None
    for text in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in WRITTEN_NOUNS):
        for preposition in (c for c in text.children if c.dep_ == "prep" and c.lower_ in AUTHOR_PREPOSITIONS):
            author = next((o for o in preposition.children if o.dep_ == "pobj"), None)
            if author is None:
                continue
            after = author.right_edge.i + 1
            if author.pos_ == "NOUN" and after + 1 < len(doc) and doc[after].text == "," and _is_name_token(doc[after + 1]):
                run = _name_run(doc[after + 1])
                return run[-1] if run else author
            return author
    return None


def _described_label(doc: Doc, colon: int) -> _Attribution | None:
    """A transcript's label that is a whole line up to the colon, with the speaker's office or a party
    tag around the name: "Former secretary of state Ann Roe:", "Rep. Tom Gowan (R-S.C.):".  No verb,
    and a person's name right before the colon (or its parenthesis)."""
    start = colon - 1
    while start >= 0 and "\n" not in doc[start].text_with_ws and colon - start <= LABEL_MAX_TOKENS:
        start -= 1
    if start >= 0 and "\n" not in doc[start].text_with_ws:
        return None  # not a line of its own, or longer than a label
    words = list(doc[start + 1:colon])
    # (the tokenizer may keep the parenthesis closing before the colon on it: "(R-S.C.):")
    if doc[colon].text == "):" or (words and words[-1].text == ")"):
        opening = next((k for k in range(len(words) - 1, -1, -1) if words[k].text == "("), None)
        if opening is None or len(words) - opening > PARENTHESIS_MAX_TOKENS + 1:
            return None
        words = words[:opening]  # a party tag: "(R-S.C.)"
    if not words or not words[0].text[:1].isupper() or any(t.pos_ in ("VERB", "AUX") for t in words) or \
            any(t.is_punct and not _abbreviation_period(t) for t in words):
        return None
    name = words[-1]
    if not _is_name_token(name) or _is_title(name) or (name.ent_type_ in NON_PERSON_LABELS and not _labels_a_turn(name)) or len(name.text) < 2:
        return None
    span = _mention_span(name)
    return _Attribution(doc[max(span.start, words[0].i):min(span.end, name.i + 1)], cue=None)


def _dash_label(doc: Doc, open_index: int) -> _Attribution | None:
    """A digest's "TOPIC - Jane Roe: “…”" (``open_index``: the opening mark's token): the name between
    a spaced dash and the colon right before the quote is the label of the words; the topic before
    the dash is a headline, even when it has a verb ("Pollsters agree - Jane Roe: “…”"), and no part
    of the speaker's name ("IN OTHER STATES - Jane Roe")."""
    colon = open_index - 1
    while colon >= 0 and doc[colon].is_space:
        colon -= 1
    if colon < 1 or doc[colon].text != ":":
        return None
    dash = None
    for k in range(colon - 1, max(-1, colon - 7), -1):
        token = doc[k]
        if token.text in ("-", "—", "–", "--") and k > 0 and doc[k - 1].whitespace_ and token.whitespace_:
            dash = k
            break
        if "\n" in token.text_with_ws or (token.is_punct and not _abbreviation_period(token)):
            return None
    if dash is None:
        return None
    label = [t for t in doc[dash + 1:colon] if not t.is_space]
    if not (0 < len(label) <= 4 and all(_is_name_token(t) or _is_title(t) for t in label) and
            _is_name_token(label[-1]) and len(label[-1].text) > 1):
        return None
    span = _mention_span(label[-1])
    return _Attribution(doc[max(span.start, label[0].i):min(span.end, colon)], cue=None)


# (the dashes are the ones evidence._signs_a_line reads as a signature, so the name after one is a person)
BYLINE = re.compile(r"[ \t]*(?:" + "|".join(map(re.escape, sorted(SIGNATURE_DASHES, key=len, reverse=True))) +
                    r")[ \t]*(?=[A-Z])")


def attribute_byline(doc: Doc, quotation: Quotation, text: str, paragraphs: list[tuple[int, int]]) -> _Attribution | None:
    """A dash and a name after a quote, as a caption or a pull quote prints its source:
    "“…” ― Jane Roe" on the same line, or a paragraph "- Jane Roe, tweeting after the debate."
    right after a paragraph that is only the quote."""
    p_start, p_end = paragraphs[quotation.paragraph]
    if quotation.close_mark is None:
        return None
    rest = text[quotation.close_mark + 1:p_end].strip()
    if rest and rest[0] in "-—–―":
        where = quotation.close_mark + 1
    elif not rest and _only_quotation(quotation, text, paragraphs) and quotation.paragraph + 1 < len(paragraphs):
        where = paragraphs[quotation.paragraph + 1][0]
    else:
        return None
    dash = BYLINE.match(text, where)
    if dash is None:
        return None
    span = doc.char_span(dash.end(), dash.end() + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    first = span[0]
    if first.idx < dash.end():
        # The tokenizer kept the dash on the name ("-Jane Roe"): read the name from the text.
        name = re.match(_NAME, text[dash.end():dash.end() + 80])
        return _Attribution(None, mention_text=name.group(0), cue=None) if name else None
    if not _is_name_token(first) and not _is_title(first):
        return None
    run = _name_run(first)
    names = [t for t in run if _is_name_token(t) and not _is_title(t)]
    if not names:
        return None
    return _Attribution(_mention_span(names[-1]), cue=None)


# A transcript's speaker label printed inside the marks: "“ROE: Well, …”", "“Jane Roe: …”".
LABEL_IN_QUOTE = re.compile(r"(?P<label>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s*:\s")


_NAME = r"[A-Z][\w.’'\-]*(?:\s+(?:&\s+|and\s+)?[A-Z][\w.’'\-]*)*"
# "Roe Says ‘…’" / "Roe Warns: ‘…’" / "Roe: ‘…’" before the quote; "‘…,’ Roe Says" / "‘…,’ Says Roe" after.
HEADLINE_LEFT_CUE = re.compile(rf"(?P<who>{_NAME})\s+(?P<cue>[A-Za-z]+)\s*:?\s*$")
HEADLINE_LEFT_ROLE = re.compile(
    r"(?:^|\s)(?P<who>(?:[A-Z][\w\-]*(?:(?:’s|'s)\s+|\s+(?=[a-z])))?(?:[a-z][\w\-]*\s+){0,2}(?P<role>[a-z][a-z\-]+))"
    r"\s+(?P<cue>[a-z]+)\s*:?\s*$")
HEADLINE_LEFT_COLON = re.compile(rf"(?P<who>{_NAME})\s*:\s*$")
# A headline opening with its speaker as a label, the quote later on the line: "Roe: Budget Cuts
# Are ‘Reckless’", "Roe on the Budget: ‘…’" (the person, then what they spoke about).
HEADLINE_LABEL = re.compile(rf"^\s*(?P<who>{_NAME}?)(?:\s+[Oo]n\s[^:]*)?:\s")
# "‘…’: a conversation with Mayor Jane Roe", "“…” — An Interview With Jane Roe".
HEADLINE_INTERVIEW = re.compile(
    rf"^[,:]?\s*[:—–-]?\s*(?:[Aa]n?\s+)?(?:[Cc]onversation|[Ii]nterview|Q\s*&\s*A|[Cc]hat|[Tt]alk)\s+[Ww]ith\s+"
    rf"(?P<who>{_NAME})")
# "‘…’: Jane Roe on her new film": the person, then what they spoke about, labels the quote before it
# (the mirror of HEADLINE_LABEL's "Roe on the Budget: ‘…’"), the interview headline of features.
HEADLINE_RIGHT_ON = re.compile(rf"^\s*[:—–-]\s*(?P<who>{_NAME})\s+[Oo]n\s")
HEADLINE_RIGHT = re.compile(rf"^[,:]?\s*(?:(?P<cue1>[A-Za-z]+)\s+(?P<who1>{_NAME})|(?P<who2>{_NAME})\s+(?P<cue2>[A-Za-z]+))")


def attribute_headline(text: str, quotation: Quotation, line_end: int) -> _Attribution | None:
    """Headline patterns: "Roe Says ‘…’", "Roe: ‘…’", "‘…,’ Says Roe"."""
    line_start = text.rfind("\n", 0, quotation.open_mark) + 1
    before = text[line_start:quotation.open_mark]
    left = HEADLINE_LEFT_CUE.search(before)
    # "…, Calls Trump’s Remarks ‘…’": a phrase opening with a cue verb is no speaker's name.
    if left and left.group("cue").lower() in CUE_FORMS and left.group("who").split()[0].lower() not in CUE_FORMS:
        return _Attribution(mention_text=left.group("who"), cue=left.group("cue"), kind="headline")
    # A role in lower case, which the name patterns leave out: "Orchestra's new conductor promises ‘…’", with
    # a proper noun before it that says whose ("Kestrel coach praises ‘…’": the club's coach, not the rival's).
    left = HEADLINE_LEFT_ROLE.search(before)
    if left and left.group("cue").lower() in CUE_FORMS and _is_descriptor_word(_norm(left.group("role"))):
        return _Attribution(mention_text=left.group("who"), cue=left.group("cue"), kind="headline")
    left = HEADLINE_LABEL.match(before) or HEADLINE_LEFT_COLON.search(before)
    if left:
        words = left.group("who").split()
        # "Roe Warns Rivals: ‘…’": the speaker stands before the cue word.
        cue_at = next((i for i, w in enumerate(words) if w.lower() in CUE_FORMS and i > 0), None)
        if cue_at is not None:
            return _Attribution(mention_text=" ".join(words[:cue_at]), cue=words[cue_at], kind="headline")
        return _Attribution(mention_text=left.group("who"), kind="headline")
    if quotation.close_mark is not None:
        after = text[quotation.close_mark + 1:line_end]
        right = HEADLINE_RIGHT.match(after)
        if right:
            cue, who = (right.group("cue1"), right.group("who1")) if right.group("cue1") else \
                (right.group("cue2"), right.group("who2"))
            if cue and cue.lower() in CUE_FORMS:
                return _Attribution(mention_text=who, cue=cue, kind="headline")
        interview = HEADLINE_INTERVIEW.match(after) or HEADLINE_RIGHT_ON.match(after)
        if interview:
            return _Attribution(mention_text=interview.group("who"), kind="headline")
    return None


def label_in_quote(quotation: Quotation) -> str | None:
    """The speaker label a quoted transcript line starts with ("Jane Roe" in "“Jane Roe: Well, …”")."""
    label = LABEL_IN_QUOTE.match(quotation.text)
    return label.group("label") if label else None
