"""Resolve the people articles name to one canonical speaker each, across the corpus.

The extractor lists, per article, every person it names (:class:`ArticlePerson`: the fullest
name the article gives, the aliases as printed, the roles). :func:`resolve_speakers` maps each
(article id, name) pair to one :class:`Speaker`, so a real person is one row however outlets
name them. How a printed name is read (titles, initials, particles, suffixes, nicknames) is
:mod:`quotes.personnames`.

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

The curated registry (:mod:`quotes.registry`: the file format and how it is read) wins over
all of that and is applied again on every run. A person matches an entry when its name equals
the entry's name or an alias (case, punctuation and accents ignored), or has the same first and
last name (middle initials ignored), or one of its printed aliases equals an entry alias, or its
first name is a nickname of the entry's. Two entries are never merged, so listing "Bob Casey"
and "Robert Casey" separately keeps them apart;
listing "Bill Smith" as an alias of "William Smith" merges them.

Example::

    >>> people = [ArticlePerson("a1", "Mark T. Esper", ["Mr. Esper"], ["Defense Secretary"]),
    ...           ArticlePerson("a2", "Esper", ["Esper"], [])]
    >>> {key: s.id for key, s in resolve_speakers(people).items()}
    {('a1', 'Mark T. Esper'): 'mark-esper', ('a2', 'Esper'): 'mark-esper'}
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from .personnames import (
    DETERMINERS,
    HONORIFICS,
    NICKNAMES,
    PRONOUNS,
    PUNCT_EDGES,
    NameParts,
    display_form,
    first_key,
    fold,
    is_initial,
    is_partial,
    last_key,
    middle_key,
    normal_text,
    parse_name,
    slugify,
)

if TYPE_CHECKING:
    from .registry import Registry


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
    credit = max((i for i, w in enumerate(words) if "/" in w.strip(PUNCT_EDGES)), default=-1)
    words = words[credit + 1:]
    name_words = {fold(w): w for w in name.split() if not w.isupper() or is_initial(w)}
    words = [name_words.get(fold(w), w) if w.isupper() and len(w) > 2 else w for w in words]
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
        words = " ".join((role or "").split()).strip(PUNCT_EDGES + " ").split()
        while words and fold(words[0]) in DETERMINERS:
            words.pop(0)
        # A rank glued on before the name says less than the role: "Joint Chiefs Chairman Gen."
        while len(words) > 1 and fold(words[-1]) in HONORIFICS:
            words.pop()
        if words and " ".join(words).lower() not in PRONOUNS:
            form = " ".join(words).rstrip(".") if len(words) > 1 else " ".join(words)
            forms[fold(form)][form] += 1
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
        return {NICKNAMES.get(w, w) for w in re.split(r"[\s-]+", fold(fallback))} - {""}
    words = set(re.split(r"[\s-]+", fold(parts.last)))
    if parts.first:
        words.add(fold(parts.first))
    return {NICKNAMES.get(w, w) for w in words} - {""}  # "Bill" names William Smith


# --- matching the registry -----------------------------------------------------------------------

class _RegistryIndex:
    """The registry's names and aliases, normalised once per run."""

    def __init__(self, registry: Registry) -> None:
        self.exact: dict[str, set[int]] = defaultdict(set)
        self.full: list[tuple[int, NameParts]] = []
        self.full_by_last: dict[str, list[tuple[int, NameParts]]] = defaultdict(list)
        for index, speaker in enumerate(registry.speakers):
            for form in [speaker.name, *speaker.aliases]:
                self.exact[normal_text(form)].add(index)
                parts = parse_name(form)
                if parts is not None and not is_partial(parts):
                    self.full.append((index, parts))
                    self.full_by_last[last_key(parts)].append((index, parts))

    def match(self, person: ArticlePerson, parts: NameParts) -> int | None:
        """Index of the entry this person is, by the tiers in the module docstring.

        The first tier with any match decides; two entries matching at one tier is ambiguous,
        and the person is left to automatic merging.
        """
        def same_name(nicknames: bool) -> set[int]:
            if is_partial(parts):
                return set()
            return {i for i, other in self.full_by_last.get(last_key(parts), ())
                    if _same_person_name(parts, other, nicknames)}

        tiers = [lambda: set(self.exact.get(normal_text(person.name), ())),
                 lambda: same_name(False),
                 lambda: set().union(*(self.exact.get(normal_text(a), set()) for a in person.aliases)),
                 lambda: same_name(True)]
        for tier in tiers:
            found = tier()
            if found:
                return found.pop() if len(found) == 1 else None
        return None


