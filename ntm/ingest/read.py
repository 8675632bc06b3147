"""Reading an uploaded file into sheets of text cells, before any meaning is given to them.

Accepts .xlsx (any sheet) and .csv in UTF-8, UTF-8 with BOM, UTF-16 and Windows-1258. Every problem
found on the way is a Problem in Vietnamese, located by sheet, row and column where it has one.

An upload is untrusted: before openpyxl parses anything, the archive's declared sizes, each XML part's
prolog and each sheet's row count are checked against limits no real report reaches, and rows are then
streamed with the same limit, so that a hostile file costs bounded time and memory.
"""

import csv
import functools
import io
import posixpath
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

from ntm.formatting import fmt_number

MAX_BYTES = 5 * 1024 * 1024
XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"
CSV_ENCODINGS = ("utf-8", "cp1258")

# Rows per sheet (and per file). The widest legitimate file is the whole province in the long layout
# (one row per commune, year and criterion): 200 units x 19 criteria x 13 years = 49,400 rows; the full
# history bundled today (2015-2025) is 37,601 rows long, 1,979 rows wide. A district's yearly report is
# under 1,000 rows even in the long layout.
MAX_ROWS = 50_000
# Columns read per row: the template has 25; room for notes columns, never 16,384 padded cells.
MAX_COLUMNS = 200
# Archive limits, checked on the sizes the zip declares (Python's zipfile never inflates a member past
# its declared size: it stops and fails the CRC check). The bundled history is a 13.5 MB sheet in the
# long layout (37,601 rows; about 18 MB at MAX_ROWS), 3.1 MB in the wide template, and such sheets
# compress 16:1 to 25:1 (25:1 for 20,000 identical rows); 50 MB and 100:1 leave room on both.
MAX_UNCOMPRESSED = 50 * 1024 * 1024
MAX_RATIO = 100
RATIO_FLOOR = 1024 * 1024  # the ratio of a member smaller than this does not matter
MAX_MEMBERS = 1000  # a workbook has 10-40 parts; a few more per sheet
XML_HEAD = 64 * 1024  # an XML part's prolog (declaration, DOCTYPE) must end within this many bytes
CHUNK = 1024 * 1024
MAX_MERGES = 1000  # merged ranges reported per sheet
# Problems: of each kind, those of the first KEEP_ROWS rows are kept (at most KEEP_PER_KIND), the rest
# only counted, so that a file with an error on every row costs no more memory than a good file.
KEEP_ROWS = 20
KEEP_PER_KIND = 100
MAX_KINDS = 100
GROUP_ROWS = 10  # rows named for each kind of problem in the grouped list

# First bytes of formats that are not spreadsheets, whatever the file's extension says.
SIGNATURES = (
    (b"%PDF", "tài liệu PDF"),
    (b"\x89PNG\r\n\x1a\n", "ảnh PNG"),
    (b"\xff\xd8\xff", "ảnh JPEG"),
    (b"GIF87a", "ảnh GIF"),
    (b"GIF89a", "ảnh GIF"),
    (b"II*\x00", "ảnh TIFF"),
    (b"MM\x00*", "ảnh TIFF"),
    (b"Rar!\x1a\x07", "tệp nén RAR"),
    (b"7z\xbc\xaf\x27\x1c", "tệp nén 7-Zip"),
    (b"\x1f\x8b", "tệp nén gzip"),
    (b"\x7fELF", "tệp chương trình"),
    (b"{\\rtf", "văn bản RTF"),
)
ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]")
MERGE_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?\bref=[\"']([A-Z]+\d+(?::[A-Z]+\d+)?)[\"']")
DIMENSION_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?dimension\s[^>]*?\bref=[\"']([^\"']*)[\"']")
CELL_REF = re.compile(r"\$?([A-Z]{1,3})\$?(\d{1,7})$")
QUOTED, BRACKETED = re.compile(r"«[^»]*»"), re.compile(r"\([^)]*\)")
NUMBERED, NUMBERS = re.compile(r"\w*\d[\w:]*"), re.compile(r"#(?:[\s,;:–-]+#)+")


