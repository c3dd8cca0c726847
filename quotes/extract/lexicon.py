"""Language data of the extractor: every word list and constant set, apart from the algorithms.

Each list carries the comment that justifies it.  The tuning constants (how far a cue may
stand, confidence by method, salience weights) close the module, with the measurement or
reasoning behind each.  Nothing here imports from the rest of the package.
"""

from __future__ import annotations

import re

from nameparser.config import CONSTANTS as _NAMEPARSER
from spacy.lang.en.stop_words import STOP_WORDS as _ENGLISH_FUNCTION_WORDS


# ---------------------------------------------------------------------------
# Quotation marks.
# ---------------------------------------------------------------------------

DOUBLE_MARKS = frozenset({"“", "”", '"', "„", "‟", "«", "»", "``", "''"})
SINGLE_MARKS = frozenset({"‘", "’", "'", "‚", "‛", "‹", "›", "´", "`"})
OPENING_GLYPHS = frozenset({"“", "„", "‟", "«", "``", "‘", "‚", "‛", "‹", "`"})
CLOSING_GLYPHS = frozenset({"”", "»", "''", "’", "›"})


# ---------------------------------------------------------------------------
# Speech: cue verbs, speech nouns, and what makes quoted words a title instead.
# ---------------------------------------------------------------------------

# Lemmas of verbs that introduce reported speech ("X said", "X warned that ..."), by kind.  The
# later groups were added for issue 12 from the cues of quotes the extractor left unattributed in
# real news (PolNeAR dev articles), grouped the way verb lexicons group speech acts.
_SAYING = """
    say tell add reply echo promise warn insist note continue explain argue claim declare state
    write ask acknowledge admit announce assert concede confirm contend deny emphasize emphasise
    observe predict recall remark report respond reiterate stress suggest testify tweet post vow
    urge caution complain conclude joke quip lament boast counter retort shout whisper yell
    scream mutter exclaim recount agree threaten pledge wonder muse maintain allege believe
    describe call answer comment elaborate concur pronounce proclaim repeat affirm assure
    accuse thank praise criticize criticise condemn denounce decry dismiss hail slam blast welcome utter
"""
# Judging someone is done in words, which the reporter quotes: "mocked Roe for “having a tough
# night”", "blamed the “reckless” plan", "credited the “closed primary”".
_JUDGING = "mock ridicule deride taunt tease knock rip bash lambast lambaste chide scold blame credit defend"
# Naming and characterising quote the name or the description used: "dubbed him “the little
# senator”", "characterizes herself as a “change warrior”".
_NAMING = "label dub brand term characterize characterise portray"
# Saying with a manner or a feeling: "vented that it would be “incredibly ugly”", "touted her
# “50-state strategy”", "retaliated: “…”".
_MANNER = "vent fume scoff bemoan rail tout gush crow rave marvel grumble gripe retaliate apologize apologise"
# Telling what one knows, thinks or wants: "confessed", "demanded", "hopes that “…”".
_TELLING = """
    confess reveal disclose clarify speculate forecast demand plead beg implore advise recommend
    question press think hope fear worry
"""
# Performing words aloud: "chanted “…”", "sings, “…”".
_PERFORMING = "chant sing recite"
# Joking, the voice words are said in, and reacting, interrupting or remembering aloud: "cracked, “…”",
# "“…,” she barked", "“…!” beamed Roe", "interjected, “…”", "exhorted", "reacted skeptically: “…”",
# "remembered Roe".
# (PolNeAR harness, issue 12: dev name +10 with nothing lost; "speak" and "talk" were tried and dropped:
# they cost as many as they gave, "spoke with officials, who said …".)
_TALKING = """
    crack wisecrack jest bark growl snarl bellow holler beam interject interrupt exhort react remember grouse
    heckle
"""
CUE_VERBS = frozenset(" ".join((_SAYING, _JUDGING, _NAMING, _MANNER, _TELLING, _PERFORMING, _TALKING)).split())

# Cue forms as printed in headlines and surface fallbacks, where the parse of
# title-case text is unreliable: "Smith Says ‘…’", "‘…,’ warns Smith".
_IRREGULAR_CUE_FORMS = {"say": ("says", "said"), "tell": ("tells", "told"), "write": ("writes", "wrote")}


def _cue_forms() -> frozenset[str]:
    forms: set[str] = set()
    for lemma in CUE_VERBS:
        if lemma in _IRREGULAR_CUE_FORMS:
            forms.update(_IRREGULAR_CUE_FORMS[lemma])
            continue
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        third = lemma[:-1] + "ies" if lemma.endswith("y") and lemma[-2] not in "aeiou" else (
            lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "o")) else lemma + "s")
        past = lemma[:-1] + "ied" if lemma.endswith("y") and lemma[-2] not in "aeiou" else stem + "ed"
        forms.update((third, past))
    return frozenset(forms)


CUE_FORMS = _cue_forms()


# Subordinators of a condition ("if people think …", "unless she says …"): a verb of saying or
# thinking under one supposes words, it reports none (subjects._is_cue).
CONDITIONAL_MARKERS = frozenset({"if", "unless"})

# Verbs of imagining: "Roe imagined Dorn was thinking: “…”" gives words Roe puts in Dorn's mouth, so the
# cue in their complement reports Roe's words, as one under "said" does (attribution._reporting_cue).
IMAGINING_VERBS = frozenset({"imagine", "picture", "envision", "envisage"})

# Verbs that voice a feeling or opinion named by their object: "Roe expressed amusement that Dorn had called it
# “…”" reports Roe's view of what Dorn said, as "Roe said Dorn called it “…”" does (attribution._reporting_cue).
VOICING_VERBS = frozenset({"express", "voice"})

# The most words of a connective opening a quote's sentence that still leaves it standing alone
# ("But “…”", "And yet “…”"): continuation (article._after_connective).
CONNECTIVE_MAX_WORDS = 2

# Subjects that pick up what was just said ("That makes her “…”", "But that's not “…”", "It's “…”"):
# a sentence opening on one, after a speaker's quote, goes on with the speaker's point, and a fragment
# in it is the speaker's (article._goes_on_with_quote).
ANAPHORIC_SUBJECTS = frozenset({"that", "this", "it"})

# Cues of an answer, and verbs of asking: who asks a question is not who replies to it
# ("Pell asked what she had received. “None,” she replied." -> not Pell).
REPLY_CUES = frozenset({"reply", "respond", "answer", "retort"})
QUESTION_CUES = frozenset({"ask", "question", "quiz", "query"})
# English topic markers: a sentence opening with one names its topic, and the subject pronoun of the
# clause after it takes that topic up ("As for Roe, she said …" -> Roe).  The prepositional
# topicalisers of English grammars (multi-word prepositions that introduce a topic, not a role).
TOPIC_MARKERS = (("as", "for"), ("as", "to"), ("as", "regards"), ("speaking", "of"))


