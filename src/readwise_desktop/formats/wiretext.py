"""Agency wire text: ANPA-1312 (AP and others) and IPTC 7901 (dpa and others).

The story sits between STX and ETX. Around it, and in its first lines, are the agency's codes:
a service line and a slug ("BC-Strike, 1st Ld-Writethru,416"), the format codes of ANPA (``^``
opens a headline, ``<`` and ``=`` end a line, ``_`` is a dash), editors' notes ("Eds: ..."),
lead markers ("1ST LEAD"), photo lines, keyword lines ("Germany/Politics/") and a trailer
("AP-NY-11-24-26 1204EST", "dpa mk yy", "241204 Nov 26"). None of them is the story's text.

IPTC 7901 copy is hard-wrapped: a paragraph starts at an indented line or after a blank line, and
the other lines continue it, so a sentence is never cut at a line end.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from readwise_desktop.formats.article import Article, compose
from readwise_desktop.formats.decoding import decode_bytes

LABEL = "ANPA-1312 / IPTC 7901 wire text"
CONTROLS = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CONTROL_BYTES = regex.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
LINE_END_CODES = regex.compile(r"\s*(?:<|=|<=)+\s*$")
DROPPED_LINES = [
    regex.compile(p, regex.VERSION1)
    for p in (
        r"^[a-z]{1,4}\d{3,5}\s+[a-z0-9]{1,2}\s+[a-z]{1,3}\b.*$",  # service line: a0123 r f ...
        r"^(?:BC|AM|PM|AP)-[\w&'-]+.*$",  # AP slug line
        r"^[\w&'.-]+(?:--?[\w&'.-]+)+(?:,[^,]*)*,\s*\d{2,5}$",  # slug with a word count
        r"^(?:[A-Z]{2,4}-){2}\d\d-\d\d-\d\d\s+\d{3,4}\s*[A-Z]{0,4}$",  # AP-NY-11-24-26 1204EST
        r"^\d{6}\s+[A-Z][a-z]{2}\s+\d\d$",  # dpa time stamp: 241204 Nov 26
        r"^dpa(?:\s+[a-z]{1,4}){1,3}$",  # dpa editors' initials
        r"^(?:NNNN|ENDIT|\(?END\)?|\(?MORE\)?|xxx|-30-|#\s*#\s*#|_{3,}|-{3,})$",
        r"(?i)^\d+(?:st|nd|rd|th)\s+(?:lead|ld|writethru|add|update|correction)\b[\w\s-]*$",
        r"^(?:LEAD|URGENT|FLASH|BULLETIN|CORRECTION|CORRECTS|REFILE|UPDATE|ADVISORY|EILT|"
        r"WRITETHRU|ZUSAMMENFASSUNG)(?:\s+[A-Z0-9-]+)*$",
        r"(?i)^(?:eds?\.?:|editors?:|editor'?s\s+note\b|note\s+to\s+editors\b|updates?:|"
        r"with\s+ap\s+photos?\b|ap\s+photos?\s+[A-Z]{2,4}\d|\(ap\s+photo|photo:|graphic:|"
        r"video:|embargoed\s+(?:until|for|to)\b|end\s+adv\b|adv\d\d\b|copyright\s+\d{4}|"
        r"\(c\)\s*\d{4}|©)",
        r"^EMBARGO",
        r"(?i)^\((?:adds|updates|recasts|corrects|changes|rewrites|new|moves|inserts|fixes|"
        r"tops|subs|eds|with|refiles|writes\s+through)\b[^)]*\)$",
    )
]
KEYWORDS = regex.compile(r"^[\p{L}\d&' -]+(?:/[\p{L}\d&' -]*)+/?$")
BYLINE = regex.compile(r"^(?:By|BY|by|Von|VON)\s+(.+?)[\s,]*$")
BYLINE_ROLE = regex.compile(
    r"^(?:(?:AP|Associated\s+Press|dpa|Reuters|AFP)\b.*|.*\b(?:Writer|Correspondent|Editor|"
    r"Reporter|Columnist|Analyst)s?)$"
)
DATELINE = regex.compile(
    r"^(\p{Lu}[\p{L}.'’ -]*(?:,\s*\p{Lu}[\p{L}.]*)*(?:,?\s+\p{Lu}[a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*\(([\p{L}\-/ ]{2,24})\))\s*(?:_|--|-|–|—)\s+"
)
AP_DASH = regex.compile(r"(?<=\s|^)_(?=\s)")
MAX_HEAD_LINES = 14


@dataclass
class WireStory:
    """What the lines of a wire story hold, once its codes are taken out."""

    title: str | None = None
    byline: str | None = None
    dateline: str | None = None
    agency: str | None = None
    paragraphs: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Line:
    text: str  # without codes and surrounding spaces
    indented: bool
    headline_code: bool  # began with ^ (ANPA)
    ends_line: bool  # ended with an end-of-line code (< or =)


def anpa_article(data: bytes, file: str | None = None) -> Article:
    """The story between STX and ETX, without the agency's codes, notes, slug and trailer."""
    start = data.find(b"\x02")
    end = data.rfind(b"\x03")
    body = data[start + 1 : end] if 0 <= start < end else data
    text = CONTROLS.sub("", decode_bytes(CONTROL_BYTES.sub(lambda m: _keep(m[0]), body)).text)
    story = wire_story(text)
    return compose(
        story.paragraphs,
        LABEL,
        title=story.title,
        byline=story.byline,
        dateline=story.dateline,
        agency=story.agency,
        file=file,
    )


