"""The import page: viewers see no import actions; editors log in, preview, store and switch versions."""

import pytest
from apptest_helpers import assert_clean, nodes, run_app
from import_fixtures import valid_xlsx

from ntm.ingest.auth import check_editor, hash_password, oidc_editor, verify_password
from ntm.ingest.flow import commit, preview
from ntm.ingest.store import connect

PAGE = "pages/import.py"
PASSWORD = "mật-khẩu đúng"
EDITORS = {"bientap": hash_password(PASSWORD, salt=b"0123456789abcdef")}


@pytest.fixture
def store_url(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'ntm.sqlite'}"
    monkeypatch.setenv("NTM_DATABASE_URL", url)
    return url


def page(secrets=None, **state):
    from streamlit.testing.v1 import AppTest

    from ntm.paths import ROOT

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for name, value in (secrets or {}).items():
        at.secrets[name] = value
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    at.switch_page(PAGE).run()
    return at


def submit(at):
    [button] = [b for b in at.button if b.label == "Đăng nhập"]
    button.click().run()


def labels(at, kind):
    return [node.label for node in nodes(at, kind)]


def test_password_hash_check():
    stored = EDITORS["bientap"]
    assert stored.startswith("scrypt$") and PASSWORD not in stored
    assert verify_password(PASSWORD, stored) and not verify_password("sai", stored)
    assert check_editor(EDITORS, " bientap ", PASSWORD)
    assert not check_editor(EDITORS, "khach", PASSWORD) and not check_editor(EDITORS, "bientap", "")
    assert not verify_password(PASSWORD, "plain-text") and not verify_password(PASSWORD, "md5$1$2$3$00$00")
    assert oidc_editor(["An@Langson.gov.vn"], "an@langson.gov.vn") and not oidc_editor(["a@b"], None)


@pytest.mark.parametrize("secrets", [None, {"ntm_editors": EDITORS}])
def test_viewer_sees_no_import_actions(store_url, secrets):
    at = page(secrets)
    assert_clean(at)
    assert not nodes(at, "file_uploader")
    assert "Dùng phiên bản này" not in labels(at, "button")
    assert "Tải tệp mẫu Excel" in labels(at, "download_button")
    assert any("quyền người xem" in n.value for n in nodes(at, "info"))


def test_wrong_password_is_refused(store_url):
    at = page({"ntm_editors": EDITORS})
    at.text_input[0].input("bientap")
    at.text_input[1].input("sai")
    submit(at)
    assert [e.value for e in at.error] == ["Sai tên đăng nhập hoặc mật khẩu."]
    assert not nodes(at, "file_uploader")


def test_editor_logs_in_and_sees_upload_and_versions(store_url, registry):
    engine = connect(store_url)
    data = valid_xlsx()
    commit(engine, preview(engine, data, "a.xlsx", registry), data, "a.xlsx", "cli")
    at = page({"ntm_editors": EDITORS})
    at.text_input[0].input("bientap")
    at.text_input[1].input(PASSWORD)
    submit(at)
    assert_clean(at)
    assert nodes(at, "file_uploader")
    assert "Dùng phiên bản này" in labels(at, "button")
    assert any("Đã đăng nhập: bientap" in c.value for c in at.caption)
    assert any("phiên bản 1" in c.value for c in at.caption)


def test_dashboard_reads_the_active_version_and_falls_back_to_demo(store_url, registry):
    at = run_app()
    assert any("minh họa" in w.value for w in nodes(at, "warning"))
    engine = connect(store_url)
    data = valid_xlsx(6, 2024)
    commit(engine, preview(engine, data, "a.xlsx", registry), data, "a.xlsx", "cli")
    at = run_app()
    assert_clean(at)
    assert not any("minh họa" in w.value for w in nodes(at, "warning"))
    assert at.session_state["year"] == 2024
