"""Altair chart helpers shared by the pages: one look, projector-sized in presenter mode."""

from __future__ import annotations

import json
import threading

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from ui.frame import CHART_COUNT, PRESENTER_KEY


def presenter() -> bool:
    return bool(st.session_state.get(PRESENTER_KEY))


def height(base: int = 260) -> int:
    return int(base * 1.5) if presenter() else base


TITLE_SIZE = {False: 15, True: 22}  # px, normal and presenter mode
WIDE_CHARACTERS = 0x2E80  # from here on (CJK, Hangul) a character is about as wide as it is high


def _config(big: bool) -> dict:
    label, title = (18, 20) if big else (12, 13)
    return {
        "font": "sans-serif",
        "axis": {"labelFontSize": label, "titleFontSize": title, "gridOpacity": 0.5, "labelLimit": 0, "titleLimit": 0},
        "title": {"fontSize": TITLE_SIZE[big], "anchor": "start", "offset": 8, "limit": 0},
        # Legends never cut a label; a long one at the bottom wraps into columns instead.
        "legend": {"labelFontSize": label, "titleFontSize": label, "orient": "bottom", "labelLimit": 0,
                   "titleLimit": 0, "columns": 2 if big else 3},
        "range": {"category": {"scheme": "tableau10"}},
        "view": {"strokeWidth": 0},
    }


def _wrapping_title(title, big: bool):
    """The chart's title as a Vega expression that breaks it into lines that fit the chart's width.

    Vega draws a title on one line and cuts it with "…" when it is wider than the chart, and the
    width is known only in the browser (it follows the column and the window). So the break is made
    there: the `width` signal divided by an estimate of one character's width gives the line length.
    A title given as a list of lines keeps its breaks, and each line wraps on its own.
    """
    params = dict(title) if isinstance(title, dict) else {"text": title}
    text = params.get("text")
    lines = [text] if isinstance(text, str) else text
    if not lines or not all(isinstance(line, str) and line for line in lines):
        return title
    wrapped = ' + "\\n" + '.join(_wrapped_line(line, big) for line in lines)
    params["text"] = {"expr": f'split({wrapped}, "\\n")'}  # an array of lines is a multi-line title
    return params


def _wrapped_line(text: str, big: bool) -> str:
    """A Vega expression: `text` with a line break after as many characters as fit in `width`."""
    wide_share = sum(ord(character) >= WIDE_CHARACTERS for character in text) / len(text)
    character_width = TITLE_SIZE[big] * (0.56 + 0.44 * wide_share)
    line = f"max(12, floor(width / {character_width:.2f}))"
    return f'trim(replace({json.dumps(text)}, regexp("(.{{1," + {line} + "}})(\\\\s+|$)", "g"), "$1\\n"))'


def _plain_title(title) -> str:
    text = title.get("text", "") if isinstance(title, dict) else title
    return text if isinstance(text, str) else " ".join(text)


def _name_frame(data, datasets: dict) -> dict:
    """Altair data transformer: keep a DataFrame aside and put a reference to it in the spec."""
    name = f"data_{id(data)}"  # layers that share a frame share one dataset
    datasets[name] = data
    return {"name": name}


alt.data_transformers.register("named_frames", _name_frame)
# Altair's data transformer is process-wide state; sessions render charts in parallel threads.
_altair_lock = threading.Lock()


def show(chart: alt.TopLevelMixin, container=st, key: str | None = None, on_select="ignore", width: str = "stretch",
         export: bool = True):
    """Render at full width (or, width="content", at the chart's own size) with the app's look,
    larger on the projector.

    Build charts with channel objects (alt.X("x:Q")), not shorthand strings (x="x:Q"):
    Altair turns each string into an object through a slow schema lookup (~5 ms each).
    The spec is made without Altair's JSON-schema validation (the builders are fixed code,
    and the tests render every chart), and the DataFrames are not turned into JSON records:
    they go to Streamlit beside the spec, which sends them to the browser as Arrow. Both
    conversions took most of a NumPy page's rerun time.
    Streamlit's chart theme is off (theme=None): it fits titles, axes and legends inside the
    height and so squashes the plot, and its blue shades make two series hard to tell apart
    on a projector.
    With on_select="rerun" (or a callback) and a key, clicking a point reruns the page and the return value's
    `.selection[<param name>]` lists the selected points' fields. `export=False` for a chart redrawn in place
    (a placeholder holds one element: the chart, not its download button).
    """
    datasets: dict = {}
    with _altair_lock, alt.data_transformers.enable("named_frames", datasets=datasets):
        spec = chart.to_dict(validate=False)
    spec["datasets"] = datasets
    return show_spec(spec, container, key, on_select, width, export)


