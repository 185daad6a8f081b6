"""Claims: every body sentence, labelled with how it is sourced (taxonomy, section 3).

An attribution covers the sentence that holds its cue and carries on to the sentences that
continue the same report: a quotation that runs on, or the paragraphs a colon introduces
("The New York Times reports:"). A claim covered by several attributions takes the most specific.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from readwise_desktop.engine.attribution.candidates import Candidate
from readwise_desktop.engine.results import (
    GROUPS,
    SOURCING_LABELS,
    UNSOURCED,
    Attribution,
    Hedge,
    HedgeCategory,
    Layout,
    Sentence,
    SentenceRole,
    SourceCount,
    SourceType,
    Summary,
    TextSpan,
    group_of,
)
from readwise_desktop.engine.text.quotes import Quote
from readwise_desktop.engine.text.ranges import CharRange


def sentence_ranges(text: str, starts: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence (start, end) ranges stripped of white space, empty ones dropped.

    A piece with no letter or digit (a closing quote mark the segmenter cut off) joins the
    sentence before it when nothing but spaces lies between them on the same line; one that
    opens a line (a paragraph's opening quote mark) joins the sentence after it instead.
    """
    out: list[tuple[int, int]] = []
    opening: tuple[int, int] | None = None  # a mark that opens a line, waiting for its sentence
    for start, end in starts:
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        left = start + len(chunk) - len(chunk.lstrip())
        right = left + len(stripped)
        bare = not any(ch.isalnum() for ch in stripped)
        if bare and out and "\n" not in text[out[-1][1] : left]:
            out[-1] = (out[-1][0], right)
            continue
        if bare and opening is None:
            opening = (left, right)
            continue
        out.append((left if opening is None else opening[0], right))
        opening = None
    if opening is not None:
        out.append(opening)
    return out


def roles(
    ranges: list[tuple[int, int]],
    layout: Layout,
    credits: list[TextSpan],
    notes: Sequence[TextSpan] = (),
) -> list[SentenceRole]:
    furniture = [
        (layout.title, SentenceRole.HEADLINE),
        (layout.byline, SentenceRole.BYLINE),
        (layout.dateline, SentenceRole.DATELINE),
    ]
    furniture += [(c, SentenceRole.BYLINE) for c in credits]
    furniture += [(n, SentenceRole.NOTE) for n in notes]
    out = []
    for start, end in ranges:
        role = SentenceRole.BODY
        for span, kind in furniture:
            if span is not None and span.start <= start and end <= span.end:
                role = kind
        out.append(role)
    return out


