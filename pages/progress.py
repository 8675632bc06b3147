"""Progress against the targets of the year's phase (actual series, published figures, targets,
trajectory, projection, verdict) and, from 2025 on, the close-out of 2021-2025."""

import streamlit as st

import pages  # noqa: F401  (a link opened first on a fresh server runs through app.py: pages/__init__.py)
from ntm.criteria import set_by_id, set_for_year
from ntm.formatting import fmt_number
from ntm.i18n import t
from ntm.metrics import select
from ntm.targets import unmeasured_targets
from ntm.ui import charts as charts_ui
from ntm.ui import downloads, loaders, page, state
from ntm.views import progress as views
from ntm.views.progress import progress_charts

STATUS_ICON = {
    "reached": ":material/check_circle:",
    "on_track": ":material/trending_up:",
    "behind": ":material/warning:",
    "missed": ":material/cancel:",
    "no_pace": ":material/hourglass_empty:",
}


@st.cache_data(show_spinner=False, hash_funcs=loaders.DATASET, max_entries=64)
def charts(dataset, year: int, districts: tuple[str, ...], lang: str):
    return progress_charts(dataset, loaders.page_inputs(dataset), year, districts, lang)


@st.cache_data(show_spinner=False, hash_funcs=loaders.DATASET)
def close_out(dataset, lang: str):
    rows = views.close_out(dataset.commune_year, loaders.targets(), loaders.published())
    sentence = views.denominators_sentence(loaders.targets(), dataset.registry, dataset.new_units, lang)
    return views.close_out_table(rows, lang), sentence


dataset = loaders.load_active_dataset()
f = state.current_filters(dataset)
names = loaders.district_names(dataset)
phase = set_for_year(f.year)
communes = len(select(dataset.commune_year, f.year, f.districts))
page.page_header(dataset, t("progress.title", f.lang, year=f.year), f.lang)
st.caption(t("progress.intro", f.lang))
st.info(t("progress.phase", f.lang, phase=phase.id, year=phase.last_year, n=phase.n), icon=":material/rule:")
if f.districts:
    st.info(t("progress.prorata", f.lang, communes=fmt_number(communes, lang=f.lang)), icon=":material/filter_alt:")

found = charts(dataset, f.year, f.districts, f.lang)
if not found:
    st.info(t("progress.none", f.lang, year=phase.last_year), icon=":material/flag:")
columns = st.columns(2)
for index, (chart, result, line) in enumerate(found):
    with columns[index % 2], st.container(border=True):
        st.markdown(f"{STATUS_ICON.get(result.status, '') if result else ''} **{line}**")
        charts_ui.show(chart, f.lang, width="stretch")
        downloads.page_chart_downloads(chart, f.lang)

notes = loaders.year_target_notes(f.year, communes, f.lang)
other = unmeasured_targets(loaders.targets(), f.year)
other = other[other["reason"] == "not_commune_data"]
if len(other):
    items = "; ".join(
        f"{t(f'metric.{row.metric}', f.lang)} {row.year}: {fmt_number(row.value, lang=f.lang)}"
        for row in other.itertuples()
    )
    notes.append(t("progress.other_targets", f.lang, items=items))
if notes:
    st.caption("  \n".join(notes))

if f.year >= set_by_id(views.CLOSED_PHASE).last_year:
    st.subheader(t("closeout.title", f.lang, phase=views.CLOSED_PHASE))
    table, sentence = close_out(dataset, f.lang)
    st.markdown(sentence)
    st.dataframe(table, hide_index=True, width="stretch")
    st.caption(t("closeout.help", f.lang))
st.caption(t("source.demo", f.lang) if dataset.illustrative else "")
