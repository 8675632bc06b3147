"""Versioned storage of imported data (SQLAlchemy: SQLite by default, PostgreSQL by URL).

Every import is a new version holding the whole dataset after the import, with who, when, the
file's hash and row counts. One version is active; any earlier one can be made active again.
An import runs in one transaction: a failure or a killed process leaves the previous data intact.
The audit log (`ntm_audit`) records who logged in or failed to, imported, activated or rolled back
a version, and restored the store; imports and activations write their row in their own transaction.
"""

import getpass
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    create_engine,
    func,
    insert,
    make_url,
    select,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from ntm.ingest.location import (  # noqa: F401 (part of this API)
    DEFAULT_URL,
    StoreError,
    StoreUnavailable,
    database_url,
    sqlite_file_problem,
    sqlite_path,
    store_exists,
)

CHUNK_ROWS = 5000
CONNECT_TIMEOUT = 5  # seconds before an unreachable PostgreSQL server is reported
DETAIL_CHARS = 1000
ACTOR_CHARS = 200
# What the audit log records (ntm.i18n has `import.audit.action.<action>` for each).
AUDIT_ACTIONS = ("login", "login_failed", "logout", "session_expired", "import", "activate", "rollback", "restore")
log = logging.getLogger("ntm")

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
audit = Table(
    "ntm_audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(ACTOR_CHARS), nullable=False),
    Column("action", String(40), nullable=False),
    Column("version_id", Integer, nullable=True),  # no foreign key: a failed activation names no version
    Column("detail", String(DETAIL_CHARS), nullable=False),
    Index("ix_ntm_audit_actor_action_at", "actor", "action", "at"),
)

