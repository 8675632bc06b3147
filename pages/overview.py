"""Overview: headline numbers against the 2025 targets, levels, bands and districts."""

import streamlit as st

from ntm import metrics
from ntm.formatting import fmt_number
from ntm.i18n import t
from ntm.reports.tables import district_summary
from ntm.ui import downloads, loaders, page, state
from ntm.views import overview
from ntm.views.map import district_values
from ntm.views.overview import lagging_districts, progress_card


@st.cache_data(show_spinner=False, hash_funcs=loaders.DATASET)
def bar_charts(dataset, year: int, districts: tuple[str, ...], lang: str):
    return overview.bar_charts(metrics.summary(metrics.select(dataset.commune_year, year, districts)), year, lang)


@st.cache_data(show_spinner=False, hash_funcs=loaders.DATASET)
def district_map(dataset, year: int, lang: str):
    """(chart, official boundaries?) of the district map; the map page reports a bad boundary file."""
    loaded, shapes, _ = loaders.configured_boundaries(dataset)
    values = district_values(dataset, year, "share_ntm")
    return overview.district_map(shapes, values, loaders.district_names(dataset), year, lang), loaded.official


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
for column, (key, chart) in zip((left, right), bar_charts(dataset, f.year, f.districts, f.lang).items()):
    with column:
        st.subheader(t(f"overview.{key}", f.lang))
        st.vega_lite_chart(chart.spec, theme=None)
        downloads.page_chart_downloads(chart, f.lang)

st.subheader(t("overview.districts", f.lang))
table = metrics.district_table(selection)
st.markdown(t("overview.lagging", f.lang, names=", ".join(names[c] for c in lagging_districts(table))))
left, right = st.columns([2, 3])
with left:
    chart, official = district_map(dataset, f.year, f.lang)
    st.vega_lite_chart(chart.spec, theme=None, width="stretch")
    if not official:
        st.caption(t("map.image.approximate", f.lang))
    downloads.page_chart_downloads(chart, f.lang)
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
downloads.archive_view("overview", [*bar_charts(dataset, f.year, f.districts, f.lang).values(), chart])
downloads.table_downloads(tables, f)
st.caption(t("source.demo", f.lang) if dataset.illustrative else "")
