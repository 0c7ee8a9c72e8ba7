"""Pictures of digit GANs shared by the chapter 5 pages: figures per epoch with a marker at the
epoch shown, and the mix of digits the classifier reads in a set of samples."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from core.data import CLASSES
from ui import charts
from ui.i18n import t

PALETTE = ("#4c78a8", "#f58518", "#54a24b", "#b279a2")
FAIR_SHARE = (0.06, 0.14)  # the band every digit should fall in (10 % each for an even mix)


def epoch_lines(series: dict[str, list | np.ndarray], title: str, y_title: str, first_epoch: int = 1,
                at: int | None = None, base_height: int = 200, dashed: tuple[str, ...] = (),
                log: bool = False) -> alt.LayerChart:
    """One line per entry of `series` ({label: values per epoch, starting at `first_epoch`}), a dashed
    rule at epoch `at` (the moment a scrubber shows); labels in `dashed` are drawn dashed. One series
    needs no legend (the title names it); `log` for a figure that falls by orders of magnitude."""
    rows = [(first_epoch + index, float(value), label)
            for label, values in series.items() for index, value in enumerate(values)]
    frame = pd.DataFrame(rows, columns=["epoch", "value", "series"])
    epoch = t("training.epoch_axis")
    labels = list(series)
    base = alt.Chart(frame).encode(
        x=alt.X("epoch:Q", title=epoch, axis=alt.Axis(format="d", tickMinStep=1, labelOverlap="greedy")),
        y=alt.Y("value:Q", title=y_title, scale=alt.Scale(type="log") if log else alt.Scale(zero=False)),
        color=alt.Color("series:N", title=None, scale=alt.Scale(domain=labels, range=list(PALETTE[:len(labels)])),
                        legend=alt.Legend(orient="top", labelLimit=0) if len(labels) > 1 else None),
        strokeDash=alt.StrokeDash("series:N", scale=alt.Scale(domain=labels, range=[
            [5, 4] if label in dashed else [1, 0] for label in labels]), legend=None),
        tooltip=[alt.Tooltip("epoch:Q", title=epoch), alt.Tooltip("value:Q", title=y_title, format=".3f"),
                 alt.Tooltip("series:N", title=" ")])
    layers = [base.mark_line()]
    if len(frame) and frame["epoch"].nunique() < 30:
        layers.append(base.mark_circle(size=30, opacity=1))
    if at is not None:
        layers.append(alt.Chart(pd.DataFrame({"epoch": [at]})).mark_rule(color="#555555", strokeDash=[4, 3])
                      .encode(x=alt.X("epoch:Q")))
    return alt.layer(*layers).properties(title=title, height=charts.height(base_height))


def digit_mix(shares: np.ndarray, title: str, base_height: int = 160) -> alt.LayerChart:
    """The share of each digit among the samples, with the 6–14 % band of an even mix."""
    digit, share = t("gan_digits.digit_axis"), t("gan_digits.share_axis")
    frame = pd.DataFrame({"digit": [str(d) for d in range(CLASSES)], "share": np.asarray(shares, float)})
    band = alt.Chart(pd.DataFrame({"low": [FAIR_SHARE[0]], "high": [FAIR_SHARE[1]]})).mark_rect(
        color="#54a24b", opacity=0.15).encode(y=alt.Y("low:Q"), y2=alt.Y2("high:Q"))
    bars = alt.Chart(frame).mark_bar(color=PALETTE[0]).encode(
        x=alt.X("digit:N", title=digit, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("share:Q", title=share, axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, max(0.3, float(np.max(shares)))])),
        tooltip=[alt.Tooltip("digit:N", title=digit), alt.Tooltip("share:Q", title=share, format=".1%")])
    return alt.layer(band, bars).properties(title=title, height=charts.height(base_height))


def path_norms(norms: dict[str, np.ndarray], typical: float) -> alt.LayerChart:
    """‖z‖ along each path from one end (0) to the other (1), with the norm the prior typically draws."""
    position, norm = t("gan_digits.position_axis"), t("gan_digits.norm_axis")
    rows = [(step / (len(values) - 1), float(value), label)
            for label, values in norms.items() for step, value in enumerate(values)]
    frame = pd.DataFrame(rows, columns=["position", "norm", "path"])
    labels = list(norms)
    lines = alt.Chart(frame).mark_line(point=True).encode(
        x=alt.X("position:Q", title=position), y=alt.Y("norm:Q", title=norm, scale=alt.Scale(zero=True)),
        color=alt.Color("path:N", title=None, scale=alt.Scale(domain=labels, range=list(PALETTE[:len(labels)])),
                        legend=alt.Legend(orient="bottom", columns=1, labelLimit=0)),
        tooltip=[alt.Tooltip("position:Q", title=position, format=".2f"), alt.Tooltip("norm:Q", title=norm, format=".2f"),
                 alt.Tooltip("path:N", title=" ")])
    rule = alt.Chart(pd.DataFrame({"norm": [typical]})).mark_rule(color="#555555", strokeDash=[4, 3]).encode(
        y=alt.Y("norm:Q"))
    return alt.layer(rule, lines).properties(title=t("gan_digits.norm_title", typical=f"{typical:.1f}"),
                                             height=charts.height(200))
