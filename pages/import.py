"""Import: template download, upload with validation and preview, versions; actions for editors only.

Editors' logins are slowed down after repeated failures and recorded with every import and version
change in the store's audit log, which editors see here; an editor idle for 30 minutes is logged out.
"""

import logging
import math
from datetime import UTC, datetime, timedelta, timezone

import pandas as pd
import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

import pages  # noqa: F401  (a link opened first on a fresh server runs through app.py: pages/__init__.py)
from ntm.criteria import criterion_name, load_catalogue
from ntm.i18n import t
from ntm.ingest import auth
from ntm.ingest.auth import check_editor, oidc_editor
from ntm.ingest.flow import commit, district_changes, preview
from ntm.ingest.problems_excel import problems_workbook
from ntm.ingest.read import MAX_BYTES, column_letter
from ntm.ingest.store import (
    StoreError,
    activate,
    database_url,
    file_hash,
    forget_column_map,
    list_audit,
    list_versions,
    load_column_maps,
    login_failures,
    save_column_map,
    unavailable,
)
from ntm.ingest.template import template_bytes
from ntm.ingest.validation import current_year
from ntm.registry import load_registry
from ntm.ui import a11y, loaders, page, state
from ntm.ui.editor import audit, current_editor, end_session, idle_minutes

VIETNAM_TIME = timezone(timedelta(hours=7))  # times are stored in UTC and shown in Vietnam's time (no DST)
AUDIT_ROWS = 200
log = logging.getLogger("ntm")


@st.cache_data(show_spinner=False)
def template_file(year: int) -> bytes:
    return template_bytes(load_registry(), year)


def secret_section(name: str) -> dict:
    try:
        return dict(st.secrets.get(name, {}))
    except FileNotFoundError:
        return {}


def oidc_configured() -> bool:
    return bool(secret_section("auth"))


def local_time(moment: datetime) -> str:
    return moment.astimezone(VIETNAM_TIME).strftime("%d/%m/%Y %H:%M")


@st.cache_resource(show_spinner=False)
def failure_log() -> auth.FailureLog:
    """Failed logins per user name in this server process, for when the store cannot keep them (no
    store yet, database down). The store's audit log is the counter every server process shares."""
    return auth.FailureLog()


def client_detail() -> str:
    try:
        address = st.context.ip_address
    except Exception:  # no request context (tests, scripts)
        address = None
    return f"IP {address}" if address else ""


def name_failures(engine, name: str, at: float) -> list[float]:
    """Times of the failed logins for `name` since its last login: from the store's audit log (shared by
    every server process), or this process's memory when that knows more (the store unusable)."""
    remembered = failure_log().times(name)
    if engine is None:
        return remembered
    try:
        since = datetime.fromtimestamp(at - auth.FAILURE_WINDOW, UTC)
        stored = [moment.timestamp() for moment in login_failures(engine, name, since)]
    except (StoreError, SQLAlchemyError):
        return remembered
    return stored if len(stored) >= len(remembered) else remembered


def login_wait(engine, name: str, at: float) -> tuple[float, int]:
    """(seconds the next attempt must wait, failures counted) for this session and user name."""
    session_times = st.session_state.get(state.LOGIN_FAILURES, [])
    name_times = name_failures(engine, name, at)
    return (
        max(auth.wait_seconds(session_times, at), auth.wait_seconds(name_times, at)),
        max(len(session_times), len(name_times)),
    )


def sign_in(engine, name: str, at: float, oidc: bool = False) -> None:
    session = st.session_state
    session[state.EDITOR], session[state.EDITOR_SEEN], session[state.EDITOR_OIDC] = name, at, oidc
    session.pop(state.LOGIN_FAILURES, None)
    session.pop(state.OIDC_HOLD, None)
    failure_log().clear(name)
    audit(engine, name, "login", ("OIDC " if oidc else "") + client_detail())


def fail_login(engine, name: str, at: float) -> None:
    session = st.session_state
    session[state.LOGIN_FAILURES] = [*session.get(state.LOGIN_FAILURES, []), at]
    failure_log().add(name, at)
    audit(engine, name, "login_failed", client_detail())


def password_form(engine, editors: dict, lang: str) -> None:
    with st.form("editor_login"):
        st.subheader(t("import.login.header", lang))
        user = st.text_input(t("import.login.user", lang))
        password = st.text_input(t("import.login.password", lang), type="password")
        if not st.form_submit_button(t("import.login.submit", lang)):
            return
        name, at = user.strip(), auth.now()
        wait, _ = login_wait(engine, name, at)
        if wait > 0:  # refused unchecked: no scrypt run, nothing counted
            st.error(t("import.login.wait", lang, seconds=math.ceil(wait)))
            return
        if check_editor(editors, name, password):
            sign_in(engine, name, at)
            st.rerun()
        fail_login(engine, name, at)
        st.error(t("import.login.failed", lang))
        wait, failures = login_wait(engine, name, at)
        if wait > 0:
            st.warning(t("import.login.throttled", lang, n=failures, seconds=math.ceil(wait)))


