"""Graded reading exercises: short articles written for practice, each with a reviewed answer key.

An exercise file is the gold format of ``readwise-desktop evaluate gold`` (``text``, ``sentences``
with their sourcing, ``hedges`` with their category) plus ``id``, ``title``, ``level`` (1 easy to
3 hard), ``topic`` and ``notes`` on the harder calls. The shipped ones are in
``data/exercises``; a teacher's own go in the data folder's ``exercises``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from readwise_desktop.app.paths import app_paths
from readwise_desktop.app.practice import StudentMark
from readwise_desktop.evaluation.gold import GoldArticle as GoldArticle
from readwise_desktop.evaluation.gold import GoldFormatError as GoldFormatError
from readwise_desktop.evaluation.gold import gold_from_record
from readwise_desktop.packaged import origin, packaged

SCHEMA = "readwise-desktop/exercise/1"


@dataclass(frozen=True, slots=True)
class Exercise:
    id: str
    title: str
    level: int
    topic: str
    notes: str
    key: GoldArticle
    origin: str

    @property
    def text(self) -> str:
        return self.key.text


def read_exercise(raw: str, origin: str) -> Exercise:
    """One exercise file; :class:`GoldFormatError` names the file when it is not one."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as err:
        raise GoldFormatError(f"{origin}: not JSON ({err.msg} at line {err.lineno})") from err
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise GoldFormatError(f"{origin}: not a readwise-desktop exercise (schema {SCHEMA})")
    level = data.get("level")
    if level not in (1, 2, 3):
        raise GoldFormatError(f"{origin}: level must be 1, 2 or 3")
    key = gold_from_record(data, origin)
    return Exercise(
        str(data.get("id") or Path(origin).stem),
        str(data.get("title", "")),
        int(level),
        str(data.get("topic", "")),
        str(data.get("notes", "")),
        key,
        origin,
    )


def shipped_exercises() -> list[Exercise]:
    folder = packaged("exercises")
    return [
        read_exercise(item.read_text("utf-8"), origin("exercises", item.name))
        for item in sorted(folder.iterdir(), key=lambda i: i.name)
        if item.name.endswith(".json")
    ]


def own_exercises() -> list[Exercise]:
    folder = app_paths().data / "exercises"
    if not folder.is_dir():
        return []
    return [read_exercise(p.read_text("utf-8"), str(p)) for p in sorted(folder.glob("*.json"))]


BLANK = "readwise-desktop/blank-exercise/1"
MARKS = "readwise-desktop/student-marks/1"


def blank_exercise(exercise: Exercise) -> str:
    """The exercise without its answer key, to hand out."""
    data = {"schema": BLANK, "id": exercise.id, "title": exercise.title, "text": exercise.text}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def marks_file(exercise_id: str, text: str, marks: list[StudentMark], student: str = "") -> str:
    """A student's marked-up reading, to hand in."""
    data = {
        "schema": MARKS,
        "exercise": exercise_id,
        "student": student,
        "text": text,
        "marks": [
            {"kind": m.kind, "start": m.start, "end": m.end, "label": m.label} for m in marks
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def read_marks(raw: str, origin: str) -> tuple[str, str, list[StudentMark]]:
    """(exercise id, text, marks) from a handed-in file; one sentence naming the file if bad."""
    try:
        data = json.loads(raw)
        if data.get("schema") != MARKS:
            raise ValueError(f"not a file of student marks (schema {MARKS})")
        text = str(data["text"])
        marks = [
            StudentMark(str(m["kind"]), int(m["start"]), int(m["end"]), str(m["label"]))
            for m in data["marks"]
        ]
        if any(not 0 <= m.start < m.end <= len(text) for m in marks):
            raise ValueError("a mark lies outside the text")
        return str(data["exercise"]), text, marks
    except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as err:
        raise GoldFormatError(f"{origin}: {err}") from err
