"""The data layer: the YAML files of ``data/`` read, validated and turned into the model.

Nothing here imports Sphinx or docutils (a test holds this), so ``python -m
skill_matrix.data.check`` runs with PyYAML and jsonschema alone.
"""
