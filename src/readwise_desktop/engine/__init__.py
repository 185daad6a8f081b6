"""Text in, frozen results out (spaCy only: no I/O, no Qt)."""

from readwise_desktop.engine.spacy_import import defer_spacy_cli

defer_spacy_cli()
