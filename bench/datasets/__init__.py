"""The benchmark's data set, one module per area, written in bulk into a ``*_bench`` database.

Each module has ``generate(scale=..., stdout=...)`` and ``counts()`` (see ``manage.py bench_data``).
"""
