"""Progress against every target: actual series, published figures, targets, trajectory, projection."""

import streamlit as st

from ntm.charts.progress import frame_kinds, progress_layers, progress_spec, progress_template, scope_text
from ntm.charts.style import styled
from ntm.formatting import fmt_number
from ntm.i18n import t
from ntm.metrics import select
from ntm.ui import downloads, loaders, page, state
from ntm.views.progress import PROGRESS_METRICS, progress_frame, verdict

STATUS_ICON = {
    "reached": ":material/check_circle:",
    "on_track": ":material/trending_up:",
    "behind": ":material/warning:",
    "missed": ":material/cancel:",
}


@st.cache_data(show_spinner=False, hash_funcs=loaders.DATASET)
def frame_of(dataset, metric: str, districts: tuple[str, ...], year: int, lang: str):
    return progress_frame(
        dataset.commune_year, loaders.targets(), loaders.published(), metric, list(districts), year, lang
    )


@st.cache_data(show_spinner=False)
def template(metric: str, lang: str, kinds: tuple[str, ...]) -> dict:
    return progress_template(metric, lang, kinds)


def chart_spec(frame, metric: str, lang: str) -> dict:
    """The page chart as a Vega-Lite spec: Altair builds each kind of chart once; a new selection
    only puts its rows into the spec."""
    return progress_spec(template(metric, lang, frame_kinds(frame)), frame, lang)


dataset = loaders.load_active_dataset()
f = state.current_filters(dataset)
names = loaders.district_names(dataset)
page.page_header(dataset, t("progress.title", f.lang, year=f.year), f.lang)
scope = scope_text(f.districts, f.lang, names)
st.caption(t("progress.intro", f.lang))
if f.districts:
    communes = len(select(dataset.commune_year, f.year, f.districts))
    st.info(t("progress.prorata", f.lang, communes=fmt_number(communes, lang=f.lang)), icon=":material/filter_alt:")

columns = st.columns(2)
for index, metric in enumerate(PROGRESS_METRICS):
    frame, result = frame_of(dataset, metric, f.districts, f.year, f.lang)
    line = verdict(result, f.lang)
    with columns[index % 2], st.container(border=True):
        st.markdown(f"{STATUS_ICON.get(result.status, '') if result else ''} **{line}**")
        st.vega_lite_chart(chart_spec(frame, metric, f.lang), width="stretch", theme=None)
        downloads.chart_downloads(
            lambda frame=frame, metric=metric, line=line: styled(
                progress_layers(frame, metric, f.lang, [scope, line]), f.lang
            ),
            frame,
            f"tien-do-{metric}-{f.year}",
            f.lang,
        )

other = loaders.targets()
other = other[(other["scope"] == "province") & ~other["metric"].isin(PROGRESS_METRICS)]
if len(other):
    items = "; ".join(
        f"{t(f'metric.{row.metric}', f.lang)} {row.year}: {fmt_number(row.value, lang=f.lang)}"
        for row in other.itertuples()
    )
    st.caption(t("progress.other_targets", f.lang, items=items))
st.caption(t("source.demo", f.lang) if dataset.illustrative else "")
