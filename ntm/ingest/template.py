"""The Excel template offices fill in: one row per commune and year, one column per criterion of the
year's phase, drop-down cells for Đạt / Chưa đạt and for the phase's levels, and an instructions sheet.

The year decides the phase: until 2025 the 19 criteria of 2021-2025 on the old communes (by
district); from 2026 the 10 criteria of 2026-2030 (QĐ 51/2025/QĐ-TTg) on the 61 new communes
formed on 1 July 2025. The 4 wards (phường) are left out: NTM assesses rural communes only, and the
importer refuses a ward's row.
"""

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from ntm.criteria import CriteriaSet, load_criteria, set_for_year
from ntm.dataset import bundled_new_units, new_geography
from ntm.ingest.validation import LEVEL_LABELS_VI
from ntm.registry import RURAL_TYPE, rural_communes

MET_LABELS = ("Đạt", "Chưa đạt")
ID_HEADERS = ["Mã xã", "Tên xã", "Huyện", "Năm"]
NEW_ID_HEADERS = ["Mã xã", "Tên xã", "Huyện (cũ)", "Năm"]  # from 2026: districts were abolished
LEVEL_HEADERS = ["Mức đạt chuẩn", "Năm công nhận"]
DATA_SHEET = "Số liệu"


def instructions(entry: CriteriaSet, new: bool) -> list[str]:
    last = f"TC{entry.n:02d}"
    levels = ", ".join(LEVEL_LABELS_VI[level] for level in entry.levels)
    lines = [
        "HƯỚNG DẪN ĐIỀN MẪU SỐ LIỆU NÔNG THÔN MỚI",
        "",
        f"Giai đoạn {entry.id}: {entry.name_vi} ({entry.decision}), {entry.n} tiêu chí (TC01 … {last}).",
    ]
    if new:
        lines += [
            "Đơn vị: 61 xã mới từ 1/7/2025 (Nghị quyết 1672/NQ-UBTVQH15). Không có 4 phường (Đông Kinh, "
            "Lương Văn Tri, Tam Thanh, Kỳ Lừa): phường không thuộc diện đánh giá nông thôn mới, "
            "dòng của phường bị từ chối.",
            "Cột «Huyện (cũ)» chỉ để tra cứu (huyện cũ nơi phần lớn xã cũ của xã mới thuộc về); "
            "huyện đã bỏ từ 1/7/2025.",
        ]
    else:
        lines.append("Đơn vị: các xã theo địa giới trước 1/7/2025 (theo huyện); thị trấn và phường không đánh giá NTM.")
    lines += [
        "",
        "1. Mỗi dòng là một xã trong một năm đánh giá. Tiêu đề một dòng như mẫu, hoặc hai dòng (ô gộp «Các tiêu chí» "
        "phía trên, mã TC01 … ở dòng dưới) đều được.",
        "2. «Mã xã» là mã đơn vị hành chính 5 chữ số (ví dụ 05986); có thể để trống nếu ghi đúng «Tên xã».",
        f"3. Cột TC01 … {last}: chọn «Đạt» hoặc «Chưa đạt» trong danh sách (cũng nhận x, ✓, 1, TRUE, có / "
        "0, FALSE, không; viết đúng dấu: «có», không phải «co»). Nếu cả trang chỉ đánh dấu tiêu chí đạt (x), "
        "ô trống được hiểu là Chưa đạt.",
        f"4. «Mức đạt chuẩn»: {levels}; xã đã đạt chuẩn ghi thêm «Năm công nhận». Mức phải khớp với các tiêu chí.",
        "5. Chỉ ghi giá trị, không dùng công thức (nếu có, hãy «Dán đặc biệt › Giá trị»).",
        "6. Dòng của một xã và một năm đã có trong dữ liệu sẽ thay thế dòng cũ; các xã khác giữ nguyên. Dòng chưa ghi "
        "kết quả (không tiêu chí, không mức) được bỏ qua. Trước khi lưu, trang Nhập dữ liệu cho xem trước thay đổi "
        "theo từng huyện.",
        "7. Cũng nhận bảng dài (mỗi dòng một tiêu chí) với các cột: Mã xã, Năm, Tiêu chí, Đạt, Mức đạt chuẩn, "
        "Năm công nhận.",
        "8. Năm đánh giá không được sau năm hiện tại; năm phải thuộc giai đoạn của bộ tiêu chí trong tệp.",
    ]
    return lines


def headers(catalogue: pd.DataFrame, new: bool = False) -> list[str]:
    names = [f"TC{cid}. {name}" for cid, name in zip(catalogue["criterion_id"], catalogue["name_vi"])]
    return (NEW_ID_HEADERS if new else ID_HEADERS) + names + LEVEL_HEADERS


