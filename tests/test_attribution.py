"""Tests for step 3, attribution: cue verbs and their subjects, "according to", colons and labels,
headline patterns, and continuation.

Every article here is invented; each test names the phenomenon it covers.  The
session-scoped ``nlp`` fixture and the ``quotes_of``/``pairs`` helpers come from conftest.py.
"""

from __future__ import annotations

import pytest

from .conftest import pairs, quotes_of


@pytest.mark.parametrize("text,expected", [
    ("Bridge closes\n“The bridge is unsafe,” Maria Delgado said on Tuesday.",
     [("The bridge is unsafe,", "Maria Delgado")]),
    ("Bridge closes\n“The bridge is unsafe,” said Maria Delgado, the city engineer.",
     [("The bridge is unsafe,", "Maria Delgado")]),
    ("Bridge closes\nMaria Delgado said: “The bridge is unsafe and will stay closed.”",
     [("The bridge is unsafe and will stay closed.", "Maria Delgado")]),
    ("Bridge closes\nMaria Delgado said that “the bridge is unsafe” and left.",
     [("the bridge is unsafe", "Maria Delgado")]),
    ("Bridge closes\n“We will rebuild the bridge,” Governor Tom Okafor told reporters on Friday.",
     [("We will rebuild the bridge,", "Tom Okafor")]),
])
def test_explicit_attribution(nlp, text, expected):
    assert expected == pairs(nlp, text)


@pytest.mark.parametrize("verb", [
    "added", "replied", "echoed", "promised", "warned", "insisted", "noted", "continued", "explained",
    "argued", "claimed", "declared", "stated", "wrote", "asked", "acknowledged", "admitted", "told reporters",
])
def test_cue_verbs_beyond_say(nlp, verb):
    text = f"Bridge closes\n“We will rebuild the bridge by June,” Tom Okafor {verb}."
    mentions = quotes_of(nlp, text)
    assert [("We will rebuild the bridge by June,", "Tom Okafor", verb.split()[0])] == \
        [(m.text, m.speaker, m.cue) for m in mentions]


def test_according_to(nlp):
    text = "Budget passes\nThe budget is “balanced and fair to every family,” according to Maria Delgado."
    mention, = quotes_of(nlp, text)
    assert ("Maria Delgado", "according-to", "according to") == (mention.speaker, mention.method, mention.cue)


def test_relative_clause_between_speaker_and_verb(nlp):
    text = ("Base on alert\nGen. Priya Raman, who spoke alongside Tom Okafor, echoed that the plan works "
            "and “we are ready for anything,” as a response.")
    assert [("we are ready for anything,", "Priya Raman")] == pairs(nlp, text)


def test_split_quote_gives_two_mentions_same_speaker(nlp):
    text = ("Harbor talks\nMs. Jane Holloway met the press on Monday.\n"
            "“We are ready to sign,” she said, “but we need more time to read it.”")
    assert [("We are ready to sign,", "Jane Holloway"),
            ("but we need more time to read it.", "Jane Holloway")] == pairs(nlp, text)


@pytest.mark.parametrize("text", [
    # same paragraph
    "Harbor talks\n“We are ready to sign,” Jane Holloway said. “The deal protects the workers.”",
    # a following paragraph that is only a quote
    "Harbor talks\n“We are ready to sign,” Jane Holloway said.\n“The deal protects the workers.”",
])
def test_continuation_inherits_previous_speaker(nlp, text):
    mentions = quotes_of(nlp, text)
    assert [("We are ready to sign,", "Jane Holloway", "explicit"),
            ("The deal protects the workers.", "Jane Holloway", "continuation")] == \
        [(m.text, m.speaker, m.method) for m in mentions]


def test_multi_paragraph_quote_shares_the_speaker(nlp):
    text = ("Harbor talks\nJane Holloway spoke for an hour.\n“The first thing is the workers.\n"
            "“The second thing is the money.\n“The last thing is time,” Ms. Holloway said.\nThen she left.")
    assert [("The first thing is the workers.", "Jane Holloway"), ("The second thing is the money.", "Jane Holloway"),
            ("The last thing is time,", "Jane Holloway")] == pairs(nlp, text)


@pytest.mark.parametrize("text,speaker,mention", [
    ("Holloway Says ‘Deal Is Close’ After Talks\nJane Holloway, the union leader, met the mayor.",
     "Jane Holloway", "Holloway"),
    ("Holloway: ‘Deal Is Close’ After Talks\nJane Holloway, the union leader, met the mayor.",
     "Jane Holloway", "Holloway"),
    ("‘Deal Is Close,’ Says Holloway\nJane Holloway, the union leader, met the mayor.",
     "Jane Holloway", "Holloway"),
    ("City Hall: ‘No Deal Yet’ on Harbor\nJane Holloway, the union leader, met the mayor.", None, "City Hall"),
])
def test_headline_quotes(nlp, text, speaker, mention):
    first = quotes_of(nlp, text)[0]
    assert (speaker, mention, "headline" if speaker else "none", True) == \
        (first.speaker, first.speaker_mention, first.method if speaker else "none", first.partial)


