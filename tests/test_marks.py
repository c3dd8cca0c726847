"""Tests for step 1, marks: pairing quotation marks from the characters alone, and which quoted words
are not speech (scare quotes, titles of works) or only a fragment.

Every article here is invented; each test names the phenomenon it covers.  The
session-scoped ``nlp`` fixture and the ``quotes_of``/``pairs`` helpers come from conftest.py.
"""

from __future__ import annotations

import pytest

from quotes.extract import find_quotations
from quotes.extract.marks import is_not_speech

from .conftest import pairs, quotes_of


@pytest.mark.parametrize("text,expected", [
    # curly double
    ("She said “we will win the vote” today.", ["we will win the vote"]),
    # straight double
    ('He said "we will win the vote" today.', ["we will win the vote"]),
    # single quotes in a headline
    ("Okafor Says 'Bridge Will Reopen' by June", ["Bridge Will Reopen"]),
    ("Okafor Says ‘Bridge Will Reopen’ by June", ["Bridge Will Reopen"]),
    # British-style single quotes in the body
    ("‘We will reopen the bridge,’ she said. ‘It is safe.’", ["We will reopen the bridge,", "It is safe."]),
    # guillemets, both directions, with and without inner spaces
    ("Il a dit « nous allons gagner » hier.", ["nous allons gagner"]),
    ("Il a dit : « C’est fini ».", ["C’est fini"]),
    ("He said «we will win the vote» today.", ["we will win the vote"]),
    ("Er sagte »wir werden gewinnen« gestern.", ["wir werden gewinnen"]),
    # acute accents standing in for quotation marks
    ("He said ´we will win the vote´ today.", ["we will win the vote"]),
    # German low-high marks
    ("Sie sagte „wir schaffen das“ gestern.", ["wir schaffen das"]),
])
def test_quotation_mark_styles(text, expected):
    assert expected == [q.text for q in find_quotations(text)]


@pytest.mark.parametrize("text,expected", [
    # nested quotes stay inside the outer one
    ("“He told me ‘never again’ twice,” she said.", ["He told me ‘never again’ twice,"]),
    ("‘He told me “never again” twice,’ she said.", ["He told me “never again” twice,"]),
    ('"He told me \'never again\' twice," she said.', ["He told me 'never again' twice,"]),
])
def test_nested_quotes_stay_inside(text, expected):
    assert expected == [q.text for q in find_quotations(text)]


@pytest.mark.parametrize("text,expected", [
    ("“The troops’ families can’t wait for the nation’s answer,” he said.",
     ["The troops’ families can’t wait for the nation’s answer,"]),
    ("‘The troops’ families deserve answers,’ she said.", ["The troops’ families deserve answers,"]),
    ("The soldiers’ wives said ‘we are proud of them’ on Monday.", ["we are proud of them"]),
    ("It was the ’90s and ’em folks said “we were young then,” he recalled.", ["we were young then,"]),
    ("Don't panic, it's Ana's and the Joneses' car.", []),
    ("‘Rock ’n’ roll is back,’ she said.", ["Rock ’n’ roll is back,"]),
    ('He bought a 6" pipe and said "it leaks badly" today.', ["it leaks badly"]),
    ("``We will win,'' he said.", ["We will win,"]),
])
def test_apostrophes_are_not_marks(text, expected):
    assert expected == [q.text for q in find_quotations(text)]


@pytest.mark.parametrize("text,expected", [
    # a separator in a title, never closed
    ("Harbor Deal Signed « City Desk", []),
    # a stray closer before a real pair
    ("A stray ” here, then “a real quote” there.", ["a real quote"]),
    # a stray opener before a real pair
    ("“Unclosed start and then “a real one” later.", ["a real one"]),
    # one bad paragraph does not spoil the next
    ("He said “this never closes.\nLater she said “this one does” and left.", ["this never closes.", "this one does"]),
    # a lost opening mark is recovered when an attribution follows the closing one
    ("Head\nWe will win this fight,” Jane Roe said.", ["We will win this fight,"]),
    ("Head\nHe bought a 6” pipe and left.", []),
    ("", []),
    ("“", []),
    ("”“’‘\"'«»", []),
])
def test_stray_marks_are_local(text, expected):
    assert expected == [q.text for q in find_quotations(text)]


