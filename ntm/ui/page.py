"""What every page shows around its content: the header with the illustrative-data notice, and the
notices for values of an opened link that were ignored. Text from a user (link values, searches)
is never rendered as Markdown: `literal` escapes it."""

import re
import unicodedata

import streamlit as st

from ntm.dataset import Dataset, new_geography
from ntm.i18n import LANGUAGE_NAMES, t
from ntm.ui import a11y, loaders, state
from ntm.ui.loaders import district_names
from ntm.ui.sidebar import criterion_label

URL_LABELS = {
    state.LANG: "filter.language",
    state.YEAR: "filter.year",
    state.DISTRICTS: "filter.districts",
    state.CRITERION: "filter.criterion",
    state.LEVELS: "filter.level",
}
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:&])")
# Where Markdown would start an autolink; literal() puts a word joiner before the match's last character.
AUTOLINK = re.compile(r"(?i):/|www\.|[^\s]@")
SHOWN_CHARACTERS = 200  # of one ignored value: a 10 kB link value is cut


def literal(text: str) -> str:
    """`text` as Markdown that shows exactly these characters: no link, image, HTML or formatting;
    control and format characters (a right-to-left override turning the notice around, NUL,
    zero-width spaces) become U+FFFD. Escaping does not stop Markdown's autolinks (a bare
    'http://...', 'www.' or 'a@b.c' becomes a link): an invisible word joiner inside '://', 'www.' and
    before '@' breaks them without changing what is shown."""
    text = "".join("\ufffd" if unicodedata.category(c) in ("Cc", "Cf") and c != "\n" else c for c in str(text))
    text = AUTOLINK.sub(lambda m: m.group(0)[:-1] + "\u2060" + m.group(0)[-1], text)
    if len(text) > SHOWN_CHARACTERS:
        text = text[:SHOWN_CHARACTERS] + "…"
    return MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("\n", " "))


GLOBAL_STYLE = """<style>
/* Readable on a projector and for low vision: captions at 7:1, a focus ring that shows. */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {color: #4a4a4a !important;
  opacity: 1 !important;}
:focus-visible {outline: 3px solid #0b57d0 !important; outline-offset: 2px;}
/* Phones: a chart wider than the page scrolls inside its own box, never the page; a chart drawn in a
   wide and a narrow layout (ntm.ui.charts) shows the one that fits. */
[data-testid="stVegaLiteChart"] {max-width: 100%; overflow-x: auto; overflow-y: hidden;}
@media (max-width: 640px) {[class*="st-key-ntm-wide-"] {display: none !important;}}
@media (min-width: 641px) {[class*="st-key-ntm-narrow-"] {display: none !important;}}
/* Printing a page: only the content, tables and charts kept whole. */
@media print {
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDownloadButton"], [data-testid="stBaseButton-secondary"],
  [data-testid="stElementToolbar"], .st-key-present-arrows {display: none !important;}
  [data-testid="stMainBlockContainer"] {max-width: 100% !important; padding: 0 !important;}
  [data-testid="stDataFrame"], [data-testid="stTable"], [data-testid="stVegaLiteChart"], [data-testid="stImage"],
  [data-testid="stMetric"], table, tr {break-inside: avoid; page-break-inside: avoid;}
}
</style>"""


def global_style(lang: str) -> None:
    """The app's few style rules (focus, contrast, print) and the page's language for screen readers
    and hyphenation (Streamlit's page says lang="en"); once per run, from app.py."""
    st.markdown(GLOBAL_STYLE, unsafe_allow_html=True)
    code = lang if lang in LANGUAGE_NAMES else "vi"
    st.sidebar.html(f"<script>{a11y.page_script(code)}</script>", unsafe_allow_javascript=True)


def page_header(dataset: Dataset, title: str, lang: str) -> None:
    """Every page opens with its title and, for illustrative data, the notice saying so (and, in a
    year of the new communes, that the demo's extension to them is illustrative too)."""
    if dataset.illustrative:
        notice = t("notice.illustrative", lang)
        year = state.current_filters(dataset).year
        if new_geography(year):
            notice += " " + t("notice.illustrative.new", lang, year=year)
        st.warning(notice, icon=":material/info:")
    st.title(title)
    version_note(dataset, lang)
    completeness_note(dataset, lang)


def version_note(dataset: Dataset, lang: str) -> None:
    """Under the title: the data's version and its date ('Dữ liệu minh họa · phiên bản demo · số liệu
    2015–2026', or the stored version vN with its import date)."""
    from ntm.reports.metadata import version_line
    from ntm.ui.downloads import data_version

    st.caption(version_line(data_version(dataset), dataset.years, lang))


