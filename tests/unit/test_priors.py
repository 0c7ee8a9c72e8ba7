"""AAE priors: shapes, seeds, ten distinct mixture modes, scale, swiss-roll bins, the Keras sampler
against the NumPy one, and the energy distance against a hand computation."""

import itertools
import math

import numpy as np
import pytest

from core import priors

DRAWS = 20_000


def nearest_centre(points: np.ndarray) -> np.ndarray:
    distances = np.linalg.norm(points[:, None, :] - priors.mixture_centres()[None], axis=-1)
    return distances.argmin(axis=1)


@pytest.mark.parametrize("prior", priors.PRIORS)
def test_shapes_dtypes_and_seeds(prior):
    points, component = priors.sample(prior, 500, seed=7)
    assert points.shape == (500, 2) and points.dtype == np.float32 and np.isfinite(points).all()
    assert component.shape == (500,) and component.dtype == np.int64
    assert component.min() >= 0 and component.max() <= 9
    again, again_component = priors.sample(prior, 500, seed=7)
    np.testing.assert_array_equal(points, again)
    np.testing.assert_array_equal(component, again_component)
    assert not np.array_equal(points, priors.sample(prior, 500, seed=8)[0])
    if prior == "normal":
        assert not component.any()
    else:
        assert len(np.unique(component)) == 10


@pytest.mark.parametrize("prior", priors.PRIORS)
def test_every_prior_has_roughly_unit_scale(prior):
    points, _ = priors.sample(prior, DRAWS, seed=1)
    assert np.all((points.std(axis=0) > 0.85) & (points.std(axis=0) < 1.15))
    assert np.abs(points).max() < 6


def test_the_mixture_has_ten_distinct_modes_on_a_circle():
    centres = priors.mixture_centres()
    gaps = [np.linalg.norm(a - b) for a, b in itertools.combinations(centres, 2)]
    chord = 2 * priors.MIXTURE_RADIUS * math.sin(math.pi / 10)
    assert min(gaps) == pytest.approx(chord, rel=1e-5)  # no centre repeated (linspace(0, 2π, 10) would give 0)
    np.testing.assert_allclose(np.linalg.norm(centres, axis=1), priors.MIXTURE_RADIUS, rtol=1e-6)
    points, component = priors.sample("gaussian_mixture", DRAWS, seed=2)
    for k in range(10):  # each component's points sit around its own centre
        np.testing.assert_allclose(points[component == k].mean(axis=0), centres[k], atol=0.03)
    assert np.mean(nearest_centre(points) == component) > 0.97  # the clusters are separated


def test_swiss_roll_bins_follow_the_spiral_outwards():
    points, component = priors.sample("swiss_roll", DRAWS, seed=3)
    radius = np.linalg.norm(points, axis=1)
    mean_radius = [radius[component == k].mean() for k in range(10)]
    assert np.all(np.diff(mean_radius) > 0.1)  # bin k+1 lies further along t, so further out
    assert np.bincount(component).min() > 0.08 * DRAWS  # t is uniform: ten bins of about equal size
    assert radius.min() > 2 / 3 - 0.25 and radius.max() < 2 + 0.25


@pytest.mark.parametrize("prior", priors.PRIORS)
def test_the_keras_sampler_draws_the_same_distribution(prior):
    import keras

    numpy_points, numpy_component = priors.sample(prior, DRAWS, seed=4)
    points, component = priors.sample_tensor(prior, DRAWS, keras.random.SeedGenerator(4))
    points, component = np.asarray(points), np.asarray(component)
    assert points.shape == (DRAWS, 2) and component.shape == (DRAWS,)
    # means: standard error ≈ 1/√20,000 ≈ 0.007 per sampler; covariances: about 0.01
    np.testing.assert_allclose(points.mean(axis=0), numpy_points.mean(axis=0), atol=0.05)
    np.testing.assert_allclose(np.cov(points.T), np.cov(numpy_points.T), atol=0.06)
    radius, numpy_radius = np.linalg.norm(points, axis=1), np.linalg.norm(numpy_points, axis=1)
    np.testing.assert_allclose(np.quantile(radius, [0.1, 0.5, 0.9]), np.quantile(numpy_radius, [0.1, 0.5, 0.9]), atol=0.05)
    # per-component counts: about 2,000 each, ± 42 per sampler, so ±300 is over 5 standard errors
    np.testing.assert_allclose(np.bincount(component, minlength=10), np.bincount(numpy_component, minlength=10), atol=300)
    if prior == "gaussian_mixture":
        assert np.mean(nearest_centre(points) == component) > 0.97
    again, _ = priors.sample_tensor(prior, DRAWS, keras.random.SeedGenerator(4))
    np.testing.assert_array_equal(np.asarray(again), points)  # the seed decides the draw


