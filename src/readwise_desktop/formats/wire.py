"""IPTC NITF 3.x and NewsML-G2: headline, byline, dateline and body from the news industry's XML.

Elements are found by local name, so every NITF or NewsML-G2 namespace version works.
"""

from __future__ import annotations

from lxml import etree

from readwise_desktop.formats.article import Article, compose
from readwise_desktop.formats.decoding import InputError
from readwise_desktop.formats.markup import html_paragraphs
from readwise_desktop.formats.safety import parse_xml

NEWSML_ROOTS = frozenset({"newsMessage", "newsItem", "packageItem"})


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
    content = _all(root, "body.content")
    paragraphs = [t for c in content for p in _all(c, "p") if (t := _text(p))]
    if not paragraphs:
        raise InputError("the NITF file has no paragraphs in body.content")
    captions = [t for m in _all(root, "media-caption") if (t := _text(m))]
    byline = _first_text(root, "byline")
    agency = _first_text(root, "distributor") or _attr(root, "doc.copyright", "holder")
    return compose(
        paragraphs,
        fmt,
        title=_first_text(root, "hl1", "title"),
        byline=byline,
        dateline=_first_text(root, "dateline"),
        agency=agency,
        date=_attr(root, "date.issue", "norm") or _first_text(root, "story.date"),
        file=file,
        captions=captions,
    )


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
    title = _first_text(meta_root, "headline")
    byline = _first_text(meta_root, "by")
    dateline = _first_text(meta_root, "dateline")
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
            paragraphs = html_paragraphs(markup)
            return compose(
                paragraphs, f"{fmt} (inline XHTML)", title=title, byline=byline,
                dateline=dateline, agency=agency, date=date, file=file,
            )  # fmt: skip
    for inline in _all(root, "inlineData"):
        text = "".join(inline.itertext())
        if text.strip():
            return compose(
                text.split("\n"), f"{fmt} (inline text)", title=title, byline=byline,
                dateline=dateline, agency=agency, date=date, file=file,
            )  # fmt: skip
    raise InputError("the NewsML-G2 file has no inline text, XHTML or NITF in its contentSet")


def _head_lines(article: Article) -> int:
    return int(bool(article.title)) + int(bool(article.byline))
