"""Chapter 4 · the adversarial autoencoder (Makhzani et al., 2016): a discriminator replaces the KL, any sampled prior works."""

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core import generative, latent, pretrained, priors
from ui import charts, controls, images, latent_views, loaders
from ui.frame import frame, introduce
from ui.i18n import t

LIMIT = 2.6  # half-width of the code plane: all three priors have roughly unit scale and lie inside ±2.6
CHANCE = float(np.log(2))  # L_D and L_G of a discriminator that cannot tell codes from prior samples
SEED = 2017
MAP_SIZE = 340  # px: two square maps side by side fit the page, on the projector at 1280×720 too
METRICS = ("test_reconstruction", "prior_energy_distance", "reference_energy_distance")
DEFAULTS = {"aa_prior": "gaussian_mixture", "aa_grid": 15, "aa_samples": 1000, "aa_color": True}

view = frame("aae")
prior = controls.radio("aa_prior", DEFAULTS, "aae.prior", list(priors.PRIORS), "aae.prior_name")
size = controls.slider("aa_grid", DEFAULTS, "aae.grid", 5, 30, 1, help_key="aae.grid_help")
count = controls.slider("aa_samples", DEFAULTS, "aae.samples", 100, 2000, 100, help_key="aae.samples_help")
by_component = st.sidebar.toggle(t("aae.color"), value=DEFAULTS["aa_color"], key="aa_color", bind="query-params",
                                 help=t("aae.color_help"))
controls.reset_button(DEFAULTS)

introduce(view, t("aae.intro"), (
    r"\text{(a)}\ \min_{\phi,\theta}\ \mathbb{E}_x\big[-\log p_\theta(x \mid f_\phi(x))\big]",
    r"\begin{aligned}\text{(b)}\ \min_{\psi}\ \tfrac12\Big(&\mathbb{E}_{z' \sim p(z)}\big[-\log D_\psi(z')\big]"
    r" \\ &+ \mathbb{E}_x\big[-\log\big(1 - D_\psi(f_\phi(x))\big)\big]\Big)\end{aligned}",
    r"\text{(c)}\ \min_{\phi}\ \mathbb{E}_x\big[-\log D_\psi(f_\phi(x))\big]",
), "aae.explain")

name = pretrained.aae_name(prior)
split = loaders.dataset("mnist")
model = loaders.pretrained_model(name)
codes = loaders.test_codes(name)
samples, component = priors.sample(prior, count, SEED)
prior_label = t(f"aae.prior_name.{prior}")


def prior_chart() -> alt.Chart:
    """The prior samples alone, on the same axes as the codes; coloured by component if asked."""
    scale = alt.Scale(domain=[-LIMIT, LIMIT], nice=False)
    points = pd.DataFrame({"z1": samples[:, 0], "z2": samples[:, 1], "component": component.astype(str)})
    color = alt.value(latent_views.PRIOR_COLOR)
    if by_component:  # the digits' colours: the discriminator paired component k with digit k
        color = alt.Color("component:N", title=t("aae.component"), scale=alt.Scale(domain=[str(k) for k in range(10)]),
                          legend=alt.Legend(orient="bottom", columns=5 if view.presenter else 10))  # as the codes' map
    side = MAP_SIZE  # as the codes' map beside it, so both share one scale
    return alt.Chart(points, title=t("aae.prior_title", prior=prior_label, count=f"{count:,}")).mark_circle(
        size=charts.height(16), opacity=0.7, clip=True).encode(
        x=alt.X("z1:Q", title="z₁", scale=scale), y=alt.Y("z2:Q", title="z₂", scale=scale), color=color,
        tooltip=[alt.Tooltip("component:N", title=t("aae.component"))]).properties(width=side, height=side)


left, right = st.columns(2)
with left:
    latent_views.show(latent_views.latent_map(codes, split.y_test, t("aae.map_title", prior=prior_label), LIMIT,
                                              prior=samples, base_height=MAP_SIZE))
    st.caption(t("latent.map_caption"))
