"""Every downloaded file describes itself: the record (title, scope, year, filters, source, version and
its date, when it was made, the illustrative notice), readable file names, and a view's zip whose
README.txt holds one block per file."""

import io
import zipfile
from datetime import UTC, datetime
from types import SimpleNamespace

import pandas as pd
import pytest
from openpyxl import load_workbook

from ntm import metrics
from ntm.i18n import t
from ntm.registry import district_names
from ntm.reports import metadata as files
from ntm.reports import tables as exports
from ntm.views import overview

MADE = datetime(2026, 11, 23, 7, 5, tzinfo=UTC)  # 14:05 in Vietnam
IMPORTED = datetime(2026, 3, 11, 20, 30, tzinfo=UTC)  # 12 March 2026 in Vietnam
DEMO = files.DataVersion("demo", True)
STORED = files.DataVersion("v3", False, IMPORTED)
NAMES = {"189": "Đình Lập", "185": "Cao Lộc", "184": "Lộc Bình", "180": "Tràng Định", "181": "Bình Gia"}
NOTICE_VI = "Số liệu cấp xã trong tệp này là dữ liệu minh họa"


def record(version=DEMO, lang="vi", **kwargs):
    values = {"year": 2025, "districts": ("189",), "names": NAMES} | kwargs
    return files.describe("Danh sách xã", lang, version, **values).stamped(MADE)


def test_demo_record_names_scope_year_source_and_the_notice():
    fields = dict(record().fields())
    assert fields["Tiêu đề"] == "Danh sách xã"
    assert fields["Phạm vi"] == "Đình Lập"
    assert fields["Năm"] == "2025"
    assert fields["Bộ lọc"] == "Không"
    assert fields["Nguồn"] == "Dữ liệu minh họa"
    assert fields["Phiên bản dữ liệu"] == "demo"
    assert fields["Tạo tệp lúc"] == "23/11/2026 14:05 (giờ Việt Nam)"
    assert fields["Lưu ý"].startswith(NOTICE_VI)
    assert "Ngày nhập phiên bản" not in fields


def test_stored_version_gives_its_date_and_no_notice():
    meta = record(STORED)
    fields = dict(meta.fields())
    assert fields["Nguồn"] == "Dữ liệu đã nhập, phiên bản v3 ngày 12/03/2026"
    assert fields["Phiên bản dữ liệu"] == "v3"
    assert fields["Ngày nhập phiên bản"] == "12/03/2026"
    assert "Lưu ý" not in fields and meta.notice == ""
    assert not any("minh họa" in line for line in meta.footer())
    assert "v3 (12/03/2026)" in " ".join(meta.footer())


def test_english_record_and_whole_province():
    meta = record(lang="en", districts=(), filters=[("Level", "Standard, Advanced")])
    fields = dict(meta.fields())
    assert fields["Scope"] == "Whole province"
    assert fields["Filters"] == "Level: Standard, Advanced"
    assert fields["Source"] == "Illustrative data"
    assert fields["File made"] == "2026-11-23 14:05 (Vietnam time, UTC+7)"
    assert fields["Note"].startswith("Commune-level data in this file are illustrative")
    assert meta.heading() == ["Whole province · 2025", "Level: Standard, Advanced"]


def test_data_version_of_a_dataset():
    assert files.data_version(SimpleNamespace(label="", illustrative=True)) == files.DataVersion("demo", True)
    stored = files.data_version(SimpleNamespace(label="v3", illustrative=False), IMPORTED)
    assert stored == STORED and not stored.illustrative


def test_footer_lines_are_short_and_carry_source_version_date_and_notice():
    meta = record()
    lines = meta.footer()
    assert all(len(line) <= files.FOOTER_WIDTH for line in lines)
    text = " ".join(lines)
    assert "Nguồn: Dữ liệu minh họa" in text and "Phiên bản dữ liệu: demo" in text
    assert "23/11/2026 14:05" in text and NOTICE_VI in text


@pytest.mark.parametrize(
    ("districts", "what", "stem"),
    [
        (("189",), "Danh sách xã", "ntm-lang-son-2025-dinh-lap-danh-sach-xa"),
        (("185", "184"), "Theo huyện", "ntm-lang-son-2025-cao-loc-loc-binh-theo-huyen"),
        ((), "Tỷ lệ xã đạt chuẩn theo huyện, năm 2025", "ntm-lang-son-2025-ty-le-xa-dat-chuan-theo-huyen"),
        (("189", "185", "184", "180"), "Communes", "ntm-lang-son-2025-4-huyen-communes"),
    ],
)
def test_file_names_are_readable_not_codes(districts, what, stem):
    assert files.file_stem(2025, districts, NAMES, what) == stem


