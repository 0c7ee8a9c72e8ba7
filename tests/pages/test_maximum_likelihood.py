"""The maximum-likelihood page under AppTest: the two identities, sliders, sampling, URL state."""

import pytest

from tests.conftest import open_page
from ui.lang import en, ko

PAGE = "pages/4_maximum_likelihood.py"
# The lecture defaults' figures: Gaussian (Σ −log p, MSE, rebuilt), Bernoulli (Σ −log p, CE, N·CE).
DEFAULT_FIGURES = ["27.915509", "0.895975", "27.915509", "7.079357", "0.353968", "7.079357"]


def figures(app) -> list[str]:
    return [metric.value for metric in app.metric[:6]]


def assert_identities_hold(app) -> None:
    """The summed negative log-likelihood equals the value rebuilt from the MSE, resp. from the cross-entropy."""
    gaussian_nll, _, from_mse, bernoulli_nll, _, from_cross_entropy = map(float, figures(app))
    assert gaussian_nll == pytest.approx(from_mse, abs=2e-6)
    assert bernoulli_nll == pytest.approx(from_cross_entropy, abs=2e-6)


def latest_draws(app) -> str:
    return app.markdown[-1].value


def sample(app):
    return app.button(key="ml_sample").click().run()


@pytest.mark.parametrize(("language", "strings"), [("ko", ko.STRINGS), ("en", en.STRINGS)])
def test_renders_the_lecture_defaults_in_both_languages(language, strings):
    app = open_page(PAGE, language)
    assert not app.exception
    assert [metric.label for metric in app.metric] == [strings[f"maximum_likelihood.metric.{kind}_{name}"]
                                                       for kind in ("gaussian", "bernoulli")
                                                       for name in ("nll", "loss", "from_loss")]
    assert figures(app) == DEFAULT_FIGURES
    assert app.info[0].value == strings["maximum_likelihood.draws_none"]
    assert [header.value for header in app.subheader] == [
        strings["maximum_likelihood.gaussian"], strings["maximum_likelihood.bernoulli"], strings["maximum_likelihood.sampling"]]


def test_moving_sliders_changes_the_numbers_and_the_identities_hold():
    app = open_page(PAGE)
    app.slider(key="ml_sigma").set_value(1.5).run()
    moved = figures(app)
    assert moved[0] != DEFAULT_FIGURES[0] and moved[1] == DEFAULT_FIGURES[1]  # σ rescales the NLL, not the MSE
    assert_identities_hold(app)
    app.slider(key="ml_slope").set_value(0.75).run()
    assert float(figures(app)[1]) < float(moved[1])  # closer to the least-squares slope 0.756
    assert_identities_hold(app)
    app.slider(key="ml_weight").set_value(2.6)
    app.slider(key="ml_bias").set_value(0.2).run()
    assert float(figures(app)[4]) < float(DEFAULT_FIGURES[4])  # near the maximum-likelihood (w, c)
    assert_identities_hold(app)
    assert not app.exception


def test_choosing_another_point_moves_the_fixed_input():
    app = open_page(PAGE, "en")
    before = app.markdown[-1].value
    app.slider(key="ml_point").set_value(3).run()
    assert app.markdown[-1].value != before and "x₀ = -1.03" in app.markdown[-1].value
    assert figures(app) == DEFAULT_FIGURES  # the losses are over the whole data set


def test_sampling_gives_different_outputs_for_the_same_input():
    app = sample(open_page(PAGE, "en"))
    assert not app.exception
    assert app.metric[6].label == en.STRINGS["maximum_likelihood.metric.draws"] and app.metric[6].value == "10"
    first = latest_draws(app)
    sample(app)
    assert app.metric[6].value == "20" and latest_draws(app) != first  # fixed input, different outputs
    assert figures(app) == DEFAULT_FIGURES and app.slider(key="ml_point").value == 16
    assert "ml_sample" not in app.query_params and "ml_sample_seed" not in app.query_params
    # The same session seed gives the same draws in another session.
    assert latest_draws(sample(open_page(PAGE, "en"))) == first


def test_the_seed_comes_from_session_state():
    app = open_page(PAGE, "en")
    first = latest_draws(sample(open_page(PAGE, "en")))
    app.session_state["ml_sample_seed"] = 41
    assert latest_draws(sample(app)) != first
    app.button(key="ml_clear").click().run()
    assert app.session_state["ml_sample_seed"] == 42 and app.info[0].value == en.STRINGS["maximum_likelihood.draws_none"]
    assert len(app.metric) == 6


def test_the_number_of_draws_is_capped():
    app = open_page(PAGE)
    app.session_state["ml_draw_count"] = 995
    sample(app)
    assert app.metric[6].value == "1000"
    sample(app)
    assert app.metric[6].value == "1000"
    assert not app.exception


def test_url_state_is_read():
    app = open_page(PAGE, query={"ml_sigma": "1.5", "ml_point": "3"})
    assert app.slider(key="ml_sigma").value == 1.5 and app.slider(key="ml_point").value == 3
    assert figures(app)[0] != DEFAULT_FIGURES[0]


def test_the_sampling_state_is_not_read_from_the_url():
    app = sample(open_page(PAGE, "en", {"ml_sample_seed": "7", "ml_draw_count": "nan"}))
    assert not app.exception
    assert app.metric[6].value == "10"
    assert latest_draws(app) == latest_draws(sample(open_page(PAGE, "en")))
