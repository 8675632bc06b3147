"""Every page on both sides of the 2025 boundary (issue 13, point 7), asserting what differs: 2025 on
the 175 old communes, the 19 criteria and the districts; 2026 on the 61 new communes, the 10 criteria
of 2026-2030 and the former districts. tests/pages/test_phases.py holds the detailed checks of the
overview (2026), progress, criteria (2026) and districts (2026); this file the pairs, and the
header's data version line and the overview's summary of the year (issue 15, point 7)."""

import pytest
from apptest_helpers import assert_clean, nodes, run_app

from ntm.views.map import map_metrics

VERSION_LINE = "Dữ liệu minh họa · phiên bản demo · số liệu 2015–2026"


def captions(at) -> list[str]:
    return [str(node.value) for node in nodes(at, "caption")]


def markdown(at) -> str:
    return "\n".join(str(node.value) for node in nodes(at, "markdown"))


@pytest.fixture(scope="module", params=[2025, 2026])
def year(request):
    return request.param


def run(page, year, **state):
    at = run_app(page, year=year, **state)
    assert_clean(at)
    assert VERSION_LINE in captions(at)  # every page's header names the data and its version
    return at


def test_overview_opens_with_the_year_in_one_paragraph(year):
    at = run("pages/overview.py", year)
    summary = next(node.value for node in nodes(at, "markdown") if str(node.value).startswith(f"Năm {year}:"))
    if year == 2025:
        assert summary.startswith("Năm 2025: 106/175 xã đạt chuẩn NTM (60,6 %), bình quân 15,7/19 tiêu chí")
        assert "So với năm 2024" in summary and "Mục tiêu 2025:" in summary
        assert "Huyện có tỷ lệ xã đạt chuẩn tăng nhiều nhất:" in summary
    else:
        assert summary.startswith("Năm 2026: 9/61 xã đạt chuẩn NTM (14,8 %), bình quân 6,4/10 tiêu chí")
        assert "năm đầu của giai đoạn 2026-2030" in summary and "106/175 xã đạt chuẩn (60,6 %)" in summary
        assert "So với năm 2025" not in summary and "Theo huyện cũ" in summary


def test_overview_in_english_names_the_data_version():
    at = run_app("pages/overview.py", year=2026, lang="en")
    assert_clean(at)
    assert "Illustrative data · version demo · data 2015–2026" in captions(at)
    assert "2026 is the first year of the 2026-2030 phase" in markdown(at)


def test_map_offers_the_measures_and_files_of_the_years_set(year):
    at = run("pages/map.py", year)
    assert at.title[0].value == f"Bản đồ theo xã năm {year}"
    options = at.selectbox(key="map_metric").options
    assert len(options) == len(map_metrics(year))
    assert ("Số xã NTM nâng cao (xã)" in options) == (year == 2025)  # no advanced level in 2026-2030
    labels = [node.proto.label for node in nodes(at, "download_button")]
    assert labels == ["Tải ảnh bản đồ (PNG)", "Tải ảnh các năm (PNG)", "Tải số liệu bản đồ các năm (CSV)"]


def test_progress_closes_out_2021_2025_on_both_sides(year):
    at = run("pages/progress.py", year)
    closing = at.dataframe[0].value.set_index("Chỉ tiêu")
    assert closing.loc["Xã đạt chuẩn NTM", "Mục tiêu 2025"] == "115/181 xã (63,5 %)"
    notes = markdown(at)
    assert "Mẫu số thay đổi: 181 là số xã năm 2021" in notes
    assert ("65 % (cả nước)" in notes) == (year == 2026)


def test_criteria_reads_the_years_set(year):
    at = run("pages/criteria.py", year)
    n = 19 if year == 2025 else 10
    assert at.title[0].value == f"Phân tích {n} tiêu chí năm {year}"
    phase = "2021-2025" if year == 2025 else "2026-2030"
    (meanings,) = [e for e in at.expander if e.label.startswith(f"Các tiêu chí của giai đoạn {phase}")]
    assert len(meanings.dataframe[0].value) == n


def test_districts_compare_districts_then_former_districts(year):
    at = run("pages/districts.py", year)
    assert at.title[0].value == ("So sánh các huyện năm 2025" if year == 2025 else "So sánh theo huyện cũ năm 2026")
    assert ("Chưa có năm gốc" in "\n".join(str(n.value) for n in nodes(at, "info"))) == (year == 2026)


def test_commune_scorecard_of_the_years_units(year):
    at = run("pages/commune.py", year)
    options = at.selectbox(key="commune").options
    cards = {metric.label: metric.value for metric in at.metric}
    if year == 2025:
        assert len(options) > 100 and not any("huyện cũ" in o for o in options)
        assert cards["Số tiêu chí đạt"].endswith("/19") and "Thứ hạng trong huyện" in cards
    else:
        assert len(options) == 61 and all("huyện cũ" in o for o in options)
        assert cards["Số tiêu chí đạt"].endswith("/10") and "Thứ hạng trong huyện cũ" in cards


def test_glossary_opens_on_the_years_set(year):
    at = run("pages/glossary.py", year)
    first = at.tabs[0].label
    assert first == ("2021-2025 (19 tiêu chí)" if year == 2025 else "2026-2030 (10 tiêu chí)")


def test_a_stored_version_names_itself_and_its_import_date_under_the_title(tmp_path, monkeypatch, registry):
    from import_fixtures import valid_xlsx

    from ntm.ingest.flow import commit, preview
    from ntm.ingest.store import connect, list_versions
    from ntm.reports.metadata import format_date

    url = f"sqlite:///{tmp_path / 'ntm.sqlite'}"
    monkeypatch.setenv("NTM_DATABASE_URL", url)
    engine = connect(url)
    data = valid_xlsx(6, 2024)
    commit(engine, preview(engine, data, "a.xlsx", registry), data, "a.xlsx", "cli")
    (version,) = list_versions(engine)
    at = run_app(year=2024)
    assert_clean(at)
    line = f"Dữ liệu đã nhập · phiên bản v1 · cập nhật {format_date(version.created_at)} · số liệu 2024"
    assert line in captions(at) and VERSION_LINE not in captions(at)
    assert "Năm 2024 là năm đầu tiên có số liệu." in markdown(at)  # the store holds 2024 alone
