"""Read the articles people have: plain text, wire formats, saved web pages, mail and documents.

Each importer turns bytes into an :class:`~readwise_desktop.formats.article.Article`. The format is
decided by content first and by file name second (:mod:`.sniff`). Every failure is an
:class:`~readwise_desktop.formats.decoding.InputError` whose message is one sentence.
"""
