"""Nothing lost: backups of the store, restoring one, and an export of every version for hand-over.

- SQLite: `backup` copies the store with the sqlite3 backup API (a consistent copy while the dashboard
  reads or an import runs) and checks the copy; `restore` copies a backup into the store the same way,
  so that open connections see the restored data.
- PostgreSQL: `backup` runs `pg_dump --format=custom` on the store's tables (`ntm_*` in the schema the
  URL's search path selects); `restore` runs `pg_restore --clean --if-exists --single-transaction`
  into the same schema (a failed restore changes nothing).

`restore` refuses a store that holds anything (a version or an audit entry) unless `force`; forced,
it first saves the current store next to it (SQLite) or next to the backup file (PostgreSQL), and a
damaged SQLite file is moved aside, never overwritten. Every restore adds a "restore" audit entry.

`export_all` writes each version as CSV in the importer's long layout (it can be imported again),
the audit log, and a manifest (CSV for people, JSON for programs) with who, when, the imported
file's name and SHA-256, row counts, and the SHA-256 of each CSV written.
"""

import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from ntm.criteria import CRITERION_IDS
from ntm.ingest.location import (
    SQLITE_MAGIC,
    StoreError,
    database_url,
    sqlite_file_problem,
    sqlite_path,
)
from ntm.ingest.store import (
    connect,
    describe_url,
    engine_options,
    file_hash,
    is_empty,
    list_audit,
    list_versions,
    load_version,
    local_user,
    metadata,
    record,
    unavailable,
    versions,
)
from ntm.ingest.template import MET_LABELS
from ntm.ingest.validation import LEVEL_LABELS_VI

PG_DUMP_MAGIC = b"PGDMP"
LONG_HEADERS = ["Mã xã", "Năm", "Tiêu chí", "Đạt", "Mức đạt chuẩn", "Năm công nhận"]
MANIFEST_FIELDS = [
    "version_id",
    "active",
    "created_at",
    "created_by",
    "filename",
    "file_sha256",
    "rows_file",
    "rows_total",
    "added",
    "replaced",
    "criteria_rows",
    "csv_file",
    "csv_sha256",
]


@dataclass(frozen=True)
class Restored:
    message: str
    saved_copy: Path | None  # the store as it was before a forced restore


def _aside(folder: Path, stem: str, suffix: str = "") -> Path:
    """A new file name in `folder` for a copy kept aside: the time, and a number if that is taken."""
    base = f"{stem}-{datetime.now(UTC):%Y%m%d-%H%M%S}"
    for number in range(1, 1000):
        path = folder / (base + (f"-{number}" if number > 1 else "") + suffix)
        if not path.exists() and not path.with_name(path.name + ".part").exists():
            return path
    raise StoreError(f"Không tìm được tên tệp trống trong {folder}.")


# --- SQLite -------------------------------------------------------------------------------------


def _sqlite_copy(source: Path, target: Path) -> None:
    """Copy a SQLite database with the backup API into `target` (written whole, then renamed)."""
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    reader = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)
    try:
        writer = sqlite3.connect(partial)
        try:
            reader.backup(writer)
        finally:
            writer.close()
    finally:
        reader.close()
    problem = _sqlite_backup_problem(partial)
    if problem:
        partial.unlink(missing_ok=True)
        raise StoreError(f"Bản sao lưu không đọc lại được ({problem}); không ghi tệp {target}.")
    os.replace(partial, target)


def _sqlite_backup_problem(path: Path) -> str | None:
    """Why `path` is not a usable store backup (SQLite with the ntm tables, intact); None when it is."""
    damaged = sqlite_file_problem(path)
    if damaged is not None:
        return str(damaged)
    try:
        with sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True) as connection:
            check = [row[0] for row in connection.execute("PRAGMA quick_check")]
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as exc:
        return f"tệp hỏng: {exc}"
    if check != ["ok"]:
        return "tệp hỏng: " + "; ".join(map(str, check[:3]))
    if versions.name not in tables:
        return "tệp không phải kho dữ liệu nông thôn mới (thiếu bảng ntm_versions)"
    return None


