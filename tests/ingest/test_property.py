"""Random corruption of a valid file never crashes the validator: it returns problems instead."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from import_fixtures import valid_csv, valid_xlsx
from make_bad_files import valid_table

from ntm.ingest.read import Sheet
from ntm.ingest.validation import Validation, validate_sheets, validate_upload
from ntm.registry import load_registry

REGISTRY = load_registry()
XLSX, CSV, TABLE = valid_xlsx(3), valid_csv(), valid_table(6)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def corrupt(data: bytes, edits: list[tuple[float, int]], cut: float | None) -> bytes:
    buffer = bytearray(data)
    for where, value in edits:
        buffer[int(where * (len(buffer) - 1))] = value
    return bytes(buffer[: int(cut * len(buffer))] if cut is not None else buffer)


edits = st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=30)
cuts = st.none() | st.floats(0, 1)


@SETTINGS
@given(edits=edits, cut=cuts, name=st.sampled_from(["a.xlsx", "a.csv"]))
def test_corrupted_xlsx_bytes_never_crash(edits, cut, name):
    result = validate_upload(corrupt(XLSX, edits, cut), name, REGISTRY)
    assert isinstance(result, Validation)
    assert result.ok or result.errors[0].message


@SETTINGS
@given(edits=edits, cut=cuts)
def test_corrupted_csv_bytes_never_crash(edits, cut):
    result = validate_upload(corrupt(CSV, edits, cut), "a.csv", REGISTRY)
    assert isinstance(result, Validation)


@SETTINGS
@given(cells=st.lists(st.tuples(st.integers(0, 6), st.integers(0, 30), st.text(max_size=12)), max_size=25))
def test_random_cell_values_never_crash(cells):
    table = [list(row) for row in TABLE]
    for row, column, value in cells:
        if column < len(table[row]):
            table[row][column] = value
    result = validate_sheets([Sheet("Số liệu", table)], REGISTRY)
    assert isinstance(result, Validation)
    if not result.ok:
        assert all(p.message for p in result.errors)
