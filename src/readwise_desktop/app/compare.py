"""Compare two versions of a story: which claims gained or lost a source, which hedges were added
or removed, which sources appeared or vanished.

Claims are aligned by their words (``difflib``): a claim of the new version is the same claim as
an old one when at least 60 % of its words match in order. Wire copy is rewritten through the
day, so a claim may be reworded and still be followed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from readwise_desktop.engine.results import UNSOURCED, Analysis
from readwise_desktop.export.text_report import readable_label

SAME_CLAIM = 0.6


@dataclass(frozen=True, slots=True)
class ClaimChange:
    kind: str  # "gained a source", "lost a source", "source changed", "added", "removed"
    old: str | None
    new: str | None
    old_label: str | None
    new_label: str | None
    old_source: str | None = None
    new_source: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(frozen=True, slots=True)
class HedgeChange:
    kind: str  # "added" or "removed"
    text: str
    category: str
    claim: str

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(frozen=True, slots=True)
class Comparison:
    claims: tuple[ClaimChange, ...]
    hedges: tuple[HedgeChange, ...]
    sources_appeared: tuple[str, ...]
    sources_vanished: tuple[str, ...]
    counts: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "claims": [c.to_json() for c in self.claims],
            "hedges": [h.to_json() for h in self.hedges],
            "sources_appeared": list(self.sources_appeared),
            "sources_vanished": list(self.sources_vanished),
            "counts": dict(self.counts),
        }


@dataclass(frozen=True, slots=True)
class _Claim:
    text: str
    label: str
    source: str | None
    hedges: tuple[tuple[str, str], ...]


def _claims(analysis: Analysis) -> list[_Claim]:
    out = []
    for _, s in analysis.claims():
        a = analysis.attributions[s.attribution] if s.attribution is not None else None
        hedges = tuple(
            (analysis.hedges[h].text.lower(), analysis.hedges[h].category.value) for h in s.hedges
        )
        text = " ".join(analysis.text[s.start : s.end].split())
        out.append(_Claim(text, s.sourcing or UNSOURCED, a.display_source if a else None, hedges))
    return out


def _words(text: str) -> list[str]:
    return [w.strip(".,;:!?\"'“”‘’()").lower() for w in text.split()]


def _similar(a: str, b: str) -> float:
    """How alike two claims are: the share of words in order, or, when one claim is the other
    cut short or extended ("Talks collapsed." / "Talks collapsed, Berg said."), the share of the
    shorter one that the longer one keeps."""
    wa, wb = _words(a), _words(b)
    matcher = SequenceMatcher(None, wa, wb, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    shorter, longer = sorted((len(wa), len(wb)))
    contained = 0.9 * shared / shorter if shorter and shared / longer >= 0.3 else 0.0
    return max(matcher.ratio(), contained)


def _align(old: list[_Claim], new: list[_Claim]) -> list[tuple[_Claim | None, _Claim | None]]:
    """Pairs of the same claim in both versions, and the claims only one version has."""
    pairs: list[tuple[_Claim | None, _Claim | None]] = []
    used: set[int] = set()
    start = 0
    for claim in new:
        best, best_score = None, SAME_CLAIM
        for i in range(start, len(old)):
            if i not in used and (score := _similar(old[i].text, claim.text)) >= best_score:
                best, best_score = i, score
        if best is None:
            pairs.append((None, claim))
            continue
        pairs += [(old[i], None) for i in range(start, best) if i not in used]
        used.add(best)
        start = best + 1
        pairs.append((old[best], claim))
    pairs += [(old[i], None) for i in range(start, len(old)) if i not in used]
    return pairs


def _claim_change(old: _Claim | None, new: _Claim | None) -> ClaimChange | None:
    if old is None or new is None:
        kind = "added" if old is None else "removed"
        return ClaimChange(
            kind,
            old.text if old else None,
            new.text if new else None,
            old.label if old else None,
            new.label if new else None,
            old.source if old else None,
            new.source if new else None,
        )
    if old.label == UNSOURCED and new.label != UNSOURCED:
        kind = "gained a source"
    elif old.label != UNSOURCED and new.label == UNSOURCED:
        kind = "lost a source"
    elif old.label != new.label or old.source != new.source:
        kind = "source changed"
    else:
        return None
    return ClaimChange(kind, old.text, new.text, old.label, new.label, old.source, new.source)


def _hedge_changes(old: _Claim | None, new: _Claim | None) -> list[HedgeChange]:
    before = Counter(old.hedges if old else ())
    after = Counter(new.hedges if new else ())
    one = new or old
    claim = one.text if one is not None else ""
    out = [
        HedgeChange("added", t, c, claim)
        for (t, c), n in (after - before).items()
        for _ in range(n)
    ]
    out += [
        HedgeChange("removed", t, c, claim)
        for (t, c), n in (before - after).items()
        for _ in range(n)
    ]
    return out


def compare(old: Analysis, new: Analysis) -> Comparison:
    pairs = _align(_claims(old), _claims(new))
    claims = tuple(c for o, n in pairs if (c := _claim_change(o, n)) is not None)
    hedges = tuple(h for o, n in pairs for h in _hedge_changes(o, n))
    old_sources = {s.name for s in old.summary.sources}
    new_sources = {s.name for s in new.summary.sources}
    counts = Counter(c.kind for c in claims)
    counts.update(f"hedges {h.kind}" for h in hedges)
    return Comparison(
        claims,
        hedges,
        tuple(sorted(new_sources - old_sources)),
        tuple(sorted(old_sources - new_sources)),
        dict(counts),
    )


def comparison_report(result: Comparison, old_name: str, new_name: str) -> str:
    lines = [f"Comparing {old_name} (old) with {new_name} (new)", ""]
    if not (result.claims or result.hedges or result.sources_appeared or result.sources_vanished):
        return "\n".join([*lines, "No change in sourcing or hedging."]) + "\n"
    for change in result.claims:
        old_label = readable_label(change.old_label) if change.old_label else ""
        new_label = readable_label(change.new_label) if change.new_label else ""
        if change.kind in ("added", "removed"):
            label = new_label or old_label
            lines.append(f"[{change.kind}] ({label}) {change.new or change.old}")
        else:
            was = f"{old_label}" + (f": {change.old_source}" if change.old_source else "")
            now = f"{new_label}" + (f": {change.new_source}" if change.new_source else "")
            lines.append(f"[{change.kind}] {was} → {now}")
            lines.append(f"    {change.new}")
    for hedge in result.hedges:
        lines.append(
            f"[hedge {hedge.kind}] “{hedge.text}” ({hedge.category.lower()}) in: {hedge.claim}"
        )
    if result.sources_appeared:
        lines.append("Sources that appeared: " + "; ".join(result.sources_appeared))
    if result.sources_vanished:
        lines.append("Sources that vanished: " + "; ".join(result.sources_vanished))
    return "\n".join(lines) + "\n"
