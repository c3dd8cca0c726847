"""Find direct quotations and their speakers: a spaCy pipeline component.

The component ``quotes`` sets ``doc._.quotes`` (a list of :class:`Mention`) and
``doc._.people`` (a list of :class:`Person`, every person the article names).
Everything downstream works on these plain dataclasses, never on spaCy objects.

The work runs in four steps, each a section of this module:

1. *Marks*: pair quotation marks paragraph by paragraph from the characters alone
   (:func:`find_quotations`); stray marks are skipped locally, never raised.
2. *People*: every person the article names, with aliases, roles and gender hints,
   from NER, title + name sequences and subjects of cue verbs, and names NER calls a
   place or organisation when a relative's name, an age ("MacLeod, 83,") or a following
   "he"/"she" says person (:func:`find_people`).
3. *Attribution*: for each quotation, a cue verb and its subject from the
   dependency parse ("X said", "said X", "X said: “…”", a cue governing a fragment),
   "according to X", a colon after a clause about a person or a transcript's speaker label
   ("Okoro: “…”"), a bare manner verb after a comma quote ("“…,” she laughed."), headline
   patterns (a lower-case role too: "Orchestra's new conductor promises ‘…’"),
   and continuation (the same paragraph, a quote-only paragraph, indirect speech
   just before, every paragraph of a multi-paragraph quote).
4. *Resolution*: the speaker mention ("he", "the transport secretary", "Mr. Roe")
   becomes the fullest name the article gives, by salience, roles and surnames.
   Salience counts names, quote speakers, definite role subjects of any sentence
   ("The minister added that …" is the person given that role) and unnamed people
   introduced as subjects ("A farmer, who asked not to be named, said …"), who take
   a following pronoun for nobody.  A pronoun prefers a candidate of its known gender
   over one of unknown gender at similar salience; a known mismatch is excluded.  A
   surname two people share goes to the one named nearest, or of the pronoun's gender.
   The reporter's own "he"/"she" subjects are resolved in reading order and count as
   mentions (a sentence-opening one continues the paragraph's previous main subject).  A
   pronoun attributing a quote first takes the latest subject of its paragraph; with nobody
   mentioned for several sentences, the person the article names most; with nobody named
   yet, the person named just after ("“…,” she said. Nurse Aisha Khan has …").

Example::

    >>> nlp = load_nlp()
    >>> doc = nlp('Headline\\n“We will win,” Jane Doe said.')
    >>> [(m.text, m.speaker) for m in doc._.quotes]
    [('We will win,', 'Jane Doe')]
"""

from __future__ import annotations

import bisect
import functools
import logging
import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

logger = logging.getLogger(__name__)

# Bump when extraction output can change: `quotes reindex` re-extracts older articles.
EXTRACTOR_VERSION = "0.6"

METHODS = ("explicit", "pronoun", "role", "continuation", "headline", "according-to", "cluster", "none")


@dataclass
class Mention:
    """One direct quotation as printed in one article."""

    start: int  # offsets into the text the doc was made from, without the marks
    end: int
    text: str
    speaker: str | None = None  # fullest name the article gives the person; None if unknown or not a person
    speaker_mention: str | None = None  # as printed where attributed: "he", "Ms. Varga", "the council"
    speaker_role: str | None = None  # role the article gives that person: "Transport Secretary"
    cue: str | None = None  # the cue verb as printed: "said", "told", "according to"
    method: str = "none"  # one of METHODS
    partial: bool = False  # a fragment embedded in the reporter's own sentence
    confidence: float = 0.0


@dataclass
class Person:
    """A person the article names, with every way it names them."""

    name: str  # fullest form: "Lena K. Varga"
    aliases: list[str] = field(default_factory=list)  # "Ms. Varga", "Varga", "Transport Secretary Lena K. Varga"
    roles: list[str] = field(default_factory=list)  # "Transport Secretary", "the ministry chief"


# ---------------------------------------------------------------------------
# Lexicons: everything that tunes behaviour, in one place.
# ---------------------------------------------------------------------------

# Lemmas of verbs that introduce reported speech ("X said", "X warned that ...").
CUE_VERBS = frozenset("""
    say tell add reply echo promise warn insist note continue explain argue claim declare state
    write ask acknowledge admit announce assert concede confirm contend deny emphasize emphasise
    observe predict recall remark report respond reiterate stress suggest testify tweet post vow
    urge caution complain conclude joke quip lament boast counter retort shout whisper yell
    scream mutter exclaim recount agree threaten pledge wonder muse maintain allege believe
    describe call answer comment elaborate concur pronounce proclaim repeat affirm assure
    accuse thank praise criticize criticise condemn denounce decry dismiss hail slam blast welcome
""".split())

# Cue forms as printed in headlines and surface fallbacks, where the parse of
# title-case text is unreliable: "Smith Says ‘…’", "‘…,’ warns Smith".
_IRREGULAR_CUE_FORMS = {"say": ("says", "said"), "tell": ("tells", "told"), "write": ("writes", "wrote")}


def _cue_forms() -> frozenset[str]:
    forms: set[str] = set()
    for lemma in CUE_VERBS:
        if lemma in _IRREGULAR_CUE_FORMS:
            forms.update(_IRREGULAR_CUE_FORMS[lemma])
            continue
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        third = lemma[:-1] + "ies" if lemma.endswith("y") and lemma[-2] not in "aeiou" else (
            lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "o")) else lemma + "s")
        past = lemma[:-1] + "ied" if lemma.endswith("y") and lemma[-2] not in "aeiou" else stem + "ed"
        forms.update((third, past))
    return frozenset(forms)


CUE_FORMS = _cue_forms()

# Nouns right before a quotation that make it the title of a work, not speech.
WORK_NOUNS = frozenset("""
    book film movie song album novel show series play poem article episode documentary podcast
    column essay memoir opera musical painting exhibition slogan hashtag headline titled entitled
    dubbed nicknamed title collection anthology single track sculpture installation programme
    program game
""".split())
# "called"/"named" introduce a title only when the quoted words look like one (Title Case).
NAMING_VERBS = frozenset({"called", "named", "known", "labelled", "labeled", "branded"})
SCARE_PREFIXES = ("so-called", "so called")
# How far (tokens) a cue verb the parse does not link to the quote may stand from its marks:
# "“…,” Sen. Maria Lopez, D-Ore., said" needs 9.
CUE_MAX_DISTANCE = 10
# A sentence this short right after a closing mark is the quote's attribution ("Roe asked.").
ATTRIBUTION_SENTENCE_TOKENS = 6

# Words of a title before a name ("Transport Secretary", "Gen.", "Mr."); lower case, no dot.
TITLE_WORDS = frozenset("""
    mr mrs ms miss mx dr sir dame prof professor gen general lt lieutenant col colonel maj major
    capt captain sgt sergeant cpl corporal pvt private adm admiral cmdr commander brig brigadier
    sen senator rep representative gov governor president vice secretary minister chairman
    chairwoman chair chief director judge justice speaker mayor ambassador commissioner attorney
    prosecutor rev reverend father pope king queen prince princess sheikh sheik ayatollah imam
    rabbi bishop cardinal premier chancellor inspector superintendent officer detective coach ceo
    spokesman spokeswoman spokesperson deputy assistant acting former lord lady baron gunnery
    marshal envoy councillor councilman councilwoman congressman congresswoman lawmaker manager
    head leader executive founder chairperson supt insp det pm boss cllr constable sheriff alderman
    trooper magistrate headteacher headmaster headmistress pastor cr registrar
""".split())
# Honorifics carry gender but are not roles.
HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "mx": None, "dr": None, "sir": "m",
              "dame": "f", "lord": "m", "lady": "f", "king": "m", "queen": "f", "prince": "m",
              "princess": "f", "congressman": "m", "congresswoman": "f", "chairwoman": "f",
              "spokeswoman": "f", "spokesman": "m", "councilwoman": "f", "councilman": "m"}
NOT_ROLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "former", "acting"})
ABBREVIATIONS = {"gen": "general", "adm": "admiral", "sen": "senator", "rep": "representative",
                 "gov": "governor", "lt": "lieutenant", "col": "colonel", "capt": "captain",
                 "sgt": "sergeant", "maj": "major", "prof": "professor", "cmdr": "commander",
                 "brig": "brigadier", "cpl": "corporal", "pvt": "private", "rev": "reverend",
                 "supt": "superintendent", "cllr": "councillor", "cr": "councillor", "insp": "inspector", "det": "detective",
                 "chair": "chairman",
                 "chairwoman": "chairman", "chairperson": "chairman", "pm": "minister"}
# Role heads that name the same kind of office ("the ministry chief" ~ "Transport Secretary").
ROLE_SYNONYMS: tuple[frozenset[str], ...] = tuple(frozenset(group.split()) for group in (
    "secretary minister chief head director leader boss chairman commissioner administrator",
    "president leader",
    "general commander chief",
    "admiral commander chief",
    "senator lawmaker",
    "representative congressman congresswoman lawmaker",
    "governor",
    "spokesman spokeswoman spokesperson",
    "premier leader",
    "executive ceo chief head boss",
    "mayor",
    "judge justice",
    "coach manager",
    "prosecutor attorney",
    "ambassador envoy",
))