def editor_login(lang: str, engine=None) -> str | None:
    """The logged-in editor's name, after showing the login controls; None for a viewer. An editor idle
    for longer than auth.IDLE_SECONDS is logged out with a message."""
    session, at = st.session_state, auth.now()
    editor = current_editor(lang, engine)  # the idle logout, as on every page using editor rights
    if editor:
        st.caption(
            t("import.signed_in", lang, user=editor) + " · " + t("import.login.idle_hint", lang, minutes=idle_minutes())
        )
        if st.button(t("import.logout", lang)):
            audit(engine, editor, "logout")
            if end_session():
                st.logout()  # the identity cookie too: else st.user would log the editor in again
            st.rerun()
        return editor
    oidc_ready = oidc_configured()
    if oidc_ready and st.user.is_logged_in and not session.get(state.OIDC_HOLD):
        email = st.user.get("email")
        if oidc_editor(secret_section("ntm_oidc").get("editors", []), email):
            sign_in(engine, email, at, oidc=True)
            st.rerun()
        st.warning(t("import.login.not_editor", lang, email=email))
    st.info(t("import.viewer", lang), icon=":material/lock:")
    editors = secret_section("ntm_editors")
    if oidc_ready and (not st.user.is_logged_in or session.get(state.OIDC_HOLD)):
        st.button(t("import.login.oidc", lang), on_click=st.login)
    if not editors:
        if not oidc_ready:
            st.caption(t("import.no_editors", lang))
        return None
    password_form(engine, editors, lang)
    return None


def problems_table(problems, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("import.col.severity", lang): [t(f"import.severity.{p.severity}", lang) for p in problems],
            t("import.col.sheet", lang): [p.sheet for p in problems],
            t("import.col.row", lang): [p.row for p in problems],
            t("import.col.column", lang): [p.column or "" for p in problems],
            t("import.col.message", lang): [p.message for p in problems],
            t("import.col.suggestion", lang): [p.suggestion for p in problems],
        }
    )


def versions_table(engine, lang: str, editor: bool = False) -> pd.DataFrame:
    """The versions, newest first; who imported each is shown to editors only."""
    rows = list_versions(engine) if engine is not None else []
    columns = {
        t("import.col.version", lang): [v.id for v in rows],
        t("import.col.active", lang): [v.active for v in rows],
        t("import.col.created_at", lang): [local_time(v.created_at) for v in rows],
        t("import.col.created_by", lang): [v.created_by for v in rows],
        t("import.col.filename", lang): [v.filename for v in rows],
        t("import.col.rows", lang): [v.rows_total for v in rows],
        t("import.col.added", lang): [v.added for v in rows],
        t("import.col.replaced", lang): [v.replaced for v in rows],
        t("import.col.hash", lang): [v.file_sha256[:16] for v in rows],
    }
    if not editor:
        del columns[t("import.col.created_by", lang)]
    return pd.DataFrame(columns)


def audit_table(engine, lang: str) -> pd.DataFrame:
    entries = list_audit(engine, limit=AUDIT_ROWS)
    return pd.DataFrame(
        {
            t("import.audit.col.at", lang): [local_time(e.at) for e in entries],
            t("import.audit.col.actor", lang): [e.actor for e in entries],
            t("import.audit.col.action", lang): [t(f"import.audit.action.{e.action}", lang) for e in entries],
            t("import.audit.col.version", lang): pd.array([e.version_id for e in entries], dtype="Int64"),
            t("import.audit.col.detail", lang): [e.detail for e in entries],
        }
    )


def groups_table(validation, lang: str) -> pd.DataFrame:
    """One line per kind of problem: how many, an example (its column and message), the first rows, what to do."""
    groups = validation.groups
    return pd.DataFrame(
        {
            t("import.col.severity", lang): [t(f"import.severity.{g.severity}", lang) for g in groups],
            t("import.col.count", lang): [g.count for g in groups],
            t("import.col.example", lang): [
                g.example.where_and_what() if g.example.count == 1 else g.example.message for g in groups
            ],
            t("import.col.first_rows", lang): [g.rows_text(lang) for g in groups],
            t("import.col.suggestion", lang): [g.example.suggestion for g in groups],
        }
    )


