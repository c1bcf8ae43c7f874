"""Allow ``python -m peixun``."""

import sys

from peixun.cli import main

sys.exit(main())
