"""Where the versioned store lives and whether its file can be trusted, without importing SQLAlchemy:
the dashboard asks this on every start, and needs the database library only when a store exists.

A SQLite store is checked before anything opens it: a file that exists but is empty (0 bytes), shorter
than its own header says (truncated) or not a SQLite database is reported and left byte for byte as it
is. Opening such a file with SQLite would make it an empty database and the next write would replace
whatever could still be recovered; a store is created only by an import, from a path with no file.
"""

import os
import struct
from pathlib import Path

from ntm.paths import DATA

DEFAULT_URL = f"sqlite:///{DATA / 'ntm.sqlite'}"
SQLITE_PREFIX = "sqlite:///"
SQLITE_MAGIC = b"SQLite format 3\x00"
SQLITE_HEADER = 100
# Why a store cannot be used; each has a one-line message in ntm.i18n (`store.problem.<kind>`).
PROBLEM_KINDS = ("unreachable", "missing", "empty", "truncated", "corrupt", "unreadable")


class StoreError(RuntimeError):
    """A store operation refused or failed; the message (Vietnamese) can be shown as it is."""


class StoreUnavailable(StoreError):
    """The store cannot be opened or read: `kind` is one of PROBLEM_KINDS."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def database_url() -> str:
    return os.environ.get("NTM_DATABASE_URL") or DEFAULT_URL


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite store URL; None for other databases, in-memory SQLite and `file:` URIs."""
    if not url.startswith(SQLITE_PREFIX):
        return None
    path, _, query = url.removeprefix(SQLITE_PREFIX).partition("?")
    if not path or path == ":memory:" or path.startswith("file:") or "uri=true" in query:
        return None
    return Path(path)


def store_exists(url: str | None = None) -> bool:
    """False for a SQLite file not created yet (viewing must not create it). A damaged file exists:
    opening it reports the damage."""
    url = url or database_url()
    path = sqlite_path(url)
    return path.exists() if path is not None else True


def sqlite_file_problem(path: str | os.PathLike) -> StoreUnavailable | None:
    """What is wrong with an existing SQLite store file, read from its header without opening it with
    SQLite; None when it looks whole. Damage inside the pages shows when SQLite reads them (and
    `PRAGMA quick_check` runs before every write)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as file:
            header = file.read(SQLITE_HEADER)
    except OSError as exc:
        return StoreUnavailable(
            "unreadable", f"Không đọc được tệp cơ sở dữ liệu {path} ({exc.strerror or exc}); tệp được giữ nguyên."
        )
    restore = "Khôi phục từ bản sao lưu: python -m ntm restore TỆP_SAO_LƯU --force (tệp hỏng được giữ lại bên cạnh)."
    if size == 0:
        return StoreUnavailable(
            "empty",
            f"Tệp cơ sở dữ liệu {path} rỗng (0 byte), không phải kho dữ liệu; tệp được giữ nguyên, "
            f"không tạo kho mới đè lên. {restore}",
        )
    if not (SQLITE_MAGIC.startswith(header) if len(header) < len(SQLITE_MAGIC) else header.startswith(SQLITE_MAGIC)):
        return StoreUnavailable(
            "corrupt", f"Tệp {path} không phải cơ sở dữ liệu SQLite hoặc đã hỏng; tệp được giữ nguyên. {restore}"
        )
    if len(header) < SQLITE_HEADER:
        return _truncated(path, size, SQLITE_HEADER, restore)
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return StoreUnavailable("corrupt", f"Tệp {path} có phần đầu hỏng; tệp được giữ nguyên. {restore}")
    change_counter, pages = struct.unpack(">II", header[24:32])
    valid_for = struct.unpack(">I", header[92:96])[0]
    if pages and change_counter == valid_for and size < pages * page_size:
        return _truncated(path, size, pages * page_size, restore)
    if size % page_size:
        return _truncated(path, size, (size // page_size + 1) * page_size, restore)
    return None


def _truncated(path: Path, size: int, expected: int, restore: str) -> StoreUnavailable:
    return StoreUnavailable(
        "truncated",
        f"Tệp cơ sở dữ liệu {path} bị cắt cụt ({size} byte, cần ít nhất {expected} byte); tệp được giữ nguyên. "
        f"{restore}",
    )
