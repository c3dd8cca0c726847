"""End-to-end tests for the extractor: the component's output fields, robustness, batching and
worker processes, and the seed corpus scored like the referee.

The steps have their own files: test_marks.py, test_people.py, test_attribution.py,
test_resolution.py.

Every article here is invented; each test names the phenomenon it covers.  The
session-scoped ``nlp`` fixture (one model load per run) and the ``quotes_of``/``pairs`` helpers
come from conftest.py.
"""

from __future__ import annotations

import importlib.util
import json
import pytest

from quotes.extract import EXTRACTOR_VERSION, METHODS, extract

from .conftest import pairs, quotes_of


def test_mention_fields(nlp):
    text = "Bridge\n“We will rebuild the bridge,” Defense Secretary Jane Roe told reporters."
    mention, = quotes_of(nlp, text)
    assert ("Jane Roe", "Defense Secretary Jane Roe", "Defense Secretary", "told", "explicit", False) == \
        (mention.speaker, mention.speaker_mention, mention.speaker_role, mention.cue, mention.method, mention.partial)
    assert 0.0 < mention.confidence <= 1.0 and mention.method in METHODS


@pytest.mark.parametrize("text", [
    "", "\n\n", "“", "”“’‘\"'«»´", "Headline only", "Headline\n« « » »\n“ ” “\n'''''",
    "Title « Site\n“Unclosed quote and he said\n“another” one",
])
def test_messy_text_never_raises(nlp, text):
    doc = nlp(text)
    for mention in doc._.quotes:
        assert text[mention.start:mention.end] == mention.text


def test_extract_batches_in_order(nlp):
    texts = ["A\n“One two three,” Jane Roe said.", "B\nNo quotes here.", "C\n“Four five six,” Tom Okafor said."]
    results = list(extract(nlp, texts, batch_size=2))
    assert [["Jane Roe"], [], ["Tom Okafor"]] == [[m.speaker for m in mentions] for mentions, _ in results]
    assert EXTRACTOR_VERSION


def test_seed_corpus_scores_above_floor(nlp, seeds_dir, gold_path):
    """The referee's metrics on ../shared's seeds (skipped when ../shared is absent)."""
    from quotes.clean import clean_article
    from quotes.sources import Article, read_paths

    referee_path = gold_path.parent.parent / "tools" / "score_quotes.py"
    if not referee_path.is_file():
        pytest.skip("../shared/tools/score_quotes.py is not present")
    spec = importlib.util.spec_from_file_location("score_quotes", referee_path)
    referee = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(referee)
    articles = [clean_article(a) for a in read_paths([seeds_dir]) if isinstance(a, Article)]
    predictions = []
    for article, (mentions, _) in zip(articles, extract(nlp, [a.text for a in articles])):
        for mention in mentions:
            assert article.text[mention.start:mention.end] == mention.text
            predictions.append({"article": article.id, "text": mention.text, "speaker": mention.speaker,
                                "quote_id": None})
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line]
    result = referee.score(gold, predictions)
    assert result["det_F1"] >= 0.97
    assert result["exact_F1"] >= 0.90
    assert result["attr_acc"] >= 0.95
    assert result["e2e_F1"] >= 0.95


def test_random_mark_soup_never_raises(nlp, caplog):
    import logging
    import random

    caplog.set_level(logging.WARNING, logger="quotes.extract")

    rng = random.Random(11)
    pieces = list("“”‘’\"'«»„´`\n .,:—") + ["Jane Roe", "said", "he", "Mr.", "Gen.", "told", "according to",
                                          "we will", "O'Neill", "CITY", "(AP)", "the president", "the",
                                          "54-year-old", "a", "officials", "and"]
    for _ in range(150):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 50)))
        for mention in nlp(text)._.quotes:
            assert text[mention.start:mention.end] == mention.text
    assert [] == [record.getMessage() for record in caplog.records]  # no attribution failed either


@pytest.mark.slow
def test_extract_with_worker_processes(nlp):
    texts = ["A\n“One two three,” Jane Roe said.", "B\nNo quotes here.", "C\n“Four five six,” Tom Okafor said."]
    results = list(extract(nlp, texts, batch_size=1, n_process=2))
    assert [["Jane Roe"], [], ["Tom Okafor"]] == [[m.speaker for m in mentions] for mentions, _ in results]


def test_pipeline_without_parser_still_finds_quotations():
    import spacy

    from quotes.extract import QuoteExtractor

    blank = spacy.blank("en")
    doc = QuoteExtractor(blank)(blank("Head\n“We will win the vote,” Jane Roe said."))
    assert [("We will win the vote,", None)] == [(m.text, m.speaker) for m in doc._.quotes]


def tokens(nlp, text: str) -> list[str]:
    """The token texts of ``text`` after our tokenizer customisations."""
    return [token.text for token in nlp.tokenizer(text)]


