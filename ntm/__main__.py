"""Command line: `python -m ntm import FILE...`, `versions`, `activate N`, `template OUT`, `hash-password`."""

import argparse
import getpass
import os
import sys
from pathlib import Path

from ntm.formatting import fmt_number
from ntm.ingest.auth import hash_password
from ntm.ingest.flow import commit, preview, read_only_store
from ntm.ingest.read import MAX_BYTES, size_problem
from ntm.ingest.store import StoreError, activate, connect, list_versions
from ntm.ingest.template import template_bytes
from ntm.registry import load_registry


def read_file(path: str) -> tuple[bytes | None, str]:
    """The file's bytes, or (None, why) when it cannot or must not be read (over MAX_BYTES: not read)."""
    try:
        with open(path, "rb") as source:
            size = os.fstat(source.fileno()).st_size
            too_big = size_problem(size)
            return (None, too_big.describe()) if too_big else (source.read(MAX_BYTES + 1), "")
    except FileNotFoundError:
        return None, "không tìm thấy tệp."
    except IsADirectoryError:
        return None, "đây là thư mục, không phải tệp."
    except PermissionError:
        return None, "không có quyền đọc tệp."
    except OSError:
        return None, "không đọc được tệp."


def run_import(args) -> int:
    """Check and import files; with --dry-run the store is only read (and not created when absent)."""
    engine = read_only_store(args.database) if args.dry_run else connect(args.database)
    registry, status = load_registry(), 0
    for path in args.files:
        data, why = read_file(path)
        if data is None:
            print(f"LỖI {why}\n{path}: không nhập.")
            status = 1
            continue
        result = preview(engine, data, Path(path).name, registry)
        for problem in result.validation.problems:
            print(("LỖI " if problem.is_error else "CẢNH BÁO ") + problem.describe())
        if not result.ok:
            print(f"{path}: không nhập (có {fmt_number(result.validation.error_count)} lỗi).")
            status = 1
            continue
        summary = f"{path}: {len(result.change.added)} xã-năm thêm mới, {len(result.change.replaced)} xã-năm thay thế"
        if args.dry_run:
            print(summary + " (chạy thử, không lưu).")
            continue
        version_id = commit(engine, result, data, Path(path).name, args.user)
        print(summary + f"; đã lưu phiên bản {version_id} (đang dùng).")
    return status


def run_versions(args) -> int:
    for version in list_versions(connect(args.database)):
        mark = "*" if version.active else " "
        print(
            f"{mark} {version.id:>4}  {version.created_at:%Y-%m-%d %H:%M}  {version.created_by:<16} "
            f"{version.filename}  {version.rows_total} xã-năm (+{version.added}, thay {version.replaced})  "
            f"{version.file_sha256[:12]}"
        )
    return 0


def run_activate(args) -> int:
    try:
        activate(connect(args.database), args.version)
    except StoreError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Phiên bản {args.version} đang được dùng.")
    return 0


def run_template(args) -> int:
    Path(args.out).write_bytes(template_bytes(load_registry(), args.year))
    print(f"Đã ghi tệp mẫu {args.out}.")
    return 0


def run_hash(args) -> int:
    print(hash_password(getpass.getpass("Mật khẩu: ")))
    return 0


def run_backup(args) -> int:
    from ntm.ingest.backup import backup

    print(backup(args.file, args.database))
    return 0


def run_restore(args) -> int:
    from ntm.ingest.backup import restore

    print(restore(args.file, args.database, force=args.force).message)
    return 0


def run_export_all(args) -> int:
    from ntm.ingest.backup import export_all

    print(export_all(args.folder, args.database))
    return 0


def run_boundaries(args) -> int:
    """Print a boundary file's match report (level, column, matched, unmatched, collisions,
    missing, skipped); 1 when the file cannot be used."""
    from ntm.geo.boundaries import BoundaryError, check_file, describe

    try:
        report = check_file(args.file)
    except BoundaryError as exc:
        print(f"Kết luận: KHÔNG dùng được. {exc}")
        return 1
    print(describe(report))
    return 0 if report.problem is None else 1


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m ntm", description="Nhập và quản lý số liệu nông thôn mới.")
    main.add_argument("--database", help="địa chỉ cơ sở dữ liệu (mặc định: NTM_DATABASE_URL hoặc data/ntm.sqlite)")
    commands = main.add_subparsers(dest="command", required=True)
    command = commands.add_parser("import", help="kiểm tra và nhập một hay nhiều tệp")
    command.add_argument("files", nargs="+")
    command.add_argument("--user", default=getpass.getuser())
    command.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không lưu")
    command.set_defaults(run=run_import)
    commands.add_parser("versions", help="liệt kê các phiên bản").set_defaults(run=run_versions)
    command = commands.add_parser("activate", help="dùng lại một phiên bản")
    command.add_argument("version", type=int)
    command.set_defaults(run=run_activate)
    command = commands.add_parser("template", help="ghi tệp mẫu Excel")
    command.add_argument("out")
    command.add_argument("--year", type=int, default=2025)
    command.set_defaults(run=run_template)
    commands.add_parser("hash-password", help="băm mật khẩu biên tập viên").set_defaults(run=run_hash)
    command = commands.add_parser("boundaries", help="kiểm tra một tệp ranh giới (huyện cũ hoặc xã mới)")
    command.add_argument("file")
    command.set_defaults(run=run_boundaries)
    command = commands.add_parser("backup", help="sao lưu kho dữ liệu vào một tệp (SQLite, hoặc pg_dump)")
    command.add_argument("file")
    command.set_defaults(run=run_backup)
    command = commands.add_parser("restore", help="khôi phục kho dữ liệu từ một bản sao lưu")
    command.add_argument("file")
    command.add_argument("--force", action="store_true", help="ghi đè kho đã có dữ liệu (kho cũ được giữ lại)")
    command.set_defaults(run=run_restore)
    command = commands.add_parser("export-all", help="xuất mọi phiên bản ra CSV kèm bảng kê để bàn giao")
    command.add_argument("folder")
    command.set_defaults(run=run_export_all)
    return main


def main(argv: list[str] | None = None) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from ntm.ingest.store import unavailable

    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except StoreError as exc:  # a damaged or unreachable store, a refused restore: the message, no traceback
        print(exc, file=sys.stderr)
        return 1
    except SQLAlchemyError as exc:
        print(unavailable(exc, args.database), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
