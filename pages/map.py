"""Map: where the province stands, district by district, on the selected year and measure."""

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from ntm.criteria import criterion_name
from ntm.formatting import fmt_percent
from ntm.geo import assets as static_assets
from ntm.geo.folium_map import choropleth
from ntm.geo.image import district_map_png
from ntm.i18n import t
from ntm.ui import loaders, page, state
from ntm.views import map as map_data
from ntm.views import map as map_panel


@st.cache_resource(show_spinner=False)
def leaflet_assets() -> None:
    if not static_assets.installed():
        static_assets.install()


@st.cache_data(show_spinner=False, hash_funcs=loaders.DATASET)
def values(dataset, year: int, metric: str, criterion: str):
    return map_data.district_values(dataset, year, metric, criterion)


@st.cache_data(show_spinner=False, hash_funcs=loaders.DATASET)
def breaks(dataset, metric: str, criterion: str):
    return map_data.class_breaks(dataset, metric, criterion)


@st.cache_data(show_spinner=False, hash_funcs=loaders.DATASET)
def points(dataset, year: int, levels: tuple[str, ...]):
    return map_panel.commune_points(dataset, year, levels)


def metric_label(metric: str, criterion: str, lang: str) -> str:
    return t(f"map.metric.{metric}", lang, criterion=criterion)


def sync_year() -> None:
    st.session_state[state.YEAR] = st.session_state[state.MAP_YEAR]


def select_clicked(frame) -> None:
    clicked = (st.session_state.get(state.MAP_CLICK) or {}).get("last_object_clicked")
    if clicked:
        code = map_panel.district_at(frame, clicked["lat"], clicked["lng"])
        if code:
            st.session_state[state.MAP_DISTRICT] = code


def active_boundaries(dataset, lang):
    loaded, frame, error = loaders.configured_boundaries(dataset, st.session_state.get(state.MAP_BOUNDARY_FILE))
    if error:
        st.warning(t("map.boundaries.error", lang, detail=page.literal(error)), icon=":material/map:")
    return loaded, frame


def boundary_report(loaded, lang) -> None:
    if loaded.official:
        st.caption(t("map.boundaries.official", lang, source=loaded.source))
    else:
        st.caption(t("map.boundaries.approximate", lang))
    for key, names in (
        ("unmatched", loaded.unmatched),
        ("duplicates", loaded.duplicates),
        ("missing", loaded.missing),
        ("repaired", loaded.repaired),
    ):
        if names:
            st.warning(
                t(f"map.boundaries.{key}", lang, names=", ".join(page.literal(n) for n in names)), icon=":material/map:"
            )


def panel(dataset, year: int, code: str, names: dict, lang: str) -> None:
    catalogue = loaders.criteria_catalogue()
    st.subheader(t("map.panel.against", lang, district=names[code]))
    rows = map_panel.against_province(dataset, year, code)
    table = {
        t(f"metric.{m}", lang): [map_panel.format_value(d, m, lang), map_panel.format_value(p, m, lang)]
        for m, d, p in rows.itertuples(index=False)
    }
    st.table(
        pd.DataFrame.from_dict(
            table, orient="index", columns=[t("map.panel.district", lang), t("map.panel.province", lang)]
        )
    )
    st.markdown(f"**{t('map.panel.weakest', lang)}**")
    weakest = map_panel.weakest_criteria(dataset, year, code)
    st.table(
        pd.DataFrame.from_dict(
            {
                f"{cid}. {criterion_name(catalogue, cid, lang, year)}": {
                    t("map.panel.share", lang): f"{fmt_percent(share, 0, lang)} ({met}/{n})",
                    t("map.panel.province", lang): fmt_percent(province, 0, lang),
                }
                for cid, met, n, share, province in weakest.itertuples(index=False)
            },
            orient="index",
        )
    )
    st.markdown(f"**{t('map.panel.near', lang)}**")
    near = map_panel.near_standard(dataset, year, code)
    if near.empty:
        st.caption(t("map.panel.near.all", lang))
        return
    if near["criteria_met"].max() < map_panel.NEAR_STANDARD[0]:
        st.caption(t("map.panel.near.none", lang))
    st.table(
        pd.DataFrame.from_dict(
            {
                name: {t("map.criteria_met", lang): str(met), t("map.panel.missing", lang): missing}
                for _, name, met, missing in near.itertuples(index=False)
            },
            orient="index",
        )
    )


