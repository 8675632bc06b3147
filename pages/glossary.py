"""Criteria glossary: each phase's criteria with what they ask, its levels, and the commune groups
of 2026-2030; the set of the year shown comes first."""

import streamlit as st

import pages  # noqa: F401  (a link opened first on a fresh server runs through app.py: pages/__init__.py)
from ntm.criteria import set_for_year
from ntm.i18n import t
from ntm.ui import loaders, page, state
from ntm.views import glossary

dataset = loaders.load_active_dataset()
f = state.current_filters(dataset)
catalogue = loaders.criteria_catalogue()
current = set_for_year(f.year)
page.page_header(dataset, t("glossary.title", f.lang), f.lang)
st.caption(t("glossary.intro", f.lang, year=f.year, phase=current.id))
st.dataframe(glossary.sets_table(f.lang), hide_index=True, width="stretch")

ordered = glossary.sets_in_order(current.id)
for tab, entry in zip(st.tabs([t("glossary.tab", f.lang, phase=s.id, n=s.n) for s in ordered]), ordered):
    with tab:
        st.subheader(entry.name(f.lang))
        st.caption(f"{entry.decision} · {entry.note(f.lang)}")
        st.dataframe(glossary.criteria_table(catalogue, entry.id, f.lang), hide_index=True, width="stretch")
        if any(catalogue.loc[catalogue["criteria_set"] == entry.id, "related_previous"].astype(bool)):
            st.caption(t("glossary.related.help", f.lang))
        st.markdown(f"**{t('glossary.levels', f.lang)}**")
        st.dataframe(glossary.levels_table(entry.id, f.lang), hide_index=True, width="stretch")
        if entry.id == "2026-2030":
            st.caption(t("glossary.levels.unconfirmed", f.lang))
            st.markdown(f"**{t('glossary.groups', f.lang)}**")
            st.markdown("\n".join(f"- {line}" for line in glossary.group_definitions(f.lang)))
            groups = loaders.commune_groups()
            if len(groups):
                if (groups["status"] == "demo").any():
                    st.warning(t("glossary.groups.demo", f.lang), icon=":material/info:")
                st.dataframe(
                    glossary.groups_table(groups, dataset.new_units, loaders.district_names(dataset), f.lang),
                    hide_index=True,
                    width="stretch",
                )
            else:
                st.info(t("glossary.groups.none", f.lang), icon=":material/info:")
st.caption(t("glossary.sources", f.lang))
