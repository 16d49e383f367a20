"""``python -m skill_matrix.data.importer``: see :mod:`skill_matrix.data.importer`."""

import sys

from skill_matrix.data.importer._cli import main

sys.exit(main())
