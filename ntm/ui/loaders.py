"""Cached loaders: the active dataset, the bundled tables and what several pages compute. Cached
functions take the Dataset itself; Streamlit hashes it by its label (`DATASET`), once."""

import logging
import os
import time

import pandas as pd
import streamlit as st

from ntm.criteria import load_catalogue, load_commune_groups
from ntm.dataset import Dataset, load_dataset
from ntm.ingest.location import StoreUnavailable, database_url, store_exists
from ntm.paths import DEMO_DIR
from ntm.registry import district_names as registry_district_names
from ntm.registry import districts as district_list
from ntm.registry import load_registry
from ntm.targets import load_published, load_targets

DATASET = {Dataset: lambda dataset: dataset.label}  # hash_funcs: a dataset is known by its label


RETRY_UNREACHABLE_SECONDS = 10.0  # an unreachable server is asked again after this long, not on every call
log = logging.getLogger("ntm")


@st.cache_resource(show_spinner=False)
def store_engine(url: str):
    """The store's engine, once per process; raises StoreUnavailable (never cached) when it cannot be
    opened. Never creates a store: `create_store` does, for an import."""
    from ntm.ingest.store import connect  # SQLAlchemy only once a store exists: a faster first page

    return connect(url, create=False)


@st.cache_resource(show_spinner=False)
def _unreachable() -> dict[str, tuple[float, StoreUnavailable]]:
    """url -> (when, problem) of the last failed connection to a server, for every session."""
    return {}


def as_problem(exc: Exception, url: str) -> StoreUnavailable:
    """Any failure to read the store as a StoreUnavailable with its kind, logged for the operator."""
    if isinstance(exc, StoreUnavailable):
        return exc
    from sqlalchemy.exc import SQLAlchemyError

    from ntm.ingest.store import unavailable

    if isinstance(exc, SQLAlchemyError):
        return unavailable(exc, url)
    log.exception("reading the store failed")
    return StoreUnavailable("unreadable", "Không đọc được kho dữ liệu.")


def open_store(url: str | None = None):
    """(engine, None) for a usable store; (None, None) while no store exists (viewing never creates
    one); (None, StoreUnavailable) when it cannot be opened: damaged file, unreachable server. Never raises."""
    url = url or database_url()
    if not store_exists(url):
        return None, None
    failed = _unreachable().get(url)
    if failed is not None and time.monotonic() - failed[0] < RETRY_UNREACHABLE_SECONDS:
        return None, failed[1]
    try:
        engine = store_engine(url)
    except Exception as exc:  # reported as a notice, the bundled data shown instead
        problem = as_problem(exc, url)
        if problem.kind == "unreachable":
            _unreachable()[url] = (time.monotonic(), problem)
        return None, problem
    _unreachable().pop(url, None)
    return engine, None


def active_store():
    """The versioned store's engine, or None while no store exists or it cannot be opened."""
    return open_store()[0]


def create_store(url: str | None = None):
    """Create the store for a first import (SQLite: the file, which must not exist yet) and open it."""
    from ntm.ingest.store import connect

    url = url or database_url()
    connect(url, create=True).dispose()
    return store_engine(url)


@st.cache_resource(show_spinner=False, max_entries=4)
def _dataset_version(url: str, version_id: int | None) -> Dataset:
    if version_id is None:
        return load_dataset(DEMO_DIR, label="demo", illustrative=True)
    from ntm.ingest.store import load_version

    criteria, levels = load_version(store_engine(url), version_id)
    return Dataset(criteria, levels, load_registry(), label=f"v{version_id}")


def active_dataset() -> tuple[Dataset, StoreUnavailable | None]:
    """The dataset the dashboard shows and why it is not the stored one: the active stored version,
    else the bundled demo, with the store's problem (None when there is none) for a one-line notice.
    Never raises for a store that cannot be read, at start or mid-session."""
    url = database_url()
    engine, problem = open_store(url)
    if engine is None:
        return _dataset_version(url, None), problem
    from ntm.ingest.store import active_version_id

    try:
        return _dataset_version(url, active_version_id(engine)), None
    except Exception as exc:  # the server went away, the file was damaged: the demo, with a notice
        problem = as_problem(exc, url)
        if problem.kind == "unreachable":
            _unreachable()[url] = (time.monotonic(), problem)
        return _dataset_version(url, None), problem


def load_active_dataset() -> Dataset:
    """The dataset the dashboard shows: the active stored version, else the bundled demo."""
    return active_dataset()[0]


