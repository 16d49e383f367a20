"""The extension and the tests stay ruff- and mypy-clean (the house style), and the extension's
modules stay on their floors: no import from a lower floor to a higher one, no circle."""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest
from conftest import REPO

if TYPE_CHECKING:
    from pathlib import Path

CHECKS = {
    'ruff check': ['-m', 'ruff', 'check', '_ext', 'tests', 'bench', 'conf.py'],
    'ruff format': ['-m', 'ruff', 'format', '--check', '_ext', 'tests', 'bench', 'conf.py'],
    'mypy': ['-m', 'mypy'],
}


@pytest.mark.parametrize('command', sorted(CHECKS))
def test_clean(command: str) -> None:
    result = subprocess.run(
        [sys.executable, *CHECKS[command]], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


DATA_LAYER = REPO / '_ext' / 'skill_matrix' / 'data'


def test_data_layer_imports_neither_sphinx_nor_docutils() -> None:
    """The data check runs without Sphinx: every data-layer module imports with both blocked."""
    modules = sorted(name for name in module_names(DATA_LAYER) if not name.endswith('.__main__'))
    assert 'skill_matrix.data.loader' in modules
    script = (
        'import sys, importlib\n'
        "sys.modules.update(dict.fromkeys(['sphinx', 'docutils'], None))\n"
        f'for name in {modules!r}:\n'
        '    importlib.import_module(name)\n'
    )
    result = subprocess.run(
        [sys.executable, '-c', script],
        cwd=REPO,
        env={'PYTHONPATH': str(REPO / '_ext'), 'PATH': ''},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_data_layer_source_names_neither_sphinx_nor_docutils() -> None:
    """What the README's one-line check finds: no such import line, even one not run."""
    offending = [
        f'{path.relative_to(REPO)}:{number}: {line.strip()}'
        for path in sorted(DATA_LAYER.rglob('*.py'))
        for number, line in enumerate(path.read_text(encoding='utf-8').splitlines(), 1)
        if line.lstrip().startswith(('import sphinx', 'from sphinx', 'import docutils', 'from docutils'))
    ]
    assert offending == []


# --- floors -------------------------------------------------------------------------------------

EXTENSION = REPO / '_ext' / 'skill_matrix'

FLOORS = ('data', 'labels', 'nodes', 'state', 'reading', 'outputs', 'faces')
"""The extension's floors, lowest first. A module imports from its own floor and those below."""

FLOOR_BY_NAME = {  # the longest name that a module is or lies in decides
    'skill_matrix.data': 'data',  # YAML to model and the data commands: neither Sphinx nor docutils
    'skill_matrix.catalogcheck': 'data',  # the translation catalogs' check: no Sphinx
    'skill_matrix.warning_types': 'labels',
    'skill_matrix.labels': 'labels',  # UI labels and dates in the build language
    'skill_matrix.nodes': 'nodes',  # doctree nodes and the builders of them
    'skill_matrix.state': 'state',  # per-build state, and the domain that keeps it
    'skill_matrix.directives': 'reading',
    'skill_matrix.stubs': 'reading',
    'skill_matrix.html': 'outputs',  # what every feature shares in HTML
    'skill_matrix.extension': 'faces',
    'skill_matrix': 'faces',  # setup(): imports the extension only when Sphinx calls it
}
FEATURES = ('matrix', 'roles', 'catalog', 'plan', 'review', 'i18n', 'pdf')
"""Packages with a face (``__init__.py``, floor ``faces``) and private modules behind it, each
on the floor its name says."""
PRIVATE_FLOORS = {
    '_state': 'state',
    '_data': 'reading',
    '_directives': 'reading',
    '_transforms': 'reading',
    '_warnings': 'reading',
    '_html': 'outputs',
    '_latex': 'outputs',
}


@dataclass(frozen=True)
class Import:
    module: str
    target: str
    line: int
    implicit: bool = False  # the package's __init__, which runs before the module imported from it

    def where(self) -> str:
        return f'{module_path(self.module)}:{self.line}'


def module_names(folder: Path) -> list[str]:
    """The dotted names of every module under *folder* (a package of the extension), recursively."""
    names = []
    for path in sorted(folder.rglob('*.py')):
        parts = path.relative_to(EXTENSION.parent).with_suffix('').parts
        names.append('.'.join(parts[:-1] if parts[-1] == '__init__' else parts))
    return names


def module_path(module: str) -> str:
    path = EXTENSION.parent.joinpath(*module.split('.'))
    file = path / '__init__.py' if path.is_dir() else path.with_suffix('.py')
    return str(file.relative_to(REPO))


def floor_of(module: str) -> str | None:
    parts = module.split('.')
    if len(parts) > 1 and parts[1] in FEATURES:
        if len(parts) == 2:
            return 'faces'
        return PRIVATE_FLOORS.get(parts[2])
    for length in range(len(parts), 0, -1):
        if floor := FLOOR_BY_NAME.get('.'.join(parts[:length])):
            return floor
    return None


def imports_of(module: str, known: set[str]) -> list[Import]:
    """Every import of an extension module in *module*'s source: at the top, in functions, under
    ``TYPE_CHECKING``; plus the packages whose ``__init__`` such an import runs first."""
    tree = ast.parse((REPO / module_path(module)).read_text(encoding='utf-8'))
    package = module if module_path(module).endswith('__init__.py') else module.rpartition('.')[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ''
            if node.level:
                anchor = package.split('.')[: len(package.split('.')) - node.level + 1]
                base = '.'.join([*anchor, base] if base else anchor)
            targets = [
                f'{base}.{alias.name}' if f'{base}.{alias.name}' in known else base for alias in node.names
            ]
        else:
            continue
        for target in targets:
            if target.split('.')[0] != 'skill_matrix':
                continue
            found.append(Import(module, target, node.lineno))
            parts = target.split('.')
            for length in range(2, len(parts)):
                parent = '.'.join(parts[:length])
                if module != parent and not module.startswith(f'{parent}.'):
                    found.append(Import(module, parent, node.lineno, implicit=True))
    return found


def extension_imports() -> tuple[list[str], list[Import]]:
    modules = module_names(EXTENSION)
    known = set(modules)
    return modules, [item for module in modules for item in imports_of(module, known)]


def floor_problems(modules: list[str], imports: list[Import]) -> list[str]:
    problems = [
        f'{module_path(module)}: {module} has no floor (FLOOR_BY_NAME)'
        for module in modules
        if not floor_of(module)
    ]
    for item in imports:
        low, high = floor_of(item.module), floor_of(item.target)
        if low and high and FLOORS.index(high) > FLOORS.index(low):
            how = (
                f'imports from {item.target}' if not item.implicit else f'runs the __init__ of {item.target}'
            )
            problems.append(
                f'{item.where()}: {item.module} (floor {low}) {how} (floor {high}): '
                'a module may import only from its own floor and those below'
            )
        hidden = next(
            (part for part in item.target.split('.') if part.startswith('_') and not part.startswith('__')),
            None,
        )
        owner = item.target.partition(f'.{hidden}')[0]
        if hidden and item.module != owner and not item.module.startswith(f'{owner}.'):
            problems.append(
                f'{item.where()}: {item.module} imports {item.target}, a private module of another package: '
                "import the package's face instead"
            )
        if (
            item.module.endswith('._state')
            and item.target.rpartition('.')[0] == item.module.rpartition('.')[0]
        ):
            problems.append(
                f'{item.where()}: {item.module} imports {item.target}: a state module imports no sibling'
            )
    return problems


def circles(imports: list[Import]) -> list[list[Import]]:
    """Each import circle once, as the imports that make it (Tarjan's strongly connected components)."""
    graph: dict[str, list[Import]] = {}
    for item in imports:
        graph.setdefault(item.module, []).append(item)
    index: dict[str, int] = {}
    lowest: dict[str, int] = {}
    stack: list[str] = []
    components: list[set[str]] = []

    def visit(module: str) -> None:
        index[module] = lowest[module] = len(index)
        stack.append(module)
        for item in graph.get(module, []):
            if item.target not in index:
                visit(item.target)
                lowest[module] = min(lowest[module], lowest[item.target])
            elif item.target in stack:
                lowest[module] = min(lowest[module], index[item.target])
        if lowest[module] == index[module]:
            component = set()
            while True:
                member = stack.pop()
                component.add(member)
                if member == module:
                    break
            components.append(component)

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return [
        [item for member in sorted(component) for item in graph.get(member, []) if item.target in component]
        for component in components
        if len(component) > 1
        or any(item.target in component for item in graph.get(next(iter(component)), []))
    ]


def test_every_module_imports_from_its_floor_or_below() -> None:
    modules, imports = extension_imports()
    assert 'skill_matrix.review._html' in modules  # the walk reached the subpackages
    assert floor_problems(modules, imports) == []


def test_no_import_circle() -> None:
    found = [
        'circle: ' + '; '.join(f'{item.where()}: {item.module} -> {item.target}' for item in circle)
        for circle in circles(extension_imports()[1])
    ]
    assert found == []