PERSONAL_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
POSSESSIVE_PRONOUNS = {"his": "m", "her": "f"}
# Nouns that only name people; with gender where the noun gives it ("Her son, Mateo," -> m).
PERSON_NOUNS = {
    "son": "m", "husband": "m", "father": "m", "brother": "m", "uncle": "m", "nephew": "m", "grandson": "m",
    "grandfather": "m", "boyfriend": "m", "widower": "m", "daughter": "f", "wife": "f", "mother": "f",
    "sister": "f", "aunt": "f", "niece": "f", "granddaughter": "f", "grandmother": "f", "girlfriend": "f",
    "widow": "f", "child": None, "friend": None, "neighbor": None, "neighbour": None, "colleague": None,
    "partner": None, "cousin": None, "resident": None, "victim": None, "witness": None, "student": None,
    "teacher": None, "doctor": None, "nurse": None, "parent": None, "spouse": None, "fan": None,
    "agent": None, "consultant": None, "employee": None, "trustee": None, "nominee": None, "veteran": None,
    "candidate": None, "incumbent": None, "patient": None, "survivor": None, "official": None,
    "analyst": None, "expert": None, "pilot": None, "diplomat": None, "athlete": None, "academic": None,
    "chef": None, "barista": None, "priest": None, "nun": "f", "monk": "m", "tourist": None, "pupil": None,
}
INDEFINITE_DETERMINERS = frozenset({"a", "an", "one", "another", "some", "any"})
# Name-internal particles that stay lowercase: "Abu Karim al-Nasser", "Ursula von der Leyen".
NAME_PARTICLES = frozenset({"al", "al-", "el", "bin", "ibn", "van", "von", "der", "de", "da", "du", "del",
                            "della", "di", "la", "le", "dos", "das", "ter", "ten"})
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# Words that make a capitalised sequence an organisation or place, never a person.
ORG_WORDS = frozenset("""
    pentagon house ministry department agency council committee party government army navy force
    forces police court university institute inc corp company group association union bank news
    times post press reuters coalition command office state states nations organization
    organisation foundation commission bureau service network fund center centre senate congress
    parliament kremlin administration embassy military club league federation airlines hospital
    school college board authority guard corps marines media daily journal channel tv radio
    camp base airport airbase province street square city county district region river island
    bridge hotel stadium gazette herald tribune telegraph chronicle guardian cross motors airline airways
    systems technologies industries holdings partners labs laboratories pharmaceuticals energy
    foods insurance capital ventures studios records trust charity society clinic church mosque
    temple ministries brands group
""".split())
# Capitalised words next to names in attributions ("said Roe Tuesday").  Weekdays only:
# months double as names (April Ryan, Theresa May).
CALENDAR_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
NON_PERSON_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART",
                               "LAW", "LANGUAGE", "DATE", "TIME", "MONEY", "QUANTITY", "ORDINAL",
                               "CARDINAL", "PERCENT"})

# Attribution confidence by method.  Hand-set, not calibrated: the order follows how often each
# method was right on the seeds and the invented articles of tests/test_extract.py.
CONFIDENCE = {"explicit": 0.9, "according-to": 0.85, "headline": 0.75, "continuation": 0.8,
              "pronoun": 0.7, "role": 0.65, "none": 0.3}
# Salience weights for pronoun/role resolution: a quote's speaker and a subject outrank
# objects and possessors; weight halves with every sentence of distance.  Hand-set and
# checked against the pronoun tests (subject beats a later object; the previous speaker
# beats a name in an object position; a name inside quoted words counts little).
SALIENCE_SPEAKER = 3.0
SALIENCE_SUBJECT = 2.0
SALIENCE_OTHER = 1.0
SALIENCE_DECAY = 0.5
SALIENCE_WINDOW_SENTENCES = 8
SALIENCE_IN_QUOTE = 0.25
SALIENCE_REPEAT = 0.25
# A pronoun goes to a candidate of its known gender over a top candidate of unknown
# gender when that candidate has at least this share of the top score.
SALIENCE_GENDER_MARGIN = 0.5
# Below this score nobody has been mentioned for several sentences (a subject three sentences
# back scores 0.25): a pronoun then goes to the person the article names most often.
SALIENCE_TOPIC_BELOW = 0.125


# ---------------------------------------------------------------------------
# 1. Marks: pair quotation marks from the characters alone.
# ---------------------------------------------------------------------------

DOUBLE_MARKS = frozenset({"“", "”", '"', "„", "‟", "«", "»", "``", "''"})
SINGLE_MARKS = frozenset({"‘", "’", "'", "‚", "‛", "‹", "›", "´", "`"})
OPENING_GLYPHS = frozenset({"“", "„", "‟", "«", "``", "‘", "‚", "‛", "‹", "`"})
CLOSING_GLYPHS = frozenset({"”", "»", "''", "’", "›"})
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


def _classify_mark(text: str, start: int, end: int) -> _Mark | None:
    """Family and direction of the mark at text[start:end] from its context, or None (apostrophe)."""
    glyph = text[start:end]
    family = "double" if glyph in DOUBLE_MARKS else "single"
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
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
        candidates = [mark for mark in unclosed if mark.start >= last_close]
        if candidates and number + 1 < len(paragraphs):
            next_mark = MARK_PATTERN.match(text, paragraphs[number + 1][0])
            classified = next_mark and _classify_mark(text, next_mark.start(), next_mark.end())
            opener = next((m for m in candidates if classified and m.family == classified.family), None)
            if opener is not None and classified.role != CLOSE:
                spans.append((opener.start, opener.end, p_end, None))
                chained = True
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


def _is_title_case(words: list[str], share: float = 1.0) -> bool:
    """True when (a ``share`` of) the words longer than three letters are capitalised."""
    content = [w for w in words if len(w) > 3]
    return bool(content) and sum(w[0].isupper() for w in content) >= share * len(content)


def is_not_speech(text: str, quotation: Quotation) -> bool:
    """True for scare quotes (one word, "so-called") and titles of works.

    >>> is_not_speech('a film called “Red Sky”', find_quotations('a film called “Red Sky”')[0])
    True
    """
    words = re.findall(r"[\w’'-]+", quotation.text)
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
    if previous and previous[-1] in WORK_NOUNS and titled:
        return True
    if len(previous) == 2 and previous[-2] in WORK_NOUNS and previous[-1] in ("titled", "called", "named") \
            and titled:
        return True
    last_char = quotation.text.rstrip()[-1:]
    if previous and previous[-1] in NAMING_VERBS and _is_title_case(words) and last_char not in ".,!?":
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


# ---------------------------------------------------------------------------
# 2. People: who the article names, with aliases, roles and gender.
# ---------------------------------------------------------------------------


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


def _is_title(token: Token) -> bool:
    return _norm(token.text) in TITLE_WORDS


def _role_head(word: str) -> str:
    word = _norm(word)
    return ABBREVIATIONS.get(word, word)


def _is_name_token(token: Token) -> bool:
    text = token.text
    if not text[:1].isupper():
        return False
    if token.pos_ == "PROPN" or (len(text) == 2 and text[1] == "."):
        return True  # a proper noun or a middle initial "T."
    return text.isalpha() and token.tag_ in ("NNP", "NNPS")


def _particles_then_name(doc: Doc, index: int) -> bool:
    """True when lowercase name particles from ``index`` leftwards follow a name word."""
    while index > 0 and doc[index].lower_ in NAME_PARTICLES:
        index -= 1
    return _is_name_token(doc[index]) and doc[index].lower_ not in NAME_PARTICLES


def _name_after_particles(doc: Doc, index: int) -> bool:
    """True when lowercase name particles from ``index`` rightwards precede a name word."""
    while index < len(doc) - 1 and doc[index].lower_ in NAME_PARTICLES:
        index += 1
    return _is_name_token(doc[index]) and doc[index].lower_ not in NAME_PARTICLES


def _name_run(token: Token) -> list[Token]:
    """The capitalised run (titles included) around a name token, within its clause.

    "Chairman of the Harbor Board Adm. Ruth Calloway" from "Calloway".
    """
    doc = token.doc
    left = token.i
    while left > 0:
        prev = doc[left - 1]
        if (_is_name_token(prev) and _norm(prev.text) not in CALENDAR_WORDS) or _is_title(prev):
            left -= 1
        elif prev.lower_ in NAME_PARTICLES and _particles_then_name(doc, left - 1):
            left -= 1  # "Abu Karim al-Nasser", "Ursula von der Leyen"
        elif prev.dep_ in ("compound", "amod") and prev.is_alpha and left <= prev.head.i <= token.i and \
                _is_title(prev.head):
            left -= 1  # "press secretary Dana Whitfield"
        elif prev.text in ("-", "‐") and not prev.whitespace_ and left > 1 and not doc[left - 2].whitespace_:
            left -= 1
        else:
            # "Secretary of State Jane Roe", "Chairman of the Harbor Board Adm. Ruth Calloway"
            k = left - 1
            if doc[k].lower_ == "the":
                k -= 1
            if k > 0 and doc[k].lower_ == "of" and (_is_title(doc[k - 1]) or (
                    _is_name_token(doc[k - 1]) and any(_is_title(t) for t in doc[left:token.i]))):
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
        elif nxt.lower_ in NAME_PARTICLES and _name_after_particles(doc, right + 1):
            right += 1
        elif nxt.text in ("-", "‐") and not doc[right].whitespace_ and not nxt.whitespace_ and \
                right + 2 < len(doc) and _is_name_token(doc[right + 2]):
            right += 2  # "Ortega-Ruiz" when NER stops at "Ortega"
        elif nxt.lower_ in NAME_SUFFIXES or nxt.lower_.rstrip(".") in NAME_SUFFIXES:
            right += 1
        else:
            break
    return list(doc[left:right + 1])


def _words(tokens: Iterable[Token], keep_possessive: bool = False) -> list[str]:
    """Words as printed, so "al", "-", "Nasser" stay "al-Nasser"; possessives dropped unless kept."""
    tokens = [t for t in tokens if keep_possessive or t.text not in ("’s", "'s")]
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
    for index, token in enumerate(run[:core - 1]):
        if _is_title(token) or token.lower_ in ("of", "the") or (
                token.text[:1].islower() and token.is_alpha and token.lower_ not in NAME_PARTICLES):
            last_title = index  # a lowercase word is never inside a name: "Dunmore goalkeeper Aaron Fitch"
    title, name = run[:last_title + 1], run[last_title + 1:]
    while name and name[-1].text in ("’s", "'s", "’", "'"):
        name = name[:-1]
    if name and name[-1].ent_type_ == "PERSON":
        while len(name) > 1 and name[0].ent_type_ in NON_PERSON_LABELS:
            title, name = title + [name[0]], name[1:]
    # A capitalised descriptor before a name: "Novelist Irene Vasquez", "Passenger Ruth Okonjo", when NER
    # leaves it out of the PERSON entity; at a sentence start, where NER often takes it in ("Fisherman
    # Tobias Renner", "Resident Gwen Talbot"), only endings no first name has count (-er/-or/-ian would
    # take Walter, Victor, Julian), or a word the article also uses in lower case ("Bus drivers …
    # Driver Kwame Asante").
    while len(name) > 2 and _is_descriptor_word(name[0].lower_) and name[-1].ent_type_ in ("", "PERSON") and (
            (name[0].ent_iob_ == "O" and name[1].ent_iob_ == "B" and name[1].ent_type_ == "PERSON") or
            (name[0].is_sent_start and (name[0].lower_ in PERSON_NOUNS or
                                        name[0].lower_.endswith(("ist", "man", "woman", "person", "eer")) or
                                        name[0].lower_ in _lowercase_lemmas(name[0].doc))) or
            name[0].text in _recurring_prefixes(name[0].doc)):
        title, name = title + [name[0]], name[1:]
    # An acronym is never a first name: "Local MLA Sunita Chauhan", "DJB chief Rakesh Malhotra".
    while len(name) > 2 and name[0].is_alpha and name[0].is_upper and 3 <= len(name[0].text) <= 5:
        title, name = title + [name[0]], name[1:]
    # "Registrar of Voters Teresa Quan": after "of", a word NER leaves outside the name belongs to the title.
    if len(name) > 2 and title and title[-1].lower_ in ("of", "the") and name[0].ent_iob_ == "O" and \
            name[1].ent_iob_ == "B" and name[1].ent_type_ == "PERSON":
        title, name = title + [name[0]], name[1:]
    return title, name


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


