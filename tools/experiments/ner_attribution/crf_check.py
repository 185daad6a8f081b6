"""Reproduce the shipped CRF's model-alone score on the cached docs (harness check) and time it."""
import sys, time
from common import *
from readwise_desktop.engine.learned import tagger as tg
from readwise_desktop.evaluation.train_attribution import score
from readwise_desktop.evaluation.polnear import ROLES

split = sys.argv[1] if len(sys.argv) > 1 else "dev"
arts = load_cached(split)
crf = tg.AttributionTagger.from_folder(EXP / "crf")
t = time.perf_counter(); words = 0
preds = []
for a in arts:
    found = {r: [] for r in ROLES}
    for at, doc in a.chunks:
        words += sum(1 for x in doc if not x.is_space)
        spans = crf.tag(doc)
        for r in ROLES:
            found[r] += tg.char_ranges(doc, spans, r, at)
    preds.append(found)
secs = time.perf_counter() - t
s = score(arts, preds)
for k, v in s.items(): print(split, k, v)
print(f"CRF tag {words/secs:.0f} words/s")
