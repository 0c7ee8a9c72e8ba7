"""AppTest: the four-maps page: both languages, the figures of the bundled maps, a bookmark, and a
damaged maps file named on the page. Every first run of a data set loads a pretrained encoder."""

from __future__ import annotations

import json

import pytest

from tests.conftest import open_page
from ui.lang import en, ko

PAGE = "pages/5_manifold_maps.py"
METHODS = ("pca", "autoencoder", "tsne", "isomap")
# The label agreement of PCA, the autoencoder, t-SNE and Isomap as the page showed it when it computed
# every map live; the PCA, t-SNE and Isomap maps now come from assets/data (core.maps.BUNDLE).
MNIST_FIGURES, FASHION_FIGURES = ["0.40", "0.66", "0.82", "0.44"], ["0.44", "0.64", "0.70", "0.51"]


def widget_values(app) -> dict:
    return {"mm_dataset": app.radio(key="mm_dataset").value, "mm_class": app.selectbox(key="mm_class").value,
            "mm_index": app.slider(key="mm_index").value}


def agreement(app) -> list[str]:
    """The overall 5-neighbour label agreement of the four maps (the first row of metrics)."""
    return [metric.value for metric in app.metric[:4]]


def neighbour_counts(app) -> list[str]:
    """"n / 8" per map: the selected image's 8 nearest images in that map that share its label."""
    return [metric.value for metric in app.metric[4:]]


def chart_spec(app) -> dict:
    charts = app.get("vega_lite_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.spec)


def button(app, key: str):
    return next(b for b in app.button if b.label == ko.STRINGS[key])


@pytest.mark.parametrize(("language", "strings", "query", "expected"), [
    ("ko", ko.STRINGS, {}, {"mm_dataset": "mnist", "mm_class": "all", "mm_index": 35}),
    # A bookmark made in Korean opens the same state in English: the URL holds ids, not labels.
    ("en", en.STRINGS, {"mm_dataset": "fashion", "mm_class": "3", "mm_index": "4"},
     {"mm_dataset": "fashion", "mm_class": "3", "mm_index": 4}),
])
def test_renders_in_both_languages_with_four_scores_and_the_neighbour_counts(language, strings, query, expected):
    app = open_page(PAGE, language, query)
    assert not app.exception and not app.error and not app.warning
    assert widget_values(app) == expected
    assert [metric.label for metric in app.metric] == [strings[f"manifold_maps.method.{method}"] for method in METHODS] * 2
    scores = [float(value) for value in agreement(app)]
    assert all(0.1 < score <= 1.0 for score in scores)
    assert scores[2] > scores[0] + 0.1  # t-SNE keeps classes together far better than a 2-D PCA
    assert all(count.endswith(" / 8") and 0 <= int(count.split(" / ")[0]) <= 8 for count in neighbour_counts(app))
    assert f"{expected['mm_index']}" in app.subheader[1].value
    spec = chart_spec(app)
    assert spec["params"][0]["name"] == "mm_point" and spec["params"][0]["select"]["fields"] == ["index"]
    assert spec["facet"]["field"] == "map" and spec["columns"] == 2


def test_index_data_set_highlight_change_the_page_and_reset_restores_it():
    app = open_page(PAGE)
    mnist_scores, counts_at_35 = agreement(app), neighbour_counts(app)
    assert mnist_scores == MNIST_FIGURES

    app.slider(key="mm_index").set_value(4).run()  # a "1": alone in every map
    assert not app.exception
    assert neighbour_counts(app) == ["8 / 8"] * 4 != counts_at_35
    assert agreement(app) == mnist_scores  # the maps themselves do not change
    assert "4" in app.subheader[1].value

    app.radio(key="mm_dataset").set_value("fashion").run()
    assert not app.exception and not app.error
    assert agreement(app) == FASHION_FIGURES
    assert any(name in app.subheader[1].value for name in ko.STRINGS["data.class.fashion"].split("|"))
    assert "0 · 티셔츠/탑" in json.dumps(chart_spec(app), ensure_ascii=False)  # the legend names the classes

    fashion = [f"{k} · {name}" for k, name in enumerate(ko.STRINGS["data.class.fashion"].split("|"))]
    assert app.selectbox(key="mm_class").options == [ko.STRINGS["manifold_maps.class_all"], *fashion]
    app.selectbox(key="mm_class").set_value("3").run()
    assert not app.exception
    assert (app.query_params["mm_dataset"], app.query_params["mm_class"]) == ("fashion", "3")  # ids, not labels
    assert "datum.label === 3" in json.dumps(chart_spec(app))  # class 3 in colour, the rest grey
    assert app.selectbox(key="mm_class").value == "3"  # shown as "3 · 드레스": the label names the class

    button(app, "frame.reset").click().run()
    assert not app.exception
    assert agreement(app) == mnist_scores and neighbour_counts(app) == counts_at_35
    assert "datum.label ===" not in json.dumps(chart_spec(app))


@pytest.mark.parametrize("damage", ["altered", "missing"])
def test_an_altered_or_missing_maps_file_is_named_on_the_page_with_its_checksum(damage, tmp_path, monkeypatch):
    import shutil

    import streamlit as st

    from core import maps

    file_name, sha256 = maps.BUNDLE
    if damage == "altered":
        shutil.copy(maps.BUNDLE_DIR / file_name, tmp_path / file_name)
        with open(tmp_path / file_name, "r+b") as file:
            file.seek(1000)
            file.write(b"0123456789")
    monkeypatch.setattr(maps, "BUNDLE_DIR", tmp_path)  # the shipped file stays untouched
    st.cache_data.clear()
    try:
        app = open_page(PAGE, "en")
        assert not app.exception
        assert [e.value for e in app.error] == [en.STRINGS["error.asset"].format(
            file=file_name, problem=en.STRINGS[f"error.asset_{damage}"], sha256=sha256)]
        assert not app.metric  # the page stops there
    finally:
        st.cache_data.clear()
