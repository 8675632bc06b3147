"""Download buttons: tables of the current selection (CSV, Excel) and the briefing deck (PPTX, PDF)."""

import pandas as pd
import streamlit as st

from ntm import metrics
from ntm.dataset import Dataset
from ntm.i18n import t
from ntm.reports import deck
from ntm.reports import tables as exports
from ntm.ui import shared

CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def _stem(f: shared.Filters) -> str:
    return f"ntm-lang-son-{f.year}" + (f"-{'-'.join(f.districts)}" if f.districts else "")


def selection_tables(dataset: Dataset, f: shared.Filters) -> dict[str, pd.DataFrame]:
    """The tables of the current selection, by name: communes, districts, criteria."""
    names = shared.district_names(dataset, dataset.label)
    selection = metrics.select(dataset.commune_year, f.year, f.districts)
    communes = selection[selection["level"].isin(f.levels)] if f.levels else selection
    return {
        "communes": exports.commune_table(communes, dataset.registry, names, f.lang),
        "districts": exports.district_export(selection, names, f.lang),
        "criteria": exports.criteria_export(dataset.criteria, selection, shared.criteria_catalogue(), f.lang),
    }


def table_download(frame: pd.DataFrame, name: str, f: shared.Filters) -> None:
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


def table_downloads(tables: dict[str, pd.DataFrame], f: shared.Filters) -> None:
    """A section with every table of the selection (see selection_tables), each as CSV and Excel."""
    with st.expander(t("export.header", f.lang), icon=":material/table_view:"):
        for name, frame in tables.items():
            table_download(frame, name, f)


def _builder(dataset: Dataset, f: shared.Filters):
    """A function building the deck later (in the download thread) from inputs read now."""
    names = shared.district_names(dataset, dataset.label)
    targets, catalogue = shared.targets(), shared.criteria_catalogue()
    return lambda: deck.selection_briefing(dataset, targets, catalogue, names, f.year, f.districts, f.lang)


def deck_downloads(dataset: Dataset, f: shared.Filters) -> None:
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