# Nouns for what someone said: "Her answer: “…”", "Fox's reply was blunt: “…”".
SPEECH_NOUNS = frozenset("""
    answer reply response retort message verdict comment remark remarks words advice warning
    explanation assessment conclusion plea view statement tweet post dictum motto mantra refrain
    quip joke line vow promise pledge claim argument complaint question insult boast jab dig
    charge accusation declaration announcement admission memo email letter speech slogan
    catchphrase assertion contention suggestion insistence prediction allegation assurance denial
    aside phrase rejoinder
""".split())


# Nouns for a written text one person can write or sign: "the letter said" quotes its author when the
# article said whose it was ("a letter signed by Ana Roe", "an email from Roe", "Roe's memo").  The
# kinds of correspondence and filing English news quotes as a speaker (not "report"/"study": an
# institution's, with many authors), and a statement, which one person may sign or read out (an
# institution's stays no one's: only a person given as its author or reader speaks through it).
WRITTEN_NOUNS = frozenset("""
    letter email e-mail memo memorandum note message text submission affidavit petition notice circular
    statement
""".split())
# Prepositions that give a written text's author after its noun: "a letter from Roe", "a note by Roe".
AUTHOR_PREPOSITIONS = frozenset({"from", "by"})
# Verbs of voicing another's written text aloud: "the clerk read a letter from Roe: “…”" are Roe's words
# (the reader lends a voice, and adopts nothing).  Not verbs of passing a text on ("shared", "retweeted",
# "forwarded"), whose subject publishes the words as their own message.
READ_ALOUD_VERBS = frozenset({"read", "recite"})
# Verbs of writing or sending a text, whose subject in a relative clause on the text is its author: "a
# message that Roe sent", "the letter Roe wrote" (not "a letter that reached Roe": its subject is the text).
AUTHORING_VERBS = frozenset({"write", "send", "sign", "pen", "draft", "compose", "post", "text", "email", "type"})


# Words that give the name of someone an indefinite noun introduces ("a caller named Ana", "a woman
# identified only as Ana", "a listener who gave her name as Ana", "a man known as Ana"): the name after
# one of them (directly, or after "as") is who the indefinite describes.  English naming verbs and "name".
NAMING_WORDS = frozenset({"named", "called", "nicknamed", "identified", "known", "name"})
# Nouns for a person's name, and the words that make one a person's: a name in apposition to "her first name"
# or "his nickname" ("who gave only her first name, Ulrike,") is a person's, whatever NER calls it.
NAME_NOUNS = frozenset({"name", "nickname", "surname", "forename"})
PERSONS_NAME_WORDS = frozenset({"his", "her", "first", "given", "christian", "full", "real", "last", "family"})
# Lemmas of the verbs of a clause that gives the name a described person goes by: "The ferry captain, known to
# everyone as Pak Harun, said …", "the cook, whom the crew call Mang Oscar, said …": the name is the described
# person's, so it takes the noun's role and, when that noun is the subject, a subject's salience.
NAMING_LEMMAS = frozenset({"know", "call", "name", "nickname", "dub"})


# A sibling noun and the child noun that person is to the siblings' parent: "her brother", said of a
# daughter, is the parent's son (the article gave "His son Ana Roe", "His daughter, Lea Roe").
SIBLING_AS_CHILD = {"brother": "son", "sister": "daughter"}


# Prepositions that take an office's domain ("mayor of Leuven", "minister for Culture"): a role that ends
# with one was cut before its complement and given to the complement, a place or body, not its holder.
OFFICE_DOMAIN_PREPOSITIONS = frozenset({"of", "for"})


# Words that open an answer: an untagged quote paragraph opening with one, right after another person's
# turn in an exchange, is the answer of the one that turn addressed ("“You wrote it down.” / “Yes. …”").
ANSWER_WORDS = frozenset({"yes", "no", "yeah", "nope"})



# Nouns of a person's opinion or way of putting it, which attribute a sentence as "according to"
# does: "…, in Roe's view", "in the estimation of Ann Roe", "in Roe's words".
OPINION_NOUNS = frozenset({"view", "views", "words", "opinion", "estimation", "judgment", "judgement", "telling"})


# Verbs that report speech only with a particle: "Roe shot back", "pointed out", "went on".
PHRASAL_CUES = frozenset({("shoot", "back"), ("fire", "back"), ("hit", "back"), ("snap", "back"),
                          ("push", "back"), ("point", "out"), ("go", "on"), ("weigh", "in"), ("chime", "in"),
                          ("lash", "out"), ("speak", "out"), ("spell", "out"), ("sound", "off")})


# Verbs that report speech with a speech noun as their object: "issued a statement", "posted a message".
LIGHT_SPEECH_VERBS = frozenset({"issue", "release", "post", "send", "deliver", "give", "make", "publish", "put"})


# Verbs whose infinitive complement shares their subject even with an object: "Roe promised
# Okafor to say …".
SUBJECT_CONTROL_VERBS = frozenset({"promise", "vow", "threaten", "pledge"})


# How many tokens after a closing mark a speaker tag may take: "“…,” Gene Roe, a top adviser to
# the governor, said" needs 12, "“…,” Ann B. Roe Jr., the director of the Federal Bureau of
# Statistics, said" 15; "said" further away is another clause.  18 against 14 on the PolNeAR
# harness (issue 12): dev name +1, held-out name +2, nothing lost.
TAG_MAX_TOKENS = 18


# Punctuation that ends a quote whose attribution follows: "“…,” she said", "“…?” he asked".
TAG_QUOTE_ENDINGS = (",", "?", "!", "—", "–", "-", "…")


# Tags of a verb with its own tense, which an apposition in a speaker tag never has (not VBD: the
# small model tags the participle of "now 81 and retired in Ohio" VBD too).
FINITE_TAGS = frozenset({"VBZ", "VBP", "MD"})
# Tags of a verb with a tense of its own (past or present), which no noun phrase has: a cue so tagged
# that the parser conjoined to a noun is a second predicate of the clause ("… an accent and joked").
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP"})


# Nouns of a call voiced by many at once: a quote they name ("to chants of “…” from supporters", "the
# crowd's roar, “…”") is the crowd's words, not those of the person the sentence is about.
CROWD_CALL_NOUNS = frozenset("chant cry shout roar chorus jeer boo cheer heckle refrain singalong".split())


# Prepositions of place, time and path: a quoted fragment inside such a phrase is not what the
# sentence's subject said ("hit the ball back to the “wrong side of the net”").
PLACE_TIME_PREPOSITIONS = frozenset("""
    to from in into onto on at toward towards under over near across through during after before
    since until inside outside behind beside between around along past beyond
""".split())


# An unclosed quote shorter than this is a stray mark, not lost speech.
UNCLOSED_MIN_WORDS = 3


# A parenthesis this long or shorter is a tag ("(D-N.Y.)", "(R-Texas)", "(AP)"), never a sentence.
PARENTHESIS_MAX_TOKENS = 8


# A closing mark glued to the next word ("… of him,”Clinton said"): split it off, with the
# punctuation before it, so the quote ends where it ends and the tag reads as words.
GLUED_CLOSING_MARK = r"(?<=[\w.,!?;:])”(?=\w)|(?<=\w)[.,!?;:](?=”\w)"

