"""What every page shares: cached data, the language switch, the sidebar filters, notices."""
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from ntm.criteria import load_criteria
from ntm.dataset import LEVELS, Dataset, load_dataset
from ntm.i18n import DEFAULT_LANG, LANGS, t
from ntm.paths import DEMO_DIR
from ntm.registry import districts as district_list
from ntm.targets import load_published, load_targets

LANG_NAMES = {"vi": "Tiếng Việt", "en": "English"}


@dataclass(frozen=True)
class Filters:
    year: int
    districts: tuple[str, ...]
    lang: str
    criterion: str = "02"
    levels: tuple[str, ...] = ()


@st.cache_resource(show_spinner=False)
def load_active_dataset() -> Dataset:
    """The dataset the dashboard shows (read-only; shared by all sessions)."""
    return load_dataset(DEMO_DIR, label="demo", illustrative=True)


@st.cache_data(show_spinner=False)
def targets() -> pd.DataFrame:
    return load_targets()


@st.cache_data(show_spinner=False)
def published() -> pd.DataFrame:
    return load_published()


@st.cache_data(show_spinner=False)
def district_names(_dataset: Dataset, label: str) -> dict[str, str]:
    table = district_list(_dataset.registry)
    return dict(zip(table["district_code"], table["district_short"]))


def language_switch() -> str:
    lang = st.sidebar.segmented_control(
        t("filter.language", DEFAULT_LANG) + " / Language", LANGS, default=DEFAULT_LANG,
        format_func=LANG_NAMES.get, key="lang", bind="query-params", persist_state="session",
    )
    return lang or DEFAULT_LANG


def sidebar_filters(dataset: Dataset, lang: str) -> None:
    names = district_names(dataset, dataset.label)
    st.sidebar.header(t("filter.header", lang))
    years = dataset.years
    st.sidebar.selectbox(t("filter.year", lang), years, index=len(years) - 1, key="year",
                         bind="query-params", persist_state="session")
    st.sidebar.multiselect(t("filter.districts", lang), list(names), format_func=names.get,
                           placeholder=t("filter.districts.all", lang), key="districts",
                           bind="query-params", persist_state="session")
    catalogue = criteria_catalogue()
    labels = dict(zip(catalogue["criterion_id"], catalogue["name_en" if lang == "en" else "name_vi"]))
    st.sidebar.selectbox(t("filter.criterion", lang), list(labels), index=1, key="criterion",
                         format_func=lambda cid: f"{cid}. {labels[cid]}",
                         bind="query-params", persist_state="session")
    st.sidebar.multiselect(t("filter.level", lang), list(LEVELS), format_func=lambda lv: t(f"level.{lv}", lang),
                           placeholder=t("filter.level.all", lang), key="levels",
                           bind="query-params", persist_state="session")


def current_filters(dataset: Dataset) -> Filters:
    state = st.session_state
    year = state.get("year") or dataset.years[-1]
    return Filters(year=int(year), districts=tuple(state.get("districts") or ()),
                   lang=state.get("lang") or DEFAULT_LANG, criterion=state.get("criterion") or "02",
                   levels=tuple(state.get("levels") or ()))


@st.cache_data(show_spinner=False)
def criteria_catalogue() -> pd.DataFrame:
    return load_criteria()


def page_header(dataset: Dataset, title: str, lang: str) -> None:
    """Every page opens with its title and, for illustrative data, the notice saying so."""
    if dataset.illustrative:
        st.warning(t("notice.illustrative", lang), icon=":material/info:")
    st.title(title)


@st.cache_data(show_spinner=False)
def headline_progress(_dataset: Dataset, year: int, districts: tuple[str, ...], label: str = "") -> list:
    from ntm.targets import headline_progress as compute

    return compute(_dataset.commune_year, targets(), year, list(districts))
