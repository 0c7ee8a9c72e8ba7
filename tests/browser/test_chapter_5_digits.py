"""Chapter 5's digit GANs in a real Chromium: the epoch scrubber moves the grid from noise to digits,
the path between two noise vectors follows its seeds, and a live run stops after the epoch under way.

(Every page is also opened on a fresh server, in both languages, in test_deep_links.py.)
"""

from __future__ import annotations

import time

import pytest

from core import pretrained
from tests.browser.harness import (
    alert_texts,
    assert_no_error,
    main_area,
    open_url,
    page_by_id,
    query_for,
    url_query,
    wait_finished,
)
from tests.browser.test_app import press, thumb
from tests.browser.test_chapters_2_3 import STOP_WITHIN, image_captions, stop_button, template, train_button
from ui.lang import en

pytestmark = pytest.mark.browser

DIGITS, TRAIN = page_by_id("gan_digits"), page_by_id("train_gan")


def image_sources(tab) -> list[str]:
    return main_area(tab).get_by_test_id("stImage").locator("img").evaluate_all("images => images.map(i => i.src)")


def test_the_scrubber_takes_the_grid_back_to_noise_and_forward(tab, server):
    open_url(tab, server.url(DIGITS.path, query_for("en")))
    final = image_sources(tab)[0]
    last = template(en.STRINGS["gan_digits.grid_caption"], epoch=pretrained.GAN_EPOCHS)
    assert any(last.match(caption) for caption in image_captions(tab)), image_captions(tab)
    press(tab, thumb(tab, "gan_digits.epoch", "en"), "Home")
    assert url_query(tab)["gd_epoch"] == "0"
    untrained = image_sources(tab)[0]
    assert untrained != final
    assert any(template(en.STRINGS["gan_digits.grid_caption"], epoch=0).match(c) for c in image_captions(tab))
    press(tab, thumb(tab, "gan_digits.epoch", "en"), "ArrowRight")
    assert image_sources(tab)[0] not in (untrained, final)
    assert_no_error(tab)


def test_the_path_follows_its_seeds(tab, server):
    open_url(tab, server.url(DIGITS.path, query_for("en")))
    paths = image_sources(tab)[2:4]
    press(tab, thumb(tab, "gan_digits.to", "en"), "ArrowRight")
    assert url_query(tab)["gd_to"] == "3"
    moved = image_sources(tab)[2:4]
    assert moved[0] != paths[0] and moved[1] != paths[1]
    assert {en.STRINGS["gan_digits.path.linear"], en.STRINGS["gan_digits.path.spherical"]} <= set(image_captions(tab))
    assert_no_error(tab)


def test_a_live_gan_trains_an_epoch_and_stops(tab, server):
    open_url(tab, server.url(TRAIN.path, query_for("en", tg_epochs=10)))
    train_button(tab).click()
    tab.get_by_text(en.STRINGS["training.progress"].split(" (")[0].format(epoch=1, total=10), exact=False).wait_for(
        timeout=120_000)
    grid = template(en.STRINGS["train_gan.grid_caption"], epoch=1)
    assert any(grid.match(caption) for caption in image_captions(tab)), image_captions(tab)
    clicked, before = time.monotonic(), tab.finished_runs
    stop_button(tab).click()
    wait_finished(tab, before, timeout=STOP_WITHIN * 1000)
    assert time.monotonic() - clicked < STOP_WITHIN
    stopped = alert_texts(tab, "Info")
    match = template(en.STRINGS["training.stopped"], total=10).fullmatch(stopped[0]) if stopped else None
    assert match and 1 <= int(match.group(1)) < 10, stopped
    assert main_area(tab).get_by_test_id("stImage").count() == 1  # the last finished epoch's grid stays
    assert train_button(tab).is_enabled()
    assert_no_error(tab)
