"""Train a spaCy transition-based NER (own tok2vec) on the cached PolNeAR train docs; pick the best
epoch on dev (project score, source exact + cue exact F1); save it to models/<name>."""
import argparse, json, random, time, sys, shutil
from common import *
import nerfeats
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch, compounding
from readwise_desktop.evaluation.train_attribution import gold_tags, score
from readwise_desktop.engine.learned import tagger as tg
from readwise_desktop.engine.learned import features as feats

LAB = {"SRC": "SOURCE", "CUE": "CUE", "CON": "CONTENT"}
ap = argparse.ArgumentParser()
ap.add_argument("--name", required=True)
ap.add_argument("--labels", default="SOURCE,CUE")
ap.add_argument("--attrs", default="NORM,PREFIX,SUFFIX,SHAPE,POS,TAG,DEP")
ap.add_argument("--width", type=int, default=96)
ap.add_argument("--depth", type=int, default=4)
ap.add_argument("--window", type=int, default=1)
ap.add_argument("--hidden", type=int, default=64)
ap.add_argument("--epochs", type=int, default=10)
ap.add_argument("--limit", type=int, default=None)
ap.add_argument("--dropout", type=float, default=0.1)
ap.add_argument("--lr", type=float, default=0.001)
ap.add_argument("--averages", action="store_true")
ap.add_argument("--batch", type=int, default=2)
ap.add_argument("--seed", type=int, default=0)
ap.add_argument("--max-minutes", type=float, default=40)
ap.add_argument("--lexicon", default=str(EXP / "crf" / "attribution_crf.json"),
                help="JSON with a 'lexicon' {verbs, nouns} (the shipped CRF's metadata); used by LEX/HEADLEX")
args = ap.parse_args()
labels = args.labels.split(",")
attrs = args.attrs.split(",")
ROWS = {"NORM": 5000, "PREFIX": 1000, "SUFFIX": 2500, "SHAPE": 2500, "LEMMA": 5000,
        "POS": 100, "TAG": 200, "DEP": 200, "MORPH": 1000, "HEADLEMMA": 5000, "DEPHEAD": 5000,
        "HEADDEP": 200, "SMENT": 100, "DEP2HEAD": 5000, "LEX": 50, "HEADLEX": 50, "QUOTE": 50,
        "SENTPOS": 200}
embed = {"@architectures": "readwise.SyntaxHashEmbed.v1", "width": args.width,
         "attrs": attrs, "rows": [ROWS[a] for a in attrs]}
if {"LEX", "HEADLEX"} & set(attrs):
    lex = json.loads(Path(args.lexicon).read_text())["lexicon"]
    embed["verbs"], embed["nouns"] = sorted(lex["verbs"]), sorted(lex.get("nouns", []))
out_dir = EXP / "models" / args.name
log = open(EXP / "logs" / f"{args.name}.log", "w")
def say(m):
    print(m, flush=True); log.write(m + "\n"); log.flush()
say(json.dumps(vars(args)))
fix_random_seed(args.seed)

nlp = spacy.blank("en")
ner = nlp.add_pipe("ner", config={"model": {
    "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
    "extra_state_tokens": False, "hidden_width": args.hidden, "maxout_pieces": 2, "use_upper": True,
    "tok2vec": {"@architectures": "spacy.Tok2Vec.v2",
                "embed": embed,
                "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": args.width,
                           "depth": args.depth, "window_size": args.window, "maxout_pieces": 3}}}})
for l in labels:
    ner.add_label(l)


def examples_of(articles):
    out = []
    for a in articles:
        for at, doc in a.chunks:
            pred = nerfeats.prepare(doc)
            ref = doc.copy()
            ents = []
            for toks, tags in zip(feats.sentences(doc), gold_tags(doc, at, a.spans)):
                for s in tg.spans_from_tags([t.i for t in toks], [t.replace("SRC", "SRC") for t in tags]):
                    lab = {"source": "SOURCE", "cue": "CUE", "content": "CONTENT"}[s.role]
                    if lab in labels:
                        ents.append(spacy.tokens.Span(ref, s.start, s.end, label=lab))
            ref.set_ents(ents, default="outside")
            out.append(Example(pred, ref))
    return out


def predict(nlp, articles):
    preds, words, secs = nerfeats.predict(nlp, articles)
    return preds, words / secs


t0 = time.perf_counter()
train_arts = load_cached("train", nlp.vocab, args.limit)
dev_arts = load_cached("dev", nlp.vocab)
train_ex = examples_of(train_arts)
n_words = sum(len(e.predicted) for e in train_ex)
say(f"{len(train_arts)} train articles, {len(train_ex)} chunk docs, {n_words} tokens; "
    f"mapped ents {sum(len(e.reference.ents) for e in train_ex)}; load {time.perf_counter()-t0:.0f}s")
from thinc.api import Adam
import contextlib
optimizer = Adam(learn_rate=args.lr, L2=0.01, grad_clip=1.0, L2_is_weight_decay=True, use_averages=args.averages)
nlp.initialize(lambda: train_ex[:200], sgd=optimizer)
def averaged():
    return nlp.use_params(optimizer.averages) if args.averages else contextlib.nullcontext()
best, history = -1.0, []
train_start = time.perf_counter()
rng = random.Random(args.seed)
# train on sentence-group pieces? No: whole chunk docs, batched by words.
for epoch in range(1, args.epochs + 1):
    rng.shuffle(train_ex)
    losses = {}
    te = time.perf_counter()
    sizes = compounding(100.0, 1000.0, 1.001)
    for batch in minibatch(train_ex, size=args.batch):  # two chunk docs (~1000 words) per update
        nlp.update(batch, drop=args.dropout, sgd=optimizer, losses=losses)
    ep_secs = time.perf_counter() - te
    with averaged():
        preds, wps = predict(nlp, dev_arts)
    s = score(dev_arts, preds)
    f = {k: v["f1"] for k, v in s.items()}
    key = f["source exact"] + f["cue exact"]
    history.append({"epoch": epoch, "loss": round(losses.get("ner", 0)), "dev": s, "train_secs": round(ep_secs)})
    say(f"epoch {epoch} loss {losses.get('ner', 0):.0f} {ep_secs:.0f}s | dev " +
        " ".join(f"{k}={v['precision']}/{v['recall']}/{v['f1']}" for k, v in s.items()) + f" | {wps:.0f} w/s")
    if key > best:
        best = key
        if out_dir.exists():
            shutil.rmtree(out_dir)
        with averaged():
            nlp.to_disk(out_dir)
        say(f"  saved best (epoch {epoch})")
    if (time.perf_counter() - train_start) / 60 > args.max_minutes:
        say("time budget reached"); break
total = time.perf_counter() - train_start
(EXP / "logs" / f"{args.name}.json").write_text(json.dumps({"args": vars(args), "train_seconds": round(total),
                                                            "history": history}, indent=1))
say(f"done: training {total:.0f}s")
