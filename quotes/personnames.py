"""Reading a printed person's name: titles, initials, particles, suffixes, nicknames, casing.

:func:`parse_name` splits "Defense Secretary Mark T. Esper" into titles, first, middles, last
and suffix (:class:`NameParts`), or says it is no person's name ("the Pentagon", "officials").
The keys built on it (:func:`name_key`, :func:`last_key`, :func:`first_key`, :func:`normal_text`)
are what :mod:`quotes.speakers` merges people by; :func:`display_form` and :func:`slugify` turn
the printed forms into a shown name and an id. The token-level name reading of the extractor is
``quotes/extract/names.py``; this module works on the strings it hands downstream.

    >>> parse_name("Ursula von der Leyen")
    NameParts(first='Ursula', middles=(), last='von der Leyen', suffix=None, titles=())
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from .extract.lexicon import (
    GAELIC_ARTICLE_PREFIXES, GAELIC_MUTATED, GAELIC_NAME_ARTICLES, GAELIC_PATRONYMICS, NAME_PARTICLES, POST_NOMINALS,
    REGIONAL_TITLES, UNDECOMPOSED_LETTERS,
)

# --- vocabulary: every word list that tunes behaviour lives here ----------------------------------

# Honorifics and ranks: always followed by a name, so "Mr. White" keeps "White" as the surname
# even though "white" is also a role word ("White House Press Secretary ...").
HONORIFICS = frozenset({
    "mr", "mrs", "ms", "mx", "miss", "messrs", "dr", "prof", "sir", "dame", "lord", "lady", "rev",
    "fr", "hon", "gen", "lt", "lieut", "col", "maj", "capt", "cmdr", "cdr", "adm", "brig", "sgt",
    "cpl", "pvt", "spc", "gov", "sen", "rep", "amb", "pres", "sec", "supt", "insp", "det",
}) | REGIONAL_TITLES
# Words of titles and roles printed before a name ("Chairman of the Joint Chiefs of Staff Gen.
# Mark Milley", "Iranian Foreign Minister ..."). Only stripped from the front of a name, and a
# name's last word is kept even if listed ("Mike Judge", "Jack White"). Deliberately excludes
# words that are common first names ("Major", "Dean", "Will").
ROLE_WORDS = frozenset({
    "president", "vice", "premier", "prime", "minister", "chancellor", "secretary", "undersecretary",
    "mayor", "judge", "justice", "chief", "chairman", "chairwoman", "chair", "speaker", "leader",
    "ambassador", "attorney", "solicitor", "general", "commissioner", "director", "deputy",
    "acting", "former", "spokesman", "spokeswoman", "spokesperson", "king", "queen", "prince",
    "princess", "pope", "sheikh", "emir", "ayatollah", "imam", "rabbi", "pastor", "bishop",
    "cardinal", "archbishop", "governor", "senator", "representative", "congressman",
    "congresswoman", "delegate", "professor", "doctor", "reverend", "father", "colonel",
    "lieutenant", "captain", "commander", "admiral", "sergeant", "corporal", "brigadier",
    "marshal", "foreign", "defense", "defence", "state", "treasury", "homeland", "security",
    "national", "interior", "health", "energy", "commerce", "labor", "labour", "education",
    "transportation", "agriculture", "army", "navy", "air", "force", "marine", "corps", "joint",
    "chiefs", "staff", "of", "the", "for", "and", "us", "u.s", "uk", "un", "house", "senate",
    "majority", "minority", "whip", "press", "white", "top", "central", "command", "commanding",
    "officer", "inspector", "counsel", "special", "envoy", "adviser", "advisor", "aide",
    "pentagon", "cabinet", "supreme", "federal", "district", "county", "city", "council",
    "councilman", "councilwoman", "assemblyman", "assemblywoman", "sheriff", "police",
    "then", "ex", "co", "executive", "ceo", "cfo", "coo", "founder",
})
TITLE_WORDS = HONORIFICS | ROLE_WORDS
SUFFIXES = {"jr": "Jr.", "sr": "Sr.", "ii": "II", "iii": "III", "iv": "IV", "v": "V"}
# Lower-case words that belong to a surname: "Ursula von der Leyen", "Chris Van Hollen".
PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "la",
                       "le", "bin", "ibn", "al", "el", "ter", "dos", "das", "st"}) | \
    frozenset("".join(c for c in unicodedata.normalize("NFKD", p.casefold()) if not unicodedata.combining(c))
              for p in NAME_PARTICLES)  # the extractor's too, folded: "Kiprono arap Langat", "Seán Ó Briain"
# First words of a phrase that is a role or a group, never a name: "the Pentagon", "a spokesman".
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "some", "many",
                         "several", "other", "another", "our", "their", "its", "his", "her",
                         "my", "your", "one", "two", "both", "each", "any", "all", "no"})
PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "it", "we", "us", "i", "you",
                      "his", "hers", "their", "theirs", "its", "who", "someone", "somebody",
                      "everyone", "nobody", "himself", "herself", "themselves"})
# A name containing one of these is an organisation, not a person ("Kataib Hezbollah Militia").
ORGANISATION_WORDS = frozenset({
    "pentagon", "kremlin", "reuters", "afp", "ap", "ministry", "department", "agency",
    "administration", "government", "committee", "commission", "council", "command", "militia",
    "militias", "coalition", "university", "institute", "association", "foundation",
    "corporation", "inc", "corp", "llc", "ltd", "plc", "gmbh", "party", "parliament", "congress",
    "senate", "navy", "army", "forces", "military", "embassy", "office", "bureau", "network",
    "newsroom", "news", "times", "post", "press", "camp", "base", "airbase", "airport", "province", "group", "company", "nations", "union", "states",
    "cnn", "bbc", "nbc", "abc", "cbs", "fbi", "cia", "nsa", "irgc", "isis", "hezbollah", "taliban",
})
# Whole names that are collectives or places standing for governments ("Tehran said").
NOT_PEOPLE = frozenset({
    "officials", "official", "authorities", "sources", "spokesman", "spokeswoman", "spokesperson",
    "lawmakers", "analysts", "experts", "residents", "witnesses", "critics", "police", "troops",
    "aides", "advisers", "militants", "protesters", "democrats", "republicans", "reporters",
    "washington", "moscow", "beijing", "tehran", "kyiv", "kiev", "london", "paris", "berlin",
    "tokyo", "brussels", "jerusalem", "baghdad", "damascus", "iran", "iraq", "russia", "china",
    "israel", "ukraine", "britain", "france", "germany", "japan", "india", "pakistan", "syria",
    "turkey", "america", "nato", "us", "usa", "uk", "eu", "un",
})
# Cue verbs a Title Case headline glues onto a name: "Esper Says ..." must not give "Esper Says".
HEADLINE_CUES = frozenset({"says", "said", "tells", "told", "warns", "vows", "claims", "urges",
                           "insists", "slams", "blasts", "calls", "asks", "admits", "denies",
                           "adds", "argues", "explains", "stresses", "confirms", "threatens"})
# Nicknames that stand for exactly one formal first name. Ambiguous ones (Chris, Pat, Alex,
# Sam, Steve, Ted, Jerry, Will, Jon, Nate, Rick) are left out: merging them could join two people.
NICKNAMES = {
    "bob": "robert", "bobby": "robert", "rob": "robert", "bill": "william", "billy": "william",
    "jim": "james", "jimmy": "james", "mike": "michael", "tom": "thomas", "tommy": "thomas",
    "dick": "richard", "joe": "joseph", "chuck": "charles",
    "charlie": "charles", "liz": "elizabeth", "dan": "daniel", "danny": "daniel", "dave": "david",
    "tony": "anthony", "ben": "benjamin", "matt": "matthew", "andy": "andrew", "greg": "gregory",
    "jeff": "jeffrey", "ken": "kenneth", "larry": "lawrence", "ron": "ronald", "don": "donald",
    "nick": "nicholas", "tim": "timothy", "pete": "peter",
}
MAX_NAME_WORDS = 6  # longer "names" are sentences the extractor mistook for a person
MAX_TITLED_WORDS = 16  # "Chairman of the Joint Chiefs of Staff Gen. Mark A. Milley" is 10


# --- data -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class NameParts:
    """A personal name split into parts, as printed (titles kept apart)."""

    first: str | None  # None when only a surname is given
    middles: tuple[str, ...]
    last: str  # may be several words: "von der Leyen"
    suffix: str | None  # normalised: "Jr.", "III"
    titles: tuple[str, ...] = ()  # words dropped from the front: ("Defense", "Secretary")


# --- parsing --------------------------------------------------------------------------------------

PUNCT_EDGES = "\"'“”‘’«»()[]{}<>,;:!?*_|"


_UNDECOMPOSED = str.maketrans(UNDECOMPOSED_LETTERS)


@lru_cache(maxsize=1 << 17)  # the same few thousand words recur across a corpus
def fold(text: str) -> str:
    """Lower case without accents or dots: "José" -> "jose", "Gen." -> "gen"."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
        text = "".join(c for c in text if not unicodedata.combining(c))
    return text.casefold().replace(".", "").replace("’", "'")


