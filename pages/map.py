"""Map: where the province stands, by new commune (from 1 July 2025) or by former district, on the
selected year and measure; play through the years, one small map per year, a panel for the unit
clicked."""

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

import pages  # noqa: F401  (a link opened first on a fresh server runs through app.py: pages/__init__.py)
from ntm.criteria import criterion_name
from ntm.formatting import fmt_number, fmt_percent, fmt_year_range
from ntm.geo.folium_map import base_map, bounds_of, layer_group
from ntm.i18n import t
from ntm.reports.metadata import DownloadFile
from ntm.ui import downloads, loaders, page, state
from ntm.ui.editor import current_editor
from ntm.ui.map_cache import (
    border_lines,
    breaks,
    layer,
    leaflet_assets,
    metric_label,
    multiples_spec,
    payload,
    union_lines,
    values,
)
from ntm.views import map as map_view

MAP_HEIGHT = 580


def sync_year() -> None:
    st.session_state[state.YEAR] = st.session_state[state.MAP_YEAR]


def select_clicked(level: str, communes, districts) -> None:
    """The unit under a click on the map becomes the one the panel shows."""
    clicked = (st.session_state.get(state.MAP_CLICK) or {}).get("last_object_clicked")
    if not clicked:
        return
    if level == "commune":
        code = map_view.unit_at(communes, clicked["lat"], clicked["lng"], "code")
        if code:
            st.session_state[state.MAP_COMMUNE] = code
    else:
        code = map_view.district_at(districts, clicked["lat"], clicked["lng"])
        if code:
            st.session_state[state.MAP_DISTRICT] = code


def active_boundaries(dataset, lang, upload):
    loaded, frame, error = loaders.configured_boundaries(dataset, upload)
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
        ("skipped", loaded.skipped),
    ):
        if names:
            st.warning(
                t(f"map.boundaries.{key}", lang, names=", ".join(page.literal(n) for n in names)), icon=":material/map:"
            )
    st.caption(t("map.boundaries.howto", lang))


def union_note(loaded, lang: str) -> str:
    """Where the former-district shapes are approximate, in plain words (empty for official ones)."""
    if loaded.official or not loaded.approximate:
        return ""
    return t("map.boundaries.union", lang, names=", ".join(loaded.straddling))


def reporting_caption(dataset, year: int, level: str, code: str, names: dict, lang: str):
    """Under the panel's title: how many of the (former) district's communes reported for the year."""
    found = map_view.unit_reporting(dataset, year, level, code, names, lang)
    if found is not None:
        st.caption(t("map.panel.reporting", lang, year=year, text=found[2]))
    return found


def district_panel(dataset, year: int, code: str, names: dict, lang: str) -> None:
    catalogue = loaders.criteria_catalogue()
    st.subheader(t("map.panel.against", lang, district=names[code]))
    found = reporting_caption(dataset, year, "district", code, names, lang)
    if found is not None and found[0] == 0:  # nothing to set against the province: no 0 %, no empty tables
        st.info(t("map.panel.not_reported", lang, district=names[code], year=year), icon=":material/assignment_late:")
        return
    rows = map_view.against_province(dataset, year, code)
    table = {
        t(f"metric.{m}", lang): [map_view.format_value(d, m, lang), map_view.format_value(p, m, lang)]
        for m, d, p in rows.itertuples(index=False)
    }
    st.table(
        pd.DataFrame.from_dict(
            table, orient="index", columns=[t("map.panel.district", lang), t("map.panel.province", lang)]
        )
    )
    st.markdown(f"**{t('map.panel.weakest', lang)}**")
    weakest = map_view.weakest_criteria(dataset, year, code)
    # st.table reads cells as Markdown: "05. Trường học" would become a numbered list item "5."
    st.table(
        pd.DataFrame.from_dict(
            {
                page.literal(f"{cid}. {criterion_name(catalogue, cid, lang, year)}"): {
                    t("map.panel.share", lang): f"{fmt_percent(share, 0, lang)} ({met}/{n})",
                    t("map.panel.province", lang): fmt_percent(province, 0, lang),
                }
                for cid, met, n, share, province in weakest.itertuples(index=False)
            },
            orient="index",
        )
    )
    low, high = map_view.near_range(year)
    st.markdown(f"**{t('map.panel.near', lang, low=low, high=high)}**")
    near = map_view.near_standard(dataset, year, code)
    if near.empty:
        st.caption(t("map.panel.near.all", lang))
        return
    if near["criteria_met"].max() < low:
        st.caption(t("map.panel.near.none", lang, low=low, high=high))
    st.table(
        pd.DataFrame.from_dict(
            {
                page.literal(name): {t("map.criteria_met", lang): str(met), t("map.panel.missing", lang): missing}
                for _, name, met, missing in near.itertuples(index=False)
            },
            orient="index",
        )
    )


