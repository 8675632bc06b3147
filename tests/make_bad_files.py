"""Builds the corpus of bad import files, each with the message it must produce.

Run `python tests/make_bad_files.py [DIR]` to write the files (default tests/bad_files/) with an
index `expected.csv`; the tests build the same corpus in a temporary folder through `build_corpus`.
"""

import csv
import functools
import io
import re
import struct
import sys
import zipfile
import zlib
from pathlib import Path

from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ntm.criteria import CRITERION_IDS, load_criteria  # noqa: E402
from ntm.dataset import load_dataset  # noqa: E402
from ntm.ingest.read import MAX_BYTES, MAX_ROWS  # noqa: E402
from ntm.ingest.template import headers, wide_rows  # noqa: E402
from ntm.paths import DEMO_DIR  # noqa: E402
from ntm.registry import load_registry  # noqa: E402

CODE, NAME, DISTRICT, YEAR = 0, 1, 2, 3
FIRST_TC = 4
LEVEL, RECOGNISED = FIRST_TC + len(CRITERION_IDS), FIRST_TC + len(CRITERION_IDS) + 1


@functools.cache
def demo():
    """(registry, the bundled demo dataset, illustrative), read once per test process: the tests and
    helpers only read them (a pytest-xdist worker may tear session fixtures down and set them up again)."""
    registry = load_registry()
    return registry, load_dataset(DEMO_DIR, registry=registry, illustrative=True)


@functools.cache
def _valid_table(communes: int, year: int) -> tuple[tuple[str, ...], ...]:
    registry, dataset = demo()
    levels = dataset.levels[dataset.levels["year"] == year].sort_values("commune_code").head(communes)
    criteria = dataset.criteria[
        dataset.criteria["commune_code"].isin(levels["commune_code"]) & (dataset.criteria["year"] == year)
    ]
    rows = [tuple("" if v is None else str(v) for v in row) for row in wide_rows(criteria, levels, registry)]
    return (tuple(headers(load_criteria())), *rows)


def valid_table(communes: int = 6, year: int = 2024) -> list[list[str]]:
    """Header and rows in the template layout, taken from the demo dataset (new lists each call: the
    cases change them)."""
    return [list(row) for row in _valid_table(communes, year)]


def long_table(table: list[list[str]]) -> list[list[str]]:
    out = [["Mã xã", "Năm", "Tiêu chí", "Đạt", "Mức đạt chuẩn", "Năm công nhận"]]
    for row in table[1:]:
        for offset, criterion in enumerate(CRITERION_IDS):
            out.append([row[CODE], row[YEAR], criterion, row[FIRST_TC + offset], row[LEVEL], row[RECOGNISED]])
    return out


