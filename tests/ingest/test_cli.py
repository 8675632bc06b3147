"""The command line shares the validator: batch import, dry run, versions, activate."""

import subprocess
import sys

from import_fixtures import valid_csv, valid_xlsx

from ntm.__main__ import main
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


def test_dry_run_stores_nothing(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'ntm.sqlite'}"
    path = tmp_path / "a.xlsx"
    path.write_bytes(valid_xlsx())
    assert main(["--database", url, "import", str(path), "--dry-run"]) == 0
    assert "chạy thử, không lưu" in capsys.readouterr().out
    assert list_versions(connect(url)) == []


def test_module_entry_point_and_template(tmp_path):
    out = tmp_path / "mau.xlsx"
    result = subprocess.run(
        [sys.executable, "-m", "ntm", "template", str(out), "--year", "2024"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0 and out.read_bytes().startswith(b"PK")
