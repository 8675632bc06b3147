"""District reports as they really arrive (issue 14) and the phase of a year (issue 13 point 5): two-row
merged headers, synonyms, marks with blanks, plausibility, suggestions, the problems' Excel file, the
per-district preview and the 2026 template."""

import io
from datetime import date

import pytest
from import_fixtures import district_report, district_rows, new_commune_rows, valid_xlsx
from make_bad_files import CODE, LEVEL, NAME, csv_bytes, edited, valid_table, xlsx_bytes
from openpyxl import load_workbook

from ntm.__main__ import main
from ntm.ingest.flow import commit, district_changes, preview
from ntm.ingest.problems_excel import MESSAGE_HEADER, problems_workbook
from ntm.ingest.store import connect, load_active
from ntm.ingest.template import template_bytes
from ntm.ingest.validation import criterion_of_header, parse_level, parse_met, validate_upload


def unmet(rows) -> int:
    return sum(not met for row in rows for met in row["met"].values())


def test_a_two_row_merged_header_with_marks_reads_like_the_template(registry):
    rows = district_rows("Đình Lập", 2025)
    result = validate_upload(district_report(rows), "dinh_lap.xlsx", registry)
    assert result.ok, [p.describe() for p in result.errors]
    assert result.problems == []  # STT, Ghi chú and the title are ignored quietly
    assert result.notes == [
        f"Trang «Báo cáo»: ô trống được hiểu là Chưa đạt: {unmet(rows)} ô (các cột tiêu chí chỉ đánh dấu "
        "tiêu chí đạt, không ghi «Chưa đạt»)."
    ]
    template = validate_upload(
        district_report(rows, two_row=False, title=False, marks="", level_header="Mức đạt chuẩn"), "t.xlsx", registry
    )
    assert template.ok and template.notes == []
    assert result.criteria.equals(template.criteria) and result.levels.equals(template.levels)


@pytest.mark.parametrize("marks", ["x", "X", "\u2713", "Đạt", "1"])
def test_any_mark_of_the_vocabulary_with_blanks(registry, marks):
    result = validate_upload(district_report(district_rows("Đình Lập", 2025), marks=marks), "m.xlsx", registry)
    assert result.ok and len(result.levels) == 10


@pytest.mark.parametrize(
    "code, name, level",
    [
        ("Mã xã", "Tên xã", "Mức đạt chuẩn"),
        ("Mã ĐVHC", "Xã", "Mức công nhận"),
        ("MÃ", "ĐƠN VỊ", "Kết quả"),
        ("ma dvhc", "don vi", "muc cong nhan"),
    ],
)
def test_header_synonyms_accent_and_case_insensitive(registry, code, name, level):
    data = district_report(district_rows("Đình Lập", 2025), code_header=code, name_header=name, level_header=level)
    result = validate_upload(data, "s.xlsx", registry)
    assert result.ok, [p.describe() for p in result.errors]


def test_criteria_named_by_number_or_by_name(registry):
    table = valid_table()
    by_name = [c.split(". ", 1)[1] if c.startswith("TC") else c for c in table[0]]
    by_number = [f"Tiêu chí {int(c[2:4])}" if c.startswith("TC") else c for c in table[0]]
    for header in (by_name, by_number):
        result = validate_upload(csv_bytes([header] + table[1:]), "h.csv", registry)
        assert result.ok, [p.describe() for p in result.errors]
    assert criterion_of_header("1. Quy hoạch") == "01" and criterion_of_header("Giao thông") == "02"
    assert criterion_of_header("Hạ tầng kinh tế - xã hội") == "02" and criterion_of_header("STT") is None


def test_a_row_numbering_the_columns_is_not_taken_for_criteria(registry):
    table = valid_table()
    numbering = [f"({i})" for i in range(1, len(table[0]) + 1)]
    result = validate_upload(csv_bytes([table[0], numbering] + table[1:]), "n.csv", registry)
    assert result.ok and len(result.levels) == 6


def test_blank_in_a_file_writing_both_dat_and_chua_dat_is_an_error_once_per_cell(registry):
    result = validate_upload(csv_bytes(edited(valid_table(), 2, 6, "")), "b.csv", registry)
    [problem] = result.errors
    assert problem.row == 3 and problem.message.startswith("ô trống") and result.notes == []


