"""Step 1, marks: pair quotation marks paragraph by paragraph from the characters alone.

Stray marks are skipped locally, never raised (:func:`find_quotations`).  Also here: which
quotations are not speech (scare quotes, titles of works) and which are fragments inside the
reporter's own sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import (
    CLOSING_GLYPHS, CUE_FORMS, DOUBLE_MARKS, GLOSS_WORDS, GLOSSED_TERM_MAX_WORDS, INVISIBLE_FORMAT, LABEL_AS_VERBS,
    LABEL_VERBS, NAMING_VERBS, NICKNAME_NOUNS, OPENING_GLYPHS, SCARE_PREFIXES, SINGLE_MARKS, TERM_NOUNS,
    NAMED_THING_NOUNS, UNCLOSED_MIN_WORDS, WORK_NOUNS, WORK_PREPOSITIONS,
)


MARK_PATTERN = re.compile(r"``|''|[\"“”„‟«»‹›‘’‚‛'´`]")
# Characters that may stand before an opening mark / after a closing mark.
OPEN_CONTEXT = set("([{<—–-/…") | set(DOUBLE_MARKS) | set(SINGLE_MARKS)
CLOSE_CONTEXT = set(".,;:!?)]}>—–-/…") | set(DOUBLE_MARKS) | set(SINGLE_MARKS)
# Elisions that start with an apostrophe: ’90s, ’em, ’til.
ELISION = re.compile(r"(\d\d|em\b|til\b|tis\b|twas\b|cause\b|n\b|bout\b)", re.IGNORECASE)

OPEN, CLOSE, EITHER = "open", "close", "either"


@dataclass
class _Mark:
    start: int
    end: int
    family: str  # "double" or "single"
    role: str  # OPEN, CLOSE or EITHER
    weak: bool = False  # a closer that may be a plural possessive ("the troops’ families")


@dataclass
class Quotation:
    """A span between paired marks; ``start``/``end`` exclude the marks.

    >>> [(q.text, q.open_ended) for q in find_quotations('He said “no” today.')]
    [('no', False)]
    """

    start: int
    end: int
    text: str
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when it runs to the paragraph end
    paragraph: int  # index of the paragraph (non-empty line) it stands in
    chain: int | None = None  # shared by the paragraphs of one multi-paragraph quotation

    @property
    def open_ended(self) -> bool:
        return self.close_mark is None


def _visible_before(text: str, start: int) -> str:
    """The visible character before ``text[start]``, or a space at the start of the text."""
    index = start - 1
    while index >= 0 and text[index] in INVISIBLE_FORMAT:
        index -= 1
    return text[index] if index >= 0 else " "


def _visible_after(text: str, end: int) -> str:
    """The visible character at or after ``text[end]``, or a space at the end of the text."""
    while end < len(text) and text[end] in INVISIBLE_FORMAT:
        end += 1
    return text[end] if end < len(text) else " "


def _classify_mark(text: str, start: int, end: int) -> _Mark | None:
    """Family and direction of the mark at text[start:end] from its context, or None (apostrophe)."""
    glyph = text[start:end]
    family = "double" if glyph in DOUBLE_MARKS else "single"
    before, after = _visible_before(text, start), _visible_after(text, end)
    if family == "single" and before.isalnum() and after.isalnum():
        return None  # don’t, Oslo’s
    left_open = before.isspace() or before in OPEN_CONTEXT
    right_close = after.isspace() or after in CLOSE_CONTEXT
    # An opening mark is never followed by a space or by punctuation that ends a clause.
    opener_position = left_open and not after.isspace() and after not in ".,;:!?"
    closer_position = right_close and not before.isspace()
    if opener_position and not closer_position:
        role = OPEN
    elif closer_position and not opener_position:
        role = CLOSE
    elif glyph in OPENING_GLYPHS:
        role = OPEN
    elif glyph in CLOSING_GLYPHS:
        role = CLOSE
    else:
        role = EITHER
    if family == "single":
        if role == OPEN and ELISION.match(text, end):
            return None  # ’90s, ’em
        if start >= 2 and text[start - 1] in "nN" and text[start - 2] in SINGLE_MARKS:
            return None  # the second mark of "rock ’n’ roll"
        if role != CLOSE and before.isspace() and after.isspace():
            return None  # a lone ' between words is not a mark
        if role in (CLOSE, EITHER) and before in "sS" and after == " " and text[end + 1:end + 2].isalpha():
            return _Mark(start, end, family, role, weak=True)  # "the troops’ families"
    return _Mark(start, end, family, role)


# A line that ends without closing punctuation, followed by one that starts in lower case,
# is a hard wrap inside a paragraph, not a paragraph break.
LINE_END_PUNCTUATION = frozenset(".!?:;…)]") | DOUBLE_MARKS | SINGLE_MARKS


def _is_wrapped(line: str, next_line: str) -> bool:
    line, next_line = line.rstrip(), next_line.lstrip()
    return bool(line and next_line) and line[-1] not in LINE_END_PUNCTUATION and next_line[0].islower()


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph: a non-empty line, or hard-wrapped lines joined."""
    spans: list[tuple[int, int]] = []
    offset = 0
    previous_line = ""
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            if spans and _is_wrapped(previous_line, line) and spans[-1][1] == offset - 1 - \
                    (len(previous_line) - len(previous_line.rstrip())):
                spans[-1] = (spans[-1][0], offset + lead + len(stripped))
            else:
                spans.append((offset + lead, offset + lead + len(stripped)))
        previous_line = line
        offset += len(line) + 1
    return spans


