"""Chapters 2 and 3 in a real Chromium against the shared server: deep links with URL state,
sliders, uploads, live training (stop, two sessions at once) and clicks on the maps.

Every test opens a new tab (a new Streamlit session); the `server` fixture fails a
test that made the server log a traceback. The slow parts (t-SNE, the PSNR curves, TensorFlow)
are computed once per server, so the tests share it.
"""

from __future__ import annotations

import io
import re
import string
import time

import numpy as np
import pytest
from PIL import Image, ImageDraw

from tests.browser.harness import (
    alert_texts,
    all_pages,
    assert_no_error,
    h1_text,
    main_area,
    menu_links,
    metric_values,
    new_page,
    open_url,
    page_by_id,
    query_for,
    rerun_after,
    upload_file,
    url_query,
    wait_finished,
)
from tests.browser.test_app import press, thumb
from ui.i18n import CATALOGUES

pytestmark = pytest.mark.browser

EN = CATALOGUES["en"]
MAPS, CODE_SIZE, INTERPOLATION = page_by_id("manifold_maps"), page_by_id("code_size"), page_by_id("interpolation")
DENOISING, TRAINING = page_by_id("denoising"), page_by_id("train_autoencoder")
NOT_AN_IMAGE = {language: CATALOGUES[language]["denoising.upload_error.not_an_image"].format(allowed="PNG, JPEG")
                for language in CATALOGUES}
STOP_WITHIN = 20  # s from the Stop click to an idle page: the epoch under way ends first (≈3-5 s here)

# page, language, URL query, {label key: the value its widget must show}
DEEP_LINKS = [
    (MAPS, "en", {"mm_index": 7, "mm_class": "3"}, {"manifold_maps.index": "7"}),
    (CODE_SIZE, "ko", {"cs_code_size": 30, "cs_first": 5}, {"code_size.code_size": "30", "code_size.first": "5"}),
    (INTERPOLATION, "en", {"ip_start": 3, "ip_steps": 11}, {"interpolation.start": "3", "interpolation.steps": "11"}),
    (DENOISING, "en", {"dn_level": 0.2, "dn_first": 5}, {"denoising.level": "0.20", "denoising.first": "5"}),
    (TRAINING, "ko", {"tr_epochs": 3, "tr_code": 5, "tr_lr": 0.01},
     {"train_autoencoder.epochs": "3", "train_autoencoder.code": "5", "train_autoencoder.lr": "0.01"}),
]


def template(text: str, **known) -> re.Pattern:
    """A catalogue string as a pattern: the `known` fields filled in, every other field any text."""
    parts = []
    for literal, field, _, _ in string.Formatter().parse(text):
        parts.append(re.escape(literal))
        if field is not None:
            parts.append(re.escape(str(known[field])) if field in known else "(.+?)")
    return re.compile("".join(parts))


def widget_value(page, label: str) -> str:
    """What a slider (its aria-valuetext) or a number input (its value) with this label shows."""
    control = page.locator(f"input[aria-label='{label}']").first
    return control.get_attribute("aria-valuetext") or control.input_value()


def script_state(page) -> str | None:
    return page.evaluate("document.querySelector('[data-test-script-state]')?.getAttribute('data-test-script-state')")


def image_captions(page) -> list[str]:
    return [text.strip() for text in page.get_by_test_id("stImageCaption").all_inner_texts()]


def table_cells(page, unlike: list[str] | None = None, timeout: float = 5_000) -> list[str]:
    """The texts of the cells of the page's st.dataframe: its grid is drawn on a canvas, these are
    the cells of the accessible table behind it, which the grid fills a moment after the script
    run ends. With `unlike`, waits (up to `timeout` ms) for cells that differ from those."""
    table = page.get_by_test_id("stDataFrame")
    table.scroll_into_view_if_needed()
    cells = table.locator("[role='gridcell']")
    cells.first.wait_for(state="attached", timeout=timeout)  # the accessible table is hidden on purpose
    deadline = time.monotonic() + timeout / 1000
    while unlike is not None and cells.all_inner_texts() == unlike and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    return cells.all_inner_texts()


