"""Versioned storage of imported data (SQLAlchemy: SQLite by default, PostgreSQL by URL).

Every import is a new version holding the whole dataset after the import, with who, when, the
file's hash and row counts. One version is active; any earlier one can be made active again.
An import runs in one transaction: a failure or a killed process leaves the previous data intact.
"""

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    create_engine,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Engine

from ntm.ingest.location import DEFAULT_URL, database_url, store_exists  # noqa: F401 (part of this API)

CHUNK_ROWS = 5000

metadata = MetaData()
versions = Table(
    "ntm_versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(200), nullable=False),
    Column("filename", String(500), nullable=False),
    Column("file_sha256", String(64), nullable=False),
    Column("rows_file", Integer, nullable=False),
    Column("rows_total", Integer, nullable=False),
    Column("added", Integer, nullable=False),
    Column("replaced", Integer, nullable=False),
)
active = Table(
    "ntm_active",
    metadata,
    Column("id", SmallInteger, primary_key=True),
    Column("version_id", Integer, ForeignKey("ntm_versions.id"), nullable=False),
)
criteria_rows = Table(
    "ntm_criteria",
    metadata,
    Column("version_id", Integer, ForeignKey("ntm_versions.id"), primary_key=True),
    Column("commune_code", String(10), primary_key=True),
    Column("year", SmallInteger, primary_key=True),
    Column("criterion_id", String(2), primary_key=True),
    Column("met", Boolean, nullable=False),
)
level_rows = Table(
    "ntm_levels",
    metadata,
    Column("version_id", Integer, ForeignKey("ntm_versions.id"), primary_key=True),
    Column("commune_code", String(10), primary_key=True),
    Column("year", SmallInteger, primary_key=True),
    Column("level", String(10), nullable=False),
    Column("recognised_year", SmallInteger, nullable=True),
)


@dataclass(frozen=True)
class Version:
    id: int
    created_at: datetime
    created_by: str
    filename: str
    file_sha256: str
    rows_file: int
    rows_total: int
    added: int
    replaced: int
    active: bool


@dataclass(frozen=True)
class Change:
    """What an import changes: commune-years added and replaced, and the dataset afterwards."""

    criteria: pd.DataFrame
    levels: pd.DataFrame
    added: pd.DataFrame  # commune_code, year
    replaced: pd.DataFrame


class StoreError(RuntimeError):
    pass


def connect(url: str | None = None) -> Engine:
    url = url or database_url()
    if url.startswith("sqlite:///"):
        os.makedirs(os.path.dirname(os.path.abspath(url.removeprefix("sqlite:///"))), exist_ok=True)
    engine = create_engine(url, pool_pre_ping=True)
    metadata.create_all(engine)
    return engine


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def active_version_id(engine: Engine) -> int | None:
    with engine.connect() as connection:
        return connection.execute(select(active.c.version_id).where(active.c.id == 1)).scalar()


def list_versions(engine: Engine) -> list[Version]:
    current = active_version_id(engine)
    with engine.connect() as connection:
        rows = connection.execute(select(versions).order_by(versions.c.id.desc())).mappings().all()
    return [Version(**dict(row), active=row["id"] == current) for row in rows]


