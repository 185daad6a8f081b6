"""Checks on the metadata libraries hand us: a byline must name people, a title must be a title.

trafilatura, python-docx and PDF producers fill their fields with whatever they find: a
login ("Username"), a placeholder ("No Author", "Word Document"), a label without a name
("Article by"), a name run into a date ("CBS News February"), a CMS ("escenic"). Such values
are dropped, so the headline and byline the engine keeps are the story's own.
"""

from __future__ import annotations

import regex

JUNK_BYLINES = frozenset(
    {
        "username", "user", "admin", "administrator", "no author", "author", "unknown",
        "unknown author", "anonymous", "article by", "posted by", "written by", "by", "guest",
        "editor", "webmaster", "none", "null", "n/a", "na", "root", "default", "system",
        "microsoft office user", "python-docx", "owner", "windows user", "user name",
    }
)  # fmt: skip
PLACEHOLDER_TITLES = frozenset(
    {
        "word document", "untitled", "untitled document", "document", "document1", "home",
        "index", "escenic", "wordpress", "drupal", "joomla", "microsoft word", "new document",
        "powerpoint presentation", "title", "no title", "article", "news", "page",
    }
)  # fmt: skip
MONTH = regex.compile(
    r"\b(?:January|February|September|October|November|December|Jan|Feb|Sept?|Oct|Nov|Dec)\b"
)  # not May, June, April or August: they are names too
NOT_A_NAME = regex.compile(r"[\d@/\\|<>{}=_#]|https?:|www\.|\.(?:com|org|net|exe|docx?|pdf)\b")
DANGLING = regex.compile(r"(?i)\b(?:by|and|of|from|for|the)$")
MAX_BYLINE_WORDS = 12


def plausible_byline(value: str | None) -> str | None:
    """``value`` when it can be the names of the story's writers, else None."""
    if not value:
        return None
    text = " ".join(value.split()).strip(" ,;:-|")
    text = str(regex.sub(r"(?i)^by\s+", "", text))
    if not text or text.lower() in JUNK_BYLINES or DANGLING.search(text):
        return None
    if NOT_A_NAME.search(text) or MONTH.search(text) or not regex.search(r"\p{L}{2}", text):
        return None
    words = text.split()
    if len(words) > MAX_BYLINE_WORDS or (len(words) == 1 and text.islower()):
        return None
    return text


def plausible_title(value: str | None, site: str | None = None) -> str | None:
    """``value`` when it can be a headline: not a placeholder, a file name or the site's name."""
    if not value:
        return None
    text = " ".join(value.split())
    lowered = text.lower()
    if not text or lowered in PLACEHOLDER_TITLES or (site and lowered == site.strip().lower()):
        return None
    if regex.fullmatch(r"[\w.-]+\.(?:exe|docx?|pdf|rtf|odt|txt|html?|indd|qxd)", lowered):
        return None  # a file name
    if regex.fullmatch(r"[a-z0-9_.-]+", text) and ("_" in text or " " not in text):
        return None  # a login, a slug or a CMS name: "i_heart_word", "escenic"
    return text


def page_title_of(found: str | None, site: str | None, *fallbacks: str | None) -> str | None:
    """The first plausible title among what trafilatura found and the page's own headings."""
    for candidate in (found, *fallbacks):
        title = plausible_title(candidate, site)
        if title:
            return title
    return None


BY_LINE = regex.compile(r"^(?:By|BY)\s+(.{2,120})$")


def split_byline(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """A plausible "By ..." first paragraph as the byline, and the paragraphs after it."""
    found = BY_LINE.match(paragraphs[0]) if paragraphs else None
    byline = plausible_byline(found[1]) if found else None
    return (byline, paragraphs[1:]) if byline else (None, paragraphs)
