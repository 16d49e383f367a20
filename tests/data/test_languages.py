"""Links between the language builds: the same page, relative to where the page is."""

from __future__ import annotations

from skill_matrix.i18n import language_links

LANGUAGES = {'en': 'English', 'de': 'Deutsch', 'zh_CN': '简体中文'}


def urls(current: str, target_uri: str) -> dict[str, str]:
    return {link.code: link.url for link in language_links(LANGUAGES, current, target_uri)}


def test_a_top_level_page_links_its_sibling_folders() -> None:
    assert urls('en', 'index.html') == {
        'en': '../en/index.html',
        'de': '../de/index.html',
        'zh_CN': '../zh_CN/index.html',
    }


def test_a_page_in_a_folder_climbs_out_of_it_first() -> None:
    assert urls('de', 'skills/pytorch.html')['zh_CN'] == '../../zh_CN/skills/pytorch.html'
    assert urls('de', 'a/b/c.html')['en'] == '../../../en/a/b/c.html'


def test_folder_pages_of_dirhtml_keep_their_trailing_slash() -> None:
    assert urls('en', 'skills/pytorch/')['de'] == '../../../de/skills/pytorch/'
    assert urls('en', '')['de'] == '../de/'


def test_the_current_language_is_marked_and_tagged_for_html() -> None:
    links = language_links(LANGUAGES, 'zh_CN', 'index.html')
    assert [(link.code, link.tag, link.current) for link in links] == [
        ('en', 'en', False),
        ('de', 'de', False),
        ('zh_CN', 'zh-CN', True),
    ]
