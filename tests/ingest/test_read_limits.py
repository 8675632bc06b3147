"""Hostile or oversized uploads cost bounded time and memory: archive checks before openpyxl, row limits
while streaming, problems kept per kind and counted beyond, the upload limit the server announces."""

import io
import tomllib
import tracemalloc
import zipfile

import pytest
from import_fixtures import valid_xlsx
from make_bad_files import (
    FIRST_TC,
    LEVEL,
    SHEET_PART,
    all_rows_wrong,
    csv_bytes,
    declared_dimension,
    extra_rows,
    valid_table,
    with_part,
)

from ntm.criteria import load_criteria
from ntm.dataset import load_dataset
from ntm.ingest import read
from ntm.ingest.read import (
    KEEP_PER_KIND,
    KEEP_ROWS,
    MAX_BYTES,
    MAX_COLUMNS,
    MAX_KINDS,
    MAX_MEMBERS,
    MAX_ROWS,
    ProblemLog,
    check_parts,
    error,
    load_sheets,
    prolog_problem,
    read_upload,
    warning,
)
from ntm.ingest.template import headers, wide_rows
from ntm.ingest.validation import validate_upload
from ntm.paths import DEMO_DIR, ROOT


def test_server_upload_limit_is_the_reader_limit():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] * 1024 * 1024 == MAX_BYTES


# --- archive and XML checks ---------------------------------------------------------------------------


def test_prolog_check_finds_declarations_in_any_encoding():
    doctype = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "c">]><a>&b;</a>'
    assert prolog_problem(doctype.encode(), complete=True) == "dtd"
    assert prolog_problem(b"\xef\xbb\xbf" + doctype.encode(), complete=True) == "dtd"
    assert prolog_problem(doctype.encode("utf-16"), complete=True) == "dtd"
    assert prolog_problem(doctype.encode("utf-16-be"), complete=True) == "dtd"
    assert prolog_problem(doctype.encode("utf-32"), complete=True) == "dtd"
    assert prolog_problem(b'<?xml version="1.0"?><!doctype a><a/>', complete=True) == "dtd"


def test_prolog_check_passes_ordinary_parts_and_binary_ones():
    assert prolog_problem(b'<?xml version="1.0"?>\n<!-- c --><worksheet><row/></worksheet>', complete=True) is None
    assert prolog_problem(b"\x89PNG\r\n\x1a\n" + bytes(100), complete=False) is None
    assert prolog_problem(b"", complete=True) is None


def test_a_prolog_longer_than_the_read_is_refused():
    """A DOCTYPE could hide after a long comment; a comment holding '<a' must not pass for the root."""
    head = b'<?xml version="1.0"?><!-- <a ' + b"x" * read.XML_HEAD
    assert prolog_problem(head[: read.XML_HEAD], complete=False) == "long"
    assert prolog_problem(b"   " * read.XML_HEAD, complete=False) == "long"


def test_doctype_in_a_utf16_sheet_is_refused_before_parsing():
    sheet = zipfile.ZipFile(io.BytesIO(valid_xlsx())).read(SHEET_PART).decode("utf-8")
    sheet = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE worksheet [<!ENTITY x "y">]>' + sheet
    data = with_part(valid_xlsx(), SHEET_PART, [sheet.encode("utf-16")])
    sheets, problems = read_upload(data, "bao_cao.xlsx")
    assert sheets == [] and len(problems) == 1
    assert "«bao_cao.xlsx»" in problems[0].message and "DOCTYPE/ENTITY" in problems[0].message


def test_too_many_members_is_refused():
    source, buffer = zipfile.ZipFile(io.BytesIO(valid_xlsx())), io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in source.namelist():
            archive.writestr(name, source.read(name))
        for index in range(MAX_MEMBERS):
            archive.writestr(f"xl/media/{index}.bin", b"")
    sheets, problems = read_upload(buffer.getvalue(), "nhieu_phan.xlsx")
    assert sheets == [] and "phần; một tệp Excel thường có dưới 100" in problems[0].message


def test_a_good_workbook_passes_the_checks_and_reads_as_before():
    sheets, problems = read_upload(valid_xlsx(), "tot.xlsx")
    assert problems == [] and [s.name for s in sheets] == ["Số liệu"]
    assert sheets[0].rows == valid_table()


# --- row limits -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lying_sheet() -> bytes:
    """Says A1:Y7, holds MAX_ROWS + 1 rows."""
    return extra_rows(valid_xlsx(), range(8, MAX_ROWS + 2), dimension="A1:Y7")


def test_the_scan_before_openpyxl_counts_rows_whatever_the_dimension_says(lying_sheet):
    with zipfile.ZipFile(io.BytesIO(lying_sheet)) as archive:
        refusal, _ = check_parts(archive, "a.xlsx")
    assert refusal is not None and refusal.sheet == "Số liệu"
    assert refusal.message == "có hơn 50.000 dòng, vượt giới hạn 50.000 dòng."


def test_streaming_stops_at_the_row_limit_without_the_scan(lying_sheet):
    """Second line of defence: openpyxl's rows are counted as they come, dimension ignored."""
    sheets, problems = load_sheets(lying_sheet, {}, "a.xlsx")
    assert sheets == [] and [p.message for p in problems] == ["có hơn 50.000 dòng, vượt giới hạn 50.000 dòng."]


def test_streaming_stops_in_the_gap_before_a_far_row():
    data = extra_rows(valid_xlsx(), [1_000_000], dimension="A1:Y7")
    tracemalloc.start()
    sheets, problems = load_sheets(data, {}, "a.xlsx")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert sheets == [] and "có hơn 50.000 dòng" in problems[0].message
    assert peak < 50 * 1024 * 1024