def _same_person_name(a: NameParts, b: NameParts, nicknames: bool) -> bool:
    """First, last and suffix agree; middle initials, when both give one, agree too."""
    if (first_key(a, nicknames), last_key(a), a.suffix) != (first_key(b, nicknames), last_key(b), b.suffix):
        return False
    ma, mb = middle_key(a), middle_key(b)
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
    excluded = {normal_text(n) for n in registry.not_speakers} if registry else set()
    parsed: dict[tuple[str, str], NameParts] = {}
    for key, person in merged.items():
        parts = parse_name(person.name) if isinstance(person.name, str) and person.name else None
        if parts is not None and normal_text(person.name) not in excluded:
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
        if key not in cluster_of and not is_partial(parts):
            groups[(first_key(parts), last_key(parts), parts.suffix)].append(key)
    split_groups: set[tuple] = set()
    for group, members in groups.items():
        middles = {middle_key(parsed[k]) for k in members} - {None}
        if len(middles) > 1:
            split_groups.add(group)
        for key in members:
            middle = middle_key(parsed[key]) if len(middles) > 1 else ""
            cluster_of[key] = ("full", *group, middle)  # middle None: could be either one
    # 3. Partial names link to the one compatible person in the article, else in the corpus.
    surname_index: dict[str, set[tuple]] = defaultdict(set)  # last key -> clusters with a full name
    article_index: dict[tuple[str, str], set[tuple]] = defaultdict(set)  # (article, last) -> clusters
    cluster_forms: dict[tuple, list[NameParts]] = defaultdict(list)
    for key, cluster in cluster_of.items():
        parts = parsed[key]
        if not is_partial(parts):
            surname_index[last_key(parts)].add(cluster)
            article_index[(key[0], last_key(parts))].add(cluster)
            cluster_forms[cluster].append(parts)
    if registry:
        for index, parts in registry_index.full:
            surname_index[last_key(parts)].add(("registry", index))
            cluster_forms[("registry", index)].append(parts)

    suffixes = {c: {f.suffix for f in forms} for c, forms in cluster_forms.items()}
    initials = {c: {fold(f.first or "")[:1] for f in forms} for c, forms in cluster_forms.items()}

    def compatible(partial: NameParts, cluster: tuple) -> bool:
        if partial.suffix and partial.suffix not in suffixes[cluster]:
            return False
        return not partial.first or fold(partial.first)[:1] in initials[cluster]

    for key in keys:
        parts = parsed[key]
        if key in cluster_of:
            continue
        last = last_key(parts)
        for candidates in (article_index[(key[0], last)], surname_index[last]):
            fits = {c for c in candidates if compatible(parts, c)}
            if fits:
                break
        if len(fits) == 1:
            cluster_of[key] = fits.pop()
        else:  # nobody or several: a speaker of its own, shared by the same bare form
            initial = fold(parts.first)[:1] if parts.first else ""
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
                   if a and a.strip() and fold(a.strip()) not in PRONOUNS}
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
    full = [f for f in forms if f.first and not is_initial(f.first)]
    words = []
    if not full and all(f.first for f in forms):  # unresolved "M. Esper" keeps its initial
        words.append(display_form(f.first for f in forms))
    if full:
        words.append(display_form((f.first for f in full), formal_first=True))
        if keep_middle_initial:
            with_middle = [f for f in full if f.middles]
            if with_middle:
                words.append(display_form(" ".join(f.middles) for f in with_middle))
        else:
            shared = [m for m in full[0].middles if not is_initial(m)
                      and all(fold(m) in {fold(x) for x in f.middles} for f in full)]
            words.extend(display_form(m for f in full for m in f.middles if fold(m) == fold(w)) for w in shared)
    words.append(display_form(f.last for f in (full or forms)))
    suffixes = {f.suffix for f in forms if f.suffix}
    if len(suffixes) == 1:
        words.append(suffixes.pop())
    return " ".join(words)
