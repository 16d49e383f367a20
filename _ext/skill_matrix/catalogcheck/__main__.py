"""``python -m skill_matrix.catalogcheck``: see :mod:`skill_matrix.catalogcheck`."""

import sys

from skill_matrix.catalogcheck._cli import main

sys.exit(main())