def completeness_note(dataset: Dataset, lang: str) -> None:
    """How many communes have reported for the year in view of how many exist (ntm.metrics.coverage):
    one quiet line when every commune has, a warning with the districts still missing when not."""
    from ntm.formatting import fmt_number
    from ntm.registry import RURAL_TYPE

    f = state.current_filters(dataset)
    found = loaders.coverage(dataset, f.year, f.districts)
    numbers = {
        "year": f.year,
        "reported": fmt_number(found.reported, lang=lang),
        "expected": fmt_number(found.expected, lang=lang),
    }
    wards = ""
    if new_geography(f.year) and not f.districts:
        count = int((dataset.new_units["type"] != RURAL_TYPE).sum())
        wards = t("coverage.wards", lang, wards=fmt_number(count, lang=lang)) if count else ""
    if found.complete:
        st.caption(t("coverage.complete", lang, **numbers) + ("." + wards if wards else ""))
        return
    scope = t(coverage_scope_key(len(f.districts)), lang)
    # one chosen district: its communes say it all ('1/1 huyện có báo cáo' would say nothing)
    districts_part = (
        ""
        if found.districts == 1
        else t(
            "coverage.districts_reported",
            lang,
            districts_reported=fmt_number(found.districts_reported, lang=lang),
            districts=fmt_number(found.districts, lang=lang),
        )
    )
    key = "coverage.incomplete" if found.reported else "coverage.incomplete.none"  # not 'counts only the 0'
    text = t(key, lang, scope=scope, districts_part=districts_part, **numbers)
    names = district_names(dataset)
    missing = found.incomplete_districts()
    lines = [
        t(
            "coverage.district",
            lang,
            district=names.get(row.district_code, row.district_code),
            reported=fmt_number(row.reported, lang=lang),
            expected=fmt_number(row.expected, lang=lang),
        )
        for row in missing[missing["reported"] > 0].itertuples()
    ]
    parts = ["; ".join(lines)] if lines else []
    silent = missing[missing["reported"] == 0]
    if len(silent):
        items = ", ".join(
            f"{names.get(row.district_code, row.district_code)} (0/{fmt_number(row.expected, lang=lang)})"
            for row in silent.itertuples()
        )
        parts.append(t("coverage.none_from", lang, items=items))
    st.warning("  \n".join([text + wards, *parts]), icon=":material/assignment_late:")


def coverage_scope_key(chosen: int) -> str:
    """What the figures of an incomplete year are not yet of: the province, the chosen district(s)."""
    if not chosen:
        return "coverage.scope.province"
    return "coverage.scope.district" if chosen == 1 else "coverage.scope.districts"


def url_snapshot() -> dict[str, list[str]]:
    """The values in the URL as the run starts, before the widgets drop invalid ones: those of the
    session's first run until invalid_url_notice has read them (the district box may restart that
    run, sidebar.district_filter, after the other widgets dropped their invalid values)."""
    snapshot = {key: st.query_params.get_all(key) for key in st.query_params}
    session = st.session_state
    if state.URL_NOTICE in session:
        return snapshot
    return session.setdefault(state.URL_FIRST, snapshot)


def accepted_url_values(dataset: Dataset, f: state.Filters) -> dict[str, set[str]]:
    """The URL text of every value the filters accepted in this run."""
    names = district_names(dataset)
    return {
        state.LANG: {LANGUAGE_NAMES[f.lang]},
        state.YEAR: {str(f.year)},
        state.DISTRICTS: {names[d] for d in f.districts},
        state.CRITERION: {criterion_label(f.criterion, f.lang, f.year)},
        state.LEVELS: {t(f"level.{lv}", f.lang) for lv in f.levels},
    }


def ignored_url_values(snapshot: dict[str, list[str]], dataset: Dataset) -> list[tuple[str, str]]:
    """(key, value) for every value of the link that the filters did not accept."""
    accepted = accepted_url_values(dataset, state.current_filters(dataset))
    return [
        (key, value)
        for key, values in snapshot.items()
        if key in accepted
        for value in values
        if value not in accepted[key]
    ]


def invalid_url_notice(snapshot: dict[str, list[str]], dataset: Dataset) -> None:
    """Say which values of the opened link were ignored (the widgets drop them silently). Only a
    session's first run reads a link; the notice stays until the user changes a filter."""
    session = st.session_state
    if state.URL_NOTICE not in session:
        session[state.URL_NOTICE] = (ignored_url_values(snapshot, dataset), state.current_filters(dataset))
        session[state.URL_OPENED] = snapshot
    ignored, opened_with = session[state.URL_NOTICE]
    f = state.current_filters(dataset)
    if ignored and opened_with.choice() == f.choice():
        items = ", ".join(f"{t(URL_LABELS[key], f.lang)} = {literal(value)}" for key, value in ignored)
        st.warning(t("filter.invalid", f.lang, items=items), icon=":material/link_off:")


def page_url_notice(key: str, accepted: list[str], label: str, lang: str) -> None:
    """The same notice for a page's own widget bound to the URL (`key`): said when the opened link
    gave it a value outside `accepted` (the widget's option text), until the user changes it."""
    session = st.session_state
    ignored = [value for value in session.get(state.URL_OPENED, {}).get(key, []) if value not in accepted]
    if not ignored:
        return
    marker = f"url_notice_{key}"
    if marker not in session:
        session[marker] = session.get(key)
    if session.get(key) == session[marker]:
        items = f"{label} = {', '.join(literal(value) for value in ignored)}"
        st.warning(t("filter.invalid", lang, items=items), icon=":material/link_off:")
