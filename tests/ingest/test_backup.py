"""Nothing lost: backup and restore round trips (SQLite backup API, pg_dump/pg_restore), the refusal to
restore over a store with data, and the hand-over export with its manifest."""

import csv
import hashlib
import io
import json
import shutil
import subprocess

import pandas as pd
import pytest
from import_fixtures import valid_xlsx
from sqlalchemy import text

from ntm.__main__ import main
from ntm.ingest.backup import export_all
from ntm.ingest.flow import commit, preview
from ntm.ingest.store import activate, connect, list_audit, list_versions, load_version, metadata, record


def fill(url, registry) -> None:
    """Three versions (2024, a re-import replacing some commune-years, 2025), a rollback, a login."""
    engine = connect(url)
    for communes, year, name, user in [
        (6, 2024, "a.xlsx", "chi.lan"),
        (9, 2024, "b.xlsx", "anh.tu"),
        (4, 2025, "c.csv", "chi.lan"),
    ]:
        data = valid_xlsx(communes, year)
        commit(engine, preview(engine, data, name, registry), data, name, user)
    activate(engine, 2, user="anh.tu")
    record(engine, "anh.tu", "login", detail="IP 10.0.0.7")
    engine.dispose()


def snapshot(url) -> dict:
    """Everything the store holds: versions with their metadata and rows, the active one, the audit log."""
    engine = connect(url, create=False)
    try:
        versions = list_versions(engine)
        return {
            "versions": [
                (v.id, v.active, v.created_at, v.created_by, v.filename, v.file_sha256, v.rows_file)
                + (v.rows_total, v.added, v.replaced)
                for v in versions
            ],
            "rows": {v.id: load_version(engine, v.id) for v in versions},
            "audit": [(e.id, e.at, e.actor, e.action, e.version_id, e.detail) for e in reversed(list_audit(engine))],
        }
    finally:
        engine.dispose()


def assert_same(before: dict, after: dict, restored: bool = True) -> None:
    """Same versions and rows; the same audit log, plus the restore's own entry at the end if `restored`."""
    assert after["versions"] == before["versions"]
    assert after["rows"].keys() == before["rows"].keys()
    for version_id, (criteria, levels) in before["rows"].items():
        pd.testing.assert_frame_equal(after["rows"][version_id][0], criteria)
        pd.testing.assert_frame_equal(after["rows"][version_id][1], levels)
    assert after["audit"][: len(before["audit"])] == before["audit"]
    added = after["audit"][len(before["audit"]) :]
    if restored:
        [restore] = added
        assert restore[3] == "restore" and "phiên bản" in restore[5]
    else:
        assert added == []


def wipe(url) -> None:
    """The disaster: every table of the store dropped."""
    engine = connect(url)
    metadata.drop_all(engine)
    engine.dispose()


def test_backup_and_restore_round_trip(store_url, registry, tmp_path, capsys):
    if store_url.startswith("postgresql") and shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed (postgresql-client)")
    fill(store_url, registry)
    before = snapshot(store_url)
    assert len(before["versions"]) == 3
    assert [entry[3] for entry in before["audit"]] == ["import", "import", "import", "rollback", "login"]
    backup_file = tmp_path / "sao_luu" / "ntm.backup"
    assert main(["--database", store_url, "backup", str(backup_file)]) == 0
    assert "Đã sao lưu" in capsys.readouterr().out
    assert main(["--database", store_url, "backup", str(backup_file)]) == 1  # never overwrites a backup
    assert "đã có" in capsys.readouterr().err

    # Restoring over a store that holds data is refused, in Vietnamese, and changes nothing.
    assert main(["--database", store_url, "restore", str(backup_file)]) == 1
    err = capsys.readouterr().err
    assert "đã có dữ liệu" in err and "--force" in err and "Traceback" not in err
    assert_same(before, snapshot(store_url), restored=False)

    # The disaster, then the restore: every version back, rows and metadata.
    wipe(store_url)
    assert main(["--database", store_url, "restore", str(backup_file)]) == 0
    assert "Đã khôi phục" in capsys.readouterr().out
    assert_same(before, snapshot(store_url))


def test_forced_restore_keeps_the_replaced_store(store_url, registry, tmp_path, capsys):
    if store_url.startswith("postgresql") and shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed (postgresql-client)")
    fill(store_url, registry)
    before = snapshot(store_url)
    backup_file = tmp_path / "ntm.backup"
    assert main(["--database", store_url, "backup", str(backup_file)]) == 0
    engine = connect(store_url)
    data = valid_xlsx(12, 2025)
    commit(engine, preview(engine, data, "later.xlsx", registry), data, "later.xlsx", "later")
    engine.dispose()
    changed = snapshot(store_url)
    assert main(["--database", store_url, "restore", str(backup_file), "--force"]) == 0
    out = capsys.readouterr().out
    assert "Kho trước khi khôi phục được giữ tại" in out
    assert_same(before, snapshot(store_url))
    saved = out.split("được giữ tại ")[1].strip().rstrip(".")
    # the store as it was before the forced restore can itself be restored: nothing is lost
    assert main(["--database", store_url, "restore", saved, "--force"]) == 0
    assert_same(changed, snapshot(store_url))