@dataclass(frozen=True)
class Problem:
    severity: str  # "error" stops the import; "warning" is shown and the import may go on
    sheet: str
    row: int | None
    column: str | None
    message: str
    suggestion: str = ""
    count: int = 1  # how many problems this one stands for (more than 1: a summary of omitted ones)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def where_and_what(self) -> str:
        """The column and the message, for a list that names the rows apart ('cột H: ô H12 chứa công thức …')."""
        return (f"cột {self.column}: " if self.column else "") + self.message

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
    # Merged ranges as (first row, first column, last row, last column), rows 1-based, columns 0-based:
    # the validator decides what they mean (a group cell over a two-row header is fine, data is not).
    merges: tuple[tuple[int, int, int, int], ...] = ()
    # Cells holding a formula (row 1-based, column 0-based): already reported, read as empty.
    formulas: frozenset = frozenset()


def error(
    message: str, sheet: str = "", row: int | None = None, column: str | None = None, suggestion: str = ""
) -> Problem:
    return Problem("error", sheet, row, column, message, suggestion)


def warning(
    message: str, sheet: str = "", row: int | None = None, column: str | None = None, suggestion: str = ""
) -> Problem:
    return Problem("warning", sheet, row, column, message, suggestion)


def count_text(number: int) -> str:
    return fmt_number(number, 0, "vi")


def problem_kind(problem: Problem) -> tuple[str, str]:
    """Problems of one kind share a message up to the values quoted or counted in it."""
    return problem.severity, message_kind(problem.message)


@functools.lru_cache(maxsize=4096)
def message_kind(message: str) -> str:
    """'giá trị «x» không phải là Đạt' -> 'giá trị «» không phải là Đạt'; 'năm 2099 ngoài khoảng 2010–2030' -> 'năm #
    ngoài khoảng #'; cell references and codes count as numbers."""
    text = QUOTED.sub("«»", message)
    text = BRACKETED.sub("()", text)
    return NUMBERS.sub("#", NUMBERED.sub("#", text))


@dataclass
class _Kind:
    rows: set = field(default_factory=set)
    kept: int = 0
    omitted: int = 0
    first_omitted: Problem | None = None
    last_kept: int = -1  # index in ProblemLog.kept
    first: Problem | None = None
    places: list = field(default_factory=list)  # (sheet, row) of the first rows, in the order met


@dataclass(frozen=True)
class ProblemGroup:
    """Problems of one kind: an example, how many there are and the first rows where they are."""

    severity: str
    example: Problem
    count: int
    places: tuple[tuple[str, int], ...]

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def rows_text(self, lang: str = "vi") -> str:
        """'dòng 3, 5, 9 …' ('rows 3, 5, 9 …'), with the sheet when the rows are on several sheets."""
        if not self.places:
            return ""
        word = ("rows" if len(self.places) > 1 else "row") if lang == "en" else "dòng"
        sheets = {sheet for sheet, _ in self.places}
        if len(sheets) == 1:
            text = f"{word} " + ", ".join(str(row) for _, row in self.places)
        else:
            text = ", ".join(f"«{sheet}» {word} {row}" for sheet, row in self.places)
        return text + (" …" if self.count > len(self.places) else "")