def test_rows_without_any_result_are_skipped_and_said_once(registry, tmp_path):
    rows = district_rows("Đình Lập", 2025)
    empty = [dict(row, met=dict.fromkeys(row["met"], False), level=None) for row in rows[:3]]
    result = validate_upload(district_report(empty + rows[3:]), "e.xlsx", registry)
    assert result.ok and len(result.levels) == 7
    assert any("3 dòng chưa ghi kết quả" in note for note in result.notes)


@pytest.mark.parametrize(
    "text, expected",
    [("có", True), ("Có", True), ("co", None), ("Dat", None), ("đạt", True), ("chua dat", None), ("Chưa đạt", False)],
)
def test_no_silent_guess_without_diacritics(text, expected):
    assert parse_met(text) is expected


def test_levels_read_only_as_written():
    assert parse_level("Đạt chuẩn NTM") == "standard" and parse_level("dat chuan") is None
    assert parse_level("NTM hiện đại (thí điểm)") == "modern"


def test_a_year_after_today_is_refused_and_this_year_accepted(registry):
    table = edited(valid_table(), 1, 3, "2026")
    assert validate_upload(csv_bytes(table), "y.csv", registry, today=date(2025, 12, 31)).errors[0].message == (
        "năm 2026 sau năm hiện tại (2025): chưa thể có kết quả đánh giá."
    )


def test_unknown_commune_suggestions_come_from_the_rows_district(registry):
    table = edited(edited(edited(valid_table(), 1, CODE, ""), 1, NAME, "Bắc Xaa"), 1, 2, "Đình Lập")
    [problem] = validate_upload(csv_bytes(table), "u.csv", registry).errors
    assert problem.suggestion.startswith("có phải là «Xã Bắc Xa» (Huyện Đình Lập, mã 06619)")
    assert "Bình Gia" not in problem.suggestion


def test_2026_reports_use_the_new_communes_and_the_10_criteria(registry):
    rows = new_commune_rows("Đình Lập", 2026)
    result = validate_upload(district_report(rows), "2026.xlsx", registry, today=date(2026, 12, 4))
    assert result.ok, [p.describe() for p in result.errors]
    assert set(result.criteria["criterion_id"]) == {f"{i:02d}" for i in range(1, 11)}
    assert len(result.levels) == len(rows) == 4


