"""Word documents (.docx, Transitional or Strict Open XML) and EPUB books, zip containers
checked for bombs and encryption before anything is decompressed.

A DOCX body is read from its XML by local names, in order: tables (one line per row) and text
boxes included, footnotes and endnotes after it, deleted revisions and the VML copies of text
boxes left out. Core properties give a title and a date only when plausible: their *author* is
whoever typed the file, and "Word Document" is a placeholder. An EPUB spine is counted before
any chapter is read, and each chapter is read once, however often it is listed.
"""

from __future__ import annotations

import posixpath
import zipfile

from lxml import etree

from readwise_desktop.formats.article import Article, compose
from readwise_desktop.formats.bylines import plausible_title, split_byline
from readwise_desktop.formats.decoding import InputError
from readwise_desktop.formats.markup import decode_html, html_paragraphs
from readwise_desktop.formats.safety import check_count, open_zip, parse_xml, read_member
from readwise_desktop.formats.wire import _first_text, local

MAX_SPINE = 1_000


WHAT = "Word document"
TITLE_STYLES = frozenset({"title", "heading 1", "heading1"})
CAPTION_STYLES = frozenset({"caption"})
SKIPPED = frozenset({"delText", "instrText", "Fallback", "footnoteReference", "endnoteReference"})
BREAKS = frozenset({"tab", "br", "cr"})
MAX_PARAGRAPHS = 500_000


def epub_article(data: bytes, file: str | None = None) -> Article:
    archive = open_zip(data, "EPUB book")
    with archive:
        container = parse_xml(read_member(archive, "META-INF/container.xml", "EPUB"), "EPUB")
        rootfiles = [e.get("full-path") for e in container.iter() if local(e) == "rootfile"]
        if not rootfiles or not rootfiles[0]:
            raise InputError("the EPUB book names no package file")
        opf_path = str(rootfiles[0])
        opf = parse_xml(read_member(archive, opf_path, "EPUB"), "EPUB package")
        manifest = {e.get("id"): e.get("href") for e in opf.iter() if local(e) == "item"}
        spine = [e.get("idref") for e in opf.iter() if local(e) == "itemref"]
        check_count(len(spine), MAX_SPINE, "EPUB book", "spine entries")
        base = posixpath.dirname(opf_path)
        paragraphs: list[str] = []
        for idref in dict.fromkeys(spine):
            href = manifest.get(idref)
            if href:
                chapter = read_member(archive, posixpath.join(base, href), "EPUB")
                paragraphs += html_paragraphs(decode_html(chapter))
    if not paragraphs:
        raise InputError("the EPUB book has no text in its spine")
    return compose(
        paragraphs,
        "EPUB book",
        title=_first_text(opf, "title"),
        byline=_first_text(opf, "creator"),
        date=_first_text(opf, "date"),
        file=file,
    )


def docx_article(data: bytes, file: str | None = None) -> Article:
    """Headline, byline, body, tables, text boxes and notes of a Word document."""
    with open_zip(data, WHAT) as archive:
        document = parse_xml(read_member(archive, "word/document.xml", WHAT), WHAT)
        styles = _style_names(_optional(archive, "word/styles.xml"))
        notes = [_optional(archive, f"word/{n}.xml") for n in ("footnotes", "endnotes")]
        core = _optional(archive, "docProps/core.xml")
    bodies = [e for e in document.iter() if local(e) == "body"]
    if not bodies:
        raise InputError("the Word document is damaged (its document part has no body)")
    check_count(sum(1 for e in bodies[0].iter() if local(e) == "p"), MAX_PARAGRAPHS, WHAT,
                "paragraphs")  # fmt: skip
    blocks = list(_blocks(bodies[0], styles))
    for root in notes:
        blocks += [("", t) for n in _notes(root) for _, t in _blocks(n, styles)]
    return _article(blocks, core, file)


