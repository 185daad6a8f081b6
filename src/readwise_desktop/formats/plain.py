"""Plain text and Markdown (with Jekyll/Hugo front matter); wire text is in :mod:`.wiretext`."""

from __future__ import annotations

import tomllib

import regex

from readwise_desktop.formats.article import Article, compose
from readwise_desktop.formats.bylines import plausible_byline, plausible_title, split_byline
from readwise_desktop.formats.decoding import decode_bytes

HEADING = regex.compile(r"^#\s+(.+?)\s*#*\s*$", regex.MULTILINE)
FRONT_MATTER = regex.compile(
    r"\A\ufeff?(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n\1[ \t]*(?:\r?\n|\Z)", regex.S
)
YAML_KEY = regex.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
YAML_ITEM = regex.compile(r"^\s+-\s+(.*?)\s*$")
BYLINE_KEYS = ("author", "authors", "byline", "creator")


def text_article(data: bytes, file: str | None = None) -> Article:
    decoded = decode_bytes(data)
    return Article(text=decoded.text, format=f"plain text ({decoded.encoding})", file=file)


def markdown_article(data: bytes, file: str | None = None) -> Article:
    """The rendered paragraphs; title, author and date from the front matter or the first # line."""
    # Imported here: plain text and wire dumps need neither markdown-it nor the HTML libraries.
    from markdown_it import MarkdownIt

    from readwise_desktop.formats.markup import html_paragraphs

    source = decode_bytes(data).text
    meta, source = front_matter(source)
    heading = HEADING.search(source)
    html = MarkdownIt("commonmark", {"html": False}).render(source)
    title = plausible_title(_one(meta.get("title"))) or (heading[1].strip() if heading else None)
    byline = next((b for k in BYLINE_KEYS if (b := _names(meta.get(k)))), None)
    date = _one(meta.get("date"))
    paragraphs = html_paragraphs(html)
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if byline is None:
        byline, paragraphs = split_byline(paragraphs)
    return compose(paragraphs, "Markdown", title=title, byline=byline, date=date, file=file)


def front_matter(source: str) -> tuple[dict[str, object], str]:
    """The front matter's fields (YAML between ``---``, TOML between ``+++``) and the rest."""
    found = FRONT_MATTER.match(source)
    if not found:
        return {}, source
    rest = source[found.end() :]
    if found[1] == "+++":
        try:
            return dict(tomllib.loads(found[2])), rest
        except tomllib.TOMLDecodeError:
            return {}, rest
    return _simple_yaml(found[2]), rest


def _simple_yaml(block: str) -> dict[str, object]:
    """Top-level ``key: value`` and ``key:`` followed by ``- item`` lines: all front matter
    needs for a title, an author and a date (nested values are ignored)."""
    fields: dict[str, object] = {}
    key = None
    for line in block.splitlines():
        item = YAML_ITEM.match(line)
        if item and key is not None and isinstance(fields.get(key), list):
            cast_list = fields[key]
            assert isinstance(cast_list, list)
            cast_list.append(_unquoted(item[1]))
            continue
        found = YAML_KEY.match(line)
        if found:
            key, value = found[1].lower(), found[2]
            if value.startswith("[") and value.endswith("]"):
                fields[key] = [_unquoted(v) for v in value[1:-1].split(",") if v.strip()]
            else:
                fields[key] = _unquoted(value) if value else []
    return fields


def _unquoted(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _one(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    text = str(value).strip() if value is not None else ""
    return text or None


def _names(value: object) -> str | None:
    names = value if isinstance(value, list) else [value] if value else []
    checked = [n for v in names if isinstance(v, str) and (n := plausible_byline(v))]
    return " and ".join(checked) or None
