"""AppTest: the four-maps page. Few runs on purpose: the first run of each data set pays for t-SNE
and Isomap (cached per process after that), and every run loads a pretrained encoder."""

from __future__ import annotations

import json

import pytest

from tests.conftest import open_page
from ui.lang import en, ko

PAGE = "pages/5_manifold_maps.py"
DEFAULT_WIDGETS = {"mm_dataset": "mnist", "mm_class": "all", "mm_index": 35}
METHODS = ("pca", "autoencoder", "tsne", "isomap")


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
    ("ko", ko.STRINGS, {}, DEFAULT_WIDGETS),
    # A bookmark made in Korean opens the same state in English: the URL values are language-neutral.
    ("en", en.STRINGS, {"mm_dataset": "Fashion-MNIST", "mm_class": "3", "mm_index": "4"},
     {"mm_dataset": "fashion", "mm_class": "3", "mm_index": 4}),
])
def test_renders_in_both_languages_with_four_scores_and_the_neighbour_counts(language, strings, query, expected):
    app = open_page(PAGE, language, query)
    assert not app.exception and not app.error and not app.warning
    assert app.title[0].value == strings["page.manifold_maps.title"]
    assert widget_values(app) == expected
    assert [metric.label for metric in app.metric] == [strings[f"mm.method.{method}"] for method in METHODS] * 2
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

    app.slider(key="mm_index").set_value(4).run()  # a "1": alone in every map
    assert not app.exception
    assert neighbour_counts(app) == ["8 / 8"] * 4 != counts_at_35
    assert agreement(app) == mnist_scores  # the maps themselves do not change
    assert "4" in app.subheader[1].value

    app.radio(key="mm_dataset").set_value("fashion").run()
    assert not app.exception and not app.error
    assert agreement(app) != mnist_scores
    assert any(name in app.subheader[1].value for name in ko.STRINGS["data.class.fashion"].split("|"))
    assert "0 · 티셔츠/탑" in json.dumps(chart_spec(app), ensure_ascii=False)  # the legend names the classes

    app.selectbox(key="mm_class").set_value("3").run()
    assert not app.exception
    assert "datum.label === 3" in json.dumps(chart_spec(app))  # class 3 in colour, the rest grey
    assert any("드레스" in caption.value for caption in app.sidebar.caption)

    button(app, "frame.reset").click().run()
    assert not app.exception
    assert widget_values(app) == DEFAULT_WIDGETS
    assert agreement(app) == mnist_scores and neighbour_counts(app) == counts_at_35
    assert "datum.label ===" not in json.dumps(chart_spec(app))


@pytest.mark.parametrize("query", [
    {"mm_dataset": "garbage", "mm_class": "nan", "mm_index": "inf", "mm_unknown": "1"},
    {"mm_dataset": "fashion", "mm_class": "10", "mm_index": "1000"},  # "fashion" is the id, not the URL label
    {"mm_class": "", "mm_index": "-1"},
])
def test_a_tampered_url_falls_back_to_the_defaults(query):
    app = open_page(PAGE, query=query)
    assert not app.exception and not app.error
    assert widget_values(app) == DEFAULT_WIDGETS
