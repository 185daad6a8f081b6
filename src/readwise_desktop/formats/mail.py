"""E-mail (.eml, with forwarded wire copy), MHTML and Safari .webarchive pages."""

from __future__ import annotations

import plistlib
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

import regex

from readwise_desktop.formats.article import Article, compose
from readwise_desktop.formats.decoding import InputError
from readwise_desktop.formats.markup import decode_html, html_article

FORWARD_MARK = regex.compile(
    r"^(-{2,}\s*(Forwarded|Original) message\s*-{2,}|Begin forwarded message:)\s*$",
    regex.IGNORECASE,
)
HEADER_LINE = regex.compile(r"^(From|Sent|Date|To|Cc|Subject|Reply-To):\s*(.*)$", regex.IGNORECASE)
SUBJECT_PREFIX = regex.compile(r"^\s*((fwd?|fw|re|aw|tr)\s*:\s*)+", regex.IGNORECASE)


def _message(data: bytes) -> EmailMessage:
    message = BytesParser(policy=policy.default).parsebytes(data)
    if not isinstance(message, EmailMessage):  # pragma: no cover - policy.default gives these
        raise InputError("the message cannot be read")
    return message


def eml_article(data: bytes, file: str | None = None) -> Article:
    message = _message(data)
    body = message.get_body(preferencelist=("plain", "html"))
    if body is not None and not str(body.get_content()).strip():
        body = message.get_body(preferencelist=("html",)) or body
    if body is None:
        raise InputError("the e-mail has no text or HTML part")
    content = body.get_content()
    subject = SUBJECT_PREFIX.sub("", str(message.get("subject", "") or "")).strip() or None
    date = str(message.get("date", "") or "") or None
    if body.get_content_subtype() == "html":
        article = html_article(content, "e-mail (HTML)", file)
        return compose(
            article.text.splitlines()[int(bool(article.title)) + int(bool(article.byline)) :],
            article.format, title=subject or article.title, byline=article.byline,
            date=date, file=file, captions=article.captions,
        )  # fmt: skip
    lines, forwarded_subject = _without_forward_headers(content.splitlines())
    paragraphs = _paragraphs(lines)
    if not paragraphs:
        raise InputError("the e-mail's text is empty")
    title = forwarded_subject or subject
    return compose(paragraphs, "e-mail", title=title, date=date, file=file)


def _without_forward_headers(lines: list[str]) -> tuple[list[str], str | None]:
    """Drop the forwarding banners and the header block after each ("From: ... Subject: ...")."""
    out: list[str] = []
    subject = None
    in_headers = False
    for line in lines:
        stripped = line.strip().lstrip(">").strip()
        if FORWARD_MARK.match(stripped):
            in_headers = True
            continue
        header = HEADER_LINE.match(stripped)
        if in_headers and header:
            if header.group(1).lower() == "subject":
                subject = SUBJECT_PREFIX.sub("", header.group(2)).strip() or subject
            continue
        in_headers = in_headers and not stripped
        out.append(stripped)
    return out, subject


def _paragraphs(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines; a blank line ends a paragraph."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    return paragraphs


def mhtml_article(data: bytes, file: str | None = None) -> Article:
    message = _message(data)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            html = part.get_content()
            if isinstance(html, bytes):
                html = decode_html(html)
            return html_article(html, "MHTML web archive", file)
    raise InputError("the MHTML archive holds no HTML page")


def webarchive_article(data: bytes, file: str | None = None) -> Article:
    try:
        archive = plistlib.loads(data)
        main = archive["WebMainResource"]
        html_bytes = main["WebResourceData"]
    except (plistlib.InvalidFileException, KeyError, TypeError, ValueError) as err:
        raise InputError("the web archive is damaged or not a Safari .webarchive") from err
    encoding = main.get("WebResourceTextEncodingName") or ""
    try:
        html = html_bytes.decode(encoding) if encoding else decode_html(html_bytes)
    except (LookupError, UnicodeDecodeError):
        html = decode_html(html_bytes)
    return html_article(html, "Safari web archive", file)
