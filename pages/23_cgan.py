"""Chapter 5 · the conditional GAN beside the CVAE: rows of the same noise, columns the labels 0–9
(the lecture collection's grid), and how often the classifier reads each column as its label."""

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core import data, generative, pretrained
from ui import charts, controls, gan_digit_views, images, loaders
from ui.frame import frame, introduce
from ui.i18n import t

MODELS = {"cgan": pretrained.CGAN_NAME, "cvae": "cvae_mnist_d2"}
DIGITS = np.arange(data.CLASSES)
BAR = 0.95  # the share of samples per label the issue asks the conditional GAN to get right
DEFAULTS = {"cg_seed": 0, "cg_rows": 6}

view = frame("cgan")
seed = controls.slider("cg_seed", DEFAULTS, "cgan.seed", 0, 999, 1, help_key="cgan.seed_help")
rows = controls.slider("cg_rows", DEFAULTS, "cgan.rows", 1, 10, 1)
controls.reset_button(DEFAULTS)
introduce(view, t("cgan.intro"), (
    r"\min_G \max_D\; \mathbb{E}_{(x, y)}\big[\log D(x, y)\big]"
    r" + \mathbb{E}_{z, y}\big[\log\big(1 - D(G(z, y), y)\big)\big]",
), "cgan.explain")

models = {kind: loaders.pretrained_model(name) for kind, name in MODELS.items()}
for column, (kind, model) in zip(st.columns(2, gap="medium"), models.items(), strict=True):
    decoder = model.generator if kind == "cgan" else model.decoder
    z = np.random.default_rng(seed).standard_normal((int(rows), model.recipe.code_size))
    grid = generative.decode(decoder, np.repeat(z, len(DIGITS), axis=0), np.tile(DIGITS, int(rows)))  # one call
    column.subheader(t(f"cgan.kind.{kind}", d=model.recipe.code_size))
    images.show(grid, columns=len(DIGITS), container=column, scale=2, caption=t("cgan.grid_caption"))

names = {kind: t(f"cgan.kind.{kind}", d=model.recipe.code_size) for kind, model in models.items()}
fidelity = pd.DataFrame([(names[kind], str(d), model.metrics[f"sample_accuracy_{d}"])
                         for kind, model in models.items() for d in DIGITS], columns=["model", "label", "share"])
label, share = t("cgan.label_axis"), t("cgan.share_axis")
bars = alt.Chart(fidelity).mark_bar().encode(
    x=alt.X("label:N", title=label, axis=alt.Axis(labelAngle=0)), xOffset=alt.XOffset("model:N"),
    y=alt.Y("share:Q", title=share, axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0.8, 1.0], clamp=True)),
    color=alt.Color("model:N", title=None, scale=alt.Scale(domain=list(names.values()),
                                                           range=list(gan_digit_views.PALETTE[:2])),
                    legend=alt.Legend(orient="top", labelLimit=0)),
    tooltip=[alt.Tooltip("model:N", title=" "), alt.Tooltip("label:N", title=label),
             alt.Tooltip("share:Q", title=share, format=".1%")])
rule = alt.Chart(pd.DataFrame({"share": [BAR]})).mark_rule(color="#555555", strokeDash=[4, 3]).encode(y=alt.Y("share:Q"))
charts.show(alt.layer(bars, rule).properties(title=t("cgan.fidelity_title"), height=charts.height(180)))
st.caption(t("cgan.fidelity_caption", cgan=f"{models['cgan'].metrics['sample_accuracy']:.1%}",
             cvae=f"{models['cvae'].metrics['sample_accuracy']:.1%}", bar=f"{BAR:.0%}"))