def commune_panel(dataset, year: int, code: str, lang: str) -> None:
    info = map_view.commune_panel(dataset, year, code, lang)
    st.subheader(t("map.panel.commune", lang, name=info["name"], year=year))
    reporting_caption(dataset, year, "commune", code, loaders.district_names(dataset), lang)
    if info["ward"]:
        st.info(t("map.panel.ward", lang), icon=":material/location_city:")
    elif info["new_structure"]:
        own = info["own"]
        if own is None:
            st.caption(t("map.panel.own.none", lang, year=year))
        else:
            st.markdown(
                page.literal(
                    t(
                        "map.panel.own",
                        lang,
                        year=year,
                        level=own["level"],
                        criteria=own["criteria_met"],
                        missing=own["missing"] or "–",
                    )
                )
            )
    if not info["ward"] and not info["headline"]["commune"].isna().all():
        st.table(
            pd.DataFrame.from_dict(
                {
                    t(f"metric.{m}", lang): [map_view.format_value(c, m, lang), map_view.format_value(p, m, lang)]
                    for m, c, p in info["headline"].itertuples(index=False)
                },
                orient="index",
                columns=[
                    t("map.panel.commune.own" if info["new_structure"] else "map.panel.commune.col", lang),
                    t("map.panel.province", lang),
                ],
            )
        )
    st.markdown(f"**{t('map.panel.members', lang)}**")
    members = info["members"]
    names_shown = [
        n if p == t("map.part.full", lang) else f"{n} ({p})" for n, p in zip(members["name"], members["part"])
    ]
    if info["new_structure"]:
        st.caption(t("map.panel.members.new", lang))
        shown = members[["name", "district"]].assign(name=names_shown)
        columns = ["map.col.old", "map.col.old_district"]
    else:
        st.caption(t("map.panel.members.old", lang, year=year, assessed=info["assessed"]))
        shown = members[["name", "district", "level", "criteria_met", "missing"]].assign(
            name=names_shown,
            criteria_met=[fmt_number(v, 0, lang) if pd.notna(v) else "" for v in members["criteria_met"]],
        )
        columns = ["map.col.old", "map.col.old_district", "map.col.level", "map.col.criteria_met", "map.col.missing"]
    table = shown.map(lambda v: page.literal(v) if isinstance(v, str) and v else v)
    table.columns = [t(c, lang) for c in columns]
    st.table(table.set_index(table.columns[0]))


leaflet_assets()
dataset = loaders.load_active_dataset()
f = state.current_filters(dataset)
names = loaders.district_names(dataset)
header = st.container()
notices = st.container()

if st.session_state.get(state.MAP_YEAR) != f.year:
    st.session_state[state.MAP_YEAR] = f.year
controls = st.columns([2, 3, 3, 2])
level = controls[0].radio(
    t("map.level", f.lang),
    map_view.MAP_LEVELS,
    key=state.MAP_LEVEL,
    bind="query-params",
    format_func=lambda lv: t(f"map.level.{lv}", f.lang),
)
level = level or map_view.MAP_LEVELS[0]
controls[1].select_slider(t("filter.year", f.lang), dataset.years, key=state.MAP_YEAR, on_change=sync_year)
measures = map_view.map_metrics(f.year)
metric = controls[2].selectbox(
    t("map.metric", f.lang),
    measures,
    key=state.MAP_METRIC,
    bind="query-params",
    format_func=lambda m: metric_label(m, f.criterion, f.lang),
)
with controls[3]:
    show_points = st.toggle(t("map.show_points", f.lang), key=state.MAP_POINTS)
    base_tiles = st.toggle(t("map.base_tiles", f.lang), key=state.MAP_TILES)
with header:
    page.page_header(dataset, t(f"map.title.{level}", f.lang, year=f.year), f.lang)
criterion_slot = st.container()
if metric == "criterion_share":
    criterion_slot.caption(
        f"{t('map.criterion', f.lang)}: {f.criterion}. "
        f"{criterion_name(loaders.criteria_catalogue(), f.criterion, f.lang, f.year)}"
    )

