"""The growth plan in a real browser (Playwright + Chromium, as tests/test_browser.py).

Expected texts come from the YAML files and the site's catalogs; the link's format is checked
only through what a reader does with it (reload it, open it in another language, rebuild).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
from conftest import (
    PLAN_CONTROLS as CONTROLS,
    PLAN_RENDERED,
    PLAN_TWO_RENDERED,
    ROOTS,
    SITE_LANGUAGES as LANGUAGES,
    SITE_LEVEL_IDS as LEVELS,
    SITE_ROLE_IDS as ROLE_IDS,
    SITE_SKILLS as SKILLS,
    in_language,
    plan_site_without_skills,
    require_axe,
    serious_violations,
    sphinx_process,
    squeeze,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

PROGRESS = {'en': '{} of {} covered', 'de': '{} von {} abgedeckt', 'zh_CN': '已掌握 {}/{}'}


def cell(skill: str, role: str, level: str, language: str = 'en') -> str:
    return in_language(SKILLS[skill]['roles'][role][level]['description'], language)


def choose(page: Page, language: str, role: str, current: str, target: str) -> None:
    """Use the controls by their visible labels, as a reader does."""
    role_label, current_label, target_label = CONTROLS[language]
    page.get_by_label(role_label, exact=True).select_option(role)
    page.get_by_label(current_label, exact=True).select_option(current)
    page.get_by_label(target_label, exact=True).select_option(target)
    page.wait_for_selector(PLAN_RENDERED)


def items(page: Page, skill: str) -> list[dict[str, str]]:
    """The items shown for *skill*: level, new text, checked, changed."""
    found: list[dict[str, str]] = page.eval_on_selector_all(
        f'article[data-skill="{skill}"] li.skill-plan-item',
        """items => items.map(item => ({
            level: item.dataset.level,
            now: item.querySelector('.skill-plan-now p:last-child').textContent,
            before: item.querySelector('.skill-plan-before p:last-child').textContent,
            checked: String(item.querySelector('input[type=checkbox]').checked),
            changed: String(!item.querySelector('.skill-plan-changed').hidden),
        }))""",
    )
    return found


def progress(page: Page) -> str:
    return squeeze(page.inner_text('.skill-plan-progress'))


def wait_for_tick_in_url(page: Page, skills: int) -> None:
    """Wait until the link holds ticks of *skills* skills (b: a header, then a part per skill)."""
    page.wait_for_function(
        f'() => (new URLSearchParams(location.search).get("b") || "").split(".").length > {skills}',
        timeout=5000,
    )


def test_ml_engineer_middle_to_senior_shows_pytorchs_senior_text(page: Page) -> None:
    for language in LANGUAGES:
        page.goto(f'{language}/plan.html')
        values = page.eval_on_selector_all('#skill-plan-role option', 'options => options.map(o => o.value)')
        assert values == ['', *ROLE_IDS]
        values = page.eval_on_selector_all(
            '#skill-plan-current option', 'options => options.map(o => o.value)'
        )
        assert values == list(LEVELS)
        choose(page, language, 'ml-engineer', 'middle', 'senior')
        [item] = items(page, 'pytorch')
        assert squeeze(item['now']) == cell('pytorch', 'ml-engineer', 'senior', language)
        assert squeeze(item['before']) == cell('pytorch', 'ml-engineer', 'middle', language)
        # The checkbox's accessible name is the item's text.
        box = page.get_by_role('checkbox', name=cell('pytorch', 'ml-engineer', 'senior', language))
        assert box.count() == 1
        assert progress(page) == PROGRESS[language].format(0, 1)
        query = urlsplit(page.url).query
        assert 'role=ml-engineer' in query
        assert 'current=middle' in query
        assert 'target=senior' in query


def test_the_target_defaults_to_the_next_level(page: Page) -> None:
    page.goto('en/plan.html?role=data-scientist&current=senior')
    page.wait_for_selector(PLAN_RENDERED)
    assert page.eval_on_selector('#skill-plan-target', 'select => select.value') == 'lead'
    page.get_by_label('Current level', exact=True).select_option('junior')
    assert page.eval_on_selector('#skill-plan-target', 'select => select.value') == 'lead'


def test_a_per_skill_level_changes_only_that_skill(page: Page) -> None:
    page.goto('en/plan.html')
    choose(page, 'en', 'data-scientist', 'middle', 'lead')
    skills = [skill for skill in SKILLS if 'data-scientist' in SKILLS[skill]['roles']]
    before = {skill: items(page, skill) for skill in skills}
    assert [item['level'] for item in before['pytorch']] == ['senior', 'lead']
    page.get_by_label('Current level in PyTorch', exact=True).select_option('senior')
    after = {skill: items(page, skill) for skill in skills}
    assert [item['level'] for item in after['pytorch']] == ['lead']
    assert {skill: after[skill] for skill in skills if skill != 'pytorch'} == {
        skill: before[skill] for skill in skills if skill != 'pytorch'
    }
    # The link keeps the skill's level: a reload shows the same.
    page.reload()
    page.wait_for_selector(PLAN_RENDERED)
    assert {skill: items(page, skill) for skill in skills} == after


def tick_two(page: Page) -> list[str]:
    """Tick PyTorch's and Deep Learning Frameworks' Senior items of a Data Scientist (Middle → Senior)."""
    page.goto('en/plan.html')
    choose(page, 'en', 'data-scientist', 'middle', 'senior')
    ticked = ['pytorch', 'deep-learning-frameworks']
    for skill in ticked:
        page.get_by_role('checkbox', name=cell(skill, 'data-scientist', 'senior')).check()
    wait_for_tick_in_url(page, 2)
    return ticked


def test_ticks_survive_a_reload_and_another_language(page: Page) -> None:
    ticked = tick_two(page)
    total = sum(1 for skill in SKILLS if 'data-scientist' in SKILLS[skill]['roles'])
    assert progress(page) == PROGRESS['en'].format(2, total)
    query = urlsplit(page.url).query
    assert len(page.url) < 2000
    for language in ('en', 'zh_CN', 'de'):
        page.goto(f'{language}/plan.html?{query}')
        page.wait_for_selector(PLAN_RENDERED)
        for skill in SKILLS:
            if 'data-scientist' not in SKILLS[skill]['roles']:
                continue
            [item] = items(page, skill)
            assert squeeze(item['now']) == cell(skill, 'data-scientist', 'senior', language)
            assert item['checked'] == str(skill in ticked).lower()
            assert item['changed'] == 'false'
        assert progress(page) == PROGRESS[language].format(2, total)


def test_progress_is_announced(page: Page) -> None:
    page.goto('en/plan.html')
    choose(page, 'en', 'data-scientist', 'middle', 'senior')
    assert page.get_attribute('.skill-plan-progress', 'aria-live') == 'polite'
    box = page.locator('li.skill-plan-item input[type=checkbox]').first
    box.focus()
    page.keyboard.press('Space')
    assert box.is_checked()
    assert progress(page).startswith('1 of ')
    hint = page.locator('article.skill-plan-skill .skill-plan-hint').first.inner_text()
    assert squeeze(hint) == '1 of 1 Senior expectation covered'


def test_the_markdown_download_holds_the_ticked_items(page: Page) -> None:
    ticked = tick_two(page)
    with page.expect_download() as info:
        page.get_by_role('button', name='Download Markdown').click()
    download = info.value
    assert download.suggested_filename == 'growth-plan-data-scientist-middle-senior.md'
    text = Path(download.path()).read_text(encoding='utf-8')
    assert text.startswith('# Growth plan: Data Scientist\n')
    assert '- Current level: Middle\n' in text
    assert '- Target level: Senior\n' in text
    lines = text.splitlines()
    for skill in SKILLS:
        if 'data-scientist' not in SKILLS[skill]['roles']:
            continue
        mark = 'x' if skill in ticked else ' '
        start = f'- [{mark}] Senior: {cell(skill, "data-scientist", "senior")[:40]}'
        assert any(line.startswith(start) for line in lines), (start, text)
    assert sum(line.startswith('- [x] ') for line in lines) == 2


def test_printed_plan_shows_no_control(page: Page) -> None:
    tick_two(page)
    page.emulate_media(media='print')
    visible = page.eval_on_selector_all(
        'input, select, button, textarea, .sidebar-drawer, .toc-drawer',
        'nodes => nodes.filter(n => n.getClientRects().length).map(n => n.outerHTML.slice(0, 60))',
    )
    assert visible == []
    assert page.is_visible('.skill-plan-summary')
    assert 'Data Scientist: from Middle to Senior' in page.inner_text('.skill-plan-summary')
    boxes = page.eval_on_selector_all(
        '.skill-plan-box', 'boxes => boxes.map(box => getComputedStyle(box, "::before").content)'
    )
    assert sorted(boxes) == sorted(['"✓"', '"✓"'] + ['none'] * (len(boxes) - 2))


@pytest.mark.parametrize(
    ('query', 'said'),
    [
        ('role=nobody&current=middle', ['the unknown role “nobody”']),
        ('role=data-scientist&current=guru&target=senior', ['the unknown level “guru”']),
        ('role=data-scientist&current=middle&target=senior&t=%%%.zz&o=garbage', ['unreadable']),
        # ticks as bitmaps: a part of no skill, one of a broken length; a header of another level count
        (
            'role=data-scientist&current=middle&target=senior&b=15.zzzzAAA.%%%..',
            ['2 unreadable ticked items'],
        ),
        ('role=data-scientist&current=middle&target=senior&b=19.zzzzAAA', ['1 unreadable ticked item']),
    ],
)
def test_a_garbled_link_is_read_as_far_as_it_goes(page: Page, query: str, said: list[str]) -> None:
    page.goto(f'en/plan.html?{query}')
    page.wait_for_selector('.skill-plan-notice:not([hidden])')
    notice = page.inner_text('.skill-plan-notice')
    assert notice.startswith('Some of this link could not be read and was ignored:')
    for words in said:
        assert words in notice


def test_a_truncated_link_keeps_what_it_can_read(page: Page) -> None:
    tick_two(page)
    query = urlsplit(page.url).query
    page.goto(f'en/plan.html?{query[:-2]}')  # the last item loses its hash
    page.wait_for_selector(PLAN_RENDERED)
    notice = page.inner_text('.skill-plan-notice')
    assert '1 unreadable ticked item' in notice
    assert progress(page).startswith('1 of ')


@pytest.mark.parametrize('language', LANGUAGES)
def test_without_javascript_the_page_says_what_it_needs(browser: Browser, server: str, language: str) -> None:
    context = browser.new_context(base_url=f'{server}/', java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(f'{language}/plan.html')
        assert tab.is_visible('.skill-plan-noscript')
        links = tab.eval_on_selector_all('.skill-plan-noscript a', 'links => links.map(link => link.href)')
        assert [link.rsplit('/', 2)[-2:] for link in links] == [
            ['roles', f'{role}.html'] for role in ROLE_IDS
        ]
    finally:
        context.close()


@pytest.mark.parametrize('language', LANGUAGES)
def test_no_serious_accessibility_violations_on_the_plan(page: Page, language: str) -> None:
    require_axe()
    page.goto(f'{language}/plan.html?role=nobody')  # with the notice
    assert serious_violations(page) == []
    choose(page, language, 'data-scientist', 'middle', 'lead')
    page.locator('li.skill-plan-item input[type=checkbox]').first.check()
    assert serious_violations(page) == []


# --- a local copy, rebuilt after edits, opened from file:// --------------------------------------


@pytest.fixture
def local_site(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / 'src'
    shutil.copytree(ROOTS / 'test-plan', source)
    return source, tmp_path / 'html'


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding='utf-8')
    assert old in text
    path.write_text(text.replace(old, new), encoding='utf-8')


def test_ticks_survive_a_rebuild_and_mark_changed_text(
    browser: Browser, local_site: tuple[Path, Path]
) -> None:
    source, out = local_site
    sphinx_process(source, out)
    context = browser.new_context()
    errors: list[str] = []
    try:
        tab = context.new_page()
        tab.on('pageerror', lambda error: errors.append(str(error)))
        tab.goto((out / 'plan.html').as_uri())  # a local file: no server
        choose(tab, 'en', 'backend-engineer', 'junior', 'senior')
        tab.get_by_role('checkbox', name='Designs service boundaries and their APIs.').check()
        tab.get_by_role(
            'checkbox', name='Keeps the suite fast; splits slow tests into a nightly | marked job.'
        ).check()
        wait_for_tick_in_url(tab, 2)
        link = (out / 'plan.html').as_uri() + '?' + urlsplit(tab.url).query

        def state() -> dict[str, list[tuple[str, str, str]]]:
            tab.goto(link)
            tab.wait_for_selector(PLAN_RENDERED)
            return {
                skill: [(item['level'], item['checked'], item['changed']) for item in items(tab, skill)]
                for skill in ('python', 'testing')
            }

        ticked = {
            'python': [('middle', 'false', 'false'), ('senior', 'true', 'false')],
            'testing': [('middle', 'false', 'false'), ('senior', 'true', 'false')],
        }
        assert state() == ticked
        # Another skill of the role changes, and a new skill comes: the ticks stay as they were.
        edit(source / 'data' / 'skills' / 'hostile.yaml', 'description: Leads.', 'description: Leads teams.')
        shutil.copy(source / 'data' / 'skills' / 'sql.yaml', source / 'data' / 'skills' / 'sql2.yaml')
        edit(source / 'data' / 'skills' / 'sql2.yaml', 'id: sql', 'id: sql2')
        edit(source / 'data' / 'skills' / 'sql2.yaml', '  data-engineer:', '  backend-engineer:')
        (source / 'sql2.rst').write_text('SQL 2\n=====\n\n.. skill-matrix:: sql2\n', encoding='utf-8')
        edit(source / 'index.rst', '   sql\n', '   sql\n   sql2\n')
        sphinx_process(source, out)
        assert state() == ticked
        # The ticked item's own text changes: it stays ticked, marked as changed.
        edit(
            source / 'data' / 'skills' / 'python.yaml',
            'Designs service boundaries and their APIs.',
            'Designs service boundaries, their APIs and their versions.',
        )
        sphinx_process(source, out)
        assert state() == {
            'python': [('middle', 'false', 'false'), ('senior', 'true', 'true')],
            'testing': [('middle', 'false', 'false'), ('senior', 'true', 'false')],
        }
        # text_content: below the chart, the skill is off screen, and Chromium does not lay it out
        changed = tab.locator('.skill-plan-changed:not([hidden])').text_content()
        assert changed == 'changed since you ticked it'
    finally:
        context.close()
    assert errors == []


def test_the_csv_download_is_safe_in_a_spreadsheet(browser: Browser, local_site: tuple[Path, Path]) -> None:
    source, out = local_site
    sphinx_process(source, out)
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto((out / 'plan.html').as_uri() + '?role=backend-engineer&current=junior&target=senior')
        tab.wait_for_selector(PLAN_RENDERED)
        assert tab.evaluate('() => window.pwned') is None  # no hostile text ran
        with tab.expect_download() as info:
            tab.get_by_role('button', name='Download CSV').click()
        text = Path(info.value.path()).read_text(encoding='utf-8-sig')
        assert '"\'=HYPERLINK(""http://example.com/x"")"' in text
        assert '"\'-1+1 @SUM(A1) ""quoted"" `code` *stars* [link](http://x)"' in text
        assert text.splitlines()[0] == '"Domain","Group","Skill","Level","Required","Description","covered"'
    finally:
        context.close()


def test_keyboard_only(page: Page) -> None:
    page.goto('en/plan.html?role=data-scientist&current=middle&target=senior')
    page.wait_for_selector(PLAN_RENDERED)
    page.focus('#skill-plan-target')
    for _ in range(30):  # on through the buttons, the first skill's link and level, to its checkbox
        page.keyboard.press('Tab')
        if page.evaluate('() => document.activeElement.type') == 'checkbox':
            break
    page.keyboard.press('Space')
    total = sum(1 for skill in SKILLS if 'data-scientist' in SKILLS[skill]['roles'])
    assert progress(page) == PROGRESS['en'].format(1, total)
    page.focus('#skill-plan-current')
    page.keyboard.press('ArrowUp')  # Middle → Junior: the target stays Senior
    page.wait_for_function('() => new URLSearchParams(location.search).get("current") === "junior"')
    assert progress(page) == PROGRESS['en'].format(1, 2 * total)


SKILL_YAML = """id: {id}
title: Skill {number}
domain: Domain {domain}
group: Group {group}
updated: 2025-06-30
roles:
  backend-engineer:
{levels}"""


def marks_of(tab: Page, skill: str) -> dict[str, list[bool]]:
    """Each item of *skill* (by level): whether each assessment's box is checked."""
    found: dict[str, list[bool]] = tab.eval_on_selector_all(
        f'article[data-skill="{skill}"] li.skill-plan-item',
        'items => Object.fromEntries(items.map(item => [item.dataset.level, '
        'Array.from(item.querySelectorAll("input[type=checkbox]"), box => box.checked)]))',
    )
    return found


