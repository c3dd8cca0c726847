"""Speaker resolution: parsing names (personnames), merging across articles (speakers), the curated registry."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from quotes.personnames import NameParts, name_key, parse_name, slugify
from quotes.registry import Registry, RegistryError, load_registry
from quotes.speakers import ArticlePerson, Speaker, alias_kind, resolve_speakers, speaker_description

EXAMPLE_REGISTRY = Path(__file__).resolve().parent.parent / "datasette_config" / "speakers.example.yml"


def people(*pairs: tuple[str, str]) -> list[ArticlePerson]:
    """ArticlePersons from (article id, name) pairs."""
    return [ArticlePerson(article_id, name) for article_id, name in pairs]


def names_by_key(resolved: dict[tuple[str, str], Speaker]) -> dict[tuple[str, str], str]:
    return {key: speaker.name for key, speaker in resolved.items()}


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "speakers.yml"
    path.write_text(text, encoding="utf-8")
    return path


# --- parse_name / name_key ---------------------------------------------------------------------

@pytest.mark.parametrize("name, expected", [
    ("Priya Natarajan", NameParts("Priya", (), "Natarajan", None)),
    ("Priya R. Natarajan", NameParts("Priya", ("R.",), "Natarajan", None)),
    ("Dr. Natarajan", NameParts(None, (), "Natarajan", None, ("Dr.",))),
    ("Health Minister Priya R. Natarajan", NameParts("Priya", ("R.",), "Natarajan", None,
                                                     ("Health", "Minister"))),
    ("Rear Adm. Colm O'Dowd", NameParts("Colm", (), "O'Dowd", None, ("Rear", "Adm."))),
    ("Ms. White", NameParts(None, (), "White", None, ("Ms.",))),  # "white" is also a role word
    ("Tobias Judge", NameParts("Tobias", (), "Judge", None)),
    ("Wendell Harrow Jr.", NameParts("Wendell", (), "Harrow", "Jr.")),
    ("Wendell Harrow, Jr.", NameParts("Wendell", (), "Harrow", "Jr.")),
    ("Ilse van der Brink", NameParts("Ilse", (), "van der Brink", None)),
    ("Farid al-Haddad", NameParts("Farid", (), "al-Haddad", None)),
    ("then-Mayor Ana Ruiz", NameParts("Ana", (), "Ruiz", None, ("then-Mayor",))),
    ("Natarajan Says", NameParts(None, (), "Natarajan", None)),  # Title Case headline
    ("Natarajan's", NameParts(None, (), "Natarajan", None)),
    # a first initial "A." with its period is a name word, not the article "a"
    ("A. Rajendra Pillai", NameParts("A. Rajendra", (), "Pillai", None)),
    ("Counsel A. Rajendra Pillai", NameParts("A. Rajendra", (), "Pillai", None, ("Counsel",))),
    # particles the extractor keeps in a surname stay in it: Kalenjin "arap", Irish "Ó", Malay "binti"
    ("Kipchumba arap Rotich", NameParts("Kipchumba", (), "arap Rotich", None)),
    ("Dónal Ó Loingsigh", NameParts("Dónal", (), "Ó Loingsigh", None)),
    ("Nurul Huda binti Ramli", NameParts("Nurul", ("Huda",), "binti Ramli", None)),
    # Malaysian honours are titles, not given names
    ("Datuk Seri Azman Idris", NameParts("Azman", (), "Idris", None, ("Datuk", "Seri"))),
    ("Muthusamy s/o Arumugam", NameParts("Muthusamy", (), "s/o Arumugam", None)),
    ("Commandant Baljeet Singh Grewal", NameParts("Baljeet", ("Singh",), "Grewal", None, ("Commandant",))),
    # a Gaelic surname "son/daughter of the <noun>": the article and its hyphenated prefix are words of it
    ("Morven Nic an t-Sealgair", NameParts("Morven", (), "Nic an t-Sealgair", None)),
    ("Ruairidh Mac na Ceàrdaich", NameParts("Ruairidh", (), "Mac na Ceàrdaich", None)),
    # an Irish surname's noun with its initial mutation glued on
    ("Dónall Ó hÓgáin", NameParts("Dónall", (), "Ó hÓgáin", None)),
])
def test_parse_name(name: str, expected: NameParts) -> None:
    assert expected == parse_name(name)


NOT_PEOPLE = ["he", "She", "they", "officials", "Officials", "the Pentagon", "Pentagon",
              "the White House", "White House", "Reuters", "The Associated Press",
              "Ministry of Health", "the defense secretary", "Defense Secretary", "President",
              "Tehran", "a senior official", "", "   ", "Mr.", "X"]


@pytest.mark.parametrize("name", NOT_PEOPLE)
def test_not_a_person(name: str) -> None:
    assert (None, None) == (parse_name(name), name_key(name))
    assert {} == resolve_speakers([ArticlePerson("a1", name)])


@pytest.mark.parametrize("a, b, same", [
    ("Mr. Natarajan", "Priya R. Natarajan", True),
    ("NATARAJAN", "Priya Natarajan", True),
    ("José Ibáñez", "Jose Ibanez", True),
    ("Wendell Harrow", "Wendell Harrow Jr.", False),
])
def test_name_key(a: str, b: str, same: bool) -> None:
    assert same == (name_key(a) == name_key(b))


# --- merging ------------------------------------------------------------------------------------

@pytest.mark.parametrize("pairs, expected", [
    pytest.param(
        [("a1", "Health Minister Priya R. Natarajan"), ("a2", "Priya Natarajan"), ("a3", "Dr. Natarajan")],
        ["Priya Natarajan"] * 3, id="title-middle-initial-and-surname"),
    pytest.param(
        [("a1", "Bob Halvorsen"), ("a2", "Robert Halvorsen"), ("a3", "Robert J. Halvorsen")],
        ["Robert Halvorsen"] * 3, id="nickname"),  # the first name printed most often
    pytest.param(
        [("a1", "Mark Kelly"), ("a2", "Scott Kelly")], ["Mark Kelly", "Scott Kelly"],
        id="same-surname-different-first"),
    pytest.param(
        [("a1", "Donald Trump"), ("a2", "Donald Trump Jr."), ("a3", "Trump Jr.")],
        ["Donald Trump", "Donald Trump Jr.", "Donald Trump Jr."], id="suffix"),
    pytest.param(
        [("a1", "Mark Kelly"), ("a2", "Scott Kelly"), ("a3", "Sen. Kelly")],
        ["Mark Kelly", "Scott Kelly", "Kelly"], id="ambiguous-surname-stays-apart"),
    pytest.param(
        [("a1", "Mark Kelly"), ("a2", "Scott Kelly"), ("a2", "Kelly")],
        ["Mark Kelly", "Scott Kelly", "Scott Kelly"], id="surname-links-within-article"),
    pytest.param(
        [("a1", "Mark Kelly"), ("a2", "Scott Kelly"), ("a3", "S. Kelly")],
        ["Mark Kelly", "Scott Kelly", "Scott Kelly"], id="initial-and-surname"),
    pytest.param(
        [("a1", "Lena K. Ortiz"), ("a2", "Lena M. Ortiz"), ("a3", "Lena Ortiz")],
        ["Lena K. Ortiz", "Lena M. Ortiz", "Lena Ortiz"], id="conflicting-middle-initials"),
    pytest.param(
        [("a1", "Ava Quist"), ("a2", "Avery Quist")], ["Ava Quist", "Avery Quist"], id="first-names-differ"),
    pytest.param(
        [("a1", "GRETA LINDQVIST"), ("a2", "Greta Lindqvist"), ("a3", "OWEN MCBRIDE")],
        ["Greta Lindqvist", "Greta Lindqvist", "Owen McBride"], id="all-caps-headline-forms"),
    pytest.param(
        [("a1", "Anna Maria Kowalczyk"), ("a2", "Anna Maria Kowalczyk"), ("a3", "Ilse van der Brink")],
        ["Anna Maria Kowalczyk", "Anna Maria Kowalczyk", "Ilse van der Brink"], id="full-middle-names-kept"),
])
def test_merge(pairs: list[tuple[str, str]], expected: list[str]) -> None:
    assert dict(zip(pairs, expected)) == names_by_key(resolve_speakers(people(*pairs)))


def test_surname_links_to_the_only_person_in_the_corpus() -> None:
    resolved = resolve_speakers(people(("a1", "Wendell Harrow"), ("a2", "Mr. Harrow"), ("a3", "Harrow")))
    assert {"wendell-harrow"} == {speaker.id for speaker in resolved.values()}


def test_non_people_get_no_entry_among_people() -> None:
    pairs = [("a1", "Priya Natarajan"), ("a1", "the Pentagon"), ("a1", "officials"), ("a2", "he")]
    assert {("a1", "Priya Natarajan")} == set(resolve_speakers(people(*pairs)))


def test_speaker_aliases_pool_every_printed_form() -> None:
    inputs = [ArticlePerson("a1", "Priya R. Natarajan", ["Dr. Natarajan", "Natarajan", "she"], ["minister"]),
              ArticlePerson("a2", "Priya Natarajan", ["Health Minister Priya Natarajan"], [])]
    expected = Speaker("priya-natarajan", "Priya Natarajan", None,
                       ["Dr. Natarajan", "Health Minister Priya Natarajan", "Natarajan", "Priya Natarajan",
                        "Priya R. Natarajan"])
    assert {("a1", "Priya R. Natarajan"): expected, ("a2", "Priya Natarajan"): expected} == resolve_speakers(inputs)


def test_clashing_slugs_get_distinct_ids() -> None:
    pairs = [("a1", "Lena K. Ortiz"), ("a2", "Lena M. Ortiz"), ("a3", "Lena Ortiz")]
    ids = {speaker.id for speaker in resolve_speakers(people(*pairs)).values()}
    assert 3 == len(ids)


MIXED = [
    ArticlePerson("a1", "Health Minister Priya R. Natarajan", ["Dr. Natarajan"], ["Health Minister"], "Outlet A"),
    ArticlePerson("a1", "the ministry", [], []),
    ArticlePerson("a2", "Natarajan", ["Ms. Natarajan"], ["the minister"], "Outlet B"),
    ArticlePerson("a2", "Mark Kelly", ["Sen. Kelly"], [], "Outlet B"),
    ArticlePerson("a3", "Scott Kelly", [], [], "Outlet C"),
    ArticlePerson("a3", "Kelly", [], [], "Outlet C"),
    ArticlePerson("a4", "Kelly", [], [], "Outlet D"),
    ArticlePerson("a4", "Bob Halvorsen", [], [], "Outlet D"),
    ArticlePerson("a5", "Robert Halvorsen", [], [], "Outlet E"),
    ArticlePerson("a5", "Lena K. Ortiz", [], []),
    ArticlePerson("a6", "Lena M. Ortiz", [], []),
    ArticlePerson("a6", "Lena Ortiz", [], []),
    ArticlePerson("a7", "Wendell Harrow Jr.", [], []),
    ArticlePerson("a7", "Harrow", [], []),
    ArticlePerson("a8", "Wendell Harrow", [], []),
]


@pytest.mark.parametrize("seed", range(8))
def test_order_independent_and_idempotent(seed: int) -> None:
    expected = resolve_speakers(MIXED)
    shuffled = MIXED[:]
    random.Random(seed).shuffle(shuffled)
    assert expected == resolve_speakers(shuffled)
    assert expected == resolve_speakers(shuffled)


@pytest.mark.parametrize("seed", range(4))
def test_order_independent_with_registry(seed: int, tmp_path: Path) -> None:
    registry = load_registry(write(tmp_path, "speakers:\n  - name: Bob Halvorsen\n  - name: Robert Halvorsen\n"))
    shuffled = MIXED[:]
    random.Random(seed).shuffle(shuffled)
    assert resolve_speakers(MIXED, registry) == resolve_speakers(shuffled, registry)


# --- registry -----------------------------------------------------------------------------------

def test_registry_forces_apart_an_automatic_merge(tmp_path: Path) -> None:
    pairs = [("a1", "Bob Halvorsen"), ("a2", "Robert J. Halvorsen"), ("a3", "Robert Halvorsen")]
    assert 1 == len({s.id for s in resolve_speakers(people(*pairs)).values()})
    registry = load_registry(write(tmp_path, """
