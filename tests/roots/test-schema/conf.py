extensions = ['skill_matrix']
exclude_patterns = ['_build']
