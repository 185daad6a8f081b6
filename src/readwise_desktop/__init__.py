"""readwise-desktop: an offline reading assistant for how a news text is hedged and sourced."""

__version__ = "0.1.0"