def test_fragment_without_cue_has_no_speaker(nlp):
    text = "Storm\nJane Roe visited the coast.\nThe storm caused “unprecedented damage” across the region."
    mention, = quotes_of(nlp, text)
    assert (None, True, "none") == (mention.speaker, mention.partial, mention.method)


@pytest.mark.parametrize("text,expected", [
    # a dateline is never the subject
    ("Water bill\nSPRINGFIELD — Sen. Maria Lopez said Tuesday that the bill would “protect every family.”",
     [("protect every family.", "Maria Lopez")]),
    ("Water bill\nKYIV, Ukraine (AP) — Foreign Minister Olena Kovalenko said there would be “no talks now.”",
     [("no talks now.", "Olena Kovalenko")]),
    # guillemets with the attribution after them
    ("Talks\n«This is pure propaganda,» Viktor Sedov said on Monday.", [("This is pure propaganda,", "Viktor Sedov")]),
    # a role noun with the name in apposition
    ("Club\nThe club’s captain, Leo Martins, said: “We have to move on quickly.”",
     [("We have to move on quickly.", "Leo Martins")]),
    # conjoined subjects are a collective: no single speaker
    ("Talks\nMaria Lopez and Dale Hutchins said they would “keep talking for now.”", [("keep talking for now.", None)]),
    # a one-word utterance standing alone is speech; a one-word scare quote is not
    ("UN\n“Nobody wants this war,” said Ana Ferreira. “Nobody.”",
     [("Nobody wants this war,", "Ana Ferreira"), ("Nobody.", "Ana Ferreira")]),
    ("Club\n‘Finally,’ said Tom Okafor outside the ground.", [("Finally,", "Tom Okafor")]),
    # a person later named by first name only is the same person
    ("Club\nTomas Berger left the club on Sunday.\nChairman Ian McAllister thanked Berger. "
     "‘Tomas gave everything,’ he said.", [("Tomas gave everything,", "Ian McAllister")]),
])
def test_more_attribution_shapes(nlp, text, expected):
    assert expected == pairs(nlp, text)


@pytest.mark.parametrize("text,expected", [
    # a headline role resolved through the body's roles
    ("Minister: ‘No Talks Until Ceasefire’\nForeign Minister Olena Kovalenko spoke on Saturday.", "Olena Kovalenko"),
    # a headline quote repeated in the body takes the body speaker
    ("Mayor Defends Budget: ‘We Made Hard Choices’\n“We made hard choices, and I stand by them,” Mayor Keisha Odom said.",
     "Keisha Odom"),
])
def test_headline_speaker_from_the_body(nlp, text, expected):
    assert expected == quotes_of(nlp, text)[0].speaker


@pytest.mark.parametrize("text,expected", [
    # an indefinite role noun introduces someone new
    ("Agency\nJane Roe, a spokeswoman for the agency, spoke first.\n“We disagree,” a spokeswoman for the union said.",
     None),
    # a surname that is also a title word
    ("March\nMartin Luther King Jr. spoke last.\n“We shall overcome,” King said.", "Martin Luther King Jr."),
    # a company whose name starts with a title word is not a person
    ("Cars\n“Sales are up this year,” General Motors said on Monday.", None),
    # "quoted X as saying": the one quoted speaks
    ("Report\nThe agency quoted Jane Roe as saying “we are not finished yet” on Friday.", "Jane Roe"),
    # a relative pronoun is not the speaker; its antecedent is
    ("Vote\nTom Okafor, who said “the vote was rigged,” has not shown evidence.", "Tom Okafor"),
])
def test_speaker_edge_cases(nlp, text, expected):
    assert expected == quotes_of(nlp, text)[-1].speaker


def test_quote_paragraph_after_indirect_speech_continues_it(nlp):
    text = "Plan\nJane Roe said on Monday that the plan would fail.\n“It is doomed from the start.”"
    mention, = quotes_of(nlp, text)
    assert ("Jane Roe", "continuation") == (mention.speaker, mention.method)


@pytest.mark.parametrize("text,expected", [
    # the parser ends the sentence at "?’": the attribution right after still counts
    ("Debate\nLord Anthony Grey was unimpressed.\n‘Where is the money coming from?’ he asked. ‘Nobody has told us.’",
     ["Anthony Grey", "Anthony Grey"]),
    # but never the next paragraph's subject
    ("Debate\n“We will win,” Jane Roe said. “They cannot stop us.”\nTom Okafor said the vote was close.",
     ["Jane Roe", "Jane Roe"]),
    # an acronym is a role, not a person
    ("PM vows ‘no return to austerity’ in speech\nThe Prime Minister, Helen Marsh, spoke in Leeds.", ["Helen Marsh"]),
])
def test_attribution_across_sentence_ends(nlp, text, expected):
    assert expected == [m.speaker for m in quotes_of(nlp, text)]