# An opening mark glued to the punctuation that introduces it ("Roe said,“Look", "Roe (D-Wis.):"I"):
# split off the mark and the comma or colon, so the tag and the quote read as words.
GLUED_OPENING_MARK = r"(?<=[,:;)])[“\"](?=\w)|(?<=[\w)])[,:;](?=[“\"]\w)"

# A hyphen glued before a capital at a word's start is a dash or a bullet ("-Ana Roe, Philadelphia." under a
# quote, "-Pollster Ana Roe says …" in a digest), split off as a prefix; inside a word or before a digit it stays.
# (PolNeAR dev: 30 such hyphens, 23 of them one outlet's bulleted digests.)
LEADING_HYPHEN_PREFIX = r"^-(?=[A-Z])"

# Invisible direction marks pasted with social-media text ("\u202a”Sorry, …”"): a mark's context is read
# past them (marks._classify_mark: else the opening mark after one looks glued to a word and
# is taken for a closer), and one glued before a mark is split off (below).
INVISIBLE_FORMAT = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_INVISIBLE_FORMAT_CLASS = f"[{INVISIBLE_FORMAT}]"

# The other ways a mark is glued to its neighbours.  spaCy never re-examines the pieces an infix split
# leaves, so every character between the word and the mark needs its own split:
#  - a parenthesis before a glued opening mark ('Roe (D-N.Y.):"I'), else "N.Y.)" stays one token;
#  - an opening mark after sentence-final punctuation ('… the plan."We'), or after a closing bracket
#    or single mark ('</b>“Yes', 'HOUSE PARTY’“Mr.'); a straight or opening mark between two letters
#    ('the pier"We', 'said“We'), whichever way it faces (never after a digit: 5'10"tall);
#  - a dash (em, en, double hyphen) between a mark and a word, on either side ('act—“My', 'plan!”—is',
#    'Spain."--Ann'), with the punctuation before the closing mark; a plain hyphen stays ("“moan”-worthy");
#  - an invisible direction mark pasted from social media before a mark ("\u202a”Sorry").
# Apostrophes are never split (the lookarounds hold only double marks), nor inch marks after digits.
GLUED_MARK_INFIXES = (
    r"(?<=[\w.])\)(?=[,:;]?[“\"]\w)",
    r"(?<=[.!?>’'])[“\"](?=\w)",
    r"(?<=\w)[!?](?=[“\"]\w)",
    r"(?<=[^\W\d_])[“\"](?=[^\W\d_])",
    r"(?<=[\w.,!?;:])[”\"](?=(?:—|–|--)\S)",
    r"(?<=\w)[.,!?;:](?=[”\"](?:—|–|--)\S)",
    r"(?<=[”\"])(?:—|–|--)(?=\S)",
    r"(?<=[\w.,!?;:])(?:—|–|--)(?=[“\"]\w)",
    r"(?:(?<=[—–])|(?<=--))[“\"](?=\w)",
    _INVISIBLE_FORMAT_CLASS + r"(?=[“”\"])",
    r"(?<=" + _INVISIBLE_FORMAT_CLASS + r")[“”\"](?=\w)",
)

# Curly single marks used as quotation marks (British style) glued the same ways.  "’" is also the
# apostrophe, so it splits only after a comma, ! ? ; : or a word's final period and before a letter
# ("done,’Ann said", "done.’Ann"), never in a word (Achieng’, O’Neill), after "U.S." ("U.S.’s") or
# before a digit (’90s); "‘" splits after the punctuation or dash that introduces a quote, never
# between letters, where it is a misprinted apostrophe ("don‘t").
GLUED_SINGLE_MARK_INFIXES = (
    r"(?<=[,!?;:])’(?=[^\W\d_])",
    r"(?<=[^\W\d_]{2}\.)’(?=[^\W\d_])",
    r"(?<=\w)[,!?;:](?=’[^\W\d_])",
    r"(?<=[,:;)—–])‘(?=[^\W\d_])",
    r"(?<=[\w)])[,:;](?=‘[^\W\d_])",
    r"(?<=[\w.])\)(?=[,:;]?‘[^\W\d_])",
    r"(?<=[\w.,!?;:])(?:—|–|--)(?=‘[^\W\d_])",
)

# Emoticon special cases in spaCy's English tokenizer that prose writes as a bracket and a colon:
# "Rep. Roe (R-S.C.): " kept "):" one token, so the label's parenthesis never closed.  Each is split
# into its characters; the words-only emoticons (":-)", "<3") stay as they are.
BRACKET_EMOTICON_CHARS = "()[]:;="


# Nouns right before a quotation that make it the title of a work, not speech.
WORK_NOUNS = frozenset("""
    book film movie song album novel show series play poem article episode documentary podcast
    column essay memoir opera musical painting exhibition slogan hashtag headline titled entitled
    dubbed nicknamed title collection anthology single track sculpture installation programme
    program game autobiography biography sequel newsletter
""".split())
# Nouns for a publication, a broadcast outlet or a planning document, whose proper names are printed in
# Title Case: a Title Case quotation set beside one ("the report “Silver Lining 2040”", "its channel, “Voice
# of the Coast”") names it (marks.names_a_work).  Kept apart from WORK_NOUNS because words told to an outlet
# follow these nouns too ("told the station “We will fight”"): only a wholly Title Case quotation is a name.
NAMED_THING_NOUNS = frozenset("""
    report study survey paper channel station network newspaper magazine website blog portal
    broadcaster radio
""".split())
# "called"/"named" introduce a title only when the quoted words look like one (Title Case).
NAMING_VERBS = frozenset({"called", "named", "known", "labelled", "labeled", "branded"})
SCARE_PREFIXES = ("so-called", "so called")
# Verbs of naming and labelling whose object complement is a name or a label for a thing, not words said:
# "what the leaflets call “white gold”", "a room the nurses came to call the “quiet corner”", "the fees
# its accounts describe as ‘advisory work’", "fans known as “the Red Tide”".  Those in LABEL_AS_VERBS take the
# label after "as"; LABEL_VERBS take it directly.  A short noun phrase in marks there is the label, mentioned.
LABEL_VERBS = frozenset({"call", "calls", "called", "calling", "dub", "dubs", "dubbed", "term", "terms", "termed",
                         "nickname", "nicknamed", "christen", "christened", "label", "labels", "labelled", "labeled"})
LABEL_AS_VERBS = frozenset({"known", "describe", "describes", "described", "describing", "refer to", "refers to",
                            "referred to", "branded", "billed", "classed", "classified", "listed", "registered"})
