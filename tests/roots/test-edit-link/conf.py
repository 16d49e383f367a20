extensions = ['skill_matrix']
exclude_patterns = ['_build']
skill_matrix_edit_url = 'https://git.example.com/org/skills/-/edit/main/{path}'
