"""One module per app, each with a CASES list (see tests/authz.py)."""
