"""The overview page's cached computations (pages/overview.py). Defined here, not in the page:
Streamlit reads a cached function's source to key its cache each time the decorator runs, and a
page's script runs on every interaction."""

import streamlit as st

from ntm import metrics
from ntm.i18n import t
from ntm.reports.tables import district_summary
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


@st.cache_data(show_spinner=False, hash_funcs=loaders.DATASET, max_entries=32)
def district_rows(dataset, year: int, lang: str):
    """The overview's table of every (former) district of a year, best share first, the province last,
    with 'Đã báo cáo' while some have not reported; a selection shows its districts' rows of it (a
    district's row counts its own communes only). None for a year without data."""
    every, province = loaders.year_districts(dataset, year)
    if every is None:
        return None
    whole = loaders.coverage(dataset, year)
    new_phase = bool(metrics.select(dataset.commune_year, year)["new_unit"].any())
    return district_summary(
        every,
        loaders.district_names(dataset),
        lang,
        new_phase,
        province=province,
        reported=None if whole.complete else whole.by_district,
        order="share_ntm",
        province_reported=f"{whole.reported}/{whole.expected}",
    )


def chosen_rows(rows, districts: tuple[str, ...], names: dict[str, str], lang: str):
    """`district_rows` of the chosen districts and the province (every row when none is chosen)."""
    if not districts:
        return rows
    keep = {names[d] for d in districts} | {t("scope.province", lang)}
    return rows[rows.iloc[:, 0].isin(keep)].reset_index(drop=True)
