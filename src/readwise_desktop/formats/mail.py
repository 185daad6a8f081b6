"""E-mail: one message (.eml, with forwarded wire copy), a mailbox of them (.mbox), or an
Outlook message (.msg).

A message may start with any RFC 5322 header (Gmail's downloads start with ``Delivered-To:``) or
with an mbox ``From `` line. Headers and MIME parts are counted and measured before the message
is parsed, so a hostile header or a message of a million parts is refused cheaply. An Outlook
.msg is an OLE compound file read with olefile (BSD): the subject (MAPI property 0x0037), the
plain-text body (0x1000), else the HTML body (0x1013), the transport headers (0x007D).
"""

from __future__ import annotations

import io
from dataclasses import replace
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser, HeaderParser
from typing import Any

import regex

from readwise_desktop.formats.article import Article, compose, numbered
from readwise_desktop.formats.decoding import InputError
from readwise_desktop.formats.safety import check_count

FORWARD_MARK = regex.compile(
    r"^(-{2,}\s*(Forwarded|Original) message\s*-{2,}|Begin forwarded message:)\s*$",
    regex.IGNORECASE,
)
HEADER_LINE = regex.compile(r"^(From|Sent|Date|To|Cc|Subject|Reply-To):\s*(.*)$", regex.IGNORECASE)
SUBJECT_PREFIX = regex.compile(r"^\s*((fwd?|fw|re|aw|tr)\s*:\s*)+", regex.IGNORECASE)
MBOX_FROM = regex.compile(rb"(?:\A|(?<=\n\r?\n))From [^\n]*\n")
MBOX_QUOTED = regex.compile(rb"(?m)^>(>*From )")
HEADER_END = regex.compile(rb"\r?\n\r?\n")
MAX_HEADER_BYTES = 256_000
MAX_FIELD_BYTES = 32_000
MAX_PARTS = 1_000
MAX_MESSAGES = 5_000


WHAT = "Outlook message"
SUBJECT, BODY, HTML_BODY, HEADERS = "0037", "1000", "1013", "007D"
MAX_STREAMS = 20_000


def message_of(data: bytes, what: str = "e-mail") -> EmailMessage:
    """The parsed message, once its header block and its part count are seen to be sane."""
    if data.startswith(b"From "):
        data = data.split(b"\n", 1)[-1]
    end = HEADER_END.search(data, 0, MAX_HEADER_BYTES + 4)
    head = data[: end.start()] if end else data[:MAX_HEADER_BYTES]
    if end is None and len(data) > MAX_HEADER_BYTES:
        raise InputError(f"the {what}'s headers are over {MAX_HEADER_BYTES // 1000} KB; refused")
    longest = max((len(f) for f in regex.split(rb"\r?\n(?![ \t])", head)), default=0)
    if longest > MAX_FIELD_BYTES:
        raise InputError(f"the {what} has a header of {longest // 1000} KB, too long; refused")
    check_count(data.count(b"\n--"), MAX_PARTS * 2, what, "MIME boundaries")
    message = BytesParser(policy=policy.default).parsebytes(data)
    if not isinstance(message, EmailMessage):  # pragma: no cover - policy.default gives these
        raise InputError(f"the {what} cannot be read")
    return message


def eml_article(data: bytes, file: str | None = None) -> Article:
    """The story of one message: its text part, else its HTML part, without mail headers."""
    return message_article(message_of(data), file)


def message_article(message: EmailMessage, file: str | None = None) -> Article:
    body = message.get_body(preferencelist=("plain", "html"))
    if body is not None and not str(body.get_content()).strip():
        body = message.get_body(preferencelist=("html",)) or body
    if body is None:
        raise InputError("the e-mail has no text or HTML part")
    content = body.get_content()
    subject = SUBJECT_PREFIX.sub("", str(message.get("subject", "") or "")).strip() or None
    date = str(message.get("date", "") or "") or None
    if body.get_content_subtype() == "html":
        from readwise_desktop.formats.markup import html_article

        article = html_article(content, "e-mail (HTML)", file)
        return compose(
            article.text.splitlines()[int(bool(article.title)) + int(bool(article.byline)) :],
            article.format, title=subject or article.title, byline=article.byline,
            date=date, file=file, captions=article.captions,
        )  # fmt: skip
    lines, forwarded_subject = _without_forward_headers(str(content).splitlines())
    paragraphs = _paragraphs(lines)
    if not paragraphs:
        raise InputError("the e-mail's text is empty")
    title = forwarded_subject or subject
    return compose(paragraphs, "e-mail", title=title, date=date, file=file)


def mbox_messages(data: bytes) -> list[bytes]:
    """The messages of an mbox file, split at its ``From `` lines, ``>From`` unquoted."""
    starts = [m.end() for m in MBOX_FROM.finditer(data)]
    check_count(len(starts), MAX_MESSAGES, "mailbox", "messages")
    bounds = [*(m.start() for m in MBOX_FROM.finditer(data)), len(data)][1:]
    return [MBOX_QUOTED.sub(rb"\1", data[s:e]) for s, e in zip(starts, bounds, strict=True)]


def mbox_articles(data: bytes, file: str | None = None) -> list[Article]:
    """One article per message that has text; a mailbox with none is refused."""
    articles: list[Article] = []
    for number, raw in enumerate(mbox_messages(data), start=1):
        try:
            found = message_article(message_of(raw), numbered(file, number))
            articles.append(replace(found, format=f"mailbox ({found.format})"))
        except InputError:
            continue
    if not articles:
        raise InputError("the mailbox holds no message with text")
    return articles


def mbox_article(data: bytes, file: str | None = None) -> Article:
    """The first message with text (the window opens one article; ``analyze`` reads them all)."""
    return mbox_articles(data, file)[0]


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


def msg_article(data: bytes, file: str | None = None) -> Article:
    """The message's text (or HTML) body under its subject."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError) as err:
        raise InputError("the Outlook message is damaged or not a .msg file") from err
    with ole:
        check_count(len(ole.listdir(streams=True, storages=True)), MAX_STREAMS, WHAT, "streams")
        props = {name: _value(ole, name) or "" for name in (SUBJECT, BODY, HTML_BODY, HEADERS)}
    subject = SUBJECT_PREFIX.sub("", props[SUBJECT]).strip() or None
    date = HeaderParser().parsestr(props[HEADERS]).get("date") or None
    lines, forwarded = _without_forward_headers(props[BODY].splitlines())
    paragraphs = _paragraphs(lines)
    if paragraphs:
        return compose(paragraphs, WHAT, title=forwarded or subject, date=date, file=file)
    if props[HTML_BODY].strip():
        from readwise_desktop.formats.markup import html_article

        page = html_article(props[HTML_BODY], f"{WHAT} (HTML)", file)
        head = int(bool(page.title)) + int(bool(page.byline))
        return compose(
            page.text.splitlines()[head:], page.format, title=subject or page.title,
            byline=page.byline, date=date, file=file, captions=page.captions,
        )  # fmt: skip
    raise InputError("the Outlook message has no text")


def _value(ole: Any, prop: str) -> str | None:
    """A string property, stored as UTF-16 (type 001F), 8-bit (001E) or binary (0102)."""
    for kind, encoding in (("001F", "utf-16-le"), ("001E", "cp1252"), ("0102", "")):
        name = f"__substg1.0_{prop}{kind}"
        if ole.exists(name):
            raw = bytes(ole.openstream(name).read())
            if not encoding:
                from readwise_desktop.formats.markup import decode_html

                return decode_html(raw)
            return raw.decode(encoding, errors="replace").rstrip("\x00")
    return None
