import streamlit as st

from ui.frame import frame
from ui.i18n import t

view = frame("maximum_likelihood")
st.title(t("page.maximum_likelihood.title"))
x = st.sidebar.slider("x", 0.0, 1.0, 0.5, key="maximum_likelihood_x", bind="query-params")
st.write(x)
