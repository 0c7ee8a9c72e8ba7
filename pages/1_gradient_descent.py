"""Chapter 1 · gradient descent from a first-order Taylor expansion, and the learning rate."""

import math

import numpy as np
import streamlit as st

from core.analytic import descent
from core.data import toy_regression
from ui import charts, controls, descent_charts, playback
from ui.frame import equation, frame, introduce
from ui.i18n import t

DEFAULTS = {"gd_lr": 0.1, "gd_steps": descent.DEFAULT_STEPS, "gd_start": descent.SHOULDER_START,
            "gd_inspect": 0, "gd_batch": 8, "gd_seed": 0}
BATCH_SIZES = [1, 2, 4, 8, 16, 32, 64]
PLAY_KEY = "gd_player"
COSINE_SAMPLES = 500

view = frame("gradient_descent")
st.sidebar.caption(t("gradient_descent.presets"))
for name, rate in descent.REGIME_EXAMPLES.items():
    controls.preset_button(t("gradient_descent.preset", regime=t(f"gradient_descent.regime.{name}"), lr=rate), {"gd_lr": rate})
learning_rate = controls.choice_slider("gd_lr", DEFAULTS, "gradient_descent.lr", descent.LEARNING_RATES,
                                       help_key="gradient_descent.lr_help")
steps = controls.slider("gd_steps", DEFAULTS, "gradient_descent.steps", 10, 300, 10)
start = controls.slider("gd_start", DEFAULTS, "gradient_descent.start", -2.5, 2.5, 0.1)
inspect = controls.slider("gd_inspect", DEFAULTS, "gradient_descent.inspect", 0, 300, 1, help_key="gradient_descent.inspect_help")
batch_size = controls.choice_slider("gd_batch", DEFAULTS, "gradient_descent.batch", BATCH_SIZES)
seed = controls.slider("gd_seed", DEFAULTS, "gradient_descent.seed", 0, 99, 1)
controls.reset_button(DEFAULTS)

introduce(view, t("gradient_descent.intro"), (
    r"L(\theta + \Delta\theta) = L(\theta) + \nabla L \cdot \Delta\theta"
    r" + \tfrac12\, \Delta\theta^{\top} \nabla^2 L \, \Delta\theta + \cdots",
    r"\Delta\theta = -\eta\, \nabla L \;\Rightarrow\; \Delta L \approx -\eta\, \lVert \nabla L \rVert^2 \le 0,"
    r"\qquad \theta_{k+1} = \theta_k - \eta\, \nabla L(\theta_k)",
), "gradient_descent.explain")


def report(run: descent.Run) -> None:
    """The regime a run shows, with the step it diverged or converged at."""
    st.metric(t("gradient_descent.regime"), t(f"gradient_descent.regime.{run.regime}"), help=t("gradient_descent.regime_help"))
    if run.diverged_at is not None:
        st.warning(t("gradient_descent.diverged", step=run.diverged_at))
    else:
        st.caption(t("gradient_descent.not_converged", steps=steps) if run.converged_at is None
                   else t("gradient_descent.converged", step=run.converged_at))


@st.fragment(run_every=playback.tick(PLAY_KEY))
def descent_view() -> None:
    """The three sections, showing the iterations up to the player's step (the whole run when stopped):
    the player drives the inspected step k too."""
    at = playback.bar(PLAY_KEY, steps, "player.unit.step")
    k = inspect if at is None else at
    upto = None if at is None else at + 1  # iterates shown of the 2-D paths
    curve_section(k, shown_all=at is None)
    bowl_section(upto)
    batch_section(k, upto)


def curve_section(k: int, shown_all: bool) -> None:
    """1 · one parameter: the iterates, the tangent line at step k and where it can be trusted."""
    st.subheader(t("gradient_descent.section.curve"))
    equation(r"L(\theta) = \tfrac14\theta^4 + \tfrac13\theta^3 - 0.35\,\theta^2 - 1.3\,\theta,"
             r"\qquad L'(\theta) = (\theta - 1)\big((\theta + 1)^2 + 0.3\big)")
    shown = descent.taylor_view(curve_run, k, learning_rate)
    taylor = shown.taylor
    chart_column, number_column = st.columns([3, 2])
    with chart_column:
        charts.show(descent_charts.curve(shown, curve_run, len(curve_run.losses) if shown_all else shown.step_index + 1))
    with number_column:
        report(curve_run)
        predicted_column, actual_column = st.columns(2)
        predicted_column.metric(t("gradient_descent.predicted"), f"{taylor.predicted:.4f}")
        actual_column.metric(t("gradient_descent.actual"), f"{taylor.actual:.4f}", delta=f"{taylor.error:+.4f}",
                             delta_color="off")
        relative = "—" if math.isnan(taylor.relative_error) else f"{taylor.relative_error:.1%}"
        st.metric(t("gradient_descent.relative_error"), relative, help=t("gradient_descent.relative_error_help"))
        verdict = t("gradient_descent.trust.inside" if shown.step_trusted else "gradient_descent.trust.outside")
        st.caption(t("gradient_descent.trust", low=shown.trusted[0], high=shown.trusted[1], step=taylor.step, verdict=verdict))


