"""The GAN lab's pictures: the layered plane (D's field, real and generated samples, the pushes on
the generated samples, the generator's manifold) and the figures over iterations."""

from __future__ import annotations

import math

import altair as alt
import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

from core import gan_lab, toy_data
from ui import charts
from ui.i18n import t

LAYERS = ("field", "real", "generated", "push", "manifold")
REAL_COLOR, GENERATED_COLOR = "#1b7837", "#762a83"  # the ends of the field's purple–green scale, darker
PUSH_COLOR, MESH_COLOR = "#e66101", "#555555"
SHOWN = 500  # samples drawn of each kind: enough to see the modes, few enough to redraw twice a second
ARROW_SHARE = 0.06  # the longest arrow is this share of the plane's side
ARROWS_DRAWN = 120  # of the gan_lab.ARROWS computed: enough to see the flow, few enough to see the points
SIDE = {False: 380, True: 340}  # px, square; on the projector it fits under the timeline with its legends
PAIR_SIDE = {False: 320, True: 300}  # two planes side by side
CLICK = "plane_click"  # the selection parameter of the clickable plane
CLICK_CELLS = 41  # per axis, over the blobs' plane


def _table(**columns) -> pa.Table:
    """A chart's data as an Arrow table: Streamlit sends it as is, where a DataFrame costs about
    1.5 ms to convert (30 times as much), and the plane is redrawn by every viewer twice a second.
    Numbers as float32; a column of labels as (codes, labels) becomes a dictionary column."""
    arrays = {}
    for name, values in columns.items():
        if isinstance(values, tuple):
            codes, labels = values
            arrays[name] = pa.DictionaryArray.from_arrays(pa.array(np.asarray(codes, np.int8)), pa.array(labels))
        else:
            values = np.asarray(values)
            arrays[name] = values.astype(np.float32) if values.dtype.kind == "f" else values
    return pa.table(arrays)


def plane(view: gan_lab.View, real: np.ndarray, limits: tuple, loss: str, shown: set[str], title: str,
          side: dict = SIDE) -> dict:
    """The layers in `shown`, bottom to top: field, manifold, real and generated samples, pushes, as a
    Vega-Lite spec (charts.show_spec): every viewer's lab redraws it twice a second while playing."""
    (x0, x1), (y0, y1) = limits
    px = side[charts.presenter()]
    x = {"field": "x", "type": "quantitative", "title": "x₁", "scale": {"domain": [x0, x1], "nice": False}}
    y = {"field": "y", "type": "quantitative", "title": "x₂", "scale": {"domain": [y0, y1], "nice": False}}
    layers, datasets = [], {}
    if "field" in shown:
        datasets["field"] = _field_cells(view.field, limits)
        layers.append(_field_layer(loss, x, y, view.field))
    if "manifold" in shown:
        datasets["mesh"] = _mesh_lines(view.mesh)
        layers.append({"data": {"name": "mesh"}, "mark": {"type": "line", "color": MESH_COLOR, "strokeWidth": 0.8,
                                                          "opacity": 0.6, "clip": True},
                       "encoding": {"x": x, "y": y, "detail": {"field": "line", "type": "nominal"},
                                    "order": {"field": "order", "type": "quantitative"}}})
    kinds = [(name, points) for name, points in (("real", real), ("generated", view.samples)) if name in shown]
    if kinds:
        labels = {name: t(f"gan_lab.layer.{name}") for name in ("real", "generated")}
        stacked = np.concatenate([points[:SHOWN] for _, points in kinds])
        codes = np.concatenate([np.full(len(points[:SHOWN]), code) for code, (_, points) in enumerate(kinds)])
        datasets["points"] = _table(x=stacked[:, 0], y=stacked[:, 1], kind=(codes, [labels[name] for name, _ in kinds]))
        color = {"field": "kind", "type": "nominal", "legend": None,  # named in the caption
                 "scale": {"domain": list(labels.values()), "range": [REAL_COLOR, GENERATED_COLOR]}}
        layers.append({"data": {"name": "points"}, "mark": {"type": "circle", "size": charts.height(18), "opacity": 0.85,
                                                            "stroke": "white", "strokeWidth": 0.5, "clip": True},
                       "encoding": {"x": x, "y": y, "color": color}})
    if "push" in shown:
        datasets["push"] = _arrows(view.samples, view.push, x1 - x0)
        layers.append({"data": {"name": "push"}, "mark": {"type": "rule", "color": PUSH_COLOR, "strokeWidth": 1.2,
                                                          "opacity": 0.8, "clip": True},
                       "encoding": {"x": x, "y": y, "x2": {"field": "x2"}, "y2": {"field": "y2"}}})
    if not layers:  # every layer switched off: keep the axes
        datasets["corner"] = _table(x=np.array([x0]), y=np.array([y0]))
        layers.append({"data": {"name": "corner"}, "mark": {"type": "point", "opacity": 0},
                       "encoding": {"x": x, "y": y}})
    return {"$schema": "https://vega.github.io/schema/vega-lite/v6.json", "title": title, "width": px, "height": px,
            "layer": layers, "resolve": {"scale": {"color": "independent"}}, "datasets": datasets}


