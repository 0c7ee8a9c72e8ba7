"""The GAN lab's pictures: the layered plane (D's field, real and generated samples, the pushes on
the generated samples, the generator's manifold) and the figures over iterations."""

from __future__ import annotations

import math

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core import gan_lab, toy_data
from core.models.gan import PROBABILITY_LOSSES
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


def plane(view: gan_lab.View, real: np.ndarray, limits: tuple, loss: str, shown: set[str], title: str,
          side: dict = SIDE) -> alt.LayerChart:
    """The layers in `shown`, bottom to top: field, manifold, real, generated, pushes."""
    (x0, x1), (y0, y1) = limits
    side = side[charts.presenter()]
    x = alt.X("x:Q", title="x₁", scale=alt.Scale(domain=[x0, x1], nice=False))
    y = alt.Y("y:Q", title="x₂", scale=alt.Scale(domain=[y0, y1], nice=False))
    layers = []
    if "field" in shown:
        layers.append(_field(view.field, limits, loss, x, y))
    if "manifold" in shown:
        layers.append(_mesh(view.mesh, x, y))
    points = []
    if "real" in shown:
        points.append(pd.DataFrame({"x": real[:SHOWN, 0], "y": real[:SHOWN, 1], "kind": t("gan_lab.layer.real")}))
    if "generated" in shown:
        points.append(pd.DataFrame({"x": view.samples[:SHOWN, 0], "y": view.samples[:SHOWN, 1],
                                    "kind": t("gan_lab.layer.generated")}))
    if points:
        kinds = alt.Scale(domain=[t("gan_lab.layer.real"), t("gan_lab.layer.generated")],
                          range=[REAL_COLOR, GENERATED_COLOR])
        layers.append(alt.Chart(pd.concat(points, ignore_index=True)).mark_circle(
            size=charts.height(18), opacity=0.85, stroke="white", strokeWidth=0.5, clip=True).encode(
            x=x, y=y, color=alt.Color("kind:N", title=None, scale=kinds, legend=None)))  # named in the caption
    if "push" in shown:
        layers.append(_arrows(view.samples, view.push, x1 - x0, x, y))
    if not layers:  # every layer switched off: keep the axes
        layers.append(alt.Chart(pd.DataFrame({"x": [x0], "y": [y0]})).mark_point(opacity=0).encode(x=x, y=y))
    return alt.layer(*layers, title=title).resolve_scale(
        color="independent").properties(width=side, height=side)


def _field(field: np.ndarray, limits: tuple, loss: str, x, y) -> alt.Chart:
    (x0, x1), (y0, y1) = limits
    cells = field.shape[0]
    xs, ys = np.linspace(x0, x1, cells + 1), np.linspace(y0, y1, cells + 1)
    left, bottom = np.meshgrid(xs[:-1], ys[:-1])
    right, top = np.meshgrid(xs[1:], ys[1:])
    data = pd.DataFrame({"x": left.ravel(), "y": bottom.ravel(), "x2": right.ravel(), "y2": top.ravel(),
                         "v": field.ravel().astype(np.float64)})
    if loss in PROBABILITY_LOSSES or loss == "least_squares":
        scale = alt.Scale(scheme="purplegreen", domain=[0, 1], clamp=True)
    else:  # the critic's scale is its own; centred, so the middle colour is "undecided"
        reach = float(np.abs(field - np.median(field)).max()) or 1.0
        middle = float(np.median(field))
        scale = alt.Scale(scheme="purplegreen", domain=[middle - reach, middle + reach])
    legend = alt.Legend(orient="bottom", direction="horizontal", title=t(f"gan_lab.field_legend.{field_kind(loss)}"),
                        gradientLength=120)
    return alt.Chart(data).mark_rect(opacity=0.8).encode(
        x=x, x2=alt.X2("x2"), y=y, y2=alt.Y2("y2"), color=alt.Color("v:Q", scale=scale, legend=legend),
        tooltip=[alt.Tooltip("v:Q", title=t(f"gan_lab.field_tooltip.{field_kind(loss)}"), format=".3f")])


def field_kind(loss: str) -> str:
    return "probability" if loss in PROBABILITY_LOSSES else "least_squares" if loss == "least_squares" else "critic"


