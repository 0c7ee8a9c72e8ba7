"""Chapter 1 · learning slowdown of one sigmoid neuron: quadratic cost vs cross-entropy."""

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core.analytic import neuron
from ui import charts, controls, playback
from ui.frame import frame, introduce
from ui.i18n import t

DEFAULTS = {"neuron_w0": 0.6, "neuron_b0": 0.9, "neuron_lr": 0.15, "neuron_epochs": 300}
PRESETS = {"good": {"neuron_w0": 0.6, "neuron_b0": 0.9},
           "saturated": {"neuron_w0": 2.0, "neuron_b0": 2.0}}
PLAY_KEY = "neuron_player"
LEARNING_RATES = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0]

view = frame("sigmoid_neuron")
st.sidebar.caption(t("sigmoid_neuron.presets"))
for name, values in PRESETS.items():
    controls.preset_button(t(f"sigmoid_neuron.preset.{name}"), values)
w0 = controls.slider("neuron_w0", DEFAULTS, "sigmoid_neuron.w0", -4.0, 4.0, 0.1)
b0 = controls.slider("neuron_b0", DEFAULTS, "sigmoid_neuron.b0", -4.0, 4.0, 0.1)
learning_rate = controls.choice_slider("neuron_lr", DEFAULTS, "sigmoid_neuron.lr", LEARNING_RATES)
epochs = controls.slider("neuron_epochs", DEFAULTS, "sigmoid_neuron.epochs", 10, 1000, 10)
controls.reset_button(DEFAULTS)

introduce(view, t("sigmoid_neuron.intro"), (
    r"a = \sigma(z),\; z = w x + b,\quad x = 1,\; y = 0,\qquad "
    r"\sigma'(z) = \sigma(z)\,(1 - \sigma(z)) \le \tfrac14",
    r"C_{\mathrm{MSE}} = \tfrac12 (y - a)^2 \;\Rightarrow\; \frac{\partial C}{\partial w} = (a - y)\,\sigma'(z)\,x"
    r"\qquad C_{\mathrm{CE}} = -[y \ln a + (1 - y)\ln(1 - a)] \;\Rightarrow\; \frac{\partial C}{\partial w} = (a - y)\,x",
), "sigmoid_neuron.explain")

runs = {loss: neuron.train(w0, b0, learning_rate, epochs, loss) for loss in neuron.LOSSES}
loss_names = {loss: t(f"sigmoid_neuron.loss.{loss}") for loss in neuron.LOSSES}


def below_half_note(output: np.ndarray) -> str:
    """When the output first fell below 0.5, among the epochs shown (output[k] after k epochs)."""
    crossed = np.flatnonzero(output < 0.5)
    return (t("sigmoid_neuron.slow_note", epoch=int(crossed[0])) if crossed.size
            else t("sigmoid_neuron.never_below", epochs=len(output) - 1))


@st.fragment(run_every=playback.tick(PLAY_KEY))
def training_view() -> None:
    """Every picture of the two runs, up to the epoch the player shows (the whole run when stopped)."""
    at = playback.bar(PLAY_KEY, epochs, "player.unit.epoch")
    last = epochs if at is None else at
    shown = slice(0, last + 1)
    for column, (loss, run) in zip(st.columns(2), runs.items(), strict=True):
        with column:
            st.subheader(loss_names[loss])
            left, right = st.columns(2)
            left.metric(t("sigmoid_neuron.final_output") if at is None else t("sigmoid_neuron.output_at", epoch=at),
                        f"{run.output[last]:.3f}", help=t("sigmoid_neuron.start_output", value=run.output[0]))
            right.metric(t("sigmoid_neuron.final_cost") if at is None else t("sigmoid_neuron.cost_at", epoch=at),
                         f"{run.cost[last]:.4f}")
            st.caption(below_half_note(run.output[shown]))
            curves = pd.concat([
                pd.DataFrame({"epoch": np.arange(last + 1), "value": run.output[shown],
                              "series": t("sigmoid_neuron.series.output")}),
                pd.DataFrame({"epoch": np.arange(last + 1), "value": run.cost[shown], "series": t("sigmoid_neuron.series.cost")}),
            ])
            chart = charts.lines(curves, "epoch", "value", "series", t("sigmoid_neuron.curve_title", loss=loss_names[loss]),
                                 t("sigmoid_neuron.epoch"), t("sigmoid_neuron.value"))
            # While playing, the axes keep the whole run's range: the plateau shows as time passing.
            charts.show(chart.encode(x=alt.X("epoch:Q", title=t("sigmoid_neuron.epoch"), scale=alt.Scale(domain=[0, epochs])),
                                     y=alt.Y("value:Q", title=t("sigmoid_neuron.value"), scale=alt.Scale(domain=[0, top]))))

    # σ and σ' with the first z and each loss's z at the epoch shown marked.
    z = np.linspace(-8, 8, 321)
    curve = pd.concat([pd.DataFrame({"z": z, "value": neuron.sigmoid(z), "series": t("sigmoid_neuron.sigma")}),
                       pd.DataFrame({"z": z, "value": neuron.sigmoid_prime(z), "series": t("sigmoid_neuron.sigma_prime")})])
    markers = pd.DataFrame({"z": [runs["quadratic"].z[0]] + [run.z[last] for run in runs.values()],
                            "marker": [t("sigmoid_neuron.marker.start")]
                            + [t("sigmoid_neuron.marker.end", loss=loss_names[loss]) for loss in runs]})
    markers["z"] = markers.z.clip(-8, 8)
    sigma_chart = charts.lines(curve, "z", "value", "series", t("sigmoid_neuron.sigma_title"), "z", t("sigmoid_neuron.value"))
    rules = alt.Chart(markers).mark_rule(strokeDash=[6, 3], strokeWidth=2).encode(
        x=alt.X("z:Q"), color=alt.Color("marker:N", title=None, scale=alt.Scale(scheme="set1")),
        tooltip=[alt.Tooltip("marker:N", title=t("sigmoid_neuron.marker")), alt.Tooltip("z:Q", format=".3f")])
    quarter = alt.Chart(pd.DataFrame({"y": [0.25]})).mark_rule(color="gray", opacity=0.5).encode(y=alt.Y("y:Q"))
    charts.show(alt.layer(sigma_chart, rules, quarter).resolve_scale(color="independent"))

    # The cost over (w, b), with each loss's descent path so far.
    for column, (loss, run) in zip(st.columns(2), runs.items(), strict=True):
        surface = charts.heatmap(grid, grid, surfaces[loss], t("sigmoid_neuron.surface_title", loss=loss_names[loss]),
                                 "w", "b", t("sigmoid_neuron.cost"))
        w, b = run.w[shown], run.b[shown]
        keep = (w >= low) & (w <= high) & (b >= low) & (b <= high)
        charts.show(surface + charts.path(w[keep], b[keep]), container=column, width="content")


# The landscapes' window holds both whole paths, so it does not jump while playing.
w_all = np.concatenate([run.w for run in runs.values()])
b_all = np.concatenate([run.b for run in runs.values()])
low = float(np.clip(min(w_all.min(), b_all.min(), -4.0), -40.0, 0.0))
high = float(np.clip(max(w_all.max(), b_all.max(), 4.0), 0.0, 40.0))
grid = np.linspace(low, high, 36)
top = 1.05 * max(max(run.output.max(), run.cost.max()) for run in runs.values())  # the curves' y range
surfaces = {loss: neuron.cost_surface(grid, grid, loss) for loss in runs}
training_view()
