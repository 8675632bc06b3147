"""A damaged or missing store is reported, never silently replaced: 0-byte, truncated and corrupt SQLite
files are left byte for byte as they were, by the library, the command line and an import; an
unreachable server is reported in one Vietnamese line, without the password."""

import socket

import pytest
from import_fixtures import valid_xlsx

from ntm.__main__ import main
from ntm.ingest.flow import commit, preview
from ntm.ingest.location import sqlite_file_problem
from ntm.ingest.store import StoreUnavailable, connect, list_versions, load_active, store_exists


def stored_file(tmp_path, registry, communes: int = 40):
    """A real SQLite store with one version (several pages), closed; (path, bytes)."""
    path = tmp_path / "ntm.sqlite"
    engine = connect(f"sqlite:///{path}")
    data = valid_xlsx(communes)
    commit(engine, preview(engine, data, "a.xlsx", registry), data, "a.xlsx", "test")
    engine.dispose()
    return path, path.read_bytes()


def damaged(tmp_path, registry, kind: str) -> tuple:
    """(path, bytes, expected kind) of a damaged store file."""
    if kind == "empty":
        path = tmp_path / "ntm.sqlite"
        path.write_bytes(b"")
        return path, b"", "empty"
    path, whole = stored_file(tmp_path, registry)
    content = {
        "truncated_half": whole[: len(whole) // 2],
        "truncated_header": whole[:60],
        "truncated_odd": whole[:-1000],
        "garbage": bytes(range(256)) * 40,
        "first_page": whole[:100] + b"\xff" * 3996 + whole[4096:],
    }[kind]
    path.write_bytes(content)
    expected = "truncated" if kind.startswith("truncated") else "corrupt"
    return path, content, expected


KINDS = ["empty", "truncated_half", "truncated_header", "truncated_odd", "garbage", "first_page"]


@pytest.mark.parametrize("kind", KINDS)
def test_damaged_sqlite_file_is_reported_and_left_unchanged(tmp_path, registry, kind, capsys):
    path, content, expected = damaged(tmp_path, registry, kind)
    url = f"sqlite:///{path}"
    for create in (False, True):
        with pytest.raises(StoreUnavailable) as raised:
            connect(url, create=create)
        assert raised.value.kind == expected
        assert "được giữ nguyên" in str(raised.value) and "restore" in str(raised.value)
    assert store_exists(url)
    source = tmp_path / "b.xlsx"
    source.write_bytes(valid_xlsx(3, 2025))
    assert main(["--database", url, "import", str(source), "--user", "test"]) == 1
    assert main(["--database", url, "versions"]) == 1
    err = capsys.readouterr().err
    assert "được giữ nguyên" in err and "Traceback" not in err
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.xlsx", "ntm.sqlite"]  # no journal, no new file


def test_zero_byte_file_is_not_made_a_store(tmp_path):
    path = tmp_path / "ntm.sqlite"
    path.touch()
    problem = sqlite_file_problem(path)
    assert problem.kind == "empty" and "rỗng (0 byte)" in str(problem)
    with pytest.raises(StoreUnavailable, match="rỗng"):
        connect(f"sqlite:///{path}")
    assert path.stat().st_size == 0


def test_damage_inside_the_pages_refuses_the_import_before_writing(tmp_path, registry):
    """A page the preview does not read is damaged: the preview works, storing is refused by the
    integrity check that runs before any write, and the file is unchanged."""
    path, whole = stored_file(tmp_path, registry)
    content = whole[:4096] + b"\x07" * 4096 + whole[8192:]
    path.write_bytes(content)
    engine = connect(f"sqlite:///{path}")
    data = valid_xlsx(3, 2025)
    result = preview(engine, data, "b.xlsx", registry)
    assert result.ok
    with pytest.raises(StoreUnavailable) as raised:
        commit(engine, result, data, "b.xlsx", "test")
    engine.dispose()
    assert raised.value.kind == "corrupt" and "hỏng" in str(raised.value)
    assert path.read_bytes() == content


def test_whole_store_passes_the_checks(tmp_path, registry):
    path, whole = stored_file(tmp_path, registry)
    assert sqlite_file_problem(path) is None
    engine = connect(f"sqlite:///{path}", create=False)
    assert [v.id for v in list_versions(engine)] == [1] and load_active(engine)[0] == 1
    engine.dispose()


def test_missing_store_is_created_only_when_asked(tmp_path):
    path = tmp_path / "sub" / "ntm.sqlite"
    with pytest.raises(StoreUnavailable) as raised:
        connect(f"sqlite:///{path}", create=False)
    assert raised.value.kind == "missing" and not path.exists() and not path.parent.exists()
    connect(f"sqlite:///{path}").dispose()
    assert path.exists() and sqlite_file_problem(path) is None


def closed_port() -> int:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        return listener.getsockname()[1]


def test_unreachable_server_is_reported_without_the_password(capsys):
    url = f"postgresql+psycopg://ntm:bi-mat@127.0.0.1:{closed_port()}/ntm"
    with pytest.raises(StoreUnavailable) as raised:
        connect(url)
    assert raised.value.kind == "unreachable"
    assert str(raised.value).startswith("Không kết nối được cơ sở dữ liệu 127.0.0.1:")
    assert main(["--database", url, "versions"]) == 1
    err = capsys.readouterr().err
    assert "Không kết nối được" in err and "bi-mat" not in err and "Traceback" not in err