def digit_png() -> bytes:
    """A hand-drawn-looking dark 7 on white paper, as a phone photo of a digit would be."""
    picture = Image.new("L", (160, 200), 255)
    pen = ImageDraw.Draw(picture)
    pen.line([(35, 40), (125, 40)], fill=20, width=16)
    pen.line([(125, 40), (70, 170)], fill=20, width=16)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def train_button(page, language: str = "en"):
    return main_area(page).get_by_role("button", name=CATALOGUES[language]["training.start"], exact=True)


def stop_button(page, language: str = "en"):
    return main_area(page).get_by_role("button", name=CATALOGUES[language]["training.stop"], exact=True)


@pytest.mark.parametrize(("info", "language", "query", "shown"), DEEP_LINKS, ids=[link[0].page_id for link in DEEP_LINKS])
def test_deep_link_applies_url_state(info, language, query, shown, tab, server):
    open_url(tab, server.url(info.path, query_for(language, **query)))
    assert_no_error(tab)
    assert h1_text(tab) == info.title(language)
    links = menu_links(tab)
    assert links.count() == len(all_pages())
    assert links.filter(has_text=info.nav_label(language)).count() == 1
    strings = CATALOGUES[language]
    for label_key, value in shown.items():
        assert widget_value(tab, strings[label_key]) == value, label_key
    assert url_query(tab) == {key: str(value) for key, value in query_for(language, **query).items()}


# --- chapter 3: denoising -------------------------------------------------------------------


def test_denoising_slider_changes_url_and_psnr(tab, server):
    open_url(tab, server.url(DENOISING.path, query_for("en", dn_level=0.2)))
    level = thumb(tab, "denoising.level", "en")
    assert level.get_attribute("aria-valuetext") == "0.20"
    captions, table = image_captions(tab), table_cells(tab)
    psnr_rows = [caption for caption in captions if "PSNR" in caption]
    assert len(psnr_rows) == 4, captions  # corrupted, plain, denoising, PCA
    assert len(table) >= 4 * 9, table  # a name and 8 numbers per row

    press(tab, level, "ArrowRight")
    assert level.get_attribute("aria-valuetext") == "0.25"
    assert float(url_query(tab)["dn_level"]) == pytest.approx(0.25)
    after = [caption for caption in image_captions(tab) if "PSNR" in caption]
    assert len(after) == 4
    assert after != psnr_rows, "the mean PSNR captions did not change with the noise level"
    changed = table_cells(tab, unlike=table)
    assert len(changed) == len(table) and changed != table, "the PSNR table did not change with the noise level"
    assert_no_error(tab)


def test_denoising_upload_bad_then_good(tab, server):
    open_url(tab, server.url(DENOISING.path, query_for("en")))
    images_before = tab.get_by_test_id("stImage").count()

    upload_file(tab, "digit.png", b"this is a text file, not a picture of a digit\n", "image/png")
    assert alert_texts(tab, "Error") == [NOT_AN_IMAGE["en"]]
    assert h1_text(tab) == DENOISING.title("en")
    assert tab.get_by_test_id("stImage").count() == images_before  # the rest of the page is still drawn
    assert_no_error(tab)

    upload_file(tab, "seven.png", digit_png(), "image/png")
    assert alert_texts(tab, "Error") == []
    assert tab.get_by_test_id("stImage").count() == images_before + 1
    your_digit = EN["denoising.upload_row"].split(" · ")[0]  # "your digit"
    yours = [caption for caption in image_captions(tab) if caption.startswith(your_digit)]
    assert len(yours) == 1, image_captions(tab)
    assert len(re.findall(r"-?\d+\.\d dB", yours[0])) == 4, yours[0]  # corrupted, plain, denoising, PCA
    assert_no_error(tab)


