"""AppTest: the vanishing-gradient page. Few runs on purpose: each new setting trains a Keras model."""

from __future__ import annotations

import pytest

from tests.conftest import open_page
from ui.lang import en, ko

PAGE = "pages/3_gradient_vanishing.py"


def ratio_at_start(app) -> str:
    return app.metric[0].value


def button(app, key: str):
    return next(b for b in app.button if b.label == ko.STRINGS[key])


@pytest.mark.parametrize(("language", "strings"), [("ko", ko.STRINGS), ("en", en.STRINGS)])
def test_renders_in_both_languages(language, strings):
    app = open_page(PAGE, language)
    assert not app.exception
    assert [metric.label for metric in app.metric][:1] == [strings["gradient_vanishing.ratio_init"]]
    assert float(ratio_at_start(app)) < 1e-4  # 10 sigmoid layers: the first layer gets almost nothing
    assert not app.warning


def test_preset_and_depth_change_the_ratio_and_reset_restores_it():
    app = open_page(PAGE)
    sigmoid = ratio_at_start(app)
    button(app, "gradient_vanishing.preset.relu").click().run()
    assert (app.radio(key="gv_activation").value, app.radio(key="gv_init").value) == ("relu", "he_normal")
    assert (app.query_params["gv_activation"], app.query_params["gv_init"]) == ("relu", "he_normal")  # a preset's URL
    relu = ratio_at_start(app)
    assert not app.exception and float(relu) > 1000 * float(sigmoid)
    app.slider(key="gv_depth").set_value(3).run()
    assert not app.exception and ratio_at_start(app) != relu
    app.radio(key="gv_activation").set_value("tanh").run()
    assert not app.exception and ratio_at_start(app) not in (relu, sigmoid)
    button(app, "frame.reset").click().run()
    assert "gv_activation" not in app.query_params and "gv_init" not in app.query_params
    assert ratio_at_start(app) == sigmoid


def test_a_diverging_learning_rate_shows_a_warning_not_a_traceback():
    app = open_page(PAGE, "en", query={"gv_activation": "relu", "gv_lr": "10"})
    assert not app.exception
    assert app.radio(key="gv_activation").value == "relu" and app.select_slider(key="gv_lr").value == 10.0
    assert len(app.warning) == 1 and "diverged at step" in app.warning[0].value
    assert app.metric[1].value == "—"


def test_full_mnist_opt_in_offline_warns_and_keeps_the_bundled_set(monkeypatch, tmp_path):
    # No download possible: an empty Keras cache and a proxy on a closed port.
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.setenv("https_proxy", "http://127.0.0.1:9")
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    bundled = open_page(PAGE, "en")
    opted_in = open_page(PAGE, "en", {"gv_full_mnist": "true"})
    assert not opted_in.exception
    assert opted_in.toggle(key="gv_full_mnist").value is True
    assert [w.value for w in opted_in.warning] == [en.STRINGS["data.full_mnist_offline"]]
    assert ratio_at_start(opted_in) == ratio_at_start(bundled)  # same bundled batch, same result
