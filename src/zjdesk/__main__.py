"""``python -m zjdesk`` runs the command line."""

import sys

from zjdesk.cli import main

sys.exit(main())
