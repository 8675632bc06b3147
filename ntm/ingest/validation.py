"""Giving meaning to an uploaded file's cells: which commune, which year, which criteria met.

Wide layout (one row per commune and year, one column per criterion, as in the template) and long
layout (one row per commune, year and criterion) are both accepted. Every problem is a Problem with
sheet, row and column, in Vietnamese, with a suggestion where one exists.
"""

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass, field

import pandas as pd

from ntm.criteria import CRITERION_IDS
from ntm.dataset import YEAR_RANGE
from ntm.ingest.read import Problem, ProblemLog, Sheet, column_letter, error, read_upload, warning

HEADER_ALIASES = {
    "code": {"ma xa", "ma", "ma don vi", "ma dvhc", "commune code", "commune_code", "code"},
    "name": {"ten xa", "xa", "ten don vi", "commune", "commune name", "commune_name", "name"},
    "district": {
        "huyen",
        "huyen thanh pho",
        "huyen thi xa",
        "district",
        "district name",
        "district_name",
        "ma huyen",
        "district_code",
        "district code",
    },
    "year": {"nam", "year", "nam danh gia"},
    "level": {"muc dat chuan", "muc", "level", "xep loai", "ket qua cong nhan"},
    "recognised_year": {"nam cong nhan", "recognised year", "recognised_year", "nam dat chuan"},
    "criterion": {"tieu chi", "ma tieu chi", "criterion", "criterion_id", "criterion id"},
    "met": {"dat", "ket qua", "met", "danh gia", "dat chua dat"},
}
MET_TRUE = {"dat", "x", "1", "true", "co", "yes", "y", "v", "ok", "\u2713", "\u2714"}
MET_FALSE = {"chua dat", "khong dat", "0", "false", "khong", "no", "n", "chua"}
LEVEL_WORDS = {
    "none": {"", "-", "chua dat chuan", "chua dat", "chua", "khong", "none"},
    "standard": {"dat chuan", "dat chuan ntm", "ntm", "xa ntm", "nong thon moi", "standard"},
    "advanced": {"nang cao", "ntm nang cao", "dat chuan ntm nang cao", "advanced"},
    "model": {"kieu mau", "ntm kieu mau", "dat chuan ntm kieu mau", "model"},
}
LEVEL_LABELS_VI = {
    "none": "Chưa đạt chuẩn",
    "standard": "Đạt chuẩn NTM",
    "advanced": "NTM nâng cao",
    "model": "NTM kiểu mẫu",
}
LEVEL_CHOICES = tuple(sorted(set().union(*LEVEL_WORDS.values()) - {""}))
MET_CHOICES = tuple(sorted(MET_TRUE | MET_FALSE))
INSTRUCTION_SHEETS = {"huong dan", "instructions", "ghi chu"}
CRITERION_HEADER = re.compile(r"^(?:tc|tieu chi|criterion|chi tieu)\s*0?(\d{1,2})(?:\s|$)|^0?(\d{1,2})(?:\s+\D|$)")


@functools.lru_cache(maxsize=4096)  # a file repeats its values: a wrong file must not cost a fuzzy match per cell
def close_match(text: str, choices: tuple[str, ...], cutoff: float) -> str | None:
    close = difflib.get_close_matches(text, choices, n=1, cutoff=cutoff)
    return close[0] if close else None


@functools.lru_cache(maxsize=4096)
def key(text: str) -> str:
    """Text folded for matching: no diacritics, lower case, single spaces, no punctuation."""
    text = unicodedata.normalize("NFD", str(text).replace("Đ", "D").replace("đ", "d").replace("Ð", "D"))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn").lower()
    return " ".join(re.sub(r"[_/.:;,()\-]+", " ", text).split())


def criterion_of_header(header: str) -> str | None:
    match = CRITERION_HEADER.match(key(header))
    if not match:
        return None
    number = int(match.group(1) or match.group(2))
    return f"{number:02d}" if 1 <= number <= len(CRITERION_IDS) else None