def _field_cells(field: np.ndarray, limits: tuple) -> pa.Table:
    (x0, x1), (y0, y1) = limits
    cells = field.shape[0]
    xs, ys = np.linspace(x0, x1, cells + 1), np.linspace(y0, y1, cells + 1)
    left, bottom = np.meshgrid(xs[:-1], ys[:-1])
    return _table(x=left.ravel(), y=bottom.ravel(), x2=(left + xs[1] - xs[0]).ravel(), y2=(bottom + ys[1] - ys[0]).ravel(),
                  v=field.ravel())


def _field_layer(loss: str, x: dict, y: dict, field: np.ndarray) -> dict:
    if loss in gan_lab.PROBABILITY_LOSSES or loss == "least_squares":
        scale = {"scheme": "purplegreen", "domain": [0, 1], "clamp": True}
    else:  # the critic's scale is its own; centred, so the middle colour is "undecided"
        middle = float(np.median(field))
        reach = float(np.abs(field - middle).max()) or 1.0
        scale = {"scheme": "purplegreen", "domain": [middle - reach, middle + reach]}
    kind = field_kind(loss)
    legend = {"orient": "bottom", "direction": "horizontal", "title": t(f"gan_lab.field_legend.{kind}"), "gradientLength": 120}
    return {"data": {"name": "field"}, "mark": {"type": "rect", "opacity": 0.8},
            "encoding": {"x": x, "x2": {"field": "x2"}, "y": y, "y2": {"field": "y2"},
                         "color": {"field": "v", "type": "quantitative", "scale": scale, "legend": legend},
                         "tooltip": [{"field": "v", "type": "quantitative", "title": t(f"gan_lab.field_tooltip.{kind}"),
                                      "format": ".3f"}]}}


def field_kind(loss: str) -> str:
    return "probability" if loss in gan_lab.PROBABILITY_LOSSES else "least_squares" if loss == "least_squares" else "critic"


def _mesh_lines(mesh: np.ndarray) -> pa.Table:
    """The generator's image of the noise grid as lines: its rows and (for a 2-D grid) its columns."""
    lines, points = mesh.shape[:2]
    parts = [(mesh.reshape(-1, 2), np.repeat(np.arange(lines), points), np.tile(np.arange(points), lines))]
    if lines > 1:
        columns = mesh.transpose(1, 0, 2)
        parts.append((columns.reshape(-1, 2), lines + np.repeat(np.arange(points), lines), np.tile(np.arange(lines), points)))
    xy, line, order = (np.concatenate(values) for values in zip(*parts, strict=True))
    return _table(x=xy[:, 0], y=xy[:, 1], line=line.astype(np.int16), order=order.astype(np.int16))


def _arrows(samples: np.ndarray, push: np.ndarray, width: float) -> pa.Table:
    """−∇ₓ of G's loss at the first samples, scaled together so the longest is ARROW_SHARE of the plane."""
    n = min(len(push), ARROWS_DRAWN)
    longest = float(np.linalg.norm(push[:n], axis=1).max()) if n else 0.0
    scale = ARROW_SHARE * width / longest if longest > 0 else 0.0
    start, end = samples[:n], samples[:n] + scale * push[:n]
    return _table(x=start[:, 0], y=start[:, 1], x2=end[:, 0], y2=end[:, 1])


def history_columns(rows: list[dict]) -> dict[str, np.ndarray]:
    """Rows of figures (gan_lab.View.figures) as columns; a figure some rows lack is left out."""
    keys = [key for key in rows[0] if all(key in row for row in rows)] if rows else ["iteration"]
    return {key: np.array([row[key] for row in rows], np.float64) for key in keys}


def figures_chart(history: dict[str, np.ndarray], series: dict[str, str], title: str, y_title: str,
                  base_height: int = 200, y_domain: list | None = None, percent: bool = False) -> dict:
    """Columns of `history` ({column: label}) over iterations, one line each, as a Vega-Lite spec."""
    present = [column for column in series if column in history]
    iterations = history["iteration"]
    long = _table(iteration=np.tile(iterations, len(present)).astype(np.int64),  # long format
                  value=np.concatenate([history[column] for column in present]) if present else np.zeros(0),
                  series=(np.repeat(np.arange(len(present)), len(iterations)), [series[column] for column in present]))
    scale = {"domain": y_domain} if y_domain else {"zero": False}
    iteration = {"field": "iteration", "type": "quantitative", "title": t("gan_lab.iteration_axis"),
                 "axis": {"format": ",d", "tickMinStep": 1}}
    value = {"field": "value", "type": "quantitative", "title": y_title, "scale": scale,
             "axis": {"format": "%"} if percent else {}}
    return {"$schema": "https://vega.github.io/schema/vega-lite/v6.json", "title": title,
            "height": charts.height(base_height), "data": {"name": "history"},
            "mark": {"type": "line", "point": len(iterations) < 3},
            "encoding": {"x": iteration, "y": value,
                         # one label per line: three of these charts share a row on the projector
                         "color": {"field": "series", "type": "nominal", "title": None,
                                   "scale": {"domain": [series[c] for c in present]}, "legend": {"columns": 1}},
                         "tooltip": [{"field": "iteration", "type": "quantitative", "title": iteration["title"],
                                      "format": ","},
                                     {"field": "value", "type": "quantitative", "title": y_title,
                                      "format": ".1%" if percent else ".3f"},
                                     {"field": "series", "type": "nominal", "title": " "}]},
            "datasets": {"history": long}}