# Dependency links of a noun phrase (object, preposition and its object, modifiers, apposition) that lead
# from a label up to the verb of naming over the object named between them: "call this kind of frost
# “…”".  A clause link (ccomp, advcl, relcl) leaves the noun phrase.
LABEL_PATH_DEPS = frozenset({"pobj", "prep", "dobj", "oprd", "nmod", "compound", "appos", "attr", "npadvmod"})
# Determiners of universal quantity: a subject they open ("every rider", "all fishermen") is a community,
# and the name it gives a thing is the name the thing goes by, not one speaker's words.
UNIVERSAL_DETERMINERS = frozenset({"every", "each", "all", "any"})
# Nouns that name a name: a quotation set beside one is that name, mentioned, not said ("her nickname,
# “El Toro”", "its motto, “Ever Onward”").
NICKNAME_NOUNS = frozenset({"nickname", "nicknames", "moniker", "byname", "sobriquet", "motto", "watchword"})
# Words of glossing: a quotation right after one translates or explains a word ("a Norse word meaning
# “bay”", "which translates as “little bridge”"): the reporter mentions the words, no one says them.
# Not the finite "means": "his lead means “he is doing something right”" reports what someone concludes
# (it dropped one PolNeAR dev gold quote).
# A quoted phrase of at most this many words, with a lower-case gloss of at most as many words in parentheses
# right after it, is a term translated ("“oro nero” (black gold)"): a foreign term is a word or a short
# compound, and a longer quotation with an aside after it is speech ("“…” (she smiled)").
GLOSSED_TERM_MAX_WORDS = 3
GLOSS_WORDS = frozenset({"meaning", "literally", "translates", "translated", "translation"})
# Nouns that classify a quotation set off after it as a word of some language or jargon: "“lagom”, a
# Swedish word for …", "“the squeeze”, an industry term": the quoted words are mentioned as words.
TERM_NOUNS = frozenset({"word", "words", "term", "expression", "phrase", "idiom", "neologism", "coinage"})
# Prepositions before a Title Case quotation that make it the name of a programme, publication or song,
# not words spoken: "said on “Weekend Report.”", "wrote in “Harbor Lights,”", "host of “The Late Hour,”",
# "an interview with “Sunday Desk.”".  Not "to", which is also the infinitive's: "a promise to “Keep
# Harbor Jobs Here”" quotes a pledge.  (Measured on PolNeAR dev: "of"/"with" drop 9 titles of works, among
# them 1 that had a speaker, and no speech; "to" would also drop a quoted pledge.)
WORK_PREPOSITIONS = frozenset({"on", "in", "with", "of"})
# Determiners before a quoted noun subject that make it a thing named at a distance, not the
# speaker's word: "said the “reform” had changed nothing".
SCARE_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her", "our"})


# ---------------------------------------------------------------------------
# People: titles, honorifics, roles, names, organisations.
# ---------------------------------------------------------------------------

# Titles of the Commonwealth, Africa and Asia printed before a name: "Hon." (Honourable), South African/Indian
# "Adv." (advocate), Filipino "Atty."/"Engr.", Malaysian honours "Datuk"/"Dato'"/"Datin"/"Datuk Seri"/"Tun",
# royal "Tunku"/"Tengku", Malay "Encik"/"Puan" (Mr/Mrs), South Asian police and paramilitary "Commandant";
# titles of respect for elders: one who made the pilgrimage to Mecca ("Hagg" in Egyptian print, "Hajj", "Haji",
# "Hajjah" for a woman; West African "Alhaji", and "Alhaja"/"Hajia"/"Hajiya" for a woman), and Aboriginal
# Australian "Aunty"/"Auntie"/"Uncle" before an Elder's given name ("Aunty Rosalind" is Rosalind Walkabarra, no
# relative of the reporter's); Indian courtesy titles "Shri" (Mr) and "Smt."/"Shrimati" (Mrs).
# Terms of address printed before a given name: Indonesian "Pak"/"Bapak" (sir) and "Bu"/"Ibu" (madam), Filipino
# "Mang" (for an older man) and "Aling" (an older woman), Portuguese "Dona" and Spanish "Doña" (a respected
# woman); "Pak Harun" is Harun.  (Not Spanish "Don", also an English given name; not Bugis "Andi", a title of
# nobility that is also a given name.)
ADDRESS_TERMS = frozenset("pak bapak bu ibu mang aling dona doña".split())
# Terms of address that are given names too, so never a title on their own: Shona "Mai" (Mrs, literally "mother
# of") and "Baba" (Mr, "father of") before a surname ("Mai Moyo"), while Mai is a Vietnamese and Japanese given
# name and Baba a West African one.  Read as the title only where the article settles it: before the surname of
# the one person it has named in full with another given name, in a naming that brings no description of its own
# (a later, shorter reference to someone introduced, as news names people; a new person would be introduced).
# The value is the gender the title gives.  (Not "Don": an English given name, "Don Roe" beside "Tom Roe" is a
# brother as often as a title.)
AMBIGUOUS_ADDRESS_TERMS = {"mai": "f", "baba": "m"}
# Endings of words for a person by nation, region or creed ("Christian", "Jordanian", "Nepalese", "Kurdish"):
# such a word NER marks NORP before a name describes the person even when registers list it as a given name.
DEMONYM_ENDINGS = ("ian", "an", "ese", "ish")
# Letters that carry a stroke or are ligatures, which Unicode does not decompose into a base letter and an accent:
# ASCII-only outlets print them as these letters ("Søren Kjær" -> "Soren Kjaer", "Wałęsa" -> "Walesa", "Strauß" ->
# "Strauss", Icelandic "Guðrún" -> "Gudrun"), so matching and ids fold them as they fold accents.
UNDECOMPOSED_LETTERS = {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ł": "l", "Ł": "L",
                        "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ß": "ss", "ı": "i",
                        "ħ": "h", "Ħ": "H"}
# Legislators' initials printed as a title before the name: Israeli "MK" (Member of Knesset: "MK Ana Roe").  Not "MP":
# as a title it made "the MP said" a description resolved to the holder or the most salient person, which took one
# probe's quote right and two quotes of parliament reports with several MPs wrong (probe11 +1, probe12 -2 of 183);
# "the MP" among several members needs more than the role (British style prints MP after the name: POST_NOMINALS).
LEGISLATOR_TITLES = frozenset({"mk"})
REGIONAL_TITLES = frozenset("""hon adv atty engr datuk dato datin seri tun tunku tengku encik puan commandant
                               hagg hajj haji hajji hajjah alhaji alhaja hajia hajiya aunty auntie uncle
                               shri smt shrimati""".split()) | ADDRESS_TERMS | LEGISLATOR_TITLES
