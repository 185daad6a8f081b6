import os
for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(v, "1")
import json
from pathlib import Path
import spacy
from spacy.tokens import DocBin, Doc

# Work folder (caches, models, logs) and PolNeAR: NER_EXP and POLNEAR override them.
EXP = Path(os.environ.get("NER_EXP", "/tmp/ner_exp"))
DATA = Path(os.environ["POLNEAR"]) if "POLNEAR" in os.environ else \
    Path(__file__).resolve().parents[4] / "shared/data/polnear"  # beside the checkout
CACHE = EXP / "cache"


def load_cached(split, vocab=None, limit=None):
    """Articles (train_attribution.Article) rebuilt from the DocBin cache."""
    from readwise_desktop.evaluation.train_attribution import Article, polnear_file, read_articles, TAGS
    from readwise_desktop.evaluation.polnear import polnear_doc
    vocab = vocab or spacy.blank("en").vocab
    meta = json.loads((CACHE / f"{split}.json").read_text())
    docs = list(DocBin().from_disk(CACHE / f"{split}.spacy").get_docs(vocab))
    out, k = [], 0
    for n, record in enumerate(read_articles(polnear_file(DATA, split))):
        if limit is not None and n >= limit:
            break
        offsets = meta[n]["offsets"]
        chunks = list(zip(offsets, docs[k:k + len(offsets)]))
        k += len(offsets)
        spans = [(s["label"], s["start"], s["end"]) for s in record["spans"] if s["label"] in TAGS]
        out.append(Article(polnear_doc(record), chunks, spans, {}, {}))
    return out
