"""``python -m skill_matrix.data.languages``: see :mod:`skill_matrix.data.languages`."""

import sys

from skill_matrix.data.languages._cli import main

sys.exit(main())
