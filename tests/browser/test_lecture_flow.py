"""The player in a real browser: Play advances the epochs on a timer (a fragment with run_every),
Pause holds them, Whole run brings the static picture back."""

from __future__ import annotations

import re

import pytest

from tests.browser.harness import assert_no_error, main_area, open_url, page_by_id, query_for, wait_idle
from ui.frame import PRESENTER_KEY
from ui.lang import en

pytestmark = pytest.mark.browser


def shown_epoch(page) -> int:
    counter = page.get_by_test_id("stProgress").first.inner_text()
    return int(re.search(r"(\d+) / \d+", counter).group(1))


def test_play_pause_and_whole_run_on_the_neuron_page(tab, server):
    open_url(tab, server.url(page_by_id("sigmoid_neuron").path, query_for("en", **{PRESENTER_KEY: "true"})))
    assert shown_epoch(tab) == 300  # the whole run
    main_area(tab).get_by_role("button", name=en.STRINGS["player.play"]).click()
    tab.wait_for_function("() => /epoch (\\d+) \\/ 300/.test(document.body.innerText)"
                          " && +document.body.innerText.match(/epoch (\\d+) \\/ 300/)[1] >= 20", timeout=30_000)
    main_area(tab).get_by_role("button", name=en.STRINGS["player.pause"]).click()
    # The pause takes effect at the next run: that run of the whole page draws Play again.
    main_area(tab).get_by_role("button", name=en.STRINGS["player.play"]).wait_for()
    wait_idle(tab)
    paused = shown_epoch(tab)
    assert 0 < paused < 300
    tab.wait_for_timeout(1500)  # over four frame intervals (ui.playback.INTERVAL): a running timer shows
    assert shown_epoch(tab) == paused  # paused: the timer is off
    label = tab.get_by_test_id("stMetricLabel").first.inner_text().strip()
    assert label == en.STRINGS["sigmoid_neuron.output_at"].format(epoch=paused)
    main_area(tab).get_by_role("button", name=en.STRINGS["player.whole"]).click()
    tab.wait_for_function("() => document.body.innerText.includes('epoch 300 / 300')", timeout=15_000)
    assert_no_error(tab)