def csv_bytes(table: list[list[str]], encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(table)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(sheets: dict[str, list[list]], setup=None) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, table in sheets.items():
        sheet = book.create_sheet(title)
        for row in table:
            sheet.append(row)
    if setup:
        setup(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


SHEET_PART = "xl/worksheets/sheet1.xml"


def with_part(xlsx: bytes, part: str, pieces) -> bytes:
    """`xlsx` with the archive member `part` replaced by the concatenation of `pieces`, written as it
    comes (a 60 MB member never sits in memory)."""
    source, buffer = zipfile.ZipFile(io.BytesIO(xlsx)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            if name != part:
                archive.writestr(name, source.read(name))
        with archive.open(part, "w", force_zip64=True) as member:
            for piece in pieces:
                member.write(piece)
    return buffer.getvalue()


def padded_sheet(xlsx: bytes, megabytes: int) -> bytes:
    """A zip bomb in miniature: the sheet keeps its cells, followed by `megabytes` MB of spaces (valid
    XML), so that without the archive checks the file would import."""
    sheet = zipfile.ZipFile(io.BytesIO(xlsx)).read(SHEET_PART)
    head, tail = sheet.split(b"</sheetData>")
    return with_part(xlsx, SHEET_PART, [head, *[b" " * (1 << 20)] * megabytes, b"</sheetData>", tail])


def declared_dimension(xlsx: bytes, ref: str) -> bytes:
    sheet = zipfile.ZipFile(io.BytesIO(xlsx)).read(SHEET_PART)
    return with_part(
        xlsx, SHEET_PART, [re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="{ref}"/>'.encode(), sheet)]
    )


def extra_rows(xlsx: bytes, numbers, dimension: str | None = None) -> bytes:
    """The sheet with a one-cell row appended for each row number (its dimension left as it was, or
    set to `dimension`: a sheet that lies about its size)."""
    sheet = zipfile.ZipFile(io.BytesIO(xlsx)).read(SHEET_PART)
    if dimension:
        sheet = re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="{dimension}"/>'.encode(), sheet)
    head, tail = sheet.split(b"</sheetData>")
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>1</v></c></row>' for n in numbers).encode()
    return with_part(xlsx, SHEET_PART, [head, rows, b"</sheetData>", tail])


def with_doctype(xlsx: bytes, part: str = SHEET_PART) -> bytes:
    """A part that declares entities ("billion laughs"); a parser that expanded them would need GBs."""
    body = zipfile.ZipFile(io.BytesIO(xlsx)).read(part).removeprefix(b'<?xml version="1.0" encoding="UTF-8"?>')
    laughs = '<!ENTITY l0 "ha">' + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    declaration = f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE worksheet [{laughs}]>\n'.encode()
    return with_part(xlsx, part, [declaration, body])


def png_bytes() -> bytes:
    """A real 1x1 white PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
        + chunk(b"IEND", b"")
    )


def all_rows_wrong(rows: int) -> list[list[str]]:
    """The template's header and `rows` rows in which every criterion cell is wrong."""
    table = valid_table()
    row = table[1][:FIRST_TC] + ["?"] * len(CRITERION_IDS) + table[1][LEVEL:]
    return [table[0]] + [row] * rows


def edited(table, row: int, column: int, value: str) -> list[list[str]]:
    copy = [list(r) for r in table]
    copy[row][column] = value
    return copy


def dropped_column(table, column: int) -> list[list[str]]:
    return [r[:column] + r[column + 1 :] for r in table]


def first_recognised_row(table) -> int:
    return next(i for i, row in enumerate(table) if i and row[RECOGNISED])


def first_unrecognised_row(table) -> int:
    return next(i for i, row in enumerate(table) if i and not row[RECOGNISED])


def other_level(label: str) -> str:
    return "NTM nâng cao" if label == "NTM kiểu mẫu" else "NTM kiểu mẫu"


def report_with(rows: list[dict], edit=None, **layout) -> bytes:
    """A district report (two-row merged header, x marks) with `edit(book)` applied to its workbook."""
    from import_fixtures import district_report
    from openpyxl import load_workbook

    data = district_report(rows, **layout)
    if edit is None:
        return data
    book = load_workbook(io.BytesIO(data))
    edit(book.active)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def changed_rows(rows: list[dict], index: int, **values) -> list[dict]:
    copy = [dict(row, met=dict(row["met"])) for row in rows]
    copy[index].update(values)
    return copy


def all_met(rows: list[dict], index: int, level: str) -> list[dict]:
    return changed_rows(rows, index, met=dict.fromkeys(rows[index]["met"], True), level=level)


REPORT_FIRST_ROW = 5  # a district report's first data row: title, blank line, two header rows
REPORT_FIRST_TC = 5  # its first criterion column (0-based): STT, code, name, district, year


def set_cell(row: int, column: int, value):
    """An edit writing `value` in a cell (row 1-based, column 0-based)."""

    def edit(sheet):
        sheet.cell(row, column + 1).value = value

    return edit


def clear_criterion_names(sheet) -> None:
    """The row under «Các tiêu chí» left empty: the group cell names no column."""
    for column in range(REPORT_FIRST_TC, REPORT_FIRST_TC + 19):
        sheet.cell(REPORT_FIRST_ROW - 1, column + 1).value = None


def seven_faults() -> bytes:
    """A district report with eight faults of seven kinds; every one must be reported at once."""
    from import_fixtures import district_rows

    rows = district_rows("Đình Lập", 2025)
    rows = changed_rows(rows, 0, code="", name="Bắc Xaa")  # unknown commune, in Đình Lập
    rows = changed_rows(rows, 2, year=2030)  # after the current year
    rows = all_met(rows, 3, "Chưa đạt chuẩn")  # 19/19 but not yet
    rows = changed_rows(rows, 4, level="NTM nâng cao", recognised=2024)  # advanced, criteria short
    rows = changed_rows(rows, 6, code=rows[5]["code"], name=rows[5]["name"])  # the same commune twice
    nearly = dict.fromkeys(rows[4]["met"], True)
    nearly["07"] = False
    rows[4]["met"] = nearly

    def edit(sheet):
        sheet.cell(REPORT_FIRST_ROW + 1, REPORT_FIRST_TC + 1).value = "co"  # not the vocabulary
        sheet.cell(REPORT_FIRST_ROW + 7, REPORT_FIRST_TC + 3).value = '=IF(1,"x","")'  # a formula
        sheet.merge_cells(start_row=REPORT_FIRST_ROW + 8, start_column=3, end_row=REPORT_FIRST_ROW + 9, end_column=3)

    return report_with(rows, edit)


SEVEN_FAULTS = (
    "không tìm thấy xã «Bắc Xaa» trong danh mục",
    "giá trị «co» không phải là Đạt / Chưa đạt",
    "năm 2030 sau năm hiện tại",
    "đạt đủ 19/19 tiêu chí nhưng ghi mức «Chưa đạt chuẩn»",
    "ghi mức «NTM nâng cao» nhưng chỉ đạt 18/19 tiêu chí",
    "bị ghi hai lần",
    "chứa công thức thay vì giá trị",
    "ô gộp C13:C14 trong phần dữ liệu",
)


def phase_cases() -> list[tuple[str, bytes, str]]:
    """Files whose year, criteria and units do not agree, and the plausibility checks (issue 14 point 4,
    issue 13 point 5)."""
    from import_fixtures import district_rows, new_commune_rows

    old, new = district_rows("Đình Lập", 2025), new_commune_rows("Đình Lập", 2026)
    as_2026 = [dict(row, year=2026) for row in old]
    as_2024 = [dict(row, year=2024) for row in new]
    advanced_2026 = all_met(new, 0, "NTM nâng cao")
    advanced_2026[0]["recognised"] = 2026
    ward = changed_rows(new, 0, code="05977", name="Đông Kinh")
    return [
        ("year_2026_with_19_criteria.xlsx", report_with(as_2026), "năm 2026 thuộc giai đoạn 2026-2030"),
        ("year_2024_with_10_criteria.xlsx", report_with(as_2024), "nhưng năm 2024 trước giai đoạn 2026-2030"),
        ("year_after_current.xlsx", report_with(changed_rows(old, 1, year=2030)), "năm 2030 sau năm hiện tại"),
        (
            "all_met_not_yet.xlsx",
            report_with(all_met(old, 0, "Chưa đạt chuẩn")),
            "đạt đủ 19/19 tiêu chí nhưng ghi mức «Chưa đạt chuẩn»",
        ),
        (
            "advanced_short.xlsx",
            report_with(changed_rows(old, 0, level="NTM nâng cao", recognised=2023)),
            "ghi mức «NTM nâng cao» nhưng chỉ đạt",
        ),
        (
            "co_without_accent.xlsx",
            report_with(old, set_cell(REPORT_FIRST_ROW, REPORT_FIRST_TC + 2, "co")),
            "có phải là «có»? Hệ thống không tự đoán",
        ),
        (
            "dat_without_accent.csv",
            csv_bytes(edited(valid_table(), 1, FIRST_TC, "Dat")),
            "chỉ nhận «Đạt», «x»",
        ),
        (
            "level_of_another_phase.xlsx",
            report_with(advanced_2026),
            "không có trong bộ tiêu chí giai đoạn 2026-2030",
        ),
        ("ward_2026.xlsx", report_with(ward), "«Phường Đông Kinh» là phường, không tham gia xét nông thôn mới"),
        (
            "unknown_commune_in_district.xlsx",
            report_with(changed_rows(old, 0, code="", name="Bắc Xaa")),
            "có phải là «Xã Bắc Xa» (Huyện Đình Lập, mã 06619)",
        ),
        (
            "blank_with_dat_and_chua_dat.xlsx",
            report_with(
                old, lambda sheet: setattr(sheet.cell(REPORT_FIRST_ROW, REPORT_FIRST_TC + 1), "value", None), marks=""
            ),
            "ô trống: chưa ghi kết quả tiêu chí",
        ),
        (
            "merged_data_cell.xlsx",
            report_with(old, lambda sheet: sheet.merge_cells("C6:C7")),
            "ô gộp C6:C7 trong phần dữ liệu",
        ),
        (
            "group_cell_without_names.xlsx",
            report_with(old, clear_criterion_names),
            "không tìm thấy cột tiêu chí nào",
        ),
        ("seven_faults.xlsx", seven_faults(), SEVEN_FAULTS[0]),
    ]


@functools.cache
def build_cases() -> list[tuple[str, bytes, str]]:
    """(file name, content, expected message fragment) for every bad file."""
    table = valid_table()
    long = long_table(table)
    good_xlsx = xlsx_bytes({"Số liệu": table})
    rec, unrec = first_recognised_row(table), first_unrecognised_row(table)

    def formula(book):
        book.active["E2"] = "=1+0"

    def merged(book):
        book.active.merge_cells("A1:B1")

    def hide(book):
        book["Số liệu"].sheet_state = "hidden"

    zip_buffer = io.BytesIO()
    with zipfile.ZipFile(zip_buffer, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    cases = [
        ("too_big.csv", csv_bytes(table) + b"\n" * (MAX_BYTES + 1), "vượt giới hạn"),
        ("empty.csv", b"", "tệp rỗng"),
        ("blank_lines.csv", b"\n\n  \n", "tệp rỗng"),
        ("old_excel.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "Excel 97-2003"),
        ("report.xlsx", b"%PDF-1.4\n%fake\n", "là tài liệu PDF, không phải bảng tính"),
        ("text_named.xlsx", csv_bytes(table), "đuôi .xlsx nhưng không phải là tệp Excel"),
        ("zip_not_excel.xlsx", zip_buffer.getvalue(), "tệp nén không phải là tệp Excel"),
        ("truncated.xlsx", good_xlsx[: len(good_xlsx) // 2], "bị hỏng"),
        ("spreadsheet.ods", good_xlsx, "không nhận loại tệp"),
        ("binary.csv", bytes(range(256)) * 4, "bảng mã"),
        ("utf16_broken.csv", b"\xff\xfe" + "Mã xã".encode("utf-16-le") + b"\x00", "bảng mã"),
        ("formula.xlsx", xlsx_bytes({"Số liệu": table}, formula), "chứa công thức"),
        ("merged_header.xlsx", xlsx_bytes({"Số liệu": table}, merged), "ô gộp A1:B1"),
        ("hidden_data.xlsx", xlsx_bytes({"Số liệu": table, "Trống": []}, hide), "không có dòng số liệu"),
        ("only_empty_sheet.xlsx", xlsx_bytes({"Trang 1": []}), "không có dòng số liệu"),
        ("header_only.csv", csv_bytes(table[:1]), "không có dòng số liệu"),
        (
            "no_commune_column.csv",
            csv_bytes(dropped_column(dropped_column(table, NAME), CODE)),
            "không tìm thấy cột «Mã xã» hoặc «Tên xã»",
        ),
        ("no_year_column.csv", csv_bytes(dropped_column(table, YEAR)), "thiếu cột «Năm»"),
        ("no_criteria.csv", csv_bytes([r[:FIRST_TC] + r[LEVEL:] for r in table]), "không tìm thấy cột tiêu chí"),
        ("missing_tc05.csv", csv_bytes(dropped_column(table, FIRST_TC + 4)), "thiếu cột tiêu chí 05"),
        (
            "no_level_column.csv",
            csv_bytes(dropped_column(dropped_column(table, RECOGNISED), LEVEL)),
            "thiếu cột «Mức đạt chuẩn»",
        ),
        ("duplicate_header.csv", csv_bytes([r + [r[YEAR]] for r in table]), "bị lặp"),
        (
            "unknown_code.csv",
            csv_bytes(edited(edited(table, 1, CODE, "99999"), 1, NAME, "")),
            "«99999» không có trong danh mục",
        ),
        (
            "name_typo.csv",
            csv_bytes(edited(edited(table, 1, CODE, ""), 1, NAME, "Hoàng Đồg")),
            "có phải là «Xã Hoàng Đồng»",
        ),
        ("code_name_mismatch.csv", csv_bytes(edited(table, 1, NAME, "Mai Pha")), "không phải «Mai Pha»"),
        (
            "wrong_district.csv",
            csv_bytes(edited(table, 1, DISTRICT, "Huyện Tràng Định")),
            "không thuộc «Huyện Tràng Định»",
        ),
        (
            "name_wrong_district.csv",
            csv_bytes(edited(edited(edited(table, 1, CODE, ""), 1, NAME, "Mai Pha"), 1, DISTRICT, "Cao Lộc")),
            "không thuộc «Huyện Cao Lộc»",
        ),
        (
            "ambiguous_name.csv",
            csv_bytes(edited(edited(edited(table, 1, CODE, ""), 1, NAME, "Chi Lăng"), 1, DISTRICT, "")),
            "có nhiều xã tên «Chi Lăng»",
        ),
        ("unknown_district.csv", csv_bytes(edited(table, 1, DISTRICT, "Huyện Đâu Đó")), "không nhận ra huyện"),
        (
            "ward.csv",
            csv_bytes(edited(edited(edited(table, 1, CODE, "05971"), 1, NAME, ""), 1, DISTRICT, "")),
            "không tham gia xét nông thôn mới",
        ),
        ("no_commune_in_row.csv", csv_bytes(edited(edited(table, 2, CODE, ""), 2, NAME, "")), "thiếu mã xã và tên xã"),
        ("duplicate_rows.csv", csv_bytes(table + [table[1]]), "bị ghi hai lần"),
        (
            "duplicate_across_sheets.xlsx",
            xlsx_bytes({"Huyện A": table, "Huyện B": [table[0], table[1]]}),
            "bị ghi hai lần",
        ),
        ("year_2099.csv", csv_bytes(edited(table, 1, YEAR, "2099")), "năm 2099 ngoài khoảng"),
        ("year_text.csv", csv_bytes(edited(table, 1, YEAR, "năm 2024")), "không phải là số năm"),
        (
            "met_unknown.csv",
            csv_bytes(edited(table, 1, FIRST_TC, "hoàn thành một phần")),
            "không phải là Đạt / Chưa đạt",
        ),
        ("met_typo.csv", csv_bytes(edited(table, 1, FIRST_TC, "Đatt")), "có phải là «Đạt»?"),
        ("met_empty.csv", csv_bytes(edited(table, 1, FIRST_TC + 2, "")), "ô trống"),
        ("level_unknown.csv", csv_bytes(edited(table, 1, LEVEL, "Xuất sắc")), "mức đạt chuẩn «Xuất sắc» không hợp lệ"),
        (
            "recognised_missing.csv",
            csv_bytes(edited(edited(table, unrec, LEVEL, "Đạt chuẩn NTM"), unrec, RECOGNISED, "")),
            "thiếu năm công nhận",
        ),
        ("recognised_after.csv", csv_bytes(edited(table, rec, RECOGNISED, "2030")), "sau năm đánh giá"),
        ("long_missing_criterion.csv", csv_bytes(long[:-1]), "thiếu tiêu chí 19"),
        ("long_bad_criterion.csv", csv_bytes(edited(long, 1, 2, "25")), "mã tiêu chí «25» không hợp lệ"),
        ("long_duplicate_criterion.csv", csv_bytes(long + [long[1]]), "bị ghi hai lần"),
        (
            "long_level_changes.csv",
            csv_bytes(edited(edited(long, 2, 4, other_level(long[1][4])), 2, 5, "2015")),
            "mức đạt chuẩn khác với dòng",
        ),
        ("zip_bomb.xlsx", padded_sheet(good_xlsx, 60), "Khi giải nén chiếm 60 MB, vượt giới hạn 50 MB"),
        ("zip_ratio.xlsx", padded_sheet(good_xlsx, 20), "nén với tỉ lệ"),
        ("entities.xlsx", with_doctype(good_xlsx), "khai báo DOCTYPE/ENTITY"),
        ("entities_in_workbook.xlsx", with_doctype(good_xlsx, "xl/workbook.xml"), "«xl/workbook.xml» khai báo DOCTYPE"),
        ("picture.xlsx", png_bytes(), "là ảnh PNG, không phải bảng tính (dù có đuôi .xlsx)"),
        ("photo.csv", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200), "là ảnh JPEG"),
        ("animation.xlsx", b"GIF89a\x01\x00\x01\x00" + bytes(40), "là ảnh GIF"),
        ("web_page.csv", b"<!DOCTYPE html>\n<html><body><table></table></body></html>", "là trang web (HTML)"),
        (
            "million_rows_declared.xlsx",
            declared_dimension(good_xlsx, "A1:Z1000000"),
            "có 1.000.000 dòng theo vùng dữ liệu khai báo",
        ),
        ("rows_beyond_dimension.xlsx", extra_rows(good_xlsx, range(8, MAX_ROWS + 2)), "có hơn 50.000 dòng"),
        ("far_row_lying_dimension.xlsx", extra_rows(good_xlsx, [1_000_000], "A1:Y7"), "có hơn 50.000 dòng"),
        ("too_many_rows.csv", csv_bytes(table[:1] + [table[1]] + [[""]] * MAX_ROWS), "có hơn 50.000 dòng"),
        ("every_row_wrong.csv", csv_bytes(all_rows_wrong(2000)), "lỗi cùng loại khác"),
    ]
    return cases + phase_cases()


def build_corpus(directory: Path) -> list[tuple[Path, str]]:
    directory.mkdir(parents=True, exist_ok=True)
    corpus = []
    for name, content, expected in build_cases():
        (directory / name).write_bytes(content)
        corpus.append((directory / name, expected))
    with open(directory / "expected.csv", "w", newline="", encoding="utf-8") as index:
        csv.writer(index).writerows([("file", "expected")] + [(p.name, e) for p, e in corpus])
    return corpus


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "bad_files"
    print(f"{len(build_corpus(target))} bad files in {target}")
