"""Cached loaders: the active dataset, the bundled tables and what several pages compute. Cached
functions take the Dataset itself; Streamlit hashes it by its label (`DATASET`), once."""

import os

import pandas as pd
import streamlit as st

from ntm.criteria import load_criteria
from ntm.dataset import Dataset, load_dataset
from ntm.ingest.location import database_url, store_exists
from ntm.paths import DEMO_DIR
from ntm.registry import district_names as registry_district_names
from ntm.registry import districts as district_list
from ntm.registry import load_registry
from ntm.targets import load_published, load_targets

DATASET = {Dataset: lambda dataset: dataset.label}  # hash_funcs: a dataset is known by its label


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
def criteria_catalogue() -> pd.DataFrame:
    return load_criteria()


@st.cache_data(show_spinner=False, hash_funcs=DATASET)
def district_names(dataset: Dataset) -> dict[str, str]:
    return registry_district_names(dataset.registry)


@st.cache_data(show_spinner=False, hash_funcs=DATASET)
def headline_progress(dataset: Dataset, year: int, districts: tuple[str, ...]) -> list:
    from ntm.targets import headline_progress as compute

    return compute(dataset.commune_year, targets(), year, list(districts))


@st.cache_resource(show_spinner=False, max_entries=4, hash_funcs=DATASET)
def district_boundaries(dataset: Dataset, source_key: str, _source):
    """(Boundaries, simplified frame) for a source known by `source_key`: None (NTM_BOUNDARIES or
    bundled), uploaded bytes, or DEFAULT_BOUNDARIES for the bundled ones whatever the environment says."""
    from ntm.geo.boundaries import DEFAULT_BOUNDARIES, load_boundaries, load_default, simplify_for_browser

    table = district_list(dataset.registry)
    loaded = load_default(table) if _source == DEFAULT_BOUNDARIES else load_boundaries(table, _source)
    return loaded, simplify_for_browser(loaded.frame)


def configured_boundaries(dataset: Dataset, upload=None):
    """(Boundaries, simplified frame, error): from an uploaded file, else the file NTM_BOUNDARIES
    names, else the bundled ones; the bundled ones also when the file cannot be read, with the
    reason as `error` (None otherwise)."""
    from ntm.geo.boundaries import DEFAULT_BOUNDARIES, ENV_VAR, BoundaryError

    source = upload.getvalue() if upload is not None else None
    key = f"upload:{upload.name}:{len(source)}" if upload is not None else f"env:{os.environ.get(ENV_VAR, '')}"
    try:
        return (*district_boundaries(dataset, key, source), None)
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
