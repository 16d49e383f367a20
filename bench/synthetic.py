"""Synthetic skills and the three sites the benchmark builds from them.

* ``ours``: the skill-matrix extension reads ``data/`` (one page per skill, an index with
  ``skill-overview``), exactly as the real site does.
* ``floor``: the same pages written out as plain reStructuredText ``list-table`` s, generated
  here from the same YAML: what Sphinx costs without any extension.
* ``peer``: sphinxcontrib-datatemplates renders the same YAML through Jinja templates
  (``bench/templates``) to the same tables.

Beside them, the **limit** (:func:`write_limit_site`): Sphinx and furo writing one page per
skill that holds only its title and one paragraph, with no extension: what any Sphinx site of
that many pages pays before it shows anything.

The skills are deterministic: skill *i* is the same at every N, so N = 10 is a prefix of
N = 1,000. Texts look like the seed data (5 roles × 5 levels, descriptions of about 110 to
290 characters, some non-ASCII) but hold no reST markup characters, so the floor and the peer
can embed them as written and all three sites show the same text.
"""

from __future__ import annotations

import datetime
import json
import random
import re
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

import yaml
from docutils.utils import column_width

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / 'templates'
SITES = ('ours', 'floor', 'peer')

# --- vocabulary -------------------------------------------------------------------------------

_AREAS = [
    'Feature Store',
    'Model Serving',
    'Vector Search',
    'Data Labeling',
    'Stream Processing',
    'Experiment Tracking',
    'Model Monitoring',
    'Prompt Engineering',
    'Graph Neural Networks',
    'Time Series Forecasting',
    'Recommender Systems',
    'Speech Recognition',
    'Image Segmentation',
    'Causal Inference',
    'Reinforcement Learning',
    'Federated Learning',
    'Data Quality',
    'Model Compression',
    'GPU Scheduling',
    'Retrieval Augmentation',
    'Tokenization',
    'Anomaly Detection',
    'Synthetic Data',
    'Active Learning',
    'AutoML',
    'Model Governance',
    'Edge Inference',
    'Data Versioning',
    'Bayesian Optimization',
    'Knowledge Graphs',
    'Optical Character Recognition',
    'Entity Resolution',
    'Search Ranking',
    'Query Understanding',
    'Dialogue Systems',
    'Document Parsing',
    'Fairness Auditing',
    'Privacy Engineering',
    'Distributed Training',
    'Mixed Precision',
    'Data Pipelines',
    'Evaluation Harnesses',
]
_ASPECTS = [
    'Fundamentals',
    'Operations',
    'Architecture',
    'Tooling',
    'at Scale',
    'in Production',
    'Testing',
    'Security',
    'Optimization',
    'Research',
    'Platforms',
    'Governance',
    'Observability',
    'Cost Control',
    'Für Teams',
    'Best Practices',
    'Interfaces',
    'Migration',
    'Benchmarks',
    'Automation',
    'Reliability',
    'Design',
    'Économie',
    'Foundations',
    'Patterns',
]
# The catalog the issue sizes the benchmark by: 10 domains × 5 groups, skill i in domain i % 10
# and group (i // 10) % 5, so that N = 1,000 has 20 skills per group and N = 10 one per domain.
CATALOG_DOMAINS = [
    'Machine Learning & AI',
    'Data Engineering',
    'Platform & Infrastructure',
    'Product Analytics',
    'Security',
    'Frontend',
    'Backend Services',
    'Mobile',
    'Quality Engineering',
    '数据平台',
]
CATALOG_GROUPS = ['Foundations', 'Tooling', 'Operations', 'Architecture', 'Leadership']
_VERBS = [
    'Builds',
    'Designs',
    'Implements',
    'Tunes',
    'Reviews',
    'Operates',
    'Evaluates',
    'Automates',
    'Documents',
    'Debugs',
    'Profiles',
    'Standardizes',
    'Mentors the team on',
    'Defines',
    'Benchmarks',
    'Migrates',
    'Monitors',
    'Scales',
    'Secures',
    'Prototypes',
]
_OBJECTS = [
    'training pipelines',
    'feature definitions',
    'inference services',
    'batch jobs',
    'evaluation suites',
    'data contracts',
    'embedding indexes',
    'model registries',
    'GPU clusters (A100, H100)',
    'streaming consumers',
    'labeling workflows',
    'dashboards',
    'CI/CD for models',
    'retrieval pipelines',
    'prompt libraries',
    'tokenizers',
    'quantized models (INT8, FP8)',
    'canary releases',
    'drift detectors',
    'cost reports',
    'naïve Bayes baselines',
    'Zürich and São Paulo deployments',
    'データ pipelines',
    '数据管道',
]
_TOOLS = [
    'PyTorch',
    'TensorFlow',
    'JAX',
    'Kubernetes',
    'Ray',
    'Spark',
    'Airflow',
    'Kafka',
    'MLflow',
    'Weights & Biases',
    'ONNX Runtime',
    'Triton',
    'vLLM',
    'Feast',
    'dbt',
    'Great Expectations',
    'Prometheus',
    'Grafana',
    'Terraform',
    'Hugging Face',
    'scikit-learn',
    'Polars',
    'DuckDB',
]
_PURPOSES = [
    'for reproducible experiments',
    'with latency under 50 µs per request',
    'for multi-team use',
    'with clear ownership',
    'across regions',
    'within the GPU budget',
    'for regulated data',
    'with p99 ≥ 99.9 % availability',
    'for offline and online parity',
    'with rollback plans',
    'for the product roadmap',
    'with measurable quality gates',
    'for cost transparency',
    'so that audits pass',
    'für den Betrieb',
    'with zero-downtime upgrades',
    'at the org level',
]
_MARKUP = re.compile(r'[*`|_\\<>\[\]"\']|--|\.\.\.')


