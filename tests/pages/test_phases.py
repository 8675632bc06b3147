"""Every page on each side of the 2025 reform (issue 13): 2025 on the old communes and the 19
criteria, by district; 2026 on the 61 new communes and the 10 criteria of 2026-2030, against the 2030
targets, by former district; the demo says it is illustrative on every page, the 2026 extension too."""

import json

import pyarrow as pa
import pytest
from apptest_helpers import assert_clean, nodes, run_app

from ntm.bench.dashboard import app_pages

PAGES = app_pages()


def texts(at, *kinds) -> str:
    return "\n".join(str(node.value) for kind in kinds for node in nodes(at, kind))


def specs(at) -> list:
    """The Vega-Lite charts of the page (their protos: Streamlit sends the data apart, as Arrow)."""
    return list(nodes(at, "vega_lite_chart"))


def rows(chart) -> list[dict]:
    """The data rows a chart draws: inline values of its spec, else its Arrow datasets."""
    data = json.loads(chart.proto.spec).get("data", {})
    if "values" in data:
        return data["values"]
    tables = [chart.proto.data] if chart.proto.data.data else []
    tables += [dataset.data for dataset in chart.proto.datasets]
    return [row for table in tables for row in pa.ipc.open_stream(table.data).read_all().to_pylist()]


@pytest.mark.parametrize("year", [2025, 2026])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_each_side_of_the_reform(page, year):
    at = run_app(page, year=year)
    assert_clean(at)
    notice = nodes(at, "warning")[0].value if page != "pages/import.py" else ""
    if page != "pages/import.py":
        assert "minh họa" in notice
        assert ("61 xã mới" in notice) == (year == 2026)


def test_sidebar_offers_the_criteria_and_levels_of_the_year():
    at = run_app(year=2025, criterion="15", levels=["model"])
    assert_clean(at)
    assert len(at.selectbox(key="criterion").options) == 19 and at.selectbox(key="criterion").value == "15"
    # the same choices in 2026 (a session or a link carrying them): 15 is no 2026-2030 criterion, model no level
    at = run_app(year=2026, criterion="15", levels=["model"])
    assert_clean(at)
    criterion = at.selectbox(key="criterion")
    assert len(criterion.options) == 10 and criterion.value == "02"
    assert criterion.options[6] == "07. Khoa học công nghệ và chuyển đổi số"
    assert at.multiselect(key="levels").options == ["Chưa đạt chuẩn", "Đạt chuẩn", "NTM hiện đại"]
    assert at.multiselect(key="levels").value == []
    assert "Từ 1/7/2025 không còn cấp huyện" in texts(at, "caption")


def test_overview_2026_new_communes_against_the_2030_targets():
    at = run_app(year=2026)
    assert_clean(at)
    assert at.title[0].value == "Tổng quan năm 2026"
    assert "Giai đoạn 2026-2030: bộ 10 tiêu chí mới" in texts(at, "info")
    assert "Toàn tỉnh: 61 xã" in [c.value for c in at.caption]
    assert "Đã báo cáo năm 2026: 61/61 xã. 4 phường không thuộc diện đánh giá NTM." in [c.value for c in at.caption]
    cards = {m.label: m.value for m in at.metric}
    assert cards == {"Tỷ lệ xã đạt chuẩn NTM (%)": "14,8 %", "Tỷ lệ xã NTM hiện đại (%)": "0,0 %"}
    shown = texts(at, "markdown", "caption")
    assert "9/61 xã (14,8 %)" in shown and "Mục tiêu quốc gia 2030: 65 % (40/61 xã)" in shown
    assert "Mục tiêu quốc gia 2030: 10 % (7/61 xã)" in shown
    assert "Kế hoạch 23/KH-UBND" in shown and "Tỷ lệ xã đạt chuẩn NTM (%) 2030: 80 %" in shown
    assert "nhịp 2022-2025 của các xã cũ" in shown and "Bình quân 6,4/10 tiêu chí/xã" in shown
    districts = at.dataframe[0].value
    assert districts.columns[0] == "Huyện cũ" and len(districts) == 11 and "Nâng cao" not in districts.columns
    assert districts["Số xã"].iloc[:-1].astype(int).sum() == 61  # 10 former districts, then the province row
    assert districts["Huyện cũ"].iloc[-1] == "Toàn tỉnh" and districts["Số xã"].iloc[-1] == "61"
    groups = at.dataframe[1].value
    assert groups["Nhóm xã"].tolist() == ["Nhóm 1", "Nhóm 2", "Nhóm 3"]
    bands = next(s for s in specs(at) if any("Đủ 10 tiêu chí" in str(r) for r in rows(s)))
    assert [r["label"] for r in rows(bands)] == ["Dưới 5 tiêu chí", "5-7 tiêu chí", "8-9 tiêu chí", "Đủ 10 tiêu chí"]