@dataclass
class Columns:
    fields: dict[str, int] = field(default_factory=dict)  # field -> column index
    criteria: dict[str, int] = field(default_factory=dict)  # criterion id -> column index
    headers: list[str] = field(default_factory=list)

    def label(self, index: int) -> str:
        header = self.headers[index] if index < len(self.headers) else ""
        return f"{column_letter(index)} ({header})" if header else column_letter(index)


def map_columns(sheet: Sheet, header_row: int) -> tuple[Columns, list[Problem]]:
    headers = sheet.rows[header_row]
    columns, problems = Columns(headers=headers), []
    known = sorted(set().union(*HEADER_ALIASES.values()))
    for index, header in enumerate(headers):
        if not header:
            continue
        folded = key(header)
        field_name = next((name for name, aliases in HEADER_ALIASES.items() if folded in aliases), None)
        criterion = None if field_name else criterion_of_header(header)
        target, slot = (columns.fields, field_name) if field_name else (columns.criteria, criterion)
        if slot is None:
            close = difflib.get_close_matches(folded, known, n=1, cutoff=0.75)
            problems.append(
                warning(
                    f"không nhận ra tiêu đề cột «{header}», cột này bị bỏ qua.",
                    sheet.name,
                    header_row + 1,
                    column_letter(index),
                    f"có phải là «{close[0]}»?" if close else "đối chiếu tiêu đề với tệp mẫu.",
                )
            )
        elif slot in target:
            problems.append(
                error(
                    f"tiêu đề «{header}» bị lặp (đã có ở cột {column_letter(target[slot])}).",
                    sheet.name,
                    header_row + 1,
                    column_letter(index),
                    "xóa một trong hai cột.",
                )
            )
        else:
            target[slot] = index
    return columns, problems


@dataclass(frozen=True)
class Place:
    sheet: str
    row: int


@dataclass
class Record:
    place: Place
    commune_code: str
    year: int
    met: dict[str, bool]
    level: str
    recognised_year: int | None
    level_place: tuple[Place, str] | None = None


