"""The reader's settings: a versioned TOML file, read with tomllib and written with tomlkit so
the reader's comments survive.

Unknown keys and bad values are reported with the file and line, and the default is used for
them; a file from a newer version is refused politely (defaults used, the file left alone); an
older one is migrated. Each file that parses is kept as ``settings.toml.bak``; a file that does
not parse (a typo, or nesting too deep) is never overwritten, and the backup's settings are used
until it is fixed.
"""

from __future__ import annotations

import shutil
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import regex
import tomlkit

from readwise_desktop.export.atomic import write_atomic
from readwise_desktop.export.styles import TOGGLES

VERSION = 1
THEMES = ("light", "dark")
MATRIX_OPS = ("auto", "numpy", "blis")  # engine/ops.py: the model's matrix kernels


@dataclass(frozen=True, slots=True)
class Settings:
    theme: str = "light"
    text_size: float = 0.0  # points; 0 = the system's size
    mark_unsourced: bool = True
    categories: dict[str, bool] = field(default_factory=lambda: dict.fromkeys(TOGGLES, True))
    model_path: str = ""
    max_size_mb: float = 50.0
    disabled_rules: tuple[str, ...] = ()
    enabled_rules: tuple[str, ...] = ()  # opt-in rules switched on
    matrix_ops: str = "auto"  # "auto" (measured at load), "numpy" or "blis"


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


Check = Callable[[Any], bool]


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


FIELDS: dict[tuple[str, str], tuple[str, Check, str]] = {
    ("view", "theme"): ("theme", lambda v: v in THEMES, "'light' or 'dark'"),
    ("view", "text_size"): (
        "text_size",
        lambda v: _is_number(v) and (v == 0 or 6 <= v <= 48),
        "0 (system size) or a number of points from 6 to 48",
    ),
    ("view", "mark_unsourced"): ("mark_unsourced", lambda v: isinstance(v, bool), "true or false"),
    ("analysis", "model_path"): ("model_path", lambda v: isinstance(v, str), "a folder path"),
    ("analysis", "disabled_rules"): (
        "disabled_rules",
        lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
        "a list of rule ids",
    ),
    ("analysis", "enabled_rules"): (
        "enabled_rules",
        lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
        "a list of rule ids",
    ),
    ("analysis", "matrix_ops"): (
        "matrix_ops",
        lambda v: v in MATRIX_OPS,
        "'auto', 'numpy' or 'blis'",
    ),
    ("analysis", "max_size_mb"): (
        "max_size_mb",
        lambda v: _is_number(v) and 0.1 <= v <= 2000,
        "a number of megabytes from 0.1 to 2000",
    ),
}
TEMPLATE = """# readwise-desktop settings. Comments you write here are kept when the app saves.
version = 1

[view]
theme = "light"          # "light" or "dark"
text_size = 0            # points; 0 = the system's size
mark_unsourced = true    # dotted underline under claims with no source

[view.categories]        # highlight categories shown (false hides one)

[analysis]
model_path = ""          # a spaCy model folder to use before the bundled one
max_size_mb = 50         # larger files are refused
disabled_rules = []      # ids of shipped rules switched off, e.g. ["hedge.modal.would"]
enabled_rules = []       # opt-in rules switched on, e.g. ["hedge.approximator.vague_quantity"]
matrix_ops = "auto"      # matrix kernels: "auto" (the faster, measured), "numpy" or "blis"
"""


