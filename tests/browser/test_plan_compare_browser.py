"""The growth plan with a second assessment, its chart, the role pages' chart and skill keys that
never collide, in Chromium (as test_plan_browser.py).

One synthetic site (built once for the module): four domains, every text of a skill different at
each level, so that each step of a path is an item; two of its skills have ids whose first four
reference digits (the whole key in links of earlier builds) are the same. The expected values are
worked out by hand from the YAML written here.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, quote, urlsplit

import pytest
from conftest import (
    PLAN_RENDERED,
    PLAN_TWO_RENDERED,
    SITE_LEVEL_IDS as LEVELS,
    plan_site_without_skills,
    read_plan_script,
    require_axe,
    serious_violations,
    sphinx_process,
    squeeze,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser, Page

DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz'


def old_key(skill_id: str) -> str:
    """The key of links written before keys could be longer: 4 base-36 digits of the id's SHA-256,
    the lowest first (the format skill_plan.js documents)."""
    number = int.from_bytes(hashlib.sha256(skill_id.encode('utf-8')).digest(), 'big')
    key = ''
    for _index in range(4):
        number, digit = divmod(number, 36)
        key += DIGITS[digit]
    return key


def colliding_pair() -> tuple[str, str]:
    seen: dict[str, str] = {}
    for number in range(100_000):
        skill_id = f'pair-{number}'
        key = old_key(skill_id)
        if key in seen:
            return seen[key], skill_id
        seen[key] = skill_id
    raise AssertionError('no pair found')


PAIR = colliding_pair()
# skill id -> (domain, group, index of the first level at which backend-engineer requires it)
SKILLS = {
    'd1': ('Data', 'Storage', 1),
    'd2': ('Data', 'Storage', 2),
    'p1': ('Platform', 'Cloud', 1),
    's1': ('Security', 'AppSec', 3),
    PAIR[0]: ('Pairs', 'Twins', 0),
    PAIR[1]: ('Pairs', 'Twins', 4),
}


def text(skill: str, level: str) -> str:
    return f'Does {skill} at {level} level.'


@pytest.fixture(scope='module')
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp('compare') / 'src'
    plan_site_without_skills(source)
    for skill, (domain, group, first) in SKILLS.items():
        levels = ''.join(
            f'    {level}:\n      required: {str(index >= first).lower()}\n'
            f'      description: {text(skill, level)}\n'
            for index, level in enumerate(LEVELS)
        )
        (source / 'data' / 'skills' / f'{skill}.yaml').write_text(
            f'id: {skill}\ntitle: Skill {skill}\ndomain: {domain}\ngroup: {group}\nupdated: 2025-06-30\n'
            f'roles:\n  backend-engineer:\n{levels}',
            encoding='utf-8',
        )
    out = source.parent / 'html'
    with (source / 'conf.py').open('a', encoding='utf-8') as conf:
        conf.write("html_theme = 'furo'\n")  # the site's theme, which axe checks
    sphinx_process(source, out, '-D', 'suppress_warnings=skill_matrix.unused')
    return out


@pytest.fixture
def tab(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={'width': 1280, 'height': 900})
    page = context.new_page()
    errors: list[str] = []
    page.on('pageerror', lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def open_plan(tab: Page, site: Path, query: str) -> None:
    tab.goto(f'{(site / "plan.html").as_uri()}?{query}')
    tab.wait_for_selector(PLAN_RENDERED)


def query(tab: Page) -> str:
    return urlsplit(tab.url).query


def tick(tab: Page, skill: str, level: str, side: int = 0) -> None:
    box = tab.locator(f'article[data-skill="{skill}"] li[data-level="{level}"] input[data-side="{side}"]')
    assert box.count() == 1, (skill, level, side)
    box.check()


def marks(tab: Page, skill: str) -> dict[str, list[str]]:
    """Each item of *skill* (by level): per assessment 'x' (ticked), ' ' (not) or '—' (not on its path)."""
    found: dict[str, list[str]] = tab.eval_on_selector_all(
        f'article[data-skill="{skill}"] li.skill-plan-item',
        """items => Object.fromEntries(items.map(item => [item.dataset.level, [0, 1].map(side => {
            const box = item.querySelector(`input[data-side="${side}"]`);
            if (box) { return box.checked ? 'x' : ' '; }
            return side === 1 && !item.querySelector('.skill-plan-off') ? null : '—';
        }).filter(mark => mark !== null)]))""",
    )
    return found


def chart(tab: Page) -> dict[str, dict[str, float]]:
    """The chart's points: series -> axis -> value, read off the SVG."""
    points: list[dict[str, Any]] = tab.eval_on_selector_all(
        '.skill-chart svg circle.skill-chart-point',
        'points => points.map(p => ({series: p.dataset.series, axis: p.dataset.axis, '
        'value: p.dataset.value}))',
    )
    values: dict[str, dict[str, float]] = {}
    for point in points:
        values.setdefault(point['series'], {})[point['axis']] = float(point['value'])
    return values