class ProblemLog:
    """Problems as they are found, within bounds: of each kind, those on the first KEEP_ROWS rows
    (KEEP_PER_KIND at most) are kept and the others counted. `len()` counts every problem added,
    iteration gives the kept ones, `problems()` the kept ones with a summary line per kind cut short."""

    def __init__(self, problems=(), keep_all: bool = False):
        self.kept: list[Problem] = []
        self.kinds: dict[tuple[str, str], _Kind] = {}
        self.total = 0
        self.keep_all = keep_all  # every problem kept (the problems' Excel file, made on request)
        self.extend(problems)

    def append(self, problem: Problem) -> None:
        self.total += problem.count
        if problem.count > 1:  # already a summary: kept as it is
            self.kept.append(problem)
            return
        key = problem_kind(problem)
        if key not in self.kinds and len(self.kinds) >= MAX_KINDS:
            key = (problem.severity, "")
        kind = self.kinds.setdefault(key, _Kind())
        kind.first = kind.first or problem
        place = (problem.sheet, problem.row)
        if problem.row is not None and len(kind.places) < GROUP_ROWS and place not in kind.places:
            kind.places.append(place)
        row = problem.row if problem.row is not None else ("no row", self.total)
        if self.keep_all or (kind.kept < KEEP_PER_KIND and (row in kind.rows or len(kind.rows) < KEEP_ROWS)):
            kind.rows.add(row)
            kind.kept += 1
            kind.last_kept = len(self.kept)
            self.kept.append(problem)
        else:
            kind.omitted += problem.count
            kind.first_omitted = kind.first_omitted or problem

    def extend(self, problems) -> None:
        for problem in problems:
            self.append(problem)

    def __len__(self) -> int:
        return self.total

    def __iter__(self):
        return iter(self.kept)

    def groups(self) -> list["ProblemGroup"]:
        """One line per kind of problem, errors first, then in the order first met."""
        groups = [
            ProblemGroup(kind.first.severity, kind.first, kind.kept + kind.omitted, tuple(kind.places))
            for kind in self.kinds.values()
            if kind.first is not None
        ]
        groups += [ProblemGroup(p.severity, p, p.count, ()) for p in self.kept if p.count > 1]
        return sorted(groups, key=lambda group: not group.is_error)

    def problems(self) -> list[Problem]:
        after: dict[int, list[Problem]] = {}
        for kind in self.kinds.values():
            if kind.omitted:
                after.setdefault(kind.last_kept, []).append(summary(kind.first_omitted, kind.omitted))
        out = list(after.get(-1, []))
        for index, problem in enumerate(self.kept):
            out.append(problem)
            out += after.get(index, [])
        return out


def summary(example: Problem, omitted: int) -> Problem:
    noun = "lỗi" if example.is_error else "cảnh báo"
    where = f" (từ dòng {example.row})" if example.row is not None else ""
    return Problem(
        example.severity,
        example.sheet,
        None,
        None,
        f"và {count_text(omitted)} {noun} cùng loại khác{where}, không liệt kê hết; ví dụ: {example.message}",
        example.suggestion,
        count=omitted,
    )


def capped(problems) -> list[Problem]:
    """`problems` within the same bounds as a ProblemLog."""
    return ProblemLog(problems).problems()


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


def column_index(letters: str) -> int:
    """A -> 0, Z -> 25, AA -> 26."""
    number = 0
    for char in letters:
        number = number * 26 + ord(char) - 64
    return number - 1


def binary_kind(data: bytes) -> str | None:
    """What a file is when its first bytes say it is not a spreadsheet or text ("ảnh PNG"), else None."""
    head = data[:16]
    found = next((kind for magic, kind in SIGNATURES if head.startswith(magic)), None)
    if found is None and head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        found = "ảnh WebP"
    if found is None and data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith((b"<!doctype html", b"<html")):
        found = "trang web (HTML)"
    return found


def size_problem(size: int) -> Problem | None:
    if size <= MAX_BYTES:
        return None
    return error(
        f"tệp nặng {size / 1048576:.1f} MB, vượt giới hạn {MAX_BYTES // 1048576} MB.",
        suggestion="tách tệp theo huyện hoặc xóa các trang không cần thiết.",
    )


