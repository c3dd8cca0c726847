"""The spaCy side: the registered ``quotes`` and ``quotes_paragraphs`` components, the
``Doc._.quotes``/``Doc._.people`` extensions, :func:`load_nlp` and batch :func:`extract`.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from .lexicon import (
    BRACKET_EMOTICON_CHARS, DATELINE_DASHES, DATELINE_MAX_TOKENS, GLUED_CLOSING_MARK, GLUED_MARK_INFIXES,
    GLUED_OPENING_MARK, GLUED_SINGLE_MARK_INFIXES, LEADING_HYPHEN_PREFIX, PARENTHESIS_MAX_TOKENS, PATRONYMIC_CONNECTORS,
    TITLE_ABBREVIATIONS,
)
from .model import Mention, Person
from .marks import LINE_END_PUNCTUATION
from .article import extract_mentions


def _register_extensions() -> None:
    if not Doc.has_extension("quotes"):
        Doc.set_extension("quotes", default=None)
    if not Doc.has_extension("people"):
        Doc.set_extension("people", default=None)


class QuoteExtractor:
    """The pipeline component: finds quotations, attributes them, lists people."""

    def __init__(self, nlp: Language, name: str = "quotes", headline_first_line: bool = True):
        _register_extensions()
        self.name = name
        self.headline_first_line = headline_first_line

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes, doc._.people = extract_mentions(doc, self.headline_first_line)
        doc.user_data.pop("quotes_lowercase_lemmas", None)  # a per-doc cache; keep the doc serialisable
        return doc


@Language.factory("quotes", default_config={"headline_first_line": True})
def make_quote_extractor(nlp: Language, name: str, headline_first_line: bool) -> QuoteExtractor:
    return QuoteExtractor(nlp, name=name, headline_first_line=headline_first_line)


def _dateline_end(doc: Doc, start: int) -> int | None:
    """Index of the first token after a dateline beginning at ``start``, if there is one."""
    for index in range(start, min(start + DATELINE_MAX_TOKENS, len(doc) - 1)):
        token = doc[index]
        if token.text in DATELINE_DASHES or (token.text == ":" and index > start and
                                             all(t.is_upper or t.is_punct for t in doc[start:index])):
            place = doc[start:index]
            # "WASHINGTON —" or "Kyiv, Ukraine (AP) —", not "Mr. Smith — who …"
            if index > start and ((doc[start].is_upper and len(doc[start].text) > 1) or
                                  any(t.text in (",", "(") for t in place)):
                return index + 1
            return None
        if not (token.text[:1].isupper() or token.is_punct or token.is_digit or token.is_space):
            return None
    return None


def _keep_title_abbreviations(nlp: Language) -> None:
    """Keep "Adv.", "Capt." … one token, as the tokenizer already keeps "Gen." and "Gov.": split off, the
    period ends a sentence inside a name ("Mayor Adv. | Thandiwe du Plessis said").  So too the patronymic
    connectors ("Rajendran s/o Govindasamy"), which would split into three tokens."""
    for abbreviation in TITLE_ABBREVIATIONS + PATRONYMIC_CONNECTORS + tuple(c.upper() for c in PATRONYMIC_CONNECTORS):
        if abbreviation not in nlp.tokenizer.rules:
            nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


def _with_alternative(matcher: object, addition: str) -> re.Pattern | None:
    """The regex behind a tokenizer's bound matcher (``prefix_search``, ``infix_finditer``) with ``addition``
    as one more alternative; None when the pattern cannot be read or already holds it (a second load_nlp)."""
    pattern = getattr(getattr(matcher, "__self__", None), "pattern", None)
    if pattern is None or addition in pattern:
        return None
    return re.compile(f"{pattern}|{addition}")


def _split_glued_marks(nlp: Language) -> None:
    """Split quotation marks glued to the words and punctuation around them (see the lexicon), so a tag
    or label next to a quote reads as words; the text itself, hence every offset, is untouched."""
    glued = "|".join((GLUED_CLOSING_MARK, GLUED_OPENING_MARK) + GLUED_MARK_INFIXES + GLUED_SINGLE_MARK_INFIXES)
    extended = _with_alternative(nlp.tokenizer.infix_finditer, glued)
    if extended is not None:
        nlp.tokenizer.infix_finditer = extended.finditer


def _split_leading_hyphen(nlp: Language) -> None:
    """Split a hyphen glued before a capitalised word at a word's start ("-Ana Roe, Philadelphia." under a
    quote, "-Pollster Ana Roe says …" in a bulleted digest): a dash or bullet, not part of the word, which
    NER then misses as a name.  A hyphen inside a word ("Okafor-Bello") or before a number ("-5") stays."""
    extended = _with_alternative(nlp.tokenizer.prefix_search, LEADING_HYPHEN_PREFIX)
    if extended is not None:
        nlp.tokenizer.prefix_search = extended.search


def _split_bracket_emoticons(nlp: Language) -> None:
    """Split the emoticon special cases made only of brackets and colons ("):", ":(") into their
    characters: in news they are a parenthesis closing before a colon ("Rep. Roe (R-S.C.): …")."""
    for emoticon in list(nlp.tokenizer.rules):
        if len(emoticon) > 1 and set(emoticon) <= set(BRACKET_EMOTICON_CHARS):
            nlp.tokenizer.add_special_case(emoticon, [{ORTH: character} for character in emoticon])


@Language.component("quotes_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence at every line break and after a dateline, before the parser runs.

    A headline then never runs into the body, and "WASHINGTON — Sen. Roe said" is not
    parsed with WASHINGTON as the subject.  The parser respects boundaries already set.
    """
    for token in doc:
        if token.i == 0 or "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            if token.i > 0 and not token.is_space:
                previous = next((t for t in reversed(doc[:token.i]) if not t.is_space), None)
                wrapped = token.text[:1].islower() and previous is not None and \
                    previous.text[-1:] not in LINE_END_PUNCTUATION
                if not wrapped:
                    token.is_sent_start = True
            after = _dateline_end(doc, token.i)
            if after is not None and after < len(doc):
                doc[after].is_sent_start = True
    _inside_parentheses(doc)
    return doc