def _backup_sqlite(path: Path, target: Path) -> None:
    connect(f"sqlite:///{path}", create=False).dispose()  # reports a missing or damaged store
    _sqlite_copy(path, target)


def _restore_sqlite(path: Path, source: Path, force: bool) -> Path | None:
    problem = _sqlite_backup_problem(source)
    if problem:
        raise StoreError(f"Không khôi phục từ {source}: {problem}.")
    if not path.exists():
        path.absolute().parent.mkdir(parents=True, exist_ok=True)
        _sqlite_copy(source, path)
        return None
    damaged = sqlite_file_problem(path)
    if damaged is not None:
        if not force:
            raise StoreError(
                f"{damaged} Kho hiện tại hỏng; thêm --force để thay bằng bản sao lưu (tệp hỏng được giữ lại)."
            )
        aside = _aside(path.parent, f"{path.name}.hong")
        os.replace(path, aside)
        _sqlite_copy(source, path)
        return aside
    engine = connect(f"sqlite:///{path}", create=False)
    try:
        _refuse_unless_forced(engine, str(path), force)
        saved = None
        if not is_empty(engine):
            saved = _aside(path.parent, f"{path.name}.truoc-khoi-phuc")
            _sqlite_copy(path, saved)
    finally:
        engine.dispose()
    reader = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)
    try:
        writer = sqlite3.connect(path)
        try:
            reader.backup(writer)  # in place: connections already open see the restored store
        finally:
            writer.close()
    finally:
        reader.close()
    return saved


# --- PostgreSQL ---------------------------------------------------------------------------------


def _pg_tool(name: str) -> str:
    tool = shutil.which(name)
    if tool is None:
        raise StoreError(f"Không tìm thấy lệnh {name}: cài gói postgresql-client (cùng phiên bản với máy chủ).")
    return tool


def _libpq(url: str) -> tuple[str, dict]:
    """A libpq URI without the password (not on the command line) and the environment carrying it."""
    parsed = make_url(url)
    environment = dict(os.environ)
    if parsed.password:
        environment["PGPASSWORD"] = str(parsed.password)
    uri = parsed.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    return uri, environment


def _run(command: list[str], environment: dict) -> str:
    result = subprocess.run(command, capture_output=True, text=True, env=environment)
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()][-3:]
        raise StoreError(f"{Path(command[0]).name} không thành công: " + " / ".join(lines))
    return result.stdout


def _schema(engine: Engine) -> str:
    with engine.connect() as connection:
        return connection.execute(text("SELECT current_schema()")).scalar()


def _backup_postgres(url: str, target: Path) -> None:
    tool = _pg_tool("pg_dump")
    engine = connect(url)
    try:
        schema = _schema(engine)
    finally:
        engine.dispose()
    uri, environment = _libpq(url)
    partial = target.with_name(target.name + ".part")
    command = [tool, "--format=custom", "--no-owner", "--no-privileges", f"--file={partial}"]
    command += [f'--table="{schema}".ntm_*', f"--dbname={uri}"]
    try:
        _run(command, environment)
    except StoreError:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, target)


def _dump_schema(source: Path, environment: dict) -> str:
    """The schema of the store's tables in a pg_dump file (from its table of contents)."""
    listing = _run([_pg_tool("pg_restore"), "--list", str(source)], environment)
    for line in listing.splitlines():
        parts = line.split()
        if "TABLE" in parts and versions.name in parts:
            index = parts.index("TABLE")
            if len(parts) > index + 2 and parts[index + 2] == versions.name:
                return parts[index + 1]
    raise StoreError(f"Tệp {source} không chứa bảng {versions.name}: không phải bản sao lưu kho dữ liệu.")