@st.cache_data(show_spinner=False)
def targets() -> pd.DataFrame:
    return load_targets()


@st.cache_data(show_spinner=False)
def published() -> pd.DataFrame:
    return load_published()


@st.cache_data(show_spinner=False)
def criteria_catalogue() -> pd.DataFrame:
    """Every criterion of every criteria set (ntm.criteria.load_catalogue)."""
    return load_catalogue()


@st.cache_data(show_spinner=False)
def commune_groups() -> pd.DataFrame:
    """The group of each new commune for 2026-2030 (data/commune_groups_2026.csv)."""
    return load_commune_groups()


@st.cache_data(show_spinner=False, hash_funcs=DATASET)
def district_names(dataset: Dataset) -> dict[str, str]:
    return registry_district_names(dataset.registry)


@st.cache_data(show_spinner=False, hash_funcs=DATASET)
def denominators_sentence(dataset: Dataset, lang: str) -> str:
    """ntm.views.progress.denominators_sentence (207 -> 181 -> 175 -> 61, why in one sentence) of the
    dataset's registry and the targets: the same on every run of the overview and progress pages."""
    from ntm.views.progress import denominators_sentence as sentence

    return sentence(targets(), dataset.registry, dataset.new_units, lang)


@st.cache_data(show_spinner=False, max_entries=64)
def year_target_notes(year: int, communes: int, lang: str) -> list[str]:
    """ntm.views.overview.year_target_notes of the bundled targets: the year's notes under the target
    cards (overview) and charts (progress page), the same for every selection of the year but for the
    communes it counts."""
    from ntm.views.overview import year_target_notes as notes

    return notes(targets(), year, communes, lang)


@st.cache_data(show_spinner=False, hash_funcs=DATASET, max_entries=32)
def year_units(dataset: Dataset, year: int):
    """metrics.year_units (what the reporting completeness counts, every district), once per year."""
    from ntm.metrics import year_units as units_of

    return units_of(dataset, year)


@st.cache_data(show_spinner=False, hash_funcs=DATASET)
def unit_names(dataset: Dataset) -> dict[str, str]:
    """{code: full name} of every unit of the registry (a commune's scorecard is named from it): the
    overview's three charts ask it for their files' records on every run."""
    return dict(zip(dataset.registry["code"], dataset.registry["name"]))


@st.cache_data(show_spinner=False, hash_funcs=DATASET, max_entries=128)
def coverage(dataset: Dataset, year: int, districts: tuple[str, ...] = ()):
    """metrics.coverage, cached: every page header and the overview ask for it, 2-4 times a run; a
    new selection counts from the year's units (`year_units`)."""
    from ntm.metrics import coverage_of

    return coverage_of(year_units(dataset, year), year, list(districts))


@st.cache_data(show_spinner=False, hash_funcs=DATASET, max_entries=32)
def year_districts(dataset: Dataset, year: int):
    """(metrics.district_table of every district or None without rows, metrics.summary of the
    province) of a year: the overview shows both whatever districts are chosen."""
    from ntm.criteria import set_for_year
    from ntm.metrics import district_table, select, summary

    rows = select(dataset.commune_year, year)
    return (district_table(rows) if len(rows) else None), summary(rows, set_for_year(year))


@st.cache_data(show_spinner=False, hash_funcs=DATASET, max_entries=32)
def district_shares(dataset: Dataset, year: int):
    """views.overview.district_shares (every district's share meeting the standard) once per year: the
    overview's summary reads the chosen districts' this year and the year before."""
    from ntm.views.overview import district_shares as shares_of

    return shares_of(dataset.commune_year, year)


def chosen_districts(every_district: pd.DataFrame | None, districts: tuple[str, ...]) -> pd.DataFrame | None:
    """metrics.district_table of the chosen districts' rows, from the year's table of every district
    (one row a district, computed from its own communes only); None when they have no rows."""
    if every_district is None or not districts:
        return every_district
    table = every_district[every_district["district_code"].isin([str(d) for d in districts])]
    return table.reset_index(drop=True) if len(table) else None


@st.cache_data(show_spinner=False, hash_funcs=DATASET, max_entries=128)
def headline_progress(dataset: Dataset, year: int, districts: tuple[str, ...]) -> list:
    from ntm.targets import headline_progress as compute

    return compute(dataset.commune_year, targets(), year, list(districts), expected=expected_by_district(dataset))


def expected_by_district(dataset: Dataset):
    """year -> {district: communes that should report} (the registry's), the weights of pro-rata targets:
    the same function the progress page's charts use (ntm.views.progress.expected_weights), once per year."""
    return lambda year: expected_counts(dataset, year)


