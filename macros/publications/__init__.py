"""The files the site publishes besides its pages: open data (JSON, CSV, schemas), the
calendar and news feeds, the PDFs, the change history, the year archive, and the form editor
(``editor.py``: Decap CMS at /bien-tap/, configured from the models).

May import ``macros.data`` and ``macros.pages``, never MkDocs: the plugin's ``site_files`` hands
these files to MkDocs.
"""