def test_multi_paragraph_quote_is_one_mention_per_paragraph():
    text = ("Headline\n“The first part runs on.\n“The second part too.\n“The last part ends,” she said.\n"
            "Another paragraph.")
    quotations = find_quotations(text)
    assert ["The first part runs on.", "The second part too.", "The last part ends,"] == [q.text for q in quotations]
    assert len({q.chain for q in quotations}) == 1 and quotations[0].chain is not None


@pytest.mark.parametrize("text", [
    "Headline\nHer book “The Long Road Home” was published in May.",
    "Headline\nThey watched a film called “Night Harbor Lights” together.",
    "Headline\nThe song titled “Rivers of Glass” topped the charts.",
    "Headline\nThe “reform” was criticised by everyone.",
    "Headline\nThe so-called “peace dividend” never arrived.",
    "Headline\nCan you identify the groups? Nobody answered.",
])
def test_titles_scare_quotes_and_unmarked_questions_are_not_mentions(nlp, text):
    assert [] == quotes_of(nlp, text)


@pytest.mark.parametrize("text,partial", [
    ("Vote\nJane Roe said the plan was “a total failure” on Monday.", True),
    ("Vote\n“The plan is a total failure,” Jane Roe said.", False),
    ("Vote\nJane Roe said: “The plan is a total failure.”", False),
])
def test_partial_flag(nlp, text, partial):
    mention, = quotes_of(nlp, text)
    assert partial == mention.partial


@pytest.mark.parametrize("text,expected", [
    # a stray opener before a finished quote does not swallow it into the running quote
    ("News « Desk “A is done,” she said. “B runs on.\n“C ends here,” she said.",
     ["A is done,", "B runs on.", "C ends here,"]),
    # straight marks follow the same convention
    ('Head\n"The first part runs on.\n"The last part ends," she said.', ["The first part runs on.", "The last part ends,"]),
])
def test_running_quotes_across_paragraphs(text, expected):
    assert expected == [q.text for q in find_quotations(text)]


def test_hard_wrapped_lines_are_one_paragraph(nlp):
    text = "Vote\n\n“We will win this\nvote,” Jane Roe said on Tuesday, “and then\nwe rest.”\n\nNext paragraph."
    assert [("We will win this\nvote,", "Jane Roe"), ("and then\nwe rest.", "Jane Roe")] == pairs(nlp, text)


def test_lowercase_quote_after_a_work_noun_is_speech_not_a_title(nlp):
    text = "Film honoured\nThe critics called the film \"a slow and tender triumph.\"\n"
    assert [q for q, _ in pairs(nlp, text)] == ["a slow and tender triumph."]
    text = "Film honoured\nShe starred in the film \"Winter Harbour\" last year.\n"
    assert pairs(nlp, text) == []


@pytest.mark.parametrize("text,expected", [
    ("Cuts announced\nThe union's leader, Rhoda Finn, said the cuts were \"reckless\" and would hurt pupils.\n",
     [("reckless", "Rhoda Finn")]),
    ("Closures\nAnalyst Victor Hale said the closures were “overdue.”\n", [("overdue.", "Victor Hale")]),
    # a scare-quoted noun under a cue verb is still not speech
    ("Reform\nVictor Hale said the \"reform\" had changed nothing.\n", []),
])
def test_one_word_predicate_of_reported_speech_is_a_quote(nlp, text, expected):
    assert pairs(nlp, text) == expected


def test_title_case_name_inside_a_sentence_is_a_title_not_speech(nlp):
    text = ("Debut wins\nLena Ortiz, whose first feature \"The Long Field\" cost $200,000, won on Friday. "
            "\"I owe everyone,\" Ortiz said.\n")
    assert pairs(nlp, text) == [("I owe everyone,", "Lena Ortiz")]


def test_adjective_after_as_under_a_cue_is_a_quote(nlp):
    text = "Review\nJury member Omar Haddou described the staging as “fearless.”\n"
    assert pairs(nlp, text) == [("fearless.", "Omar Haddou")]