def _clean_role(tokens: list[Token] | Span) -> str | None:
    words = _words((t for t in tokens if not t.is_punct or t.text in ("-", "’s", "'s")), keep_possessive=True)
    while words and words[0].lower() in ("the", "a", "an", "its", "his", "her", "their"):
        words = words[1:]
    if words and all(_norm(w) in NOT_ROLES for w in words):
        return None
    # Honorifics before a rank are not part of the role: "Mr." in "Mr. President".
    while words and _norm(words[0]) in NOT_ROLES - {"former", "acting"}:
        words = words[1:]
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
    return heads


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


@dataclass
class _PersonRecord:
    """A person being assembled while reading the article."""

    name_words: list[str]
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    gender: str | None = None

    @property
    def surname(self) -> str:
        return _surname_of(self.name_words)

    @property
    def first(self) -> str | None:
        return _norm(self.name_words[0]) if len(self.name_words) > 1 else None

    @property
    def name(self) -> str:
        return " ".join(self.name_words)

    def add_alias(self, alias: str) -> None:
        if alias and alias not in self.aliases:
            self.aliases.append(alias)

    def add_role(self, role: str | None) -> None:
        if role and role not in self.roles:
            self.roles.append(role)


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

    def add(self, name_words: list[str], alias: str, role: str | None = None,
            gender: str | None = None) -> int:
        """Record a naming; return the person's index."""
        surname = _surname_of(name_words)
        first = _norm(name_words[0]) if len(name_words) > 1 else None
        match = None
        for index in range(len(self.records) - 1, -1, -1):
            record = self.records[index]
            if record.surname != surname:
                continue
            if first and record.first and not (first == record.first or
                                               (len(first) == 1 and record.first.startswith(first)) or
                                               (len(record.first) == 1 and first.startswith(record.first))):
                continue
            match = index
            break
        if match is None and len(name_words) == 1:
            match = self._by_first_name(name_words[0])
        if match is None:
            self.records.append(_PersonRecord(list(name_words)))
            match = len(self.records) - 1
        record = self.records[match]
        if len(name_words) > len(record.name_words):
            record.name_words = list(name_words)
        record.add_alias(alias)
        record.add_role(role)
        if gender and not record.gender:
            record.gender = gender
        return match

    def _by_first_name(self, word: str) -> int | None:
        """The one person whose first name is ``word`` ("Tomas" for Tomas Berger), if unique."""
        matches = [i for i, r in enumerate(self.records) if r.first == _norm(word) and len(r.name_words) > 1]
        return matches[0] if len(matches) == 1 else None

    def merge_first_names(self) -> None:
        """Fold a person named only by a first name into the one full name that starts with it."""
        for index in range(len(self.records) - 1, -1, -1):
            record = self.records[index]
            if len(record.name_words) != 1:
                continue
            target = self._by_first_name(record.name_words[0])
            if target is None or target == index:
                continue
            full = self.records[target]
            for alias in [record.name, *record.aliases]:
                full.add_alias(alias)
            for role in record.roles:
                full.add_role(role)
            full.gender = full.gender or record.gender
            del self.records[index]

    def find(self, words: list[str]) -> int | None:
        """The person a (possibly partial) name refers to, the latest named on ties."""
        found = self.find_all(words)
        return found[0] if found else None

    def find_all(self, words: list[str]) -> list[int]:
        """Every person a (possibly partial) name may refer to, latest named first.

        More than one when people share a surname and only the surname is printed.
        """
        words = [w for w in words if w not in ("’s", "'s") and w[:1].isalpha()]
        while len(words) > 1 and _norm(words[0]) in TITLE_WORDS:
            words = words[1:]  # "Gen. Raman" -> "Raman"; a lone "King" stays a surname
        if not words:
            return []
        surname = _surname_of(words)
        given = [w for w in words[:-1] if w.lower() not in NAME_PARTICLES]  # "von der Leyen": no first name
        first = _norm(given[0]) if given else None
        found = [index for index in range(len(self.records) - 1, -1, -1)
                 if self.records[index].surname == surname and
                 (not first or not self.records[index].first or self.records[index].first[0] == first[0])]
        if not found and len(words) == 1:
            by_first = self._by_first_name(words[0])
            return [by_first] if by_first is not None else []
        return found

    def people(self) -> list[Person]:
        return [Person(r.name, [a for a in r.aliases if a != r.name], list(r.roles)) for r in self.records]


# Endings of nouns for people by what they do: "banker", "analyst", "historian", "chairman".
ROLE_NOUN_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "person")
# ... and common nouns with those endings that name things ("the letter said").
NOT_ROLE_NOUNS = frozenset("""
    letter paper order number power matter center filter border river water tower computer register
    quarter chapter trailer poster banner sticker corner meter cover monitor indicator sector factor
    motor mirror error floor door report tutor weather summer winter
    operator carrier provider regulator manufacturer retailer supplier distributor lender insurer
    broadcaster publisher exporter importer wholesaler
""".split())


def _is_role_noun(token: Token) -> bool:
    """A singular noun that names a person by office, job or relation: "chairman", "analyst", "son"."""
    if token.pos_ not in ("NOUN", "PROPN") or token.tag_ in ("NNS", "NNPS"):
        return False
    lemma = _norm(token.lemma_)
    if lemma in TITLE_WORDS or lemma in PERSON_NOUNS:
        return True
    return lemma.endswith(ROLE_NOUN_SUFFIXES) and lemma not in NOT_ROLE_NOUNS and lemma not in ORG_WORDS


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
    tokens = [t for t in head.subtree if t.i not in cut and (stop is None or t.i < stop) and not t.is_punct]
    return _clean_role(tokens[:12])


def _appositive_role(token: Token) -> str | None:
    """Role given by an apposition: "Jane Roe, the chairman of X," -> "chairman of X"."""
    for child in token.children:
        if child.dep_ == "appos" and _is_role_noun(child) and not _is_name_token(child):
            return _role_phrase(child)
    if token.dep_ == "appos" and (_is_title(token.head) or (_is_role_noun(token.head) and
                                                            not _is_name_token(token.head))):
        return _role_phrase(token.head, stop=_name_run(token)[0].i)  # "The Prime Minister, Helen Marsh,"
    if token.dep_ in ("dobj", "nsubjpass"):
        # "named Elena Sokolova as its new conductor", "Roe was appointed as chief executive"
        for prep in token.head.children:
            if prep.dep_ == "prep" and prep.lower_ == "as" and prep.i > token.i:
                role = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if role is not None and _is_role_noun(role) and not _is_name_token(role):
                    return _role_phrase(role)
    return None


def _name_heads(doc: Doc, body_start: int, capitalised: list[Token]) -> set[int]:
    """Token indices that end a person's name.

    NER alone misses unusual names, so also: capitalised words after a title
    ("Gen. Raman"), names with a role apposition ("Roe, the chairman"), and
    multi-word names or cue-verb subjects that NER does not call a place or thing.
    """
    heads: set[int] = set()
    family_names: set[str] = set()  # surnames of multi-word PERSON entities
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.start_char >= body_start:
            head = max((t for t in ent if _is_name_token(t) and t.text not in ("’s", "'s")),
                       key=lambda t: t.i, default=None)
            if head is not None:
                heads.add(head.i)
                if head.i > ent.start:
                    family_names.add(_surname_key(head.text))
    # ... and of names printed with an age: "Brannock, 71," makes "Eilidh Brannock" (ORG) a person.
    family_names.update(_surname_key(t.text) for t in capitalised if _has_age_apposition(t))
    # ... and of names whose last word alone is the subject of a cue verb elsewhere: "striker Amara
    # Diallo" (ORG) with "“…,” Diallo said." (an organisation goes by its first word, never its last).
    family_names.update(_surname_key(t.text) for t in capitalised
                        if t.dep_ == "nsubj" and t.head.lemma_.lower() in CUE_VERBS and _is_name_token(t) and
                        not (t.i > 0 and _is_name_token(doc[t.i - 1])) and
                        not (t.i + 1 < len(doc) and _is_name_token(doc[t.i + 1])))
    for token in capitalised:
        if token.idx < body_start:
            continue
        if _is_title(token) and token.i + 1 < len(doc) and _is_name_token(doc[token.i + 1]):
            end = token.i + 1
            while end + 1 < len(doc) and _is_name_token(doc[end + 1]) and not _is_title(doc[end + 1]):
                end += 1
            if not _is_title(doc[end]):
                heads.add(end)
            continue
        if not _is_name_token(token) or _is_title(token):
            continue
        if token.i + 1 < len(doc) and _is_name_token(doc[token.i + 1]):
            continue  # not the last word of a name
        subject = token.dep_ in ("nsubj", "nsubjpass")
        if subject and token.head.lemma_.lower() in CUE_VERBS and (token.ent_type_ in ("", "PERSON") or (
                token.ent_type_ == "ORG" and not any(c.dep_ == "det" for c in token.children))):
            heads.add(token.i)  # an ORG subject may be a mislabelled person, but not "The Kenya Red Cross"
        elif subject and token.ent_type_ in ("", "PERSON") and len(_split_title(_name_run(token))[1]) >= 2:
            heads.add(token.i)
        elif subject and token.ent_type_ == "ORG" and _titled_full_name(token):
            heads.add(token.i)  # "France captain Antoine Girard was blunt": NER said ORG, the title says person
        elif subject and token.ent_type_ == "ORG" and len(_split_title(_name_run(token))[1]) >= 2 and any(
                t.lower_ in ("his", "her", "himself", "herself") for t in token.head.subtree if t.i > token.i):
            heads.add(token.i)  # "Unai Emery praised his players": NER said ORG, "his" says person
        elif token.ent_type_ in ("ORG", "GPE", "LOC", "FAC") and (
                _surname_key(token.text) in family_names or (subject and _next_subject_is_he_or_she(token))) and \
                not any(c.dep_ == "det" for c in token.children) and \
                len(name := _split_title(_name_run(token))[1]) >= 2 and not _looks_like_org(_words(name)):
            # "Agnes MacLeod" (ORG) beside "Donald MacLeod", with "MacLeod, 83,", or followed by "she says"
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


