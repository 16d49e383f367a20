extensions = ['skill_matrix']
exclude_patterns = ['_build']
skill_matrix_data_dir = 'data'
skill_matrix_role_pages = 'roles'
skill_matrix_plan_page = 'plan'
locale_dirs = ['locale/']
gettext_compact = 'site'
translation_progress_classes = 'untranslated'
