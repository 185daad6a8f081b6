"""Parse every split once with the app's pipeline (tokenizer, chunking, sentence starts) and cache
the parsed chunks as DocBin + offsets JSON. Also times the en_core_web_sm parse per split."""
import sys, time, json
from common import *
from readwise_desktop.engine.pipeline import load_pipeline
from readwise_desktop.evaluation.train_attribution import parse_split, polnear_file

CACHE.mkdir(exist_ok=True)
pipeline = load_pipeline()
print(pipeline.description, pipeline.matrix_ops, flush=True)
for split in sys.argv[1:]:
    t = time.perf_counter()
    arts = parse_split(polnear_file(DATA, split), pipeline, rules=False, limit=None,
                       progress=lambda m: print(m, flush=True))
    secs = time.perf_counter() - t
    db = DocBin(store_user_data=False)
    meta, words = [], 0
    for a in arts:
        meta.append({"id": a.gold.id, "offsets": [at for at, _ in a.chunks]})
        for _, d in a.chunks:
            db.add(d)
            words += sum(1 for t in d if not t.is_space)
    db.to_disk(CACHE / f"{split}.spacy")
    (CACHE / f"{split}.json").write_text(json.dumps(meta))
    # sanity: round trip keeps sentence starts, tags, deps
    d0 = arts[0].chunks[0][1]
    r0 = next(DocBin().from_disk(CACHE / f"{split}.spacy").get_docs(pipeline.nlp.vocab))
    assert [s.start for s in d0.sents] == [s.start for s in r0.sents], "sents differ"
    assert [t.tag_ for t in d0] == [t.tag_ for t in r0]
    print(f"{split}: {len(arts)} articles, {sum(len(a.chunks) for a in arts)} chunks, {words} words, "
          f"parse+chunk {secs:.1f}s = {words/secs:.0f} words/s", flush=True)
