"""Progress against every target: actual series, published figures, targets, trajectory, projection."""

import streamlit as st

from ntm.formatting import fmt_number
from ntm.i18n import t
from ntm.metrics import select
from ntm.ui import downloads, loaders, page, state
from ntm.views.progress import PROGRESS_METRICS, progress_charts

STATUS_ICON = {
    "reached": ":material/check_circle:",
    "on_track": ":material/trending_up:",
    "behind": ":material/warning:",
    "missed": ":material/cancel:",
}


@st.cache_data(show_spinner=False, hash_funcs=loaders.DATASET)
def charts(dataset, year: int, districts: tuple[str, ...], lang: str):
    return progress_charts(dataset, loaders.page_inputs(dataset), year, districts, lang)


dataset = loaders.load_active_dataset()
f = state.current_filters(dataset)
names = loaders.district_names(dataset)
page.page_header(dataset, t("progress.title", f.lang, year=f.year), f.lang)
st.caption(t("progress.intro", f.lang))
if f.districts:
    communes = len(select(dataset.commune_year, f.year, f.districts))
    st.info(t("progress.prorata", f.lang, communes=fmt_number(communes, lang=f.lang)), icon=":material/filter_alt:")

columns = st.columns(2)
for index, (chart, result, line) in enumerate(charts(dataset, f.year, f.districts, f.lang)):
    with columns[index % 2], st.container(border=True):
        st.markdown(f"{STATUS_ICON.get(result.status, '') if result else ''} **{line}**")
        st.vega_lite_chart(chart.spec, width="stretch", theme=None)
        downloads.page_chart_downloads(chart, f.lang)

other = loaders.targets()
other = other[(other["scope"] == "province") & ~other["metric"].isin(PROGRESS_METRICS)]
if len(other):
    items = "; ".join(
        f"{t(f'metric.{row.metric}', f.lang)} {row.year}: {fmt_number(row.value, lang=f.lang)}"
        for row in other.itertuples()
    )
    st.caption(t("progress.other_targets", f.lang, items=items))
st.caption(t("source.demo", f.lang) if dataset.illustrative else "")