def chart_table(tab: Page) -> list[list[str]]:
    rows: list[list[str]] = tab.eval_on_selector_all(
        '.skill-chart table.skill-chart-table tr',
        'rows => rows.map(row => Array.from(row.children).map(cell => cell.textContent))',
    )
    return rows


# --- keys ------------------------------------------------------------------------------------


def test_two_skills_whose_old_keys_collide_keep_their_own_ticks_and_levels(tab: Page, site: Path) -> None:
    first, second = PAIR
    keys = {
        skill['id']: skill['key']
        for skill in read_plan_script(site / 'plan-data' / 'backend-engineer.js')['skills']
    }
    assert keys[first] != keys[second]
    assert keys[first].startswith(old_key(first))
    open_plan(tab, site, 'role=backend-engineer&current=junior&target=middle')
    tick(tab, first, 'middle')
    tab.get_by_label(f'Current level in Skill {second}', exact=True).select_option('senior')
    link = query(tab)
    open_plan(tab, site, link)
    assert marks(tab, first) == {'middle': ['x']}
    assert marks(tab, second) == {}  # its own level: Senior, the target is behind it
    assert tab.eval_on_selector(f'#skill-plan-current-{first}', 'select => select.value') == ''
    assert squeeze(tab.inner_text('.skill-plan-progress')) == '1 of 5 covered'


def test_a_link_of_the_earlier_format_still_reads(tab: Page, site: Path) -> None:
    """Links of earlier builds name every skill by 4 characters; two skills that share them are
    told apart by the ticked text's hash."""
    first, second = PAIR
    data = read_plan_script(site / 'plan-data' / 'backend-engineer.js')
    cells = {skill['id']: skill['cells'] for skill in data['skills']}
    middle = LEVELS.index('middle')
    ticks = (
        f'{old_key(second)}{middle}{cells[second][middle][2]}.{old_key("d1")}{middle}{cells["d1"][middle][2]}'
    )
    open_plan(tab, site, f'role=backend-engineer&current=junior&target=middle&t={ticks}&o={old_key("p1")}2')
    assert marks(tab, first) == {'middle': [' ']}
    assert marks(tab, second) == {'middle': ['x']}
    assert marks(tab, 'd1') == {'middle': ['x']}
    assert marks(tab, 'p1') == {}  # its level from the link: Senior
    assert tab.eval_on_selector('#skill-plan-current-p1', 'select => select.value') == 'senior'
    assert tab.is_hidden('.skill-plan-notice')


def test_a_combined_link_of_the_format_before_the_bitmaps_still_reads(tab: Page, site: Path) -> None:
    """A link as this site's plan wrote it before b: ticks in t (a level digit and the text's hash per
    item), who ticked them in w, per-skill levels in o and o2; copied from the address bar."""
    link = (
        'role=backend-engineer&current=junior&target=senior&c2=middle&n2=Kim'
        '&o=ga5u1&o2=mh5f0&t=1pvb1i92fx.mh5f1vp.sckf2ft&w=39'
    )
    open_plan(tab, site, link)
    assert marks(tab, 'd1') == {'middle': ['x', '—'], 'senior': [' ', 'x']}
    assert marks(tab, 'p1') == {'middle': ['x', ' '], 'senior': [' ', ' ']}
    assert marks(tab, 's1') == {'middle': [' ', '—'], 'senior': [' ', 'x']}
    assert marks(tab, 'd2') == {'senior': [' ', ' ']}
    assert tab.eval_on_selector('#skill-plan-current-d2', 'select => select.value') == 'middle'
    assert tab.eval_on_selector('#skill-plan-current-p1-2', 'select => select.value') == 'junior'
    assert tab.is_hidden('.skill-plan-notice')
    assert tab.locator('.skill-plan-changed:not([hidden])').count() == 0
    # written again in today's format, the link shows the same
    written = dict(parse_qsl(query(tab)))
    assert 't' not in written
    assert 'w' not in written
    assert 'b' in written
    open_plan(tab, site, query(tab))
    assert marks(tab, 'd1') == {'middle': ['x', '—'], 'senior': [' ', 'x']}
    assert marks(tab, 'p1') == {'middle': ['x', ' '], 'senior': [' ', ' ']}
    assert marks(tab, 's1') == {'middle': [' ', '—'], 'senior': [' ', 'x']}