def district_table(change, registry, lang: str) -> pd.DataFrame:
    table = district_changes(change, registry)
    return table.rename(
        columns={
            "district": t("import.col.district", lang),
            "year": t("import.col.year", lang),
            "added": t("import.preview.added", lang),
            "replaced": t("import.preview.replaced", lang),
            "identical": t("import.col.identical", lang),
            "kept": t("import.col.kept", lang),
            "reported": t("import.col.reported", lang),
            "communes": t("import.col.communes", lang),
        }
    )


def slot_label(slot: str, criteria_set: str, lang: str) -> str:
    if slot in ("code", "name", "year", "level"):
        return t(f"import.mapping.field.{slot}", lang)
    return t(
        "import.mapping.field.criterion",
        lang,
        id=slot,
        name=criterion_name(load_catalogue(), slot, lang, criteria_set=criteria_set),
    )


def stored_maps(engine) -> dict:
    """The column mappings the store remembers (none without a store, or when it cannot be read)."""
    if engine is None:
        return {}
    try:
        return load_column_maps(engine)
    except (StoreError, SQLAlchemyError):
        log.warning("column mappings not readable", exc_info=True)
        return {}


def remember_map(engine, fingerprint: str, mapping: dict | None, headers=(), editor: str = "") -> None:
    """Keep (or, with `mapping` None, forget) a header's column mapping: in the session, and in the store
    when there is one (then every session and the command line read the next file the same way)."""
    maps = st.session_state.setdefault(state.COLUMN_MAPS, {})
    if mapping is None:
        maps.pop(fingerprint, None)
    else:
        maps[fingerprint] = mapping
    if engine is None:
        return
    try:
        if mapping is None:
            forget_column_map(engine, fingerprint)
        else:
            save_column_map(engine, fingerprint, mapping, headers, editor)
    except (StoreError, SQLAlchemyError):
        log.warning("column mapping not stored (kept in the session)", exc_info=True)


def mapping_step(need, engine, editor: str, known: dict, lang: str) -> None:
    """Choose which column holds each required field the importer could not find; remembered for every
    file whose header has the same fingerprint."""
    st.subheader(t("import.mapping.header", lang, sheet=need.sheet))
    st.caption(t("import.mapping.intro", lang))
    columns = [-1] + [i for i, header in enumerate(need.headers) if header]

    def describe(index: int) -> str:
        if index < 0:
            return t("import.mapping.none", lang)
        return f"{column_letter(index)} ({need.headers[index]})"

    slots = list(need.missing)
    if "code" in slots:
        slots.insert(slots.index("code") + 1, "name")
    with st.form(f"mapping_{need.fingerprint}"):
        chosen = {
            slot: st.selectbox(
                slot_label(slot, need.criteria_set, lang),
                columns,
                format_func=describe,
                key=f"map_{need.fingerprint}_{slot}",
            )
            for slot in slots
        }
        if st.form_submit_button(t("import.mapping.apply", lang)):
            mapping = {**known.get(need.fingerprint, {}), **{s: i for s, i in chosen.items() if i >= 0}}
            remember_map(engine, need.fingerprint, mapping, need.headers, editor)
            st.rerun()


