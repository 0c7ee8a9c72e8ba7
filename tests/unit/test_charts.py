"""Chart specs as the app builds them: the live training charts and the SVG export of ui/charts.py.

The specs come from ui.charts.show() itself (a stand-in container records what it would send to
the browser), and are drawn to SVG by the same converter the download button uses, so these tests
read the picture a viewer gets: its title, marks, legend swatches and axis labels.
"""

from __future__ import annotations

import math
import re
from html import unescape

import altair as alt
import numpy as np
import pandas as pd
import pytest

from core import pretrained, training
from ui import charts, i18n, live_training
from ui.lang import en, ko

EPOCHS = 3
REFERENCE = "vae_mnist_d2_beta1"


class Recorder:
    """Stands in for a Streamlit container: keeps the specs show() renders, ignores anything else."""

    def __init__(self):
        self.specs = []

    def vega_lite_chart(self, spec, **_):
        self.specs.append(spec)

    def __getattr__(self, name):
        return lambda *args, **kwargs: None


@pytest.fixture(params=["ko", "en"])
def language(request, monkeypatch):
    monkeypatch.setattr(i18n, "current_language", lambda: request.param)
    return request.param


def vae_run(epochs: int = EPOCHS) -> live_training.Run:
    """A VAE run that finished `epochs` epochs (no model needed to draw its charts)."""
    recipe = pretrained.Recipe("live", "mnist", 2, family="vae", beta=1.0, hidden=(256, 128, 64), epochs=5,
                               learning_rate=0.001, cosine_decay=False, seed=1)
    run = live_training.Run(recipe, parts=None)
    for index in range(1, epochs + 1):
        run.epochs.append(training.Epoch(index, 200.0 - 10 * index, 205.0 - 10 * index, 1.0,
                                         {"val_reconstruction_loss": 190.0 - 9 * index, "val_kl_loss": 2.0 + index}))
    return run


def drawn_specs(run, reference) -> list[dict]:
    """The loss chart and the two term charts, as show() builds them."""
    recorder = Recorder()
    live_training._draw(run, reference, recorder, [recorder, recorder])
    return recorder.specs


def texts(svg: str, role: str) -> list[str]:
    """The text of the SVG's <text> elements inside groups of a Vega role (axis-label, legend-label,
    title-text); the lines of a text broken into several (<tspan>s) joined by spaces."""
    found = []
    for group in re.findall(rf'<g class="mark-text role-{role}"[^>]*>(.*?)</g>', svg, flags=re.S):
        for text in re.findall(r"<text[^>]*>(.*?)</text>", group, flags=re.S):
            lines = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", text) or [text]
            found.append(" ".join(unescape(line).strip() for line in lines))
    return found


def axis_labels(svg: str, axis: str) -> list[str]:
    """The tick labels of the "X" or "Y" axis."""
    part = svg.split(f'aria-label="{axis}-axis', 1)[1].split('class="mark-group role-axis"', 1)[0]
    return texts(part, "axis-label")


@pytest.fixture(scope="module")
def reference() -> dict:
    return pretrained.read_manifest()["models"][REFERENCE]


def test_live_charts_tick_whole_epochs_and_dash_the_pretrained_run_in_the_legend_too(language, reference):
    strings = {"ko": ko.STRINGS, "en": en.STRINGS}[language]
    loss, reconstruction, kl = drawn_specs(vae_run(), reference)
    for spec in (loss, reconstruction, kl):
        lines = spec["layer"][0]["encoding"]
        assert lines["x"]["axis"] == {"format": "d", "tickMinStep": 1}
        assert lines["strokeDash"]["field"] == "run"
        assert lines["strokeDash"]["scale"] == {"domain": [strings["training.run.this"], strings["training.run.reference"]],
                                                "range": [[1, 0], [5, 4]]}
        svg = charts.to_svg(spec)
        assert axis_labels(svg, "X") == ["1", "2", "3", "4", "5"]  # the five epochs the run asked for, no 1.5
        legend = texts(svg, "legend-label")
        assert strings["training.run.this"] in legend and strings["training.run.reference"] in legend
        swatches = re.findall(r'<g class="mark-symbol role-legend-symbol"[^>]*>(.*?)</g>', svg, flags=re.S)
        dashes = [re.search(r'stroke-dasharray="([^"]*)"', swatch) for swatch in swatches]
        assert "5,4" in [dash.group(1) for dash in dashes if dash], swatches  # the pretrained run's swatch is dashed
        assert all('stroke="' in swatch and 'stroke="transparent"' not in swatch for swatch in swatches)
    assert [texts(charts.to_svg(spec), "title-text") for spec in (reconstruction, kl)] == [
        [strings["training.term_title.reconstruction_loss"]], [strings["training.term_title.kl_loss"]]]


def test_the_kl_term_has_a_scale_of_its_own(reference):
    """Drawn with the reconstruction (≈150 nats) on one axis, the KL (≈3-6 nats) would be a flat line."""
    _, reconstruction, kl = drawn_specs(vae_run(), reference)
    reconstruction_ticks, kl_ticks = ([float(label) for label in axis_labels(charts.to_svg(spec), "Y")]
                                      for spec in (reconstruction, kl))
    assert min(reconstruction_ticks) >= 100 and max(kl_ticks) <= 10, (reconstruction_ticks, kl_ticks)
    assert len(kl_ticks) >= 4  # the KL's rise spans the plot, not one tick of a 150-nat axis


