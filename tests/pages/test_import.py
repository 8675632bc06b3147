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
    return at.switch_page(PAGE).run()  # opened as a link to the import page opens it


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
    assert not any("data/targets.csv" in c.value for c in at.caption)  # how to add targets: editors only


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
    assert any("data/targets.csv (cột units = new" in c.value for c in at.caption)


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


# --- login delay, audit log, idle sessions, stores that cannot be read (issue 16) ---

RIGHT_ANSWER = {"ntm_editors": EDITORS}


class Clock:
    """The login and idle clock (ntm.ingest.auth.now), moved by the test instead of waiting."""

    def __init__(self, start: float = 1_800_000_000.0):
        self.time = start

    def __call__(self) -> float:
        return self.time

    def advance(self, seconds: float) -> None:
        self.time += seconds


@pytest.fixture
def clock(monkeypatch):
    from ntm.ingest import auth

    moving = Clock()
    monkeypatch.setattr(auth, "now", moving)
    return moving


@pytest.fixture
def scrypt_calls(monkeypatch):
    import hashlib

    calls, real = [], hashlib.scrypt

    def counting(password, **kwargs):
        calls.append(kwargs["n"])
        return real(password, **kwargs)

    monkeypatch.setattr(hashlib, "scrypt", counting)
    return calls


def log_in(at, user: str, password: str):
    at.text_input[0].input(user)
    at.text_input[1].input(password)
    submit(at)
    return at


def alerts(at, kind: str) -> list[str]:
    return [node.value for node in nodes(at, kind)]


def signed_in(at) -> bool:
    return bool(nodes(at, "file_uploader"))


def audit_actions(url) -> list[tuple[str, str]]:
    from ntm.ingest.store import list_audit

    engine = connect(url)
    try:
        return [(e.actor, e.action) for e in reversed(list_audit(engine))]
    finally:
        engine.dispose()


def test_sixth_attempt_waits_and_the_delay_grows(store_url, clock, scrypt_calls):
    connect(store_url).dispose()
    at = page(RIGHT_ANSWER)
    for attempt in range(1, 6):
        log_in(at, "bientap", f"sai-{attempt}")
        assert alerts(at, "error") == ["Sai tên đăng nhập hoặc mật khẩu."]
        clock.advance(1)
    assert alerts(at, "warning")[-1] == "Đã đăng nhập sai 5 lần: lần thử tiếp theo phải chờ 30 giây."
    assert len(scrypt_calls) == 5
    log_in(at, "bientap", PASSWORD)  # the right password, too soon: not even checked
    assert alerts(at, "error") == [
        "Đăng nhập sai quá nhiều lần: chờ 29 giây rồi thử lại (lần thử này chưa được kiểm tra)."
    ]
    assert len(scrypt_calls) == 5 and not signed_in(at)
    clock.advance(29)
    log_in(at, "bientap", "sai-6")  # allowed again, wrong: the next wait is twice as long
    assert alerts(at, "warning")[-1] == "Đã đăng nhập sai 6 lần: lần thử tiếp theo phải chờ 60 giây."
    clock.advance(60)
    log_in(at, "bientap", PASSWORD)
    assert_clean(at)
    assert signed_in(at) and len(scrypt_calls) == 7
    assert audit_actions(store_url) == [("bientap", "login_failed")] * 6 + [("bientap", "login")]


def test_failures_for_a_user_name_count_across_sessions(store_url, clock):
    """Counted in the store, which every server process shares: a new session (and a process that
    never saw the failures: its caches cleared) still makes the name wait."""
    import streamlit as st

    connect(store_url).dispose()
    first = page(RIGHT_ANSWER)
    for attempt in range(5):
        log_in(first, "bientap", f"sai-{attempt}")
    st.cache_resource.clear()
    second = page(RIGHT_ANSWER)
    log_in(second, "bientap", PASSWORD)
    assert alerts(second, "error")[0].startswith("Đăng nhập sai quá nhiều lần: chờ 30 giây")
    assert not signed_in(second)
    log_in(second, "nguoi-khac", "x")  # another name from this session is not held up by bientap's failures
    assert alerts(second, "error") == ["Sai tên đăng nhập hoặc mật khẩu."]


