"""Criteria analysis: district x criterion heatmap, hardest criteria, a criterion's trend, bands over time."""

import streamlit as st

from ntm.charts.criteria import bands_chart, heatmap_chart, ranking_chart, trend_chart
from ntm.charts.progress import scope_text
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
    """name -> (data, Vega-Lite spec, title, builder) of every chart on the page; Altair's work is
    done once per selection, not on every rerun."""
    catalogue = loaders.criteria_catalogue()
    names = loaders.district_names(dataset)
    scope = scope_text(districts, lang, names)
    selection = select(dataset.commune_year, year, districts)
    label_of = analysis.criterion_labels(catalogue, lang)[criterion]
    built = {
        "tieu-chi-theo-huyen": (
            analysis.heatmap_frame(dataset.criteria, selection, names, catalogue, lang, year),
            heatmap_chart,
            t("criteria.heatmap", lang, year=year),
        ),
        "tieu-chi-kho-de": (
            analysis.ranking_frame(dataset.criteria, selection, catalogue, lang, year),
            ranking_chart,
            t("criteria.ranking", lang, year=year, scope=scope),
        ),
        "nhom-tieu-chi-theo-nam": (
            analysis.band_trend_frame(dataset.commune_year, districts, lang),
            bands_chart,
            t("criteria.bands", lang, scope=scope),
        ),
        f"tieu-chi-{criterion}-theo-nam": (
            analysis.criterion_trend_frame(dataset.commune_year, criterion, districts, names, lang),
            trend_chart,
            t("criteria.trend", lang, criterion=label_of),
        ),
    }
    return {
        name: (frame, build(frame, lang, title).to_dict(validate=False), title, build)  # tests validate them
        for name, (frame, build, title) in built.items()
    }


def show(name: str) -> None:
    frame, spec, title, build = page_charts[name]
    st.vega_lite_chart(spec, width="content", theme=None)
    downloads.chart_downloads(lambda: build(frame, f.lang, title), frame, f"{name}-{f.year}", f.lang)


page_charts = charts(dataset, f.year, f.districts, f.criterion, f.lang)
show("tieu-chi-theo-huyen")
left, right = st.columns(2)
with left:
    ranking = page_charts["tieu-chi-kho-de"][0]
    st.markdown(t("criteria.ranking.hardest", f.lang, names=", ".join(ranking["criterion"].head(3))))
    show("tieu-chi-kho-de")
with right:
    show("nhom-tieu-chi-theo-nam")
st.caption(t("criteria.trend.help", f.lang))
show(f"tieu-chi-{f.criterion}-theo-nam")
st.caption(t("source.demo", f.lang) if dataset.illustrative else "")
