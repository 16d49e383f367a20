"""Eight levels with digits and parentheses; the German catalog translates some of their names."""

extensions = ['skill_matrix']
exclude_patterns = ['_build']
skill_matrix_data_dir = 'data'
skill_matrix_role_pages = 'roles'
skill_matrix_default_layout = 'by-level'
locale_dirs = ['locale/']
gettext_compact = 'site'
translation_progress_classes = True
html_context = {'languages': {'en': 'English', 'de': 'Deutsch'}}
html_sidebars = {'**': ['skill_matrix/languages.html']}
