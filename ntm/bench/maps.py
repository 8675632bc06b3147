"""Map budget benchmark, at both levels of the map page (new communes, former districts): the map's
HTML size (budget 400 KB: the map, every year's colours and texts, and the points when shown) and
the time to compute a rerun of the map page on the demo data (budget 0.3 s), without the page's
caches and in AppTest after a change of measure or year.

    .venv/bin/python -m ntm.bench map [boundary-file]   # default ../shared/geo/lang_son_districts.geojson
                                                        # (the bundled boundaries when it is missing)
"""

import os
import sys
import time

from ntm.bench.dashboard import district_map_html, median_time
from ntm.dataset import load_dataset
from ntm.geo.boundaries import ENV_VAR, load_boundaries, load_communes, load_default, simplify_for_browser
from ntm.paths import DEMO_DIR, ROOT, SHARED
from ntm.registry import district_names, districts
from ntm.views.map import MAP_LEVELS, map_metrics, map_years

OFFICIAL = SHARED / "geo" / "lang_son_districts.geojson"
HTML_BUDGET = 400_000
RERUN_BUDGET_S = 0.3
COMMUNE_BUDGET = 90_000  # the page's GeoJSON budget for the 65 communes (ntm.ui.loaders.COMMUNE_BROWSER_BUDGET)
BORDERS_BUDGET = 40_000  # and for the former-district lines over them (pages/map.py)


def map_html(dataset, frame, communes, names, year: int, metric: str, points: bool, official: bool, level: str) -> str:
    """The map page's HTML for a measure (criterion 17 for the criterion measure); at the commune level
    `frame` holds the former districts' lines the page draws over the communes (see `main`)."""
    return district_map_html(
        dataset,
        frame,
        names,
        year,
        metric,
        criterion="17",
        points=points,
        approximate=not official,
        level=level,
        communes=communes,
    )


def apptest_reruns(path, year: int, repeat: int = 3) -> dict[str, float]:
    """Median wall times of reruns of the map page at the new-commune level in Streamlit's AppTest, on
    `year`'s lineage: with caches warm (panel open), after a change of measure, after a change of year
    (each change to a value the page has not shown yet, so its caches are cold for it)."""
    from streamlit.testing.v1 import AppTest

    if path is not None:
        os.environ[ENV_VAR] = str(path)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.switch_page("pages/map.py").run()
    at.select_slider(key="map_year").set_value(year).run()
    at.selectbox(key="map_commune").set_value("06286").run()
    times = {"warm": median_time(at.run, repeat)}
    measure, changes = [], []
    for metric in map_metrics(year)[1:]:
        at.selectbox(key="map_metric").set_value(metric)
        start = time.perf_counter()
        at.run()
        measure.append(time.perf_counter() - start)
    for value in [y for y in at.select_slider(key="map_year").options if int(y) != year][:4]:
        at.select_slider(key="map_year").set_value(int(value))
        start = time.perf_counter()
        at.run()
        changes.append(time.perf_counter() - start)
    times["measure"] = sorted(measure)[len(measure) // 2]
    times["year"] = sorted(changes)[len(changes) // 2]
    times["slowest"] = max(measure + changes)
    return times


def verdict(ok: bool) -> str:
    return "OK" if ok else "OVER"


def main(path=OFFICIAL) -> None:
    dataset = load_dataset(DEMO_DIR, illustrative=True)
    table = districts(dataset.registry)
    names = district_names(dataset.registry)
    path = path if path is not None and os.path.exists(path) else None
    start = time.perf_counter()
    loaded = load_boundaries(table, path) if path else load_default(table)
    frame = simplify_for_browser(loaded.frame)
    communes = simplify_for_browser(load_communes().frame[["code", "geometry"]], COMMUNE_BUDGET)
    # the former districts as the page draws them at each level (lighter lines over the communes)
    level_frames = {"district": frame, "commune": simplify_for_browser(frame, BORDERS_BUDGET)}
    print(
        f"boundaries: {path or 'bundled'} ({len(frame)} districts matched), 65 new communes (bundled); "
        f"load + simplify {time.perf_counter() - start:.3f} s"
    )
    # the year whose lineage of criteria sets has the most years: the largest map (every year's colours)
    year = max(dataset.years, key=lambda y: (len(map_years(dataset, y)), y))
    shown = map_years(dataset, year)
    print(f"year {year}, the map holding {shown[0]}-{shown[-1]} ({len(shown)} years)")
    for level in MAP_LEVELS:
        for points in (False, True):
            sizes = [
                len(
                    map_html(
                        dataset, level_frames[level], communes, names, year, m, points, loaded.official, level
                    ).encode()
                )
                for m in map_metrics(year)
            ]
            largest = max(sizes)
            print(
                f"map HTML, {level} level, communes {'shown' if points else 'hidden'}, every year in it: largest "
                f"{largest / 1000:.1f} KB (budget {HTML_BUDGET / 1000:.0f} KB) -> {verdict(largest < HTML_BUDGET)}"
            )
    for level in MAP_LEVELS:
        for points in (False, True):
            seconds = median_time(
                lambda: map_html(
                    dataset, level_frames[level], communes, names, year, "share_ntm", points, loaded.official, level
                ),
                5,
            )
            print(
                f"map compute per rerun (no page cache), {level} level, communes {'shown' if points else 'hidden'}: "
                f"{seconds:.3f} s (budget {RERUN_BUDGET_S} s) -> {verdict(seconds < RERUN_BUDGET_S)}"
            )
    times = apptest_reruns(path, year)
    print(
        "whole app rerun on the map page in AppTest, new communes (these boundaries): "
        f"caches warm {times['warm']:.3f} s, measure change {times['measure']:.3f} s, "
        f"year change {times['year']:.3f} s (medians; slowest {times['slowest']:.3f} s) "
        f"-> {verdict(times['slowest'] < RERUN_BUDGET_S)}"
    )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else OFFICIAL)