class CommuneResolver:
    """Finds a registry commune from a code, a name and a district, with suggestions."""

    def __init__(self, registry: pd.DataFrame):
        self.registry = registry.set_index("code").to_dict("index")
        self.by_name: dict[str, list[str]] = {}
        for code, short in zip(registry["code"], registry["short_name"]):
            self.by_name.setdefault(key(short), []).append(code)
        self.names = tuple(sorted(self.by_name))
        districts = registry.drop_duplicates("district_code")
        self.districts = {}
        for code, name in zip(districts["district_code"], districts["district_name"]):
            self.districts[key(name)] = code
            self.districts[key(re.sub(r"^(Huyện|Thành phố|Thị xã)\s+", "", name))] = code
            self.districts[key(code)] = code
            self.districts[key(str(int(code)))] = code

    def district_code(self, text: str) -> str | None:
        folded = key(text)
        return self.districts.get(folded) or self.districts.get(re.sub(r"^(tp|h)\s+", "", folded))

    def district_name(self, code: str) -> str:
        return next(str(row["district_name"]) for row in self.registry.values() if row["district_code"] == code)

    def suggest_name(self, folded: str) -> str:
        close = close_match(folded, self.names, 0.6)
        if not close:
            return "kiểm tra lại tên theo danh mục đơn vị hành chính."
        code = self.by_name[close][0]
        row = self.registry[code]
        return f"có phải là «{row['name']}» ({row['district_name']}, mã {code})?"

    def resolve(self, code: str, name: str, district: str) -> tuple[str | None, str, str]:
        """(commune code or None, message, suggestion)."""
        district_code = self.district_code(district) if district else None
        if district and district_code is None:
            return None, f"không nhận ra huyện «{district}».", "ghi tên huyện như trong tệp mẫu, ví dụ «Cao Lộc»."
        if code:
            code = code.zfill(5) if code.isdigit() else code.upper()
            if code not in self.registry:
                hint = (
                    self.suggest_name(key(re.sub(r"^(xã|xa)\s+", "", name, flags=re.I)))
                    if name
                    else "kiểm tra mã xã theo danh mục (5 chữ số, ví dụ 05986)."
                )
                return None, f"mã xã «{code}» không có trong danh mục đơn vị hành chính.", hint
            row = self.registry[code]
            if name and key(re.sub(r"^(xã|xa)\s+", "", name, flags=re.I)) != key(row["short_name"]):
                return (
                    None,
                    f"mã {code} là «{row['name']}», không phải «{name}».",
                    "kiểm tra lại mã xã hoặc tên xã cho khớp nhau.",
                )
        elif name:
            folded = key(re.sub(r"^(xã|xa)\s+", "", name, flags=re.I))
            candidates = self.by_name.get(folded, [])
            if district_code:
                in_district = [c for c in candidates if self.registry[c]["district_code"] == district_code]
                if candidates and not in_district:
                    right = ", ".join(sorted({str(self.registry[c]["district_name"]) for c in candidates}))
                    return (
                        None,
                        f"xã «{name}» không thuộc «{self.district_name(district_code)}».",
                        f"xã này thuộc {right}; kiểm tra lại cột huyện.",
                    )
                candidates = in_district
            if not candidates:
                return None, f"không tìm thấy xã «{name}» trong danh mục.", self.suggest_name(folded)
            if len(candidates) > 1:
                where = ", ".join(str(self.registry[c]["district_name"]) for c in candidates)
                return None, f"có nhiều xã tên «{name}» ({where}).", "ghi thêm mã xã hoặc cột huyện."
            code = candidates[0]
            row = self.registry[code]
        else:
            return None, "thiếu mã xã và tên xã.", "ghi mã xã (5 chữ số) hoặc tên xã."
        if district_code and row["district_code"] != district_code:
            return (
                None,
                f"«{row['name']}» thuộc «{row['district_name']}», không thuộc «{self.district_name(district_code)}».",
                "kiểm tra lại cột huyện hoặc mã xã.",
            )
        if row["type"] != "Xã":
            return (
                None,
                f"«{row['name']}» là {str(row['type']).lower()}, không tham gia xét nông thôn mới.",
                "xóa dòng này khỏi tệp.",
            )
        return code, "", ""


def parse_met(text: str) -> bool | None:
    folded = key(text)
    if folded in MET_TRUE:
        return True
    if folded in MET_FALSE:
        return False
    return None


def parse_level(text: str) -> str | None:
    folded = key(text)
    return next((level for level, words in LEVEL_WORDS.items() if folded in words), None)


def parse_year(text: str) -> int | None:
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None
    return int(number) if number.is_integer() else None


def header_row_of(sheet: Sheet) -> int | None:
    return next((i for i, row in enumerate(sheet.rows) if any(row)), None)


def cell(row: list[str], index: int | None) -> str:
    return row[index] if index is not None and index < len(row) else ""


def read_common(
    sheet: Sheet, number: int, row: list[str], columns: Columns, resolver: CommuneResolver, problems: ProblemLog
) -> tuple[str | None, int | None]:
    fields = columns.fields
    code, message, suggestion = resolver.resolve(
        cell(row, fields.get("code")), cell(row, fields.get("name")), cell(row, fields.get("district"))
    )
    if code is None:
        where = fields["code"] if cell(row, fields.get("code")) or "name" not in fields else fields["name"]
        problems.append(error(message, sheet.name, number, columns.label(where), suggestion))
    year_text = cell(row, fields["year"])
    year = parse_year(year_text)
    if year is None:
        problems.append(
            error(
                f"năm «{year_text}» không phải là số năm.",
                sheet.name,
                number,
                columns.label(fields["year"]),
                "ghi năm bằng 4 chữ số, ví dụ 2024.",
            )
        )
    elif not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        problems.append(
            error(
                f"năm {year} ngoài khoảng {YEAR_RANGE[0]}–{YEAR_RANGE[1]}.",
                sheet.name,
                number,
                columns.label(fields["year"]),
                "kiểm tra lại năm đánh giá.",
            )
        )
        year = None
    return code, year


