"""Resolve the people articles name to one canonical speaker each, across the corpus.

The extractor lists, per article, every person it names (:class:`ArticlePerson`: the fullest
name the article gives, the aliases as printed, the roles). :func:`resolve_speakers` maps each
(article id, name) pair to one :class:`Speaker`, so a real person is one row however outlets
name them.

How names merge (automatic):

* Titles, honorifics and role words in front of a name are ignored ("Defense Secretary Mark T.
  Esper", "Mr. Esper"), and so are middle names and initials, so "Mark T. Esper" and "Mark
  Esper" are one person. When the corpus holds two people with the same first and last name but
  different middle initials ("George H. Bush", "George W. Bush") they stay apart, and the bare
  "George Bush" stays apart from both: it could be either.
* First names must agree when both are given; a few unambiguous nicknames count as agreeing
  (``NICKNAMES``: Bob = Robert, Bill = William). Suffixes must agree: "Donald Trump" and
  "Donald Trump Jr." are two people.
* A surname alone ("Esper", "Mr. Esper") or with an initial ("M. Esper") links to the one
  full-named person with that surname in the same article, else in the whole corpus; when there
  are several ("Mark Kelly", "Scott Kelly") it is left as its own speaker "Kelly".
* Only people are speakers: pronouns, organisations, collectives and places ("he", "the
  Pentagon", "officials", "Reuters", "Tehran") get no entry, even if they reach this module.

The canonical name is first + last (+ suffix), without titles or middle initials, in the
capitalisation most articles print (an all-caps headline form never wins over a normal one). When as
many articles print a nickname as its formal name ("Bob"/"Robert Menendez"), the formal name is shown.
An initial before the first name in use is kept with it ("C. Boyden Gray"): such a name is a full name.
A suffix is always shown: it tells a son from his father.

The registry (optional YAML file named by the ``QUOTES_SPEAKER_REGISTRY`` setting) wins over
all of that and is applied again on every run. Format (see
``datasette_config/speakers.example.yml``)::

    speakers:                      # list of curated people
      - name: William Smith        # required: the canonical name to show
        id: william-smith          # optional stable id (default: slug of name)
        wikidata_id: Q123456       # optional Wikidata item
        description: Mayor of Springfield   # optional; replaces the most reported role
        aliases: [Bill Smith, Mayor Smith]  # optional: other names meaning this person
    not_speakers: [Hezbollah]      # optional: names that are never a person

A person matches an entry when its name equals the entry's name or an alias (case, punctuation
and accents ignored), or has the same first and last name (middle initials ignored), or one of
its printed aliases equals an entry alias, or its first name is a nickname of the entry's. Two
entries are never merged, so listing "Bob Casey" and "Robert Casey" separately keeps them apart;
listing "Bill Smith" as an alias of "William Smith" merges them.

Example::

    >>> people = [ArticlePerson("a1", "Mark T. Esper", ["Mr. Esper"], ["Defense Secretary"]),
    ...           ArticlePerson("a2", "Esper", ["Esper"], [])]
    >>> {key: s.id for key, s in resolve_speakers(people).items()}
    {('a1', 'Mark T. Esper'): 'mark-esper', ('a2', 'Esper'): 'mark-esper'}
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import yaml

from .extract.lexicon import NAME_PARTICLES, REGIONAL_TITLES

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

@dataclass
class ArticlePerson:
    """One person as one article names them (the extractor's ``Person`` plus article metadata).

    >>> ArticlePerson("a1", "Mark T. Esper", ["Mr. Esper"], ["Defense Secretary"]).name
    'Mark T. Esper'
    """

    article_id: str
    name: str  # fullest form the article gives: "Mark T. Esper"
    aliases: list[str] = field(default_factory=list)  # as printed: "Mr. Esper", "Esper"
    roles: list[str] = field(default_factory=list)  # "Defense Secretary", "the Pentagon chief"
    outlet: str | None = None
    published: str | None = None

    def __post_init__(self) -> None:
        name = self.name if isinstance(self.name, str) else ""
        self.aliases = _unique(clean_alias(a, name) for a in self.aliases if isinstance(a, str))
        self.roles = _unique(clean_alias(r, name) for r in self.roles if isinstance(r, str))


def _unique(items: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(item for item in items if item))


def clean_alias(alias: str, name: str = "") -> str | None:
    """An alias or role as it should be listed, or None when it is markup.

    A photo credit the extractor glued on ("Gary Cameron/Reuters President Obama") is cut off;
    words of the person's own name printed in capitals ("BORIS Johnson", a transcript's
    "SANDERS") take the name's case, so they are no separate alias; tags ("…</tweet>") are no
    alias at all.

    >>> [clean_alias(a, "Boris Johnson") for a in ["BORIS Johnson", "Jane Doe/Reuters Mr. Johnson", "PM"]]
    ['Boris Johnson', 'Mr. Johnson', 'PM']
    """
    if "<" in alias or ">" in alias:
        return None
    words = alias.split()
    credit = max((i for i, w in enumerate(words) if "/" in w.strip(_PUNCT_EDGES)), default=-1)
    words = words[credit + 1:]
    name_words = {_fold(w): w for w in name.split() if not w.isupper() or _is_initial(w)}
    words = [name_words.get(_fold(w), w) if w.isupper() and len(w) > 2 else w for w in words]
    return " ".join(words) or None


@dataclass
class Speaker:
    """One real person.

    >>> Speaker("mark-esper", "Mark Esper").wikidata_id is None
    True
    """

    id: str  # stable slug, e.g. "mark-esper", or the registry's id
    name: str  # canonical full name
    wikidata_id: str | None = None
    aliases: list[str] = field(default_factory=list)  # sorted: printed names and aliases + registry aliases
    description: str | None = None  # from the registry only; otherwise use speaker_description()


@dataclass
class Registry:
    """Curated speakers from a user-edited YAML file (format in the module docstring)."""

    speakers: list[Speaker] = field(default_factory=list)
    not_speakers: list[str] = field(default_factory=list)
    path: str | None = None


class RegistryError(ValueError):
    """The registry file is missing or invalid; the message names the file and the reason."""


@dataclass(frozen=True)
class NameParts:
    """A personal name split into parts, as printed (titles kept apart)."""

    first: str | None  # None when only a surname is given
    middles: tuple[str, ...]
    last: str  # may be several words: "von der Leyen"
    suffix: str | None  # normalised: "Jr.", "III"
    titles: tuple[str, ...] = ()  # words dropped from the front: ("Defense", "Secretary")


# --- parsing --------------------------------------------------------------------------------------

_PUNCT_EDGES = "\"'“”‘’«»()[]{}<>,;:!?*_|"


@lru_cache(maxsize=1 << 17)  # the same few thousand words recur across a corpus
def _fold(text: str) -> str:
    """Lower case without accents or dots: "José" -> "jose", "Gen." -> "gen"."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return text.casefold().replace(".", "").replace("’", "'")