def test_a_dimension_smaller_than_the_data_does_not_cut_rows():
    """openpyxl's read-only mode trusts the dimension; the reader must not."""
    table = valid_table()
    sheets, problems = load_sheets(extra_rows(valid_xlsx(), [], dimension="A1:B2"), {}, "a.xlsx")
    assert problems == [] and sheets[0].rows == table


def test_csv_row_limit():
    table = valid_table()
    assert read_upload(csv_bytes(table + [[""]] * (MAX_ROWS - len(table))), "a.csv")[1] == []
    sheets, problems = read_upload(csv_bytes(table + [[""]] * (MAX_ROWS - len(table) + 1)), "a.csv")
    assert sheets == [] and problems[0].message == "tệp «a.csv» có hơn 50.000 dòng, vượt giới hạn 50.000 dòng."


def test_csv_columns_beyond_the_limit_are_dropped_with_a_warning():
    table = [row + [""] * (MAX_COLUMNS + 10 - len(row)) for row in valid_table()]
    table[3][MAX_COLUMNS + 5] = "ghi chú"
    sheets, problems = read_upload(csv_bytes(table), "rong.csv")
    assert max(len(row) for row in sheets[0].rows) == MAX_COLUMNS
    assert [p.severity for p in problems] == ["warning"] and "chỉ đọc 200 cột đầu" in problems[0].message


# --- problems kept per kind ---------------------------------------------------------------------------------


def test_problems_of_a_kind_are_kept_for_the_first_rows_then_counted():
    log = ProblemLog()
    for row in range(2, 32):
        for column in "EFG":
            log.append(error(f"giá trị «{row}{column}» không phải là Đạt / Chưa đạt.", "S", row, column))
    log.append(error("năm 2099 ngoài khoảng 2010–2030.", "S", 40, "D"))
    log.append(error("năm 1990 ngoài khoảng 2010–2030.", "S", 41, "D"))
    problems = log.problems()
    assert len(log) == 92
    assert [p.row for p in problems[: 3 * KEEP_ROWS]] == [r for r in range(2, 2 + KEEP_ROWS) for _ in "EFG"]
    summary = problems[3 * KEEP_ROWS]
    assert summary.count == 30 and summary.row is None and summary.sheet == "S"
    assert summary.message.startswith("và 30 lỗi cùng loại khác (từ dòng 22), không liệt kê hết; ví dụ: giá trị")
    assert [p.message for p in problems[3 * KEEP_ROWS + 1 :]] == [
        "năm 2099 ngoài khoảng 2010–2030.",
        "năm 1990 ngoài khoảng 2010–2030.",
    ]
    assert sum(p.count for p in problems) == 92


def test_one_row_keeps_at_most_a_kind_budget_and_kinds_are_bounded():
    log = ProblemLog()
    for column in range(3 * KEEP_PER_KIND):
        log.append(warning("không nhận ra tiêu đề cột «x», cột này bị bỏ qua.", "S", 1, str(column)))
    for index in range(3 * MAX_KINDS):
        log.append(error(f"lỗi kiểu {read.column_letter(index)} lạ.", "S", 5))
    kept = list(log)
    assert len(log) == 3 * KEEP_PER_KIND + 3 * MAX_KINDS
    assert sum(p.severity == "warning" for p in kept) == KEEP_PER_KIND
    assert len(kept) <= KEEP_PER_KIND + MAX_KINDS + KEEP_PER_KIND
    assert sum(p.count for p in log.problems()) == len(log)


def demo_tables(registry):
    """The bundled history of 2015-2025 in the wide template (1,979 rows), and the rows with every criterion wrong."""
    dataset = load_dataset(DEMO_DIR)
    criteria, levels = dataset.criteria, dataset.levels
    old = criteria["year"] <= 2025, levels["year"] <= 2025  # the 19 criteria's years (2026 has its own 10)
    rows = [["" if v is None else str(v) for v in row] for row in wide_rows(criteria[old[0]], levels[old[1]], registry)]
    good = [headers(load_criteria())] + rows
    return good, [good[0]] + [row[:FIRST_TC] + ["?"] * 19 + row[LEVEL:] for row in rows]


def peak_memory(data: bytes, registry) -> tuple[int, object]:
    validate_upload(data, "a.csv", registry)  # caches filled outside the measure
    tracemalloc.start()
    result = validate_upload(data, "a.csv", registry)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak, result


def test_a_file_wrong_on_every_row_costs_no_more_memory_than_a_good_one(registry):
    good, wrong = demo_tables(registry)
    good_peak, good_result = peak_memory(csv_bytes(good), registry)
    wrong_peak, wrong_result = peak_memory(csv_bytes(wrong), registry)
    assert good_result.ok and wrong_result.error_count == 19 * (len(wrong) - 1)
    assert len(wrong_result.problems) <= KEEP_PER_KIND + 1
    assert wrong_peak <= good_peak, (wrong_peak, good_peak)


def test_every_row_wrong_is_summarised(registry):
    result = validate_upload(csv_bytes(all_rows_wrong(2000)), "sai.csv", registry)
    assert result.error_count == 2000 * 19 and len(result.errors) == KEEP_PER_KIND + 1
    assert result.errors[-1].message.startswith("và 37.900 lỗi cùng loại khác")


def test_xlsx_declared_wider_than_the_limit_warns_and_reads_the_first_columns():
    sheets, problems = read_upload(declared_dimension(valid_xlsx(), "A1:ZZ7"), "rong.xlsx")
    assert sheets[0].rows == valid_table()
    assert [(p.severity, p.sheet) for p in problems] == [("warning", "Số liệu")]
    assert problems[0].message == "có 702 cột; chỉ đọc 200 cột đầu (đến cột GR)."