def test_denoising_bad_upload_in_korean(tab, server):
    open_url(tab, server.url(DENOISING.path))
    upload_file(tab, "digit.png", b"%PDF-1.4 not a png\n", "image/png")
    assert alert_texts(tab, "Error") == [NOT_AN_IMAGE["ko"]]
    assert NOT_AN_IMAGE["en"] not in tab.locator("body").inner_text()
    assert h1_text(tab) == DENOISING.title("ko")
    assert_no_error(tab)


# --- chapter 3: live training ---------------------------------------------------------------


def test_train_one_epoch(tab, server):
    open_url(tab, server.url(TRAINING.path, query_for("en", tr_epochs=1)))
    assert alert_texts(tab, "Info") == [EN["training.none_yet"].replace("**", "")]
    assert metric_values(tab) == []

    rerun_after(tab, train_button(tab).click)
    done = alert_texts(tab, "Success")
    assert len(done) == 1 and template(EN["training.done"], epochs=1).fullmatch(done[0]), done
    labels = tab.get_by_test_id("stMetricLabel").all_inner_texts()
    assert EN["train_autoencoder.metric.mse"] in [label.strip() for label in labels]
    mse = float(metric_values(tab)[0])
    assert 0.0 < mse < 0.2  # one epoch already beats predicting grey (≈0.1) but not by much
    assert main_area(tab).get_by_test_id("stVegaLiteChart").count() == 1
    assert any(caption.startswith(EN["train_autoencoder.row.yours"]) for caption in image_captions(tab))
    assert_no_error(tab)


def test_stop_ends_training_after_current_epoch(tab, server):
    open_url(tab, server.url(TRAINING.path, query_for("en", tr_epochs=30)))
    train_button(tab).click()
    tab.get_by_text(EN["training.progress"].split(" (")[0].format(epoch=2, total=30), exact=False).wait_for(timeout=90_000)
    stop = stop_button(tab)
    assert stop.is_enabled()

    clicked = time.monotonic()
    before = tab.finished_runs
    stop.click()
    wait_finished(tab, before, timeout=STOP_WITHIN * 1000)
    took = time.monotonic() - clicked
    assert took < STOP_WITHIN

    stopped = alert_texts(tab, "Info")
    assert len(stopped) == 1, stopped
    match = template(EN["training.stopped"], total=30).fullmatch(stopped[0])
    assert match, stopped
    assert 2 <= int(match.group(1)) < 30
    assert alert_texts(tab, "Success") == []
    assert float(metric_values(tab)[0]) > 0  # the epochs done are kept and evaluated
    assert stop.is_disabled() and train_button(tab).is_enabled()
    # Nothing keeps running in the background: the page stays idle and stopped.
    tab.wait_for_timeout(1500)
    assert tab.locator("[data-test-script-state='notRunning']").count() == 1
    assert alert_texts(tab, "Info") == stopped
    assert_no_error(tab)


def test_two_sessions_training_at_once_get_the_same_result(tab, server, browser):
    other = new_page(browser)
    try:
        url = server.url(TRAINING.path, query_for("en", tr_epochs=2))
        tabs = [tab, other]
        for page in tabs:
            open_url(page, url)
        before = [page.finished_runs for page in tabs]
        for page in tabs:
            train_button(page).click()  # both at once, without waiting in between
        # Both scripts must be seen running at the same moment, or this test proves nothing.
        overlapped, deadline = False, time.monotonic() + 120
        while not overlapped and time.monotonic() < deadline and all(
                page.finished_runs == count for page, count in zip(tabs, before, strict=True)):
            overlapped = all(script_state(page) == "running" for page in tabs)
            tab.wait_for_timeout(20)
        assert overlapped, "the two trainings did not run at the same time"
        for page, count in zip(tabs, before, strict=True):
            wait_finished(page, count, timeout=120_000)
        for page in tabs:
            done = alert_texts(page, "Success")
            assert len(done) == 1 and template(EN["training.done"], epochs=2).fullmatch(done[0]), done
            assert_no_error(page)
        first, second = (metric_values(page) for page in tabs)
        assert len(first) == 3 and first == second, (first, second)  # test MSE, bundled MSE, PSNR
    finally:
        other.context.close()


