"""The rendering of pages: the Markdown that the macros put on each page, from Jinja
templates (``templates/``), with every data value escaped on the way.

May import ``macros.data`` only. Knows page addresses, never MkDocs objects.
"""