def show_spec(spec: dict, container=st, key: str | None = None, on_select="ignore", width: str = "stretch",
              export: bool = True):
    """`show` for a Vega-Lite spec built as a dict, its data (DataFrames or Arrow tables) in spec["datasets"].

    For charts redrawn many times a second by many viewers (the GAN lab's plane while it plays):
    Altair's layering deep-copies and validates the whole chart, about 40 ms for the plane, where
    the dict costs well under one.
    """
    spec["config"] = _config(presenter())
    for layer in spec.get("layer", []):  # a layer's title is the chart's title; up here it can wrap
        if "title" in layer and "title" not in spec:
            spec["title"] = layer.pop("title")
    if "title" in spec and not {"hconcat", "vconcat", "concat", "facet", "repeat"} & spec.keys():  # these have no `width`
        title = spec["title"]
        # The plain text stays readable (screen readers, tests) beside the wrapping expression.
        spec.setdefault("description", _plain_title(title))
        spec["title"] = _wrapping_title(title, presenter())
    if width == "content":  # the plot keeps its own size; title, axes and legend are added around it
        spec.setdefault("autosize", {"type": "pad", "contains": "padding"})
    drawn = container.vega_lite_chart(spec, width=width, theme=None, key=key, on_select=on_select)
    # Streamlit's chart toolbar saves a PNG; a button under the chart saves an SVG for slides and print.
    # Not on the projector, where the room needs the picture, not a row of buttons.
    if export and not presenter():
        number = st.session_state[CHART_COUNT] = st.session_state.get(CHART_COUNT, 0) + 1
        svg_download(spec, spec.get("description") or "chart", container=container, key=f"svg_{number}")
    return drawn


def lines(data: pd.DataFrame, x: str, y: str, series: str, title: str, x_title: str,
          y_title: str, colors: dict | None = None, base_height: int = 300) -> alt.Chart:
    """Lines from long-format data: one line per value of `series`."""
    color = alt.Color(f"{series}:N", title=None)
    if colors:
        color = alt.Color(f"{series}:N", title=None, scale=alt.Scale(domain=list(colors), range=list(colors.values())))
    return alt.Chart(data, title=title, height=height(base_height)).mark_line().encode(
        x=alt.X(f"{x}:Q", title=x_title), y=alt.Y(f"{y}:Q", title=y_title), color=color,
        tooltip=[alt.Tooltip(f"{x}:Q", title=x_title), alt.Tooltip(f"{y}:Q", title=y_title, format=".4f"),
                 alt.Tooltip(f"{series}:N", title=" ")])


HEATMAP_SIDE = {False: 300, True: 360}  # px; in presenter mode two still fit side by side at 1280×720


def heatmap(grid_x: np.ndarray, grid_y: np.ndarray, values: np.ndarray, title: str,
            x_title: str, y_title: str, value_title: str) -> alt.Chart:
    """values[i, j] at (grid_x[j], grid_y[i]), drawn as cells on a square plot of a fixed size
    (show it with width="content"): stretched to a column's width it would lose its aspect ratio."""
    side = HEATMAP_SIDE[presenter()]
    xx, yy = np.meshgrid(grid_x, grid_y)
    data = pd.DataFrame({"x": xx.ravel(), "y": yy.ravel(), "v": values.ravel()})
    step_x = float(grid_x[1] - grid_x[0])
    step_y = float(grid_y[1] - grid_y[0])
    data["x2"], data["y2"] = data.x + step_x, data.y + step_y
    return alt.Chart(data, title=title, width=side, height=side).mark_rect().encode(
        x=alt.X("x:Q", title=x_title, scale=alt.Scale(domain=[grid_x[0], grid_x[-1] + step_x], nice=False)),
        x2=alt.X2("x2"), y=alt.Y("y:Q", title=y_title, scale=alt.Scale(domain=[grid_y[0], grid_y[-1] + step_y], nice=False)),
        y2=alt.Y2("y2"), color=alt.Color("v:Q", title=value_title, scale=alt.Scale(scheme="viridis")),
        tooltip=[alt.Tooltip("x:Q", title=x_title, format=".2f"), alt.Tooltip("y:Q", title=y_title, format=".2f"),
                 alt.Tooltip("v:Q", title=value_title, format=".4f")])


