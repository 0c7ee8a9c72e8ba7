"""Chapter 4 · the reparameterisation trick: q(z | x) of one test image, its 1σ and 2σ ellipses, z = μ + σ ⊙ ε and the decodes."""

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core import generative, latent, pretrained
from ui import charts, controls, images, latent_views, loaders
from ui.frame import frame, introduce
from ui.i18n import t

LIMIT = 3.5  # the whole map's half-width, as on the VAE manifold page
ZOOM = 3.0  # the zoomed view's half-width in units of the larger σ: the 2σ ellipse and nearly every sample fit
LEVELS = (1, 2)  # the ellipses drawn: 1σ and 2σ
DEFAULTS = {"rp_index": 1, "rp_count": 8, "rp_seed": 0}  # test image 1: a 0 the 2-D VAE decodes cleanly
MODEL = pretrained.vae_name(2)

view = frame("reparameterisation")
index = controls.slider("rp_index", DEFAULTS, "reparameterisation.index", 0, 1999, 1, help_key="reparameterisation.index_help")
count = controls.slider("rp_count", DEFAULTS, "reparameterisation.count", 1, 16, 1, help_key="reparameterisation.count_help")
seed = controls.slider("rp_seed", DEFAULTS, "reparameterisation.seed", 0, 99, 1, help_key="reparameterisation.seed_help")
controls.reset_button(DEFAULTS)

introduce(view, t("reparameterisation.intro"), (
    r"z = \mu_\phi(x) + \sigma_\phi(x) \odot \varepsilon, \qquad \varepsilon \sim \mathcal{N}(0, I)"
    r"\qquad\Longrightarrow\qquad \frac{\partial z}{\partial \mu} = 1, \quad"
    r" \frac{\partial z}{\partial \sigma} = \varepsilon",
    r"\nabla_\phi\, \mathbb{E}_{z \sim q_\phi(z\mid x)}\big[\log p_\theta(x\mid z)\big]"
    r" = \mathbb{E}_{\varepsilon \sim \mathcal{N}(0, I)}\big[\nabla_\phi \log p_\theta\big(x \mid \mu_\phi(x)"
    r" + \sigma_\phi(x) \odot \varepsilon\big)\big]",
), "reparameterisation.explain")

split = loaders.dataset("mnist")
model = loaders.pretrained_model(MODEL)
codes = loaders.test_codes(MODEL)
image = split.x_test[index:index + 1]
mean, log_var = (values[0] for values in generative.encode(model.encoder, image))
sigma = latent.standard_deviation(log_var)
samples = latent.reparameterised_samples(mean, log_var, count, seed)
outlines = {level: latent.ellipse(mean, level * sigma) for level in LEVELS}


def axes(domain_x, domain_y) -> tuple[alt.X, alt.Y]:
    return (alt.X("z1:Q", title="z₁", scale=alt.Scale(domain=list(domain_x), nice=False)),
            alt.Y("z2:Q", title="z₂", scale=alt.Scale(domain=list(domain_y), nice=False)))


def overlay(x: alt.X, y: alt.Y) -> list[alt.Chart]:
    """The 1σ and 2σ ellipses (dashed: 2σ), the samples μ + σ ⊙ ε (black dots) and μ (a red cross)."""
    rings = pd.concat([pd.DataFrame({"z1": points[:, 0], "z2": points[:, 1], "step": np.arange(len(points)),
                                     "level": f"{level}σ"}) for level, points in outlines.items()])
    dots = pd.DataFrame({"z1": samples[:, 0], "z2": samples[:, 1]})
    centre = pd.DataFrame({"z1": [mean[0]], "z2": [mean[1]]})
    dash = alt.StrokeDash("level:N", legend=None, scale=alt.Scale(domain=["1σ", "2σ"], range=[[1, 0], [6, 4]]))
    return [alt.Chart(rings).mark_line(color="black", strokeWidth=2, clip=True).encode(
                x=x, y=y, order=alt.Order("step:Q"), strokeDash=dash),
            alt.Chart(dots).mark_circle(color="black", size=charts.height(50), opacity=0.9, clip=True).encode(x=x, y=y),
            alt.Chart(centre).mark_point(shape="cross", color="#d62728", filled=True, size=charts.height(260),
                                         clip=True).encode(x=x, y=y)]


def zoomed() -> alt.LayerChart:
    """The neighbourhood of μ at the same scale on both axes: nearby test codes (by digit), ellipses, samples."""
    window = latent.zoom_window(mean, sigma, ZOOM)
    x, y = axes(*window)
    near = pd.DataFrame({"z1": codes[:, 0], "z2": codes[:, 1], "digit": split.y_test.astype(str)})
    color = alt.Color("digit:N", legend=None, scale=alt.Scale(domain=[str(d) for d in range(10)]))
    context = alt.Chart(near).mark_circle(size=charts.height(60), opacity=0.5, clip=True).encode(x=x, y=y, color=color)
    return alt.layer(context, *overlay(x, y))


left, right = st.columns(2)
with left:
    whole = latent_views.latent_map(codes, split.y_test, t("reparameterisation.map_title"), LIMIT, marker=(mean[0], mean[1]),
                                    base_height=330, opacity=0.25)  # the test set, light
    latent_views.show(alt.layer(whole, *overlay(*axes((-LIMIT, LIMIT), (-LIMIT, LIMIT)))))
    st.caption(t("reparameterisation.map_caption"))
with right:
    # Drawn at its own square size, so the ellipse keeps its true shape.
    square = 330  # fixed, like the latent maps: it must fit its column on the projector too
    st.markdown(f"**{t('reparameterisation.zoom_title', factor=f'{ZOOM:g}')}**")  # above the chart: too long for its width
    latent_views.show(zoomed().properties(width=square, height=square))
    st.caption(t("reparameterisation.zoom_caption"))

mu_1, mu_2, sigma_1, sigma_2, kl_cell = st.columns([1, 1, 1, 1, 2])  # the KL label is the longest
mu_1.metric("μ₁", f"{mean[0]:+.3f}", help=t("reparameterisation.metric.mean_help"))
mu_2.metric("μ₂", f"{mean[1]:+.3f}", help=t("reparameterisation.metric.mean_help"))
sigma_1.metric("σ₁", f"{sigma[0]:.3f}", help=t("reparameterisation.metric.sigma_help"))
sigma_2.metric("σ₂", f"{sigma[1]:.3f}", help=t("reparameterisation.metric.sigma_help"))
kl_cell.metric(t("reparameterisation.metric.kl"), f"{generative.kl_to_standard_normal(mean[None], log_var[None])[0]:.2f}",
               help=t("reparameterisation.metric.kl_help"))

st.subheader(t("reparameterisation.decoded_title", index=index, digit=int(split.y_test[index])))
original, row = st.columns([1, 8])
images.show(image, container=original, scale=3, caption=t("reparameterisation.original"))
decoded = generative.decode(model.decoder, np.concatenate([mean[None], samples]))
images.show(decoded, container=row, scale=3, caption=t("reparameterisation.decoded_caption", count=count, seed=seed))
