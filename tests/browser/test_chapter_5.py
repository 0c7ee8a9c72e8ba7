"""Chapter 5 in a real Chromium: the GAN lab plays (the counter and the picture move), pauses, steps
and resets; a click on the plane adds a blob; the bundled runs scrub, and one continues on the lab.

(Every page is also opened on a fresh server, in both languages, in test_deep_links.py.)
"""

from __future__ import annotations

import re

import pytest

from tests.browser.harness import (
    assert_no_error,
    main_area,
    open_url,
    page_by_id,
    query_for,
    rerun_after,
    url_query,
    wait_idle,
)
from tests.browser.test_app import press, thumb
from ui.lang import en

pytestmark = pytest.mark.browser

LAB, COLLAPSE = page_by_id("gan_lab"), page_by_id("mode_collapse")
COUNTER = re.compile(en.STRINGS["gan_lab.counter"].replace("{iteration}", r"([\d,]+)"))


def planes(tab):
    """The charts whose title is the iteration counter (the lab's plane; the two bundled runs')."""
    return main_area(tab).locator("[data-testid='stVegaLiteChart'][aria-label^='Iteration']")


def iteration(tab, index: int = 0) -> int:
    return int(COUNTER.match(planes(tab).nth(index).get_attribute("aria-label")).group(1).replace(",", ""))


def picture(tab) -> str:
    return planes(tab).first.locator("canvas").evaluate("canvas => canvas.toDataURL()")


def button(tab, key: str):
    return main_area(tab).get_by_role("button", name=en.STRINGS[key])


def test_play_trains_pause_holds_and_the_steps_count(tab, server):
    open_url(tab, server.url(LAB.path, query_for("en")))
    assert iteration(tab) == 0
    before = picture(tab)
    button(tab, "gan_lab.play").click()
    tab.wait_for_function("() => { const el = document.querySelector(\"[aria-label^='Iteration']\");"
                          " const m = el && el.getAttribute('aria-label').match(/^Iteration ([\\d,]+)/);"
                          " return m && +m[1].replace(/,/g, '') >= 300; }", timeout=30_000)
    button(tab, "gan_lab.pause").click()
    button(tab, "gan_lab.play").wait_for()  # the pause takes effect at the next run of the whole page
    wait_idle(tab)
    paused = iteration(tab)
    assert paused >= 300 and picture(tab) != before
    tab.wait_for_timeout(1_500)  # three refresh intervals: a running timer would move the counter
    assert iteration(tab) == paused
    rerun_after(tab, button(tab, "gan_lab.step_d").click)
    rerun_after(tab, button(tab, "gan_lab.step_both").click)
    assert iteration(tab) == paused + 2
    rerun_after(tab, button(tab, "gan_lab.reset").click)
    assert iteration(tab) == 0 and picture(tab) == before
    assert_no_error(tab)


def test_a_click_on_the_plane_adds_a_blob(tab, server):
    open_url(tab, server.url(LAB.path, query_for("en", gl_data="blobs")))
    assert "gl_blobs" not in url_query(tab)  # the default three
    chart = planes(tab).first
    chart.scroll_into_view_if_needed()
    box = chart.locator("canvas").bounding_box()
    # The canvas holds the title above the plot and the legend below; aim at the plot's upper right.
    rerun_after(tab, lambda: tab.mouse.click(box["x"] + box["width"] * 0.75, box["y"] + box["height"] * 0.25))
    assert_no_error(tab)
    blobs = url_query(tab)["gl_blobs"].split(";")
    assert len(blobs) == 4
    x, y = (float(v) for v in blobs[-1].split(","))
    assert x > 0 and y > 0, blobs


def test_scrub_the_bundled_runs_and_continue_one_on_the_lab(tab, server):
    open_url(tab, server.url(COLLAPSE.path, query_for("en")))
    assert planes(tab).count() == 2
    last = iteration(tab, 0)
    assert last == iteration(tab, 1) > 0
    press(tab, thumb(tab, "mode_collapse.at", "en"), "Home")
    assert iteration(tab, 0) == iteration(tab, 1) == 0
    for _ in range(6):  # snapshot 6: the latest saved weights are snapshot 5's
        press(tab, thumb(tab, "mode_collapse.at", "en"), "ArrowRight")
    assert url_query(tab)["mc_at"] == "6" and 0 < iteration(tab, 1) < last
    prefix = en.STRINGS["mode_collapse.continue"].split("{")[0]
    packed = main_area(tab).get_by_role("button", name=re.compile(prefix)).nth(1)
    saved = int(re.search(r"[\d,]+$", packed.inner_text().strip()).group().replace(",", ""))
    assert 0 < saved < iteration(tab, 1)  # snapshot 5's iteration, before snapshot 6's
    rerun_after(tab, packed.click)
    tab.wait_for_url(re.compile(LAB.path))
    planes(tab).first.wait_for()
    assert iteration(tab) == saved
    assert url_query(tab)["gl_packing"] != "1"  # the packed run's settings came along
    assert_no_error(tab)