def test_failures_from_one_session_count_across_user_names(store_url, clock):
    connect(store_url).dispose()
    at = page(RIGHT_ANSWER)
    for attempt in range(5):
        log_in(at, f"ten-{attempt}", "sai")
    log_in(at, "bientap", PASSWORD)
    assert alerts(at, "error")[0].startswith("Đăng nhập sai quá nhiều lần")
    assert not signed_in(at)


def test_without_a_store_failures_are_counted_in_the_process_and_nothing_is_created(tmp_path, store_url, clock):
    first = page(RIGHT_ANSWER)
    for attempt in range(5):
        log_in(first, "bientap", f"sai-{attempt}")
    second = page(RIGHT_ANSWER)
    log_in(second, "bientap", PASSWORD)
    assert alerts(second, "error")[0].startswith("Đăng nhập sai quá nhiều lần")
    assert list(tmp_path.iterdir()) == []  # logging in never creates the store


def test_idle_editor_is_logged_out_after_30_minutes(store_url, clock):
    connect(store_url).dispose()
    at = log_in(page(RIGHT_ANSWER), "bientap", PASSWORD)
    assert signed_in(at)
    clock.advance(29 * 60)
    at.run()
    assert signed_in(at)  # 29 minutes: still in, and the idle time starts again
    clock.advance(29 * 60)
    at.run()
    assert signed_in(at)
    clock.advance(30 * 60 + 1)
    at.run()
    assert not signed_in(at) and "ntm_editor" not in at.session_state
    assert "Phiên biên tập đã kết thúc sau 30 phút không hoạt động; vui lòng đăng nhập lại." in alerts(at, "warning")
    assert audit_actions(store_url)[-1] == ("bientap", "session_expired")
    at.run()
    assert not any("kết thúc" in text for text in alerts(at, "warning"))  # said once


def test_audit_log_after_login_failed_login_import_and_activation(store_url, registry, clock):
    engine = connect(store_url)
    data = valid_xlsx(6, 2024)
    commit(engine, preview(engine, data, "a.xlsx", registry), data, "a.xlsx", "cli")
    engine.dispose()
    at = log_in(page(RIGHT_ANSWER), "bientap", "sai")
    log_in(at, "bientap", PASSWORD)
    at.file_uploader[0].upload("loc_binh.xlsx", valid_xlsx(8, 2024))
    at.run()
    [confirm] = [b for b in at.button if b.label == "Lưu thành phiên bản mới"]
    confirm.click().run()
    assert_clean(at)
    [choose] = [s for s in at.selectbox if s.label == "Phiên bản"]
    choose.set_value(1).run()
    [use] = [b for b in at.button if b.label == "Dùng phiên bản này"]
    use.click().run()
    assert_clean(at)
    assert audit_actions(store_url) == [
        ("cli", "import"),
        ("bientap", "login_failed"),
        ("bientap", "login"),
        ("bientap", "import"),
        ("bientap", "rollback"),
    ]
    [log] = [d for d in at.dataframe if "Thao tác" in d.value.columns]
    assert list(log.value["Thao tác"]) == [
        "Quay lại phiên bản cũ",
        "Nhập dữ liệu",
        "Đăng nhập",
        "Đăng nhập sai",
        "Nhập dữ liệu",
    ]
    assert list(log.value["Người thực hiện"])[:2] == ["bientap", "bientap"]
    [versions] = [d for d in at.dataframe if "Phiên bản" in d.value.columns and "Tệp" in d.value.columns]
    assert list(versions.value["Người nhập"]) == ["bientap", "cli"]