def _is_title(word: str) -> bool:
    folded = fold(word)
    if folded in TITLE_WORDS:
        return True
    # "then-President", "ex-Gov.", "Lt.-Col."
    return "-" in folded and all(p in TITLE_WORDS for p in folded.split("-") if p)


def is_initial(word: str) -> bool:
    """ "T.", "T", "J.D." are initials; "JD" too (all caps, at most two letters)."""
    letters = word.replace(".", "")
    return letters.isalpha() and (len(letters) == 1 or ("." in word and len(letters) <= 3)
                                  or (len(letters) == 2 and letters.isupper()))


def _looks_like_name_word(word: str) -> bool:
    """Capitalised letters, or a particle: "Esper", "O'Neill", "von", "al-Muhandis"."""
    letters = word.replace(".", "").replace("-", "").replace("'", "").replace("’", "").replace("/", "")  # "s/o"
    if not letters or not letters.isalpha():
        return False
    prefix, _, rest = word.partition("-")
    # (and the prefix the article of a Gaelic surname puts before a vowel: "t-Saoir" of "Nic an t-Saoir", or an
    # Irish mutation glued on: "hAodha" of "Ó hAodha")
    return (word[0].isupper() or fold(word) in PARTICLES or GAELIC_MUTATED.fullmatch(word) is not None
            or ((fold(prefix) in PARTICLES or prefix in GAELIC_ARTICLE_PREFIXES) and rest[:1].isupper()))


