"""Chapter 1 · the loss as maximum likelihood: Gaussian output ⇒ MSE, Bernoulli output ⇒ cross-entropy."""

import altair as alt
import pandas as pd
import streamlit as st

from core.analytic import likelihood
from ui import charts, controls
from ui.frame import frame, introduce
from ui.i18n import t

DEFAULTS = {"ml_point": 16, "ml_slope": 0.4, "ml_intercept": 0.0, "ml_sigma": 0.8, "ml_weight": 1.0, "ml_bias": 0.0}
SEED_KEY, COUNT_KEY = "ml_sample_seed", "ml_draw_count"  # session state, never the URL
DRAWS_PER_CLICK, MAX_DRAWS, SHOWN_DRAWS = 10, 1000, 10
RED, BLUE, GREY = "#d62728", "#1f77b4", "#7f7f7f"
data = likelihood.toy_data()


def draw_more() -> None:
    st.session_state[COUNT_KEY] = min(st.session_state[COUNT_KEY] + DRAWS_PER_CLICK, MAX_DRAWS)


def clear_draws() -> None:  # a new seed, so the next draws are new ones, not the old ones again
    st.session_state[COUNT_KEY] = 0
    st.session_state[SEED_KEY] += 1


view = frame("maximum_likelihood")
st.session_state.setdefault(SEED_KEY, 0)
st.session_state.setdefault(COUNT_KEY, 0)
point = controls.slider("ml_point", DEFAULTS, "maximum_likelihood.point", 1, int(data.x.size), 1,
                        help_key="maximum_likelihood.point_help")
st.sidebar.caption(t("maximum_likelihood.gaussian"))
slope = controls.slider("ml_slope", DEFAULTS, "maximum_likelihood.slope", -2.0, 3.0, 0.05)
intercept = controls.slider("ml_intercept", DEFAULTS, "maximum_likelihood.intercept", -2.0, 2.0, 0.05)
sigma = controls.slider("ml_sigma", DEFAULTS, "maximum_likelihood.sigma", 0.1, 3.0, 0.05)
st.sidebar.caption(t("maximum_likelihood.bernoulli"))
weight = controls.slider("ml_weight", DEFAULTS, "maximum_likelihood.weight", -5.0, 5.0, 0.1)
bias = controls.slider("ml_bias", DEFAULTS, "maximum_likelihood.bias", -3.0, 3.0, 0.1)
st.sidebar.caption(t("maximum_likelihood.sampling"))
st.sidebar.button(t("maximum_likelihood.sample", count=DRAWS_PER_CLICK), key="ml_sample", on_click=draw_more, width="stretch",
                  help=t("maximum_likelihood.sample_help"))
st.sidebar.button(t("maximum_likelihood.clear"), key="ml_clear", on_click=clear_draws, width="stretch")
controls.reset_button(DEFAULTS)

introduce(view, t("maximum_likelihood.intro"), (
    r"L(\theta) = -\sum_{i=1}^{N} \log p\big(y_i \mid f_\theta(x_i)\big)",
    r"\begin{aligned} p(y \mid \mu) &= \mathcal{N}(y;\, \mu, \sigma^2) \\ "
    r"-\log p(y \mid \mu) &= \frac{(y - \mu)^2}{2\sigma^2} + \log \sigma\sqrt{2\pi} \\ "
    r"L &= \frac{N \cdot \mathrm{MSE}}{2\sigma^2} + N \log \sigma\sqrt{2\pi} \end{aligned}",
    r"\begin{aligned} p(y \mid p) &= p^{\,y} (1 - p)^{1 - y} \\ "
    r"-\log p(y \mid p) &= -[\,y \log p + (1 - y) \log(1 - p)\,] \\ L &= N \cdot \mathrm{CE} \end{aligned}",
), "maximum_likelihood.explain")

i = point - 1  # the slider counts points from 1
x0, y0, label0 = float(data.x[i]), float(data.y[i]), int(data.label[i])
mean, probability = likelihood.line(data.x, slope, intercept), likelihood.logistic(data.x, weight, bias)
gaussian, bernoulli = likelihood.compare_gaussian(data.y, mean, sigma), likelihood.compare_bernoulli(data.label, probability)
draws = likelihood.draw_outputs(float(mean[i]), sigma, float(probability[i]), st.session_state[COUNT_KEY],
                                st.session_state[SEED_KEY])
