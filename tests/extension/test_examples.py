"""Examples per cell (roots/test-examples): collapsed under the description on skill and role
pages, in search, the downloads, the growth plan's data, the text builder and the catalogs, one
message per example; a wrong shape, refused markup and dangerous characters located by the data
check; an added, removed or changed example is a change of its cell."""

from __future__ import annotations

import csv
import json
import pickle
import shutil
from typing import TYPE_CHECKING, Any

from conftest import (
    ROOTS,
    edit,
    git,
    html,
    make_changes,
    read_plan_script,
    review_build,
    reviewed_repo,
    run_data_check,
    text_of,
    warnings,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

DESIGN_NOTE = ['the problem', 'two options and their trade-offs']


def description_cell(page: Any, row_id: str) -> Any:
    return page.select(f'tr#{row_id} td')[-1]


def examples_of(cell: Any) -> Any:
    return cell.select_one('details.skill-examples')


def test_examples_are_collapsed_under_the_description(build: Callable[..., SphinxTestApp]) -> None:
    app = build('examples')
    assert warnings(app) == ''
    cell = description_cell(html(app, 'mentoring'), 'mentoring-junior-backend-engineer')
    assert text_of(cell.p) == 'Asks for feedback on their own work.'
    details = examples_of(cell)
    assert details is not None
    assert details.get('open') is None  # collapsed until the reader opens it
    assert text_of(details.summary) == 'Examples (2)'
    items = details.select(':scope > ul > li')
    assert len(items) == 2
    assert text_of(items[0]) == 'Asked for a review of a small change and applied the feedback the same day.'
    assert text_of(items[0].select_one('em')) == 'small'
    assert [text_of(li) for li in items[1].select('ul > li')] == DESIGN_NOTE
    assert text_of(items[1].select_one('code')) == 'trade-offs'
    assert '*' not in text_of(details)
    assert '`' not in text_of(details)
    middle = examples_of(description_cell(html(app, 'mentoring'), 'mentoring-middle-backend-engineer'))
    assert text_of(middle.summary) == 'Example (1)'
    link = middle.select_one('a.reference.external')
    assert link['href'] == 'https://example.org/reviews?team=a&b=1'
    assert text_of(link) == 'review guide'


def test_a_cell_without_examples_is_as_before(build: Callable[..., SphinxTestApp]) -> None:
    cell = description_cell(html(build('examples'), 'mentoring'), 'mentoring-senior-backend-engineer')
    assert str(cell) == '<td data-label="Description"><p>Mentors two engineers.</p></td>'


def test_role_pages_show_the_examples_of_their_rows(build: Callable[..., SphinxTestApp]) -> None:
    page = html(build('examples'), 'roles/backend-engineer')
    details = examples_of(description_cell(page, 'mentoring-junior-backend-engineer'))
    assert details is not None
    assert text_of(details.summary) == 'Examples (2)'
    assert [text_of(li) for li in details.select(':scope > ul > li > div > ul > li')] == DESIGN_NOTE
    assert examples_of(description_cell(page, 'mentoring-senior-backend-engineer')) is None
    qa = html(build('examples'), 'roles/qa-engineer')
    unusual = examples_of(description_cell(qa, 'mentoring-senior-qa-engineer'))
    assert text_of(unusual.li) == 'Zeigte Ünïcödé 日本語 and ≥ 80 % → ✓ in a coaching session.'


def test_examples_are_searchable_and_in_the_downloads(build: Callable[..., SphinxTestApp]) -> None:
    app = build('examples')
    searchindex = (app.outdir / 'searchindex.js').read_text(encoding='utf-8')
    assert '"session"' in searchindex  # a word that only an example has
    downloads = app.outdir / '_downloads' / 'skill-matrix'
    rows = list(
        csv.reader((downloads / 'mentoring.csv').read_text(encoding='utf-8-sig').splitlines(keepends=True))
    )
    assert rows[0][-1] == 'Examples'
    cells = {(row[0], row[1]): row for row in rows[1:]}
    assert cells['backend-engineer', 'junior'][-1].splitlines() == [
        '• Asked for a review of a small change and applied the feedback the same day.',
        '• Wrote a short design note with:',
        '  - the problem',
        '  - two options and their trade-offs',
    ]
    assert cells['backend-engineer', 'senior'][-1] == ''
    document = json.loads((downloads / 'mentoring.json').read_text(encoding='utf-8'))
    expectations = {(item['role'], item['level']): item for item in document['expectations']}
    middle = expectations['backend-engineer', 'middle']
    assert middle['examples'] == [
        'Followed the [review guide](https://example.org/reviews?team=a&b=1) in every review.'
    ]
    assert middle['examples_text'] == [
        'Followed the review guide (https://example.org/reviews?team=a&b=1) in every review.'
    ]
    assert 'examples' not in expectations['backend-engineer', 'senior']


def test_the_plans_data_holds_the_examples(build: Callable[..., SphinxTestApp]) -> None:
    app = build('examples')
    data = read_plan_script(app.outdir / 'plan-data' / 'backend-engineer.js')
    junior, middle, senior = data['skills'][0]['cells'][:3]
    assert junior[3] == [
        'Asked for a review of a small change and applied the feedback the same day.',
        'Wrote a short design note with:\n- the problem\n- two options and their trade-offs',
    ]
    assert len(middle[3]) == 1
    assert len(senior) == 3  # no examples: the cell as before


def test_text_builder_lists_the_examples(build: Callable[..., SphinxTestApp]) -> None:
    text = (build('examples', 'text').outdir / 'mentoring.txt').read_text(encoding='utf-8')
    words = ' '.join(text.replace('|', ' ').split())
    assert 'Asks for feedback on their own work. Examples (2) * Asked for a review of a small change' in words
    assert '* Wrote a short design note with: - the problem - two options and their trade-offs' in words
    assert '*small*' not in text
    assert '`trade-offs`' not in text


def test_gettext_has_one_message_per_example(build: Callable[..., SphinxTestApp]) -> None:
    pot = (build('examples', 'gettext').outdir / 'site.pot').read_text(encoding='utf-8')
    assert 'msgid "Asked for a review of a *small* change and applied the feedback the same day."' in pot
    assert (
        'msgid "Wrote a short design note with:\\n"\n"\\n"\n"- the problem\\n"\n'
        '"- two options and their `trade-offs`"'
    ) in pot
    assert 'msgid "the problem"' not in pot  # no message per list item of an example


def test_examples_are_translated_one_by_one(build: Callable[..., SphinxTestApp]) -> None:
    app = build('examples', 'html', language='de')
    # the design note's translation lost its list: reported at its msgstr, the English text shown
    lines = (ROOTS / 'test-examples' / 'locale' / 'de' / 'LC_MESSAGES' / 'site.po').read_text().splitlines()
    broken = lines.index('"Schrieb eine kurze Entwurfsnotiz mit dem Problem und zwei Optionen."')
    reported = warnings(app).splitlines()
    assert len(reported) == 1, reported
    assert f'site.po:{broken}: WARNING: the translation of this example breaks its markup' in reported[0]
    for page in ('mentoring', 'roles/backend-engineer'):
        details = examples_of(description_cell(html(app, page), 'mentoring-junior-backend-engineer'))
        assert text_of(details.summary) == 'Beispiele (2)'
        translated, pending = details.select(':scope > ul > li > div')
        assert text_of(translated) == (
            'Bat um ein Review einer kleinen Änderung und setzte die Rückmeldung am selben Tag um.'
        )
        assert 'untranslated' not in translated['class']
        assert text_of(pending.p) == 'Wrote a short design note with:'  # English, marked
        assert 'untranslated' in pending['class']
        link = html(app, page).select_one('tr#mentoring-middle-backend-engineer details a.reference.external')
        assert text_of(link) == 'Review-Leitfaden'
    # the role page counts its examples: the junior description and two examples are translated
    doctree = pickle.loads((app.doctreedir / 'roles' / 'backend-engineer.doctree').read_bytes())
    assert doctree['translation_progress']['translated'] == 3


def checked(tmp_path: Path, old: str, new: str) -> tuple[Path, list[str], str]:
    """The test root's data with *old* replaced by *new* in the skill file, through the data check
    (which must fail without a traceback): the file, its lines and what the check said."""
    data = tmp_path / 'data'
    shutil.copytree(ROOTS / 'test-examples' / 'data', data, symlinks=False)
    path = data / 'skills' / 'mentoring.yaml'
    edit(path, old, new)
    result = run_data_check(data)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert 'Traceback' not in output
    return path, path.read_text(encoding='utf-8').splitlines(), output


def reported_at(path: Path, line: int, message: str, output: str) -> bool:
    return any(text.startswith(f'{path}:{line}:') and message in text for text in output.splitlines())


def test_check_data_locates_examples_of_the_wrong_shape(tmp_path: Path) -> None:
    path, lines, output = checked(
        tmp_path,
        '      description: Mentors two engineers.\n    lead:\n      required: false\n'
        '      description: Runs the mentoring programme.\n',
        '      description: Mentors two engineers.\n      examples: Mentored Ana.\n'
        '    lead:\n      required: false\n'
        '      description: Runs the mentoring programme.\n      examples: []\n',
    )
    single = lines.index('      examples: Mentored Ana.') + 1
    empty = lines.index('      examples: []') + 1
    message = "'roles.backend-engineer.senior.examples' must be a list, not the text 'Mentored Ana.'"
    assert reported_at(path, single, message, output), output
    assert reported_at(path, empty, "'roles.backend-engineer.lead.examples' must not be empty", output), (
        output
    )


def test_check_data_locates_refused_markup_and_dangerous_characters(tmp_path: Path) -> None:
    path, lines, output = checked(
        tmp_path,
        '      description: Shapes how the organisation grows engineers.\n',
        '      description: Shapes how the organisation grows engineers.\n'
        '      examples:\n        - Fine.\n        - |\n          # A heading\n          Text.\n'
        '        - Wrote <script>alert(1)</script>.\n        - Paid \u202eevil\u202c back.\n',
    )
    heading = lines.index('          # A heading') + 1
    script = lines.index('        - Wrote <script>alert(1)</script>.') + 1
    bidi = next(number for number, line in enumerate(lines, 1) if '\u202e' in line)
    assert reported_at(path, heading, 'a heading is not allowed in an example', output), output
    assert reported_at(path, script, 'raw HTML is not allowed in an example', output), output
    # a bidirectional override ("Trojan Source"): named at the example's line
    assert reported_at(path, bidi, 'U+202E', output), output


def test_a_changed_example_is_a_change_of_its_cell(tmp_path: Path) -> None:
    repo = reviewed_repo(tmp_path, 'examples')
    skill = repo / 'data' / 'skills' / 'mentoring.yaml'
    edit(skill, 'applied the feedback the same day', 'applied the feedback within a week')
    edit(
        skill,
        '      description: Mentors two engineers.\n',
        '      description: Mentors two engineers.\n      examples:\n        - Onboarded two new hires.\n',
    )
    edit(
        skill, '      examples:\n        - Zeigte Ünïcödé 日本語 and ≥ 80 % → ✓ in a coaching session.\n', ''
    )
    git(repo, 'commit', '-q', '-am', 'mentoring: examples')

    app = review_build(repo, tmp_path / 'build', 'en')
    page = html(app, 'changes')
    changed = page.select_one('#change-mentoring-junior-backend-engineer')
    assert changed is not None
    assert 'Examples changed' in text_of(changed.select_one('.skill-change-head'))
    line = next(p for p in changed.select('p.skill-change-line') if 'Example changed' in text_of(p))
    assert 'same day' in text_of(line.select_one('del'))
    assert 'within a week' in text_of(line.select_one('ins'))
    added = page.select_one('#change-mentoring-senior-backend-engineer')
    assert added is not None
    assert 'Example added' in text_of(added)
    assert 'Onboarded two new hires.' in text_of(added.select_one('ins'))
    removed = page.select_one('#change-mentoring-senior-qa-engineer')
    assert removed is not None
    assert 'coaching session' in text_of(removed.select_one('del'))
    row = html(app, 'roles/backend-engineer').select_one('tr#mentoring-senior-backend-engineer')
    assert row is not None
    assert 'skill-changed' in row['class']

    latex = review_build(repo, tmp_path / 'latex', 'en', builder='latex')
    tex = next(latex.outdir.glob('*.tex')).read_text(encoding='utf-8')
    assert 'Example changed' in tex
    assert 'Onboarded two new hires.' in tex

    result = make_changes(repo, tmp_path / 'changes')
    assert result.returncode == 0, result.stderr
    summary = json.loads((tmp_path / 'changes' / 'changes' / 'changes.json').read_text(encoding='utf-8'))
    assert summary['summary']['cells_changed'] == 3
    assert summary['summary']['examples_changed'] == 3
    assert summary['summary']['descriptions_changed'] == 0
    assert '3 example lists changed' in result.stdout
    assert 'example added: <ins>Onboarded two new hires.</ins>' in result.stdout


def test_the_level_pickers_data_carries_each_cells_examples(build: Callable[..., SphinxTestApp]) -> None:
    """The comparison shows a cell's examples as the tables do: its data gives the summary and
    each example's plain text, in the page's language; a cell without examples gets none."""
    app = build('examples', 'html', language='de')
    for page, row in (('mentoring', 'backend-engineer'), ('roles/backend-engineer', 'mentoring')):
        block = html(app, page).select_one('div.skill-explorer script.skill-explorer-data')
        assert block is not None
        cells = json.loads(block.get_text())['expectations'][row]
        junior = cells['junior']['examples']
        assert junior['summary'] == 'Beispiele (2)'
        assert junior['items'][0] == (
            'Bat um ein Review einer kleinen Änderung und setzte die Rückmeldung am selben Tag um.'
        )
        note = ['Wrote a short design note with:', *(f'- {item}' for item in DESIGN_NOTE)]
        assert junior['items'][1].splitlines() == note  # its translation broke: English
        assert 'examples' not in cells['senior']