def _of_phrase_owner(noun: Token) -> Token:
    """The noun an "of" phrase hangs from: "president" for "union" in "the president of the union"."""
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ == "of" and \
            noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
    return noun


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


# Relatives who, named by a first name alone, share the surname of the person they are related to.
FAMILY_NOUNS = frozenset("""
    son daughter husband wife father mother brother sister widow widower grandson granddaughter child
""".split())


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


def _titled_full_name(token: Token) -> bool:
    """True when a title stands before a first name and surname ending at ``token``."""
    title, name = _split_title(_name_run(token))
    return len(name) >= 2 and bool(title) and _is_title(title[-1]) and not _looks_like_org(_words(name))


def find_people(doc: Doc, body_start: int = 0) -> PeopleIndex:
    """Every person ``doc`` names, with aliases, roles, gender and every mention (for salience).

    New people come from ``body_start`` on (a title-case headline tags every word a
    proper noun); the headline's namings still count as mentions of known people.
    """
    index = PeopleIndex()
    capitalised = [token for token in doc if token.text[:1].isupper()]  # names and titles start so
    # First words of organisation names ("Velora Motors", "Harbor Trust"): alone, they name the organisation.
    org_short_names = {_norm(token.text) for token in capitalised
                       if token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper() and
                       _norm(doc[token.i + 1].text) in ORG_WORDS and not _is_title(token)}
    for head_i in sorted(_name_heads(doc, body_start, capitalised)):
        token = doc[head_i]
        run = _name_run(token)
        title, name = _split_title(run)
        name_words = _words(name)
        if not name_words or not name[-1].text[:1].isupper():
            continue
        label = name[-1].ent_type_
        if label in NON_PERSON_LABELS and title and title[-1].ent_type_ == label and title[-1].ent_iob_ != "O":
            continue  # "General Motors", "Justice Department": the title word belongs to the name of a thing
        has_title = any(_is_title(t) for t in title)
        # A person noun in apposition overrides NER's label: "Her son, Mateo," (Mateo: GPE).
        person_apposition = name[-1].dep_ == "appos" and name[-1].head.pos_ == "NOUN" and (
            _norm(name[-1].head.lemma_) in PERSON_NOUNS or _is_role_noun(name[-1].head))
        if PARTY_TAG.fullmatch(" ".join(name_words)):
            continue  # "R-Texas" after a senator's name
        if all(w.isupper() and len(w) <= 4 for w in name_words):
            continue  # an acronym ("PM", "FBI"), not a name
        if _looks_like_org(name_words) or (label in NON_PERSON_LABELS and not has_title and len(name_words) < 2
                                           and not person_apposition):
            continue
        if len(name_words) == 1 and not has_title and _norm(name_words[0]) in org_short_names:
            continue  # "Velora said" after "Velora Motors"
        gender = next((HONORIFICS[_norm(t.text)] for t in title if HONORIFICS.get(_norm(t.text))), None)
        if gender is None and name[-1].dep_ == "appos":
            gender = PERSON_NOUNS.get(_norm(name[-1].head.lemma_))
        family_name = _family_surname(name[-1], index) if len(name_words) == 1 and not has_title else None
        if family_name:
            name_words = name_words + [family_name]  # "Price's widow, Susan," -> "Susan Price"
        role = _clean_role(title) if title else None
        person = index.add(name_words, _phrase(run), role, gender)
        index.records[person].add_role(_appositive_role(name[-1]))
        before = doc[run[0].i - 1] if run[0].i > 0 else None
        if before is not None and before.pos_ == "NOUN" and before.dep_ == "compound" and \
                before.head.i in {t.i for t in name} and _is_role_noun(before):
            index.records[person].add_role(before.text)  # "Goalkeeper Tim Hale" (a common noun, not a title)
    index.merge_first_names()
    # Every naming, including bare surnames, counts for salience and lengthens the name.
    keys = {record.surname for record in index.records} | {r.first for r in index.records if r.first}
    last_seen: dict[int, int] = {}
    for token in capitalised:
        # A known surname counts even when the tagger calls it a common noun ("Mendes told": NNS);
        # at a sentence start only as a subject ("Linares urged", not "Brown bears").
        if _surname_key(token.text) not in keys or not (_is_name_token(token) or (
                token.pos_ == "NOUN" and (not token.is_sent_start or token.dep_ in ("nsubj", "nsubjpass")))):
            continue
        if token.i + 1 < len(doc) and _is_name_token(doc[token.i + 1]) and \
                _norm(doc[token.i + 1].text) not in NAME_SUFFIXES:
            continue  # not the last word of the name
        run = _name_run(token)
        _, name = _split_title(run)
        words = _words(name) or [token.text]
        candidates = index.find_all(words)
        if not candidates:
            continue
        # A surname two people share ("Morrow" for Elspeth and Callum Morrow) is the one named last.
        found = max(candidates, key=lambda c: (last_seen.get(c, -1), c))
        last_seen[found] = token.i
        if len(candidates) > 1:
            index.alternatives[token.i] = candidates
        record = index.records[found]
        if token.idx >= body_start and len(words) > len(record.name_words) and \
                all(_is_name_token(t) for t in name) and index.find(words[-1:]) == found and \
                not _looks_like_org(words):
            record.name_words = words
        if run:
            record.add_alias(_phrase(run))
        subject = token.dep_ in ("nsubj", "nsubjpass") or (
            token.dep_ == "appos" and token.head.dep_ in ("nsubj", "nsubjpass"))  # "Her son, Mateo, disagrees"
        weight = SALIENCE_SUBJECT if subject else SALIENCE_OTHER
        index.occurrences.append((token.i, found, weight))
    index.occurrences.sort()
    return index


# ---------------------------------------------------------------------------
# 3. Attribution: cue verb and speaker mention for each quotation.
# ---------------------------------------------------------------------------


@dataclass
class _Attribution:
    mention: Span | None = None  # the speaker as printed
    mention_text: str | None = None  # for headline patterns, which have no reliable parse
    cue: str | None = None
    kind: str = "explicit"  # explicit, according-to, headline


