"""``make bench-strings``: what skill pages would cost without Sphinx's per-page pipeline.

An experiment for issue 26's limit, not a build of the site. The catalog site of
:mod:`synthetic` (N skills, the real site's structure) is built once with the extension; each
skill page's HTML article is taken from it. A third site, **strings**, is the limit's site (the
same configuration, theme and index) without its skill pages: a small extension hands the N
articles to the theme as pages of their own (Sphinx's ``html-collect-pages``), each fed to the
search index with its words (the stemming is paid; Sphinx then prunes pages that are not
documents from the index), so that no skill page is read, transformed, pickled, resolved or
walked as a doctree. A fourth, **documents**, keeps the skill pages as documents of the pipeline
but gives each only its title and its article as one raw HTML node (what a skill matrix kept
whole as data and written as one string would cost). Both are built side by side with the
limit, in turns.

What the strings site leaves out, and a design built that way would pay on top: making the
articles (the extension writes a page's rows as strings already), the data check, the
translations, the sidebar of the current group. What it shows: how much of a 1,000-page build is
Sphinx's per-page pipeline itself. Results: ``bench/results/strings-<timestamp>.json``.
"""

from __future__ import annotations

import argparse
import datetime
import pickle
import shutil
import statistics
import sys
from html import unescape
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import BuildResult, sphinx_build, write_results
from synthetic import REPO, Definitions, make_skills, write_limit_site, write_site

RESULTS = Path(__file__).resolve().parent / 'results'
ARTICLE_START = '<article role="main" id="furo-main-content">'
ARTICLE_END = '</article>'

EXTENSION = '''"""The skill pages as pages of the theme, from their HTML (bench/string_pages.py)."""
import pickle
import re
from html import unescape
from pathlib import Path

from docutils import nodes
from docutils.utils import new_document

TAG = re.compile(r'<[^>]+>')


def collect(app):
    articles = pickle.loads(Path(app.srcdir, 'articles.pickle').read_bytes())
    for name, (title, body) in articles.items():
        pagename = f'skills/{name}'
        words = new_document(pagename)
        words += nodes.paragraph('', unescape(TAG.sub(' ', body)))
        app.builder.indexer.feed(pagename, f'{pagename}.html', title, words)
        yield pagename, {'title': title, 'body': body}, 'page.html'


def setup(app):
    app.connect('html-collect-pages', collect)
    return {'parallel_read_safe': True, 'parallel_write_safe': True}
'''


DOCUMENTS_EXTENSION = '''"""A skill page's article as one raw HTML node (bench/string_pages.py)."""
import functools
import pickle
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective


@functools.cache
def articles(srcdir):
    return pickle.loads(Path(srcdir, 'articles.pickle').read_bytes())


class SkillArticle(SphinxDirective):
    required_arguments = 1

    def run(self):
        _title, body = articles(str(self.env.srcdir))[self.arguments[0]]
        content = body[body.index('</h1>') + len('</h1>') : body.rindex('</section>')]
        return [nodes.raw('', content, format='html')]


def setup(app):
    app.add_directive('skill-article', SkillArticle)
    return {'parallel_read_safe': True, 'parallel_write_safe': True}
'''


def articles(outdir: Path) -> dict[str, tuple[str, str]]:
    """Each skill page's title and article, as the catalog site's build wrote them."""
    found = {}
    for page in sorted((outdir / 'skills').glob('*.html')):
        html = page.read_text(encoding='utf-8')
        start = html.index(ARTICLE_START) + len(ARTICLE_START)
        body = html[start : html.index(ARTICLE_END, start)]
        title = unescape(body.split('<h1>', 1)[1].split('<a class="headerlink"', 1)[0])
        found[page.stem] = (title, body)
    return found


def write_strings_site(site: Path, limit: Path, pages: dict[str, tuple[str, str]]) -> None:
    """The limit's site without its skill pages, which an extension adds from *pages*."""
    (site / '_ext').mkdir(parents=True)
    (site / '_templates').mkdir()
    (site / 'index.rst').write_text((limit / 'index.rst').read_text(encoding='utf-8'), encoding='utf-8')
    (site / '_ext' / 'string_pages_ext.py').write_text(EXTENSION, encoding='utf-8')
    (site / 'articles.pickle').write_bytes(pickle.dumps(pages))
    conf = (limit / 'conf.py').read_text(encoding='utf-8')
    assert 'extensions = []' in conf
    conf = conf.replace('extensions = []', "extensions = ['string_pages_ext']")
    (site / 'conf.py').write_text(f'{conf}\nsys.path.insert(0, {str(site / "_ext")!r})\n', encoding='utf-8')


