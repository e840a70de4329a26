"""The files the site publishes besides its pages: open data (JSON, CSV, schemas), the
calendar and news feeds, the PDFs, the change history and the year archive.

May import ``macros.data`` and ``macros.pages``, never MkDocs: the plugin's ``site_files`` hands
these files to MkDocs.
"""
