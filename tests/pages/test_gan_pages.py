"""AppTest: chapter 5's pages. The GAN lab's timeline (steps, reset, live and structural settings),
its data (blobs from the URL, CSV uploads good and bad), and the 1-D GAN's curves and figures."""

import json

import pytest

from tests.conftest import open_page
from ui.lang import en, ko

LAB = "pages/18_gan_lab.py"
ONE_D = "pages/17_gan_1d.py"


def button(app, label):
    return next(b for b in app.button if b.label == label)


def shows_counter(app, iteration: str, strings=en.STRINGS) -> bool:
    """The plane's title is the iteration counter."""
    return any(f'"{strings["gan_lab.counter"].format(iteration=iteration)}"' in spec for spec in specs(app))


def metric(app, label):
    return next(m.value for m in app.metric if m.label == label)


def specs(app) -> list[str]:
    """Each chart's spec as text, non-ASCII characters unescaped."""
    return [json.dumps(json.loads(chart.proto.spec), ensure_ascii=False) for chart in app.get("vega_lite_chart")]


def lab(app):
    return app.session_state["gl_run"].lab


def test_steps_move_the_counter_and_reset_goes_back():
    app = open_page(LAB, "en")
    assert not app.exception and not app.error
    assert shows_counter(app, "0")
    start = app.session_state["gl_run"].view.samples.copy()
    button(app, en.STRINGS["gan_lab.step_d"]).click().run()
    button(app, en.STRINGS["gan_lab.step_g"]).click().run()
    button(app, en.STRINGS["gan_lab.step_both"]).click().run()
    assert not app.exception
    assert lab(app).iteration == 3 and shows_counter(app, "3")
    assert (app.session_state["gl_run"].view.samples != start).any()
    assert len(app.session_state["gl_run"].history) == 4
    button(app, en.STRINGS["gan_lab.reset"]).click().run()
    assert lab(app).iteration == 0 and (app.session_state["gl_run"].view.samples == start).all()
    assert metric(app, en.STRINGS["gan_lab.metric.modes"]).endswith("/ 8")


def test_a_live_setting_keeps_the_run_and_a_network_setting_restarts_it():
    app = open_page(LAB, "en")
    button(app, en.STRINGS["gan_lab.step_both"]).click().run()
    first = lab(app)
    app.select_slider(key="gl_d_lr").set_value(0.01).run()
    assert lab(app) is first and lab(app).iteration == 1
    assert lab(app).settings.discriminator_learning_rate == 0.01
    app.slider(key="gl_packing").set_value(2).run()
    assert not app.exception
    assert lab(app) is not first and lab(app).iteration == 0 and lab(app).settings.packing == 2


@pytest.mark.parametrize("loss", ["minimax", "least_squares", "wasserstein_gp"])
def test_every_loss_draws_its_own_legend(loss):
    app = open_page(LAB, "ko", {"gl_loss": loss, "gl_data": "moons"})
    assert not app.exception and not app.error
    kind = "probability" if loss == "minimax" else loss if loss == "least_squares" else "critic"
    assert any(ko.STRINGS[f"gan_lab.field_legend.{kind}"] in spec for spec in specs(app))
    assert not any(m.label == ko.STRINGS["gan_lab.metric.modes"] for m in app.metric)  # moons have no modes


def test_blobs_come_from_the_url_and_odd_values_are_ignored():
    app = open_page(LAB, "en", {"gl_data": "blobs", "gl_blobs": "0.5,0.5;bad;1,nan;-1.5,1.0"})
    assert not app.exception and not app.error
    assert app.session_state["gl_run"].lab.data.centres.tolist() == [[0.5, 0.5], [-1.5, 1.0]]
    assert metric(app, en.STRINGS["gan_lab.metric.modes"]).endswith("/ 2")
    button(app, en.STRINGS["gan_lab.blobs_undo"]).click().run()
    assert app.query_params["gl_blobs"] == "0.5,0.5" and len(lab(app).data.centres) == 1


