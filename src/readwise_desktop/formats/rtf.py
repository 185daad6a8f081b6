"""RTF documents, read with a small tokenizer of our own (no library needed).

Text outside the document's tables of fonts, colours and styles, its pictures, fields'
instructions, headers and footers is kept; ``\\par`` ends a paragraph, a table row is one line
with its cells separated by " | ". ``\\'hh`` bytes are decoded in the document's code page and
``\\uN`` as Unicode. The ``{\\info}`` title is used when it is plausible; its author is not.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from readwise_desktop.formats.article import Article, compose
from readwise_desktop.formats.bylines import plausible_title, split_byline
from readwise_desktop.formats.decoding import InputError

WHAT = "RTF document"
TOKEN = regex.compile(
    r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])"
    r"|[\r\n]+|([^\\{}\r\n]+)"
)
SKIPPED = frozenset(
    {
        "fonttbl", "colortbl", "stylesheet", "pict", "object", "header", "footer", "headerl",
        "headerr", "headerf", "footerl", "footerr", "footerf", "fldinst", "xmlnstbl", "rsidtbl",
        "generator", "listtable", "listoverridetable", "themedata", "colorschememapping",
        "latentstyles", "datastore", "pgdsctbl", "filetbl", "revtbl", "bkmkstart", "bkmkend",
        "author", "operator", "company", "keywords", "comment", "doccomm", "subject", "nonshppict",
        "shppict", "sp", "sn", "sv", "template", "userprops", "mmathPr", "ftnsep", "ftnsepc",
    }
)  # fmt: skip
SYMBOLS = {
    "emdash": "—", "endash": "–", "lquote": "‘", "rquote": "’", "ldblquote": "“",
    "rdblquote": "”", "bullet": "•", "tab": " ", "line": " ", "cell": " | ", "emspace": " ",
    "enspace": " ", "qmspace": " ",
}  # fmt: skip
ESCAPES = {"~": "\u00a0", "_": "\u2011", "-": "", "\\": "\\", "{": "{", "}": "}"}
MAX_DEPTH = 400


@dataclass
class Group:
    skip: bool = False
    uc: int = 1
    title: bool = False


@dataclass
class Reader:
    codepage: str = "cp1252"
    paragraphs: list[str] = field(default_factory=list)
    current: list[str] = field(default_factory=list)
    pending: bytearray = field(default_factory=bytearray)
    title: list[str] = field(default_factory=list)
    skip_chars: int = 0

    def emit(self, group: Group, text: str) -> None:
        self.flush_bytes(group)
        if self.skip_chars:
            dropped = min(self.skip_chars, len(text))
            self.skip_chars -= dropped
            text = text[dropped:]
        if not group.skip:
            (self.title if group.title else self.current).append(text)

    def flush_bytes(self, group: Group) -> None:
        if self.pending:
            raw, self.pending = bytes(self.pending), bytearray()
            if not group.skip:
                (self.title if group.title else self.current).append(
                    raw.decode(self.codepage, errors="replace")
                )

    def end_paragraph(self, group: Group) -> None:
        self.flush_bytes(group)
        text = " ".join("".join(self.current).split()).strip(" |")
        if text:
            self.paragraphs.append(text)
        self.current = []


def rtf_article(data: bytes, file: str | None = None) -> Article:
    """The paragraphs of an RTF document, with its plausible title."""
    reader = read_rtf(data.decode("latin-1"))
    if not reader.paragraphs:
        raise InputError("the RTF document has no text")
    title = plausible_title(" ".join("".join(reader.title).split()))
    paragraphs = reader.paragraphs
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    byline, paragraphs = split_byline(paragraphs)
    return compose(paragraphs or reader.paragraphs, WHAT, title=title, byline=byline, file=file)


def read_rtf(source: str) -> Reader:
    reader = Reader()
    stack = [Group()]
    star = False
    for match in TOKEN.finditer(source):
        word, arg, hexbyte, symbol, brace, text = match.groups()
        group = stack[-1]
        if brace == "{":
            if len(stack) > MAX_DEPTH:
                raise InputError("the RTF document is nested too deeply to read")
            stack.append(Group(group.skip, group.uc, group.title))
        elif brace == "}":
            reader.flush_bytes(group)
            if len(stack) > 1:
                stack.pop()
        elif hexbyte:
            if reader.skip_chars:
                reader.skip_chars -= 1
            elif not group.skip:
                reader.pending.append(int(hexbyte, 16))
        elif symbol:
            star = symbol == "*" or star
            if symbol != "*":
                reader.emit(group, ESCAPES.get(symbol, ""))
        elif word:
            _control(reader, group, word, arg, star)
            star = False
        elif text:
            reader.emit(group, text)
    reader.end_paragraph(stack[-1])
    return reader


def _control(reader: Reader, group: Group, word: str, arg: str | None, star: bool) -> None:
    if star or word in SKIPPED:
        reader.flush_bytes(group)
        group.skip = True
    elif word == "title":
        group.title = True
    elif word == "ansicpg" and arg:
        reader.codepage = _codepage(arg)
    elif word == "uc" and arg:
        group.uc = max(0, int(arg))
    elif word == "u" and arg:
        reader.emit(group, chr(int(arg) % 65536))
        reader.skip_chars = group.uc
    elif word in ("par", "row", "sect", "page"):
        reader.end_paragraph(group)
    elif word in SYMBOLS:
        reader.emit(group, SYMBOLS[word])


def _codepage(arg: str) -> str:
    name = f"cp{int(arg)}"
    try:
        "".encode(name)
    except LookupError:
        return "cp1252"
    return name