def _url_schema(url: str) -> str:
    """The schema the URL's search path selects, asked without creating any table."""
    engine = create_engine(url, **engine_options(url))
    try:
        return _schema(engine)
    except SQLAlchemyError as exc:
        raise unavailable(exc, url) from exc
    finally:
        engine.dispose()


def _restore_postgres(url: str, source: Path, force: bool) -> Path | None:
    tool = _pg_tool("pg_restore")
    uri, environment = _libpq(url)
    dumped, schema = _dump_schema(source, environment), _url_schema(url)
    if dumped != schema:
        raise StoreError(
            f"Bản sao lưu {source} là của lược đồ «{dumped}», còn kho dữ liệu dùng lược đồ «{schema}»: "
            "pg_restore chỉ khôi phục vào đúng lược đồ đã sao lưu."
        )
    engine = connect(url)
    try:
        _refuse_unless_forced(engine, describe_url(url), force)
        saved = None
        if not is_empty(engine):
            saved = _aside(source.absolute().parent, f"{schema}-truoc-khoi-phuc", ".dump")
            _backup_postgres(url, saved)
    finally:
        engine.dispose()
    command = [tool, "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction"]
    command += ["--exit-on-error", f"--dbname={uri}", str(source)]
    _run(command, environment)
    return saved


# --- both ---------------------------------------------------------------------------------------


def _refuse_unless_forced(engine: Engine, place: str, force: bool) -> None:
    if force or is_empty(engine):
        return
    count = len(list_versions(engine))
    raise StoreError(
        f"Kho dữ liệu {place} đã có dữ liệu ({count} phiên bản và nhật ký thao tác); không khôi phục đè lên. "
        "Thêm --force để ghi đè (kho hiện tại được sao lưu trước, không mất gì)."
    )


def backup(target: str | os.PathLike, url: str | None = None) -> str:
    """Write a backup of the store to `target` (which must not exist); return the message to print."""
    url, target = url or database_url(), Path(target)
    if target.exists():
        raise StoreError(f"Tệp {target} đã có; chọn tên khác cho bản sao lưu (không ghi đè).")
    target.absolute().parent.mkdir(parents=True, exist_ok=True)
    path = sqlite_path(url)
    if path is not None:
        _backup_sqlite(path, target)
    elif make_url(url).get_backend_name() == "postgresql":
        _backup_postgres(url, target)
    else:
        raise StoreError(f"Chưa hỗ trợ sao lưu loại cơ sở dữ liệu này ({make_url(url).get_backend_name()}).")
    return f"Đã sao lưu kho dữ liệu {describe_url(url)} vào {target} ({target.stat().st_size} byte)."


def restore(source: str | os.PathLike, url: str | None = None, *, force: bool = False, user: str | None = None):
    """Replace the store with the backup `source` (see the module's notes); return a Restored."""
    url, source = url or database_url(), Path(source)
    try:
        with open(source, "rb") as file:
            head = file.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"Không đọc được tệp sao lưu {source} ({exc.strerror or exc}).") from exc
    path = sqlite_path(url)
    kind = "sqlite" if head == SQLITE_MAGIC else "postgresql" if head.startswith(PG_DUMP_MAGIC) else None
    store_kind = "sqlite" if path is not None else make_url(url).get_backend_name()
    if kind is None:
        raise StoreError(f"Tệp {source} không phải bản sao lưu (SQLite hoặc pg_dump định dạng custom).")
    if kind != store_kind:
        raise StoreError(
            f"Tệp {source} là bản sao lưu {kind}, còn kho dữ liệu là {store_kind}: không khôi phục được trực tiếp "
            "(dùng python -m ntm export-all rồi nhập lại các tệp CSV)."
        )
    saved = _restore_sqlite(path, source, force) if path is not None else _restore_postgres(url, source, force)
    engine = connect(url, create=False)
    try:
        restored = list_versions(engine)
        record(
            engine,
            user or local_user(),
            "restore",
            detail=f"từ {source.name} (SHA-256 {file_hash(source.read_bytes())[:16]}), {len(restored)} phiên bản",
        )
    finally:
        engine.dispose()
    message = f"Đã khôi phục kho dữ liệu {describe_url(url)} từ {source}: {len(restored)} phiên bản."
    if saved is not None:
        message += f" Kho trước khi khôi phục được giữ tại {saved}."
    return Restored(message, saved)