speakers:
  - name: Bob Halvorsen
    id: bob-halvorsen-jr
  - name: Robert Halvorsen
    id: robert-halvorsen-sr
    wikidata_id: Q4242
"""))
    expected = {("a1", "Bob Halvorsen"): "bob-halvorsen-jr", ("a2", "Robert J. Halvorsen"): "robert-halvorsen-sr",
                ("a3", "Robert Halvorsen"): "robert-halvorsen-sr"}
    resolved = resolve_speakers(people(*pairs), registry)
    assert expected == {key: speaker.id for key, speaker in resolved.items()}
    assert "Q4242" == resolved[("a3", "Robert Halvorsen")].wikidata_id


def test_registry_merges_and_renames(tmp_path: Path) -> None:
    registry = load_registry(write(tmp_path, """
speakers:
  - name: Katherine Moreno-Diaz
    description: Port authority chair
    aliases: [Kate Moreno, Katherine Moreno]
"""))
    pairs = [("a1", "Kate Moreno"), ("a2", "Katherine A. Moreno"), ("a3", "Ms. Moreno")]
    resolved = resolve_speakers(people(*pairs), registry)
    assert {"Katherine Moreno-Diaz"} == {s.name for s in resolved.values()}
    assert 3 == len(resolved)
    speaker = resolved[("a1", "Kate Moreno")]
    assert ("katherine-moreno-diaz", "Port authority chair") == (speaker.id, speaker.description)
    assert {"Kate Moreno", "Katherine Moreno", "Katherine A. Moreno", "Ms. Moreno"} <= set(speaker.aliases)


def test_registry_alias_matches_a_printed_alias(tmp_path: Path) -> None:
    registry = load_registry(write(tmp_path, """