points = pd.DataFrame({"x": data.x, "y": data.y, "label": data.label, "chosen": data.x == x0})


def data_chart(title: str, y_field: str, y_title: str, curve: pd.DataFrame) -> alt.LayerChart:
    """The data (chosen point in red) under the model's curve and band. Channel objects, not "x:Q" strings or
    alt.condition: Altair checks those against its JSON schema, which took most of a rerun's time."""
    x_axis, y_axis = alt.X("x:Q", title=t("maximum_likelihood.x")), alt.Y(f"{y_field}:Q", title=y_title)
    base = alt.Chart(curve, title=title, height=charts.height())
    layers = [base.mark_line(color=BLUE, strokeWidth=3).encode(x=x_axis, y=alt.Y("model:Q", title=y_title))]
    if "low" in curve:
        layers.insert(0, base.mark_area(color=BLUE, opacity=0.15).encode(
            x=x_axis, y=alt.Y("low:Q", title=y_title), y2=alt.Y2("high")))
    chosen = alt.Scale(domain=[False, True], range=[GREY, RED])
    dots = alt.Chart(points).mark_circle(opacity=0.9).encode(
        x=x_axis, y=y_axis, color=alt.Color("chosen:N", scale=chosen, legend=None),
        size=alt.Size("chosen:O", scale=alt.Scale(domain=[False, True], range=[60, 220]), legend=None),
        tooltip=[alt.Tooltip("x:Q", format=".3f"), alt.Tooltip(f"{y_field}:Q", title=y_title, format=".3f")])
    return alt.layer(*layers, dots)


def density_chart() -> alt.LayerChart:
    """p(y | f(x₀)) along y: the target y₀ (red), the mean (dashed), all draws (bars) and the latest (ticks)."""
    grid, density = likelihood.density_curve(float(mean[i]), sigma, y0)
    nll = float(likelihood.gaussian_nll(y0, mean[i], sigma))
    y_axis, density_axis = alt.X("y:Q", title=t("maximum_likelihood.y")), alt.Y("p:Q", title=t("maximum_likelihood.density"))
    names = [t("maximum_likelihood.target"), t("maximum_likelihood.mean")]
    curve = alt.Chart(pd.DataFrame({"y": grid, "p": density})).mark_line(color=BLUE, strokeWidth=3).encode(
        x=y_axis, y=density_axis)
    rules = alt.Chart(pd.DataFrame({"y": [y0, float(mean[i])], "what": names})).mark_rule(strokeWidth=3).encode(
        x=y_axis, color=alt.Color("what:N", title=None, scale=alt.Scale(domain=names, range=[RED, GREY])),
        strokeDash=alt.StrokeDash("what:N", title=None, scale=alt.Scale(domain=names, range=[[1, 0], [6, 4]])),
        tooltip=[alt.Tooltip("what:N", title=" "), alt.Tooltip("y:Q", title=t("maximum_likelihood.y"), format=".3f")])
    layers = [curve, rules]
    if draws.count:
        left, right, height = likelihood.histogram_density(draws.gaussian, float(grid[0]), float(grid[-1]))
        bars = alt.Chart(pd.DataFrame({"left": left, "right": right, "p": height})).mark_rect(color=BLUE, opacity=0.3).encode(
            x=alt.X("left:Q", title=t("maximum_likelihood.y")), x2=alt.X2("right"), y=density_axis)
        ticks = alt.Chart(pd.DataFrame({"y": draws.gaussian[-SHOWN_DRAWS:]})).mark_tick(color="black", thickness=2).encode(
            x=y_axis, y=alt.YDatum(0))  # the latest draws, as a rug on the baseline
        layers = [bars, curve, ticks, rules]
    # Title and height go on the layer: Vega-Lite ignores a later sub-chart's height.
    title = alt.Title([t("maximum_likelihood.density_title", x0=x0), t("maximum_likelihood.density_target", y0=y0),
                       t("maximum_likelihood.density_nll", nll=nll)])
    return alt.layer(*layers, title=title, height=charts.height())


