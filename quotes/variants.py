"""How two printed versions of spoken words compare: the text measures that clustering uses.

Words and sentences of a quote (:func:`words`, :func:`normalize_key`, :func:`sentences`), their
stems and content words, and the pairwise evidence that one text is a variant of another:
near-duplicate (:func:`near_score`), contained fragment (:func:`containment`, :func:`in_order`),
rewording (:func:`reword_evidence`).  Then what a reader sees of a quote's variants: how close
each is to the canonical text (:func:`similarity`), what it changed (:func:`word_diff`) and which
variant is the canonical one (:func:`choose_canonical`, :func:`without_attribution_comma`).

Pure functions of text with the language data they need (abbreviations, function words); the
thresholds they read are here, each with its measurement.  The rules that accept a stored variant
by this evidence are :mod:`quotes.matching`; which quote a mention then joins is :mod:`quotes.cluster`.

Example::

    >>> words("Iranian-backed groups won’t stop")
    ['iranian', 'backed', 'groups', 'wont', 'stop']
    >>> word_diff("Let me be clear: we act.", "let me clear, we act")
    [['=', 'Let me'], ['-', 'be'], ['=', 'clear we act']]
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter

import snowballstemmer
from rapidfuzz.distance import Indel, LCSseq

# --- thresholds -------------------------------------------------------------------------------
# Measured with the matching thresholds of quotes/matching.py, on the same data: the own labelled
# pairs in tests/test_cluster.py (its header comment counts them), all 595 pairs of the 35 seed gold
# quotes (../shared/gold/seeds.gold.jsonl) and the invented events of tests/data/events.

NEAR_DUP_MIN = 0.85
"""Char-level Indel similarity of the normalized texts for a near-duplicate.  Typo, dropped-word
and one-word-edit variants: seeds 0.90-0.985, own 0.897-0.965.  Different sentences: seeds <= 0.64,
own <= 0.79 ("We are going to lower taxes for working families." / "…build more homes for young
families.")."""

CONTAIN_MIN = 0.85
"""Share of the shorter text's words found, in order, in the longer one.  Truncations and
fragments: 1.0; with a typo or edit inside: seeds 0.88-0.95, own 0.86-0.91.  No pair of different
sentences (seeds or own) reaches it."""

CONTAIN_SPREAD_MAX = 1.5
"""The shorter text's words must sit in a window at most this many times its length (+1) in the
longer text (a dropped adjective in a seed fragment: 1.25), so scattered common words do not
count as containment."""

CANONICAL_MAX_VARIANTS = 200
"""choose_canonical compares at most this many distinct variants (longest first)."""

DIFF_MAX_CELLS = 4_000_000
"""word_diff runs difflib (quadratic) on at most this many (canonical words x variant words) once
their shared start and end are set aside; beyond it the differing middle is one "-" run and one
"+" run.  Measured: 2,000 x 2,000 words take 0.09 s, 8,000 x 8,000 1.1 s, and a 200 KB quote
(35,000 words) took 91 s before this bound.  Real quotes are under 200 words."""

# --- language data -----------------------------------------------------------------------------

ABBREVIATIONS = ("mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "capt", "sgt", "adm", "gov", "sen", "rep",
                 "st", "sr", "jr", "vs", "etc", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun",
                 "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "dept", "est", "fig")
"""A full stop after these (or after initials, "U.S.", "a.m.") does not end a sentence: "the U.S.
military" is one sentence, split at the stop it would found a fragment quote of its own."""
ABBREVIATION_WINDOW = 12  # characters before a stop that can hold an abbreviation ("Sept.", "U.S.A.")

STOPWORDS = frozenset("""
a about above across after again against all also although am among an and any are around as at
be because been before behind being below between beyond both but by can cannot cant could
couldnt did didnt do does doesnt doing dont down during each either else even ever every few for
from further get gets going gonna got had hadnt has hasnt have havent having he hed hell hence
her here hers herself hes him himself his how i id if ill im in into is isnt it its itself ive
just let lets may me might more most must my myself no nor not now of off on once one only onto
or other ought our ours ourselves out over own per re same shall she should shouldnt since so
some such than that thats the their theirs them themselves then there theres these they theyd
theyll theyre theyve this those though through thus to too toward towards under unless until up
upon us very via was wasnt we wed well were werent weve what whats when where whether which
while who whom whos whose why will with within without wont would wouldnt yes yet you youd youll
your youre yours yourself youve
neither nobody none
""".split())
"""Function words; they weigh STOPWORD_WEIGHT in the rewording score and are never index keys."""

INDEFINITE_PRONOUNS = frozenset("""
anybody anyone anything everybody everyone everything nobody nothing somebody someone something
""".split())
"""Pronouns that stand for no particular thing.  They stay content words (a fragment "looking at
everything" needs its object to join its quote: seeds), but never anchor the any-order paraphrase
rule (quotes.matching SHORT_PARTIAL_*): "to frighten anyone" shares only "anyone" with "That is not a
sentence anyone here wants to hear" (own probe, a different sentence of the same speaker)."""

STOPWORD_WEIGHT = 0.25
STEM_CACHE_SIZE = 1_000_000  # words whose stem and weight are memoized (bounded memory)

_TOKEN = re.compile(r"[^\W_]+(?:['’‘.][^\W_]+)*")
_DROP = str.maketrans("", "", "'’‘.")
# A colon or comma between digits is inside one number ("9:40", "1,500"): one word, as a reader
# counts it, or a time shared by two different sentences counts as two shared words.
_IN_NUMBER = re.compile(r"(?<=\d)[:,](?=\d)")
_WORD = re.compile(r"[^\W_]+")
_ELLIPSIS = re.compile(r"…+|\.\.\.+")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’']?\s+|…+\.?|\.\.\.+")
# An initial ("T."), letters with stops ("U.S.", "a.m.") or a listed abbreviation ends the text.
_ABBREVIATION = re.compile(r"\b[A-Z]\.$|(?:\b[^\W\d_]\.){2,}$|\b(?i:%s)\.$" % "|".join(ABBREVIATIONS))


# --- text ---------------------------------------------------------------------------------------

def words(text: str) -> list[str]:
    """Lowercased words; apostrophes and abbreviation dots vanish, other punctuation splits.

    >>> words("Iranian-backed groups won’t stop, the U.S. said at 9:40")
    ['iranian', 'backed', 'groups', 'wont', 'stop', 'the', 'us', 'said', 'at', '940']
    """
    return _WORD.findall(_IN_NUMBER.sub("", unicodedata.normalize("NFKC", text).lower().translate(_DROP)))


def normalize_key(text: str) -> str:
    """Case, punctuation and quote-mark style ignored.

    >>> normalize_key("Let me be clear: The U.S. won’t!")
    'let me be clear the us wont'
    """
    return " ".join(words(text))


def sentences(text: str) -> list[str]:
    """The sentences of a quote (split at . ! ? and ellipses), empty pieces dropped.

    A full stop after an abbreviation or initials ("U.S.", "Mr.", "a.m.") is not a break.

    >>> sentences("We are ready. … We will act,")
    ['We are ready.', 'We will act,']
    >>> sentences("The U.S. Navy and Gen. Roe will act at 9 a.m. tomorrow. We are ready.")
    ['The U.S. Navy and Gen. Roe will act at 9 a.m. tomorrow.', 'We are ready.']
    """
    pieces, start = [], 0
    for brk in _SENTENCE_BREAK.finditer(text):
        end = brk.start()
        if (brk.group().strip() == "" and text[end - 1:end] == "."
                and _ABBREVIATION.search(text, max(start, end - ABBREVIATION_WINDOW), end)):
            continue  # an abbreviation's stop, not a sentence's
        pieces.append(text[start:brk.start()])
        start = brk.end()
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p and _TOKEN.search(p)]


def ellipsis_pieces(text: str) -> list[list[str]]:
    """The words of each part of a text that an ellipsis separates (the pieces :func:`in_order` takes).

    >>> ellipsis_pieces("we will … win")
    [['we', 'will'], ['win']]
    """
    return [p for p in (words(piece) for piece in _ELLIPSIS.split(text)) if p]


# --- stems and content words --------------------------------------------------------------------

_STEMS: dict[str, tuple[str, float]] = {}  # word -> (stem, weight), at most STEM_CACHE_SIZE words
_STEMMER = snowballstemmer.stemmer("english")


def _stem(word: str) -> tuple[str, float]:
    """The word's Snowball (Porter2) stem, so "families"/"family", "options"/"option" agree, and its weight."""
    cached = _STEMS.get(word)
    if cached is None:
        cached = (_STEMMER.stemWord(word), STOPWORD_WEIGHT if word in STOPWORDS else 1.0)
        if len(_STEMS) < STEM_CACHE_SIZE:
            _STEMS[word] = cached
    return cached


def content_stems(tokens: list[str]) -> set[str]:
    """The stems of the content (non-stop) words."""
    return {_stem(t)[0] for t in tokens if t not in STOPWORDS}


def anchor_stems(tokens: list[str]) -> set[str]:
    """The content stems that can anchor a paraphrase: not the indefinite pronouns (INDEFINITE_PRONOUNS)."""
    return content_stems([t for t in tokens if t not in INDEFINITE_PRONOUNS])


def content_count(tokens: list[str]) -> int:
    """How many of the words are content (non-stop) words."""
    return sum(1 for t in tokens if t not in STOPWORDS)


# --- pairwise evidence ------------------------------------------------------------------------

def in_order(pieces: list[list[str]], long: list[str], spread: int) -> float:
    """How well a short fragment's pieces stand in order in ``long`` (stems compared), 0 if they do not.

    Every content word of a piece must stand in ``long``, in order, within a window of at most
    ``spread`` times the piece's length (+1) (clustering passes its SHORT_SPREAD); its function
    words may differ ("no one is bigger than this club" in "nobody at this club is bigger than the
    club itself").  Pieces (the parts of a fragment an ellipsis separates, :func:`ellipsis_pieces`)
    follow one another with any gap.  The score is the share of the pieces' words found in order
    in their windows (function words too): 1.0 for a verbatim piece, gaps allowed.

    >>> in_order([words("for days")], words("we waited for some days"), spread=2)
    1.0
    >>> in_order([words("strong signals")], words("the signals were strong"), spread=2)
    0.0
    >>> in_order(ellipsis_pieces("we will … win"), words("we will fight and we will win"), spread=2)
    1.0
    """
    stems = [_stem(t)[0] for t in long]
    at, found, spanned = 0, 0, 0
    for piece in pieces:
        want = [_stem(t)[0] for t in piece if t not in STOPWORDS]
        if not want:
            continue
        best: tuple[int, int, int] | None = None  # (-found, window, end)
        for start in range(at, len(stems)):
            if stems[start] != want[0]:
                continue
            pos, limit = start, min(len(stems), start + spread * len(piece) + 1)
            for w in want[1:]:
                pos += 1
                while pos < limit and stems[pos] != w:
                    pos += 1
                if pos >= limit:
                    break
            else:
                # widen to the piece's function words around the content words
                lo = max(at, start - len(piece))
                hi = min(len(stems), pos + len(piece) + 1)
                stem_piece = [_stem(t)[0] for t in piece]
                window = stems[lo:hi]
                blocks = [b for b in LCSseq.editops(stem_piece, window).as_matching_blocks() if b.size]
                got = sum(b.size for b in blocks)
                span = blocks[-1].b + blocks[-1].size - blocks[0].b if blocks else pos - start + 1
                candidate = (-got, span, lo + (blocks[-1].b + blocks[-1].size if blocks else pos - lo + 1))
                if best is None or candidate < best:
                    best = candidate
        if best is None:
            return 0.0
        found += -best[0]
        spanned += len(piece)
        at = best[2]
    return found / spanned if spanned else 0.0


def near_score(a_key: str, b_key: str) -> float:
    """Char-level similarity of two normalized texts (typos, punctuation, small edits).

    >>> round(near_score("let me be clear we act", "let me clear we act"), 2)
    0.93
    """
    return Indel.normalized_similarity(a_key, b_key)


def containment(short: list[str], long: list[str], gaps: bool = False) -> float:
    """Share of ``short``'s words found in order within a compact window of ``long``.

    With ``gaps`` words of ``long`` skipped inside the window count against it (a verbatim
    truncation still scores 1.0, "let me clear" in "let me be clear" does not).

    >>> containment("all options are open".split(), "we said all options are open now".split())
    1.0
    >>> containment("all options open".split(), "we said all options are open now".split(), gaps=True)
    0.75
    """
    if not short or len(short) > len(long):
        return 0.0
    if LCSseq.similarity(short, long) < CONTAIN_MIN * len(short):
        return 0.0
    blocks = [b for b in LCSseq.editops(short, long).as_matching_blocks() if b.size]
    if not blocks:
        return 0.0
    span = blocks[-1].b + blocks[-1].size - blocks[0].b
    if span > CONTAIN_SPREAD_MAX * len(short) + 1:
        return 0.0
    found = sum(b.size for b in blocks)
    return found / (len(short) + span - found if gaps else len(short))


def reword_evidence(a: list[str], b: list[str]) -> tuple[float, int]:
    """Rewording score (mean of word-order LCS Dice and content-weighted word Dice) and the
    number of content words (stemmed) the two texts share.

    >>> score, shared = reword_evidence("they cannot hit our bases".split(), "you cannot shoot at our bases".split())
    >>> round(score, 2), shared
    (0.53, 1)
    """
    if not a or not b:
        return 0.0, 0
    lcs = 2 * LCSseq.similarity(a, b) / (len(a) + len(b))
    ca, cb = Counter(map(_stem, a)), Counter(map(_stem, b))
    shared = content = 0.0
    for t, n in ca.items():
        if t in cb:
            common = min(n, cb[t])
            shared += common * t[1]
            if t[1] == 1.0:
                content += common
    total = sum(n * t[1] for t, n in ca.items()) + sum(n * t[1] for t, n in cb.items())
    return (lcs + 2 * shared / total) / 2, int(content)


def reword_score(a: list[str], b: list[str]) -> float:
    """The rewording score of :func:`reword_evidence` alone (rewordings, translations).

    >>> round(reword_score("they cannot hit our bases".split(), "you cannot shoot at our bases".split()), 2)
    0.53
    """
    return reword_evidence(a, b)[0]


# --- a quote's variants as a reader sees them ----------------------------------------------------

def similarity(a: str, b: str) -> float:
    """How well a variant's words agree with another text (e.g. the canonical), 0..1.

    The strongest of: near-duplicate score, containment of the shorter in the longer with
    skipped words counted against it (a verbatim truncation scores 1.0; word_diff shows what it
    left out) and rewording score.  1.0 means the same words, possibly fewer of them.

    >>> similarity("We will act.", "we will ACT")
    1.0
    >>> similarity("All options are on the table as we work", "all options are on the table")
    1.0
    """
    ta, tb = words(a), words(b)
    ka, kb = " ".join(ta), " ".join(tb)
    if ka == kb:
        return 1.0
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return round(max(near_score(ka, kb), containment(short, long, gaps=True), reword_score(ta, tb)), 4)


def word_diff(canonical: str, text: str) -> list[list[str]]:
    """Word-level diff of a variant against the canonical text, JSON-serialisable.

    A list of ``[op, words]`` runs in reading order: ``"="`` words both share, ``"-"``
    canonical words missing from this variant, ``"+"`` words only in this variant (a
    replacement is a "-" run followed by a "+" run).  Words are compared normalized (case,
    punctuation and quote-mark style ignored) and shown as printed, without punctuation.

    >>> word_diff("Let me be clear: we act.", "let me clear, we will act")
    [['=', 'Let me'], ['-', 'be'], ['=', 'clear we'], ['+', 'will'], ['=', 'act']]
    """
    a_surface = _TOKEN.findall(unicodedata.normalize("NFKC", canonical))
    b_surface = _TOKEN.findall(unicodedata.normalize("NFKC", text))
    a_norm = [t.lower().translate(_DROP) for t in a_surface]
    b_norm = [t.lower().translate(_DROP) for t in b_surface]
    runs: list[list[str]] = []

    def emit(op: str, tokens: list[str]) -> None:
        if not tokens:
            return
        if runs and runs[-1][0] == op:
            runs[-1][1] += " " + " ".join(tokens)
        else:
            runs.append([op, " ".join(tokens)])

    # The shared start and end cost linear time; only the middle needs difflib.
    head = 0
    while head < min(len(a_norm), len(b_norm)) and a_norm[head] == b_norm[head]:
        head += 1
    tail = 0
    while (tail < min(len(a_norm), len(b_norm)) - head
           and a_norm[len(a_norm) - 1 - tail] == b_norm[len(b_norm) - 1 - tail]):
        tail += 1
    a_end, b_end = len(a_norm) - tail, len(b_norm) - tail
    emit("=", a_surface[:head])
    if (a_end - head) * (b_end - head) > DIFF_MAX_CELLS:
        emit("-", a_surface[head:a_end])
        emit("+", b_surface[head:b_end])
    else:
        matcher = difflib.SequenceMatcher(None, a_norm[head:a_end], b_norm[head:b_end], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                emit("=", a_surface[head + i1:head + i2])
            else:
                emit("-", a_surface[head + i1:head + i2])
                emit("+", b_surface[head + j1:head + j2])
    emit("=", a_surface[a_end:])
    return runs


def choose_canonical(variants: list[str]) -> str:
    """The fullest faithful variant: deterministic and independent of the order given.

    Among distinct normalized variants, prefer the one that contains or nearly duplicates
    the most mentions, then the one that contains the most (the fuller of two near-duplicates,
    so a dropped word loses), then the one closest to all others (the consensus wording, so a
    misspelt word loses to the common spelling), then the longest, then the most printed; ties
    go to the alphabetically first text as printed.

    >>> choose_canonical(["we will act", "We will act now, together.", "We will act now, togeter."])
    'We will act now, together.'
    """
    if not variants:
        raise ValueError("choose_canonical needs at least one variant")
    printed: dict[str, list[str]] = {}
    for text in variants:
        printed.setdefault(normalize_key(text), []).append(text)
    if len(printed) == 1:
        return min(next(iter(printed.values())))
    keys = sorted(printed, key=lambda k: (-len(k), k))[:CANONICAL_MAX_VARIANTS]
    tokens = {k: k.split() for k in keys}
    best, best_rank = keys[0], None
    for k in keys:
        covered, contains, closeness = 0, 0, 0.0
        for other in keys:
            count = len(printed[other])
            if other == k:
                covered += count
                closeness += count
                continue
            near = near_score(k, other)
            cont = containment(tokens[other], tokens[k])
            if near >= NEAR_DUP_MIN or cont >= CONTAIN_MIN:
                covered += count
            if cont >= CONTAIN_MIN and len(tokens[other]) < len(tokens[k]):
                contains += count
            closeness += count * max(near, reword_score(tokens[k], tokens[other]))
        rank = (covered, contains, round(closeness, 6), len(tokens[k]), len(printed[k]))
        if best_rank is None or rank > best_rank:
            best, best_rank = k, rank
    return min(printed[best])


def without_attribution_comma(text: str) -> str:
    """The canonical text without the comma that belongs to the reporter's sentence.

    ``"We will win," he said`` prints the words as ``We will win,``; the comma is the
    attribution's, not the speaker's, so a quote's canonical text drops it.  Mentions keep
    their text as printed (the export contract), and diffs compare words only, so nothing else
    changes.

    >>> without_attribution_comma("We will win,")
    'We will win'
    """
    stripped = text.rstrip().rstrip(",").rstrip()
    return stripped or text