def bowl_section(upto: int | None) -> None:
    """2 · two parameters: an elongated bowl, steep along θ₂ and shallow along θ₁."""
    st.subheader(t("gradient_descent.section.bowl"))
    equation(r"L(\theta_1, \theta_2) = \tfrac12\big(\lambda_1 \theta_1^2 + \lambda_2 \theta_2^2\big),\ \lambda = (1, 4)"
             r"\qquad \theta_{j,k+1} = (1 - \eta \lambda_j)\, \theta_{j,k}")
    x_box = descent.plot_window(bowl_run.path[:, 0], -3.0, 3.0, 6.0)
    y_box = descent.plot_window(bowl_run.path[:, 1], -2.0, 2.0, 6.0)
    chart_column, number_column = st.columns([3, 2])
    with chart_column:
        descent_charts.surface("bowl", x_box, y_box, {t("gradient_descent.series.descent"): bowl_run.path[:upto]},
                               t("gradient_descent.bowl_title", start=descent.BOWL_START), "θ₁", "θ₂")
    with number_column:
        report(bowl_run)
        st.metric(t("gradient_descent.final_loss"), f"{bowl_run.losses[-1]:.3g}")
    st.caption(t("gradient_descent.regime_caption", start=descent.SHOULDER_START, steps=descent.DEFAULT_STEPS,
                 **descent.REGIME_EXAMPLES))


def batch_section(k: int, upto: int | None) -> None:
    """3 · full batch vs mini-batches on the toy regression: the batch gradient estimates the full one."""
    st.subheader(t("gradient_descent.section.batch"))
    equation(r"\nabla L = \frac1N \sum_{i=1}^{N} \nabla l_i \;\approx\; g_B = \frac1M \sum_{i \in B} \nabla l_i,"
             r"\qquad l_i = \tfrac12 (w x_i + b - y_i)^2")
    for run in (full, mini):
        if run.diverged_at is not None:
            st.warning(t("gradient_descent.diverged", step=run.diverged_at))
    k_batch = min(k, len(full.path) - 1)
    cosines = descent.gradient_cosines(x, y, full.path[k_batch], batch_size, COSINE_SAMPLES, seed)
    w_box = descent.plot_window(np.concatenate([full.path[:, 0], mini.path[:, 0]]), -2.0, 4.0, 8.0)
    b_box = descent.plot_window(np.concatenate([full.path[:, 1], mini.path[:, 1]]), -3.0, 3.0, 8.0)
    path_column, cosine_column = st.columns(2)
    with path_column:
        paths = {t("gradient_descent.series.full"): full.path[:upto],
                 t("gradient_descent.series.mini", batch=batch_size): mini.path[:upto]}
        descent_charts.surface("regression", w_box, b_box, paths,
                               t("gradient_descent.batch_title", start=descent.REGRESSION_START), "w", "b")
        st.caption(t("gradient_descent.paths_caption", n=len(x), batch=batch_size, per_epoch=len(x) // batch_size,
                     epochs=steps * batch_size / len(x)))
    with cosine_column:
        if cosines.size:
            charts.show(descent_charts.cosines(cosines, t("gradient_descent.cosine_title", samples=COSINE_SAMPLES,
                                                          batch=batch_size, step=k_batch)))
            mean_column, downhill_column = st.columns(2)
            mean_column.metric(t("gradient_descent.mean_cosine"), f"{cosines.mean():.3f}")
            downhill_column.metric(t("gradient_descent.downhill"), f"{(cosines > 0).mean():.0%}",
                                   help=t("gradient_descent.downhill_help"))
        else:
            st.info(t("gradient_descent.no_gradient"))
        st.caption(t("gradient_descent.cosine_caption"))


# Whole runs, computed once per script run; the player only cuts them.
curve_run = descent.descend_shoulder(start, learning_rate, steps)
bowl_run = descent.descend_bowl(descent.BOWL_START, learning_rate, steps)
x, y = toy_regression()
full = descent.regression_descent(x, y, descent.REGRESSION_START, learning_rate, steps)
mini = descent.regression_descent(x, y, descent.REGRESSION_START, learning_rate, steps, batch_size, seed)
descent_view()