def bernoulli_chart() -> alt.Chart:
    """The model's P(y = 1), P(y = 0) at x₀ next to how often each came up in the draws; the target outlined."""
    sources = [t("maximum_likelihood.source.model"), t("maximum_likelihood.source.draws")]
    shares = {sources[0]: float(probability[i])} | ({sources[1]: draws.fraction_of_ones} if draws.count else {})
    bars = pd.DataFrame([(source, outcome, float(value)) for source, share in shares.items()  # P(1) and P(0) per source
                         for outcome, value in zip((1, 0), likelihood.bernoulli_probability([1, 0], share), strict=True)],
                        columns=["source", "outcome", "value"])
    bars["observed"] = bars.outcome == label0
    nll = float(likelihood.bernoulli_nll(label0, probability[i]))
    title = alt.Title([t("maximum_likelihood.bars_title", x0=x0), t("maximum_likelihood.bars_target", label=label0),
                       t("maximum_likelihood.bars_nll", nll=nll)])
    return alt.Chart(bars, title=title, height=charts.height()).mark_bar(strokeWidth=4).encode(
        x=alt.X("outcome:O", title=t("maximum_likelihood.outcome"), sort=[1, 0], axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("source:N", sort=sources),
        y=alt.Y("value:Q", title=t("maximum_likelihood.probability"), scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("source:N", title=None, scale=alt.Scale(domain=sources, range=[BLUE, GREY])),
        stroke=alt.Stroke("observed:N", scale=alt.Scale(domain=[False, True], range=["transparent", RED]), legend=None),
        tooltip=[alt.Tooltip("source:N", title=" "), alt.Tooltip("outcome:O", title=t("maximum_likelihood.outcome")),
                 alt.Tooltip("value:Q", title=t("maximum_likelihood.probability"), format=".3f")])


def show_comparison(comparison: likelihood.LossComparison, kind: str) -> None:
    values = {"nll": comparison.nll, "loss": comparison.loss, "from_loss": comparison.nll_from_loss}
    for column, (name, value) in zip(st.columns(3), values.items(), strict=True):
        column.metric(t(f"maximum_likelihood.metric.{kind}_{name}"), f"{value:.6f}")
    st.caption(t("maximum_likelihood.identity", count=comparison.count, difference=comparison.difference))


st.subheader(t("maximum_likelihood.gaussian"))
band_mean, band_low, band_high = likelihood.line_band(likelihood.INPUT_GRID, slope, intercept, sigma)
line = pd.DataFrame({"x": likelihood.INPUT_GRID, "model": band_mean, "low": band_low, "high": band_high})
left, right = st.columns(2)
charts.show(data_chart(t("maximum_likelihood.data_title"), "y", t("maximum_likelihood.y"), line), container=left)
charts.show(density_chart(), container=right)
show_comparison(gaussian, "gaussian")
best_slope, best_intercept = likelihood.least_squares_line(data.x, data.y)
st.caption(t("maximum_likelihood.best_line", slope=best_slope, intercept=best_intercept,
             sigma=likelihood.maximum_likelihood_sigma(data.y, mean)))

st.subheader(t("maximum_likelihood.bernoulli"))
curve = pd.DataFrame({"x": likelihood.INPUT_GRID, "model": likelihood.logistic(likelihood.INPUT_GRID, weight, bias)})
left, right = st.columns(2)
charts.show(data_chart(t("maximum_likelihood.logistic_title"), "label", t("maximum_likelihood.label_axis"), curve),
            container=left)
charts.show(bernoulli_chart(), container=right)
show_comparison(bernoulli, "bernoulli")
best_weight, best_bias = likelihood.maximum_likelihood_logistic(data.x, data.label)
st.caption(t("maximum_likelihood.best_logistic", weight=best_weight, bias=best_bias))

st.subheader(t("maximum_likelihood.sampling"))
st.markdown(t("maximum_likelihood.sampling_intro", x0=x0, mean=float(mean[i]), sigma=sigma, p=float(probability[i])))
if not draws.count:
    st.info(t("maximum_likelihood.draws_none"))
else:
    summary = {"draws": f"{draws.count}", "sample_mean": f"{draws.gaussian_mean:.3f}",
               "sample_std": f"{draws.gaussian_std:.3f}", "fraction": f"{draws.fraction_of_ones:.3f}"}
    for column, (name, value) in zip(st.columns(4), summary.items(), strict=True):
        column.metric(t(f"maximum_likelihood.metric.{name}"), value)
    st.markdown(t("maximum_likelihood.draws_latest", gaussian=", ".join(f"{v:.2f}" for v in draws.gaussian[-SHOWN_DRAWS:]),
                  bernoulli=", ".join(str(v) for v in draws.bernoulli[-SHOWN_DRAWS:])))
