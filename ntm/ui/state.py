"""Every session-state key the app uses, with its default, and the filters read from them. Widgets
bound to the URL use these keys as their query-parameter names, so renaming one breaks shared links."""

from dataclasses import dataclass

import streamlit as st

from ntm.dataset import Dataset
from ntm.i18n import DEFAULT_LANG

# Sidebar filters, bound to the URL and kept across pages.
LANG = "lang"
YEAR = "year"
DISTRICTS = "districts"
CRITERION = "criterion"
LEVELS = "levels"
# Page controls bound to the URL.
COMMUNE_QUERY = "q"
COMMUNE = "commune"
COMPARE_METRIC = "metric"
COMPARE_BASELINE = "baseline"
MAP_METRIC = "map_metric"
MAP_DISTRICT = "map_district"
MAP_LEVEL = "map_level"  # "commune" (new communes, the default) or "district" (former districts)
MAP_COMMUNE = "map_commune"
PRESENT_SCREEN = "screen"
# Page state not in the URL.
DISTRICTS_TYPED = "districts_typed"  # the district box's values last read as typed text (sidebar)
MAP_YEAR = "map_year"
MAP_CLICK = "map_click"
MAP_POINTS = "map_points"
MAP_TILES = "map_tiles"
MAP_BOUNDARY_FILE = "map_boundary_file"
URL_NOTICE = "url_notice"
URL_OPENED = "url_opened"
URL_FIRST = "url_first"  # the URL as the session's first run found it, until the link notice has read it
EDITOR = "ntm_editor"
EDITOR_SEEN = "ntm_editor_seen"  # the editor's last run of a page using editor rights: import, map (idle logout)
EDITOR_OIDC = "ntm_editor_oidc"  # the editor logged in through st.login
OIDC_HOLD = "ntm_oidc_hold"  # an OIDC editor's session ended: no automatic login until st.login again
LOGIN_FAILURES = "ntm_login_failures"  # times of this session's failed logins (login delay)
IMPORT_FLASH = "import_flash"
UPLOAD_ROUND = "upload_round"
COLUMN_MAPS = "import_column_maps"  # {header fingerprint: {field or criterion id: column}} chosen on the import page
DOWNLOAD_VIEW = "download_view"  # (view, filters, charts) for the zip of a view (ntm.ui.downloads)

DEFAULT_CRITERION = "02"
# Option text of these widgets depends on the language: they are set again when it changes.
LANGUAGE_DEPENDENT = (CRITERION, LEVELS, COMPARE_METRIC, MAP_METRIC, MAP_LEVEL)


@dataclass(frozen=True)
class Filters:
    year: int
    districts: tuple[str, ...]
    lang: str
    criterion: str = DEFAULT_CRITERION
    levels: tuple[str, ...] = ()

    def choice(self) -> tuple:
        """What the user chose, apart from the language."""
        return (self.year, self.districts, self.criterion, self.levels)


def current_filters(dataset: Dataset) -> Filters:
    state = st.session_state
    year = state.get(YEAR) or dataset.years[-1]
    return Filters(
        year=int(year),
        districts=tuple(state.get(DISTRICTS) or ()),
        lang=state.get(LANG) or DEFAULT_LANG,
        criterion=state.get(CRITERION) or DEFAULT_CRITERION,
        levels=tuple(state.get(LEVELS) or ()),
    )


def reset_filters(dataset: Dataset) -> None:
    """Back to the whole province in the latest year (the language stays)."""
    state = st.session_state
    state[YEAR] = dataset.years[-1]
    state[DISTRICTS] = []
    state[CRITERION] = DEFAULT_CRITERION
    state[LEVELS] = []