def test_a_plain_autoencoder_run_of_one_epoch_draws_one_chart_with_points_and_no_pretrained_run():
    recipe = pretrained.Recipe("live", "mnist", 10, hidden=(256, 128), epochs=1, learning_rate=0.001,
                               cosine_decay=False, seed=1)
    run = live_training.Run(recipe, parts=None, epochs=[training.Epoch(1, 0.2, 0.19, 1.0)])
    recorder = Recorder()
    live_training._draw(run, None, recorder, [])
    (spec,) = recorder.specs
    assert spec["layer"][0]["encoding"]["strokeDash"]["scale"]["domain"] == [ko.STRINGS["training.run.this"]]
    svg = charts.to_svg(spec)
    assert len(re.findall(r'class="mark-symbol role-mark', svg)) == 1  # a run of one epoch is a point per curve
    assert ko.STRINGS["training.run.reference"] not in svg


def test_a_chart_of_the_app_converts_to_svg_with_its_title_and_marks(reference):
    recorder = Recorder()
    charts.show(live_training.loss_chart(vae_run(), reference["history"]), container=recorder)
    (spec,) = recorder.specs
    assert all(isinstance(frame, pd.DataFrame) for frame in spec["datasets"].values())  # as show() sends them
    svg = charts.to_svg(spec)
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert int(re.search(r'<svg[^>]*width="(\d+)"', svg).group(1)) > 640  # the plot's 640 px plus the axes
    title = ko.STRINGS["training.chart_title.vae"].format(beta="1")
    assert texts(svg, "title-text") == [title]
    # Four curves (training and test, of this run and of the pretrained run) and a point per epoch on each.
    lines = re.findall(r'<g class="mark-line role-mark[^"]*"[^>]*>(.*?)</g>', svg, flags=re.S)
    assert sum(len(re.findall(r"<path ", group)) for group in lines) == 4
    points = re.findall(r'<g class="mark-symbol role-mark[^"]*"[^>]*>(.*?)</g>', svg, flags=re.S)
    assert sum(len(re.findall(r"<path ", group)) for group in points) == 2 * EPOCHS + 2 * 5
    assert spec["datasets"] and all(isinstance(frame, pd.DataFrame) for frame in spec["datasets"].values())


def test_missing_values_and_numpy_numbers_reach_the_converter_as_json():
    frame = pd.DataFrame({"x": [1, 2, 3], "y": [0.5, math.nan, 1.5]})
    spec = {"data": {"name": "points"}, "mark": "point", "title": "gaps",
            "encoding": {"x": {"field": "x", "type": "quantitative", "scale": {"domain": [np.int64(0), np.float32(4)]}},
                         "y": {"field": "y", "type": "quantitative"}},
            "datasets": {"points": frame}}
    assert charts._plain(frame) == [{"x": 1, "y": 0.5}, {"x": 2, "y": None}, {"x": 3, "y": 1.5}]
    svg = charts.to_svg(spec)
    assert texts(svg, "title-text") == ["gaps"]
    points = svg.split('class="mark-symbol role-mark')[1].split("</g>")[0]
    assert re.findall(r'aria-label="([^"]*)"', points) == ["x: 1; y: 0.5", "x: 3; y: 1.5"]  # the gap is left out
    with pytest.raises(TypeError, match="set"):
        charts._plain({1, 2})


def test_svg_file_names_keep_letters_of_any_script():
    assert charts.svg_file_name("Loss per epoch: reconstruction + 1 × KL") == "Loss_per_epoch_reconstruction_1_KL.svg"
    assert charts.svg_file_name("에포크별 손실") == "에포크별_손실.svg"
    assert charts.svg_file_name("///") == "chart.svg"


def test_the_download_button_makes_the_svg_only_when_clicked(monkeypatch):
    calls = []

    class Buttons:
        def download_button(self, label, **options):
            calls.append((label, options))

    converted = []
    monkeypatch.setattr(charts, "to_svg", lambda spec: converted.append(spec) or "<svg/>")
    spec = {"mark": "point", "title": "t"}
    charts.svg_download(spec, "Loss per epoch", container=Buttons())
    ((label, options),) = calls
    assert label == ko.STRINGS["charts.svg"] and not converted  # nothing converted while the page runs
    assert options["file_name"] == "Loss_per_epoch.svg" and options["mime"] == "image/svg+xml"
    assert options["on_click"] == "ignore"  # a download must not rerun the page (it would stop a training)
    assert options["data"]() == "<svg/>" and converted == [spec]


@pytest.mark.parametrize("title", [
    "The descent path and the tangent at step 0 (band: relative error < 10 %)",
    "경사 하강 경로와 0번째 점의 접선 (띠: 상대 오차 < 10 %), 학습률을 바꾸며 보세요",
])
def test_a_long_title_wraps_to_the_chart_width_instead_of_being_cut(title):
    recorder = Recorder()
    chart = alt.Chart(pd.DataFrame({"x": [0, 1], "y": [0, 1]}), title=title, width=260).mark_line().encode(
        x=alt.X("x:Q"), y=alt.Y("y:Q"))
    charts.show(chart, container=recorder, export=False)
    spec = recorder.specs[0]
    assert spec["description"] == title
    svg = charts.to_svg(spec)
    group = re.search(r'<g class="mark-text role-title-text"[^>]*>(.*?)</g>', svg, flags=re.S).group(1)
    lines = [unescape(line) for line in re.findall(r"<tspan[^>]*>([^<]*)</tspan>", group)]
    assert len(lines) >= 2, lines
    assert " ".join(lines) == title  # broken between words, nothing lost
    assert not any("…" in line for line in lines)
    # Each line fits the 260 px plot at 15 px type: a Hangul syllable is about 15 px wide, a Latin letter 8.
    assert all(sum(15 if ord(character) > 0x2E80 else 8 for character in line) <= 260 for line in lines), lines