leaflet_assets()
dataset = loaders.load_active_dataset()
f = state.current_filters(dataset)
names = loaders.district_names(dataset)
page.page_header(dataset, t("map.title", f.lang, year=f.year), f.lang)

if st.session_state.get(state.MAP_YEAR) != f.year:
    st.session_state[state.MAP_YEAR] = f.year
controls = st.columns([3, 3, 2])
controls[0].select_slider(t("filter.year", f.lang), dataset.years, key=state.MAP_YEAR, on_change=sync_year)
metric = controls[1].selectbox(
    t("map.metric", f.lang),
    map_data.MAP_METRICS,
    key=state.MAP_METRIC,
    bind="query-params",
    format_func=lambda m: metric_label(m, f.criterion, f.lang),
)
page.page_url_notice(
    state.MAP_METRIC,
    [metric_label(m, f.criterion, f.lang) for m in map_data.MAP_METRICS],
    t("map.metric", f.lang),
    f.lang,
)
with controls[2]:
    show_points = st.toggle(t("map.show_points", f.lang), key=state.MAP_POINTS)
    base_tiles = st.toggle(t("map.base_tiles", f.lang), key=state.MAP_TILES)
if metric == "criterion_share":
    st.caption(
        f"{t('map.criterion', f.lang)}: {f.criterion}. "
        f"{criterion_name(loaders.criteria_catalogue(), f.criterion, f.lang, f.year)}"
    )

with st.expander(t("map.boundaries", f.lang)):
    st.file_uploader(
        t("map.boundaries.upload", f.lang), type=["geojson", "json", "gpkg", "zip"], key=state.MAP_BOUNDARY_FILE
    )
    loaded, frame = active_boundaries(dataset, f.lang)
    boundary_report(loaded, f.lang)

label = metric_label(metric, f.criterion, f.lang)
table = values(dataset, f.year, metric, f.criterion)
class_breaks = breaks(dataset, metric, f.criterion)
left, right = st.columns([3, 2])
with left:
    fmap = choropleth(
        frame,
        table,
        names,
        metric,
        label,
        class_breaks,
        f.lang,
        not loaded.official,
        points(dataset, f.year, f.levels) if show_points else None,
        base_tiles,
    )
    st_folium(
        fmap,
        key=state.MAP_CLICK,
        height=580,
        use_container_width=True,
        returned_objects=["last_object_clicked"],
        on_change=lambda: select_clicked(frame),
    )
    values_map = dict(zip(table["district_code"], table["value"]))
    st.download_button(
        t("map.download", f.lang),
        file_name=f"ban-do-{metric}-{f.year}.png",
        mime="image/png",
        data=lambda: district_map_png(
            values_map, label, f.lang, loaded, class_breaks, title=t("map.title", f.lang, year=f.year)
        ),
        on_click="ignore",
        icon=":material/download:",
    )
with right:
    code = st.selectbox(
        t("map.district", f.lang),
        list(names),
        key=state.MAP_DISTRICT,
        index=None,
        bind="query-params",
        format_func=names.get,
        placeholder=t("map.district.none", f.lang),
    )
    page.page_url_notice(state.MAP_DISTRICT, list(names.values()), t("map.district", f.lang), f.lang)
    if code:
        panel(dataset, f.year, code, names, f.lang)
    else:
        st.info(t("map.click_hint", f.lang), icon=":material/touch_app:")
st.caption(t("source.demo", f.lang) if dataset.illustrative else "")
