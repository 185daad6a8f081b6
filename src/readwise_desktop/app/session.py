"""The one application session that every entry point uses: the window's worker, ``analyze``,
``batch``, ``compare``, the exports and practice.

It turns the reader's settings (``settings.toml``: model path, size limit, switched-off rules),
the reader's own rule files and the command line's options into one pipeline, and runs
open → analyse → apply the reader's corrections → remember. It holds no Qt object; the pipeline
is loaded on first use, in the thread that first asks for it (the window's worker thread).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readwise_desktop.app.corrections import Correction, apply_corrections
from readwise_desktop.app.library import Library, LibraryError, text_hash
from readwise_desktop.app.paths import AppPaths, app_paths, user_rule_files
from readwise_desktop.app.settings import Problem, Settings, load_settings, save_settings
from readwise_desktop.engine.results import Analysis
from readwise_desktop.engine.text.structure import KnownLayout
from readwise_desktop.formats.article import Article

if TYPE_CHECKING:  # spaCy and the format readers are imported when first used
    from readwise_desktop.app.compare import Comparison
    from readwise_desktop.engine.pipeline import LoadedPipeline
    from readwise_desktop.engine.rules.schema import RuleFileError

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class SessionOptions:
    """What a command line may add to the reader's settings. Picklable, for batch workers."""

    model_path: str | None = None
    rules_only: bool = False
    rule_files: tuple[str, ...] = ()  # rule files named on the command line, after the reader's
    max_size_mb: float | None = None  # overrides the settings' limit
    enabled_rules: tuple[str, ...] = ()  # opt-in rules switched on, beside the settings' own
    disabled_rules: tuple[str, ...] = ()  # switched off, beside the settings' own
    reader_settings: bool = True  # False: shipped defaults only (evaluation, reproducible)


def known_layout(article: Article) -> KnownLayout:
    """What the importer read of the article's headline, byline and dateline."""
    return KnownLayout(article.title, article.byline, article.dateline, article.agency)


