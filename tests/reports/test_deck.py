"""The briefing deck, reopened: slide count, titles, headline numbers, image slides, the notice."""

from datetime import UTC, datetime
from functools import cache
from io import BytesIO

import pytest
from make_bad_files import demo as demo_tables
from pptx import Presentation
from pypdf import PdfReader

from ntm import metrics
from ntm.criteria import load_criteria
from ntm.formatting import fmt_number
from ntm.i18n import t
from ntm.registry import districts
from ntm.reports import deck
from ntm.reports.metadata import CREATOR, format_time
from ntm.targets import headline_progress, load_targets

TITLES_VI = [
    "Xây dựng nông thôn mới tỉnh Lạng Sơn",
    "Kết quả so với mục tiêu năm 2025",
    "Tiến độ xã đạt chuẩn qua các năm",
    "Bản đồ tỷ lệ xã đạt chuẩn theo huyện",
    "Xếp hạng huyện / thành phố",
    "Các tiêu chí yếu nhất",
    "Nguồn số liệu",
]


@pytest.fixture(scope="module")
def names(demo):
    table = districts(demo.registry)
    return dict(zip(table["district_code"], table["district_short"]))


@cache  # not a module fixture's closure: a pytest-xdist worker may tear those down between two tests
def briefing(year: int, chosen: tuple[str, ...], lang: str) -> deck.Deck:
    """The demo's briefing of a year, districts and language, built once per process: a Deck and its
    slides are frozen, and to_pptx and to_pdf only read them."""
    registry, dataset = demo_tables()
    table = districts(registry)
    names = dict(zip(table["district_code"], table["district_short"]))
    return deck.selection_briefing(dataset, load_targets(), load_criteria(), names, year, chosen, lang)


@cache
def pdf_bytes(year: int, chosen: tuple[str, ...], lang: str) -> bytes:
    return deck.to_pdf(briefing(year, chosen, lang), lang)


@pytest.fixture()
def build():
    """briefing(year, chosen, lang) of the demo."""
    return briefing


@pytest.fixture()
def pdf_of():
    """The PDF of a briefing, made once per process for the tests that read it."""
    return pdf_bytes


def slide_texts(slide) -> list[str]:
    texts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            texts.append(shape.text_frame.text)
        if shape.has_table:
            texts += [cell.text for row in shape.table.rows for cell in row.cells]
    return texts


@pytest.mark.parametrize("chosen", [(), ("185",)])
def test_pptx_reopens_with_titles_and_headline_numbers(build, demo, names, chosen):
    briefing = build(2024, chosen, "vi")
    prs = Presentation(BytesIO(deck.to_pptx(briefing, "vi")))
    slides = list(prs.slides)
    assert len(slides) == 7
    assert [s.shapes.title.text for s in slides] == TITLES_VI
    selection = metrics.select(demo.commune_year, 2024, chosen)
    assert fmt_number(len(selection)) in slides[0].placeholders[1].text
    headline = slide_texts(slides[1])
    ntm = metrics.summary(selection)["communes_ntm"]
    assert any(text.startswith(f"{ntm}/{len(selection)} xã") for text in headline)
    average = fmt_number(metrics.summary(selection)["avg_criteria"], 1)
    assert average in headline
    assert any(text.startswith("Mục tiêu 2025") for text in headline)
    for image_slide in (slides[2], slides[3]):  # the progress chart and the map
        assert any(shape.shape_type == 13 for shape in image_slide.shapes)
    ranking = slide_texts(slides[4])
    if chosen:  # one district is ranked among all 11, never "1." of one (issue 15.3)
        assert any(text.startswith(f"{names['185']} (hạng ") and text.endswith("/11)") for text in ranking)
        assert not any(text.startswith("1. ") for text in ranking)
        assert "Toàn tỉnh" in ranking  # compared with the province
    else:
        assert sum(text.startswith(("1. ", "2. ")) for text in ranking) == 2
    assert t("deck.notice", "vi") in "\n".join(slide_texts(slides[6]))


