"""Size, load time and speed of a trained NER model dir vs the en_core_web_sm parse (same process),
and its score on a split. Usage: python3 measure.py MODEL_DIR SPLIT   (test only once, at the end)"""
import sys, time, subprocess, json
from pathlib import Path
from common import *
import nerfeats
from readwise_desktop.engine.pipeline import load_pipeline
from readwise_desktop.engine.analyze import ChunkedAnalysis, TextInput, OFF_PIPES
from readwise_desktop.evaluation.train_attribution import score, read_articles, polnear_file
from readwise_desktop.engine.learned import tagger as tg
from readwise_desktop.evaluation.polnear import ROLES

model_dir, split = Path(sys.argv[1]), sys.argv[2]
size = sum(f.stat().st_size for f in model_dir.rglob("*") if f.is_file())
code = (f"import time; t0=time.perf_counter(); import sys; sys.path.insert(0,{str(Path(__file__).resolve().parent)!r}); import nerfeats, spacy; "
        f"t1=time.perf_counter(); nlp=spacy.load('{model_dir}'); t2=time.perf_counter(); print(t1-t0, t2-t1)")
loads = [tuple(map(float, subprocess.check_output([sys.executable, "-c", code], text=True).split())) for _ in range(3)]
print(f"size on disk {size/1e6:.2f} MB; load (import spacy+nerfeats, spacy.load) runs: {loads}")

pipeline = load_pipeline()
nlp = spacy.load(model_dir)
arts = load_cached(split, nlp.vocab)
# parse speed (the app's chunking, same disabled pipes), same process
texts = [r["text"] for r in read_articles(polnear_file(DATA, split))]
pw, ps = 0, 0.0
for text in texts:
    job = ChunkedAnalysis(pipeline, TextInput(text))
    prepared = list(job.prepared())
    t = time.perf_counter()
    docs = list(pipeline.nlp.pipe(prepared, disable=OFF_PIPES))
    ps += time.perf_counter() - t
    pw += sum(1 for d in docs for x in d if not x.is_space)
# NER speed on the cached parsed docs (including the prepare copy)
preds, nw, ns = nerfeats.predict(nlp, arts, time_prepare=True)
crf = tg.AttributionTagger.from_folder(EXP / "crf")
cw, cs = 0, 0.0
for a in arts:
    for _, d in a.chunks:
        t = time.perf_counter(); crf.tag(d); cs += time.perf_counter() - t
        cw += sum(1 for x in d if not x.is_space)
print(f"{split}: en_core_web_sm parse {pw/ps:.0f} words/s; NER {nw/ns:.0f} words/s "
      f"(NER/parse time ratio {(ns/nw)/(ps/pw):.2f}); CRF tag {cw/cs:.0f} words/s")
for k, v in score(arts, preds).items():
    print(split, k, v)
