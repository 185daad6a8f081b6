"""Issue 19, points 2 and 3: runs of punctuation or emoji without a space, and one very long
paragraph, finish in bounded time and memory. Each text is analysed in a fresh process, so the
peak resident memory (``ru_maxrss``) is that text's own.

Run: ``python -m pytest tests/benchmarks/test_hostile_text.py -m benchmark -s``
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

MEASURE = """
import json, resource, sys, time
from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.engine.pipeline import load_pipeline
text = sys.stdin.read()
pipeline = load_pipeline(None)
analyze_text(pipeline, "Officials said the port may close.")
loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
analysis = analyze_text(pipeline, text) if text else None
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "loaded_mb": loaded / 1024, "peak_mb": peak / 1024,
                  "sentences": len(analysis.sentences) if analysis else 0}))
"""
SENTENCE = "The minister said the talks may resume on Monday, officials reported. "


def measure(text: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", MEASURE], input=text, capture_output=True, text=True, check=True
    )
    return dict(json.loads(done.stdout))


HOSTILE = {
    "20,000 ( said 20,000 )": "(" * 20_000 + "said" + ")" * 20_000,
    "10,000 [": "[" * 10_000,
    '20,000 "': '"' * 20_000,
    "10,000 family emoji": "👨‍👩‍👧‍👦" * 10_000,
    "300 KB of '*a '": "*a " * 100_000,
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_runs_are_bounded(name: str) -> None:
    text = HOSTILE[name]
    figures = measure(text)
    per_10kb = figures["seconds"] / (len(text.encode("utf-8")) / 10_000)
    print(
        f"\n{name}: {len(text.encode('utf-8')) / 1000:.0f} KB in {figures['seconds']:.1f} s "
        f"({per_10kb:.2f} s per 10 KB), peak {figures['peak_mb']:.0f} MB "
        f"(model loaded: {figures['loaded_mb']:.0f} MB)"
    )
    assert per_10kb < 3.0
    assert figures["peak_mb"] - figures["loaded_mb"] < 400


def test_a_long_paragraph_peaks_like_the_same_text_in_lines() -> None:
    paragraph = SENTENCE * (300_000 // len(SENTENCE))
    lines = paragraph.replace("reported. ", "reported.\n")
    one, many = measure(paragraph), measure(lines)
    grown = (one["peak_mb"] - one["loaded_mb"], many["peak_mb"] - many["loaded_mb"])
    print(
        f"\n300 KB paragraph: {one['seconds']:.1f} s, peak {one['peak_mb']:.0f} MB "
        f"(+{grown[0]:.0f}); in lines: {many['seconds']:.1f} s, peak {many['peak_mb']:.0f} MB "
        f"(+{grown[1]:.0f})"
    )
    assert one["peak_mb"] <= 1.5 * many["peak_mb"]
    assert one["sentences"] == many["sentences"]
