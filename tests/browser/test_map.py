"""The map in real headless Chromium with every request outside this machine blocked: 65 new communes
and 11 former districts, a click opening the panel, zoom and pan kept across a change of measure and
year, the play control stepping through the years in the browser, no console error while the
districts change quickly, and screenshots at 1920x1080 and 390x844 in both languages."""

import re
from urllib.parse import urlparse

import pytest
from browser_kit import ARTIFACTS_DIR, wait_for_app
from playwright.sync_api import expect

LOCAL = {"127.0.0.1", "localhost"}
MAP_FRAME = "iframe[title*='folium']"


def _block_network(page) -> list[str]:
    blocked: list[str] = []

    def handle(route):
        if urlparse(route.request.url).hostname in LOCAL:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", handle)
    return blocked


def _console_errors(page) -> list[str]:
    """Errors the page and its frames write to the console or throw. Streamlit asks for its health
    and host config under the page's path first (/map/_stcore/...: 404) before the root: not ours."""
    errors: list[str] = []
    page.on(
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and "/_stcore/" not in (m.location or {}).get("url", "")
            else None
        ),
    )
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


def _open_map(page, url: str, query: str = "") -> None:
    # A fresh server runs a deep link's pages/<name>.py alone (Streamlit's old pages/ discovery)
    # until app.py has registered its navigation once; open the app's root first.
    page.goto(url)
    wait_for_app(page)
    page.goto(f"{url}/map{query}")
    wait_for_app(page)


def _map(page, kind: str = "commune"):
    """The map's frame (a FrameLocator) once its layer is drawn."""
    page.wait_for_selector(MAP_FRAME, timeout=30000)
    frame = page.frame_locator(MAP_FRAME).first
    frame.locator(f"path.ntm-{kind}").first.wait_for(state="attached", timeout=30000)
    return frame


def _leaflet(page):
    """The map's frame as a Frame, to ask its `ntm` object."""
    return page.locator(MAP_FRAME).first.element_handle().content_frame()


def _choose(page, label: str, option: str) -> None:
    page.locator("[data-testid='stSelectbox']").filter(has_text=label).first.click()
    page.get_by_role("option", name=option, exact=True).click()


def test_commune_map_renders_offline_with_65_communes(app_url, chromium):
    page = chromium.new_page(viewport={"width": 1600, "height": 1200})
    blocked = _block_network(page)
    errors = _console_errors(page)
    _open_map(page, app_url, "?year=2020")
    frame = _map(page)
    expect(frame.locator("path.ntm-commune")).to_have_count(65)
    assert page.locator(MAP_FRAME).first.bounding_box()["height"] > 400
    legend = frame.locator(".ntm-legend")
    expect(legend).to_contain_text("Tỷ lệ xã đạt chuẩn (%)")
    expect(legend).to_contain_text("Phường: không thuộc diện đánh giá NTM")
    expect(legend).to_contain_text("Khánh Khê")  # the union note names the communes around which it is approximate
    assert "NTM_BOUNDARIES" not in legend.inner_text()
    # the four wards are hatched, not coloured as a value
    hatched = frame.locator("path.ntm-commune[fill='url(#ntm-hatch)']")
    expect(hatched).to_have_count(4)
    expect(frame.locator("path.ntm-border")).to_have_count(11)
    expect(frame.locator(".ntm-play-year")).to_have_text("2020")
    # a tooltip names the old communes with their old district
    leaflet = _leaflet(page)
    leaflet.evaluate("() => ntm.units.eachLayer(l => { if (l.feature.properties.c === '06286') l.openTooltip(); })")
    tooltip = frame.locator(".leaflet-tooltip")
    expect(tooltip).to_contain_text("xã cũ nay thuộc Khánh Khê đạt chuẩn NTM")
    expect(tooltip).to_contain_text("Xã Bình Trung (Cao Lộc)")
    assert blocked == []  # nothing asked for outside this machine
    assert errors == []
    page.close()


def test_former_districts_level_has_11_districts_and_a_panel_on_click(app_url, chromium):
    page = chromium.new_page(viewport={"width": 1600, "height": 1200})
    _block_network(page)
    _open_map(page, app_url, "?lang=English&year=2025")
    _map(page)
    page.get_by_text("Former districts (2015-2025)").click()
    frame = _map(page, "district")
    expect(frame.locator("path.ntm-district")).to_have_count(11)
    expect(frame.locator(".ntm-label", has_text="Đình Lập")).to_have_count(1)
    expect(frame.locator(".ntm-legend")).to_contain_text("only approximate")
    heading = page.get_by_text("Tràng Định against the province")
    for _ in range(10):  # the component attaches its click handlers a moment after drawing: click again
        frame.locator("path.ntm-district").nth(1).click(force=True)  # features in code order: 178, 180, ...
        try:
            expect(heading).to_be_visible(timeout=3000)
            break
        except AssertionError:
            continue
    expect(heading).to_be_visible(timeout=30000)
    tables = page.locator("[data-testid='stTableStyledTable']")
    tables.nth(2).wait_for(timeout=30000)
    assert tables.count() == 3
    weakest = tables.nth(1).inner_text()
    assert "Transport" in weakest or "Schools" in weakest
    # criteria shown as text "05. Schools", not as a Markdown numbered list ("5.")
    assert len(re.findall(r"^\d\d\. \S", weakest, re.M)) == 5 and not re.findall(r"^\d\. ", weakest, re.M)
    page.wait_for_function("() => location.search.includes('map_district=')")
    shared = chromium.new_page(viewport={"width": 1600, "height": 1200})
    _block_network(shared)
    shared.goto(page.url)
    shared.get_by_text("Tràng Định against the province").wait_for(timeout=30000)
    shared.close()
    page.close()


