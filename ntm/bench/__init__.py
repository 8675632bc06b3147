"""Benchmarks (`python -m ntm.bench`, see __main__): they call the same view functions the pages
call, so what they time is what the pages do."""
