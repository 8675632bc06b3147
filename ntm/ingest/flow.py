"""One import, shared by the page and the command line: validate, preview, store."""

from dataclasses import dataclass

import pandas as pd
from sqlalchemy.engine import Engine

from ntm.dataset import DatasetError, validate_tables
from ntm.ingest.read import capped, error
from ntm.ingest.store import Change, file_hash, plan_change, save_import
from ntm.ingest.validation import Validation, validate_upload


@dataclass
class Preview:
    validation: Validation
    change: Change | None

    @property
    def ok(self) -> bool:
        return self.validation.ok and self.change is not None


def preview(engine: Engine, data: bytes, filename: str, registry: pd.DataFrame) -> Preview:
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
