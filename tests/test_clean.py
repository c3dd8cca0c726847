"""Tests for text repair and boilerplate removal (invented text throughout)."""

from __future__ import annotations

import pytest

from quotes.clean import clean_article, clean_text, content_hash, is_boilerplate
from quotes.sources import Article


@pytest.mark.parametrize("raw,expected", [
    # mangled and real entities
    ('She said "the port is open,quot; on Monday.', 'She said "the port is open" on Monday.'),
    ("She said &quot;the port is open&quot; on Monday.", 'She said "the port is open" on Monday.'),
    ("She said &amp;quot;the port is open&amp;quot; today.", 'She said "the port is open" today.'),
    ("She said &#8220;the port is open&#8221; today.", "She said “the port is open” today."),
    ("She said &ldquo;the port is open&rdquo; today.", "She said “the port is open” today."),
    ("She said &#x201C;open&#x201D; today.", "She said “open” today."),
    # mojibake, curly quotes kept
    ("She said â€œthe port is openâ€\x9d and itâ€™s fine.", "She said “the port is open” and it’s fine."),
    # non-breaking and zero-width spaces
    ("Mr.\u00a0Roe said\u202fso\u200b.", "Mr. Roe said so."),
    ("line one\r\nline two\rline three", "line one\nline two\nline three"),
    # words that merely contain an entity name stay
    ("The quota; the AT&T; plan.", "The quota; the AT&T; plan."),
])
def test_clean_text_repairs(raw, expected):
    assert expected == clean_text(raw)


@pytest.mark.parametrize("line", [
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Source link",
    "No comments",
    "3 Comments",
    "Header Ads",
    "Advertisement",
    "Warning: Use of undefined constant FOO - assumed 'FOO' in /srv/site/wp-content/x.php on line 12",
    "Copyright 2023 Example Media Group. All rights reserved.",
    "© 2021 The Daily Example",
    "12 + = 19",
    "Continue reading at The Example Times",
    "Share this article",
    "Cancel reply",
    "Name *",
    "Email *",
    "Website",
    "Save my name, email, and website in this browser for the next time I comment.",
    "Read more: Port strike enters second week",
    "Photo: Jane Roe / Example Agency",
    "Follow us on Twitter",
])
def test_boilerplate_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "Copyright law experts said the ruling was narrow.",
    "“Leave a reply on the form,” she said.",
    "The source of the leak is unknown.",
    "Shares fell 3% on Monday.",
    "Email records show the plan was approved in May.",
    "Related talks are planned for June.",
    "",
])
def test_article_lines_are_not_boilerplate(line):
    assert not is_boilerplate(line)


def test_clean_article_drops_furniture_and_keeps_headline_first():
    raw = Article(id="a1", text="Header Ads\n\nPort Reopens\n\nThe port reopened,quot; she said.\n\nSource link\n\nNo comments")
    cleaned = clean_article(raw)
    assert "Port Reopens\n\nThe port reopened\" she said." == cleaned.text
    assert "Port Reopens" == cleaned.title


def test_clean_article_prepends_a_separate_title():
    cleaned = clean_article(Article(id="a2", text="The port reopened.", title="Port&nbsp;Reopens"))
    assert "Port Reopens\n\nThe port reopened." == cleaned.text


@pytest.mark.parametrize("first_line", ["Port Reopens After ‘Long Wait’", "Port Reopens After ‘Long Wait’.",
                                        "PORT REOPENS AFTER ‘LONG WAIT’"])
def test_clean_article_keeps_one_copy_of_a_title_the_body_repeats(first_line):
    # the body's first line is the headline as a sentence: no second copy above it
    cleaned = clean_article(Article(id="a4", text=f"{first_line}\n\nThe port reopened.",
                                    title="Port Reopens After ‘Long Wait’"))
    assert f"{first_line}\n\nThe port reopened." == cleaned.text


def test_content_hash_is_stable_and_sensitive():
    article = Article(id="a3", text="Text", title="T")
    assert content_hash(article) == content_hash(Article(id="a3", text="Text", title="T"))
    assert content_hash(article) != content_hash(Article(id="a3", text="Text!", title="T"))
