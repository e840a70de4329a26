"""The data layer: models, loading, checks. Plain Python; never imports MkDocs."""
