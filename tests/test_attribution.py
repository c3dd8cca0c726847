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


def test_a_participle_takes_no_subject_after_it(nlp):
    # "…,” said Quently, explaining she …": the tagger reads the "-ly" surname as an adverb, so "said"
    # has no parsed subject; the participle's subject is still the one of the verb it hangs on (printed
    # inverted after it), never "she", the subject of its own complement (another person here, Vale).
    text = ("Harbor office\nDorn and Vale both ran the county office for years.\n\n"
            "“Having two people who know the files is a gift,” said Quently, explaining she worked more closely "
            "with Vale, who cleaned up the voter data: “Vale is superb with numbers.”\n")
    assert [("Having two people who know the files is a gift,", "Quently"),
            ("Vale is superb with numbers.", "Quently")] == \
        [(m.text, m.speaker_mention) for m in quotes_of(nlp, text)]


def test_of_two_parsed_subjects_the_one_against_the_verb_speaks(nlp):
    # "Or maybe Ana Roe, consultant Ben Dorn says": the fronted name is what Dorn names, not a speaker.
    text = ("Harbor race tightens\nThe county will pick a new chair in March.\n\n"
            "Or maybe Ana Roe, campaign consultant Ben Dorn says. "
            "“Several polls suggest a second look is happening in the north.”\n")
    assert [("Several polls suggest a second look is happening in the north.", "Ben Dorn")] == pairs(nlp, text)


def test_a_cue_under_a_condition_reports_no_words(nlp):
    # "He says if voters think …": the condition supposes a thought; the words are the speaker's of "says".
    text = ("Harbor race tightens\nBen Dorn is outlining his plans on housing and schools.\n\n"
            "He says if voters think the schools will be saved by “city hall politics and city hall money, "
            "you have the wrong candidate in front of you.”\n")
    assert [("city hall politics and city hall money, you have the wrong candidate in front of you.", "Ben Dorn")] \
        == pairs(nlp, text)


def test_a_quote_after_a_bare_connective_continues_the_tag_before(nlp):
    # "“…,” he said outside the hall. But “…”": the conjunction links the quote to the last speaker's.
    text = ("Harbor race tightens\nBen Dorn, a city councillor, said the vote would be close.\n\n"
            "“I don’t think it’s make or break, any single vote,” he said outside the hall. "
            "But “the mayor’s plan is stronger with the council behind it. It helps.”\n")
    assert [("I don’t think it’s make or break, any single vote,", "Ben Dorn"),
            ("the mayor’s plan is stronger with the council behind it. It helps.", "Ben Dorn")] == pairs(nlp, text)


def test_a_fragment_in_a_sentence_picking_up_the_quote_continues_its_speaker(nlp):
    # "“…,” Vale added. But that is not the same thing as “…”": "that" takes up what Vale said, and the
    # fragment goes on in her words; a fragment in a sentence about something else stays unattributed.
    text = ("Harbor law\nLawyers disagree on the harbor statute.\n\n"
            "“Plenty of laws are written so that almost anything could count as a violation,” Vale added. "
            "But that is not the same thing as “a charge a court would ever accept.”\n\n"
            "“The statute is clear,” Dorn said. The memo put the “bare minimum for a safe crossing” at ten.\n")
    assert [("Plenty of laws are written so that almost anything could count as a violation,", "Vale"),
            ("a charge a court would ever accept.", "Vale"), ("The statute is clear,", "Dorn"),
            ("bare minimum for a safe crossing", None)] == pairs(nlp, text)


@pytest.mark.parametrize("text,expected", [
    ("Plant news\nMaria Delgado has worked at the plant for years.\n\nAnd when she heard the mayor talking about "
     "the plant, all she could do was shout “Finally!” at the radio.\n", [("Finally!", "Maria Delgado")]),
    ("Plant news\nBen Dorn has worked at the plant for years.\n\nWhat he did was call the plan "
     "“a betrayal of every worker here.”\n", [("a betrayal of every worker here.", "Ben Dorn")]),
])
def test_a_pseudo_cleft_cue_is_the_act_of_the_subject_of_do(nlp, text, expected):
    # "all she could do was shout “…”": the one who shouts is the subject of "do", not "all"/"what".
    assert expected == pairs(nlp, text)


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
    # an institution the headline names speaks through the person the body gives the same words
    ("Appeals Court stays eviction of fishing families: “The tide does not read notices”\n\nThe court stayed the "
     "evictions on Monday. “The tide does not read notices, but the government must,” Justice Kavya Raman observed.",
     "Kavya Raman"),
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


# --- Issue 12: attribution on real-news sentence shapes (invented text) ---------------------------


@pytest.mark.parametrize("text,expected", [
    # the name before an apposition and the cue, though the parser hangs it inside the quote
    ("Port\n\nThe effort reflects a wariness of delays. “It is not the position that everything is hunky-dory,” "
     "Gene Sperlow, a top outside adviser to the port, said at a recent event in Ohio.",
     [("It is not the position that everything is hunky-dory,", "Gene Sperlow")]),
    # a tag after “!” that the parser starts as a sentence of its own, longer than a bare tag
    ("Fees\n\nBrent Okafor runs the coalition.\n\n\"And I'm not being paid!\" Okafor declared, a point he likes "
     "to make after a recent appearance on the radio.",
     [("And I'm not being paid!", "Brent Okafor")]),
    # a nested quote ends the quotation: the tag after it still counts
    ("Debate\n\n\"Watch a fully formed fetus on the table while someone says, 'We have to keep it alive to harvest "
     "its brain,' \" said former tech executive Carla Fiorelli during the second debate.",
     [("Watch a fully formed fetus on the table while someone says, 'We have to keep it alive to harvest its brain,'",
       "Carla Fiorelli")]),
])
def test_tag_after_the_closing_mark(nlp, text, expected):
    assert expected == pairs(nlp, text)


@pytest.mark.parametrize("text,expected", [
    # a passive speech verb: the agent speaks, the subject is spoken to
    ("Radio\n\nMayor Nora Hale was asked by host Ben Ortiz, who backs her, “Why did you leave the party so early?”",
     "Ben Ortiz"),
    # object control: the one prompted does the calling
    ("Debate\n\nGreta Holm spoke next. That prompted Kevin Marsh to make a joke and call Holm “very flexible,” "
     "a nod to her record.", "Kevin Marsh"),
    # "calling X “…”": X is the one addressed, not the speaker
    ("Feud\n\nLena Park answered the prince by calling Dario Vance “dopey” and accusing him of greed.", "Lena Park"),
    # a phrase that holds the quote names the words, not the speaker
    ("Voters\n\nThe promise to “take our town back” appeals to older voters, said Mira Stone, a demographer.",
     "Mira Stone"),
    # a colon after reported speech: the reporting verb's subject, not the embedded clause's
    ("Court\n\nMr. Amar said that if viewed through the lens of negotiating strategy, some kind of grand bargain "
     "might be possible: ''In business, the question always is, is there an overlap?''", "Amar"),
    # a participle hung on a noun shares the subject of the clause around it
    ("Casino\n\nThe effort stalled, and Mayor Ruth Ames has battled the council over the budget, at one point "
     "calling its chairman a \"liar.\"", "Ruth Ames"),
    # a party tag in parentheses is not the subject, though its period ends the parser's sentence
    ("Caucus\n\nRep. Gail Meeker (D-N.Y.) said the leader reassured them that members would come together and that "
     "they “were not going to split.”", "Gail Meeker"),
])
def test_grammatical_roles_pick_the_speaker(nlp, text, expected):
    assert [expected] == [speaker for _, speaker in pairs(nlp, text)]


def test_fragment_in_a_sentence_about_a_person(nlp):
    # no cue verb: the words are those of the person the clause is about
    text = "Tour\n\nClara Voss talked up her “50-state strategy” at the rally."
    assert [("50-state strategy", "Clara Voss")] == pairs(nlp, text)


def test_negated_cue_reports_no_words(nlp):
    # "cannot say": the tag of the sentence, carried by the participle, names the speaker
    text = ("Inquiry\n\nComey cannot say that “from his perspective,” Mark Lewis added, saying it should be "
            "“up to the prosecutor to move forward.”")
    assert [("from his perspective,", "Mark Lewis"), ("up to the prosecutor to move forward.", "Mark Lewis")] == \
        pairs(nlp, text)


def test_fragment_in_a_phrase_of_place_is_nobody_s(nlp):
    text = "Match\n\nAlan Trent hit the ball back to the \"wrong side of the net\" twice."
    assert [("wrong side of the net", None)] == pairs(nlp, text)


def test_quote_after_a_sentence_about_a_person_in_its_paragraph(nlp):
    text = ("Labor\n\nClara Voss touted her record as a sponsor of the bill. "
            "\"We need to find ways to support workers who want a union.\"")
    assert [("We need to find ways to support workers who want a union.", "Clara Voss")] == pairs(nlp, text)


@pytest.mark.parametrize("text,expected", [
    # a pull quote with its source in the next paragraph
    ("Claims\n\nWe checked the claims.\n\n\"Families are worried about the future of their kids.\"\n\n- Nora Vale.\n\n"
     "The figure is old.", "Nora Vale"),
    # the tokenizer keeps the dash on the name
    ("Notes\n\nMira Holt spoke at the rally.\n\n\"The whole idea needs to stop.\"\n\n-Mira Holt, Philadelphia.",
     "Mira Holt"),
    # a caption on the same line
    ("Notes\n\n“We go on.” ― Ada Lind", "Ada Lind"),
    # a signer named nowhere else, whom NER leaves unlabelled or calls a law ("Roe"): the signature says person
    ("Notes\n\nquotable.\n\n\"The whole idea needs to stop.\"\n\n-Ana Roe, Harrisburg.", "Ana Roe"),
    # ... but a signature with no first name is an organisation's
    ("Notes\n\n\"The whole idea needs to stop.\"\n\n— Harbor Watch Trust", None),
])
def test_byline_after_a_quote(nlp, text, expected):
    assert [expected] == [speaker for _, speaker in pairs(nlp, text)]