def write_documents_site(site: Path, limit: Path, pages: dict[str, tuple[str, str]]) -> None:
    """The limit's site whose skill pages hold their title and their article as raw HTML."""
    shutil.copytree(limit, site, ignore=shutil.ignore_patterns('_build'))
    (site / '_ext').mkdir()
    (site / '_ext' / 'skill_articles_ext.py').write_text(DOCUMENTS_EXTENSION, encoding='utf-8')
    (site / 'articles.pickle').write_bytes(pickle.dumps(pages))
    for name in pages:
        page = site / 'skills' / f'{name}.rst'
        heading = page.read_text(encoding='utf-8').split('\n\n', 2)[1]  # after ':orphan:'
        page.write_text(f':orphan:\n\n{heading}\n\n.. skill-article:: {name}\n', encoding='utf-8')
    conf = (site / 'conf.py').read_text(encoding='utf-8')
    conf = conf.replace('extensions = []', "extensions = ['skill_articles_ext']")
    (site / 'conf.py').write_text(f'{conf}\nsys.path.insert(0, {str(site / "_ext")!r})\n', encoding='utf-8')


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--skills', type=int, default=1000)
    parser.add_argument('--repetitions', type=int, default=3)
    parser.add_argument('--workdir', type=Path, default=REPO / '_build' / 'bench' / 'strings')
    parser.add_argument('--results', type=Path, default=RESULTS, help='directory for the JSON results')
    args = parser.parse_args(argv)

    root = args.workdir / f'n{args.skills}'
    shutil.rmtree(root, ignore_errors=True)
    definitions = Definitions.from_repo()
    skills = make_skills(args.skills, definitions)
    write_site('ours', root / 'catalog', skills, definitions, roles=True, catalog=True)
    write_limit_site(root / 'limit', skills)
    print(f'bench-strings: N = {args.skills}, building the catalog site once for its articles')
    catalog = sphinx_build(root / 'catalog', root / 'catalog' / '_build')
    pages = articles(root / 'catalog' / '_build' / 'html')
    write_strings_site(root / 'strings', root / 'limit', pages)
    write_documents_site(root / 'documents', root / 'limit', pages)

    runs: dict[str, list[BuildResult]] = {'limit': [], 'strings': [], 'documents': []}
    for repetition in range(args.repetitions):
        order = [*runs][repetition % 3 :] + [*runs][: repetition % 3]
        for name in order:
            result = sphinx_build(root / name, root / name / '_build')
            runs[name].append(result)
            print(
                f'  #{repetition + 1} {name:8} {result.seconds:7.2f} s wall {result.cpu_seconds:7.2f} s CPU'
            )
    for name in ('strings', 'documents'):
        written = len(list((root / name / '_build' / 'html' / 'skills').glob('*.html')))
        if written != len(pages):
            print(f'the {name} site wrote {written} skill pages, not {len(pages)}', file=sys.stderr)
            return 1

    def median(name: str, field: str) -> float:
        return float(statistics.median(getattr(result, field) for result in runs[name]))

    figures: dict[str, Any] = {
        'skills': args.skills,
        'catalog_build': {'wall_s': catalog.seconds, 'cpu_s': catalog.cpu_seconds},
        'article_bytes_mean': round(sum(len(body) for _title, body in pages.values()) / len(pages)),
    }
    for name in runs:
        figures[name] = {'wall_s': median(name, 'seconds'), 'cpu_s': median(name, 'cpu_seconds')}
    figures['strings_over_limit'] = figures['strings']['wall_s'] / figures['limit']['wall_s']
    figures['documents_over_limit'] = figures['documents']['wall_s'] / figures['limit']['wall_s']
    figures['catalog_over_limit'] = catalog.seconds / figures['limit']['wall_s']
    print(
        f'limit {figures["limit"]["wall_s"]:.2f} s, strings {figures["strings"]["wall_s"]:.2f} s '
        f'({figures["strings_over_limit"]:.2f} x the limit), '
        f'documents {figures["documents"]["wall_s"]:.2f} s '
        f'({figures["documents_over_limit"]:.2f} x); the catalog site, built once before: '
        f'{catalog.seconds:.2f} s ({figures["catalog_over_limit"]:.2f} x)'
    )
    stamp = datetime.datetime.now(datetime.UTC).strftime('%Y-%m-%dT%H%M%SZ')
    write_results(args.results / f'strings-{stamp}.json', figures, REPO)
    return 0


if __name__ == '__main__':
    sys.exit(main())
