"""Giving meaning to an uploaded file's cells: which commune, which year, which criteria met.

Wide layout (one row per commune and year, one column per criterion, as in the template) and long
layout (one row per commune, year and criterion) are both accepted. The header may take one row or
two (a merged group cell such as «Các tiêu chí» over the criteria, their codes in the row below) and
may follow title rows; headers are matched through the synonyms of `data/import_synonyms.csv` and
the criteria's own names (`data/criteria.csv`), accent- and case-insensitively (`ntm.text.fold`);
other columns (STT, Ghi chú) are ignored. A year is read in its phase: its criteria set (19 criteria
until 2025, 10 from 2026) and its units (old communes until 2025, the new communes from 2026).

Every problem of the file is found in one pass (structure, rows, checks across rows) and is a Problem
with sheet, row and column, in Vietnamese, with a suggestion where one exists. Values are read from a
fixed vocabulary with its diacritics («có», not «co»): a value outside it is an error listing the
accepted spellings, never a guess.
"""

import difflib
import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

import pandas as pd

from ntm.criteria import LEVEL_RANK, MAX_CRITERIA, CriteriaSet, criteria_sets, load_catalogue, set_for_year
from ntm.criteria import load_levels as load_level_table
from ntm.dataset import YEAR_RANGE, bundled_new_units, new_geography
from ntm.ingest.read import (
    Problem,
    ProblemGroup,
    ProblemLog,
    Sheet,
    column_letter,
    count_text,
    error,
    read_upload,
    warning,
)
from ntm.paths import DATA
from ntm.text import fold

SYNONYMS = DATA / "import_synonyms.csv"
VIETNAM_TIME = timezone(timedelta(hours=7))
FIELDS = ("code", "name", "district", "year", "level", "recognised_year", "criterion", "met")
FIELD_LABELS = {
    "code": "Mã xã",
    "name": "Tên xã",
    "district": "Huyện",
    "year": "Năm",
    "level": "Mức đạt chuẩn",
    "recognised_year": "Năm công nhận",
    "criterion": "Tiêu chí",
    "met": "Đạt",
}
HEADER_SEARCH = 10  # the header is looked for among the first non-empty rows (title rows may come first)
INSTRUCTION_SHEETS = {"huong dan", "instructions", "ghi chu"}
CRITERION_HEADER = re.compile(
    r"^(?:tc|tieu chi|tieu chi so|criterion|chi tieu)\s*0?(\d{1,2})(?:\s|$)|^0?(\d{1,2})(?:\s+\D|$)"
)
NUMBERING = re.compile(r"^\(?\d{1,3}\)?$")
# Marks meaning met / not met, as written (case aside): «có», «Đạt», never «co», «dat».
MET_TRUE = ("Đạt", "x", "\u2713", "\u2714", "1", "TRUE", "có", "yes", "y", "ok", "v")
MET_FALSE = ("Chưa đạt", "Không đạt", "0", "FALSE", "không", "chưa", "no", "n")
LEVEL_SPELLINGS = {
    "none": ("Chưa đạt chuẩn", "Chưa đạt chuẩn NTM", "Chưa đạt", "Chưa", "Không", "-", "none"),
    "standard": ("Đạt chuẩn NTM", "Đạt chuẩn", "Đạt chuẩn nông thôn mới", "NTM", "Xã NTM", "Nông thôn mới", "standard"),
    "advanced": ("NTM nâng cao", "Nâng cao", "Đạt chuẩn NTM nâng cao", "Xã NTM nâng cao", "advanced"),
    "model": ("NTM kiểu mẫu", "Kiểu mẫu", "Đạt chuẩn NTM kiểu mẫu", "Xã NTM kiểu mẫu", "model"),
    "modern": ("NTM hiện đại (thí điểm)", "NTM hiện đại", "Hiện đại", "Xã NTM hiện đại", "modern"),
}


def spelling(text: str) -> str:
    """A value as written, for the vocabulary: NFC, lower case, single spaces, no final full stop.
    Diacritics are kept: «co» is not «có»."""
    text = unicodedata.normalize("NFC", str(text)).replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    return " ".join(text.lower().split()).rstrip(".").strip()


@functools.lru_cache(maxsize=65_536)  # a file repeats its values and headers: each folded once
def key(text: str) -> str:
    """Text folded for matching headers and names: no diacritics, lower case, single spaces, no punctuation."""
    return fold(text)


@functools.lru_cache(maxsize=4096)  # a file repeats its values: a wrong file must not cost a fuzzy match per cell
def close_match(text: str, choices: tuple[str, ...], cutoff: float) -> str | None:
    close = difflib.get_close_matches(text, choices, n=1, cutoff=cutoff)
    return close[0] if close else None


@functools.lru_cache(maxsize=1)
def synonyms() -> dict[str, frozenset[str]]:
    """{folded header: the fields it may name} from data/import_synonyms.csv."""
    table = pd.read_csv(SYNONYMS, dtype=str, keep_default_na=False)
    unknown = set(table["field"]) - set(FIELDS)
    if unknown:
        raise ValueError(f"{SYNONYMS}: unknown fields {sorted(unknown)}")
    found: dict[str, set[str]] = {}
    for name, synonym in zip(table["field"], table["synonym"]):
        found.setdefault(key(synonym), set()).add(name)
    return {folded: frozenset(names) for folded, names in found.items()}


