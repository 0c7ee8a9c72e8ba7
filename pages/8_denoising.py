"""Chapter 3 · the denoising autoencoder: corrupt, reconstruct, compare with a plain one and PCA."""

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core import denoising, generative, noise, pretrained, upload
from ui import charts, controls, images, loaders
from ui.frame import frame, introduce
from ui.i18n import t

DEFAULTS = {"dn_kind": "gaussian", "dn_level": 0.4, "dn_first": 0, "dn_seed": 0}
SHOWN, FILTERS, CURVE_IMAGES = 8, 32, 500  # images in the grid, filters shown, test images per curve point
LEVELS = np.round(np.arange(0.0, 1.01, 0.1), 2)
PCA_COMPONENTS = 50  # the linear baseline the issue names: project onto the top-50 principal directions

view = frame("denoising")
kind = controls.radio("dn_kind", DEFAULTS, "denoising.kind", list(noise.KINDS), "noise.kind")
level = controls.slider("dn_level", DEFAULTS, "denoising.level", 0.0, 1.0, 0.05, help_key="denoising.level_help")
first = controls.slider("dn_first", DEFAULTS, "denoising.first", 0, 2000 - SHOWN, 1)
seed = controls.slider("dn_seed", DEFAULTS, "denoising.seed", 0, 99, 1, help_key="denoising.seed_help")
controls.reset_button(DEFAULTS)

split = loaders.dataset("mnist")
plain = loaders.pretrained_model(pretrained.autoencoder_name("mnist", 30))
dae = loaders.pretrained_model("dae_mnist_d30")
basis = loaders.pca_basis("mnist")
reconstructors = {"plain": lambda x: generative.apply(plain.model, x),
                  "denoising": lambda x: generative.apply(dae.model, x),
                  "pca": lambda x: basis.reconstruct(x, PCA_COMPONENTS)}

introduce(view, t("denoising.intro"), (
    r"\tilde{x} \sim q(\tilde{x}\mid x),\qquad \min_{\phi,\theta}\; \mathbb{E}\,L\big(x,\; g_\theta(f_\phi(\tilde{x}))\big),"
    r"\qquad \mathrm{PSNR} = 10 \log_{10} \frac{1}{\mathrm{MSE}}\ \mathrm{dB}",
), "denoising.explain")

clean = split.x_test[first:first + SHOWN]
corrupted = noise.corrupt(clean, kind, level, seed=seed)
outputs, rows = denoising.denoise(clean, corrupted, reconstructors)
# Two rows side by side: clean | corrupted, plain | denoising, PCA | (the PSNR table's caption). On the
# projector one row per line instead, so every digit is about 100 px wide and reads from the back.
grid = [st.container()] * 2 if view.presenter else st.columns(2)
images.show(clean, caption=t("denoising.row.clean"), container=grid[0], scale=2)
for index, (name, picture) in enumerate([("corrupted", corrupted), ("plain", outputs["plain"]),
                                         ("denoising", outputs["denoising"]), ("pca", outputs["pca"])], start=1):
    images.show(picture, caption=t("denoising.row.with_psnr", row=t(f"denoising.series.{name}"), psnr=f"{rows[name].mean():.1f}"),
                container=grid[index % 2], scale=2)
table = pd.DataFrame({t(f"denoising.series.{name}"): values for name, values in rows.items()},
                     index=[f"#{first + i}" for i in range(SHOWN)]).T
st.caption(t("denoising.table_caption"))
st.dataframe(table.style.format("{:.1f}"), width="stretch")


@st.cache_data(show_spinner=False, max_entries=8)
def curve(kind: str, seed: int) -> pd.DataFrame:
    """PSNR against noise level on the first 500 test images, once per noise kind and draw."""
    return pd.DataFrame(denoising.psnr_curve(split.x_test[:CURVE_IMAGES], kind, LEVELS, reconstructors, seed=seed))


with st.spinner(t("denoising.computing")):
    points = curve(kind, seed)
points["series"] = points["series"].map(lambda name: t(f"denoising.series.{name}"))
psnr_chart = charts.lines(points, "level", "psnr", "series", t("denoising.curve_title", kind=t(f"noise.kind.{kind}")),
                          t("denoising.level_axis"), t("denoising.psnr_axis"),
                          base_height=300).mark_line(point=True, clip=True).encode(
    # An uncorrupted input is a perfect copy (PSNR capped at 60 dB): keep the axis on the interesting range.
    y=alt.Y("psnr:Q", title=t("denoising.psnr_axis"), scale=alt.Scale(domain=[5, 30])))
marker = alt.Chart(pd.DataFrame({"level": [level]})).mark_rule(color="#7f7f7f", strokeDash=[4, 4]).encode(x=alt.X("level:Q"))
charts.show(psnr_chart + marker)

st.subheader(t("denoising.filters_title"))
st.markdown(t("denoising.filters_intro"))
left, right = st.columns(2)
for column, model, name in [(left, plain, "plain"), (right, dae, "denoising")]:
    kernel = model.encoder.get_layer("encoder_1").kernel.numpy()
    images.show(denoising.first_layer_filters(kernel, FILTERS), columns=8, caption=t(f"denoising.series.{name}"),
                container=column, scale=2)

st.subheader(t("denoising.upload_title"))
# One limit for the label, the drop zone's own "Limit 5MB per file" and core/upload.py's check.
uploaded = st.file_uploader(t("denoising.upload", limit_mb=upload.MAX_MB), type=["png", "jpg", "jpeg"], key="dn_upload",
                            help=t("denoising.upload_help"), max_upload_size=upload.MAX_MB)
if uploaded is not None:
    try:
        digit = upload.digit_from_bytes(uploaded.getvalue())[None]
    except upload.UploadError as error:
        st.error(t(f"denoising.upload_error.{error.reason}", **error.details))
    else:
        noisy = noise.corrupt(digit, kind, level, seed=seed)
        denoised, yours = denoising.denoise(digit, noisy, reconstructors)
        row = [digit, noisy] + [denoised[name] for name in ("plain", "denoising", "pca")]
        images.show(np.concatenate(row), caption=t("denoising.upload_row", **{name: f"{yours[name][0]:.1f}" for name in yours}),
                    scale=4)