def _pair_marks(marks: list[_Mark]) -> tuple[list[tuple[_Mark, _Mark]], list[_Mark]]:
    """Pairs of (opener, closer) and the openers left unclosed, using one stack.

    A closer pops to the nearest opener of its family, dropping strays above it;
    a closer with no opener is ignored: damage stays local to one mark.
    """
    pairs: list[tuple[_Mark, _Mark]] = []
    stack: list[_Mark] = []
    for index, mark in enumerate(marks):
        if mark.role in (CLOSE, EITHER):
            depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d].family == mark.family), None)
            if depth is not None:
                if mark.weak and any(m.family == mark.family and m.role != OPEN and not m.weak
                                     for m in marks[index + 1:]):
                    continue  # a possessive; the real closer comes later
                pairs.append((stack[depth], mark))
                del stack[depth:]
                continue
        if mark.role in (OPEN, EITHER):
            stack.append(mark)
    return pairs, stack


# Right after a closing mark: an attribution ("…,” she said", "…,” Jane Roe told", "…,” said Roe").
_ATTRIBUTION_AFTER = re.compile(
    r"\s*,?\s*(?:(?:he|she|they|the\s+\w+|(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*)\s+(?P<cue1>[a-z]+)"
    r"|(?P<cue2>[a-z]+)\s+(?:he|she|[A-Z]))")


def _word_final_apostrophe(text: str, mark: _Mark) -> bool:
    """A straight ' right after a letter other than "s", then a space: the last letter of a word
    ("Achieng' Oduor said", Luo and other names end in one), not a quote ending in mid-sentence —
    quoted speech before a tag ends in punctuation ("…,' Roe said"), a possessive in "s'"."""
    before = text[mark.start - 1:mark.start]
    return text[mark.start:mark.end] == "'" and before.isalpha() and before not in "sS" and \
        text[mark.end:mark.end + 1] == " "


def _lost_opening_mark(text: str, p_start: int, marks: list[_Mark],
                       pairs: list[tuple[_Mark, _Mark]]) -> _Mark | None:
    """A paragraph's first mark when it closes a quote whose opening mark was lost.

    "We will win,” Roe said." -> the quote runs from the paragraph start; only when an
    attribution follows, so an inch mark or a stray closer is still skipped.
    """
    if not marks or marks[0].role != CLOSE or marks[0].weak or any(c is marks[0] for _, c in pairs):
        return None
    if not re.search(r"\w", text[p_start:marks[0].start]):
        return None
    if _word_final_apostrophe(text, marks[0]):
        return None
    after = _ATTRIBUTION_AFTER.match(text, marks[0].end)
    cue = after and (after.group("cue1") or after.group("cue2"))
    return marks[0] if cue and cue in CUE_FORMS else None