@pytest.fixture(scope='module')
def two_hundred(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site of 200 skills of one role, each text different at each level (an item per step)."""
    source = tmp_path_factory.mktemp('two-hundred') / 'src'
    plan_site_without_skills(source)
    for number in range(200):
        levels = ''.join(
            f'    {level}:\n      required: {str(index > 1).lower()}\n'
            f'      description: Does thing {number} at {level} level.\n'
            for index, level in enumerate(LEVELS)
        )
        text = SKILL_YAML.format(
            id=f'skill-number-{number}', number=number, domain=number % 7, group=number % 3, levels=levels
        )
        (source / 'data' / 'skills' / f'skill-number-{number}.yaml').write_text(text, encoding='utf-8')
    out = source.parent / 'html'
    sphinx_process(source, out, '-D', 'suppress_warnings=skill_matrix.unused')
    return out


def test_two_hundred_ticked_items_fit_in_a_short_link(browser: Browser, two_hundred: Path) -> None:
    """The plan's link budget, 2,000 characters in the address bar: 200 skills with one ticked item
    each (Junior → Middle) by one and by two assessments, then every item of Junior → Principal (four
    per skill) ticked by one of the two in turn, so that the two differ in every skill, and by both."""
    out = two_hundred
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto((out / 'plan.html').as_uri() + '?role=backend-engineer&current=junior&target=middle')
        tab.wait_for_selector(PLAN_RENDERED)
        tab.eval_on_selector_all('li.skill-plan-item input', 'boxes => boxes.forEach(box => box.click())')
        assert squeeze(tab.inner_text('.skill-plan-progress')) == '200 of 200 covered'
        query = urlsplit(tab.url).query
        assert len(tab.url) <= 2000, len(tab.url)
        tab.goto((out / 'plan.html').as_uri() + '?' + query)
        tab.wait_for_selector(PLAN_RENDERED)
        assert squeeze(tab.inner_text('.skill-plan-progress')) == '200 of 200 covered'
        # A manager's assessment beside it, ticking the same 200 items: one link still
        tab.goto((out / 'plan.html').as_uri() + '?' + query + '&c2=junior&n2=Manager')
        tab.wait_for_selector(PLAN_TWO_RENDERED)
        tab.eval_on_selector_all(
            'li.skill-plan-item input[data-side="1"]', 'boxes => boxes.forEach(b => b.click())'
        )
        both = 'Me: 200 of 200 covered · Manager: 200 of 200 covered'
        assert squeeze(tab.inner_text('.skill-plan-progress')) == both
        query = urlsplit(tab.url).query
        assert len(tab.url) <= 2000, len(tab.url)
        tab.goto((out / 'plan.html').as_uri() + '?' + query)
        tab.wait_for_selector(PLAN_TWO_RENDERED)
        assert squeeze(tab.inner_text('.skill-plan-progress')) == both
        # The whole path, Junior → Principal: each item ticked by one of the two in turn …
        tab.goto(
            (out / 'plan.html').as_uri() + '?role=backend-engineer&current=junior&target=principal&c2=junior'
        )
        tab.wait_for_selector(PLAN_TWO_RENDERED)
        tab.eval_on_selector_all(
            'li.skill-plan-item',
            'items => items.forEach((item, index) => '
            'item.querySelector(`input[data-side="${index % 2}"]`).click())',
        )
        halves = 'Me: 400 of 800 covered · Manager: 400 of 800 covered'
        assert squeeze(tab.inner_text('.skill-plan-progress')) == halves
        assert len(tab.url) <= 2000, len(tab.url)
        marked = marks_of(tab, 'skill-number-7')
        tab.reload()
        tab.wait_for_selector(PLAN_TWO_RENDERED)
        assert squeeze(tab.inner_text('.skill-plan-progress')) == halves
        assert marks_of(tab, 'skill-number-7') == marked
        assert sorted(marked.values()) == [[False, True], [False, True], [True, False], [True, False]]
        # … and by both
        tab.eval_on_selector_all(
            'li.skill-plan-item input:not(:checked)', 'boxes => boxes.forEach(b => b.click())'
        )
        everything = 'Me: 800 of 800 covered · Manager: 800 of 800 covered'
        assert squeeze(tab.inner_text('.skill-plan-progress')) == everything
        assert len(tab.url) <= 2000, len(tab.url)
        tab.reload()
        tab.wait_for_selector(PLAN_TWO_RENDERED)
        assert squeeze(tab.inner_text('.skill-plan-progress')) == everything
    finally:
        context.close()


AT_FIRST_SCREEN = """(() => {
    const mark = performance.mark.bind(performance);
    const seen = () => ({
        rendered: document.querySelector('.skill-growth-plan').dataset.rendered,
        skills: document.querySelectorAll('article.skill-plan-skill').length,
        top: document.getElementById('plan-skill-number-6')?.getBoundingClientRect().top ?? null,
    });
    performance.mark = (name, ...rest) => {
        if (name === 'skill-plan-rendered' && !window.atFirstScreen) {
            const before = seen();
            if (!location.hash) { window.dispatchEvent(new Event('beforeprint')); }
            window.atFirstScreen = {before, after: seen()};
        }
        return mark(name, ...rest);
    };
})()"""


def test_print_and_a_link_to_a_skill_render_what_they_need(browser: Browser, two_hundred: Path) -> None:
    """The plan renders 40 items at once and the others in slices: printing (beforeprint) renders
    every skill first, and a link to a skill further down renders up to it and shows it, both
    before the first screen is done (read when the plan marks it: skill-plan-rendered)."""
    context = browser.new_context(viewport={'width': 1280, 'height': 900})
    try:
        tab = context.new_page()
        tab.add_init_script(AT_FIRST_SCREEN)
        plan = (two_hundred / 'plan.html').as_uri() + '?role=backend-engineer&current=junior&target=middle'
        tab.goto(plan)
        tab.wait_for_selector(PLAN_RENDERED)
        seen = tab.evaluate('window.atFirstScreen')
        assert seen['before']['rendered'] == 'partial'
        assert seen['before']['skills'] == 40
        assert seen['after']['rendered'] == 'all'
        assert seen['after']['skills'] == 200
        # Domain 6 comes last: skill 6 is far below the first screen
        tab = context.new_page()
        tab.add_init_script(AT_FIRST_SCREEN)
        tab.goto(plan + '#plan-skill-number-6')
        tab.wait_for_selector(PLAN_RENDERED)
        seen = tab.evaluate('window.atFirstScreen')
        assert seen['before']['skills'] > 40
        assert abs(seen['before']['top']) < 2  # at the top of the window
    finally:
        context.close()


def test_missing_role_data_is_reported_and_the_link_kept(
    browser: Browser, local_site: tuple[Path, Path]
) -> None:
    source, out = local_site
    sphinx_process(source, out)
    (out / 'plan-data' / 'backend-engineer.js').unlink()
    context = browser.new_context()
    errors: list[str] = []
    try:
        tab = context.new_page()
        tab.on('pageerror', lambda error: errors.append(str(error)))
        query = 'role=backend-engineer&current=junior&target=senior&t=abcd2xx'
        tab.goto(f'{(out / "plan.html").as_uri()}?{query}')
        tab.wait_for_selector('.skill-plan-failed')
        assert (
            tab.inner_text('.skill-plan-failed')
            == 'The expectations of Backend Engineer could not be loaded.'
        )
        assert urlsplit(tab.url).query == query
    finally:
        context.close()
    assert errors == []


def both_sides(page: Page) -> dict[str, list[str]]:
    """Every item's two check boxes: item id → ['x' or ' ' or '—' for each assessment]."""
    found: dict[str, list[str]] = page.eval_on_selector_all(
        'li.skill-plan-item',
        """items => Object.fromEntries(items.map(item => [item.id, [0, 1].map(side => {
            const box = item.querySelector(`input[data-side="${side}"]`);
            return box ? (box.checked ? 'x' : ' ') : '—';
        })]))""",
    )
    return found


def test_a_combined_link_survives_a_reload_and_another_language(page: Page) -> None:
    tick_two(page)
    page.goto(f'en/plan.html?{urlsplit(page.url).query}&c2=junior&n1=Sam&n2=Kim')
    page.wait_for_selector(PLAN_TWO_RENDERED)
    page.get_by_role('checkbox', name=f'Kim {cell("pytorch", "data-scientist", "senior")}').check()
    combined = urlsplit(page.url).query
    before = both_sides(page)
    assert before['plan-pytorch-senior-data-scientist'] == ['x', 'x']
    assert sum(sides == ['x', 'x'] for sides in before.values()) == 1
    for language, differ in (
        ('en', 'Only where the two differ'),
        ('de', 'Nur wo die beiden abweichen'),
        ('zh_CN', '仅显示两者不同之处'),
    ):
        page.goto(f'{language}/plan.html?{combined}')
        page.wait_for_selector(PLAN_TWO_RENDERED)
        assert both_sides(page) == before
        summary = page.inner_text('.skill-plan-summary')
        assert 'Sam' in summary
        assert 'Kim' in summary
        assert page.get_by_label(differ, exact=True).count() == 1
    # the Chinese page writes the link in its own skill order: it opens the same view
    page.goto(f'en/plan.html?{urlsplit(page.url).query}')
    page.wait_for_selector(PLAN_TWO_RENDERED)
    assert both_sides(page) == before
