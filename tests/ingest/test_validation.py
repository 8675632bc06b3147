import unicodedata

import pandas as pd
import pytest
from import_fixtures import valid_csv, valid_xlsx
from make_bad_files import CODE, DISTRICT, FIRST_TC, LEVEL, NAME, csv_bytes, edited, valid_table, xlsx_bytes

from ntm.ingest.template import dataset_workbook, template_bytes
from ntm.ingest.validation import criterion_of_header, parse_level, parse_met, validate_upload


def demo_tables(demo, year):
    return demo.criteria[demo.criteria["year"] == year], demo.levels[demo.levels["year"] == year]


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: precomposed base letters, combining tone marks."""
    out = b""
    for char in text:
        base, *marks = unicodedata.normalize("NFD", char)
        options = (
            [char]
            + [unicodedata.normalize("NFC", base + mark) + "".join(m for m in marks if m != mark) for mark in marks]
            + [base + "".join(marks)]
        )
        out += next(o.encode("cp1258") for o in options if all(c.encode("cp1258", "ignore") for c in o))
    return out


def test_template_export_round_trip_keeps_every_value(demo, registry):
    criteria, levels = demo_tables(demo, 2025)
    result = validate_upload(dataset_workbook(criteria, levels, registry), "2025.xlsx", registry)
    assert result.ok, [p.describe() for p in result.errors][:3]
    merged = result.criteria.merge(criteria, on=["commune_code", "year", "criterion_id"])
    assert len(merged) == len(criteria) and (merged["met_x"] == merged["met_y"]).all()
    back = result.levels.merge(levels, on=["commune_code", "year"])
    assert (back["level_x"] == back["level_y"]).all()


def test_template_has_dropdowns_and_instructions(registry):
    from io import BytesIO

    from openpyxl import load_workbook

    book = load_workbook(BytesIO(template_bytes(registry, 2025)))
    assert book.sheetnames == ["Số liệu", "Hướng dẫn"]
    sheet = book["Số liệu"]
    assert [c.value for c in sheet[1]][:4] == ["Mã xã", "Tên xã", "Huyện", "Năm"]
    lists = {v.formula1 for v in sheet.data_validations.dataValidation}
    assert '"Đạt,Chưa đạt"' in lists
    assert any("NTM nâng cao" in formula for formula in lists)
    assert sheet.max_row - 1 == int((registry["type"] == "Xã").sum()) - int(
        registry["valid_to"]
        .map(lambda d: d is not None and not pd.isna(d) and d.year < 2025)
        .where(registry["type"] == "Xã", False)
        .sum()
    )


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_csv_encodings_are_read(registry, encoding):
    result = validate_upload(valid_csv(encoding), "data.csv", registry)
    assert result.ok, [p.describe() for p in result.errors][:3]
    assert len(result.levels) == 6


def test_windows_1258_csv_is_read(registry):
    table = valid_table()
    text = csv_bytes(table).decode("utf-8")
    result = validate_upload(cp1258(text), "data.csv", registry)
    assert result.ok, [p.describe() for p in result.errors][:3]
    assert len(result.criteria) == 6 * 19


def test_long_layout_gives_the_same_tables_as_wide(registry):
    wide = validate_upload(valid_csv(), "wide.csv", registry)
    long = validate_upload(valid_csv(long=True), "long.csv", registry)
    assert long.ok
    pd.testing.assert_frame_equal(
        wide.criteria.sort_values(["commune_code", "criterion_id"], ignore_index=True),
        long.criteria.sort_values(["commune_code", "criterion_id"], ignore_index=True),
    )


def test_nfd_names_and_eth_look_alike_are_accepted(registry):
    table = valid_table()
    for i in range(1, len(table)):
        table[i][CODE] = ""
    table[1][NAME] = unicodedata.normalize("NFD", table[1][NAME])
    table[1][DISTRICT] = table[1][DISTRICT].replace("Đ", "\u00d0")
    table[2][FIRST_TC] = "\u00d0ạt"
    table[3][NAME] = table[3][NAME].replace("Đ", "\u00d0")
    result = validate_upload(csv_bytes(table), "nfd.csv", registry)
    assert result.ok, [p.describe() for p in result.errors][:3]


def test_codes_without_leading_zero_and_semicolon_csv(registry):
    table = [
        [cell.lstrip("0") if i and j == CODE else cell for j, cell in enumerate(row)]
        for i, row in enumerate(valid_table())
    ]
    data = "\n".join(";".join(row) for row in table).encode("utf-8")
    result = validate_upload(data, "excel_vn.csv", registry)
    assert result.ok and set(result.levels["commune_code"].str.len()) == {5}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Đạt", True),
        ("x", True),
        ("1", True),
        ("TRUE", True),
        ("có", True),
        ("Chưa đạt", False),
        ("0", False),
        ("FALSE", False),
        ("không", False),
        ("dat roi", None),
    ],
)
def test_met_spellings(text, expected):
    assert parse_met(text) is expected


def test_level_and_header_spellings():
    assert parse_level("NTM nâng cao") == "advanced" and parse_level("") == "none" and parse_level("giỏi") is None
    assert criterion_of_header("TC05. Trường học") == "05" and criterion_of_header("Tiêu chí 19") == "19"
    assert criterion_of_header("Năm") is None and criterion_of_header("TC20") is None


def test_standard_level_a_criterion_short_is_a_warning_not_an_error(registry):
    table = valid_table(communes=20)
    row = next(i for i, r in enumerate(table) if i and r[LEVEL] == "Đạt chuẩn NTM")
    result = validate_upload(csv_bytes(edited(table, row, FIRST_TC, "Chưa đạt")), "w.csv", registry)
    assert result.ok
    assert any("chỉ đạt 18/19 tiêu chí" in p.message and p.row == row + 1 for p in result.problems)


def test_advanced_level_without_every_criterion_is_an_error_with_its_row(registry):
    table = valid_table(communes=40)
    row = next(i for i, r in enumerate(table) if i and r[LEVEL] == "NTM nâng cao")
    result = validate_upload(csv_bytes(edited(table, row, FIRST_TC, "Chưa đạt")), "w.csv", registry)
    [problem] = result.errors
    assert problem.row == row + 1 and problem.column.startswith("X (Mức đạt chuẩn")
    assert "ghi mức «NTM nâng cao» nhưng chỉ đạt 18/19 tiêu chí" in problem.message


def test_hidden_and_empty_sheets_are_reported_and_visible_data_still_read(registry):
    table = valid_table()

    def hide(book):
        book["Cũ"].sheet_state = "hidden"

    data = xlsx_bytes({"Số liệu": table, "Cũ": table, "Trống": []}, hide)
    result = validate_upload(data, "three.xlsx", registry)
    assert result.ok and len(result.levels) == 6
    messages = {p.sheet: p.message for p in result.problems}
    assert "bị ẩn" in messages["Cũ"] and "trống" in messages["Trống"]


def test_xlsx_with_csv_extension_is_read_with_a_warning(registry):
    result = validate_upload(valid_xlsx(), "mislabelled.csv", registry)
    assert result.ok and "thực chất là Excel" in result.problems[0].message


def test_every_problem_names_sheet_row_and_column(registry):
    result = validate_upload(csv_bytes(edited(valid_table(), 3, FIRST_TC + 1, "?")), "one.csv", registry)
    [problem] = result.errors
    assert (problem.sheet, problem.row, problem.column) == ("one.csv", 4, "F (TC02. Giao thông)")
