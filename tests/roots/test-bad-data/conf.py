extensions = ['myst_parser', 'skill_matrix']
source_suffix = {'.rst': 'restructuredtext', '.md': 'markdown'}
exclude_patterns = ['_build']
skill_matrix_data_dir = 'data'
