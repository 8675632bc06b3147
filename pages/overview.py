"""Overview: headline numbers against the 2025 targets, levels, bands and districts."""

import streamlit as st

from ntm import metrics
from ntm.charts.style import PALETTE_BANDS, PALETTE_LEVELS, category_bar
from ntm.formatting import fmt_number
from ntm.i18n import t
from ntm.reports.tables import district_summary
from ntm.ui import downloads, loaders, page, state
from ntm.views.map import SHARE_BREAKS, district_values
from ntm.views.overview import band_frame, lagging_districts, level_frame, progress_card


@st.cache_data(show_spinner=False, hash_funcs=loaders.DATASET)
def district_map(dataset, year: int, lang: str):
    """(data, Vega-Lite spec, official?) of the district map of the share meeting the standard."""
    from ntm.charts.map import map_frame  # geopandas after the headline numbers: they show sooner

    loaded, shapes, _ = loaders.configured_boundaries(dataset)  # the map page reports a bad file
    names = loaders.district_names(dataset)
    frame = map_frame(shapes, district_values(dataset, year, "share_ntm"), names, "share_ntm", SHARE_BREAKS, lang)
    return frame, map_chart(frame, year, lang).to_dict(validate=False), loaded.official


@st.cache_data(show_spinner=False)
def bar_spec(frame, colors: tuple[str, ...], value_title: str, lang: str) -> dict:
    return category_bar(frame, list(colors), value_title, lang).to_dict(validate=False)


def map_chart(frame, year: int, lang: str):
    from ntm.charts.map import district_map_chart

    return district_map_chart(
        frame, "share_ntm", t("metric.share_ntm", lang), SHARE_BREAKS, lang, t("overview.map", lang, year=year)
    )


dataset = loaders.load_active_dataset()
f = state.current_filters(dataset)
names = loaders.district_names(dataset)
selection = metrics.select(dataset.commune_year, f.year, f.districts)
headline = metrics.summary(selection)

page.page_header(dataset, t("overview.title", f.lang, year=f.year), f.lang)
if f.districts:
    scope = t(
        "overview.scope.districts",
        f.lang,
        districts=", ".join(names[d] for d in f.districts),
        communes=fmt_number(headline["communes"], lang=f.lang),
    )
else:
    scope = t("overview.scope.province", f.lang, communes=fmt_number(headline["communes"], lang=f.lang))
st.caption(scope)

st.subheader(t("overview.targets", f.lang, year=2025))
if f.districts:
    st.caption(t("overview.targets.prorata", f.lang))
cards = [progress_card(p, f.lang) for p in loaders.headline_progress(dataset, f.year, f.districts)]
for column, card in zip(st.columns(len(cards)), cards):
    with column, st.container(border=True):
        st.metric(
            card["label"],
            card["value"],
            card["delta"],
            delta_color=card["delta_color"],
            delta_arrow="off",
            help=card["help"],
        )
        st.markdown(f"{card['detail']}  \n**{card['status']}**  \n{card['target']}")
        st.caption(card["pace"])

left, right = st.columns(2)
for column, key, frame, palette in (
    (left, "levels", level_frame(headline, f.lang), PALETTE_LEVELS),
    (right, "bands", band_frame(headline, f.lang), PALETTE_BANDS),
):
    colors = tuple(palette[k] for k in frame["key"])
    with column:
        st.subheader(t(f"overview.{key}", f.lang))
        st.vega_lite_chart(bar_spec(frame, colors, t("chart.communes", f.lang), f.lang), theme=None)
        downloads.chart_downloads(
            lambda frame=frame, colors=colors: category_bar(frame, list(colors), t("chart.communes", f.lang), f.lang),
            frame[["label", "value"]],
            f"xa-theo-{'muc' if key == 'levels' else 'so-tieu-chi'}-{f.year}",
            f.lang,
        )

st.subheader(t("overview.districts", f.lang))
table = metrics.district_table(selection)
st.markdown(t("overview.lagging", f.lang, names=", ".join(names[c] for c in lagging_districts(table))))
left, right = st.columns([2, 3])
with left:
    shapes, spec, official = district_map(dataset, f.year, f.lang)
    st.vega_lite_chart(spec, theme=None, width="stretch")
    if not official:
        st.caption(t("map.image.approximate", f.lang))
    downloads.chart_downloads(
        lambda: map_chart(shapes, f.year, f.lang), shapes.drop(columns="geometry"), f"ban-do-huyen-{f.year}", f.lang
    )
    st.page_link("pages/map.py", label=t("overview.map_link", f.lang), icon=":material/map:")
with right:
    st.dataframe(
        district_summary(table, names, f.lang), hide_index=True, width="stretch", height=36 * (len(table) + 1) + 3
    )
tables = downloads.selection_tables(dataset, f)
communes = tables["communes"]
heading = (
    t(
        "overview.communes.levels",
        f.lang,
        count=fmt_number(len(communes), lang=f.lang),
        levels=", ".join(t(f"level.{lv}", f.lang) for lv in f.levels),
    )
    if f.levels
    else t("overview.communes", f.lang, count=fmt_number(len(communes), lang=f.lang))
)
with st.expander(heading, icon=":material/list:", expanded=bool(f.levels)):
    st.dataframe(communes, hide_index=True, width="stretch")
downloads.table_downloads(tables, f)
st.caption(t("source.demo", f.lang) if dataset.illustrative else "")
