"""AppTest: the interpolation and neighbours page. Few runs: the first loads TensorFlow and two models."""

from __future__ import annotations

import pyarrow as pa
import pytest

from core import data
from tests.conftest import open_page
from ui.lang import en, ko

PAGE = "pages/7_interpolation.py"
DEFAULT_PAIR = (206, 1781)  # the page's default start and end images
PATHS = ("pixel", "pca", "autoencoder")


def rulers(app, strings: dict = ko.STRINGS) -> list[dict[str, list[float]]]:
    """The values drawn in the δ chart and the ε chart, per path, in order of t."""
    found = []
    for chart in app.get("vega_lite_chart"):
        frames = [pa.ipc.open_stream(dataset.data.data).read_all().to_pandas() for dataset in chart.proto.datasets]
        curves = next(frame for frame in frames if "path" in frame)
        found.append({name: curves[curves.path == strings[f"interpolation.path.{name}"]].sort_values("t").value.tolist()
                      for name in PATHS})
    return found


def middle_distances(app) -> list[str]:
    return [metric.value for metric in app.metric[:3]]


def button(app, key: str):
    return next(b for b in app.button if b.label == ko.STRINGS[key])


@pytest.mark.parametrize(("language", "strings"), [("ko", ko.STRINGS), ("en", en.STRINGS)])
def test_renders_in_both_languages_and_the_autoencoder_path_stays_near_the_data(language, strings):
    app = open_page(PAGE, language)
    assert not app.exception and not app.error
    middle = strings["interpolation.metric.middle"]
    assert [m.label for m in app.metric][:3] == [middle.format(path=strings[f"interpolation.path.{name}"]) for name in PATHS]
    assert len(app.image) == 5  # three paths, two neighbour strips
    distance, change = rulers(app, strings)
    assert all(len(values) == 9 for values in (*distance.values(), *change.values()))
    middle = 4  # t = 0.5
    # The lecture's claim, on both rulers: the decoded code-space midpoint is nearer the data.
    assert distance["autoencoder"][middle] < distance["pixel"][middle]
    assert change["autoencoder"][middle] < change["pixel"][middle]
    assert change["pixel"][middle] > max(change["pixel"][0], change["pixel"][-1])  # the double exposure is off it
    assert [float(value) for value in middle_distances(app)] == pytest.approx(
        [distance[name][middle] for name in PATHS], abs=0.006)
    # The default start, a thin 8: its pixel neighbours are all 1s, its code neighbours all 8s.
    assert app.metric[3].value == "0 / 8" and app.metric[4].value == "8 / 8"


def test_changing_the_pair_steps_and_code_size_changes_the_figures_and_reset_restores_them():
    app = open_page(PAGE)
    at_default = middle_distances(app)
    app.slider(key="ip_end").set_value(6).run()
    assert not app.exception and middle_distances(app)[0] != at_default[0]
    app.slider(key="ip_steps").set_value(13).run()
    assert all(len(values) == 13 for values in rulers(app)[0].values())
    button(app, "interpolation.swap").click().run()
    assert (app.slider(key="ip_start").value, app.slider(key="ip_end").value) == (6, DEFAULT_PAIR[0])
    button(app, "interpolation.random").click().run()
    start, end = app.slider(key="ip_start").value, app.slider(key="ip_end").value
    labels = data.load("mnist").y_test
    assert not app.exception and (start, end) != (6, DEFAULT_PAIR[0]) and labels[start] != labels[end]
    before = middle_distances(app)
    app.select_slider(key="ip_code_size").set_value(2).run()
    assert not app.exception and middle_distances(app)[2] != before[2]
    assert app.metric[4].label == ko.STRINGS["interpolation.same_label.code"].format(d=2)
    button(app, "frame.reset").click().run()
    assert middle_distances(app) == at_default


def test_fashion_mnist_renders_with_garment_names():
    app = open_page(PAGE, "en", query={"ip_dataset": "fashion"})
    assert not app.exception and app.radio(key="ip_dataset").value == "fashion"
    names = en.STRINGS["data.class.fashion"].split("|")
    labels = data.load("fashion").y_test
    start, end = (names[labels[index]] for index in DEFAULT_PAIR)
    assert (start, end) == ("T-shirt/top", "Bag")
    assert app.subheader[0].value == en.STRINGS["interpolation.paths_title"].format(start=start, end=end, d=10)
