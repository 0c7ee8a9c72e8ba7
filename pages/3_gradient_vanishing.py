"""Chapter 1 · vanishing gradients: per-layer gradient norms of a deep MLP on one MNIST batch."""

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core.models import deep_mlp
from ui import charts, controls, loaders
from ui.frame import frame, introduce
from ui.i18n import t

DEFAULTS = {"gv_depth": 10, "gv_activation": "sigmoid", "gv_init": "glorot_uniform",
            "gv_width": 64, "gv_steps": 10, "gv_lr": 0.1, "gv_full_mnist": False}
PRESETS = {"sigmoid": {"gv_activation": "sigmoid", "gv_init": "glorot_uniform"},
           "relu": {"gv_activation": "relu", "gv_init": "he_normal"}}
WIDTHS = [16, 32, 64, 128]
LEARNING_RATES = controls.log_range(-3, 1)
BLUE, ORANGE, GREY = "#4c78a8", "#f58518", "#7f7f7f"  # at start, after training, the 1/4 bound

view = frame("gradient_vanishing")
st.sidebar.caption(t("gradient_vanishing.presets"))
for name, values in PRESETS.items():
    controls.preset_button(t(f"gradient_vanishing.preset.{name}"), values)
depth = controls.slider("gv_depth", DEFAULTS, "gradient_vanishing.depth", 1, deep_mlp.MAX_DEPTH, 1,
                        help_key="gradient_vanishing.depth_help")
activation = controls.radio("gv_activation", DEFAULTS, "gradient_vanishing.activation", list(deep_mlp.ACTIVATIONS),
                            "gradient_vanishing.act")
initializer = controls.radio("gv_init", DEFAULTS, "gradient_vanishing.init", list(deep_mlp.INITIALIZERS),
                             "gradient_vanishing.init")
width = controls.choice_slider("gv_width", DEFAULTS, "gradient_vanishing.width", WIDTHS)
steps = controls.slider("gv_steps", DEFAULTS, "gradient_vanishing.steps", 0, 50, 1, help_key="gradient_vanishing.steps_help")
learning_rate = controls.choice_slider("gv_lr", DEFAULTS, "gradient_vanishing.lr", LEARNING_RATES)
split, source = loaders.mnist("gv_full_mnist")
controls.reset_button(DEFAULTS)

introduce(view, t("gradient_vanishing.intro"), (
    r"\delta^{l} = \big((W^{l+1})^{\top}\,\delta^{l+1}\big) \odot f'(z^{l}),\qquad "
    r"\frac{\partial C}{\partial W^{l}} = \delta^{l}\,(a^{l-1})^{\top},\qquad "
    r"\delta^{L} = \mathrm{softmax}(z^{L}) - y",
    r"\sigma'(z) = \sigma(z)\,(1 - \sigma(z)) \le \tfrac14,\qquad \tanh'(z) = 1 - \tanh^2 z \le 1,"
    r"\qquad \mathrm{ReLU}'(z) = \mathbb{1}[z > 0]",
    r"|\sigma'| \le \tfrac14 \;\Rightarrow\; \|\delta^{1}\| \le \big(\tfrac14\big)^{L-1}"
    r"\prod_{l=2}^{L}\|W^{l}\|\;\|\delta^{L}\|",
), "gradient_vanishing.explain")


@st.cache_data(show_spinner=False, max_entries=256)
def profile(depth: int, activation: str, initializer: str, width: int, steps: int, learning_rate: float,
            source: str, _split) -> deep_mlp.GradientProfile:
    """One result per setting and data source, so a revisited setting is instant."""
    return deep_mlp.gradient_profile(_split.x_train, _split.y_train, depth, activation, initializer,
                                     width=width, steps=steps, learning_rate=learning_rate)


with st.spinner(t("gradient_vanishing.computing")):
    result = profile(depth, activation, initializer, int(width), steps, float(learning_rate), source, split)
trained = result.norms_after is not None and steps > 0


def scientific(value: float) -> str:
    return "—" if not np.isfinite(value) else f"{value:.2e}"


columns = st.columns(4)
columns[0].metric(t("gradient_vanishing.ratio_init"), scientific(result.ratio(result.norms_at_init)),
                  help=t("gradient_vanishing.ratio_help"))
