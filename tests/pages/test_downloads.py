"""The overview offers every file of the view in one zip, in its download section, and each file
button with the table's or chart's name."""

from apptest_helpers import assert_clean, nodes, run_app

from ntm.ui.downloads import EXPORT_SECTION


def buttons(at) -> list[str]:
    return [node.proto.label for node in nodes(at, "download_button")]


def labels_in(block) -> list[str]:
    """Labels of the download buttons inside a block (an expander), in order."""
    found, stack = [], [block]
    while stack:
        node = stack.pop()
        if getattr(node, "type", None) == "download_button":
            found.append(node.proto.label)
        stack.extend(reversed(list(getattr(node, "children", {}).values())))
    return found


def test_tables_are_built_only_while_the_download_section_is_open():
    at = run_app(year=2025, districts=["189"])
    assert_clean(at)
    (section,) = [e for e in at.expander if e.label == "Tải bảng số liệu"]
    assert labels_in(section) == []
    assert "Tải tất cả (ZIP)" not in buttons(at) and "Danh sách xã · CSV" not in buttons(at)
    (listing,) = [e for e in at.expander if e.label == "Danh sách 10 xã"]  # Đình Lập, 2025
    assert not listing.children  # the list is not built while closed either


def test_overview_offers_everything_in_one_zip():
    at = run_app(year=2025, districts=["189"], **{EXPORT_SECTION: True})
    assert_clean(at)
    labels = buttons(at)
    assert labels.count("Tải tất cả (ZIP)") == 1
    zip_at = labels.index("Tải tất cả (ZIP)")
    assert labels[zip_at + 1 : zip_at + 7] == [
        "Danh sách xã · CSV",
        "Danh sách xã · Excel",
        "Theo huyện · CSV",
        "Theo huyện · Excel",
        "Theo tiêu chí · CSV",
        "Theo tiêu chí · Excel",
    ]
    assert labels[:zip_at].count("Ảnh PNG") == 3  # the two bar charts and the map, before it
    (section,) = [e for e in at.expander if e.label == "Tải bảng số liệu"]
    assert labels_in(section) == labels[zip_at : zip_at + 7]


def test_zip_only_where_the_page_offers_its_charts():
    at = run_app("pages/criteria.py", lang="en")
    assert_clean(at)
    assert "Download everything (ZIP)" not in buttons(at)
    assert "PNG image" in buttons(at)


def test_a_stored_version_is_named_with_its_import_date(tmp_path, monkeypatch, registry):
    from import_fixtures import valid_xlsx

    from ntm.ingest.flow import commit, preview
    from ntm.ingest.store import connect, list_versions
    from ntm.reports.metadata import DataVersion, format_date
    from ntm.ui import downloads, loaders

    url = f"sqlite:///{tmp_path / 'ntm.sqlite'}"
    monkeypatch.setenv("NTM_DATABASE_URL", url)
    demo = loaders.load_active_dataset()
    assert downloads.data_version(demo) == DataVersion("demo", True)
    engine = connect(url)
    data = valid_xlsx(6, 2024)
    commit(engine, preview(engine, data, "a.xlsx", registry), data, "a.xlsx", "cli")
    (version,) = list_versions(engine)
    stored = loaders.load_active_dataset()
    assert stored.label == "v1" and not stored.illustrative
    assert downloads.data_version(stored) == DataVersion("v1", False, version.created_at)
    at = run_app(**{EXPORT_SECTION: True})
    assert_clean(at)
    assert "Tải tất cả (ZIP)" in buttons(at)
    meta = downloads.table_metadata(stored, "districts", downloads.state.Filters(2024, (), "vi"))
    assert meta.source == f"Dữ liệu đã nhập, phiên bản v1 ngày {format_date(version.created_at)}"
    assert meta.notice == "" and meta.file_stem == "ntm-lang-son-2024-theo-huyen"