def path(xs: np.ndarray, ys: np.ndarray, color: str = "white", max_points: int = 120) -> alt.LayerChart:
    """A descent path (line, start circle, end diamond) to lay over a heatmap or contour."""
    keep = np.unique(np.linspace(0, len(xs) - 1, min(len(xs), max_points)).round().astype(int))
    data = pd.DataFrame({"x": xs[keep], "y": ys[keep], "step": keep})
    data["end"] = np.where(data.step == 0, "start", np.where(data.step == keep[-1], "end", ""))
    x, y = alt.X("x:Q"), alt.Y("y:Q")  # channel objects: Altair parses "x:Q" strings slowly
    base = alt.Chart(data).encode(x=x, y=y)
    line = base.mark_line(color=color, strokeWidth=2).encode(order=alt.Order("step:Q"))
    ends = base.mark_point(color=color, size=140, filled=True, opacity=1).encode(
        shape=alt.Shape("end:N", scale=alt.Scale(domain=["start", "end"], range=["circle", "diamond"]), legend=None)
    ).transform_filter(alt.datum.end != "")
    return alt.layer(line, ends)


def epoch_x(title: str, field: str = "epoch") -> alt.X:
    """An x axis of whole epochs: ticks at integers only (no epoch 2.5), labelled without decimals."""
    return alt.X(f"{field}:Q", title=title, axis=alt.Axis(format="d", tickMinStep=1))


# --- SVG export -------------------------------------------------------------------------------
# Streamlit's chart toolbar downloads a PNG in the browser; a vector image for slides and print is
# made on the server by vl-convert (Vega and Vega-Lite compiled into the package, no browser and no
# network), only when the viewer clicks the button.
VEGA_LITE_VERSION = alt.SCHEMA_VERSION.lstrip("v").rsplit(".", 1)[0]  # Altair 6.3 writes Vega-Lite 6.4 specs


def _plain(value):
    """json.dumps fallback for what a spec built by show() holds besides JSON: the DataFrames under
    spec["datasets"] become records (NaN as null) and NumPy scalars and arrays plain numbers."""
    import json

    if isinstance(value, pd.DataFrame):
        return json.loads(value.to_json(orient="records", date_format="iso"))
    if isinstance(value, np.generic | np.ndarray):
        return value.tolist()
    raise TypeError(f"cannot put a {type(value).__name__} into a chart spec")


def to_svg(spec: dict, width: int = 640) -> str:
    """The SVG of a Vega-Lite spec as show() builds it (DataFrames under spec["datasets"]).

    A chart drawn at the column's width in the app has no width of its own; it gets `width` px
    here (Vega-Lite's default, 300 px, would squeeze it). Compound charts keep their own sizes.
    """
    import json

    import vl_convert  # about 1 s to load once; only a click on a download button needs it

    if "width" not in spec and not {"hconcat", "vconcat", "concat", "facet", "repeat"} & spec.keys():
        spec = {**spec, "width": width}
    return vl_convert.vegalite_to_svg(json.dumps(spec, default=_plain), vl_version=VEGA_LITE_VERSION)


def svg_file_name(name: str) -> str:
    """A file name from a chart's name or title: letters (any script), digits, - and _ kept."""
    import re

    stem = re.sub(r"[^\w-]+", "_", name).strip("_")[:80]
    return f"{stem or 'chart'}.svg"


def svg_download(spec: dict, name: str, container=st, key: str | None = None):
    """A small "SVG" download button for the chart of `spec`; the SVG is made only when clicked
    (Streamlit calls `data` then, on its own thread), and the click does not rerun the page.

    Streamlit tells buttons apart by label and file name: give a `key` when two charts of one page
    share a `name`, and draw the button once per script run for a chart that is redrawn in place
    (the live training charts are redrawn after every epoch of one run).
    """
    from ui.i18n import t

    return container.download_button(
        t("charts.svg"), data=lambda: to_svg(spec), file_name=svg_file_name(name), mime="image/svg+xml",
        key=key, help=t("charts.svg_help"), on_click="ignore", type="tertiary", icon=":material/download:")
