"""District comparison: delta ranking on a chosen metric, small trend charts, the province as reference."""

import streamlit as st

from ntm.i18n import t
from ntm.ui import downloads, loaders, page, state
from ntm.views import districts as compare
from ntm.views.progress import PLAN_BASELINE_YEAR


@st.cache_data(show_spinner=False, hash_funcs=loaders.DATASET)
def series_of(dataset, metric: str, districts: tuple[str, ...]):
    return compare.district_series(dataset.commune_year, metric, list(districts))


dataset = loaders.load_active_dataset()
f = state.current_filters(dataset)
names = loaders.district_names(dataset)
page.page_header(dataset, t("districts.title", f.lang, year=f.year), f.lang)

earlier = [y for y in dataset.years if y < f.year]
left, right = st.columns(2)
metric = left.selectbox(
    t("districts.metric", f.lang),
    compare.DISTRICT_METRICS,
    key=state.COMPARE_METRIC,
    bind="query-params",
    format_func=lambda m: t(f"metric.{m}", f.lang),
)
page.page_url_notice(
    state.COMPARE_METRIC,
    [t(f"metric.{m}", f.lang) for m in compare.DISTRICT_METRICS],
    t("districts.metric", f.lang),
    f.lang,
)
if not earlier:
    st.info(t("districts.baseline_after", f.lang, year=f.year), icon=":material/event:")
    st.stop()
default = earlier.index(PLAN_BASELINE_YEAR) if PLAN_BASELINE_YEAR in earlier else 0
baseline = right.selectbox(
    t("districts.baseline", f.lang), earlier, index=default, key=state.COMPARE_BASELINE, bind="query-params"
)
page.page_url_notice(state.COMPARE_BASELINE, [str(y) for y in earlier], t("districts.baseline", f.lang), f.lang)
metric_name = t(f"metric.{metric}", f.lang)

series = series_of(dataset, metric, f.districts)
ranking = compare.delta_ranking(series, metric, f.year, baseline)
province = compare.province_reference(dataset.commune_year, metric, f.year, baseline)
st.subheader(t("districts.ranking", f.lang, metric=metric_name.lower(), year=f.year, baseline=baseline))
improved = ranking.sort_values("rank_change", ascending=False, kind="stable").head(3)
improved = improved[improved["rank_change"] > 0]
if len(improved):
    st.markdown(
        t(
            "districts.most_improved",
            f.lang,
            baseline=baseline,
            names=", ".join(names.get(c, c) for c in improved["district_code"]),
        )
    )
table = compare.ranking_display(ranking, province, names, metric, f.year, baseline, f.lang)
st.dataframe(table, hide_index=True, width="stretch", height=36 * (len(table) + 1) + 3)

st.subheader(t("districts.small", f.lang, metric=metric_name))
if metric in compare.RATIO_METRICS:
    st.caption(t("districts.reference", f.lang))
chart = compare.small_multiples_chart(series, dataset, loaders.page_inputs(dataset), metric, f.lang)
st.vega_lite_chart(chart.spec, width="content", theme=None)
downloads.page_chart_downloads(chart, f.lang)
st.caption(t("source.demo", f.lang) if dataset.illustrative else "")
