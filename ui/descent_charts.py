"""The charts of the gradient-descent page: the 1-D curve with its tangent, the loss surfaces with
descent paths, the histogram of batch-gradient cosines.

Typed channels (alt.X("x:Q")) and few, flat layers: Altair's cost grows with every layer and bare
shorthand string, and a rerun of the page (or a frame of its player) has to stay near 100 ms.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core.analytic import descent
from core.data import toy_regression
from ui import charts
from ui.i18n import t

ACCENT = "#ff7f0e"  # the trusted band and the mini-batch path
LOSSES = {"bowl": descent.bowl_loss, "regression": lambda p: descent.regression_loss(p, *toy_regression())}


def curve(shown: descent.TaylorView, run: descent.Run, count: int) -> alt.LayerChart:
    """The loss, the tangent at the inspected step, its trusted band, the first `count` iterates and
    the predicted and actual next loss."""
    taylor = shown.taylor
    x_axis = alt.X("θ:Q", scale=alt.Scale(domain=[shown.grid[0], shown.grid[-1]], nice=False), title="θ")
    y_axis = alt.Y("L:Q", scale=alt.Scale(domain=[shown.curve.min() - 0.3, shown.curve.max()], nice=False),
                   title=t("gradient_descent.loss"))
    names = {key: t(f"gradient_descent.series.{key}") for key in ("loss", "tangent", "iterates", "predicted", "actual")}
    color = alt.Color("series:N", title=None, legend=alt.Legend(orient="bottom"), scale=alt.Scale(
        domain=list(names.values()), range=["#7f7f7f", "#1f77b4", "black", "#2ca02c", "#d62728"]))
    lines = pd.DataFrame({"θ": np.tile(shown.grid, 2), "L": np.concatenate([shown.curve, shown.tangent]),
                          "series": np.repeat([names["loss"], names["tangent"]], len(shown.grid))})
    points = pd.DataFrame({"θ": [*run.path[:count, 0], *[taylor.theta + taylor.step] * 2],
                           "L": [*run.losses[:count], taylor.predicted, taylor.actual],
                           "step": [*range(count), *[shown.step_index + 1] * 2],
                           "series": [names["iterates"]] * count + [names["predicted"], names["actual"]]})
    band = alt.Chart(pd.DataFrame({"θ": [shown.band[0]], "to": [shown.band[1]]})).mark_rect(
        opacity=0.18, color=ACCENT).encode(x=x_axis, x2=alt.X2("to"))
    line_layer = alt.Chart(lines).mark_line(clip=True).encode(x=x_axis, y=y_axis, color=color)
    point_layer = alt.Chart(points).mark_point(filled=True, size=70, opacity=0.9, clip=True).encode(
        x=x_axis, y=y_axis, color=color,
        tooltip=[alt.Tooltip("step:Q", title=t("gradient_descent.step")), alt.Tooltip("θ:Q", format=".4f"),
                 alt.Tooltip("L:Q", format=".4f")])
    return alt.layer(band, line_layer, point_layer, height=charts.height(320),
                     title=t("gradient_descent.curve_title", step=shown.step_index))


@st.cache_resource(max_entries=32, show_spinner=False)
def _heat(loss: str, x_box: tuple, y_box: tuple, texts: tuple, presenter: bool) -> alt.Chart:
    """The loss heatmap, built once per window, language and mode (`presenter` is in the key because
    the size depends on it): building the Altair object costs ~10 ms, reusing it nothing."""
    grid_x, grid_y = np.linspace(*x_box, 41), np.linspace(*y_box, 41)
    return charts.heatmap(grid_x, grid_y, LOSSES[loss](np.stack(np.meshgrid(grid_x, grid_y), axis=-1)), *texts)


def surface(loss: str, x_box: tuple, y_box: tuple, paths: dict, title: str, x_title: str, y_title: str) -> None:
    """The loss as a heatmap with descent paths ({label: (n, 2) iterates}) drawn over it."""
    trails = pd.concat([pd.DataFrame({"x": kept[:, 0], "y": kept[:, 1], "step": np.arange(len(kept)), "path": label})
                        for label, path in paths.items() for kept in [descent.within(path, x_box, y_box)]])
    # Inside the plot, where no path starts: below it, beside the colour legend, it would widen the
    # chart past its column. White labels on the colour map's dark end.
    legend = alt.Legend(orient="top-right", fillColor="#440154", labelColor="white", padding=6)
    stroke = alt.Stroke("path:N", title=None, legend=legend, scale=alt.Scale(domain=list(paths), range=["white", ACCENT]))
    lines = alt.Chart(trails).mark_line(strokeWidth=2.5).encode(
        x=alt.X("x:Q"), y=alt.Y("y:Q"), order=alt.Order("step:Q"), stroke=stroke)
    heat = _heat(loss, x_box, y_box, (title, x_title, y_title, t("gradient_descent.loss")), charts.presenter())
    charts.show(alt.layer(heat, lines), width="content")


def cosines(values: np.ndarray, title: str) -> alt.Chart:
    """How the cosines between batch gradients and the full gradient spread."""
    return alt.Chart(pd.DataFrame({"cos": values}), height=charts.height(260), title=title).mark_bar(color=ACCENT).encode(
        x=alt.X("cos:Q", bin=alt.Bin(extent=[-1, 1], step=0.05), title=t("gradient_descent.cosine")),
        y=alt.Y("count():Q", title=t("gradient_descent.count")))