@functools.lru_cache(maxsize=1)
def criterion_names() -> dict[str, dict[str, str]]:
    """{criteria set: {folded name (vi or en): criterion id}}."""
    catalogue = load_catalogue()
    names: dict[str, dict[str, str]] = {}
    for row in catalogue.itertuples():
        own = names.setdefault(row.criteria_set, {})
        for name in (row.name_vi, row.name_en):
            if name:
                own.setdefault(key(name), row.criterion_id)
    return names


@functools.lru_cache(maxsize=1)
def level_vocabulary() -> dict[str, str]:
    """{spelling: level}: the spellings above and every level's name in data/criteria_levels.csv."""
    words = {spelling(word): level for level, words in LEVEL_SPELLINGS.items() for word in words}
    table = load_level_table()
    for level, name_vi, name_en in zip(table["level"], table["name_vi"], table["name_en"]):
        words.setdefault(spelling(name_vi), level)
        words.setdefault(spelling(name_en), level)
    words[""] = "none"
    return words


def _level_labels() -> dict[str, str]:
    table = load_level_table().sort_values("rank").drop_duplicates("level")
    return dict(zip(table["level"], table["name_vi"]))


LEVEL_LABELS_VI = _level_labels()
MET_VOCABULARY = {spelling(word): True for word in MET_TRUE} | {spelling(word): False for word in MET_FALSE}
MET_ACCEPTED = "«" + "», «".join(MET_TRUE) + "» (đạt) hoặc «" + "», «".join(MET_FALSE) + "» (chưa đạt)"
MET_KEYS = {fold(word): word for word in reversed(MET_TRUE + MET_FALSE)}  # folded -> the first word so spelt
MET_TRUE_KEYS = frozenset(fold(word) for word in MET_TRUE)
LEVEL_CHOICES = tuple(sorted(key(word) for word in level_vocabulary() if word))


def criterion_of_header(header: str, criteria_set: CriteriaSet | None = None) -> str | None:
    """The criterion a header names: by number (TC05, «Tiêu chí 5», «5. Trường học») or by the
    criterion's name in `criteria_set` (any set when None)."""
    folded = key(header)
    match = CRITERION_HEADER.match(folded)
    if match:
        number = int(match.group(1) or match.group(2))
        return f"{number:02d}" if 1 <= number <= MAX_CRITERIA else None
    sets = [criteria_set.id] if criteria_set is not None else [s.id for s in criteria_sets()]
    for set_id in sets:
        found = criterion_names().get(set_id, {}).get(folded)
        if found:
            return found
    return None


def header_fields(label: str) -> frozenset[str]:
    return synonyms().get(key(label), frozenset()) if label else frozenset()


def parse_met(text: str) -> bool | None:
    return MET_VOCABULARY.get(spelling(text))


def parse_level(text: str) -> str | None:
    return level_vocabulary().get(spelling(text))


def parse_year(text: str) -> int | None:
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None
    return int(number) if number.is_integer() else None


def current_year(today: date | None = None) -> int:
    return (today or datetime.now(VIETNAM_TIME).date()).year


def cell(row: list[str], index: int | None) -> str:
    return row[index] if index is not None and index < len(row) else ""


# --- the header: where it is, one row or two, what each column holds ------------------------------


@dataclass
class Columns:
    fields: dict[str, int] = field(default_factory=dict)  # field -> column index
    criteria: dict[str, int] = field(default_factory=dict)  # criterion id -> column index
    headers: list[str] = field(default_factory=list)
    start: int = 0  # index of the header's first row
    height: int = 1  # rows the header takes
    fingerprint: str = ""

    @property
    def end(self) -> int:
        """Index of the first row below the header."""
        return self.start + self.height

    def label(self, index: int) -> str:
        header = self.headers[index] if index < len(self.headers) else ""
        return f"{column_letter(index)} ({header})" if header else column_letter(index)

    @property
    def long(self) -> bool:
        return "criterion" in self.fields and "met" in self.fields


def merged_value(sheet: Sheet, row: int, column: int) -> str:
    """The text of a cell, or of the merged range covering it (0-based row and column)."""
    value = cell(sheet.rows[row], column) if row < len(sheet.rows) else ""
    if value:
        return value
    for top, left, bottom, right in sheet.merges:
        if top - 1 <= row <= bottom - 1 and left <= column <= right:
            return cell(sheet.rows[top - 1], left) if top - 1 < len(sheet.rows) else ""
    return ""


def header_labels(sheet: Sheet, start: int, height: int) -> list[str]:
    """Each column's header: with two rows, the lower cell's text, else the upper one's (a group cell
    merged over several columns, or a cell merged down over both rows)."""
    width = max(len(sheet.rows[i]) for i in range(start, min(start + height, len(sheet.rows))))
    width = max([width] + [right + 1 for top, _, _, right in sheet.merges if top - 1 == start])
    if height == 1:
        return [cell(sheet.rows[start], c) for c in range(width)]
    lower = sheet.rows[start + 1] if start + 1 < len(sheet.rows) else []
    return [cell(lower, c) or merged_value(sheet, start, c) for c in range(width)]


