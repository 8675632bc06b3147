"""Download buttons: tables of the current selection (CSV, Excel) and the briefing deck (PPTX, PDF)."""

import pandas as pd
import streamlit as st

from ntm import metrics
from ntm.dataset import Dataset
from ntm.i18n import t
from ntm.reports import deck
from ntm.reports import tables as exports
from ntm.ui import loaders, state

CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def _stem(f: state.Filters) -> str:
    return f"ntm-lang-son-{f.year}" + (f"-{'-'.join(f.districts)}" if f.districts else "")


def selection_tables(dataset: Dataset, f: state.Filters) -> dict[str, pd.DataFrame]:
    """The tables of the current selection, by name: communes, districts, criteria."""
    names = loaders.district_names(dataset)
    selection = metrics.select(dataset.commune_year, f.year, f.districts)
    communes = selection[selection["level"].isin(f.levels)] if f.levels else selection
    return {
        "communes": exports.commune_table(communes, dataset.registry, names, f.lang),
        "districts": exports.district_export(selection, names, f.lang),
        "criteria": exports.criteria_export(dataset.criteria, selection, loaders.criteria_catalogue(), f.lang),
    }


def table_download(frame: pd.DataFrame, name: str, f: state.Filters) -> None:
    """CSV and Excel buttons for one table."""
    label = t(f"export.table.{name}", f.lang)
    stem = f"{_stem(f)}-{name}"
    left, right = st.columns(2)
    left.download_button(
        f"{label} · {t('export.csv', f.lang)}",
        lambda: exports.to_csv_bytes(frame),
        file_name=f"{stem}.csv",
        mime=CSV,
        on_click="ignore",
        icon=":material/download:",
        key=f"csv-{name}",
    )
    right.download_button(
        f"{label} · {t('export.xlsx', f.lang)}",
        lambda: exports.to_xlsx_bytes(frame, label),
        file_name=f"{stem}.xlsx",
        mime=XLSX,
        on_click="ignore",
        icon=":material/download:",
        key=f"xlsx-{name}",
    )


def table_downloads(tables: dict[str, pd.DataFrame], f: state.Filters) -> None:
    """A section with every table of the selection (see selection_tables), each as CSV and Excel."""
    with st.expander(t("export.header", f.lang), icon=":material/table_view:"):
        for name, frame in tables.items():
            table_download(frame, name, f)


def _builder(dataset: Dataset, f: state.Filters):
    """A function building the deck later (in the download thread) from inputs read now."""
    names = loaders.district_names(dataset)
    targets, catalogue = loaders.targets(), loaders.criteria_catalogue()
    return lambda: deck.selection_briefing(dataset, targets, catalogue, names, f.year, f.districts, f.lang)


def deck_downloads(dataset: Dataset, f: state.Filters) -> None:
    """Sidebar buttons that build the briefing deck for the current selection when clicked."""
    st.sidebar.subheader(t("deck.header", f.lang))
    briefing = _builder(dataset, f)
    st.sidebar.download_button(
        t("deck.pptx", f.lang),
        lambda: deck.to_pptx(briefing(), f.lang),
        file_name=f"{_stem(f)}.pptx",
        mime=PPTX,
        on_click="ignore",
        icon=":material/slideshow:",
        key="deck-pptx",
        width="stretch",
    )
    st.sidebar.download_button(
        t("deck.pdf", f.lang),
        lambda: deck.to_pdf(briefing(), f.lang),
        file_name=f"{_stem(f)}.pdf",
        mime="application/pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        key="deck-pdf",
        width="stretch",
    )


def chart_downloads(chart, frame: pd.DataFrame, name: str, lang: str) -> None:
    """PNG, SVG and CSV download buttons under a chart; files are made only when asked for.
    `chart` is an Altair chart or a function that builds one (built only for the download)."""
    from ntm.charts.export import chart_png, chart_svg
    from ntm.reports.tables import to_csv_bytes

    build = chart if callable(chart) else (lambda: chart)
    files = (
        ("png", lambda: chart_png(build()), "image/png"),
        ("svg", lambda: chart_svg(build()), "image/svg+xml"),
        ("csv", lambda: to_csv_bytes(frame), "text/csv"),
    )
    row = st.container(horizontal=True)
    for kind, make, mime in files:
        row.download_button(
            t(f"download.{kind}", lang),
            make,
            file_name=f"{name}.{kind}",
            mime=mime,
            on_click="ignore",
            icon=":material/download:",
            key=f"download-{name}-{kind}",
        )


def page_chart_downloads(chart, lang: str) -> None:
    """The download buttons of a PageChart (ntm.views.page_chart)."""
    chart_downloads(chart.build, chart.frame, chart.name, lang)