# --- chapter 2: maps, code size, interpolation ----------------------------------------------


def headings(page) -> list[str]:
    return [text.strip() for text in main_area(page).locator("h2, h3").all_inner_texts()]


def selected_heading(page, index: int) -> bool:
    """Whether the maps page's "selected image" heading names image `index`."""
    pattern = template(EN["manifold_maps.selected_title"], index=index)
    return any(pattern.fullmatch(heading) for heading in headings(page))


def point_under_mouse(page, strings: dict) -> int | None:
    """The image index in the Vega tooltip showing now, or None (the maps are drawn on a canvas,
    so the tooltip is the only way to know which dot the mouse is on)."""
    tip = page.locator("#vg-tooltip-element")
    if not tip.count() or not tip.is_visible():
        return None
    for row in tip.locator("tr").all():
        cells = [cell.strip() for cell in row.locator("td").all_inner_texts()]
        if len(cells) == 2 and cells[0] == strings["manifold_maps.tooltip.index"]:
            return int(cells[1])
    return None


def find_dot(page, chart, strings: dict, avoid: int, step: int = 9) -> tuple[float, float, int]:
    """Sweep the mouse over the maps until the tooltip names a dot other than `avoid`."""
    chart.scroll_into_view_if_needed()
    box = chart.locator("canvas").first.bounding_box()
    for y in range(int(box["y"]) + 30, int(box["y"] + box["height"]) - 10, step):
        for x in range(int(box["x"]) + 10, int(box["x"] + box["width"]) - 10, step):
            page.mouse.move(x, y)
            index = point_under_mouse(page, strings)
            if index is not None and index != avoid:
                return x, y, index
    raise AssertionError("no dot found under the mouse anywhere on the maps")


def test_maps_click_selects_image(tab, server):
    open_url(tab, server.url(MAPS.path, query_for("en", mm_index=12)))
    chart = main_area(tab).get_by_test_id("stVegaLiteChart")
    assert chart.count() == 1
    assert widget_value(tab, EN["manifold_maps.index"]) == "12"
    before_headings, before_metrics = headings(tab), metric_values(tab)
    assert selected_heading(tab, 12), before_headings

    x, y, picked = find_dot(tab, chart, EN, avoid=12)
    rerun_after(tab, lambda: tab.mouse.click(x, y))
    assert url_query(tab).get("mm_index") == str(picked)
    assert widget_value(tab, EN["manifold_maps.index"]) == str(picked)
    assert selected_heading(tab, picked), headings(tab)
    assert headings(tab) != before_headings
    assert metric_values(tab)[:4] == before_metrics[:4]  # the agreement scores do not depend on the pick
    assert_no_error(tab)

    # The sidebar control and the click drive the same selection: a step from the clicked image.
    step, neighbour = ("ArrowLeft", picked - 1) if picked > 0 else ("ArrowRight", picked + 1)
    press(tab, tab.locator(f"input[aria-label='{EN['manifold_maps.index']}']"), step)
    assert url_query(tab).get("mm_index") == str(neighbour)
    assert selected_heading(tab, neighbour), headings(tab)
    assert_no_error(tab)


