"""Chapter 4 · why a plain autoencoder's codes cannot be sampled: the same N(0, I) samples through a 2-D AE and a 2-D VAE."""

import altair as alt
import pandas as pd
import streamlit as st

from core import evaluation, pretrained, priors, sampling
from ui import charts, controls, images, latent_views, loaders
from ui.frame import frame, introduce
from ui.i18n import t

PRIOR_SAMPLES = 500  # drawn on both maps, decoded and read by the classifier; the first K are shown
DEFAULTS = {"av_count": 20, "av_seed": 0}
MODELS = {"ae": pretrained.autoencoder_name("mnist", 2), "vae": pretrained.vae_name(2)}
SERIES_COLORS = {"test": "#9d9d9d", "ae": "#e15759", "vae": "#4e79a7"}

view = frame("ae_vs_vae")
count = controls.slider("av_count", DEFAULTS, "ae_vs_vae.count", 8, 40, 1, help_key="ae_vs_vae.count_help")
seed = controls.slider("av_seed", DEFAULTS, "ae_vs_vae.seed", 0, 99, 1, help_key="ae_vs_vae.seed_help")
controls.reset_button(DEFAULTS)

introduce(view, t("ae_vs_vae.intro"), (
    r"\text{AE: } \min_{f,g}\, \big\|x - g(f(x))\big\|"
    r"\qquad \text{sample: } z \sim \mathcal{N}(0, I),\; \hat{x} = g(z)",
    r"\text{VAE: } \min\; -\mathbb{E}_{q(z\mid x)}\big[\log p(x\mid z)\big]"
    r" + \mathrm{KL}\big(q(z\mid x)\,\|\,\mathcal{N}(0, I)\big)",
), "ae_vs_vae.explain")

split = loaders.dataset("mnist")
classifier = loaders.pretrained_model(evaluation.CLASSIFIER).model
prior, _ = priors.sample("normal", PRIOR_SAMPLES, seed)


@st.cache_data(show_spinner=False, max_entries=1)
def reference_confidence(_classifier, _images) -> float:
    """The classifier's mean confidence on the real test images, once per server."""
    return float(sampling.read_digits(_classifier, _images)[1].mean())


@st.cache_data(show_spinner=False, max_entries=32)
def judged(name: str, seed: int, _decoder, _classifier, _codes, _prior) -> sampling.PriorDraw:
    """The prior samples of one draw decoded and read by the classifier, once per model and seed."""
    return sampling.judge(_decoder, _classifier, _codes, _prior)


draws = {}
for column, (kind, name) in zip(st.columns(2), MODELS.items(), strict=True):
    model, codes = loaders.pretrained_model(name), loaders.test_codes(name)
    draw = draws[kind] = judged(name, seed, model.decoder, classifier, codes, prior)
    limit = sampling.axis_limit(codes)
    std, largest = sampling.spread(codes)
    with column:
        st.subheader(t(f"ae_vs_vae.{kind}.title"))
        chart = latent_views.latent_map(codes, split.y_test, t("ae_vs_vae.map_title", limit=f"{limit:g}"), limit,
                                        prior=prior, base_height=280)
        latent_views.show(chart)
        st.caption(t("ae_vs_vae.map_caption" if kind == "ae" else "ae_vs_vae.map_caption_vae", limit=f"{limit:g}",
                     outside=sampling.outside(codes, limit),
                     std1=f"{std[0]:.1f}", std2=f"{std[1]:.1f}", largest=f"{largest:.0f}"))
        images.show(draw.decoded[:count], columns=10, scale=2,
                    caption=t("ae_vs_vae.samples_caption", count=count, seed=seed))

# A table rather than metrics: six labelled figures in two half-width columns were cut short on the projector.
figures = {t("ae_vs_vae.metric.coverage"): [f"{draw.coverage:.0%}" for draw in draws.values()],
           t("ae_vs_vae.metric.rare"): [", ".join(map(str, sampling.rare_digits(draw.shares))) or t("ae_vs_vae.none")
                                 for draw in draws.values()],
           t("ae_vs_vae.metric.confidence"): [f"{draw.confidence.mean():.2f}" for draw in draws.values()]}
st.table(pd.DataFrame(figures, index=[t(f"ae_vs_vae.{kind}.title") for kind in draws]).T)
st.caption(" ".join([t("ae_vs_vae.metric.coverage_help"), t("ae_vs_vae.metric.rare_help"), t("ae_vs_vae.metric.confidence_help"),
                     t("ae_vs_vae.confidence_caption", reference=f"{reference_confidence(classifier, split.x_test):.2f}")]))
st.subheader(t("ae_vs_vae.mix_title", count=PRIOR_SAMPLES))
series = {"test": sampling.digit_shares(split.y_test)} | {kind: draw.shares for kind, draw in draws.items()}
names = {kind: t(f"ae_vs_vae.series.{kind}") for kind in series}
mix = pd.DataFrame([{"digit": str(digit), "share": float(shares[digit]), "series": names[kind]}
                    for kind, shares in series.items() for digit in range(10)])
color = alt.Color("series:N", title=None, sort=list(names.values()), legend=alt.Legend(labelLimit=400),
                  scale=alt.Scale(domain=list(names.values()), range=list(SERIES_COLORS.values())))
bars = alt.Chart(mix, height=charts.height(260)).mark_bar().encode(
    x=alt.X("digit:N", title=t("ae_vs_vae.mix_digit"), axis=alt.Axis(labelAngle=0)),
    xOffset=alt.XOffset("series:N", sort=list(names.values())), y=alt.Y("share:Q", title=t("ae_vs_vae.mix_share"),
                                                                        axis=alt.Axis(format="%")),
    color=color, tooltip=[alt.Tooltip("series:N", title=" "), alt.Tooltip("digit:N", title=t("ae_vs_vae.mix_digit")),
                          alt.Tooltip("share:Q", title=t("ae_vs_vae.mix_share"), format=".1%")])
charts.show(bars)
st.caption(t("ae_vs_vae.mix_caption", ae=f"{draws['ae'].shares.max():.0%}", vae=f"{draws['vae'].shares.max():.0%}"))