def load_version(engine: Engine, version_id: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The criteria and levels tables of a version, typed as ntm.dataset expects."""
    with engine.connect() as connection:
        criteria = pd.DataFrame(
            connection.execute(
                select(
                    criteria_rows.c.commune_code,
                    criteria_rows.c.year,
                    criteria_rows.c.criterion_id,
                    criteria_rows.c.met,
                ).where(criteria_rows.c.version_id == version_id)
            ).all(),
            columns=["commune_code", "year", "criterion_id", "met"],
        )
        levels = pd.DataFrame(
            connection.execute(
                select(
                    level_rows.c.commune_code, level_rows.c.year, level_rows.c.level, level_rows.c.recognised_year
                ).where(level_rows.c.version_id == version_id)
            ).all(),
            columns=["commune_code", "year", "level", "recognised_year"],
        )
    criteria["met"] = criteria["met"].astype(bool)
    criteria["year"] = criteria["year"].astype("int16")
    levels["year"] = levels["year"].astype("int16")
    levels["recognised_year"] = pd.array(
        [None if pd.isna(v) else int(v) for v in levels["recognised_year"]], dtype="Int16"
    )
    return criteria, levels


def load_active(engine: Engine) -> tuple[int, pd.DataFrame, pd.DataFrame] | None:
    version_id = active_version_id(engine)
    if version_id is None:
        return None
    return (version_id, *load_version(engine, version_id))


def plan_change(engine: Engine, criteria: pd.DataFrame, levels: pd.DataFrame) -> Change:
    """Merge validated tables into the active version: their commune-years replace or add."""
    current = load_active(engine)
    keys = ["commune_code", "year"]
    new_pairs = levels[keys].astype({"year": "int16"})
    if current is None:
        old_criteria, old_levels = criteria.iloc[0:0], levels.iloc[0:0]
    else:
        _, old_criteria, old_levels = current
    old_pairs = set(zip(old_levels["commune_code"], old_levels["year"].astype(int)))
    is_old = [(c, int(y)) in old_pairs for c, y in zip(new_pairs["commune_code"], new_pairs["year"])]
    replaced = new_pairs[is_old].reset_index(drop=True)
    added = new_pairs[[not flag for flag in is_old]].reset_index(drop=True)
    taken = set(zip(new_pairs["commune_code"], new_pairs["year"].astype(int)))

    def keep(table: pd.DataFrame) -> pd.DataFrame:
        mask = [(c, int(y)) not in taken for c, y in zip(table["commune_code"], table["year"])]
        return table[mask]

    merged_criteria = pd.concat([keep(old_criteria), criteria], ignore_index=True)
    merged_levels = pd.concat([keep(old_levels), levels], ignore_index=True)
    return Change(
        merged_criteria.sort_values(keys + ["criterion_id"], ignore_index=True),
        merged_levels.sort_values(keys, ignore_index=True),
        added,
        replaced,
    )


def _records(table: pd.DataFrame, version_id: int) -> list[dict]:
    records = table.astype(object).where(table.notna(), None).to_dict("records")
    for record in records:
        record["version_id"] = version_id
        record["year"] = int(record["year"])
        if record.get("recognised_year") is not None:
            record["recognised_year"] = int(record["recognised_year"])
        if "met" in record:
            record["met"] = bool(record["met"])
    return records


def save_import(
    engine: Engine,
    change: Change,
    *,
    user: str,
    filename: str,
    data_hash: str,
    rows_file: int,
    on_progress: Callable[[int, int], None] | None = None,
) -> int:
    """Store a change as a new active version, all or nothing; return the version id."""
    with engine.begin() as connection:
        version_id = connection.execute(
            insert(versions).values(
                created_at=datetime.now(UTC),
                created_by=user,
                filename=filename,
                file_sha256=data_hash,
                rows_file=rows_file,
                rows_total=len(change.levels),
                added=len(change.added),
                replaced=len(change.replaced),
            )
        ).inserted_primary_key[0]
        records = _records(change.criteria, version_id)
        for start in range(0, len(records), CHUNK_ROWS):
            connection.execute(insert(criteria_rows), records[start : start + CHUNK_ROWS])
            if on_progress:
                on_progress(min(start + CHUNK_ROWS, len(records)), len(records))
        connection.execute(insert(level_rows), _records(change.levels, version_id))
        _set_active(connection, version_id)
    return version_id


def _set_active(connection, version_id: int) -> None:
    if connection.execute(select(func.count()).select_from(active)).scalar():
        connection.execute(update(active).where(active.c.id == 1).values(version_id=version_id))
    else:
        connection.execute(insert(active).values(id=1, version_id=version_id))


def activate(engine: Engine, version_id: int) -> None:
    with engine.begin() as connection:
        if connection.execute(select(versions.c.id).where(versions.c.id == version_id)).scalar() is None:
            raise StoreError(f"Không có phiên bản số {version_id}.")
        _set_active(connection, version_id)