def find_quotations(text: str) -> list[Quotation]:
    """Every outermost quotation in ``text``, in order; nested quotes stay inside.

    The news convention for quotes running over paragraphs (an opening mark on
    every paragraph, a closing mark only at the end) gives one quotation per
    paragraph, linked by ``chain``.

    >>> [q.text for q in find_quotations("“A ‘b’ c,” she said. 'D' isn't it")]
    ['A ‘b’ c,', 'D']
    """
    paragraphs = _paragraph_spans(text)
    per_paragraph: list[tuple[list[_Mark], list[tuple[_Mark, _Mark]], list[_Mark]]] = []
    for start, end in paragraphs:
        marks = [mark for match in MARK_PATTERN.finditer(text, start, end)
                 if (mark := _classify_mark(text, match.start(), match.end())) is not None]
        per_paragraph.append((marks, *_pair_marks(marks)) if marks else ([], [], []))

    quotations: list[Quotation] = []
    chain_id = 0
    open_chain: int | None = None
    for number, ((p_start, p_end), (marks, pairs, unclosed)) in enumerate(zip(paragraphs, per_paragraph)):
        spans: list[tuple[int, int, int, int | None]] = [(o.start, o.end, c.start, c.end) for o, c in pairs]
        lost_opening = _lost_opening_mark(text, p_start, marks, pairs)
        if lost_opening is not None:
            spans.append((p_start, p_start, lost_opening.start, lost_opening.end))
        # A quote left open at the paragraph end continues only if the next paragraph opens one
        # of the same family; an opener before the last closed quote is a stray, not that quote.
        chained = False
        last_close = max((c.end for _, c in pairs), default=p_start)
        # … unless those quotes are printed in the other style of marks and so nest inside it:
        # '"Roe isn’t about “equal justice” anymore.' (a straight quote, curly ones inside).
        candidates = [mark for mark in unclosed if mark.start >= last_close or all(
            _straight(text[o.start:o.end]) != _straight(text[mark.start:mark.end])
            for o, _ in pairs if o.start > mark.start)]
        if candidates and number + 1 < len(paragraphs):
            next_mark = MARK_PATTERN.match(text, paragraphs[number + 1][0])
            classified = next_mark and _classify_mark(text, next_mark.start(), next_mark.end())
            opener = next((m for m in candidates if classified and m.family == classified.family), None)
            if opener is not None and classified.role != CLOSE:
                spans.append((opener.start, opener.end, p_end, None))
                chained = True
        if candidates and not chained:
            # A double mark never closed in its paragraph opens a quote that runs to the paragraph's
            # end (the closing mark was lost), not a stray to drop.
            opener = next((m for m in candidates if m.family == "double"), None)
            words = re.findall(r"[\w’'-]+", text[opener.end:p_end]) if opener is not None else []
            # Not a separator in a title ("Harbor Deal Signed « City Desk"): words of a sentence.
            if len(words) >= UNCLOSED_MIN_WORDS and not _is_title_case(words):
                spans.append((opener.start, opener.end, p_end, None))
        spans.sort()
        outermost: list[tuple[int, int, int, int | None]] = []
        for span in spans:
            if outermost and span[0] < outermost[-1][2]:
                continue  # nested inside the previous quotation
            outermost.append(span)
        for open_start, open_end, close_start, close_end in outermost:
            content_start, content_end = open_end, close_start
            raw = text[content_start:content_end]
            content_start += len(raw) - len(raw.lstrip())
            content_end -= len(raw) - len(raw.rstrip())
            if not re.search(r"\w", text[content_start:content_end]):
                continue
            is_open_ended = close_end is None
            starts_paragraph = open_start == p_start
            chain = None
            if open_chain is not None and starts_paragraph:
                chain = open_chain
            if is_open_ended:
                if chain is None:
                    chain_id += 1
                    chain = chain_id
            quotations.append(Quotation(content_start, content_end, text[content_start:content_end],
                                        open_start, None if is_open_ended else close_start, number, chain))
        open_chain = next((q.chain for q in reversed(quotations) if q.paragraph == number and q.open_ended),
                          None) if chained else None
    return quotations


