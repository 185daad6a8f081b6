"""Gold labels of articles that are not ours to commit: the text comes from elsewhere, by id,
and must be the very text the labels were made on."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from readwise_desktop.evaluation.gold import GoldFormatError, needs_texts, read_gold

TEXT = "Officials said the bridge may close.\nIt opened in 1901.\n"


def _labels(tmp_path: Path, text: str = TEXT) -> Path:
    record = {
        "id": "wn_test_1",
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "sentences": [
            {"start": 0, "end": 36, "sourcing": "UNNAMED_OFFICIAL"},
            {"start": 37, "end": 55, "sourcing": "UNSOURCED"},
        ],
        "hedges": [{"start": 26, "end": 29, "category": "MODAL"}],
    }
    path = tmp_path / "labels.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def test_labels_take_their_text_by_id(tmp_path: Path) -> None:
    path = _labels(tmp_path)
    assert needs_texts(path)
    (article,) = read_gold(path, {"wn_test_1": TEXT})
    assert article.text[26:29] == "may" and article.sentences[1].sourcing == "UNSOURCED"


def test_another_text_or_none_is_refused_in_one_sentence(tmp_path: Path) -> None:
    path = _labels(tmp_path)
    with pytest.raises(GoldFormatError, match="not the one these labels were made on"):
        list(read_gold(path, {"wn_test_1": TEXT.replace("1901", "1902")}))
    with pytest.raises(GoldFormatError, match="no text for article 'wn_test_1'"):
        list(read_gold(path))
