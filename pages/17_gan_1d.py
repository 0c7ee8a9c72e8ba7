"""Chapter 5 · the lecturer's 1-D GAN: D(x) before and after, p_g against p_data, and D* beside D."""

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core import gan_1d
from ui import charts, controls, loaders
from ui.frame import frame, introduce
from ui.i18n import t

DEFAULTS = {"g1_mean": 0.0, "g1_std": 1.0, "g1_pretrain": True, "g1_iterations": 3000, "g1_seed": 0, "g1_d_only": 0}
LOG_4 = float(np.log(4))
COLORS = {"data": "#1f77b4", "generated": "#d62728", "initial": "#98df8a", "pretrained": "#17becf",
          "trained": "#2ca02c", "optimal": "#000000"}
DASHES = {"data": [1, 0], "generated": [1, 0], "initial": [6, 4], "pretrained": [6, 4], "trained": [1, 0],
          "optimal": [2, 3]}

view = frame("gan_1d")
mean = controls.slider("g1_mean", DEFAULTS, "gan_1d.mean", -2.0, 2.0, 0.1)
std = controls.slider("g1_std", DEFAULTS, "gan_1d.std", 0.3, 2.0, 0.1)
pretrain = st.sidebar.toggle(t("gan_1d.pretrain"), DEFAULTS["g1_pretrain"], key="g1_pretrain", bind="query-params",
                             help=t("gan_1d.pretrain_help"))
iterations = controls.slider("g1_iterations", DEFAULTS, "gan_1d.iterations", 0, 6000, 500)
seed = controls.slider("g1_seed", DEFAULTS, "gan_1d.seed", 0, 99, 1)
d_only = controls.choice_slider("g1_d_only", DEFAULTS, "gan_1d.d_only", list(gan_1d.D_ONLY_CHECKPOINTS),
                                help_key="gan_1d.d_only_help")
controls.reset_button(DEFAULTS)

introduce(view, t("gan_1d.intro"), (
    r"D^*(x) = \frac{p_\text{data}(x)}{p_\text{data}(x) + p_g(x)}",
    r"V(D^*, G) = -\log 4 + 2\,\mathrm{JSD}\big(p_\text{data} \,\|\, p_g\big) \;\ge\; -\log 4",
), "gan_1d.explain")

settings = gan_1d.Settings(mean=float(mean), std=float(std), pretrain=bool(pretrain), iterations=int(iterations),
                           seed=int(seed))
with st.spinner(t("gan_1d.training")):
    result = loaders.gan_1d_run(settings)
now = result.d_only[int(d_only)]
edges = gan_1d.bin_edges()
centres = (edges[:-1] + edges[1:]) / 2
low, high = max(mean - 3.5 * std, -gan_1d.RANGE), min(mean + 3.5 * std, gan_1d.RANGE)


def curves() -> pd.DataFrame:
    x = gan_1d.curve_x()
    width = float(edges[1] - edges[0])
    data_density = loaders.gan_1d_data_mass(settings) / width
    rows = [("data", centres, data_density), ("generated", centres, now.generated_density),
            ("initial", x, result.initial.discriminator), ("trained", x, now.discriminator),
            ("optimal", centres, now.optimal)]
    if result.pretrained is not None:
        rows.insert(3, ("pretrained", x, result.pretrained.discriminator))
    shown = pd.concat([pd.DataFrame({"x": xs, "y": ys, "curve": label(name)}) for name, xs, ys in rows],
                      ignore_index=True)
    return shown[(shown.x >= low) & (shown.x <= high)].dropna()


def label(name: str) -> str:
    if name == "trained" and d_only:
        return t("gan_1d.curve.d_only", steps=int(d_only))
    return t(f"gan_1d.curve.{name}")


names = [name for name in COLORS if name != "pretrained" or result.pretrained is not None]
labels = [label(name) for name in names]
chart = alt.Chart(curves(), title=t("gan_1d.chart_title"), height=charts.height(320)).mark_line(strokeWidth=2.5).encode(
    x=alt.X("x:Q", title="x", scale=alt.Scale(domain=[low, high], nice=False)),
    y=alt.Y("y:Q", title=t("gan_1d.y_axis")),
    color=alt.Color("curve:N", title=None, scale=alt.Scale(domain=labels, range=[COLORS[n] for n in names]),
                    legend=alt.Legend(orient="bottom", columns=2, symbolType="stroke")),
    strokeDash=alt.StrokeDash("curve:N", scale=alt.Scale(domain=labels, range=[DASHES[n] for n in names]), legend=None))
rule = alt.Chart(pd.DataFrame({"y": [0.5]})).mark_rule(color="#888888", strokeDash=[3, 3]).encode(y=alt.Y("y:Q"))

picture, numbers = st.columns([1.3, 1], gap="medium")
with picture:
    charts.show(chart + rule)
    st.caption(t("gan_1d.chart_caption"))
with numbers:
    inside = (gan_1d.curve_x() >= mean - 2 * std) & (gan_1d.curve_x() <= mean + 2 * std)
    d_low, d_high = float(now.discriminator[inside].min()), float(now.discriminator[inside].max())
    first, second = st.columns(2)
    first.metric(t("gan_1d.metric.value"), f"{now.value:.3f}", help=t("gan_1d.metric.value_help"))
    second.metric(t("gan_1d.metric.optimal_value"), f"{now.optimal_value:.3f}",
                  help=t("gan_1d.metric.optimal_value_help", log4=f"{-LOG_4:.3f}"))
    first, second = st.columns(2)
    first.metric(t("gan_1d.metric.jsd"), f"{now.jsd:.3f}", help=t("gan_1d.metric.jsd_help"))
    second.metric(t("gan_1d.metric.d_range"), t("gan_1d.metric.d_range_value", low=f"{d_low:.2f}", high=f"{d_high:.2f}"),
                  help=t("gan_1d.metric.d_range_help"))
    first, second = st.columns(2)
    first.metric(t("gan_1d.metric.g_mean", target=f"{mean:g}"), f"{now.generated_mean:.2f}",
                 help=t("gan_1d.metric.g_mean_help"))
    second.metric(t("gan_1d.metric.g_std", target=f"{std:g}"), f"{now.generated_std:.2f}", help=t("gan_1d.metric.g_std_help"))

if len(result.losses):
    every = max(1, len(result.losses) // 300)
    losses = pd.DataFrame({"iteration": np.arange(1, len(result.losses) + 1)[::every],
                           t("gan_1d.series.d_loss"): result.losses[::every, 0],
                           t("gan_1d.series.g_loss"): result.losses[::every, 1]})
    long = losses.melt(id_vars="iteration", var_name="series", value_name="loss")
    charts.show(charts.lines(long, "iteration", "loss", "series", t("gan_1d.loss_chart"), t("gan_1d.iteration_axis"),
                             t("gan_1d.loss_axis"), base_height=200))
    st.caption(t("gan_1d.loss_caption", equilibrium=f"{LOG_4:.3f}", g=f"{np.log(2):.3f}"))