def _straight(glyph: str) -> bool:
    """True for a typewriter mark (", ', `` or ''), false for a typographic one (“ ” ‘ ’ « »)."""
    return glyph in ('"', "'", "``", "''", "`")


def _is_title_case(words: list[str], share: float = 1.0) -> bool:
    """True when (a ``share`` of) the words longer than three letters are capitalised."""
    content = [w for w in words if len(w) > 3 and not w.isdigit()]  # (a number has no case: "Plan 2030")
    return bool(content) and sum(w[0].isupper() for w in content) >= share * len(content)


def names_a_work(text: str, quotation: Quotation) -> bool:
    """True for a Title Case name after a possessor or a programme's preposition: "told WKRT's
    “Morning Desk.”", "said on “Weekend Report,”".

    Spoken words are neither owned by a possessor nor a place to appear on, so the marks name a work
    (a show, a column, a book), whatever punctuation American style moves inside them.  Not in a
    headline or a Title Case line ("Roe: Okafor’s ‘Reckless Gamble’"), where every word is capitalised.

    >>> text = 'Show\\n\\nRoe told WKRT’s “Morning Desk” that'
    >>> names_a_work(text, find_quotations(text)[0])
    True
    """
    words = re.findall(r"[\w’'-]+", quotation.text)
    if quotation.paragraph == 0 or not words or not words[0][:1].isupper() or not _is_title_case(words):
        return False
    line_start = text.rfind("\n", 0, quotation.open_mark) + 1
    line_end = text.find("\n", quotation.end)
    before = text[line_start:quotation.open_mark].rstrip()
    after = text[quotation.end + 1:len(text) if line_end < 0 else line_end] if quotation.close_mark is not None else ""
    # A Title Case line is judged by all its words, not by the few before the marks: "Friday on
    # KTVA’s “Morning Line,” Sen. Ana Roe said …" opens a body sentence with capitalised words.
    if _is_title_case(re.findall(r"[\w’'-]+", before + " " + after)):
        return False
    previous = before.split()[-1:]
    if previous and re.search(r"\w(?:[’']s|s[’'])$", previous[0]) is not None:
        return True
    # ... or after a preposition: "host of", "an interview with", "took the stage to" a work.  Not an
    # exclamation, which is chanted or cried, not a title: "chants of “Lock Them Up!”".
    if previous and previous[0].lower() in WORK_PREPOSITIONS and not quotation.text.rstrip(" ,").endswith("!"):
        return True
    # A work noun set off before the title, which the one-word test of is_not_speech would take for an
    # utterance ("her new film, “Driftwood.”"), or the title's author after it ("“The Long Shore,” by Ana
    # Roe"): words said have a speaker, not an author.
    set_off = re.findall(r"[a-z]+", before.lower())[-1:]
    # So does a noun for a publication, an outlet or a plan right before it, set off or not: "the report
    # “Silver Lining 2040”", "its regional channel, “Voice of the Coast”" (words said are no report's name);
    # not when the outlet is the one told: "told the radio station, “…”" gives words said to it.
    told = _TOLD_BEFORE.search(before) is not None
    return bool((before.endswith(",") and set_off and set_off[0] in WORK_NOUNS) or
                (set_off and set_off[0] in NAMED_THING_NOUNS and re.search(r"[a-z],?$", before) is not None and
                 not told) or
                re.match(r"[ \t]*by[ \t]+[A-Z]", after))


# A verb of telling or saying, then at most three words (the outlet's noun phrase) before the opening mark.
_TOLD_BEFORE = re.compile(r"(?<![\w’'-])(?:{})(?:[ \t]+[\w’'-]+){{0,3}}[ \t]*,?$".format("|".join(sorted(
    form for form in CUE_FORMS if " " not in form))), re.IGNORECASE)


