"""Criteria analysis: district x criterion heatmap, hardest criteria, a criterion's trend, bands over
time, all in the criteria set of the year shown (19 criteria to 2025, 10 from 2026)."""

import streamlit as st

import pages  # noqa: F401  (a link opened first on a fresh server runs through app.py: pages/__init__.py)
from ntm.criteria import set_for_year
from ntm.i18n import t
from ntm.metrics import select
from ntm.ui import charts as charts_ui
from ntm.ui import downloads, loaders, page, state
from ntm.views import criteria as analysis
from ntm.views import glossary

dataset = loaders.load_active_dataset()
f = state.current_filters(dataset)
phase = set_for_year(f.year)
page.page_header(dataset, t("criteria.title.set", f.lang, year=f.year, n=phase.n), f.lang)
st.info(t("criteria.phase", f.lang, phase=phase.id, n=phase.n, decision=phase.decision), icon=":material/rule:")
selection = select(dataset.commune_year, f.year, f.districts)
if selection.empty:
    st.info(t("error.no_communes", f.lang, year=f.year), icon=":material/filter_alt_off:")
    st.stop()


@st.cache_data(show_spinner=False, hash_funcs=loaders.DATASET, max_entries=64)
def charts(dataset, year: int, districts: tuple[str, ...], criterion: str, lang: str) -> dict:
    """The page's charts, built once per selection (Altair's work), not on every rerun."""
    return analysis.criteria_charts(dataset, loaders.page_inputs(dataset), year, districts, criterion, lang)


def show(role: str) -> None:
    chart = page_charts[role]
    charts_ui.show(chart, f.lang, narrow=page_charts.get(f"{role}.narrow"))
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
if phase.lineage != set_for_year(dataset.years[0]).lineage:
    st.caption(t("criteria.trend.phase", f.lang, phase=phase.id))
show("trend")
with st.expander(t("criteria.meanings", f.lang, phase=phase.id, n=phase.n), icon=":material/menu_book:"):
    st.dataframe(glossary.criteria_table(loaders.criteria_catalogue(), phase.id, f.lang), hide_index=True)
st.page_link("pages/glossary.py", label=t("criteria.glossary_link", f.lang), icon=":material/menu_book:")
st.caption(t("source.demo", f.lang) if dataset.illustrative else "")
