"""A chart as a page shows it and a user takes it away: its data, its Vega-Lite spec (what the page
draws) and how to build the Altair chart again for a PNG/SVG file (done only on a download click).
Both the pages (through st.cache_data, which pickles it: `build` is a functools.partial of a
module-level builder) and `python -m ntm.bench` get charts from the views as PageCharts."""

from dataclasses import dataclass
from functools import partial

import altair as alt
import pandas as pd

from ntm.criteria import load_catalogue
from ntm.registry import district_names
from ntm.targets import load_published, load_targets


@dataclass(frozen=True)
class PageChart:
    name: str  # file name stem of its downloads
    frame: pd.DataFrame  # the data behind it (its CSV download)
    spec: dict  # the Vega-Lite spec the page draws
    build: partial  # () -> the Altair chart, for PNG and SVG files


@dataclass(frozen=True)
class PageInputs:
    """What the pages read besides the dataset and the filters (cached once in the app)."""

    names: dict[str, str]  # district code -> short name
    catalogue: pd.DataFrame  # every criterion of every criteria set
    targets: pd.DataFrame
    published: pd.DataFrame


def page_inputs(registry: pd.DataFrame) -> PageInputs:
    return PageInputs(district_names(registry), load_catalogue(), load_targets(), load_published())


def vega_spec(chart: alt.TopLevelMixin) -> dict:
    """The chart's Vega-Lite spec with its data inline. No row limit: Streamlit sends the data
    separately and has none either (Altair's default stops at 5,000 rows). Tests validate specs."""
    with alt.data_transformers.disable_max_rows():
        return chart.to_dict(validate=False)


def page_chart(name: str, frame: pd.DataFrame, build: partial) -> PageChart:
    return PageChart(name, frame, vega_spec(build()), build)