# Courtesy titles and Malaysian honorifics (lower case, no dot).  Printed before a FULL name ("Mr Muhammad
# Hafiz Ismail", "Ms Nur Aisyah Rahman", "Datuk Seri Ahmad Faizal Osman") they mark the house style of
# Singapore and Malaysia, where later mentions use the given name or a part of the name that is not its last
# word ("Mr Hafiz"); US house style puts "Mr." only before a surname.  (people_index.PeopleIndex._by_name_part)
FULL_NAME_HONORIFICS = frozenset("mr mister mrs ms miss mx madam dr datuk dato datin seri tun tunku tengku encik puan".split())
# Words of a title before a name ("Transport Secretary", "Gen.", "Mr."); lower case, no dot.
TITLE_WORDS = frozenset("""
    mr mrs ms miss mx dr sir dame prof professor gen general lt lieutenant col colonel maj major
    capt captain sgt sergeant cpl corporal pvt private adm admiral cmdr commander brig brigadier
    sen senator rep representative gov governor president vice secretary minister chairman
    chairwoman chair chief director judge justice speaker mayor ambassador commissioner attorney
    prosecutor rev reverend father pope king queen prince princess sheikh sheik ayatollah imam
    rabbi bishop cardinal premier chancellor inspector superintendent officer detective coach ceo
    spokesman spokeswoman spokesperson deputy assistant acting former lord lady baron gunnery
    marshal envoy councillor councilman councilwoman congressman congresswoman lawmaker manager
    head leader executive founder chairperson supt insp det pm boss cllr constable sheriff alderman
    trooper magistrate headteacher headmaster headmistress pastor cr registrar mister
""".split()) | REGIONAL_TITLES
# Abbreviated titles printed with a period that spaCy's English tokenizer splits off as a sentence end
# ("Executive Mayor Adv. | Thandiwe …"), unlike "Gen." or "Gov.": kept one token (component.load_nlp).
# So are given names printed abbreviated: Filipino and Spanish "Ma." (María: "Gov. Ma. Teresa Reyes"), which
# split off made "Ma" a person and cut the name.
GIVEN_NAME_ABBREVIATIONS = ("Ma.",)
TITLE_ABBREVIATIONS = ("Adv.", "Atty.", "Engr.", "Supt.", "Insp.", "Lt.", "Col.", "Capt.", "Sgt.", "Cpl.", "Maj.",
                       "Cmdr.", "Brig.", "Hon.", "Cllr.", "Asst.", "Det.", "Const.") + GIVEN_NAME_ABBREVIATIONS
# Honorifics carry gender but are not roles.
HONORIFICS = {"mr": "m", "mister": "m", "mrs": "f", "ms": "f", "miss": "f", "mx": None, "dr": None, "sir": "m",
              "dame": "f", "lord": "m", "lady": "f", "king": "m", "queen": "f", "prince": "m",
              "princess": "f", "congressman": "m", "congresswoman": "f", "chairwoman": "f",
              "spokeswoman": "f", "spokesman": "m", "councilwoman": "f", "councilman": "m",
              "aunty": "f", "auntie": "f", "uncle": "m", "hajjah": "f", "alhaji": "m", "alhaja": "f",
              "hajia": "f", "hajiya": "f", "shri": "m", "smt": "f", "shrimati": "f", "pak": "m", "bapak": "m",
              "bu": "f", "ibu": "f", "mang": "m", "aling": "f", "dona": "f", "doña": "f"}
# "-man" titles that house styles also give women ("Trump spokesman Hope Roe"): the gender
# HONORIFICS gives them yields to a first name of the other gender.
UNMARKED_MAN_TITLES = frozenset({"spokesman", "chairman", "congressman", "councilman"})
NOT_ROLES = frozenset({"mr", "mister", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "former", "acting"}) | ADDRESS_TERMS
ABBREVIATIONS = {"gen": "general", "adm": "admiral", "sen": "senator", "rep": "representative",
                 "gov": "governor", "lt": "lieutenant", "col": "colonel", "capt": "captain",
                 "sgt": "sergeant", "maj": "major", "prof": "professor", "cmdr": "commander",
                 "brig": "brigadier", "cpl": "corporal", "pvt": "private", "rev": "reverend",
                 "supt": "superintendent", "cllr": "councillor", "cr": "councillor", "insp": "inspector", "det": "detective",
                 "chair": "chairman",
                 "chairwoman": "chairman", "chairperson": "chairman", "pm": "minister",
                 # an initialism names its head noun: a CEO is a chief executive (officer), not any "head"
                 "ceo": "executive"}
# Role heads that name the same kind of office ("the ministry chief" ~ "Transport Secretary").
# Verbs of holding an office and the agent noun that names the office ("who has led the Bloc" -> "leader of the
# Bloc"): a "who" clause with one of them on a name gives that person the role, as an apposition would.
OFFICE_VERB_NOUNS = {"lead": "leader", "head": "head", "chair": "chair", "govern": "governor", "direct": "director",
                     "manage": "manager", "found": "founder", "command": "commander", "coach": "coach",
                     "captain": "captain", "edit": "editor", "own": "owner"}
ROLE_SYNONYMS: tuple[frozenset[str], ...] = tuple(frozenset(group.split()) for group in (
    "secretary minister chief head director leader boss chairman commissioner administrator",
    "president leader",
    "general commander chief",
    "admiral commander chief",
    "senator lawmaker",
    "representative congressman congresswoman lawmaker",
    "governor",
    "spokesman spokeswoman spokesperson",
    "premier leader",
    "executive ceo chief head boss",
    "mayor",
    "judge justice",
    "coach manager",
    "prosecutor attorney",
    "ambassador envoy",
))

# The article saying a person uses singular "they": a parenthesis "(they/them)" after the name, or a verb
# in the singular ("uses", "prefers", "goes by" the pronoun "they"; "whose pronoun is they") that
# agrees with one person, not "the pronouns they choose" nor "students who use they/them".  English has
# no other cue that a "they" means one named person, so only this statement licenses it
# (resolution.Resolver._singular_they).
SINGULAR_THEY_STATEMENT = re.compile(
    r"\(\s*they\s*/\s*them\s*\)"
    r"|\b(?:uses|prefers|goes\s+by)\s+(?:the\s+)?(?:pronouns?\s+)?[“\"‘']?they\b"
    r"|\bwhose\s+pronouns?\s+(?:is|are)\s+[“\"‘']?they\b",
    re.IGNORECASE)
