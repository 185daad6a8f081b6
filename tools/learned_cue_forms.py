"""Print the word list ``list.attribution.learned_report_forms`` from PolNeAR's training split.

A form is listed when it occurs at least MIN_SEEN times in the training articles and at least
MIN_RATE of its occurrences lie inside an annotated cue. The learned tagger's cue is kept in the
app only on a form of this list or a reporting lemma the rules know; PolNeAR's cues also cover
intentions and actions ("decided", "celebrated", "wants") that on other news report nothing.

    python tools/learned_cue_forms.py ../shared/data/polnear/polnear_train.jsonl
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from word_list_toml import print_words

MIN_SEEN = 3
MIN_RATE = 0.5
WORD = re.compile(r"[A-Za-z]+")


def cue_forms(path: str) -> list[str]:
    in_cue: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    with Path(path).open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            seen.update(w.lower() for w in WORD.findall(article["text"]))
            for span in article["spans"]:
                if span["label"] == "Cue":
                    in_cue.update({w.lower() for w in WORD.findall(span["text"])})
    return sorted(w for w in in_cue if seen[w] >= MIN_SEEN and in_cue[w] / seen[w] >= MIN_RATE)


def main() -> None:
    print_words(cue_forms(sys.argv[1]))


if __name__ == "__main__":
    main()
