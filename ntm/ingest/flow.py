"""One import, shared by the page and the command line: validate, preview, store."""

from dataclasses import dataclass
from urllib.parse import quote

import pandas as pd
from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import Engine

from ntm.dataset import DatasetError, validate_tables
from ntm.ingest.read import capped, error
from ntm.ingest.store import (
    Change,
    _engine_options,
    active,
    criteria_rows,
    database_url,
    file_hash,
    level_rows,
    plan_change,
    save_import,
    sqlite_file_problem,
    sqlite_path,
    versions,
)
from ntm.ingest.validation import Validation, validate_upload


@dataclass
class Preview:
    validation: Validation
    change: Change | None

    @property
    def ok(self) -> bool:
        return self.validation.ok and self.change is not None


READ_TABLES = (versions.name, active.name, criteria_rows.name, level_rows.name)  # what a preview reads


def preview(engine: Engine | None, data: bytes, filename: str, registry: pd.DataFrame) -> Preview:
    """Validate a file and show what storing it would change; stores nothing."""
    validation = validate_upload(data, filename, registry)
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
        engine = create_engine(url, pool_pre_ping=True, **_engine_options(url))
    if all(name in set(inspect(engine).get_table_names()) for name in READ_TABLES):
        return engine
    engine.dispose()
    return None