def _is_title(word: str) -> bool:
    folded = _fold(word)
    if folded in TITLE_WORDS:
        return True
    # "then-President", "ex-Gov.", "Lt.-Col."
    return "-" in folded and all(p in TITLE_WORDS for p in folded.split("-") if p)


def _is_initial(word: str) -> bool:
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
    return (word[0].isupper() or _fold(word) in PARTICLES
            or (_fold(prefix) in PARTICLES and rest[:1].isupper()))


@lru_cache(maxsize=65536)
def parse_name(name: str) -> NameParts | None:
    """Split a personal name, or None if ``name`` is not a person's name.

    >>> parse_name("Gen. Mark A. Milley")
    NameParts(first='Mark', middles=('A.',), last='Milley', suffix=None, titles=('Gen.',))
    >>> parse_name("the Pentagon") is None
    True
    """
    text = unicodedata.normalize("NFC", " ".join(name.split())).strip(_PUNCT_EDGES + " ")
    if not text or not any(c.isupper() for c in text):
        return None  # "he", "officials", "the defense secretary": no capital, no name
    if "," in text:  # "Donald Trump, Jr." keeps the suffix; "Mark Esper, the secretary" does not
        head, _, tail = text.partition(",")
        text = f"{head} {tail.strip()}" if _fold(tail.strip()) in SUFFIXES else head
    words = [w.strip(_PUNCT_EDGES) for w in text.split()]
    words = [w for w in words if w]
    if words and words[-1].endswith(("'s", "’s")):  # possessive: "Esper's"
        words[-1] = words[-1][:-2]
    while words and _fold(words[-1]) in HEADLINE_CUES:
        words.pop()
    # "A. Joseph Xavier": an initial with its period is a name word, not the article "a".
    if not words or (_fold(words[0]) in DETERMINERS and not (len(words) > 1 and words[0].endswith("."))) \
            or len(words) > MAX_TITLED_WORDS:
        return None
    if len(words) == 1 and _fold(words[0]) in PRONOUNS | NOT_PEOPLE:
        return None
    suffix = None
    if len(words) > 1 and _fold(words[-1]) in SUFFIXES:
        suffix = SUFFIXES[_fold(words.pop())]
    # Walk back from the end collecting name words; stop at the first title or non-name word.
    name_words: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if not _looks_like_name_word(word):
            break
        is_last = i == len(words) - 1
        if _is_title(word):
            # A name's last word may be a role word ("Mike Judge", "Mr. White"), but only when a
            # first name or an honorific precedes it; "Defense Secretary" is no name.
            before = words[i - 1] if i > 0 else None
            if not (is_last and before is not None
                    and (_fold(before) in HONORIFICS or not _is_title(before))):
                break
        name_words.insert(0, word)
    titles = tuple(words[:len(words) - len(name_words)])
    if not name_words or len(name_words) > MAX_NAME_WORDS:
        return None
    if any(_fold(w) in ORGANISATION_WORDS for w in name_words):
        return None
    if len(name_words) == 1 and not titles and _fold(name_words[0]) in NOT_PEOPLE:
        return None
    if len(name_words) == 1 and len(name_words[0].replace(".", "")) < 2:
        return None  # a lone initial
    # Particles before the last word belong to the surname: "von der Leyen".
    last_start = len(name_words) - 1
    while last_start > 1 and _fold(name_words[last_start - 1]) in PARTICLES:
        last_start -= 1
    last = " ".join(name_words[last_start:])
    given = name_words[:last_start]
    if not given:
        return NameParts(None, (), last, suffix, titles)
    initials = next((k for k, word in enumerate(given) if not _is_initial(word)), len(given))
    if 0 < initials < len(given):
        # "M. Dane Waters", "F. Scott Fitzgerald", "K. R. Dinesh Perera" (Sri Lankan and South Indian names
        # print family or father's names as initials): the initials and the name in use are the first name,
        # a full name (never linked to "Maxine Waters" as a bare "M. Waters" would be)
        given = [" ".join(given[:initials + 1]), *given[initials + 1:]]
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
    return _last_key(parts) + (f" {_fold(parts.suffix)}" if parts.suffix else "")


