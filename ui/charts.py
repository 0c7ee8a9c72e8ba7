"""Altair chart helpers shared by the pages: one look, projector-sized in presenter mode."""

from __future__ import annotations

import threading

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from ui.frame import PRESENTER_KEY


def presenter() -> bool:
    return bool(st.session_state.get(PRESENTER_KEY))


def height(base: int = 260) -> int:
    return int(base * 1.5) if presenter() else base


def _config(big: bool) -> dict:
    label, title = (18, 20) if big else (12, 13)
    return {
        "font": "sans-serif",
        "axis": {"labelFontSize": label, "titleFontSize": title, "gridOpacity": 0.5},
        "title": {"fontSize": 24 if big else 15, "anchor": "start", "offset": 8},
        "legend": {"labelFontSize": label, "titleFontSize": label, "orient": "bottom"},
        "range": {"category": {"scheme": "tableau10"}},
        "view": {"strokeWidth": 0},
    }


def _name_frame(data, datasets: dict) -> dict:
    """Altair data transformer: keep a DataFrame aside and put a reference to it in the spec."""
    name = f"data_{id(data)}"  # layers that share a frame share one dataset
    datasets[name] = data
    return {"name": name}


alt.data_transformers.register("named_frames", _name_frame)
# Altair's data transformer is process-wide state; sessions render charts in parallel threads.
_altair_lock = threading.Lock()


def show(chart: alt.TopLevelMixin, container=st, key: str | None = None, on_select="ignore", width: str = "stretch"):
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
    `.selection[<param name>]` lists the selected points' fields.
    """
    datasets: dict = {}
    with _altair_lock, alt.data_transformers.enable("named_frames", datasets=datasets):
        spec = chart.to_dict(validate=False)
    spec["datasets"] = datasets
    spec["config"] = _config(presenter())
    if width == "content":  # the plot keeps its own size; title, axes and legend are added around it
        spec.setdefault("autosize", {"type": "pad", "contains": "padding"})
    return container.vega_lite_chart(spec, width=width, theme=None, key=key, on_select=on_select)


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


def heatmap(grid_x: np.ndarray, grid_y: np.ndarray, values: np.ndarray, title: str,
            x_title: str, y_title: str, value_title: str, base_height: int = 380) -> alt.Chart:
    """values[i, j] at (grid_x[j], grid_y[i]), drawn as cells."""
    xx, yy = np.meshgrid(grid_x, grid_y)
    data = pd.DataFrame({"x": xx.ravel(), "y": yy.ravel(), "v": values.ravel()})
    step_x = float(grid_x[1] - grid_x[0])
    step_y = float(grid_y[1] - grid_y[0])
    data["x2"], data["y2"] = data.x + step_x, data.y + step_y
    return alt.Chart(data, title=title, height=height(base_height)).mark_rect().encode(
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
