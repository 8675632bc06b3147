"""Import: template download, upload with validation and preview, versions; actions for editors only."""

import pandas as pd
import streamlit as st

from ntm.i18n import t
from ntm.ingest.auth import check_editor, oidc_editor
from ntm.ingest.flow import commit, preview
from ntm.ingest.read import MAX_BYTES
from ntm.ingest.store import activate, database_url, file_hash, list_versions
from ntm.ingest.template import template_bytes
from ntm.registry import load_registry
from ntm.ui import loaders, page, state


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


def editor_login(lang: str) -> str | None:
    """The logged-in editor's name, after showing the login controls; None for a viewer."""
    if st.session_state.get(state.EDITOR):
        st.caption(t("import.signed_in", lang, user=st.session_state[state.EDITOR]))
        if st.button(t("import.logout", lang)):
            del st.session_state[state.EDITOR]
            st.rerun()
        return st.session_state[state.EDITOR]
    if oidc_configured() and st.user.is_logged_in:
        email = st.user.get("email")
        if oidc_editor(secret_section("ntm_oidc").get("editors", []), email):
            st.session_state[state.EDITOR] = email
            st.rerun()
        st.warning(t("import.login.not_editor", lang, email=email))
    st.info(t("import.viewer", lang), icon=":material/lock:")
    editors = secret_section("ntm_editors")
    if oidc_configured() and not st.user.is_logged_in:
        st.button(t("import.login.oidc", lang), on_click=st.login)
    if not editors:
        if not oidc_configured():
            st.caption(t("import.no_editors", lang))
        return None
    with st.form("editor_login"):
        st.subheader(t("import.login.header", lang))
        user = st.text_input(t("import.login.user", lang))
        password = st.text_input(t("import.login.password", lang), type="password")
        if st.form_submit_button(t("import.login.submit", lang)):
            if check_editor(editors, user, password):
                st.session_state[state.EDITOR] = user.strip()
                st.rerun()
            st.error(t("import.login.failed", lang))
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


def versions_table(engine, lang: str) -> pd.DataFrame:
    rows = list_versions(engine) if engine is not None else []
    return pd.DataFrame(
        {
            t("import.col.version", lang): [v.id for v in rows],
            t("import.col.active", lang): [v.active for v in rows],
            t("import.col.created_at", lang): [v.created_at.strftime("%d/%m/%Y %H:%M") for v in rows],
            t("import.col.created_by", lang): [v.created_by for v in rows],
            t("import.col.filename", lang): [v.filename for v in rows],
            t("import.col.rows", lang): [v.rows_total for v in rows],
            t("import.col.added", lang): [v.added for v in rows],
            t("import.col.replaced", lang): [v.replaced for v in rows],
            t("import.col.hash", lang): [v.file_sha256[:16] for v in rows],
        }
    )


def upload_section(engine, dataset, editor: str, lang: str) -> None:
    st.subheader(t("import.upload.header", lang))
    upload = st.file_uploader(
        t("import.upload.label", lang),
        type=["xlsx", "csv"],
        help=t("import.upload.help", lang, mb=MAX_BYTES // 1048576),
        key=f"upload_{st.session_state.get('upload_round', 0)}",
    )
    if upload is None:
        return
    data = upload.getvalue()
    result = preview(engine, data, upload.name, dataset.registry)
    errors = result.validation.errors
    warnings = [p for p in result.validation.problems if not p.is_error]
    if errors:
        st.error(t("import.errors", lang, n=result.validation.error_count))
        st.dataframe(problems_table(errors, lang), hide_index=True)
    if warnings:
        with st.expander(t("import.warnings", lang, n=result.validation.warning_count), expanded=not errors):
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
        try:
            version_id = commit(engine, result, data, upload.name, editor)
        except Exception:  # the database refused: the transaction rolled back, tell the user
            st.error(t("import.store_failed", lang))
            return
        st.session_state[state.IMPORT_FLASH] = t("import.saved", lang, version=version_id)
        st.session_state[state.UPLOAD_ROUND] = st.session_state.get(state.UPLOAD_ROUND, 0) + 1
        st.rerun()


def activate_section(engine, lang: str) -> None:
    versions = list_versions(engine)
    if not versions:
        return
    ids = [v.id for v in versions]
    chosen = st.selectbox(t("import.versions.choose", lang), ids)
    if st.button(t("import.versions.activate", lang)):
        activate(engine, chosen)
        st.session_state[state.IMPORT_FLASH] = t("import.versions.activated", lang, version=chosen)
        st.rerun()


dataset = loaders.load_active_dataset()
f = state.current_filters(dataset)
lang = f.lang
page.page_header(dataset, t("import.title", lang), lang)
if state.IMPORT_FLASH in st.session_state:
    st.success(st.session_state.pop(state.IMPORT_FLASH))
st.caption(
    t("import.source.demo", lang)
    if dataset.illustrative
    else t("import.source.version", lang, version=dataset.label.removeprefix("v"))
)
editor = editor_login(lang)
st.subheader(t("import.template.header", lang))
template_year = st.selectbox(t("import.template.year", lang), list(range(2021, 2026)), index=4)
st.download_button(
    t("import.template.download", lang),
    template_file(template_year),
    file_name=f"mau_nong_thon_moi_{template_year}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
engine = loaders.store_engine(database_url()) if editor else loaders.active_store()
st.subheader(t("import.versions.header", lang))
table = versions_table(engine, lang)
if table.empty:
    st.caption(t("import.versions.none", lang))
else:
    st.dataframe(table, hide_index=True)
if editor:
    activate_section(engine, lang)
    upload_section(engine, dataset, editor, lang)