def _keep(control: bytes) -> bytes:
    return control if control in (b"\t", b"\n", b"\r") else b""


def wire_story(text: str) -> WireStory:
    """Headline, byline, dateline and paragraphs of wire copy in plain text."""
    lines = [_line(raw) for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    story = WireStory()
    kept = _head(story, lines)
    story.paragraphs = _paragraphs(kept, wrapped=_hard_wrapped(kept))
    if story.paragraphs:
        found = DATELINE.match(story.paragraphs[0])
        if found and len(found[1]) < 60:
            story.dateline = " ".join(found[1].split())
            story.agency = found[2].strip()
            story.paragraphs[0] = story.paragraphs[0][found.end() :]
    return story


def _line(raw: str) -> Line:
    stripped = raw.strip()
    headline_code = stripped.startswith("^")
    ends_line = bool(LINE_END_CODES.search(stripped))
    text = LINE_END_CODES.sub("", stripped.lstrip("^")).strip()
    text = AP_DASH.sub("—", text.replace("^", "").replace("@", " "))
    text = text.replace("``", "“").replace("''", "”")  # ANPA's double quotation marks
    return Line(" ".join(text.split()), raw[:1] in (" ", "\t"), headline_code, ends_line)


def _dropped(text: str) -> bool:
    return any(p.search(text) for p in DROPPED_LINES)


def is_wire_code(text: str) -> bool:
    """A slug, service line, lead marker, editors' note, keyword line or trailer of wire copy."""
    return _dropped(text) or bool(KEYWORDS.match(text) and len(text.split()) <= 8)


def _head(story: WireStory, lines: list[Line]) -> list[Line]:
    """Take the headline and byline from the head; drop codes and notes everywhere."""
    kept: list[Line] = []
    seen = 0
    in_head = True
    for i, line in enumerate(lines):
        if not line.text:
            kept.append(line)
            continue
        seen += 1
        if _dropped(line.text):
            continue
        in_head = in_head and seen <= MAX_HEAD_LINES and not DATELINE.match(line.text)
        if in_head and KEYWORDS.match(line.text) and len(line.text.split()) <= 8:
            continue
        if in_head and story.byline is None and (byline := BYLINE.match(line.text)):
            story.byline = _with_role(byline[1], lines[i + 1 :])
            continue
        if in_head and story.byline and _is_role(line.text, story.byline):
            continue
        if in_head and story.title is None and _is_headline(line):
            story.title = line.text
            continue
        kept.append(line)
    return kept


def _is_headline(line: Line) -> bool:
    marked = line.headline_code or (line.ends_line and not line.indented)
    return marked and len(line.text.split()) <= 30 and not line.text.endswith(",")


def _with_role(name: str, after: list[Line]) -> str:
    name = name.strip(" ,=")
    following = next((line.text for line in after if line.text), "")
    if BYLINE_ROLE.match(following) and not DATELINE.match(following):
        return f"{name}, {following}"
    return name


def _is_role(text: str, byline: str) -> bool:
    return byline.endswith(f", {text}")


def _hard_wrapped(lines: list[Line]) -> bool:
    """Copy whose lines are wrapped at a fixed width, its paragraphs marked by indents or
    blank lines (IPTC 7901), rather than one paragraph per line (ANPA)."""
    widths = [len(line.text) for line in lines if line.text]
    if len(widths) < 3 or max(widths) > 100:
        return False
    unmarked = [line for line in lines if line.text and not line.indented and not line.ends_line]
    return len(unmarked) >= len(widths) / 3


def _paragraphs(lines: list[Line], *, wrapped: bool) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []
    ended = True
    for line in lines:
        if current and (not line.text or line.indented or ended or not wrapped):
            paragraphs.append(_joined(current))
            current = []
        if line.text:
            current.append(line.text)
        ended = line.ends_line or line.headline_code
    if current:
        paragraphs.append(_joined(current))
    return paragraphs


def _joined(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        if regex.search(r"\p{Ll}-$", text) and regex.match(r"\p{Ll}", part):
            text += part  # a word hyphenated at the wrap
        else:
            text += " " + part
    return text
