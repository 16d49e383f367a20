"""``python -m skill_matrix.data.changes``: see :mod:`skill_matrix.data.changes`."""

import sys

from skill_matrix.data.changes._cli import main

sys.exit(main())
