"""A chart as a page shows it and a user takes it away: its data, its Vega-Lite spec (what the page
draws) and how to build the Altair chart again for a PNG/SVG file (done only on a download click).
Both the pages (through st.cache_data, which pickles it: `build` is a functools.partial of a
module-level builder) and `python -m ntm.bench` get charts from the views as PageCharts."""

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache, partial

import altair as alt
import pandas as pd

from ntm.charts.style import category_bar
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


def with_data(spec: dict, frame: pd.DataFrame) -> dict:
    """A spec of one inline dataset (Altair's `datasets`) with the rows of `frame` instead, named as
    Altair names them (the hash of the rows): what `to_dict` gives for the same chart of `frame`."""
    (old,) = spec["datasets"]
    values = alt.to_values(frame)["values"]
    new = "data-" + hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()[:32]
    swapped = json.loads(json.dumps({k: v for k, v in spec.items() if k != "datasets"}).replace(old, new))
    return {**swapped, "datasets": {new: values}}


@lru_cache(maxsize=64)
def _category_bar_spec(keys: tuple, labels: tuple, colors: tuple, value_title: str, lang: str) -> dict:
    frame = pd.DataFrame({"key": list(keys), "label": list(labels), "value": [0] * len(keys)})
    return vega_spec(category_bar(frame, list(colors), value_title, lang))


def category_bar_chart(name: str, frame: pd.DataFrame, colors: list[str], value_title: str, lang: str) -> PageChart:
    """The PageChart of style.category_bar (columns key, label, value): its spec is that of the same
    bars (keys, labels, colours, titles), built once, with this frame's counts, not an Altair build
    per selection (25 ms a new selection on the overview)."""
    spec = _category_bar_spec(tuple(frame["key"]), tuple(frame["label"]), tuple(colors), value_title, lang)
    build = partial(category_bar, frame, colors, value_title, lang)
    return PageChart(name, frame[["label", "value"]], with_data(spec, frame), build)
