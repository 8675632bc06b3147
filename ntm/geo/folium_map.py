"""The interactive map (folium/Leaflet), built to run with no network: only the app's own copy of
Leaflet is loaded and no tile server is needed.

The map comes in two parts, so that a change of year, measure, level or districts does not reload
it (the user's zoom and pan stay):

- `base_map`: the Leaflet map and the `window.ntm` script that draws a layer, its tooltips, the
  legend and the play control. Its script depends only on the language, the province's extent and
  the base-tiles switch, so streamlit-folium keeps the same map in the page.
- `layer_group(payload)`: a folium FeatureGroup whose script hands the payload (`layer_payload`: the
  shapes, every year's classes and texts, labels, points, legend, outlines, where to zoom) to
  `ntm.load`; the page passes it to st_folium as `feature_group_to_add`, which runs it in the map
  already on screen.

Every year's colours are in the payload: the play control steps through the years in the browser
without asking the server. `standalone_html` joins both parts into one page (benchmark, tests).
"""

import html
import json
from pathlib import Path

import folium
import geopandas as gpd
from branca.element import Element, MacroElement, Template

from ntm.charts.style import PALETTE_LEVELS
from ntm.dataset import LEVELS
from ntm.geo.assets import LEAFLET_URL
from ntm.i18n import t
from ntm.views.map import NO_DATA, class_labels, palette_for

BASE_TILES = "OpenStreetMap"
COMMUNE_LABEL_ZOOM = 10  # commune names show from this zoom on (the province fits at about 8.5)
HATCH_CSS = "repeating-linear-gradient(45deg,#f4f4f4 0 3px,#9a9a9a 3px 4.5px)"  # the wards' pattern, in the legend

HERE = Path(__file__).parent
SCRIPT = (HERE / "ntm_map.js").read_text(encoding="utf-8")
STYLE = "<style>\n" + (HERE / "ntm_map.css").read_text(encoding="utf-8") + "</style>"


