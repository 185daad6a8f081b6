"""Where readwise-desktop keeps its files: config, data, cache and logs.

platformdirs gives each platform's usual folders. One environment variable,
``READWISE_DESKTOP_HOME``, puts all four below one folder instead (``config/``, ``data/``,
``cache/``, ``logs/``): for tests and portable installs, which must never touch the real home.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP = "readwise-desktop"
HOME_ENV = "READWISE_DESKTOP_HOME"


@dataclass(frozen=True, slots=True)
class AppPaths:
    config: Path
    data: Path
    cache: Path
    logs: Path

    @property
    def settings(self) -> Path:
        return self.config / "settings.toml"

    @property
    def rules(self) -> Path:
        """The reader's own rule files (``*.toml``), loaded after the shipped ones."""
        return self.data / "rules"

    @property
    def library(self) -> Path:
        return self.data / "library.sqlite3"

    def ensure(self) -> AppPaths:
        for folder in (self.config, self.data, self.cache, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def app_paths() -> AppPaths:
    home = os.environ.get(HOME_ENV)
    if home:
        base = Path(home)
        return AppPaths(base / "config", base / "data", base / "cache", base / "logs")
    return AppPaths(
        Path(platformdirs.user_config_dir(APP)),
        Path(platformdirs.user_data_dir(APP)),
        Path(platformdirs.user_cache_dir(APP)),
        Path(platformdirs.user_log_dir(APP)),
    )


def user_rule_files(paths: AppPaths | None = None) -> list[Path]:
    """The reader's rule files, sorted by name (none when the folder does not exist)."""
    folder = (paths or app_paths()).rules
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []
