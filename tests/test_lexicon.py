"""The word lists of :mod:`quotes.extract.lexicon` at work: each group makes a kind of sentence attributable.

Every sentence here is invented.
"""

from __future__ import annotations

import pytest

from quotes.extract.lexicon import CUE_VERBS, LIGHT_SPEECH_VERBS, PHRASAL_CUES, SPEECH_NOUNS

from .conftest import pairs


def test_cue_groups_are_lemmas():
    assert [] == [w for w in CUE_VERBS if w != w.lower() or not w.isalpha()]
    assert {"say", "mock", "dub", "vent", "confess", "chant"} <= CUE_VERBS
    assert ("point", "out") in PHRASAL_CUES and "issue" in LIGHT_SPEECH_VERBS and "statement" in SPEECH_NOUNS


@pytest.mark.parametrize("text,expected", [
    # speech-act verbs outside "said": judging, naming, characterising
    ("Race\n\nVera Lund mocked her rival for “having a tough night” after the count.", "Vera Lund"),
    ("Race\n\nOmar Reyes dubbed his opponent “the little senator.”", "Omar Reyes"),
    ("Race\n\nIda Brandt routinely characterizes herself as a “change warrior.”", "Ida Brandt"),
    # a particle makes the verb a cue
    ("Panel\n\n“Voters reject the old guard,” Paul Verne points out.", "Paul Verne"),
    # a speech noun as the object of a light verb
    ("Attack\n\nAfter the attack, Tomas Greer issued a statement, “Our thoughts are with the families.”", "Tomas Greer"),
    # a speech noun owned by a person, as the subject of "is"
    ("Slogans\n\nThe senator was upset. Hanna Berg’s campaign slogan is “I’m with you.”", "Hanna Berg"),
])
def test_speech_act_verbs_and_nouns(nlp, text, expected):
    assert [expected] == [speaker for _, speaker in pairs(nlp, text)]
