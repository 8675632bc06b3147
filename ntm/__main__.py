"""Command line: `python -m ntm import FILE...`, `versions`, `activate N`, `template OUT`, `hash-password`."""

import argparse
import getpass
import os
import sys
from pathlib import Path

from ntm.formatting import fmt_number
from ntm.ingest.auth import hash_password
from ntm.ingest.flow import commit, district_changes, preview, read_only_store
from ntm.ingest.read import MAX_BYTES, size_problem
from ntm.ingest.store import StoreError, activate, connect, list_versions, load_column_maps
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
    maps = load_column_maps(engine) if engine is not None else {}  # columns chosen on the import page
    for path in args.files:
        data, why = read_file(path)
        if data is None:
            print(f"LỖI {why}\n{path}: không nhập.")
            status = 1
            continue
        result = preview(engine, data, Path(path).name, registry, mapping=maps)
        validation = result.validation
        for problem in validation.problems:
            print(("LỖI " if problem.is_error else "CẢNH BÁO ") + problem.describe())
        for note in validation.notes:
            print("GHI CHÚ " + note)
        if validation.groups:
            print(group_summary(validation))
        if not result.ok:
            if args.problems_xlsx:
                from ntm.ingest.problems_excel import problems_workbook

                out = problems_file(args.problems_xlsx, path, len(args.files))
                out.write_bytes(problems_workbook(data, Path(path).name, registry))
                print(f"Đã ghi danh sách lỗi bên cạnh các dòng của tệp vào {out}.")
            print(f"{path}: không nhập (có {fmt_number(validation.error_count)} lỗi).")
            status = 1
            continue
        print(district_summary(district_changes(result.change, registry)))
        summary = f"{path}: {len(result.change.added)} xã-năm thêm mới, {len(result.change.replaced)} xã-năm thay thế"
        if args.dry_run:
            print(summary + " (chạy thử, không lưu).")
            continue
        version_id = commit(engine, result, data, Path(path).name, args.user)
        print(summary + f"; đã lưu phiên bản {version_id} (đang dùng).")
    return status


def group_summary(validation) -> str:
    """The problems by kind: how many of each and on which rows first."""
    lines = [
        f"Tóm tắt: {fmt_number(validation.error_count)} lỗi, {fmt_number(validation.warning_count)} cảnh báo, "
        f"{len(validation.groups)} loại:"
    ]
    for group in validation.groups:
        where = f" ({group.rows_text()})" if group.places else ""
        noun = "lỗi" if group.is_error else "cảnh báo"
        example = group.example.message if group.example.count == 1 else group.example.message.split("ví dụ: ")[-1]
        lines.append(f"  - {fmt_number(group.count)} {noun}: {example}{where}")
    return "\n".join(lines)


def district_summary(table) -> str:
    """Per district and year: what the import adds, replaces, leaves as it was, and the communes reported after it."""
    lines = ["Thay đổi theo huyện:"]
    for row in table.itertuples():
        lines.append(
            f"  {row.district} {row.year}: {row.added} thêm mới, {row.replaced} thay thế, {row.identical} giống hệt, "
            f"{row.kept} giữ nguyên; sau khi nhập {row.reported}/{row.communes} xã có số liệu"
        )
    return "\n".join(lines)


def problems_file(target: str, source: str, files: int) -> Path:
    """Where the problems' workbook of `source` goes: `target`, or beside it per file when several are imported."""
    out = Path(target)
    return out.with_name(f"{out.stem}-{Path(source).stem}{out.suffix or '.xlsx'}") if files > 1 else out


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
    from ntm.criteria import set_for_year
    from ntm.dataset import new_geography

    try:
        entry = set_for_year(args.year)
    except ValueError:
        print(f"Năm {args.year} không thuộc giai đoạn nào của bộ tiêu chí.", file=sys.stderr)
        return 1
    Path(args.out).write_bytes(template_bytes(load_registry(), args.year))
    units = "61 xã mới từ 1/7/2025 (không có 4 phường: không đánh giá NTM)" if new_geography(args.year) else "các xã"
    print(f"Đã ghi tệp mẫu {args.out}: năm {args.year}, giai đoạn {entry.id}, {entry.n} tiêu chí, {units}.")
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
    command.add_argument(
        "--problems-xlsx", metavar="TỆP", help="ghi mọi lỗi cạnh các dòng của tệp vào một tệp Excel (khi có lỗi)"
    )
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
