"""e-Cabinet benchmarks: the project's speed against reference tools measured in the same run.

Run them with `python -m bench.run`; see bench/README.md. They are not part of the test suite.
"""