def test_viewers_see_no_editor_names_and_no_audit_log(store_url, registry):
    engine = connect(store_url)
    data = valid_xlsx(6, 2024)
    commit(engine, preview(engine, data, "a.xlsx", registry), data, "a.xlsx", "chi.lan")
    engine.dispose()
    at = page(RIGHT_ANSWER)
    assert_clean(at)
    [versions] = at.dataframe
    assert "Người nhập" not in versions.value.columns and "Tệp" in versions.value.columns
    assert not any("chi.lan" in str(value) for value in versions.value.to_numpy().ravel())
    assert "Nhật ký thao tác" not in [s.value for s in at.subheader]


def test_logout_is_recorded(store_url, clock):
    connect(store_url).dispose()
    at = log_in(page(RIGHT_ANSWER), "bientap", PASSWORD)
    [logout] = [b for b in at.button if b.label == "Đăng xuất"]
    logout.click().run()
    assert not signed_in(at)
    assert audit_actions(store_url) == [("bientap", "login"), ("bientap", "logout")]


UNREACHABLE = "Không kết nối được cơ sở dữ liệu: đang hiển thị dữ liệu minh họa đi kèm, không phải số liệu đã nhập."


def closed_port() -> int:
    import socket

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        return listener.getsockname()[1]


def shows_demo(at) -> bool:
    return any("dữ liệu minh họa" in w.value for w in nodes(at, "warning"))


# AppTest shows what app.py writes before navigation.run() on a session's first run only (a real
# server sends it on every run): the notice is checked on first runs, reruns for no error and the demo.


def test_unreachable_database_shows_one_line_and_the_demo(monkeypatch, clock):
    monkeypatch.setenv("NTM_DATABASE_URL", f"postgresql+psycopg://ntm:ntm@127.0.0.1:{closed_port()}/ntm")
    at = run_app()
    assert not at.exception
    assert alerts(at, "error") == [UNREACHABLE] and shows_demo(at)
    at.run()  # a rerun: the demo again, without a new wait for the server
    assert not at.exception and shows_demo(at)
    assert alerts(run_app(), "error") == [UNREACHABLE]  # another session
    at = page(RIGHT_ANSWER)
    assert not at.exception and shows_demo(at)
    assert any("Không đọc được các phiên bản" in text for text in alerts(at, "warning"))
    log_in(at, "bientap", PASSWORD)  # editors can still log in; there is nothing to import into
    assert not at.exception and not signed_in(at) and "ntm_editor" in at.session_state


@pytest.mark.parametrize(
    "damage, notice",
    [
        (lambda whole: b"", "Tệp cơ sở dữ liệu rỗng (0 byte), được giữ nguyên"),
        (lambda whole: whole[: len(whole) // 2], "Tệp cơ sở dữ liệu bị cắt cụt, được giữ nguyên"),
        (lambda whole: whole[:100] + b"\xff" * 3996 + whole[4096:], "Tệp cơ sở dữ liệu bị hỏng, được giữ nguyên"),
    ],
    ids=["zero_bytes", "truncated", "corrupt"],
)
def test_damaged_sqlite_store_is_reported_and_left_unchanged(store_url, registry, tmp_path, damage, notice):
    engine = connect(store_url)
    data = valid_xlsx(40, 2024)
    commit(engine, preview(engine, data, "a.xlsx", registry), data, "a.xlsx", "cli")
    engine.dispose()
    path = tmp_path / "ntm.sqlite"
    content = damage(path.read_bytes())
    path.write_bytes(content)
    at = run_app()
    assert not at.exception
    [line] = alerts(at, "error")
    assert line.startswith(notice) and shows_demo(at)
    at = page({"ntm_editors": EDITORS})
    assert not at.exception and not nodes(at, "file_uploader")
    assert path.read_bytes() == content and sorted(p.name for p in tmp_path.iterdir()) == ["ntm.sqlite"]


def test_store_damaged_mid_session_is_reported(store_url, registry, tmp_path):
    engine = connect(store_url)
    data = valid_xlsx(6, 2024)
    commit(engine, preview(engine, data, "a.xlsx", registry), data, "a.xlsx", "cli")
    engine.dispose()
    at = run_app()
    assert_clean(at)
    assert not shows_demo(at)
    path = tmp_path / "ntm.sqlite"
    garbage = b"\x00not a database any more" * 500
    path.write_bytes(garbage)
    at.run()
    assert not at.exception and shows_demo(at)
    assert alerts(run_app(), "error")[0].startswith("Tệp cơ sở dữ liệu bị hỏng")
    assert path.read_bytes() == garbage


class Proxy:
    """A TCP relay to the PostgreSQL server, which the test closes to cut the database off mid-session."""

    def __init__(self, port: int):
        import socket
        import threading

        self.target, self.sockets, self.lock = port, [], threading.Lock()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        import socket
        import threading

        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target))
            with self.lock:
                self.sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                try:
                    end.close()
                except OSError:
                    pass

    def close(self):
        import socket

        try:  # wakes the accepting thread: a closed listener it still waits on would keep accepting
            self.listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.listener.close()
        with self.lock:
            for end in self.sockets:
                try:
                    end.shutdown(socket.SHUT_RDWR)
                    end.close()
                except OSError:
                    pass