PERSONAL_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
# The speaker's own subject pronoun: in a transcript turn ("OKORO: I told them, “…”") the label names it.
FIRST_PERSON_SUBJECT = "i"
POSSESSIVE_PRONOUNS = {"his": "m", "her": "f"}
# Nouns for a member of a political party or camp, capitalised before a name as a description of
# the person ("Ranking Democrat Ana Roe", "Ohio Republican Tom Hale"): never part of the name.
PARTY_MEMBER_NOUNS = frozenset("""
    democrat republican libertarian conservative liberal progressive socialist tory labourite
    centrist moderate populist nationalist unionist loyalist
""".split())
# Nouns that only name people; with gender where the noun gives it ("Her son, Mateo," -> m).
PERSON_NOUNS = {
    "son": "m", "husband": "m", "father": "m", "brother": "m", "uncle": "m", "nephew": "m", "grandson": "m",
    "grandfather": "m", "boyfriend": "m", "widower": "m", "daughter": "f", "wife": "f", "mother": "f",
    "sister": "f", "aunt": "f", "niece": "f", "granddaughter": "f", "grandmother": "f", "girlfriend": "f",
    "widow": "f", "child": None, "friend": None, "neighbor": None, "neighbour": None, "colleague": None,
    "partner": None, "cousin": None, "resident": None, "victim": None, "witness": None, "student": None,
    "teacher": None, "doctor": None, "nurse": None, "parent": None, "spouse": None, "fan": None,
    "agent": None, "consultant": None, "employee": None, "trustee": None, "nominee": None, "veteran": None,
    "candidate": None, "incumbent": None, "patient": None, "survivor": None, "official": None,
    "analyst": None, "expert": None, "pilot": None, "diplomat": None, "athlete": None, "academic": None,
    "chef": None, "barista": None, "priest": None, "nun": "f", "monk": "m", "tourist": None, "pupil": None,
    # People by wealth or fame, and the feminine -ess nouns for people by occupation (no role ending
    # catches them, and "-ess" alone would take "business", "address"): "Billionaire Ana Roe".
    "billionaire": None, "millionaire": None, "celebrity": None, "dj": None, "actress": "f",
    "waitress": "f", "hostess": "f", "heiress": "f", "songstress": "f", "seamstress": "f",
    "stewardess": "f", "duchess": "f", "countess": "f", "empress": "f",
}
INDEFINITE_DETERMINERS = frozenset({"a", "an", "one", "another", "some", "any"})
# "the former" / "the latter": the first or second of the two people named just before, the earlier of
# them at most this many sentences back (a pair named, then a sentence or two about them both).
ORDER_ANAPHORS = {"former": 0, "latter": 1}
ORDER_ANAPHOR_WINDOW_SENTENCES = 3
# Malaysian and Singaporean patronymic connectors between a person's name and the father's ("Rajendran
# s/o Govindasamy": son of; d/o daughter of; a/l, a/p anak lelaki/perempuan): one token each (component.load_nlp).
PATRONYMIC_CONNECTORS = ("s/o", "d/o", "a/l", "a/p")
# The gender a name's own structure gives its bearer, beside any first-name table: East Slavic
# patronymics end by the bearer's gender ("Petrovna"/"Ivanivna" a woman, "Petrovich"/"Ivanovych" a man),
# so do Icelandic ones ("-dóttir" daughter); connectors say "son of"/"daughter of" (Malay "bin"/"binti",
# Arabic "ibn"/"bint", Tamil "s/o"/"d/o", "a/l"/"a/p").  A female patronymic ending is no surname's
# (women's surnames end "-ova", "-ina"), so it counts anywhere after the first word; a male one also ends
# Serbian and Belarusian surnames ("Abramovich"), so it counts only between given name and surname.
FEMALE_PATRONYMIC_ENDINGS = ("ovna", "evna", "ivna", "ichna", "dóttir", "dottir")
MALE_PATRONYMIC_ENDINGS = ("ovich", "evich", "ovych", "evych", "ovitch", "evitch")
GENDERED_CONNECTORS = {"bin": "m", "ibn": "m", "s/o": "m", "a/l": "m",
                       "binti": "f", "bint": "f", "d/o": "f", "a/p": "f"}
# Gaelic surnames of the form "son/daughter of the <noun>" (Scottish "Mac an t-Saoir", "Nic a' Phearsain",
# Irish "Mac an Bhaird", "Ó an Bhreithimh"): a patronymic word, then the article, then a capitalised noun,
# which after the article may carry a prefix the language adds before a vowel or s ("t-", "h-"; Scottish
# Gaelic writes it with a hyphen).  The article is an English word too ("an"), so it belongs to a name only
# right after one of these patronymic words (son, daughter, and their genitive and plural forms).
# (the article "a'" is two tokens, "a" and its apostrophe; Irish glues the prefix on: "Mac an tSaoi")
GAELIC_PATRONYMICS = frozenset({"mac", "nic", "mhic", "ní", "nì", "ó", "ua", "uí"})
GAELIC_ARTICLES = frozenset({"an", "na"})
GAELIC_ARTICLE_PREFIXES = frozenset({"t", "h", "n"})
# Irish initial mutations glue lower-case letters onto the capitalised noun of a surname: "h" before a vowel
# after Ó/Ní ("Seán Ó hAodha", "Máire Ní hÉigeartaigh"), "t" after the article ("Mac an tSaoi"), and the
# eclipsis letters after the plural and genitive forms ("Uí bhFloinn", "Ó gCadhla").  Such a word (these
# letters, then a capital) is a word of the name right after a Gaelic patronymic word.
GAELIC_MUTATION_PREFIXES = ("bh", "h", "t", "n", "m", "g", "d", "b")
GAELIC_MUTATED = re.compile(r"(?:%s)[A-ZÁÉÍÓÚ][a-záéíóú]+" % "|".join(GAELIC_MUTATION_PREFIXES))
# The article of a Gaelic surname as a word of a printed name: "an", "na", and the "a" of "a'" once its
# apostrophe is stripped (the callers strip it).
GAELIC_NAME_ARTICLES = GAELIC_ARTICLES | {"a"}
# Welsh patronymic particles, lower case inside a name as surname prefixes are: "ap" (son or daughter of) and
# "ferch"/"verch" (daughter of): "Rhodri ap Iorwerth", "Nia ferch Owain".  (Not "ab", the form before a vowel:
# it is also an English abbreviation, and rare in print.)  nameparser lacks them.
WELSH_PATRONYMIC_PARTICLES = ("ap", "ferch", "verch")
# Name-internal particles that stay lowercase: "Abu Karim al-Nasser", "Ursula von der Leyen".  nameparser's
# surname prefixes cover Dutch/Afrikaans, German, Romance, Arabic, Hebrew, Malay ("bin", "binti") and Irish
# ("ó", "ní", "mac") names; kept apart are those that are also English function words ("do": "Roe do Lee's
# bidding").  Added: the Kalenjin patronymic "arap" (son of), the patronymic connectors and the Gaelic
# patronymic words above ("Nic", "Mhic"), which nameparser lacks.
NAME_PARTICLES = frozenset({"al", "al-", "el", "bin", "ibn", "van", "von", "der", "de", "da", "du", "del",
                            "della", "di", "la", "le", "dos", "das", "ter", "ten", "arap", *PATRONYMIC_CONNECTORS,
                            *WELSH_PATRONYMIC_PARTICLES,
                            *GAELIC_PATRONYMICS}
                           | {p for p in _NAMEPARSER.prefixes if p not in _ENGLISH_FUNCTION_WORDS})
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# Words that make a capitalised sequence an organisation or place, never a person.
ORG_WORDS = frozenset("""
    pentagon house ministry department agency council committee party government army navy force
    forces police court university institute inc corp company group association union bank news
    times post press reuters coalition command office state states nations organization
    organisation foundation commission bureau service network fund center centre senate congress
    parliament kremlin administration embassy military club league federation airlines hospital
    school college board authority guard corps marines media daily journal channel tv radio
    camp base airport airbase province street square city county district region river island
    bridge hotel stadium gazette herald tribune telegraph chronicle guardian cross motors airline airways
    systems technologies industries holdings partners labs laboratories pharmaceuticals energy
    foods insurance capital ventures studios records trust charity society clinic church mosque
    temple ministries brands group team
    newspaper newsletter magazine tabloid website
""".split()) | frozenset("""
    clube estádio estadio stade stadion teatro théâtre teatr universidade universidad université universität
    università hôpital ospedale krankenhaus banco banque ministerio ministério ministère ministerium partido partito
    partei igreja iglesia église kirche escola escuela école colegio prefeitura ayuntamiento mairie governo gobierno
    gouvernement polícia policía polizei associação asociación associazione fundação fundación fondation stiftung
    instituto institut sindicato syndicat gewerkschaft empresa companhia compañía grupo groupe gruppe
""".split())
# (the second set: the same heads in the languages whose names of organisations and places put them first, so
# that in English print they open a capitalised run NER may take for a person: "the Estádio do Retiro sang",
# "Clube Atlético Pirajá"; none of them is also a common surname, unlike Portuguese "Câmara")
# Dependency labels of words that are never part of a name, however capitalised or tagged: a
# sentence-opening "Though Kaine has …" (mark), "Then Roe said" (advmod), "And", "The".
FUNCTION_DEPS = frozenset({"mark", "advmod", "cc", "prep", "aux", "auxpass", "det", "neg", "intj", "case"})
# Capitalised words next to names in attributions ("said Roe Tuesday").  Weekdays only:
# months double as names (April Ryan, Theresa May).
CALENDAR_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Reflexive pronouns only a person takes ("itself" is a thing's, "themselves" a group's): as the object
# of a verb they refer to its subject, so a subject with one is a person whatever NER called it.
PERSONAL_REFLEXIVES = frozenset({"himself", "herself"})
# ... and the pronouns only a thing takes: a name the clause calls "its"/"itself" is no person.
THING_PRONOUNS = frozenset({"its", "itself"})


