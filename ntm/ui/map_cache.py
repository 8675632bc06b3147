"""The map page's cached computations (pages/map.py). Defined here, not in the page: Streamlit reads a
cached function's source to key its cache each time the decorator runs, and a page's script runs on
every interaction (10 functions: 8-15 ms a run)."""

import streamlit as st

from ntm.geo import assets as static_assets
from ntm.i18n import t
from ntm.ui import loaders
from ntm.views import map as map_view

BORDERS_BUDGET = 40_000  # bytes of GeoJSON for the former-district lines drawn over the communes


@st.cache_resource(show_spinner=False)
def leaflet_assets() -> None:
    if not static_assets.installed():
        static_assets.install()


@st.cache_resource(show_spinner=False, max_entries=4)
def border_lines(shapes_key: str, _frame):
    """Official former-district shapes made lighter for the lines drawn over the communes."""
    from ntm.geo.boundaries import simplify_for_browser

    return simplify_for_browser(_frame, BORDERS_BUDGET)


@st.cache_resource(show_spinner=False, max_entries=4)
def union_lines(shapes_key: str, _borders, _frame):
    """The former-district lines of the bundled union (dissolved from the communes drawn) of the
    districts in the frame."""
    return _borders.merge(_frame[["district_code"]], on="district_code")


@st.cache_data(show_spinner=False, hash_funcs=loaders.DATASET, max_entries=16)
def values(dataset, level: str, metric: str, criterion: str):
    return map_view.level_values(dataset, level, metric, criterion)


# Breaks and layers hold the years of one lineage of criteria sets (map_view.map_years): cached per
# lineage, any of its years (`_year`) gives the same.
@st.cache_data(show_spinner=False, hash_funcs=loaders.DATASET)
def breaks(dataset, level: str, metric: str, criterion: str, lineage: str, _year: int):
    table = values(dataset, level, metric, criterion)
    return map_view.class_breaks(dataset, metric, criterion, level, table, year=_year)


@st.cache_data(show_spinner=False, hash_funcs=loaders.DATASET, max_entries=32)
def layer(dataset, level, metric, criterion, lang, lineage, shapes_key, codes: tuple, _names, _year: int):
    return map_view.layer_data(
        dataset,
        level,
        metric,
        criterion,
        lang,
        breaks(dataset, level, metric, criterion, lineage, _year),
        list(codes),
        _names,
        values(dataset, level, metric, criterion),
        years=map_view.map_years(dataset, _year),
    )


@st.cache_data(show_spinner=False, hash_funcs=loaders.DATASET, max_entries=16)
def points(dataset, lang: str, levels: tuple[str, ...]):
    return map_view.points_data(dataset, lang, levels)


def breaks_and_layer(dataset, level, metric, criterion, lang, year, shapes_key, shapes) -> tuple:
    """The year's class breaks and its layer (both cached per lineage), which both parts of the payload take."""
    communes, districts, names = shapes
    codes = tuple(communes["code"]) if level == "commune" else tuple(districts["district_code"])
    lineage = map_view.lineage_of(year)
    return (
        breaks(dataset, level, metric, criterion, lineage, year),
        layer(dataset, level, metric, criterion, lang, lineage, shapes_key, codes, names, year),
    )


# The map's payload in two parts: the year's layer (the shapes and every year's classes: the big part),
# cached per year and measure whatever districts are chosen, and the chosen districts' outline and zoom.
@st.cache_data(show_spinner=False, hash_funcs=loaders.DATASET, max_entries=32)
def year_payload(dataset, level, metric, criterion, lang, year, shapes_key, levels, tiles, _shapes):
    communes, districts, names = _shapes
    return map_view.map_year_payload(
        level,
        metric,
        criterion,
        lang,
        year,
        communes,
        districts,
        names,
        *breaks_and_layer(dataset, level, metric, criterion, lang, year, shapes_key, _shapes),
        points(dataset, lang, levels) if levels is not None else None,
        tiles,
    )


@st.cache_data(show_spinner=False, hash_funcs=loaders.DATASET, max_entries=64)
def chosen_payload(dataset, level, metric, criterion, lang, year, shapes_key, chosen, selected, dots, note, _shapes):
    communes, districts, _ = _shapes
    return map_view.map_selection_payload(
        level,
        metric,
        criterion,
        lang,
        year,
        communes,
        districts,
        *breaks_and_layer(dataset, level, metric, criterion, lang, year, shapes_key, _shapes),
        chosen,
        selected,
        points=dots,
        note=note,
    )


def payload(dataset, level, metric, criterion, lang, year, shapes_key, chosen, selected, levels, note, tiles, shapes):
    """The layer the map draws (map_view.map_payload), from its two cached parts."""
    from ntm.geo.folium_map import with_selection

    dots = levels is not None
    return with_selection(
        year_payload(dataset, level, metric, criterion, lang, year, shapes_key, levels, tiles, shapes),
        chosen_payload(dataset, level, metric, criterion, lang, year, shapes_key, chosen, selected, dots, note, shapes),
    )


@st.cache_data(show_spinner=False, hash_funcs=loaders.DATASET, max_entries=16)
def multiples_spec(dataset, level, metric, criterion, lang, lineage, shapes_key, title, _shapes, _layer, _breaks):
    from ntm.charts.map import small_multiples_frame, small_multiples_spec

    shapes, column = _shapes
    frame = small_multiples_frame(_layer, _breaks, metric, lang)
    label = metric_label(metric, criterion, lang)
    return small_multiples_spec(shapes, column, frame, _breaks, metric, label, lang, title)


def metric_label(metric: str, criterion: str, lang: str) -> str:
    return t(f"map.metric.{metric}", lang, criterion=criterion)