@pytest.mark.parametrize("backend", ["postgresql"])
def test_database_lost_mid_session_shows_one_line_and_the_demo(backend, monkeypatch, registry):
    import uuid

    from import_fixtures import postgres_url
    from sqlalchemy import create_engine, make_url, text

    schema = f"t_{uuid.uuid4().hex[:10]}"
    admin = create_engine(postgres_url())
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    direct = make_url(postgres_url())
    proxy = Proxy(direct.port or 5432)
    try:
        through = direct.set(host="127.0.0.1", port=proxy.port, query={"options": f"-csearch_path={schema}"})
        url = through.render_as_string(hide_password=False)
        engine = connect(url)
        data = valid_xlsx(6, 2024)
        commit(engine, preview(engine, data, "a.xlsx", registry), data, "a.xlsx", "cli")
        engine.dispose()
        monkeypatch.setenv("NTM_DATABASE_URL", url)
        at = run_app()
        assert_clean(at)
        assert not shows_demo(at)
        proxy.close()
        at.run()
        assert not at.exception and shows_demo(at)
        assert alerts(run_app(), "error") == [UNREACHABLE]
    finally:
        proxy.close()
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def test_first_import_from_the_page_creates_the_store(tmp_path, store_url, clock):
    """Logging in does not create the store (the login is only in the server's log then); the first
    import does, with its audit row."""
    at = log_in(page(RIGHT_ANSWER), "bientap", PASSWORD)
    assert signed_in(at) and list(tmp_path.iterdir()) == []
    at.file_uploader[0].upload("cao_loc.xlsx", valid_xlsx(6, 2024))
    at.run()
    [confirm] = [b for b in at.button if b.label == "Lưu thành phiên bản mới"]
    confirm.click().run()
    assert_clean(at)
    assert "Đã lưu phiên bản 1" in " ".join(alerts(at, "success"))
    assert audit_actions(store_url) == [("bientap", "import")]


# --- reports as districts send them (issue 14) ----------------------------------------------------


