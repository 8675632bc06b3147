"""The map page's files describe themselves (issue 15, point 1): the map's data as a table under
readable headers, one row per unit and year the map holds, with the class the legend shows."""

import pandas as pd
import pytest

from ntm.reports.metadata import DataVersion, describe
from ntm.reports.tables import download_frame, to_csv_bytes
from ntm.views import map as map_view


@pytest.fixture(scope="module")
def names(demo):
    from ntm.registry import districts

    table = districts(demo.registry)
    return dict(zip(table["district_code"], table["district_short"]))


def table_of(demo, names, level, metric, year, lang="vi"):
    codes = list(map_view.commune_names()) if level == "commune" else list(names)
    values = map_view.level_values(demo, level, metric)
    breaks = map_view.class_breaks(demo, metric, "02", level, values, year=year)
    layer = map_view.layer_data(
        demo, level, metric, "02", lang, breaks, codes, names, values, years=map_view.map_years(demo, year)
    )
    return map_view.download_table(layer, values, breaks, metric, lang, names), layer, breaks


def test_commune_map_data_every_unit_and_year_with_its_class(demo, names):
    table, layer, breaks = table_of(demo, names, "commune", "share_ntm", 2025)
    assert len(table) == 65 * len(layer["years"]) and set(table["year"]) == set(range(2015, 2026))
    wards = table[table["code"].isin(map_view.wards())]
    assert len(wards) == 4 * len(layer["years"]) and set(wards["class_label"]) == {"Không thuộc diện đánh giá NTM"}
    assert wards["value"].isna().all()
    row = table[(table["year"] == 2025) & (table["name"] == "Xã Khánh Khê")].iloc[0]
    expected = layer["data"]["2025"][row["code"]]
    assert row["value_text"] == expected[1]
    assert row["class_label"] == map_view.class_labels(breaks, "share_ntm", "vi")[expected[0]]
    assert 0 <= row["met"] <= row["communes"]
    names_2025 = table.loc[table["year"] == 2025, "name"].tolist()
    assert names_2025.index("Xã Bắc Sơn") < names_2025.index("Xã Bình Gia")  # Vietnamese order, not code points
    shown = download_frame(table, "vi")
    assert list(shown.columns) == [
        "Năm", "Mã", "Tên", "Huyện cũ", "Giá trị", "Giá trị (như hiển thị)", "Khoảng giá trị", "Số xã đạt", "Số xã",
    ]  # fmt: skip


def test_former_district_map_of_2026_holds_only_its_phase(demo, names):
    table, layer, _ = table_of(demo, names, "district", "avg_criteria", 2026, "en")
    assert layer["years"] == [2026] and set(table["year"]) == {2026}
    assert "met" not in table.columns  # an average counts criteria, not communes
    city = table[table["code"] == "178"].iloc[0]  # Lạng Sơn city: only wards from July 2025
    assert city["class_label"] == "No data" and pd.isna(city["communes"])
    assert list(download_frame(table, "en").columns)[:3] == ["Year", "Code", "Name"]


def test_map_csv_opens_with_its_record(demo, names):
    table, _, _ = table_of(demo, names, "commune", "share_ntm", 2025)
    meta = describe(
        "Số liệu bản đồ: Tỷ lệ xã đạt chuẩn (%), 2015–2025",
        "vi",
        DataVersion("demo", True),
        scope="Toàn tỉnh · năm 2015–2025",
        filters=[("Cấp hiển thị", "Xã mới (từ 1/7/2025)")],
    ).stamped()
    text = to_csv_bytes(download_frame(table, "vi"), meta).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "# Tiêu đề: Số liệu bản đồ: Tỷ lệ xã đạt chuẩn (%), 2015–2025"
    assert "# Bộ lọc: Cấp hiển thị: Xã mới (từ 1/7/2025)" in lines and "# Phiên bản dữ liệu: demo" in lines
    assert any(line.startswith("# Lưu ý: Số liệu cấp xã trong tệp này là dữ liệu minh họa") for line in lines)
    assert meta.file_stem == "ntm-lang-son-so-lieu-ban-do-ty-le-xa-dat-chuan-2015-2025"
