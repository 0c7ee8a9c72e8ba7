import streamlit as st

from ui.frame import frame
from ui.i18n import t

view = frame("gradient_vanishing")
st.title(t("page.gradient_vanishing.title"))
x = st.sidebar.slider("x", 0.0, 1.0, 0.5, key="gradient_vanishing_x", bind="query-params")
st.write(x)