@dataclass(frozen=True)
class Definitions:
    """Role and level ids and English names, as in the repository's data/."""

    roles: list[tuple[str, str]]
    levels: list[tuple[str, str]]

    @classmethod
    def from_repo(cls) -> Definitions:
        roles = yaml.safe_load((REPO / 'data' / 'roles.yaml').read_text(encoding='utf-8'))['roles']
        levels = yaml.safe_load((REPO / 'data' / 'levels.yaml').read_text(encoding='utf-8'))['levels']
        return cls(
            [(role['id'], role['name']) for role in roles], [(level['id'], level['name']) for level in levels]
        )


@dataclass(frozen=True)
class Expectation:
    required: bool
    description: str


@dataclass(frozen=True)
class SyntheticSkill:
    id: str
    title: str
    summary: str | None
    domain: str
    group: str
    updated: datetime.date
    roles: dict[str, dict[str, Expectation]]  # role id -> level id -> expectation


def _sentence(rng: random.Random) -> str:
    return f'{rng.choice(_VERBS)} {rng.choice(_OBJECTS)} with {rng.choice(_TOOLS)} {rng.choice(_PURPOSES)}.'


def _description(rng: random.Random) -> str:
    target = rng.randint(110, 290)  # the seeds' descriptions are 111 to 291 characters long
    text = _sentence(rng)
    while len(text) < target:
        text += ' ' + _sentence(rng)
    return text