@st.cache_data(show_spinner=False, hash_funcs=DATASET, max_entries=32)
def expected_counts(dataset: Dataset, year: int) -> dict[str, int]:
    """ntm.views.progress.expected_weights of a year, once per process: every new selection's headline
    cards ask it for one or more years (the registry's rural communes: 10 ms a year)."""
    from ntm.views.progress import expected_weights

    return expected_weights(dataset)(year)


@st.cache_resource(show_spinner=False, max_entries=4, hash_funcs=DATASET)
def district_boundaries(dataset: Dataset, source_key: str, _source, name: str | None = None):
    """(Boundaries, simplified frame) for a source known by `source_key`: None (NTM_BOUNDARIES or
    bundled), uploaded bytes (`name`: the uploaded file's, which messages name), or DEFAULT_BOUNDARIES
    for the bundled ones whatever the environment says."""
    from ntm.geo.boundaries import DEFAULT_BOUNDARIES, load_boundaries, load_default, simplify_for_browser

    table = district_list(dataset.registry)
    loaded = load_default(table) if _source == DEFAULT_BOUNDARIES else load_boundaries(table, _source, name)
    return loaded, simplify_for_browser(loaded.frame)


COMMUNE_BROWSER_BUDGET = 90_000  # bytes of GeoJSON for the 65 new communes (shared borders simplified together)


@st.cache_resource(show_spinner=False, max_entries=4)
def commune_boundaries(source_key: str, _source, name: str | None = None):
    """(Boundaries, simplified frame (code, geometry), former-district borders dissolved from the
    simplified communes) of the 65 new communes: from a file of new communes (`_source` bytes or path,
    known by `source_key`), else the bundled shapes."""
    from ntm.geo.boundaries import load_communes, simplify_for_browser

    loaded = load_communes(_source, name)
    simplified = simplify_for_browser(loaded.frame[["code", "geometry"]], COMMUNE_BROWSER_BUDGET)
    former = dict(zip(loaded.frame["code"], loaded.frame["former_district_code"]))
    borders = simplified.assign(district_code=simplified["code"].map(former)).dissolve(
        by="district_code", as_index=False
    )[["district_code", "geometry"]]
    return loaded, simplified, borders


def configured_communes(loaded=None, upload=None):
    """The new communes' shapes for the map: those of the configured boundary file when it is a file of
    new communes (`loaded`: the Boundaries the district layer was read from, from `upload` or the
    file NTM_BOUNDARIES names), else the bundled ones."""
    if loaded is not None and loaded.official and loaded.level == "commune":
        from ntm.geo.boundaries import ENV_VAR, BoundaryError

        source = upload.getvalue() if upload is not None else os.environ.get(ENV_VAR)
        key = f"upload:{upload.name}:{len(source)}" if upload is not None else f"env:{source}"
        try:
            return commune_boundaries(key, source, upload.name if upload is not None else None)
        except BoundaryError:
            pass
    return commune_boundaries("bundled", None)


def configured_boundaries(dataset: Dataset, upload=None):
    """(Boundaries, simplified frame, error): from an uploaded file, else the file NTM_BOUNDARIES
    names, else the bundled ones; the bundled ones also when the file cannot be read, with the
    reason as `error` (None otherwise)."""
    from ntm.geo.boundaries import DEFAULT_BOUNDARIES, ENV_VAR, BoundaryError

    source = upload.getvalue() if upload is not None else None
    key = f"upload:{upload.name}:{len(source)}" if upload is not None else f"env:{os.environ.get(ENV_VAR, '')}"
    try:
        return (*district_boundaries(dataset, key, source, upload.name if upload is not None else None), None)
    except BoundaryError as error:
        return (*district_boundaries(dataset, "bundled", DEFAULT_BOUNDARIES), str(error))


@st.cache_data(show_spinner=False, hash_funcs=DATASET)
def district_map_png(dataset: Dataset, year: int, lang: str, projector: bool = False) -> bytes:
    """The static district map of the share of communes meeting the standard (presentation mode)."""
    from ntm.reports.deck import district_map

    return district_map(dataset, year, lang, projector)


@st.cache_data(show_spinner=False, hash_funcs=DATASET)
def page_inputs(dataset: Dataset):
    """District names, criteria catalogue, targets and published figures, as the views take them."""
    from ntm.views.page_chart import PageInputs

    return PageInputs(district_names(dataset), criteria_catalogue(), targets(), published())
