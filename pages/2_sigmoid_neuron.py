"""Chapter 1 · learning slowdown of one sigmoid neuron: quadratic cost vs cross-entropy."""

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core.analytic import neuron
from ui import charts, controls
from ui.frame import explain, frame
from ui.i18n import t

DEFAULTS = {"neuron_w0": 0.6, "neuron_b0": 0.9, "neuron_lr": 0.15, "neuron_epochs": 300}
PRESETS = {"good": {"neuron_w0": 0.6, "neuron_b0": 0.9},
           "saturated": {"neuron_w0": 2.0, "neuron_b0": 2.0}}
LEARNING_RATES = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0]

view = frame("sigmoid_neuron")
st.sidebar.caption(t("neuron.presets"))
for name, values in PRESETS.items():
    controls.preset_button(t(f"neuron.preset.{name}"), values)
w0 = controls.slider("neuron_w0", DEFAULTS, "neuron.w0", -4.0, 4.0, 0.1)
b0 = controls.slider("neuron_b0", DEFAULTS, "neuron.b0", -4.0, 4.0, 0.1)
learning_rate = controls.choice_slider("neuron_lr", DEFAULTS, "neuron.lr", LEARNING_RATES)
epochs = controls.slider("neuron_epochs", DEFAULTS, "neuron.epochs", 10, 1000, 10)
controls.reset_button(DEFAULTS)

st.title(t("page.sigmoid_neuron.title"))
st.markdown(t("neuron.intro"))
st.latex(r"a = \sigma(z),\; z = w x + b,\quad x = 1,\; y = 0,\qquad "
         r"\sigma'(z) = \sigma(z)\,(1 - \sigma(z)) \le \tfrac14")
st.latex(r"C_{\mathrm{MSE}} = \tfrac12 (y - a)^2 \;\Rightarrow\; \frac{\partial C}{\partial w} = (a - y)\,\sigma'(z)\,x"
         r"\qquad C_{\mathrm{CE}} = -[y \ln a + (1 - y)\ln(1 - a)] \;\Rightarrow\; \frac{\partial C}{\partial w} = (a - y)\,x")
explain("neuron.explain", view.presenter)

runs = {loss: neuron.train(w0, b0, learning_rate, epochs, loss) for loss in neuron.LOSSES}
loss_names = {loss: t(f"neuron.loss.{loss}") for loss in neuron.LOSSES}


def below_half_note(output: np.ndarray) -> str:
    crossed = np.flatnonzero(output < 0.5)
    return (t("neuron.slow_note", epoch=int(crossed[0])) if crossed.size
            else t("neuron.never_below", epochs=epochs))


for column, (loss, run) in zip(st.columns(2), runs.items(), strict=True):
    with column:
        st.subheader(loss_names[loss])
        left, right = st.columns(2)
        left.metric(t("neuron.final_output"), f"{run.output[-1]:.3f}",
                    help=t("neuron.start_output", value=run.output[0]))
        right.metric(t("neuron.final_cost"), f"{run.cost[-1]:.4f}")
        st.caption(below_half_note(run.output))
        curves = pd.concat([
            pd.DataFrame({"epoch": np.arange(epochs + 1), "value": run.output, "series": t("neuron.series.output")}),
            pd.DataFrame({"epoch": np.arange(epochs + 1), "value": run.cost, "series": t("neuron.series.cost")}),
        ])
        charts.show(charts.lines(curves, "epoch", "value", "series",
                                 t("neuron.curve_title", loss=loss_names[loss]),
                                 t("neuron.epoch"), t("neuron.value")))

# σ and σ' with the first z and each loss's last z marked.
z = np.linspace(-8, 8, 321)
curve = pd.concat([pd.DataFrame({"z": z, "value": neuron.sigmoid(z), "series": t("neuron.sigma")}),
                   pd.DataFrame({"z": z, "value": neuron.sigmoid_prime(z), "series": t("neuron.sigma_prime")})])
markers = pd.DataFrame({"z": [runs["quadratic"].z[0]] + [run.z[-1] for run in runs.values()],
                        "marker": [t("neuron.marker.start")] + [t("neuron.marker.end", loss=loss_names[loss]) for loss in runs]})
markers["z"] = markers.z.clip(-8, 8)
sigma_chart = charts.lines(curve, "z", "value", "series", t("neuron.sigma_title"), "z", t("neuron.value"))
rules = alt.Chart(markers).mark_rule(strokeDash=[6, 3], strokeWidth=2).encode(
    x=alt.X("z:Q"), color=alt.Color("marker:N", title=None, scale=alt.Scale(scheme="set1")),
    tooltip=[alt.Tooltip("marker:N", title=t("neuron.marker")), alt.Tooltip("z:Q", format=".3f")])
quarter = alt.Chart(pd.DataFrame({"y": [0.25]})).mark_rule(color="gray", opacity=0.5).encode(y=alt.Y("y:Q"))
charts.show(alt.layer(sigma_chart, rules, quarter).resolve_scale(color="independent"))

# The cost over (w, b), with each loss's descent path.
w_all = np.concatenate([run.w for run in runs.values()])
b_all = np.concatenate([run.b for run in runs.values()])
low = float(np.clip(min(w_all.min(), b_all.min(), -4.0), -40.0, 0.0))
high = float(np.clip(max(w_all.max(), b_all.max(), 4.0), 0.0, 40.0))
grid = np.linspace(low, high, 36)
for column, (loss, run) in zip(st.columns(2), runs.items(), strict=True):
    surface = charts.heatmap(grid, grid, neuron.cost_surface(grid, grid, loss),
                             t("neuron.surface_title", loss=loss_names[loss]), "w", "b", t("neuron.cost"))
    keep = (run.w >= low) & (run.w <= high) & (run.b >= low) & (run.b <= high)
    charts.show(surface + charts.path(run.w[keep], run.b[keep]), container=column)
