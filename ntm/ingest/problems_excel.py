"""The problems of an uploaded file as an Excel workbook the office can fix from: a summary sheet (one
line per kind of problem, its count and first rows), then each sheet of the file as it was read, every
cell at its own row and column, with a column of messages after the file's columns on the rows they are
about (so «dòng 7, cột E» in a message is row 7, column E of that sheet too).

Every problem is listed here (the page and the command line show the first rows of each kind): the
file is validated again with every problem kept. Cells from the upload are written as text and
neutralised (a cell that would start a formula gets an apostrophe), as every download of the app.
"""

import io
from collections import defaultdict

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from ntm.ingest.validation import Validation, validate_upload
from ntm.reports.tables import neutralise

MESSAGE_HEADER = "Vấn đề (hệ thống ghi)"
ERROR_FILL = PatternFill("solid", fgColor="F8D7DA")
WARNING_FILL = PatternFill("solid", fgColor="FFF3CD")


def summary_rows(validation: Validation) -> list[list]:
    rows = [["Mức", "Số lượng", "Các dòng đầu", "Ví dụ", "Gợi ý"]]
    for group in validation.groups:
        example = group.example
        rows.append(
            [
                "Lỗi" if group.is_error else "Cảnh báo",
                group.count,
                group.rows_text(),
                example.describe().split(" Gợi ý: ")[0],
                example.suggestion,
            ]
        )
    for note in validation.notes:
        rows.append(["Ghi chú", None, "", note, ""])
    return rows


def messages_by_row(validation: Validation) -> dict[tuple[str, int], list[tuple[str, str]]]:
    """{(sheet, row): [(severity, message with its column and suggestion)]}."""
    found: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
    for problem in validation.problems:
        if problem.row is None or problem.count > 1:
            continue
        text = (f"[{problem.column}] " if problem.column else "") + problem.message
        text += f" Gợi ý: {problem.suggestion}" if problem.suggestion else ""
        found[(problem.sheet, problem.row)].append((problem.severity, text))
    return found


def workbook_bytes(validation: Validation) -> bytes:
    book = Workbook()
    summary = book.active
    summary.title = "Tóm tắt"
    for row in summary_rows(validation):
        summary.append([neutralise(value) for value in row])
    for cell in summary[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDE", (10, 10, 30, 90, 60)):
        summary.column_dimensions[letter].width = width
    by_row = messages_by_row(validation)
    used = {"Tóm tắt"}
    for sheet in validation.sheets:
        if not any(name == sheet.name for name, _ in by_row):
            continue
        title = unique_title(sheet.name, used)
        target = book.create_sheet(title)
        column = max((len(cells) for cells in sheet.rows), default=0) + 1  # after the file's own columns
        for number, cells in enumerate(sheet.rows, start=1):
            target.append([neutralise(value) for value in cells])  # each cell where it was: same row, same column
            found = by_row.get((sheet.name, number), [])
            if found:
                message = target.cell(number, column, neutralise("\n".join(text for _, text in found)))
                message.fill = ERROR_FILL if any(severity == "error" for severity, _ in found) else WARNING_FILL
                message.alignment = Alignment(wrap_text=True, vertical="top")
        header = target.cell(1, column, MESSAGE_HEADER)
        header.font = Font(bold=True)
        target.column_dimensions[header.column_letter].width = 80
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def unique_title(name: str, used: set[str]) -> str:
    """An Excel sheet title (31 characters, none of []:*?/\\) not used yet."""
    base = "".join(ch for ch in name if ch not in "[]:*?/\\")[:28] or "Trang"
    title, number = base, 2
    while title in used:
        title, number = f"{base[:26]} ({number})", number + 1
    used.add(title)
    return title


def problems_workbook(
    data: bytes, filename: str, registry: pd.DataFrame, *, mapping: dict | None = None, today=None
) -> bytes:
    """The problems' workbook of an upload: every problem, next to the rows of the file."""
    validation = validate_upload(data, filename, registry, mapping=mapping, today=today, keep_all=True)
    return workbook_bytes(validation)