def label_score(labels: list[str]) -> int:
    """How many distinct fields and criteria the labels name."""
    named = set()
    for label in labels:
        if not label:
            continue
        found = header_fields(label)
        if found:
            named.add(min(found))
        else:
            criterion = criterion_of_header(label)
            if criterion:
                named.add(("criterion", criterion))
    return len(named)


def find_header(sheet: Sheet) -> tuple[int, int] | None:
    """(first row index, height) of the header: among the first non-empty rows, the row or pair of
    rows whose labels name the most fields and criteria; None for an empty sheet."""
    starts = [i for i, row in enumerate(sheet.rows) if any(row)][:HEADER_SEARCH]
    if not starts:
        return None
    best, best_score = (starts[0], 1), 0
    for start in starts:
        spans = any(top - 1 == start and bottom - 1 > start for top, _, bottom, _ in sheet.merges)
        for height in (2,) if spans else (1, 2):
            if start + height > len(sheet.rows) or height == 2 and numbers_columns(sheet, start) and not spans:
                continue
            score = label_score(header_labels(sheet, start, height))
            if score > best_score:
                best, best_score = (start, height), score
    return best


def numbers_columns(sheet: Sheet, start: int) -> bool:
    """Whether the row below `start` numbers the columns ((1), (2) … under every column, «Mã xã»
    included) rather than naming criteria under a group cell."""
    lower = sheet.rows[start + 1] if start + 1 < len(sheet.rows) else []
    if not is_numbering(lower):
        return False
    upper = header_labels(sheet, start, 1)
    return any(cell(lower, c) and header_fields(label) for c, label in enumerate(upper))


def fingerprint(labels: list[str]) -> str:
    """The header's shape: its folded labels, hashed. A column mapping chosen for one file is used
    again for the next file whose header has the same fingerprint."""
    return hashlib.sha256("|".join(key(label) for label in labels).encode()).hexdigest()[:16]


def map_columns(
    sheet: Sheet, start: int, height: int, criteria_set: CriteriaSet | None, mapping: dict | None
) -> tuple[Columns, list[Problem]]:
    labels = header_labels(sheet, start, height)
    columns = Columns(headers=labels, start=start, height=height, fingerprint=fingerprint(labels))
    problems = []
    found = [header_fields(label) for label in labels]
    has_criterion = any("criterion" in names for names in found)
    for index, (label, names) in enumerate(zip(labels, found)):
        if not label:
            continue
        if len(names) > 1:  # «Kết quả»: the result of a criterion in the long layout, else the level
            names = {"met"} if has_criterion and "met" in names else names - {"met"}
        field_name = min(names) if names else None
        criterion = None if field_name else criterion_of_header(label, criteria_set) or criterion_of_header(label)
        target, slot = (columns.fields, field_name) if field_name else (columns.criteria, criterion)
        if slot is None:
            continue  # STT, Ghi chú and any other column: not ours, ignored
        if slot in target:
            problems.append(
                error(
                    f"tiêu đề «{label}» bị lặp (đã có ở cột {column_letter(target[slot])}).",
                    sheet.name,
                    start + height,
                    column_letter(index),
                    "xóa một trong hai cột.",
                )
            )
        else:
            target[slot] = index
    for slot, index in (mapping or {}).get(columns.fingerprint, {}).items():
        if slot in FIELDS:
            columns.fields = {k: v for k, v in columns.fields.items() if v != index}
            columns.criteria = {k: v for k, v in columns.criteria.items() if v != index}
            columns.fields[slot] = index
        else:
            columns.fields = {k: v for k, v in columns.fields.items() if v != index}
            columns.criteria = {k: v for k, v in columns.criteria.items() if v != index}
            columns.criteria[slot] = index
    return columns, problems


def merge_problems(sheet: Sheet, columns: Columns) -> list[Problem]:
    """Merged cells: a group cell over a two-row header is read; one in a one-row header hides the
    names of the columns it covers, and one among the data hides values: both are errors."""
    problems = []
    for top, left, bottom, right in sheet.merges:
        if bottom - 1 < columns.start:
            continue  # a title above the header
        ref = f"{column_letter(left)}{top}:{column_letter(right)}{bottom}"
        in_header = bottom - 1 < columns.end
        if in_header and (columns.height == 2 or left == right):
            continue
        problems.append(
            error(
                f"ô gộp {ref} trong phần {'tiêu đề' if in_header else 'dữ liệu'}.",
                sheet.name,
                top,
                column_letter(left),
                "ghi tên từng cột ở dòng tiêu đề thứ hai dưới ô gộp, hoặc bỏ gộp ô (Unmerge)."
                if in_header
                else "bỏ gộp ô (Unmerge) và ghi đủ giá trị vào từng ô.",
            )
        )
    return problems


# --- communes -----------------------------------------------------------------------------------


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


def strip_commune(name: str) -> str:
    return key(re.sub(r"^(xã|xa|phường|phuong)\s+", "", name, flags=re.I))