def test_restore_into_a_new_sqlite_store_and_refusals(tmp_path, registry, capsys):
    url = f"sqlite:///{tmp_path / 'ntm.sqlite'}"
    fill(url, registry)
    backup_file = tmp_path / "b.sqlite"
    assert main(["--database", url, "backup", str(backup_file)]) == 0
    other = f"sqlite:///{tmp_path / 'moi' / 'ntm.sqlite'}"
    assert main(["--database", other, "restore", str(backup_file)]) == 0
    assert_same(snapshot(url), snapshot(other))
    capsys.readouterr()
    not_a_backup = tmp_path / "x.xlsx"
    not_a_backup.write_bytes(valid_xlsx())
    assert main(["--database", other, "restore", str(not_a_backup), "--force"]) == 1
    assert "không phải bản sao lưu" in capsys.readouterr().err
    postgres = "postgresql+psycopg://ntm:ntm@127.0.0.1:1/ntm"
    assert main(["--database", postgres, "restore", str(backup_file)]) == 1
    assert "là bản sao lưu sqlite, còn kho dữ liệu là postgresql" in capsys.readouterr().err


def test_damaged_store_is_moved_aside_by_a_forced_restore_only(tmp_path, registry, capsys):
    url = f"sqlite:///{tmp_path / 'ntm.sqlite'}"
    fill(url, registry)
    before = snapshot(url)
    backup_file = tmp_path / "b.sqlite"
    assert main(["--database", url, "backup", str(backup_file)]) == 0
    store = tmp_path / "ntm.sqlite"
    damaged = store.read_bytes()[:5000]
    store.write_bytes(damaged)
    assert main(["--database", url, "restore", str(backup_file)]) == 1
    assert "cắt cụt" in capsys.readouterr().err and store.read_bytes() == damaged
    assert main(["--database", url, "restore", str(backup_file), "--force"]) == 0
    [aside] = [p for p in tmp_path.iterdir() if ".hong-" in p.name]
    assert aside.read_bytes() == damaged
    assert_same(before, snapshot(url))


def test_export_all_writes_every_version_and_the_manifest(store_url, registry, tmp_path, capsys):
    fill(store_url, registry)
    before = snapshot(store_url)
    folder = tmp_path / "ban_giao"
    assert main(["--database", store_url, "export-all", str(folder)]) == 0
    assert "Đã xuất 3 phiên bản" in capsys.readouterr().out
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO((folder / "manifest.csv").read_text(encoding="utf-8-sig"))))
    assert [int(r["version_id"]) for r in rows] == [v["version_id"] for v in manifest["versions"]] == [1, 2, 3]
    for (version_id, active, created_at, by, filename, sha, _rows_file, total, *_), entry, row in zip(
        sorted(before["versions"]), manifest["versions"], rows
    ):
        assert (entry["version_id"], entry["active"], entry["created_by"], entry["filename"]) == (
            version_id,
            active,
            by,
            filename,
        )
        assert entry["created_at"] == created_at.isoformat() == row["created_at"]
        assert entry["file_sha256"] == sha == row["file_sha256"] and entry["rows_total"] == total
        data = (folder / entry["csv_file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["csv_sha256"] == row["csv_sha256"]
        exported = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
        criteria, levels = before["rows"][version_id]
        assert len(exported) == len(criteria) == entry["criteria_rows"]
        assert exported["Mã xã"].nunique() <= len(levels)
        met = exported["Đạt"].eq("Đạt").to_numpy()
        expected = criteria.sort_values(["year", "commune_code", "criterion_id"])
        assert (met == expected["met"].to_numpy()).all()
        assert list(exported["Tiêu chí"]) == list(expected["criterion_id"])
    audit = pd.read_csv(folder / "nhat_ky.csv", encoding="utf-8-sig")
    assert list(audit["action"]) == [a[3] for a in before["audit"]]
    assert main(["--database", store_url, "export-all", str(folder)]) == 1  # never writes into a used folder
    assert "đã có tệp" in capsys.readouterr().err


def test_exported_version_can_be_imported_again(tmp_path, registry):
    url = f"sqlite:///{tmp_path / 'ntm.sqlite'}"
    fill(url, registry)
    folder = tmp_path / "ban_giao"
    export_all(folder, url)
    criteria, levels = load_version(connect(url, create=False), 3)
    other = connect(f"sqlite:///{tmp_path / 'khac.sqlite'}")
    data = (folder / "phien_ban_0003.csv").read_bytes()
    result = preview(other, data, "phien_ban_0003.csv", registry)
    assert result.ok, [p.describe() for p in result.validation.errors][:3]
    commit(other, result, data, "phien_ban_0003.csv", "test")
    again_criteria, again_levels = load_version(other, 1)
    pd.testing.assert_frame_equal(again_criteria, criteria)
    pd.testing.assert_frame_equal(again_levels, levels)


@pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)
def test_pg_backup_holds_only_the_store_tables_and_restores_into_its_schema(store_url, registry, tmp_path, capsys):
    if shutil.which("pg_restore") is None:
        pytest.skip("pg_restore is not installed (postgresql-client)")
    fill(store_url, registry)
    engine = connect(store_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE other_app (x int)"))
    engine.dispose()
    backup_file = tmp_path / "ntm.dump"
    assert main(["--database", store_url, "backup", str(backup_file)]) == 0
    assert backup_file.read_bytes().startswith(b"PGDMP")
    listing = subprocess.run(["pg_restore", "--list", str(backup_file)], capture_output=True, text=True).stdout
    entries = [line.split() for line in listing.splitlines() if not line.startswith(";")]
    tables = {parts[parts.index("TABLE") + 2] for parts in entries if "TABLE" in parts and "DATA" not in parts}
    assert tables == set(metadata.tables)
    schema = store_url.rsplit("%3D", 1)[1]
    other = store_url.replace(schema, "public")
    assert main(["--database", other, "restore", str(backup_file), "--force"]) == 1
    assert f"lược đồ «{schema}»" in capsys.readouterr().err
