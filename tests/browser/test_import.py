"""The coordination office's import in a real browser: an editor logs in, a bad file is refused with
its row and column and nothing is stored, a good file is previewed, stored and shown by the dashboard."""

from browser_kit import ARTIFACTS_DIR, streamlit_server, wait_for_app
from import_fixtures import valid_xlsx
from make_bad_files import edited, valid_table, xlsx_bytes
from playwright.sync_api import expect

from ntm.ingest.auth import hash_password
from ntm.ingest.store import connect, list_versions, load_active

PASSWORD = "mật-khẩu đúng"


def upload(page, name: str, data: bytes) -> None:
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
        {"name": name, "mimeType": "application/octet-stream", "buffer": data}
    )


def test_editor_imports_a_bad_then_a_good_file(chromium, tmp_path):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[ntm_editors]\nbientap = "{hash_password(PASSWORD)}"\n', encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'ntm.sqlite'}"
    bad = xlsx_bytes({"Số liệu": edited(valid_table(), 3, 0, "99999")})
    with streamlit_server(env={"NTM_DATABASE_URL": url}, args=("--secrets.files", str(secrets))) as app:
        page = chromium.new_page(viewport={"width": 1600, "height": 1400})
        page.goto(f"{app}/import")  # a link opened first on a fresh server runs through app.py
        wait_for_app(page)
        expect(page.locator("[data-testid='stSidebar']")).to_contain_text("Bộ lọc")
        expect(page.get_by_text("Page not found")).to_have_count(0)
        expect(page.locator("[data-testid='stFileUploader']")).to_have_count(0)
        page.get_by_label("Tên đăng nhập").fill("bientap")
        page.get_by_label("Mật khẩu").fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập", exact=True).click()
        page.locator("[data-testid='stFileUploader']").wait_for(timeout=30000)

        upload(page, "cao_loc.xlsx", bad)
        error = page.locator("[data-testid='stAlert']").filter(has_text="chưa lưu gì")
        expect(error).to_be_visible(timeout=30000)
        problems = page.locator("[data-testid='stDataFrame']").last
        expect(problems).to_be_visible()
        page.screenshot(path=ARTIFACTS_DIR() / "import-bad-file.png", full_page=True)
        assert list_versions(connect(url)) == []
        expect(page.get_by_role("button", name="Lưu thành phiên bản mới")).to_have_count(0)

        page.goto(f"{app}/import")  # a new session: log in again, then the good file
        wait_for_app(page)
        page.get_by_label("Tên đăng nhập").fill("bientap")
        page.get_by_label("Mật khẩu").fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập", exact=True).click()
        page.locator("[data-testid='stFileUploader']").wait_for(timeout=30000)
        upload(page, "cao_loc.xlsx", valid_xlsx())
        expect(page.get_by_text("6 xã-năm thêm mới, 0 xã-năm thay thế")).to_be_visible(timeout=30000)
        page.get_by_role("button", name="Lưu thành phiên bản mới").click()
        expect(page.get_by_text("Đã lưu phiên bản 1")).to_be_visible(timeout=30000)
        page.screenshot(path=ARTIFACTS_DIR() / "import-stored.png", full_page=True)
        [version] = list_versions(connect(url))
        assert version.active and version.created_by == "bientap" and version.filename == "cao_loc.xlsx"
        version_id, criteria, levels = load_active(connect(url))
        assert version_id == 1 and len(levels) == 6 and len(criteria) == 6 * 19

        page.goto(app)
        wait_for_app(page)
        main = page.locator("[data-testid='stMain']")
        expect(main).to_contain_text("6 xã")
        expect(main).not_to_contain_text("dữ liệu minh họa")
        page.close()
