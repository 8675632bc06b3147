"""The sidebar: the language switch, the filters bound to the URL, and the reset button. The criterion
and level filters offer the criteria set of the year chosen (19 criteria to 2025, 10 from 2026)."""

import streamlit as st

from ntm.criteria import criterion_labels, set_for_year
from ntm.dataset import Dataset, new_geography
from ntm.i18n import DEFAULT_LANG, LANGS, LANGUAGE_NAMES, t
from ntm.text import fold
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


def criterion_label(criterion_id: str, lang: str, year: int | None = None) -> str:
    """'02. Giao thông' in the criteria set of `year` (2021-2025 when None)."""
    return criterion_labels(criteria_catalogue(), lang, year).get(criterion_id, criterion_id)


def keep_in(key: str, allowed, default) -> None:
    """A filter whose options change with the year (criteria, levels): a value the new year's set
    does not have goes back to `default` before the widget is drawn."""
    session = st.session_state
    value = session.get(key)
    if value is None:
        return
    if isinstance(value, list):
        kept = [v for v in value if v in allowed]
        if kept != value:
            session[key] = kept
    elif value not in allowed:
        session[key] = default


def typed_districts(values: list[str], names: dict[str, str]) -> tuple[list[str], list[str]]:
    """(codes, unmatched): the district box's values with what a user typed (Streamlit adds typed text
    as a new option) read as district names with or without accents: 'dinh lap' is Đình Lập, 'lang'
    every district whose name holds it. Codes keep their order, without repeats."""
    folded = {code: fold(name) for code, name in names.items()}
    codes: list[str] = []
    unmatched: list[str] = []
    for value in values:
        if value in names:
            found = [value]
        else:
            typed = fold(value)
            exact = [code for code, name in folded.items() if typed and name == typed]
            found = exact or [code for code, name in folded.items() if typed and typed in name]
        if not found:
            unmatched.append(value)
        codes.extend(code for code in found if code not in codes)
    return codes, unmatched


def district_filter(names: dict[str, str], lang: str) -> None:
    """The districts box: Streamlit's own search matches accents exactly, so the text typed is accepted
    as a new option and read without accents before the box is drawn (typed_districts)."""
    session = st.session_state
    values = session.get(state.DISTRICTS) or []
    codes, unmatched = typed_districts(list(values), names)
    if codes != list(values):
        session[state.DISTRICTS] = codes
    chosen = st.sidebar.multiselect(
        t("filter.districts", lang),
        list(names),
        format_func=lambda code: names.get(code, code),
        placeholder=t("filter.districts.all", lang),
        accept_new_options=True,
        key=state.DISTRICTS,
        bind="query-params",
        persist_state="session",
    )
    from ntm.ui.page import literal  # page imports this module

    for typed in unmatched:  # text from a link or the keyboard: shown as text, never as Markdown
        st.sidebar.caption(t("filter.districts.typed", lang, typed=literal(typed)))
    # A value the box took in this run (a link's, or text typed) is read as names on the next run,
    # before the box: once for each new set of values.
    if any(value not in names for value in chosen) and session.get(state.DISTRICTS_TYPED) != chosen:
        session[state.DISTRICTS_TYPED] = list(chosen)
        st.rerun()


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
    district_filter(names, lang)
    year = int(st.session_state.get(state.YEAR) or years[-1])
    phase = set_for_year(year)
    if new_geography(year):
        st.sidebar.caption(t("filter.districts.former", lang))
    labels = criterion_labels(criteria_catalogue(), lang, year)
    default = state.DEFAULT_CRITERION if state.DEFAULT_CRITERION in labels else next(iter(labels))
    keep_in(state.CRITERION, labels, default)
    keep_in(state.LEVELS, phase.levels, [])
    st.sidebar.selectbox(
        t("filter.criterion", lang),
        list(labels),
        index=list(labels).index(default),
        key=state.CRITERION,
        format_func=labels.get,
        bind="query-params",
        persist_state="session",
    )
    st.sidebar.multiselect(
        t("filter.level", lang),
        list(phase.levels),
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