def test_zoom_and_pan_survive_a_change_of_measure_and_year(app_url, chromium):
    page = chromium.new_page(viewport={"width": 1600, "height": 1200})
    errors = _console_errors(page)
    _open_map(page, app_url, "?year=2020")
    frame = _map(page)
    leaflet = _leaflet(page)
    leaflet.evaluate("() => { ntm.map.setView([21.85, 106.7], 10.5, {animate: false}); window.kept = 1; }")
    _choose(page, "Chỉ tiêu", "Bình quân tiêu chí/xã (tiêu chí)")
    expect(frame.locator(".ntm-legend")).to_contain_text("Bình quân tiêu chí/xã", timeout=30000)
    wait_for_app(page)
    view = _leaflet(page).evaluate("() => [window.kept, ntm.map.getZoom(), ntm.map.getCenter()]")
    assert view == [1, 10.5, {"lat": 21.85, "lng": 106.7}]  # the same map, where the user left it
    slider = page.locator(".st-key-map_year input[type='range']")
    slider.focus()
    page.keyboard.press("ArrowLeft")
    expect(page.locator("h1")).to_contain_text("2019", timeout=30000)
    expect(frame.locator(".ntm-play-year")).to_have_text("2019", timeout=30000)
    view = _leaflet(page).evaluate("() => [window.kept, ntm.map.getZoom(), ntm.map.getCenter(), ntm.year]")
    assert view == [1, 10.5, {"lat": 21.85, "lng": 106.7}, 2019]
    assert errors == []
    page.close()


def test_play_steps_through_the_years_in_the_browser(app_url, chromium, demo):
    from ntm.views.map import map_years

    years = map_years(demo, demo.years[0])  # the years of one lineage of criteria sets: 2015-2025
    page = chromium.new_page(viewport={"width": 1600, "height": 1200})
    errors = _console_errors(page)
    _open_map(page, app_url, f"?year={years[0]}")
    frame = _map(page)
    leaflet = _leaflet(page)
    colours = "() => ntm.units.getLayers().map(l => l.options.fillColor).join()"
    first = leaflet.evaluate(colours)
    frame.locator(".ntm-play-button").click()
    expect(frame.locator(".ntm-play-button")).to_have_attribute("aria-label", "Dừng")
    expect(frame.locator(".ntm-play-year")).to_have_text(str(years[2]), timeout=15000)
    assert leaflet.evaluate(colours) != first  # recoloured in the browser
    expect(frame.locator(".ntm-play-year")).to_have_text(str(years[-1]), timeout=30000)
    expect(frame.locator(".ntm-play-button")).to_have_attribute("aria-label", "Phát lần lượt các năm")
    # the page did not run again for each year: its title and year are those it was opened with
    expect(page.locator("h1")).to_have_text(f"Bản đồ theo xã năm {years[0]}")
    assert leaflet.evaluate("() => ntm.year") == years[-1]
    if demo.years[-1] not in years:  # a year of the next lineage (new communes, 10 criteria) plays alone
        page.goto(f"{app_url}/map?year={demo.years[-1]}")
        wait_for_app(page)
        expect(_map(page).locator(".ntm-play-button")).to_be_disabled(timeout=30000)
    assert errors == []
    page.close()


