"""Import skill-profile page exports into the data directory: ``python -m skill_matrix.data.importer``.

Reads one or more exports (see :mod:`skill_matrix.data.exports`), merges the exports of one skill,
maps their level tables to ``levels.yaml`` in order and their roles to ``roles.yaml`` by name,
and writes ``<data>/skills/<id>.yaml`` (and a page ``skills/<id>.rst`` when no page shows the
skill yet). An existing skill file is updated in place with a round-trip YAML library, so
comments, key order, quoting and folded texts stay as they are and only changed values change.

Nothing is written unless everything passes: the exports' own checks, the merge, and the data
check on the files as they would be written. Exit status 0 on success, 1 on any problem.

Behind this face: ``_model.py`` (what an import writes, what stops it), ``_merge.py`` (the
exports of one skill), ``_yaml.py`` (the round trip), ``_plan.py`` (every file it would write,
checked), ``_write.py`` (all or nothing) and ``_cli.py`` (the command; ``__main__.py`` runs it).
"""

from __future__ import annotations

from skill_matrix.data.importer._cli import main
from skill_matrix.data.importer._merge import SkillImport, merge
from skill_matrix.data.importer._model import Change, ImportFailed, Plan
from skill_matrix.data.importer._plan import Importer
from skill_matrix.data.importer._write import write

__all__ = ['Change', 'ImportFailed', 'Importer', 'Plan', 'SkillImport', 'main', 'merge', 'write']
