"""What every importer's article must be: furniture apart, no codes, no U+FFFD, no placeholder."""

from __future__ import annotations

from readwise_desktop.app.session import known_layout
from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.engine.pipeline import LoadedPipeline
from readwise_desktop.formats.article import Article

PLACEHOLDERS = ("Word Document", "i_heart_word", "layout: post", "Username", "jsmith", "Untitled")


def assert_clean(article: Article, *codes: str) -> None:
    """No replacement character, control character, placeholder or leftover code."""
    text = article.text
    assert "\ufffd" not in text and not any(ch < " " and ch != "\n" for ch in text), text
    assert not [p for p in (*PLACEHOLDERS, *codes) if p in text], text


def roles(pipeline: LoadedPipeline, article: Article) -> dict[str, str]:
    """The text of the first sentence of each non-body role, as the engine lays it out."""
    analysis = analyze_text(pipeline, article.text, known=known_layout(article))
    found: dict[str, str] = {}
    for sentence in analysis.sentences:
        role = sentence.role.value
        if role != "body":
            found.setdefault(role, analysis.text[sentence.start : sentence.end])
    return found
