"""The overview page's cached computations (pages/overview.py). Defined here, not in the page:
Streamlit reads a cached function's source to key its cache each time the decorator runs, and a
page's script runs on every interaction."""

import streamlit as st

from ntm import metrics
from ntm.ui import loaders
from ntm.views import overview


@st.cache_data(show_spinner=False, hash_funcs=loaders.DATASET, max_entries=64)
def bar_charts(dataset, year: int, districts: tuple[str, ...], lang: str):
    summary = metrics.summary(metrics.select(dataset.commune_year, year, districts), year)
    return overview.bar_charts(summary, year, lang)


@st.cache_data(show_spinner=False, hash_funcs=loaders.DATASET, max_entries=32)
def district_map(dataset, year: int, lang: str):
    """(chart, official boundaries?) of the district map; the map page reports a bad boundary file."""
    loaded, shapes, _ = loaders.configured_boundaries(dataset)
    values = overview.former_district_values(dataset, year, "share_ntm")
    return overview.district_map(shapes, values, loaders.district_names(dataset), year, lang), loaded.official
