"""Chapter 4 · the conditional VAE (Sohn et al., 2015): the label is the content, the 2-D code z the style."""

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core import data, evaluation, generative, latent, maps, pretrained
from ui import charts, controls, images, latent_views, loaders
from ui.frame import frame, introduce
from ui.i18n import t

MODEL, PLAIN = "cvae_mnist_d2", pretrained.beta_name(1.0)  # the plain VAE: same architecture, no label
LIMIT = 3.5  # the latent map's half-width
OUTER = 1.65  # the per-label manifold's outermost z, as on the VAE manifold page
ROWS = 8  # at most this many analogy rows
NEIGHBOURS = 5
DIGITS = np.arange(data.CLASSES)
DEFAULTS = {"cv_label": 3, "cv_z1": 0.0, "cv_z2": 0.0, "cv_first": 0, "cv_count": 4, "cv_grid": 10}

view = frame("cvae")
label = controls.slider("cv_label", DEFAULTS, "cvae.label", 0, 9, 1, help_key="cvae.label_help")
z1, z2 = latent_views.point_sliders("cv", DEFAULTS, "cvae.style")
first = controls.slider("cv_first", DEFAULTS, "cvae.first", 0, 2000 - ROWS, 1, help_key="cvae.first_help")
count = controls.slider("cv_count", DEFAULTS, "cvae.count", 1, ROWS, 1)
size = controls.slider("cv_grid", DEFAULTS, "cvae.grid", 5, 20, 1)
controls.reset_button(DEFAULTS)

introduce(view, t("cvae.intro"), (
    r"-\mathrm{ELBO}(x, y) = -\,\mathbb{E}_{q_\phi(z\mid x, y)}\big[\log p_\theta(x\mid z, y)\big]"
    r" + \mathrm{KL}\big(q_\phi(z\mid x, y)\,\|\,\mathcal{N}(0, I)\big)",
), "cvae.explain")

split = loaders.dataset("mnist")
model = loaders.pretrained_model(MODEL)
classifier = loaders.pretrained_model(evaluation.CLASSIFIER)
codes = loaders.test_codes(MODEL)


@st.cache_data(show_spinner=False, max_entries=4)
def agreement(points: np.ndarray, labels: np.ndarray) -> float:
    """How often a test image's 5 nearest codes share its label (10 % if z says nothing about it)."""
    return float(maps.label_agreement(points, labels, NEIGHBOURS).mean())


left, right = st.columns([2, 3])
with left:
    st.subheader(t("cvae.drawn_title", label=label, z1=f"{z1:+.2f}", z2=f"{z2:+.2f}"))
    drawn = generative.decode(model.decoder, np.array([[z1, z2]]), label)
    images.show(drawn, scale=8)
    st.caption(t("cvae.drawn_caption", reading=int(generative.classify(classifier.model, drawn)[0])))
    images.show(generative.decode(model.decoder, np.repeat([[z1, z2]], len(DIGITS), axis=0), DIGITS), scale=2,
                caption=t("cvae.same_style_caption"))
with right:
    chart = latent_views.latent_map(codes, split.y_test, t("cvae.map_title"), LIMIT, marker=(z1, z2), clickable=True)
    latent_views.show_clickable(chart, key=f"cv_map_{z1}_{z2}", limit=LIMIT, sliders=("cv_z1", "cv_z2"))
    st.caption(t("cvae.map_caption"))
    scores = st.columns(2)
    scores[0].metric(t("cvae.metric.agreement_cvae"), f"{agreement(codes, split.y_test):.0%}",
                     help=t("cvae.metric.agreement_help", k=NEIGHBOURS))
    if loaders.manifest_entry(PLAIN):  # the comparison needs the β = 1 model of the β series
        scores[1].metric(t("cvae.metric.agreement_vae"), f"{agreement(loaders.test_codes(PLAIN), split.y_test):.0%}",
                         help=t("cvae.metric.agreement_help", k=NEIGHBOURS))

st.subheader(t("cvae.analogy_title"))
originals, labels = split.x_test[first:first + count], split.y_test[first:first + count]
styles = codes[first:first + count]  # each test digit's μ(x, y), encoded with its own label
analogies = generative.decode(model.decoder, np.repeat(styles, len(DIGITS), axis=0), np.tile(DIGITS, count))
rows = np.concatenate([originals[:, None], analogies.reshape(count, len(DIGITS), 28, 28)], axis=1)
images.show(rows.reshape(-1, 28, 28), columns=len(DIGITS) + 1, scale=2,
            caption=t("cvae.analogy_caption", first=first, last=first + count - 1,
                      labels=", ".join(str(int(y)) for y in labels)))

def accuracy_chart(table: pd.DataFrame, chosen: int) -> alt.LayerChart:
    """Bars: the share of the label's 200 samples the classifier reads as that label; the chosen label in colour."""
    color = alt.when(alt.datum.label == chosen).then(alt.value("#e45756")).otherwise(alt.value("#4c78a8"))
    base = alt.Chart(table).encode(
        x=alt.X("label:O", title=t("cvae.axis.label"), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("accuracy:Q", title=t("cvae.axis.accuracy"), scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%")),
        tooltip=[alt.Tooltip("label:O", title=t("cvae.axis.label")),
                 alt.Tooltip("accuracy:Q", title=t("cvae.axis.accuracy"), format=".1%")])
    shares = base.mark_text(baseline="top", dy=6, color="white", fontSize=charts.height(12)).encode(
        text=alt.Text("accuracy:Q", format=".0%"))
    return alt.layer(base.mark_bar().encode(color=color), shares).properties(
        title=t("cvae.accuracy_chart_title"), height=charts.height(260))


manifold_column, accuracy_column = st.columns(2)
with manifold_column:
    st.subheader(t("cvae.manifold_title", label=label, size=size, outer=f"{OUTER:.2f}"))
    grid = latent.gaussian_grid_to(size, OUTER)
    images.show(generative.decode(model.decoder, grid, label), columns=size, scale=2 if size <= 12 else 1)
    st.caption(t("cvae.manifold_caption"))
with accuracy_column:
    st.subheader(t("cvae.accuracy_title"))
    found = loaders.manifest_entry(MODEL).get("metrics", {})
    table = pd.DataFrame({"label": DIGITS, "accuracy": [found.get(f"sample_accuracy_{d}", np.nan) for d in DIGITS]})
    charts.show(accuracy_chart(table, label))
    figures = st.columns(3)
    figures[0].metric(t("cvae.metric.sample_accuracy"), f"{found.get('sample_accuracy', np.nan):.1%}",
                      help=t("cvae.metric.sample_accuracy_help"))
    figures[1].metric(t("cvae.metric.this_label", label=label), f"{table.accuracy[label]:.1%}")
    figures[2].metric(t("cvae.metric.classifier"), f"{classifier.metrics['test_accuracy']:.1%}",
                      help=t("cvae.metric.classifier_help"))
    st.caption(t("cvae.accuracy_caption"))
