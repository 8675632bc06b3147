"""What each page shows, as data: one module per page (`ntm/views/X.py` serves `pages/X.py`), with
the frames, display values and chart specs that both the page and `python -m ntm.bench` call."""