class CommuneResolver:
    """Finds a unit from a code, a name and a district, with suggestions from the row's district.

    `units` are the old units (registry.csv, by district) or the new ones (from 1 July 2025, no
    district: their former district stands for it, for suggestions only)."""

    def __init__(self, units: pd.DataFrame, new: bool = False):
        self.new = new
        units = units.assign(
            district_code=units["former_district_code"] if new else units["district_code"],
            district_name=units["former_district_name"] if new else units["district_name"],
        )
        self.registry = units.set_index("code").to_dict("index")
        self.by_name: dict[str, list[str]] = {}
        for code, short in zip(units["code"], units["short_name"]):
            self.by_name.setdefault(key(short), []).append(code)
        self.names = tuple(sorted(self.by_name))
        self.districts = {}
        for code, name in zip(units["district_code"], units["district_name"]):
            if not code:
                continue
            self.districts[key(name)] = code
            self.districts[key(re.sub(r"^(Huyện|Thành phố|Thị xã)\s+", "", name))] = code
            self.districts[key(code)] = code
            self.districts[key(str(int(code)))] = code

    def district_code(self, text: str) -> str | None:
        folded = re.sub(r"\s*\(?cu\)?$", "", key(text))
        return self.districts.get(folded) or self.districts.get(re.sub(r"^(tp|h)\s+", "", folded))

    def district_name(self, code: str) -> str:
        return next(str(row["district_name"]) for row in self.registry.values() if row["district_code"] == code)

    def suggest_name(self, folded: str, district_code: str | None = None) -> str:
        """The closest names, from the row's district first, then the province, with their codes."""
        pools = []
        if district_code:
            pools.append([c for c, row in self.registry.items() if row["district_code"] == district_code])
        pools.append(list(self.registry))
        for pool in pools:
            scored = sorted(
                (difflib.SequenceMatcher(None, folded, key(self.registry[c]["short_name"])).ratio(), c)
                for c in pool
                if self.registry[c]["type"] == "Xã"
            )
            close = [(score, code) for score, code in reversed(scored) if score >= 0.6][:3]
            if close:
                old = " cũ" if self.new else ""
                options = [
                    f"«{self.registry[c]['name']}» ({self.registry[c]['district_name']}{old}, mã {c})" for _, c in close
                ]
                return "có phải là " + " hoặc ".join(options) + "?"
        return "kiểm tra lại tên theo danh mục đơn vị hành chính."

    def resolve(self, code: str, name: str, district: str) -> tuple[str | None, str, str]:
        """(commune code or None, message, suggestion)."""
        district_code = self.district_code(district) if district else None
        if district and district_code is None and not self.new:
            return None, f"không nhận ra huyện «{district}».", "ghi tên huyện như trong tệp mẫu, ví dụ «Cao Lộc»."
        if code:
            code = code.zfill(5) if code.isdigit() else code.upper()
            if code not in self.registry:
                where = "danh mục xã mới (từ 1/7/2025)" if self.new else "danh mục đơn vị hành chính"
                hint = (
                    self.suggest_name(strip_commune(name), district_code)
                    if name
                    else "kiểm tra mã xã theo danh mục (5 chữ số, ví dụ 05986)."
                )
                return None, f"mã xã «{code}» không có trong {where}.", hint
            row = self.registry[code]
            if name and strip_commune(name) != key(row["short_name"]):
                return (
                    None,
                    f"mã {code} là «{row['name']}», không phải «{name}».",
                    "kiểm tra lại mã xã hoặc tên xã cho khớp nhau.",
                )
        elif name:
            folded = strip_commune(name)
            candidates = self.by_name.get(folded, [])
            if district_code and not self.new:
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
                where = " (danh mục xã mới từ 1/7/2025)" if self.new else ""
                return (
                    None,
                    f"không tìm thấy xã «{name}» trong danh mục{where}.",
                    self.suggest_name(folded, district_code),
                )
            if len(candidates) > 1:
                where = ", ".join(str(self.registry[c]["district_name"]) for c in candidates)
                return None, f"có nhiều xã tên «{name}» ({where}).", "ghi thêm mã xã hoặc cột huyện."
            code = candidates[0]
            row = self.registry[code]
        else:
            return None, "thiếu mã xã và tên xã.", "ghi mã xã (5 chữ số) hoặc tên xã."
        if district_code and row["district_code"] != district_code and not self.new:
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


# --- one sheet ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MappingNeed:
    """A sheet whose required columns were not all found: the page offers to choose them."""

    sheet: str
    fingerprint: str
    headers: tuple[str, ...]  # every column's label ("" for none)
    missing: tuple[str, ...]  # fields ("code", "year", "level" …) and criterion ids ("05")
    mapped: tuple[tuple[str, int], ...]  # what was found (slot, column index)
    criteria_set: str = ""  # the set whose criteria are asked for


@dataclass
class Context:
    old: CommuneResolver
    new: CommuneResolver
    this_year: int
    mapping: dict
    notes: list[str] = field(default_factory=list)
    needs: list[MappingNeed] = field(default_factory=list)
    fingerprints: list[str] = field(default_factory=list)  # of every data sheet's header

    def resolver(self, year: int | None) -> CommuneResolver:
        return self.new if year is not None and new_geography(year) else self.old


