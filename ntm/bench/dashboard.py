"""Benchmark at Lạng Sơn and national scale. Run: python -m ntm.bench.dashboard [--repeat N]

Lạng Sơn scale (the bundled demo data): cold start of `streamlit run app.py` to the first page's
title in headless Chromium, a filter change, the per-district table, each page's chart specs, and
an AppTest rerun of every page (caches warm).
National scale: every unit in ../shared/geo/admin_units_2025-03.csv (about 10,000 communes in
about 700 districts), 19 criteria, 2015-2025 (about 2 million criterion rows), synthetic values:
loading, a filter change (one year, 20 districts), the per-district table, each page's chart specs
(Vega-Lite dicts built with the pages' own builders) for those 20 districts and for no selection
(every district), and the district map's HTML from ../shared/geo/vietnam_districts.geojson.
Each figure is the median of repeated runs; ratios are to a floor measured in the same run: a
bare pandas groupby computing the same per-district shares of communes meeting the standard.
Peak memory is the process's maximum resident set size.
"""

import argparse
import json
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from ntm import metrics
from ntm.bench import chromium
from ntm.criteria import CRITERION_IDS, set_for_year
from ntm.dataset import LEVELS, load_dataset, new_geography, save_dataset
from ntm.geo.boundaries import Boundaries, load_boundaries, simplify_for_browser
from ntm.geo.folium_map import base_map, bounds_of, standalone_html
from ntm.paths import DEMO_DIR, ROOT, SHARED
from ntm.registry import districts as district_list
from ntm.views import commune as communes
from ntm.views import criteria as analysis
from ntm.views import districts as compare
from ntm.views import overview, progress
from ntm.views.map import map_payload, points_data
from ntm.views.page_chart import PageInputs
from ntm.views.page_chart import page_inputs as views_page_inputs