def read_upload(data: bytes, filename: str) -> tuple[list[Sheet], list[Problem]]:
    """The file's sheets and the problems met while reading it (errors mean: nothing to import)."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    name = re.split(r"[/\\]", filename)[-1]
    too_big = size_problem(len(data))
    if too_big:
        return [], [too_big]
    if not data.strip():
        return [], [error("tệp rỗng, không có dữ liệu.")]
    if data.startswith(OLE_MAGIC):
        return [], [
            error(
                "tệp là Excel 97-2003 (.xls) hoặc tệp Excel có đặt mật khẩu.",
                suggestion="mở tệp, bỏ mật khẩu và lưu lại dưới dạng Excel Workbook (.xlsx).",
            )
        ]
    kind = binary_kind(data)
    if kind:
        renamed = f" (dù có đuôi .{extension})" if extension in ("xlsx", "xlsm", "csv", "txt") else ""
        return [], [
            error(
                f"tệp «{name}» là {kind}, không phải bảng tính{renamed}.",
                suggestion="chọn đúng tệp số liệu; dùng mẫu Excel (.xlsx) hoặc lưu bảng tính dưới dạng CSV UTF-8.",
            )
        ]
    if extension not in ("xlsx", "xlsm", "csv", "txt"):
        return [], [error(f"không nhận loại tệp «.{extension}».", suggestion="chỉ nhận tệp .xlsx hoặc .csv.")]
    if data.startswith(XLSX_MAGIC):
        sheets, problems = read_xlsx(data, name)
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


def too_many_rows(name: str, sheet: str = "", declared: int = 0, all_sheets: bool = False) -> Problem:
    """The file, or its sheet `sheet`, is longer than MAX_ROWS rows (`declared`: as its dimension says)."""
    limit = count_text(MAX_ROWS)
    if declared:
        text = f"có {count_text(declared)} dòng theo vùng dữ liệu khai báo trong tệp, vượt giới hạn {limit} dòng."
    else:
        text = f"có hơn {limit} dòng{' (tính cả các trang)' if all_sheets else ''}, vượt giới hạn {limit} dòng."
    return error(
        text if sheet else f"tệp «{name}» {text}",
        sheet=sheet,
        suggestion="xóa các dòng thừa ở cuối trang (kể cả dòng trống đã định dạng) hoặc tách tệp theo huyện, theo năm.",
    )


def too_wide(columns: int, sheet: str) -> Problem:
    return warning(
        f"có {count_text(columns)} cột; chỉ đọc {MAX_COLUMNS} cột đầu (đến cột {column_letter(MAX_COLUMNS - 1)}).",
        sheet,
        suggestion="xóa các cột thừa bên phải nếu không cần; số liệu phải nằm trong các cột đầu như tệp mẫu.",
    )


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
    name = re.split(r"[/\\]", filename)[-1]
    rows, widest = [], 0
    try:
        for row in csv.reader(io.StringIO(text), delimiter=delimiter):
            if len(rows) == MAX_ROWS:
                return [], [too_many_rows(name)]
            if len(row) > MAX_COLUMNS:
                widest = max(widest, len(row)) if any(row[MAX_COLUMNS:]) else widest
                row = row[:MAX_COLUMNS]
            rows.append([clean_text(cell) for cell in row])
    except csv.Error as exc:
        return [], [error(f"tệp CSV sai cấu trúc ({exc}).", suggestion="lưu lại tệp từ Excel dưới dạng CSV UTF-8.")]
    return [Sheet(name, rows)], [too_wide(widest, name)] if widest else []


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


# --- .xlsx: checks on the archive before any parsing ---------------------------------------------


@dataclass
class PartScan:
    """What a streaming pass over one XML part of the archive found."""

    rows: int = 0  # <row> elements
    dimension: tuple[int, int] | None = None  # (rows, columns) the sheet declares
    merges: list[str] = field(default_factory=list)  # merged ranges, MAX_MERGES at most
    merge_count: int = 0


def suspicious(name: str) -> str:
    return (
        f"tệp «{name}» có cấu trúc bất thường, có thể là tệp độc hại; hệ thống không mở tệp này. "
        if name
        else "tệp có cấu trúc bất thường, có thể là tệp độc hại; hệ thống không mở tệp này. "
    )


SUSPICIOUS_HINT = (
    "nếu đây là báo cáo thật: mở bằng Excel, chép vùng số liệu sang tệp mẫu mới, lưu dưới dạng Excel Workbook (.xlsx)."
)


def check_sizes(archive: zipfile.ZipFile, name: str) -> Problem | None:
    """Refuse an archive whose members declare more than a report ever holds (a 'zip bomb')."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        return error(
            suspicious(name) + f"(Tệp nén chứa {count_text(len(members))} phần; một tệp Excel thường có dưới 100.)",
            suggestion=SUSPICIOUS_HINT,
        )
    total = sum(member.file_size for member in members)
    if total > MAX_UNCOMPRESSED:
        return error(
            suspicious(name) + f"(Khi giải nén chiếm {count_text(total // 1048576)} MB, "
            f"vượt giới hạn {MAX_UNCOMPRESSED // 1048576} MB.)",
            suggestion=SUSPICIOUS_HINT,
        )
    for member in members:
        if member.file_size > RATIO_FLOOR and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            ratio = member.file_size // max(member.compress_size, 1)
            return error(
                suspicious(name) + f"(Phần «{member.filename}» nén với tỉ lệ {count_text(ratio)}:1, "
                f"tệp thật không vượt quá {MAX_RATIO}:1.)",
                suggestion=SUSPICIOUS_HINT,
            )
    return None