def data_rows(sheet: Sheet, columns: Columns):
    """(row number as the spreadsheet shows it, cells) of every non-empty row below the header; a
    row numbering the columns just under it ((1), (2) … as report forms have) is skipped."""
    for offset, row in enumerate(sheet.rows[columns.end :]):
        if not any(row):
            continue
        if offset < 2 and is_numbering(row):
            continue
        yield columns.end + offset + 1, row


def is_numbering(row: list[str]) -> bool:
    values = [v for v in row if v]
    if len(values) < 4 or not all(NUMBERING.match(v) for v in values):
        return False
    numbers = [int(v.strip("()")) for v in values]
    return numbers == sorted(numbers) and len(set(numbers)) == len(numbers)


def sheet_set(sheet: Sheet, columns: Columns) -> tuple[CriteriaSet, dict[int, list[int]]]:
    """The criteria set of the sheet's most common valid year (2021-2025 when none), and the rows of each year."""
    rows_of: dict[int, list[int]] = {}
    if "year" in columns.fields:
        for number, row in data_rows(sheet, columns):
            year = parse_year(cell(row, columns.fields["year"]))
            if year is not None and YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
                rows_of.setdefault(year, []).append(number)
    if not rows_of:
        return set_for_year(2025), rows_of
    year = max(rows_of, key=lambda y: (len(rows_of[y]), y))
    return set_for_year(year), rows_of


def set_named(entry: CriteriaSet) -> str:
    return f"bộ {entry.n} tiêu chí giai đoạn {entry.id} ({entry.decision})"


def set_problems(
    sheet: Sheet, columns: Columns, rows_of: dict[int, list[int]], this_year: int
) -> tuple[list[Problem], set[int]]:
    """Years whose criteria set is not the one the sheet's criterion columns hold (a 2026 row with
    the 19 columns of 2021-2025, a 2024 row with the 10 of 2026-2030): one error per year, with
    the first rows; the years refused."""
    if columns.long or not columns.criteria:
        return [], set()
    ids = set(columns.criteria)
    problems, refused = [], set()
    for year, rows in sorted(rows_of.items()):
        entry = set_for_year(year)
        if year > this_year or set(entry.criteria) <= ids and ids <= set(entry.criteria):
            continue
        same = [s for s in criteria_sets() if set(s.criteria) == ids]
        held = min(same, key=lambda s: min(abs(year - s.first_year), abs(year - s.last_year))) if same else None
        where = f"{len(rows)} dòng năm {year}, từ dòng {rows[0]}"
        if held is not None and held.lineage != entry.lineage:
            before = year < held.first_year
            text = (
                f"trang có {len(ids)} cột tiêu chí của {set_named(held)}, nhưng năm {year} "
                + (f"trước giai đoạn {held.id}" if before else f"thuộc giai đoạn {entry.id}")
                + f": năm {year} đánh giá theo {set_named(entry)} ({where})."
            )
        elif ids > set(entry.criteria):
            extra = ", ".join(sorted(ids - set(entry.criteria)))
            text = (
                f"năm {year} thuộc giai đoạn {entry.id}, đánh giá theo {set_named(entry)}; "
                f"trang có thêm cột tiêu chí {extra} ({where})."
            )
        else:
            continue  # missing columns of the sheet's own set: reported once as «thiếu cột tiêu chí»
        refused.add(year)
        problems.append(
            error(
                text,
                sheet.name,
                rows[0],
                columns.label(columns.fields["year"]),
                f"tải tệp mẫu năm {year} (python -m ntm template --year {year}) và ghi kết quả theo "
                f"{entry.n} tiêu chí của giai đoạn {entry.id}; hoặc sửa lại năm.",
            )
        )
    return problems, refused


def structure_problems(sheet: Sheet, columns: Columns, entry: CriteriaSet, mismatch_found: bool) -> list[Problem]:
    """Required columns not found (each one reported: the rows are still read for their other problems)."""
    fields, row = columns.fields, columns.end
    problems = []
    if "code" not in fields and "name" not in fields:
        problems.append(
            error(
                "không tìm thấy cột «Mã xã» hoặc «Tên xã».",
                sheet.name,
                row,
                None,
                "chọn cột trên trang Nhập dữ liệu (bước ghép cột) hoặc đặt tiêu đề như tệp mẫu "
                "(nhận cả «Mã ĐVHC», «Đơn vị», «Xã»).",
            )
        )
    if "year" not in fields:
        problems.append(error("thiếu cột «Năm».", sheet.name, row, None, "thêm cột «Năm» như tệp mẫu."))
    if columns.long:
        return problems
    if not columns.criteria:
        problems.append(
            error(
                f"không tìm thấy cột tiêu chí nào (TC01 … TC{entry.n:02d}).",
                sheet.name,
                row,
                None,
                "dùng tệp mẫu: mỗi tiêu chí một cột, hoặc bảng dài có cột «Tiêu chí» và «Đạt».",
            )
        )
        return problems
    missing = [c for c in entry.criteria if c not in columns.criteria]
    if missing and not set(columns.criteria) - set(entry.criteria) and not mismatch_found:
        problems.append(
            error(
                f"thiếu cột tiêu chí {', '.join(missing)}.",
                sheet.name,
                row,
                None,
                f"mỗi tiêu chí từ TC01 đến TC{entry.n:02d} ({set_named(entry)}) cần một cột.",
            )
        )
    if "level" not in fields:
        problems.append(
            error(
                "thiếu cột «Mức đạt chuẩn».",
                sheet.name,
                row,
                None,
                "thêm cột «Mức đạt chuẩn» như tệp mẫu (nhận cả «Mức công nhận», «Kết quả»).",
            )
        )
    return problems


