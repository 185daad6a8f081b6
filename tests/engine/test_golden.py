"""Golden files, one per rule family (golden/*.json): input text and expected JSON fragments.

A case lists what must be found (``hedges``, ``attributions``: each a fragment of the analysis
JSON that one finding must match), what must not (``no_hedges``, ``no_attributions``,
``no_cues``), and the sourcing label of each body sentence (``sentences``) or the role of every
sentence (``roles``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.engine.pipeline import LoadedPipeline

GOLDEN = Path(__file__).parent / "golden"
CASES = [
    pytest.param(case, id=f"{path.stem}-{i}")
    for path in sorted(GOLDEN.glob("*.json"))
    for i, case in enumerate(json.loads(path.read_text(encoding="utf-8"))["cases"])
]


def _flatten(item: dict[str, Any]) -> dict[str, Any]:
    """An attribution as flat text fields, to compare with a fragment."""
    flat = dict(item)
    flat["cue"] = item["cue"]["text"]
    flat["source"] = item["source"]["text"] if item["source"] else None
    return flat


def _matches(fragment: dict[str, Any], item: dict[str, Any]) -> bool:
    return all(item.get(key) == value for key, value in fragment.items())


@pytest.mark.parametrize("case", CASES)
def test_golden(pipeline: LoadedPipeline, case: dict[str, Any]) -> None:
    result = analyze_text(pipeline, case["text"]).to_json()
    hedges = result["hedges"]
    attributions = [_flatten(a) for a in result["attributions"]]
    for fragment in case.get("hedges", []):
        assert any(_matches(fragment, h) for h in hedges), (fragment, hedges)
    for word in case.get("no_hedges", []):
        assert not any(h["text"] == word for h in hedges), (word, hedges)
    for fragment in case.get("attributions", []):
        assert any(_matches(fragment, a) for a in attributions), (fragment, attributions)
    if case.get("no_attributions"):
        assert attributions == []
    for cue in case.get("no_cues", []):
        assert not any(a["cue"] == cue for a in attributions), (cue, attributions)
    claims = [s["sourcing"] for s in result["sentences"] if s["is_claim"]]
    if "sentences" in case:
        assert claims == case["sentences"]
    if "roles" in case:
        assert [s["role"] for s in result["sentences"]] == case["roles"]
    if "summary_sources" in case:
        assert [s["name"] for s in result["summary"]["sources"]] == case["summary_sources"]
    for key, value in case.get("layout", {}).items():
        assert result["layout"][key] == value