class Session:
    """Settings, rules, corrections and the library, behind one object."""

    def __init__(self, options: SessionOptions | None = None, paths: AppPaths | None = None):
        self.options = options or SessionOptions()
        self.paths = paths or app_paths()
        self.settings, self.settings_problems = self._read_settings()
        self._pipeline: LoadedPipeline | None = None
        self._library: Library | None = None

    def _read_settings(self) -> tuple[Settings, list[Problem]]:
        if not self.options.reader_settings:
            return Settings(), []
        return load_settings(self.paths.settings)

    # --- what the pipeline is made of ------------------------------------------------------------
    @property
    def max_bytes(self) -> int:
        size = self.options.max_size_mb
        return int((self.settings.max_size_mb if size is None else size) * 1e6)

    @property
    def model_path(self) -> str | None:
        return self.options.model_path or self.settings.model_path or None

    @property
    def model_names(self) -> tuple[str, ...]:
        from readwise_desktop.engine.pipeline import MODEL_NAMES

        return () if self.options.rules_only else MODEL_NAMES

    def rule_files(self) -> list[Path]:
        """The reader's rule files (sorted by name), then those named on the command line."""
        own = user_rule_files(self.paths) if self.options.reader_settings else []
        return [*own, *(Path(f) for f in self.options.rule_files)]

    @property
    def disabled_rules(self) -> tuple[str, ...]:
        return (*self.settings.disabled_rules, *self.options.disabled_rules)

    @property
    def enabled_rules(self) -> tuple[str, ...]:
        return (*self.settings.enabled_rules, *self.options.enabled_rules)

    def load(self) -> LoadedPipeline:
        """Build the pipeline now; :class:`RuleFileError` (every problem) if a rule file is bad."""
        self._pipeline = self.pipeline_with(self.rule_files())
        return self._pipeline

    def check_rules(self) -> None:
        """Read the rule files without building a pipeline; :class:`RuleFileError` if bad."""
        from readwise_desktop.engine.rules.loader import load_rules

        load_rules(self.rule_files(), self.disabled_rules, self.enabled_rules)

    def load_tolerant(self) -> tuple[LoadedPipeline, RuleFileError | None]:
        """The window's way: with invalid rule files, the shipped rules (and the problems)."""
        from readwise_desktop.engine.rules.schema import RuleFileError

        try:
            return self.load(), None
        except RuleFileError as err:
            self._pipeline = self.pipeline_with([])
            return self._pipeline, err

    def pipeline_with(self, rule_files: Sequence[str | Path]) -> LoadedPipeline:
        """A pipeline of this session's model and switched-off rules with these rule files."""
        from readwise_desktop.app.learned_model import with_learned_model
        from readwise_desktop.engine.pipeline import load_pipeline

        pipeline = load_pipeline(
            self.model_path,
            model_names=self.model_names,
            extra_rule_files=list(rule_files),
            disabled_rules=self.disabled_rules,
            enabled_rules=self.enabled_rules,
            matrix_ops=self.settings.matrix_ops,
        )
        return with_learned_model(pipeline, self.disabled_rules)

    @property
    def pipeline(self) -> LoadedPipeline:
        return self._pipeline or self.load()

    def reload(self) -> None:
        """Read the settings again and rebuild the pipeline on next use."""
        self.settings, self.settings_problems = self._read_settings()
        self._pipeline = None

    def save_settings(self, chosen: Settings) -> bool:
        """Write the reader's settings (comments kept) and use them from now on; whether the
        pipeline must be rebuilt for them (another model or other switched-off rules)."""
        save_settings(self.paths.settings, chosen)
        old, self.settings = self.settings, chosen
        rules = ("model_path", "disabled_rules", "enabled_rules", "matrix_ops")
        return any(getattr(old, k) != getattr(chosen, k) for k in rules)

    # --- open, analyse, correct, remember --------------------------------------------------------
    def open(self, path: str | Path) -> Article:
        """The article in ``path`` within the size limit; :class:`InputError` otherwise."""
        from readwise_desktop.formats.reader import read_article

        return read_article(path, self.max_bytes)

    def open_all(self, path: str | Path) -> list[Article]:
        """Every article in ``path`` (one per message of a mailbox, per item of a feed)."""
        from readwise_desktop.formats.reader import read_articles

        return read_articles(path, self.max_bytes)

    def analyse_raw(
        self,
        text: str,
        *,
        file: str | None = None,
        metadata: dict[str, Any] | None = None,
        known: KnownLayout | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        batch_size: int = 1,
    ) -> Analysis:
        """The analysis before the reader's corrections (the window keeps it, for undo);
        ``batch_size``: chunks parsed together (1: progress and cancel after each chunk)."""
        from readwise_desktop.engine.analyze import analyze_text

        return analyze_text(
            self.pipeline,
            text,
            file=file,
            metadata=metadata,
            known=known,
            progress=progress,
            cancelled=cancelled,
            batch_size=batch_size,
        )

    def analyse(self, article: Article) -> Analysis:
        """The article's analysis with the reader's remembered corrections applied."""
        raw = self.analyse_raw(
            article.text, file=article.file, metadata=article.metadata, known=known_layout(article)
        )
        return self.corrected(raw)

    def analyse_all(
        self, articles: Iterable[Article], batch_size: int | None = None
    ) -> Iterator[Analysis]:
        """Each article's :meth:`analyse`, in order, their chunks parsed together in batches
        (``batch_size`` chunks; the engine's default if None): the terminal's way."""
        from readwise_desktop.engine.analyze import BATCH_SIZE, TextInput, analyze_texts

        inputs = (TextInput(a.text, a.file, a.metadata, known_layout(a)) for a in articles)
        for raw in analyze_texts(self.pipeline, inputs, batch_size=batch_size or BATCH_SIZE):
            yield self.corrected(raw)

    def analyse_file(self, path: str | Path) -> Analysis:
        return self.analyse(self.open(path))

    def corrected(self, raw: Analysis, digest: str | None = None) -> Analysis:
        """``raw`` with the reader's corrections of its text (``digest``: its hash, if known)."""
        return apply_corrections(raw, self.corrections_of(digest or text_hash(raw.text)))

    def corrections_of(self, digest: str) -> list[Correction]:
        """The reader's corrections of a text, by its hash; none when there is no library yet
        (a terminal run never creates one), or when it cannot be read."""
        if self._library is None and not self.paths.library.is_file():
            return []
        try:
            return self.library.corrections(digest)
        except LibraryError:
            return []

    @property
    def library(self) -> Library:
        if self._library is None:
            self._library = Library(self.paths.library)
        return self._library

    def close(self) -> None:
        """Close the library, if this session opened it."""
        if self._library is not None:
            self._library.close()
            self._library = None

    def remember(self, analysis: Analysis, file: str | None = None) -> int:
        return self.library.remember(analysis, file)

    def try_rule_file(self, text: str, rule_file: str | Path) -> list[str]:
        """What one rule file's rules find in ``text``, with the shipped rules beside them."""
        from readwise_desktop.app.rules import found_by
        from readwise_desktop.engine.analyze import analyze_text

        return found_by(analyze_text(self.pipeline_with([rule_file]), text), rule_file)

    # --- what is made of analyses ----------------------------------------------------------------
    def export(self, analysis: Analysis, fmt: str) -> str:
        """The analysis in an export format (json, text, md, html, csv)."""
        from readwise_desktop.export import render

        return render(analysis, fmt)

    def compare(self, old: Article, new: Article) -> Comparison:
        """What changed in the sourcing between two versions of a story."""
        from readwise_desktop.app.compare import compare

        return compare(self.analyse(old), self.analyse(new))
