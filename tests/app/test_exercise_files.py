"""Exercise files a teacher hands out and students hand in."""

from __future__ import annotations

import json

import pytest

from readwise_desktop.app.exercises import (
    blank_exercise,
    marks_file,
    read_marks,
    shipped_exercises,
)
from readwise_desktop.app.practice import HEDGE, StudentMark
from readwise_desktop.evaluation.gold import GoldFormatError


def test_blank_and_marks_round_trip() -> None:
    exercise = shipped_exercises()[0]
    blank = json.loads(blank_exercise(exercise))
    assert set(blank) == {"schema", "id", "title", "text"}
    marks = [StudentMark(HEDGE, 0, 5, "MODAL")]
    exercise_id, text, read = read_marks(marks_file(exercise.id, exercise.text, marks), "m.json")
    assert (exercise_id, text, read) == (exercise.id, exercise.text, marks)


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("{", "m.json"),
        ('{"schema": "x"}', "not a file of student marks"),
        (
            '{"schema": "readwise-desktop/student-marks/1", "exercise": "e", "text": "ab",'
            ' "marks": [{"kind": "hedge", "start": 1, "end": 9, "label": "MODAL"}]}',
            "outside the text",
        ),
    ],
)
def test_bad_marks_files(raw: str, words: str) -> None:
    with pytest.raises(GoldFormatError, match=words):
        read_marks(raw, "m.json")