def test_chart_title_from_its_spec_or_its_page():
    assert files.chart_title({"title": "Tỷ lệ xã đạt"}, "x-2025", "vi") == "Tỷ lệ xã đạt"
    assert files.chart_title({"title": ["Xã Ái Quốc", "19 tiêu chí"]}, "xa-06610-tieu-chi", "vi") == (
        "Xã Ái Quốc – 19 tiêu chí"
    )
    assert files.chart_title({"title": {"text": "Xã đạt chuẩn NTM", "subtitle": []}}, "t", "vi") == "Xã đạt chuẩn NTM"
    assert files.chart_title({}, "xa-theo-muc-2025", "vi") == t("overview.levels", "vi")
    assert files.chart_title({}, "xa-theo-so-tieu-chi-2025", "en") == t("overview.bands", "en")


def test_chart_scope_official_sources_and_commune_scorecards():
    frame = pd.DataFrame({"kind": ["actual", "published", "target"], "source": [None, "Báo cáo A", "Kế hoạch B"]})
    progress = SimpleNamespace(name="tien-do-communes_ntm-2025", spec={"title": {"text": "Xã đạt chuẩn"}}, frame=frame)
    meta = files.chart_metadata(progress, "vi", DEMO, year=2025, districts=("189",), names=NAMES)
    assert meta.scope == "Đình Lập" and meta.official == ("Báo cáo A", "Kế hoạch B")
    assert dict(meta.fields())["Số liệu chính thức"] == "Báo cáo A; Kế hoạch B"
    assert "Số liệu chính thức: Báo cáo A; Kế hoạch B" in meta.footer()
    shown = SimpleNamespace(name="ban-do-huyen-2025", spec={"title": "Bản đồ"}, frame=pd.DataFrame())
    assert files.chart_metadata(shown, "vi", DEMO, year=2025, districts=("189",), names=NAMES).scope == "Toàn tỉnh"
    scorecard = SimpleNamespace(name="xa-06610-tieu-chi", spec={"title": ["Xã Ái Quốc", "19"]}, frame=pd.DataFrame())
    meta = files.chart_metadata(scorecard, "vi", DEMO, year=2025, districts=("189",), names=NAMES)
    assert meta.scope == "Xã Ái Quốc" and meta.file_stem == "ntm-lang-son-2025-xa-ai-quoc-19"


def test_document_properties_say_the_record():
    props = files.document_properties(record())
    assert props["title"] == "Danh sách xã"
    assert props["creator"] == "NTM Lạng Sơn dashboard"
    assert props["subject"].endswith("Đình Lập · năm 2025")
    assert props["created"] == datetime(2026, 11, 23, 7, 5)
    assert "nông thôn mới" in props["keywords"]
    assert "Nguồn: Dữ liệu minh họa" in props["description"] and NOTICE_VI in props["description"]


def overview_files(demo, districts=("189",), lang="vi", version=DEMO):
    """The overview's bar charts and tables of a selection, as the page offers them."""
    names = district_names(demo.registry)
    selection = metrics.select(demo.commune_year, 2025, districts)
    charts = overview.bar_charts(metrics.summary(selection, 2025), 2025, lang).values()
    items = [
        item
        for chart in charts
        for item in files.chart_files(
            chart, files.chart_metadata(chart, lang, version, year=2025, districts=districts, names=names)
        )
    ]
    frame = exports.district_export(selection, names, lang)
    label = t("export.table.districts", lang)
    meta = files.describe(
        t("meta.title.districts", lang), lang, version, year=2025, districts=districts, names=names, what=label
    )
    return items + files.table_files(frame, label, meta)


