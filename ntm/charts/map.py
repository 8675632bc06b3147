"""Maps as Altair charts (Vega-Lite geoshapes), drawn in the browser with tooltips and downloadable as
PNG/SVG like every other chart: the overview's district map, and the map page's small multiples (one
small map per year)."""

import json

import altair as alt
import geopandas as gpd
import pandas as pd
import shapely

from ntm.charts.style import styled
from ntm.i18n import t
from ntm.views.map import NO_DATA, class_labels, class_of, format_value, palette_for


def map_frame(
    shapes: gpd.GeoDataFrame,
    values: pd.DataFrame,
    names: dict[str, str],
    metric: str,
    breaks: tuple[float, ...],
    lang: str,
) -> gpd.GeoDataFrame:
    """One row per district shape: name, value, its class label and the text for the tooltip."""
    labels = class_labels(breaks, metric, lang)
    # Vega draws with d3-geo, which reads a counter-clockwise ring (the GeoJSON convention, as in
    # official files) as the whole globe minus the shape: exterior rings go clockwise.
    shapes = shapes.set_geometry(shapely.orient_polygons(shapes.geometry.to_numpy(), exterior_cw=True))
    frame = shapes[["district_code", "geometry"]].merge(values, on="district_code", how="left")
    classes = [class_of(v, breaks) for v in frame["value"]]
    return frame.assign(
        name=frame["district_code"].map(names),
        value_text=[
            t("map.no_data", lang) if c is None else format_value(v, metric, lang)
            for v, c in zip(frame["value"], classes)
        ],
        class_label=[t("map.no_data", lang) if c is None else labels[min(c, len(labels) - 1)] for c in classes],
    )


def district_map_chart(
    frame: gpd.GeoDataFrame,
    metric: str,
    metric_label: str,
    breaks: tuple[float, ...],
    lang: str,
    title: str | list[str],
    width: int = 380,
) -> alt.LayerChart:
    """Districts coloured by class (the map page's palette and breaks), named, with a legend."""
    domain = class_labels(breaks, metric, lang) + [t("map.no_data", lang)]
    shapes = (
        alt.Chart(frame)
        .mark_geoshape(stroke="#555555", strokeWidth=0.8)
        .encode(
            color=alt.Color(
                "class_label:N",
                title=metric_label,
                sort=domain,
                scale=alt.Scale(domain=domain, range=list(palette_for(breaks)) + [NO_DATA]),
                legend=alt.Legend(orient="bottom", columns=3, labelLimit=200, titleLimit=320, symbolType="square"),
            ),
            tooltip=[
                alt.Tooltip("name:N", title=t("chart.district", lang)),
                alt.Tooltip("value_text:N", title=metric_label),
            ],
        )
    )
    points = frame.geometry.to_crs(3405).representative_point().to_crs(4326)
    labels = (
        alt.Chart(pd.DataFrame({"name": frame["name"], "lon": points.x, "lat": points.y}))
        .mark_text(
            fontSize=10,
            fontWeight="bold",
            color="#111111",
            stroke="white",
            strokeWidth=2.5,
            strokeOpacity=0.8,
        )
        .encode(longitude="lon:Q", latitude="lat:Q", text="name:N")
    )
    halo_free = labels.mark_text(fontSize=10, fontWeight="bold", color="#111111")
    chart = (
        alt.layer(shapes, labels, halo_free)
        .project(type="mercator")
        .properties(title=title, width=width, height=int(width * 1.15))
    )
    return styled(chart, lang)


WARD_FILL = "#f4f4f4"  # wards (not assessed under NTM): lighter than "no data", named in the legend


def small_multiples_frame(layer: dict, breaks: tuple[float, ...], metric: str, lang: str) -> pd.DataFrame:
    """One row per year and unit of a map layer (views.map.layer_data): year, code, name, class_label
    (a class, "no data" or "ward"), value_text."""
    labels = class_labels(breaks, metric, lang)
    no_data, ward = t("map.no_data", lang), t("map.legend.ward", lang)
    rows = []
    for year, entries in layer["data"].items():
        for code, (cls, value_text, _detail, _members) in entries.items():
            if cls == -1:
                label = ward
            elif cls is None:
                label = no_data
            else:
                label = labels[min(cls, len(labels) - 1)]
            rows.append((int(year), code, layer["features"][code]["name"], label, value_text))
    return pd.DataFrame(rows, columns=["year", "code", "name", "class_label", "value_text"])


SHAPES_DATASET = "ntm_map_shapes"


def small_multiples_spec(
    shapes: gpd.GeoDataFrame,
    code_column: str,
    frame: pd.DataFrame,
    breaks: tuple[float, ...],
    metric: str,
    metric_label: str,
    lang: str,
    title: str,
    columns: int = 6,
    width: int = 135,
) -> dict:
    """One small map per year (`frame` from small_multiples_frame), the same classes in every year, as
    a Vega-Lite spec: the shapes are stored once (a named dataset, added to the spec after Altair
    built it, as walking their coordinates is most of Altair's time) and looked up by code, so
    eleven years cost one map's geometry."""
    domain = class_labels(breaks, metric, lang) + [t("map.no_data", lang)]
    colours = list(palette_for(breaks)) + [NO_DATA]
    if (frame["class_label"] == t("map.legend.ward", lang)).any():
        domain.append(t("map.legend.ward", lang))
        colours.append(WARD_FILL)
    chart = (
        alt.Chart(frame)
        .mark_geoshape(stroke="#777777", strokeWidth=0.3)
        .transform_lookup(
            lookup="code",
            from_=alt.LookupData(data=alt.NamedData(name=SHAPES_DATASET), key="properties.code"),
            as_="geo",
        )
        .encode(
            shape="geo:G",
            color=alt.Color(
                "class_label:N",
                title=metric_label,
                sort=domain,
                scale=alt.Scale(domain=domain, range=colours),
                legend=alt.Legend(orient="bottom", columns=3, labelLimit=340, titleLimit=500, symbolType="square"),
            ),
            tooltip=[
                alt.Tooltip("name:N", title=t("map.unit", lang)),
                alt.Tooltip("year:O", title=t("filter.year", lang)),
                alt.Tooltip("value_text:N", title=metric_label),
            ],
        )
        .project(type="mercator")
        .properties(width=width, height=int(width * 1.05))
        .facet(
            facet=alt.Facet("year:O", title=None, header=alt.Header(labelFontSize=13, labelFontWeight="bold")),
            columns=columns,
        )
        .properties(title=title)
    )
    spec = styled(chart, lang).to_dict()
    spec.setdefault("datasets", {})[SHAPES_DATASET] = shape_features(shapes, code_column)
    return spec


def shape_features(shapes: gpd.GeoDataFrame, code_column: str) -> list[dict]:
    """GeoJSON features with property `code`, exterior rings clockwise (as Vega's d3-geo reads them)."""
    oriented = shapely.orient_polygons(shapes.geometry.to_numpy(), exterior_cw=True)
    table = gpd.GeoDataFrame({"code": shapes[code_column].astype(str).to_numpy()}, geometry=oriented)
    return json.loads(table.to_json(drop_id=True))["features"]