def read_level(
    sheet: Sheet, number: int, row: list[str], columns: Columns, problems: ProblemLog
) -> tuple[str | None, int | None]:
    fields = columns.fields
    text = cell(row, fields.get("level"))
    level = parse_level(text)
    if level is None:
        close = close_match(key(text), LEVEL_CHOICES, 0.5)
        found = parse_level(close) if close else None
        problems.append(
            error(
                f"mức đạt chuẩn «{text}» không hợp lệ.",
                sheet.name,
                number,
                columns.label(fields["level"]),
                f"có phải là «{LEVEL_LABELS_VI[found]}»?"
                if found
                else "chọn một trong: " + ", ".join(LEVEL_LABELS_VI.values()) + ".",
            )
        )
        return None, None
    year_text = cell(row, fields.get("recognised_year"))
    if level == "none":
        return level, None
    recognised = parse_year(year_text) if year_text else None
    if recognised is None:
        column = columns.label(fields["recognised_year"]) if "recognised_year" in fields else "Năm công nhận"
        problems.append(
            error(
                f"xã ở mức «{LEVEL_LABELS_VI[level]}» nhưng thiếu năm công nhận hợp lệ"
                + (f" («{year_text}»)." if year_text else "."),
                sheet.name,
                number,
                column,
                "ghi năm có quyết định công nhận, ví dụ 2019.",
            )
        )
        return None, None
    return level, recognised


def data_rows(sheet: Sheet, header_row: int):
    """(row number as the spreadsheet shows it, cells) of every non-empty row below the header."""
    for offset, row in enumerate(sheet.rows[header_row + 1 :]):
        if any(row):
            yield header_row + offset + 2, row


def read_wide(
    sheet: Sheet, header_row: int, columns: Columns, resolver: CommuneResolver, problems: ProblemLog
) -> list[Record]:
    records = []
    for number, row in data_rows(sheet, header_row):
        before = len(problems)
        code, year = read_common(sheet, number, row, columns, resolver, problems)
        met = {}
        for criterion, index in sorted(columns.criteria.items()):
            text = cell(row, index)
            value = parse_met(text)
            if value is None:
                problems.append(met_problem(text, sheet.name, number, columns.label(index)))
            met[criterion] = value
        level, recognised = read_level(sheet, number, row, columns, problems)
        if len(problems) == before:
            records.append(Record(Place(sheet.name, number), code, year, met, level, recognised))
    return records


def met_problem(text: str, sheet: str, number: int, column: str) -> Problem:
    if not text:
        return error("ô trống: chưa ghi kết quả tiêu chí.", sheet, number, column, "ghi «Đạt» hoặc «Chưa đạt».")
    close = close_match(key(text), MET_CHOICES, 0.6)
    hint = (
        ("có phải là «Đạt»?" if close in MET_TRUE else "có phải là «Chưa đạt»?")
        if close
        else "chỉ nhận «Đạt» (hoặc x, 1, TRUE, có) và «Chưa đạt» (hoặc 0, FALSE, không)."
    )
    return error(f"giá trị «{text}» không phải là Đạt / Chưa đạt.", sheet, number, column, hint)