columns[1].metric(t("gradient_vanishing.ratio_after", steps=steps), scientific(result.ratio(result.norms_after)))
columns[2].metric(t("gradient_vanishing.bound"), scientific(result.ratio(deep_mlp.geometric_reference(result.norms_at_init))),
                  help=t("gradient_vanishing.bound_help"))
columns[3].metric(t("gradient_vanishing.loss_change", steps=len(result.losses) - 1),
                  f"{result.losses[0]:.3g} → {result.losses[-1]:.3g}")
if result.diverged_at is not None:
    st.warning(t("gradient_vanishing.diverged", step=result.diverged_at))

# Per-layer gradient norms on a log scale: a straight falling line is a geometric decay.
bound_name = t("gradient_vanishing.series.bound")
curves = {t("gradient_vanishing.series.init"): (result.norms_at_init, BLUE)}
if trained:
    curves[t("gradient_vanishing.series.after", steps=steps)] = (result.norms_after, ORANGE)
if activation == "sigmoid":
    curves[bound_name] = (deep_mlp.geometric_reference(result.norms_at_init), GREY)
norms = pd.concat([pd.DataFrame({"layer": np.arange(1, depth + 2), "norm": values, "series": name})
                   for name, (values, _) in curves.items()])
shown = norms[norms.norm > 0]  # a log scale cannot show an exact zero (a float32 underflow)
colors = {name: color for name, (_, color) in curves.items()}
dashes = [[6, 4] if name == bound_name else [1, 0] for name in curves]
norm_chart = charts.lines(shown, "layer", "norm", "series", t("gradient_vanishing.norms_title"),
                          t("gradient_vanishing.layer_axis"), t("gradient_vanishing.norm_axis"), colors=colors,
                          base_height=320).mark_line(point=True).encode(
    x=alt.X("layer:Q", title=t("gradient_vanishing.layer_axis"), scale=alt.Scale(domain=[1, depth + 1]),
            axis=alt.Axis(tickMinStep=1, format="d")),
    y=alt.Y("norm:Q", title=t("gradient_vanishing.norm_axis"), scale=alt.Scale(type="log"), axis=alt.Axis(format=".0e")),
    strokeDash=alt.StrokeDash("series:N", title=None, legend=alt.Legend(orient="bottom"),
                              scale=alt.Scale(domain=list(curves), range=dashes)),
    tooltip=[alt.Tooltip("layer:Q", title=t("gradient_vanishing.layer")),
             alt.Tooltip("norm:Q", title=t("gradient_vanishing.norm"), format=".3e"),
             alt.Tooltip("series:N", title=" ")])
charts.show(norm_chart)
if len(shown) < len(norms):
    st.caption(t("gradient_vanishing.underflow"))

left, right = st.columns(2)
derivatives = pd.DataFrame({"layer": np.arange(1, depth + 1), "value": result.derivative_at_init})
bars = alt.Chart(derivatives, title=t(f"gradient_vanishing.derivative_title.{activation}"), height=charts.height(220))
bars = bars.mark_bar(color=BLUE).encode(
    x=alt.X("layer:O", title=t("gradient_vanishing.hidden_axis")),
    y=alt.Y("value:Q", title=t("gradient_vanishing.derivative_axis"), scale=alt.Scale(domain=[0, 1])),
    tooltip=[alt.Tooltip("layer:O", title=t("gradient_vanishing.layer")),
             alt.Tooltip("value:Q", title=t("gradient_vanishing.derivative_axis"), format=".3f")])
if activation == "sigmoid":
    quarter = pd.DataFrame({"value": [deep_mlp.SIGMOID_DERIVATIVE_BOUND]})
    bars = bars + alt.Chart(quarter).mark_rule(color=GREY, strokeDash=[6, 4]).encode(y=alt.Y("value:Q"))
charts.show(bars, container=left)
if len(result.losses) > 1:
    losses = pd.DataFrame({"step": np.arange(len(result.losses)), "loss": result.losses, "series": t("gradient_vanishing.loss")})
    loss_chart = charts.lines(losses, "step", "loss", "series", t("gradient_vanishing.loss_title"),
                              t("gradient_vanishing.step_axis"), t("gradient_vanishing.loss"), base_height=220).encode(
        y=alt.Y("loss:Q", title=t("gradient_vanishing.loss"), scale=alt.Scale(zero=False)))
    charts.show(loss_chart, container=right)
else:
    right.info(t("gradient_vanishing.no_steps"))