NON_PERSON_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART",
                               "LAW", "LANGUAGE", "DATE", "TIME", "MONEY", "QUANTITY", "ORDINAL",
                               "CARDINAL", "PERCENT"})
# NER labels a surname may carry from a famous namesake (a court case, a product, an event): after a
# registered first name, as the subject of a cue verb, the name is still a person's ("Ana Roe said": LAW).
MISREAD_SURNAME_LABELS = frozenset({"LAW", "PRODUCT", "EVENT", "FAC", "LANGUAGE"})
# NER labels of places: a hyphenated romanised name NER calls one is a district or province ("Seo-gu"),
# no person, though NER's organisation label on a name is often wrong.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Prepositions of location: a name NER calls a place after one of them ("residents in Mechelen") is one; a
# place label elsewhere (a subject, a list) is NER misreading a one-word name ("Bryne went on", "like Rihanna").
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout", "around",
                                   "within"})


# Endings of nouns for people by what they do: "banker", "analyst", "historian", "chairman".
ROLE_NOUN_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "person")
# ... of which these end no first name, so a sentence-initial capitalised word with one is a
# descriptor even when NER takes it into the name ("Fisherman Tobias Renner", "Filmmaker Ana
# Roe"); -er/-or/-ian would take Walter, Victor, Julian.
DESCRIPTOR_ONLY_ENDINGS = ("ist", "man", "woman", "person", "eer", "maker")
# ... and common nouns with those endings that name things ("the letter said").
NOT_ROLE_NOUNS = frozenset("""
    letter paper order number power matter center filter border river water tower computer register
    quarter chapter trailer poster banner sticker corner meter cover monitor indicator sector factor
    motor mirror error floor door report tutor weather summer winter
    operator carrier provider regulator manufacturer retailer supplier distributor lender insurer
    broadcaster publisher exporter importer wholesaler
""".split())


# Relatives who, named by a first name alone, share the surname of the person they are related to.
FAMILY_NOUNS = frozenset("""
    son daughter husband wife father mother brother sister widow widower grandson granddaughter child
""".split())


# Nouns of kinship that introduce a person by their relation to another ("her son, Ari Roe", "his
# mother-in-law, Dina Roe", "a cousin, Ben Roe"): such a person enters the article through someone else,
# the one the article is about.  The family nouns, their in-law and step forms (written without hyphens
# or spaces, as role words are compared), and the wider family.  Used to keep a surname alone for the
# person the relative was introduced through (PeopleIndex._narrow).
KIN_NOUNS = FAMILY_NOUNS | frozenset(
    base + "inlaw" for base in ("son", "daughter", "father", "mother", "brother", "sister")) | frozenset(
    "step" + base for base in ("son", "daughter", "father", "mother", "brother", "sister", "child")) | frozenset("""
    cousin nephew niece uncle aunt grandfather grandmother grandchild spouse
""".split())


# A party and state after a politician's name: "D-N.M.", "R-Texas", "I-Vt.".
PARTY_TAG = re.compile(r"[DRI]-[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?")


# Modifiers that say nothing about which office: "the former minister", "a senior official".
VAGUE_ROLE_MODIFIERS = frozenset("former acting top senior new then current interim deputy".split())


# ---------------------------------------------------------------------------
# Datelines.
# ---------------------------------------------------------------------------

# A dateline opening a paragraph: "WASHINGTON —", "Kyiv, Ukraine (AP) —", "HARBOR CITY:".
DATELINE_DASHES = frozenset({"—", "–", "--", "-"})
# Dashes that open a line signing the quote above it: "- Lena Varga, Harrisburg." ("―" is the quotation dash).
SIGNATURE_DASHES = DATELINE_DASHES | {"―"}
# Post-nominal letters printed after a name in Commonwealth styles (seats, silks, honours, degrees):
# "Sarah Kettering MP", "Anthony Hale QC", "Ruth Obi OBE".  They are no part of the name: kept, they
# became its surname and "Kettering said" found no one.  Only all-capital forms count ("Ms" is a title).
# Irish print adds "TD" (a member of the Dáil) and "BL" (barrister-at-law, junior counsel beside "SC"), Nigerian
# "SAN" (Senior Advocate of Nigeria), and Commonwealth courts "JP" (justice of the peace).
POST_NOMINALS = frozenset({"mp", "mla", "mep", "msp", "mpp", "td", "qc", "kc", "sc", "bl", "san", "jp", "obe", "mbe",
                           "cbe", "kbe", "dbe", "frs", "phd", "esq"})
# Verbs that report another's words through "as saying": "Reuters quoted Roe as saying …", "the paper
# cited an official as saying …".  The one quoted or cited speaks, not the reporter.
AS_SAYING_VERBS = frozenset({"quote", "cite"})
# Hyphens inside a word ("Pennington-Walsh"): hyphen-minus, U+2010 hyphen, U+2011 non-breaking hyphen.
HYPHENS = frozenset({"-", "\u2010", "\u2011"})
# Dependencies of a word that ends a noun phrase (its head noun), not one that modifies a later word.  A
# lowercase piece after a hyphen that ends the phrase can be the second syllable of a romanised given
# name ("Ho Siu-fung said", "met Kim Dae-jung"); a compound before a noun modifies it ("Clinton-era
# policies", "a Trump-backed bill": amod/compound/npadvmod), and is none.
NOUN_PHRASE_END_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "poss", "ROOT",
                                  "attr", "dative", "oprd"})