def read_long(
    sheet: Sheet, header_row: int, columns: Columns, resolver: CommuneResolver, problems: ProblemLog
) -> list[Record]:
    groups: dict[tuple[str, int], Record] = {}
    for number, row in data_rows(sheet, header_row):
        before = len(problems)
        code, year = read_common(sheet, number, row, columns, resolver, problems)
        criterion = criterion_of_header(cell(row, columns.fields["criterion"])) or criterion_of_header(
            "tc " + cell(row, columns.fields["criterion"])
        )
        if criterion is None:
            problems.append(
                error(
                    f"mã tiêu chí «{cell(row, columns.fields['criterion'])}» không hợp lệ.",
                    sheet.name,
                    number,
                    columns.label(columns.fields["criterion"]),
                    "ghi số tiêu chí từ 1 đến 19.",
                )
            )
        text = cell(row, columns.fields["met"])
        value = parse_met(text)
        if value is None:
            problems.append(met_problem(text, sheet.name, number, columns.label(columns.fields["met"])))
        level, recognised = (
            read_level(sheet, number, row, columns, problems) if "level" in columns.fields else ("none", None)
        )
        if len(problems) > before:
            continue
        record = groups.setdefault((code, year), Record(Place(sheet.name, number), code, year, {}, level, recognised))
        if criterion in record.met:
            problems.append(
                error(
                    f"tiêu chí {criterion} của xã {code} năm {year} bị ghi hai lần.",
                    sheet.name,
                    number,
                    columns.label(columns.fields["criterion"]),
                    f"xóa dòng trùng (dòng đầu là dòng {record.place.row}).",
                )
            )
        elif (record.level, record.recognised_year) != (level, recognised):
            problems.append(
                error(
                    f"mức đạt chuẩn khác với dòng {record.place.row} của cùng xã, cùng năm.",
                    sheet.name,
                    number,
                    columns.label(columns.fields.get("level", 0)),
                    "ghi cùng một mức cho mọi dòng của một xã trong một năm.",
                )
            )
        record.met[criterion] = value
    for record in groups.values():
        missing = [c for c in CRITERION_IDS if c not in record.met]
        if missing:
            problems.append(
                error(
                    f"xã {record.commune_code} năm {record.year} thiếu tiêu chí {', '.join(missing)}.",
                    record.place.sheet,
                    record.place.row,
                    columns.label(columns.fields["criterion"]),
                    "mỗi xã, mỗi năm cần đủ 19 tiêu chí.",
                )
            )
    return list(groups.values())


def read_sheet(sheet: Sheet, resolver: CommuneResolver, problems: ProblemLog, only_sheet: bool) -> list[Record]:
    header_row = header_row_of(sheet)
    if header_row is None:
        problems.append(warning("trang trống, bỏ qua.", sheet.name))
        return []
    columns, header_problems = map_columns(sheet, header_row)
    fields = columns.fields
    if "code" not in fields and "name" not in fields:
        if only_sheet or columns.criteria:
            problems.extend(header_problems)
            problems.append(
                error(
                    "không tìm thấy cột «Mã xã» hoặc «Tên xã».",
                    sheet.name,
                    header_row + 1,
                    None,
                    "dùng dòng tiêu đề của tệp mẫu; tiêu đề phải ở dòng đầu tiên có dữ liệu.",
                )
            )
        else:
            problems.append(warning("trang không có cột «Mã xã» hoặc «Tên xã», bỏ qua.", sheet.name))
        return []
    problems.extend(header_problems)
    if "year" not in fields:
        problems.append(error("thiếu cột «Năm».", sheet.name, header_row + 1, None, "thêm cột «Năm» như tệp mẫu."))
        return []
    if "criterion" in fields and "met" in fields:
        return read_long(sheet, header_row, columns, resolver, problems)
    if not columns.criteria:
        problems.append(
            error(
                "không tìm thấy cột tiêu chí nào (TC01 … TC19).",
                sheet.name,
                header_row + 1,
                None,
                "dùng tệp mẫu: mỗi tiêu chí một cột, hoặc bảng dài có cột «Tiêu chí» và «Đạt».",
            )
        )
        return []
    missing = [c for c in CRITERION_IDS if c not in columns.criteria]
    if missing:
        problems.append(
            error(
                f"thiếu cột tiêu chí {', '.join(missing)}.",
                sheet.name,
                header_row + 1,
                None,
                "mỗi tiêu chí từ TC01 đến TC19 cần một cột.",
            )
        )
        return []
    if "level" not in fields:
        problems.append(
            error(
                "thiếu cột «Mức đạt chuẩn».", sheet.name, header_row + 1, None, "thêm cột «Mức đạt chuẩn» như tệp mẫu."
            )
        )
        return []
    return read_wide(sheet, header_row, columns, resolver, problems)