def wide_rows(
    criteria: pd.DataFrame, levels: pd.DataFrame, registry: pd.DataFrame, new_units: pd.DataFrame | None = None
) -> list[list]:
    """Rows in the template layout for a dataset's commune-years (years of one criteria set)."""
    met = criteria.pivot_table(index=["commune_code", "year"], columns="criterion_id", values="met", aggfunc="first")
    criterion_ids = list(met.columns)
    table = levels.sort_values(["year", "commune_code"]).join(met, on=["commune_code", "year"])
    places = registry.set_index("code")[["short_name", "district_name"]].to_dict("index")
    units = bundled_new_units() if new_units is None else new_units
    new_places = (
        units.set_index("code")[["short_name", "former_district_name"]]
        .rename(columns={"former_district_name": "district_name"})
        .to_dict("index")
    )
    rows = []
    for record in table.to_dict("records"):
        year = int(record["year"])
        place = (new_places if new_geography(year) else places)[record["commune_code"]]
        recognised = record["recognised_year"]
        rows.append(
            [record["commune_code"], place["short_name"], place["district_name"], year]
            + [MET_LABELS[0] if record[c] else MET_LABELS[1] for c in criterion_ids]
            + [LEVEL_LABELS_VI[record["level"]], None if pd.isna(recognised) else int(recognised)]
        )
    return rows


def blank_rows(registry: pd.DataFrame, year: int, new_units: pd.DataFrame | None = None) -> list[list]:
    """One row per rural commune assessed in `year` (the new communes from 2026, wards left out)."""
    if new_geography(year):
        units = bundled_new_units() if new_units is None else new_units
        communes = units[units["type"] == RURAL_TYPE].sort_values("code")
        districts = communes["former_district_name"]
    else:
        communes = rural_communes(registry, year).sort_values("code")
        districts = communes["district_name"]
    names = zip(communes["code"], communes["short_name"], districts)
    return [[code, short, district, year] for code, short, district in names]


def add_sheet(book: Workbook, title: str, rows: list[list], entry: CriteriaSet, new: bool) -> None:
    catalogue = load_criteria(criteria_set=entry.id)
    sheet = book.create_sheet(title)
    titles = headers(catalogue, new)
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
    level_labels = [LEVEL_LABELS_VI[level] for level in entry.levels]
    level = DataValidation(type="list", formula1='"' + ",".join(level_labels) + '"', allow_blank=True)
    for validation in (met, level):
        validation.error = "Chọn một giá trị trong danh sách."
        validation.errorTitle = "Giá trị không hợp lệ"
        sheet.add_data_validation(validation)
    start, end = sheet.cell(2, first_tc).coordinate, sheet.cell(last, last_tc).coordinate
    met.add(f"{start}:{end}")
    level.add(f"{sheet.cell(2, last_tc + 1).coordinate}:{sheet.cell(last, last_tc + 1).coordinate}")
    for index, width in enumerate([9, 18, 22, 7] + [12] * len(catalogue) + [16, 12], start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = width


def build_workbook(parts: list[tuple[list[list], int]]) -> bytes:
    """A workbook with one data sheet per criteria set: `parts` are (rows, a year of the set)."""
    book = Workbook()
    book.remove(book.active)
    guide_lines = []
    for index, (rows, year) in enumerate(parts):
        entry, new = set_for_year(year), new_geography(year)
        title = DATA_SHEET if index == 0 else f"{DATA_SHEET} {entry.id}"
        add_sheet(book, title, rows, entry, new)
        guide_lines += ([""] if guide_lines else []) + instructions(entry, new)
    guide = book.create_sheet("Hướng dẫn")
    for line in guide_lines:
        guide.append([line])
    guide["A1"].font = Font(bold=True)
    guide.column_dimensions["A"].width = 120
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def template_bytes(registry: pd.DataFrame, year: int) -> bytes:
    """The empty template for a year, pre-filled with every rural commune assessed that year, with the
    criteria of the year's phase."""
    return build_workbook([(blank_rows(registry, year), year)])


def dataset_workbook(criteria: pd.DataFrame, levels: pd.DataFrame, registry: pd.DataFrame) -> bytes:
    """A dataset written in the template layout (re-importable as is): one sheet per criteria set."""
    years = sorted(int(y) for y in pd.unique(levels["year"]))
    by_set: dict[str, list[int]] = {}
    for year in years:
        by_set.setdefault(set_for_year(year).id, []).append(year)
    parts = []
    for set_years in by_set.values():
        own_levels = levels[levels["year"].isin(set_years)]
        own_criteria = criteria[criteria["year"].isin(set_years)]
        parts.append((wide_rows(own_criteria, own_levels, registry), set_years[0]))
    return build_workbook(parts or [([], 2025)])
