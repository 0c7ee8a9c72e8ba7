"""The lecture's flow under AppTest: the player of the gradient-descent and sigmoid-neuron pages
(step, play, pause, back to the whole run, the end of a run, a run that becomes shorter while
paused) and the link to a slide."""

import json

from core.analytic import neuron
from tests.conftest import open_page
from ui import playback
from ui.lang import en

NEURON = "pages/2_sigmoid_neuron.py"
DESCENT = "pages/1_gradient_descent.py"
KEY = "neuron_player"
STEP = -(-300 // playback.FRAMES)  # the lecture's 300 epochs in FRAMES frames: 5 epochs a frame
QUADRATIC = neuron.train(0.6, 0.9, 0.15, 300, "quadratic")


def shown_output(app) -> tuple[str, str]:
    return app.metric[0].label, app.metric[0].value


def test_step_shows_the_run_at_that_epoch_and_whole_returns():
    app = open_page(NEURON, "en")
    assert shown_output(app) == (en.STRINGS["sigmoid_neuron.final_output"], "0.094")
    app.button(key=f"{KEY}_step").click().run()  # the first step shows the start
    assert shown_output(app) == (en.STRINGS["sigmoid_neuron.output_at"].format(epoch=0), f"{QUADRATIC.output[0]:.3f}")
    app.button(key=f"{KEY}_step").click().run()
    assert shown_output(app) == (en.STRINGS["sigmoid_neuron.output_at"].format(epoch=STEP), f"{QUADRATIC.output[STEP]:.3f}")
    assert not app.exception
    app.button(key=f"{KEY}_whole").click().run()
    assert shown_output(app) == (en.STRINGS["sigmoid_neuron.final_output"], "0.094")
    assert app.button(key=f"{KEY}_whole").disabled


def test_play_advances_pause_keeps_the_place():
    app = open_page(NEURON, "en")
    app.button(key=f"{KEY}_play").click().run()
    assert app.session_state[f"{KEY}_playing"]
    first = app.session_state[f"{KEY}_at"]
    assert first == STEP  # the first frame after the start
    app.run()  # what the fragment's timer does every INTERVAL
    assert app.session_state[f"{KEY}_at"] == first + STEP
    app.button(key=f"{KEY}_pause").click().run()
    assert not app.session_state[f"{KEY}_playing"]
    paused_at = app.session_state[f"{KEY}_at"]
    app.run()
    assert app.session_state[f"{KEY}_at"] == paused_at  # paused: nothing moves
    assert shown_output(app)[0] == en.STRINGS["sigmoid_neuron.output_at"].format(epoch=paused_at)


def test_playback_stops_at_the_end_and_survives_a_shorter_run():
    app = open_page(NEURON, "en")
    app.button(key=f"{KEY}_step").click().run()
    app.session_state[f"{KEY}_at"] = 298
    app.session_state[f"{KEY}_playing"] = True
    app.run()
    assert app.session_state[f"{KEY}_at"] == 300
    assert not app.session_state[f"{KEY}_playing"]  # the timer stops at the last epoch
    app.slider(key="neuron_epochs").set_value(100).run()  # paused at 300, the run is now 100 long
    assert not app.exception
    assert app.session_state[f"{KEY}_at"] == 100


def test_descent_player_drives_the_inspected_step():
    app = open_page(DESCENT, "en")
    assert not app.exception
    step = -(-100 // playback.FRAMES)
    for _ in range(3):  # the start, then two frames
        app.button(key="gd_player_step").click().run()
    assert not app.exception
    assert app.session_state["gd_player_at"] == 2 * step
    # the Taylor view follows the player: the curve's title names the step shown
    titles = [json.loads(chart.proto.spec).get("description", "") for chart in app.get("vega_lite_chart")]
    assert en.STRINGS["gradient_descent.curve_title"].format(step=2 * step) in titles


def test_slide_link_holds_the_controls_with_rounded_numbers():
    app = open_page(NEURON, "en", {"neuron_w0": "1.9000000000000001", "neuron_epochs": "600"})
    assert not app.exception
    link = app.code[0].value
    assert "neuron_w0=1.9&" in link + "&" and "neuron_epochs=600" in link and "lang=English" in link
    assert "0000000001" not in link
    app.button(key="neuron_player_step").click().run()  # the player's position is not part of a slide
    assert "player" not in app.code[0].value


def test_rounding_of_link_values():
    from ui.controls import _rounded

    assert _rounded("1.9000000000000001") == "1.9"
    assert _rounded("0.30000000000000004") == "0.3"
    assert [_rounded(value) for value in ("600", "English", "nan", "inf", "1e-05")] == ["600", "English", "nan", "inf", "1e-05"]
