"""A MultiHashEmbed whose extractor can add computed syntax columns:
HEADLEMMA (lower lemma of the head), DEPHEAD (dep + head lemma), HEADDEP (the head's dep),
SMENT (en_core_web_sm entity IOB+type, copied to doc.user_data before the ents are cleared),
LEX / HEADLEX (the token's / its head's lemma is a reporting verb "V" or source noun "N" of the
lexicon given to the architecture, else "-"), QUOTE (inside a quotation, features.quoted, kept in
doc.user_data by prepare), SENTPOS (bucketed position in the sentence, counted from either end).
Register by importing this module (spacy.load(..) needs it imported first)."""
from typing import List
import numpy
from thinc.api import Model, chain, concatenate, with_array, Maxout, list2ragged, ragged2list, HashEmbed
from spacy.util import registry
from spacy.strings import hash_string
from spacy.tokens import Doc

EXTRA = ("HEADLEMMA", "DEPHEAD", "HEADDEP", "SMENT", "DEP2HEAD", "LEX", "HEADLEX", "QUOTE", "SENTPOS")


def prepare(doc: Doc) -> Doc:
    """The copy the NER sees: en_core_web_sm's entities kept as a feature, then cleared (missing)."""
    out = doc.copy()
    out.user_data["sm_ent"] = [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in doc]
    out.set_ents([], default="missing")
    from readwise_desktop.engine.learned.features import quoted
    out.user_data["quoted"] = quoted(doc)
    return out


def _bucket(n):
    return str(n) if n < 3 else "3-4" if n < 5 else "5-8" if n < 9 else "9-16" if n < 17 else "17+"


def _lex(lemma, verbs, nouns):
    lemma = lemma.lower()
    return "V" if lemma in verbs else "N" if lemma in nouns else "-"


def _column(doc, name, verbs=frozenset(), nouns=frozenset()):
    if name == "HEADLEMMA":
        vals = [t.head.lemma_.lower() for t in doc]
    elif name == "DEPHEAD":
        vals = [f"{t.dep_}|{t.head.lemma_.lower()}" for t in doc]
    elif name == "HEADDEP":
        vals = [t.head.dep_ for t in doc]
    elif name == "DEP2HEAD":  # dep + head's dep + grand-head lemma
        vals = [f"{t.dep_}|{t.head.dep_}|{t.head.head.lemma_.lower()}" for t in doc]
    elif name == "SMENT":
        vals = doc.user_data.get("sm_ent") or ["O"] * len(doc)
    elif name == "LEX":
        vals = [_lex(t.lemma_, verbs, nouns) for t in doc]
    elif name == "HEADLEX":
        vals = [_lex(t.head.lemma_, verbs, nouns) for t in doc]
    elif name == "QUOTE":
        q = doc.user_data.get("quoted")
        if q is None:
            from readwise_desktop.engine.learned.features import quoted
            q = quoted(doc)
        vals = ["Q" if x else "-" for x in q]
    elif name == "SENTPOS":
        vals = []
        for sent in doc.sents:
            vals += [f"{_bucket(t.i - sent.start)}|{_bucket(sent.end - 1 - t.i)}" for t in sent]
    else:
        raise ValueError(name)
    return [hash_string(v) for v in vals]


def SyntaxFeatureExtractor(attrs: List[str], verbs=(), nouns=()) -> Model:
    std = [a for a in attrs if a not in EXTRA]
    verbs = frozenset(v.lower() for v in verbs)
    nouns = frozenset(n.lower() for n in nouns)

    def forward(model, docs, is_train):
        ops = model.ops
        out = []
        for doc in docs:
            cols = doc.to_array(std) if std else numpy.zeros((len(doc), 0), dtype="uint64")
            if cols.ndim == 1:
                cols = cols.reshape((-1, 1))
            full = numpy.zeros((len(doc), len(attrs)), dtype="uint64")
            k = 0
            for j, a in enumerate(attrs):
                if a in EXTRA:
                    full[:, j] = numpy.asarray(_column(doc, a, verbs, nouns), dtype="uint64")
                else:
                    full[:, j] = cols[:, k]
                    k += 1
            out.append(ops.asarray2i(full, dtype="uint64"))
        return out, lambda d: []

    return Model("syntax_features", forward, attrs={"attrs": attrs})


@registry.architectures("readwise.SyntaxHashEmbed.v1")
def SyntaxHashEmbed(width: int, attrs: List[str], rows: List[int],
                    verbs: List[str] = [], nouns: List[str] = []) -> Model:
    """``verbs``/``nouns``: the lexicon LEX and HEADLEX look lemmas up in (kept in the config)."""
    assert len(attrs) == len(rows)
    seed = 7
    embeddings = []
    for i in range(len(attrs)):
        seed += 1
        embeddings.append(HashEmbed(width, rows[i], column=i, seed=seed, dropout=0.0))
    return chain(
        SyntaxFeatureExtractor(attrs, verbs, nouns),
        list2ragged(),
        with_array(concatenate(*embeddings)),
        with_array(Maxout(width, width * len(attrs), nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )


def predict(nlp, articles, time_prepare=False):
    """Source and cue character ranges per article, the words tagged and the seconds taken
    (the ``prepare`` copy counted in them or not)."""
    import time
    preds, words, secs = [], 0, 0.0
    for a in articles:
        found = {"source": [], "cue": []}
        t = time.perf_counter()
        docs = [prepare(d) for _, d in a.chunks]
        if not time_prepare:
            t = time.perf_counter()
        done = list(nlp.pipe(docs))
        secs += time.perf_counter() - t
        for (at, _), d in zip(a.chunks, done):
            words += sum(1 for x in d if not x.is_space)
            for e in d.ents:
                role = {"SOURCE": "source", "CUE": "cue"}.get(e.label_)
                toks = [x for x in e if not x.is_space]
                if role and toks:
                    found[role].append((at + toks[0].idx, at + toks[-1].idx + len(toks[-1].text)))
        preds.append(found)
    return preds, words, secs
