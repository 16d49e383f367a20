extensions = ['skill_matrix']
exclude_patterns = ['_build']
html_theme = 'furo'
skill_matrix_data_dir = 'data'
skill_matrix_role_pages = 'roles'
skill_matrix_domain_pages = 'domains'