def strip_encoding(head: bytes) -> bytes:
    """The ASCII skeleton of an XML head in UTF-8, UTF-16 or UTF-32: NUL bytes and BOMs removed."""
    text = head.replace(b"\x00", b"")
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        text = text.removeprefix(bom)
    return text


def prolog_problem(head: bytes, complete: bool) -> str | None:
    """'dtd' when the head declares a DOCTYPE or an ENTITY, 'long' when it is an XML prolog that does not
    end within the head (a DOCTYPE could hide after it); None otherwise, binary parts included."""
    text = strip_encoding(head)
    upper = text.upper()
    if b"<!DOCTYPE" in upper or b"<!ENTITY" in upper:
        return "dtd"
    position = 0
    while True:
        while position < len(text) and text[position] in b" \t\r\n":
            position += 1
        if position == len(text):
            return None if complete else "long"
        if text.startswith(b"<?", position):
            end, step = text.find(b"?>", position + 2), 2
        elif text.startswith(b"<!--", position):
            end, step = text.find(b"-->", position + 4), 3
        else:
            return None  # the root element, or not XML at all (the parser then fails): the prolog is over
        if end < 0:
            return None if complete else "long"
        position = end + step


def parse_ref(ref: str) -> tuple[int, int] | None:
    """(row, column) of the bottom-right cell of a range such as 'A1:Z1000000'; None when unreadable."""
    match = CELL_REF.match(ref.split(":")[-1].strip().upper())
    return (int(match.group(2)), column_index(match.group(1)) + 1) if match else None


