"""Table exports: CSV with a BOM, .xlsx with a frozen header and widths, no formula injection."""

import unicodedata
from datetime import UTC, datetime
from io import BytesIO, StringIO
from types import SimpleNamespace

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from ntm import metrics
from ntm.criteria import load_criteria
from ntm.i18n import t
from ntm.registry import districts
from ntm.reports import tables as exports
from ntm.reports.metadata import DataVersion, describe
from ntm.text import collation_key, name_collation_key


def names_of(registry):
    table = districts(registry)
    return dict(zip(table["district_code"], table["district_short"]))


def test_neutralise_prefixes_formula_text_and_leaves_numbers():
    assert exports.neutralise("=SUM(A1)") == "'=SUM(A1)"
    assert exports.neutralise("+84 123") == "'+84 123"
    assert exports.neutralise("-1+1") == "'-1+1"
    assert exports.neutralise("@cmd") == "'@cmd"
    assert exports.neutralise("Tràng Định") == "Tràng Định"
    assert exports.neutralise(-3) == -3
    assert exports.neutralise(-2.5) == -2.5


@pytest.mark.parametrize(
    "text",
    [" =SUM(A1)", "  +1", "\n=1+1", "\t@cmd", "\r-1", "\u3000=1", "＝SUM(A1)", "＋84", "－1", "＠cmd", " ＝1", "\n＠x"],
)
def test_neutralise_sees_a_formula_behind_blanks_and_in_full_width(text):
    assert exports.neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["Xã Tân Thành", "a=b", "x-1", "  Lộc Bình ", "", "   "])
def test_neutralise_leaves_ordinary_text(text):
    assert exports.neutralise(text) == text


SIGNS = ("=", "+", "-", "@", "＝", "＋", "－", "＠")


@given(st.text(min_size=1))
def test_no_neutralised_text_starts_a_formula(text):
    result = exports.neutralise(text)
    assert not result.lstrip().startswith(SIGNS) and not result.startswith(("\t", "\r", "\n"))
    assert result in (text, "'" + text)


@given(st.text(alphabet=" \t\r\n\u3000", max_size=4), st.sampled_from(SIGNS), st.text(max_size=8))
def test_blanks_before_a_sign_are_neutralised(blanks, sign, rest):
    assert exports.neutralise(blanks + sign + rest) == "'" + blanks + sign + rest


def test_exports_neutralise_blank_prefixed_and_full_width_formulas():
    frame = pd.DataFrame({"Tên": [" =1+1", "＝1+1", "\n@x", "Lộc Bình"]})
    back = pd.read_csv(StringIO(exports.to_csv_bytes(frame).decode("utf-8-sig")))
    assert list(back["Tên"]) == ["' =1+1", "'＝1+1", "'\n@x", "Lộc Bình"]
    ws = load_workbook(BytesIO(exports.to_xlsx_bytes(frame, "t"))).active
    assert [c.value for c in ws["A"][1:]] == ["' =1+1", "'＝1+1", "'\n@x", "Lộc Bình"]


def sample_frame():
    return pd.DataFrame({"Tên": ['=HYPERLINK("x")', "Lộc Bình", "-5 xã"], "Giá trị": [-1.5, 2.0, -7.0]})


def test_csv_has_bom_vietnamese_and_neutralised_cells():
    data = exports.to_csv_bytes(sample_frame())
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(StringIO(data.decode("utf-8-sig")))
    assert list(back.columns) == ["Tên", "Giá trị"]
    assert list(back["Tên"]) == ['\'=HYPERLINK("x")', "Lộc Bình", "'-5 xã"]
    assert list(back["Giá trị"]) == [-1.5, 2.0, -7.0]


def test_xlsx_header_frozen_widths_set_numbers_kept():
    book = load_workbook(BytesIO(exports.to_xlsx_bytes(sample_frame(), "Theo huyện")))
    ws = book.active
    assert ws.title == "Theo huyện"
    assert ws.freeze_panes == "A2"
    assert [c.value for c in ws[1]] == ["Tên", "Giá trị"]
    assert ws[1][0].font.bold
    assert ws["A2"].value == '\'=HYPERLINK("x")' and ws["A2"].data_type == "s"
    assert ws["B2"].value == -1.5 and ws["B2"].data_type == "n"
    assert ws.column_dimensions["A"].width == len('=HYPERLINK("x")') + 1 + 2
    assert ws.column_dimensions["B"].width == len("Giá trị") + 2


