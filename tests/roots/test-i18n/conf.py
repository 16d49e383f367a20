extensions = ['skill_matrix']
exclude_patterns = ['_build']
skill_matrix_data_dir = 'data'
locale_dirs = ['locale/']
gettext_compact = 'site'
translation_progress_classes = True