def scan_part(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> PartScan:
    """One streaming pass over an XML part: <row> elements counted, the declared dimension and merged
    ranges noted. Memory stays at one chunk; the tail of each chunk is kept for tags cut in two."""
    scan, tail, first, wide = PartScan(), b"", True, False
    with archive.open(member) as source:
        while chunk := source.read(CHUNK):
            if first:
                wide = b"\x00" in chunk[:64]
            text = tail + (chunk.replace(b"\x00", b"") if wide else chunk)
            if first:
                found = DIMENSION_TAG.search(text)
                scan.dimension = parse_ref(found.group(1).decode("ascii", "replace")) if found else None
                first = False
            last_end = 0
            for match in ROW_TAG.finditer(text):
                scan.rows += 1
                last_end = match.end()
            if b"mergeCell" in text:
                for match in MERGE_TAG.finditer(text):
                    scan.merge_count += 1
                    if len(scan.merges) < MAX_MERGES:
                        scan.merges.append(match.group(1).decode("ascii"))
                    last_end = max(last_end, match.end())
            tail = text[max(last_end, len(text) - 256) :]
    return scan


def sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """{part path: sheet name} from the workbook and its relationships, for messages; {} when unreadable."""
    from xml.etree import ElementTree

    try:
        if any(
            archive.getinfo(p).file_size > 4 * 1024 * 1024 for p in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")
        ):
            return {}
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except Exception:  # no names: messages fall back on the part's path
        return {}
    targets = {}
    for rel in rels:
        target = rel.get("Target", "")
        targets[rel.get("Id")] = target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
    names = {}
    for element in book.iter():
        if element.tag.rsplit("}", 1)[-1] == "sheet":
            rel_id = next((v for k, v in element.attrib.items() if k.rsplit("}", 1)[-1] == "id"), None)
            if rel_id in targets:
                names[targets[rel_id]] = clean_text(element.get("name", ""))
    return names


def check_parts(archive: zipfile.ZipFile, name: str) -> tuple[Problem | None, dict[str, PartScan]]:
    """Refuse XML parts that declare a DOCTYPE/ENTITY and sheets over MAX_ROWS rows, by reading each part
    once in bounded chunks; return what was found in each XML part."""
    scans = {}
    xml_parts = []
    for member in archive.infolist():
        if member.is_dir():
            continue
        with archive.open(member) as source:
            head = source.read(XML_HEAD)
        found = prolog_problem(head, complete=len(head) < XML_HEAD)
        if found:
            detail = (
                "khai báo DOCTYPE/ENTITY (có thể dùng để tấn công máy chủ)"
                if found == "dtd"
                else f"có phần mở đầu XML dài hơn {XML_HEAD // 1024} KB"
            )
            return error(suspicious(name) + f"(Phần «{member.filename}» {detail}.)", suggestion=SUSPICIOUS_HINT), scans
        if strip_encoding(head[:64]).lstrip().startswith(b"<"):
            xml_parts.append(member)
    for member in xml_parts:
        scan = scans[member.filename] = scan_part(archive, member)
        declared = scan.dimension[0] if scan.dimension else 0
        if scan.rows > MAX_ROWS or declared > MAX_ROWS:
            sheet = sheet_paths(archive).get(member.filename, member.filename)
            return too_many_rows(name, sheet, declared if declared > MAX_ROWS else 0), scans
    return None, scans


# --- .xlsx: reading, rows streamed ------------------------------------------------------------------


def damaged() -> Problem:
    return error("tệp Excel bị hỏng, không mở được.", suggestion="mở tệp bằng Excel, kiểm tra nội dung và lưu lại.")


def read_xlsx(data: bytes, name: str = "") -> tuple[list[Sheet], list[Problem]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "xl/workbook.xml" not in archive.namelist():
                return [], [
                    error(
                        "tệp nén không phải là tệp Excel (.xlsx).",
                        suggestion="lưu lại tệp dưới dạng Excel Workbook (.xlsx).",
                    )
                ]
            refusal = check_sizes(archive, name)
            if refusal is None:
                refusal, scans = check_parts(archive, name)
            if refusal:
                return [], [refusal]
    except Exception:  # untrusted input: any failure means a damaged file
        return [], [damaged()]
    return load_sheets(data, scans, name)


def load_sheets(data: bytes, scans: dict[str, PartScan], name: str = "") -> tuple[list[Sheet], list[Problem]]:
    """The visible sheets' cells, streamed with openpyxl in read-only mode; a sheet that turns out longer
    than MAX_ROWS (whatever its dimension said) stops the reading there."""
    from openpyxl import load_workbook
    from openpyxl.cell.read_only import EMPTY_CELL

    problems = ProblemLog()
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # untrusted input: any parser failure means a damaged file
        return [], [damaged()]
    sheets, total = [], 0
    try:
        for worksheet in workbook.worksheets:
            title = clean_text(worksheet.title)
            scan = scans.get(getattr(worksheet, "_worksheet_path", ""), PartScan())
            if worksheet.sheet_state != "visible":
                if scan.rows or scan.dimension and scan.dimension != (1, 1):
                    problems.append(
                        warning(
                            "trang đang bị ẩn nên không được đọc.",
                            sheet=title,
                            suggestion="nếu trang có số liệu cần nhập, hãy bỏ ẩn trang (Unhide).",
                        )
                    )
                continue
            if scan.dimension and scan.dimension[1] > MAX_COLUMNS:
                problems.append(too_wide(scan.dimension[1], title))
            merges = []
            for ref in scan.merges:
                top, bottom = parse_ref(ref.split(":")[0]), parse_ref(ref)
                if top is not None and bottom is not None:
                    merges.append((top[0], top[1] - 1, bottom[0], bottom[1] - 1))
            if scan.merge_count > len(scan.merges):
                problems.append(error(f"trang có {count_text(scan.merge_count)} vùng ô gộp.", sheet=title))
            worksheet.reset_dimensions()  # rows are read to the end (or the limit), not to a wrong dimension
            rows, formulas = [], set()
            for row in worksheet.iter_rows(max_col=MAX_COLUMNS):
                total += 1
                if len(rows) == MAX_ROWS or total > MAX_ROWS:
                    return [], [
                        too_many_rows(name, title) if len(rows) == MAX_ROWS else too_many_rows(name, all_sheets=True)
                    ]
                end = len(row)
                while end and row[end - 1] is EMPTY_CELL:
                    end -= 1
                texts = []
                for cell in row[:end]:
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
                        formulas.add((cell.row, cell.column - 1))
                    else:
                        texts.append(cell_text(cell.value))
                rows.append(texts)
            sheets.append(Sheet(title, rows, tuple(merges), frozenset(formulas)))
    except Exception:  # untrusted input: XML that breaks mid-sheet means a damaged file
        return [], [damaged()]
    finally:
        workbook.close()
    return sheets, problems.problems()