def test_only_the_normal_prior_has_other_dimensions():
    import keras

    points, _ = priors.sample("normal", 100, seed=0, dimensions=5)
    assert points.shape == (100, 5)
    assert tuple(priors.sample_tensor("normal", 100, keras.random.SeedGenerator(0), dimensions=5)[0].shape) == (100, 5)
    for prior in ("gaussian_mixture", "swiss_roll"):
        with pytest.raises(ValueError):
            priors.sample(prior, 100, seed=0, dimensions=3)


@pytest.mark.parametrize(("prior", "n"), [("uniform", 10), ("", 10), ("normal", 0), ("swiss_roll", -3), ("normal", 2.5)])
def test_bad_arguments_raise(prior, n):
    with pytest.raises(ValueError):
        priors.sample(prior, n, seed=0)


def test_energy_distance_matches_a_hand_computation():
    rng = np.random.default_rng(0)
    a, b = rng.normal(size=(4, 2)), rng.normal(size=(3, 2))

    def mean_distance(x, y):
        return np.mean([np.linalg.norm(p - q) for p in x for q in y])

    hand = 2 * mean_distance(a, b) - mean_distance(a, a) - mean_distance(b, b)
    assert priors.energy_distance(a, b) == pytest.approx(hand, rel=1e-9)
    assert priors.energy_distance(b, a) == pytest.approx(hand, rel=1e-9)
    assert priors.energy_distance([[0.0, 0.0]], [[3.0, 4.0]]) == pytest.approx(10.0)  # 2·5 − 0 − 0
    assert priors.energy_distance(a, a) == pytest.approx(0.0, abs=1e-12)


@pytest.mark.parametrize("prior", ["normal", "gaussian_mixture"])
def test_energy_distance_separates_a_shifted_sample(prior):
    first, second = priors.sample(prior, 2000, seed=5)[0], priors.sample(prior, 2000, seed=6)[0]
    same = priors.energy_distance(first, second)
    shifted = priors.energy_distance(first, second + np.float32([0.3, 0.0]))
    assert 0 <= same < 0.005  # the V-statistic's bias is of order 1/n
    assert shifted > 0.02 and shifted > 5 * same


@pytest.mark.parametrize(("a", "b"), [(np.zeros((3, 2)), np.zeros((3, 3))), (np.zeros((0, 2)), np.zeros((3, 2))),
                                      (np.zeros(3), np.zeros(3)), (np.full((2, 2), np.nan), np.zeros((2, 2)))])
def test_energy_distance_rejects_bad_samples(a, b):
    with pytest.raises(ValueError):
        priors.energy_distance(a, b)


@pytest.mark.parametrize("prior", ["gaussian_mixture", "swiss_roll"])
def test_the_nearest_component_of_a_prior_sample_is_mostly_its_own(prior):
    points, component = priors.sample(prior, 2000, seed=11)
    agreement = np.mean(priors.nearest_component(prior, points) == component)
    assert agreement > 0.85  # the clusters overlap a little; the spiral's tenths meet end to end
    assert (priors.nearest_component("normal", points) == 0).all()


def test_nearest_component_by_hand():
    centres = priors.mixture_centres()
    assert list(priors.nearest_component("gaussian_mixture", centres * 1.1)) == list(range(10))
    t = np.array([priors.ROLL_T_MIN + 0.01, priors.ROLL_T_MAX - 0.01])
    ends = priors.ROLL_OUTER_RADIUS * t[:, None] / priors.ROLL_T_MAX * np.stack([np.cos(t), np.sin(t)], axis=1)
    assert list(priors.nearest_component("swiss_roll", ends)) == [0, 9]