def show_clickable(spec: dict, key: str, on_point) -> None:
    """The plane over the blobs' square with nearly invisible click cells on top: a click calls
    `on_point((x, y))` with the clicked cell's centre. A new `key` per blob count lets the same cell
    be clicked again."""
    limit = toy_data.BLOB_LIMIT
    centres = np.linspace(-limit, limit, CLICK_CELLS)
    half = limit / (CLICK_CELLS - 1)
    xx, yy = np.meshgrid(centres, centres)
    cx, cy = xx.ravel(), yy.ravel()
    spec["datasets"]["cells"] = _table(cx=cx, cy=cy, x=cx - half, x2=cx + half, y=cy - half, y2=cy + half)
    spec["layer"].append({
        "data": {"name": "cells"}, "mark": {"type": "rect", "opacity": 0.004, "color": "#000000", "cursor": "crosshair"},
        "params": [{"name": CLICK, "select": {"type": "point", "fields": ["cx", "cy"], "on": "click", "toggle": False,
                                              "clear": False}}],
        "encoding": {"x": {"field": "x", "type": "quantitative"}, "x2": {"field": "x2"},
                     "y": {"field": "y", "type": "quantitative"}, "y2": {"field": "y2"}}})

    def take_click():
        for point in reversed(st.session_state[key].get("selection", {}).get(CLICK) or []):
            values = [point.get("cx"), point.get("cy")] if isinstance(point, dict) else []
            if len(values) == 2 and all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
                                        and abs(v) <= limit for v in values):
                on_point((float(values[0]), float(values[1])))
                return

    charts.show_spec(spec, key=key, on_select=take_click, width="content", export=False)


def figure_row(view: gan_lab.View, data: toy_data.Mixture) -> None:
    """The view's numbers as metrics: PacGAN's three (with modes), GAN Lab's two."""
    if view.modes is not None:
        modes, quality, reverse = st.columns(3)
        modes.metric(t("gan_lab.metric.modes"), f"{view.modes.modes} / {len(data.centres)}",
                     help=t("gan_lab.metric.modes_help"))
        quality.metric(t("gan_lab.metric.high_quality"), f"{view.modes.high_quality:.0%}",
                       help=t("gan_lab.metric.high_quality_help"))
        shown = "—" if math.isnan(view.modes.reverse_kl) else f"{view.modes.reverse_kl:.2f}"
        reverse.metric(t("gan_lab.metric.reverse_kl"), shown, help=t("gan_lab.metric.reverse_kl_help"))
    kl, js = st.columns(2)
    kl.metric(t("gan_lab.metric.kl"), f"{view.divergence.kl:.2f}", help=t("gan_lab.metric.kl_help"))
    js.metric(t("gan_lab.metric.js"), f"{view.divergence.js:.3f}", help=t("gan_lab.metric.js_help"))


def modes_chart(history: dict[str, np.ndarray], modes: int) -> dict:
    """Recovered modes (as a share of all) and high-quality samples over iterations, on one 0–100 % axis."""
    shares = {**history, "mode_share": history["modes"] / modes} if "modes" in history else history
    return figures_chart(shares, {"mode_share": t("gan_lab.series.modes", modes=modes),
                                  "high_quality": t("gan_lab.series.high_quality")},
                         t("gan_lab.modes_chart"), t("gan_lab.share_axis"), y_domain=[0, 1], percent=True)


def run_chart(history: pd.DataFrame, column: str, title: str, y_title: str, colors: alt.Scale,
              percent: bool = False) -> alt.Chart:
    """One figure of two bundled runs over iterations (history: iteration, run, the figure)."""
    axis = alt.Axis(format="%") if percent else alt.Axis()
    return alt.Chart(history, title=title, height=charts.height(200)).mark_line().encode(
        x=alt.X("iteration:Q", title=t("gan_lab.iteration_axis")),
        y=alt.Y(f"{column}:Q", title=y_title, axis=axis, scale=alt.Scale(zero=True)),
        color=alt.Color("run:N", title=None, scale=colors),
        tooltip=[alt.Tooltip("iteration:Q", title=t("gan_lab.iteration_axis"), format=","),
                 alt.Tooltip(f"{column}:Q", title=y_title, format=".1%" if percent else ".3g"),
                 alt.Tooltip("run:N", title=" ")])