# Editor rights end after the same idle time as on the import page (said here, outside the closed expander).
editor = current_editor(f.lang, loaders.active_store())
with st.expander(t("map.boundaries", f.lang)):
    # Only a logged-in editor may upload boundaries (parsed files are cached for the process); viewers
    # see the configured ones (NTM_BOUNDARIES or the bundled approximation).
    upload = None
    if editor:
        upload = st.file_uploader(
            t("map.boundaries.upload", f.lang), type=["geojson", "json", "gpkg", "zip"], key=state.MAP_BOUNDARY_FILE
        )
    else:
        st.caption(t("map.boundaries.editor_only", f.lang))
    loaded, frame = active_boundaries(dataset, f.lang, upload)
    boundary_report(loaded, f.lang)
communes_loaded, communes, commune_borders = loaders.configured_communes(loaded, upload)
shapes_key = f"{loaded.source}|{len(frame)}|{communes_loaded.source}|{loaded.official}"
if loaded.official:
    districts = border_lines(shapes_key, frame)
else:  # the lines of the bundled union, from the very communes drawn
    districts = union_lines(shapes_key, commune_borders, frame)
note = union_note(loaded, f.lang)
commune_names = map_view.commune_names()
label = metric_label(metric, f.criterion, f.lang)
map_shapes = (communes, districts if level == "commune" else frame, names)

left, right = st.columns([3, 2])
with right:  # the unit shown first: the map outlines it (from a link too, in the first run)
    with notices:
        page.page_url_notice(
            state.MAP_METRIC,
            [metric_label(m, f.criterion, f.lang) for m in measures],
            t("map.metric", f.lang),
            f.lang,
        )
        page.page_url_notice(
            state.MAP_LEVEL,
            [t(f"map.level.{lv}", f.lang) for lv in map_view.MAP_LEVELS],
            t("map.level", f.lang),
            f.lang,
        )
    if level == "commune":
        selected = st.selectbox(
            t("map.commune.shown", f.lang),
            list(commune_names),
            key=state.MAP_COMMUNE,
            index=None,
            bind="query-params",
            format_func=commune_names.get,
            placeholder=t("map.district.none", f.lang),
        )
        with notices:
            page.page_url_notice(
                state.MAP_COMMUNE, list(commune_names.values()), t("map.commune.shown", f.lang), f.lang
            )
    else:
        selected = st.selectbox(
            t("map.district", f.lang),
            list(names),
            key=state.MAP_DISTRICT,
            index=None,
            bind="query-params",
            format_func=names.get,
            placeholder=t("map.district.none", f.lang),
        )
        with notices:
            page.page_url_notice(state.MAP_DISTRICT, list(names.values()), t("map.district", f.lang), f.lang)
layer_json = payload(
    dataset,
    level,
    metric,
    f.criterion,
    f.lang,
    f.year,
    shapes_key,
    tuple(f.districts),
    selected,
    tuple(f.levels) if show_points else None,
    note,
    base_tiles,
    map_shapes,
)
with left:
    st_folium(
        base_map(bounds_of(frame), f.lang, base_tiles),
        key=state.MAP_CLICK,
        height=MAP_HEIGHT,
        use_container_width=True,
        returned_objects=["last_object_clicked"],
        feature_group_to_add=layer_group(layer_json),
        on_change=lambda: select_clicked(level, communes, frame),
    )
    if level == "commune":
        st.caption(t("map.rule", f.lang, names=", ".join(map_view.split_communes())))
    else:
        st.caption(t("map.rule.district", f.lang))
with right:
    if level == "commune" and selected:
        commune_panel(dataset, f.year, selected, f.lang)
    elif level == "commune":
        st.info(t("map.click_hint.commune", f.lang), icon=":material/touch_app:")
    elif selected:
        district_panel(dataset, f.year, selected, names, f.lang)
    else:
        st.info(t("map.click_hint", f.lang), icon=":material/touch_app:")