def test_a_quoted_question_after_a_sentence_that_asks_is_the_askers(nlp):
    # "We asked about the minister, who told … “…”. “Did he …?”": the question is the interviewer's (the
    # outlet's "we": no speaker), not more words of the minister the asking sentence mentions; and the
    # interviewee's answer that calls him "Pavel" is hers
    text = ("Interview\n\nAna Kralova, the minister for transport, received us in her office on Monday.\n"
            "“It is working on everything except rail,” she answered.\n"
            "We asked about the finance minister, Pavel Dvorak, who told a party meeting last week that the plan "
            "was “a tax in a nice coat”. “Did he say that to you?”\n"
            "“He said it in cabinet, more politely. Pavel is a good minister,” she said.\n")
    assert [("It is working on everything except rail,", "Ana Kralova"), ("a tax in a nice coat", "Pavel Dvorak"),
            ("Did he say that to you?", None),
            ("He said it in cabinet, more politely. Pavel is a good minister,", "Ana Kralova")] == pairs(nlp, text)


def test_transcript_label_inside_the_marks(nlp):
    text = ("Panel\n\nInstead, Chris Mathers and Lia Lopez argued the plan is naive.\n\n"
            "\"Chris Mathers: Seriously, about this. That sounds great.\"")
    assert [("Chris Mathers: Seriously, about this. That sounds great.", "Chris Mathers")] == pairs(nlp, text)


def test_closing_mark_glued_to_the_next_word(nlp):
    text = ("Interview\n\n“I think it has been most surprising,”Clara Voss said. “Some comments do not fit.”")
    assert [("I think it has been most surprising,", "Clara Voss"), ("Some comments do not fit.", "Clara Voss")] == \
        pairs(nlp, text)


@pytest.mark.parametrize("text,expected", [
    # the speaker as a label opening the headline, the quote later on the line
    ("Okafor: Budget Cuts Are ‘Reckless and Cruel’\nTom Okafor, the mayor, spoke on Monday.", "Tom Okafor"),
    # "the person on a topic:" labels the quote after the colon
    ("Okafor on the Budget Vote: ‘We Need More Time’\nTom Okafor, the mayor, spoke on Monday.", "Tom Okafor"),
    # a phrase opening with a cue verb names no one: not "Calls Okafor’s"
    ("Delgado Wins Vote, Calls Okafor’s Remarks ‘Unfair’\nMaria Delgado beat Tom Okafor on Monday.", None),
    # the feature interview's "‘…’: the person on a topic": the person after the colon said it
    ("‘The sea taught me patience’: Ines Varga on her new novel\nThe novelist Ines Varga said she wrote it in Split.",
     "Ines Varga"),
])
def test_headline_label_before_the_quote(nlp, text, expected):
    assert expected == quotes_of(nlp, text)[0].speaker


def test_body_repeating_the_headline_is_a_headline(nlp):
    # A feed's title without its final period, then the article's own first line.
    text = ("Okafor: ‘We Will Win the Vote’\n\nOkafor: ‘We Will Win the Vote.’\n\n"
            "Tom Okafor, the mayor, spoke in the square on Monday.")
    assert [("We Will Win the Vote", "Tom Okafor", "headline"), ("We Will Win the Vote.", "Tom Okafor", "headline")] \
        == [(m.text, m.speaker, m.method) for m in quotes_of(nlp, text)]


@pytest.mark.parametrize("text,expected", [
    # a party tag in parentheses inside the tag after the quote
    ("Harbor vote\n“She told us that ‘the harbor will stay open,’” Rep. Ann Roe (D-Wis.) said.\nThen she left.",
     "Ann Roe"),
    # a long apposition between the name and the cue
    # (the parse alone hangs the name on the quote here)
    ("Harbor vote\n“The ferry runs as a way to move cars, and it runs as a way to move people - to move anything,” "
     "Ann B. Roe Jr., the director of the Federal Bureau of Harbor Statistics, said at a news conference in May.",
     "Ann B. Roe Jr."),
])
def test_tag_after_quote_with_aside(nlp, text, expected):
    assert expected == quotes_of(nlp, text)[0].speaker


@pytest.mark.parametrize("text,expected", [
    ("Harbor vote\n“Get out of my harbor office,” Tom Okafor barked and a guard opened the door.", "Tom Okafor"),
    ("Harbor vote\n“This is wonderful!” beamed Tom Okafor of Springfield, who had waited since dawn.", "Tom Okafor"),
    ("Harbor vote\n“Nobody wanted the new pier,” remembered Maria Delgado, the harbor’s former spokeswoman.",
     "Maria Delgado"),
    ("Harbor vote\nMaria Delgado, the harbor master, reacted coolly to the vote, “We expected far worse than this.”",
     "Maria Delgado"),
    ("Harbor vote\nThe mayor spoke for an hour. Then Maria Delgado interjected, “The pier is not for sale.”",
     "Maria Delgado"),
    ("Harbor vote\nDuring their first debate, Maria Delgado cracked, “I'm a sailor, but I'm a sailor who likes to "
     "get home.”", "Maria Delgado"),
])
def test_cue_verbs_of_voice_and_reaction(nlp, text, expected):
    assert expected == quotes_of(nlp, text)[0].speaker


@pytest.mark.parametrize("text,expected", [
    # a digest line: a topic in capitals, a spaced dash, then the source as a label
    ("Harbor digest\nMaria Delgado counts the ferries.\nTHE NORTH OUTNUMBERS THE SOUTH FOR THE FIRST TIME - Maria "
     "Delgado: “The harbor analysis of ferry traffic in 2015 finds that the north is busier.”", "Maria Delgado"),
    # a presentational "Here’s X:" whose "’s" the tagger reads as punctuation
    ("Harbor digest\nMaria Delgado has run the harbor since 1990.\nHere’s Delgado in March 1991: “Our new pier must "
     "rest on what the fishermen need.”", "Maria Delgado"),
])
def test_colon_labels(nlp, text, expected):
    assert expected == quotes_of(nlp, text)[-1].speaker


def test_quote_inside_a_transcript_turn_is_the_labelled_speaker(nlp):
    text = ("Harbor panel\nThe host Dale Hutchins spoke with Maria Delgado on Sunday.\n"
            "Hutchins: So the fees are the problem.\n"
            "Delgado: Well, no skipper is like, ‘Raise my fees, please.’ In a way, it gets to be a fight.")
    assert [("Raise my fees, please.", "Maria Delgado")] == pairs(nlp, text)


@pytest.mark.parametrize("text,expected", [
    # a title with its comma inside the marks ends the apposition
    ("Harbor vote\nAs Ann Roe, professor of maritime law at Yale and author of “The Long Coast,” put it, “Harbor boards "
     "should remember that a compromise today may be far better for them than the fees they may get stuck with later.”",
     "Ann Roe"),
    # a cue the parser hangs on the name as a participle
    ("Harbor vote\nMaria Delgado, the 2012 harbor master, tweeted in response: “Important point: the board raises "
     "fees; our skippers pay them.”", "Maria Delgado"),
])
def test_name_before_an_apposition_when_the_cue_has_no_subject(nlp, text, expected):
    assert expected == quotes_of(nlp, text)[-1].speaker


@pytest.mark.parametrize("text,expected", [
    ("Harbor vote\nMaria Delgado also backed the harbor fees -- “I think the fees are small next to what a storm "
     "would cost us.”", "Maria Delgado"),
    ("Harbor vote\nWhen Tom Okafor finally wrapped up — “I will fight for this harbor, and I will win!” — the crowd "
     "cheered.", "Tom Okafor"),
])
def test_dash_introduces_a_quote_like_a_colon(nlp, text, expected):
    assert expected == quotes_of(nlp, text)[-1].speaker


def test_name_before_a_participle_aside_and_an_auxiliary(nlp):
    text = "Harbor vote\nThe fight began after Tom Okafor, asked about the fees, had said, “The fees are a scandal.”"
    assert [("The fees are a scandal.", "Tom Okafor")] == pairs(nlp, text)


@pytest.mark.parametrize("text,expected", [
    # a cue inside what another person is reported to have said: the reporter gives that person's account
    ("Budget\n\nMayor Lena Ortiz said Councilman Hal Briggs called the budget “a fantasy.”",
     [("a fantasy.", "Lena Ortiz")]),
    # a cue the parser joins to the reported clause ("it was … but added"): the reporting verb's subject
    ("Vote\n\nSpeaking to supporters Monday at party headquarters, Lena Ortiz, 64, said it was too early to "
     "congratulate the winners but added, \"I think you all know the results.\"",
     [("I think you all know the results.", "Lena Ortiz")]),
    # a participle hung on the reported clause shares the reporter's subject, not the reported one's
    ("Vote\n\nSenator Lena Ortiz escalated her attack on Tuesday, telling CNN that Hal Briggs is a \"fraud\" and "
     "questioning how he has \"dodged every audit.\"", [("fraud", "Lena Ortiz"), ("dodged every audit.", "Lena Ortiz")]),
    ("Vote\n\nLena Ortiz told Radio One that Hal Briggs \"had a silly plan for the schools, which was reckless,\" "
     "adding, \"He lost every teacher in the district.\"",
     [("had a silly plan for the schools, which was reckless,", "Lena Ortiz"),
      ("He lost every teacher in the district.", "Lena Ortiz")]),
    # the owner of a speech noun is not the speaker when someone is reported to characterise the words
    ("Budget\n\nLena Ortiz said Thursday that Briggs's claim that she backs the tax is “simply not true.”",
     [("simply not true.", "Lena Ortiz")]),
])
def test_words_reported_inside_another_report(nlp, text, expected):
    assert expected == pairs(nlp, text)


@pytest.mark.parametrize("text,expected", [
    # a person relaying the words is their speaker; a publication printing them is not
    ("Budget\n\n“We will not back down,” Lena Ortiz said, according to the Harbor Gazette.",
     [("We will not back down,", "Lena Ortiz")]),
    ("Budget\n\n“We will not back down,” Lena Ortiz said, according to a statement from her office.",
     [("We will not back down,", "Lena Ortiz")]),
    ("Budget\n\nAccording to Tom Reyes, Lena Ortiz told the council that the plan was “dead on arrival.”",
     [("dead on arrival.", "Tom Reyes")]),
    # a direct quote with its own tag right after it is the tagged speaker's verbatim words: the person
    # "according to" names only vouches for the occasion ("he told aides, according to his adviser")
    ("Summit\n\nPrime Minister Ivo Brandt met the senator in 2007. “She can win this,” he told aides afterwards, "
     "according to Lena Ortiz, his former adviser.", [("She can win this,", "Ivo Brandt")]),
    # so with the cue as the complement of a verb of habit: "he liked to say, according to his daughter"
    ("Ferryman dies at 88\n\nPiet Hollander, who ran the Brielle ferry for fifty years, died on Sunday.\n\n"
     "He rarely spoke about the storm of 1953. “The sea is not for beating. It is for crossing, carefully,” he liked "
     "to say, according to his daughter, Anouk.",
     [("The sea is not for beating. It is for crossing, carefully,", "Piet Hollander")]),
])
def test_according_to_on_the_cue_names_the_source(nlp, text, expected):
    assert expected == pairs(nlp, text)


