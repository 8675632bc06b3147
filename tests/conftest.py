import os
import shutil
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st

from ntm.dataset import Dataset

ISOLATING_FIXTURES = {"monkeypatch", "tmp_path"}  # another store, boundary file, clock or function
APP_TEST_FOLDERS = {"pages", "views"}  # the tests that run the app (AppTest) and so fill Streamlit's caches


@pytest.fixture(autouse=True)
def streamlit_caches(request):
    """Streamlit's caches live as long as the process. What they hold for the bundled demo is the same
    in every test, so those tests share it (an AppTest run on warm caches takes 0.15-0.2 s instead of
    0.3-1.2 s). A test that runs the app and changes the process (a store or boundary file through the
    environment, a patched clock or function, files of its own) starts with empty caches, so that
    nothing cached before reaches it; what it caches is keyed by its own store's version or file and
    cannot reach a demo test. Tests that do not run the app (ingest, geo...) cache nothing. A test
    that changes what the demo's results would be (a metric added to the registry: `isolated_caches`)
    also ends with empty caches."""
    marked = request.node.get_closest_marker("isolated_caches") is not None
    runs_the_app = APP_TEST_FOLDERS & set(request.path.relative_to(TESTS).parts[:-1])
    if marked or (runs_the_app and ISOLATING_FIXTURES & set(request.fixturenames)):
        st.cache_data.clear()
        st.cache_resource.clear()
    yield
    if marked:
        st.cache_data.clear()
        st.cache_resource.clear()


@pytest.fixture(autouse=True, scope="session")
def scripts_compiled_once():
    """AppTest compiles app.py and the page again for every run (a new ScriptCache each time, 10-25 ms)
    and looks for installed components again for every AppTest; a server does both once. Tests share
    one compiled-script cache and one component registry, as a server's sessions do."""
    from unittest.mock import patch

    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared, components = ScriptCache(), discovered_components()
    with (
        patch.object(app_test, "ScriptCache", lambda: shared),
        patch.object(local_script_runner, "ScriptCache", lambda: shared),
        patch.object(app_test, "BidiComponentManager", lambda: components),
    ):
        yield


def discovered_components():
    """Streamlit's registry of installed custom components, read once: every new AppTest otherwise
    scans every installed package's metadata for them (0.1-0.2 s a test); a server reads it at start."""
    from streamlit.components.v2.component_manager import BidiComponentManager

    manager = BidiComponentManager()
    manager.discover_and_register_components(start_file_watching=False)
    manager.discover_and_register_components = lambda **_: None  # AppTest asks again: already done
    return manager


@pytest.fixture(scope="session")
def registry() -> pd.DataFrame:
    from make_bad_files import demo

    return demo()[0]


@pytest.fixture(scope="session")
def demo() -> Dataset:
    from make_bad_files import demo

    return demo()[1]


@pytest.fixture(scope="session")
def app_url():
    """Base URL of a real Streamlit server running app.py on the bundled data."""
    from browser_kit import streamlit_server

    with streamlit_server() as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    from browser_kit import launch_chromium
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


TESTS = Path(__file__).parent


def postgres_reachable() -> bool:
    """The PostgreSQL test server answers (CI starts one; a developer's machine may not have it)."""
    from import_fixtures import postgres_url
    from sqlalchemy import create_engine, text

    if not os.environ.get("NTM_TEST_POSTGRES_URL"):
        return False
    try:
        engine = create_engine(postgres_url(), connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
        return True
    except Exception:
        return False


def pytest_collection_modifyitems(config, items):
    """Mark what each test needs (browser tests by folder; postgres by the store's parameter) and
    skip, with the reason, those whose resource is absent here. CI has all of them."""
    from ntm.bench.chromium import CHROMIUM
    from ntm.paths import SHARED

    browser_dir = TESTS / "browser"
    have_chromium = Path(CHROMIUM).exists() or shutil.which("chromium") is not None
    have_shared = SHARED.is_dir()
    have_postgres = None
    for item in items:
        if browser_dir in Path(item.fspath).parents or {"app_url", "chromium"} & set(item.fixturenames):
            item.add_marker(pytest.mark.browser)
        callspec = getattr(item, "callspec", None)
        if callspec is not None and "postgresql" in callspec.params.values():
            item.add_marker(pytest.mark.postgres)
        if item.get_closest_marker("browser") and not have_chromium:
            item.add_marker(pytest.mark.skip(reason=f"no Chromium at {CHROMIUM}"))
        if item.get_closest_marker("shared_data") and not have_shared:
            item.add_marker(pytest.mark.skip(reason=f"../shared is absent ({SHARED})"))
        if item.get_closest_marker("postgres"):
            if have_postgres is None:
                have_postgres = postgres_reachable()
            if not have_postgres:
                item.add_marker(pytest.mark.skip(reason="no PostgreSQL test server (set NTM_TEST_POSTGRES_URL)"))


SHARED_RESOURCES = "shared-resources"


def xdist_scope(nodeid: str) -> str:
    """Which tests one pytest-xdist worker runs together: a test file's tests (its module fixtures,
    e.g. the national benchmark dataset, are then built once), and every test that shares a resource
    (the browser tests: a Streamlit server, Chromium and the screenshots' folder; the PostgreSQL tests:
    one test database), one after another."""
    path, _, name = nodeid.partition("::")
    if path.startswith("tests/browser/") or "postgresql" in name:
        return SHARED_RESOURCES
    return path


def pytest_xdist_make_scheduler(config, log):
    """pytest-xdist's own grouping marks (xdist_group) do nothing under pytest 9 (xdist 3.8 renames
    `item._nodeid`, which pytest 9 no longer reads): the scopes come from `xdist_scope` instead."""
    from xdist.scheduler import LoadScopeScheduling

    class SharedResourcesTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return xdist_scope(nodeid)

    return SharedResourcesTogether(config, log)