@pytest.mark.parametrize(("language", "strings"), [("ko", ko.STRINGS), ("en", en.STRINGS)])
def test_a_bad_upload_is_named_and_a_good_one_is_kept(language, strings):
    app = open_page(LAB, language, {"gl_data": "upload"})
    assert [i.value for i in app.info] == [strings["gan_lab.upload_waiting"]]
    good = "x,y\n" + "\n".join(f"{k / 10},{(k % 7) / 10}" for k in range(50))
    app.file_uploader(key="gl_upload").set_value(("points.csv", good.encode(), "text/csv")).run()
    assert not app.exception and not app.error
    assert len(lab(app).data.centres) == 50
    app.file_uploader(key="gl_upload").set_value(("bad.csv", b"1,2,3\n4,5,6\n", "text/csv")).run()
    assert not app.exception
    assert [e.value for e in app.error] == [strings["gan_lab.upload_error.columns"].format(line=1, found=3)]
    assert len(lab(app).data.centres) == 50  # the last good file is still the data


@pytest.mark.parametrize(("language", "strings"), [("ko", ko.STRINGS), ("en", en.STRINGS)])
def test_the_1d_gan_shows_its_three_discriminators_and_the_theory(language, strings):
    app = open_page(ONE_D, language)
    assert not app.exception and not app.error
    spec = specs(app)[0]
    for curve in ("initial", "pretrained", "trained", "optimal", "data", "generated"):
        assert strings[f"gan_1d.curve.{curve}"] in spec
    low, high = (float(v) for v in metric(app, strings["gan_1d.metric.d_range"]).replace("~", "to").split(" to "))
    assert 0.4 <= low <= high <= 0.6  # D ≈ ½ where the data lies
    app.toggle(key="g1_pretrain").set_value(False).run()
    assert strings["gan_1d.curve.pretrained"] not in specs(app)[0]


def test_training_d_alone_moves_v_towards_its_optimum():
    app = open_page(ONE_D, "en")
    value = float(metric(app, en.STRINGS["gan_1d.metric.value"]))
    optimal = float(metric(app, en.STRINGS["gan_1d.metric.optimal_value"]))
    app.select_slider(key="g1_d_only").set_value(3000).run()
    assert not app.exception
    later = float(metric(app, en.STRINGS["gan_1d.metric.value"]))
    assert float(metric(app, en.STRINGS["gan_1d.metric.optimal_value"])) == optimal  # G did not move
    assert value < later <= optimal
    assert en.STRINGS["gan_1d.curve.d_only"].format(steps=3000) in specs(app)[0]


def test_the_lab_opens_on_the_bundled_ring_runs_plain_gan():
    """Play on the lab's defaults replays the mode-collapse page's plain ring run."""
    from core import gan_runs
    from tests.pages.test_every_page import lecture_defaults
    from ui import gan_timeline

    assert gan_timeline.settings_from(lecture_defaults(LAB)) == gan_runs.RUNS["ring_plain"].settings


@pytest.mark.parametrize(("language", "strings"), [("ko", ko.STRINGS), ("en", en.STRINGS)])
def test_a_missing_or_altered_bundled_run_is_named(language, strings, tmp_path, monkeypatch):
    import shutil

    from core import gan_runs
    from ui import loaders

    shutil.copytree(gan_runs.ASSET_DIR, tmp_path, dirs_exist_ok=True)
    (tmp_path / "ring_packed.npz").write_bytes(b"altered")
    monkeypatch.setattr(gan_runs, "ASSET_DIR", tmp_path)
    loaders._gan_trajectory.clear()
    try:
        app = open_page("pages/19_mode_collapse.py", language)
        assert not app.exception
        expected = strings["error.asset"].format(file="ring_packed.npz", problem=strings["error.asset_altered"],
                                                 sha256=gan_runs.read_manifest()["runs"]["ring_packed"]["sha256"])
        assert [e.value for e in app.error] == [expected]
        (tmp_path / gan_runs.MANIFEST).unlink()
        loaders._gan_trajectory.clear()
        app = open_page("pages/19_mode_collapse.py", language)
        assert [e.value for e in app.error] == [strings["error.gan_manifest"].format(file=gan_runs.MANIFEST)]
    finally:
        loaders._gan_trajectory.clear()