def test_district_export_matches_metrics(demo):
    selection = metrics.select(demo.commune_year, 2024)
    table = exports.district_export(selection, names_of(demo.registry), "vi")
    assert table.columns[0] == "Huyện / thành phố"
    assert "Tỷ lệ đạt chuẩn (%)" in table.columns
    assert table["Số xã"].sum() == len(selection)
    assert table["Xã đạt chuẩn"].sum() == metrics.summary(selection)["communes_ntm"]
    shares = table["Tỷ lệ đạt chuẩn (%)"].tolist()
    assert shares == sorted(shares, reverse=True)


def test_commune_and_criteria_exports(demo):
    names = names_of(demo.registry)
    selection = metrics.select(demo.commune_year, 2024, ["185"])
    communes = exports.commune_table(selection, demo.registry, names, "en")
    assert list(communes.columns) == [
        "Commune code",
        "Commune",
        "District",
        "Year",
        "Level",
        "Criteria met",
        "Criteria not met",
    ]
    assert len(communes) == len(selection) and set(communes["District"]) == {names["185"]}
    for row in communes.itertuples(index=False):
        missing = [m for m in row[6].split(", ") if m]
        assert len(missing) == 19 - row[5]
        code = row[0]
        unmet = demo.criteria[
            (demo.criteria["commune_code"] == code) & (demo.criteria["year"] == 2024) & ~demo.criteria["met"]
        ]
        assert missing == sorted(unmet["criterion_id"])
    criteria = exports.criteria_export(demo.criteria, selection, load_criteria(), "vi")
    assert len(criteria) == 19
    counts = metrics.criterion_counts(demo.criteria, selection).set_index("criterion_id")["met"]
    for row in criteria.itertuples(index=False):
        assert row[2] == counts[row[0]]
    assert criteria["Tỷ lệ xã đạt (%)"].is_monotonic_increasing


# --- self-describing downloads (issue 15) ---------------------------------------------------------

MADE = datetime(2026, 11, 23, 7, 5, tzinfo=UTC)
DEMO = DataVersion("demo", True)
STORED = DataVersion("v3", False, datetime(2026, 3, 11, 20, 30, tzinfo=UTC))


def record(lang="vi", version=DEMO, title="Kết quả nông thôn mới theo huyện"):
    return describe(title, lang, version, year=2025, districts=("189",), names={"189": "Đình Lập"}).stamped(MADE)


def test_vietnamese_collation_orders_names_as_a_reader_expects():
    names = ["Đình Lập", "Chi Lăng", "Bính Xá", "Cao Lộc", "Bắc Lãng"]
    assert sorted(names) != ["Bắc Lãng", "Bính Xá", "Cao Lộc", "Chi Lăng", "Đình Lập"]  # code points
    assert sorted(names, key=collation_key) == ["Bắc Lãng", "Bính Xá", "Cao Lộc", "Chi Lăng", "Đình Lập"]
    tones = ["bạ", "bá", "bã", "bả", "bà", "ba"]
    assert sorted(tones, key=collation_key) == ["ba", "bà", "bả", "bã", "bá", "bạ"]  # tones after letters
    letters = ["ư", "u", "ơ", "ô", "o", "ê", "e", "đ", "d", "â", "ă", "a"]
    assert sorted(letters, key=collation_key) == ["a", "ă", "â", "d", "đ", "e", "ê", "o", "ô", "ơ", "u", "ư"]
    assert sorted(["Bảo Lâm", "Bắc Sơn", "Ba Sơn"], key=collation_key) == ["Ba Sơn", "Bảo Lâm", "Bắc Sơn"]
    nfd = unicodedata.normalize("NFD", "Đình Lập")
    assert collation_key(nfd) == collation_key("Đình Lập") == collation_key("\u00d0ình  Lập")
    assert sorted(["Xã Bính Xá", "Thị trấn Bắc Lãng", None], key=name_collation_key) == [
        "Thị trấn Bắc Lãng",
        "Xã Bính Xá",
        None,
    ]


