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
    from browser import launch_chromium
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


def pytest_terminal_summary(terminalreporter):
    """Name the folders tests report through record_property (e.g. the screenshots)."""
    for outcome in ("passed", "failed"):
        for report in terminalreporter.stats.get(outcome, []):
            for name, value in getattr(report, "user_properties", []):
                if name == "artifacts":
                    terminalreporter.write_line(f"{report.nodeid}: {value}")