def test_a_changed_text_marks_the_ticks_of_its_skill(tab: Page, site: Path) -> None:
    """A part of b whose check does not match this build's texts (a ticked text changed since): the
    skill's ticks stay, marked as changed; a part that cannot be read is ignored and named."""
    open_plan(tab, site, 'role=backend-engineer&current=junior&target=senior')
    tick(tab, 'd1', 'middle')
    tick(tab, 'd1', 'senior')
    header, part = dict(parse_qsl(query(tab)))['b'].split('.')
    # the last digit of a part holds only check bits: another one is the check of other texts
    changed = part[:-1] + ('A' if part[-1] != 'A' else 'B')
    open_plan(tab, site, f'role=backend-engineer&current=junior&target=senior&b={header}.{changed}.zz')
    shown = tab.eval_on_selector_all(
        'article[data-skill="d1"] li.skill-plan-item',
        'items => items.map(item => [item.dataset.level, item.querySelector("input").checked, '
        '!item.querySelector(".skill-plan-changed").hidden])',
    )
    assert sorted(shown) == [['middle', True, True], ['senior', True, True]]
    assert tab.locator('.skill-plan-changed:not([hidden])').count() == 2
    notice = squeeze(tab.inner_text('.skill-plan-notice'))
    assert notice == 'Some of this link could not be read and was ignored: 1 unreadable ticked item.'
    # the same link without the changed part: nothing marked
    open_plan(tab, site, f'role=backend-engineer&current=junior&target=senior&b={header}.{part}')
    assert tab.locator('.skill-plan-changed:not([hidden])').count() == 0
    assert tab.is_hidden('.skill-plan-notice')


# --- two assessments --------------------------------------------------------------------------


def two_links(tab: Page, site: Path) -> tuple[str, str]:
    """Mine: Junior → Senior, d1 and p1 Middle ticked; theirs: Middle → Senior, d1 Senior ticked."""
    open_plan(tab, site, 'role=backend-engineer&current=junior&target=senior')
    tick(tab, 'd1', 'middle')
    tick(tab, 'p1', 'middle')
    mine = query(tab)
    open_plan(tab, site, 'role=backend-engineer&current=middle&target=senior')
    tick(tab, 'd1', 'senior')
    return mine, f'{(site / "plan.html").as_uri()}?{query(tab)}'


def check_combined(tab: Page, other: str = 'Alex') -> None:
    assert marks(tab, 'd1') == {'middle': ['x', '—'], 'senior': [' ', 'x']}
    assert marks(tab, 'p1') == {'middle': ['x', '—'], 'senior': [' ', ' ']}
    assert marks(tab, 's1') == {'middle': [' ', '—'], 'senior': [' ', ' ']}
    difference = tab.inner_text('article[data-skill="d1"] .skill-plan-difference')
    assert squeeze(difference) == f'Levels differ: Me Junior, {other} Middle'
    summary = squeeze(tab.inner_text('.skill-plan-summary'))
    assert f'compared: Me Junior, {other} Middle' in summary
    progress = squeeze(tab.inner_text('.skill-plan-progress'))
    assert progress == f'Me: 2 of 12 covered · {other}: 1 of 6 covered'


