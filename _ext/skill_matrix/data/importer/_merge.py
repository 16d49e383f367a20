"""The exports of one skill merged into one :class:`SkillImport`: they must agree on every cell."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from skill_matrix.data.exports import Export, ExportProblem, Row, Text, clean, role_key
from skill_matrix.data.problems import display_path

if TYPE_CHECKING:
    import datetime
    from collections.abc import Callable, Sequence


@dataclass
class SkillImport:
    """Everything the exports of one skill say about it, merged."""

    id: str
    exports: Sequence[Export]
    title: str | None
    summary: str | None
    domain: str
    group: str
    updated: datetime.date
    role_names: list[str]
    cells: dict[tuple[str, int], Row]
    """(role key, level index) → the row."""


def where(export: Export, line: int) -> str:
    return f'{display_path(export.path)}:{line}'


def merge(skill_id: str, exports: Sequence[Export], problems: list[ExportProblem]) -> SkillImport | None:
    """The exports of one skill as one; a disagreement between them is a problem naming both."""
    first = exports[0]
    count = len(problems)

    def agree(name: str, field_of: Callable[[Export], Text | None]) -> str | None:
        """The field's text, the same in every export that has it."""
        reference: tuple[Export, Text] | None = None
        for export in exports:
            value = field_of(export)
            if value is None:
                continue
            if reference is None:
                reference = (export, value)
            elif value.text != reference[1].text:
                problems.append(
                    ExportProblem(
                        export.path,
                        value.line,
                        f"the {name} '{value.text}' differs from '{reference[1].text}' in "
                        f'{where(reference[0], reference[1].line)}',
                    )
                )
        return reference[1].text if reference else None

    title = agree('title', lambda export: export.title)
    summary = agree('summary', lambda export: export.summary)
    domain = agree('domain', lambda export: export.domain)
    group = agree('group', lambda export: export.group)
    agree('date', lambda export: Text(export.updated.isoformat(), export.updated_line))

    cells: dict[tuple[str, int], Row] = {}
    for level, table in enumerate(first.tables):
        for row in table.rows:
            cells[(role_key(row.role), level)] = row
    for export in exports[1:]:
        if len(export.tables) != len(first.tables):
            problems.append(
                ExportProblem(
                    export.path,
                    export.stats.levels.line,
                    f'this export has {len(export.tables)} level tables, '
                    f'{display_path(first.path)} has {len(first.tables)}',
                )
            )
            continue
        for level, table in enumerate(export.tables):
            keys = {role_key(row.role) for row in table.rows}
            for (key, at), reference in cells.items():
                if at == level and key not in keys:
                    problems.append(
                        ExportProblem(
                            export.path,
                            table.line,
                            f"level table {level + 1} has no row for '{reference.role}', which "
                            f'{where(first, reference.line)} has',
                        )
                    )
            for row in table.rows:
                reference_row = cells.get((role_key(row.role), level))
                if reference_row is None:
                    problems.append(
                        ExportProblem(
                            export.path,
                            row.line,
                            f"the role '{row.role}' is not in {display_path(first.path)}",
                        )
                    )
                    continue
                _compare(export, row, first, reference_row, level, problems)
    if len(problems) > count:
        return None
    assert domain is not None
    assert group is not None
    return SkillImport(
        id=skill_id,
        exports=exports,
        title=title,
        summary=summary,
        domain=domain,
        group=group,
        updated=first.updated,
        role_names=list(first.role_names),
        cells=cells,
    )


def _compare(
    export: Export, row: Row, reference: Export, reference_row: Row, level: int, problems: list[ExportProblem]
) -> None:
    here = f'{row.role}, level table {level + 1}'
    if row.required != reference_row.required:
        problems.append(
            ExportProblem(
                export.path,
                row.line,
                f'{here}: {_flag_word(row.required)} here, but {_flag_word(reference_row.required)} in '
                f'{where(reference, reference_row.line)}',
            )
        )
    if clean(row.description) != clean(reference_row.description):
        problems.append(
            ExportProblem(
                export.path,
                row.line,
                f'{here}: the description differs from {where(reference, reference_row.line)}',
            )
        )


def _flag_word(required: bool) -> str:
    return 'required' if required else 'optional'
