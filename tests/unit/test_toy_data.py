"""The GAN lab's 2-D data: PacGAN's exact ring and grid, the curves, blobs, CSV uploads, and the grid mass."""

import numpy as np
import pytest

from core import metrics, toy_data


def test_ring_is_pacgans_eight_distinct_modes():
    ring = toy_data.ring()
    angles = np.arange(8) * 2 * np.pi / 8
    assert np.allclose(ring.centres, np.stack([np.cos(angles), np.sin(angles)], 1), atol=1e-6)
    assert len(np.unique(ring.centres.round(4), axis=0)) == 8  # linspace(0, 2π, 8) would repeat one
    assert np.all(ring.std == np.float32(0.01)) and ring.has_modes


def test_grid_is_pacgans_twenty_five_modes():
    grid = toy_data.grid()
    assert sorted(set(grid.centres[:, 0].tolist())) == [-4, -2, 0, 2, 4]
    assert len(np.unique(grid.centres, axis=0)) == 25 and np.all(grid.std == np.float32(0.05))


def test_samples_sit_around_their_centres():
    ring = toy_data.ring()
    samples = toy_data.sample(ring, 4_000, np.random.default_rng(0))
    score = metrics.mode_score(samples, ring.centres, ring.std)
    assert score.modes == 8 and score.high_quality > 0.98  # a 3σ disc holds 1 − e^(−4.5) = 98.9 % of a 2-D Gaussian
    assert score.counts.sum() == round(score.high_quality * 4_000) and score.counts.min() > 400


@pytest.mark.parametrize("builder", [toy_data.moons, toy_data.spiral])
def test_curves_have_no_modes_and_fit_their_view(builder):
    data = builder()
    assert not data.has_modes and len(data.centres) == toy_data.CURVE_POINTS
    for axis, (low, high) in enumerate(data.limits):
        assert low < data.centres[:, axis].min() and data.centres[:, axis].max() < high


def test_blobs_are_clipped_to_the_plane_and_capped():
    blobs = toy_data.blobs([(5.0, 0.0), *[(0.1 * k, 0.0) for k in range(40)]])
    assert len(blobs.centres) == toy_data.MAX_BLOBS
    assert blobs.centres[0, 0] == toy_data.BLOB_LIMIT and blobs.has_modes
    with pytest.raises(ValueError):
        toy_data.blobs([])


def test_csv_upload_with_a_header():
    raw = "x,y\n" + "\n".join(f"{k},{k * 2}" for k in range(20))
    data = toy_data.from_csv(raw.encode())
    assert data.centres.shape == (20, 2) and data.centres[3].tolist() == [3.0, 6.0]
    assert np.all(data.std == 0) and not data.has_modes


@pytest.mark.parametrize(("raw", "reason"), [
    (b"", "empty"),
    (b"\xff\xfe\x00", "not_text"),
    (b"1,2,3\n" * 20, "columns"),
    (b"1,2\nfoo,3\n" + b"1,2\n" * 20, "not_numbers"),
    (b"1,nan\n" + b"1,2\n" * 20, "not_finite"),
    (b"1,2\n" * 5, "too_few"),
    (b"1,2\n" * 20_001, "too_many"),
    (b"1,2\n" * 20 + b"100000,1\n", "too_far"),
    (b"1,2\n" * 20, "no_spread"),
    (b"1,2\n" * 300_000, "too_large"),
])
def test_a_bad_upload_names_its_problem(raw, reason):
    with pytest.raises(toy_data.UploadError) as caught:
        toy_data.from_csv(raw)
    assert caught.value.reason == reason and reason in toy_data.UPLOAD_REASONS


def test_grid_mass_is_the_exact_probability_per_cell():
    one = toy_data.mixture([[0.0, 0.0]], 1.0, True, ((-1.0, 1.0), (-1.0, 1.0)))
    edges = (np.array([-1.0, 0.0, 1.0]), np.array([-1.0, 0.0, 1.0]))
    mass = toy_data.density_on_grid(one, edges)
    assert np.allclose(mass, 0.3413447 ** 2, atol=1e-6)  # Φ(1) − Φ(0) per axis, independent axes
    point = toy_data.mixture([[0.5, -0.5]], 0.0, False, ((-1.0, 1.0), (-1.0, 1.0)))
    assert toy_data.density_on_grid(point, edges).tolist() == [[0.0, 1.0], [0.0, 0.0]]  # rows along y