def test_commune_list_is_in_vietnamese_order(demo):
    names = names_of(demo.registry)
    selection = metrics.select(demo.commune_year, 2025, ["189"])
    communes = exports.commune_table(selection, demo.registry, names, "vi")
    shown = [name.removeprefix("Xã ").removeprefix("Thị trấn ") for name in communes["Xã"]]
    assert shown == sorted(shown, key=collation_key)
    assert shown.index("Bắc Lãng") < shown.index("Bính Xá") < shown.index("Đình Lập")


def map_frame():
    """The overview map's data as its PageChart holds it (internal column names)."""
    return pd.DataFrame(
        {
            "district_code": ["189", "180"],
            "value": [0.4, 0.157894],
            "count": [4, 3],
            "communes": [10, 19],
            "name": ["Đình Lập", "Tràng Định"],
            "value_text": ["40,0 %", "15,8 %"],
            "class_label": ["40 %–60 %", "0 %–20 %"],
        }
    )


def test_download_frames_get_headers_in_the_users_language():
    assert list(exports.download_frame(map_frame(), "vi").columns) == [
        "Mã huyện",
        "Giá trị",
        "Số lượng",
        "Số xã",
        "Tên",
        "Giá trị (như hiển thị)",
        "Khoảng giá trị",
    ]
    assert list(exports.download_frame(map_frame(), "en").columns) == [
        "District code",
        "Value",
        "Count",
        "Communes",
        "Name",
        "Value (as shown)",
        "Class",
    ]
    progress = pd.DataFrame({"kind": ["actual", "target"], "year": [2024, 2025], "value": [80.0, 85.0]})
    shown = exports.download_frame(progress, "vi")
    assert list(shown.columns) == ["Loại số liệu", "Năm", "Giá trị"]
    assert list(shown["Loại số liệu"]) == [t("series.actual", "vi"), t("series.target", "vi")]
    grid = pd.DataFrame({"year": [2025], "criterion_id": ["01"], "met": [True], "criterion": ["01. Quy hoạch"]})
    assert list(exports.download_frame(grid, "vi").columns) == ["Năm", "Mã tiêu chí", "Đạt", "Tiêu chí"]
    counts = pd.DataFrame({"criterion_id": ["01"], "met": [3], "communes": [4], "share": [0.75]})
    assert list(exports.download_frame(counts, "en").columns) == [
        "Criterion no.",
        "Communes meeting",
        "Communes",
        "Share meeting",
    ]
    already = pd.DataFrame({"Năm": [2025], "year": [2024]})  # two columns would share a header
    assert list(exports.download_frame(already, "vi").columns) == ["Năm", "Năm (year)"]


def test_every_page_chart_frame_goes_out_without_internal_names(demo):
    from ntm.views import commune, criteria, districts, overview
    from ntm.views.page_chart import page_inputs
    from ntm.views.progress import progress_charts

    inputs = page_inputs(demo.registry)
    chosen = ("189",)
    summary = metrics.summary(metrics.select(demo.commune_year, 2025, chosen))
    charts = list(overview.bar_charts(summary, 2025, "vi").values())
    charts += [chart for chart, _, _ in progress_charts(demo, inputs, 2025, chosen, "vi")]
    charts += list(criteria.criteria_charts(demo, inputs, 2025, chosen, "02", "vi").values())
    series = districts.district_series(demo.commune_year, "share_ntm", list(chosen))
    charts.append(districts.small_multiples_chart(series, demo, inputs, "share_ntm", "vi"))
    charts += list(commune.scorecard_charts(demo, inputs, "06646", "Xã Bắc Lãng", "vi").values())
    charts.append(SimpleNamespace(name="ban-do-huyen-2025", frame=map_frame()))
    internal = set(exports.HEADERS) | set(metrics.keys("table"))
    for chart in charts:
        shown = exports.download_frame(chart.frame, "vi")
        assert not internal & set(shown.columns), (chart.name, list(shown.columns))
        assert shown.columns.is_unique, chart.name