def mapping_need(sheet: Sheet, columns: Columns, entry: CriteriaSet) -> MappingNeed | None:
    fields = columns.fields
    missing = []
    if "code" not in fields and "name" not in fields:
        missing.append("code")
    if "year" not in fields:
        missing.append("year")
    if not columns.long:
        if "level" not in fields:
            missing.append("level")
        if not set(columns.criteria) - set(entry.criteria):
            missing += [c for c in entry.criteria if c not in columns.criteria]
    if not missing:
        return None
    mapped = tuple(sorted(fields.items())) + tuple(sorted(columns.criteria.items()))
    return MappingNeed(sheet.name, columns.fingerprint, tuple(columns.headers), tuple(missing), mapped, entry.id)


def read_year(
    sheet: Sheet, number: int, row: list[str], columns: Columns, this_year: int, problems: ProblemLog
) -> int | None:
    if "year" not in columns.fields:
        return None
    index = columns.fields["year"]
    year_text = cell(row, index)
    year = parse_year(year_text)
    where = (sheet.name, number, columns.label(index))
    if year is None:
        problems.append(error(f"năm «{year_text}» không phải là số năm.", *where, "ghi năm bằng 4 chữ số, ví dụ 2024."))
        return None
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        problems.append(
            error(f"năm {year} ngoài khoảng {YEAR_RANGE[0]}–{YEAR_RANGE[1]}.", *where, "kiểm tra lại năm đánh giá.")
        )
        return None
    if year > this_year:
        problems.append(
            error(
                f"năm {year} sau năm hiện tại ({this_year}): chưa thể có kết quả đánh giá.",
                *where,
                "kiểm tra lại năm đánh giá (năm của kỳ báo cáo, không phải năm mục tiêu).",
            )
        )
        return None
    return year


def read_commune(
    sheet: Sheet, number: int, row: list[str], columns: Columns, resolver: CommuneResolver, problems: ProblemLog
) -> str | None:
    fields = columns.fields
    if "code" not in fields and "name" not in fields:
        return None
    code, message, suggestion = resolver.resolve(
        cell(row, fields.get("code")), cell(row, fields.get("name")), cell(row, fields.get("district"))
    )
    if code is None:
        where = fields["code"] if cell(row, fields.get("code")) or "name" not in fields else fields["name"]
        problems.append(error(message, sheet.name, number, columns.label(where), suggestion))
    return code


def read_level(
    sheet: Sheet, number: int, row: list[str], columns: Columns, entry: CriteriaSet | None, problems: ProblemLog
) -> tuple[str | None, int | None]:
    fields = columns.fields
    if "level" not in fields:
        return None, None
    text = cell(row, fields["level"])
    level = parse_level(text)
    labels = [LEVEL_LABELS_VI[lv] for lv in (entry.levels if entry else LEVEL_LABELS_VI)]
    where = (sheet.name, number, columns.label(fields["level"]))
    if level is None:
        close = close_match(key(text), LEVEL_CHOICES, 0.5)
        found = next((lv for word, lv in level_vocabulary().items() if word and key(word) == close), None)
        hint = f"có phải là «{LEVEL_LABELS_VI[found]}»? " if found else ""
        problems.append(
            error(f"mức đạt chuẩn «{text}» không hợp lệ.", *where, hint + "chọn một trong: " + ", ".join(labels) + ".")
        )
        return None, None
    if entry is not None and level not in entry.levels:
        problems.append(
            error(
                f"mức «{text}» không có trong bộ tiêu chí giai đoạn {entry.id} ({entry.decision}).",
                *where,
                "chọn một trong: " + ", ".join(labels) + ".",
            )
        )
        return None, None
    if level == "none":
        return level, None
    year_text = cell(row, fields.get("recognised_year"))
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


def met_problem(text: str, sheet: str, number: int, column: str) -> Problem:
    if not text:
        return error("ô trống: chưa ghi kết quả tiêu chí.", sheet, number, column, "ghi «Đạt» hoặc «Chưa đạt».")
    folded = key(text)
    same = MET_KEYS.get(folded)
    if same is not None:
        hint = f"có phải là «{same}»? Hệ thống không tự đoán chữ viết thiếu dấu; chỉ nhận {MET_ACCEPTED}."
    else:
        close = close_match(folded, tuple(MET_KEYS), 0.6)
        if close:
            meant = "Đạt" if close in MET_TRUE_KEYS else "Chưa đạt"
            hint = f"có phải là «{meant}»? Chỉ nhận {MET_ACCEPTED}."
        else:
            hint = f"chỉ nhận {MET_ACCEPTED}."
    return error(f"giá trị «{text}» không phải là Đạt / Chưa đạt.", sheet, number, column, hint)