def test_a_pasted_link_is_compared_side_by_side(tab: Page, site: Path) -> None:
    mine, theirs = two_links(tab, site)
    open_plan(tab, site, mine)
    tab.get_by_label('Link of the second assessment', exact=True).fill(theirs)
    tab.get_by_label('Name of the second assessment', exact=True).fill('Alex')
    tab.get_by_role('button', name='Compare', exact=True).click()
    tab.wait_for_selector(PLAN_TWO_RENDERED)
    check_combined(tab)
    # the items' check boxes are named by whose they are and the text
    assert tab.get_by_role('checkbox', name=f'Alex {text("d1", "senior")}').is_checked()
    # the combined view is a link: a reload shows it again
    combined = query(tab)
    assert 'with=' not in combined
    open_plan(tab, site, combined)
    check_combined(tab)
    # required items that one of the two has not covered (ticked, or behind their level)
    tab.get_by_label('Only what blocks the target', exact=True).check()
    shown = tab.eval_on_selector_all('article.skill-plan-skill', 'skills => skills.map(s => s.dataset.skill)')
    assert shown == ['d1', 'd2', PAIR[0], 'p1']
    assert {skill: list(marks(tab, skill)) for skill in shown} == {
        'd1': ['senior'],
        'd2': ['senior'],
        PAIR[0]: ['middle', 'senior'],
        'p1': ['senior'],
    }
    assert 'f=b' in query(tab)
    tab.get_by_role('button', name='Remove the second assessment').click()
    assert 'c2=' not in query(tab)
    assert not tab.locator('.skill-plan-two').count()


def test_a_link_with_a_second_plan_opens_the_combined_view(tab: Page, site: Path) -> None:
    mine, theirs = two_links(tab, site)
    open_plan(tab, site, f'{mine}&with={quote(theirs, safe="")}&n2=Kim')
    check_combined(tab, 'Kim')
    with tab.expect_download() as info:
        tab.get_by_role('button', name='Download Markdown').click()
    markdown = Path(info.value.path()).read_text(encoding='utf-8')
    assert '- Me: Current level: Junior\n' in markdown
    assert '- Kim: Current level: Middle\n' in markdown
    assert f'- Senior: {text("d1", "senior")} (Required) — Me: [ ] · Kim: [x] (Differs)\n' in markdown
    assert f'- Middle: {text("d1", "middle")} (Becomes required) — Me: [x] · Kim: —\n' in markdown
    with tab.expect_download() as info:
        tab.get_by_role('button', name='Download CSV').click()
    rows = Path(info.value.path()).read_text(encoding='utf-8-sig').splitlines()
    assert rows[0] == (
        '"Domain","Group","Skill","Level","Required","Description",'
        '"Me: Current level","Me: covered","Kim: Current level","Kim: covered"'
    )
    assert (
        f'"Data","Storage","Skill d1","Senior","Required","{text("d1", "senior")}","Junior","","Middle","x"'
        in rows
    )


def test_another_roles_link_is_refused_with_a_reason(tab: Page, site: Path) -> None:
    open_plan(tab, site, 'role=backend-engineer&current=junior&target=middle')
    tab.get_by_label('Link of the second assessment', exact=True).fill(
        'plan.html?role=qa-engineer&current=junior'
    )
    tab.get_by_role('button', name='Compare', exact=True).click()
    status = tab.inner_text('.skill-plan-compare-status')
    assert status == 'the second link is a plan for QA Engineer, not for Backend Engineer'
    assert not tab.locator('.skill-plan-two').count()
    tab.get_by_label('Link of the second assessment', exact=True).fill('https://example.com/?q=1')
    tab.get_by_role('button', name='Compare', exact=True).click()
    assert tab.inner_text('.skill-plan-compare-status') == 'the second link is not the link of a growth plan'


# --- charts ----------------------------------------------------------------------------------


