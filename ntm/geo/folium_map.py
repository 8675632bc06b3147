"""The interactive district choropleth (folium/Leaflet), built to run with no network: only the
app's own copy of Leaflet is loaded and no tile server is needed."""

import html
import json

import folium
import geopandas as gpd
import pandas as pd
from branca.element import MacroElement, Template

from ntm.charts.style import PALETTE_LEVELS
from ntm.dataset import LEVELS
from ntm.formatting import fmt_number
from ntm.geo.assets import LEAFLET_URL
from ntm.i18n import t
from ntm.views.map import NO_DATA, PALETTE, class_labels, colour_of, format_value

BASE_TILES = "OpenStreetMap"


class Legend(MacroElement):
    """A Leaflet control in the map's corner holding ready-made HTML."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: {{ this.position|tojson }}});
        {{ this.get_name() }}.onAdd = function () {
            var div = L.DomUtil.create('div', 'ntm-legend');
            div.innerHTML = {{ this.html|tojson }};
            return div;
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, html: str, position: str = "topright"):
        super().__init__()
        self._name = "Legend"
        self.html = html
        self.position = position


class Labels(MacroElement):
    """District names as non-interactive Leaflet div icons, added in one loop: a folium Marker
    each compiles its own templates, most of the build time of a map with hundreds of districts."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {{ this.labels|tojson }}.forEach(function (label) {
            L.marker([label[0], label[1]], {interactive: false, icon: L.divIcon({
                html: '<div class="ntm-label">' + label[2] + '</div>',
                iconSize: [110, 16], iconAnchor: [55, 8], className: 'ntm-label-icon'})
            }).addTo({{ this._parent.get_name() }});
        });
        {% endmacro %}
    """)

    def __init__(self, labels: list[tuple[float, float, str]]):
        super().__init__()
        self._name = "Labels"
        self.labels = [[lat, lon, html.escape(str(text))] for lat, lon, text in labels]


def offline_map(bounds: list[list[float]], base_tiles: bool = False, asset_url: str = LEAFLET_URL) -> folium.Map:
    """A map that loads Leaflet from the app's static folder and nothing else."""
    m = folium.Map(
        tiles=BASE_TILES if base_tiles else None, control_scale=True, zoom_snap=0.25, attribution_control=base_tiles
    )
    m.default_js = [("leaflet", f"{asset_url}/leaflet.js")]
    m.default_css = [("leaflet_css", f"{asset_url}/leaflet.css")]
    m.fit_bounds(bounds, padding=(8, 8))
    return m


def legend_html(metric_label: str, breaks: tuple[float, ...], metric: str, lang: str, approximate: bool) -> str:
    rows = "".join(
        f'<div><i style="background:{c}"></i>{label}</div>'
        for c, label in zip(PALETTE, class_labels(breaks, metric, lang))
    )
    rows += f'<div><i style="background:{NO_DATA}"></i>{t("map.no_data", lang)}</div>'
    note = f'<div class="ntm-note">{t("map.approximate", lang)}</div>' if approximate else ""
    style = (
        "<style>.ntm-legend{background:#fff;padding:6px 8px;font:12px sans-serif;border-radius:4px;"
        "box-shadow:0 0 4px rgba(0,0,0,.3);max-width:230px}.ntm-legend i{display:inline-block;width:14px;"
        "height:12px;margin-right:6px;border:1px solid #777;vertical-align:middle}"
        ".ntm-note{margin-top:4px;color:#555;font-size:11px}.ntm-label{font:600 11px sans-serif;color:#111;"
        "text-shadow:0 0 3px #fff,0 0 3px #fff;white-space:nowrap;text-align:center}</style>"
    )
    return f"{style}<b>{metric_label}</b>{rows}{note}"


