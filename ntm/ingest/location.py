"""Where the versioned store lives, without importing SQLAlchemy: the dashboard asks this on every
start, and needs the database library only when a store exists."""

import os

from ntm.paths import DATA

DEFAULT_URL = f"sqlite:///{DATA / 'ntm.sqlite'}"


def database_url() -> str:
    return os.environ.get("NTM_DATABASE_URL") or DEFAULT_URL


def store_exists(url: str | None = None) -> bool:
    """False for a SQLite file not created yet (viewing must not create it)."""
    url = url or database_url()
    if url.startswith("sqlite:///"):
        return os.path.exists(url.removeprefix("sqlite:///"))
    return True