@pytest.mark.parametrize("text,expected", [
    # "X, Roe said, …": the clause is Roe's account, whoever its subject is
    ("Caucus\n\nThe Gazette, Lena Ortiz said, called the announcement “highly significant.”",
     [("highly significant.", "Lena Ortiz")]),
    ("Caucus\n\nCouncilman Hal Briggs, Lena Ortiz said, had been on the board for \"a thousand years\" and passed "
     "\"hardly any bills.\"", [("a thousand years", "Lena Ortiz"), ("hardly any bills.", "Lena Ortiz")]),
])
def test_parenthetical_reporter_inside_the_clause(nlp, text, expected):
    assert expected == pairs(nlp, text)


@pytest.mark.parametrize("text,expected", [
    # a state after a town, parsed as a second subject of the cue: the person nearer the verb speaks
    ("Vote\n\nTuesday at Harlow College in Dunmore, PA, after winning the state primary, Gov. Ann Lisle (R-PA), "
     "said, “We are going to go all the way to the convention.”",
     [("We are going to go all the way to the convention.", "Ann Lisle")]),
    # a fronted "Of X," topic parsed as the subject: the speaker is the phrase after its comma
    ("Vote\n\n“He is a fine speaker.” Of Briggs, Nora Vance, who has given money to the party, said, "
     "“He’s flat-out wrong on taxes.”",
     [("He is a fine speaker.", None), ("He’s flat-out wrong on taxes.", "Nora Vance")]),
])
def test_misparsed_subjects_of_the_cue(nlp, text, expected):
    assert expected == pairs(nlp, text)


@pytest.mark.parametrize("text,expected", [
    # a day after the cue, and a participle set off by commas before it, are not the speaker
    ("Vote\n\nIn Dayton, Briggs, speaking at a rally, said Monday that Lisle was “a total lightweight.”",
     [("a total lightweight.", "Briggs")]),
    # a place inside an apposition before "…, said" is not the speaker
    ("Raid\n\nBut in a conference call with reporters on Dec. 2, Col. Ann Lisle, a military spokeswoman in Kabul, "
     "said, ''I mean, a raid is a combat operation.''", [("I mean, a raid is a combat operation.", "Ann Lisle")]),
    # a title's abbreviation split from the name by its period
    ("Raid\n\n\"We are already at war with the militia, and are working to finish that campaign wherever we can,\" "
     "said Pentagon spokesman Navy Capt. Hal Brenner.",
     [("We are already at war with the militia, and are working to finish that campaign wherever we can,",
       "Hal Brenner")]),
    ("Raid\n\n“The candidates just don’t understand the military,” said Army Capt. Ruth Amaro, who said she "
     "would not vote for either man.", [("The candidates just don’t understand the military,", "Ruth Amaro")]),
    # a participle hyphenated to a place is an adjective of the speaker's phrase
    ("Claims\n\n“Hypocrisy is a small price to pay in exchange for military bases and petroleum,” explained "
     "Los Angeles-based attorney Nora Vance.",
     [("Hypocrisy is a small price to pay in exchange for military bases and petroleum,", "Nora Vance")]),
])
def test_speaker_phrase_beside_the_cue(nlp, text, expected):
    assert expected == pairs(nlp, text)


@pytest.mark.parametrize("text,expected", [
    # a quote in an adverbial clause of a report whose cue has no subject in the parse: the name before the cue
    ("Rally\n\nSpeaking Tuesday in Dayton, while on the campaign trail for his wife, Senate candidate Ruth Amaro, "
     "former mayor Hal Amaro said his wife was uniquely qualified to serve at this time because “the state is in "
     "tough shape.”", [("the state is in tough shape.", "Hal Amaro")]),
    # a fronted participle the parser takes for the subject
    ("Rally\n\nCampaigning for his wife, Senate candidate Ruth Amaro, former mayor Hal Amaro said his wife was "
     "uniquely qualified to serve at this time because “the state is in tough shape.”",
     [("the state is in tough shape.", "Hal Amaro")]),
])
def test_report_whose_subject_the_parse_misplaces(nlp, text, expected):
    assert expected == pairs(nlp, text)


def test_participle_after_a_quote_is_not_an_inverted_tag(nlp):
    # "“…,” telling reporters": the participle's object is the one addressed; the clause's subject speaks
    text = ("Vote\n\nAnn Lisle has hailed the council’s vote to leave the league as “fantastic,” telling reporters "
            "during a visit to Dayton on Friday that she thinks the move is “a great thing.”")
    assert [("fantastic,", "Ann Lisle"), ("a great thing.", "Ann Lisle")] == pairs(nlp, text)


def test_cue_joined_to_a_passive_clause_shares_its_subject(nlp):
    # "was joined by X and joked": the agent of a passive that is not about speech does not speak
    text = ("Stage\n\nComedian Ada Lind was joined on stage again by Senator Hal Briggs and joked, “Folks, you are "
            "being ridiculous,” drawing loud jeers.")
    assert [("Folks, you are being ridiculous,", "Ada Lind")] == pairs(nlp, text)


@pytest.mark.parametrize("text,expected", [
    # the tagger takes "upon" for a conjunction: the participle still shares the main clause's subject
    ("Harbor vote\nSenator Ann Roe drew a wave of boos upon saying, “The council heard the people.”", "Ann Roe"),
    # the parser joins "and adding" to the object noun: still the participle of the main clause
    ("Harbor vote\nAt the last debate, Senator Ann Roe only hinted at Tom Okafor by mentioning the need for a wall on "
     "the pier and adding, \"I have got an idea of who should build it.\"", "Ann Roe"),
])
def test_participle_after_a_preposition_shares_the_main_subject(nlp, text, expected):
    assert expected == quotes_of(nlp, text)[-1].speaker


def test_tag_after_quote_with_a_quoted_name_in_its_apposition(nlp):
    text = ("Harbor vote\n“We have had better votes than this one,” harbor delegate Tom Okafor, wearing a sailor hat "
            "and “Ann Roe” campaign pins, said as confetti fell.")
    assert "Tom Okafor" == quotes_of(nlp, text)[0].speaker


def test_second_quote_listed_before_a_tag_is_not_an_apposition(nlp):
    # guards the rule above: "“…,” and “…” the crowd chanted" has no apposition to skip
    text = "Harbor vote\n“Sink the fees,” and “Save the pier!” the crowd chanted back at Tom Okafor."
    assert [None, None] == [m.speaker for m in quotes_of(nlp, text)]


def test_quote_in_the_clause_a_colon_opens_after_a_report(nlp):
    text = ("Pier trial\nTom Okafor's lawyer, Ben Adler, argued that his client was not to be taken seriously: his "
            "posts were the rants of a \"shock jock\" and \"an entertainer.\"")
    assert [("shock jock", "Ben Adler"), ("an entertainer.", "Ben Adler")] == pairs(nlp, text)


def test_colon_after_a_report_that_describes_a_noun_gives_no_speaker(nlp):
    # guards the rule above: "they believe" describes the arguments, it does not introduce the list
    text = ("Pier trial\nTom Okafor and his allies will use the arguments they believe worked last year: the "
            "\"badly broken\" pier and the fees.")
    assert [("badly broken", None)] == pairs(nlp, text)


@pytest.mark.parametrize("text,expected", [
    ("Pier vote\nSenator Ann Roe said,“Look, the pier is done. We have to move on.”",
     [("Look, the pier is done. We have to move on.", "Ann Roe")]),
    ("Pier vote\nAt the hearing, Ann Roe asked:\"Who told you that the pier was safe?\"",
     [("Who told you that the pier was safe?", "Ann Roe")]),
])
def test_opening_mark_glued_to_the_punctuation_before_it(nlp, text, expected):
    assert expected == pairs(nlp, text)


def test_cue_the_tagger_misreads_as_a_modifier_after_a_name(nlp):
    # parsed "Roe-accused Cruz": the name before the cue is its subject
    text = ("Pier vote\nStarting the morning at a town hall meeting in Dover, Roe accused Cruz, the governor of Maine "
            "and winner of the Maine primary, of being \"politically correct\" and \"very queasy\" on the issue.")
    assert [("politically correct", "Roe"), ("very queasy", "Roe")] == pairs(nlp, text)


def test_participle_the_parser_takes_for_the_quote_s_subject(nlp):
    text = ("Pier vote\nBand member Bix shared the news on social media last week, writing “Feels great to "
            "support someone I believe in. This is a man with integrity.”")
    assert "Bix" == quotes_of(nlp, text)[0].speaker


@pytest.mark.parametrize("text,expected", [
    ("Strike\n\nThe Harbour Gazette cited Tom Reyes, a docker, as saying \"the backlog will take a month to clear.\"",
     ("Tom Reyes", "Tom Reyes")),
    ("Strike\n\nLosses were large, according to the Harbour Ledger, which cited an unnamed official as saying "
     "\"the backlog will take a month to clear.\"", (None, "an unnamed official")),
])
def test_the_one_cited_as_saying_is_the_speaker(nlp, text, expected):
    # "cited X as saying", like "quoted X as saying": X speaks, not the publication that cites
    mention, = quotes_of(nlp, text)
    assert expected == (mention.speaker, mention.speaker_mention)


@pytest.mark.parametrize("text,expected", [
    ("Club news\n\n“It may have been his first real attempt at independence,” said his best friend at college, "
     "Ben Turry, who remembered the night well.", ("Ben Turry", "Ben Turry")),
    ("Club news\n\nThe party was “trying to change its image from a haven for thieves,” wrote the British "
     "ambassador at the time, Jon E. Harbin.", ("Jon E. Harbin", "Jon E. Harbin")),
])
def test_name_set_beside_a_description_in_the_tag(nlp, text, expected):
    # "said the ambassador at the time, NAME": the description's apposition names the speaker
    mention, = quotes_of(nlp, text)
    assert expected == (mention.speaker, mention.speaker_mention)


def test_place_after_a_description_in_the_tag_is_no_speaker(nlp):
    text = "Club news\n\n“We will reopen the pier,” said the mayor of Dayton, Ohio, on Tuesday."
    mention, = quotes_of(nlp, text)
    assert (None, "the mayor") == (mention.speaker, mention.speaker_mention)


