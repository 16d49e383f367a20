extensions = ['myst_parser', 'skill_matrix']
source_suffix = {'.rst': 'restructuredtext', '.md': 'markdown'}
exclude_patterns = ['_build']
skill_matrix_data_dir = 'data'
# The level names in Chinese (locale/zh_CN): content, translated like every text from data/.
locale_dirs = ['locale']
gettext_compact = 'site'
