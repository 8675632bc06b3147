"""Prints how long the import steps take on the whole demo dataset: `python -m ntm.bench.imports`."""

import tempfile
import time
from pathlib import Path

from ntm.dataset import load_dataset
from ntm.ingest.flow import commit, preview
from ntm.ingest.store import connect, load_active
from ntm.ingest.template import dataset_workbook
from ntm.paths import DEMO_DIR
from ntm.registry import load_registry


def timed(label: str, action):
    start = time.perf_counter()
    result = action()
    print(f"{label}: {time.perf_counter() - start:.2f} s")
    return result


def main() -> None:
    registry, dataset = load_registry(), load_dataset(DEMO_DIR)
    data = timed("write workbook (all years)", lambda: dataset_workbook(dataset.criteria, dataset.levels, registry))
    print(
        f"workbook: {len(data) / 1024:.0f} KB, {len(dataset.levels)} commune-years, "
        f"{len(dataset.criteria)} criteria rows"
    )
    with tempfile.TemporaryDirectory() as folder:
        engine = connect(f"sqlite:///{Path(folder) / 'bench.sqlite'}")
        result = timed("validate and preview", lambda: preview(engine, data, "all.xlsx", registry))
        timed("store as a version (SQLite)", lambda: commit(engine, result, data, "all.xlsx", "bench"))
        timed("load active version", lambda: load_active(engine))


if __name__ == "__main__":
    main()
