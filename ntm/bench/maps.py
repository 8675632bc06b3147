"""Map budget benchmark: the map's HTML size with official boundaries (budget 400 KB) and the time
to compute a rerun of the map page on the demo data (budget 0.3 s).

    .venv/bin/python -m ntm.bench.maps [boundary-file]   # default ../shared/geo/lang_son_districts.geojson
"""

import os
import sys
import time

from ntm.bench.dashboard import district_map_html, median_time
from ntm.dataset import load_dataset
from ntm.geo.boundaries import ENV_VAR, load_boundaries, simplify_for_browser
from ntm.paths import DEMO_DIR, ROOT, SHARED
from ntm.registry import district_names, districts
from ntm.views.map import MAP_METRICS

OFFICIAL = SHARED / "geo" / "lang_son_districts.geojson"
HTML_BUDGET = 400_000
RERUN_BUDGET_S = 0.3


def map_html(dataset, frame, names, year: int, metric: str, points: bool, official: bool) -> str:
    """The map page's HTML for a measure (criterion 17 for the criterion measure)."""
    return district_map_html(
        dataset, frame, names, year, metric, criterion="17", points=points, approximate=not official
    )


def apptest_rerun(path, repeat: int = 5) -> float:
    """Median wall time of a rerun of the map page (boundaries from `path`) in Streamlit's AppTest,
    caches warm, district panel open."""
    from streamlit.testing.v1 import AppTest

    os.environ[ENV_VAR] = str(path)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.switch_page("pages/map.py").run()
    at.selectbox(key="map_district").set_value("180").run()
    return median_time(at.run, repeat)


def main(path=OFFICIAL) -> None:
    dataset = load_dataset(DEMO_DIR, illustrative=True)
    table = districts(dataset.registry)
    names = district_names(dataset.registry)
    start = time.perf_counter()
    loaded = load_boundaries(table, path)
    frame = simplify_for_browser(loaded.frame)
    print(f"boundaries: {path} ({len(frame)} districts matched), load + simplify {time.perf_counter() - start:.3f} s")
    year = dataset.years[-1]
    for points in (False, True):
        sizes = [len(map_html(dataset, frame, names, year, m, points, loaded.official).encode()) for m in MAP_METRICS]
        print(
            f"map HTML, communes {'shown' if points else 'hidden'}: largest {max(sizes) / 1000:.1f} KB "
            f"(budget {HTML_BUDGET / 1000:.0f} KB) -> {'OK' if max(sizes) < HTML_BUDGET else 'OVER'}"
        )
    for points in (False, True):
        seconds = median_time(lambda: map_html(dataset, frame, names, year, "share_ntm", points, loaded.official), 5)
        print(
            f"map compute per rerun (no page cache), communes {'shown' if points else 'hidden'}: "
            f"{seconds:.3f} s (budget {RERUN_BUDGET_S} s) -> {'OK' if seconds < RERUN_BUDGET_S else 'OVER'}"
        )
    seconds = apptest_rerun(path)
    print(
        f"whole app rerun on the map page in AppTest (these boundaries, caches warm): {seconds:.3f} s "
        f"-> {'OK' if seconds < RERUN_BUDGET_S else 'OVER'}"
    )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else OFFICIAL)