def _mesh(mesh: np.ndarray, x, y) -> alt.Chart:
    """The generator's image of the noise grid: its rows and its columns as lines."""
    rows = [(f"r{i}", j, *mesh[i, j]) for i in range(mesh.shape[0]) for j in range(mesh.shape[1])]
    if mesh.shape[0] > 1:
        rows += [(f"c{j}", i, *mesh[i, j]) for j in range(mesh.shape[1]) for i in range(mesh.shape[0])]
    data = pd.DataFrame(rows, columns=["line", "order", "x", "y"])
    return alt.Chart(data).mark_line(color=MESH_COLOR, strokeWidth=0.8, opacity=0.6, clip=True).encode(
        x=x, y=y, detail=alt.Detail("line:N"), order=alt.Order("order:Q"))


def _arrows(samples: np.ndarray, push: np.ndarray, width: float, x, y) -> alt.Chart:
    """−∇ₓ of G's loss at the first samples, scaled together so the longest is ARROW_SHARE of the plane."""
    n = min(len(push), ARROWS_DRAWN)
    longest = float(np.linalg.norm(push[:n], axis=1).max()) if n else 0.0
    scale = ARROW_SHARE * width / longest if longest > 0 else 0.0
    start, end = samples[:n], samples[:n] + scale * push[:n]
    data = pd.DataFrame({"x": start[:, 0], "y": start[:, 1], "x2": end[:, 0], "y2": end[:, 1]})
    return alt.Chart(data).mark_rule(color=PUSH_COLOR, strokeWidth=1.2, opacity=0.8, clip=True).encode(
        x=x, y=y, x2=alt.X2("x2"), y2=alt.Y2("y2"))


def figures_chart(history: pd.DataFrame, series: dict[str, str], title: str, y_title: str,
                  base_height: int = 200, y_domain: list | None = None, percent: bool = False) -> alt.Chart:
    """Columns of `history` ({column: label}) over iterations, one line each."""
    present = [column for column in series if column in history]
    long = history.melt(id_vars="iteration", value_vars=present, var_name="series", value_name="value")
    long["series"] = long["series"].map(series)
    scale = alt.Scale(domain=y_domain) if y_domain else alt.Scale(zero=False)
    axis = alt.Axis(format="%") if percent else alt.Axis()
    return alt.Chart(long, title=title, height=charts.height(base_height)).mark_line(point=len(history) < 3).encode(
        x=alt.X("iteration:Q", title=t("gan_lab.iteration_axis")), y=alt.Y("value:Q", title=y_title, scale=scale, axis=axis),
        color=alt.Color("series:N", title=None, scale=alt.Scale(domain=[series[c] for c in present])),
        tooltip=[alt.Tooltip("iteration:Q", title=t("gan_lab.iteration_axis"), format=","),
                 alt.Tooltip("value:Q", title=y_title, format=".1%" if percent else ".3f"), alt.Tooltip("series:N", title=" ")])


def show_clickable(chart: alt.LayerChart, key: str, on_point) -> None:
    """The plane over the blobs' square with nearly invisible click cells on top: a click calls
    `on_point((x, y))` with the clicked cell's centre. A new `key` per blob count lets the same cell
    be clicked again."""
    limit = toy_data.BLOB_LIMIT
    centres = np.linspace(-limit, limit, CLICK_CELLS)
    half = limit / (CLICK_CELLS - 1)
    xx, yy = np.meshgrid(centres, centres)
    cells = pd.DataFrame({"cx": xx.ravel(), "cy": yy.ravel()})
    cells["x"], cells["x2"], cells["y"], cells["y2"] = cells.cx - half, cells.cx + half, cells.cy - half, cells.cy + half
    click = alt.selection_point(name=CLICK, fields=["cx", "cy"], on="click", toggle=False, clear=False)
    layer = alt.Chart(cells).mark_rect(opacity=0.004, color="#000000", cursor="crosshair").encode(
        x=alt.X("x:Q"), x2=alt.X2("x2"), y=alt.Y("y:Q"), y2=alt.Y2("y2")).add_params(click)

    def take_click():
        for point in reversed(st.session_state[key].get("selection", {}).get(CLICK) or []):
            values = [point.get("cx"), point.get("cy")] if isinstance(point, dict) else []
            if len(values) == 2 and all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
                                        and abs(v) <= limit for v in values):
                on_point((float(values[0]), float(values[1])))
                return

    charts.show(alt.layer(*chart.layer, layer, title=chart.title).resolve_scale(color="independent").properties(
        width=chart.width, height=chart.height), key=key, on_select=take_click, width="content", export=False)


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


def modes_chart(history: pd.DataFrame, modes: int) -> alt.Chart:
    """Recovered modes (as a share of all) and high-quality samples over iterations, on one 0–100 % axis."""
    shares = history.assign(mode_share=history["modes"] / modes) if "modes" in history else history
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
