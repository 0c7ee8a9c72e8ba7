"""The gradient-descent page under AppTest: regimes, the Taylor check, mini-batches, bookmarks."""

import pytest

from core.analytic import descent
from tests.conftest import open_page
from ui.lang import en, ko

PAGE = "pages/1_gradient_descent.py"


def metrics(app, strings: dict, key: str) -> list[str]:
    """The values of every metric labelled strings[key], in page order."""
    return [m.value for m in app.metric if m.label == strings[key]]


def regimes(app, strings: dict) -> list[str]:
    return metrics(app, strings, "gradient_descent.regime")  # [the curve, the bowl]


def numbers(app) -> list[str]:
    return [m.value for m in app.metric]


@pytest.mark.parametrize(("language", "strings"), [("ko", ko.STRINGS), ("en", en.STRINGS)])
def test_defaults_render_in_both_languages(language, strings):
    app = open_page(PAGE, language)
    assert not app.exception
    assert regimes(app, strings) == [strings["gradient_descent.regime.fast"]] * 2  # the lecture default converges
    assert not app.warning
    assert metrics(app, strings, "gradient_descent.predicted") == ["1.0123"]  # L(−2) − 0.1 · L'(−2)² = 2.5333 − 1.521
    assert metrics(app, strings, "gradient_descent.actual") == ["1.4744"]
    assert metrics(app, strings, "gradient_descent.mean_cosine")
    assert metrics(app, strings, "gradient_descent.downhill") == ["100%"]
    assert any(strings["gradient_descent.section.batch"] == header.value for header in app.subheader)


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("regime", descent.REGIMES)
def test_each_preset_names_its_regime(language, regime):
    strings = ko.STRINGS if language == "ko" else en.STRINGS
    app = open_page(PAGE, language)
    rate = descent.REGIME_EXAMPLES[regime]
    label = strings["gradient_descent.preset"].format(regime=strings[f"gradient_descent.regime.{regime}"], lr=rate)
    next(b for b in app.button if b.label == label).click().run()
    assert not app.exception
    assert app.select_slider(key="gd_lr").value == rate
    assert regimes(app, strings) == [strings[f"gradient_descent.regime.{regime}"]] * 2


def test_divergence_is_a_translated_warning_with_the_step():
    app = open_page(PAGE, "en")
    app.select_slider(key="gd_lr").set_value(1.0).run()
    assert not app.exception
    expected = en.STRINGS["gradient_descent.diverged"].format(step=3)
    assert [w.value for w in app.warning] == [expected, expected]  # the curve and the bowl, both at step 3
    assert metrics(app, en.STRINGS, "gradient_descent.final_loss") != ["nan"] and "inf" not in " ".join(numbers(app))


def test_moving_sliders_changes_the_numbers():
    app = open_page(PAGE)
    before = numbers(app)
    app.slider(key="gd_inspect").set_value(5).run()  # the Taylor check moves to step 5
    after_inspect = numbers(app)
    assert metrics(app, ko.STRINGS, "gradient_descent.predicted") != ["1.0123"]
    assert after_inspect != before
    app.select_slider(key="gd_batch").set_value(1).run()
    assert metrics(app, ko.STRINGS, "gradient_descent.mean_cosine") != [after_inspect[-2]]
    app.slider(key="gd_seed").set_value(7).run()
    app.select_slider(key="gd_lr").set_value(0.005).run()
    assert regimes(app, ko.STRINGS) == [ko.STRINGS["gradient_descent.regime.slow"]] * 2
    app.slider(key="gd_steps").set_value(300).run()
    assert not app.exception


def test_a_full_batch_estimates_the_gradient_exactly():
    app = open_page(PAGE, "en")
    app.select_slider(key="gd_batch").set_value(64).run()
    assert metrics(app, en.STRINGS, "gradient_descent.mean_cosine") == ["1.000"]
    assert metrics(app, en.STRINGS, "gradient_descent.downhill") == ["100%"]


def test_starting_at_the_minimum_shows_no_relative_error():
    app = open_page(PAGE, "en")
    app.slider(key="gd_start").set_value(1.0).run()
    assert not app.exception
    assert metrics(app, en.STRINGS, "gradient_descent.relative_error") == ["—"]


def test_url_state_is_read():
    app = open_page(PAGE, "en", query={"gd_lr": "0.4", "gd_batch": "64"})
    assert regimes(app, en.STRINGS) == [en.STRINGS["gradient_descent.regime.oscillating"]] * 2
    assert metrics(app, en.STRINGS, "gradient_descent.mean_cosine") == ["1.000"]


def test_values_that_are_not_options_fall_back_to_defaults():
    app = open_page(PAGE, query={"gd_lr": "0.123", "gd_batch": "3"})  # 3 would not split the 64 samples
    assert not app.exception
    assert app.select_slider(key="gd_lr").value == 0.1 and app.select_slider(key="gd_batch").value == 8