def _inside_parentheses(doc: Doc) -> None:
    """No sentence starts inside a short parenthesis that follows a word, or right after it:
    "Rep. Ann Roe (D-N.Y.) said …" is one sentence, though "N.Y." ends in a period."""
    for token in doc:
        if token.text != "(" or token.i == 0 or doc[token.i - 1].is_punct or doc[token.i - 1].is_space:
            continue
        close = next((t.i for t in doc[token.i + 1:token.i + 2 + PARENTHESIS_MAX_TOKENS] if t.text == ")"), None)
        if close is None or any(t.is_space and "\n" in t.text for t in doc[token.i:close]):
            continue
        end = close + 2 if close + 1 < len(doc) and doc[close - 1].text not in (".", "!", "?") else close + 1
        for inner in doc[token.i + 1:end]:
            if inner.is_sent_start and "\n" not in doc[inner.i - 1].text_with_ws:
                inner.is_sent_start = False


def load_nlp(model: str | None = None) -> Language:
    """Load a spaCy pipeline and add the ``quotes`` component (nothing loads at import)."""
    from ..settings import get_setting

    nlp = spacy.load(model or get_setting("spacy_model"))
    _split_glued_marks(nlp)
    _split_leading_hyphen(nlp)
    _split_bracket_emoticons(nlp)
    _keep_title_abbreviations(nlp)
    if "quotes_paragraphs" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("quotes_paragraphs", before="parser")
    if "quotes" not in nlp.pipe_names:
        nlp.add_pipe("quotes", last=True)
    return nlp


def extract(nlp: Language, texts: Iterable[str], batch_size: int = 32,
            n_process: int = 1) -> Iterator[tuple[list[Mention], list[Person]]]:
    """Mentions and people for each text, in order, parsed with ``nlp.pipe`` batching.

    With ``n_process > 1`` the parse runs in worker processes and the ``quotes``
    component in this one: docs cross processes as msgpack, which cannot carry dataclasses.
    """
    if n_process == 1 or "quotes" not in nlp.pipe_names:
        for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            yield doc._.quotes, doc._.people
        return
    component = nlp.get_pipe("quotes")
    with nlp.select_pipes(disable=["quotes"]):
        for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            doc = component(doc)
            yield doc._.quotes, doc._.people
