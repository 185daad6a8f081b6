"""OpenDocument text (.odt, LibreOffice and others): ``content.xml`` read in order by local names.

Headings, paragraphs, lists, tables (one line per row) and text frames are kept; notes follow the
body. The first level-1 heading or "Title" paragraph is the headline; ``meta.xml`` gives a
plausible title and the date, never a byline (its creator is whoever typed the file).
"""

from __future__ import annotations

import zipfile

from lxml import etree

from readwise_desktop.formats.article import Article, compose
from readwise_desktop.formats.bylines import plausible_title, split_byline
from readwise_desktop.formats.decoding import InputError
from readwise_desktop.formats.safety import open_zip, parse_xml, read_member
from readwise_desktop.formats.wire import local

WHAT = "OpenDocument text"
CONTAINERS = frozenset({"section", "list", "list-item", "list-header", "index-body", "div"})
TITLE_STYLES = frozenset({"title", "heading_20_1", "heading 1"})


def odt_article(data: bytes, file: str | None = None) -> Article:
    """Headline, paragraphs, tables and notes of an .odt file."""
    with open_zip(data, WHAT) as archive:
        content = parse_xml(read_member(archive, "content.xml", WHAT), WHAT)
        meta = _optional(archive, "meta.xml")
    texts = [e for e in content.iter() if local(e) == "text" and _parent_is(e, "body")]
    if not texts:
        raise InputError("the OpenDocument file holds no text document")
    blocks: list[tuple[bool, str]] = []
    notes: list[str] = []
    _walk(texts[0], blocks, notes)
    title = next((t for is_title, t in blocks[:3] if is_title), None)
    byline, paragraphs = split_byline([t for _, t in blocks if t != title])
    paragraphs += notes
    if not paragraphs:
        raise InputError("the OpenDocument text is empty")
    fields = {local(e): "".join(e.itertext()).strip() for e in _iter(meta)}
    return compose(
        paragraphs,
        WHAT,
        title=title or plausible_title(fields.get("title")),
        byline=byline,
        date=fields.get("date", "")[:10] or fields.get("creation-date", "")[:10] or None,
        file=file,
    )


def _optional(archive: zipfile.ZipFile, name: str) -> etree._Element | None:
    if name not in archive.namelist():
        return None
    return parse_xml(read_member(archive, name, WHAT), WHAT)


def _iter(root: etree._Element | None) -> list[etree._Element]:
    return list(root.iter()) if root is not None else []


def _parent_is(element: etree._Element, name: str) -> bool:
    parent = element.getparent()
    return parent is not None and local(parent) == name


def _attr(element: etree._Element, name: str) -> str:
    for key, value in element.attrib.items():
        if etree.QName(key).localname == name:
            return str(value)
    return ""


def _walk(container: etree._Element, blocks: list[tuple[bool, str]], notes: list[str]) -> None:
    for child in container:
        name = local(child)
        if name in ("p", "h"):
            style = _attr(child, "style-name").lower()
            level = _attr(child, "outline-level")
            is_title = style in TITLE_STYLES or (name == "h" and level in ("", "1"))
            blocks.append((is_title, _text(child, notes)))
            for frame in (e for e in child.iter() if local(e) == "text-box"):
                _walk(frame, blocks, notes)
        elif name == "table":
            for row in (r for r in child.iter() if local(r) == "table-row"):
                cells = [_cell(c, notes) for c in row if local(c) == "table-cell"]
                blocks.append((False, " | ".join(c for c in cells if c)))
        elif name in CONTAINERS:
            _walk(child, blocks, notes)
    blocks[:] = [(t, s) for t, s in blocks if s]


def _cell(cell: etree._Element, notes: list[str]) -> str:
    inner: list[tuple[bool, str]] = []
    _walk(cell, inner, notes)
    return " ".join(t for _, t in inner)


def _text(paragraph: etree._Element, notes: list[str]) -> str:
    parts: list[str] = [paragraph.text or ""]
    for child in paragraph:
        name = local(child)
        if name == "note":
            body = [e for e in child if local(e) == "note-body"]
            notes += [" ".join("".join(p.itertext()).split()) for b in body for p in b]
        elif name in ("s", "tab", "line-break"):
            parts.append(" ")
        elif name not in ("frame", "annotation", "bookmark", "soft-page-break"):
            parts.append(_text(child, notes))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())
