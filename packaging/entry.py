"""The bundle's entry point: the same ``main`` as the ``readwise-desktop`` command."""

import multiprocessing
import sys

from readwise_desktop.cli.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # batch --jobs starts worker processes from the bundle
    sys.exit(main())
