"""Download buttons: every chart as PNG, SVG and its data as CSV, the tables of the current selection
as CSV and Excel, a zip of a view's files, and the briefing deck (PPTX, PDF).

Every file describes itself (ntm.reports.metadata): its title, the scope and year, the filters, the
source (the dataset's version and its date, the official figures a chart shows), when it was made
and, while the data are the illustrative demo, the notice; file names are readable
('ntm-lang-son-2025-dinh-lap-danh-sach-xa.xlsx'). Files are made only when their button is clicked."""

from collections.abc import Callable
from datetime import datetime

import pandas as pd
import streamlit as st

from ntm import metrics
from ntm.dataset import Dataset
from ntm.i18n import t
from ntm.reports import deck
from ntm.reports import metadata as files
from ntm.reports import tables as exports
from ntm.ui import loaders, state

CSV = "text/csv"
XLSX = exports.XLSX
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ZIP = "application/zip"
LABELS = {"png": "download.png", "svg": "download.svg", "csv": "download.csv"}


@st.cache_data(show_spinner=False, ttl=60)
def imported_at(label: str) -> datetime | None:
    """When the stored version `label` ('v3') was imported (the store's created_at); None for the demo
    or while the store cannot say."""
    if not (label.startswith("v") and label[1:].isdigit()):
        return None
    engine = loaders.active_store()
    if engine is None:
        return None
    from ntm.ingest.store import list_versions

    try:
        versions = list_versions(engine)
    except Exception:  # the store went away: the file says the version without its date
        return None
    return next((v.created_at for v in versions if v.id == int(label[1:])), None)


def data_version(dataset: Dataset) -> files.DataVersion:
    return files.data_version(dataset, imported_at(dataset.label))


def _stem(dataset: Dataset, f: state.Filters, what: str) -> str:
    return files.file_stem(f.year, f.districts, loaders.district_names(dataset), what, f.lang)


def selected_communes(dataset: Dataset, f: state.Filters) -> pd.DataFrame:
    """The commune-year rows of the selection, of the levels chosen (all when none)."""
    selection = metrics.select(dataset.commune_year, f.year, f.districts)
    return selection[selection["level"].isin(f.levels)] if f.levels else selection


def commune_list(dataset: Dataset, f: state.Filters) -> pd.DataFrame:
    """The selection's communes (of the levels chosen) as the page lists them and downloads them."""
    communes = selected_communes(dataset, f)
    names = loaders.district_names(dataset)
    return exports.commune_table(communes, dataset.registry, names, f.lang, dataset.units(f.year))


def selection_tables(dataset: Dataset, f: state.Filters) -> dict[str, pd.DataFrame]:
    """The tables of the current selection, by name: communes, districts, criteria."""
    names = loaders.district_names(dataset)
    selection = metrics.select(dataset.commune_year, f.year, f.districts)
    return {
        "communes": commune_list(dataset, f),
        "districts": exports.district_export(selection, names, f.lang),
        "criteria": exports.criteria_export(dataset.criteria, selection, loaders.criteria_catalogue(), f.lang, f.year),
    }


def table_metadata(dataset: Dataset, name: str, f: state.Filters) -> files.Metadata:
    """The record of a table of the selection (see selection_tables); the commune list names the
    levels it is filtered on."""
    filters = ()
    if name == "communes" and f.levels:
        filters = ((t("filter.level", f.lang), ", ".join(t(f"level.{lv}", f.lang) for lv in f.levels)),)
    return files.describe(
        t(f"meta.title.{name}", f.lang),
        f.lang,
        data_version(dataset),
        year=f.year,
        districts=f.districts,
        names=loaders.district_names(dataset),
        filters=filters,
        what=t(f"export.table.{name}", f.lang),
    )


def _buttons(items: list[files.DownloadFile], labels: list[str], keys: list[str], container) -> None:
    for item, label, key in zip(items, labels, keys):
        container.download_button(
            label,
            lambda item=item: item.build(),
            file_name=item.name,
            mime=item.mime,
            on_click="ignore",
            icon=":material/download:",
            key=key,
        )


def _table_files(dataset: Dataset, frame: pd.DataFrame, name: str, f: state.Filters) -> list[files.DownloadFile]:
    return files.table_files(frame, t(f"export.table.{name}", f.lang), table_metadata(dataset, name, f))


def table_download(frame: pd.DataFrame, name: str, f: state.Filters, dataset: Dataset | None = None) -> None:
    """CSV and Excel buttons for one table."""
    dataset = dataset or loaders.load_active_dataset()
    label = t(f"export.table.{name}", f.lang)
    left, right = st.columns(2)
    csv, xlsx = _table_files(dataset, frame, name, f)
    _buttons([csv], [f"{label} · {t('export.csv', f.lang)}"], [f"csv-{name}"], left)
    _buttons([xlsx], [f"{label} · {t('export.xlsx', f.lang)}"], [f"xlsx-{name}"], right)


def archive_view(view: str, charts) -> None:
    """Offer the charts of a view (PageCharts) in its zip: the page calls this before table_downloads,
    which adds them, made as PNG, SVG and CSV, to the tables in one "download everything" zip."""
    dataset = loaders.load_active_dataset()
    st.session_state[state.DOWNLOAD_VIEW] = (view, state.current_filters(dataset), tuple(charts))


