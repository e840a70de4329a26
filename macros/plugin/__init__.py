"""The MkDocs glue: the ``qcdc`` plugin (``config.py``, ``plugin.py``) that loads the data once
per build and feeds it to the pages, and the build-time helpers it runs (page facts, live
reload, search index, markup repairs, template cache, the publication macros).

May import every other package; nothing imports it but ``macros/__init__.py``.
"""
