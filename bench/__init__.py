"""Benchmarks and the synthetic course: developer tools, run from a source checkout.

``python -m bench`` measures build speed, scale, rebuild time, page weight and PDF time;
``python -m bench.synth`` writes a large synthetic course; ``python -m bench.search``
compares the site's search with Pagefind. One module per concern: ``builds``, ``serve``,
``weight``, ``pdf``, ``profile``, ``report``, ``search``. Not part of the shipped package.
"""
