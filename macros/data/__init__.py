"""The domain: the data models, loading and checking the data folder, the rules that compute
statuses and duties, the git history of the data, and a build's computed views of them
(``build_views``).

Plain Python on pydantic and PyYAML. It imports nothing else of ``macros`` and never MkDocs,
so the checks, the commands and the site all read the same rules.
"""