# Column mappings chosen on the import page for a header the importer could not read, by the header's
# fingerprint (ntm.ingest.validation.fingerprint): the next file of the same shape, from any session or
# the command line, is read the same way.
column_maps = Table(
    "ntm_column_maps",
    metadata,
    Column("fingerprint", String(32), primary_key=True),
    Column("mapping", String(4000), nullable=False),  # JSON: {field or criterion id: column index}
    Column("headers", String(4000), nullable=False),  # the header's labels when it was chosen, for reference
    Column("saved_at", DateTime(timezone=True), nullable=False),
    Column("saved_by", String(ACTOR_CHARS), nullable=False),
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
    replaced: pd.DataFrame  # commune-years already stored: the file's rows replace them
    identical: pd.DataFrame | None = None  # of those replaced, the ones whose values do not change


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    version_id: int | None
    detail: str


def connect(url: str | None = None, *, create: bool = True) -> Engine:
    """The store at `url`, its tables created when missing (so an older store gains the audit log).

    A SQLite file that exists is checked first and never initialised when it is empty, truncated or
    not a database (StoreUnavailable, the file left as it is); a missing file is created only with
    `create` (an import), otherwise StoreUnavailable("missing"). An unreachable server raises
    StoreUnavailable("unreachable") after CONNECT_TIMEOUT seconds."""
    url = url or database_url()
    path = sqlite_path(url)
    if path is not None:
        if path.exists():
            problem = sqlite_file_problem(path)
            if problem is not None:
                raise problem
        elif not create:
            raise StoreUnavailable("missing", f"Chưa có kho dữ liệu {path} (kho được tạo khi nhập dữ liệu lần đầu).")
        else:
            path.absolute().parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(url, pool_pre_ping=True, **engine_options(url))
    except (ArgumentError, ImportError, ValueError) as exc:
        raise StoreUnavailable("unreachable", f"Địa chỉ cơ sở dữ liệu không dùng được ({exc}).") from exc
    try:
        metadata.create_all(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise unavailable(exc, url) from exc
    return engine


def engine_options(url: str) -> dict:
    """create_engine's options for `url`: PostgreSQL gives up on an unreachable server after CONNECT_TIMEOUT."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
        return {"connect_args": {"connect_timeout": CONNECT_TIMEOUT}}
    return {}


def describe_url(url: str) -> str:
    """The database's place for messages: the SQLite file, or host, port and database (no password)."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    try:
        parsed = make_url(url)
    except ArgumentError:
        return "?"
    return f"{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database or ''}"


def unavailable(exc: BaseException, url: str | None = None) -> StoreUnavailable:
    """A failure of the database library as StoreUnavailable, with its one-line Vietnamese message.
    SQLite reading garbage is a corrupt file; any other database error is an unreachable server."""
    if isinstance(exc, StoreUnavailable):
        return exc
    url = url or database_url()
    place = describe_url(url)
    log.warning("store %s unavailable: %s", place, exc)
    if sqlite_path(url) is not None:
        text = str(getattr(exc, "orig", exc))
        if "unable to open" in text or "readonly" in text:
            return StoreUnavailable("unreadable", f"Không mở được tệp cơ sở dữ liệu {place} ({text}).")
        return StoreUnavailable(
            "corrupt",
            f"Tệp cơ sở dữ liệu {place} đã hỏng ({text}); tệp được giữ nguyên. "
            "Khôi phục từ bản sao lưu: python -m ntm restore TỆP_SAO_LƯU --force.",
        )
    return StoreUnavailable("unreachable", f"Không kết nối được cơ sở dữ liệu {place}.")


def check_intact(connection) -> None:
    """Refuse to write into a SQLite file whose pages are damaged (`PRAGMA quick_check`)."""
    if connection.dialect.name != "sqlite":
        return
    try:
        result = [row[0] for row in connection.exec_driver_sql("PRAGMA quick_check").all()]
    except SQLAlchemyError as exc:
        raise unavailable(exc, str(connection.engine.url)) from exc
    if result != ["ok"]:
        raise StoreUnavailable(
            "corrupt",
            f"Tệp cơ sở dữ liệu đã hỏng ({'; '.join(map(str, result[:3]))}); không ghi gì vào tệp. "
            "Khôi phục từ bản sao lưu: python -m ntm restore TỆP_SAO_LƯU --force.",
        )


def local_user() -> str:
    """The account running a command, as the audit log names it."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "(không rõ)"


def _utc(moment: datetime | None) -> datetime | None:
    """SQLite gives back naive times (stored in UTC); PostgreSQL aware ones."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def _audit_values(actor: str, action: str, detail: str, version_id: int | None, at: datetime | None) -> dict:
    if action not in AUDIT_ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    return {
        "at": at or datetime.now(UTC),
        "actor": (actor or "(không rõ)")[:ACTOR_CHARS],
        "action": action,
        "version_id": version_id,
        "detail": (detail or "")[:DETAIL_CHARS],
    }


def record(
    engine: Engine,
    actor: str,
    action: str,
    *,
    detail: str = "",
    version_id: int | None = None,
    at: datetime | None = None,
) -> None:
    """Add one row to the audit log (its own transaction)."""
    with engine.begin() as connection:
        connection.execute(insert(audit).values(**_audit_values(actor, action, detail, version_id, at)))


def list_audit(engine: Engine, limit: int | None = 200) -> list[AuditEntry]:
    """The audit log, newest first."""
    query = select(audit).order_by(audit.c.id.desc())
    if limit is not None:
        query = query.limit(limit)
    with engine.connect() as connection:
        rows = connection.execute(query).mappings().all()
    return [AuditEntry(**{**dict(row), "at": _utc(row["at"])}) for row in rows]


def login_failures(engine: Engine, actor: str, since: datetime, limit: int = 64) -> list[datetime]:
    """Times of the failed logins of `actor` after `since` and after their last successful login,
    newest first: the counter behind the login delay, shared by every server process."""
    actor = actor[:ACTOR_CHARS]
    with engine.connect() as connection:
        last_login = _utc(
            connection.execute(
                select(func.max(audit.c.at)).where(audit.c.actor == actor, audit.c.action == "login")
            ).scalar()
        )
        start = max(since, last_login) if last_login is not None else since
        rows = connection.execute(
            select(audit.c.at)
            .where(audit.c.actor == actor, audit.c.action == "login_failed", audit.c.at > start)
            .order_by(audit.c.at.desc())
            .limit(limit)
        ).scalars()
        return [_utc(moment) for moment in rows]


def is_empty(engine: Engine) -> bool:
    """True when no table of the store holds a row (no version, no audit entry)."""
    with engine.connect() as connection:
        return not any(
            connection.execute(select(func.count()).select_from(table)).scalar() for table in metadata.sorted_tables
        )


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def active_version_id(engine: Engine) -> int | None:
    with engine.connect() as connection:
        return connection.execute(select(active.c.version_id).where(active.c.id == 1)).scalar()


def list_versions(engine: Engine) -> list[Version]:
    current = active_version_id(engine)
    with engine.connect() as connection:
        rows = connection.execute(select(versions).order_by(versions.c.id.desc())).mappings().all()
    return [
        Version(**{**dict(row), "created_at": _utc(row["created_at"])}, active=row["id"] == current) for row in rows
    ]


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


def plan_change(engine: Engine | None, criteria: pd.DataFrame, levels: pd.DataFrame) -> Change:
    """Merge validated tables into the active version: their commune-years replace or add. With no
    store yet (`engine` None) everything is added."""
    current = load_active(engine) if engine is not None else None
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
    before, after = signatures(old_criteria, old_levels), signatures(criteria, levels)
    same = [
        before.get((c, int(y))) == after.get((c, int(y))) for c, y in zip(replaced["commune_code"], replaced["year"])
    ]
    return Change(
        merged_criteria.sort_values(keys + ["criterion_id"], ignore_index=True),
        merged_levels.sort_values(keys, ignore_index=True),
        added,
        replaced,
        replaced[pd.Series(same, index=replaced.index, dtype=bool)].reset_index(drop=True),
    )


def signatures(criteria: pd.DataFrame, levels: pd.DataFrame) -> dict[tuple[str, int], tuple]:
    """{(commune, year): (level, recognised year, criteria met)}: what a commune-year says."""
    met = criteria[criteria["met"].astype(bool)]
    met_ids = met.groupby(["commune_code", met["year"].astype(int)])["criterion_id"].agg(
        lambda ids: ",".join(sorted(ids))
    )
    met_of = {(c, int(y)): ids for (c, y), ids in met_ids.items()}
    return {
        (c, int(y)): (level, None if pd.isna(recognised) else int(recognised), met_of.get((c, int(y)), ""))
        for c, y, level, recognised in zip(
            levels["commune_code"], levels["year"], levels["level"], levels["recognised_year"]
        )
    }


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
    """Store a change as a new active version with its audit row, all or nothing; return the version id.
    A damaged SQLite file is refused before anything is written."""
    with engine.begin() as connection:
        check_intact(connection)
        now = datetime.now(UTC)
        version_id = connection.execute(
            insert(versions).values(
                created_at=now,
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
        detail = f"{filename} ({len(change.added)} thêm mới, {len(change.replaced)} thay thế)"
        connection.execute(insert(audit).values(**_audit_values(user, "import", detail, version_id, now)))
    return version_id


def _set_active(connection, version_id: int) -> None:
    if connection.execute(select(func.count()).select_from(active)).scalar():
        connection.execute(update(active).where(active.c.id == 1).values(version_id=version_id))
    else:
        connection.execute(insert(active).values(id=1, version_id=version_id))


def activate(engine: Engine, version_id: int, *, user: str | None = None) -> str:
    """Make a version active, with its audit row (`user`, else the account running the command):
    "rollback" when it is older than the active one, else "activate"; return that action."""
    with engine.begin() as connection:
        check_intact(connection)
        if connection.execute(select(versions.c.id).where(versions.c.id == version_id)).scalar() is None:
            raise StoreError(f"Không có phiên bản số {version_id}.")
        current = connection.execute(select(active.c.version_id).where(active.c.id == 1)).scalar()
        action = "rollback" if current is not None and version_id < current else "activate"
        _set_active(connection, version_id)
        detail = f"trước đó: phiên bản {current}" if current is not None else ""
        connection.execute(
            insert(audit).values(**_audit_values(user or local_user(), action, detail, version_id, None))
        )
    return action


def load_column_maps(engine: Engine) -> dict[str, dict[str, int]]:
    """{header fingerprint: {field or criterion id: column index}}; {} for a store without the table."""
    import json

    from sqlalchemy import inspect

    if column_maps.name not in inspect(engine).get_table_names():
        return {}
    with engine.connect() as connection:
        rows = connection.execute(select(column_maps.c.fingerprint, column_maps.c.mapping)).all()
    return {fingerprint: {k: int(v) for k, v in json.loads(mapping).items()} for fingerprint, mapping in rows}


def save_column_map(engine: Engine, fingerprint: str, mapping: dict[str, int], headers, user: str) -> None:
    """Remember a column mapping for a header's fingerprint (replacing an earlier one), in its own transaction."""
    import json

    with engine.begin() as connection:
        check_intact(connection)
        connection.execute(column_maps.delete().where(column_maps.c.fingerprint == fingerprint))
        connection.execute(
            insert(column_maps).values(
                fingerprint=fingerprint,
                mapping=json.dumps({k: int(v) for k, v in mapping.items()}),
                headers=json.dumps(list(headers), ensure_ascii=False)[:4000],
                saved_at=datetime.now(UTC),
                saved_by=(user or "(không rõ)")[:ACTOR_CHARS],
            )
        )


def forget_column_map(engine: Engine, fingerprint: str) -> None:
    with engine.begin() as connection:
        check_intact(connection)
        connection.execute(column_maps.delete().where(column_maps.c.fingerprint == fingerprint))
