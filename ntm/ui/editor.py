"""The editor's session wherever editor rights are used (the import page; boundary uploads on the map
page): who is logged in, the idle logout after auth.IDLE_SECONDS without a run of such a page, and the
audit-log entries of a session (issue 16, point 3)."""

import logging
from datetime import UTC, datetime

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from ntm.i18n import t
from ntm.ingest import auth
from ntm.ingest.store import StoreError, record
from ntm.ui import state

log = logging.getLogger("ntm")


def audit(engine, actor: str, action: str, detail: str = "") -> None:
    """One row of the audit log; with no usable store, the server's log only (the page goes on)."""
    if engine is None:
        log.info("audit (no store): %s %s %s", actor, action, detail)
        return
    try:
        record(engine, actor, action, detail=detail, at=datetime.fromtimestamp(auth.now(), UTC))
    except (StoreError, SQLAlchemyError):
        log.warning("audit entry not stored: %s %s %s", actor, action, detail, exc_info=True)


def end_session() -> bool:
    """Forget the editor; True when they had logged in through OIDC (held until st.login again)."""
    session = st.session_state
    oidc = bool(session.pop(state.EDITOR_OIDC, False))
    for key in (state.EDITOR, state.EDITOR_SEEN):
        session.pop(key, None)
    if oidc:
        session[state.OIDC_HOLD] = True
    return oidc


def idle_minutes() -> int:
    return round(auth.IDLE_SECONDS / 60)


def current_editor(lang: str, engine=None) -> str | None:
    """The logged-in editor's name, None for a viewer. An editor idle for longer than auth.IDLE_SECONDS
    is logged out here, recorded in the audit log (`engine`: the store, None without one) and told so
    once; otherwise this run counts as activity and the idle time starts again."""
    session, at = st.session_state, auth.now()
    editor = session.get(state.EDITOR)
    if not editor:
        return None
    if auth.idle_expired(session.get(state.EDITOR_SEEN), at):
        audit(engine, editor, "session_expired", f"{idle_minutes()} phút không hoạt động")
        end_session()
        st.warning(t("import.login.expired", lang, minutes=idle_minutes()), icon=":material/timer_off:")
        return None
    session[state.EDITOR_SEEN] = at
    return editor
