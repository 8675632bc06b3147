"""One import, shared by the page and the command line: validate, preview, store."""

from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

import pandas as pd
from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import Engine

from ntm.dataset import DatasetError, bundled_new_units, new_geography, validate_tables
from ntm.ingest.read import capped, error
from ntm.ingest.store import (
    Change,
    active,
    criteria_rows,
    database_url,
    engine_options,
    file_hash,
    level_rows,
    plan_change,
    save_import,
    sqlite_file_problem,
    sqlite_path,
    versions,
)
from ntm.ingest.validation import Validation, validate_upload
from ntm.registry import RURAL_TYPE, rural_communes
from ntm.text import name_collation_key

DISTRICT_CHANGE_COLUMNS = ["district", "year", "added", "replaced", "identical", "kept", "reported", "communes"]


@dataclass
class Preview:
    validation: Validation
    change: Change | None

    @property
    def ok(self) -> bool:
        return self.validation.ok and self.change is not None


READ_TABLES = (versions.name, active.name, criteria_rows.name, level_rows.name)  # what a preview reads


def preview(
    engine: Engine | None,
    data: bytes,
    filename: str,
    registry: pd.DataFrame,
    *,
    mapping: dict | None = None,
    today: date | None = None,
) -> Preview:
    """Validate a file and show what storing it would change; stores nothing. `mapping`: the columns a
    user chose for a header the importer could not read ({fingerprint: {field: column index}})."""
    validation = validate_upload(data, filename, registry, mapping=mapping, today=today)
    if not validation.ok:
        return Preview(validation, None)
    change = plan_change(engine, validation.criteria, validation.levels)
    try:
        validate_tables(change.criteria, change.levels, registry)
    except DatasetError as exc:
        validation.problems += capped(
            error(f"dữ liệu sau khi nhập không hợp lệ: {message}", row=row, column=column)
            for _table, row, column, message in exc.problems
        )
        return Preview(validation, None)
    return Preview(validation, change)


def commit(engine: Engine, result: Preview, data: bytes, filename: str, user: str, on_progress=None) -> int:
    """Store a previewed file as the new active version; return its id."""
    if not result.ok:
        raise ValueError("only a valid preview can be stored")
    return save_import(
        engine,
        result.change,
        user=user,
        filename=filename,
        data_hash=file_hash(data),
        rows_file=len(result.validation.levels),
        on_progress=on_progress,
    )


def read_only_store(url: str | None = None) -> Engine | None:
    """The store at `url` for a dry run, opened only to read (SQLite in `mode=ro`); None when there is
    no store yet, or no versions table in it (everything would be added). Nothing is created or altered:
    no file, no table. A damaged SQLite file is reported as an import would report it."""
    url = url or database_url()
    path = sqlite_path(url)
    if path is not None:
        if not path.exists():
            return None
        problem = sqlite_file_problem(path)
        if problem is not None:
            raise problem
        engine = create_engine(f"sqlite:///file:{quote(str(path.absolute()))}?mode=ro&uri=true")
    else:
        engine = create_engine(url, pool_pre_ping=True, **engine_options(url))
    if all(name in set(inspect(engine).get_table_names()) for name in READ_TABLES):
        return engine
    engine.dispose()
    return None


def district_changes(change: Change, registry: pd.DataFrame, new_units: pd.DataFrame | None = None) -> pd.DataFrame:
    """What an import changes, per district and year of the file: commune-years added, replaced with
    other values, replaced by the same values, kept as stored (the district's other communes, never
    dropped), and the communes reported after the import of how many are assessed. From 2026 the
    district is the former district of the new commune (districts were abolished on 1 July 2025)."""
    units = bundled_new_units() if new_units is None else new_units
    new_rural = units[units["type"] == RURAL_TYPE]
    old_district = dict(zip(registry["code"], registry["district_name"]))
    new_district = {c: f"{d} (cũ)" for c, d in zip(new_rural["code"], new_rural["former_district_name"])}

    def district(code: str, year: int) -> str:
        return (new_district if new_geography(year) else old_district).get(code, "?")

    file_pairs = pd.concat([change.added, change.replaced], ignore_index=True)
    years = sorted({int(y) for y in file_pairs["year"]})
    in_file = set(zip(file_pairs["commune_code"], file_pairs["year"].astype(int)))
    replaced = set(zip(change.replaced["commune_code"], change.replaced["year"].astype(int)))
    identical = set()
    if change.identical is not None:
        identical = set(zip(change.identical["commune_code"], change.identical["year"].astype(int)))
    counts: dict[tuple[str, int], dict[str, int]] = {}
    for code, year in zip(change.levels["commune_code"], change.levels["year"].astype(int)):
        if year not in years:
            continue
        row = counts.setdefault((district(code, year), year), dict.fromkeys(DISTRICT_CHANGE_COLUMNS[2:], 0))
        pair = (code, year)
        kind = (
            "kept"
            if pair not in in_file
            else "identical"
            if pair in identical
            else "replaced"
            if pair in replaced
            else "added"
        )
        row[kind] += 1
        row["reported"] += 1
    for year in years:
        if new_geography(year):
            assessed = pd.Series([new_district[c] for c in new_rural["code"]])
        else:
            communes = rural_communes(registry, year)
            assessed = communes["district_name"]
        for name, number in assessed.value_counts().items():
            if (name, year) in counts:
                counts[(name, year)]["communes"] = int(number)
    ordered = sorted(counts.items(), key=lambda item: (item[0][1], name_collation_key(item[0][0])))
    rows = [{"district": d, "year": y, **values} for (d, y), values in ordered]
    return pd.DataFrame(rows, columns=DISTRICT_CHANGE_COLUMNS)
