"""Versioned storage, run against SQLite and a real PostgreSQL server (started by .ci/run)."""

import os
import signal
import subprocess
import sys

import pandas as pd
import pytest
from import_fixtures import valid_xlsx

from ntm.ingest.flow import commit, preview
from ntm.ingest.store import (
    StoreError,
    activate,
    active_version_id,
    connect,
    list_versions,
    load_active,
    metadata,
    store_exists,
)
from ntm.paths import ROOT


def store_file(engine, data, name, registry, user="test"):
    result = preview(engine, data, name, registry)
    assert result.ok, [p.describe() for p in result.validation.errors][:3]
    return commit(engine, result, data, name, user)


def test_first_import_becomes_the_active_version(store_url, registry):
    engine = connect(store_url)
    assert active_version_id(engine) is None and load_active(engine) is None
    data = valid_xlsx()
    version = store_file(engine, data, "a.xlsx", registry, user="chi.lan")
    [row] = list_versions(engine)
    assert (row.id, row.active, row.created_by, row.filename, row.rows_total, row.added) == (
        version,
        True,
        "chi.lan",
        "a.xlsx",
        6,
        6,
    )
    import hashlib

    assert row.file_sha256 == hashlib.sha256(data).hexdigest()
    _, criteria, levels = load_active(engine)
    assert len(criteria) == 6 * 19 and len(levels) == 6 and criteria["met"].dtype == bool


def test_reimport_replaces_commune_years_and_earlier_version_can_be_reactivated(store_url, registry):
    engine = connect(store_url)
    first = store_file(engine, valid_xlsx(6, 2024), "2024.xlsx", registry)
    second = store_file(engine, valid_xlsx(10, 2024), "2024b.xlsx", registry)
    third = store_file(engine, valid_xlsx(3, 2025), "2025.xlsx", registry)
    rows = {v.id: v for v in list_versions(engine)}
    assert (rows[second].added, rows[second].replaced, rows[second].rows_total) == (4, 6, 10)
    assert (rows[third].added, rows[third].replaced, rows[third].rows_total) == (3, 0, 13)
    activate(engine, first)
    _, _, levels = load_active(engine)
    assert len(levels) == 6 and active_version_id(engine) == first
    with pytest.raises(StoreError, match="Không có phiên bản số 99"):
        activate(engine, 99)
    assert active_version_id(engine) == first


def test_failure_midway_leaves_previous_version_intact(store_url, registry, demo):
    engine = connect(store_url)
    first = store_file(engine, valid_xlsx(), "a.xlsx", registry)
    before = load_active(engine)
    from ntm.ingest.template import dataset_workbook

    big = dataset_workbook(
        demo.criteria[demo.criteria["year"] >= 2023], demo.levels[demo.levels["year"] >= 2023], registry
    )
    result = preview(engine, big, "big.xlsx", registry)

    def fail(done, total):
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        commit(engine, result, big, "big.xlsx", "test", on_progress=fail)
    after = load_active(engine)
    assert after[0] == first and [v.id for v in list_versions(engine)] == [first]
    pd.testing.assert_frame_equal(before[1], after[1])


KILLED_IMPORT = """
import sys, time
from ntm.ingest.flow import commit, preview
from ntm.registry import load_registry
from ntm.ingest.store import connect
url, path = sys.argv[1], sys.argv[2]
engine = connect(url)
data = open(path, 'rb').read()
result = preview(engine, data, 'big.xlsx', load_registry())
def pause(done, total):
    print('MIDWAY', done, total, flush=True)
    time.sleep(600)
commit(engine, result, data, 'big.xlsx', 'killed', on_progress=pause)
"""


def test_killed_import_process_leaves_previous_data_intact(store_url, registry, demo, tmp_path):
    engine = connect(store_url)
    first = store_file(engine, valid_xlsx(), "a.xlsx", registry)
    before = load_active(engine)
    from ntm.ingest.template import dataset_workbook

    path = tmp_path / "big.xlsx"
    path.write_bytes(
        dataset_workbook(
            demo.criteria[demo.criteria["year"] >= 2022], demo.levels[demo.levels["year"] >= 2022], registry
        )
    )
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_IMPORT, store_url, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    line = process.stdout.readline()
    assert line.startswith("MIDWAY"), line
    done, total = map(int, line.split()[1:])
    assert done < total  # killed with rows of the new version written but not committed
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    engine.dispose()
    engine = connect(store_url)
    after = load_active(engine)
    assert after[0] == first and [v.id for v in list_versions(engine)] == [first]
    pd.testing.assert_frame_equal(before[1], after[1])
    pd.testing.assert_frame_equal(before[2], after[2])
    assert store_file(engine, valid_xlsx(8), "again.xlsx", registry) != first


def test_store_exists_is_false_for_a_sqlite_file_not_yet_created(tmp_path):
    url = f"sqlite:///{tmp_path / 'none.sqlite'}"
    assert not store_exists(url)
    connect(url)
    assert store_exists(url)
    assert {"ntm_versions", "ntm_active", "ntm_criteria", "ntm_levels"} <= set(metadata.tables)