@pytest.mark.parametrize("text,expected", [
    ("Pension fight\n\nLena Okafor used this question to demand that wealthy residents “pay their fair share into "
     "the system.”", "Lena Okafor"),
    ("Pension fight\n\nThe vote prompted Ann Roe to call the plan “a disgrace to the city.”", "Ann Roe"),
])
def test_infinitive_after_a_thing_is_the_subject_s_purpose(nlp, text, expected):
    # "X used this question to demand": a thing cannot be made to speak, X does; a person object
    # ("prompted Roe to call") still speaks
    mention, = quotes_of(nlp, text)
    assert expected == mention.speaker


@pytest.mark.parametrize("text,expected", [
    ("Border talk\n\nTom Reyes said the court’s deadlock has kept the city safe before claiming that open borders "
     "are “tearing families apart.”", "Tom Reyes"),
    ("Border talk\n\nComedian Ann Roe was booed by the crowd after telling them that they were “being ridiculous.”",
     "Ann Roe"),
])
def test_participle_after_a_preposition_shares_the_person_subject(nlp, text, expected):
    # "before claiming", "after telling": the participle's subject is the nearest person's clause,
    # not the thing the clause it hangs on is about
    mention, = quotes_of(nlp, text)
    assert expected == mention.speaker


def test_participle_after_an_adverbial_clause_shares_its_person_subject(nlp):
    # "It was …, as Roe echoed the criticism, saying …": the clause right before the participle's
    # comma has the person, the main clause only "It"
    text = ("Council fight\n\nAnn Roe spoke on Monday. It was a strong attack on the mayor, as Mrs. Roe echoed the "
            "criticism, saying Mr. Okafor “cannot be trusted.”")
    mention, = quotes_of(nlp, text)
    assert ("Ann Roe", "Mrs. Roe") == (mention.speaker, mention.speaker_mention)


@pytest.mark.parametrize("text,expected", [
    ("Poll digest\n\nPollsters agree - Carla Mendez: “One lesson was simple: keep calling voters late.” [Ledger.]",
     ("Carla Mendez", "Carla Mendez")),
    ("Poll digest\n\nHIGHER TURNOUT IN OHIO DOESN’T RAISE HOPES IN OTHER STATES - Michael P. Dunne: \u00a0“At long "
     "last the contests have started.” [Ledger.]", ("Michael P. Dunne", "Michael P. Dunne")),
])
def test_digest_label_after_a_dash_before_any_cue_in_the_topic(nlp, text, expected):
    # "TOPIC - Jane Roe: “…”": the name between the spaced dash and the colon labels the words, even
    # when the topic has a verb of speech, and the topic is no part of the name
    mention, = quotes_of(nlp, text)
    assert expected == (mention.speaker, mention.speaker_mention)


def test_two_titles_joined_before_one_name_in_the_tag(nlp):
    # "said former Ohio Gov. and party chairman Ed Ramsey": the title before "and" waits for the name
    text = "Party news\n\n“That is the plan,” said former Ohio Gov. and party chairman Ed Ramsey."
    mention, = quotes_of(nlp, text)
    assert "Ed Ramsey" == mention.speaker


@pytest.mark.parametrize("text,expected", [
    ("Campaign trail\n\nA fundraising email sent out by Lena Okafor on Tuesday warned of the fight ahead: “There "
     "are many primaries left and our victory will prompt a response.”", "Lena Okafor"),
    ("Campaign trail\n\nA letter from Lena Okafor warned the council that the budget was “a fantasy.”",
     "Lena Okafor"),
])
def test_message_sent_by_a_person_is_their_words(nlp, text, expected):
    # "an email sent out by X warned", "a letter from X warned": the author of the message speaks
    mention, = quotes_of(nlp, text)
    assert expected == mention.speaker


def test_second_that_clause_is_still_the_report(nlp):
    # "X said that A and that B": the clause with its own "that" is a second complement of X's report,
    # not a sentence of the reporter's about B's subject
    text = ("Unrest.\n\nAlarmed by the unrest in Nevada, Senator Ann Reyes, the minority leader, said that she spoke "
            "with Senator Tom Sandoval on Tuesday and that the Vermont senator faced a ''test of leadership'' over "
            "his supporters' actions.\n")
    mention, = quotes_of(nlp, text)
    assert "Ann Reyes" == mention.speaker


def test_fronted_participle_the_parser_takes_for_the_subject(nlp):
    # "Alarmed by …, Senator Tom Reid, the minority leader, said": the name set off after the
    # participle's phrase speaks, not "Alarmed"
    text = ("Unrest\n\nAlarmed by the unrest in Ohio, Senator Tom Reid, the minority leader, said the city faced "
            "“a test of leadership.”")
    mention, = quotes_of(nlp, text)
    assert ("Tom Reid", "Senator Tom Reid") == (mention.speaker, mention.speaker_mention)


def test_name_before_a_relative_clause_when_the_cue_lost_its_subject(nlp):
    # "Stuart Lenz, who served as …, called Okafor's statements “…”": parsed with the cue hanging on the
    # name; the speaker is the name before the relative clause, not the name after the cue
    text = ("Campaign notes\n\nStuart Lenz, who served as Tom Reyes's chief strategist during the 2012 campaign, "
            "called Okafor's statements and actions on Sunday \"childish.\"")
    mention, = quotes_of(nlp, text)
    assert "Stuart Lenz" == mention.speaker


def test_agent_of_a_passive_participle_cue_speaks(nlp):
    # "Asked by X if Roe “gets” race, Y avoided …": X asked, the words of the question are X's
    text = "Campaign notes\n\nAsked by Ben Thrasher if Roe \"gets\" race, Al Sharman avoided a declarative answer."
    mention, = quotes_of(nlp, text)
    assert "Ben Thrasher" == mention.speaker


@pytest.mark.parametrize("text,expected", [
    ("Campaign notes\n\nLena Okafor's accusation that Ann Roe is playing the \"woman's card\" touched off a debate "
     "about gender.", [("woman's card", "Lena Okafor")]),
    ("Campaign notes\n\nIn a statement Tuesday, Harbor Watch President Tom Fitzer called Lena Okafor's assertion of "
     "a \"claim of right\" over her recovered emails \"significant and disturbing.\"",
     [("claim of right", "Lena Okafor"), ("significant and disturbing.", "Tom Fitzer")]),
])
def test_words_in_what_a_person_s_speech_noun_says_are_theirs(nlp, text, expected):
    # "X's accusation that …“…”", "X's assertion of a “…”": the content of X's words is X's, whoever's
    # verb it sits in; the caller's own second object stays the caller's
    assert expected == pairs(nlp, text)


@pytest.mark.parametrize("text,expected", [
    ("Court notes\n\nAnd, in a clip that U.S. District Judge Mark W. Moss called \"distasteful,\" Santos "
     "expressed a desire to \"try, convict and shoot the mayor.\"",
     [("distasteful,", "Mark W. Moss"), ("try, convict and shoot the mayor.", "Santos")]),
    ("Court notes\n\nSenator Ann Roe is airing a new ad in the state, in which she declares, \"The purpose of our "
     "lives is to serve.\"", [("The purpose of our lives is to serve.", "Ann Roe")]),
])
def test_cue_in_a_clause_describing_a_thing_reports_no_later_words(nlp, text, expected):
    # "a clip that X called “…”" reports nothing after the clause; a quote right after such a clause's
    # cue ("an ad in which she declares, “…”") is still its own
    assert expected == pairs(nlp, text)


def test_negated_clause_about_a_thing_does_not_hide_the_person(nlp):
    # "the server would not be an issue “…”": the negation is about the server, not a denial that anyone
    # spoke; the person of the clause further out said it ("Roe did not call it “…”" still gives none)
    text = ("Server news\n\nIn an interview, Ann Roe expressed confidence that the use of her private server would "
            "not be an issue “that is going to affect either the campaign or my presidency.”")
    mention, = quotes_of(nlp, text)
    assert "Ann Roe" == mention.speaker


def test_transcript_labels_with_an_office_or_a_party_tag(nlp):
    # "Former secretary of state Ann Roe Reyes:", "Rep. Tom Gowan (R-S.C.):": a line up to the colon
    # with no verb, ending in a person's name (or the name's party tag), labels the words after it
    text = ("Hearing transcript.\n\nRep. Tom Gowan (R-S.C.): \"Who told you that the figure was right?\"\n\n"
            "Former secretary of state Ann Roe Reyes:\"We learned that from the department.\"\n")
    assert [("Who told you that the figure was right?", "Tom Gowan"),
            ("We learned that from the department.", "Ann Roe Reyes")] == pairs(nlp, text)


@pytest.mark.parametrize("text", [
    "Defense\n\nAnn Roe spoke first. John Bolten followed.\n\n“This is an across-the-board failure” from diplomacy "
    "to the budget, in Bolten’s view.\n",
    "Defense\n\nAnn Roe spoke first.\n\n“This is an across-the-board failure,” in the view of John Bolten.\n",
])
def test_in_a_person_s_view_attributes_like_according_to(nlp, text):
    # "in X's view", "in the view of X": X's opinion, attributed as "according to X" is
    mention, = quotes_of(nlp, text)
    assert "John Bolten" == mention.speaker


def test_subject_raised_out_of_a_reported_infinitive_speaks(nlp):
    # "X is reported to have called Y “…”": X is the infinitive's subject, the one who called Y so
    text = "Saudi bill\n\nMayor Lee Pratt also is reported to have called the neighbours “free riders” who rely on aid.\n"
    mention, = quotes_of(nlp, text)
    assert "Lee Pratt" == mention.speaker


def test_cue_opening_the_next_quote_with_a_colon_is_no_tag_of_the_one_before(nlp):
    # "After Scalo said … at “less advanced schools,” Trump said: “…”": "Trump said:" reports the quote
    # after the colon; the one before is the first clause's
    text = ("Court fight\n\nAfter Judge Ann Scalo said that some students might do better at \"less advanced schools,\" Tom Dunn "
            "said: \"I don't like what he said, no, I don't like it.\"\n")
    assert [("less advanced schools,", "Ann Scalo"), ("I don't like what he said, no, I don't like it.", "Tom Dunn")] == \
        pairs(nlp, text)


# A radio transcript: labels in capitals, first-person reports inside the answers.
_TRANSCRIPT = ("Ferry cuts: a conversation\n\n"
               "Mayor Ingrid Halvorsen-Tate and union organiser Tobias Mwangi-Reid spoke to host Colm Ferreira on "
               "Saturday. Council leader Agnes Pellworth was not available.\n\n"
               "FERREIRA: Mayor, were you warned about the timetable?\n\n"
               "HALVORSEN-TATE: I was, and I raised it with the council leader. She told me on Tuesday, "
               "\"Nothing can be done before spring.\" What I said to the crews that night is what I say now: "
               "\"Nobody will be stranded on the island.\"\n\n"
               "FERREIRA: Mr. Mwangi-Reid?\n\n"
               "MWANGI-REID: The harbourmaster said to me, \"The last boat leaves at six, full or not.\" "
               "On the first day I told the crews, \"Sail only in daylight.\"")