def test_quick_district_changes_leave_no_console_error(app_url, chromium):
    """ "Invalid LatLng object: (NaN, NaN)" was seen after quick district changes: Leaflet fitted the map
    while its frame had no size. The map now waits for a size before fitting."""
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    errors = _console_errors(page)
    _open_map(page, app_url)
    _map(page)
    box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first
    for name in ("Tràng Định", "Văn Lãng", "Bình Gia", "Lộc Bình", "Đình Lập", "Cao Lộc"):
        box.click()
        page.keyboard.type(name)
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")
    box.click()
    for _ in range(2):  # and remove some again, as quickly
        page.keyboard.press("Backspace")
    page.keyboard.press("Escape")
    page.get_by_text("Huyện cũ (2015-2025)").click()
    page.get_by_text("Xã mới (từ 1/7/2025)").click()
    wait_for_app(page)
    frame = _map(page)
    chosen = page.evaluate("() => new URLSearchParams(location.search).getAll('districts').length")
    assert chosen > 0
    expect(frame.locator("path.ntm-outline")).to_have_count(chosen, timeout=30000)  # one line per chosen district
    view = _leaflet(page).evaluate("() => [ntm.map.getZoom(), ntm.map.getCenter().lat, ntm.map.getCenter().lng]")
    assert all(isinstance(v, (int, float)) and v == v for v in view), view
    assert errors == []
    page.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_screenshots_of_the_map(app_url, chromium, lang, record_property):
    query = "?year=2020&map_commune=X%C3%A3+Kh%C3%A1nh+Kh%C3%AA" + ("&lang=English" if lang == "en" else "")
    written = []
    for width, height in ((1920, 1080), (390, 844)):
        page = chromium.new_page(viewport={"width": width, "height": height})
        _block_network(page)
        _open_map(page, app_url, query)
        frame = _map(page)
        expect(frame.locator("path.ntm-commune[stroke-width='4']")).to_have_count(1)  # the commune of the link
        page.locator(MAP_FRAME).first.scroll_into_view_if_needed()
        target = ARTIFACTS_DIR() / f"map-{lang}-{width}x{height}.png"
        page.screenshot(path=target)
        written.append(target.name)
        multiples = page.locator(".st-key-map-multiples [data-testid='stVegaLiteChart']")
        multiples.scroll_into_view_if_needed()
        expect(multiples.locator("canvas, svg").first).to_be_visible(timeout=30000)
        target = ARTIFACTS_DIR() / f"map-{lang}-multiples-{width}x{height}.png"
        page.screenshot(path=target)
        written.append(target.name)
        page.close()
    record_property("artifacts", f"map screenshots in {ARTIFACTS_DIR()}: {', '.join(written)}")


def test_a_map_laid_out_late_fits_without_nan(chromium, demo, registry, tmp_path):
    """The cause of "Invalid LatLng object: (NaN, NaN)": Leaflet fitting a map whose frame has no size
    yet (a frame Streamlit has not laid out, during quick reruns) computes a NaN zoom and the map
    breaks. The same map in a frame of 0x0 px, then given a size: no error, fitted once laid out."""
    from ntm.geo.boundaries import load_communes, load_default, simplify_for_browser
    from ntm.geo.folium_map import base_map, bounds_of, standalone_html
    from ntm.paths import ROOT
    from ntm.registry import district_names, districts
    from ntm.views.map import map_payload

    communes = simplify_for_browser(load_communes().frame[["code", "geometry"]], 90_000)
    shapes = simplify_for_browser(load_default(districts(registry)).frame[["district_code", "geometry"]])
    payload = map_payload(
        demo, "commune", "share_ntm", "02", "vi", 2020, communes, shapes, district_names(registry), chosen=("180",)
    )
    leaflet = (ROOT / "static" / "vendor" / "leaflet").as_uri()
    (tmp_path / "map.html").write_text(standalone_html(base_map(bounds_of(shapes), "vi", asset_url=leaflet), payload))
    (tmp_path / "host.html").write_text('<iframe id="map" src="map.html" style="width:0;height:0;border:0"></iframe>')
    page = chromium.new_page(viewport={"width": 1000, "height": 800})
    errors = _console_errors(page)
    page.goto((tmp_path / "host.html").as_uri())
    frame = page.frame_locator("#map")
    expect(frame.locator("path.ntm-commune")).to_have_count(65)
    leaflet_frame = page.locator("#map").element_handle().content_frame()
    assert leaflet_frame.evaluate("() => ntm.pendingFit !== null")  # waiting for a size, not fitted
    page.evaluate(
        "() => { const f = document.getElementById('map'); f.style.width = '800px'; f.style.height = '600px'; }"
    )
    leaflet_frame.wait_for_function("() => ntm.pendingFit === null")
    zoom, lat, lng = leaflet_frame.evaluate(
        "() => [ntm.map.getZoom(), ntm.map.getCenter().lat, ntm.map.getCenter().lng]"
    )
    assert zoom >= 10 and 22.0 < lat < 22.6 and 106.2 < lng < 106.8  # on Tràng Định, the chosen district
    assert errors == []
    page.close()


WIDEST_TOOLTIP = """() => {
  let worst = 0;
  ntm.units.eachLayer(layer => {
    layer.openTooltip(layer.getBounds().getCenter());
    const box = layer.getTooltip().getElement().getBoundingClientRect();
    worst = Math.max(worst, box.right - document.documentElement.clientWidth, -box.left);
    layer.closeTooltip();
  });
  return worst;
}"""


def test_tooltips_fit_a_phone_wide_map(app_url, chromium):
    """On a 390 px phone every commune's tooltip (its name, value and old communes), opened at the
    commune's middle, stays inside the map: Leaflet draws it on the side with more room, and from the
    communes just left of the map's middle it ran up to 110 px past the right edge."""
    page = chromium.new_page(viewport={"width": 390, "height": 844})
    _open_map(page, app_url, "?year=2020")
    expect(_map(page).locator("path.ntm-commune")).to_have_count(65)
    assert _leaflet(page).evaluate(WIDEST_TOOLTIP) <= 1  # px past an edge of the map
    page.close()