def isolated_dots(page, chart, alone: int = 10) -> list[tuple[float, float]]:
    """Page positions of the maps' small blobs (single dots) with nothing else drawn within `alone`
    px: the maps are a canvas, so a screenshot of it is the only way to see where the dots are."""
    from scipy import ndimage

    chart.scroll_into_view_if_needed()
    canvas = chart.locator("canvas").first
    box = canvas.bounding_box()
    picture = np.asarray(Image.open(io.BytesIO(canvas.screenshot())).convert("RGB"), dtype=int)
    scale = picture.shape[1] / box["width"]  # screenshot pixels per CSS pixel
    ink = picture.min(axis=2) < 230  # anything drawn: dots, rings, the frames, text
    blobs, _ = ndimage.label(ink)
    found = []
    for index, where in enumerate(ndimage.find_objects(blobs), start=1):
        rows, columns = where
        area = int(np.sum(blobs[where] == index))
        if not 8 * scale ** 2 <= area <= 45 * scale ** 2:  # a dot is about 22 px² (rings, text and frames are not)
            continue
        margin = int(alone * scale)
        around = blobs[max(rows.start - margin, 0):rows.stop + margin, max(columns.start - margin, 0):columns.stop + margin]
        if set(np.unique(around)) <= {0, index}:
            y, x = ndimage.center_of_mass(blobs == index)
            found.append((box["x"] + x / scale, box["y"] + y / scale))
    return found


def test_maps_click_beside_a_dot_selects_the_nearest_image(tab, server):
    """A click in empty space picks the nearest dot (Vega-Lite's nearest selection), not nothing."""
    open_url(tab, server.url(MAPS.path, query_for("en", mm_index=12)))
    chart = main_area(tab).get_by_test_id("stVegaLiteChart")
    dots = isolated_dots(tab, chart)
    assert len(dots) >= 3, f"only {len(dots)} dots stand alone in the maps"
    for x, y in dots:
        tab.mouse.move(x, y)
        dot = point_under_mouse(tab, EN)
        if dot is not None and dot != 12:
            break
    else:
        raise AssertionError("no isolated dot of another image than 12 named itself in the tooltip")
    # 5 px to the right: blank (the dot's radius is 2.7 px, nothing else is drawn within 10 px of it),
    # and nearer to this dot than to any other (their centres are at least 12 px from this one's).
    beside = (x + 5, y)
    rerun_after(tab, lambda: tab.mouse.click(*beside), timeout=30_000)  # a click that misses reruns nothing
    assert url_query(tab).get("mm_index") == str(dot)
    assert widget_value(tab, EN["manifold_maps.index"]) == str(dot)
    assert selected_heading(tab, dot), headings(tab)
    assert_no_error(tab)


def test_code_size_slider_changes_figures(tab, server):
    open_url(tab, server.url(CODE_SIZE.path, query_for("en", cs_code_size=2)))  # values away from the defaults
    code_size = thumb(tab, "code_size.code_size", "en")
    assert code_size.get_attribute("aria-valuetext") == "2"
    before = metric_values(tab), image_captions(tab), headings(tab)
    assert len(before[0]) == 3 and len(before[1]) == 3, before

    press(tab, code_size, "End")
    assert code_size.get_attribute("aria-valuetext") == "30"
    assert url_query(tab).get("cs_code_size") == "30"
    after = metric_values(tab), image_captions(tab), headings(tab)
    assert after[0] != before[0], "the reconstruction errors did not change with the code size"
    assert after[1][0] == before[1][0] and after[1][1:] != before[1][1:]  # same originals, new reconstructions
    assert after[2] != before[2]
    assert main_area(tab).get_by_test_id("stVegaLiteChart").count() == 1
    assert_no_error(tab)


def test_interpolation_slider_changes_figures(tab, server):
    open_url(tab, server.url(INTERPOLATION.path, query_for("en", ip_start=100)))
    start = thumb(tab, "interpolation.start", "en")
    assert start.get_attribute("aria-valuetext") == "100"
    before = metric_values(tab), image_captions(tab)
    assert len(before[0]) >= 3 and len(before[1]) >= 3, before  # at least the three paths
    charts = main_area(tab).get_by_test_id("stVegaLiteChart").count()
    assert charts >= 1

    press(tab, start, "ArrowRight")
    assert start.get_attribute("aria-valuetext") == "101"
    assert url_query(tab).get("ip_start") == "101"
    after = metric_values(tab), image_captions(tab)
    assert after[0] != before[0], "the distances did not change with the start image"
    assert after[1] != before[1]
    assert main_area(tab).get_by_test_id("stVegaLiteChart").count() == charts
    assert_no_error(tab)
