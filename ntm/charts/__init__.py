"""Altair chart builders, one module per page (`ntm/charts/X.py` for `pages/X.py`), the one shared
look (`style`) and chart files (`export`: PNG and SVG through vl-convert, CSV)."""