def _last_key(parts: NameParts) -> str:
    return _fold(parts.last).replace("-", " ").replace("'", "")


def _first_key(parts: NameParts, nicknames: bool = True) -> str | None:
    if parts.first is None:
        return None
    first = _fold(parts.first).replace("-", "")
    return NICKNAMES.get(first, first) if nicknames else first


def _is_partial(parts: NameParts) -> bool:
    """Surname only, or initial + surname: not enough to tell two people apart."""
    return parts.first is None or _is_initial(parts.first)


def _middle_key(parts: NameParts) -> str | None:
    return _fold(parts.middles[0])[:1] if parts.middles else None


@lru_cache(maxsize=1 << 17)
def _normal_text(text: str) -> str:
    """Case, accents, punctuation and spacing ignored: "Mr. Esper" == "mr esper"."""
    return " ".join(re.sub(r"[^\w\s]", " ", _fold(text)).split())


# --- capitalisation and ids -----------------------------------------------------------------------

def _well_cased(word: str) -> bool:
    letters = word.replace(".", "")
    if _fold(word) in PARTICLES or _is_initial(word) or _fold(word) in SUFFIXES:
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


def _display(forms: Iterable[str], formal_first: bool = False) -> str:
    """The most printed well-cased form (ties: alphabetical); else the most printed, recased.

    With ``formal_first`` (first names), a tie goes to the formal name both forms stand for
    ("Robert" over "Bob"), not to the alphabet.
    """
    counts = Counter(forms)
    good = {f: n for f, n in counts.items() if all(_well_cased(w) for w in f.split())}
    pool = good or counts
    best = min(pool, key=lambda f: (-pool[f], formal_first and _fold(f) in NICKNAMES, f))
    return " ".join(_smart_case(w) for w in best.split())


