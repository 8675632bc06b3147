"""Criteria analysis: district x criterion heatmap, hardest criteria, a criterion's trend, bands over time."""

import streamlit as st

from ntm.i18n import t
from ntm.metrics import select
from ntm.ui import downloads, loaders, page, state
from ntm.views import criteria as analysis

dataset = loaders.load_active_dataset()
f = state.current_filters(dataset)
page.page_header(dataset, t("criteria.title", f.lang, year=f.year), f.lang)
selection = select(dataset.commune_year, f.year, f.districts)
if selection.empty:
    st.info(t("error.no_communes", f.lang, year=f.year), icon=":material/filter_alt_off:")
    st.stop()


@st.cache_data(show_spinner=False, hash_funcs=loaders.DATASET)
def charts(dataset, year: int, districts: tuple[str, ...], criterion: str, lang: str) -> dict:
    """The page's charts, built once per selection (Altair's work), not on every rerun."""
    return analysis.criteria_charts(dataset, loaders.page_inputs(dataset), year, districts, criterion, lang)


def show(role: str) -> None:
    chart = page_charts[role]
    st.vega_lite_chart(chart.spec, width="content", theme=None)
    downloads.page_chart_downloads(chart, f.lang)


page_charts = charts(dataset, f.year, f.districts, f.criterion, f.lang)
show("heatmap")
left, right = st.columns(2)
with left:
    ranking = page_charts["ranking"].frame
    st.markdown(t("criteria.ranking.hardest", f.lang, names=", ".join(ranking["criterion"].head(3))))
    show("ranking")
with right:
    show("bands")
st.caption(t("criteria.trend.help", f.lang))
show("trend")
st.caption(t("source.demo", f.lang) if dataset.illustrative else "")