# After a quotation: a comma and an indefinite noun phrase that classifies it as a word ("“lagom”, a
# Swedish word for …"), or a parenthesis that translates it ("“Fjellrose” (the name means …)").
_TERM_AFTER = re.compile(r"[ \t]*,[ \t]*(?:an?|the)[ \t]+(?P<phrase>[\w’' \t-]{1,60})")
_GLOSS_AFTER = re.compile(r"[ \t]*\(")
# A verb of naming (and "as" after one that takes it), then at most an article or a possessor, right before
# the opening mark: "call the “…”", "described as ‘…’", "known as “…”", "dubbed the city’s “…”".
_LABEL_BEFORE = re.compile(r"(?<![\w’'-])(?:(?:{})|(?:{})[ \t]+as)(?:[ \t]+(?:an?|the|[\w-]+[’']s?))?[ \t]*$".format(
    "|".join(sorted(LABEL_VERBS)), "|".join(sorted(LABEL_AS_VERBS))), re.IGNORECASE)


def mentions_a_term(text: str, quotation: Quotation) -> bool:
    """True when the quoted words are a word or a name the reporter mentions, not words anyone says:
    set beside a noun that names a name ("her nickname, “El Toro”"), right after a word of glossing
    ("a Norse word meaning “bay”"), classified as a word after it ("“lagom”, a Swedish word"), or a short
    Title Case name glossed in parentheses after it ("“Fjellrose” (the name means mountain rose)").

    >>> text = 'Body\\n\\nThey call the wind “brisa”, a local word for it.'
    >>> mentions_a_term(text, find_quotations(text)[0])
    True
    """
    if quotation.paragraph == 0 or quotation.close_mark is None:
        return False
    words = re.findall(r"[\w’'-]+", quotation.text)
    line_start = text.rfind("\n", 0, quotation.open_mark) + 1
    before = re.findall(r"[a-z-]+", text[max(line_start, quotation.open_mark - 40):quotation.open_mark].lower())[-1:]
    if quotation.text.rstrip()[-1:] in ".!?…":
        # a sentence said, even when a term follows ("“We will win,” a phrase she repeated"); so is a name
        # that ends one, as American style prints it: "called her by a nickname, “Gert.”" reports calling
        return False
    if before and (before[0] in NICKNAME_NOUNS or before[0] in GLOSS_WORDS):
        return True
    if len(words) > 4:
        return False
    if len(words) <= 3 and re.search(r",[ \t]+the[ \t]*$", text[line_start:quotation.open_mark]) and \
            text[quotation.close_mark + 1:quotation.close_mark + 2] in (",", "."):
        # an apposition that renames the noun before it with a definite article and the quoted words, "its
        # sample survey, the “quick tally”, which …": the name of the thing, mentioned, not said
        return True
    term = _TERM_AFTER.match(text, quotation.close_mark + 1)
    if term and any(word in TERM_NOUNS for word in term.group("phrase").split()[:4]):
        return True
    if not _GLOSS_AFTER.match(text, quotation.close_mark + 1) or quotation.text.rstrip()[-1:] in ",;:":
        return False
    if words[0][:1].isupper() and _is_title_case(words):
        return True
    # A short phrase with a short lower-case gloss in parentheses right after it, a translation: "known as
    # “oro nero” (black gold)" -- the words are mentioned as words of another language, no one says them.
    gloss = re.match(r"[ \t]*\((?P<gloss>[a-z][a-z’' -]*)\)", text[quotation.close_mark + 1:quotation.close_mark + 60])
    return len(words) <= GLOSSED_TERM_MAX_WORDS and gloss is not None and \
        len(gloss.group("gloss").split()) <= GLOSSED_TERM_MAX_WORDS


def label_shaped(quotation: Quotation) -> bool:
    """True for a body quotation that can be a label: a short noun phrase with no punctuation of a sentence."""
    return quotation.paragraph > 0 and quotation.close_mark is not None and \
        quotation.text.rstrip()[-1:] not in ".!?…,;:" and len(re.findall(r"[\w’'-]+", quotation.text)) <= 4


def label_verb(text: str, quotation: Quotation) -> int | None:
    """The offset of a verb of naming whose object complement the quotation is, a short noun phrase with
    no punctuation of a sentence ("what the leaflets call “white gold”", "known as “the Red Tide”"); None
    otherwise.  Whether the words are a name given or words said depends on who names (``article``)."""
    if not label_shaped(quotation):
        return None
    line_start = text.rfind("\n", 0, quotation.open_mark) + 1
    match = _LABEL_BEFORE.search(text, line_start, quotation.open_mark)
    return match.start() if match else None