def test_titles_of_works_across_sentences_headline_and_subject(nlp):
    text = ("Review: 'The Long Field' is slow\n\n"
            "Halfway through \"The Long Field,\" the new film from Ines Carvalho, the guide says: \"Wait.\"\n\n"
            "Carvalho has said she wanted to avoid the adventure movie. \"I was not interested in the chase,\" "
            "she told a magazine.\n\n"
            "\"The Long Field\" opens Friday.")
    assert pairs(nlp, text) == [("Wait.", None), ("I was not interested in the chase,", "Ines Carvalho")]


def test_one_word_predicate_in_spaced_guillemets_is_speech(nlp):
    text = ("Trade\n\nA Commission spokesman said the agreement was « balanced » and fair to farmers.")
    assert [t for t, _ in pairs(nlp, text)] == ["balanced"]


# --- Issue 12 -----------------------------------------------------------------------------------


def test_unclosed_quote_runs_to_the_end_of_its_paragraph():
    text = "Unions\n\nA spokesman said, “At this point, any estimate is a snapshot.\n\nNext paragraph."
    assert [("At this point, any estimate is a snapshot.", True)] == \
        [(q.text, q.open_ended) for q in find_quotations(text)]


@pytest.mark.parametrize("text,expected", [
    ("Feud\n\nBush also attacked Trump, calling him a “loser.”\n", [("loser.", "Bush")]),
    ("Fed\n\nHelen Ober had said that the country had “contained” the group.\n", [("contained", "Helen Ober")]),
    ("Fed\n\nTara Lo accused the chairman of trying to “debase” the currency.\n", [("debase", "Tara Lo")]),
    # an adjective after a determiner is still the speaker's word (only a noun subject is a scare quote)
    ("Press\n\nSenator Ann Cole said the “crooked” press ignored the vote.\n", [("crooked", "Ann Cole")]),
])
def test_one_word_quote_inside_reported_speech(nlp, text, expected):
    assert expected == [(m.text, m.speaker) for m in nlp(text)._.quotes]


def test_multi_paragraph_straight_quote_with_curly_quotes_inside():
    # Straight marks around the whole statement, curly ones around the words it quotes in turn.
    text = ('Roe stated:\n"The harbor board isn’t about “Open Water for All” anymore. It is about fees.\n'
            '"The latest plan charges every “small boat,” which hurts the fishermen.\n"We will fight it."\nThe end.')
    quotations = find_quotations(text)
    assert ["The harbor board isn’t about “Open Water for All” anymore. It is about fees.",
            "The latest plan charges every “small boat,” which hurts the fishermen.", "We will fight it."] == \
        [q.text for q in quotations]
    assert len({q.chain for q in quotations}) == 1 and quotations[0].chain is not None


def test_word_final_apostrophe_of_a_name_closes_no_quote():
    # Luo names may end in an apostrophe: no quote "lost its opening mark" before "Ombati said".
    text = ("Water\nHealth Cabinet Secretary Prof. Oching' Ombati said the taps would run by June. "
            "\"Every tank will be full,\" she told residents.")
    assert ["Every tank will be full,"] == [q.text for q in find_quotations(text)]


@pytest.mark.parametrize("text,expected", [
    # an invisible left-to-right embedding pasted before a comment's opening mark
    ("Posts\n\n\u202a”Sorry Ann, you should have said no,” wrote Tom Okafor.", ["Sorry Ann, you should have said no,"]),
    ("Posts\n\n“We will rebuild it.\u202c” Tom Okafor wrote.", ["We will rebuild it.\u202c"]),
])
def test_marks_read_past_invisible_direction_marks(text, expected):
    assert expected == [q.text for q in find_quotations(text)]


def test_speaker_of_a_comment_after_an_invisible_direction_mark(nlp):
    text = "Posts\nReaders answered the mayor.\n\n\u202a”Sorry Ann, you should have said no,” wrote Tom Okafor."
    assert [("Sorry Ann, you should have said no,", "Tom Okafor")] == pairs(nlp, text)