def test_progress_values_in_deck_follow_the_targets(demo):
    progress = headline_progress(demo.commune_year, load_targets(), 2023, ["185"])
    rows = deck.headline_rows(progress, "en")
    assert len(rows) == len(progress) + 1
    assert rows[0] == ("Indicator", "Now", "Target", "Verdict")
    verdicts = {p.metric: t(f"deck.status.{p.status}", "en") for p in progress}
    assert [r[3] for r in rows[1:]] == [verdicts[p.metric] for p in progress]


@pytest.mark.parametrize("year, chosen, lang", [(2024, ("185",), "vi"), (2026, (), "en")])
def test_progress_image_is_drawn_from_the_spec_of_the_progress_chart(demo, names, year, chosen, lang):
    """The deck fills the chart's cached template instead of building the chart: the same spec as
    progress_chart's (its data renamed), scope and verdict under the title included."""
    import json

    from ntm.charts.progress import progress_chart
    from ntm.targets import load_published

    targets, published = load_targets(), load_published()
    metric, frame, result = deck.deck_progress(demo, targets, published, year, chosen, lang)
    built = progress_chart(demo.commune_year, targets, published, metric, list(chosen), lang, year, names).to_dict()
    [(name, rows)] = built["datasets"].items()
    filled = deck.progress_chart_spec(metric, frame, result, names, chosen, lang)
    assert filled["datasets"]["progress"] == rows and len(filled["title"]["subtitle"]) >= 2
    assert json.loads(json.dumps(built).replace(name, "progress")) == json.loads(json.dumps(filled))


def test_weakest_criteria_are_the_lowest_shares(build, demo):
    briefing = build(2024, (), "en")
    weakest = briefing.slides[4].table
    counts = metrics.criterion_counts(demo.criteria, metrics.select(demo.commune_year, 2024))
    lowest = counts.sort_values(["share", "criterion_id"], kind="stable")["criterion_id"].head(5).tolist()
    assert [row[0].split(".")[0] for row in weakest[1:]] == lowest


def test_pdf_has_the_same_pages_titles_and_numbers(build, demo):
    briefing = build(2024, ("185",), "vi")
    reader = PdfReader(BytesIO(deck.to_pdf(briefing, "vi")))
    assert len(reader.pages) == 7
    texts = [page.extract_text() for page in reader.pages]
    for text, title in zip(texts, TITLES_VI):
        assert title in " ".join(text.split())
    selection = metrics.select(demo.commune_year, 2024, ("185",))
    assert f"{metrics.summary(selection)['communes_ntm']}/{len(selection)} xã" in " ".join(texts[1].split())
    assert "minh họa" in " ".join(texts[6].split())


def test_english_deck(build):
    briefing = build(2025, (), "en")
    prs = Presentation(BytesIO(deck.to_pptx(briefing, "en")))
    assert prs.slides[1].shapes.title.text == "Results against the 2025 targets"
    assert "Whole province" in prs.slides[0].placeholders[1].text


def test_libreoffice_opens_the_pptx_and_renders_every_slide(build, tmp_path):
    """LibreOffice Impress (installed by .ci/run) loads the deck headless and exports all 7 slides."""
    import subprocess

    source = tmp_path / "deck.pptx"
    source.write_bytes(deck.to_pptx(build(2025, (), "vi"), "vi"))
    done = subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    pages = PdfReader(tmp_path / "deck.pdf").pages
    assert len(pages) == 8  # 2025: the close-out of 2021-2025 after the headline slide
    for page, title in zip(pages, TITLES_VI[:2] + ["Tổng kết giai đoạn 2021-2025"] + TITLES_VI[2:]):
        assert " ".join(title.split()) in " ".join(page.extract_text().split())


# --- across the 2025 reform -------------------------------------------------------------------------


