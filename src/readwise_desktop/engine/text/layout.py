"""Find an article's furniture in plain text: headline, byline, dateline, wire credit lines.

These are not claims. In plain text a first line is a headline only when it is short and has no
closing full stop; a dateline ("Washington (AFP) –", "MOSCOW, Nov 25 (Reuters) -") is recognised
at the start of the body and its agency kept as metadata.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from readwise_desktop.engine.results import Layout, TextSpan

HEADLINE_MAX_WORDS = 20
HEADLINE_MAX_CHARS = 160
BYLINE_MAX_WORDS = 12
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)"
_PLACE = r"\p{Lu}[\p{L}.'’\-]*(?:[ \-]\p{Lu}[\p{L}.'’\-]*){0,3}"
DATELINE = regex.compile(
    rf"^(?P<place>{_PLACE}(?:,\s+\p{{Lu}}[\p{{L}}.\-]*(?: \p{{Lu}}[\p{{L}}.\-]*){{0,2}})?)?"
    rf"(?:,\s*(?P<date>{_DATE}))?"
    r"\s*(?:\((?P<agency>[\p{L}][\p{L} .&/\-]{0,40})\))?"
    r"\s*(?P<dash>--|[-–—]|:)[ \t]+"
)
BYLINE = regex.compile(r"^(?:By|BY|From)\s+\p{Lu}[\p{L}.'’\- ,&]+$")
CREDIT = regex.compile(
    r"^\((?:Reporting|Writing|Editing|Additional reporting|Compiled)\b.*\)$|"
    r"^(?:Reporting|Editing) by\b.*$"
)


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line, stripped of surrounding white space."""
    for match in regex.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + (len(line) - len(line.lstrip()))
            yield start, start + len(stripped)


def detect_layout(text: str, paras: Sequence[tuple[int, int]] | None = None) -> Layout:
    """Where the headline, byline and dateline are, with the wire agency, place and date."""
    paras = list(paragraphs(text)) if paras is None else list(paras)
    if not paras:
        return Layout()
    index = 0
    title = byline = None
    if len(paras) > 1 and _is_headline(text[paras[0][0] : paras[0][1]]):
        title = _span(text, *paras[0])
        index = 1
    for j in range(index, min(index + 3, len(paras) - 1)):
        if _is_byline(text[paras[j][0] : paras[j][1]]):
            byline = _span(text, *paras[j])
            index = j + 1
            break
    if index >= len(paras):
        return Layout(title=title, byline=byline)
    start, end = paras[index]
    match = _dateline(text[start:end])
    if match is None:
        return Layout(title=title, byline=byline)
    stop = start + len(match.group().rstrip())
    return Layout(
        title=title,
        byline=byline,
        dateline=_span(text, start, stop),
        agency=_clean(match["agency"]),
        place=_clean(match["place"]),
        date=_clean(match["date"]),
    )


_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
NOTE = regex.compile(
    rf"^(?:{_WEEKDAY},?\s+)?{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}\.?$"  # "Friday, January 4, 2019"
    rf"|^(?:{_WEEKDAY},?\s+)?\d{{1,2}}\s+{_MONTH}\s+\d{{4}}\.?$"
    r"|^(?:correction appended|corrections?|abstract|full text|sources?|related news"
    r"|related articles|see also|external links)\s*[.:]?$"
    r"|^[―—–]\s*\p{Lu}[\p{L}.'’\- ]{1,40}$"  # a pull-quote signature: "—Troy Roberts"
    r"|^[\u2580-\u25ff]"  # a map or chart legend keyed by a swatch: "██ Territory claimed by"
    r"|^(?:file|image):\S.*\.(?:jpe?g|png|gif|svg|tiff?|webp)$"  # a saved page's image file
    r"|^(?-i:\p{Lu}[\p{L}.'’\- ]{0,60} (?:Image|Photo|Picture)): .{1,60}$",  # "Rice Image: AP"
    regex.IGNORECASE,
)


# An interview transcript's turn label, at a line's start: "((WN))", "((Thomas Rivinius))".
TURN_LABEL = regex.compile(r"^\(\((?P<name>[^()\n]{1,60})\)\)(?=\s|$)", regex.MULTILINE)


def note_lines(text: str, paras: Sequence[tuple[int, int]] | None = None) -> list[TextSpan]:
    """Editorial lines that are no claims: a date alone, "Correction appended", "Sources",
    a pull-quote signature, a legend line keyed by a colour swatch, an image file's name and
    a picture's credit ("File:Harbour (cropped).jpg", "Susan Rice Image: White House."), a
    dateline with nothing after it ("FAIRVIEW, W.Va. —")."""
    out = []
    for s, e in paragraphs(text) if paras is None else paras:
        line = text[s:e]
        alone = DATELINE.match(line + " ")
        if NOTE.match(line) or (alone is not None and len(alone.group()) >= len(line)):
            out.append(_span(text, s, e))
        turn = TURN_LABEL.match(line)
        if turn is not None:  # the label is no claim; the speaker's words after it are
            out.append(_span(text, s, s + turn.end()))
    return out


def credit_lines(text: str, paras: Sequence[tuple[int, int]] | None = None) -> list[TextSpan]:
    """Wire credit lines such as "(Reporting by ...; Editing by ...)": not claims."""
    lines = paragraphs(text) if paras is None else paras
    return [_span(text, s, e) for s, e in lines if CREDIT.match(text[s:e])]


def _is_headline(line: str) -> bool:
    words = line.split()
    return (
        len(words) <= HEADLINE_MAX_WORDS
        and len(line) <= HEADLINE_MAX_CHARS
        and not line.endswith(".")
        and not line.endswith(":")
        and not BYLINE.match(line)
    )


def _is_byline(line: str) -> bool:
    return len(line.split()) <= BYLINE_MAX_WORDS and bool(BYLINE.match(line))


def _dateline(para: str) -> regex.Match[str] | None:
    match = DATELINE.match(para)
    if match is None or len(match.group()) >= len(para):
        return None
    place = match["place"] or ""
    if match["agency"]:
        return match if match["dash"] != ":" else None
    shouting = place.replace(",", "").replace(" ", "").replace(".", "")
    if len(shouting) >= 3 and shouting.isupper() and match["dash"] != ":":
        return match
    return None


def _span(text: str, start: int, end: int) -> TextSpan:
    return TextSpan(start, end, text[start:end])


def _clean(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None
