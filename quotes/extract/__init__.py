"""Find direct quotations and their speakers: a spaCy pipeline component.

The component ``quotes`` sets ``doc._.quotes`` (a list of :class:`Mention`) and
``doc._.people`` (a list of :class:`Person`, every person the article names).
Everything downstream works on these plain dataclasses, never on spaCy objects.

The work runs in four steps, each a module of this package (word lists in :mod:`.lexicon`):

1. *Marks* (:mod:`.marks`): pair quotation marks paragraph by paragraph from the characters
   alone (:func:`find_quotations`); stray marks are skipped locally, never raised.
2. *People* (:mod:`.people`, into a :class:`PeopleIndex` of :mod:`.people_index`; names and
   roles of tokens in :mod:`.names`, signs in the sentence that a name is a person or a thing
   in :mod:`.evidence`): every person the article names, with aliases, roles and gender hints,
   from NER, title + name sequences and subjects of cue verbs, and names NER calls a place or
   organisation when a relative's name, an age ("MacLeod, 83,") or a following "he"/"she"
   says person (:func:`find_people`).
3. *Attribution* (grammar in :mod:`.attribution`, the subject of a cue verb and the speaker's
   phrase in :mod:`.subjects`, print layout in :mod:`.layout`; their order
   and continuation in :mod:`.article`): for each quotation, a cue verb and its subject from the
   dependency parse ("X said", "said X", "X said: “…”", a cue governing a fragment), "according
   to X"; the speaker tag after the closing mark, a colon after a clause about a person or a
   transcript's speaker label ("Okoro: “…”"), a bare manner verb after a comma quote
   ("“…,” she laughed."), a byline, headline patterns (a lower-case role too: "Orchestra's new
   conductor promises ‘…’"); and continuation (the same paragraph, a quote-only paragraph, indirect speech
   just before, every paragraph of a multi-paragraph quote).
4. *Resolution* (:mod:`.salience`, :mod:`.pronouns`, :mod:`.resolution`): the speaker mention
   ("he", "the transport secretary", "Mr. Roe") becomes the fullest name the article gives, by
   salience, roles and surnames.
   Salience counts names, quote speakers, definite role subjects of any sentence
   ("The minister added that …" is the person given that role) and unnamed people
   introduced as subjects ("A farmer, who asked not to be named, said …"), who take
   a following pronoun for nobody; "Roe, who said …" is a subject mention of Roe.  Gender
   comes from honorifics, gendered nouns, the article's own pronouns and, failing those
   (or over a "-man" title: "spokesman Laura Roe"), the first name's usual gender (the
   nomquamgender table).  A pronoun prefers a candidate of its known gender over one of
   unknown gender at similar salience; a known mismatch is excluded, except a main-clause
   subject whose gender only the name table gave ("Jesse Roe … She said") and the article's
   own pronouns have not confirmed -- unless another subject of the paragraph fits.  A first
   name mostly but not surely of one gender ("Chris", "Terry") leans to it: the lean ranks
   candidates, never excludes one.  A reporting pronoun never means the subject of the
   clause it reports or interrupts ("Roe, he said, was late": not Roe, however parsed), nor
   whom a fronted "Asked about …" question is about.  A surname two
   people share goes to the one named nearest, or of the pronoun's gender.
   The reporter's own "he"/"she" subjects are resolved in reading order and count as
   mentions (a sentence-opening one, or a parenthetical "Of the vote, he said, …", continues
   the paragraph's previous main subject, or the previous paragraph's when it opens one --
   so does one between two halves of a quote, or whose verb the parser hung under the quoted
   words; "…, noting that he …" is the noting subject; "As for Roe, he said …" is Roe).  A
   name a verb takes inside an apposition ("Roe, a delegate supporting Lee, said") is no subject;
   a name the parser left as a sentence's root with its verbs under it is one, and so is the
   subject of a clause before a quotation that its cue or its words were hung over ("Roe saw it
   differently: “…,” he said"; "Roe attacked them on “Show,” Lee reported").  A
   pronoun attributing a quote first takes the latest main-clause subject or quote speaker of
   its paragraph (then any subject; in a quote-only paragraph, the previous paragraph's main
   subject or speaker), and a reply ("she replied") never the one who asked; with nobody
   mentioned for several sentences, the person the article names most; with nobody named
   yet, the person named just after ("“…,” she said. Nurse Aisha Khan has …").

Example::

    >>> nlp = load_nlp()
    >>> doc = nlp('Headline\\n“We will win,” Jane Doe said.')
    >>> [(m.text, m.speaker) for m in doc._.quotes]
    [('We will win,', 'Jane Doe')]
"""

from __future__ import annotations

# Importing the component module registers the ``quotes`` and ``quotes_paragraphs`` factories.
from .component import QuoteExtractor, extract, load_nlp, make_quote_extractor, paragraph_boundaries
from .article import extract_mentions
from .marks import Quotation, find_quotations, is_not_speech, is_partial
from .model import METHODS, Mention, Person
from .people import find_people
from .people_index import PeopleIndex
from .resolution import Resolver

# Bump when extraction output can change: `quotes reindex` re-extracts older articles.
EXTRACTOR_VERSION = "0.11"

__all__ = ["EXTRACTOR_VERSION", "METHODS", "Mention", "Person", "PeopleIndex", "QuoteExtractor", "Quotation",
           "Resolver", "extract", "extract_mentions", "find_people", "find_quotations", "is_not_speech",
           "is_partial", "load_nlp", "make_quote_extractor", "paragraph_boundaries"]
