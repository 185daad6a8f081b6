"""Peak memory of the analysis of the bundled sample, then with a trained NER model loaded and
run beside it. Usage: python3 memory.py MODEL_DIR"""
import resource
import sys

from common import *  # noqa: F401,F403 (threads, paths)
import nerfeats
import spacy
from spacy.tokens import Doc
from readwise_desktop.app.session import Session, SessionOptions
from readwise_desktop.engine.analyze import analyze_text
from readwise_desktop.packaged import packaged


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


text = packaged("samples", "harbour_strike.txt").read_text("utf-8")
pipeline = Session(SessionOptions(reader_settings=False)).pipeline
analyze_text(pipeline, text)
before = peak_mb()
nlp = spacy.load(sys.argv[1])
parsed = pipeline.nlp(text)
parsed.user_data.clear()
doc = nerfeats.prepare(Doc(nlp.vocab).from_bytes(parsed.to_bytes()))
list(nlp.pipe([doc]))
after = peak_mb()
print(f"analysis peak {before:.1f} MB; with the NER model loaded and run {after:.1f} MB "
      f"(+{after - before:.1f})")