def test_a_faulty_report_shows_its_problems_by_kind_with_an_excel_and_stores_nothing(store_url, clock):
    from make_bad_files import seven_faults

    at = log_in(page(RIGHT_ANSWER), "bientap", PASSWORD)
    at.file_uploader[0].upload("dinh_lap.xlsx", seven_faults())
    at.run()
    assert not at.exception
    assert any("Tệp có 8 lỗi; chưa lưu gì" in e for e in alerts(at, "error"))
    [groups] = [d for d in at.dataframe if "Các dòng đầu" in d.value.columns]
    assert len(groups.value) == 8 and list(groups.value["Số lượng"]) == [1] * 8
    assert "dòng 8" in list(groups.value["Các dòng đầu"])
    assert any("«Xã Bắc Xa» (Huyện Đình Lập, mã 06619)" in s for s in groups.value["Gợi ý"])
    assert "Tải danh sách lỗi (Excel, cạnh các dòng của tệp)" in labels(at, "download_button")
    assert any("ô trống được hiểu là Chưa đạt: 54 ô" in i for i in alerts(at, "alert_info") + alerts(at, "info"))
    assert "Lưu thành phiên bản mới" not in labels(at, "button")
    assert not (list(store_url_files(store_url)))


def store_url_files(url: str):
    from pathlib import Path

    path = Path(url.removeprefix("sqlite:///"))
    return [path] if path.exists() else []


def renamed_headers(table, names: dict[int, str]):
    return [[names.get(i, cell) for i, cell in enumerate(row)] if n == 0 else row for n, row in enumerate(table)]


def test_unknown_headers_get_a_column_mapping_step_remembered_for_the_next_file(store_url, clock):
    from make_bad_files import CODE, LEVEL, NAME, valid_table, xlsx_bytes

    names = {CODE: "Số hiệu", NAME: "Địa bàn", LEVEL: "Danh hiệu thi đua"}
    first = xlsx_bytes({"Số liệu": renamed_headers(valid_table(6, 2024), names)})
    at = log_in(page(RIGHT_ANSWER), "bientap", PASSWORD)
    at.file_uploader[0].upload("la.xlsx", first)
    at.run()
    assert not at.exception
    assert any("Ghép cột: trang «Số liệu»" in h.value for h in at.subheader)
    pick = {s.label: s for s in at.selectbox if s.key and s.key.startswith("map_")}
    assert set(pick) == {"Mã xã", "Tên xã", "Mức đạt chuẩn"}
    pick["Mã xã"].set_value(CODE)
    pick["Mức đạt chuẩn"].set_value(LEVEL)
    [apply] = [b for b in at.button if b.label == "Dùng cách ghép cột này"]
    apply.click().run()
    assert_clean(at)
    assert "Lưu thành phiên bản mới" in labels(at, "button")
    assert at.session_state["import_column_maps"]
    second = xlsx_bytes({"Số liệu": renamed_headers(valid_table(8, 2023), names)})
    at.file_uploader[0].upload("lb.xlsx", second)
    at.run()
    assert_clean(at)
    assert any("Đang dùng cách ghép cột đã chọn" in c.value for c in at.caption)
    assert not any("Ghép cột" in h.value for h in at.subheader)
    assert "Lưu thành phiên bản mới" in labels(at, "button")


def test_preview_shows_each_district_and_keeps_the_others(store_url, registry, clock):
    from import_fixtures import district_report, district_rows

    engine = connect(store_url)
    data = valid_xlsx(6, 2025)
    commit(engine, preview(engine, data, "a.xlsx", registry), data, "a.xlsx", "cli")
    engine.dispose()
    at = log_in(page(RIGHT_ANSWER), "bientap", PASSWORD)
    at.file_uploader[0].upload("dinh_lap.xlsx", district_report(district_rows("Đình Lập", 2025)))
    at.run()
    assert_clean(at)
    [table] = [d for d in at.dataframe if "Giữ nguyên" in d.value.columns]
    rows = {r["Huyện"]: r for r in table.value.to_dict("records")}
    assert rows["Huyện Đình Lập"]["Thêm mới"] == 10 and rows["Huyện Đình Lập"]["Có số liệu sau khi nhập"] == 10
    others = [r for name, r in rows.items() if name != "Huyện Đình Lập"]
    assert others and all(r["Thêm mới"] == 0 and r["Giữ nguyên"] == r["Có số liệu sau khi nhập"] for r in others)
    assert sum(r["Giữ nguyên"] for r in others) == 6
    [confirm] = [b for b in at.button if b.label == "Lưu thành phiên bản mới"]
    confirm.click().run()
    from ntm.ingest.store import load_active

    _, _, levels = load_active(connect(store_url))
    assert len(levels) == 16