class Text(Element):
    """Text put in the page as it is. branca's `MacroElement.render` wraps what each macro renders in
    an `Element`, which compiles it as a Jinja template: the payload (100-300 kB) and the map's
    script were lexed and compiled on every run (streamlit-folium renders the map twice a run)."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text[:-1] if text.endswith("\n") else text  # as Jinja's Template would (one newline)

    def render(self, **kwargs) -> str:
        return self.text


def render_script(element: MacroElement, kwargs: dict) -> None:
    """`MacroElement.render` for an element with only a `script` macro and no children, without
    compiling the script again (`Text`)."""
    script = element._template.module.__dict__["script"]
    element.get_root().script.add_child(Text(script(element, kwargs)), name=element.get_name())


class NtmScript(MacroElement):
    """`window.ntm` for the map: `ntm.load(payload)` draws a layer (replacing the previous one),
    `ntm.show(year)` recolours it for another year, and two controls: the legend (a <details> box,
    closed on narrow maps) and the play control (a button and a year slider)."""

    _template = Template("{% macro script(this, kwargs) %}\n" + SCRIPT + "\n{% endmacro %}")

    def __init__(self, lang: str):
        super().__init__()
        self._name = "NtmScript"
        self.texts = {
            "play": t("map.play", lang),
            "pause": t("map.pause", lang),
            "year": t("map.play.year", lang),
            "legend": t("map.legend.title", lang),
            "interval": 1100,
            "legendWidth": 520,
        }

    def render(self, **kwargs):
        self.get_root().header.add_child(Text(STYLE), name="ntm_style")
        render_script(self, kwargs)


class LayerPayload(MacroElement):
    """The script that hands a payload (JSON text) to `ntm.load` in the map already on screen."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        window.ntm.load({{ this.payload }});
        {% endmacro %}
    """)

    def __init__(self, payload: str):
        super().__init__()
        self._name = "LayerPayload"
        self.payload = payload.replace("</", "<\\/")  # the JSON inside a <script> of the standalone page

    def render(self, **kwargs):
        render_script(self, kwargs)


def base_map(
    bounds: list[list[float]], lang: str, base_tiles: bool = False, asset_url: str = LEAFLET_URL
) -> folium.Map:
    """A map that loads Leaflet from the app's static folder and nothing else, centred on `bounds`
    ([[south, west], [north, east]]) at a fixed zoom (the layer then fits the map to the frame once
    the frame has a size), with the `ntm` script."""
    (south, west), (north, east) = bounds
    m = folium.Map(
        location=[round((south + north) / 2, 4), round((west + east) / 2, 4)],
        zoom_start=8,
        tiles=BASE_TILES if base_tiles else None,
        control_scale=True,
        zoom_snap=0.25,
        attribution_control=base_tiles,
    )
    m.default_js = [("leaflet", f"{asset_url}/leaflet.js")]
    m.default_css = [("leaflet_css", f"{asset_url}/leaflet.css")]
    NtmScript(lang).add_to(m)
    return m


def layer_group(payload: str) -> folium.FeatureGroup:
    """The FeatureGroup carrying a layer payload (st_folium's `feature_group_to_add`)."""
    group = folium.FeatureGroup(name="ntm", control=False)
    group.add_child(LayerPayload(payload))
    return group


def standalone_html(fmap: folium.Map, payload: str) -> str:
    """The map and its layer as one HTML page: what the browser receives, in one file."""
    layer_group(payload).add_to(fmap)
    return fmap.get_root().render()


# --- the payload -------------------------------------------------------------------------------------


def _geojson(frame: gpd.GeoDataFrame, code_column: str) -> str:
    """A compact GeoJSON of the shapes, each with its code as property `c`."""
    table = gpd.GeoDataFrame({"c": frame[code_column].astype(str).to_numpy()}, geometry=frame.geometry.values)
    return table.to_json(drop_id=True, separators=(",", ":"))


def label_points(frame: gpd.GeoDataFrame, code_column: str, names: dict[str, str]) -> list[list]:
    """[lat, lon, name] inside each shape (its representative point)."""
    return [
        [round(point.y, 4), round(point.x, 4), names.get(code, code)]
        for code, point in zip(frame[code_column].astype(str), frame.geometry.representative_point())
    ]


def bounds_of(frame: gpd.GeoDataFrame) -> list[list[float]] | None:
    """[[south, west], [north, east]] of the shapes, None when there are none."""
    if frame is None or frame.empty or frame.geometry.is_empty.all():
        return None
    minx, miny, maxx, maxy = frame.total_bounds
    return [[round(float(miny), 4), round(float(minx), 4)], [round(float(maxy), 4), round(float(maxx), 4)]]


def legend_html(
    metric_label: str,
    breaks: tuple[float, ...],
    metric: str,
    lang: str,
    *,
    wards: bool = False,
    unreported: bool = False,
    chosen: bool = False,
    points: bool = False,
    note: str = "",
    levels: tuple[str, ...] | None = None,
) -> str:
    """The legend's rows: the measure's classes and "no data" ("not reported yet, or no data" when a
    unit has not reported: `unreported`), the wards' pattern (new communes),
    the chosen districts' outline, the communes' levels (points: `levels`, every level when None) and
    a note in plain words."""
    rows = "".join(
        f'<div><i style="background:{c}"></i>{html.escape(label)}</div>'
        for c, label in zip(palette_for(breaks), class_labels(breaks, metric, lang))
    )
    grey = t("map.legend.not_reported" if unreported else "map.no_data", lang)  # some unit has not reported
    rows += f'<div><i style="background:{NO_DATA}"></i>{html.escape(grey)}</div>'
    if wards:
        rows += f'<div><i style="background:{HATCH_CSS}"></i>{html.escape(t("map.legend.ward", lang))}</div>'
    if chosen:
        rows += f'<div><i class="ntm-line"></i>{html.escape(t("map.legend.selected", lang))}</div>'
    if points:
        rows += f"<div style='margin-top:4px'><b>{html.escape(t('map.points', lang))}</b></div>"
        for lv in levels or LEVELS:
            name = html.escape(t(f"level.{lv}", lang))
            rows += f'<div><i class="ntm-dot" style="background:{PALETTE_LEVELS[lv]}"></i>{name}</div>'
    note_html = f'<div class="ntm-note">{html.escape(note)}</div>' if note else ""
    return f"<b>{html.escape(metric_label)}</b>{rows}{note_html}"


def points_payload(points_by_year: dict[int, "object"], lang: str) -> dict:
    """The communes' points for every year: items [lat, lon, name], and per year one level digit
    per point ("." when the commune has no row that year) and the criteria met.
    `points_by_year` maps a year to a frame with commune_code, name, lat, lon, level, criteria_met."""
    items: dict[str, list] = {}
    for frame in points_by_year.values():
        for code, name, lat, lon in frame[["commune_code", "name", "lat", "lon"]].itertuples(index=False):
            key = f"{code}|{round(lat, 4)}|{round(lon, 4)}"
            items.setdefault(key, [round(float(lat), 4), round(float(lon), 4), str(name)])
    order = {key: i for i, key in enumerate(items)}
    rank = {level: str(i) for i, level in enumerate(LEVELS)}
    levels, criteria = {}, {}
    for year, frame in points_by_year.items():
        codes = ["."] * len(order)
        met: list = [None] * len(order)
        for code, lat, lon, level, count in frame[["commune_code", "lat", "lon", "level", "criteria_met"]].itertuples(
            index=False
        ):
            i = order[f"{code}|{round(lat, 4)}|{round(lon, 4)}"]
            codes[i], met[i] = rank[level], int(count)
        levels[str(year)], criteria[str(year)] = "".join(codes), met
    return {
        "items": list(items.values()),
        "levels": levels,
        "criteria": criteria,
        "colours": [PALETTE_LEVELS[lv] for lv in LEVELS],
        "levelNames": [t(f"level.{lv}", lang) for lv in LEVELS],
    }


def layer_payload(
    layer: dict,
    shapes: gpd.GeoDataFrame,
    code_column: str,
    metric_label: str,
    breaks: tuple[float, ...],
    metric: str,
    lang: str,
    year: int,
    *,
    labels: list[list] | None = None,
    label_zoom: int | None = None,
    borders: gpd.GeoDataFrame | None = None,
    outline: gpd.GeoDataFrame | None = None,
    chosen_codes: list[str] = (),
    focus: list[list[float]] | None = None,
    fit_key: str = "",
    selected: str | None = None,
    points: dict | None = None,
    note: str = "",
    base_tiles: bool = False,
    levels: tuple[str, ...] | None = None,
) -> str:
    """The JSON text `ntm.load` takes: `layer` (views.map.layer_data) with the shapes, the year shown,
    the colours, the legend, outlines (`borders`: thin lines, e.g. former districts over the
    communes; `outline`: the chosen districts), the units to emphasise (`chosen_codes`), the clicked
    unit (`selected`), where to zoom (`focus`, again only when `fit_key` changes) and the points.
    Two parts joined (`with_selection`): the year's layer (`year_payload`, the big part, the same for
    any districts) and the selection's (`selection_payload`, small)."""
    return with_selection(
        year_payload(
            layer,
            shapes,
            code_column,
            metric_label,
            breaks,
            lang,
            year,
            labels=labels,
            label_zoom=label_zoom,
            borders=borders,
            points=points,
            base_tiles=base_tiles,
        ),
        selection_payload(
            layer,
            metric_label,
            breaks,
            metric,
            lang,
            outline=outline,
            chosen_codes=chosen_codes,
            focus=focus,
            fit_key=fit_key,
            selected=selected,
            points=points is not None,
            note=note,
            levels=levels,
        ),
    )


def year_payload(
    layer: dict,
    shapes: gpd.GeoDataFrame,
    code_column: str,
    metric_label: str,
    breaks: tuple[float, ...],
    lang: str,
    year: int,
    *,
    labels: list[list] | None = None,
    label_zoom: int | None = None,
    borders: gpd.GeoDataFrame | None = None,
    points: dict | None = None,
    base_tiles: bool = False,
) -> str:
    """The part of `layer_payload` that does not depend on the chosen districts or the clicked unit:
    the shapes, every year's classes and texts, colours, labels, former-district lines and points."""
    body = {
        "level": layer["level"],
        "years": layer["years"],
        "year": int(year),
        "features": layer["features"],
        "data": layer["data"],
        "text": {**layer["text"], "nodata": t("map.no_data", lang)},
        "label": metric_label,
        "colours": list(palette_for(breaks)),
        "noData": NO_DATA,
        "opacity": 0.7 if base_tiles else 0.85,
        "labels": labels or [],
        "labelZoom": label_zoom,
        "points": points,
    }
    parts = [f'"shapes":{_geojson(shapes, code_column)}']
    if borders is not None and not borders.empty:
        parts.append(f'"borders":{_geojson(borders, "district_code")}')
    rest = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    return "{" + ",".join(parts) + "," + rest[1:]


def selection_payload(
    layer: dict,
    metric_label: str,
    breaks: tuple[float, ...],
    metric: str,
    lang: str,
    *,
    outline: gpd.GeoDataFrame | None = None,
    chosen_codes: list[str] = (),
    focus: list[list[float]] | None = None,
    fit_key: str = "",
    selected: str | None = None,
    points: bool = False,
    note: str = "",
    levels: tuple[str, ...] | None = None,
) -> str:
    """The part of `layer_payload` for the chosen districts and the clicked unit: their outline,
    codes, where to zoom, and the legend (which names the outline only when there is one)."""
    wards = any(info.get("ward") for info in layer["features"].values())
    body = {
        "legend": legend_html(
            metric_label,
            breaks,
            metric,
            lang,
            wards=wards,
            unreported=bool(layer.get("unreported")),
            chosen=bool(len(chosen_codes)) and outline is not None,
            points=points,
            note=note,
            levels=levels,
        ),
        "chosenCodes": list(chosen_codes),
        "selected": selected,
        "focus": focus,
        "fitKey": fit_key,
    }
    rest = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    if outline is not None and not outline.empty:
        return "{" + f'"outline":{_geojson(outline, "district_code")},' + rest[1:]
    return rest


def with_selection(year_part: str, selection_part: str) -> str:
    """One JSON object of the two parts' members (their keys are distinct)."""
    return year_part[:-1] + "," + selection_part[1:]
