"""What changed in the data since a baseline: the changes model, its Markdown and JSON, and the
command ``python -m skill_matrix.data.changes --since REF`` (``make changes``). No Sphinx here.

Behind this face: ``_model.py`` (data sets and changes), ``_diff.py`` (comparing them),
``_git.py`` (the baseline's files from git, today's from the work tree), ``_pending.py`` (the
new texts a catalog does not translate yet), ``_report.py``
(Markdown and JSON) and ``_cli.py`` (the command; ``__main__.py`` runs it).

The model compares two data sets, each read from the files' bytes: the baseline's (from git, see
:mod:`skill_matrix.data.baseline`) and today's (the work tree). Only the files whose contents differ
are parsed: unchanged files are recognised by their git blob ids.

* **Skills** are matched by file: a file in both data sets is the same skill, and when its ``id``
  changed, the skill was *renamed* ``by="id"``. A file only in the baseline and a file only today
  are the same skill *renamed* ``by="file"`` when they have the same ``id`` (the file was
  renamed), else ``by="file-and-id"`` when at least half of their cells (role × level: the flag
  and the description) are the same (the file was renamed and its ``id`` with it); otherwise the
  one was *removed* and the other *added*. A skill's fields (title, summary, domain, group, last
  updated) and its cells are compared.
* **Cells** are keyed ``<skill id>-<level id>-<role id>`` (today's ids; the HTML anchor of the
  row): *added*, *removed* or *changed* (the required flag, the description, the examples or
  several of them). Examples are matched in order; each added, removed or changed one is listed.
* **Roles and levels** (``roles.yaml``, ``levels.yaml``): *added*, *removed*, *renamed* (same id,
  another name) or *id-changed* (another id, the same name). A changed role or level id is
  followed into the skills, so their cells are compared under today's id.
* **Texts** are diffed word by word (Chinese and Japanese text character by character).

Data that is not valid under today's schema (an old file from before a schema change, or a
broken file today) gives a warning with file and line and is compared as far as it can be read.

The JSON twin, ``changes.json`` (``"format": "skill-profiles-changes/1"``) holds ``baseline``
(``ref``, ``commit``, ``date`` as ``YYYY-MM-DD``, ``label``; ``null`` without a baseline),
``summary`` (counts: ``skills_added``, ``skills_removed``, ``skills_renamed``, ``skills_changed``,
``cells_added``, ``cells_removed``, ``cells_changed``, ``flags_changed``, ``descriptions_changed``,
``examples_changed`` (cells whose examples changed),
``roles_changed``, ``levels_changed``), ``roles`` and ``levels`` (``kind``: ``added``, ``removed``,
``renamed``, ``id-changed``; ``old_id``, ``new_id``, ``old_name``, ``new_name``), ``skills`` and
``warnings``. Each skill has ``id`` (today's; the baseline's when removed), ``kind`` (``added``,
``removed``, ``renamed``, ``changed``), ``title``, ``old_id``, ``new_id``, ``old_path``,
``new_path`` (from the data folder), ``renamed_by``, ``similarity``, ``fields`` (``field``, ``old``,
``new``, ``diff``) and ``cells``. Each cell has ``key`` (``<skill id>-<level id>-<role id>``, the
row's anchor), ``role_id``, ``level_id``, ``role_name``, ``level_name``, ``kind`` (``added``,
``removed``, ``changed``), ``old`` and ``new`` (``required``, ``description``, ``examples``; ``null`` when the
cell is missing; ``null`` values for what could not be read), ``flag_changed``,
``description_changed`` and ``diff``: a list of ``{"op": "equal" | "delete" | "insert", "text": …}``
whose ``equal`` and ``delete`` texts make the old text and whose ``equal`` and ``insert`` texts make
the new one; ``examples_changed`` and ``examples``: each example added, removed or changed
(``kind``, ``old``, ``new``, ``diff``). ``translations_pending`` maps each language of the work
tree's catalogs (``<locale>/<language>/LC_MESSAGES/*.po``) to the new texts it does not
translate yet (no message, an empty or a fuzzy one), each ``{"skill", "where", "text"}``
(``where``: a cell's key, ``<cell key>:example``, ``<skill id>:<field>`` or ``role:<role id>``;
``_pending.py``).
"""

from __future__ import annotations

from skill_matrix.data.changes._cli import main
from skill_matrix.data.changes._diff import compare, tokens, word_diff
from skill_matrix.data.changes._git import changes_since
from skill_matrix.data.changes._model import (
    FORMAT,
    Cell,
    CellChange,
    Changes,
    DataSet,
    DefinitionChange,
    ExampleChange,
    FieldChange,
    Segment,
    SkillChange,
    SkillData,
    load_dataset,
)
from skill_matrix.data.changes._report import (
    empty_json,
    no_baseline_line,
    no_changes_line,
    to_json,
    to_markdown,
)

__all__ = [
    'FORMAT',
    'Cell',
    'CellChange',
    'Changes',
    'DataSet',
    'DefinitionChange',
    'ExampleChange',
    'FieldChange',
    'Segment',
    'SkillChange',
    'SkillData',
    'changes_since',
    'compare',
    'empty_json',
    'load_dataset',
    'main',
    'no_baseline_line',
    'no_changes_line',
    'to_json',
    'to_markdown',
    'tokens',
    'word_diff',
]
