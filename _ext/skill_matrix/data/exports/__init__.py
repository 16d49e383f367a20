"""Read skill-profile page exports (plain text or Markdown) into plain data. No Sphinx here.

An export is a skill's page saved from the skills site, with its labels in English, German or
Chinese. Two layouts exist:

* **Markdown**: the stats, then the domain, the group and the date on lines of their own, then
  one table per level (``| Role | Required | Description |``). The export has no title.
* **Plain text**: the title and the summary, the stats, labelled fields (domain, group, last
  updated), then per level a header line (``Role Required Description``) and one line per role:
  the role's name, the flag word when the cell is required, the description.

:func:`read_export` checks what an export says about itself (its stats against its tables,
every role in every level's table) and reports every problem as ``file:line: message``.

Behind this face: ``_model.py`` (what an export holds, its labels, its lines), ``_read.py``
(the lines and the head above the tables) and ``_tables.py`` (the level tables).
"""

from __future__ import annotations

from skill_matrix.data.exports._model import (
    LABELS,
    Export,
    ExportError,
    ExportProblem,
    Labels,
    LevelTable,
    Row,
    Stat,
    Stats,
    Text,
    clean,
    role_key,
)
from skill_matrix.data.exports._read import parse_date, read_export
from skill_matrix.data.exports._tables import slug

__all__ = [
    'LABELS',
    'Export',
    'ExportError',
    'ExportProblem',
    'Labels',
    'LevelTable',
    'Row',
    'Stat',
    'Stats',
    'Text',
    'clean',
    'parse_date',
    'read_export',
    'role_key',
    'slug',
]
