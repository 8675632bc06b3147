"""Benchmark at Lạng Sơn and national scale. Run: python -m ntm.bench [--repeat N]

National scale: every unit in ../shared/geo/admin_units_2025-03.csv (about 10,000 communes in
about 700 districts), 19 criteria, 2015-2025 (about 2 million criterion rows), synthetic values.
Each figure is the median of repeated runs; ratios are to a floor measured in the same run: a
bare pandas groupby computing the same per-district shares of communes meeting the standard.
"""
import argparse
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from ntm import metrics
from ntm.criteria import CRITERION_IDS
from ntm.dataset import LEVELS, load_dataset, save_dataset
from ntm.paths import DEMO_DIR, ROOT, SHARED

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
NATIONAL_UNITS = SHARED / "geo" / "admin_units_2025-03.csv"
YEARS = tuple(range(2015, 2026))
BUDGETS = {
    "page_rerun_lang_son_s": 0.3,
    "filter_change_national_s": 1.0,
    "filter_change_ratio_to_floor": 5.0,
    "national_map_html_mb": 3.0,
    "peak_memory_mb": 1024.0,
    "cold_start_s": 5.0,
}


def median_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def national_registry(path: Path = NATIONAL_UNITS) -> pd.DataFrame:
    units = pd.read_csv(path, dtype=str)
    return pd.DataFrame({
        "code": units["commune_code"], "name": units["commune_name"],
        "short_name": units["commune_name"], "type": units["commune_type"],
        "district_code": units["district_code"], "district_name": units["district_name"],
        "district_type": units["district_type"], "lat": np.nan, "lon": np.nan,
        "valid_from": None, "valid_to": None, "successor_code": "", "provisional": False,
        "source": "benchmark",
    })


def national_tables(registry: pd.DataFrame, seed: int = 1) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Synthetic criteria and levels for every unit and year (criteria once met stay met)."""
    rng = np.random.default_rng(seed)
    n, n_years, n_crit = len(registry), len(YEARS), len(CRITERION_IDS)
    first_met = rng.integers(2005, 2032, size=(n, n_crit))
    met = first_met[:, None, :] <= np.array(YEARS)[None, :, None]
    codes = registry["code"].to_numpy()
    criteria = pd.DataFrame({
        "commune_code": np.repeat(codes, n_years * n_crit),
        "year": np.tile(np.repeat(np.array(YEARS, dtype="int16"), n_crit), n),
        "criterion_id": np.tile(np.array(CRITERION_IDS), n * n_years),
        "met": met.reshape(-1),
    })
    all_met = met.all(axis=2)
    recognised_year = np.where(all_met.any(axis=1), np.array(YEARS)[all_met.argmax(axis=1)], 0)
    level = np.where(all_met, "standard", "none")
    levels = pd.DataFrame({
        "commune_code": np.repeat(codes, n_years),
        "year": np.tile(np.array(YEARS, dtype="int16"), n),
        "level": level.reshape(-1),
        "recognised_year": pd.array(np.where(all_met, recognised_year[:, None], 0).reshape(-1), dtype="Int16"),
    })
    levels.loc[levels["level"] == "none", "recognised_year"] = pd.NA
    assert set(levels["level"]) <= set(LEVELS)
    return criteria, levels


def floor_shares(commune_year: pd.DataFrame, year: int) -> pd.Series:
    one_year = commune_year[commune_year["year"] == year]
    return (one_year["level_rank"] >= 1).groupby(one_year["district_code"], observed=True).mean()


def filter_change(dataset, year: int, districts: list[str]) -> None:
    selection = metrics.select(dataset.commune_year, year, districts)
    metrics.summary(selection)
    metrics.criterion_counts(dataset.criteria, selection)


def national_figures(repeat: int) -> dict[str, float]:
    registry = national_registry()
    criteria, levels = national_tables(registry)
    with tempfile.TemporaryDirectory() as folder:
        save_dataset(Path(folder), criteria, levels)
        del criteria, levels
        load_s = median_time(lambda: load_dataset(Path(folder), registry=registry), max(1, repeat // 3))
        dataset = load_dataset(Path(folder), registry=registry)
    year = YEARS[-1]
    districts = sorted(registry["district_code"].unique())[:20]
    figures = {
        "national_communes": registry["code"].nunique(),
        "national_districts": registry["district_code"].nunique(),
        "national_criterion_rows": len(dataset.criteria),
        "load_s": load_s,
        "floor_s": median_time(lambda: floor_shares(dataset.commune_year, year), repeat),
        "filter_change_national_s": median_time(lambda: filter_change(dataset, year, districts), repeat),
        "district_table_national_s": median_time(
            lambda: metrics.district_table(metrics.select(dataset.commune_year, year)), repeat),
    }
    figures["filter_change_ratio_to_floor"] = figures["filter_change_national_s"] / figures["floor_s"]
    figures["district_table_ratio_to_floor"] = figures["district_table_national_s"] / figures["floor_s"]
    return figures


def lang_son_figures(repeat: int) -> dict[str, float]:
    dataset = load_dataset(DEMO_DIR)
    year = dataset.years[-1]
    return {
        "filter_change_lang_son_s": median_time(lambda: filter_change(dataset, year, ["180"]), repeat),
        "district_table_lang_son_s": median_time(
            lambda: metrics.district_table(metrics.select(dataset.commune_year, year)), repeat),
    }


def app_pages() -> list[str]:
    """The page files registered in app.py, in navigation order."""
    return re.findall(r'st\.Page\(\s*"(pages/[^"]+\.py)"', (ROOT / "app.py").read_text())


def page_rerun_figures(repeat: int) -> dict[str, float]:
    """Median AppTest rerun of each page on the bundled data, caches warm (as after a filter change)."""
    from streamlit.testing.v1 import AppTest

    figures = {}
    for page in app_pages():
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.run()
        at.switch_page(page).run()
        name = Path(page).stem
        figures[f"page_rerun_{name}_s"] = median_time(at.run, repeat)
        if at.exception:
            raise RuntimeError(f"{page} raised {at.exception[0].value}")
    figures["page_rerun_lang_son_s"] = max(figures.values())
    return figures


def cold_start_s() -> float:
    """Seconds from starting `streamlit run app.py` to the first page's title in headless Chromium."""
    from playwright.sync_api import sync_playwright

    port = 8599
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page()
        start = time.perf_counter()
        server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
                                   "--server.port", str(port), "--server.headless", "true"],
                                  cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    page.goto(f"http://127.0.0.1:{port}/", timeout=2000)
                    break
                except Exception:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)
            page.wait_for_selector("[data-testid='stMain'] h1", timeout=60000)
            elapsed = time.perf_counter() - start
        finally:
            server.terminate()
            server.wait(10)
            browser.close()
    return elapsed


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(figures: dict[str, float]) -> str:
    lines = []
    for name, value in figures.items():
        budget = BUDGETS.get(name)
        verdict = "" if budget is None else (f"  budget {budget:g}: " + ("OK" if value <= budget else "OVER"))
        shown = f"{value:.4f}" if isinstance(value, float) else f"{value}"
        lines.append(f"{name:34s} {shown:>12s}{verdict}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    figures = {"cold_start_s": statistics.median(cold_start_s() for _ in range(3))}
    figures.update(lang_son_figures(args.repeat))
    figures.update(page_rerun_figures(args.repeat))
    figures.update(national_figures(args.repeat))
    figures["peak_memory_mb"] = peak_memory_mb()
    print(report(figures))


if __name__ == "__main__":
    main()
