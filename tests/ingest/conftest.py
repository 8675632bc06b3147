"""The store under test: a SQLite file, or a fresh schema on the PostgreSQL test server."""

import uuid

import pytest
from import_fixtures import postgres_url
from sqlalchemy import create_engine, text


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ntm.sqlite'}"
        return
    schema = f"t_{uuid.uuid4().hex[:10]}"
    admin = create_engine(postgres_url())
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    yield postgres_url() + ("&" if "?" in postgres_url() else "?") + f"options=-csearch_path%3D{schema}"
    with admin.begin() as connection:
        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()
