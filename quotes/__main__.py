"""``python -m quotes``: the same as the ``quotes`` command."""

import sys

from quotes.cli import main

sys.exit(main())
