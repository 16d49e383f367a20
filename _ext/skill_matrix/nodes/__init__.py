"""From the model to docutils nodes: matrices, overviews, role tables, schema tables."""
