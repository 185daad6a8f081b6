"""Merges of a trained NER with the shipped CRF and with the rules, scored on a split.
Usage: python3 merge.py MODEL_DIR SPLIT [DESIGN]   (dev for choosing; on test name the one design
chosen, e.g. 'hybrid(ner,rules)', and only it is scored and printed)

Designs: ner (alone), crf (alone), rules (the app without a tagger), union(ner,crf) (the NER's spans
plus the CRF's spans that overlap no NER span of the same role), hybrid(ner,rules) (the NER's spans
plus the rules' spans in sentences where the NER found none of that role: tagger.merge_with_rules),
and both merges in turn. The rules' spans need the app's pipeline over each article (parse_split
with rules=True, as evaluate() gets them); they are cached in $NER_EXP/cache/rules_<split>.json."""
import sys, json, time
from pathlib import Path
from common import *
import nerfeats
from readwise_desktop.engine.learned import tagger as tg
from readwise_desktop.engine.learned import features as feats
from readwise_desktop.evaluation.train_attribution import score, parse_split, polnear_file
from readwise_desktop.evaluation.polnear import ROLES


def rules_of(split):
    path = CACHE / f"rules_{split}.json"
    if not path.exists():
        from readwise_desktop.engine.pipeline import load_pipeline
        t = time.perf_counter()
        arts = parse_split(polnear_file(DATA, split), load_pipeline(), rules=True, limit=None,
                           progress=lambda m: print(m, flush=True))
        path.write_text(json.dumps([{"id": a.gold.id, "offsets": [at for at, _ in a.chunks],
                                     "rules": {r: [list(x) for x in a.rules[r]] for r in ROLES}}
                                    for a in arts]))
        print(f"rules on {split}: {time.perf_counter() - t:.0f}s", flush=True)
    return json.loads(path.read_text())


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def union(ner, other):
    return {r: list(ner.get(r, [])) + [s for s in other.get(r, [])
                                       if not any(overlaps(s, n) for n in ner.get(r, []))]
            for r in ("source", "cue")}


def main():
    model_dir, split = Path(sys.argv[1]), sys.argv[2]
    nlp = spacy.load(model_dir)
    arts = load_cached(split, nlp.vocab)
    rules = rules_of(split)
    meta = json.loads((CACHE / f"{split}.json").read_text())
    for a, r, m in zip(arts, rules, meta, strict=True):
        assert r["id"] == m["id"] and r["offsets"] == m["offsets"], "rules parse differs from the cache"
    ner, _, _ = nerfeats.predict(nlp, arts)
    crf_tagger = tg.AttributionTagger.from_folder(EXP / "crf")
    designs = {k: [] for k in ("ner", "crf", "rules", "union(ner,crf)", "hybrid(ner,rules)",
                               "hybrid(union(ner,crf),rules)")}
    for a, r, n in zip(arts, rules, ner):
        crf = {role: [] for role in ROLES}
        for at, doc in a.chunks:
            spans = crf_tagger.tag(doc)
            for role in ROLES:
                crf[role] += tg.char_ranges(doc, spans, role, at)
        rl = {role: [tuple(x) for x in r["rules"][role]] for role in ROLES}
        sents = [(at + s[0].idx, at + s[-1].idx + len(s[-1].text))
                 for at, doc in a.chunks for s in feats.sentences(doc)]
        u = union(n, crf)
        for k, v in (("ner", n), ("crf", crf), ("rules", rl), ("union(ner,crf)", u),
                     ("hybrid(ner,rules)", tg.merge_with_rules(n, rl, sents)),
                     ("hybrid(union(ner,crf),rules)", tg.merge_with_rules(u, rl, sents))):
            designs[k].append({role: list(v.get(role, [])) for role in ROLES})
    only = sys.argv[3] if len(sys.argv) > 3 else None
    out = {}
    for k, preds in designs.items():
        if only and k != only:
            continue
        s = score(arts, preds)
        out[k] = s
        print(f"{split} {k:30s} " + " ".join(f"{m}={v['precision']}/{v['recall']}/{v['f1']}"
                                             for m, v in s.items()), flush=True)
    (EXP / "logs" / f"merge_{model_dir.name}_{split}{'_' + only if only else ''}.json").write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