def slugify(name: str) -> str:
    """An id from a name: "Donald Trump Jr." -> "donald-trump-jr"; non-Latin names get a hash.

    >>> slugify("José María Aznar")
    'jose-maria-aznar'
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or "speaker-" + hashlib.sha1(name.encode()).hexdigest()[:10]


# --- descriptions and alias kinds ----------------------------------------------------------------

def speaker_description(roles: list[str]) -> str | None:
    """The role reported most often, leading article dropped, first letter capitalised.

    Roles differing only in case or a leading "the" count as one; the form printed most often
    is shown (ties: the capitalised one, then alphabetical).

    >>> speaker_description(["Defense Secretary", "the defense secretary", "the Pentagon chief"])
    'Defense Secretary'
    """
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for role in roles:
        words = " ".join((role or "").split()).strip(_PUNCT_EDGES + " ").split()
        while words and _fold(words[0]) in DETERMINERS:
            words.pop(0)
        # A rank glued on before the name says less than the role: "Joint Chiefs Chairman Gen."
        while len(words) > 1 and _fold(words[-1]) in HONORIFICS:
            words.pop()
        if words and " ".join(words).lower() not in PRONOUNS:
            form = " ".join(words).rstrip(".") if len(words) > 1 else " ".join(words)
            forms[_fold(form)][form] += 1
    if not forms:
        return None
    # A bare honorific ("Mr.", "Gen.") describes nobody; use it only when nothing else is known.
    informative = {k: v for k, v in forms.items() if k not in HONORIFICS}
    forms = informative or forms
    key = min(forms, key=lambda k: (-sum(forms[k].values()), k))
    form = min(forms[key], key=lambda f: (-forms[key][f], not f[0].isupper(), f))
    return form[0].upper() + form[1:]


def alias_kind(alias: str, speaker_name: str) -> str:
    """How an alias names its speaker: "name", "title" (a title with the name) or "role".

    >>> [alias_kind(a, "Mark Esper") for a in ["Esper", "Mr. Esper", "the Pentagon chief"]]
    ['name', 'title', 'role']
    """
    parts = parse_name(alias)
    if parts is None:
        return "role"
    if not _name_words(parts) & _name_words(parse_name(speaker_name), speaker_name):
        return "role"  # "President Trump" is a role when it names someone else
    return "title" if parts.titles else "name"


def _name_words(parts: NameParts | None, fallback: str = "") -> set[str]:
    """Folded words of a name (first as printed and as nickname key): for overlap tests."""
    if parts is None:
        return {NICKNAMES.get(w, w) for w in re.split(r"[\s-]+", _fold(fallback))} - {""}
    words = set(re.split(r"[\s-]+", _fold(parts.last)))
    if parts.first:
        words.add(_fold(parts.first))
    return {NICKNAMES.get(w, w) for w in words} - {""}  # "Bill" names William Smith


# --- registry -------------------------------------------------------------------------------------

_REGISTRY_KEYS = {"speakers", "not_speakers"}
_ENTRY_KEYS = {"name", "id", "wikidata_id", "aliases", "description"}
_ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_WIKIDATA_RE = re.compile(r"^Q[1-9][0-9]*$")


def load_registry(path: str | Path | None) -> Registry | None:
    """Read the curated registry YAML at ``path``; None when no path is set.

    Raises :class:`RegistryError` naming the file and the reason when it is missing or invalid.

    >>> load_registry(None) is None
    True
    """
    if path is None or str(path) == "":
        return None
    path = Path(path)

    def fail(reason: str) -> RegistryError:
        return RegistryError(f"speaker registry {path}: {reason}")

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise fail("file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise fail(f"cannot read it ({error})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise fail(f"not valid YAML ({' '.join(str(error).split())})") from None
    if data is None:
        return Registry(path=str(path))  # an empty file is an empty registry
    if not isinstance(data, dict):
        raise fail("expected a mapping with a 'speakers' list at the top level")
    unknown = set(data) - _REGISTRY_KEYS
    if unknown:
        raise fail(f"unknown top-level key(s) {sorted(map(str, unknown))}; expected {sorted(_REGISTRY_KEYS)}")
    entries = data.get("speakers") or []
    if not isinstance(entries, list):
        raise fail("'speakers' must be a list of entries")
    not_speakers = data.get("not_speakers") or []
    if not isinstance(not_speakers, list) or not all(isinstance(n, str) and n.strip() for n in not_speakers):
        raise fail("'not_speakers' must be a list of names")
    speakers: list[Speaker] = []
    owner_of: dict[str, str] = {}  # normalised name/alias -> entry name, to catch duplicates
    ids: dict[str, str] = {}
    for number, entry in enumerate(entries, 1):
        where = f"speakers entry {number}"
        if not isinstance(entry, dict):
            raise fail(f"{where}: expected a mapping with at least 'name'")
        unknown = set(entry) - _ENTRY_KEYS
        if unknown:
            raise fail(f"{where}: unknown key(s) {sorted(map(str, unknown))}; expected {sorted(_ENTRY_KEYS)}")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise fail(f"{where}: 'name' is required and must be text")
        name = " ".join(name.split())
        where = f"speakers entry {number} ({name!r})"
        if parse_name(name) is None:
            raise fail(f"{where}: 'name' is not a person's name")
        aliases = entry.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise fail(f"{where}: 'aliases' must be a list of names")
        aliases = [" ".join(a.split()) for a in aliases]
        speaker_id = entry.get("id")
        if speaker_id is None:
            speaker_id = slugify(name)
        elif not isinstance(speaker_id, str) or not _ID_RE.match(speaker_id):
            raise fail(f"{where}: 'id' must be lower-case letters, digits and hyphens, like 'mark-esper'")
        if speaker_id in ids:
            raise fail(f"{where}: id {speaker_id!r} is also used by {ids[speaker_id]!r}")
        ids[speaker_id] = name
        wikidata_id = entry.get("wikidata_id")
        if wikidata_id is not None and not (isinstance(wikidata_id, str) and _WIKIDATA_RE.match(wikidata_id)):
            raise fail(f"{where}: 'wikidata_id' must look like Q12345, got {wikidata_id!r}")
        description = entry.get("description")
        if description is not None and not isinstance(description, str):
            raise fail(f"{where}: 'description' must be text")
        for form in {_normal_text(f) for f in [name, *aliases]}:
            if form in owner_of:
                raise fail(f"{where}: {form!r} is also listed under {owner_of[form]!r}; "
                           "a name can mean only one person")
            owner_of[form] = name
        speakers.append(Speaker(speaker_id, name, wikidata_id, aliases, description))
    return Registry(speakers, [" ".join(n.split()) for n in not_speakers], str(path))


class _RegistryIndex:
    """The registry's names and aliases, normalised once per run."""

    def __init__(self, registry: Registry) -> None:
        self.exact: dict[str, set[int]] = defaultdict(set)
        self.full: list[tuple[int, NameParts]] = []
        self.full_by_last: dict[str, list[tuple[int, NameParts]]] = defaultdict(list)
        for index, speaker in enumerate(registry.speakers):
            for form in [speaker.name, *speaker.aliases]:
                self.exact[_normal_text(form)].add(index)
                parts = parse_name(form)
                if parts is not None and not _is_partial(parts):
                    self.full.append((index, parts))
                    self.full_by_last[_last_key(parts)].append((index, parts))

    def match(self, person: ArticlePerson, parts: NameParts) -> int | None:
        """Index of the entry this person is, by the tiers in the module docstring.

        The first tier with any match decides; two entries matching at one tier is ambiguous,
        and the person is left to automatic merging.
        """
        def same_name(nicknames: bool) -> set[int]:
            if _is_partial(parts):
                return set()
            return {i for i, other in self.full_by_last.get(_last_key(parts), ())
                    if _same_person_name(parts, other, nicknames)}

        tiers = [lambda: set(self.exact.get(_normal_text(person.name), ())),
                 lambda: same_name(False),
                 lambda: set().union(*(self.exact.get(_normal_text(a), set()) for a in person.aliases)),
                 lambda: same_name(True)]
        for tier in tiers:
            found = tier()
            if found:
                return found.pop() if len(found) == 1 else None
        return None


