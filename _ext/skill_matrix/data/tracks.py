"""Level tracks: which level follows which in ``levels.yaml``, checked with located problems.

A level may say ``next: [ids]``: the levels one can step up to from it. Without ``next`` a level
is followed by the one after it in the file, and the file's last level ends its track; ``next: []``
ends a track anywhere else. A file without any ``next`` is one path through its levels in file
order. Every level must lie on a path from the file's first level; no path may return to a level
it passed (a cycle), and no track may run on into another track's level without saying so (a
level without ``next`` whose following level a fork names). No Sphinx here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from skill_matrix.data.problems import Problem, did_you_mean, known

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from skill_matrix.data.yamlsource import YamlDocument

Successors = dict[str, tuple[str, ...]]


def uses_tracks(items: Sequence[Mapping[str, Any]]) -> bool:
    """Whether any level of ``levels.yaml`` (its list *items*) says which levels follow it."""
    return any('next' in item for item in items)


def successors(items: Sequence[Mapping[str, Any]]) -> Successors:
    """Each level's next levels: its ``next``, else the following level in the file (none for the last)."""
    following: Successors = {}
    for index, item in enumerate(items):
        if 'next' in item:
            following[item['id']] = tuple(dict.fromkeys(item['next']))
        else:
            following[item['id']] = (items[index + 1]['id'],) if index + 1 < len(items) else ()
    return following


def track_problems(document: YamlDocument, items: Sequence[Mapping[str, Any]]) -> list[Problem]:
    """What is wrong with the tracks of ``levels.yaml`` (*document*, its list *items*, ids unique)."""
    ids = [item['id'] for item in items]
    problems: list[Problem] = []
    for index, item in enumerate(items):
        for position, level_id in enumerate(item.get('next', ())):
            where = ('levels', index, 'next', position)
            if level_id not in ids:
                message = f"'next' of level '{item['id']}' names the unknown level '{level_id}'"
                message += f' (known: {known(ids)})'
                problems.append(document.problem(where, message + did_you_mean(level_id, ids)))
            elif level_id == item['id']:
                problems.append(document.problem(where, f"level '{level_id}' cannot follow itself"))
    if problems:
        return problems
    following = successors(items)
    problems += _run_on_problems(document, items, following)
    problems += _cycle_problems(document, items, following)
    if not problems:
        problems += _unreachable_problems(document, items, following)
    return problems


def _run_on_problems(
    document: YamlDocument, items: Sequence[Mapping[str, Any]], following: Successors
) -> list[Problem]:
    """Levels without ``next`` whose following level in the file starts a track of a fork."""
    forked = {
        level_id: item['id'] for item in items if len(item.get('next', ())) > 1 for level_id in item['next']
    }
    problems = []
    for index, item in enumerate(items[:-1]):
        after = items[index + 1]['id']
        if 'next' not in item and after in forked and forked[after] != item['id']:
            problems.append(
                document.problem(
                    ('levels', index, 'id'),
                    f"the track of level '{item['id']}' never ends: without 'next' it runs on into "
                    f"'{after}', which starts a track of '{forked[after]}'; write 'next: []' to end the "
                    f"track at '{item['id']}', or 'next: [{after}]' if it leads there",
                )
            )
    return problems


def _cycle_problems(
    document: YamlDocument, items: Sequence[Mapping[str, Any]], following: Successors
) -> list[Problem]:
    """Each cycle once, at the step that closes it (depth-first, in file order)."""
    index_of = {item['id']: index for index, item in enumerate(items)}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    problems = []

    for item in items:
        if item['id'] in state:
            continue
        path = [item['id']]
        steps = [iter(following[item['id']])]
        state[item['id']] = 1
        while steps:
            level_id = path[-1]
            after = next(steps[-1], None)
            if after is None:
                state[level_id] = 2
                path.pop()
                steps.pop()
            elif state.get(after) == 1:
                problems.append(
                    _cycle_problem(document, items[index_of[level_id]], index_of[level_id], path, after)
                )
            elif after not in state:
                state[after] = 1
                path.append(after)
                steps.append(iter(following[after]))
    return problems


def _cycle_problem(
    document: YamlDocument, item: Mapping[str, Any], index: int, path: list[str], after: str
) -> Problem:
    cycle = [*path[path.index(after) :], after]
    where: tuple[str | int, ...] = ('levels', index, 'id')
    if 'next' in item:
        where = ('levels', index, 'next', list(item['next']).index(after))
    return document.problem(
        where,
        f'the levels go round in a cycle: {" → ".join(cycle)}; a track must end '
        "(a last level has 'next: []')",
    )


def _unreachable_problems(
    document: YamlDocument, items: Sequence[Mapping[str, Any]], following: Successors
) -> list[Problem]:
    """Levels that no path from the first level reaches, each where such a part starts (no level
    leads to it; the levels after it are not named again)."""
    first = items[0]['id']
    reached = {first}
    todo = [first]
    while todo:
        for after in following[todo.pop()]:
            if after not in reached:
                reached.add(after)
                todo.append(after)
    led_to = {after for level_id in following for after in following[level_id]}
    return [
        document.problem(
            ('levels', index, 'id'),
            f"no path from the first level '{first}' reaches level '{item['id']}': name it in the "
            "'next' of the level before it",
        )
        for index, item in enumerate(items)
        if item['id'] not in reached and item['id'] not in led_to
    ]
