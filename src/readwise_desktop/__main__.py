"""``python -m readwise_desktop``."""

from readwise_desktop.cli.main import main

raise SystemExit(main())