def _same_person_name(a: NameParts, b: NameParts, nicknames: bool) -> bool:
    """First, last and suffix agree; middle initials, when both give one, agree too."""
    if (_first_key(a, nicknames), _last_key(a), a.suffix) != (_first_key(b, nicknames), _last_key(b), b.suffix):
        return False
    ma, mb = _middle_key(a), _middle_key(b)
    return ma is None or mb is None or ma == mb


# --- resolution -----------------------------------------------------------------------------------

def resolve_speakers(people: Iterable[ArticlePerson],
                     registry: Registry | None = None) -> dict[tuple[str, str], Speaker]:
    """Map each (article id, name) to its canonical :class:`Speaker`; non-people get no entry.

    The result depends only on the set of inputs and the registry, never on their order.

    >>> people = [ArticlePerson("a", "Mark Kelly"), ArticlePerson("b", "Scott Kelly"),
    ...           ArticlePerson("c", "Kelly"), ArticlePerson("d", "the Pentagon")]
    >>> sorted(s.name for s in resolve_speakers(people).values())
    ['Kelly', 'Mark Kelly', 'Scott Kelly']
    """
    # One record per (article, name); duplicates pool their aliases and roles.
    merged: dict[tuple[str, str], ArticlePerson] = {}
    for person in people:
        key = (person.article_id, person.name)
        aliases = [a for a in person.aliases or [] if isinstance(a, str)]
        roles = [r for r in person.roles or [] if isinstance(r, str)]
        if key in merged:
            old = merged[key]
            aliases, roles = sorted(set(old.aliases) | set(aliases)), sorted(set(old.roles) | set(roles))
        merged[key] = ArticlePerson(key[0], key[1], aliases, roles)  # outlet, date: not needed here
    excluded = {_normal_text(n) for n in registry.not_speakers} if registry else set()
    parsed: dict[tuple[str, str], NameParts] = {}
    for key, person in merged.items():
        parts = parse_name(person.name) if isinstance(person.name, str) and person.name else None
        if parts is not None and _normal_text(person.name) not in excluded:
            parsed[key] = parts
    keys = sorted(parsed)

    cluster_of: dict[tuple[str, str], tuple] = {}
    # 1. The registry wins.
    if registry:
        registry_index = _RegistryIndex(registry)
        for key in keys:
            index = registry_index.match(merged[key], parsed[key])
            if index is not None:
                cluster_of[key] = ("registry", index)
    # 2. Full names: same first (nicknames equal), last and suffix; split on conflicting middles.
    groups: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
    for key in keys:
        parts = parsed[key]
        if key not in cluster_of and not _is_partial(parts):
            groups[(_first_key(parts), _last_key(parts), parts.suffix)].append(key)
    split_groups: set[tuple] = set()
    for group, members in groups.items():
        middles = {_middle_key(parsed[k]) for k in members} - {None}
        if len(middles) > 1:
            split_groups.add(group)
        for key in members:
            middle = _middle_key(parsed[key]) if len(middles) > 1 else ""
            cluster_of[key] = ("full", *group, middle)  # middle None: could be either one
    # 3. Partial names link to the one compatible person in the article, else in the corpus.
    surname_index: dict[str, set[tuple]] = defaultdict(set)  # last key -> clusters with a full name
    article_index: dict[tuple[str, str], set[tuple]] = defaultdict(set)  # (article, last) -> clusters
    cluster_forms: dict[tuple, list[NameParts]] = defaultdict(list)
    for key, cluster in cluster_of.items():
        parts = parsed[key]
        if not _is_partial(parts):
            surname_index[_last_key(parts)].add(cluster)
            article_index[(key[0], _last_key(parts))].add(cluster)
            cluster_forms[cluster].append(parts)
    if registry:
        for index, parts in registry_index.full:
            surname_index[_last_key(parts)].add(("registry", index))
            cluster_forms[("registry", index)].append(parts)

    suffixes = {c: {f.suffix for f in forms} for c, forms in cluster_forms.items()}
    initials = {c: {_fold(f.first or "")[:1] for f in forms} for c, forms in cluster_forms.items()}

    def compatible(partial: NameParts, cluster: tuple) -> bool:
        if partial.suffix and partial.suffix not in suffixes[cluster]:
            return False
        return not partial.first or _fold(partial.first)[:1] in initials[cluster]

    for key in keys:
        parts = parsed[key]
        if key in cluster_of:
            continue
        last = _last_key(parts)
        for candidates in (article_index[(key[0], last)], surname_index[last]):
            fits = {c for c in candidates if compatible(parts, c)}
            if fits:
                break
        if len(fits) == 1:
            cluster_of[key] = fits.pop()
        else:  # nobody or several: a speaker of its own, shared by the same bare form
            initial = _fold(parts.first)[:1] if parts.first else ""
            cluster_of[key] = ("partial", last, parts.suffix, initial)

    return _build_speakers(cluster_of, parsed, merged, registry, split_groups)


