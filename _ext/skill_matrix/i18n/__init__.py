"""Languages: UI labels, translation of data texts, catalog checks, translation warnings and
the language switcher."""
