"""What every page shares: cached data, the language switch, the sidebar filters, notices."""

import os
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from ntm.criteria import load_criteria
from ntm.dataset import LEVELS, Dataset, load_dataset
from ntm.i18n import DEFAULT_LANG, LANGS, LANGUAGE_NAMES, t
from ntm.ingest.location import database_url, store_exists
from ntm.paths import DEMO_DIR
from ntm.registry import districts as district_list
from ntm.registry import load_registry
from ntm.targets import load_published, load_targets


@dataclass(frozen=True)
class Filters:
    year: int
    districts: tuple[str, ...]
    lang: str
    criterion: str = "02"
    levels: tuple[str, ...] = ()


@st.cache_resource(show_spinner=False)
def store_engine(url: str):
    from ntm.ingest.store import connect  # SQLAlchemy only once a store exists: a faster first page

    return connect(url)


def active_store():
    """The versioned store's engine, or None while no store exists (viewing never creates one)."""
    url = database_url()
    return store_engine(url) if store_exists(url) else None


@st.cache_resource(show_spinner=False, max_entries=4)
def _dataset_version(url: str, version_id: int | None) -> Dataset:
    if version_id is None:
        return load_dataset(DEMO_DIR, label="demo", illustrative=True)
    from ntm.ingest.store import load_version

    criteria, levels = load_version(store_engine(url), version_id)
    return Dataset(criteria, levels, load_registry(), label=f"v{version_id}")


def load_active_dataset() -> Dataset:
    """The dataset the dashboard shows: the active stored version, else the bundled demo."""
    engine = active_store()
    if engine is None:
        return _dataset_version(database_url(), None)
    from ntm.ingest.store import active_version_id

    return _dataset_version(database_url(), active_version_id(engine))


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
        t("filter.language.switch", DEFAULT_LANG),
        LANGS,
        default=DEFAULT_LANG,
        format_func=LANGUAGE_NAMES.get,
        key="lang",
        bind="query-params",
        persist_state="session",
        on_change=relabel_url,
    )
    return lang or DEFAULT_LANG


def criterion_label(criterion_id: str, lang: str) -> str:
    catalogue = criteria_catalogue()
    labels = dict(zip(catalogue["criterion_id"], catalogue["name_en" if lang == "en" else "name_vi"]))
    return f"{criterion_id}. {labels[criterion_id]}"


def relabel_url() -> None:
    """The URL holds the filters' option text, which depends on the language: set the chosen
    criterion and levels again so that the widgets write them in the new language."""
    state = st.session_state
    for key in ("criterion", "levels", "metric", "map_metric"):
        if key in state:
            state[key] = state[key]


def sidebar_filters(dataset: Dataset, lang: str) -> None:
    names = district_names(dataset, dataset.label)
    st.sidebar.header(t("filter.header", lang))
    years = dataset.years
    st.sidebar.selectbox(
        t("filter.year", lang), years, index=len(years) - 1, key="year", bind="query-params", persist_state="session"
    )
    st.sidebar.multiselect(
        t("filter.districts", lang),
        list(names),
        format_func=names.get,
        placeholder=t("filter.districts.all", lang),
        key="districts",
        bind="query-params",
        persist_state="session",
    )
    catalogue = criteria_catalogue()
    labels = dict(zip(catalogue["criterion_id"], catalogue["name_en" if lang == "en" else "name_vi"]))
    st.sidebar.selectbox(
        t("filter.criterion", lang),
        list(labels),
        index=1,
        key="criterion",
        format_func=lambda cid: f"{cid}. {labels[cid]}",
        bind="query-params",
        persist_state="session",
    )
    st.sidebar.multiselect(
        t("filter.level", lang),
        list(LEVELS),
        format_func=lambda lv: t(f"level.{lv}", lang),
        placeholder=t("filter.level.all", lang),
        help=t("filter.level.help", lang),
        key="levels",
        bind="query-params",
        persist_state="session",
    )


URL_KEYS = ("lang", "year", "districts", "criterion", "levels")
URL_LABELS = {
    "lang": "filter.language",
    "year": "filter.year",
    "districts": "filter.districts",
    "criterion": "filter.criterion",
    "levels": "filter.level",
}


def url_snapshot() -> dict[str, list[str]]:
    """The values in the URL as the run starts, before the widgets drop invalid ones."""
    return {key: st.query_params.get_all(key) for key in st.query_params}


def _accepted(dataset: Dataset, f: Filters) -> dict[str, set[str]]:
    """The URL text of every value the filters accepted in this run."""
    names = district_names(dataset, dataset.label)
    return {
        "lang": {LANGUAGE_NAMES[f.lang]},
        "year": {str(f.year)},
        "districts": {names[d] for d in f.districts},
        "criterion": {criterion_label(f.criterion, f.lang)},
        "levels": {t(f"level.{lv}", f.lang) for lv in f.levels},
    }


def ignored_url_values(snapshot: dict[str, list[str]], dataset: Dataset) -> list[tuple[str, str]]:
    """(key, value) for every value of the link that the filters did not accept."""
    accepted = _accepted(dataset, current_filters(dataset))
    return [
        (key, value)
        for key, values in snapshot.items()
        if key in accepted
        for value in values
        if value not in accepted[key]
    ]


