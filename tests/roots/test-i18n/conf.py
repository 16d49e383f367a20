extensions = ['skill_matrix']
exclude_patterns = ['_build']
skill_matrix_data_dir = 'data'
locale_dirs = ['locale/']
gettext_compact = 'site'
translation_progress_classes = True
html_context = {'languages': {'en': 'English', 'de': 'Deutsch', 'zh_CN': '简体中文'}}
html_sidebars = {'**': ['skill_matrix/languages.html']}
