"""Criteria analysis: district x criterion heatmap, hardest criteria, a criterion's trend, bands over time."""
import streamlit as st

from ntm import criteria_analysis as analysis
from ntm.charts_criteria import bands_chart, heatmap_chart, ranking_chart, trend_chart
from ntm.charts_progress import scope_text
from ntm.i18n import t
from ntm.metrics import select
from pages import shared

dataset = shared.load_active_dataset()
f = shared.current_filters(dataset)
names = shared.district_names(dataset, dataset.label)
catalogue = shared.criteria_catalogue()
shared.page_header(dataset, t("criteria.title", f.lang, year=f.year), f.lang)
scope = scope_text(f.districts, f.lang, names)
selection = select(dataset.commune_year, f.year, f.districts)
if selection.empty:
    st.info(t("error.no_communes", f.lang, year=f.year), icon=":material/filter_alt_off:")
    st.stop()


def show(chart, frame, name: str) -> None:
    st.altair_chart(chart, width="content", theme=None)
    shared.chart_downloads(chart, frame, f"{name}-{f.year}", f.lang)


heatmap = analysis.heatmap_frame(dataset.criteria, selection, names, catalogue, f.lang, f.year)
show(heatmap_chart(heatmap, f.lang, t("criteria.heatmap", f.lang, year=f.year)), heatmap, "tieu-chi-theo-huyen")

left, right = st.columns(2)
with left:
    ranking = analysis.ranking_frame(dataset.criteria, selection, catalogue, f.lang, f.year)
    st.markdown(t("criteria.ranking.hardest", f.lang, names=", ".join(ranking["criterion"].head(3))))
    show(ranking_chart(ranking, f.lang, t("criteria.ranking", f.lang, year=f.year, scope=scope)), ranking,
         "tieu-chi-kho-de")
with right:
    bands = analysis.band_trend_frame(dataset.commune_year, f.districts, f.lang)
    show(bands_chart(bands, f.lang, t("criteria.bands", f.lang, scope=scope)), bands, "nhom-tieu-chi-theo-nam")

label = analysis.criterion_labels(catalogue, f.lang)[f.criterion]
trend = analysis.criterion_trend_frame(dataset.commune_year, f.criterion, f.districts, names, f.lang)
st.caption(t("criteria.trend.help", f.lang))
show(trend_chart(trend, f.lang, t("criteria.trend", f.lang, criterion=label)), trend, f"tieu-chi-{f.criterion}-theo-nam")
st.caption(t("source.demo", f.lang) if dataset.illustrative else "")
