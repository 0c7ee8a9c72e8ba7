"""Home page: the lecture map. Run with `streamlit run streamlit_app.py`."""

import streamlit as st

from ui.frame import CHAPTERS, frame, page_link
from ui.i18n import t

frame("home")
st.title(t("frame.app_title"))
st.markdown(t("home.intro"))

# The autoencoder, with each keyword pinned to the part it describes.
labels = {part: t(f"home.diagram.{part}") for part in
          ("input", "encoder", "code", "decoder", "output", "loss", "unsupervised")}
st.graphviz_chart(f"""
digraph {{
  rankdir=LR; bgcolor="transparent";
  node [shape=box, style="rounded,filled", fillcolor="#f3f6fb", fontname="sans-serif"];
  x [label="{labels['input']}"]; enc [label="{labels['encoder']}", fillcolor="#dbe8ff"];
  z [label="{labels['code']}", shape=ellipse]; dec [label="{labels['decoder']}", fillcolor="#ffe3cc"];
  xh [label="{labels['output']}"]; loss [label="{labels['loss']}", fillcolor="#e4f5e1"];
  x -> enc -> z -> dec -> xh -> loss;
  x -> loss [style=dashed, label="{labels['unsupervised']}", fontname="sans-serif"];
}}""", width="stretch")
st.caption(t("home.diagram"))

st.subheader(t("home.keywords"))
for column, keyword in zip(st.columns(4), ("unsupervised", "manifold", "generative", "ml"), strict=True):
    with column.container(border=True):
        st.markdown(f"**{t(f'home.kw.{keyword}')}**")
        st.markdown(t(f"home.kw.{keyword}_body"))

st.subheader(t("home.chapters"))
for chapter_id, pages in CHAPTERS:
    with st.container(border=True):
        title = t(f"{chapter_id}.title")
        st.markdown(f"#### {title}" + ("" if pages else f" · _{t('home.planned')}_"))
        st.markdown(t(f"{chapter_id}.summary"))
        for page_id, path in pages:
            page_link(page_id, path, icon=":material/play_arrow:")
