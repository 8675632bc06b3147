"""NTM Lạng Sơn dashboard: entry point. Run with `streamlit run app.py`."""

import logging

import streamlit as st

from ntm.i18n import t
from ntm.ui import downloads, loaders, page, present, sidebar, state

st.set_page_config(page_title="Nông thôn mới Lạng Sơn", page_icon="🌾", layout="wide")

snapshot = page.url_snapshot()
lang = sidebar.language_switch()
page.global_style(lang)
dataset, store_problem = loaders.active_dataset()
if store_problem is not None:  # the store cannot be read: one line, and the bundled data (labelled as such)
    st.error(t(f"store.problem.{store_problem.kind}", lang), icon=":material/database:")
# The default page is served at "/" whatever its url_path (which it still reserves, hence "home"); a
# link to "/overview" opens the same script as the hidden page "overview", not "Page not found".
overview = st.Page(
    "pages/overview.py", title=t("nav.overview", lang), icon=":material/dashboard:", url_path="home", default=True
)
pages = [
    overview,
    st.Page(
        "pages/overview.py",
        title=t("nav.overview", lang),
        url_path="overview",
        visibility="hidden",
    ),
    st.Page("pages/map.py", title=t("nav.map", lang), icon=":material/map:", url_path="map"),
    st.Page("pages/progress.py", title=t("nav.progress", lang), icon=":material/trending_up:", url_path="progress"),
    st.Page("pages/criteria.py", title=t("nav.criteria", lang), icon=":material/checklist:", url_path="criteria"),
    st.Page("pages/districts.py", title=t("nav.districts", lang), icon=":material/leaderboard:", url_path="districts"),
    st.Page("pages/commune.py", title=t("nav.commune", lang), icon=":material/search:", url_path="commune"),
    st.Page("pages/glossary.py", title=t("nav.glossary", lang), icon=":material/menu_book:", url_path="glossary"),
    st.Page("pages/import.py", title=t("nav.import", lang), icon=":material/upload_file:", url_path="import"),
]
navigation = st.navigation(pages, position="hidden" if present.is_on() else "sidebar")
sidebar.sidebar_filters(dataset, lang)
sidebar.reset_button(dataset, lang)
downloads.deck_downloads(dataset, state.current_filters(dataset))
present.toggle(lang)
page.invalid_url_notice(snapshot, dataset)
try:
    if present.is_on():
        present.run(dataset)
    else:
        navigation.run()
except Exception:  # the user sees a message they can act on, never a traceback
    logging.getLogger("ntm").exception("page failed")
    st.error(t("error.generic", lang))