@pytest.mark.parametrize("text,expected", [
    # a programme after its broadcaster's possessive, with the sentence's period moved inside the marks
    ("Port vote\n\"We will win this,\" Mayor Rui Salgado said on WKRT's \"Morning Desk.\" \"Nobody doubts it.\"\n",
     [("We will win this,", "Rui Salgado"), ("Nobody doubts it.", "Rui Salgado")]),
    # a programme after "on", with the comma inside
    ("Port vote\nMayor Rui Salgado said on \"Weekend Report With Ana Roe,\" that the port was \"ready.\"\n",
     [("ready.", "Rui Salgado")]),
    # a one-word programme name under a cue is still a name, not a reported word
    ("Port vote\nMayor Rui Salgado told KTVB's \"Today\" that the plan was \"dead on arrival.\"\n",
     [("dead on arrival.", "Rui Salgado")]),
    # a sentence after a year is no programme: "in 2016." ends a sentence
    ("Port vote\n\"Nobody can fix it,\" Ana Roe said of the talks in 2016. \"Everything Else Is Noise.\"\n",
     [("Nobody can fix it,", "Ana Roe"), ("Everything Else Is Noise.", "Ana Roe")]),
    # lowercase words after a possessive are the owner's words
    ("Port vote\nSalgado's \"very strong\" plan passed, said Mayor Rui Salgado.\n", [("very strong", "Rui Salgado")]),
    # a body line that opens with capitalised words is no Title Case headline: the whole line counts
    ("Port vote\n\nFriday on KTVA’s “Morning Line,” Mayor Rui Salgado said the port was ready.\n", []),
    # a programme after "of" and "with"
    ("Port vote\n\nRui Salgado is now host of “The Late Hour With Ana Quist.”\n", []),
    ("Port vote\n\n“We will win,” Rui Salgado said in an interview with “Sunday Desk.” The party declined to comment.\n",
     [("We will win,", "Rui Salgado")]),
    # but a chant after "of" is cried, not a title
    ("Port vote\n\nThe hall broke into chants of “Lock Them Up!” as Rui Salgado spoke.\n", [("Lock Them Up!", None)]),
    # a work noun set off before the title, or its author after it
    ("Port vote\n\nIn his autobiography, “A Season of Salt,” published in 2015, Mayor Rui Salgado described the port.\n", []),
    ("Port vote\n\nThe mayor praised her new film, “Driftwood.” Rui Salgado said it was brave.\n", []),
    ("Port vote\n\nOne of his recent reads, “The Long Shore,” by Ana Quist, shaped the plan, Rui Salgado said.\n", []),
])
def test_title_case_name_after_a_possessive_or_on_is_a_work(nlp, text, expected):
    assert expected == pairs(nlp, text)


def test_sentence_after_a_work_noun_and_a_colon_is_speech(nlp):
    # "title" here is a championship, and the colon labels the words that follow, as in "Roe: ‘…’": a
    # sentence (not Title Case) after "NOUN:" is speech; the body's repeat gives its speaker.
    text = ("Rovers win the cup title: ‘We played every minute for Coach Benjamin’\n\n"
            "“We played every minute for Coach Benjamin. All of us,” captain Lena Ostrova said after the final.")
    assert [("We played every minute for Coach Benjamin", "Lena Ostrova"), ("We played every minute for Coach Benjamin. All of us,", "Lena Ostrova")] == \
        pairs(nlp, text)
    # a Title Case name after the colon still names the work
    assert [] == pairs(nlp, "Harbour Records announces new album: ‘Blue Harbour Nights’\n\nIt comes out in May.")


@pytest.mark.parametrize("sentence", [
    "The crowd outside the town hall chanted her nickname, “La Roja”, as she came out.",
    "Fishermen call the north wind “brisa fría”, a local phrase for a cold morning.",
    "The harbour’s old name was Skarvik, a Norse name meaning “cormorant bay”.",
    "She runs a small bakery, “Casa Fjellrose” (the name means mountain rose house), with her sister.",
    "The board published its sample survey, the “quick tally”, which gives the mayor a lead.",
])
def test_words_mentioned_as_terms_or_names_are_not_speech(sentence):
    # a name set beside "nickname", a gloss after "meaning", a quote classified as "a local phrase", a Title
    # Case name translated in parentheses, an apposition renaming a noun ", the “…”,": the reporter mentions
    # the words, no one says them
    text = "Harbour town\n\n" + sentence + "\n"
    assert [True] == [is_not_speech(text, q) for q in find_quotations(text)]


