"""Validate a data directory without building the site: ``python -m skill_matrix.data.check data/``.

Checks roles.yaml, levels.yaml, every skill file, and domains.yaml when there is one (with the
skills' domain and group names). Prints one line per problem, like a compiler
(``file:line:column: message``), and exits 1 when there is any; usable as a pre-commit hook.

The command is ``_cli.py``; ``__main__.py`` runs it.
"""

from __future__ import annotations

from skill_matrix.data.check._cli import main

__all__ = ['main']
