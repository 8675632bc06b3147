"""Table exports: CSV with a BOM, .xlsx with a frozen header and widths, no formula injection."""

import unicodedata
from io import BytesIO, StringIO

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from ntm import metrics
from ntm.criteria import load_criteria
from ntm.registry import districts
from ntm.reports import tables as exports
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