with right:
    latent_views.show(prior_chart())
    st.caption(t(f"aae.component_caption.{prior}") if by_component else t("aae.grey_caption"))

st.subheader(t("aae.grid_title", size=size, limit=f"{LIMIT:.1f}", prior=prior_label))
grid = latent.uniform_grid(size, LIMIT)
images.show(generative.decode(model.decoder, grid), columns=size, scale=1 if size > 20 else 2)
st.caption(t("aae.grid_caption"))


def term_frame(terms: dict, series: dict[str, str]) -> pd.DataFrame:
    """Long format for charts.lines: one row per epoch and curve; `series` maps a "terms" key to its label."""
    parts = [pd.DataFrame({"epoch": np.arange(1, len(terms[key]) + 1), "value": terms[key], "series": label})
             for key, label in series.items() if key in terms]
    return pd.concat(parts, ignore_index=True)


st.subheader(t("aae.training_title", prior=prior_label))
terms = loaders.manifest_entry(name).get("terms", {})
train_label, test_label = t("aae.series.train"), t("aae.series.test")
reconstruction = term_frame(terms, {"reconstruction_loss": train_label, "val_reconstruction_loss": test_label})
adversarial_names = {f"{prefix}{part}_loss": t(f"aae.series.{part}", split=label)
                     for part in ("discriminator", "generator") for prefix, label in (("", train_label), ("val_", test_label))}
adversarial = term_frame(terms, adversarial_names)
colors = dict(zip(adversarial_names.values(), ["#1f77b4", "#9ecae9", "#d62728", "#ff9d98"], strict=True))
chance = alt.Chart(pd.DataFrame({"value": [CHANCE]})).mark_rule(color="#555555", strokeDash=[5, 4]).encode(
    y=alt.Y("value:Q"))
left, right = st.columns(2)
with left:
    charts.show(charts.lines(reconstruction, "epoch", "value", "series", t("aae.reconstruction_chart"), t("aae.epoch"),
                             t("aae.nats"), base_height=280).encode(
        x=charts.epoch_x(t("aae.epoch")), y=alt.Y("value:Q", title=t("aae.nats"), scale=alt.Scale(zero=False))))
with right:
    charts.show(charts.lines(adversarial, "epoch", "value", "series", t("aae.adversarial_chart"), t("aae.epoch"),
                             t("aae.loss_axis"), colors=colors, base_height=280).encode(
        x=charts.epoch_x(t("aae.epoch")), y=alt.Y("value:Q", title=t("aae.loss_axis"), scale=alt.Scale(zero=False))) + chance)
st.caption(t("aae.training_caption", chance=f"{CHANCE:.3f}"))

st.subheader(t("aae.match_title"))
scores = model.metrics
for column, key in zip(st.columns(3), METRICS, strict=True):
    shown = f"{scores[key]:.1f}" if key == "test_reconstruction" else f"{scores[key]:.3g}"  # nats; distances ~0.001-0.1
    column.metric(t(f"aae.metric.{key}", prior=prior_label), shown, help=t(f"aae.metric.{key}_help"))
COLUMNS = (*METRICS, "component_agreement")  # the last only for the label-informed models
table = pd.DataFrame([[loaders.manifest_entry(pretrained.aae_name(p)).get("metrics", {}).get(key) for key in COLUMNS]
                      for p in priors.PRIORS], index=[t(f"aae.prior_name.{p}") for p in priors.PRIORS],
                     columns=[t(f"aae.col.{key}") for key in COLUMNS], dtype=float)
st.dataframe(table.style.format("{:.3g}", na_rep="—").format("{:.1f}", subset=[t("aae.col.test_reconstruction")])
             .format("{:.0%}", subset=[t("aae.col.component_agreement")], na_rep="—"), width="stretch")
st.caption(t("aae.match_caption"))