def test_the_chart_has_an_axis_per_domain_with_the_values(tab: Page, site: Path) -> None:
    open_plan(tab, site, 'role=backend-engineer&current=junior&target=senior')
    tick(tab, 'p1', 'middle')  # Platform: Middle reached
    tick(tab, 's1', 'senior')  # Security: Senior ticked, Middle not: still Junior
    tab.get_by_label('Current level in Skill d2', exact=True).select_option('senior')  # Data: (1 + 3) / 2
    assert tab.get_attribute('.skill-chart', 'data-shape') == 'radar'
    assert tab.inner_text('.skill-chart-title') == 'Profile by domain'
    axes = tab.eval_on_selector_all(
        '.skill-chart svg .skill-chart-axis', 'axes => axes.map(a => a.dataset.axis)'
    )
    assert sorted(axes) == ['data', 'pairs', 'platform', 'security']
    target = {'data': 3.0, 'pairs': 3.0, 'platform': 3.0, 'security': 3.0}
    assert chart(tab) == {
        'first': {'data': 2.0, 'pairs': 1.0, 'platform': 2.0, 'security': 1.0},
        'target': target,
    }
    # the same numbers as a table, named by the chart's caption
    rows = chart_table(tab)
    assert rows[0] == ['Domain', 'Skills', 'Me', 'Target (Senior)']
    assert sorted(rows[1:]) == [
        ['Data', '2', '2.0', '3.0'],
        ['Pairs', '2', '1.0', '3.0'],
        ['Platform', '1', '2.0', '3.0'],
        ['Security', '1', '1.0', '3.0'],
    ]
    caption = tab.get_attribute('.skill-chart table', 'aria-labelledby')
    assert tab.inner_text(f'[id="{caption}"]').startswith('Profile by domain')
    assert tab.get_attribute('.skill-chart svg', 'aria-hidden') == 'true'
    # a second assessment is a third series
    theirs = 'role=backend-engineer&current=middle&target=senior'
    tab.get_by_label('Link of the second assessment', exact=True).fill(theirs)
    tab.get_by_role('button', name='Compare', exact=True).click()
    tab.wait_for_selector(PLAN_TWO_RENDERED)
    assert chart(tab)['second'] == {'data': 2.0, 'pairs': 2.0, 'platform': 2.0, 'security': 2.0}
    assert chart(tab)['first'] == {'data': 2.0, 'pairs': 1.0, 'platform': 2.0, 'security': 1.0}


def test_print_shows_the_chart_and_both_assessments_without_controls(tab: Page, site: Path) -> None:
    mine, theirs = two_links(tab, site)
    open_plan(tab, site, f'{mine}&with={quote(theirs, safe="")}&n2=Alex')
    tab.emulate_media(media='print')
    assert tab.is_visible('.skill-chart svg')
    visible = tab.eval_on_selector_all(
        'input, select, button, fieldset', 'nodes => nodes.filter(n => n.getClientRects().length).length'
    )
    assert visible == 0
    names = tab.eval_on_selector_all(
        'article[data-skill="d1"] li[data-level="senior"] .skill-plan-covered',
        'labels => labels.filter(l => l.getClientRects().length).map(l => l.textContent)',
    )
    assert names == ['Me', 'Alex']


def test_the_role_page_chart_counts_required_skills_per_domain(tab: Page, site: Path) -> None:
    tab.goto((site / 'roles' / 'backend-engineer.html').as_uri())
    tab.wait_for_selector('.skill-chart svg')
    assert tab.inner_text('.skill-chart-title') == 'Required skills per domain, level by level'
    # required from: d1 Middle, d2 Senior (Data); p1 Middle; s1 Lead; the pair Junior and Principal
    assert chart(tab) == {
        'junior': {'data': 0, 'pairs': 1, 'platform': 0, 'security': 0},
        'middle': {'data': 1, 'pairs': 1, 'platform': 1, 'security': 0},
        'senior': {'data': 2, 'pairs': 1, 'platform': 1, 'security': 0},
        'lead': {'data': 2, 'pairs': 1, 'platform': 1, 'security': 1},
        'principal': {'data': 2, 'pairs': 2, 'platform': 1, 'security': 1},
    }
    rows = chart_table(tab)
    assert rows[0] == ['Domain', 'Skills', 'Junior', 'Middle', 'Senior', 'Lead', 'Principal']
    assert ['Data', '2', '0', '1', '2', '2', '2'] in rows


def test_no_serious_accessibility_violations_with_two_assessments(tab: Page, site: Path) -> None:
    require_axe()
    mine, theirs = two_links(tab, site)
    open_plan(tab, site, f'{mine}&with={quote(theirs, safe="")}')
    assert serious_violations(tab) == []
    tab.goto((site / 'roles' / 'backend-engineer.html').as_uri())
    tab.wait_for_selector('.skill-chart svg')
    assert serious_violations(tab) == []
