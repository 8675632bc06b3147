"""The coordination office's import in a real browser: an editor logs in, a bad file is refused with
its row and column and nothing is stored, a good file is previewed, stored and shown by the dashboard."""

import pytest
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
        problems = page.locator("[data-testid='stDataFrame']").first  # the problems by kind (details: in an expander)
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


INKED = """c => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, Math.min(c.height, 80)).data;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && data[i] < 120) return true;
    return false;
}"""


def drawn(page, main, phone: bool) -> None:
    """The sidebar has finished opening or closing and every table on screen has drawn text in its canvas."""
    sidebar = page.locator("[data-testid='stSidebar']")
    expect(sidebar).to_have_attribute("data-collapsed", "true" if phone else "false")
    settled = "e => e.getBoundingClientRect().right <= 1" if phone else "e => e.getBoundingClientRect().left >= 0"
    page.wait_for_function(settled, arg=sidebar.element_handle(), timeout=10000)
    for frame in main.locator("[data-testid='stDataFrame']").all():
        if not frame.is_visible():
            continue  # in a closed expander
        canvas = frame.locator("canvas").first
        expect(canvas).to_be_attached()
        page.wait_for_function(INKED, arg=canvas.element_handle(), timeout=10000)


TEXTS = {
    "vi": {
        "user": "Tên đăng nhập",
        "password": "Mật khẩu",
        "login": "Đăng nhập",
        "groups": "Các lỗi theo loại",
        "preview": "Thay đổi theo huyện",
        "preview_top": "Xem trước thay đổi",
    },
    "en": {
        "user": "User name",
        "password": "Password",
        "login": "Log in",
        "groups": "Problems by kind",
        "preview": "Changes by district",
        "preview_top": "Preview of the changes",
    },
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_district_report_as_sent_problems_by_kind_then_the_preview_by_district(chromium, tmp_path, lang):
    """A faulty district report (two-row merged header, x marks, eight faults) shows every problem by kind
    with the Excel download; the corrected report previews its changes per district and stores nothing
    until confirmed. Screenshots at 1920x1080 and 390x844."""
    from import_fixtures import district_report, district_rows
    from make_bad_files import seven_faults

    words = TEXTS[lang]
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[ntm_editors]\nbientap = "{hash_password(PASSWORD)}"\n', encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'ntm.sqlite'}"
    query = "?lang=English" if lang == "en" else ""
    with streamlit_server(env={"NTM_DATABASE_URL": url}, args=("--secrets.files", str(secrets))) as app:
        page = chromium.new_page(viewport={"width": 1920, "height": 1080})
        page.goto(f"{app}/import{query}")
        wait_for_app(page)
        page.get_by_label(words["user"]).fill("bientap")
        page.get_by_label(words["password"], exact=True).fill(PASSWORD)
        page.get_by_role("button", name=words["login"], exact=True).click()
        page.locator("[data-testid='stFileUploader']").wait_for(timeout=30000)
        upload(page, "dinh_lap_2025.xlsx", seven_faults())
        expect(page.get_by_text(words["groups"])).to_be_visible(timeout=30000)
        main = page.locator("[data-testid='stMain']")
        expect(main.locator("[data-testid='stDownloadButton']").last).to_be_visible()
        expect(main).to_contain_text("54")  # blanks read as not met, said once
        for width, height in ((390, 844), (1920, 1080)):
            page.set_viewport_size({"width": width, "height": height})
            page.locator("[data-testid='stAlertContentError']").last.evaluate("e => e.scrollIntoView({block: 'start'})")
            drawn(page, main, width < 500)
            page.screenshot(path=ARTIFACTS_DIR() / f"import-problems-{lang}-{width}x{height}.png")
        assert list_versions(connect(url)) == []
        page.set_viewport_size({"width": 1920, "height": 1080})
        upload(page, "dinh_lap_2025.xlsx", district_report(district_rows("Đình Lập", 2025)))
        preview_header = page.get_by_text(words["preview"])
        expect(preview_header).to_be_visible(timeout=30000)
        for width, height in ((390, 844), (1920, 1080)):
            page.set_viewport_size({"width": width, "height": height})
            page.get_by_text(words["preview_top"]).evaluate("e => e.scrollIntoView({block: 'start'})")
            drawn(page, main, width < 500)
            page.screenshot(path=ARTIFACTS_DIR() / f"import-preview-{lang}-{width}x{height}.png")
        assert list_versions(connect(url)) == []
        page.close()
