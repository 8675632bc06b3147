import pandas as pd
import pytest
import streamlit as st

from ntm.dataset import Dataset, load_dataset
from ntm.paths import DEMO_DIR
from ntm.registry import load_registry


@pytest.fixture(autouse=True)
def clear_streamlit_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


@pytest.fixture(scope="session")
def registry() -> pd.DataFrame:
    return load_registry()


@pytest.fixture(scope="session")
def demo(registry) -> Dataset:
    return load_dataset(DEMO_DIR, registry=registry, illustrative=True)
