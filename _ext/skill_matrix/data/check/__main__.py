"""``python -m skill_matrix.data.check``: see :mod:`skill_matrix.data.check`."""

import sys

from skill_matrix.data.check._cli import main

sys.exit(main())
