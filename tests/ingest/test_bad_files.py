"""The bad-file corpus: each file gives its specific message and leaves the store unchanged."""

import pytest
from import_fixtures import valid_xlsx
from make_bad_files import SEVEN_FAULTS, build_cases, build_corpus

from ntm.__main__ import main
from ntm.ingest.read import KEEP_PER_KIND
from ntm.ingest.store import connect, list_versions, load_active

CASES = [name for name, _, _ in build_cases()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return {path.name: (path, expected) for path, expected in build_corpus(tmp_path_factory.mktemp("bad_files"))}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'ntm.sqlite'}"
    good = tmp_path_factory.mktemp("good") / "good.xlsx"
    good.write_bytes(valid_xlsx())
    assert main(["--database", url, "import", str(good), "--user", "test"]) == 0
    return url


def test_corpus_has_at_least_forty_distinct_files(corpus):
    assert len(corpus) >= 40 and len(set(CASES)) == len(CASES)


@pytest.mark.parametrize("name", CASES)
def test_bad_file_gives_its_message_and_leaves_store_unchanged(name, corpus, store, capsys):
    path, expected = corpus[name]
    engine = connect(store)
    versions_before, (active_before, criteria_before, _) = list_versions(engine), load_active(engine)
    assert main(["--database", store, "import", str(path), "--user", "test"]) == 1
    output = capsys.readouterr().out
    assert expected in output, output
    assert "LỖI" in output and "Traceback" not in output
    assert list_versions(engine) == versions_before
    active_after, criteria_after, _ = load_active(engine)
    assert active_after == active_before and criteria_after.equals(criteria_before)


def test_a_file_wrong_on_every_row_prints_its_first_rows_and_a_count(corpus, store, capsys):
    path, _ = corpus["every_row_wrong.csv"]
    assert main(["--database", store, "import", str(path), "--user", "test"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == KEEP_PER_KIND + 4
    assert lines[0].startswith("LỖI trang «every_row_wrong.csv», dòng 2, cột E (TC01. Quy hoạch): giá trị «?»")
    assert lines[-4].startswith("LỖI trang «every_row_wrong.csv»: và 37.900 lỗi cùng loại khác (từ dòng 7)")
    assert lines[-3] == "Tóm tắt: 38.000 lỗi, 0 cảnh báo, 1 loại:"
    assert lines[-2].startswith("  - 38.000 lỗi: giá trị «?» không phải là Đạt / Chưa đạt. (dòng 2, 3, 4, 5, 6, 7, 8")
    assert lines[-1] == f"{path}: không nhập (có 38.000 lỗi)."


def test_a_file_with_eight_faults_reports_every_one_at_once(corpus, store, capsys):
    path, _ = corpus["seven_faults.xlsx"]
    assert main(["--database", store, "import", str(path), "--user", "test"]) == 1
    output = capsys.readouterr().out
    for message in SEVEN_FAULTS:
        assert message in output, message
    assert "Tóm tắt: 8 lỗi, 0 cảnh báo, 8 loại:" in output
