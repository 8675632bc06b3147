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
from ntm.formatting import fmt_number, fmt_percent
from ntm.i18n import t
from ntm.registry import district_names
from ntm.targets import load_published, load_targets


@dataclass(frozen=True)
class PageChart:
    name: str  # file name stem of its downloads
    frame: pd.DataFrame  # the data behind it (its CSV download)
    spec: dict  # the Vega-Lite spec the page draws
    build: partial  # () -> the Altair chart, for PNG and SVG files
    summary: str = ""  # one sentence of what it shows, for screen readers (text_alternative adds the title)


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


CHANNELS = ("x", "y", "color", "theta")


def _title_text(title) -> str:
    if isinstance(title, dict):
        title = title.get("text", "")
    if isinstance(title, (list, tuple)):
        return ". ".join(str(part).strip().rstrip(".") for part in title if part)
    return str(title or "")


def _encodings(spec: dict) -> tuple[list[dict], dict[str, str]]:
    """The x, y, colour and angle encodings of the spec (its layers and concatenated views included),
    one per field, and each field's title as any encoding of it (tooltips too) names it."""
    shown: dict[str, dict] = {}
    titles: dict[str, str] = {}
    pending = [spec]
    while pending:
        view = pending.pop(0)
        for channel, encodings in (view.get("encoding") or {}).items():
            for encoding in encodings if isinstance(encodings, list) else [encodings]:
                if not isinstance(encoding, dict) or not isinstance(encoding.get("field"), str):
                    continue
                field = encoding["field"]
                if _title_text(encoding.get("title")).strip() and field not in titles:
                    titles[field] = _title_text(encoding["title"])
                if channel in CHANNELS and encoding.get("legend", "") is not None:
                    shown.setdefault(field, encoding)
        for key in ("layer", "hconcat", "vconcat", "concat"):
            pending.extend(v for v in view.get(key) or [] if isinstance(v, dict))
        if isinstance(view.get("spec"), dict):
            pending.append(view["spec"])
    return list(shown.values()), titles


def _is_share(encoding: dict) -> bool:
    formats = [encoding.get("format"), (encoding.get("axis") or {}).get("format")]
    formats.append((encoding.get("legend") or {}).get("format"))
    return any(isinstance(f, str) and f.endswith("%") for f in formats)


def _channel_text(encoding: dict, title: str, frame: pd.DataFrame, lang: str) -> str:
    field = encoding["field"]
    if field not in frame.columns:
        return title
    values = frame[field].dropna()
    if encoding.get("type") == "quantitative" and len(values):
        low, high = float(values.min()), float(values.max())
        if _is_share(encoding):
            low_text, high_text = fmt_percent(low, 0, lang), fmt_percent(high, 0, lang)
        else:
            decimals = 0 if values.astype(float).mod(1).eq(0).all() else 1
            low_text, high_text = fmt_number(low, decimals, lang), fmt_number(high, decimals, lang)
        return t("a11y.chart.range", lang, title=title, low=low_text, high=high_text)
    return t("a11y.chart.values", lang, title=title, n=values.nunique())


def text_alternative(chart: PageChart, lang: str) -> str:
    """The chart in words for a screen reader: its title, the sentence its view wrote (`summary`)
    or else what each axis and the colour show, with their range, e.g. 'Tỷ lệ xã đạt từng tiêu chí
    theo huyện, năm 2025. Biểu đồ: Tiêu chí (19 giá trị); Huyện (11 giá trị); Tỷ lệ xã đạt từ 0 %
    đến 100 %.'"""
    title = _title_text(chart.spec.get("title"))
    summary = chart.summary
    if not summary:
        encodings, titles = _encodings(chart.spec)
        parts = [_channel_text(e, titles[e["field"]], chart.frame, lang) for e in encodings if e["field"] in titles]
        summary = t("a11y.chart.summary", lang, parts="; ".join(parts)) if parts else ""
    return " ".join(part.rstrip(".") + "." for part in (title, summary) if part)
