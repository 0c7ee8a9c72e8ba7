"""The sigmoid-neuron page under AppTest: lecture figures, sliders, presets, URL state."""

import pytest

from tests.conftest import open_page
from ui.lang import en, ko

PAGE = "pages/2_sigmoid_neuron.py"


def final_outputs(app) -> list[str]:
    # metrics in order: quadratic output, quadratic cost, cross-entropy output, cross-entropy cost
    return [app.metric[0].value, app.metric[2].value]


@pytest.mark.parametrize(("language", "strings"), [("ko", ko.STRINGS), ("en", en.STRINGS)])
def test_defaults_reproduce_the_lecture(language, strings):
    app = open_page(PAGE, language)
    assert not app.exception
    assert final_outputs(app) == ["0.094", "0.012"]
    assert app.metric[0].label == strings["sigmoid_neuron.final_output"]


def test_saturated_preset_then_reset():
    app = open_page(PAGE, "en")
    preset = next(b for b in app.button if b.label == en.STRINGS["sigmoid_neuron.preset.saturated"])
    preset.click().run()
    assert final_outputs(app) == ["0.203", "0.012"]
    assert app.slider(key="neuron_w0").value == 2.0
    reset = next(b for b in app.button if b.label == en.STRINGS["frame.reset"])
    reset.click().run()
    assert final_outputs(app) == ["0.094", "0.012"]
    assert app.select_slider(key="neuron_lr").value == 0.15


def test_moving_sliders_changes_the_numbers():
    app = open_page(PAGE)
    app.slider(key="neuron_epochs").set_value(600).run()
    assert final_outputs(app) != ["0.094", "0.012"]
    app.select_slider(key="neuron_lr").set_value(0.001).run()
    assert float(app.metric[0].value) > 0.7  # barely moved from 0.818


def test_url_state_is_read():
    app = open_page(PAGE, query={"neuron_w0": "2", "neuron_b0": "2"})
    assert final_outputs(app) == ["0.203", "0.012"]
