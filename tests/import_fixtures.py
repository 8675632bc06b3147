"""Shared helpers for the import and store tests: valid files and store URLs."""

import os

from make_bad_files import csv_bytes, long_table, valid_table, xlsx_bytes

POSTGRES_DEFAULT = "postgresql+psycopg://ntm:ntm@localhost:5432/ntm_test"


def postgres_url() -> str:
    """The test PostgreSQL server (.ci/run starts one and exports NTM_TEST_POSTGRES_URL)."""
    return os.environ.get("NTM_TEST_POSTGRES_URL") or POSTGRES_DEFAULT


def valid_xlsx(communes: int = 6, year: int = 2024) -> bytes:
    return xlsx_bytes({"Số liệu": valid_table(communes, year)})


def valid_csv(encoding: str = "utf-8", long: bool = False) -> bytes:
    table = valid_table()
    return csv_bytes(long_table(table) if long else table, encoding)