def _build_speakers(cluster_of: dict[tuple[str, str], tuple], parsed: dict[tuple[str, str], NameParts],
                    merged: dict[tuple[str, str], ArticlePerson], registry: Registry | None,
                    split_groups: set[tuple]) -> dict[tuple[str, str], Speaker]:
    members: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
    for key, cluster in cluster_of.items():
        members[cluster].append(key)
    speakers: dict[tuple, Speaker] = {}
    for cluster, keys in members.items():
        forms = [parsed[k] for k in keys]
        aliases = {a for k in keys for a in [merged[k].name, *merged[k].aliases]
                   if a and a.strip() and _fold(a.strip()) not in PRONOUNS}
        if cluster[0] == "registry":
            entry = registry.speakers[cluster[1]]
            speakers[cluster] = Speaker(entry.id, entry.name, entry.wikidata_id,
                                        sorted(aliases | set(entry.aliases)), entry.description)
        else:
            split = cluster[0] == "full" and cluster[1:4] in split_groups
            speakers[cluster] = Speaker("", _canonical_name(forms, keep_middle_initial=split), None,
                                        sorted(aliases))
    # Ids: registry ids first, then slugs; clashing slugs get -2, -3 in a fixed order.
    taken = {s.id for c, s in speakers.items() if c[0] == "registry"}
    for cluster in sorted((c for c in speakers if c[0] != "registry"),
                          key=lambda c: (speakers[c].name, sorted(members[c]))):
        base = slugify(speakers[cluster].name)
        speaker_id, n = base, 1
        while speaker_id in taken:
            n += 1
            speaker_id = f"{base}-{n}"
        taken.add(speaker_id)
        speakers[cluster].id = speaker_id
    return {key: speakers[cluster] for key, cluster in sorted(cluster_of.items())}


def _canonical_name(forms: list[NameParts], keep_middle_initial: bool = False) -> str:
    """First + last (+ suffix) in the commonest good capitalisation.

    Middle initials are dropped unless needed to tell apart two people ("George W. Bush");
    a full middle name is kept only when every form prints it ("Martin Luther King Jr.").
    """
    full = [f for f in forms if f.first and not _is_initial(f.first)]
    words = []
    if not full and all(f.first for f in forms):  # unresolved "M. Esper" keeps its initial
        words.append(_display(f.first for f in forms))
    if full:
        words.append(_display((f.first for f in full), formal_first=True))
        if keep_middle_initial:
            with_middle = [f for f in full if f.middles]
            if with_middle:
                words.append(_display(" ".join(f.middles) for f in with_middle))
        else:
            shared = [m for m in full[0].middles if not _is_initial(m)
                      and all(_fold(m) in {_fold(x) for x in f.middles} for f in full)]
            words.extend(_display(m for f in full for m in f.middles if _fold(m) == _fold(w)) for w in shared)
    words.append(_display(f.last for f in (full or forms)))
    suffixes = {f.suffix for f in forms if f.suffix}
    if len(suffixes) == 1:
        words.append(suffixes.pop())
    return " ".join(words)
