"""The sidebar: the language switch, the filters bound to the URL, and the reset button."""

import streamlit as st

from ntm.criteria import criterion_labels
from ntm.dataset import LEVELS, Dataset
from ntm.i18n import DEFAULT_LANG, LANGS, LANGUAGE_NAMES, t
from ntm.ui import state
from ntm.ui.loaders import criteria_catalogue, district_names


def relabel_url() -> None:
    """The URL holds the filters' option text, which depends on the language: set the widgets whose
    text changes again, so that they write it in the new language."""
    session = st.session_state
    for key in state.LANGUAGE_DEPENDENT:
        if key in session:
            session[key] = session[key]


def language_switch() -> str:
    lang = st.sidebar.segmented_control(
        t("filter.language.switch", DEFAULT_LANG),
        LANGS,
        default=DEFAULT_LANG,
        format_func=LANGUAGE_NAMES.get,
        key=state.LANG,
        bind="query-params",
        persist_state="session",
        on_change=relabel_url,
    )
    return lang or DEFAULT_LANG


def criterion_label(criterion_id: str, lang: str) -> str:
    return criterion_labels(criteria_catalogue(), lang)[criterion_id]


def sidebar_filters(dataset: Dataset, lang: str) -> None:
    names = district_names(dataset)
    st.sidebar.header(t("filter.header", lang))
    years = dataset.years
    st.sidebar.selectbox(
        t("filter.year", lang),
        years,
        index=len(years) - 1,
        key=state.YEAR,
        bind="query-params",
        persist_state="session",
    )
    st.sidebar.multiselect(
        t("filter.districts", lang),
        list(names),
        format_func=names.get,
        placeholder=t("filter.districts.all", lang),
        key=state.DISTRICTS,
        bind="query-params",
        persist_state="session",
    )
    labels = criterion_labels(criteria_catalogue(), lang)
    st.sidebar.selectbox(
        t("filter.criterion", lang),
        list(labels),
        index=list(labels).index(state.DEFAULT_CRITERION),
        key=state.CRITERION,
        format_func=labels.get,
        bind="query-params",
        persist_state="session",
    )
    st.sidebar.multiselect(
        t("filter.level", lang),
        list(LEVELS),
        format_func=lambda lv: t(f"level.{lv}", lang),
        placeholder=t("filter.level.all", lang),
        help=t("filter.level.help", lang),
        key=state.LEVELS,
        bind="query-params",
        persist_state="session",
    )


def reset_button(dataset: Dataset, lang: str) -> None:
    st.sidebar.button(
        t("filter.reset", lang),
        on_click=state.reset_filters,
        args=(dataset,),
        icon=":material/restart_alt:",
        key="filters-reset",
        width="stretch",
    )
