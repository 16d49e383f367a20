"""From the model to docutils nodes: matrices and overviews, role tables, the catalog, the changes
page and its markers, schema tables, texts from data files, a page's hidden skill data, and the
places of what only HTML readers get (downloads, level picker, links to the plan)."""