def level_agreement(
    sheet: Sheet, number: int, columns: Columns, entry: CriteriaSet, met: int, level: str, problems: ProblemLog
) -> None:
    """The level must agree with the criteria: all met but «not yet», or a level above the standard
    without every criterion, is an error; the standard with a criterion short is a warning (a
    recognised commune can fall back on a criterion)."""
    where = (sheet.name, number, columns.label(columns.fields["level"]))
    label = LEVEL_LABELS_VI[level]
    if level == "none" and met == entry.n:
        problems.append(
            error(
                f"đạt đủ {met}/{entry.n} tiêu chí nhưng ghi mức «{label}».",
                *where,
                "nếu xã đã được công nhận, ghi «Đạt chuẩn NTM» và năm công nhận; nếu chưa, kiểm tra lại các tiêu chí.",
            )
        )
    elif LEVEL_RANK[level] >= 2 and met < entry.n:
        problems.append(
            error(
                f"ghi mức «{label}» nhưng chỉ đạt {met}/{entry.n} tiêu chí (chưa đủ chuẩn NTM).",
                *where,
                "xã phải đạt đủ các tiêu chí mới ở mức này; kiểm tra lại mức hoặc kết quả các tiêu chí.",
            )
        )
    elif level == "standard" and met < entry.n:
        problems.append(
            warning(
                f"ghi mức «{label}» nhưng chỉ đạt {met}/{entry.n} tiêu chí.",
                *where,
                "kiểm tra lại mức đạt chuẩn hoặc kết quả các tiêu chí.",
            )
        )


def read_wide(
    sheet: Sheet, columns: Columns, ctx: Context, refused: set[int], blocked: bool, problems: ProblemLog
) -> list[Record]:
    criteria = sorted(columns.criteria.items())
    level_index = columns.fields.get("level")
    marks_only = not any(
        parse_met(cell(row, index)) is False for _, row in data_rows(sheet, columns) for _, index in criteria
    )
    records, blanks, unfilled = [], 0, 0
    for number, row in data_rows(sheet, columns):
        values = [cell(row, index) for _, index in criteria]
        if criteria and not any(values) and not cell(row, level_index):
            unfilled += 1  # a commune listed in the template and not reported: nothing to read
            continue
        before = len(problems)
        year = read_year(sheet, number, row, columns, ctx.this_year, problems)
        entry = set_for_year(year) if year is not None else None
        code = None if year in refused else read_commune(sheet, number, row, columns, ctx.resolver(year), problems)
        met = {}
        for (criterion, index), text in zip(criteria, values):
            value = parse_met(text)
            if value is None and not text and (number, index) in sheet.formulas:
                continue  # a formula: already reported
            if value is None and not text and marks_only:
                value, blanks = False, blanks + 1
            if value is None:
                problems.append(met_problem(text, sheet.name, number, columns.label(index)))
            met[criterion] = value
        level, recognised = read_level(sheet, number, row, columns, entry, problems)
        if entry is not None and level is not None and year not in refused and len(problems) == before:
            own = [met.get(c) for c in entry.criteria]
            if None not in own:
                level_agreement(sheet, number, columns, entry, sum(own), level, problems)
        own = {c: met.get(c) for c in entry.criteria} if entry else {}
        complete = entry is not None and None not in own.values()
        if len(problems) == before and complete and not blocked and year not in refused and code is not None:
            records.append(Record(Place(sheet.name, number), code, year, own, level, recognised))
    if blanks:
        ctx.notes.append(
            f"Trang «{sheet.name}»: ô trống được hiểu là Chưa đạt: {count_text(blanks)} ô"
            " (các cột tiêu chí chỉ đánh dấu tiêu chí đạt, không ghi «Chưa đạt»)."
        )
    if unfilled:
        ctx.notes.append(
            f"Trang «{sheet.name}»: {count_text(unfilled)} dòng chưa ghi kết quả (không có tiêu chí, không có mức) "
            "được bỏ qua; số liệu đã lưu của các xã này giữ nguyên."
        )
    return records