def test_2025_deck_closes_out_2021_2025_with_the_official_figures(build):
    briefing = build(2025, (), "vi")
    titles = [slide.title for slide in briefing.slides]
    assert titles[:2] == ["Kết quả so với mục tiêu năm 2025", "Tổng kết giai đoạn 2021-2025"]
    closing = briefing.slides[1]
    cells = {row[0]: row for row in closing.table[1:]}
    assert cells["Xã đạt chuẩn NTM"][1:4] == ("115/181 xã (63,5 %)", "106/175 xã (60,6 %)", "106/175 xã (60,6 %)")
    assert cells["Xã đạt chuẩn NTM"][4] == "Không đạt: thiếu 9 xã (theo số liệu chính thức)"
    assert cells["Bình quân tiêu chí/xã"][3] == "15,21" and cells["Bình quân tiêu chí/xã"][4].startswith("Đạt")
    assert cells["Xã NTM nâng cao"][3] == "28/175 xã (16,0 %)" and cells["Xã NTM kiểu mẫu"][3] == "10/175 xã (5,7 %)"
    text = " ".join(closing.lines)
    assert "181" in text and "175" in text and "61 xã và 4 phường" in text
    assert "vietnam.vn: Giữ tâm nông thôn mới" in text
    assert len(build(2024, (), "vi").slides) == 6  # before the phase's last year: no close-out


def test_2026_deck_opens_on_the_new_phase_then_closes_out_the_old(pdf_of, build, demo, tmp_path):
    briefing = build(2026, (), "vi")
    titles = [slide.title for slide in briefing.slides]
    assert titles == [
        "Giai đoạn mới 2026-2030",
        "Tổng kết giai đoạn 2021-2025",
        "Tỷ lệ xã đạt chuẩn so với mục tiêu 2030",
        "Bản đồ tỷ lệ xã đạt chuẩn theo huyện cũ",
        "Xếp hạng theo huyện cũ",
        "Các tiêu chí yếu nhất",
        "Nguồn số liệu",
    ]
    first = briefing.slides[0]
    lines = " ".join(first.lines)
    assert "10 tiêu chí" in lines and "61 xã" in lines and "9/61 xã đạt chuẩn (14,8 %)" in lines
    assert "Kế hoạch 23/KH-UBND" in lines  # the province's 2030 plan, made on the old communes, as a note
    rows = {row[0]: row for row in first.table[1:]}
    assert rows["Tỷ lệ xã đạt chuẩn NTM (%)"][1:3] == ("9/61 xã (14,8 %)", "Mục tiêu quốc gia 2030: 65 % (40/61 xã)")
    assert rows["Tỷ lệ xã NTM hiện đại (%)"][2] == "Mục tiêu quốc gia 2030: 10 % (7/61 xã)"
    weakest = [row[0].split(".")[0] for row in briefing.slides[5].table[1:]]
    assert set(weakest) <= {f"{i:02d}" for i in range(1, 11)} and weakest[0] == "07"
    assert len(briefing.slides[4].table) == 11  # ten former districts (the city has only wards)
    prs = Presentation(BytesIO(deck.to_pptx(briefing, "vi")))
    assert [s.shapes.title.text for s in list(prs.slides)[1:]] == titles
    pdf = PdfReader(BytesIO(pdf_of(2026, (), "vi")))
    assert len(pdf.pages) == 8 and "Giai đoạn mới 2026-2030" in pdf.pages[1].extract_text()


# --- what the deck says about itself (issue 15) -----------------------------------------------------

DATA_SOURCE_VI = "Nguồn: Dữ liệu minh họa (phiên bản demo)"