NATIONAL_UNITS = SHARED / "geo" / "admin_units_2025-03.csv"
NATIONAL_BOUNDARIES = SHARED / "geo" / "vietnam_districts.geojson"
# Bytes of district GeoJSON for the national map: its 3 MB HTML budget less about 1 MB for the
# features' properties, the district labels and Leaflet's set-up code.
NATIONAL_GEOJSON_BUDGET = 2_000_000
SELECTED_DISTRICTS = 20  # the national filter change selects this many districts
YEARS = tuple(range(2015, 2026))
BUDGETS = {
    "page_rerun_lang_son_s": 0.3,
    "page_rerun_new_year_lang_son_s": 0.3,
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
    return pd.DataFrame(
        {
            "code": units["commune_code"],
            "name": units["commune_name"],
            "short_name": units["commune_name"],
            "type": units["commune_type"],
            "district_code": units["district_code"],
            "district_name": units["district_name"],
            "district_type": units["district_type"],
            "lat": np.nan,
            "lon": np.nan,
            "valid_from": None,
            "valid_to": None,
            "successor_code": "",
            "provisional": False,
            "source": "benchmark",
        }
    )


def national_tables(registry: pd.DataFrame, seed: int = 1) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Synthetic criteria and levels for every unit and year (criteria once met stay met)."""
    rng = np.random.default_rng(seed)
    n, n_years, n_crit = len(registry), len(YEARS), len(CRITERION_IDS)
    first_met = rng.integers(2005, 2032, size=(n, n_crit))
    met = first_met[:, None, :] <= np.array(YEARS)[None, :, None]
    codes = registry["code"].to_numpy()
    criteria = pd.DataFrame(
        {
            "commune_code": np.repeat(codes, n_years * n_crit),
            "year": np.tile(np.repeat(np.array(YEARS, dtype="int16"), n_crit), n),
            "criterion_id": np.tile(np.array(CRITERION_IDS), n * n_years),
            "met": met.reshape(-1),
        }
    )
    all_met = met.all(axis=2)
    recognised_year = np.where(all_met.any(axis=1), np.array(YEARS)[all_met.argmax(axis=1)], 0)
    level = np.where(all_met, "standard", "none")
    levels = pd.DataFrame(
        {
            "commune_code": np.repeat(codes, n_years),
            "year": np.tile(np.array(YEARS, dtype="int16"), n),
            "level": level.reshape(-1),
            "recognised_year": pd.array(np.where(all_met, recognised_year[:, None], 0).reshape(-1), dtype="Int16"),
        }
    )
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


def page_inputs(dataset) -> PageInputs:
    return views_page_inputs(dataset.registry)


# One function per page: the charts the page shows for a year, a district selection (empty: every
# district) and a language, from the same view functions the page calls (its st.cache_data aside).


def page_charts_overview(dataset, inputs: PageInputs, year: int, districts, lang: str = "vi") -> list[dict]:
    summary = metrics.summary(metrics.select(dataset.commune_year, year, districts))
    return [chart.spec for chart in overview.bar_charts(summary, year, lang).values()]


def page_charts_progress(dataset, inputs: PageInputs, year: int, districts, lang: str = "vi") -> list[dict]:
    return [chart.spec for chart, _, _ in progress.progress_charts(dataset, inputs, year, tuple(districts), lang)]


def page_charts_criteria(
    dataset, inputs: PageInputs, year: int, districts, lang: str = "vi", criterion: str = "02"
) -> dict[str, dict]:
    """The page's charts by role (heatmap, ranking, bands, trend and their phone layouts)."""
    charts = analysis.criteria_charts(dataset, inputs, year, tuple(districts), criterion, lang)
    return {role: chart.spec for role, chart in charts.items()}


def page_charts_districts(
    dataset, inputs: PageInputs, year: int, districts, lang: str = "vi", metric: str = compare.DISTRICT_METRICS[0]
) -> list[dict]:
    """The small multiples of the year's lineage of criteria sets, as the page draws them."""
    lineage = set_for_year(year).lineage
    series = compare.district_series(dataset.commune_year, metric, list(districts), lineage)
    return [compare.small_multiples_chart(series, dataset, inputs, metric, lang, lineage).spec]


def page_charts_commune(dataset, inputs: PageInputs, year: int, districts, lang: str = "vi") -> dict[str, dict]:
    """The scorecard's charts by role (grid, its phone layout, levels) of the first commune the page
    offers for the selection (the year's units)."""
    index = communes.commune_index(dataset.registry, dataset.commune_year, list(districts), (), year, dataset.new_units)
    row = index.iloc[0]
    charts = communes.scorecard_charts(dataset, inputs, row["code"], row["name"], lang, new_geography(year))
    return {role: chart.spec for role, chart in charts.items()}


PAGE_CHARTS = {
    "overview": page_charts_overview,
    "progress": page_charts_progress,
    "criteria": page_charts_criteria,
    "districts": page_charts_districts,
    "commune": page_charts_commune,
}


def national_boundaries(
    registry: pd.DataFrame, path: Path = NATIONAL_BOUNDARIES, budget: int = NATIONAL_GEOJSON_BUDGET
) -> tuple[Boundaries, gpd.GeoDataFrame]:
    """The district shapes matched to the registry's districts (with the matching report) and
    simplified for the browser, as the map page does once and caches."""
    loaded = load_boundaries(district_list(registry), path)
    return loaded, simplify_for_browser(loaded.frame, budget)


def district_map_html(
    dataset,
    frame: gpd.GeoDataFrame,
    names: dict[str, str],
    year: int,
    metric: str = "share_ntm",
    lang: str = "vi",
    criterion: str = "02",
    points: bool = False,
    approximate: bool = False,
    level: str = "district",
    communes: gpd.GeoDataFrame | None = None,
) -> str:
    """What a map page rerun computes without its caches: the layer (every year's values and classes,
    class breaks, the points when asked), the folium map and the HTML of both, at the former-district
    level (`frame`) or the new-commune level (`communes`, with `frame` as the former districts)."""
    note = "approximate" if approximate else ""
    empty = gpd.GeoDataFrame({"code": []}, geometry=[], crs=4326)
    payload = map_payload(
        dataset,
        level,
        metric,
        criterion,
        lang,
        year,
        communes if communes is not None else empty,
        frame,
        names,
        points=points_data(dataset, lang) if points else None,
        note=note,
    )
    return standalone_html(base_map(bounds_of(frame), lang), payload)


def map_payload_json(html: str) -> dict:
    """The layer payload (`ntm.load`'s argument) embedded in a map's HTML."""
    match = re.search(r"window\.ntm\.load\(", html)
    if match is None:
        return {}
    data, _ = json.JSONDecoder().raw_decode(html, match.end())  # "<\\/" in its strings is JSON for "</"
    return data


def map_feature_codes(html: str) -> list[str]:
    """The code of every shape of the map's layer in its HTML (district codes at the district level)."""
    shapes = map_payload_json(html).get("shapes", {"features": []})
    return [feature["properties"]["c"] for feature in shapes["features"] if feature["geometry"]]


def national_map_figures(dataset, repeat: int) -> tuple[dict[str, float], list[str]]:
    start = time.perf_counter()
    loaded, frame = national_boundaries(dataset.registry)
    boundaries_s = time.perf_counter() - start
    names = page_inputs(dataset).names
    year = YEARS[-1]
    html = district_map_html(dataset, frame, names, year)
    in_html = map_feature_codes(html)
    if sorted(in_html) != sorted(frame["district_code"]):
        raise RuntimeError(f"map HTML has {len(in_html)} district features for {len(frame)} matched districts")
    figures = {
        "national_map_districts_matched": len(frame),
        "national_map_features_unmatched": len(loaded.unmatched),
        "national_map_districts_missing": len(loaded.missing),
        "national_map_features_in_html": len(in_html),
        "national_map_boundaries_s": boundaries_s,
        "national_map_html_national_s": median_time(lambda: district_map_html(dataset, frame, names, year), repeat),
        "national_map_html_mb": len(html.encode()) / 1e6,
    }
    notes = [
        f"map: {NATIONAL_BOUNDARIES.name}, {len(frame)} of {len(names)} registry districts matched by "
        f"district_code; load, match and simplify once (as the page caches it) {boundaries_s:.2f} s",
        f"map features matching no registry district ({len(loaded.unmatched)}): {', '.join(loaded.unmatched)}",
        f"registry districts with no shape ({len(loaded.missing)}): {', '.join(loaded.missing)}",
    ]
    return figures, notes


def chart_spec_figures(dataset, year: int, districts: list[str], repeat: int) -> dict[str, float]:
    """Median time to build each page's chart specs for the district selection and, as the page
    shows every district when none is selected, for no selection."""
    inputs = page_inputs(dataset)
    figures = {}
    for page, build in PAGE_CHARTS.items():
        figures[f"chart_specs_{page}_national_s"] = median_time(lambda: build(dataset, inputs, year, districts), repeat)
        figures[f"chart_specs_{page}_all_national_s"] = median_time(lambda: build(dataset, inputs, year, ()), repeat)
    return figures


def national_figures(repeat: int) -> tuple[dict[str, float], list[str]]:
    registry = national_registry()
    criteria, levels = national_tables(registry)
    with tempfile.TemporaryDirectory() as folder:
        save_dataset(Path(folder), criteria, levels)
        del criteria, levels
        load_s = median_time(lambda: load_dataset(Path(folder), registry=registry), max(1, repeat // 3))
        dataset = load_dataset(Path(folder), registry=registry)
    year = YEARS[-1]
    districts = sorted(registry["district_code"].unique())[:SELECTED_DISTRICTS]
    figures = {
        "national_communes": registry["code"].nunique(),
        "national_districts": registry["district_code"].nunique(),
        "national_criterion_rows": len(dataset.criteria),
        "load_s": load_s,
        "floor_s": median_time(lambda: floor_shares(dataset.commune_year, year), repeat),
        "filter_change_national_s": median_time(lambda: filter_change(dataset, year, districts), repeat),
        "district_table_national_s": median_time(
            lambda: metrics.district_table(metrics.select(dataset.commune_year, year)), repeat
        ),
    }
    figures["filter_change_ratio_to_floor"] = figures["filter_change_national_s"] / figures["floor_s"]
    figures["district_table_ratio_to_floor"] = figures["district_table_national_s"] / figures["floor_s"]
    figures.update(chart_spec_figures(dataset, year, districts, repeat))
    map_figures, notes = national_map_figures(dataset, repeat)
    figures.update(map_figures)
    notes.insert(
        0,
        f"national selection: {SELECTED_DISTRICTS} districts ({', '.join(districts)}), year {year}; "
        "'_all_': no district selected, the page shows every district",
    )
    return figures, notes


def lang_son_figures(repeat: int) -> dict[str, float]:
    dataset = load_dataset(DEMO_DIR)
    year = dataset.years[-1]
    figures = {
        "filter_change_lang_son_s": median_time(lambda: filter_change(dataset, year, ["180"]), repeat),
        "district_table_lang_son_s": median_time(
            lambda: metrics.district_table(metrics.select(dataset.commune_year, year)), repeat
        ),
    }
    inputs = page_inputs(dataset)
    for page, build in PAGE_CHARTS.items():  # the whole province, as a page opens
        figures[f"chart_specs_{page}_lang_son_s"] = median_time(lambda: build(dataset, inputs, year, ()), repeat)
    return figures


def app_pages() -> list[str]:
    """The page files registered in app.py, in navigation order."""
    return re.findall(r'st\.Page\(\s*"(pages/[^"]+\.py)"', (ROOT / "app.py").read_text())


def page_rerun_figures(repeat: int) -> dict[str, float]:
    """Median AppTest rerun of each page on the bundled data: with caches warm (a widget that does
    not change the selection, or a selection seen before), and after a year change to a year that
    page has not shown yet (its year-dependent work all redone)."""
    from streamlit.testing.v1 import AppTest

    years = load_dataset(DEMO_DIR).years[:-1][::-1]
    figures, new_year = {}, {}
    for page in app_pages():
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.run()
        at.switch_page(page).run()
        name = Path(page).stem
        figures[f"page_rerun_{name}_s"] = median_time(at.run, repeat)
        fresh = iter(years)
        new_year[f"page_rerun_new_year_{name}_s"] = median_time(
            lambda: (at.session_state.__setitem__("year", next(fresh)), at.run()), min(repeat, len(years))
        )
        if at.exception:
            raise RuntimeError(f"{page} raised {at.exception[0].value}")
    figures["page_rerun_lang_son_s"] = max(figures.values())
    new_year["page_rerun_new_year_lang_son_s"] = max(new_year.values())
    return figures | new_year


def cold_start_s() -> float:
    """Seconds from starting `streamlit run app.py` to the first page's title in headless Chromium."""
    from playwright.sync_api import sync_playwright

    port = 8599
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        page = browser.new_page()
        start = time.perf_counter()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(ROOT / "app.py"),
                "--server.port",
                str(port),
                "--server.headless",
                "true",
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
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
    """One line a figure; national timings (`*_national_s`) with their ratio to the floor."""
    lines = []
    floor = figures.get("floor_s")
    for name, value in figures.items():
        budget = BUDGETS.get(name)
        verdict = "" if budget is None else (f"  budget {budget:g}: " + ("OK" if value <= budget else "OVER"))
        ratio = f"  {value / floor:8.1f}x floor" if floor and name.endswith("_national_s") else ""
        shown = f"{value:.4f}" if isinstance(value, float) else f"{value}"
        lines.append(f"{name:38s} {shown:>12s}{ratio}{verdict}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    figures = {"cold_start_s": statistics.median(cold_start_s() for _ in range(3))}
    figures.update(lang_son_figures(args.repeat))
    figures.update(page_rerun_figures(args.repeat))
    national, notes = national_figures(args.repeat)
    figures.update(national)
    figures["peak_memory_mb"] = peak_memory_mb()
    print(report(figures))
    print("\n".join(notes))


if __name__ == "__main__":
    main()
