"""The audit log on SQLite and PostgreSQL: imports, activations and rollbacks write their own row in
their transaction; logins and failed logins are recorded and counted; older stores gain the table."""

from datetime import UTC, datetime, timedelta

import pytest
from import_fixtures import valid_xlsx
from sqlalchemy import MetaData, create_engine, inspect

from ntm.ingest.flow import commit, preview
from ntm.ingest.store import (
    StoreError,
    activate,
    audit,
    connect,
    list_audit,
    list_versions,
    login_failures,
    metadata,
    record,
)


def store_file(engine, registry, communes, year, name, user):
    data = valid_xlsx(communes, year)
    return commit(engine, preview(engine, data, name, registry), data, name, user)


def test_imports_activations_and_rollbacks_are_recorded(store_url, registry):
    engine = connect(store_url)
    first = store_file(engine, registry, 6, 2024, "cao_loc.xlsx", "chi.lan")
    second = store_file(engine, registry, 8, 2024, "loc_binh.xlsx", "anh.tu")
    assert activate(engine, first, user="anh.tu") == "rollback"
    assert activate(engine, second, user="chi.lan") == "activate"
    with pytest.raises(StoreError):
        activate(engine, 99, user="chi.lan")
    entries = list(reversed(list_audit(engine)))
    assert [(e.actor, e.action, e.version_id) for e in entries] == [
        ("chi.lan", "import", first),
        ("anh.tu", "import", second),
        ("anh.tu", "rollback", first),
        ("chi.lan", "activate", second),
    ]
    assert entries[0].detail == "cao_loc.xlsx (6 thêm mới, 0 thay thế)"
    assert entries[2].detail == f"trước đó: phiên bản {second}"
    versions = {v.id: v for v in list_versions(engine)}
    assert entries[0].at == versions[first].created_at and entries[0].at.tzinfo is not None


def test_a_failed_import_leaves_no_audit_row(store_url, registry):
    engine = connect(store_url)
    data = valid_xlsx()
    result = preview(engine, data, "a.xlsx", registry)

    def fail(done, total):
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        commit(engine, result, data, "a.xlsx", "chi.lan", on_progress=fail)
    assert list_audit(engine) == [] and list_versions(engine) == []


def test_failed_logins_count_until_the_next_login(store_url):
    engine = connect(store_url)
    start = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    at = [start + timedelta(minutes=minute) for minute in range(10)]
    for moment in at[:3]:
        record(engine, "bientap", "login_failed", detail="IP 10.0.0.7", at=moment)
    record(engine, "khach", "login_failed", at=at[3])
    assert login_failures(engine, "bientap", start - timedelta(days=1)) == at[2::-1]
    assert login_failures(engine, "bientap", at[1]) == [at[2]]  # only after `since`
    record(engine, "bientap", "login", at=at[4])
    assert login_failures(engine, "bientap", start - timedelta(days=1)) == []  # a login resets the count
    record(engine, "bientap", "login_failed", at=at[5])
    assert login_failures(engine, "bientap", start - timedelta(days=1)) == [at[5]]
    assert login_failures(engine, "khach", start - timedelta(days=1)) == [at[3]]
    assert [e.action for e in list_audit(engine, limit=2)] == ["login_failed", "login"]
    with pytest.raises(ValueError):
        record(engine, "bientap", "format_disk")


def test_long_names_and_details_are_cut_to_the_columns(store_url):
    engine = connect(store_url)
    record(engine, "x" * 500, "login_failed", detail="y" * 5000)
    [entry] = list_audit(engine)
    assert len(entry.actor) == audit.c.actor.type.length and len(entry.detail) == audit.c.detail.type.length
    assert len(login_failures(engine, "x" * 500, datetime(2000, 1, 1, tzinfo=UTC))) == 1


def test_a_store_made_before_the_audit_log_gains_it(store_url, registry):
    older = MetaData()
    for table in metadata.sorted_tables:
        if table.name != audit.name:
            table.to_metadata(older)
    engine = create_engine(store_url)
    older.create_all(engine)
    assert audit.name not in inspect(engine).get_table_names()
    engine.dispose()
    engine = connect(store_url)
    assert audit.name in inspect(engine).get_table_names()
    version = store_file(engine, registry, 6, 2024, "a.xlsx", "chi.lan")
    assert [(e.action, e.version_id) for e in list_audit(engine)] == [("import", version)]
