"""The growth plan's data scripts and links in small test roots: hostile text stays data, other
builders and sites without a plan page show nothing of it. The real site's plan: tests/site/test_plan.py."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from conftest import PLAN_SCRIPT_CALL, read_plan_script, warnings

from skill_matrix.plan import as_script

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp


def test_hostile_text_cannot_escape_the_data_script(build: Callable[..., SphinxTestApp]) -> None:
    app = build('plan')
    assert warnings(app) == ''
    text = (app.outdir / 'plan-data' / 'backend-engineer.js').read_text(encoding='utf-8')
    assert '<' not in text
    assert '>' not in text
    assert '\u2028' not in text
    assert '\u2029' not in text
    data = read_plan_script(app.outdir / 'plan-data' / 'backend-engineer.js')
    hostile = next(skill for skill in data['skills'] if skill['id'] == 'hostile')
    assert hostile['title'] == '=HYPERLINK("http://example.com/x")'
    assert data['groups'][hostile['group']] == '<img src=x onerror="window.pwned=1">'
    assert hostile['cells'][0][1] == '</script><script>window.pwned = 1</script> & more'
    assert hostile['cells'][2][1] == '-1+1 @SUM(A1) "quoted" `code` *stars* [link](http://x)'
    # Roles are written whether or not a skill lists them; only the roles of roles.yaml.
    assert sorted(path.stem for path in (app.outdir / 'plan-data').iterdir()) == [
        'backend-engineer',
        'data-engineer',
        'qa-engineer',
        'security-engineer',
    ]
    assert read_plan_script(app.outdir / 'plan-data' / 'security-engineer.js')['skills'] == []


def test_line_and_paragraph_separators_are_escaped() -> None:
    """JSON allows U+2028 and U+2029 in strings; older JavaScript did not: they are escaped."""
    value = 'a\u2028b\u2029c</script><!--&'
    script = as_script({'text': value})
    assert '\u2028' not in script
    assert '\u2029' not in script
    assert '</' not in script
    match = PLAN_SCRIPT_CALL.match(script)
    assert match
    assert json.loads(match['json']) == {'text': value}


def test_other_builders_show_neither_the_plan_nor_links_to_it(build: Callable[..., SphinxTestApp]) -> None:
    app = build('plan', 'text')
    assert warnings(app) == ''
    assert 'Plan your growth' not in (app.outdir / 'python.txt').read_text(encoding='utf-8')
    assert 'JavaScript' not in (app.outdir / 'plan.txt').read_text(encoding='utf-8')
    assert not (app.outdir / 'plan-data').exists()


def test_without_a_plan_page_no_links(build: Callable[..., SphinxTestApp]) -> None:
    app = build('roles')  # no skill_matrix_plan_page
    assert warnings(app) == ''
    for name in ('python.html', 'roles/backend-engineer.html'):
        assert 'skill-plan-link' not in (app.outdir / name).read_text(encoding='utf-8')


def test_each_skill_has_one_key_for_the_whole_build(build: Callable[..., SphinxTestApp]) -> None:
    """A skill's key is the same in every role's data, no two skills share one or start another's,
    and each starts the 12-character reference by which links of earlier builds are read."""
    app = build('plan')
    keys: dict[str, set[str]] = {}
    for path in (app.outdir / 'plan-data').glob('*.js'):
        for skill in read_plan_script(path)['skills']:
            assert len(skill['ref']) == 12
            assert skill['ref'].startswith(skill['key'])
            assert len(skill['key']) >= 4
            keys.setdefault(skill['id'], set()).add(skill['key'])
    assert all(len(found) == 1 for found in keys.values())
    values = [next(iter(found)) for found in keys.values()]
    assert len(values) == len({*values}) == 4
    assert not any(one != other and other.startswith(one) for one in values for other in values)
