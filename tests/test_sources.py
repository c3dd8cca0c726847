import json

import pytest

from quotes.sources import Article, SourceError, read_paths


def test_txt_with_sidecar(write_article):
    path = write_article("a1", "Headline\n\nBody text.", {"outlet": "The Daily", "url": None, "published": "2024-01-02"})
    [article] = list(read_paths([path.parent]))
    assert Article(id="a1", text="Headline\n\nBody text.", outlet="The Daily", published="2024-01-02",
                   source=str(path), encoding="utf-8") == article


def test_txt_without_sidecar(write_article):
    path = write_article("b2", "Headline\nBody.")
    [article] = list(read_paths([path]))
    assert ("b2", None) == (article.id, article.outlet)


def test_jsonl_good_and_bad_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "x1", "text": "Title\nSome text", "outlet": "Wire"}),
        "{not json",
        json.dumps({"id": "x2"}),
        "",
        json.dumps(["a", "list"]),
        json.dumps({"id": "x3", "text": "Another", "title": "T"}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_paths([path]))
    assert ["x1", "x3"] == [i.id for i in items if isinstance(i, Article)]
    errors = [(i.source, i.reason.split(":")[0]) for i in items if isinstance(i, SourceError)]
    assert [(f"{path}:2", "malformed JSON line"), (f"{path}:3", "JSON line needs a non-empty 'id' and 'text'"),
            (f"{path}:5", "JSON line is not an object")] == errors


@pytest.mark.parametrize("content,reason", [
    (b"", "empty file"),
    (b"   \n\n", "empty file (whitespace only)"),
    (b"\x00\x01\x02binary", "binary file (contains NUL bytes)"),
    (b"caf\x81 au lait", "not UTF-8 (undecodable byte at offset 3) nor cp1252"),
    (b"\x1b\x02\x80\xff\x04", "binary file (not UTF-8: undecodable byte at offset 2; control characters)"),
])
def test_bad_txt_files(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert [SourceError(str(path), reason)] == list(read_paths([path]))


def test_oversized_file(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 300)
    [error] = list(read_paths([path], max_bytes=1000))
    assert error.reason.startswith("oversized: 1500 bytes")


def test_bad_sidecar_names_the_sidecar(write_article):
    path = write_article("c3", "Headline\nBody")
    path.with_suffix(".json").write_text("{oops", encoding="utf-8")
    [error] = list(read_paths([path]))
    assert str(path.with_suffix(".json")) == error.source
    assert error.reason.startswith("unparseable sidecar JSON")


def test_missing_path(tmp_path):
    assert [SourceError(str(tmp_path / "nope"), "no such file or directory")] == list(read_paths([tmp_path / "nope"]))


def test_html_page(tmp_path):
    body = " ".join(["The council met on Tuesday to discuss the new budget for the city library."] * 6)
    html = f"""<html><head><title>Council backs library budget</title></head><body>
    <nav>Home | News | Sport</nav>
    <article><h1>Council backs library budget</h1>
    <p>{body}</p>
    <p>“We will keep every branch open,” said Mayor Ana Ruiz.</p></article>
    <footer>Copyright 2024</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    [article] = list(read_paths([path]))
    assert "page" == article.id
    assert "Council backs library budget" == article.title
    assert "“We will keep every branch open,” said Mayor Ana Ruiz." in article.text


def test_broken_html_is_an_error_not_an_exception(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text("<html><body><div><<<>>></div", encoding="utf-8")
    [item] = list(read_paths([path]))
    assert isinstance(item, SourceError)
    assert item.reason.startswith("unparseable HTML")
