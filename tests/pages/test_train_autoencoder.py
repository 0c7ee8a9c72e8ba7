"""AppTest: live training in the session: one epoch trains, a huge learning rate diverges."""

import json

import pytest

from tests.conftest import open_page
from ui.lang import en, ko

PAGE = "pages/9_train_autoencoder.py"


@pytest.mark.parametrize(("language", "strings"), [("ko", ko.STRINGS), ("en", en.STRINGS)])
def test_renders_in_both_languages_before_any_training(language, strings):
    app = open_page(PAGE, language)
    assert not app.exception
    assert [i.value for i in app.info] == [strings["training.none_yet"]]
    assert app.button(key="tr_stop").disabled  # nothing to stop yet
    # The page opens on a picture: the pretrained model's recorded curves, before any run of one's own.
    specs = [json.loads(chart.proto.spec) for chart in app.get("vega_lite_chart")]
    assert [spec["description"] for spec in specs] == [strings["training.chart_title.ae"]]


def test_no_reference_curves_when_no_pretrained_model_matches():
    app = open_page(PAGE, "en", query={"tr_architecture": "conv"})
    assert not app.exception
    assert len(app.get("vega_lite_chart")) == 0


def test_one_epoch_trains_a_model_in_the_session_and_reports_it():
    app = open_page(PAGE, "en", query={"tr_epochs": "1", "tr_code": "30"})
    app.button(key="tr_start").click().run()
    assert not app.exception and not app.warning
    assert app.success[0].value.startswith("Epochs trained: 1, in")
    yours, bundled = float(app.metric[0].value), float(app.metric[1].value)
    assert 0.005 < bundled < yours < 0.07  # one epoch is worse than the bundled 60-epoch model, far better than chance
    run = app.session_state["tr_run"]
    assert run.status == "done" and len(run.epochs) == 1 and run.recipe.code_size == 30
    lines = json.loads(app.get("vega_lite_chart")[0].proto.spec)["layer"][0]["encoding"]
    assert lines["x"]["axis"] == {"format": "d", "tickMinStep": 1}  # whole epochs
    # This run solid, the bundled d = 30 model's recorded run dashed, both named in the legend.
    assert lines["strokeDash"]["scale"] == {"domain": [en.STRINGS["training.run.this"], en.STRINGS["training.run.reference"]],
                                            "range": [[1, 0], [5, 4]]}
    app.slider(key="tr_code").set_value(5).run()  # the trained model stays while the settings change
    assert app.session_state["tr_run"].recipe.code_size == 30 and app.metric[0].value == f"{yours:.4f}"


def test_a_too_large_learning_rate_is_reported_as_divergence():
    app = open_page(PAGE, "en", query={"tr_epochs": "2", "tr_lr": "1"})
    app.button(key="tr_start").click().run()
    assert not app.exception
    assert [w.value for w in app.warning] == [en.STRINGS["training.diverged"].format(epoch=1)]
