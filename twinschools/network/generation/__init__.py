"""A deterministic, realistic eTwinning network for demos, tests and benchmarks.

`places` and `vocabulary` hold the real-world data (regions, towns, school name
patterns, person names); `scales` says how big a network is; `builder` turns a
scale and a seed into rows; `sinks` write those rows with COPY on PostgreSQL or
bulk_create elsewhere; `runner` ties it together for the management command.
"""
