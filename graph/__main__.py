"""``python -m govkg.graph``: the govkg command."""

import sys

from govkg.graph.cli import main

sys.exit(main())