def test_overview_2025_is_todays_view_by_district():
    at = run_app(year=2025)
    assert_clean(at)
    assert "Giai đoạn 2021-2025: bộ 19 tiêu chí" in texts(at, "info")
    # 11 districts sorted by the share meeting the standard, then the province (issue 15.2)
    table = at.dataframe[0].value
    assert table.columns[0] == "Huyện / thành phố" and len(table) == 12 and table.iloc[-1, 0] == "Toàn tỉnh"
    shares = table["Tỷ lệ đạt chuẩn"].iloc[:-1].map(lambda s: float(s.replace(" %", "").replace(",", ".")))
    assert shares.tolist() == sorted(shares, reverse=True)
    assert "Mục tiêu 2025: 115/181 xã (63,5 %)" in texts(at, "markdown")


def test_progress_2026_charts_the_2030_targets_and_closes_out_2021_2025():
    at = run_app("pages/progress.py", year=2026)
    assert_clean(at)
    charts = specs(at)
    assert len(charts) == 2
    for spec in charts:
        data = rows(spec)
        assert {r["year"] for r in data if r["kind"] == "actual"} == {2026}  # never joined to 2025
        assert any(r["kind"] == "national" and r["year"] == 2030 for r in data)
        assert not any(r["kind"] == "target" for r in data)  # no provincial target for the new communes yet
    verdicts = texts(at, "markdown")
    assert "so với mục tiêu 65 % (cả nước)" in verdicts and "10 % (cả nước)" in verdicts
    assert "Mẫu số thay đổi: 181 là số xã năm 2021" in verdicts and "61 xã và 4 phường" in verdicts
    closing = at.dataframe[0].value.set_index("Chỉ tiêu")
    official = closing["Số liệu chính thức 6/2025"]
    assert official["Xã đạt chuẩn NTM"].startswith("106/175 xã (60,6 %) · vietnam.vn: Giữ tâm nông thôn mới")
    assert official["Xã NTM nâng cao"].startswith("28/175") and official["Xã NTM kiểu mẫu"].startswith("10/175")
    assert official["Bình quân tiêu chí/xã"].startswith("15,21")
    assert closing.loc["Xã đạt chuẩn NTM", "Mục tiêu 2025"] == "115/181 xã (63,5 %)"


def test_progress_2024_has_no_close_out_yet():
    at = run_app("pages/progress.py", year=2024)
    assert_clean(at)
    assert len(specs(at)) == 5 and not at.dataframe
    assert "Tổng kết" not in texts(at, "subheader")


def test_criteria_2026_reads_the_10_criteria_by_former_district():
    at = run_app("pages/criteria.py", year=2026, criterion="07")
    assert_clean(at)
    assert at.title[0].value == "Phân tích 10 tiêu chí năm 2026"
    heatmap, narrow, ranking, bands, trend = specs(at)  # the heatmap, then its layout for phones
    assert {r["criterion_id"] for r in rows(heatmap)} == {f"{i:02d}" for i in range(1, 11)}
    assert rows(narrow) == rows(heatmap)
    assert len({r["district_code"] for r in rows(heatmap)}) == 10
    assert rows(ranking)[0]["criterion"] == "07. Khoa học công nghệ và chuyển đổi số"
    assert {r["year"] for r in rows(bands)} == {2026} and {r["year"] for r in rows(trend)} == {2026}
    assert "Khó nhất: 07. Khoa học công nghệ và chuyển đổi số" in texts(at, "markdown")


def test_districts_2026_compares_former_districts_without_a_baseline_across_the_reform():
    at = run_app("pages/districts.py", year=2026)
    assert_clean(at)
    assert at.title[0].value == "So sánh theo huyện cũ năm 2026"
    assert "Chưa có năm gốc" in texts(at, "info")
    table = at.dataframe[0].value
    assert list(table.columns) == ["Hạng", "Huyện / thành phố", "2026"] and len(table) == 11
    options = at.selectbox(key="metric").options
    assert "Xã NTM nâng cao" not in options and "Xã dưới 10 tiêu chí" not in options and "Xã NTM hiện đại" in options
    (spec,) = specs(at)
    assert {r["year"] for r in rows(spec)} == {2026}


def test_a_link_to_2026_with_a_2025_comparison_metric_falls_back():
    at = run_app("pages/districts.py", year=2025)
    at.selectbox(key="metric").set_value("communes_below_10").run()
    assert_clean(at)
    at.session_state["year"] = 2026
    at.run()
    assert_clean(at)
    assert at.selectbox(key="metric").value == "share_ntm"


def test_the_criteria_page_says_what_each_criterion_of_the_year_asks():
    at = run_app("pages/criteria.py", year=2026)
    assert_clean(at)
    (meanings,) = [e for e in at.expander if e.label.startswith("Các tiêu chí của giai đoạn 2026-2030")]
    table = meanings.dataframe[0].value.set_index("Số")
    assert len(table) == 10 and "chuyển đổi số" in table.loc["07", "Yêu cầu (tóm tắt)"]