def read_long(sheet: Sheet, columns: Columns, ctx: Context, blocked: bool, problems: ProblemLog) -> list[Record]:
    groups: dict[tuple[str, int], Record] = {}
    criterion_column = columns.fields["criterion"]
    for number, row in data_rows(sheet, columns):
        before = len(problems)
        year = read_year(sheet, number, row, columns, ctx.this_year, problems)
        entry = set_for_year(year) if year is not None else None
        code = read_commune(sheet, number, row, columns, ctx.resolver(year), problems)
        text = cell(row, criterion_column)
        criterion = criterion_of_header(text, entry) or criterion_of_header("tc " + text)
        if criterion is None or (entry is not None and criterion not in entry.criteria):
            last = f"{entry.n:02d}" if entry else "19"
            problems.append(
                error(
                    f"mã tiêu chí «{text}» không hợp lệ"
                    + (f" trong bộ tiêu chí giai đoạn {entry.id}." if entry else "."),
                    sheet.name,
                    number,
                    columns.label(criterion_column),
                    f"ghi số tiêu chí từ 1 đến {int(last)}.",
                )
            )
        met_text = cell(row, columns.fields["met"])
        value = parse_met(met_text)
        if value is None:
            problems.append(met_problem(met_text, sheet.name, number, columns.label(columns.fields["met"])))
        level, recognised = (
            read_level(sheet, number, row, columns, entry, problems) if "level" in columns.fields else ("none", None)
        )
        if len(problems) > before or blocked or code is None or entry is None:
            continue
        record = groups.setdefault((code, year), Record(Place(sheet.name, number), code, year, {}, level, recognised))
        if criterion in record.met:
            problems.append(
                error(
                    f"tiêu chí {criterion} của xã {code} năm {year} bị ghi hai lần.",
                    sheet.name,
                    number,
                    columns.label(criterion_column),
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
        entry = set_for_year(record.year)
        missing = [c for c in entry.criteria if c not in record.met]
        if missing:
            problems.append(
                error(
                    f"xã {record.commune_code} năm {record.year} thiếu tiêu chí {', '.join(missing)}.",
                    record.place.sheet,
                    record.place.row,
                    columns.label(criterion_column),
                    f"mỗi xã, mỗi năm cần đủ {entry.n} tiêu chí ({set_named(entry)}).",
                )
            )
        elif "level" in columns.fields:
            level_agreement(sheet, record.place.row, columns, entry, sum(record.met.values()), record.level, problems)
    return list(groups.values())


def read_sheet(sheet: Sheet, ctx: Context, problems: ProblemLog, only_sheet: bool) -> list[Record]:
    found = find_header(sheet)
    if found is None:
        problems.append(warning("trang trống, bỏ qua.", sheet.name))
        return []
    start, height = found
    columns, _ = map_columns(sheet, start, height, None, ctx.mapping)
    entry, rows_of = sheet_set(sheet, columns)
    columns, header_problems = map_columns(sheet, start, height, entry, ctx.mapping)
    ctx.fingerprints.append(columns.fingerprint)
    fields = columns.fields
    if "code" not in fields and "name" not in fields and not (only_sheet or columns.criteria):
        problems.append(warning("trang không có cột «Mã xã» hoặc «Tên xã», bỏ qua.", sheet.name))
        return []
    problems.extend(merge_problems(sheet, columns))
    problems.extend(header_problems)
    mismatch, refused = set_problems(sheet, columns, rows_of, ctx.this_year)
    structure = structure_problems(sheet, columns, entry, mismatch_found=bool(mismatch))
    problems.extend(structure)
    problems.extend(mismatch)
    need = None if mismatch else mapping_need(sheet, columns, entry)
    if need is not None:
        ctx.needs.append(need)
    blocked = bool(structure or header_problems)
    if columns.long:
        return read_long(sheet, columns, ctx, blocked, problems)
    return read_wide(sheet, columns, ctx, refused, blocked, problems)


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
    groups: list[ProblemGroup] = field(default_factory=list)  # one line per kind: count and first rows
    notes: list[str] = field(default_factory=list)  # how the file was read (blank cells as not met …)
    needs: list[MappingNeed] = field(default_factory=list)  # sheets whose columns the user may choose
    sheets: list[Sheet] = field(default_factory=list)  # the cells read, for the problems' Excel file
    fingerprints: list[str] = field(default_factory=list)  # the data sheets' header shapes

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


def validate_sheets(
    sheets: list[Sheet],
    registry: pd.DataFrame,
    *,
    problems: ProblemLog | None = None,
    mapping: dict | None = None,
    today: date | None = None,
    new_units: pd.DataFrame | None = None,
) -> Validation:
    problems = problems if problems is not None else ProblemLog()
    data_sheets = [s for s in sheets if key(s.name) not in INSTRUCTION_SHEETS]
    ctx = Context(
        CommuneResolver(registry),
        CommuneResolver(bundled_new_units() if new_units is None else new_units, new=True),
        current_year(today),
        mapping or {},
    )
    records = []
    for sheet in data_sheets:
        records += read_sheet(sheet, ctx, problems, only_sheet=len(data_sheets) == 1)
    cross_checks(records, problems)
    if not records and not any(kind[0] == "error" for kind in problems.kinds) and not ctx.needs:
        problems.append(
            error("tệp không có dòng số liệu nào.", suggestion="điền số liệu vào tệp mẫu, bắt đầu từ dòng 2.")
        )
    criteria, levels = to_tables(records)
    return Validation(
        criteria, levels, problems.problems(), problems.groups(), ctx.notes, ctx.needs, sheets, ctx.fingerprints
    )


def validate_upload(
    data: bytes,
    filename: str,
    registry: pd.DataFrame,
    *,
    mapping: dict | None = None,
    today: date | None = None,
    keep_all: bool = False,
) -> Validation:
    """Read and validate an uploaded file in one pass; nothing is stored here. `mapping` gives
    {header fingerprint: {field or criterion id: column index}} chosen by the user; `keep_all` keeps
    every problem (for the problems' Excel file) instead of the first rows of each kind."""
    sheets, read_problems = read_upload(data, filename)
    problems = ProblemLog(read_problems, keep_all=keep_all)
    if not sheets:
        criteria, levels = to_tables([])
        if not read_problems:
            problems.append(error("tệp không có trang nào."))
        return Validation(criteria, levels, problems.problems(), problems.groups())
    return validate_sheets(sheets, registry, problems=problems, mapping=mapping, today=today)
