"""Chapter 4 · the 2-D VAE: its learned manifold (Kingma & Welling, Fig. 4) and its latent map; click to decode."""

import numpy as np
import streamlit as st

from core import generative, latent, pretrained
from ui import controls, images, latent_views, loaders
from ui.frame import frame, introduce
from ui.i18n import t

LIMIT = 3.5  # the latent map's half-width: N(0, I) puts 99.8 % of its mass inside ±3
PRIOR_SAMPLES = 300
SHOWN = 10  # test images in the reconstruction rows
SEED = 2017
DEFAULTS = {"vm_grid": 20, "vm_range": 1.65, "vm_z1": 0.0, "vm_z2": 0.0, "vm_prior": True}
MODEL, WIDE = pretrained.vae_name(2), pretrained.vae_name(20)

view = frame("vae_manifold")
size = controls.slider("vm_grid", DEFAULTS, "vae_manifold.grid", 5, 30, 1, help_key="vae_manifold.grid_help")
outer = controls.slider("vm_range", DEFAULTS, "vae_manifold.range", 0.5, 3.0, 0.05, help_key="vae_manifold.range_help")
z1, z2 = latent_views.point_sliders("vm", DEFAULTS, "vae_manifold.point")
show_prior = st.sidebar.toggle(t("vae_manifold.show_prior"), value=DEFAULTS["vm_prior"], key="vm_prior", bind="query-params")
controls.reset_button(DEFAULTS)

introduce(view, t("vae_manifold.intro"), (
    r"-\mathrm{ELBO}(x) = \underbrace{-\,\mathbb{E}_{q_\phi(z\mid x)}\big[\log p_\theta(x\mid z)\big]}"
    r"_{\text{reconstruction}}"
    r" + \underbrace{\mathrm{KL}\big(q_\phi(z\mid x)\,\|\,\mathcal{N}(0, I)\big)}_{\text{regularisation}}",
), "vae_manifold.explain")

split = loaders.dataset("mnist")
model = loaders.pretrained_model(MODEL)
codes = loaders.test_codes(MODEL)
prior = np.random.default_rng(SEED).standard_normal((PRIOR_SAMPLES, 2)) if show_prior else None

left, right = st.columns([3, 2])
with left:
    chart = latent_views.latent_map(codes, split.y_test, t("vae_manifold.map_title"), LIMIT, prior=prior, marker=(z1, z2),
                                    clickable=True)
    latent_views.show_clickable(chart, key=f"vm_map_{z1}_{z2}", limit=LIMIT, sliders=("vm_z1", "vm_z2"))
    st.caption(t("latent.map_caption") + " " + t("vae_manifold.click_caption"))
with right:
    st.subheader(t("vae_manifold.decoded_title", z1=f"{z1:+.2f}", z2=f"{z2:+.2f}"))
    decoded = generative.decode(model.decoder, np.array([[z1, z2]]))
    images.show(decoded, scale=8)
    nearest = int(np.argmin(np.square(codes - [z1, z2]).sum(axis=1)))
    st.caption(t("vae_manifold.decoded_caption", digit=int(split.y_test[nearest])))

st.subheader(t("vae_manifold.manifold_title", size=size, outer=f"{outer:.2f}"))
grid = latent.gaussian_grid_to(size, outer)
images.show(generative.decode(model.decoder, grid), columns=size, scale=1 if size > 20 else 2)
st.caption(t("vae_manifold.manifold_caption"))

st.subheader(t("vae_manifold.scores_title"))
columns = st.columns(2)
for column, name, dimensions in ((columns[0], MODEL, 2), (columns[1], WIDE, 20)):
    scores = loaders.pretrained_model(name).metrics
    column.metric(t("vae_manifold.metric.elbo", d=dimensions), f"{scores['test_neg_elbo']:.1f}",
                  help=t("vae_manifold.metric.elbo_help"))
    column.caption(t("vae_manifold.metric.split", reconstruction=f"{scores['test_reconstruction']:.1f}",
                     kl=f"{scores['test_kl']:.1f}"))
originals = split.x_test[:SHOWN]
images.show(originals, caption=t("vae_manifold.row.original"))
for name, dimensions in ((MODEL, 2), (WIDE, 20)):
    images.show(generative.apply(loaders.pretrained_model(name).model, originals),
                caption=t("vae_manifold.row.reconstruction", d=dimensions))
