"""Chapter 2 · reconstruction error against code size, PCA vs the autoencoder (Hinton & Salakhutdinov, 2006)."""

import altair as alt
import pandas as pd
import streamlit as st

from core import comparison, generative, metrics, pretrained
from ui import charts, controls, images, loaders
from ui.frame import frame, introduce
from ui.i18n import t

# d = 5: most of PCA's digits are blurred blobs while every one of the autoencoder's is readable
# (at d = 2 the autoencoder starts to swap digits too, at d = 10 and 30 PCA's are readable as
# well): the gap is easiest to see here. The ratio AE/PCA stays between 0.5 and 0.7 on MNIST.
DEFAULTS = {"cs_dataset": "mnist", "cs_code_size": 5, "cs_first": 0}
SHOWN = 10  # test images per row
PCA_COLOR, AE_COLOR = "#4c78a8", "#f58518"

view = frame("code_size")
dataset = loaders.dataset_choice("cs_dataset", DEFAULTS)
code_size = controls.choice_slider("cs_code_size", DEFAULTS, "code_size.code_size", list(pretrained.CODE_SIZES),
                                   help_key="code_size.code_size_help")
split = loaders.dataset(dataset)
first = controls.slider("cs_first", DEFAULTS, "code_size.first", 0, len(split.x_test) - SHOWN, 1, help_key="code_size.first_help")
controls.reset_button(DEFAULTS)

introduce(view, t("code_size.intro"), (
    r"\text{PCA:}\quad z = W_d\,(x - \mu),\qquad \hat x = \mu + W_d^{\top} z"
    r"\qquad\qquad \text{AE:}\quad z = f_\phi(x),\qquad \hat x = g_\theta(f_\phi(x))",
    r"L(x, \hat x) = -\sum_{i=1}^{784}\big[x_i \log \hat x_i + (1 - x_i)\log(1 - \hat x_i)\big]"
    r"\qquad \mathrm{MSE} = \frac{1}{784}\sum_{i=1}^{784} (x_i - \hat x_i)^2",
), "code_size.explain")

basis = loaders.pca_basis(dataset)
models = {size: loaders.pretrained_model(pretrained.autoencoder_name(dataset, size)) for size in pretrained.CODE_SIZES}


@st.cache_data(show_spinner=False, max_entries=4)
def errors_on_test_split(dataset: str, _split, _basis, _models) -> comparison.CodeSizeErrors:
    """All 2,000 test images through PCA and the four autoencoders, once per data set."""
    return comparison.code_size_errors(_split.x_test, _basis, {size: model.model for size, model in _models.items()})


with st.spinner(t("code_size.computing")):
    errors = errors_on_test_split(dataset, split, basis, models)
pca_mse, ae_mse, ratio = errors.at(code_size)

columns = st.columns(3)
columns[0].metric(t("code_size.metric.pca", d=code_size), f"{pca_mse:.4f}")
columns[1].metric(t("code_size.metric.ae", d=code_size), f"{ae_mse:.4f}")
columns[2].metric(t("code_size.metric.ratio", d=code_size), f"{ratio:.2f}", help=t("code_size.ratio_help"))

names = {"pca": t("code_size.series.pca"), "ae": t("code_size.series.ae")}
left, right = st.columns([2, 3])
table = pd.DataFrame({t("code_size.col.d"): errors.code_sizes, t("code_size.col.pca"): errors.pca_mse,
                      t("code_size.col.ae"): errors.autoencoder_mse, t("code_size.col.ratio"): errors.ratio})
left.subheader(t("code_size.table_title"))
left.dataframe(table, hide_index=True, column_config={
    t("code_size.col.pca"): st.column_config.NumberColumn(format="%.4f"),
    t("code_size.col.ae"): st.column_config.NumberColumn(format="%.4f"),
    t("code_size.col.ratio"): st.column_config.NumberColumn(format="%.2f")})
left.caption(t("code_size.table_caption", count=len(split.x_test)))

curves = pd.concat([pd.DataFrame({"d": errors.code_sizes, "mse": errors.pca_mse, "method": names["pca"]}),
                    pd.DataFrame({"d": errors.code_sizes, "mse": errors.autoencoder_mse, "method": names["ae"]})])
x_axis = alt.X("d:Q", title=t("code_size.axis.d"), scale=alt.Scale(type="log", domain=[1.6, 38]),
               axis=alt.Axis(values=list(pretrained.CODE_SIZES), format="d"))
line_chart = charts.lines(curves, "d", "mse", "method", t("code_size.chart_title"), t("code_size.axis.d"),
                          t("code_size.axis.mse"),
                          colors={names["pca"]: PCA_COLOR, names["ae"]: AE_COLOR}).mark_line(point=True).encode(
    x=x_axis, y=alt.Y("mse:Q", title=t("code_size.axis.mse"), scale=alt.Scale(type="log", nice=False, padding=14),
                      axis=alt.Axis(format=".3f", values=[0.005, 0.01, 0.02, 0.03, 0.05, 0.1])))
chosen = alt.Chart(pd.DataFrame({"d": [code_size]})).mark_rule(color="gray", strokeDash=[6, 4]).encode(x=x_axis)
charts.show(alt.layer(line_chart, chosen), container=right)

st.subheader(t("code_size.rows_title", d=code_size, first=first, last=first + SHOWN - 1))
originals = split.x_test[first:first + SHOWN]
reconstructions = {"pca": basis.reconstruct(originals, code_size),
                   "ae": generative.apply(models[code_size].model, originals)}
labels = loaders.class_names(dataset)
images.show(originals,
            caption=t("code_size.row.original", labels=", ".join(labels[y] for y in split.y_test[first:first + SHOWN])))
for method, rebuilt in reconstructions.items():
    images.show(rebuilt, caption=t("code_size.row.rebuilt", method=names[method],
                                   mse=metrics.mse(originals, rebuilt)))
