"""The GAN lab's bundled runs: checked loading, what they show, and weights that continue them."""

import json
import shutil

import numpy as np
import pytest

from core import data, gan_lab, gan_runs, toy_data


@pytest.fixture(scope="module")
def trajectories():
    return {name: gan_runs.load(name) for name in gan_runs.RUNS}


def test_every_run_is_bundled_with_its_settings(trajectories):
    manifest = gan_runs.read_manifest()["runs"]
    assert set(manifest) == set(gan_runs.RUNS)
    for name, trajectory in trajectories.items():
        assert len(trajectory.iterations) == gan_runs.SNAPSHOTS + 1
        assert trajectory.iterations[-1] == gan_runs.RUNS[name].iterations
        assert manifest[name]["train_seconds"] <= 120  # each bundled run trains in two minutes here
        for key, value in manifest[name]["final"].items():
            assert trajectory.arrays[key][-1] == pytest.approx(value, rel=1e-6)


def test_pairs_differ_only_in_packing():
    for data_name in gan_runs.DATA_SETS:
        plain, packed = gan_runs.RUNS[f"{data_name}_plain"], gan_runs.RUNS[f"{data_name}_packed"]
        assert plain.settings.packing == 1 < packed.settings.packing
        assert {**plain.settings.__dict__, "packing": 0} == {**packed.settings.__dict__, "packing": 0}
        assert plain.iterations == packed.iterations


def test_the_plain_runs_lose_modes_and_the_packed_ones_keep_them(trajectories):
    def final(name, key):
        return float(trajectories[name].arrays[key][-1])

    assert final("ring_plain", "modes") <= 6 and final("ring_packed", "modes") == 8
    assert final("ring_packed", "high_quality") >= 0.90
    assert final("grid_plain", "modes") <= 20 and final("grid_packed", "modes") >= 23
    assert final("grid_packed", "high_quality") >= 0.85
    assert final("moons_packed", "js") < final("moons_plain", "js")


def test_the_last_snapshots_weights_draw_its_samples(trajectories):
    """Loaded into a lab, the stored (float16) weights give the stored picture back."""
    trajectory = trajectories["ring_packed"]
    last = gan_runs.SNAPSHOTS
    lab = gan_lab.Lab(trajectory.run.settings, toy_data.ring())
    lab.load_weights(trajectory.weights(trajectory.checkpoint(last)), int(trajectory.iterations[last]))
    view = lab.view()
    assert view.modes.modes == trajectory.view(last).modes.modes
    assert np.abs(view.samples[:gan_runs.SHOWN_SAMPLES] - trajectory.view(last).samples).max() < 0.05
    with pytest.raises(ValueError):
        trajectory.weights(last - 1)
    assert trajectory.checkpoint(last - 1) == last - gan_runs.WEIGHTS_EVERY


def test_an_altered_or_unlisted_file_is_refused(tmp_path):
    shutil.copytree(gan_runs.ASSET_DIR, tmp_path, dirs_exist_ok=True)
    (tmp_path / "ring_plain.npz").write_bytes(b"not the recorded run")
    with pytest.raises(data.AssetError) as caught:
        gan_runs.load("ring_plain", tmp_path)
    assert not caught.value.missing
    manifest = json.loads((tmp_path / gan_runs.MANIFEST).read_text())
    manifest["runs"]["ring_packed"]["settings"]["seed"] += 1
    (tmp_path / gan_runs.MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(gan_runs.ManifestError):
        gan_runs.load("ring_packed", tmp_path)
    (tmp_path / gan_runs.MANIFEST).unlink()
    with pytest.raises(gan_runs.ManifestError):
        gan_runs.load("grid_plain", tmp_path)


def test_the_gan_pages_helpers_do_not_import_tensorflow():
    """The mode-collapse page and the lab's frame draw before TensorFlow loads (it takes seconds)."""
    import subprocess
    import sys

    code = ("import sys; import core.gan_1d, core.gan_lab, core.gan_runs, ui.gan_views, ui.gan_timeline, ui.gan_data;"
            " sys.exit('tensorflow' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], cwd=gan_runs.ASSET_DIR.parent.parent).returncode == 0