def test_template_2026_has_the_10_criteria_and_the_61_communes_without_wards(registry):
    book = load_workbook(io.BytesIO(template_bytes(registry, 2026)))
    sheet = book["Số liệu"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["Mã xã", "Tên xã", "Huyện (cũ)", "Năm"] and len(header) == 4 + 10 + 2
    assert header[4] == "TC01. Quy hoạch" and header[13].startswith("TC10. Tiếp cận pháp luật")
    names = [row[1].value for row in sheet.iter_rows(min_row=2)]
    assert len(names) == 61 and "Đông Kinh" not in names and "Kỳ Lừa" not in names
    guide = " ".join(str(row[0].value or "") for row in book["Hướng dẫn"].iter_rows())
    assert "Không có 4 phường" in guide and "QĐ 51/2025/QĐ-TTg" in guide
    levels = {v.formula1 for v in sheet.data_validations.dataValidation}
    assert any("NTM hiện đại (thí điểm)" in f for f in levels) and not any("nâng cao" in f for f in levels)


def test_template_command_names_the_phase(tmp_path, capsys):
    out = tmp_path / "mau_2026.xlsx"
    assert main(["template", str(out), "--year", "2026"]) == 0
    assert "giai đoạn 2026-2030, 10 tiêu chí, 61 xã mới" in capsys.readouterr().out
    assert load_workbook(out)["Số liệu"].max_row == 62


def test_the_problems_workbook_puts_every_message_next_to_its_row(registry):
    table = edited(edited(valid_table(), 1, 4, "co"), 3, LEVEL, '=HYPERLINK("x")')
    table = table[:1] + table[1:] * 10  # duplicates: more rows of a kind than the page lists
    workbook = load_workbook(io.BytesIO(problems_workbook(csv_bytes(table), "p.csv", registry)))
    assert workbook.sheetnames == ["Tóm tắt", "p.csv"]
    summary = [[c.value for c in row] for row in workbook["Tóm tắt"].iter_rows()]
    assert summary[0] == ["Mức", "Số lượng", "Các dòng đầu", "Ví dụ", "Gợi ý"]
    counts = {row[3].split(": ", 1)[-1][:20]: row[1] for row in summary[1:]}
    assert sum(counts.values()) == 10 + 10 + 4 * 9  # the 4 sound communes written 10 times: 9 duplicates each
    rows = [[c.value for c in row] for row in workbook["p.csv"].iter_rows()]
    width = len(table[0])
    assert rows[0][:width] == table[0] and rows[0][width] == MESSAGE_HEADER
    assert rows[1][:4] == table[1][:4] and "[E (TC01. Quy hoạch)] giá trị «co» không phải là Đạt" in rows[1][width]
    assert rows[3][LEVEL] == '\'=HYPERLINK("x")'  # neutralised, never a formula
    assert rows[2][width] is None  # a sound row has no message


def test_an_import_keeps_other_districts_and_the_preview_says_so(tmp_path, registry):
    engine = connect(f"sqlite:///{tmp_path / 's.sqlite'}")
    first = valid_xlsx(6, 2025)
    commit(engine, preview(engine, first, "a.xlsx", registry), first, "a.xlsx", "t")
    rows = district_rows("Đình Lập", 2025)
    data = district_report(rows)
    result = preview(engine, data, "dl.xlsx", registry)
    table = district_changes(result.change, registry).set_index("district")
    assert table.loc["Huyện Đình Lập", ["added", "kept", "reported", "communes"]].tolist() == [10, 0, 10, 10]
    others = table.drop(index="Huyện Đình Lập")
    assert others["kept"].sum() == 6 and others["added"].sum() == 0
    commit(engine, result, data, "dl.xlsx", "t")
    again = district_changes(preview(engine, data, "dl.xlsx", registry).change, registry).set_index("district")
    assert again.loc["Huyện Đình Lập", ["added", "replaced", "identical"]].tolist() == [0, 0, 10]
    _, _, levels = load_active(engine)
    assert len(levels) == 16


def test_renamed_headers_need_a_mapping_and_the_mapping_reads_them(registry):
    table = valid_table()
    table[0] = [{CODE: "Số hiệu", NAME: "Địa bàn", LEVEL: "Danh hiệu"}.get(i, c) for i, c in enumerate(table[0])]
    data = xlsx_bytes({"Số liệu": table})
    result = validate_upload(data, "r.xlsx", registry)
    [need] = result.needs
    assert not result.ok and need.missing == ("code", "level") and need.sheet == "Số liệu"
    mapping = {need.fingerprint: {"code": CODE, "level": LEVEL}}
    mapped = validate_upload(data, "r.xlsx", registry, mapping=mapping)
    assert mapped.ok and mapped.needs == [] and len(mapped.levels) == 6


def test_ket_qua_is_the_level_in_the_wide_layout_and_the_result_in_the_long_one(registry):
    from make_bad_files import long_table

    long = long_table(valid_table())
    long[0] = ["Mã xã", "Năm", "Tiêu chí", "Kết quả", "Mức công nhận", "Năm công nhận"]
    result = validate_upload(csv_bytes(long), "long.csv", registry)
    assert result.ok and len(result.levels) == 6
    wide = valid_table()
    wide[0] = ["Kết quả" if h == "Mức đạt chuẩn" else h for h in wide[0]]
    assert validate_upload(csv_bytes(wide), "wide.csv", registry).ok


@pytest.mark.parametrize("codes", [[f"TC{i:02d}" for i in range(1, 20)], [str(i) for i in range(1, 20)]])
def test_a_two_row_header_in_csv_after_a_title_row(registry, codes):
    from make_bad_files import FIRST_TC

    table = valid_table()
    top = table[0][:FIRST_TC] + ["Các tiêu chí"] + [""] * 18 + table[0][LEVEL:]
    low = [""] * FIRST_TC + codes + ["", ""]
    result = validate_upload(csv_bytes([["BÁO CÁO NĂM 2024"], [], top, low] + table[1:]), "two.csv", registry)
    assert result.ok and result.problems == [] and len(result.levels) == 6
