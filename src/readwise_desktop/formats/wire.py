"""IPTC NITF 3.x, NewsML-G2 and NewsML 1.2: headline, byline, dateline and body of the news
industry's XML.

Elements are found by local name, so every namespace version works. Leading editors' notes,
keyword lines and slugs are wire codes, not text; a dateline that is only a time stamp is none.
"""

from __future__ import annotations

import regex
from lxml import etree

from readwise_desktop.formats.article import Article, compose
from readwise_desktop.formats.decoding import InputError
from readwise_desktop.formats.markup import html_paragraphs
from readwise_desktop.formats.safety import parse_xml
from readwise_desktop.formats.wiretext import is_wire_code, wire_story

NEWSML_ROOTS = frozenset({"newsMessage", "newsItem", "packageItem"})
BLOCKS = frozenset({"p", "li", "hl2", "tr", "pre"})
TIMESTAMP = regex.compile(r"^\d{8}(?:T\d{4,6}(?:[+-]\d{4}|Z)?)?$")

NEWSML1 = "NewsML 1.2"


def local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _all(root: etree._Element, name: str) -> list[etree._Element]:
    return list(root.xpath(f".//*[local-name()='{name}']"))


def _text(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    text = " ".join("".join(element.itertext()).split())
    return text or None


def _first_text(root: etree._Element, *names: str) -> str | None:
    for name in names:
        for element in _all(root, name):
            text = _text(element)
            if text:
                return text
    return None


def nitf_file_article(data: bytes, file: str) -> Article:
    """The article of a NITF file, parsed safely."""
    return nitf_article(parse_xml(data, "NITF file"), "NITF", file)


def newsml_file_article(data: bytes, file: str) -> Article:
    """The article of a NewsML-G2 file, parsed safely."""
    return newsml_article(parse_xml(data, "NewsML-G2 file"), file)


def nitf_article(root: etree._Element, fmt: str = "NITF", file: str | None = None) -> Article:
    """``body.head`` gives hedline, byline and dateline; ``body.content`` the paragraphs."""
    content = [c for c in _all(root, "body.content") if not _in_head(c)]
    paragraphs = without_codes([t for c in content for t in block_texts(c)])
    if not paragraphs:
        raise InputError("the NITF file has no paragraphs in body.content")
    captions = [t for m in _all(root, "media-caption") if (t := _text(m))]
    byline = next((b for e in _all(root, "byline") if (b := byline_text(e))), None)
    agency = _first_text(root, "distributor") or _attr(root, "doc.copyright", "holder")
    return compose(
        paragraphs,
        fmt,
        title=headline(_all(root, "hl1") + _all(root, "title")),
        byline=byline,
        dateline=next((d for e in _all(root, "dateline") if (d := dateline_text(e))), None),
        agency=agency,
        date=_attr(root, "date.issue", "norm") or _first_text(root, "story.date"),
        file=file,
        captions=captions,
    )


def _in_head(element: etree._Element) -> bool:
    """Inside body.head or a note (an editor's note may hold a body.content of its own)."""
    return any(local(a) in ("body.head", "note", "ed-msg") for a in element.iterancestors())


def block_texts(container: etree._Element) -> list[str]:
    """The text of each paragraph, list item, subhead and table row, in order (a block that
    holds other blocks gives theirs)."""
    out: list[str] = []
    for element in container.iter():
        name = local(element)
        if name not in BLOCKS or any(local(d) in BLOCKS for d in element.iterdescendants()):
            continue
        if name == "tr":
            cells = [_text(c) for c in element if local(c) in ("td", "th")]
            text = " | ".join(c for c in cells if c) or None
        else:
            text = _text(element)
        if text and not any(local(a) == "media-caption" for a in element.iterancestors()):
            out.append(text)
    return out


def without_codes(paragraphs: list[str]) -> list[str]:
    """Paragraphs without the leading editors' notes, keyword lines and slugs of wire copy."""
    start = 0
    while start < len(paragraphs) - 1 and is_wire_code(paragraphs[start]):
        start += 1
    return paragraphs[start:]


def headline(candidates: list[etree._Element]) -> str | None:
    """The first headline that is not a slug ("BC-BBN--Top Ten")."""
    texts = (_text(e) for e in candidates)
    return next((t for t in texts if t and not is_wire_code(t)), None)


def byline_text(element: etree._Element) -> str | None:
    """A byline's name and title apart ("BERNARD CONDON, AP Business Writer")."""
    parts = [_text(c) for c in element if local(c) in ("person", "byttl", "name", "role")]
    if not any(parts):
        return _text(element)
    lead = (element.text or "").strip()
    named = ", ".join(p for p in parts if p)
    return f"{lead} {named}".strip() if lead and lead.lower() != "by" else named


def dateline_text(element: etree._Element) -> str | None:
    """The dateline without a bare machine time stamp ("20170102T222800+0000")."""
    parts = [element.text or ""]
    for child in element:
        text = _text(child) or ""
        parts.append("" if local(child) == "story.date" and TIMESTAMP.match(text) else text)
        parts.append(child.tail or "")
    text = " ".join("".join(parts).split()).strip(" ,-–—")
    return text if text and not TIMESTAMP.match(text) else None


def _attr(root: etree._Element, name: str, attribute: str) -> str | None:
    for element in _all(root, name):
        value = element.get(attribute)
        if value:
            return str(value)
    return None


def newsml_article(root: etree._Element, file: str | None = None) -> Article:
    """Inline NITF or XHTML from ``contentSet``; headline and by-line from ``contentMeta``."""
    fmt = "NewsML-G2"
    meta = _all(root, "contentMeta")
    meta_root = meta[0] if meta else root
    title = headline(_all(meta_root, "headline"))
    byline = _first_text(meta_root, "by")
    dateline = next((d for e in _all(meta_root, "dateline") if (d := dateline_text(e))), None)
    agency = _first_text(meta_root, "creditline") or _first_text(root, "provider")
    date = _first_text(root, "firstCreated", "versionCreated", "contentCreated")
    for inline in _all(root, "inlineXML"):
        nitf = [e for e in inline.iter() if local(e) == "nitf"]
        if nitf:
            found = nitf_article(nitf[0], f"{fmt} (inline NITF)", file)
            return compose(
                found.text.splitlines()[_head_lines(found) :],
                found.format,
                title=title or found.title,
                byline=byline or found.byline,
                dateline=dateline or found.dateline,
                agency=agency or found.agency,
                date=date or found.date,
                file=file,
                captions=found.captions,
            )
        html = [e for e in inline.iter() if local(e) in ("html", "body")]
        if html:
            markup = etree.tostring(html[0], encoding="unicode")
            paragraphs = without_codes(html_paragraphs(markup))
            return compose(
                paragraphs, f"{fmt} (inline XHTML)", title=title, byline=byline,
                dateline=dateline, agency=agency, date=date, file=file,
            )  # fmt: skip
    for inline in _all(root, "inlineData"):
        text = "".join(inline.itertext())
        if text.strip():
            return compose(
                inline_text_paragraphs(text), f"{fmt} (inline text)", title=title,
                byline=byline, dateline=dateline, agency=agency, date=date, file=file,
            )  # fmt: skip
    raise InputError("the NewsML-G2 file has no inline text, XHTML or NITF in its contentSet")


def inline_text_paragraphs(text: str) -> list[str]:
    """Inline text: escaped HTML ("<p>...", as ANSA sends it) or hard-wrapped wire copy."""
    if regex.search(r"</?p\b[^>]*>", text, regex.I):
        return without_codes(html_paragraphs(text))
    story = wire_story(text)
    paragraphs = without_codes(story.paragraphs)
    if story.dateline and paragraphs:
        paragraphs[0] = f"{story.dateline} - {paragraphs[0]}"
    return paragraphs


def _head_lines(article: Article) -> int:
    return int(bool(article.title)) + int(bool(article.byline))


def newsml1_file_article(data: bytes, file: str) -> Article:
    """The article of a NewsML 1.2 file, parsed safely."""
    return newsml1_article(parse_xml(data, "NewsML 1.2 file"), file)


def newsml1_article(root: etree._Element, file: str | None = None) -> Article:
    lines = next(iter(_all(root, "NewsLines")), root)
    title = headline(_all(lines, "HeadLine"))
    byline = next((b for e in _all(lines, "ByLine") if (b := byline_text(e))), None)
    dateline = next((d for e in _all(lines, "DateLine") if (d := dateline_text(e))), None)
    agency = _first_text(lines, "CreditLine") or _party(root)
    date = _first_text(root, "FirstCreated", "DateId", "DateAndTime")
    for content in _all(root, "DataContent"):
        paragraphs, fmt = _content(content, file)
        if paragraphs:
            return compose(
                paragraphs, fmt, title=title, byline=byline, dateline=dateline,
                agency=agency, date=date, file=file,
            )  # fmt: skip
    raise InputError("the NewsML 1.2 file has no text in its DataContent")


def _content(content: etree._Element, file: str | None) -> tuple[list[str], str]:
    nitf = [e for e in content.iter() if local(e) == "nitf"]
    if nitf:
        found = nitf_article(nitf[0], f"{NEWSML1} (inline NITF)", file)
        return found.text.splitlines()[_head_lines(found) :], found.format
    if any(local(e) in ("p", "body", "html") for e in content.iterdescendants()):
        return without_codes(block_texts(content)), f"{NEWSML1} (inline XHTML)"
    text = "".join(content.itertext())
    if "<p" in text.lower():
        return without_codes(html_paragraphs(text)), f"{NEWSML1} (inline text)"
    return inline_text_paragraphs(text) if text.strip() else [], f"{NEWSML1} (inline text)"


def _party(root: etree._Element) -> str | None:
    for provider in _all(root, "Provider"):
        for party in provider.iter():
            if local(party) == "Party" and party.get("FormalName"):
                return str(party.get("FormalName"))
    return None
