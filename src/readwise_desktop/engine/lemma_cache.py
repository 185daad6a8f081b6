"""spaCy's English rule lemmatizer with every lemma it computes kept.

The stock lemmatizer caches a lemma by (word, part of speech, morphology), but only on one of its
paths: proper nouns, punctuation and words already in their base form (most tokens of news) are
worked out again on every occurrence, through Python ``Token`` objects, about a twelfth of an
analysis. A lemma is a function of those three values alone, so here every result is kept, keyed
by them as the Doc's arrays store them, and written back as one array. The lemmas are the stock
ones (tests/engine/test_fast_paths.py); the lookup tables and settings are the stock model's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab
from thinc.types import Ints2d

FACTORY = "readwise_lemma_cache"
STOCK_NAME = "lemmatizer"
# Beyond this many (word, tag, morphology) keys the cache starts again (years of archive).
MAX_KEYS = 500_000


class CachedEnglishLemmatizer(EnglishLemmatizer):
    """The English rule lemmatizer, reading and writing the Doc's arrays, every lemma cached."""

    def __init__(self, vocab: Vocab, name: str = STOCK_NAME, **kwargs: Any) -> None:
        super().__init__(vocab, None, name, **kwargs)
        self.lemma_of: dict[tuple[int, int, int], int] = {}  # string hashes

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule" or not len(doc):
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables()
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = [row[3] for row in rows]
        if len(self.lemma_of) > MAX_KEYS:
            self.lemma_of.clear()
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            found = self.lemma_of.get(key)
            if found is None:
                found = self.lemma_of[key] = self.vocab.strings.add(self.lemmatize(doc[i])[0])
            lemmas[i] = found
        column = numpy.array(lemmas, dtype="uint64").reshape(-1, 1)
        doc.from_array([LEMMA], cast(Ints2d, column))
        return doc


def use_lemma_cache(nlp: Language) -> bool:
    """Put a caching lemmatizer with the stock one's tables in its place; whether there was one."""
    if STOCK_NAME not in nlp.pipe_names:
        return False
    stock = nlp.get_pipe(STOCK_NAME)
    if type(stock) is not EnglishLemmatizer or stock.mode != "rule":
        return False
    cached = nlp.replace_pipe(
        STOCK_NAME, FACTORY, config={"mode": stock.mode, "overwrite": stock.overwrite}
    )
    assert isinstance(cached, CachedEnglishLemmatizer)
    cached.lookups = stock.lookups
    cached._validate_tables()
    return True


@Language.factory(
    FACTORY,
    default_config={
        "mode": "rule",
        "overwrite": False,
        "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"},
    },
)
def make_lemma_cache(
    nlp: Language, name: str, mode: str, overwrite: bool, scorer: Callable[..., Any] | None
) -> CachedEnglishLemmatizer:
    return CachedEnglishLemmatizer(nlp.vocab, name, mode=mode, overwrite=overwrite, scorer=scorer)
