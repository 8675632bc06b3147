"""District comparison: delta ranking on a chosen metric, small trend charts, the province as reference.
From 2026 the new communes are compared by former district, within the 2026-2030 criteria only."""

import streamlit as st

import pages  # noqa: F401  (a link opened first on a fresh server runs through app.py: pages/__init__.py)
from ntm.criteria import set_for_year
from ntm.i18n import t
from ntm.ui import charts as charts_ui
from ntm.ui import downloads, loaders, page, state
from ntm.views import districts as compare
from ntm.views.progress import PLAN_BASELINE_YEAR


@st.cache_data(show_spinner=False, hash_funcs=loaders.DATASET)
def series_of(dataset, metric: str, districts: tuple[str, ...], lineage: str):
    return compare.district_series(dataset.commune_year, metric, list(districts), lineage)


dataset = loaders.load_active_dataset()
f = state.current_filters(dataset)
names = loaders.district_names(dataset)
phase = set_for_year(f.year)
new_phase = phase.lineage != set_for_year(dataset.years[0]).lineage
page.page_header(dataset, t("districts.title.former" if new_phase else "districts.title", f.lang, year=f.year), f.lang)
if new_phase:
    st.info(t("districts.former.how", f.lang, phase=phase.id, n=phase.n), icon=":material/rule:")

choices = compare.compare_metrics(f.year)
earlier = compare.comparable_years(dataset.years, f.year)
if st.session_state.get(state.COMPARE_METRIC) not in (None, *choices):  # a metric of another phase
    st.session_state[state.COMPARE_METRIC] = choices[0]
left, right = st.columns(2)
metric = left.selectbox(
    t("districts.metric", f.lang),
    choices,
    key=state.COMPARE_METRIC,
    bind="query-params",
    format_func=lambda m: t(f"metric.{m}", f.lang),
)
page.page_url_notice(
    state.COMPARE_METRIC,
    [t(f"metric.{m}", f.lang) for m in choices],
    t("districts.metric", f.lang),
    f.lang,
)
baseline = None
if earlier:
    default = earlier.index(PLAN_BASELINE_YEAR) if PLAN_BASELINE_YEAR in earlier else 0
    baseline = right.selectbox(
        t("districts.baseline", f.lang), earlier, index=default, key=state.COMPARE_BASELINE, bind="query-params"
    )
    page.page_url_notice(state.COMPARE_BASELINE, [str(y) for y in earlier], t("districts.baseline", f.lang), f.lang)
elif any(y < f.year for y in dataset.years):
    right.info(t("districts.baseline_phase", f.lang, year=f.year, phase=phase.id), icon=":material/event_busy:")
else:
    st.info(t("districts.baseline_after", f.lang, year=f.year), icon=":material/event:")
    st.stop()
metric_name = t(f"metric.{metric}", f.lang)

series = series_of(dataset, metric, f.districts, phase.lineage)
every = series_of(dataset, metric, (), phase.lineage)  # ranks and the most improved are among all districts
ranking = compare.delta_ranking(every, metric, f.year, baseline)
province = compare.province_reference(dataset.commune_year, metric, f.year, baseline, phase.lineage)
if baseline is None:
    st.subheader(t("districts.ranking.year", f.lang, metric=metric_name.lower(), year=f.year))
else:
    st.subheader(t("districts.ranking", f.lang, metric=metric_name.lower(), year=f.year, baseline=baseline))
    improved = compare.most_improved(ranking, metric)
    if improved:
        st.markdown(
            t(
                "districts.most_improved",
                f.lang,
                baseline=baseline,
                names=", ".join(names.get(c, c) for c in improved),
            )
        )
shown = compare.shown_ranking(ranking, f.districts)
table = compare.ranking_display(shown, province, names, metric, f.year, baseline, f.lang, total=len(ranking))
reported = loaders.coverage(dataset, f.year)
if reported.districts_reported < reported.districts:
    st.caption(
        t(
            "districts.rank.partial",
            f.lang,
            year=f.year,
            reported=reported.districts_reported,
            total=reported.districts,
        )
    )
elif f.districts:
    st.caption(t("districts.rank.all", f.lang, total=len(ranking)))
st.dataframe(table, hide_index=True, width="stretch", height=36 * (len(table) + 1) + 3)

st.subheader(t("districts.small", f.lang, metric=metric_name))
if metric in compare.RATIO_METRICS:
    st.caption(t("districts.reference", f.lang))
chart = compare.small_multiples_chart(series, dataset, loaders.page_inputs(dataset), metric, f.lang, phase.lineage)
charts_ui.show(chart, f.lang)
downloads.page_chart_downloads(chart, f.lang)
st.caption(t("source.demo", f.lang) if dataset.illustrative else "")