def test_first_person_quotes_in_a_transcript_turn_are_the_labelled_speakers(nlp):
    found = dict(pairs(nlp, _TRANSCRIPT))
    assert "Ingrid Halvorsen-Tate" == found["Nobody will be stranded on the island."]
    assert "Tobias Mwangi-Reid" == found["Sail only in daylight."]


def test_third_person_in_a_transcript_turn_is_not_a_participant(nlp):
    found = dict(pairs(nlp, _TRANSCRIPT))
    # "She" in the mayor's answer is neither the mayor (who says "I") nor the host she answers.
    assert found["Nothing can be done before spring."] not in ("Ingrid Halvorsen-Tate", "Colm Ferreira")
    # "The harbourmaster" is someone in the organiser's story, not the organiser.
    assert found["The last boat leaves at six, full or not."] is None


def test_no_coordination_runs_through_a_quotation_mark(nlp):
    # The parser sometimes makes a noun inside a quote a conjunct of the speaker's name
    # ("Ana Roe, who said the city had “moved boats, and crews”, left"): the speaker is Ana Roe alone.
    from spacy.tokens import Doc

    from quotes.extract.subjects import _mention_span
    words = ["Ana", "Roe", ",", "who", "said", "the", "city", "had", "“", "moved", "boats", ",", "and", "crews", "”",
             ",", "left", "."]
    heads = [1, 16, 1, 4, 1, 6, 9, 9, 9, 4, 9, 1, 1, 1, 13, 16, 16, 16]
    deps = ["compound", "nsubj", "punct", "nsubj", "relcl", "det", "nsubj", "aux", "punct", "ccomp", "dobj", "punct",
            "cc", "conj", "punct", "punct", "ROOT", "punct"]
    pos = ["PROPN", "PROPN", "PUNCT", "PRON", "VERB", "DET", "NOUN", "AUX", "PUNCT", "VERB", "NOUN", "PUNCT", "CCONJ",
           "NOUN", "PUNCT", "PUNCT", "VERB", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert "Ana Roe" == _mention_span(doc[1]).text


def test_vocative_before_a_your_subject_is_not_the_speaker(nlp):
    # "And Mayor, your harbour board posted …" parsed with the addressee as subject and the real subject
    # ("your …") as its apposition: the subject is the board, not the mayor addressed.
    from spacy.tokens import Doc

    from quotes.extract.subjects import _subject_of
    words = ["And", "Mayor", ",", "your", "harbour", "board", "posted", "on", "Friday", "."]
    heads = [6, 6, 1, 5, 5, 1, 6, 6, 7, 6]
    deps = ["cc", "nsubj", "punct", "poss", "compound", "appos", "ROOT", "prep", "pobj", "punct"]
    pos = ["CCONJ", "PROPN", "PUNCT", "PRON", "NOUN", "NOUN", "VERB", "ADP", "PROPN", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert "board" == _subject_of(doc[6]).text


def test_cue_after_a_quote_is_as_near_as_its_subject(nlp):
    # "“…,” Diane Oduya, who is chairman of the Harbor Voters Fund said in a statement": the relative
    # clause (with no comma to close it) puts the cue far from the marks, and the parser may hang it on
    # the quote's last verb, so no cue governs the quote; the cue's subject stands right after the marks.
    from spacy.tokens import Doc

    from quotes.extract.article import extract_mentions
    text = ("Budget fight\n“We keep finding that, on every vote, the mayor says different things to different "
            "neighborhoods,” Diane Oduya, who is chairman of the Harbor Voters Fund said in a statement.")
    with nlp.select_pipes(disable=["quotes"]):
        parsed = nlp(text)
    says = next(t.i for t in parsed if t.text == "says")
    said = next(t.i for t in parsed if t.text == "said")
    heads = [t.head.i for t in parsed]
    deps = [t.dep_ for t in parsed]
    # The shape of the misparse: "said" a complement of "says" inside the quote, the quote's verb the root.
    root = parsed[said].head.i if parsed[said].dep_ != "ROOT" else next(
        c.i for c in parsed[said].children if c.dep_ == "ccomp")
    subject = next(c for c in parsed[said].children if c.dep_ == "nsubj")
    for t in parsed:
        if heads[t.i] == said and t.i < subject.left_edge.i and t.i != root:
            heads[t.i] = says  # the marks and the comma too, as the parser hangs them
    heads[root], deps[root] = root, "ROOT"
    heads[said], deps[said] = says, "ccomp"
    doc = Doc(nlp.vocab, words=[t.text for t in parsed], spaces=[bool(t.whitespace_) for t in parsed], heads=heads,
              deps=deps, pos=[t.pos_ for t in parsed], tags=[t.tag_ for t in parsed],
              lemmas=[t.lemma_ for t in parsed], ents=[t.ent_iob_ + ("-" + t.ent_type_ if t.ent_type_ else "")
                                                        for t in parsed])
    mentions, _ = extract_mentions(doc)
    assert [("Diane Oduya", "said")] == [(m.speaker, m.cue) for m in mentions]


@pytest.mark.parametrize("text,expected", [
    # a participle inside the title before the name is its adjective
    ("Budget fight\n“The report is a whitewash,” said Finance ranking Republican Walter Brenning.", "Walter Brenning"),
    # a participle after the name, set off by a comma, is a clause of the speaker's, not part of the name
    ("Budget fight\n“The report is a whitewash,” said Walter Brenning, ranking it last.", "Walter Brenning"),
])
def test_participle_inside_a_title_in_the_tag(nlp, text, expected):
    assert [expected] == [m.speaker for m in quotes_of(nlp, text)]


@pytest.mark.parametrize("text,expected", [
    # a cue whose comma opens the next quote, after a quote that ends its sentence, introduces the next one
    ("Harbor talks\nGreta Lindqvist answers Omar Haddad with, “Why now? Was that on my way to Lisbon?” Haddad then "
     "writes back, “You look tired.”", ["Greta Lindqvist", "Omar Haddad"]),
    # one sentence split by its tag: both parts are the tag's
    ("Harbor talks\n“We will sign,” Omar Haddad said, “but not this week.”", ["Omar Haddad", "Omar Haddad"]),
])
def test_cue_opening_the_next_quote_with_a_comma_after_a_question(nlp, text, expected):
    assert expected == [m.speaker for m in quotes_of(nlp, text)]


@pytest.mark.parametrize("text,expected", [
    # a prepositional phrase of the reporter's between the marks and the tag names no speaker
    ("Prices rise\n“The best part has been how calm shoppers stayed through a host of shocks,” like the recent "
     "swings in fuel prices, said Maria Delgado, an economist at the Harbor Institute.", "Maria Delgado"),
    # "as" opens a clause whose subject speaks
    ("Prices rise\nThe board would “walk all over us,” as Maria Delgado put it in her memoir.", "Maria Delgado"),
])
def test_prepositional_phrase_after_the_marks_is_not_the_speaker(nlp, text, expected):
    assert [expected] == [m.speaker for m in quotes_of(nlp, text)]


@pytest.mark.parametrize("text,expected", [
    # the person who made the document "according to" names speaks through it
    ("Harbor case\n“The evidence cannot support a prosecution,” according to a court filing signed by county "
     "prosecutor Maria Delgado.", "Maria Delgado"),
    ("Harbor case\nThe pay is not a “living wage,” according to calculations by Maria Delgado.", "Maria Delgado"),
])
def test_according_to_a_document_made_by_a_person(nlp, text, expected):
    assert [expected] == [m.speaker for m in quotes_of(nlp, text)]


def test_speech_verb_fronted_before_its_subject_is_the_cue(nlp):
    # An inverted reporting clause opens the line with the verb: "Stated Okafor:", "Continued Okafor:",
    # "Added Okafor,".  NER takes the verb into the name ("Stated Okafor"), which named no one.
    text = ("Ferry cuts loom for the island\n\n"
            "The ferry service faces deep cuts next year, the council's longtime adviser Ana Okafor stated.\n\n"
            "Stated Okafor:\n\n“I think the stakes are very high for every family on the island.”\n\n"
            "Continued Okafor: “So I think it is a real problem for the council.”\n\n"
            "Added Okafor, “We have waited long enough.”\n")
    expected = [("Ana Okafor", "Okafor", "Stated"), ("Ana Okafor", "Okafor", "Continued"),
                ("Ana Okafor", "Okafor", "Added")]
    assert expected == [(m.speaker, m.speaker_mention, m.cue) for m in quotes_of(nlp, text)]
    assert [("Ana Okafor", ["Okafor"])] == [(p.name, p.aliases) for p in nlp(text)._.people]


def test_hyphen_opening_a_byline_line_is_no_part_of_the_name(nlp):
    # "-Name, place." under a quote: the hyphen is a dash, split off by the tokenizer, not the name's first letter.
    text = ("Voices from the hall\n\n"
            "\"The whole idea is something that we hear about all the time, and it needs to stop.\"\n\n"
            "-Michelle Varga, Philadelphia.\n")
    assert [("Michelle Varga", "Michelle Varga")] == [(m.speaker, m.speaker_mention) for m in quotes_of(nlp, text)]
    assert ["-", "Okafor", "-", "Bello", "-5"] == [t.text for t in nlp.tokenizer("-Okafor-Bello -5")]


def test_speaker_phrase_never_runs_back_into_the_quote(nlp):
    # The parser hangs the quote's last words on the speaker ("… Trump. -H" Clinton tweeted).
    text = ("Clinton answered on Twitter.\n\n"
            "\"The idea is absurd, inhumane, and un-American. No, Trump. -H\" Clinton tweeted.\n")
    assert [("Clinton", "Clinton")] == [(m.speaker, m.speaker_mention) for m in quotes_of(nlp, text)]


@pytest.mark.parametrize("sentence", [
    "Okafor was asked, “If you had known, would you have told her?”",
    "In an interview, Okafor was asked about the “not there yet” comment.",
    "The chairman, Tom Okafor, was said to be “furious” with the mayor.",
])
def test_subject_of_a_passive_report_is_not_its_speaker(nlp, sentence):
    # The subject of "was asked" is the one spoken to; of "was said to be", the one described in someone
    # else's words.  The speaker is the agent, which these sentences do not print.
    text = f"Council\n\nTom Okafor spoke on the radio on Monday.\n\n{sentence}\n"
    assert [None] == [m.speaker for m in quotes_of(nlp, text)]


def test_raised_subject_of_a_reported_speech_verb_still_speaks(nlp):
    text = "Council\n\nTom Okafor is reported to have called the plan “a disgrace.”\n"
    assert ["Tom Okafor"] == [m.speaker for m in quotes_of(nlp, text)]
@pytest.mark.parametrize("text,expected", [
    # a passive report's agent speaks, also when the parser hangs "by …" on the quoted complement
    ("Harbor fund\nThe board's habit of moving money between funds has long been called “quiet sabotage” by Tom "
     "Okafor, who teaches accounting at Lakeside College.", "Tom Okafor"),
    # "utter" is a verb of saying like "say"
    ("Harbor fund\nTom Okafor spoke first.\nIn three hours of debate the slogan “ferries first” was uttered just "
     "once, by Mr. Okafor.", "Tom Okafor"),
])
def test_agent_of_a_passive_report(nlp, text, expected):
    assert [expected] == [m.speaker for m in quotes_of(nlp, text)]


def test_as_clause_reports_the_whole_sentence(nlp):
    # "As X explained, …" says the sentence is X's account: a quote at its far end is X's too.
    text = ("Ferry cuts\nAs Maria Delgado explained at the hearing, the last ferry of the winter timetable now leaves "
            "the mainland at six for every island route, “which is early if you work in a restaurant.”")
    assert ["Maria Delgado"] == [m.speaker for m in quotes_of(nlp, text)]


def test_cue_governing_the_quote_whose_subject_the_parse_lost(nlp):
    # The parser hangs the name on the place before it as an apposition and leaves "suggested" without a
    # subject: the name before the apposition set off by commas right before the cue speaks.
    text = ("Club fees\nAt Cedar Point, where a season pass costs $5,000, Tom Okafor, the club's 64-year-old president "
            "and head coach, suggested that rival clubs were failing because of weak coaching and their fixation on "
            "''winning trophies at any price.''")
    assert ["Tom Okafor"] == [m.speaker for m in quotes_of(nlp, text)]


def test_participle_clause_opening_the_sentence_shares_the_subject_after_it(nlp):
    # "While mocking …, she …": the fronted participle's subject is the main clause's, printed after it.
    text = ("Ferry race\nMaria Delgado wants to run the harbor board.\n"
            "Yet while mocking the ''ferry fiasco'' at every town hall, she has never said how she would run the boats.")
    assert [("ferry fiasco", "Maria Delgado")] == pairs(nlp, text)


def test_cue_the_parse_conjoined_to_a_noun_shares_the_clause_subject(nlp):
    # "… adopted a fake Boston accent and joked, “…”" parsed with "joked" conjoined to "accent": a verb
    # with a tense is a second predicate of "adopted", and its subject is "He".
    text = ("Talk radio\nTom Okafor spoke for an hour on Monday.\n"
            "He then adopted a fake Boston accent and joked, “So I’m gonna pahk the ferry right here.”")
    assert [("So I’m gonna pahk the ferry right here.", "Tom Okafor")] == pairs(nlp, text)


def test_possessed_speech_noun_names_the_speaker(nlp):
    # "X's catch phrase was that …": a noun for words said ("phrase", the head of "catch phrase"), owned by a person.
    text = ("Harbor race\nMaria Delgado's catch phrase all summer was that the ferry board “never met a fare hike it "
            "didn't like.”")
    assert ["Maria Delgado"] == [m.speaker for m in quotes_of(nlp, text)]


def test_colon_before_a_doubled_opening_mark(nlp):
    # A typo doubles the opening mark after the colon: the clause before the colon still introduces the quote.
    text = ("Harbor platform\nMaria Delgado wants a new clause in the party's housing plank: ““Every family on the "
            "island deserves a safe home near the harbor.”")
    assert ["Maria Delgado"] == [m.speaker for m in quotes_of(nlp, text)]


def test_the_subject_of_a_passive_question_cue_is_not_the_speaker(nlp):
    # "Roe was asked, “…”": Roe is the one asked; the asker is not named, so no speaker.
    text = ("Harbor leak\nMaria Delgado was asked, “Did the ferry board see the storm report before the boats sailed?”\n"
            "The council met again on Friday.")
    assert [None] == [m.speaker for m in quotes_of(nlp, text)]


def test_a_quoted_description_in_a_passive_report_about_a_person_has_no_speaker(nlp):
    # "Roe was said to be “livid”": an unnamed source describes Roe; the word is not Roe's.
    text = "Harbor vote\nHarbor chair Tom Okafor was said to be “livid” about the delay."
    assert [None] == [m.speaker for m in quotes_of(nlp, text)]


def test_the_one_asked_in_a_passive_cue_the_parse_gave_no_subject_is_not_the_speaker(nlp):
    # The parser hangs "Okafor" on the interviewer's name as an apposition, leaving "was asked" with no
    # subject: the name beside a passive cue is still the one asked, not who spoke the quoted words.
    text = ("Harbor vote\nTom Okafor campaigned all week.\nOn a morning show with Channel Nine’ Ana Lee, Okafor was "
            "asked about the “ferries first” remark.")
    assert [None] == [m.speaker for m in quotes_of(nlp, text)]


def test_quote_as_the_clause_root_with_a_report_set_off_by_commas_after_it(nlp):
    # The parser makes the quoted noun the sentence root and hangs ", she said," on it: her report.
    text = ("Harbor crash\nMaria Delgado, 52, told reporters that she had been selling fish at the pier when she "
            "heard a bang.\n\n\"A runaway ferry\" smashed into the docks that had been rebuilt after the flood, she "
            "said, and \"people started screaming.\"")
    assert ["Maria Delgado"] == [m.speaker for m in quotes_of(nlp, text)][:1]


@pytest.mark.parametrize("surname", ["Samara", "Tennakoon"])
def test_transcript_label_in_capitals_names_the_speaker_whatever_its_tags(nlp, surname):
    # "DR SAMARA:" — the tagger may read the capitalised surname as a verb and "DR" as its subject; the
    # label's text still names the speaker.
    name = surname.upper()
    text = (f"Interview\n\nThe host, Tara Silva, spoke to Dr K. P. Ruwan {surname}, head of the Southern Power Board, "
            f"as the dams fell.\n\nTARA SILVA: \"Dr {surname}, the dams are at 30 percent. Are Galle households going "
            f"to face cuts?\"\n\nDR {name}: \"Not this month. We have the coal we need, and I say that with the "
            f"figures in front of me.\"\n\nSILVA: \"Your board said the same last year.\"\n\n"
            f"{name}: \"That was a transformer failure, not a shortage.\"")
    speakers = [m.speaker for m in quotes_of(nlp, text)]
    assert ["Tara Silva", f"K. P. Ruwan {surname}", "Tara Silva", f"K. P. Ruwan {surname}"] == speakers


def test_transcript_labels_by_initials_after_the_full_names(nlp):
    # An edited interview labels the first turns with full names, the later ones with initials:
    # "I" in a turn labelled "IV" is Ines Varga.
    text = ("Ines Varga on her new novel\n\n"
            "Her fourth book is set on a fishing island. She spoke to Paul Brenner.\n\n"
            "Paul Brenner: Your father was a fisherman.\n\n"
            "Ines Varga: For thirty years, on the same boat.\n\n"
            "PB: Was the book hard to sell?\n\n"
            "IV: An editor told me, “Nobody reads about fish.” I said, “Then they will read about people.”")
    found = dict(pairs(nlp, text))
    assert "Ines Varga" == found["Then they will read about people."]


def test_fragment_with_no_speaker_takes_the_speaker_of_the_quote_repeating_it(nlp):
    # The lede quotes a few words of an unnamed "one resident"; the whole sentence comes later with its
    # speaker: the same words are the same person's.
    text = ("Council shuts the last ferry office\n\n"
            "The council voted to close the ferry office on Tuesday, after one resident warned that the village "
            "“will be cut off by winter”.\n\n"
            "Marta Lindqvist, who has lived on the quay for forty years, spoke against the plan. “If the office "
            "goes, the village will be cut off by winter,” she said.")
    assert [("will be cut off by winter", "Marta Lindqvist"),
            ("If the office goes, the village will be cut off by winter,", "Marta Lindqvist")] == pairs(nlp, text)


@pytest.mark.parametrize("text", [
    "Vote count\n\nMarta Ruiz Ocampo, 44, won the run-off. Ruiz Ocampo took the stage in the main square to "
    "chants of “¡Marta, presidenta!” from a few hundred supporters.",
    "Vote count\n\nMarta Ruiz Ocampo, 44, won the run-off. Ruiz Ocampo walked in to the crowd's roar, "
    "“Four more years!”, and waved.",
])
def test_words_a_crowd_calls_are_no_one_persons(nlp, text):
    # The quote is the content of a noun of a call voiced by many: the crowd's words, not the words of
    # the person the sentence is about.
    assert [None] == [speaker for _, speaker in pairs(nlp, text)]


def test_a_section_heading_quote_continues_no_one_and_takes_its_sections_speaker(nlp):
    # A live blog: the entry heading "14:05 — ‘Lasting change’" opens a new entry; it does not continue the
    # previous entry's speaker, and the entry's own quote of the same words gives its speaker.
    text = ("LIVE: Census results\n\n"
            "14:30 — Minister speaks\n\n"
            "Interior minister Rosa Delgado Prieto spoke at noon. “We will publish every table,” she said.\n\n"
            "14:05 — ‘Lasting change’\n\n"
            "The national coordinator of the Census Office, Ignacio Varela Ponce, told reporters that the fall in "
            "births was a “lasting change.”")
    found = pairs(nlp, text)
    assert ("Lasting change", "Ignacio Varela Ponce") in found


def test_letter_read_out_before_a_colon_is_its_authors_words(nlp):
    # "the secretary read a letter from X, NAME, …: “…”": the words after the colon are the letter's,
    # so its author speaks, not the one reading it aloud.
    text = ("Board votes to close harbour library\n\n"
            "The board voted on Monday to close the library. Board secretary Lena Holt opened the meeting at six.\n\n"
            "Before the vote, the secretary read a letter from the library’s former keeper, A. R. Quayle, who ran "
            "it for 28 years: “A small library is not a failing one. Every child on this quay learned to read there.”")
    assert [("A small library is not a failing one. Every child on this quay learned to read there.",
             "A. R. Quayle")] == pairs(nlp, text)


def test_text_passed_on_before_a_colon_stays_the_sharers(nlp):
    # Sharing a text publishes it as one's own message, unlike reading it aloud: the sharer speaks.
    text = ("Funding fight\n\n"
            "Senator Mara Quint urged a vote on Tuesday. She shared a message from her policy adviser, Ona Belsky, "
            "that read: “Emergencies are not the place for partisan riders.”")
    assert [("Emergencies are not the place for partisan riders.", "Mara Quint")] == pairs(nlp, text)


def test_single_marked_subhead_in_a_double_marked_body_is_a_heading(nlp):
    # American style prints single marks only in headings: the subhead continues no one's speech and takes
    # the speaker of the section's quote that repeats its words
    text = ("Factory closes\n\n\"We were told on a Friday,\" said Rosa Lindqvist, a machinist.\n\n"
            "\"If I were younger, I'd go back to school,\" she said.\n\n'A really tough choice.'\n\n"
            "The foreman, Tomas Ferreira, said the closure had been \"a really tough choice\" for the owners.\n\n"
            "\"Nobody wanted this,\" Ferreira said.\n")
    assert ("A really tough choice.", "Tomas Ferreira") == pairs(nlp, text)[2]


@pytest.mark.parametrize("text", [
    "Floods\n\n“Help came late,” said one resident. Another, Lupe Fifita, said: “They came as fast as they could.”",
    # the parser makes both "Another" and the name subjects of the verb before the colon
    "Floods\n\n“Help came late,” said one resident. Another, Lupe Fifita, disagreed: “They came as fast as they could.”",
    "Floods\n\n“Help came late,” said one resident. Another, Lupe Fifita, said they came “as fast as they could.”",
])
def test_indefinite_pronoun_with_a_name_in_apposition_is_that_person(nlp, text):
    # "Another, Name, said": the name says who "another" is (the first speaker stays unnamed)
    assert [None, "Lupe Fifita"] == [speaker for _, speaker in pairs(nlp, text)]


@pytest.mark.parametrize("text", [
    # the parser makes "Writing" a noun subject beside the name
    "Strike\n\nWriting on X, Sipho Ndlovu said the strike was “unprotected and illegal.”",
    # ... or hangs the speaker's phrase on it as an apposition
    "Strike\n\nWriting on X, the minister, Sipho Ndlovu, said the strike was “unprotected and illegal.”",
])
def test_fronted_participle_is_not_the_speaker(nlp, text):
    assert [("unprotected and illegal.", "Sipho Ndlovu")] == pairs(nlp, text)


@pytest.mark.parametrize("text,expected", [
    ("Court\n\n“Justice has been done,” said Akosua Frimpong. “But the money is gone,” added her husband, Kofi.", "Kofi"),
    # unnamed, the husband is still not his wife
    ("Court\n\n“Justice has been done,” said Akosua Frimpong. “But the money is gone,” added her husband.", None),
])
def test_inverted_relation_after_its_possessor_is_the_speaker(nlp, text, expected):
    # the parser takes "her husband" for the object of "added"; "her" is the previous speaker, not this one
    assert [("Justice has been done,", "Akosua Frimpong"), ("But the money is gone,", expected)] == pairs(nlp, text)


def test_a_labelled_section_heading_takes_its_sections_speaker(nlp):
    # A live blog's entry heading may label its quote like a headline, "16:20 — Governor: ‘…’": still a
    # heading (no sentence, more entries after), so the entry's quote of the same words gives its speaker.
    text = ("LIVE: Ferry strike enters third day\n\n"
            "Follow our coverage of the ferry strike. All times local.\n\n"
            "16:20 — Governor: ‘No more delays’\n\n"
            "Governor Tomasz Okonkwo-Reyes spoke to reporters at the harbour office. “No more delays. The boats "
            "sail on Monday whatever happens,” Okonkwo-Reyes said.\n\n"
            "17:45 — Unions reply\n\n"
            "The dockers’ union said it would meet on Sunday.")
    assert ("No more delays", "Tomasz Okonkwo-Reyes") in pairs(nlp, text)


@pytest.mark.parametrize("quote_and_tag", [
    "“Ní raibh aon rogha againn”, he read",  # British and Irish style: the comma after the closing mark
    "“Ní raibh aon rogha againn,” he read",
])
def test_a_text_read_out_in_the_tag_is_its_readers_words(nlp, quote_and_tag):
    # "“…”, he read": a verb of reading aloud with no object of its own reports the quote, as a cue does.
    text = ("Harbour board chairman resigns\n\n"
            "The chairman of the harbour board, Tadhg Ó Ruairc, read a statement to the inquiry on Friday. "
            f"{quote_and_tag} — we had no choice — before going on in English.")
    assert [("Ní raibh aon rogha againn" + ("," if ",”" in quote_and_tag else ""), "Tadhg Ó Ruairc")] == \
        pairs(nlp, text)


def test_a_passive_report_without_its_agent_takes_the_speaker_of_the_repeated_words(nlp):
    # "the Finance Ministry was accused of “…”": the passive names no accuser, so no later cue's subject
    # ("closing" the session: the Senate) said the words; the quote that repeats them gives the speaker.
    text = ('Senate passes port tax after all-night session\n'
            '\n'
            'VALLETTA — The Senate voted 31 to 24 early on Thursday to raise the port tax, closing an all-night session in which the Finance Ministry was accused of “hiding the real deficit” and two senators walked out.\n'
            '\n'
            'The tax was proposed by Senator Karmenu Azzopardi, who said it would pay for new cranes. “Every ship that docks here should pay for the harbour it uses,” Azzopardi said.\n'
            '\n'
            'The opposition leader, Rita Buttigieg, said the ministry had moved spending off its books. “Year after year they do this. The ministry is hiding the real deficit, and everyone in this chamber knows it,” said Buttigieg.\n')
    assert ("hiding the real deficit", "Rita Buttigieg") == pairs(nlp, text)[0]


def test_a_nickname_inside_the_subjects_name_is_no_quote(nlp):
    # "Ana Beatriz ‘Bia’ Carvalho-Lopes has written …": a word quoted inside a person's name is her nickname,
    # not a word a cue verb reports, even when the name is the subject of one ("written").
    text = ('Review: a last tram ride through Lisbon\n'
            '\n'
            "It is the boldest play of the season. Ana Beatriz 'Bia' Carvalho-Lopes has written a farewell to the old yellow trams, and to the drivers who ran them, without letting it turn sentimental.\n"
            '\n'
            'After the preview, Carvalho-Lopes said she had ridden the 28 line every day for a month. “I listened to the drivers. They talk to the rails,” she said.\n')
    assert ["I listened to the drivers. They talk to the rails,"] == [quote for quote, _ in pairs(nlp, text)]


def test_headline_role_with_a_proper_noun_modifier_picks_that_holder(nlp):
    # "Kestrel coach praises “…”": the proper noun before a lower-case role says whose role it is; of two
    # coaches in the body, the headline's is the one the body gives that modifier, not the later, rival one.
    text = ('Lindqvist brace sinks Harbourside as Kestrel coach praises “a side that never gives up”\n'
            '\n'
            'NORRVIK — Oskar Lindqvist scored twice after the break as Kestrel came back to beat Harbourside 2-1.\n'
            '\n'
            '“We were poor for an hour. Then I saw a side that never gives up,” Kestrel coach Mats Edvardsen said.\n'
            '\n'
            'Harbourside coach Ilse Brandvold was unhappy with the second half. “We stopped running,” Brandvold said.\n')
    assert ("a side that never gives up", "Mats Edvardsen") == pairs(nlp, text)[0]


def test_the_description_takes_up_a_newcomer_not_the_salient_person(nlp):
    # "She was asked by a reporter … “…?” the reporter asked": no one's role is "reporter", and an indefinite
    # introduced someone new since the chair was last mentioned, so the definite description is that newcomer.
    text = ('Harbour fees stay frozen\n'
            '\n'
            'The council chair, Ingrid Solberg, presented the budget on Monday. “The numbers add up,” Solberg said.\n'
            '\n'
            'She was asked by a reporter whether the council would raise fees. “Will you raise the harbour fees?” '
            'the reporter asked.\n'
            '\n'
            '“Not this year, and not next year,” she replied.\n')
    assert [("The numbers add up,", "Ingrid Solberg"), ("Will you raise the harbour fees?", None),
            ("Not this year, and not next year,", "Ingrid Solberg")] == pairs(nlp, text)


def test_a_time_stamped_live_entry_heading_that_asks_continues_no_one(nlp):
    # "13:05 — “Ballots missing”?": a live blog entry's heading, though it ends in a question mark outside the
    # marks; it starts a new entry and continues no speaker of the entry before it.
    text = ('Harbour council count live\n'
            '\n'
            '14:20 — Count resumes\n'
            'The returning officer, Ingrid Solberg, said counting would go on through the night. '
            '“We will finish before breakfast,” Solberg said.\n'
            '\n'
            '13:05 — “Ballots missing”?\n'
            'The Green list has sent out a statement saying that two boxes were “opened before the count”.\n'
            '\n'
            '12:30 — Polls close\n'
            'Turnout was about 60%.\n')
    assert ("Ballots missing", None) == pairs(nlp, text)[1]


def test_a_tag_after_the_quote_that_opens_a_turn_describes_the_labelled_speaker(nlp):
    # "Hadley: “…,” the governor said": the quote opens the labelled turn, so it is the turn's own words and
    # the description in the tag after it is the labelled speaker, not someone else in the exchange.
    text = ('Coastal governor orders water rationing\n'
            '\n'
            'SALTMARSH — Governor Paul Hadley ordered water rationing across the state on Monday. '
            '"The reservoirs are at a third," Hadley said.\n'
            '\n'
            'Hadley then took questions from reporters.\n'
            '\n'
            'Mary Quinn: "Governor, is rationing fair to farmers?"\n'
            '\n'
            'Hadley: "We met the farmers twice."\n'
            '\n'
            'Quinn: "Is that enough?"\n'
            '\n'
            'Hadley: "No. It is fair. It is also painful," the governor said. "Nobody will go without drinking water."\n')
    assert ("No. It is fair. It is also painful,", "Paul Hadley") == pairs(nlp, text)[4]


def test_one_word_glossed_terms_in_reported_speech_are_no_quotes(nlp):
    # "the cuts people call “blinkers”, a Dutch word meaning “on-off”": inside a cue verb's report, but the
    # first is classified as a word and the second glosses it; neither is said by the speaker.
    text = ('Power cuts hurt shop owners\n'
            '\n'
            'The economist Joost Smit said the power cuts that shop owners call “blinkers”, a Dutch word meaning '
            '“on-off”, were costing them a day’s takings a week. “Nobody can plan like this,” Smit said.\n')
    assert [("Nobody can plan like this,", "Joost Smit")] == pairs(nlp, text)


def test_a_headline_quote_from_an_unquoted_interview_answer_is_the_labelled_speaker(nlp):
    # An edited interview prints its answers unquoted after the speaker's label; a headline quoting a sentence
    # of one ("‘The sea keeps what it takes’: a lighthouse keeper on …") quotes the labelled speaker.
    text = ('‘The sea keeps what it takes’: a lighthouse keeper on storms, solitude and the last lamp\n'
            '\n'
            'SKERRAVIK, Norway — Ingrid Halvorsen has kept the Skerravik light for 31 years.\n'
            'We spoke in the lamp room. The interview has been edited for length.\n'
            'What was the worst storm?\n'
            'Halvorsen: January 1993. The sea keeps what it takes, and that winter it took two boats.\n'
            'Will you miss it?\n'
            'Halvorsen: Every day. But the lamp does not need me any more.\n')
    assert ("The sea keeps what it takes", "Ingrid Halvorsen") == pairs(nlp, text)[0]


def test_a_quote_an_indefinite_someone_says_inside_a_turn_is_not_the_labelled_speakers(nlp):
    # "Halvorsen: … What we cannot live with is a councillor who says, “…”": inside the turn, a cue verb reports the words of
    # someone the speaker introduces with "a"; they are not the labelled speaker's own ("nobody says" would be).
    text = ('A lighthouse keeper on the last lamp\n'
            '\n'
            'SKERRAVIK, Norway — Ingrid Halvorsen has kept the Skerravik light for 31 years.\n'
            'What do you want from the council?\n'
            'Halvorsen: Honesty. If the light will close, tell us. What we cannot live with is a councillor who says, '
            '“Nothing will change.”\n'
            'Will you miss it?\n'
            'Halvorsen: Every day. My daughter says, “Mamma, the boats have GPS now.” She is right.\n')
    assert ("Nothing will change.", None) == pairs(nlp, text)[0]


def test_a_label_two_people_share_rules_neither_out_of_a_description_in_the_turn(nlp):
    # "Halvorsen:" labels the interviewee, but her father bears the surname too: the label does not say which of
    # them speaks, so it must not rule the father out of "my father" inside the turn (the one father named).
    text = ('A lighthouse keeper on the last lamp\n'
            '\n'
            'SKERRAVIK, Norway — Ingrid Halvorsen was 30 when she took over the Skerravik light. Her father, '
            'Nils Halvorsen, 81, kept it before her and still climbs the tower every Sunday.\n'
            'What was it like growing up here?\n'
            'Halvorsen: Loud. When a storm came in, my father used to say, “The sea gives and the sea takes back.” '
            'I did not understand it until I was grown.\n')
    assert [("The sea gives and the sea takes back.", "Nils Halvorsen")] == pairs(nlp, text)


def test_transcript_labels_with_an_apposition_and_hyphenated_given_names(nlp):
    # A transcript prints the speaker's office or outlet after the name the first time ("Name, office:"),
    # and romanised Chinese and Korean given names carry a lower-case syllable after a hyphen.
    text = ("Storm briefing transcript\n\nOfficials spoke in Hualien on Monday. The following is a transcript.\n"
            "Kuo Mei-ling, director of the county fire service: “We have forty boats ready. Stay indoors.”\n"
            "Kuo: “The rivers are rising fast. Do not drive near them.”\n"
            "Tsai Wen-hao, Eastern Daily: “Director Kuo, how many shelters are open now?”\n"
            "Kuo: “Twelve. More will open at midnight.”\n"
            "Tsai Wen-hao: “And the roads to the coast, are they closed?”\n")
    assert ["Kuo Mei-ling", "Kuo Mei-ling", "Tsai Wen-hao", "Kuo Mei-ling", "Tsai Wen-hao"] == \
        [speaker for _, speaker in pairs(nlp, text)]


def test_a_clause_before_a_semicolon_is_not_reported_by_the_cue_after_it(nlp):
    # "A called it ‘…’; B said ‘…’": two sentences of the reporter's joined by a semicolon, each with its
    # own cue; the parser hangs the first on the second's "said"
    text = ("Road probe\n\nMamuka Kvaratskhelia, a shepherd, and Levan Abashidze, a driver, described the road. "
            "The former called it ‘a paper road’; the latter said ‘the river is wider than the road’.\n")
    assert [("a paper road", "Mamuka Kvaratskhelia"), ("the river is wider than the road", "Levan Abashidze")] == \
        pairs(nlp, text)


def test_the_content_of_a_speech_noun_a_role_possesses_is_that_persons(nlp):
    # "The prosecutor’s claim that “…” was “…”, he told …": the claim's words are the prosecutor's, whom the
    # role names, though the sentence's cue reports the defence lawyer's verdict on them
    text = ("Fraud trial\n\nThe prosecutor, Ana Ferreira, said the money was stolen. The defence lawyer, Paulo Reis, "
            "disagreed.\n\nReis dismissed that line. The prosecutor’s claim that “every coin taken is a bus or a "
            "driver” was “fine drama and poor maths”, he told the Lisbon Daily.\n")
    assert [("every coin taken is a bus or a driver", "Ana Ferreira"), ("fine drama and poor maths", "Paulo Reis")] == \
        pairs(nlp, text)


def test_a_transcript_label_ending_on_a_name_syllable_names_the_whole_name(nlp):
    # "Lin Po-han:" printed with no earlier mention: the label's last syllable alone ("han") names no one
    text = ("Storm briefing transcript\n\nOfficials spoke in Hualien on Monday. The following is a transcript.\n"
            "Lin Po-han: “Ten roads are closed.”\n")
    assert [("Ten roads are closed.", "Lin Po-han")] == pairs(nlp, text)


def test_cue_before_an_exclamation_reports_it_not_the_next_sentence(nlp):
    # "shouted “…!”": the cue before the marks reports the words; their "!" ends the sentence, so the
    # next sentence's subject ("Ushers asked …") is no tag of the quote
    text = ("Court ends fraud case\n\nAs Moretti was taken down, a woman in the gallery who later said she was "
            "the sister of a ferryman shouted “Liar!” Ushers asked her to sit down.\n")
    assert [("Liar!", None, "a woman")] == [(m.text, m.speaker, m.speaker_mention) for m in quotes_of(nlp, text)]


def test_quote_after_a_newly_introduced_person_is_not_a_continuation(nlp):
    # an indefinite description as the subject of the sentence before a standalone quote brings a new
    # person in to quote them: the words are that unnamed person's, not the previous speaker's
    text = ("Ferry strike\n\nTomás Reyes, 60, runs the ferry. “Every day the ferry is late,” Reyes said. A younger "
            "ferryman beside him, who did not give his name, was harsher. “They should make him row it himself.”\n")
    assert [("Every day the ferry is late,", "Tomás Reyes", "Reyes"),
            ("They should make him row it himself.", None, "A younger ferryman")] == \
        [(m.text, m.speaker, m.speaker_mention) for m in quotes_of(nlp, text)]


def test_fragment_in_the_relative_clause_of_a_role_nouns_apposed_name(nlp):
    # "The prosecutor, NAME, whose … “…” — said": the clause holding the fragment is about the person the
    # role noun and the name both denote, so the role noun's phrase may hold the quote, as a name's may
    text = ("Verdict\n\nThe prosecutor, Marco Vitale, whose closing argument in May contained the line that became "
            "the trial’s slogan — that the town had paid for ten million euros of repairs and “the bridge is weaker "
            "than before” — said only that he was “pleased with the outcome”.")
    assert [("the bridge is weaker than before", "Marco Vitale"), ("pleased with the outcome", "Marco Vitale")] == \
        pairs(nlp, text)


def test_quote_after_a_newcomers_question_answers_it(nlp):
    # the newly introduced person asks; the quote after the question is the answer of the one asked
    text = ("Strike talks\n\n“We will win this,” Roe said at the rally. A reporter asked whether she would resign. "
            "“Never. I was elected to finish the job.”\n")
    assert [("We will win this,", "Roe"), ("Never. I was elected to finish the job.", "Roe")] == pairs(nlp, text)


def test_quote_after_a_newcomer_named_beside_the_description_is_theirs(nlp):
    text = ("Ferry strike\n\nTomás Reyes, 60, runs the ferry. “Every day the ferry is late,” Reyes said. A younger "
            "ferryman, Luis Prado, was harsher. “They should make him row it himself.”\n")
    assert [("Every day the ferry is late,", "Tomás Reyes"), ("They should make him row it himself.", "Luis Prado")] \
        == pairs(nlp, text)


def test_a_cue_in_what_someone_imagines_is_the_imaginers_words(nlp):
    # "Roe imagined Dorn was thinking: “…”": the thought is Roe's invention, put in Dorn's mouth by Roe.
    text = ("Harbor race tightens\nBen Dorn lost the vote on Tuesday.\n\n"
            "After the count, columnist Ana Roe imagined Dorn was thinking: “What have I done to my party?”\n")
    assert [("What have I done to my party?", "columnist Ana Roe")] == \
        [(m.text, m.speaker_mention) for m in quotes_of(nlp, text)]


def test_according_to_a_surname_the_recogniser_takes_for_a_company_is_the_person_named(nlp):
    # "according to Holt" after "Ben Holt": the recogniser reads the lone surname as an organisation; a
    # name keeps its sense through the story, so the words come through Holt, not from "the press".
    text = ("Harbor race\nBen Holt went to that debate.\n\nHe will go to the next debate, because, according to "
            "Holt, the press would call him a “chicken” if he didn’t.\n")
    assert [("chicken", "Ben Holt")] == pairs(nlp, text)


def test_a_cue_in_the_that_clause_of_a_voiced_feeling_is_the_voicers_account(nlp):
    # "Roe expressed amusement that Dorn had described it “…”": Roe's view of Dorn's words, given by Roe.
    text = ("Harbor race\nBen Dorn spoke on Friday.\n\nAna Roe expressed amusement that Dorn had at last described "
            "his plan for the port “in plain English, not in lawyer talk,” echoing some of her allies.\n")
    assert [("in plain English, not in lawyer talk,", "Ana Roe")] == \
        [(m.text, m.speaker_mention) for m in quotes_of(nlp, text)]