def long_rows(criteria: pd.DataFrame, levels: pd.DataFrame) -> pd.DataFrame:
    """A version's rows in the importer's long layout: one row per commune, year and criterion."""
    table = criteria.merge(levels, on=["commune_code", "year"], how="left")
    order = {criterion: index for index, criterion in enumerate(CRITERION_IDS)}
    table = table.assign(order=table["criterion_id"].map(order)).sort_values(["year", "commune_code", "order"])
    return pd.DataFrame(
        {
            LONG_HEADERS[0]: table["commune_code"].astype(str),
            LONG_HEADERS[1]: table["year"].astype(int),
            LONG_HEADERS[2]: table["criterion_id"].astype(str),
            LONG_HEADERS[3]: [MET_LABELS[0] if met else MET_LABELS[1] for met in table["met"]],
            LONG_HEADERS[4]: table["level"].map(LEVEL_LABELS_VI),
            LONG_HEADERS[5]: pd.array(table["recognised_year"], dtype="Int16"),
        }
    )


def export_all(folder: str | os.PathLike, url: str | None = None) -> str:
    """Write every version, the audit log and the manifest into `folder` (new or empty)."""
    from ntm.reports.tables import to_csv_bytes  # the formula-guarded CSV writer (UTF-8 with BOM)

    url, folder = url or database_url(), Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise StoreError(f"Thư mục {folder} đã có tệp; chọn một thư mục mới hoặc trống (không ghi đè).")
    engine = connect(url, create=False)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        entries = []
        for version in sorted(list_versions(engine), key=lambda v: v.id):
            criteria, levels = load_version(engine, version.id)
            name = f"phien_ban_{version.id:04d}.csv"
            data = to_csv_bytes(long_rows(criteria, levels))
            (folder / name).write_bytes(data)
            entries.append(
                {
                    "version_id": version.id,
                    "active": version.active,
                    "created_at": version.created_at.isoformat(),
                    "created_by": version.created_by,
                    "filename": version.filename,
                    "file_sha256": version.file_sha256,
                    "rows_file": version.rows_file,
                    "rows_total": version.rows_total,
                    "added": version.added,
                    "replaced": version.replaced,
                    "criteria_rows": len(criteria),
                    "csv_file": name,
                    "csv_sha256": file_hash(data),
                }
            )
        audit = list_audit(engine, limit=None)
    finally:
        engine.dispose()
    log = pd.DataFrame(
        {
            "at": [entry.at.isoformat() for entry in reversed(audit)],
            "actor": [entry.actor for entry in reversed(audit)],
            "action": [entry.action for entry in reversed(audit)],
            "version_id": pd.array([entry.version_id for entry in reversed(audit)], dtype="Int64"),
            "detail": [entry.detail for entry in reversed(audit)],
        }
    )
    (folder / "nhat_ky.csv").write_bytes(to_csv_bytes(log))
    (folder / "manifest.csv").write_bytes(to_csv_bytes(pd.DataFrame(entries, columns=MANIFEST_FIELDS)))
    manifest = {
        "store": describe_url(url),
        "exported_at": datetime.now(UTC).isoformat(),
        "layout": "one CSV per version (UTF-8 with BOM), the importer's long layout: " + ", ".join(LONG_HEADERS),
        "tables": sorted(metadata.tables),
        "versions": entries,
        "audit_file": "nhat_ky.csv",
        "audit_rows": len(audit),
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return f"Đã xuất {len(entries)} phiên bản và {len(audit)} dòng nhật ký vào {folder} (manifest.csv, manifest.json)."
