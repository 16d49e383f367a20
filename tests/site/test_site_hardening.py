"""Pages arrive through pull requests: raw HTML, scripts and file inclusion never reach the site."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from conftest import copy_site, sphinx_build, warnings

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp

EVIL_RST = """Evil
====

.. raw:: html

   <script>alert(1)</script>

.. include:: /etc/passwd

.. literalinclude:: /etc/hostname
"""
EVIL_MD = """# Evil Markdown

<script>alert(2)</script>

Text <b>bold</b> and <img src=x onerror=alert(3)>
"""


@pytest.fixture(scope='module')
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    srcdir = copy_site(tmp_path_factory.mktemp('hardening'))
    (srcdir / 'skills' / 'evil.rst').write_text(EVIL_RST)
    (srcdir / 'skills' / 'evil-md.md').write_text(EVIL_MD)
    return sphinx_build(srcdir)


def test_raw_and_include_directives_are_refused_with_a_located_warning(built: SphinxTestApp) -> None:
    assert 'skills/evil.rst:4: WARNING: "raw" directive disabled.' in warnings(built)
    assert 'skills/evil.rst:8: WARNING: "include" directive disabled.' in warnings(built)
    assert 'skills/evil.rst:10: WARNING: File insertion disabled' in warnings(built)
    page = (built.outdir / 'skills' / 'evil.html').read_text()
    assert '<script>alert(1)' not in page
    assert 'root:' not in page


def test_html_in_markdown_pages_is_shown_as_text(built: SphinxTestApp) -> None:
    page = (built.outdir / 'skills' / 'evil-md.html').read_text()
    assert '<script>alert(2)' not in page
    assert '&lt;script&gt;alert(2)&lt;/script&gt;' in page
    assert '<b>bold</b>' not in page
    assert '<img src=x' not in page


def test_the_skill_pages_still_build(built: SphinxTestApp) -> None:
    assert (built.outdir / 'skills' / 'pytorch.html').read_text().count('skill-row ') == 25
