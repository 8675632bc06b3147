"""Overview: headline numbers against the targets of the year's phase (2025 until 2025, 2030 from
2026), levels, bands, districts (from 2026 former districts, and the new communes by group)."""

import streamlit as st

import pages  # noqa: F401  (a link opened first on a fresh server runs through app.py: pages/__init__.py)
from ntm import metrics
from ntm.criteria import set_for_year
from ntm.formatting import fmt_number
from ntm.i18n import t
from ntm.ui import charts as charts_ui
from ntm.ui import downloads, loaders, page, state
from ntm.ui.overview_cache import bar_charts, chosen_rows, district_map, district_rows
from ntm.views import overview
from ntm.views.overview import progress_card

dataset = loaders.load_active_dataset()
f = state.current_filters(dataset)
names = loaders.district_names(dataset)
phase = set_for_year(f.year)
selection = metrics.select(dataset.commune_year, f.year, f.districts)
headline = metrics.summary(selection, phase)
new_phase = bool(selection["new_unit"].any()) if len(selection) else phase.first_year > 2025
reported = loaders.coverage(dataset, f.year, f.districts)
progress = loaders.headline_progress(dataset, f.year, f.districts)

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
caveat = overview.coverage_caveat(reported, f.lang)
st.caption(f"{scope} ({caveat})" if caveat else scope)
summary = overview.year_summary(
    dataset.commune_year,
    progress,
    f.year,
    f.districts,
    names,
    f.lang,
    coverage=reported,
    shares=lambda year: loaders.district_shares(dataset, year),
)
if summary:  # the year in one paragraph: its numbers, the change, the targets, the districts that moved
    st.container(border=True, key="overview-summary").markdown(summary)
st.info(overview.phase_notice(f.year, headline["communes"], f.lang), icon=":material/rule:")

st.subheader(t("overview.targets", f.lang, year=phase.last_year))
if f.districts:
    st.caption(t("overview.targets.prorata", f.lang))
cards = [
    progress_card(p, f.lang, reported if p.as_of == f.year else loaders.coverage(dataset, p.as_of, f.districts))
    for p in progress
]
for column, card in zip(st.columns(max(len(cards), 1)), cards):
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
notes = overview.card_sources(progress, f.lang) + loaders.year_target_notes(f.year, headline["communes"], f.lang)
denominators = overview.denominator_note(progress, f.year, loaders.denominators_sentence(dataset, f.lang), f.lang)
notes += [denominators] if denominators else []
if notes:
    st.caption("  \n".join(notes))
if new_phase:
    st.caption(
        t(
            "overview.new.averages",
            f.lang,
            average=fmt_number(headline["avg_criteria"], 1, f.lang),
            minimum=fmt_number(headline["min_criteria"], 0, f.lang),
            n=phase.n,
        )
    )

left, right = st.columns(2)
for column, (key, chart) in zip((left, right), bar_charts(dataset, f.year, f.districts, f.lang).items()):
    with column:
        st.subheader(t("overview.levels.highest" if key == "levels" else f"overview.{key}", f.lang))
        if key == "levels":
            st.caption(overview.level_note(headline, f.lang))
        charts_ui.show(chart, f.lang, width="stretch")
        downloads.page_chart_downloads(chart, f.lang)

st.subheader(t("overview.districts.former" if new_phase else "overview.districts", f.lang))
if new_phase:
    st.caption(t("overview.former.how", f.lang))
every_district, province = loaders.year_districts(dataset, f.year)
table = loaders.chosen_districts(every_district, f.districts) if len(selection) else None
whole = loaders.coverage(dataset, f.year)
if every_district is not None and f.districts:
    lines = overview.selected_rank_lines(every_district, f.districts, province["share_ntm"], names, f.lang, whole)
    st.markdown("  \n".join(lines))
elif every_district is not None and overview.lagging_line(every_district, names, f.lang, whole):
    st.markdown(overview.lagging_line(every_district, names, f.lang, whole))
left, right = st.columns([2, 3])
with left:
    chart, official = district_map(dataset, f.year, f.lang)
    charts_ui.show(chart, f.lang, width="stretch")
    if not official:
        st.caption(t("map.image.approximate", f.lang))
    downloads.page_chart_downloads(chart, f.lang)
    st.page_link("pages/map.py", label=t("overview.map_link", f.lang), icon=":material/map:")
with right:
    if table is not None:
        st.caption(t("overview.districts.order", f.lang, metric=t("metric.share_ntm", f.lang).lower()))
        shown = chosen_rows(district_rows(dataset, f.year, f.lang), f.districts, names, f.lang)
        st.dataframe(shown, hide_index=True, width="stretch", height=36 * (len(shown) + 1) + 3)
if new_phase and len(selection):
    st.subheader(t("overview.groups", f.lang))
    groups = loaders.commune_groups()
    demo_groups = len(groups) and (groups["status"] == "demo").any()
    st.caption(t("overview.groups.help", f.lang) + (" " + t("overview.groups.demo", f.lang) if demo_groups else ""))
    st.dataframe(overview.group_table(selection, f.lang), hide_index=True)
count = fmt_number(len(downloads.selected_communes(dataset, f)), lang=f.lang)
heading = (
    t("overview.communes.levels", f.lang, count=count, levels=", ".join(t(f"level.{lv}", f.lang) for lv in f.levels))
    if f.levels
    else t("overview.communes", f.lang, count=count)
)
# the list is built only while open (open by itself once levels are chosen: another key)
listing = st.expander(
    heading,
    icon=":material/list:",
    expanded=bool(f.levels),
    key=f"communes-open-{bool(f.levels)}",
    on_change="rerun",
)
if listing.open:
    listing.dataframe(downloads.commune_list(dataset, f), hide_index=True, width="stretch")
downloads.archive_view("overview", [*bar_charts(dataset, f.year, f.districts, f.lang).values(), chart])
downloads.table_downloads(lambda: downloads.selection_tables(dataset, f), f)
st.caption(t("source.demo", f.lang) if dataset.illustrative else "")