def test_a_column_mapping_is_kept_in_the_store_for_other_sessions_and_the_command_line(
    store_url, registry, clock, tmp_path, capsys
):
    from make_bad_files import CODE, LEVEL, NAME, valid_table, xlsx_bytes

    from ntm.__main__ import main
    from ntm.ingest.store import load_column_maps

    engine = connect(store_url)
    data = valid_xlsx(6, 2024)
    commit(engine, preview(engine, data, "a.xlsx", registry), data, "a.xlsx", "cli")
    names = {CODE: "Số hiệu", NAME: "Địa bàn", LEVEL: "Danh hiệu thi đua"}
    at = log_in(page(RIGHT_ANSWER), "bientap", PASSWORD)
    at.file_uploader[0].upload("la.xlsx", xlsx_bytes({"Số liệu": renamed_headers(valid_table(6, 2024), names)}))
    at.run()
    pick = {s.label: s for s in at.selectbox if s.key and s.key.startswith("map_")}
    pick["Mã xã"].set_value(CODE)
    pick["Mức đạt chuẩn"].set_value(LEVEL)
    [apply] = [b for b in at.button if b.label == "Dùng cách ghép cột này"]
    apply.click().run()
    assert_clean(at)
    [(fingerprint, mapping)] = load_column_maps(engine).items()
    assert mapping == {"code": CODE, "level": LEVEL}
    other = log_in(page(RIGHT_ANSWER), "bientap", PASSWORD)  # a new session
    other.file_uploader[0].upload("lb.xlsx", xlsx_bytes({"Số liệu": renamed_headers(valid_table(8, 2023), names)}))
    other.run()
    assert_clean(other)
    assert "Lưu thành phiên bản mới" in labels(other, "button")
    path = tmp_path / "lc.xlsx"
    path.write_bytes(xlsx_bytes({"Số liệu": renamed_headers(valid_table(7, 2022), names)}))
    assert main(["--database", store_url, "import", str(path), "--dry-run"]) == 0
    assert "7 xã-năm thêm mới" in capsys.readouterr().out
    [forget] = [b for b in other.button if b.label == "Bỏ cách ghép cột đã nhớ"]
    forget.click().run()
    assert load_column_maps(engine) == {}
    assert any("Ghép cột" in h.value for h in other.subheader)


def test_the_map_pages_boundary_upload_ends_with_the_same_idle_logout(store_url, clock):
    """Editor rights are used on the map page too (boundary uploads): the same idle check applies there
    (ntm.ui.editor.current_editor), and a run of either page is activity for the other."""
    connect(store_url).dispose()
    at = log_in(page(RIGHT_ANSWER), "bientap", PASSWORD)
    at.switch_page("pages/map.py").run()
    assert_clean(at)
    assert len(nodes(at, "file_uploader")) == 1  # the boundary upload, for an editor
    clock.advance(29 * 60)
    at.run()  # the map page: activity
    clock.advance(29 * 60)
    at.switch_page(PAGE).run()
    assert signed_in(at)  # 58 minutes since the import page, 29 since the map page
    at.switch_page("pages/map.py").run()
    clock.advance(30 * 60 + 1)
    at.run()
    assert_clean(at)
    assert not nodes(at, "file_uploader") and "ntm_editor" not in at.session_state
    assert "Phiên biên tập đã kết thúc sau 30 phút không hoạt động; vui lòng đăng nhập lại." in alerts(at, "warning")
    assert audit_actions(store_url)[-1] == ("bientap", "session_expired")
    at.switch_page(PAGE).run()
    assert not signed_in(at) and not any("kết thúc" in text for text in alerts(at, "warning"))  # said once
