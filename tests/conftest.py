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


@pytest.fixture(scope="session")
def app_url():
    """Base URL of a real Streamlit server running app.py on the bundled data."""
    from browser import streamlit_server

    with streamlit_server() as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    from browser import launch_chromium

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()