def test_csv_opens_with_the_record_then_the_table():
    text = exports.to_csv_bytes(exports.download_frame(map_frame(), "vi"), record()).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "# Tiêu đề: Kết quả nông thôn mới theo huyện"
    assert "# Phạm vi: Đình Lập" in lines and "# Năm: 2025" in lines and "# Nguồn: Dữ liệu minh họa" in lines
    assert "# Phiên bản dữ liệu: demo" in lines and "# Tạo tệp lúc: 23/11/2026 14:05 (giờ Việt Nam)" in lines
    assert any(line.startswith("# Lưu ý: Số liệu cấp xã trong tệp này là dữ liệu minh họa") for line in lines)
    back = pd.read_csv(StringIO(text), comment="#", dtype={"Mã huyện": str})
    assert list(back.columns)[:3] == ["Mã huyện", "Giá trị", "Số lượng"]
    assert list(back["Mã huyện"]) == ["189", "180"] and list(back["Giá trị"]) == [0.4, 0.157894]
    stored = exports.to_csv_bytes(map_frame(), record(version=STORED)).decode("utf-8-sig")
    assert "minh họa" not in stored and "# Nguồn: Dữ liệu đã nhập, phiên bản v3 ngày 12/03/2026" in stored


def test_xlsx_information_sheet_properties_and_number_formats(demo):
    names = names_of(demo.registry)
    selection = metrics.select(demo.commune_year, 2025, ["189"])
    table = exports.district_export(selection, names, "vi")
    book = load_workbook(BytesIO(exports.to_xlsx_bytes(table, "Theo huyện", record())))
    assert book.sheetnames == ["Theo huyện", "Thông tin"]
    ws = book["Theo huyện"]
    headers = [c.value for c in ws[1]]
    assert headers[:3] == ["Huyện / thành phố", "Số xã", "Xã đạt chuẩn"]
    assert "Tỷ lệ đạt chuẩn" in headers and "Tỷ lệ đạt chuẩn (%)" not in headers  # a share, shown as %
    row = {header: cell for header, cell in zip(headers, ws[2])}
    expected = metrics.district_table(selection).iloc[0]
    assert row["Số xã"].value == expected["communes"] and row["Số xã"].number_format == "#,##0"
    share = row["Tỷ lệ đạt chuẩn"]
    assert share.data_type == "n" and share.number_format == "0.0%"
    assert share.value == pytest.approx(round(100 * expected["share_ntm"], 1) / 100)
    assert row["BQ tiêu chí"].number_format == "#,##0.0" and row["BQ tiêu chí"].data_type == "n"
    info = dict(book["Thông tin"].iter_rows(min_row=2, values_only=True))
    assert [c.value for c in book["Thông tin"][1]] == ["Mục", "Nội dung"]
    assert info["Tiêu đề"] == "Kết quả nông thôn mới theo huyện" and info["Phạm vi"] == "Đình Lập"
    assert info["Năm"] == "2025" and info["Nguồn"] == "Dữ liệu minh họa" and info["Phiên bản dữ liệu"] == "demo"
    assert info["Lưu ý"].startswith("Số liệu cấp xã trong tệp này là dữ liệu minh họa")
    props = book.properties
    assert props.title == "Kết quả nông thôn mới theo huyện"
    assert props.creator == "NTM Lạng Sơn dashboard"
    assert props.subject.endswith("Đình Lập · năm 2025")
    assert props.created == datetime(2026, 11, 23, 7, 5)
    assert "Lạng Sơn" in props.keywords and "Nguồn: Dữ liệu minh họa" in props.description


def test_xlsx_in_english_and_of_a_stored_version():
    frame = exports.download_frame(
        pd.DataFrame({"year": [2025], "criterion_id": ["05"], "met": [1234], "communes": [2000], "share": [0.617]}),
        "en",
    )
    book = load_workbook(BytesIO(exports.to_xlsx_bytes(frame, "Criteria", record("en", STORED, "Criteria"))))
    assert book.sheetnames == ["Criteria", "Information"]
    ws = book["Criteria"]
    assert [c.value for c in ws[1]] == ["Year", "Criterion no.", "Communes meeting", "Communes", "Share meeting"]
    assert [c.number_format for c in ws[2]] == ["0", "General", "#,##0", "#,##0", "0.0%"]
    assert [c.value for c in ws[2]] == [2025, "05", 1234, 2000, 0.617]
    info = dict(book["Information"].iter_rows(min_row=2, values_only=True))
    assert info["Source"] == "Imported data, version v3 of 2026-03-12" and "Note" not in info
    assert "illustrative" not in book.properties.description