def _optional(archive: zipfile.ZipFile, name: str) -> etree._Element | None:
    if name not in archive.namelist():
        return None
    return parse_xml(read_member(archive, name, WHAT), WHAT)


def _attr(element: etree._Element, name: str) -> str:
    """An attribute by local name, in whichever namespace (Transitional or Strict)."""
    for key, value in element.attrib.items():
        if etree.QName(key).localname == name:
            return str(value)
    return ""


def _style_names(styles: etree._Element | None) -> dict[str, str]:
    names: dict[str, str] = {}
    for style in styles.iter() if styles is not None else ():
        if local(style) == "style":
            name = next((_attr(c, "val") for c in style if local(c) == "name"), "")
            names[_attr(style, "styleId")] = name.lower()
    return names


def _notes(root: etree._Element | None) -> list[etree._Element]:
    if root is None:
        return []
    return [
        n
        for n in root
        if local(n) in ("footnote", "endnote") and _attr(n, "type") in ("", "normal")
    ]


def _blocks(container: etree._Element, styles: dict[str, str]) -> list[tuple[str, str]]:
    """(style name, text) of each paragraph, table row and text box, in reading order."""
    out: list[tuple[str, str]] = []
    for child in container:
        name = local(child)
        if name == "p":
            style = next(
                (_attr(s, "val") for pr in child if local(pr) == "pPr" for s in pr
                 if local(s) == "pStyle"),
                "",
            )  # fmt: skip
            out.append((styles.get(style, style.lower()), _text(child)))
            for box in (e for e in child.iter() if local(e) == "txbxContent"):
                if not _nested(box, child):
                    out += _blocks(box, styles)
        elif name == "tbl":
            out += [("", r) for r in _rows(child, styles)]
        elif name in ("sdt", "sdtContent", "customXml", "smartTag", "ins"):
            out += _blocks(child, styles)
    return [(s, t) for s, t in out if t]


def _rows(table: etree._Element, styles: dict[str, str]) -> list[str]:
    rows = []
    for row in (r for r in table if local(r) == "tr"):
        cells = [
            " ".join(t for _, t in _blocks(cell, styles)) for cell in row if local(cell) == "tc"
        ]
        rows.append(" | ".join(c for c in cells if c))
    return rows


def _nested(element: etree._Element, stop: etree._Element) -> bool:
    """Inside a VML fallback copy, or inside another text box (read with that one)."""
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if local(parent) in ("Fallback", "txbxContent"):
            return True
        parent = parent.getparent()
    return False


def _iter(root: etree._Element | None) -> list[etree._Element]:
    return list(root.iter()) if root is not None else []


def _text(paragraph: etree._Element) -> str:
    """The paragraph's own text: runs, tabs and breaks; not its text boxes or deleted runs."""
    parts: list[str] = []

    def walk(element: etree._Element) -> None:
        for child in element:
            name = local(child)
            if name in SKIPPED or name == "txbxContent":
                continue
            if name == "t":
                parts.append(child.text or "")
            elif name in BREAKS:
                parts.append(" ")
            elif name == "noBreakHyphen":
                parts.append("-")
            else:
                walk(child)

    walk(paragraph)
    return " ".join("".join(parts).split())


def _article(
    blocks: list[tuple[str, str]], core: etree._Element | None, file: str | None
) -> Article:
    title: str | None = None
    paragraphs: list[str] = []
    captions: list[str] = []
    for style, text in blocks:
        if style in CAPTION_STYLES:
            captions.append(text)
        elif style in TITLE_STYLES and title is None and not paragraphs:
            title = text
        else:
            paragraphs.append(text)
    byline, paragraphs = split_byline(paragraphs)
    if not paragraphs:
        raise InputError("the Word document has no text")
    meta = {local(e): " ".join("".join(e.itertext()).split()) for e in _iter(core)}
    return compose(
        paragraphs,
        WHAT,
        title=title or plausible_title(meta.get("title")),
        byline=byline,
        date=meta.get("created", "")[:10] or None,
        file=file,
        captions=captions,
    )