class SentenceIndex:
    """Sentence ranges with bisect lookups: which sentence holds a position, which overlap."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.ranges = ranges
        self.starts = [start for start, _ in ranges]

    def of(self, at: int) -> int | None:
        i = bisect.bisect_right(self.starts, at) - 1
        return i if i >= 0 and self.ranges[i][0] <= at < self.ranges[i][1] else None

    def overlapping(self, start: int, end: int) -> set[int]:
        first = max(0, bisect.bisect_right(self.starts, start) - 1)
        last = bisect.bisect_left(self.starts, end)
        return {
            i for i in range(first, last) if self.ranges[i][0] < end and start < self.ranges[i][1]
        }


def _in_note(index: SentenceIndex, sentence_roles: list[SentenceRole], content: CharRange) -> bool:
    """An attribution whose content is an editorial line (a map legend) reports nothing; a
    pull-quote signature ("—Troy Roberts") still signs the quotation before it."""
    home = index.of(content[0])
    return home is not None and sentence_roles[home] is SentenceRole.NOTE


def build_claims(
    text: str,
    ranges: list[tuple[int, int]],
    sentence_roles: list[SentenceRole],
    found: list[tuple[Candidate, TextSpan, TextSpan | None]],
    hedges: list[Hedge],
    quotes: list[Quote],
) -> tuple[tuple[Sentence, ...], tuple[Attribution, ...], Summary]:
    index = SentenceIndex(ranges)
    quote_starts = [q.start for q in quotes]
    found = [f for f in found if not _in_note(index, sentence_roles, f[0].content)]
    attributions = tuple(
        _attribution(
            text, index, f, cue, src, quotes, quote_starts, _reported(text, cue, src, hedges)
        )
        for f, cue, src in found
    )
    attributions = _carry_quotations(text, index, attributions, quotes)
    covering: dict[int, list[int]] = {}
    for k, attribution in enumerate(attributions):
        for i in attribution.sentences:
            covering.setdefault(i, []).append(k)
    in_sentence: dict[int, list[int]] = {}
    for k, hedge in enumerate(hedges):
        home = index.of(hedge.start)
        if home is not None and hedge.end <= ranges[home][1]:
            in_sentence.setdefault(home, []).append(k)
    sentences = []
    for i, ((start, end), role) in enumerate(zip(ranges, sentence_roles, strict=True)):
        inside = tuple(in_sentence.get(i, ()))
        if role is not SentenceRole.BODY:
            sentences.append(Sentence(start, end, role, None, None, inside))
            continue
        best = _most_specific(attributions, covering.get(i, []), i)
        label = attributions[best].source_type.value if best is not None else UNSOURCED
        sentences.append(Sentence(start, end, role, label, best, inside))
    return tuple(sentences), attributions, summarise(sentences, attributions, hedges)


def _attribution(
    text: str,
    index: SentenceIndex,
    found: Candidate,
    cue: TextSpan,
    source: TextSpan | None,
    quotes: list[Quote],
    quote_starts: list[int],
    second_hand: bool = False,
) -> Attribution:
    home = index.of(cue.start)
    covered = {home} if home is not None else set()
    content = found.content
    covered |= index.overlapping(*content)
    lo, hi = min(cue.start, content[0]), max(cue.end, content[1])
    first = max(0, bisect.bisect_right(quote_starts, lo) - 1)
    for quote in quotes[first : bisect.bisect_right(quote_starts, hi + 3)]:
        near = quote.start <= cue.end + 3 and cue.start - 3 <= quote.end
        near = near and "\n" not in text[min(quote.end, cue.end) : max(quote.start, cue.start)]
        if near or (content[0] < quote.end and quote.start < content[1]):
            covered |= index.overlapping(quote.start, quote.end)
    ranges = index.ranges
    if home is not None and text[ranges[home][0] : ranges[home][1]].rstrip().endswith(":"):
        covered |= _introduced_by_colon(index, home, quotes, quote_starts)
    return Attribution(
        cue,
        source,
        found.typed,
        found.source_name,
        found.stance,
        content,
        tuple(sorted(covered)),
        found.rule_id,
        found.explanation,
        second_hand,
    )


def _carry_quotations(
    text: str,
    index: SentenceIndex,
    attributions: tuple[Attribution, ...],
    quotes: list[Quote],
) -> tuple[Attribution, ...]:
    """A quotation that follows a quoted speaker's sentence in the same paragraph, with no
    cue of its own, is still theirs, every sentence of it: '"Back then ...," Tipton observed.
    "I'm overwhelmed. I never expected it."'"""
    ranges = index.ranges
    opening = {q.start: q for q in quotes}
    quoted = {index.of(q) for q in opening}
    taken = {i for a in attributions for i in a.sentences}
    out = list(attributions)
    for k, attribution in enumerate(attributions):
        if quoted.isdisjoint(attribution.sentences):
            continue  # carries on only from a quoted sentence
        extra: set[int] = set()
        i = max(attribution.sentences) + 1
        while i < len(ranges) and i not in taken and ranges[i][0] in opening:
            if "\n" in text[ranges[i - 1][1] : ranges[i][0]]:
                break  # a new paragraph
            quote = opening[ranges[i][0]]
            inside = {j for j in index.overlapping(quote.start, quote.end) if j not in taken}
            extra |= inside | {i}
            i = max(extra) + 1
        if extra:
            taken |= extra
            out[k] = replace(attribution, sentences=tuple(sorted({*attribution.sentences, *extra})))
    return tuple(out)


def _reported(text: str, cue: TextSpan, source: TextSpan | None, hedges: list[Hedge]) -> bool:
    """A named source with a reportative hedge on its cue ("Morris reportedly told"): the
    words are the writer's report of what the source said, not the source's own."""
    if source is None:
        return False
    for hedge in hedges:
        if hedge.category is HedgeCategory.REPORTATIVE and hedge.end <= cue.start:
            between = text[hedge.end : cue.start]
            if hedge.start >= source.end and not between.strip():
                return True
    return False


def _introduced_by_colon(
    index: SentenceIndex, home: int, quotes: list[Quote], quote_starts: list[int]
) -> set[int]:
    if home + 1 >= len(index.ranges):
        return set()
    nxt = index.ranges[home + 1]
    out = {home + 1}
    k = bisect.bisect_right(quote_starts, nxt[0]) - 1
    if k >= 0 and quotes[k].start <= nxt[0] < quotes[k].end:
        out |= index.overlapping(quotes[k].start, quotes[k].end)
    return out


def _most_specific(
    attributions: Sequence[Attribution], covering: list[int], sentence: int
) -> int | None:
    if not covering:
        return None
    return min(
        covering,
        key=lambda i: (
            attributions[i].source_type.precedence,
            attributions[i].sentences[0] != sentence,
            i,
        ),
    )


def summarise(
    sentences: Sequence[Sentence], attributions: Sequence[Attribution], hedges: Sequence[Hedge]
) -> Summary:
    claims = [s for s in sentences if s.is_claim]
    by_label = Counter(s.sourcing for s in claims)
    by_sourcing = {label: by_label.get(label, 0) for label in SOURCING_LABELS}
    by_group = dict.fromkeys(GROUPS, 0)
    for label, count in by_sourcing.items():
        by_group[group_of(label)] += count
    cats = Counter(h.category for h in hedges)
    hedges_by_category = {c.value: cats.get(c, 0) for c in HedgeCategory}
    per_source: Counter[tuple[str, str]] = Counter()
    for s in claims:
        if s.attribution is not None:
            a = attributions[s.attribution]
            per_source[(a.display_source, a.source_type.value)] += 1
    sources = tuple(
        SourceCount(name, SourceType(kind), n)
        for (name, kind), n in sorted(
            per_source.items(), key=lambda kv: (-kv[1], SourceType(kv[0][1]).precedence)
        )
    )
    return Summary(len(claims), by_sourcing, by_group, hedges_by_category, sources)
