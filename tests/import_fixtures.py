"""Shared helpers for the import and store tests: valid files and store URLs."""

import functools
import io
import os

import pandas as pd
from make_bad_files import csv_bytes, demo, long_table, valid_table, xlsx_bytes

POSTGRES_DEFAULT = "postgresql+psycopg://ntm:ntm@localhost:5432/ntm_test"


def postgres_url() -> str:
    """The test PostgreSQL server (.ci/run starts one and exports NTM_TEST_POSTGRES_URL)."""
    return os.environ.get("NTM_TEST_POSTGRES_URL") or POSTGRES_DEFAULT


@functools.cache  # bytes: the same file for every test that asks
def valid_xlsx(communes: int = 6, year: int = 2024) -> bytes:
    return xlsx_bytes({"Số liệu": valid_table(communes, year)})


def valid_csv(encoding: str = "utf-8", long: bool = False) -> bytes:
    table = valid_table()
    return csv_bytes(long_table(table) if long else table, encoding)


def district_rows(district: str = "Đình Lập", year: int = 2025) -> list[dict]:
    """The demo's commune-years of one (former) district and year, as dicts: code, name, district,
    year, met {criterion id: bool}, level label, recognised year."""
    from ntm.ingest.validation import LEVEL_LABELS_VI

    registry, dataset = demo()
    units = registry[registry["district_name"].str.endswith(district)]
    levels = dataset.levels[(dataset.levels["year"] == year) & dataset.levels["commune_code"].isin(units["code"])]
    of_year = dataset.criteria[dataset.criteria["year"] == year]
    criteria = of_year[of_year["commune_code"].isin(units["code"])]
    names = dict(zip(units["code"], units["short_name"]))
    rows = []
    for record in levels.sort_values("commune_code").itertuples():
        own = criteria[criteria["commune_code"] == record.commune_code]
        rows.append(
            {
                "code": record.commune_code,
                "name": names[record.commune_code],
                "district": district,
                "year": year,
                "met": dict(zip(own["criterion_id"], own["met"].astype(bool))),
                "level": LEVEL_LABELS_VI[record.level],
                "recognised": None if pd.isna(record.recognised_year) else int(record.recognised_year),
            }
        )
    return rows


def store_district_report(url: str, registry, district: str = "Đình Lập", year: int = 2025) -> int:
    """Import the demo's rows of one district and year into the store at `url` (a temporary store,
    never data/ntm.sqlite), written in the template's layout, as its only import: how many communes."""
    from make_bad_files import headers

    from ntm.criteria import load_criteria
    from ntm.ingest.flow import commit, preview
    from ntm.ingest.store import connect

    rows = district_rows(district, year)
    ids = sorted(rows[0]["met"])
    table = [headers(load_criteria())] + [
        [
            row["code"],
            row["name"],
            f"Huyện {district}",
            str(year),
            *("Đạt" if row["met"][c] else "Chưa đạt" for c in ids),
            row["level"],
            "" if row["recognised"] is None else str(row["recognised"]),
        ]
        for row in rows
    ]
    data = csv_bytes(table)
    name = f"{district}-{year}.csv"
    engine = connect(url)
    commit(engine, preview(engine, data, name, registry), data, name, "test")
    engine.dispose()
    return len(rows)


def district_report(
    rows: list[dict],
    *,
    two_row: bool = True,
    title: bool = True,
    marks: str = "x",
    level_header: str = "Mức công nhận",
    code_header: str = "Mã ĐVHC",
    name_header: str = "Đơn vị",
) -> bytes:
    """A district's report as offices make them: a title row, a two-row header (STT, code, name, year,
    «Các tiêu chí» merged over TC01..TCnn with the codes below, the level, «Ghi chú»), criteria marked
    with `marks` when met and left blank when not (marks="" writes Đạt / Chưa đạt)."""
    from openpyxl import Workbook

    criteria = sorted(rows[0]["met"]) if rows else []
    ids = [f"TC{c}" for c in criteria]
    first = ["STT", code_header, name_header, "Huyện", "Năm"]
    last = [level_header, "Năm công nhận", "Ghi chú"]
    book = Workbook()
    sheet = book.active
    sheet.title = "Báo cáo"
    offset = 0
    if title:
        sheet.append([f"BÁO CÁO KẾT QUẢ XÂY DỰNG NÔNG THÔN MỚI NĂM {rows[0]['year'] if rows else ''}"])
        sheet.append([])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(first) + len(ids) + len(last))
        offset = 2
    if two_row:
        sheet.append(first + ["Các tiêu chí"] + [None] * (len(ids) - 1) + last)
        sheet.append([None] * len(first) + ids + [None] * len(last))
        top, bottom = offset + 1, offset + 2
        start = len(first) + 1
        sheet.merge_cells(start_row=top, start_column=start, end_row=top, end_column=start + len(ids) - 1)
        for column in list(range(1, len(first) + 1)) + list(range(start + len(ids), start + len(ids) + len(last))):
            sheet.merge_cells(start_row=top, start_column=column, end_row=bottom, end_column=column)
    else:
        sheet.append(first + ids + last)
    for number, row in enumerate(rows, start=1):
        flags = [met for _, met in sorted(row["met"].items())]
        values = [(marks if met else None) if marks else ("Đạt" if met else "Chưa đạt") for met in flags]
        sheet.append(
            [number, row["code"], row["name"], row["district"], row["year"]]
            + values
            + [row["level"], row["recognised"], None]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def new_commune_rows(former_district: str = "Đình Lập", year: int = 2026) -> list[dict]:
    """The demo's 2026 rows (10 criteria) of the new communes whose former district is `former_district`."""
    from ntm.dataset import bundled_new_units
    from ntm.ingest.validation import LEVEL_LABELS_VI

    units, dataset = bundled_new_units(), demo()[1]
    units = units[(units["type"] == "Xã") & units["former_district_name"].str.endswith(former_district)]
    levels = dataset.levels[(dataset.levels["year"] == year) & dataset.levels["commune_code"].isin(units["code"])]
    of_year = dataset.criteria[dataset.criteria["year"] == year]
    names = dict(zip(units["code"], units["short_name"]))
    rows = []
    for record in levels.sort_values("commune_code").itertuples():
        own = of_year[of_year["commune_code"] == record.commune_code]
        rows.append(
            {
                "code": record.commune_code,
                "name": names[record.commune_code],
                "district": former_district,
                "year": year,
                "met": dict(zip(own["criterion_id"], own["met"].astype(bool))),
                "level": LEVEL_LABELS_VI[record.level],
                "recognised": None if pd.isna(record.recognised_year) else int(record.recognised_year),
            }
        )
    return rows