@pytest.mark.parametrize("text,expected", [
    # a clause about a person introduces the quote with a colon, no cue verb
    ("Talks\nOkoro's deputy, Ben Adler, was blunter: “They want us to work for free.”", "Ben Adler"),
    # but not when that person is quoting someone else
    ("Speech\nHelen Marsh ended by quoting her late father: “Never promise what you cannot deliver.”", None),
    # nor when the clause is about a thing
    ("Vote\nTom Okafor won easily. The result was clear: “a landslide for the challenger.”", None),
])
def test_colon_introductions(nlp, text, expected):
    assert expected == quotes_of(nlp, text)[0].speaker


@pytest.mark.parametrize("headline", [
    "“We Built This Town”: A Conversation With Mayor Ines Harlow",
    "‘We built this town’ — an interview with Ines Harlow",
])
def test_interview_headline_names_the_speaker(nlp, headline):
    text = headline + "\nInes Harlow has led the town council since 2015. She spoke on Friday.\n"
    assert [s for _, s in pairs(nlp, text)] == ["Ines Harlow"]


def test_interview_headline_needs_a_name(nlp):
    text = "‘We built this town’: a conversation with the mayor about housing\nThe council met on Friday.\n"
    assert [s for _, s in pairs(nlp, text)] == [None]


@pytest.mark.parametrize("sentence,speaker", [
    ("Sen. Mara Quint accused her rivals of “gambling with the harvest” on Monday.", "Mara Quint"),
    ("The club's chair, Hugo Brandt, thanked the coach for his “calm and steady hand.”", "Hugo Brandt"),
    ("Mayor Ellen Voss praised the volunteers for their “extraordinary patience” during the flood.", "Ellen Voss"),
    ("Union leader Abel Kroft condemned the plan as “a betrayal of every worker.”", "Abel Kroft"),
])
def test_verbs_of_judgement_introduce_quoted_fragments(nlp, sentence, speaker):
    mentions = quotes_of(nlp, "Report\n" + sentence + "\n")
    assert [(m.speaker, m.partial) for m in mentions] == [(speaker, True)]


@pytest.mark.parametrize("text", [
    "Vote\n\nSen. Mark Ellis, R-Texas, called the bill \"a disaster\" and vowed to fight it.",
    "Vote\n\nRep. Ana Lugo, D-Calif., said the bill was \"a disaster.\"",
])
def test_party_and_state_after_a_name_are_not_the_speaker(nlp, text):
    mentions = quotes_of(nlp, text)
    assert len(mentions) == 1 and mentions[0].speaker in ("Mark Ellis", "Ana Lugo")
    assert all("-" not in p.name for p in nlp(text)._.people)


@pytest.mark.parametrize("text,expected", [
    ("Science\n\nThe study's co-author, Prof. Lena Morris of Oxford, said: \"We were stunned.\"\n\n"
     "\"Nobody expected it,\" added co-author Raj Patel.", ["Lena Morris", "Raj Patel"]),
])
def test_hyphenated_subject_split_by_the_tokenizer(nlp, text, expected):
    assert [s for _, s in pairs(nlp, text)] == expected


@pytest.mark.parametrize("text,expected", [
    ('Row\n\n"That is a lie," Mr. Trent shot back. Senator Alan Trent has denied the claims.', "Alan Trent"),
    ('Row\n\nAlan Trent hit back: "They are desperate."', "Alan Trent"),
    ('Row\n\nAlan Trent hit the ball back to the "wrong side of the net" twice.', None),
])
def test_verbs_that_report_speech_with_back(nlp, text, expected):
    assert [s for _, s in pairs(nlp, text)] == [expected]


@pytest.mark.parametrize("text,expected", [
    ('Row\n\nThe minister, Claire Fox, was asked whether she would resign. Her answer: "Absolutely not."',
     "Claire Fox"),
    ('Row\n\nFox\'s reply was blunt: "Absolutely not." Claire Fox has held the seat since 2010.', "Claire Fox"),
    ('Row\n\nIn the words of one official, Mark Bell, the plan is "dead on arrival."', "Mark Bell"),
])
def test_speech_nouns_and_in_the_words_of(nlp, text, expected):
    assert [s for _, s in pairs(nlp, text)] == [expected]


def test_transcript_speaker_label(nlp):
    text = ("Briefing\n\nPolice Chief Daniel Okoro and stadium chief executive Fiona McLeish spoke on Monday.\n\n"
            "Q: Were there enough officers?\n\n"
            "Okoro: \"We had more officers than ever before.\"\n\n"
            "McLeish: \"We should have opened the gates sooner.\"")
    assert pairs(nlp, text) == [("We had more officers than ever before.", "Daniel Okoro"),
                                ("We should have opened the gates sooner.", "Fiona McLeish")]


def test_manner_verb_after_a_comma_quote(nlp):
    text = ("Bins\n\nMother-of-three Jasleen Kaur said her bin was overflowing.\n\n"
            "'It's nappies and pizza boxes,' she laughed. 'Two weeks is a long time.'")
    assert [s for _, s in pairs(nlp, text)] == ["Jasleen Kaur", "Jasleen Kaur"]
