"""Reading an uploaded file into sheets of text cells, before any meaning is given to them.

Accepts .xlsx (any sheet) and .csv in UTF-8, UTF-8 with BOM, UTF-16 and Windows-1258. Every problem
found on the way is a Problem in Vietnamese, located by sheet, row and column where it has one.
"""

import csv
import io
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import date, datetime

MAX_BYTES = 5 * 1024 * 1024
XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"
CSV_ENCODINGS = ("utf-8", "cp1258")


@dataclass(frozen=True)
class Problem:
    severity: str  # "error" stops the import; "warning" is shown and the import may go on
    sheet: str
    row: int | None
    column: str | None
    message: str
    suggestion: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def describe(self) -> str:
        place = [f"trang «{self.sheet}»"] if self.sheet else []
        place += [f"dòng {self.row}"] if self.row is not None else []
        place += [f"cột {self.column}"] if self.column else []
        text = (", ".join(place) + ": " if place else "") + self.message
        return text + (f" Gợi ý: {self.suggestion}" if self.suggestion else "")


@dataclass(frozen=True)
class Sheet:
    name: str
    rows: list[list[str]]  # rows[i] is spreadsheet row i + 1; "" for an empty cell


def error(
    message: str, sheet: str = "", row: int | None = None, column: str | None = None, suggestion: str = ""
) -> Problem:
    return Problem("error", sheet, row, column, message, suggestion)


def warning(
    message: str, sheet: str = "", row: int | None = None, column: str | None = None, suggestion: str = ""
) -> Problem:
    return Problem("warning", sheet, row, column, message, suggestion)


def clean_text(text: str) -> str:
    """NFC form, the look-alike `Ð` (U+00D0) as `Đ`, no surrounding blanks."""
    text = unicodedata.normalize("NFC", text).replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    return text.replace("\u00a0", " ").strip()


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_upload(data: bytes, filename: str) -> tuple[list[Sheet], list[Problem]]:
    """The file's sheets and the problems met while reading it (errors mean: nothing to import)."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if len(data) > MAX_BYTES:
        return [], [
            error(
                f"tệp nặng {len(data) / 1048576:.1f} MB, vượt giới hạn {MAX_BYTES // 1048576} MB.",
                suggestion="tách tệp theo huyện hoặc xóa các trang không cần thiết.",
            )
        ]
    if not data.strip():
        return [], [error("tệp rỗng, không có dữ liệu.")]
    if data.startswith(OLE_MAGIC):
        return [], [
            error(
                "tệp là Excel 97-2003 (.xls) hoặc tệp Excel có đặt mật khẩu.",
                suggestion="mở tệp, bỏ mật khẩu và lưu lại dưới dạng Excel Workbook (.xlsx).",
            )
        ]
    if data.startswith(b"%PDF"):
        return [], [error("tệp là PDF, không phải bảng tính.", suggestion="dùng mẫu Excel (.xlsx) hoặc CSV.")]
    if extension not in ("xlsx", "xlsm", "csv", "txt"):
        return [], [error(f"không nhận loại tệp «.{extension}».", suggestion="chỉ nhận tệp .xlsx hoặc .csv.")]
    if data.startswith(XLSX_MAGIC):
        sheets, problems = read_xlsx(data)
        if extension in ("csv", "txt"):
            problems.insert(0, warning(f"tệp có đuôi .{extension} nhưng thực chất là Excel (.xlsx); đã đọc như Excel."))
        return sheets, problems
    if extension in ("xlsx", "xlsm"):
        return [], [
            error(
                "tệp có đuôi .xlsx nhưng không phải là tệp Excel.",
                suggestion="mở tệp bằng Excel và lưu lại dưới dạng Excel Workbook (.xlsx).",
            )
        ]
    return read_csv(data, filename)


def decode_csv(data: bytes) -> tuple[str | None, str]:
    """The text and the encoding used, or (None, "") when no accepted encoding fits."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    for encoding in CSV_ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None, ""


def read_csv(data: bytes, filename: str) -> tuple[list[Sheet], list[Problem]]:
    try:
        text, _encoding = decode_csv(data)
    except UnicodeDecodeError:
        text = None
    if text is None or "\x00" in text:
        return [], [
            error(
                "không đọc được bảng mã của tệp CSV.", suggestion="lưu lại tệp dưới dạng «CSV UTF-8 (Comma delimited)»."
            )
        ]
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    try:
        rows = [[clean_text(cell) for cell in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as exc:
        return [], [error(f"tệp CSV sai cấu trúc ({exc}).", suggestion="lưu lại tệp từ Excel dưới dạng CSV UTF-8.")]
    name = filename.rsplit("/", 1)[-1]
    return [Sheet(name, rows)], []


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return clean_text(str(value))


def read_xlsx(data: bytes) -> tuple[list[Sheet], list[Problem]]:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "xl/workbook.xml" not in archive.namelist():
                return [], [
                    error(
                        "tệp nén không phải là tệp Excel (.xlsx).",
                        suggestion="lưu lại tệp dưới dạng Excel Workbook (.xlsx).",
                    )
                ]
        workbook = load_workbook(io.BytesIO(data), data_only=False)
    except Exception:  # untrusted input: any parser failure means a damaged file
        return [], [
            error("tệp Excel bị hỏng, không mở được.", suggestion="mở tệp bằng Excel, kiểm tra nội dung và lưu lại.")
        ]
    sheets, problems = [], []
    for worksheet in workbook.worksheets:
        title = clean_text(worksheet.title)
        if worksheet.sheet_state != "visible":
            if worksheet.max_row > 1 or worksheet.max_column > 1:
                problems.append(
                    warning(
                        "trang đang bị ẩn nên không được đọc.",
                        sheet=title,
                        suggestion="nếu trang có số liệu cần nhập, hãy bỏ ẩn trang (Unhide).",
                    )
                )
            continue
        for merged in worksheet.merged_cells.ranges:
            where = "tiêu đề" if merged.min_row == 1 else "dữ liệu"
            problems.append(
                error(
                    f"ô gộp {merged.coord} trong phần {where}.",
                    sheet=title,
                    row=merged.min_row,
                    column=column_letter(merged.min_col - 1),
                    suggestion="bỏ gộp ô (Unmerge) và ghi đủ giá trị vào từng ô.",
                )
            )
        rows = []
        for row in worksheet.iter_rows():
            texts = []
            for cell in row:
                if cell.data_type == "f":
                    problems.append(
                        error(
                            f"ô {cell.coordinate} chứa công thức thay vì giá trị.",
                            sheet=title,
                            row=cell.row,
                            column=column_letter(cell.column - 1),
                            suggestion="sao chép vùng số liệu rồi «Dán đặc biệt › Giá trị».",
                        )
                    )
                    texts.append("")
                else:
                    texts.append(cell_text(cell.value))
            rows.append(texts)
        sheets.append(Sheet(title, rows))
    return sheets, problems