def _line_of(raw: str, key: str) -> int | None:
    match = regex.search(rf"^\s*{regex.escape(key)}\s*=", raw, regex.MULTILINE)
    return raw.count("\n", 0, match.start()) + 1 if match else None


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Version 0 (flat keys: dark, max_size in bytes) to version 1."""
    view = {"theme": "dark" if data.get("dark") else "light"}
    analysis = {}
    if "max_size" in data:
        analysis["max_size_mb"] = data["max_size"] / 1e6
    return {"version": VERSION, "view": view, "analysis": analysis}


def backup_of(path: Path) -> Path:
    """Where the last settings file that parsed is kept."""
    return path.with_name(path.name + ".bak")


def parse_toml(raw: str) -> dict[str, Any]:
    """``tomllib.loads``, with nesting too deep for the parser as a TOMLDecodeError, not a
    RecursionError (``[`` × 3000 is valid-looking input)."""
    try:
        return tomllib.loads(raw)
    except RecursionError:
        raise tomllib.TOMLDecodeError("arrays or tables nested too deeply") from None


def load_settings(path: Path) -> tuple[Settings, list[Problem]]:
    """The settings in ``path`` (defaults when it does not exist) and every problem found."""
    if not path.is_file():
        return Settings(), []
    raw = path.read_text(encoding="utf-8", errors="replace")
    name = str(path)
    try:
        data = parse_toml(raw)
    except tomllib.TOMLDecodeError as err:
        return _from_backup(path, getattr(err, "lineno", None), str(err))
    _keep_backup(path, raw)
    if "version" not in data and not {"dark", "max_size"} & data.keys():
        data = {"version": VERSION, **data}  # a hand-written file without the version line
    version = data.get("version", 0)
    if not isinstance(version, int) or version > VERSION:
        message = (
            f"written by a newer readwise-desktop (settings version {version}, this one reads "
            f"{VERSION}); defaults are used and the file is left as it is"
        )
        return Settings(), [Problem(name, _line_of(raw, "version"), message)]
    if version < VERSION:
        data = _migrate(data)
    return _read(data, raw, name)


def _from_backup(path: Path, line: int | None, error: str) -> tuple[Settings, list[Problem]]:
    """A file that does not parse: the backup's settings, or the defaults; the file is kept."""
    backup = backup_of(path)
    settings, used = Settings(), "defaults are used"
    if backup.is_file():
        try:
            backup_raw = backup.read_text(encoding="utf-8", errors="replace")
            data = parse_toml(backup_raw)
            if "version" not in data:
                data = {"version": VERSION, **data}
            if isinstance(data.get("version"), int) and data["version"] <= VERSION:
                if data["version"] < VERSION:
                    data = _migrate(data)
                settings = _read(data, backup_raw, str(backup))[0]
                used = f"the last good settings ({backup.name}) are used"
        except (OSError, tomllib.TOMLDecodeError):
            pass
    message = f"not valid TOML ({error}); {used} and the file is left as it is until you fix it"
    return settings, [Problem(str(path), line, message)]


def _keep_backup(path: Path, raw: str) -> None:
    """Copy a file that parsed to ``settings.toml.bak`` (best effort: a read-only home is fine)."""
    backup = backup_of(path)
    try:
        if not backup.is_file() or backup.read_text(encoding="utf-8", errors="replace") != raw:
            write_atomic(backup, raw)
    except OSError:
        pass


def _read(data: dict[str, Any], raw: str, name: str) -> tuple[Settings, list[Problem]]:
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    known_sections = ("view", "analysis")
    for key in data:
        if key != "version" and key not in known_sections:
            problems.append(Problem(name, _line_of(raw, key), f"unknown setting '{key}', ignored"))
    for section in known_sections:
        table = data.get(section, {})
        for key, value in table.items() if isinstance(table, dict) else ():
            if section == "view" and key == "categories":
                values["categories"] = _categories(value, raw, name, problems)
                continue
            spec = FIELDS.get((section, key))
            if spec is None:
                problems.append(
                    Problem(name, _line_of(raw, key), f"unknown setting '{section}.{key}', ignored")
                )
            elif not spec[1](value):
                problems.append(
                    Problem(
                        name,
                        _line_of(raw, key),
                        f"'{section}.{key}' = {value!r} is not {spec[2]}; the default is used",
                    )
                )
            else:
                values[spec[0]] = _number(value) if spec[0] in NUMBERS else value
                if spec[0] in ("disabled_rules", "enabled_rules"):
                    values[spec[0]] = tuple(value)
    return replace(Settings(), **values), problems


def _categories(value: Any, raw: str, name: str, problems: list[Problem]) -> dict[str, bool]:
    shown = dict.fromkeys(TOGGLES, True)
    if not isinstance(value, dict):
        problems.append(Problem(name, _line_of(raw, "categories"), "categories must be a table"))
        return shown
    for key, flag in value.items():
        if key not in shown:
            problems.append(Problem(name, _line_of(raw, key), f"unknown category '{key}', ignored"))
        elif not isinstance(flag, bool):
            problems.append(Problem(name, _line_of(raw, key), f"'{key}' must be true or false"))
        else:
            shown[key] = flag
    return shown


NUMBERS = frozenset({"text_size", "max_size_mb"})


def _number(value: Any) -> float:
    return float(value)


class NewerSettingsError(Exception):
    """The file belongs to a newer version: it is not overwritten."""


class BrokenSettingsError(NewerSettingsError):
    """The file does not parse: it is not overwritten either (the reader's text would be lost)."""


def save_settings(path: Path, settings: Settings) -> None:
    """Write the settings, keeping the comments and layout of the existing file."""
    raw = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else TEMPLATE
    try:
        parse_toml(raw)
        document = tomlkit.parse(raw)
    except (tomllib.TOMLDecodeError, tomlkit.exceptions.ParseError, RecursionError) as err:
        raise BrokenSettingsError(
            f"{path} is not valid TOML ({err}); it is left as it is and nothing was saved: "
            f"fix it, or copy {backup_of(path).name} (the last good one) over it"
        ) from None
    version = document.get("version", 0)
    if isinstance(version, int) and version > VERSION:
        raise NewerSettingsError(f"{path} is from a newer readwise-desktop; it is left as it is")
    document["version"] = VERSION
    view = document.setdefault("view", tomlkit.table())
    view["theme"] = settings.theme
    view["text_size"] = settings.text_size
    view["mark_unsourced"] = settings.mark_unsourced
    categories = view.setdefault("categories", tomlkit.table())
    for key, shown in settings.categories.items():
        if not shown or key in categories:
            categories[key] = shown
    analysis = document.setdefault("analysis", tomlkit.table())
    analysis["model_path"] = settings.model_path
    analysis["max_size_mb"] = settings.max_size_mb
    analysis["disabled_rules"] = list(settings.disabled_rules)
    analysis["enabled_rules"] = list(settings.enabled_rules)
    if settings.matrix_ops != "auto" or "matrix_ops" in analysis:
        analysis["matrix_ops"] = settings.matrix_ops
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_file():
        shutil.copyfile(path, backup_of(path))  # the last good file, before it is replaced
    write_atomic(path, tomlkit.dumps(document))
