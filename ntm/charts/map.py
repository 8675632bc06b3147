"""The district map as an Altair chart (Vega-Lite geoshapes): drawn in the browser with tooltips,
cheap to rebuild when the year changes, downloadable as PNG/SVG like every other chart."""

import altair as alt
import geopandas as gpd
import pandas as pd
import shapely

from ntm.charts.style import styled
from ntm.i18n import t
from ntm.views.map import NO_DATA, PALETTE, class_labels, class_of, format_value


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
                scale=alt.Scale(domain=domain, range=list(PALETTE) + [NO_DATA]),
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