def invalid_url_notice(snapshot: dict[str, list[str]], dataset: Dataset) -> None:
    """Say which values of the opened link were ignored (the widgets drop them silently). Only a
    session's first run reads a link; the notice stays until the user changes a filter."""
    state = st.session_state
    if "url_notice" not in state:
        state["url_notice"] = (ignored_url_values(snapshot, dataset), current_filters(dataset))
        state["url_opened"] = snapshot
    ignored, filters = state["url_notice"]
    f = current_filters(dataset)
    if ignored and (filters.year, filters.districts, filters.criterion, filters.levels) == (
        f.year,
        f.districts,
        f.criterion,
        f.levels,
    ):
        items = ", ".join(f"{t(URL_LABELS[key], f.lang)} = {value}" for key, value in ignored)
        st.warning(t("filter.invalid", f.lang, items=items), icon=":material/link_off:")


def page_url_notice(key: str, accepted: list[str], label: str, lang: str) -> None:
    """The same notice for a page's own widget bound to the URL (`key`): said when the opened link
    gave it a value outside `accepted` (the widget's option text), until the user changes it."""
    state = st.session_state
    ignored = [value for value in state.get("url_opened", {}).get(key, []) if value not in accepted]
    if not ignored:
        return
    marker = f"url_notice_{key}"
    if marker not in state:
        state[marker] = state.get(key)
    if state.get(key) == state[marker]:
        st.warning(t("filter.invalid", lang, items=f"{label} = {', '.join(ignored)}"), icon=":material/link_off:")


def reset_filters(dataset: Dataset) -> None:
    """Back to the whole province in the latest year (the language stays)."""
    state = st.session_state
    state["year"] = dataset.years[-1]
    state["districts"] = []
    state["criterion"] = "02"
    state["levels"] = []


def reset_button(dataset: Dataset, lang: str) -> None:
    st.sidebar.button(
        t("filter.reset", lang),
        on_click=reset_filters,
        args=(dataset,),
        icon=":material/restart_alt:",
        key="filters-reset",
        width="stretch",
    )


def current_filters(dataset: Dataset) -> Filters:
    state = st.session_state
    year = state.get("year") or dataset.years[-1]
    return Filters(
        year=int(year),
        districts=tuple(state.get("districts") or ()),
        lang=state.get("lang") or DEFAULT_LANG,
        criterion=state.get("criterion") or "02",
        levels=tuple(state.get("levels") or ()),
    )


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


@st.cache_resource(show_spinner=False, max_entries=4)
def district_boundaries(_dataset: Dataset, label: str, source):
    """(Boundaries, simplified frame) for a source: None (NTM_BOUNDARIES or bundled), uploaded bytes,
    or DEFAULT_BOUNDARIES for the bundled ones whatever the environment says."""
    from ntm.geo.boundaries import DEFAULT_BOUNDARIES, load_boundaries, load_default, simplify_for_browser

    table = district_list(_dataset.registry)
    loaded = load_default(table) if source == DEFAULT_BOUNDARIES else load_boundaries(table, source)
    return loaded, simplify_for_browser(loaded.frame)


def configured_boundaries(dataset: Dataset, upload=None):
    """(Boundaries, simplified frame, error): from an uploaded file, else the file NTM_BOUNDARIES
    names, else the bundled ones; the bundled ones also when the file cannot be read, with the
    reason as `error` (None otherwise)."""
    from ntm.geo.boundaries import DEFAULT_BOUNDARIES, ENV_VAR, BoundaryError

    source = upload.getvalue() if upload is not None else None
    label = f"{upload.name}:{len(source)}" if upload is not None else os.environ.get(ENV_VAR, "")
    try:
        return (*district_boundaries(dataset, label, source), None)
    except BoundaryError as error:
        return (*district_boundaries(dataset, "bundled", DEFAULT_BOUNDARIES), str(error))


@st.cache_data(show_spinner=False)
def district_map_png(_dataset: Dataset, label: str, year: int, lang: str) -> bytes:
    """The static district map of the share of communes meeting the standard (overview, presentation)."""
    from ntm.reports.deck import district_map

    return district_map(_dataset, year, lang)


def chart_downloads(chart, frame: pd.DataFrame, name: str, lang: str) -> None:
    """PNG, SVG and CSV download buttons under a chart; files are made only when asked for.
    `chart` is an Altair chart or a function that builds one (built only for the download)."""
    from ntm.charts.export import chart_png, chart_svg, frame_csv

    build = chart if callable(chart) else (lambda: chart)
    files = (
        ("png", lambda: chart_png(build()), "image/png"),
        ("svg", lambda: chart_svg(build()), "image/svg+xml"),
        ("csv", lambda: frame_csv(frame), "text/csv"),
    )
    row = st.container(horizontal=True)
    for kind, make, mime in files:
        row.download_button(
            t(f"download.{kind}", lang),
            make,
            file_name=f"{name}.{kind}",
            mime=mime,
            on_click="ignore",
            icon=":material/download:",
            key=f"download-{name}-{kind}",
        )