unit_shapes = (communes, "code") if level == "commune" else (frame, "district_code")
codes = tuple(unit_shapes[0][unit_shapes[1]].astype(str))
lineage = map_view.lineage_of(f.year)
years_layer = layer(dataset, level, metric, f.criterion, f.lang, lineage, shapes_key, codes, names, f.year)
first, last = years_layer["years"][0], years_layer["years"][-1]
years_span = fmt_year_range(first, last)  # a lineage of one year: '2026', not '2026–2026'
multiples_title = t("map.multiples.title", f.lang, label=label, years=years_span)
source = t("source.demo", f.lang) if dataset.illustrative else t("map.image.source", f.lang, source=dataset.label)
class_breaks = breaks(dataset, level, metric, f.criterion, lineage, f.year)
# The map's files describe themselves like every download (ntm.reports.metadata): the whole province
# (the images show it whatever districts are chosen), the year or the years, the measure and level.
province = t("scope.province", f.lang)
level_filters = ((t("map.metric", f.lang), label), (t("map.level", f.lang), t(f"map.level.{level}", f.lang)))
map_title = t(f"map.title.{level}", f.lang, year=f.year)
map_meta = downloads.describe(
    dataset, f, map_title, year=f.year, scope=province, filters=level_filters, what=f"{map_title} {label}"
)
years_scope = t("meta.heading", f.lang, scope=province, year=years_span)
years_meta = downloads.describe(
    dataset,
    f,
    multiples_title,
    scope=years_scope,
    filters=level_filters[1:],
    what=f"{t('nav.map', f.lang)} {multiples_title}",
)
csv_meta = downloads.describe(
    dataset,
    f,
    t("map.csv.title", f.lang, label=label, years=years_span),
    scope=years_scope,
    filters=level_filters[1:],
)


def image_text(meta) -> tuple[list[str], str]:
    """The notes under a map image (the record's footer: source, version, date, notice; the
    approximate borders) and the line under its title (scope, year, filters)."""
    return [*meta.footer(), note], " · ".join(meta.heading())


def current_png(meta) -> bytes:
    from ntm.charts.export import png_text, with_png_text
    from ntm.geo.image import classes_by_year, units_map_png

    notes, subtitle = image_text(meta)
    png = units_map_png(
        unit_shapes[0],
        unit_shapes[1],
        classes_by_year(years_layer)[f.year],
        class_breaks,
        metric,
        label,
        f.lang,
        meta.title,
        notes,
        borders=districts if level == "commune" else None,
        subtitle=subtitle,
        labels=None if level == "commune" else names,
    )
    return with_png_text(png, png_text(meta), meta.lang)


def multiples_png(meta) -> bytes:
    from ntm.charts.export import png_text, with_png_text
    from ntm.geo.image import classes_by_year, small_multiples_png

    notes, subtitle = image_text(meta)
    png = small_multiples_png(
        unit_shapes[0],
        unit_shapes[1],
        classes_by_year(years_layer),
        class_breaks,
        metric,
        label,
        f.lang,
        meta.title,
        notes,
        subtitle=subtitle,
    )
    return with_png_text(png, png_text(meta), meta.lang)


def map_csv(meta) -> bytes:
    from ntm.reports.tables import download_frame, to_csv_bytes

    table = map_view.download_table(
        years_layer, values(dataset, level, metric, f.criterion), class_breaks, metric, meta.lang, names
    )
    return to_csv_bytes(download_frame(table, meta.lang), meta)


with left:
    downloads.file_downloads(
        [DownloadFile(f"{map_meta.file_stem}.png", "image/png", current_png, map_meta)],
        [t("map.download", f.lang)],
        ["map-download-png"],
    )

st.subheader(t("map.multiples", f.lang))
# A grid wider than a phone's screen scrolls sideways instead of being cut.
st.html(
    "<style>.st-key-map-multiples [data-testid='stElementContainer'],"
    ".st-key-map-multiples [data-testid='stVegaLiteChart']{max-width:100%;overflow-x:auto}</style>"
)
multiples = st.container(key="map-multiples")
multiples.vega_lite_chart(
    multiples_spec(
        dataset,
        level,
        metric,
        f.criterion,
        f.lang,
        lineage,
        shapes_key,
        multiples_title,
        unit_shapes,
        years_layer,
        class_breaks,
    ),
    width="content",
)
downloads.file_downloads(
    [
        DownloadFile(f"{years_meta.file_stem}.png", "image/png", multiples_png, years_meta),
        DownloadFile(f"{csv_meta.file_stem}.csv", "text/csv", map_csv, csv_meta),
    ],
    [t("map.multiples.download", f.lang), t("map.download.csv", f.lang)],
    ["map-multiples-png", "map-csv"],
)
st.caption(source)
