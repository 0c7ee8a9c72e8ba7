"""Pictures of a 2-D latent space shared by the chapter 4 pages: the map of codes, and a click on it.

A click anywhere in the plane (not only on a dot) has to reach the page, so the map lies over a
grid of nearly transparent cells that carry the selection; the page reads the clicked cell's
centre with `core.latent.clicked_point` and decodes it.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core import latent
from ui import charts
from ui.i18n import t

CLICK = "latent_click"  # the selection parameter's name
CELLS = 41  # per axis: a click lands within 1/40 of the plane's width of where it was aimed
POINT_RANGE, POINT_STEP = 3.0, 0.05  # the z₁, z₂ sliders of a point picked on a map
PRIOR_COLOR = "#555555"  # darker than digit 9's light grey, and drawn faint so the digits show through


def _axes(limit: float):
    """Both axes over [−limit, limit]; the end labels flush inside, so a label at the top edge
    does not push the title out of the chart."""
    scale, axis = alt.Scale(domain=[-limit, limit], nice=False), alt.Axis(labelFlush=True)
    return alt.X("z1:Q", title="z₁", scale=scale, axis=axis), alt.Y("z2:Q", title="z₂", scale=scale, axis=axis)


def _click_cells(limit: float) -> alt.Chart:
    """CELLS × CELLS nearly invisible squares over the plane; a click selects one (its centre z1, z2)."""
    centres = latent.uniform_grid(CELLS, limit)
    half = limit / (CELLS - 1)
    grid = pd.DataFrame({"z1": centres[:, 0], "z2": centres[:, 1]})
    grid["x1"], grid["x2"], grid["y1"], grid["y2"] = grid.z1 - half, grid.z1 + half, grid.z2 - half, grid.z2 + half
    scale = alt.Scale(domain=[-limit, limit], nice=False)
    click = alt.selection_point(name=CLICK, fields=["z1", "z2"], on="click", toggle=False, clear=False)
    return alt.Chart(grid).mark_rect(opacity=0.004, color="#000000", cursor="crosshair").encode(
        x=alt.X("x1:Q", title="z₁", scale=scale), x2=alt.X2("x2"), y=alt.Y("y1:Q", title="z₂", scale=scale),
        y2=alt.Y2("y2")).add_params(click)


def show(chart) -> None:
    """Render a latent map at its own size: a square, so distances read the same along both axes."""
    charts.show(chart, width="content")


def latent_map(codes: np.ndarray, labels: np.ndarray, title: str, limit: float, prior: np.ndarray | None = None,
               marker: tuple[float, float] | None = None, clickable: bool = False, base_height: int = 400,
               opacity: float = 0.7):
    """Codes (n, 2) coloured by digit (drawn with `opacity`), clipped to the square [−limit, limit]²;
    optional prior samples as small faint grey crosses, a marked point (a ring), and click cells."""
    x, y = _axes(limit)
    frame = pd.DataFrame({"z1": codes[:, 0], "z2": codes[:, 1], "digit": labels.astype(str)})
    frame = frame[(frame.z1.abs() <= limit) & (frame.z2.abs() <= limit)]
    size = base_height  # not enlarged on the projector: a square of fixed size must fit its column
    color = alt.Color("digit:N", title=t("latent.digit"), scale=alt.Scale(domain=[str(d) for d in range(10)]),
                      # below, in two rows on the projector: two maps fit side by side at 1280×720
                      legend=alt.Legend(orient="bottom", columns=5 if charts.presenter() else 10, symbolLimit=10))
    layers = [alt.Chart(frame).mark_circle(size=charts.height(16), opacity=opacity, clip=True).encode(
        x=x, y=y, color=color, tooltip=[alt.Tooltip("digit:N", title=t("latent.digit"))])]
    if prior is not None:
        samples = pd.DataFrame({"z1": prior[:, 0], "z2": prior[:, 1]})
        samples = samples[(samples.z1.abs() <= limit) & (samples.z2.abs() <= limit)]
        layers.append(alt.Chart(samples).mark_point(shape="cross", size=charts.height(12), color=PRIOR_COLOR,
                                                    opacity=0.35, strokeWidth=1).encode(x=x, y=y))
    if marker is not None:
        point = pd.DataFrame({"z1": [marker[0]], "z2": [marker[1]]})
        layers.append(alt.Chart(point).mark_point(shape="circle", size=charts.height(420), filled=False,
                                                  color="black", strokeWidth=3).encode(x=x, y=y))
    if clickable:  # on top, so that a click on a dot lands on the cell under it
        layers.append(_click_cells(limit))
    return alt.layer(*layers).properties(title=title, width=size, height=size)


def point_sliders(prefix: str, defaults: dict, heading_key: str) -> tuple[float, float]:
    """The sidebar's z₁ and z₂ sliders of the point picked on a map (keys f"{prefix}_z1", f"{prefix}_z2",
    labels latent.z1, latent.z2), under a heading; a click on the map writes them."""
    from ui import controls

    st.sidebar.markdown(t(heading_key))
    return tuple(controls.slider(f"{prefix}_{axis}", defaults, label_key, -POINT_RANGE, POINT_RANGE, POINT_STEP)
                 for axis, label_key in (("z1", "latent.z1"), ("z2", "latent.z2")))


def show_clickable(chart, key: str, limit: float, sliders: tuple[str, str]) -> None:
    """Render a clickable latent map: a click writes the clicked point into the two URL-bound
    sliders `sliders` (z₁, z₂ over ±POINT_RANGE in POINT_STEP steps), rounded to their step,
    before the page reruns.

    Give the chart a new `key` whenever the picked point changes some other way, so the chart
    starts with an empty selection and a click on the same cell again still counts.
    """
    def take_click():
        point = latent.clicked_point(st.session_state[key].get("selection", {}).get(CLICK), limit)
        if point is not None:
            for slider, value in zip(sliders, point, strict=True):
                st.session_state[slider] = float(np.clip(round(value / POINT_STEP) * POINT_STEP, -POINT_RANGE, POINT_RANGE))

    charts.show(chart, key=key, on_select=take_click, width="content")
