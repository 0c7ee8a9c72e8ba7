"""Chapter 2 · four 2-D maps of the same test images: PCA, the autoencoder, t-SNE and Isomap."""

from functools import partial

import altair as alt
import numpy as np
import streamlit as st

from core import maps, pretrained
from ui import charts, controls, images, loaders
from ui.frame import frame, introduce
from ui.i18n import t

POINTS = maps.POINTS  # the first 1,000 test images; their PCA, t-SNE and Isomap maps are bundled
NEIGHBOURS = 8  # shown for the selected image in each map
CLASSES = ["all", *(str(label) for label in range(10))]  # the ids in the URL, whatever the language
DEFAULTS = {"mm_dataset": "mnist", "mm_class": "all", "mm_index": 35}  # index 35: an 8 that PCA mixes up

view = frame("manifold_maps")
dataset = loaders.dataset_choice("mm_dataset", DEFAULTS)
split = loaders.dataset(dataset)
names = loaders.class_names(dataset)
highlight = controls.selectbox(
    "mm_class", DEFAULTS, "manifold_maps.class", CLASSES,
    lambda option: t("manifold_maps.class_all") if option == "all"
    else option if dataset == "mnist" else f"{option} · {names[int(option)]}",
    help=t("manifold_maps.class_help", classes=", ".join(f"{label} = {name}" for label, name in enumerate(names))))
# A slider, not an integer number_input: Streamlit 1.67's bound number_input raises OverflowError on ?mm_index=inf.
index = controls.slider("mm_index", DEFAULTS, "manifold_maps.index", 0, POINTS - 1, 1, help_key="manifold_maps.index_help")
controls.reset_button(DEFAULTS)

introduce(view, t("manifold_maps.intro", count=POINTS), (
    r"\text{PCA: } z = W_2\,(x - \mu) \qquad \text{AE: } z = f_\theta(x),\; \hat{x} = g_\phi(z) \qquad "
    r"\text{t-SNE: } \min_{z}\, \mathrm{KL}(P \,\|\, Q) \qquad \text{Isomap: } \mathrm{MDS}(d_G)",
    r"\text{agreement}_k = \frac{1}{n k} \sum_{i=1}^{n} \sum_{j \in N_k(i)} \mathbb{1}[y_j = y_i]",
), "manifold_maps.explain")


@st.cache_data(show_spinner=False, max_entries=2)
def four_maps(name: str, _images, _labels, _bundle, _encoder) -> maps.MapSet:
    """Once per data set and server (the autoencoder's codes and the scores), then read from here."""
    return maps.with_bundle(_bundle, _images, _labels, _encoder)


with st.spinner(t("manifold_maps.computing", count=POINTS)):  # one spinner for the whole switch of data set (0.4-0.6 s)
    model = loaders.pretrained_model(pretrained.autoencoder_name(dataset, 2))
    result = four_maps(dataset, split.x_test[:POINTS], split.y_test[:POINTS], loaders.bundled_maps(dataset), model.encoder)
method_names = {method: t(f"manifold_maps.method.{method}") for method in maps.METHODS}
legend_names = names if dataset == "mnist" else [f"{label} · {name}" for label, name in enumerate(names)]

# The maps first on the projector, their scores under them; elsewhere the scores lead.
scores, pictures = (st.container(), st.container())[::-1 if view.presenter else 1]
scores.subheader(t("manifold_maps.agreement_title", k=maps.AGREEMENT_NEIGHBOURS, count=POINTS))
for column, method in zip(scores.columns(4), maps.METHODS, strict=True):
    column.metric(method_names[method], f"{result.agreement[method]:.2f}",
                  help=t("manifold_maps.agreement_help", k=maps.AGREEMENT_NEIGHBOURS, count=POINTS))
scores.caption(t("manifold_maps.agreement_caption", pixels=f"{result.pixel_agreement:.2f}"))

