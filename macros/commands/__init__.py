"""The editors' commands (``scripts/check``, ``new-year``, ``add-record``, ``schema``) and the
careful YAML editing they share.

May import ``macros.data`` only: a command works on the data files, never on the site.
"""
