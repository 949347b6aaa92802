"""`python -m bench`: generate the Europe-scale network on PostgreSQL and time the main pages.

See docs/benchmarks.md for what is measured and the latest figures.
"""
