"""The Excel template offices fill in: one row per commune and year, one column per criterion,
drop-down cells for Đạt / Chưa đạt and for the level, and an instructions sheet."""

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from ntm.criteria import load_criteria
from ntm.ingest.validation import LEVEL_LABELS_VI
from ntm.registry import rural_communes

MET_LABELS = ("Đạt", "Chưa đạt")
ID_HEADERS = ["Mã xã", "Tên xã", "Huyện", "Năm"]
LEVEL_HEADERS = ["Mức đạt chuẩn", "Năm công nhận"]
INSTRUCTIONS = [
    "HƯỚNG DẪN ĐIỀN MẪU SỐ LIỆU NÔNG THÔN MỚI",
    "",
    "1. Mỗi dòng là một xã trong một năm đánh giá; không gộp ô, không thêm dòng tiêu đề phụ.",
    "2. «Mã xã» là mã đơn vị hành chính 5 chữ số (ví dụ 05986); có thể để trống nếu ghi đúng «Tên xã» và «Huyện».",
    "3. Cột TC01 … TC19: chọn «Đạt» hoặc «Chưa đạt» trong danh sách (cũng nhận x, 1, TRUE, có / 0, FALSE, không).",
    "4. «Mức đạt chuẩn»: Chưa đạt chuẩn, Đạt chuẩn NTM, NTM nâng cao hoặc NTM kiểu mẫu; "
    "xã đã đạt chuẩn ghi thêm «Năm công nhận».",
    "5. Chỉ ghi giá trị, không dùng công thức (nếu có, hãy «Dán đặc biệt › Giá trị»).",
    "6. Dòng của một xã và một năm đã có trong dữ liệu sẽ thay thế dòng cũ; trước khi lưu, trang Nhập dữ liệu "
    "cho xem trước những gì thay đổi.",
    "7. Cũng nhận bảng dài (mỗi dòng một tiêu chí) với các cột: Mã xã, Năm, Tiêu chí, Đạt, Mức đạt chuẩn, "
    "Năm công nhận.",
]


def headers(catalogue: pd.DataFrame) -> list[str]:
    names = [f"TC{cid}. {name}" for cid, name in zip(catalogue["criterion_id"], catalogue["name_vi"])]
    return ID_HEADERS + names + LEVEL_HEADERS


def wide_rows(criteria: pd.DataFrame, levels: pd.DataFrame, registry: pd.DataFrame) -> list[list]:
    """Rows in the template layout for a dataset's commune-years."""
    met = criteria.pivot_table(index=["commune_code", "year"], columns="criterion_id", values="met", aggfunc="first")
    criterion_ids = list(met.columns)
    table = levels.sort_values(["year", "commune_code"]).join(met, on=["commune_code", "year"])
    places = registry.set_index("code")[["short_name", "district_name"]].to_dict("index")
    rows = []
    for record in table.to_dict("records"):
        place = places[record["commune_code"]]
        recognised = record["recognised_year"]
        rows.append(
            [record["commune_code"], place["short_name"], place["district_name"], int(record["year"])]
            + [MET_LABELS[0] if record[c] else MET_LABELS[1] for c in criterion_ids]
            + [LEVEL_LABELS_VI[record["level"]], None if pd.isna(recognised) else int(recognised)]
        )
    return rows


def blank_rows(registry: pd.DataFrame, year: int) -> list[list]:
    communes = rural_communes(registry, year).sort_values("code")
    return [
        [code, short, district, year]
        for code, short, district in zip(communes["code"], communes["short_name"], communes["district_name"])
    ]


def build_workbook(rows: list[list]) -> bytes:
    catalogue = load_criteria()
    book = Workbook()
    sheet = book.active
    sheet.title = "Số liệu"
    titles = headers(catalogue)
    sheet.append(titles)
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEEDD")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "E2"
    last = max(len(rows) + 1, 500)
    first_tc, last_tc = len(ID_HEADERS) + 1, len(ID_HEADERS) + len(catalogue)
    met = DataValidation(type="list", formula1='"' + ",".join(MET_LABELS) + '"', allow_blank=True)
    level = DataValidation(type="list", formula1='"' + ",".join(LEVEL_LABELS_VI.values()) + '"', allow_blank=True)
    for validation in (met, level):
        validation.error = "Chọn một giá trị trong danh sách."
        validation.errorTitle = "Giá trị không hợp lệ"
        sheet.add_data_validation(validation)
    start, end = sheet.cell(2, first_tc).coordinate, sheet.cell(last, last_tc).coordinate
    met.add(f"{start}:{end}")
    level.add(f"{sheet.cell(2, last_tc + 1).coordinate}:{sheet.cell(last, last_tc + 1).coordinate}")
    for index, width in enumerate([9, 18, 22, 7] + [12] * len(catalogue) + [16, 12], start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = width
    guide = book.create_sheet("Hướng dẫn")
    for line in INSTRUCTIONS:
        guide.append([line])
    guide["A1"].font = Font(bold=True)
    guide.column_dimensions["A"].width = 120
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def template_bytes(registry: pd.DataFrame, year: int) -> bytes:
    """The empty template for a year, pre-filled with every rural commune in force that year."""
    return build_workbook(blank_rows(registry, year))


def dataset_workbook(criteria: pd.DataFrame, levels: pd.DataFrame, registry: pd.DataFrame) -> bytes:
    """A dataset written in the template layout (re-importable as is)."""
    return build_workbook(wide_rows(criteria, levels, registry))