def district_features(
    frame: gpd.GeoDataFrame,
    values: pd.DataFrame,
    names: dict[str, str],
    metric: str,
    breaks: tuple[float, ...],
    lang: str,
) -> dict:
    """GeoJSON of the districts with name, value text, the counts behind it and the fill colour."""
    table = frame[["district_code", "geometry"]].merge(values, on="district_code", how="left")
    unit = t("map.count.criteria" if metric == "avg_criteria" else "map.count.communes", lang)
    table["name"] = table["district_code"].map(names)
    table["value_text"] = [format_value(v, metric, lang) for v in table["value"]]
    table["detail"] = [
        t("map.detail", lang, count=fmt_number(c, 0, lang), communes=fmt_number(n, 0, lang), unit=unit)
        if pd.notna(n)
        else "–"
        for c, n in zip(table["count"], table["communes"])
    ]
    table["fill"] = [colour_of(v, breaks) for v in table["value"]]
    columns = ["district_code", "name", "value_text", "detail", "fill", "geometry"]
    return json.loads(gpd.GeoDataFrame(table[columns], geometry="geometry", crs=frame.crs).to_json(drop_id=True))


def commune_features(points: pd.DataFrame, lang: str) -> dict:
    """GeoJSON points of communes: name, level text, criteria met, colour by level."""
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(lon, 4), round(lat, 4)]},
            "properties": {
                "name": name,
                "level": t(f"level.{level}", lang),
                "criteria": int(met),
                "fill": PALETTE_LEVELS[level],
            },
        }
        for name, lat, lon, level, met in points[["name", "lat", "lon", "level", "criteria_met"]].itertuples(
            index=False
        )
    ]
    return {"type": "FeatureCollection", "features": features}


def choropleth(
    frame: gpd.GeoDataFrame,
    values: pd.DataFrame,
    names: dict[str, str],
    metric: str,
    metric_label: str,
    breaks: tuple[float, ...],
    lang: str,
    approximate: bool,
    communes: pd.DataFrame | None = None,
    base_tiles: bool = False,
    asset_url: str = LEAFLET_URL,
) -> folium.Map:
    minx, miny, maxx, maxy = frame.total_bounds
    m = offline_map([[miny, minx], [maxy, maxx]], base_tiles, asset_url)
    folium.GeoJson(
        district_features(frame, values, names, metric, breaks, lang),
        name="districts",
        style_function=lambda f: {
            "fillColor": f["properties"]["fill"],
            "color": "#444",
            "weight": 1,
            "fillOpacity": 0.85 if not base_tiles else 0.7,
        },
        highlight_function=lambda f: {"weight": 3, "color": "#000"},
        tooltip=folium.GeoJsonTooltip(
            ["name", "value_text", "detail"], aliases=[t("col.district", lang), metric_label, ""]
        ),
        className="ntm-district",
    ).add_to(m)
    Labels(
        [
            (round(point.y, 4), round(point.x, 4), names.get(code, code))
            for code, point in zip(frame["district_code"], frame.geometry.representative_point())
        ]
    ).add_to(m)
    if communes is not None and len(communes):
        folium.GeoJson(
            commune_features(communes, lang),
            name="communes",
            marker=folium.CircleMarker(radius=4, weight=1, color="#333", fill_opacity=0.9),
            style_function=lambda f: {"fillColor": f["properties"]["fill"]},
            tooltip=folium.GeoJsonTooltip(
                ["name", "level", "criteria"],
                aliases=[t("map.commune", lang), t("filter.level", lang), t("map.criteria_met", lang)],
            ),
            className="ntm-commune",
        ).add_to(m)
        levels = "".join(
            f'<div><i style="background:{PALETTE_LEVELS[lv]};border-radius:7px"></i>{t(f"level.{lv}", lang)}</div>'
            for lv in LEVELS
        )
        Legend(f"<b>{t('map.points', lang)}</b>{levels}", position="bottomleft").add_to(m)
    Legend(legend_html(metric_label, breaks, metric, lang, approximate)).add_to(m)
    return m