@pytest.mark.parametrize("sentence,expected", [
    ("Dr. Ana Moura, an economist and author of the report “Golden Years 2040”, said so.", True),
    ("Minister Rui Lemos cited the broadcaster’s regional channel, “Voice of the Coast”, as an example.", True),
    ("Her housing bill, known in the capital as “Casa Aberta 2030”, went back to committee.", True),
    # words told to an outlet, and words that are not a Title Case name, stay speech
    ("Lemos told the radio station, “Nothing Will Change Here.”", False),
    ("The report “found no evidence of fraud,” the minister said.", False),
])
def test_a_title_case_name_beside_a_report_or_channel_noun_is_not_speech(sentence, expected):
    # a publication, an outlet or a plan has a Title Case proper name (numbers have no case: "2040")
    text = "Harbour town\n\n" + sentence + "\n"
    assert [expected] == [is_not_speech(text, q) for q in find_quotations(text)]


def test_a_sentence_said_before_a_term_noun_is_still_speech():
    text = "Harbour town\n\n“We will rebuild the pier,” a phrase the mayor repeats at every meeting.\n"
    assert [False] == [is_not_speech(text, q) for q in find_quotations(text)]


@pytest.mark.parametrize("sentence", [
    "Prosecutors showed invoices for what the ledgers described as “advisory work” that matched no job.",
    "Prosecutors showed invoices for what the ledgers described as “advice” that matched no job.",
    "The fees, which the city’s accounts describe as ‘technical support’, were paid twice.",
    "Some 2,000 fans, known as “the Red Tide”, travelled to the final by train.",
    "The pool gave them an hour on Fridays, which swimmers came to call the “quiet lane”.",
])
def test_a_short_label_no_one_person_gives_is_not_speech(nlp, sentence):
    # the object complement of call/dub/term or of described/known as, with no namer, or documents or a
    # community as the namer: the name a thing goes by, mentioned by the reporter
    assert [] == pairs(nlp, "Clinic case opens\n\n" + sentence + "\n")


def test_a_label_a_person_gives_after_a_verb_of_naming_is_still_speech(nlp):
    # a person's or a pronoun's label is that speaker's word (PolNeAR annotates "what Roe calls “…”")
    text = ("Clinic case opens\n\nMayor Ana Quispe called the plan “a serious mistake.” Later she described the "
            "deal as “a gift to the two companies that wrote it”. She said the council would open what she "
            "called a “listening table”.\n")
    assert [("a serious mistake.", "Ana Quispe"), ("a gift to the two companies that wrote it", "Ana Quispe"),
            ("listening table", "Ana Quispe")] == pairs(nlp, text)


def test_a_label_with_an_agent_or_after_the_noun_term_is_still_speech(nlp):
    text = ("Clinic case opens\n\nThe scheme has been called “quiet capture” by Lea Moraes, a professor in Porto. "
            "Rui Matos criticised her use of the term “cartel” in the debate.\n")
    assert [("quiet capture", "Lea Moraes"), ("cartel", "Rui Matos")] == pairs(nlp, text)


@pytest.mark.parametrize("sentence", [
    # a short foreign term with its translation in parentheses after it
    "The scheme, known in the local press as “oro nero” (black gold), is one of several cases in the region.",
    # the object named between the verb of naming and its name, with a community naming it
    "Older farmers call this kind of sudden frost “geada negra”, black frost.",
    # a universally quantified namer is a community: the name the thing goes by
    "He attacked on the cobbled climb that every local rider simply calls “the Anvil”, with Duarte behind him.",
])
def test_a_label_apart_from_its_verb_or_given_by_everyone_is_not_speech(nlp, sentence):
    assert [] == pairs(nlp, "Harbour scandal\n\n" + sentence + "\n")
