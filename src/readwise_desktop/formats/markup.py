"""Saved web pages: the article's body and metadata, with nothing fetched.

trafilatura finds the main text and the metadata (title, author, date, site); readability-lxml
is the fallback when trafilatura finds nothing. Both work on the string we give them: no image,
script, style or frame is ever requested. Figure captions are collected as metadata and kept out
of the text.
"""

from __future__ import annotations

import logging

import regex
import trafilatura
from lxml import etree
from lxml import html as lxml_html
from readability import Document

from readwise_desktop.formats.article import Article, compose
from readwise_desktop.formats.bylines import page_title_of, plausible_byline
from readwise_desktop.formats.decoding import InputError
from readwise_desktop.formats.safety import check_count

BLOCKS = (
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "dd", "dt",
    "section", "article", "header", "br", "td", "th", "ul", "ol", "table",
)  # fmt: skip
DROPPED = "//script|//style|//noscript|//template|//svg|//figure|//figcaption|//iframe|//object"
CHARSET = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", regex.IGNORECASE)
MIN_WORDS = 12
ATTRIBUTE = regex.compile(r"""\s[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""")
MAX_ATTRIBUTES = 100_000

logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("readability").setLevel(logging.ERROR)


def decode_html(data: bytes) -> str:
    """The page's text: its BOM, its declared charset, else UTF-8, else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace")
    declared = CHARSET.search(data[:8192])
    for encoding in ([declared.group(1).decode("ascii")] if declared else []) + ["utf-8"]:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return _detected(data)


def _detected(data: bytes) -> str:
    """Bytes in an undeclared encoding: what charset-normalizer finds, else Windows-1252."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding)
        except (LookupError, UnicodeDecodeError):
            pass
    return data.decode("cp1252", errors="replace")


def html_page_article(data: bytes, file: str) -> Article:
    """The article of an HTML file, decoded as its bytes and charset say."""
    return html_article(decode_html(data), "HTML page", file)


def check_attributes(html: str) -> None:
    """Refuse a page with more attributes than any article page has (an attribute bomb)."""
    check_count(len(ATTRIBUTE.findall(html)), MAX_ATTRIBUTES, "page", "attributes")


def html_article(html: str, fmt: str = "HTML page", file: str | None = None) -> Article:
    """The page's main text (trafilatura, else readability) and its checked metadata."""
    check_attributes(html)
    found = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_tables=True,
    )
    page = _tree(html)  # parsed once, for the captions and the title
    captions = figure_captions(page)
    text = getattr(found, "text", None) or ""
    paragraphs = [line for line in text.split("\n") if line.strip()]
    if sum(len(p.split()) for p in paragraphs) < MIN_WORDS:
        paragraphs = readability_paragraphs(html)
    if not paragraphs:
        raise InputError("no article text was found in this page")
    return compose(
        paragraphs,
        fmt,
        title=_title(getattr(found, "title", None), getattr(found, "sitename", None), page),
        byline=plausible_byline(getattr(found, "author", None)),
        agency=getattr(found, "sitename", None),
        date=getattr(found, "date", None),
        file=file,
        captions=captions,
    )


def readability_paragraphs(html: str) -> list[str]:
    try:
        summary = Document(html).summary(html_partial=True)
    except Exception:  # readability raises its own and lxml's errors on odd pages
        return html_paragraphs(html)
    return html_paragraphs(summary) or html_paragraphs(html)


XML_DECLARATION = regex.compile(r"^\s*<\?xml[^>]*\?>")


def _tree(html: str) -> lxml_html.HtmlElement | None:
    parser = lxml_html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        return lxml_html.document_fromstring(XML_DECLARATION.sub("", html), parser=parser)
    except (etree.ParserError, ValueError):
        return None


def html_paragraphs(html: str) -> list[str]:
    """The text of an HTML fragment, one paragraph per block element; scripts and figures out."""
    root = _tree(html)
    if root is None:
        return []
    for element in root.xpath(DROPPED + "|//head"):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag != "pre":
            element.text = _spaced(element.text)
            element.tail = _spaced(element.tail)
    for element in root.iter(*BLOCKS):
        element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return [line for line in lines if line]


def _spaced(text: str | None) -> str | None:
    """Line ends inside a paragraph are spaces (hard-wrapped markup is one paragraph)."""
    return text.replace("\r", " ").replace("\n", " ") if text else text


def figure_captions(root: lxml_html.HtmlElement | None) -> list[str]:
    if root is None:
        return []
    return [c.text_content() for c in root.iter("figcaption") if c.text_content().strip()]


def page_title(root: lxml_html.HtmlElement | None) -> str | None:
    title = root.findtext(".//title") if root is not None else None
    return title.strip() if title and title.strip() else None


def _title(found: str | None, site: str | None, page: lxml_html.HtmlElement | None) -> str | None:
    """trafilatura's title unless it is the site's or a CMS's name; else the page's h1 or title."""
    heading = page.findtext(".//h1") if page is not None else None
    return page_title_of(found, site, heading, page_title(page))