_GAELIC_PATRONYMICS = frozenset(fold(p) for p in GAELIC_PATRONYMICS)  # as fold() prints them: "o" of "Ó"


def _gaelic_article(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is the article of a Gaelic surname, right after its patronymic word: "an" of
    "Nic an t-Saoir", "a'" of "Nic a' Phearsain" (see :data:`GAELIC_PATRONYMICS`)."""
    return i > 0 and fold(words[i]).rstrip("'") in GAELIC_NAME_ARTICLES and \
        words[i - 1][:1].isupper() and fold(words[i - 1]) in _GAELIC_PATRONYMICS


@lru_cache(maxsize=65536)
def parse_name(name: str) -> NameParts | None:
    """Split a personal name, or None if ``name`` is not a person's name.

    >>> parse_name("Gen. Mark A. Milley")
    NameParts(first='Mark', middles=('A.',), last='Milley', suffix=None, titles=('Gen.',))
    >>> parse_name("the Pentagon") is None
    True
    """
    text = unicodedata.normalize("NFC", " ".join(name.split())).strip(PUNCT_EDGES + " ")
    if not text or not any(c.isupper() for c in text):
        return None  # "he", "officials", "the defense secretary": no capital, no name
    if "," in text:  # "Donald Trump, Jr." keeps the suffix; "Mark Esper, the secretary" does not
        head, _, tail = text.partition(",")
        text = f"{head} {tail.strip()}" if fold(tail.strip()) in SUFFIXES else head
    words = [w.strip(PUNCT_EDGES) for w in text.split()]
    words = [w for w in words if w]
    if words and words[-1].endswith(("'s", "’s")):  # possessive: "Esper's"
        words[-1] = words[-1][:-2]
    while words and fold(words[-1]) in HEADLINE_CUES:
        words.pop()
    while len(words) > 2 and words[-1].isupper() and fold(words[-1]) in POST_NOMINALS:
        words.pop()  # "Ana Roe MP", "Tom Hale QC": letters after a name are no word of it (nor its surname)
    # "A. Joseph Xavier": an initial with its period is a name word, not the article "a".
    if not words or (fold(words[0]) in DETERMINERS and not (len(words) > 1 and words[0].endswith("."))) \
            or len(words) > MAX_TITLED_WORDS:
        return None
    if len(words) == 1 and fold(words[0]) in PRONOUNS | NOT_PEOPLE:
        return None
    suffix = None
    if len(words) > 1 and fold(words[-1]) in SUFFIXES:
        suffix = SUFFIXES[fold(words.pop())]
    # Walk back from the end collecting name words; stop at the first title or non-name word.
    name_words: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if not _looks_like_name_word(word) and not _gaelic_article(words, i):
            break
        is_last = i == len(words) - 1
        if _is_title(word):
            # A name's last word may be a role word ("Mike Judge", "Mr. White"), but only when a
            # first name or an honorific precedes it; "Defense Secretary" is no name.
            before = words[i - 1] if i > 0 else None
            if not (is_last and before is not None
                    and (fold(before) in HONORIFICS or not _is_title(before))):
                break
        name_words.insert(0, word)
    titles = tuple(words[:len(words) - len(name_words)])
    if not name_words or len(name_words) > MAX_NAME_WORDS:
        return None
    if any(fold(w) in ORGANISATION_WORDS and not (w.islower() and fold(w) in PARTICLES) for w in name_words):
        return None  # (a lower-case particle is no agency's initials: Welsh "ap" of "Carys ap Rhys", not "AP")
    if len(name_words) == 1 and not titles and fold(name_words[0]) in NOT_PEOPLE:
        return None
    if len(name_words) == 1 and len(name_words[0].replace(".", "")) < 2:
        return None  # a lone initial
    # Particles before the last word belong to the surname: "von der Leyen".
    last_start = len(name_words) - 1
    while last_start > 1 and (fold(name_words[last_start - 1]) in PARTICLES or
                              _gaelic_article(name_words, last_start - 1)):
        last_start -= 1
    last = " ".join(name_words[last_start:])
    given = name_words[:last_start]
    if not given:
        return NameParts(None, (), last, suffix, titles)
    initials = next((k for k, word in enumerate(given) if not is_initial(word)), len(given))
    if 0 < initials < len(given):
        # "M. Dane Waters", "F. Scott Fitzgerald", "K. R. Dinesh Perera" (Sri Lankan and South Indian names
        # print family or father's names as initials): the initials and the name in use are the first name,
        # a full name (never linked to "Maxine Waters" as a bare "M. Waters" would be)
        given = [" ".join(given[:initials + 1]), *given[initials + 1:]]
    elif initials == len(given) > 1:
        # "K. V. Ramasamy", "J. D. Sorensen": a name whose given names are all printed as initials goes by them
        # together (South Indian print puts the place and father's names so before the one name); dropping
        # the second as a "middle initial" made "K. Ramasamy", a name printed nowhere
        given = [" ".join(given)]
    return NameParts(given[0], tuple(given[1:]), last, suffix, titles)


def name_key(name: str | None) -> str | None:
    """A cheap key that agrees for two forms of one person's name: surname plus suffix.

    >>> name_key("Mr. Esper") == name_key("Mark T. Esper") == "esper"
    True
    >>> name_key("Donald Trump Jr."), name_key("the Pentagon")
    ('trump jr', None)
    """
    parts = parse_name(name) if name else None
    if parts is None:
        return None
    return last_key(parts) + (f" {fold(parts.suffix)}" if parts.suffix else "")


def last_key(parts: NameParts) -> str:
    return fold(parts.last).replace("-", " ").replace("'", "")


def first_key(parts: NameParts, nicknames: bool = True) -> str | None:
    if parts.first is None:
        return None
    first = fold(parts.first).replace("-", "")
    return NICKNAMES.get(first, first) if nicknames else first


def is_partial(parts: NameParts) -> bool:
    """Surname only, or initial + surname: not enough to tell two people apart."""
    return parts.first is None or is_initial(parts.first)


def middle_key(parts: NameParts) -> str | None:
    return fold(parts.middles[0])[:1] if parts.middles else None


@lru_cache(maxsize=1 << 17)
def normal_text(text: str) -> str:
    """Case, accents, punctuation and spacing ignored: "Mr. Esper" == "mr esper"."""
    return " ".join(re.sub(r"[^\w\s]", " ", fold(text)).split())


# --- capitalisation and ids -----------------------------------------------------------------------

def _well_cased(word: str) -> bool:
    letters = word.replace(".", "")
    if fold(word) in PARTICLES or is_initial(word) or fold(word) in SUFFIXES:
        return True
    return not (letters.isupper() and len(letters) > 2) and not letters.islower()


def _smart_case(word: str) -> str:
    """ "ESPER" -> "Esper", "O'ROURKE" -> "O'Rourke", "MCBRIDE" -> "McBride"; initials stay."""
    if _well_cased(word):
        return word

    def cap(piece: str) -> str:
        # "MCBRIDE" -> "McBride"; "Mac" is left alone (Mack, Macy are names of their own).
        if piece.lower().startswith("mc") and len(piece) > 3:
            return "Mc" + piece[2].upper() + piece[3:].lower()
        return piece[:1].upper() + piece[1:].lower()

    return "-".join("'".join(cap(p) for p in part.split("'")) for part in word.split("-"))


def display_form(forms: Iterable[str], formal_first: bool = False) -> str:
    """The most printed well-cased form (ties: alphabetical); else the most printed, recased.

    With ``formal_first`` (first names), a tie goes to the formal name both forms stand for
    ("Robert" over "Bob"), not to the alphabet.
    """
    counts = Counter(forms)
    good = {f: n for f, n in counts.items() if all(_well_cased(w) for w in f.split())}
    pool = good or counts
    best = min(pool, key=lambda f: (-pool[f], formal_first and fold(f) in NICKNAMES, f))
    return " ".join(_smart_case(w) for w in best.split())


def slugify(name: str) -> str:
    """An id from a name: "Donald Trump Jr." -> "donald-trump-jr"; non-Latin names get a hash.

    >>> slugify("José María Aznar")
    'jose-maria-aznar'
    """
    ascii_name = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSED)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or "speaker-" + hashlib.sha1(name.encode()).hexdigest()[:10]