def test_title_slide_and_properties_carry_source_version_and_date(pdf_of, build, demo):
    briefing = build(2025, (), "vi")
    made = format_time(briefing.meta.made_at, "vi")
    assert briefing.about == (f"Nguồn: Dữ liệu minh họa · Phiên bản dữ liệu: demo · Tạo tệp lúc: {made}",)
    prs = Presentation(BytesIO(deck.to_pptx(briefing, "vi")))
    first = " ".join(slide_texts(prs.slides[0]))
    assert briefing.about[0] in first and t("deck.notice", "vi") in first
    core = prs.core_properties
    assert core.title == "Xây dựng nông thôn mới tỉnh Lạng Sơn" and core.author == CREATOR
    assert core.subject.endswith("Toàn tỉnh (175 xã) · năm 2025")
    assert core.comments.startswith(briefing.about[0]) and core.language == "vi-VN"
    assert core.created == briefing.meta.made_at.astimezone(UTC).replace(tzinfo=None, microsecond=0)
    pdf = PdfReader(BytesIO(pdf_of(2025, (), "vi")))
    assert pdf.metadata.title == core.title and pdf.metadata.author == CREATOR
    assert pdf.metadata.subject == core.subject
    assert briefing.about[0] in " ".join(pdf.pages[0].extract_text().split())


@pytest.mark.parametrize("year, chosen", [(2025, ()), (2026, ("185",))])
def test_every_data_slide_names_its_source_and_every_slide_the_notice(pdf_of, build, year, chosen):
    briefing = build(year, chosen, "vi")
    data_slides = briefing.slides[:-1]  # all but the closing list of sources
    assert all(slide.source.startswith(DATA_SOURCE_VI) for slide in data_slides)
    assert all(slide.notice == t("deck.notice", "vi") for slide in briefing.slides)
    progress = next(s for s in data_slides if s.image is not None)
    assert "Mục tiêu: " in progress.source  # the targets drawn in the chart
    if not chosen:  # the province's published figures are drawn too
        assert "Số liệu chính thức: " in progress.source and "vietnam.vn" in progress.source
    prs = Presentation(BytesIO(deck.to_pptx(briefing, "vi")))
    for slide, content in zip(list(prs.slides)[1:], briefing.slides):
        texts = slide_texts(slide)
        assert t("deck.notice", "vi") in texts[-1], content.title
        assert not content.source or content.source in texts[-1], content.title
    pages = PdfReader(BytesIO(pdf_of(year, chosen, "vi"))).pages
    for page, content in zip(pages[1:], data_slides):
        text = " ".join(page.extract_text().split())
        assert DATA_SOURCE_VI in text and "không phải số liệu chính thức của từng xã" in text, content.title


def test_a_stored_version_is_named_with_its_import_date_and_no_notice(demo, names):
    from ntm.reports.metadata import DataVersion

    imported = datetime(2026, 3, 12, 3, 0, tzinfo=UTC)
    briefing = deck.selection_briefing(
        demo, load_targets(), load_criteria(), names, 2025, (), "en", version=DataVersion("v3", False, imported)
    )
    assert briefing.about[0].startswith(
        "Source: Imported data, version v3 of 2026-03-12 · Data version: v3 (2026-03-12) · File made: "
    )
    assert briefing.slides[3].source == "Source: Imported data, version v3 of 2026-03-12"
    assert not briefing.notice and not any(slide.notice for slide in briefing.slides)
    prs = Presentation(BytesIO(deck.to_pptx(briefing, "en")))
    assert not any("illustrative" in text for slide in prs.slides for text in slide_texts(slide))


def test_pdf_keeps_the_percent_sign_with_its_number(pdf_of):
    """The target column of the headline slide ('Mục tiêu 2025: 32/181 xã (17,7 %)') used to wrap
    its '%' onto a line of its own in the PDF."""
    for year, lang in ((2025, "vi"), (2026, "vi"), (2025, "en")):
        pdf = PdfReader(BytesIO(pdf_of(year, (), lang)))
        for page in pdf.pages:
            lines = [line.strip() for line in page.extract_text().splitlines()]
            assert not [line for line in lines if line.startswith("%")], (year, lang)
        if year == 2025:
            headline = " ".join(pdf.pages[1].extract_text().replace("\xa0", " ").split())
            assert ("115/181 xã (63,5 %)" if lang == "vi" else "115 of 181 communes (63.5%)") in headline