# ---------------------------------------------------------------------------
# Tuning: hand-set thresholds and weights, with what they were checked against.
# ---------------------------------------------------------------------------

# How far (tokens) a cue verb the parse does not link to the quote may stand from its marks:
# "“…,” Sen. Maria Lopez, D-Ore., said" needs 9.
CUE_MAX_DISTANCE = 10
# A sentence this short right after a closing mark is the quote's attribution ("Roe asked.").
ATTRIBUTION_SENTENCE_TOKENS = 6
# The longest apposition between a speaker's name and a cue the parse left without a subject: "Ann
# Roe, professor of law at Yale and author of “The Long Coast,” put it" needs 16.
CUE_APPOSITION_MAX_TOKENS = 20
# How far back from "…, said" an apposition or a phrase of place set off by commas may start: "Col. Ann
# Roe, a military spokeswoman in the capital, said" needs 7; the PolNeAR dev misses needed at most 8.
ATTRIBUTION_APPOSITION_TOKENS = 12
# The longest transcript label with an office before the name and a party tag after it: "Former
# secretary of state Ann B. Roe (D-N.Y.):" is 13 tokens; a line longer than this before a colon is a
# sentence, not a label.
LABEL_MAX_TOKENS = 14
# Initials a transcript labels later turns with ("AR:" after "Ana Roe:" turns): one letter per name word,
# from a given name and surname to a four-part name ("Ana María Roe Lind").
INITIALS_LABEL_LETTERS = range(2, 5)


# Attribution confidence by method.  Hand-set, not calibrated: the order follows how often each
# method was right on the seeds and the invented articles of the extractor tests
# (tests/test_extract.py, test_marks.py, test_people.py, test_attribution.py, test_resolution.py).
CONFIDENCE = {"explicit": 0.9, "according-to": 0.85, "headline": 0.75, "continuation": 0.8,
              "pronoun": 0.7, "role": 0.65, "none": 0.3}
# Salience weights for pronoun/role resolution: a quote's speaker and a subject outrank
# objects and possessors; weight halves with every sentence of distance.  Hand-set and
# checked against the pronoun tests (subject beats a later object; the previous speaker
# beats a name in an object position; a name inside quoted words counts little).
# The speaker of a quote is counted again at the quote, as an object mention is: its own "X said" is
# already a subject mention.  (PolNeAR dev harness, round 6, when this weight first applied -- before,
# the in-quote weight 0.25 replaced it: 0.25 and 1.0 give identical output; 2.0 trades one pronoun
# quote for two pronoun-heuristic ones, 3.0 loses two pronoun quotes for those two; held-out unchanged.)
SALIENCE_SPEAKER = 1.0
SALIENCE_SUBJECT = 2.0
SALIENCE_OTHER = 1.0
SALIENCE_DECAY = 0.5
SALIENCE_WINDOW_SENTENCES = 8
SALIENCE_IN_QUOTE = 0.25
SALIENCE_REPEAT = 0.25
# A pronoun goes to a candidate of its known gender over a top candidate of unknown
# gender when that candidate has at least this share of the top score.
SALIENCE_GENDER_MARGIN = 0.5
# Below this score nobody has been mentioned for several sentences (a subject three sentences
# back scores 0.25): a pronoun then goes to the person the article names most often.
SALIENCE_TOPIC_BELOW = 0.125
# A first name gives a person's likely gender when at least this share of its bearers in the
# name table (the nomquamgender package: p(female) per name, from many national registers) is
# of one gender: nomquamgender's own default (p <= .1 or >= .9).  Measured on the PolNeAR dev split
# (harness): p .05 -> pronoun acc .881, pronoun-heuristic .800; p .1 -> .884, .810 (from .865, .790).
FIRST_NAME_GENDER_SHARE = 0.9
# A first name whose bearers are mostly, but not surely, of one gender ("Chris", "Terry", "Bernie": at
# least this share but under FIRST_NAME_GENDER_SHARE) makes its bearer LEAN to that gender: the lean
# never rules a person out for a pronoun, it only ranks a leaning-matching candidate with those whose
# gender is known to match (salience.Salience.paragraph_subject).  Three quarters:
# a clear majority, well away from the names both genders bear about equally ("Jamie", "Leslie").
FIRST_NAME_LEANING_SHARE = 0.75
FIRST_NAME_MIN_COUNT = 100  # bearers counted in the table: rarer names say nothing reliable
# National registers (of the table's ~30) that must list a word for it to count as a first name
# when deciding whether a two-word organisation NER names could be a person ("Unai Emery": 15,
# "Amara": 25, "Morag": 16) or not ("Harbor": 5, "General": 7, "Kestrel": 4: words someone bears).
FIRST_NAME_MIN_SOURCES = 10
# Longest romanised syllable of a hyphenated given name ("Ka-wai", "Dae-jung", "Chi-hang"): Cantonese,
# Mandarin (Wade-Giles) and Korean syllables run to six letters ("cheung", "kwong", "hyeok"); longer
# pieces are English words of a compound ("Obama-inspired").
ROMANISED_SYLLABLE_MAX = 6


# A body line of at least this many words, every word capitalised but the short function words
# headline style leaves in lower case, is Title Case (a repeated headline, a subhead): it names no
# new person.  Stricter than the headline's test (article.py): a body sentence full of names
# ("Jane Holloway met Peter Brandt on Monday.") has a lower-case verb; short lines (a photo
# credit, a lone name) stay out.
TITLE_LINE_MIN_WORDS = 5
# The fewest letters a surname needs before a one-word speaker one letter away from it ("Delahunt" beside
# "Steve Delahunty", "Okonkow" beside "Ruth Okonkwo") is read as the same surname misprinted: a person, whatever
# NER's label.  Shorter surnames have too many real neighbours ("Hale"/"Hall", "Lee"/"Leo"); 4 changes no
# harness quote (dev or held-out, round 6), so the safer 5 stays.
MISPRINT_MIN_LETTERS = 5
TITLE_CASE_LOWER_WORDS = frozenset("a an the and but or nor of in on at to for by with as vs via from per".split())

HEADLINE_BODY_OVERLAP = 0.8  # share of a headline quote's words a body quote must contain
# A fragment with no speaker takes the speaker of another quote printing the same words in a row
# (article._fragments_from_repeats) when it has at least this many words: two words ("the people")
# recur by chance in anyone's quote.  So does a headline quote an organisation is said to say
# (article._headlines_from_body: "High Court: ‘The sea does not issue notices’").
FRAGMENT_REPEAT_MIN_WORDS = 3


# A dateline is at most this many tokens before its dash: "Kyiv, Ukraine (AP) —" needs 6.
DATELINE_MAX_TOKENS = 8

# "Ana Roe and others said", "Roe and other council members said": a named person with an unnamed
# remainder of people. The remainder names nobody, so the one named person is the speaker the
# sentence identifies (unlike "Roe and Lee said", where two named people share the words).
UNNAMED_REMAINDER_WORDS = {"other", "others"}
