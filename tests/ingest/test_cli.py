"""The command line shares the validator: batch import, dry run, versions, activate."""

import sqlite3
import subprocess
import sys

from import_fixtures import valid_csv, valid_xlsx

from ntm.__main__ import main
from ntm.ingest.read import MAX_BYTES
from ntm.ingest.store import active_version_id, connect, list_versions
from ntm.paths import ROOT


def test_batch_import_versions_and_activate(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'ntm.sqlite'}"
    files = [tmp_path / "cao_loc.xlsx", tmp_path / "loc_binh.csv"]
    files[0].write_bytes(valid_xlsx(4, 2024))
    files[1].write_bytes(valid_csv("utf-8-sig"))
    assert main(["--database", url, "import", *map(str, files), "--user", "vp.dieuphoi"]) == 0
    out = capsys.readouterr().out
    assert "4 xã-năm thêm mới, 0 xã-năm thay thế; đã lưu phiên bản 1" in out
    assert "2 xã-năm thêm mới, 4 xã-năm thay thế; đã lưu phiên bản 2" in out
    assert main(["--database", url, "versions"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("*    2") and "vp.dieuphoi" in lines[0] and "loc_binh.csv" in lines[0]
    assert main(["--database", url, "activate", "1"]) == 0
    assert active_version_id(connect(url)) == 1
    assert main(["--database", url, "activate", "7"]) == 1
    assert "Không có phiên bản số 7." in capsys.readouterr().err


def test_dry_run_creates_no_store(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'data' / 'ntm.sqlite'}"
    good, bad = tmp_path / "a.xlsx", tmp_path / "b.csv"
    good.write_bytes(valid_xlsx())
    bad.write_bytes(b"%PDF-1.4")
    assert main(["--database", url, "import", str(good), "--dry-run"]) == 0
    assert "6 xã-năm thêm mới, 0 xã-năm thay thế (chạy thử, không lưu)." in capsys.readouterr().out
    assert main(["--database", url, "import", str(bad), "--dry-run"]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xlsx", "b.csv"]


def test_dry_run_reads_an_existing_store_and_leaves_it_untouched(tmp_path, capsys):
    url, database = f"sqlite:///{tmp_path / 'ntm.sqlite'}", tmp_path / "ntm.sqlite"
    first, second = tmp_path / "four.xlsx", tmp_path / "six.xlsx"
    first.write_bytes(valid_xlsx(4, 2024))
    second.write_bytes(valid_xlsx(6, 2024))
    assert main(["--database", url, "import", str(first), "--user", "test"]) == 0
    before = database.read_bytes(), database.stat().st_mtime_ns, sorted(p.name for p in tmp_path.iterdir())
    capsys.readouterr()
    assert main(["--database", url, "import", str(second), "--dry-run"]) == 0
    assert "2 xã-năm thêm mới, 4 xã-năm thay thế (chạy thử, không lưu)." in capsys.readouterr().out
    assert (database.read_bytes(), database.stat().st_mtime_ns, sorted(p.name for p in tmp_path.iterdir())) == before
    assert [v.id for v in list_versions(connect(url))] == [1]


def test_dry_run_reports_a_damaged_store_as_an_import_would_and_leaves_it(tmp_path, capsys):
    database, path = tmp_path / "ntm.sqlite", tmp_path / "a.xlsx"
    database.touch()
    path.write_bytes(valid_xlsx())
    url = f"sqlite:///{database}"
    assert main(["--database", url, "import", str(path), "--dry-run"]) == 1
    dry = capsys.readouterr()
    assert main(["--database", url, "import", str(path)]) == 1
    assert dry.err == capsys.readouterr().err != "" and "Traceback" not in dry.err
    assert database.read_bytes() == b""


def test_dry_run_on_a_store_without_tables_creates_none(tmp_path, capsys):
    database, path = tmp_path / "ntm.sqlite", tmp_path / "a.xlsx"
    sqlite3.connect(database).close()
    with sqlite3.connect(database) as connection:
        connection.execute("create table other (a int)")
    before = database.read_bytes()
    path.write_bytes(valid_xlsx())
    assert main(["--database", f"sqlite:///{database}", "import", str(path), "--dry-run"]) == 0
    assert "6 xã-năm thêm mới, 0 xã-năm thay thế (chạy thử, không lưu)." in capsys.readouterr().out
    assert database.read_bytes() == before


def test_missing_or_oversized_file_is_reported_without_traceback(tmp_path, capsys):
    big = tmp_path / "lon.csv"
    big.write_bytes(b"a\n" * (MAX_BYTES // 2 + 1))
    url = f"sqlite:///{tmp_path / 'ntm.sqlite'}"
    assert main(["--database", url, "import", str(tmp_path / "khong_co.csv"), str(big), "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert f"LỖI không tìm thấy tệp.\n{tmp_path / 'khong_co.csv'}: không nhập." in out
    assert "LỖI tệp nặng 5.0 MB, vượt giới hạn 5 MB." in out
    assert "Traceback" not in out


def test_module_entry_point_and_template(tmp_path):
    out = tmp_path / "mau.xlsx"
    result = subprocess.run(
        [sys.executable, "-m", "ntm", "template", str(out), "--year", "2024"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0 and out.read_bytes().startswith(b"PK")