def cross_checks(records: list[Record], problems: ProblemLog) -> None:
    seen: dict[tuple[str, int], Place] = {}
    for record in records:
        pair = (record.commune_code, record.year)
        if pair in seen:
            first = seen[pair]
            problems.append(
                error(
                    f"xã {record.commune_code} năm {record.year} bị ghi hai lần.",
                    record.place.sheet,
                    record.place.row,
                    None,
                    f"giữ một dòng; dòng kia là dòng {first.row} trang «{first.sheet}».",
                )
            )
        seen.setdefault(pair, record.place)
        met = sum(record.met.values())
        if record.level != "none" and met < len(CRITERION_IDS):
            problems.append(
                warning(
                    f"xã {record.commune_code} năm {record.year} ghi mức «{LEVEL_LABELS_VI[record.level]}» "
                    f"nhưng chỉ đạt {met}/{len(CRITERION_IDS)} tiêu chí.",
                    record.place.sheet,
                    record.place.row,
                    None,
                    "kiểm tra lại mức đạt chuẩn hoặc kết quả các tiêu chí.",
                )
            )
        if record.recognised_year is not None and record.recognised_year > record.year:
            problems.append(
                error(
                    f"năm công nhận {record.recognised_year} sau năm đánh giá {record.year}.",
                    record.place.sheet,
                    record.place.row,
                    None,
                    "kiểm tra lại năm công nhận.",
                )
            )


@dataclass
class Validation:
    criteria: pd.DataFrame
    levels: pd.DataFrame
    problems: list[Problem]  # of each kind, the first rows' problems and a line counting the others

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def error_count(self) -> int:
        """Every error found, those summed up in a 'và N lỗi cùng loại khác' line included."""
        return sum(p.count for p in self.problems if p.is_error)

    @property
    def warning_count(self) -> int:
        return sum(p.count for p in self.problems if not p.is_error)


def to_tables(records: list[Record]) -> tuple[pd.DataFrame, pd.DataFrame]:
    criteria = pd.DataFrame(
        [(r.commune_code, r.year, c, bool(v)) for r in records for c, v in sorted(r.met.items())],
        columns=["commune_code", "year", "criterion_id", "met"],
    )
    levels = pd.DataFrame(
        [(r.commune_code, r.year, r.level, r.recognised_year) for r in records],
        columns=["commune_code", "year", "level", "recognised_year"],
    )
    criteria["met"] = criteria["met"].astype(bool)
    criteria["year"] = criteria["year"].astype("int16")
    levels["year"] = levels["year"].astype("int16")
    levels["recognised_year"] = pd.array(levels["recognised_year"].tolist(), dtype="Int16")
    return criteria, levels


def validate_sheets(sheets: list[Sheet], registry: pd.DataFrame) -> Validation:
    problems = ProblemLog()
    data_sheets = [s for s in sheets if key(s.name) not in INSTRUCTION_SHEETS]
    resolver = CommuneResolver(registry)
    records = []
    for sheet in data_sheets:
        records += read_sheet(sheet, resolver, problems, only_sheet=len(data_sheets) == 1)
    cross_checks(records, problems)
    if not records and not any(p.is_error for p in problems):
        problems.append(
            error("tệp không có dòng số liệu nào.", suggestion="điền số liệu vào tệp mẫu, bắt đầu từ dòng 2.")
        )
    criteria, levels = to_tables(records)
    return Validation(criteria, levels, problems.problems())


def validate_upload(data: bytes, filename: str, registry: pd.DataFrame) -> Validation:
    """Read and validate an uploaded file; nothing is stored here."""
    sheets, problems = read_upload(data, filename)
    if any(p.is_error for p in problems) or not sheets:
        criteria, levels = to_tables([])
        return Validation(criteria, levels, problems or [error("tệp không có trang nào.")])
    result = validate_sheets(sheets, registry)
    result.problems[:0] = problems
    return result