near = {method: maps.neighbours(result.coordinates[method], index, NEIGHBOURS) for method in maps.METHODS}
table = maps.long_table(result.coordinates, result.labels, selected=index, near=near)
table["name"] = np.asarray(legend_names)[table.label]
table["map"] = table.method.map(method_names)


def map_grid() -> alt.FacetChart:
    """The four maps as one faceted chart, so a single click parameter covers all of them.

    Dots coloured by label (other classes grey while one is highlighted); a thick ring on the
    selected image in every map and thin rings on its nearest images in each map.
    """
    size, axis = charts.height(290), alt.Axis(title=None, labels=False, ticks=False, domain=False, grid=False)
    scale = alt.Scale(domain=[-1.06, 1.06], nice=False)
    color = alt.Color("name:N", title=t("manifold_maps.legend"), scale=alt.Scale(domain=legend_names),
                      legend=alt.Legend(orient="bottom", columns=5, symbolLimit=10))
    if highlight != "all":
        color = alt.when(alt.datum.label == int(highlight)).then(color).otherwise(alt.value("#d0d0d0"))
    tooltip = [alt.Tooltip("name:N", title=t("manifold_maps.tooltip.label")),
               alt.Tooltip("index:Q", title=t("manifold_maps.tooltip.index"))]
    base = alt.Chart().encode(x=alt.X("x:Q", scale=scale, axis=axis), y=alt.Y("y:Q", scale=scale, axis=axis), tooltip=tooltip)
    # nearest=True: a click anywhere in a map picks the dot nearest to it (Vega-Lite lays a Voronoi
    # diagram of the dots over the plot), not only a click right on a dot a few pixels wide.
    click = alt.selection_point(name="mm_point", fields=["index"], on="click", toggle=False, nearest=True)
    dots = base.mark_circle(size=charts.height(22), opacity=0.8, cursor="pointer").encode(color=color).add_params(click)
    selected = alt.datum.role == "selected"
    rings = base.mark_point(filled=False, color="black", cursor="pointer").encode(
        size=alt.when(selected).then(alt.value(420)).otherwise(alt.value(80)),
        strokeWidth=alt.when(selected).then(alt.value(3)).otherwise(alt.value(1.5))).transform_filter(alt.datum.role != "")
    header = alt.Header(title=None, labelFontSize=20 if view.presenter else 14, labelFontWeight="bold", labelAnchor="start")
    frame_line = alt.ViewBackground(stroke="#c8c8c8", strokeWidth=1)
    # The rings under the dots: the Voronoi cells drawn with the dots then take every click, rings included.
    return alt.layer(rings, dots, data=table).properties(width=size, height=size, view=frame_line).facet(
        facet=alt.Facet("map:N", sort=list(method_names.values()), header=header), columns=2)


def take_click(chart_key: str) -> None:
    """A click picks the image through the URL-bound index input, set here before that widget is drawn."""
    clicked = maps.clicked_index(st.session_state[chart_key].get("selection", {}).get("mm_point"), POINTS)
    if clicked is not None:
        st.session_state["mm_index"] = clicked


# A new key for every picked image starts the chart with an empty selection: otherwise, after the
# index was changed in the sidebar, clicking the point clicked last would not count as a change.
chart_key = f"mm_map_{dataset}_{index}"
charts.show(map_grid(), container=pictures, key=chart_key, on_select=partial(take_click, chart_key))
pictures.caption(t("manifold_maps.chart_caption", k=NEIGHBOURS))

label = int(result.labels[index])
st.subheader(t("manifold_maps.selected_title", index=index, name=names[label]))
left, right = st.columns([1, 5])
images.show(split.x_test[index:index + 1], container=left, scale=5)
right.markdown(t("manifold_maps.selected_note", k=NEIGHBOURS))
for column, method in zip(st.columns(4), maps.METHODS, strict=True):
    same = int(np.sum(result.labels[near[method]] == label))
    column.metric(method_names[method], f"{same} / {NEIGHBOURS}",
                  help=t("manifold_maps.same_label_help", k=NEIGHBOURS))
    images.show(split.x_test[near[method]], columns=4, container=column)
