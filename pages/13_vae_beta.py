"""Chapter 4 · β-VAE: five 2-D VAEs trained on reconstruction + β·KL, from a plain autoencoder towards posterior collapse."""

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core import generative, pretrained, priors
from ui import charts, controls, images, latent_views, loaders
from ui.frame import frame, introduce
from ui.i18n import t

LIMIT = 3.5  # the latent map's smallest half-width: N(0, I) puts 99.8 % of its mass inside ±3
SHOWN = 10  # test images in the reconstruction rows
REGIME = {0.0: "autoencoder", 0.5: "weak", 1.0: "elbo", 2.0: "strong", 4.0: "collapse"}
TERMS = {"reconstruction": ("reconstruction_loss", "val_reconstruction_loss"), "kl": ("kl_loss", "val_kl_loss")}
DEFAULTS = {"vb_beta": 1.0, "vb_samples": 16, "vb_seed": 0}

view = frame("vae_beta")
beta = controls.choice_slider("vb_beta", DEFAULTS, "vae_beta.beta", list(pretrained.BETAS), help_key="vae_beta.beta_help")
count = controls.slider("vb_samples", DEFAULTS, "vae_beta.samples", 4, 32, 4, help_key="vae_beta.samples_help")
seed = controls.slider("vb_seed", DEFAULTS, "vae_beta.seed", 0, 99, 1, help_key="vae_beta.seed_help")
controls.reset_button(DEFAULTS)

introduce(view, t("vae_beta.intro"), (
    r"\mathcal{L}_\beta(x) = \underbrace{-\,\mathbb{E}_{q_\phi(z\mid x)}\big[\log p_\theta(x\mid z)\big]}"
    r"_{\text{reconstruction}}"
    r" + \beta\,\underbrace{\mathrm{KL}\big(q_\phi(z\mid x)\,\|\,\mathcal{N}(0, I)\big)}_{\text{KL}},"
    r"\qquad -\mathrm{ELBO}(x) = \mathcal{L}_1(x)",
), "vae_beta.explain")

split = loaders.dataset("mnist")
name = pretrained.beta_name(beta)
model = loaders.pretrained_model(name)
entry = loaders.manifest_entry(name)


def series_table() -> pd.DataFrame:
    """The five models' test figures from the manifest (nats per image), one row per β, in order."""
    rows = [{"beta": b, "label": f"β = {b:g}", "side": "left" if index % 2 == 0 else "right",  # labels alternate sides
             **loaders.manifest_entry(pretrained.beta_name(b)).get("metrics", {})} for index, b in enumerate(pretrained.BETAS)]
    return pd.DataFrame(rows).dropna()


def trade_off_chart(table: pd.DataFrame, chosen: float) -> alt.LayerChart:
    """Test reconstruction against test KL, one labelled point per β joined in order; the chosen β in colour."""
    x = alt.X("test_kl:Q", title=t("vae_beta.axis.kl_log"), scale=alt.Scale(type="log"))  # β = 0 pays ~30 times the KL
    y = alt.Y("test_reconstruction:Q", title=t("vae_beta.axis.reconstruction"), scale=alt.Scale(zero=False))
    tooltip = [alt.Tooltip("label:N", title="β"), alt.Tooltip("test_reconstruction:Q", title=t("vae_beta.axis.reconstruction"),
                                                             format=".1f"),
               alt.Tooltip("test_kl:Q", title=t("vae_beta.axis.kl"), format=".2f"),
               alt.Tooltip("test_neg_elbo:Q", title=t("vae_beta.axis.elbo"), format=".1f")]
    base = alt.Chart(table).encode(x=x, y=y, tooltip=tooltip)
    chosen_color = alt.when(alt.datum.beta == chosen).then(alt.value("#e45756")).otherwise(alt.value("#4c78a8"))
    chosen_size = alt.when(alt.datum.beta == chosen).then(alt.value(charts.height(400))).otherwise(alt.value(charts.height(110)))
    path = base.mark_line(color="#9d9d9d", strokeDash=[4, 4]).encode(order=alt.Order("beta:Q"))
    dots = base.mark_circle(opacity=1).encode(color=chosen_color, size=chosen_size)
    labels = [base.mark_text(align=align, dx=dx, fontSize=charts.height(14)).encode(text=alt.Text("label:N"))
              .transform_filter(alt.datum.side == side) for side, align, dx in (("left", "right", -16), ("right", "left", 16))]
    return alt.layer(path, dots, *labels).properties(title=t("vae_beta.trade_off_title"), height=charts.height(320))


def with_samples(chart: alt.LayerChart, prior, limit: float) -> alt.LayerChart:
    """The latent map with the prior samples as black crosses, numbered in the order of their decodes."""
    scale = alt.Scale(domain=[-limit, limit], nice=False)
    samples = pd.DataFrame({"z1": prior[:, 0], "z2": prior[:, 1], "number": range(1, len(prior) + 1)})
    samples = samples[(samples.z1.abs() <= limit) & (samples.z2.abs() <= limit)]
    base = alt.Chart(samples).encode(x=alt.X("z1:Q", scale=scale), y=alt.Y("z2:Q", scale=scale))
    crosses = base.mark_point(shape="cross", filled=True, color="black", size=charts.height(110))
    numbers = base.mark_text(align="left", dx=7, dy=-7, fontSize=charts.height(12), fontWeight="bold").encode(
        text=alt.Text("number:Q"))
    combined = chart.copy()  # appended, so the map keeps its data (Altair lifts a lone layer's data to the top)
    combined.layer = [*chart.layer, crosses, numbers]
    return combined


