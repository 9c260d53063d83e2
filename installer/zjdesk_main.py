"""Entry point of the frozen build (PyInstaller): the same command line as ``python -m zjdesk``."""

import sys

from zjdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