@pytest.mark.parametrize("text,expected", [
    # a transcript label: spaCy's "):" emoticon kept the parenthesis and the colon one token
    ('Sen. Ann Roe (D-N.Y.): "We', ["Sen.", "Ann", "Roe", "(", "D", "-", "N.Y.", ")", ":", '"', "We"]),
    ("the hours (all times local):", ["the", "hours", "(", "all", "times", "local", ")", ":"]),
])
def test_tokenizer_splits_a_parenthesis_before_a_colon(nlp, text, expected):
    assert expected == tokens(nlp, text)


@pytest.mark.parametrize("text,expected", [
    # the parenthesis of a label glued to the opening mark
    ('Ann Roe (Democrat):"We', ["Ann", "Roe", "(", "Democrat", ")", ":", '"', "We"]),
    ('Ann Roe (D-N.Y.):"We', ["Ann", "Roe", "(", "D", "-", "N.Y.", ")", ":", '"', "We"]),
    # a mark glued after the end of a sentence, straight or curly
    ('the pier."We', ["the", "pier", ".", '"', "We"]),
    ("the pier?“We", ["the", "pier", "?", "“", "We"]),
    # a mark between two letters, whichever way it faces
    ('rebuild the pier"We', ["rebuild", "the", "pier", '"', "We"]),
    ("Ann Roe said“We", ["Ann", "Roe", "said", "“", "We"]),
    # dashes glued to marks on either side; a plain hyphen stays in its word
    ("every stop—“We", ["every", "stop", "—", "“", "We"]),
    ('PIER SALE—"Old', ["PIER", "SALE", "—", '"', "Old"]),
    ("for the town!”—and", ["for", "the", "town", "!", "”", "—", "and"]),
    ('move on."--Ann', ["move", "on", ".", '"', "--", "Ann"]),
    ("a “pier”–like", ["a", "“", "pier", "”", "–", "like"]),
    ("a “pier”-like", ["a", "“", "pier”-like"]),
    # an invisible direction mark pasted before the mark
    ("\u202a”We", ["\u202a", "”", "We"]),
])
def test_tokenizer_splits_glued_quotation_marks(nlp, text, expected):
    assert expected == tokens(nlp, text)


@pytest.mark.parametrize("text,expected", [
    # British-style single marks glued the same ways
    ("Ann Roe said,‘We will.’", ["Ann", "Roe", "said", ",", "‘", "We", "will", ".", "’"]),
    ("Ann Roe (Labour):‘We", ["Ann", "Roe", "(", "Labour", ")", ":", "‘", "We"]),
    ("every stop—‘We", ["every", "stop", "—", "‘", "We"]),
    ("it is done,’Ann Roe said", ["it", "is", "done", ",", "’", "Ann", "Roe", "said"]),
    ("it is done!’Ann", ["it", "is", "done", "!", "’", "Ann"]),
])
def test_tokenizer_splits_glued_single_marks(nlp, text, expected):
    assert expected == tokens(nlp, text)


@pytest.mark.parametrize("text,expected", [
    # the curly apostrophe stays in and after words
    ("Wanjiru Achieng’ said", ["Wanjiru", "Achieng", "’", "said"]),
    ("Ann O’Neill", ["Ann", "O’Neill"]),
    ("the U.S.’s plan", ["the", "U.S.", "’s", "plan"]),
    ("we don‘t", ["we", "don‘t"]),
])
def test_tokenizer_keeps_curly_apostrophes(nlp, text, expected):
    assert expected == tokens(nlp, text)


def test_speaker_after_a_glued_single_closing_mark(nlp):
    text = "Pier vote\n‘The pier is finished and we have to move on,’Ann Roe, the mayor of Dover, said."
    assert [("The pier is finished and we have to move on,", "Ann Roe")] == pairs(nlp, text)


@pytest.mark.parametrize("text,expected", [
    ("I don't know O'Neill", ["I", "do", "n't", "know", "O'Neill"]),
    ("Wanjiru Achieng' said", ["Wanjiru", "Achieng", "'", "said"]),
    ("the '90s were", ["the", "'", "90s", "were"]),
    ('a 5\'10" guard', ["a", "5'10", '"', "guard"]),
])
def test_tokenizer_keeps_apostrophes_and_inch_marks(nlp, text, expected):
    # guards the splits above: they touch double marks only
    assert expected == tokens(nlp, text)


@pytest.mark.parametrize("text,expected", [
    ('Pier vote\nAt the hearing:\n\nAnn Roe (Democrat):"We will rebuild the pier before the summer."',
     [("We will rebuild the pier before the summer.", "Ann Roe")]),
    ("Pier vote\n“The pier is finished and we have to move on.”—Ann Roe, mayor of Dover",
     [("The pier is finished and we have to move on.", "Ann Roe")]),
    ('Pier vote\n"The pier is finished and we have to move on."--Ann Roe, mayor of Dover',
     [("The pier is finished and we have to move on.", "Ann Roe")]),
])
def test_speaker_next_to_a_glued_mark(nlp, text, expected):
    assert expected == [(m.text, m.speaker) for m in quotes_of(nlp, text)]