speakers:
  - name: Donald Trump
    aliases: [President Trump]
  - name: Donald Trump Jr.
"""))
    inputs = [ArticlePerson("a1", "Trump", ["President Trump"], []), ArticlePerson("a2", "Trump", [], []),
              ArticlePerson("a3", "Donald Trump Jr.", [], [])]
    expected = {("a1", "Trump"): "Donald Trump", ("a2", "Trump"): "Trump",
                ("a3", "Donald Trump Jr."): "Donald Trump Jr."}
    assert expected == names_by_key(resolve_speakers(inputs, registry))


def test_registry_not_speakers(tmp_path: Path) -> None:
    registry = load_registry(write(tmp_path, "not_speakers: [Ansar Allah]\n"))
    assert {} == resolve_speakers(people(("a1", "Ansar Allah")), registry)


def test_registry_is_applied_again_on_every_run(tmp_path: Path) -> None:
    """A later batch with a bare surname changes nothing for the curated people."""
    registry = load_registry(write(tmp_path, "speakers:\n  - name: Bob Halvorsen\n  - name: Robert Halvorsen\n"))
    first = resolve_speakers(people(("a1", "Bob Halvorsen"), ("a2", "Robert Halvorsen")), registry)
    again = resolve_speakers(people(("a1", "Bob Halvorsen"), ("a2", "Robert Halvorsen"), ("a3", "Halvorsen")),
                             registry)
    assert first == {key: again[key] for key in first}
    assert "Halvorsen" == again[("a3", "Halvorsen")].name  # two curated Halvorsens: ambiguous


def test_example_registry_loads() -> None:
    registry = load_registry(EXAMPLE_REGISTRY)
    assert "joe-biden" == registry.speakers[0].id
    assert ["Ansar Allah"] == registry.not_speakers


@pytest.mark.parametrize("path", [None, ""])
def test_no_registry(path: str | None) -> None:
    assert None is load_registry(path)


def test_empty_registry_file(tmp_path: Path) -> None:
    path = write(tmp_path, "# nothing yet\n")
    assert Registry(path=str(path)) == load_registry(path)


@pytest.mark.parametrize("text, reason", [
    ("speakers: [\n", "not valid YAML"),
    ("- name: Ana Ruiz\n", "expected a mapping"),
    ("speaker:\n  - name: Ana Ruiz\n", "unknown top-level key"),
    ("speakers: {name: Ana Ruiz}\n", "'speakers' must be a list"),
    ("speakers:\n  - Ana Ruiz\n", "speakers entry 1: expected a mapping"),
    ("speakers:\n  - id: ana-ruiz\n", "'name' is required"),
    ("speakers:\n  - name: Ana Ruiz\n    alias: [Ms. Ruiz]\n", "unknown key(s) ['alias']"),
    ("speakers:\n  - name: the Pentagon\n", "not a person's name"),
    ("speakers:\n  - name: Ana Ruiz\n    aliases: [[Ms. Ruiz]]\n", "'aliases' must be a list of names"),
    ("speakers:\n  - name: Ana Ruiz\n    id: Ana Ruiz\n", "'id' must be lower-case"),
    ("speakers:\n  - name: Ana Ruiz\n    wikidata_id: 12345\n", "'wikidata_id' must look like Q12345"),
    ("speakers:\n  - name: Ana Ruiz\n  - name: Ana Ruiz-Soto\n    id: ana-ruiz\n", "id 'ana-ruiz' is also used"),
    ("speakers:\n  - name: Ana Ruiz\n  - name: Ana Soto\n    aliases: [ana ruiz]\n", "also listed under 'Ana Ruiz'"),
    ("not_speakers: Ansar Allah\n", "'not_speakers' must be a list"),
])
def test_invalid_registry(tmp_path: Path, text: str, reason: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(RegistryError) as error:
        load_registry(path)
    assert str(path) in str(error.value)
    assert reason in str(error.value)
    assert isinstance(error.value, ValueError)


def test_missing_registry_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.yml"
    with pytest.raises(RegistryError, match="file not found") as error:
        load_registry(path)
    assert str(path) in str(error.value)


# --- descriptions, alias kinds, slugs ------------------------------------------------------------

@pytest.mark.parametrize("roles, expected", [
    (["Health Minister", "the health minister", "Health Minister", "the Cabinet veteran"], "Health Minister"),
    (["the harbour master"], "Harbour master"),
    (["Gen.", "Joint Staff Director Gen.", "joint staff director"], "Joint Staff Director"),
    (["Gen."], "Gen."),
    ([], None),
    (["", "  "], None),
])
def test_speaker_description(roles: list[str], expected: str | None) -> None:
    assert expected == speaker_description(roles)


@pytest.mark.parametrize("alias, expected", [
    ("Priya Natarajan", "name"),
    ("Priya R. Natarajan", "name"),
    ("Natarajan", "name"),
    ("Dr. Natarajan", "title"),
    ("Health Minister Priya R. Natarajan", "title"),
    ("the health minister", "role"),
    ("Health Minister", "role"),
    ("the Pentagon chief", "role"),
])
def test_alias_kind(alias: str, expected: str) -> None:
    assert expected == alias_kind(alias, "Priya Natarajan")


@pytest.mark.parametrize("name, expected", [
    ("Mark Esper", "mark-esper"),
    ("Wendell Harrow Jr.", "wendell-harrow-jr"),
    ("José Ibáñez", "jose-ibanez"),
])
def test_slugify(name: str, expected: str) -> None:
    assert expected == slugify(name)


@pytest.mark.parametrize("aliases,roles,expected_aliases,expected_roles", [
    # capitals of the person's own name are no separate alias (a transcript's "ROE:", "DANA Roe")
    (["ROE", "Roe", "DANA Roe", "Sen. Dana Roe"], ["Senator"], ["Roe", "Dana Roe", "Sen. Dana Roe"], ["Senator"]),
    # an acronym in a title keeps its capitals
    (["NTSB chief Dana Roe"], ["NTSB chief"], ["NTSB chief Dana Roe"], ["NTSB chief"]),
    # a photo credit glued onto a title is cut off; markup is no alias
    (["Lu Chen/Wire Mayor Dana Roe", "Harborstrong Ms. Roe</tweet"], ["Lu Chen/Wire Mayor"],
     ["Mayor Dana Roe"], ["Mayor"]),
])
def test_article_person_cleans_aliases_and_roles(aliases, roles, expected_aliases, expected_roles) -> None:
    person = ArticlePerson("a1", "Dana Roe", aliases, roles)
    assert (expected_aliases, expected_roles) == (person.aliases, person.roles)


def test_the_formal_first_name_breaks_a_tie_with_its_nickname():
    # One article prints "Bob", another "Robert": the formal name both stand for, not the alphabet.
    tie = resolve_speakers(people(("a1", "Bob Halloran"), ("a2", "Robert Halloran")))
    assert {"Robert Halloran"} == {s.name for s in tie.values()}
    # The form most articles print still wins.
    most = resolve_speakers(people(("a1", "Bob Halloran"), ("a2", "Bob Halloran"), ("a3", "Robert Halloran")))
    assert {"Bob Halloran"} == {s.name for s in most.values()}


def test_an_initial_before_the_first_name_in_use_makes_a_full_name():
    parts = parse_name("M. Dane Waters")
    assert ("M. Dane", (), "Waters") == (parts.first, parts.middles, parts.last)
    result = resolve_speakers(people(("a1", "M. Dane Waters"), ("a2", "Maxine Waters")))
    assert {("a1", "M. Dane Waters"): "M. Dane Waters", ("a2", "Maxine Waters"): "Maxine Waters"} == \
        {key: speaker.name for key, speaker in result.items()}


def test_initials_before_the_given_name_in_use_make_a_full_name():
    # Sri Lankan and South Indian names print the family or father's names as initials before the given name
    # in use ("K. R. Dinesh Perera"): the name is the whole, not "K. Perera".
    parts = parse_name("Dr K. R. Dinesh Perera")
    assert ("K. R. Dinesh", (), "Perera") == (parts.first, parts.middles, parts.last)
    result = resolve_speakers(people(("a1", "K. R. Dinesh Perera"), ("a1", "Dr Perera")))
    assert {"K. R. Dinesh Perera"} == {speaker.name for speaker in result.values()}


def test_given_names_printed_only_as_initials_stay_together():
    # "K. V. Ramasamy" goes by his initials together; the second is no middle initial to drop ("K. Ramasamy")
    parts = parse_name("K. V. Ramasamy")
    assert ("K. V.", (), "Ramasamy") == (parts.first, parts.middles, parts.last)
    result = resolve_speakers(people(("a1", "K. V. Ramasamy"), ("a1", "Ramasamy"), ("a2", "Mr Ramasamy")))
    assert {"K. V. Ramasamy"} == {speaker.name for speaker in result.values()}


def test_a_welsh_patronymic_particle_is_no_agency_name():
    # "ap" (son or daughter of) in lower case inside a Welsh name is a surname particle, not the news agency
    # "AP" that makes a name an organisation's: the speaker was lost in the export
    assert NameParts("Carys", (), "ap Rhys", None, ()) == parse_name("Carys ap Rhys")
    assert None is parse_name("AP")


@pytest.mark.parametrize("printed, ascii_outlet, slug", [
    # letters with a stroke and ligatures have no decomposition: an ASCII-only outlet prints their base letters
    ("Søren Kjær", "Soren Kjaer", "soren-kjaer"),
    ("Halina Wałczyk", "Halina Walczyk", "halina-walczyk"),
    ("Sigrún Þorvaldsdóttir", "Sigrun Thorvaldsdottir", "sigrun-thorvaldsdottir"),
])
def test_stroked_letters_fold_as_an_ascii_outlet_prints_them(printed: str, ascii_outlet: str, slug: str) -> None:
    resolved = resolve_speakers(people(("a1", printed), ("a2", ascii_outlet)))
    assert {slug} == {speaker.id for speaker in resolved.values()}


def test_a_legislators_initials_are_no_given_name() -> None:
    # "MK Noa Ben-Haim" (Member of Knesset) in one outlet is Noa Ben-Haim in another.
    resolved = resolve_speakers(people(("a1", "MK Noa Ben-Haim"), ("a2", "Noa Ben-Haim")))
    assert {"Noa Ben-Haim"} == {speaker.name for speaker in resolved.values()}


def test_letters_after_a_name_are_no_surname() -> None:
    # British style prints "MP", "QC" after the name: "Ana Roe MP" is Ana Roe, not someone surnamed "MP".
    resolved = resolve_speakers(people(("a1", "Ana Roe MP"), ("a2", "Ana Roe"), ("a3", "Tom Hale QC")))
    assert {"Ana Roe", "Tom Hale"} == {speaker.name for speaker in resolved.values()}
