extensions = ['skill_matrix']
exclude_patterns = ['_build']
skill_matrix_data_dir = 'data'
