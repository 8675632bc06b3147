"""Commune scorecard: find a commune by name, its criteria over the years (19 for an old commune, 10
for a new one), level history, what it still lacks, its district's context, and across the reform
the old communes a new one was formed from (or the new commune an old one became)."""

import streamlit as st

import pages  # noqa: F401  (a link opened first on a fresh server runs through app.py: pages/__init__.py)
from ntm.criteria import criterion_labels, set_for_year
from ntm.dataset import new_geography
from ntm.formatting import fmt_number
from ntm.i18n import t
from ntm.ui import charts as charts_ui
from ntm.ui import downloads, loaders, page, state
from ntm.views import commune as communes


@st.cache_data(show_spinner=False, hash_funcs=loaders.DATASET)
def index_of(dataset, districts: tuple[str, ...], levels: tuple[str, ...], year: int):
    return communes.commune_index(
        dataset.registry, dataset.commune_year, list(districts), levels, year, dataset.new_units
    )


dataset = loaders.load_active_dataset()
f = state.current_filters(dataset)
names = loaders.district_names(dataset)
catalogue = loaders.criteria_catalogue()
new = new_geography(f.year)
page.page_header(dataset, t("commune.title", f.lang), f.lang)
if new:
    st.caption(t("commune.new.help", f.lang, phase=set_for_year(f.year).id))

index = index_of(dataset, f.districts, f.levels, f.year)
chosen = st.session_state.get(state.COMMUNE)
if new and chosen and chosen not in set(index["code"]):  # an old commune chosen before: its new commune
    follow = [code for code, _ in communes.successors(dataset, chosen) if code in set(index["code"])]
    if follow:
        st.session_state[state.COMMUNE] = follow[0]
query = st.text_input(
    t("commune.search", f.lang),
    key=state.COMMUNE_QUERY,
    bind="query-params",
    placeholder=t("commune.search.placeholder", f.lang),
)
year_index = index if new else communes.in_force_in(index, dataset.registry, f.year, keep=chosen)
found = communes.search(index, query) if query.strip() else year_index
if new and query.strip() and found.empty:  # an old commune's name: the new commune it went into
    found, moves = communes.found_by_former_name(dataset, index, query)
    if moves:
        described = "; ".join(
            t("commune.moved.one", f.lang, old=m["old"], district=m["district"], new=", ".join(m["new"])) for m in moves
        )
        st.info(
            t("commune.moved", f.lang, query=page.literal(query), moves=page.literal(described)),
            icon=":material/merge:",
        )
if f.levels:
    st.caption(
        t(
            "commune.levels",
            f.lang,
            year=f.year,
            count=fmt_number(len(index), lang=f.lang),
            levels=", ".join(t(f"level.{lv}", f.lang) for lv in f.levels),
        )
    )
if found.empty:
    st.info(
        t("commune.none", f.lang, query=page.literal(query)) if query.strip() else t("commune.none.levels", f.lang),
        icon=":material/search_off:",
    )
    st.stop()
labels = communes.commune_labels(found, dataset.registry, f.year, names, f.lang, new)
hidden = len(index) - len(communes.in_force_in(index, dataset.registry, f.year))
if not query.strip() and not new and hidden:
    st.caption(
        t(
            "commune.dissolved.hidden",
            f.lang,
            count=fmt_number(len(index) - hidden, lang=f.lang),
            year=f.year,
            dissolved=fmt_number(hidden, lang=f.lang),
        )
    )
code = st.selectbox(
    t("commune.choose", f.lang), list(labels), format_func=labels.get, key=state.COMMUNE, bind="query-params"
)
page.page_url_notice(state.COMMUNE, list(labels.values()), t("commune.choose", f.lang), f.lang)

row = index.set_index("code").loc[code]
history = communes.level_history(dataset.commune_year, code, new)
shown = (
    int(history.loc[history["year"] <= f.year, "year"].max())
    if (history["year"] <= f.year).any()
    else int(history["year"].min())
)
dissolved = "" if new else communes.dissolved_note(dataset.registry, code, f.year, f.lang)
if shown != f.year or dissolved:  # a phone cuts the picker's label: the dissolution said in full here
    seen = t("commune.not_in_year", f.lang, year=f.year, shown=shown) if shown != f.year else ""
    st.caption(f"{row['name']}: {dissolved}. {seen}" if dissolved else seen)
district = names.get(row["district_code"], "")
heading = "commune.heading.new" if new else "commune.heading"
st.subheader(t(heading, f.lang, name=row["name"], district=district))

context = communes.district_context(dataset.commune_year, code, shown, new)
latest = history[history["year"] == shown].iloc[0]
n = int(latest["n_criteria"])
cards = st.columns(4)
cards[0].metric(t("commune.level", f.lang, year=shown), t(f"level.{latest['level']}", f.lang))
cards[1].metric(t("commune.criteria_met", f.lang), f"{latest['criteria_met']}/{n}")
cards[2].metric(
    t("commune.rank.former" if new else "commune.rank", f.lang),
    t(
        "commune.rank.value",
        f.lang,
        rank=context["rank"],
        communes=fmt_number(context["district"]["communes"], lang=f.lang),
    ),
)
recognised = latest["recognised_year"]
cards[3].metric(
    t("commune.recognised", f.lang),
    "–" if latest["level"] == "none" or recognised != recognised else str(int(recognised)),
)
if new:
    groups = loaders.commune_groups()
    group = groups.loc[groups["commune_code"] == code]
    if len(group) and group["group"].notna().iloc[0]:
        demo = group["status"].iloc[0] == "demo"
        st.caption(
            t("commune.group", f.lang, group=t(f"groups.name.{int(group['group'].iloc[0])}", f.lang))
            + (" " + t("commune.group.demo", f.lang) if demo else "")
        )

criterion_names = criterion_labels(catalogue, f.lang, shown)
lacking = communes.missing_criteria(dataset.commune_year, code, shown, new)
if lacking:
    st.warning(
        t("commune.lacks", f.lang, n=len(lacking), year=shown, names="; ".join(criterion_names[c] for c in lacking)),
        icon=":material/flag:",
    )
else:
    st.success(t("commune.lacks.none.set", f.lang, year=shown, n=n), icon=":material/verified:")

charts = communes.scorecard_charts(dataset, loaders.page_inputs(dataset), code, row["name"], f.lang, new)
charts_ui.show(charts["grid"], f.lang, narrow=charts["grid.narrow"])
downloads.page_chart_downloads(charts["grid"], f.lang)

left, right = st.columns([3, 2])
with left:
    charts_ui.show(charts["levels"], f.lang)
    downloads.page_chart_downloads(charts["levels"], f.lang)
with right:
    st.markdown(f"**{t('commune.context.former' if new else 'commune.context', f.lang, year=context['year'])}**")
    st.dataframe(communes.context_table(context, district, f.lang), hide_index=True)

if new:
    st.subheader(t("commune.old.title", f.lang))
    st.caption(t("commune.old.help", f.lang))
    table = communes.predecessors(dataset, code)
    st.dataframe(communes.predecessors_table(table, names, f.lang), hide_index=True)
else:
    after = communes.successors(dataset, code)
    if after:
        st.caption(t("commune.new.after", f.lang, names=", ".join(name for _, name in after)))
st.caption(t("source.demo", f.lang) if dataset.illustrative else "")
