"""Chapter 5 · VAE against GAN, as the lecture puts it: smooth and blurry against sharp with artefacts.
The same number of samples from the 2-D VAE, the 20-D VAE and the GAN beside real test images,
judged the same way, and each GAN sample beside its nearest training image."""

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core import comparison, pretrained, sample_quality
from ui import charts, controls, gan_digit_views, images, loaders
from ui.frame import frame, introduce
from ui.i18n import t

DEFAULTS = {"gv_seed": 0}
MODELS = {"vae2": pretrained.vae_name(2), "vae20": pretrained.vae_name(20), "gan": pretrained.GAN_NAME}
SHOWN = 25  # samples per model in the grids (5 × 5)
COMPARED = 10  # GAN samples shown beside their nearest training images

view = frame("gan_vs_vae")
seed = controls.slider("gv_seed", DEFAULTS, "gan_vs_vae.seed", 0, 999, 1)
controls.reset_button(DEFAULTS)
introduce(view, t("gan_vs_vae.intro"), explanation_key="gan_vs_vae.explain")

split = loaders.dataset("mnist")
shown = {kind: loaders.generated_digits(name, SHOWN, seed) for kind, name in MODELS.items()}
shown["real"] = split.x_test[np.random.default_rng(seed).choice(len(split.x_test), SHOWN, replace=False)]
for column, (kind, pictures) in zip(st.columns(4, gap="small"), shown.items(), strict=True):
    column.markdown(f"**{t(f'gan_vs_vae.kind.{kind}')}**")
    images.show(pictures, columns=5, container=column, scale=2)

with st.spinner(t("gan_vs_vae.scoring")):
    figures = {kind: loaders.sample_figures(name) for kind, name in MODELS.items()} | {"real": loaders.real_figures()}
names = {kind: t(f"gan_vs_vae.kind.{kind}") for kind in figures}
fair = gan_digit_views.FAIR_SHARE


def fair_digits(scores: dict) -> int:
    return sum(fair[0] <= scores[f"digit_share_{d}"] <= fair[1] for d in range(10))


table = pd.DataFrame({
    t("gan_vs_vae.column.model"): list(names.values()),
    t("gan_vs_vae.column.score"): [f"{f['classifier_score']:.2f}" for f in figures.values()],
    t("gan_vs_vae.column.fair"): [f"{fair_digits(f)} / 10" for f in figures.values()],
    t("gan_vs_vae.column.frechet"): [f"{f['frechet_distance']:.1f}" for f in figures.values()],
    t("gan_vs_vae.column.sharpness"): [f"{f['sharpness']:.3f}" for f in figures.values()],
    t("gan_vs_vae.column.nearest"): [f"{f['nearest_train_median']:.2f}" for f in figures.values()],
})
st.table(table, hide_index=True)  # a static table wraps its headers: every column stays whole on the projector
st.caption(t("gan_vs_vae.table_caption", samples=f"{sample_quality.SAMPLES:,}",
             nearest=f"{sample_quality.NEAREST_SAMPLES:,}"))
mix = pd.DataFrame([(names[kind], str(d), f[f"digit_share_{d}"]) for kind, f in figures.items() for d in range(10)],
                   columns=["model", "digit", "share"])
digit, share = t("gan_digits.digit_axis"), t("gan_digits.share_axis")
bars = alt.Chart(mix).mark_bar().encode(
    x=alt.X("digit:N", title=digit, axis=alt.Axis(labelAngle=0)), xOffset=alt.XOffset("model:N"),
    y=alt.Y("share:Q", title=share, axis=alt.Axis(format="%")),
    color=alt.Color("model:N", title=None, scale=alt.Scale(domain=list(names.values()), range=list(gan_digit_views.PALETTE)),
                    legend=alt.Legend(orient="top", labelLimit=0)),
    tooltip=[alt.Tooltip("model:N", title=" "), alt.Tooltip("digit:N", title=digit),
             alt.Tooltip("share:Q", title=share, format=".1%")])
band = alt.Chart(pd.DataFrame({"low": [fair[0]], "high": [fair[1]]})).mark_rect(color="#54a24b", opacity=0.12).encode(
    y=alt.Y("low:Q"), y2=alt.Y2("high:Q"))
charts.show(alt.layer(band, bars).properties(title=t("gan_vs_vae.mix_title"), height=charts.height(170)))

st.subheader(t("gan_vs_vae.copy_title"))
samples = shown["gan"][:COMPARED]
indices, distances = comparison.nearest_reference(samples, split.x_train)
images.show(samples, caption=t("gan_vs_vae.copy_samples"))
images.show(split.x_train[indices], caption=t("gan_vs_vae.copy_nearest", distances=" · ".join(f"{d:.1f}" for d in distances)))
st.caption(t("gan_vs_vae.copy_caption", gan=f"{figures['gan']['nearest_train_median']:.2f}",
             test=f"{figures['real']['nearest_train_median']:.2f}"))