def upload_section(engine, dataset, editor: str, lang: str) -> None:
    st.subheader(t("import.upload.header", lang))
    st.html(a11y.uploader_style(lang, MAX_BYTES // 1048576, "XLSX, CSV"))
    upload = st.file_uploader(
        t("import.upload.label", lang),
        type=["xlsx", "csv"],
        help=t("import.upload.help", lang, mb=MAX_BYTES // 1048576),
        max_upload_size=MAX_BYTES // 1048576,
        key=f"upload_{st.session_state.get('upload_round', 0)}",
    )
    if upload is None:
        return
    data = upload.getvalue()
    maps = {**stored_maps(engine), **st.session_state.get(state.COLUMN_MAPS, {})}
    result = preview(engine, data, upload.name, dataset.registry, mapping=maps)
    validation = result.validation
    remembered = [f for f in validation.fingerprints if f in maps]
    if remembered:
        st.caption(t("import.mapping.used", lang))
        if st.button(t("import.mapping.forget", lang)):
            for fingerprint in remembered:
                remember_map(engine, fingerprint, None)
            st.rerun()
    for need in validation.needs:
        mapping_step(need, engine, editor, maps, lang)
    errors = validation.errors
    warnings = [p for p in validation.problems if not p.is_error]
    if errors:
        st.error(t("import.errors", lang, n=validation.error_count))
        st.subheader(t("import.groups.header", lang))
        st.caption(t("import.groups.caption", lang))
        st.dataframe(groups_table(validation, lang), hide_index=True)
        stem = upload.name.rsplit(".", 1)[0]
        st.download_button(
            t("import.problems.download", lang),
            data=lambda: problems_workbook(data, upload.name, dataset.registry, mapping=maps),
            file_name=t("import.problems.filename", lang, name=stem),
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"problems_{file_hash(data)[:12]}",
        )
        with st.expander(t("import.details", lang, n=len(errors))):
            st.dataframe(problems_table(errors, lang), hide_index=True)
    for note in validation.notes:
        st.info(note, icon=":material/info:")
    if warnings:
        with st.expander(t("import.warnings", lang, n=validation.warning_count), expanded=not errors):
            st.dataframe(problems_table(warnings, lang), hide_index=True)
    if not result.ok:
        return
    change = result.change
    st.subheader(t("import.preview.header", lang))
    st.write(
        t(
            "import.preview.summary",
            lang,
            added=len(change.added),
            replaced=len(change.replaced),
            total=len(change.levels),
        )
    )
    st.markdown(f"**{t('import.districts.header', lang)}**")
    st.caption(t("import.districts.caption", lang))
    st.dataframe(district_table(change, dataset.registry, lang), hide_index=True)
    marked = pd.concat(
        [
            change.added.assign(change=t("import.preview.added", lang)),
            change.replaced.assign(change=t("import.preview.replaced", lang)),
        ]
    )
    st.dataframe(
        marked.rename(
            columns={
                "commune_code": t("import.col.commune", lang),
                "year": t("import.col.year", lang),
                "change": t("import.col.change", lang),
            }
        ),
        hide_index=True,
        height=240,
    )
    if st.button(t("import.confirm", lang), type="primary", key=f"confirm_{file_hash(data)[:12]}"):
        try:  # the first import creates the store
            target = engine if engine is not None else loaders.create_store(database_url())
            version_id = commit(target, result, data, upload.name, editor)
        except StoreError as exc:  # a damaged store is never written to: say why
            st.error(str(exc))
            return
        except Exception:  # the database refused: the transaction rolled back, tell the user
            st.error(t("import.store_failed", lang))
            return
        st.session_state[state.IMPORT_FLASH] = t("import.saved", lang, version=version_id)
        st.session_state[state.UPLOAD_ROUND] = st.session_state.get(state.UPLOAD_ROUND, 0) + 1
        st.rerun()


def activate_section(engine, editor: str, lang: str) -> None:
    versions = list_versions(engine)
    if not versions:
        return
    ids = [v.id for v in versions]
    chosen = st.selectbox(t("import.versions.choose", lang), ids)
    if st.button(t("import.versions.activate", lang)):
        try:
            activate(engine, chosen, user=editor)
        except StoreError as exc:
            st.error(str(exc))
            return
        st.session_state[state.IMPORT_FLASH] = t("import.versions.activated", lang, version=chosen)
        st.rerun()


def audit_section(engine, lang: str) -> None:
    st.subheader(t("import.audit.header", lang))
    table = audit_table(engine, lang)
    if table.empty:
        st.caption(t("import.audit.none", lang))
        return
    st.caption(t("import.audit.caption", lang, n=len(table)))
    st.dataframe(table, hide_index=True)


dataset = loaders.load_active_dataset()
f = state.current_filters(dataset)
lang = f.lang
page.page_header(dataset, t("import.title", lang), lang)
if state.IMPORT_FLASH in st.session_state:
    st.success(st.session_state.pop(state.IMPORT_FLASH))
engine, problem = loaders.open_store(database_url())
if problem is None:  # otherwise app.py's notice says why the demo is shown
    st.caption(
        t("import.source.demo", lang)
        if dataset.illustrative
        else t("import.source.version", lang, version=dataset.label.removeprefix("v"))
    )
editor = editor_login(lang, engine)
st.subheader(t("import.template.header", lang))
template_years = list(range(2021, current_year() + 1))
template_year = st.selectbox(t("import.template.year", lang), template_years, index=len(template_years) - 1)
st.download_button(
    t("import.template.download", lang),
    template_file(template_year),
    file_name=f"mau_nong_thon_moi_{template_year}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
if editor:
    st.caption(t("import.targets.hint", lang) + "  \n" + t("import.catalogue.hint", lang))
st.subheader(t("import.versions.header", lang))
if problem is None:
    try:
        table = versions_table(engine, lang, editor=bool(editor))
        if table.empty:
            st.caption(t("import.versions.none", lang))
        else:
            st.dataframe(table, hide_index=True)
        if editor and engine is not None:
            activate_section(engine, editor, lang)
    except (StoreError, SQLAlchemyError) as exc:  # the store went away mid-session
        problem = unavailable(exc, database_url())
if problem is not None:  # no versions, no import: one line (app.py's notice says why)
    st.warning(t("import.versions.unavailable", lang), icon=":material/database:")
elif editor:
    upload_section(engine, dataset, editor, lang)
    if engine is not None:
        try:
            audit_section(engine, lang)
        except (StoreError, SQLAlchemyError):
            log.warning("audit log not readable", exc_info=True)