def is_not_speech(text: str, quotation: Quotation) -> bool:
    """True for scare quotes (one word, "so-called") and titles of works.

    >>> is_not_speech('a film called “Red Sky”', find_quotations('a film called “Red Sky”')[0])
    True
    """
    words = re.findall(r"[\w’'-]+", quotation.text)
    if names_a_work(text, quotation) or mentions_a_term(text, quotation):
        return True
    if len(words) < 2:
        # One word is a scare quote, unless it is an utterance of its own: “Never.” / ‘Finally,’ she said.
        return not (quotation.text.rstrip()[-1:] in ".!?,…" and not is_partial(text, quotation, False))
    line_start = text.rfind("\n", 0, quotation.open_mark) + 1
    before = text[max(line_start, quotation.open_mark - 40):quotation.open_mark].lower().rstrip()
    before = re.split(r"[.!?…](?:\s+|$)", before)[-1]  # "… the adventure movie. “I was …”": the previous sentence's words
    if before.endswith(SCARE_PREFIXES):
        return True
    previous = re.findall(r"[a-z-]+", before)[-2:]
    # A title starts with a capital; "called the film “an act of love.”" quotes what was said of it.
    titled = not quotation.text.lstrip()[:1].islower()
    # (not a sentence after a colon: "… for netball title: ‘We played for her’" labels words, as
    # "Roe: ‘…’" does; a work's title after a colon is Title Case: "New album: ‘Blue Harbour Nights’")
    if previous and previous[-1] in WORK_NOUNS and titled and not (before.endswith(":") and not _is_title_case(words)):
        return True
    if len(previous) == 2 and previous[-2] in WORK_NOUNS and previous[-1] in ("titled", "called", "named") \
            and titled:
        return True
    last_char = quotation.text.rstrip()[-1:]
    if previous and previous[-1] in NAMING_VERBS and _is_title_case(words) and last_char not in ".,!?":
        return True
    # The same after the "as" of "known as", with a place or a time between ("known in the capital as
    # “Green Roofs 2030”", "called by its makers as …"): the naming verb's "as" introduces a name.
    recent = re.findall(r"[a-z-]+", before)[-5:]
    if recent and recent[-1] == "as" and any(w in NAMING_VERBS for w in recent[:-1]) and _is_title_case(words) and \
            last_char not in ".,!?":
        return True
    # A Title Case phrase inside a body sentence, with no punctuation of its own and no attribution
    # after it, names something: “debut feature “The Quiet Year” was made …”.
    if quotation.paragraph > 0 and quotation.close_mark is not None and words[0][:1].isupper() and \
            _is_title_case(words) and last_char not in ".!?…;:" and is_partial(text, quotation, False):
        after = _ATTRIBUTION_AFTER.match(text, quotation.close_mark + 1)
        cue = after and (after.group("cue1") or after.group("cue2"))
        return not (cue and cue in CUE_FORMS)
    return False


def is_partial(text: str, quotation: Quotation, headline: bool) -> bool:
    """True when the quotation is a fragment inside the reporter's own sentence."""
    if headline:
        return True
    line_start = text.rfind("\n", 0, quotation.open_mark) + 1
    before = text[line_start:quotation.open_mark]
    # Only the reporter's words since the last sentence end or closing mark count.
    before = re.split(r"[.!?…]\s+|[”\"’'»]\s+", before)[-1].strip()
    if not re.search(r"\w", before):
        return False
    return not before.endswith((":", ",", "—", "–"))

def _only_quotation(quotation: Quotation, text: str, paragraphs: list[tuple[int, int]]) -> bool:
    """True when the quotation's paragraph holds no reporter's words beside it."""
    if quotation.paragraph == 0:
        return False
    p_start, p_end = paragraphs[quotation.paragraph]
    outside = text[p_start:quotation.open_mark] + text[quotation.end:p_end]
    return not re.search(r"[^\W\d_]{2,}", re.sub(r"[”\"’'»]", "", outside))