def epoch_table(terms: dict, term: str) -> pd.DataFrame:
    """One term per epoch on the training and the test split, long format for charts.lines."""
    keys = dict(zip(("train", "test"), TERMS[term], strict=True))
    return pd.DataFrame([(epoch, value, t(f"vae_beta.split.{part}")) for part, key in keys.items()
                         for epoch, value in enumerate(terms.get(key, []), start=1)], columns=["epoch", "nats", "split"])


table = series_table()
scores = model.metrics
st.subheader(t("vae_beta.trade_off_heading"))
chart_column, figures = st.columns([3, 2])
charts.show(trade_off_chart(table, beta), container=chart_column)
with figures:
    st.markdown(t("vae_beta.chosen_heading", beta=f"{beta:g}"))
    first_row, second_row = st.columns(2), st.columns(2)
    first_row[0].metric(t("vae_beta.metric.reconstruction"), f"{scores['test_reconstruction']:.1f}")
    first_row[1].metric(t("vae_beta.metric.kl"), f"{scores['test_kl']:.2f}")
    second_row[0].metric(t("vae_beta.metric.elbo"), f"{scores['test_neg_elbo']:.1f}", help=t("vae_beta.metric.elbo_help"))
    second_row[1].metric(t("vae_beta.metric.objective", beta=f"{beta:g}"), f"{entry['history'][-1][1]:.1f}",
                         help=t("vae_beta.metric.objective_help"))
    if beta in REGIME:  # what this β does, with its figures
        st.info(t(f"vae_beta.regime.{REGIME[beta]}", reconstruction=f"{scores['test_reconstruction']:.1f}",
                  kl=f"{scores['test_kl']:.2f}"))
shown = table.set_index("label")[["test_reconstruction", "test_kl", "test_neg_elbo"]]
shown.columns, shown.index.name = [t("vae_beta.axis.reconstruction"), t("vae_beta.axis.kl"), t("vae_beta.axis.elbo")], "β"
st.dataframe(shown.style.format("{:.2f}"), width="stretch")
ends = table.iloc[[0, -1]]  # the smallest and the largest β
st.caption(t("vae_beta.table_caption", low=f"{ends.beta.iloc[0]:g}", high=f"{ends.beta.iloc[1]:g}",
             kl_low=f"{ends.test_kl.iloc[0]:.1f}", kl_high=f"{ends.test_kl.iloc[1]:.1f}",
             rec_low=f"{ends.test_reconstruction.iloc[0]:.1f}", rec_high=f"{ends.test_reconstruction.iloc[1]:.1f}",
             best=f"{table.beta[table.test_neg_elbo.idxmin()]:g}"))

st.subheader(t("vae_beta.model_heading", beta=f"{beta:g}"))
codes = loaders.test_codes(name)
limit = max(LIMIT, float(np.quantile(np.abs(codes), 0.99)))  # wide enough for 99 % of the codes (β = 0: ±46)
prior, _ = priors.sample("normal", count, seed)
left, right = st.columns([3, 2])
with left:
    latent_views.show(with_samples(latent_views.latent_map(codes, split.y_test, t("vae_beta.map_title", beta=f"{beta:g}"),
                                                           limit, base_height=330), prior, limit))
    st.caption(t("vae_beta.map_caption", count=count, limit=f"{limit:.1f}"))
with right:
    st.markdown(t("vae_beta.samples_heading", count=count))
    images.show(generative.decode(model.decoder, prior), columns=8, scale=2)
    st.caption(t("vae_beta.samples_caption"))
    st.markdown(t("vae_beta.reconstruction_heading"))
    originals = split.x_test[:SHOWN]
    images.show(originals, columns=5, scale=2, caption=t("vae_beta.row.original"))
    images.show(generative.apply(model.model, originals), columns=5, scale=2, caption=t("vae_beta.row.reconstruction"))

st.subheader(t("vae_beta.epochs_heading", beta=f"{beta:g}"))
curves = st.columns(2)
for column, term in zip(curves, TERMS, strict=True):
    chart = charts.lines(epoch_table(entry.get("terms", {}), term), "epoch", "nats", "split", t(f"vae_beta.epochs_title.{term}"),
                         t("vae_beta.axis.epoch"), t(f"vae_beta.axis.{term}"))
    charts.show(chart.encode(x=charts.epoch_x(t("vae_beta.axis.epoch")),
                             y=alt.Y("nats:Q", title=t(f"vae_beta.axis.{term}"), scale=alt.Scale(zero=False))), container=column)
st.caption(t("vae_beta.epochs_caption"))
