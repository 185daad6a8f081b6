"""``python -m readwise_desktop``."""

from readwise_desktop.cli import main

raise SystemExit(main())
