"""Run an evaluation over a data set and turn the scores into rows, errors and JSON."""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.engine.pipeline import LoadedPipeline
from readwise_desktop.evaluation import conll2010, gold, polnear
from readwise_desktop.evaluation.scoring import Counts

POLNEAR_FILE = "polnear/polnear_{split}.jsonl"
WIKI_FILE = "szeged_uncertainty/szeged_wiki_conll2010eval.jsonl"
Tick = Callable[[int], None]


@dataclass(slots=True)
class Report:
    """What an evaluation prints: scored rows, accuracy lines, and the errors by rule."""

    name: str
    documents: int = 0
    seconds: float = 0.0
    rows: list[tuple[str, Counts]] = field(default_factory=list)
    extra: list[tuple[str, float]] = field(default_factory=list)
    false_alarms: Counter[str] = field(default_factory=Counter)
    misses: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)
    matrix: list[str] = field(default_factory=list)  # a confusion matrix, as lines

    def to_json(self) -> dict[str, object]:
        return {
            "evaluation": self.name,
            "documents": self.documents,
            "seconds": round(self.seconds, 1),
            "scores": {name: counts.to_json() for name, counts in self.rows},
            "accuracy": {name: round(100 * value, 1) for name, value in self.extra},
            "false_alarms_by_rule": dict(self.false_alarms.most_common()),
            "misses_by_text": dict(self.misses.most_common(50)),
            **({"confusion_matrix": self.matrix} if self.matrix else {}),
        }


def run_polnear(
    pipeline: LoadedPipeline, data: Path, split: str, limit: int | None, tick: Tick | None = None
) -> Report:
    scores = polnear.PolnearScores()
    started = time.perf_counter()
    path = data / POLNEAR_FILE.format(split=split)
    for n, doc in enumerate(polnear.read_polnear(path, limit), start=1):
        polnear.score_document(doc, analyze_text(pipeline, doc.text), scores)
        if tick:
            tick(n)
    report = Report(f"PolNeAR {split}", scores.documents, time.perf_counter() - started)
    for role in polnear.ROLES:
        for mode in ("exact", "overlap"):
            report.rows.append((f"{role} {mode}", scores.counts_for(role, mode)))
    for f in scores.findings:
        if f.kind == "false alarm":
            report.false_alarms[f"{f.role}: {f.rule_id}"] += 1
        else:
            report.misses[f"{f.role}: {f.text.lower()[:40]}"] += 1
    return report


def run_conll2010(
    pipeline: LoadedPipeline, data: Path, split: str, limit: int | None, tick: Tick | None = None
) -> Report:
    scores = conll2010.UncertaintyScores()
    started = time.perf_counter()
    for n, doc in enumerate(conll2010.read_wiki(data / WIKI_FILE, split, limit), start=1):
        conll2010.score_document(doc, analyze_text(pipeline, doc.text), scores)
        if tick:
            tick(n)
    report = Report(f"CoNLL-2010 Wikipedia {split}", scores.documents)
    report.seconds = time.perf_counter() - started
    report.rows = [
        ("uncertain sentences (CoNLL-2010)", scores.sentences),
        ("  same, numeric approximators left out", scores.sentences_no_numbers),
        ("uncertainty cues, overlap (Szeged)", scores.cues),
    ]
    report.false_alarms.update(rule for rule, _, _ in scores.false_alarms)
    report.examples = [f"missed: {text[:150]}" for _, text in scores.misses[:20]]
    return report


def run_gold(
    pipeline: LoadedPipeline,
    path: Path,
    limit: int | None,
    tick: Tick | None = None,
    data: Path | None = None,
) -> Report:
    """Score a gold file; labels without their text read it from the Wikinews folder in
    ``data`` (by article id, checked by hash)."""
    scores = gold.GoldScores()
    started = time.perf_counter()
    texts = wikinews_texts(data) if data is not None and gold.needs_texts(path) else None
    for n, article in enumerate(gold.read_gold(path, texts), start=1):
        if limit is not None and n > limit:
            break
        gold.score_article(article, analyze_text(pipeline, article.text), scores)
        if tick:
            tick(n)
    report = Report(f"gold {path.name}", scores.documents, time.perf_counter() - started)
    report.rows = [
        ("hedges exact", scores.hedges_exact),
        ("hedges overlap", scores.hedges_overlap),
        ("hedges overlap + category", scores.hedges_category),
    ]
    report.rows += [(f"sourcing {k}", c) for k, c in sorted(scores.labels.per_label.items())]
    report.extra = [
        ("sentence label accuracy (7 labels)", scores.labels.accuracy),
        ("sentence label macro-F1 (7 labels)", scores.labels.macro_f1),
        ("sentence group accuracy (3 groups)", scores.groups.accuracy),
        ("sentence group macro-F1 (3 groups)", scores.groups.macro_f1),
    ]
    report.matrix = confusion_lines(scores)
    report.misses.update(f"{g} read as {p}" for _, g, p, _ in scores.confusions)
    report.examples = [f"{g} read as {p}: {t[:120]}" for _, g, p, t in scores.confusions[:20]]
    return report


def format_report(report: Report, errors: int = 0) -> str:
    lines = [f"{report.name}: {report.documents} documents in {report.seconds:.1f} s", ""]
    lines.append(f"{'':38}{'P':>7}{'R':>7}{'F1':>7}{'TP':>7}{'FP':>7}{'FN':>7}")
    for name, c in report.rows:
        lines.append(
            f"{name:38}{100 * c.precision:7.1f}{100 * c.recall:7.1f}{100 * c.f1:7.1f}"
            f"{c.tp:7}{c.fp:7}{c.fn:7}"
        )
    for name, value in report.extra:
        lines.append(f"{name:38}{100 * value:7.1f}")
    if report.matrix:
        lines += ["", *report.matrix]
    if errors:
        lines += ["", f"False alarms by rule (top {errors}):"]
        lines += [f"  {n:5}  {rule}" for rule, n in report.false_alarms.most_common(errors)]
        lines += ["", f"Misses (top {errors}):"]
        lines += [f"  {n:5}  {text}" for text, n in report.misses.most_common(errors)]
        lines += ["", *report.examples[:errors]] if report.examples else []
    return "\n".join(lines) + "\n"


WIKINEWS_FILE = "wikinews_2019_2020/wikinews_2019_2020.jsonl"
SHORT = {
    "NAMED_PERSON": "person",
    "NAMED_ORGANISATION": "org",
    "DOCUMENT": "doc",
    "UNNAMED_OFFICIAL": "official",
    "ANONYMOUS": "anon",
    "VAGUE": "vague",
    "UNSOURCED": "none",
}


def wikinews_texts(data: Path) -> dict[str, str]:
    """Article id -> text of the Wikinews folder's articles (empty when it is absent)."""
    path = data / WIKINEWS_FILE
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return {str(r["id"]): str(r["text"]) for r in records}


def confusion_lines(scores: gold.GoldScores) -> list[str]:
    """The seven labels' confusion matrix: a row per gold label, a column per prediction."""
    labels = list(SHORT)
    head = f"{'gold / predicted':18}" + "".join(f"{SHORT[p]:>9}" for p in labels)
    rows = [f"{SHORT[g]:18}" + "".join(f"{scores.matrix[g, p]:9}" for p in labels) for g in labels]
    return [head, *rows]