def test_archive_holds_every_file_and_a_readme_block_for_each(demo):
    bundle = zipfile.ZipFile(io.BytesIO(files.archive(overview_files(demo), "vi", MADE)))
    names = bundle.namelist()
    assert sorted(names) == sorted(
        [
            *(f"ntm-lang-son-2025-dinh-lap-xa-theo-muc-dat-chuan.{ext}" for ext in ("png", "svg", "csv")),
            *(f"ntm-lang-son-2025-dinh-lap-xa-theo-so-tieu-chi-dat.{ext}" for ext in ("png", "svg", "csv")),
            "ntm-lang-son-2025-dinh-lap-theo-huyen.csv",
            "ntm-lang-son-2025-dinh-lap-theo-huyen.xlsx",
            "README.txt",
        ]
    )
    readme = bundle.read("README.txt").decode("utf-8")
    blocks = readme.strip().split("\n\n")
    assert blocks[0] == t("meta.readme.intro", "vi")
    assert len(blocks) == len(names)  # the introduction and one block per file
    for name, block in zip([n for n in names if n != "README.txt"], blocks[1:]):
        lines = block.splitlines()
        assert lines[0] == f"Tệp: {name}"
        assert "Phạm vi: Đình Lập" in lines and "Năm: 2025" in lines and "Nguồn: Dữ liệu minh họa" in lines
        assert "Tạo tệp lúc: 23/11/2026 14:05 (giờ Việt Nam)" in lines
        assert any(line.startswith(f"Lưu ý: {NOTICE_VI}") for line in lines)
    assert "Tiêu đề: Xã theo mức đạt chuẩn" in blocks[1]
    # each file carries the same record as its block
    svg = bundle.read("ntm-lang-son-2025-dinh-lap-xa-theo-muc-dat-chuan.svg").decode("utf-8")
    assert "<title>Xã theo mức đạt chuẩn</title>" in svg and "Nguồn: Dữ liệu minh họa" in svg
    csv = bundle.read("ntm-lang-son-2025-dinh-lap-xa-theo-muc-dat-chuan.csv").decode("utf-8-sig")
    assert csv.startswith("# Tệp: ntm-lang-son-2025-dinh-lap-xa-theo-muc-dat-chuan.csv\n# Tiêu đề: Xã theo mức")
    assert pd.read_csv(io.StringIO(csv), comment="#").columns.tolist() == ["Nhóm", "Giá trị"]
    book = load_workbook(io.BytesIO(bundle.read("ntm-lang-son-2025-dinh-lap-theo-huyen.xlsx")))
    info = dict(book["Thông tin"].iter_rows(min_row=2, values_only=True))
    assert info["Tệp"] == "ntm-lang-son-2025-dinh-lap-theo-huyen.xlsx" and info["Phạm vi"] == "Đình Lập"


def test_archive_of_a_stored_version_has_no_notice(demo):
    bundle = zipfile.ZipFile(io.BytesIO(files.archive(overview_files(demo, (), "en", STORED), "en", MADE)))
    readme = bundle.read("README.txt").decode("utf-8")
    assert "illustrative" not in readme.lower() and "Note:" not in readme
    assert "Source: Imported data, version v3 of 2026-03-12" in readme
    assert "Scope: Whole province" in readme
    assert "ntm-lang-son-2025-communes-by-level.png" in bundle.namelist()
    svg = bundle.read("ntm-lang-son-2025-communes-by-level.svg").decode("utf-8")
    assert "illustrative" not in svg and "Data version: v3 (2026-03-12)" in svg


def test_names_in_an_archive_are_unique():
    meta = record()
    same = [files.DownloadFile("a.csv", "text/csv", lambda m: b"x", meta)] * 3
    assert [item.name for item in files.unique_names(same)] == ["a.csv", "a-2.csv", "a-3.csv"]


def test_version_line_for_a_page_header():
    from ntm.reports.metadata import DataVersion, version_line

    assert version_line(DataVersion("demo", True), [2016, 2015, 2026], "vi") == (
        "Dữ liệu minh họa · phiên bản demo · số liệu 2015–2026"
    )
    stored = DataVersion("v3", False, datetime(2026, 3, 11, 20, 0, tzinfo=UTC))  # 12/03 in Vietnam
    assert version_line(stored, [2025], "vi") == "Dữ liệu đã nhập · phiên bản v3 · cập nhật 12/03/2026 · số liệu 2025"
    assert version_line(stored, [], "en") == "Imported data · version v3 · updated 2026-03-12"
    assert version_line(DataVersion("v4", False), [2024, 2025], "en") == "Imported data · version v4 · data 2024–2025"


def test_the_data_version_line_of_one_year_reads_the_year():
    demo = files.DataVersion(illustrative=True, label="demo")
    assert files.version_line(demo, [2026, 2026], "vi").endswith("số liệu 2026")
    assert files.version_line(demo, [2015, 2026], "en").endswith("data 2015–2026")