def view_files(dataset: Dataset, f: state.Filters, charts, tables: dict[str, pd.DataFrame]) -> list[files.DownloadFile]:
    """Every file of a view: its charts (PNG, SVG, CSV) and the tables of the selection (CSV, Excel)."""
    items = [item for chart in charts for item in files.chart_files(chart, chart_metadata(dataset, chart, f.lang))]
    return items + [item for name, frame in tables.items() for item in _table_files(dataset, frame, name, f)]


def archive_download(dataset: Dataset, f: state.Filters, tables: dict[str, pd.DataFrame]) -> None:
    """The "download everything" button of the view whose charts archive_view offered in this run."""
    offered = st.session_state.pop(state.DOWNLOAD_VIEW, None)
    if offered is None or offered[1] != f:
        return
    view, _, charts = offered
    items = view_files(dataset, f, charts, tables)
    st.download_button(
        t("download.all", f.lang),
        lambda: files.archive(items, f.lang),
        file_name=f"{_stem(dataset, f, t(f'nav.{view}', f.lang))}.zip",
        mime=ZIP,
        on_click="ignore",
        icon=":material/folder_zip:",
        key=f"zip-{view}",
        help=t("download.all.help", f.lang),
        type="primary",
    )


EXPORT_SECTION = "export-tables"  # the download section's open state (True: open)


def table_downloads(tables: Callable[[], dict[str, pd.DataFrame]], f: state.Filters) -> None:
    """A section with every table of the selection (`tables`, e.g. selection_tables), each as CSV and
    Excel, and the zip of the view's files when the page offered its charts (archive_view). The
    tables are built only while the section is open: most runs (a filter change) build none."""
    dataset = loaders.load_active_dataset()
    section = st.expander(
        t("export.header", f.lang), icon=":material/table_view:", key=EXPORT_SECTION, on_change="rerun"
    )
    if not section.open:
        st.session_state.pop(state.DOWNLOAD_VIEW, None)
        return
    built = tables()
    with section:
        archive_download(dataset, f, built)
        for name, frame in built.items():
            table_download(frame, name, f, dataset)


def _builder(dataset: Dataset, f: state.Filters):
    """A function building the deck later (in the download thread) from inputs read now: the data
    version with the store's import date goes on its title slide, slides and document properties."""
    names = loaders.district_names(dataset)
    targets, catalogue, version = loaders.targets(), loaders.criteria_catalogue(), data_version(dataset)
    return lambda: deck.selection_briefing(
        dataset, targets, catalogue, names, f.year, f.districts, f.lang, version=version
    )


def deck_downloads(dataset: Dataset, f: state.Filters) -> None:
    """Sidebar buttons that build the briefing deck for the current selection when clicked."""
    st.sidebar.subheader(t("deck.header", f.lang))
    briefing = _builder(dataset, f)
    stem = _stem(dataset, f, t("deck.header", f.lang))
    st.sidebar.download_button(
        t("deck.pptx", f.lang),
        lambda: deck.to_pptx(briefing(), f.lang),
        file_name=f"{stem}.pptx",
        mime=PPTX,
        on_click="ignore",
        icon=":material/slideshow:",
        key="deck-pptx",
        width="stretch",
    )
    st.sidebar.download_button(
        t("deck.pdf", f.lang),
        lambda: deck.to_pdf(briefing(), f.lang),
        file_name=f"{stem}.pdf",
        mime="application/pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        key="deck-pdf",
        width="stretch",
    )


def describe(dataset: Dataset, f: state.Filters, title: str, **record) -> files.Metadata:
    """The record of a file of the current view that is neither a PageChart nor a table (a map image):
    `title`, the data version with its import date, the districts' names; `record` as
    ntm.reports.metadata.describe takes it (year, scope, filters, what)."""
    return files.describe(title, f.lang, data_version(dataset), names=loaders.district_names(dataset), **record)


def file_downloads(items: list[files.DownloadFile], labels: list[str], keys: list[str], container=None) -> None:
    """Buttons for files that describe themselves (ntm.reports.metadata.DownloadFile), each made when
    its button is clicked, stamped with that time."""
    _buttons(items, labels, keys, container if container is not None else st.container(horizontal=True))


def chart_metadata(dataset: Dataset, chart, lang: str) -> files.Metadata:
    """The record of a PageChart for the current filters (year, districts)."""
    f = state.current_filters(dataset)
    return files.chart_metadata(
        chart,
        lang,
        data_version(dataset),
        year=f.year,
        districts=f.districts,
        names=loaders.district_names(dataset),
        unit_names=loaders.unit_names(dataset),
    )


def page_chart_downloads(chart, lang: str) -> None:
    """PNG, SVG and CSV download buttons under a PageChart (ntm.views.page_chart): the images titled,
    with scope, year and a footer of source, version, date and notice; the data under headers in
    `lang`."""
    dataset = loaders.load_active_dataset()
    items = files.chart_files(chart, chart_metadata(dataset, chart, lang))
    kinds = [item.name.rsplit(".", 1)[-1] for item in items]
    _buttons(
        items,
        [t(LABELS[kind], lang) for kind in kinds],
        [f"download-{chart.name}-{kind}" for kind in kinds],
        st.container(horizontal=True),
    )