def make_skill(index: int, definitions: Definitions) -> SyntheticSkill:
    """Skill number *index*: the same at every N."""
    rng = random.Random(f'skill-profiles-bench-{index}')
    area = _AREAS[index % len(_AREAS)]
    aspect = _ASPECTS[(index // len(_AREAS)) % len(_ASPECTS)]
    title = f'{area} {aspect}' if index < len(_AREAS) * len(_ASPECTS) else f'{area} {aspect} {index}'
    skill_id = re.sub(r'[^a-z0-9]+', '-', title.lower().encode('ascii', 'ignore').decode()).strip('-')
    skill_id = f'{skill_id}-{index}'
    roles: dict[str, dict[str, Expectation]] = {}
    for role_id, _name in definitions.roles:
        roles[role_id] = {
            level_id: Expectation(rng.random() < 0.35 + 0.15 * rank, _description(rng))
            for rank, (level_id, _level) in enumerate(definitions.levels)
        }
    return SyntheticSkill(
        id=skill_id,
        title=title,
        summary=f'{title}: ' + ', '.join(rng.sample(_OBJECTS, 3)) if rng.random() < 0.6 else None,
        domain=CATALOG_DOMAINS[index % len(CATALOG_DOMAINS)],
        group=CATALOG_GROUPS[(index // len(CATALOG_DOMAINS)) % len(CATALOG_GROUPS)],
        updated=datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randrange(600)),
        roles=roles,
    )


def make_skills(count: int, definitions: Definitions) -> list[SyntheticSkill]:
    skills = [make_skill(index, definitions) for index in range(count)]
    for skill in skills:
        texts = [skill.title, skill.summary or '', skill.domain, skill.group] + [
            item.description for levels in skill.roles.values() for item in levels.values()
        ]
        assert not any(_MARKUP.search(text) for text in texts), f'{skill.id}: reST markup in a text'
    return skills


# --- data files -------------------------------------------------------------------------------


def skill_yaml(skill: SyntheticSkill) -> str:
    """The skill as a contributor writes it (folded descriptions, like data/skills/*.yaml)."""
    lines = [
        '# yaml-language-server: $schema=../../_ext/skill_matrix/schemas/skill.schema.json',
        f'id: {skill.id}',
        f'title: {json.dumps(skill.title, ensure_ascii=False)}',
    ]
    if skill.summary:
        lines.append(f'summary: {json.dumps(skill.summary, ensure_ascii=False)}')
    lines += [
        f'domain: {json.dumps(skill.domain, ensure_ascii=False)}',
        f'group: {json.dumps(skill.group, ensure_ascii=False)}',
        f'updated: {skill.updated.isoformat()}',
        'roles:',
    ]
    for role_id, levels in skill.roles.items():
        lines.append(f'  {role_id}:')
        for level_id, item in levels.items():
            lines += [
                f'    {level_id}:',
                f'      required: {"true" if item.required else "false"}',
                '      description: >-',
                *textwrap.wrap(
                    item.description,
                    90,
                    initial_indent=' ' * 8,
                    subsequent_indent=' ' * 8,
                    break_on_hyphens=False,
                    break_long_words=False,
                ),
            ]
    return '\n'.join(lines) + '\n'


def write_data(site: Path, skills: list[SyntheticSkill]) -> None:
    (site / 'data' / 'skills').mkdir(parents=True)
    for name in ('roles.yaml', 'levels.yaml'):
        shutil.copy(REPO / 'data' / name, site / 'data' / name)
    for skill in skills:
        (site / 'data' / 'skills' / f'{skill.id}.yaml').write_text(skill_yaml(skill), encoding='utf-8')


# --- the three sites --------------------------------------------------------------------------

_CONF = """\
# Generated by bench/synthetic.py: the {site} site of the benchmark.
import sys

sys.path.insert(0, {ext!r})

project = 'Skill Profiles'
extensions = {extensions!r}
include_patterns = ['index.rst', 'skills/**']
root_doc = 'index'
language = 'en'
html_theme = 'furo'
html_title = project
html_last_updated_fmt = None
skill_matrix_data_dir = 'data'
templates_path = ['_templates']
html_context = {{'skill_files': {skill_files!r}}}
"""

_INDEX_INTRO = """\
Skill profiles
==============

What each engineering role is expected to know and do in each skill, level by level, from
Junior to Principal. Open a skill to see every role's expectations.

"""

_TOCTREE = """
.. toctree::
   :caption: Skills
   :maxdepth: 1
   :glob:

   skills/*
"""

# The real site's role pages, and its structure since issue 13: catalog start page, domain pages.
_ROLES_CONF = """
include_patterns = ['index.rst', 'skills/**', 'domains/**', 'roles/**']
skill_matrix_role_pages = 'roles'
"""
_CATALOG_CONF = """skill_matrix_domain_pages = 'domains'
"""
_CATALOG = """.. skill-catalog::
"""
_ROLES_TOCTREE = """
.. only:: html

   .. toctree::
      :hidden:

      roles/index
"""


def heading(title: str) -> str:
    return f'{title}\n{"=" * column_width(title)}\n'


def write_site(
    kind: str,
    site: Path,
    skills: list[SyntheticSkill],
    definitions: Definitions,
    *,
    toctree: bool = False,
    roles: bool = False,
    catalog: bool = False,
) -> None:
    """Write the *kind* site (one of :data:`SITES`) for *skills* into *site* (must not exist).

    With *toctree*, the index lists every skill page in a toctree, as the real site did before
    issue 13 (the theme then shows all N skills in every page's sidebar). With *roles* (ours
    only), the site has the real site's role pages; with *catalog* too, its structure since
    issue 13: the catalog start page and a page per domain whose groups hold the skill pages.
    Otherwise the skill pages are orphans reached through the index's table, and the sidebar
    stays small.
    """
    write_data(site, skills)
    (site / 'skills').mkdir()
    extensions = {'ours': ['skill_matrix'], 'floor': [], 'peer': ['sphinxcontrib.datatemplates']}[kind]
    skill_files = [f'/data/skills/{skill.id}.yaml' for skill in skills] if kind == 'peer' else []
    (site / 'conf.py').write_text(
        _CONF.format(site=kind, ext=str(REPO / '_ext'), extensions=extensions, skill_files=skill_files),
        encoding='utf-8',
    )
    (site / '_templates').mkdir()
    if kind == 'peer':
        for template in TEMPLATES.glob('*.tmpl'):
            shutil.copy(template, site / '_templates' / template.name)
    for skill in skills:
        body = {
            'ours': lambda skill: f'.. skill-matrix:: {skill.id}\n',
            'floor': lambda skill: floor_matrix(skill, definitions),
            'peer': lambda skill: (
                f'.. datatemplate:yaml:: /data/skills/{skill.id}.yaml\n   :template: skill.tmpl\n'
            ),
        }[kind](skill)
        orphan = '' if toctree or catalog else ':orphan:\n\n'
        (site / 'skills' / f'{skill.id}.rst').write_text(
            f'{orphan}{heading(skill.title)}\n{body}', encoding='utf-8'
        )
    overview = {
        'ours': '.. skill-overview::\n',
        'floor': floor_overview(skills, definitions),
        'peer': '.. datatemplate:nodata::\n   :template: overview.tmpl\n',
    }[kind]
    if roles:
        with (site / 'conf.py').open('a', encoding='utf-8') as conf:
            conf.write(_ROLES_CONF + (_CATALOG_CONF if catalog else ''))
        overview = (_CATALOG if catalog else overview) + _ROLES_TOCTREE
    (site / 'index.rst').write_text(_INDEX_INTRO + overview + (_TOCTREE if toctree else ''), encoding='utf-8')


def write_limit_site(site: Path, skills: list[SyntheticSkill]) -> None:
    """Write the limit into *site*: per skill an orphan page with its title and one paragraph.

    The paragraph is the skill's first description, so the pages hold words of the same kind as
    the others (the search index stems them); the index has the same introduction.
    """
    (site / 'skills').mkdir(parents=True)
    (site / '_templates').mkdir()
    (site / 'conf.py').write_text(
        _CONF.format(site='limit', ext=str(REPO / '_ext'), extensions=[], skill_files=[]), encoding='utf-8'
    )
    for skill in skills:
        first = next(iter(next(iter(skill.roles.values())).values())).description
        (site / 'skills' / f'{skill.id}.rst').write_text(
            f':orphan:\n\n{heading(skill.title)}\n{first}\n', encoding='utf-8'
        )
    (site / 'index.rst').write_text(_INDEX_INTRO, encoding='utf-8')


# --- the floor: the same tables as plain reStructuredText ----------------------------------


def _list_table(title: str, widths: str, classes: str, rows: list[list[str]]) -> list[str]:
    lines = [
        f'.. list-table:: {title}'.rstrip(),
        '   :header-rows: 1',
        f'   :widths: {widths}',
        f'   :class: {classes}',
        '',
    ]
    for row in rows:
        lines.append(f'   * - {row[0]}')
        lines += [f'     - {cell}' for cell in row[1:]]
    return lines


MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')


def floor_matrix(skill: SyntheticSkill, definitions: Definitions) -> str:
    """The by-level matrix of *skill* as plain reST, the way the extension lays it out."""
    items = [item for levels in skill.roles.values() for item in levels.values()]
    required = sum(item.required for item in items)
    date = f'{MONTHS[skill.updated.month - 1]} {skill.updated.day}, {skill.updated.year}'  # as the extension
    lines = ['.. container:: skill-matrix skill-matrix-by-level', '']
    body: list[str] = []
    if skill.summary:
        body += [skill.summary, '']
    body += [f':Domain: {skill.domain}', f':Group: {skill.group}', f':Last updated: {date}', '']
    for value, name, caption in (
        (len(skill.roles), 'Roles', 'where this skill appears'),
        (len(definitions.levels), 'Levels', 'structured growth path'),
        (required, 'Mandatory requirements', f'the other {len(items) - required} optional'),
    ):
        body += [f'- **{value}** {name}', '', f'  {caption}', '']
    first, last = definitions.levels[0][1], definitions.levels[-1][1]
    body += [f'The table shows how skill depth grows from {first} to {last}.', '']
    role_names = dict(definitions.roles)
    for level_id, level_name in definitions.levels:
        rows = [['Role', 'Required', 'Description']] + [
            [
                role_names[role_id],
                '**Required**' if levels[level_id].required else 'Optional',
                levels[level_id].description,
            ]
            for role_id, levels in skill.roles.items()
        ]
        body += _list_table(level_name, '24 12 64', f'skill-table skill-table-level-{level_id}', rows)
        body.append('')
    lines += [f'   {line}'.rstrip() for line in body]
    return '\n'.join(lines) + '\n'


def floor_overview(skills: list[SyntheticSkill], definitions: Definitions) -> str:
    rows = [['Skill', 'Group', 'Roles', 'Levels', 'Required', 'Optional']]
    for skill in sorted(skills, key=lambda skill: skill.title.casefold()):
        items = [item for levels in skill.roles.values() for item in levels.values()]
        required = sum(item.required for item in items)
        rows.append(
            [
                f':doc:`{skill.title} <skills/{skill.id}>`',
                skill.group,
                str(len(skill.roles)),
                str(len(definitions.levels)),
                str(required),
                str(len(items) - required),
            ]
        )
    return '\n'.join(_list_table('', '34 26 10 10 10 10', 'skill-overview', rows)) + '\n'