def _inside(token: Token, spans: list[tuple[int, int]]) -> bool:
    """True when the token starts inside one of ``spans`` (sorted, non-overlapping char spans)."""
    index = bisect.bisect_right(spans, (token.idx, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= token.idx < spans[index][1]


def _past_hyphens(token: Token) -> Token:
    """The head of a hyphenated word the parser split: "co" in "co-author" -> "author", or the name
    it modifies ("added co-author Raj Patel" -> "Patel")."""
    doc = token.doc
    index = token.i
    while index + 2 < len(doc) and doc[index + 1].text in ("-", "‐") and not doc[index].whitespace_ \
            and not doc[index + 1].whitespace_ and doc[index + 2].is_alpha:
        index += 2
    if index == token.i:
        return token
    word = doc[index]
    while word.dep_ == "compound" and word.head.i > word.i:
        word = word.head
    return word if _is_name_token(word) or word.i == index else doc[index]


def _subject_of(verb: Token) -> Token | None:
    """The subject of a cue verb, through shared subjects of conjoined/adverbial verbs."""
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ != "SCONJ" and not child.is_punct and \
                    child.text[:1].isalnum() and child.tag_ not in ("WP", "WDT"):
                return _past_hyphens(child)
        if current.dep_ == "relcl":
            return current.head  # "Roe, who said ..."
        if current.head.lower_ == "as" and current.head.head.lemma_ == "quote":
            # "Reuters quoted Roe as saying …": the speaker is the one quoted.
            for child in current.head.head.children:
                if child.dep_ in ("dobj", "nsubjpass"):
                    return child
        if current.dep_ == "advcl" and current.tag_ == "VBG":
            # "X confirmed that …, saying “…”": the participle shares the main clause's subject,
            # even when the parser hangs it on an embedded verb.
            current = current.sent.root
            continue
        if current.dep_ in ("conj", "advcl", "xcomp", "pcomp") and current.head.pos_ in ("VERB", "AUX"):
            current = current.head
            continue
        break
    # Inverted "…,” said Jane Roe." with no nsubj: the name after the verb.
    for child in verb.children:
        if child.i > verb.i and child.dep_ in ("dobj", "attr", "npadvmod", "dep", "appos") and \
                (child.pos_ in ("PROPN", "PRON") or child.lower_ in PERSONAL_PRONOUNS):
            return child
    return None


# A party and state after a politician's name: "D-N.M.", "R-Texas", "I-Vt.".
PARTY_TAG = re.compile(r"[DRI]-[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?")


def _party_tag_start(token: Token) -> int | None:
    """Index of the first token of a party tag ("R-Texas") that ``token`` is part of, if any."""
    doc = token.doc
    for start in range(token.i, max(-1, token.i - 4), -1):
        match = PARTY_TAG.match(doc.text, doc[start].idx)
        if match and doc[start].idx <= token.idx < match.end() and (
                doc[start].idx == 0 or not doc.text[doc[start].idx - 1].isalnum()):
            return start
    return None


def _mention_span(token: Token) -> Span:
    """The noun phrase naming a speaker, without relative clauses or appositions.

    A role noun with a name in apposition ("The club’s captain, Leo Martins,") gives the
    name; conjoined subjects ("Roe and Okafor") give the whole coordination.
    """
    if token.pos_ == "PRON":
        return token.doc[token.i:token.i + 1]
    while _norm(token.text) in CALENDAR_WORDS and token.i > 0 and _is_name_token(token.doc[token.i - 1]):
        token = token.doc[token.i - 1]  # "said Harold Finch Tuesday" parsed with Tuesday as the subject
    tag_start = _party_tag_start(token)
    if tag_start is not None and tag_start >= 2 and token.doc[tag_start - 1].text == "," and \
            _is_name_token(token.doc[tag_start - 2]):
        token = token.doc[tag_start - 2]  # "Sen. Mark Ellis, R-Texas, called …" parsed with Texas as the subject
    if not _is_name_token(token) or _is_title(token):
        for child in token.children:
            if child.dep_ == "appos" and _is_name_token(child) and not _is_title(child):
                token = child
                break
    conjuncts = [c for c in token.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON")]
    if conjuncts:
        return token.doc[_mention_span_bounds(token)[0]:_mention_span_bounds(conjuncts[-1])[1] + 1]
    left, right = _mention_span_bounds(token)
    return token.doc[left:right + 1]


def _mention_span_bounds(token: Token) -> tuple[int, int]:
    if token.pos_ == "PRON":
        return token.i, token.i
    left = token.i
    for child in token.lefts:
        if child.dep_ in ("compound", "flat", "det", "amod", "poss", "nmod", "nummod", "case", "punct") and \
                not child.is_punct:
            left = min(left, child.left_edge.i)
    right = token.i
    for child in token.rights:
        if child.dep_ in ("flat", "compound") or (child.dep_ == "case" and child.i == right + 1):
            right = max(right, child.i)
    run = _name_run(token) if _is_name_token(token) else []
    if run:
        left = min(left, run[0].i)
        right = max(right, run[-1].i)
    return left, right


# Verbs that report speech only with the particle "back": "Roe shot back", "fired back", "hit back".
CUE_WITH_BACK = frozenset({"shoot", "fire", "hit", "snap", "push"})


def _is_cue(token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    return lemma in CUE_VERBS or (lemma in CUE_WITH_BACK and any(
        c.i == token.i + 1 and c.lower_ == "back" for c in token.children))


def _according_to(tokens: Iterable[Token]) -> Token | None:
    """The X of "according to X" or "in the words of X"."""
    for token in tokens:
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
    ("“…,” X said" / "X said: “…”").
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
    for token in span:
        if token.head.i in inside:
            continue
        for ancestor in [token.head, *token.head.ancestors]:
            if ancestor.i in inside or _inside(ancestor, quote_spans):
                continue
            if _is_cue(ancestor):
                subject = _subject_of(ancestor)
                if subject is not None and not _inside(subject, quote_spans):
                    return _Attribution(_mention_span(subject), cue=ancestor.text)
                break
    # (b) "according to X" in the reporter's words.
    according = _according_to(context)
    if according is not None and not _inside(according, quote_spans):
        return _Attribution(_mention_span(according), cue="according to", kind="according-to")
    # (c) The cue verb nearest the marks, in the reporter's words of the same sentence(s).
    open_token = doc.char_span(quotation.open_mark, quotation.open_mark + 1, alignment_mode="expand")
    anchor_before = open_token[0].i if open_token is not None else span.start
    anchor_after = span.end
    cues = [t for t in context if _is_cue(t)]
    cues.sort(key=lambda t: min(abs(t.i - anchor_after), abs(anchor_before - t.i)))
    for cue in cues:
        if min(abs(cue.i - anchor_after), abs(anchor_before - cue.i)) > CUE_MAX_DISTANCE:
            break
        subject = _subject_of(cue)
        if subject is not None and not _inside(subject, quote_spans):
            return _Attribution(_mention_span(subject), cue=cue.text)
        speaker = _adjacent_speaker(doc, cue, quote_spans)
        if speaker is not None:
            return _Attribution(speaker, cue=cue.text)
    # (c') No cue verb, but a bare "subject + verb." tag right after a quote that ends in a comma,
    # "?" or "!": the verb says how it was said ("“…,” she laughed.", "“…!” Roe sighed.").
    manner = _manner_tag(doc, quotation, anchor_after, quote_spans)
    if manner is not None:
        return manner
    # (d) No cue, but a clause about a person introduces the quote with a colon:
    # "Roe's deputy, Ben Adler, was blunter: “…”".
    return _colon_introduction(doc, anchor_before, quote_spans)


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
    colon = open_index - 1
    while colon >= 0 and doc[colon].is_space:
        colon -= 1
    if colon < 1 or doc[colon].text != ":":
        return None
    sentence_start = doc[colon - 1].sent.start
    clause = doc[sentence_start:colon]
    # A transcript's speaker label opening the line: "Okoro: “…”", "Ms. McLeish: “…”".
    line_start = sentence_start == 0 or "\n" in doc[sentence_start - 1].text_with_ws
    label = [t for t in clause if not t.is_punct or t.text == "."]
    if line_start and 0 < len(label) <= 4 and len(label) == len(clause) and len(label[-1].text) > 1 and \
            all(_is_name_token(t) or _is_title(t) for t in label) and _is_name_token(label[-1]):
        return _Attribution(_mention_span(label[-1]), cue=None)
    if any(t.lemma_ == "quote" for t in clause):
        return None  # "… ended by quoting her father: “…”": someone else's words
    # The verb nearest the colon that has a subject of its own.
    for verb in reversed(clause):
        if verb.pos_ not in ("VERB", "AUX") or _inside(verb, quote_spans):
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or _inside(subject, quote_spans):
            continue
        subject = _speech_owner(subject) or subject  # "Fox's reply was blunt: “…”"
        if subject.pos_ == "PRON" and subject.lower_ not in PERSONAL_PRONOUNS:
            return None
        return _Attribution(_mention_span(subject), cue=None)
    # No verb: "Her answer: “…”".
    owner = _speech_owner(doc[colon - 1])
    if owner is not None and not _inside(owner, quote_spans):
        return _Attribution(_mention_span(owner), cue=None)
    return None


# Nouns for what someone said: "Her answer: “…”", "Fox's reply was blunt: “…”".
SPEECH_NOUNS = frozenset("""
    answer reply response retort message verdict comment remark remarks words advice warning
    explanation assessment conclusion plea view
""".split())


def _speech_owner(token: Token) -> Token | None:
    """The possessor of a speech noun ("Fox" in "Fox's reply"), when it is a person word."""
    if token.lemma_.lower() not in SPEECH_NOUNS and token.lower_ not in SPEECH_NOUNS:
        return None
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None or not (_is_name_token(owner) or owner.lower_ in PERSONAL_PRONOUNS):
        return None
    return owner


def _adjacent_speaker(doc: Doc, cue: Token, quote_spans: list[tuple[int, int]]) -> Span | None:
    """Fallback when the parse gives the cue no subject: the speaker printed right beside it.

    A name or pronoun next to the cue, or a definite description between a closing
    mark and the cue ("…,” the 54-year-old said").
    """
    for offset in (-1, 1, 2, -2):
        index = cue.i + offset
        if 0 <= index < len(doc):
            token = doc[index]
            if _inside(token, quote_spans) or token.is_punct:
                continue
            if token.lower_ in PERSONAL_PRONOUNS or _is_name_token(token):
                return _mention_span(_name_run(token)[-1] if _is_name_token(token) else token)
    start = cue.i
    while start > 0 and cue.i - start < ATTRIBUTION_SENTENCE_TOKENS and not _inside(doc[start - 1], quote_spans) \
            and not (doc[start - 1].is_punct and doc[start - 1].text not in ("-", "‐")):
        start -= 1
    if start < cue.i and doc[start].lower_ == "the":
        return doc[start:cue.i]
    return None


_NAME = r"[A-Z][\w.’'\-]*(?:\s+(?:&\s+|and\s+)?[A-Z][\w.’'\-]*)*"
# "Roe Says ‘…’" / "Roe Warns: ‘…’" / "Roe: ‘…’" before the quote; "‘…,’ Roe Says" / "‘…,’ Says Roe" after.
HEADLINE_LEFT_CUE = re.compile(rf"(?P<who>{_NAME})\s+(?P<cue>[A-Za-z]+)\s*:?\s*$")
HEADLINE_LEFT_ROLE = re.compile(
    r"(?:^|\s)(?P<who>(?:[A-Z][\w\-]*(?:’s|'s)\s+)?(?:[a-z][\w\-]*\s+){0,2}(?P<role>[a-z][a-z\-]+))"
    r"\s+(?P<cue>[a-z]+)\s*:?\s*$")
HEADLINE_LEFT_COLON = re.compile(rf"(?P<who>{_NAME})\s*:\s*$")
# "‘…’: a conversation with Mayor Jane Roe", "“…” — An Interview With Jane Roe".
HEADLINE_INTERVIEW = re.compile(
    rf"^[,:]?\s*[:—–-]?\s*(?:[Aa]n?\s+)?(?:[Cc]onversation|[Ii]nterview|Q\s*&\s*A|[Cc]hat|[Tt]alk)\s+[Ww]ith\s+"
    rf"(?P<who>{_NAME})")
HEADLINE_RIGHT = re.compile(rf"^[,:]?\s*(?:(?P<cue1>[A-Za-z]+)\s+(?P<who1>{_NAME})|(?P<who2>{_NAME})\s+(?P<cue2>[A-Za-z]+))")


def attribute_headline(text: str, quotation: Quotation, line_end: int) -> _Attribution | None:
    """Headline patterns: "Roe Says ‘…’", "Roe: ‘…’", "‘…,’ Says Roe"."""
    line_start = text.rfind("\n", 0, quotation.open_mark) + 1
    before = text[line_start:quotation.open_mark]
    left = HEADLINE_LEFT_CUE.search(before)
    if left and left.group("cue").lower() in CUE_FORMS:
        return _Attribution(mention_text=left.group("who"), cue=left.group("cue"), kind="headline")
    # A role in lower case, which the name patterns leave out: "Orchestra's new conductor promises ‘…’".
    left = HEADLINE_LEFT_ROLE.search(before)
    if left and left.group("cue").lower() in CUE_FORMS and _is_descriptor_word(_norm(left.group("role"))):
        return _Attribution(mention_text=left.group("who"), cue=left.group("cue"), kind="headline")
    left = HEADLINE_LEFT_COLON.search(before)
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
        interview = HEADLINE_INTERVIEW.match(after)
        if interview:
            return _Attribution(mention_text=interview.group("who"), kind="headline")
    return None


# ---------------------------------------------------------------------------
# 4. Resolution: from the speaker as printed to the person.
# ---------------------------------------------------------------------------


class Resolver:
    """Resolves speaker mentions to people of one article, by name, pronoun or role."""

    def __init__(self, doc: Doc, people: PeopleIndex, quote_spans: list[tuple[int, int]] | None = None) -> None:
        self.doc = doc
        self.people = people
        self.speakers: list[tuple[int, int]] = []  # (token index, person) of attributed quotes so far
        self.quote_spans = quote_spans or []
        self.sentence_starts = [sentence.start for sentence in doc.sents]
        # Unnamed people introduced as subjects ("A local chief, who asked not to be named, said …"):
        # (token index, negative id, gender).  They compete for pronouns, and win them for nobody.
        self.anonymous: list[tuple[int, int, str | None]] = []
        # "he"/"she" as the subject of the reporter's own sentences ("She came to the island in 1961"):
        # resolved in reading order when first needed (after the quote speakers before them are
        # known), then counted as a mention of that person, so the person a narrative follows
        # stays salient through it.
        self.pronoun_subjects: list[int] = []
        self.pronoun_mentions: list[tuple[int, int, float]] = []
        self._pronouns_done = 0
        self._add_role_subjects()
        self.pronoun_subjects = [t.i for t in doc if not _inside(t, self.quote_spans) and (
            (t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass")) or
            (t.lower_ in POSSESSIVE_PRONOUNS and t.dep_ == "poss" and t.i == t.sent.start and
             t.head.dep_ in ("nsubj", "nsubjpass") and t.head.head.dep_ == "ROOT"))]

    def _add_role_subjects(self) -> None:
        """A definite role noun as a subject ("The minister added that …", "The senator later said")
        is a mention of the person the article gave that role: it enters salience as that person."""
        added = False
        for token in self.doc:
            if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ != "NOUN" or not _is_role_noun(token) \
                    or _inside(token, self.quote_spans):
                continue
            mention = _mention_span(token)
            if mention.root.i != token.i or not mention:
                continue  # a name in apposition (counted as a name)
            named = any(t.ent_type_ == "PERSON" and _is_name_token(t)
                        for child in token.children if child.dep_ == "appos" for t in child.subtree)
            if mention[0].lower_ in INDEFINITE_DETERMINERS and _describes_person(token, mention) and not named:
                # ("Another resident, Col Harbhajan Sandhu, said": the apposition names them)
                lemma = _norm(token.lemma_)
                self.anonymous.append((token.i, -1 - len(self.anonymous),
                                       PERSON_NOUNS.get(lemma) or HONORIFICS.get(lemma)))
                continue
            if mention[0].lower_ != "the":
                continue  # "his son"
            person = self._by_role(token, [t for t in mention if not t.is_punct], token.i)
            if person is not None:
                self.people.occurrences.append((token.i, person, SALIENCE_SUBJECT))
                added = True
        if added:
            self.people.occurrences.sort()

    def _salience(self, before: int, gender: str | None = None,
                  allowed: set[int] | None = None) -> list[tuple[float, int]]:
        """Candidates before token ``before``, best first: subjects and speakers, decaying with distance."""
        self._resolve_pronoun_subjects(before)
        current = bisect.bisect_right(self.sentence_starts, before) - 1
        contributions: dict[int, list[float]] = {}
        events = [(i, p, w) for i, p, w in self.people.occurrences if i < before]
        events += [(i, p, w) for i, p, w in self.pronoun_mentions if i < before]
        events += [(i, p, SALIENCE_SPEAKER) for i, p in self.speakers if i < before]
        if allowed is None:
            events += [(i, p, SALIENCE_SUBJECT) for i, p, _ in self.anonymous if i < before]
        anonymous_gender = {p: g for _, p, g in self.anonymous}
        for token_i, person, weight in events:
            distance = current - (bisect.bisect_right(self.sentence_starts, token_i) - 1)
            if distance > SALIENCE_WINDOW_SENTENCES:
                continue
            known = anonymous_gender.get(person) if person < 0 else self.people.records[person].gender
            if gender and known and known != gender and token_i in self.people.alternatives:
                # A shared surname ("Pappas … she"): the bearer of the pronoun's gender.
                person = next((p for p in self.people.alternatives[token_i]
                               if self.people.records[p].gender in (None, gender)), person)
                known = self.people.records[person].gender
            if gender and known and known != gender:
                continue
            if allowed is not None and person not in allowed:
                continue
            if _inside(self.doc[token_i], self.quote_spans):
                weight = SALIENCE_IN_QUOTE  # a name inside someone's words is rarely the next speaker
            contributions.setdefault(person, []).append(weight * SALIENCE_DECAY ** distance)
        # The strongest mention decides; repeated mentions add a little (topic persistence).
        scores = {person: max(values) + SALIENCE_REPEAT * (sum(values) - max(values))
                  for person, values in contributions.items()}
        return sorted(((score, person) for person, score in scores.items()), reverse=True)

    def _named_next(self, after: int, gender: str | None) -> int | None:
        """The first person named after token ``after``, outside quotations, in the next two
        sentences, if its known gender does not exclude it."""
        current = bisect.bisect_right(self.sentence_starts, after) - 1
        for i, person, _ in self.people.occurrences:
            if i <= after or _inside(self.doc[i], self.quote_spans):
                continue
            if bisect.bisect_right(self.sentence_starts, i) - 1 - current > 2:
                return None
            known = self.people.records[person].gender
            return None if gender and known and known != gender else person
        return None

    def _topic(self, before: int, gender: str | None) -> int | None:
        """The person named most often before token ``before`` (outside quotations), if one is named
        more often than anyone else and its known gender does not exclude it."""
        counts: dict[int, int] = {}
        for i, person, _ in self.people.occurrences:
            if i < before and not _inside(self.doc[i], self.quote_spans):
                counts[person] = counts.get(person, 0) + 1
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        known = self.people.records[ranked[0][0]].gender
        return None if gender and known and known != gender else ranked[0][0]

    def _paragraph_subject(self, before: int, gender: str | None, main_only: bool = False) -> int | None:
        """The person (or unnamed person, < 0) of the latest subject mention in the paragraph of
        token ``before`` and before it, outside quotations, whose known gender does not differ;
        with ``main_only``, subjects of main clauses only ("Roe said Jones …": Roe)."""
        text = self.doc.text
        paragraph_start = text.rfind("\n", 0, self.doc[before].idx) + 1
        events = [(i, p) for i, p, w in self.people.occurrences if w == SALIENCE_SUBJECT]
        events += [(i, p) for i, p, _ in self.pronoun_mentions]
        events += [(i, p) for i, p, _ in self.anonymous]
        events = [(i, p) for i, p in events if i < before and self.doc[i].idx >= paragraph_start
                  and not _inside(self.doc[i], self.quote_spans)]
        anonymous_gender = {p: g for _, p, g in self.anonymous}
        for i, person in sorted(events, reverse=True):
            if main_only:
                subject = self.doc[i].head if self.doc[i].dep_ == "appos" else self.doc[i]
                if subject.head.dep_ != "ROOT":
                    continue
            known = anonymous_gender.get(person) if person < 0 else self.people.records[person].gender
            if not (gender and known and known != gender):
                return person
        return None

    def _resolve_pronoun_subjects(self, before: int) -> None:
        """Resolve the reporter's subject pronouns before token ``before`` that are not resolved yet."""
        while self._pronouns_done < len(self.pronoun_subjects) and \
                self.pronoun_subjects[self._pronouns_done] < before:
            index = self.pronoun_subjects[self._pronouns_done]
            self._pronouns_done += 1  # first, so the salience below does not come back to it
            # The subject of a main clause continues the paragraph's previous subject ("Silva signed
            # on Friday. He said …"); an embedded one ("Pell asked what she had received") goes by salience.
            token = self.doc[index]
            possessive = token.dep_ == "poss"  # "Her neighbour, Carl Dunn, helped …"
            main_clause = possessive or (token.head.dep_ == "ROOT" and not any(
                t.dep_ in ("nsubj", "nsubjpass") for t in self.doc[token.sent.start:index]))
            gender = POSSESSIVE_PRONOUNS.get(token.lower_) or PERSONAL_PRONOUNS[token.lower_]
            person = None if main_clause else self._reporting_subject(token, gender)
            if person is None:
                person = self._resolve_pronoun(gender, index, token.sent.start if main_clause else None, True)
            if person is not None:
                self.pronoun_mentions.append((index, person, SALIENCE_OTHER if possessive else SALIENCE_SUBJECT))

    def _reporting_subject(self, pronoun: Token, gender: str) -> int | None:
        """The person who reports the clause a pronoun is the subject of, when the article names them:
        "Maya said she had not chosen" -> Maya; not for questions ("Pell asked what she had received")."""
        clause = pronoun.head
        if clause.dep_ != "ccomp" or not _is_cue(clause.head) or clause.head.lemma_.lower() in ("ask", "wonder"):
            return None
        subject = next((c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.i > pronoun.i:
            return None
        inside = {t.i for t in subject.subtree}
        events = [(i, p) for i, p, _ in self.people.occurrences if i in inside]
        events += [(i, p) for i, p, _ in self.pronoun_mentions if i in inside]
        if not events:
            return None
        person = min(events, key=lambda e: abs(e[0] - subject.i))[1]
        known = self.people.records[person].gender
        if known and known != gender:
            return None
        self.people.records[person].gender = gender  # "Greaves told the inquiry she had …": Greaves is "she"
        return person

    def _resolve_pronoun(self, gender: str, at: int, local_before: int | None,
                         main_only: bool) -> int | None:
        """The person a "he"/"she" at token ``at`` refers to (see :meth:`resolve`), or None."""
        ranked = self._salience(at, gender)
        local = None if local_before is None else \
            self._paragraph_subject(local_before, gender, main_only)
        if local is not None:
            # "Roe said the plan was in place. “…,” she said.": the latest subject of the
            # pronoun's paragraph, when its gender does not exclude it, is who it means.
            ranked = [(float("inf"), local)] + [r for r in ranked if r[1] != local]
        elif not ranked:
            # Nobody named yet: a feature's opening "“…,” she said. Nurse Aisha Khan has …"
            # names the speaker just after.
            following = self._named_next(at, gender)
            if following is not None:
                ranked = [(float("inf"), following)]
        elif ranked[0][0] < SALIENCE_TOPIC_BELOW:
            # Nobody was mentioned for several sentences: the pronoun picks up the person
            # the article is about ("In 2011 the city honored him. … he said then.").
            topic = self._topic(at, gender)
            if topic is not None:
                ranked = [(float("inf"), topic)] + [r for r in ranked if r[1] != topic]
        if ranked and ranked[0][1] < 0:
            return None  # the unnamed person just introduced
        if ranked:
            person = ranked[0][1]
            if self.people.records[person].gender is None:
                # A candidate of the pronoun's known gender beats one of unknown gender
                # at similar salience ("she" after "the minister" and "Lloyd").
                person = next((p for score, p in ranked if p >= 0 and self.people.records[p].gender == gender
                               and score >= SALIENCE_GENDER_MARGIN * ranked[0][0]), person)
            # Learn the gender only from a clear winner: a wrong guess would spread.
            clear = len(ranked) == 1 or ranked[0][0] >= 2 * ranked[1][0]
            if clear and not self.people.records[person].gender:
                self.people.records[person].gender = gender
            return person
        return None

    def resolve(self, mention: Span | None, mention_text: str | None, at: int,
                local_before: int | None = -1, main_only: bool = False) -> tuple[int | None, str]:
        """(person index or None, method) for a speaker mention at token ``at``.

        A pronoun goes first to the latest subject (of a main clause, with ``main_only``) of its
        paragraph before token ``local_before`` (``at`` when -1; not at all when None), then by salience.
        """
        if local_before == -1:
            local_before = at
        if mention is not None:
            words = [t for t in mention if not t.is_punct]
            head = mention.root
            if head.pos_ not in ("NOUN", "PROPN", "PRON") and words:
                head = words[-1]  # a misparsed description: "the 54-year-old" rooted at "the"
            if head.lower_ in PERSONAL_PRONOUNS and len(words) == 1:
                return self._resolve_pronoun(PERSONAL_PRONOUNS[head.lower_], at, local_before, main_only), "pronoun"
            if any(t.dep_ == "conj" and t.head.i >= mention.start for t in mention):
                return None, "explicit"  # "Roe and Okafor": collectives are never a speaker
            if len(words) == 2 and words[0].lower_ == "the" and _is_demonym(head) and \
                    not self.people.find_all([head.text]):
                # "the Frenchman said", "the Brazilian added": a description of someone in the story.
                ranked = self._salience(at)
                return (ranked[0][1] if ranked and ranked[0][1] >= 0 else None), "role"
            # A surname the article gives a person is a name even when tagged a common noun ("Mendes": NNS).
            known_name = head.pos_ in ("NOUN", "PROPN") and head.text[:1].isupper() and not _is_title(head) \
                and len(words) == 1 and bool(self.people.find_all([head.text]))
            if head.pos_ == "PRON" or (head.tag_ in ("NNS", "NNPS") and not known_name):
                return None, "explicit"  # they, officials: collectives are never a speaker
            # "the Democrat", "the Spaniard": a nationality or party describes, it does not name.
            names = [t for t in words if _is_name_token(t) and not _is_title(t) and t.ent_type_ != "NORP"]
            if known_name or (_is_name_token(head) and head.ent_type_ != "NORP") or (names and names[-1].i == head.i):
                _, name = _split_title([t for t in mention if not t.is_punct or t.text in ("-", "‐")])
                candidates = self.people.find_all(_words(name) or _words(names) or [head.text])
                if len(candidates) > 1:
                    # A surname people share: the one most salient here.
                    ranked = self._salience(at, allowed=set(candidates))
                    return (ranked[0][1] if ranked else candidates[0]), "explicit"
                if candidates or names:
                    return (candidates[0] if candidates else None), "explicit"  # an unknown name is no speaker
            if head.pos_ == "NOUN" or _is_title(head) or _describes_person(head, mention):
                if any(t.lower_ in INDEFINITE_DETERMINERS for t in words[:1]):
                    return None, "role"  # "a spokeswoman said": someone new, not a known person
                found = self._by_role(head, words, at)
                named_office = _is_title(head) and any(
                    t.i != head.i and t.is_alpha and t.lower_ not in VAGUE_ROLE_MODIFIERS and t.lower_ != "the"
                    for t in words)
                if found is None and words and words[0].lower_ == "the" and _describes_person(head, mention) and \
                        not named_office:  # "the prime minister" whom no one's role names is someone else
                    # "the 54-year-old said", "the former banker said": a definite description
                    # of someone already in the story; the most salient person fits.
                    ranked = self._salience(at)
                    found = ranked[0][1] if ranked and ranked[0][1] >= 0 else None
                return found, "role"
            return None, "explicit"
        if mention_text:
            words = mention_text.split()
            if all(_norm(w) in TITLE_WORDS or _norm(w) in ("the", "a") for w in words):
                return self._by_role(words[-1], words, at), "role"  # "Minister: ‘…’"
            if words[-1].islower():
                return self._by_role(words[-1], words, at), "role"  # "Orchestra's new conductor promises ‘…’"
            # Title-case headlines: only the last word is reliably the surname; the word before it
            # picks between people who share it ("Mayor Ruth Calder" with Pete Calder in the story).
            found = self.people.find(words[-1:])
            same_surname = self.people.find_all(words[-1:])
            if len(same_surname) > 1:
                found = next(iter(self.people.find_all(words[-2:])), found)
            return found, "explicit"
        return None, "none"

    def _by_role(self, head: Token | str, words: list[Token] | list[str], at: int) -> int | None:
        """The person whose article-given role names the office of ``head`` ("the transport secretary").

        An exact head ("secretary" ~ "Transport Secretary") beats a synonym ("chief"); shared
        modifiers ("defense") break ties, then salience.
        """
        head_text = head if isinstance(head, str) else head.text
        candidates: dict[int, float] = {}
        modifiers = {_norm(w if isinstance(w, str) else w.text) for w in words} - {_norm(head_text), "the", "a"}
        for person, record in enumerate(self.people.records):
            best = 0.0
            for role in record.roles:
                heads = role_heads(role)
                if _role_head(head_text) in heads:
                    score = 2.0
                elif roles_match(head_text, heads) and not _modifiers_disagree(modifiers, role, heads):
                    score = 1.0
                else:
                    continue
                score += len(modifiers & {_norm(w) for w in role.split()})
                best = max(best, score)
            if best:
                candidates[person] = best
        if not candidates:
            return None
        top = max(candidates.values())
        best_people = {p for p, s in candidates.items() if s == top}
        if len(best_people) == 1:
            return next(iter(best_people))
        ranked = self._salience(at, allowed=best_people)
        return ranked[0][1] if ranked else max(best_people)


# Modifiers that say nothing about which office: "the former minister", "a senior official".
VAGUE_ROLE_MODIFIERS = frozenset("former acting top senior new then current interim deputy".split())


def _modifiers_disagree(modifiers: set[str], role: str, heads: set[str]) -> bool:
    """True when a synonym role mention names its office and the role shares none of its words:
    "the prime minister" is not the "Council leader" or the "Chief Inspector", though minister ~
    leader ~ chief ("the minister" still may be)."""
    mine = {m for m in modifiers if m.isalpha() and m not in VAGUE_ROLE_MODIFIERS}
    theirs = {_norm(w) for w in role.split()} | heads
    # Shared stems count: "the ministry chief" is the "Finance Minister".
    return bool(mine) and not any(m[:5] == w[:5] for m in mine for w in theirs if w.isalpha())


def _mention_role(mention: Span | None, record: _PersonRecord, method: str) -> str | None:
    """The role the article attaches to the speaker.

    The title printed with a name ("Attorney General Robert Haines"), else the article's
    role that a role noun refers to ("the attorney general"), else the first role given.
    """
    if mention is not None and method == "role":
        head = mention.root.text
        return next((r for r in record.roles if roles_match(head, role_heads(r))), None) or \
            (record.roles[0] if record.roles else None)
    if mention is not None:
        title, name = _split_title([t for t in mention if not t.is_punct or t.text in ("-", "‐")])
        role = _clean_role(title) if title and name else None
        if role:
            return role
    return record.roles[0] if record.roles else None


def extract_mentions(doc: Doc, headline_first_line: bool = True) -> tuple[list[Mention], list[Person]]:
    """Mentions and people of one parsed article (the body of the ``quotes`` component)."""
    text = doc.text
    parsed = doc.has_annotation("DEP")
    found = find_quotations(text)
    quotations = [q for q in found if not is_not_speech(text, q) or (parsed and _reported_one_word(doc, text, q))]
    # A Title Case quote printed elsewhere as the title of a work names it everywhere: "Review: ‘The
    # Salt Road’ is …" with "the film “The Salt Road” …"; "album ‘Quiet Harbour’" then "a decade, “Quiet
    # Harbour,” and …".
    kept = {id(q) for q in quotations}
    titles = {_title_key(q.text) for q in found if id(q) not in kept and
              len(words := re.findall(r"[\w’'-]+", q.text)) > 1 and _is_title_case(words)}
    quotations = [q for q in quotations if _title_key(q.text) not in titles]
    if not parsed:
        # A pipeline without a parser still finds quotations; attribution needs the parse.
        return [Mention(q.start, q.end, q.text, confidence=CONFIDENCE["none"]) for q in quotations], []
    has_headline = headline_first_line and "\n" in text.strip()
    headline_end = text.find("\n", len(text) - len(text.lstrip())) if has_headline else 0
    # A Title Case headline tags every word a proper noun: take no new people from it.
    title_case = has_headline and _is_title_case(re.findall(r"[\w’'-]+", text[:headline_end]), share=0.6)
    people = find_people(doc, body_start=headline_end if title_case else 0)
    if not quotations:
        return [], people.people()
    # Titles of works stay masked: "… through “The Salt Road,” the new film …" names no speaker.
    quote_spans = sorted([(q.start, q.end) for q in quotations] +
                         [(q.start, q.end) for q in found if _title_key(q.text) in titles])
    state = _ArticleState(doc, text, quote_spans, _paragraph_spans(text), Resolver(doc, people, quote_spans))
    mentions: list[Mention] = []
    for quotation in quotations:
        headline = has_headline and quotation.paragraph == 0
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
    _headlines_from_body(mentions, quotations)
    return mentions, people.people()


def _title_key(text: str) -> str:
    return " ".join(re.findall(r"[\w’'-]+", text.lower()))


def _reported_one_word(doc: Doc, text: str, quotation: Quotation) -> bool:
    """A one-word quote that is the predicate of reported speech is speech, not a scare quote:
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
    word = span.root
    adjective = word.pos_ == "ADJ"
    if word.head.text in DOUBLE_MARKS or word.head.text in SINGLE_MARKS:
        word = word.head  # "was « balanced »": the parser makes the spaced closing mark the predicate
    predicate = word.dep_ in ("acomp", "attr", "oprd") or (word.dep_ == "pobj" and word.head.lower_ == "as")
    if not adjective or not predicate:  # "were “reckless”", "described it as “fearless”"
        return False
    return any(_is_cue(ancestor) and not (span.start <= ancestor.i < span.end) for ancestor in word.ancestors)


def _words_of(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower().replace("’", "'"))


HEADLINE_BODY_OVERLAP = 0.8  # share of a headline quote's words a body quote must contain


def _headlines_from_body(mentions: list[Mention], quotations: list[Quotation]) -> None:
    """A headline quote with no person named gets the speaker of the body quote it repeats.

    "Mayor Defends Budget: ‘We Made Hard Choices’" -> the body's “We made hard choices, …,”
    Odom said.  An organisation named in the headline ("Ministry: ‘…’") is kept: no person.
    """
    for mention, quotation in zip(mentions, quotations):
        if quotation.paragraph != 0 or mention.speaker or not mention.partial:
            continue
        if mention.speaker_mention and _looks_like_org(mention.speaker_mention.split()):
            continue
        words = _words_of(mention.text)
        for other, other_quotation in zip(mentions, quotations):
            if other_quotation.paragraph == 0 or not other.speaker:
                continue
            other_words = set(_words_of(other.text))
            if sum(w in other_words for w in words) >= HEADLINE_BODY_OVERLAP * len(words):
                mention.speaker, mention.speaker_role = other.speaker, other.speaker_role
                mention.speaker_mention = other.speaker_mention
                mention.method, mention.confidence = "headline", CONFIDENCE["headline"] - 0.1
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


def _attribute(state: _ArticleState, quotation: Quotation, mention: Mention, headline: bool) -> None:
    """Fill the speaker fields of ``mention``: headline pattern, the parse, or continuation."""
    doc, text, resolver = state.doc, state.text, state.resolver
    token_span = doc.char_span(quotation.start, quotation.end, alignment_mode="expand")
    at = token_span.start if token_span is not None else 0
    attribution = attribute_headline(text, quotation, state.paragraphs[0][1]) if headline else None
    if attribution is None:
        attribution = attribute_in_sentence(doc, quotation, state.quote_spans)
    if attribution is None:
        previous = None if mention.partial else \
            _previous_speaker(quotation, state.previous_by_paragraph, text, state.paragraphs)
        if previous is not None:
            _inherit(mention, previous)
            person = resolver.people.find(previous.speaker.split()) if previous.speaker else None
            if person is not None:
                resolver.speakers.append((at, person))
        elif not mention.partial and _only_quotation(quotation, text, state.paragraphs) and \
                quotation.paragraph - 1 not in state.previous_by_paragraph:
            _from_reported_speech(doc, quotation, mention, resolver, state.quote_spans, state.paragraphs, at)
        return
    person, method = resolver.resolve(attribution.mention, attribution.mention_text, at)
    mention.speaker_mention = attribution.mention.text if attribution.mention is not None \
        else attribution.mention_text
    mention.cue = attribution.cue
    mention.method = method if attribution.kind == "explicit" else attribution.kind
    if person is None:
        return
    record = resolver.people.records[person]
    mention.speaker = record.name
    mention.speaker_role = _mention_role(attribution.mention, record, method)
    resolver.speakers.append((at, person))
    if attribution.mention is not None and method != "pronoun":
        record.add_alias(attribution.mention.text)


def _inherit(mention: Mention, previous: Mention) -> None:
    mention.speaker = previous.speaker
    mention.speaker_mention = previous.speaker_mention
    mention.speaker_role = previous.speaker_role
    mention.cue = previous.cue
    mention.method = "continuation"


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


def _only_quotation(quotation: Quotation, text: str, paragraphs: list[tuple[int, int]]) -> bool:
    """True when the quotation's paragraph holds no reporter's words beside it."""
    if quotation.paragraph == 0:
        return False
    p_start, p_end = paragraphs[quotation.paragraph]
    outside = text[p_start:quotation.open_mark] + text[quotation.end:p_end]
    return not re.search(r"[^\W\d_]{2,}", re.sub(r"[”\"’'»]", "", outside))


def _from_reported_speech(doc: Doc, quotation: Quotation, mention: Mention, resolver: Resolver,
                          quote_spans: list[tuple[int, int]], paragraphs: list[tuple[int, int]], at: int) -> None:
    """A quote paragraph right after indirect speech continues it:
    "Roe said the plan would fail.\n“It is doomed.”" -> Roe, method continuation."""
    p_start, p_end = paragraphs[quotation.paragraph - 1]
    span = doc.char_span(p_start, p_end, alignment_mode="expand")
    if span is None or not len(span):
        return
    last_sentence = span[-1].sent
    for token in last_sentence:
        if not _is_cue(token) or _inside(token, quote_spans):
            continue
        subject = _subject_of(token)
        if subject is None or _inside(subject, quote_spans):
            continue
        speaker = _mention_span(subject)
        person, method = resolver.resolve(speaker, None, at)
        if person is None:
            return
        record = resolver.people.records[person]
        mention.speaker, mention.speaker_mention, mention.cue = record.name, speaker.text, token.text
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


# ---------------------------------------------------------------------------
# The spaCy component and the public entry points.
# ---------------------------------------------------------------------------


def _register_extensions() -> None:
    if not Doc.has_extension("quotes"):
        Doc.set_extension("quotes", default=None)
    if not Doc.has_extension("people"):
        Doc.set_extension("people", default=None)


class QuoteExtractor:
    """The pipeline component: finds quotations, attributes them, lists people."""

    def __init__(self, nlp: Language, name: str = "quotes", headline_first_line: bool = True):
        _register_extensions()
        self.name = name
        self.headline_first_line = headline_first_line

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes, doc._.people = extract_mentions(doc, self.headline_first_line)
        doc.user_data.pop("quotes_lowercase_lemmas", None)  # a per-doc cache; keep the doc serialisable
        return doc


@Language.factory("quotes", default_config={"headline_first_line": True})
def make_quote_extractor(nlp: Language, name: str, headline_first_line: bool) -> QuoteExtractor:
    return QuoteExtractor(nlp, name=name, headline_first_line=headline_first_line)


# A dateline opening a paragraph: "WASHINGTON —", "Kyiv, Ukraine (AP) —", "HARBOR CITY:".
DATELINE_DASHES = frozenset({"—", "–", "--", "-"})
DATELINE_MAX_TOKENS = 8


def _dateline_end(doc: Doc, start: int) -> int | None:
    """Index of the first token after a dateline beginning at ``start``, if there is one."""
    for index in range(start, min(start + DATELINE_MAX_TOKENS, len(doc) - 1)):
        token = doc[index]
        if token.text in DATELINE_DASHES or (token.text == ":" and index > start and
                                             all(t.is_upper or t.is_punct for t in doc[start:index])):
            place = doc[start:index]
            # "WASHINGTON —" or "Kyiv, Ukraine (AP) —", not "Mr. Smith — who …"
            if index > start and ((doc[start].is_upper and len(doc[start].text) > 1) or
                                  any(t.text in (",", "(") for t in place)):
                return index + 1
            return None
        if not (token.text[:1].isupper() or token.is_punct or token.is_digit or token.is_space):
            return None
    return None


@Language.component("quotes_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence at every line break and after a dateline, before the parser runs.

    A headline then never runs into the body, and "WASHINGTON — Sen. Roe said" is not
    parsed with WASHINGTON as the subject.  The parser respects boundaries already set.
    """
    for token in doc:
        if token.i == 0 or "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            if token.i > 0 and not token.is_space:
                previous = next((t for t in reversed(doc[:token.i]) if not t.is_space), None)
                wrapped = token.text[:1].islower() and previous is not None and \
                    previous.text[-1:] not in LINE_END_PUNCTUATION
                if not wrapped:
                    token.is_sent_start = True
            after = _dateline_end(doc, token.i)
            if after is not None and after < len(doc):
                doc[after].is_sent_start = True
    return doc


def load_nlp(model: str | None = None) -> Language:
    """Load a spaCy pipeline and add the ``quotes`` component (nothing loads at import)."""
    from .settings import get_setting

    nlp = spacy.load(model or get_setting("spacy_model"))
    if "quotes_paragraphs" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("quotes_paragraphs", before="parser")
    if "quotes" not in nlp.pipe_names:
        nlp.add_pipe("quotes", last=True)
    return nlp


def extract(nlp: Language, texts: Iterable[str], batch_size: int = 32,
            n_process: int = 1) -> Iterator[tuple[list[Mention], list[Person]]]:
    """Mentions and people for each text, in order, parsed with ``nlp.pipe`` batching.

    With ``n_process > 1`` the parse runs in worker processes and the ``quotes``
    component in this one: docs cross processes as msgpack, which cannot carry dataclasses.
    """
    if n_process == 1 or "quotes" not in nlp.pipe_names:
        for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            yield doc._.quotes, doc._.people
        return
    component = nlp.get_pipe("quotes")
    with nlp.select_pipes(disable=["quotes"]):
        for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            doc = component(doc)
            yield doc._.quotes, doc._.people
