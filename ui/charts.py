"""Altair chart helpers shared by the pages: one look, projector-sized in presenter mode."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from ui.frame import PRESENTER_KEY


def presenter() -> bool:
    return bool(st.session_state.get(PRESENTER_KEY))


def height(base: int = 260) -> int:
    return int(base * 1.5) if presenter() else base


def show(chart: alt.TopLevelMixin, container=st) -> None:
    """Render at full width with the app's look, larger on the projector.

    Streamlit's chart theme fits titles, axes and legends inside the given height and so
    squashes the plot; its blue shades also make two series hard to tell apart on a
    projector. The app's own configuration is used instead (theme=None).
    """
    big = presenter()
    label, title = (18, 20) if big else (12, 13)
    styled = (chart.configure(font="sans-serif")
                   .configure_axis(labelFontSize=label, titleFontSize=title, gridOpacity=0.5)
                   .configure_title(fontSize=24 if big else 15, anchor="start", offset=8)
                   .configure_legend(labelFontSize=label, titleFontSize=label, orient="bottom")
                   .configure_range(category={"scheme": "tableau10"})
                   .configure_view(strokeWidth=0))
    container.altair_chart(styled, width="stretch", theme=None)


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
        x2="x2", y=alt.Y("y:Q", title=y_title, scale=alt.Scale(domain=[grid_y[0], grid_y[-1] + step_y], nice=False)),
        y2="y2", color=alt.Color("v:Q", title=value_title, scale=alt.Scale(scheme="viridis")),
        tooltip=[alt.Tooltip("x:Q", title=x_title, format=".2f"), alt.Tooltip("y:Q", title=y_title, format=".2f"),
                 alt.Tooltip("v:Q", title=value_title, format=".4f")])


def path(xs: np.ndarray, ys: np.ndarray, color: str = "white") -> alt.LayerChart:
    """A descent path (line and points) to lay over a heatmap or contour."""
    data = pd.DataFrame({"x": xs, "y": ys, "step": np.arange(len(xs))})
    line = alt.Chart(data).mark_line(color=color, strokeWidth=2).encode(x="x:Q", y="y:Q", order="step:Q")
    start = alt.Chart(data.head(1)).mark_point(color=color, size=120, filled=True, shape="circle").encode(x="x:Q", y="y:Q")
    end = alt.Chart(data.tail(1)).mark_point(color=color, size=160, filled=True, shape="diamond").encode(x="x:Q", y="y:Q")
    return line + start + end
