"""Boundary uploads on the map page (issue 16, point 7): only a logged-in editor is offered the
uploader (a parsed file is cached in the process), and a file that cannot be read is named by its own
name in the message, never by a server path or a placeholder."""

from apptest_helpers import assert_clean, nodes, run_app

from ntm.ui import loaders, state

MAP = "pages/map.py"


class Upload:
    """What st.file_uploader returns, as far as the loaders read it."""

    def __init__(self, name: str, data: bytes):
        self.name, self._data = name, data

    def getvalue(self) -> bytes:
        return self._data


def test_a_viewer_is_not_offered_the_boundary_upload():
    at = run_app(MAP)
    assert_clean(at)
    assert nodes(at, "file_uploader") == []
    assert any("đăng nhập ở trang Nhập dữ liệu" in str(c.value) for c in nodes(at, "caption"))


def test_an_editor_is_offered_the_boundary_upload():
    at = run_app(MAP, **{state.EDITOR: "bientap"})
    assert_clean(at)
    assert len(nodes(at, "file_uploader")) == 1


def test_a_bad_upload_is_named_by_its_file_name(demo):
    loaded, _, error = loaders.configured_boundaries(demo, Upload("ranh-gioi-huyen.geojson", b"not a boundary file"))
    assert error is not None and "ranh-gioi-huyen.geojson" in error
    assert "upload" not in error and "/tmp" not in error and "/work" not in error
    assert not loaded.official  # the bundled boundaries are shown instead
