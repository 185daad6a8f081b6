"""Word documents (DOCX, python-docx) and EPUB books (zipfile and the OPF spine).

Both are zip containers, checked for bombs and encryption before anything is decompressed.
"""

from __future__ import annotations

import io
import posixpath

import docx

from readwise_desktop.formats.article import Article, compose
from readwise_desktop.formats.decoding import InputError
from readwise_desktop.formats.markup import decode_html, html_paragraphs
from readwise_desktop.formats.safety import open_zip, parse_xml, read_member
from readwise_desktop.formats.wire import _first_text, local

TITLE_STYLES = ("Title", "Heading 1")
CAPTION_STYLES = ("Caption",)


def docx_article(data: bytes, file: str | None = None) -> Article:
    open_zip(data, "Word document").close()
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as err:  # python-docx raises KeyError, ValueError, lxml errors ...
        raise InputError("the Word document is damaged or not a .docx file") from err
    title: str | None = None
    paragraphs: list[str] = []
    captions: list[str] = []
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        style = paragraph.style.name if paragraph.style is not None else ""
        if not text:
            continue
        if style in CAPTION_STYLES:
            captions.append(text)
        elif style in TITLE_STYLES and title is None and not paragraphs:
            title = text
        else:
            paragraphs.append(text)
    if not paragraphs:
        raise InputError("the Word document has no text")
    props = document.core_properties
    return compose(
        paragraphs,
        "Word document",
        title=title or props.title or None,
        byline=props.author or None,
        date=props.created.date().isoformat() if props.created else None,
        file=file,
        captions=captions,
    )


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
        base = posixpath.dirname(opf_path)
        paragraphs: list[str] = []
        for idref in spine:
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
