"""The latent grid of Kingma & Welling's Fig. 4: inverse-CDF spacing, order, symmetry."""

import numpy as np
import pytest

from core import latent


def test_grid_is_the_inverse_gaussian_cdf_of_even_probabilities():
    points = latent.gaussian_grid(5, margin=0.1)
    assert points.shape == (25, 2) and points.dtype == np.float32
    axis = np.unique(points[:, 0])
    np.testing.assert_allclose(axis, [-1.2815516, -0.5244005, 0.0, 0.5244005, 1.2815516], atol=1e-6)
    np.testing.assert_allclose(axis, -axis[::-1], atol=1e-6)  # symmetric around 0
    # evenly spaced probabilities give wider steps in the tails
    steps = np.diff(axis)
    assert steps[0] > steps[1]


def test_rows_run_from_the_top_left_as_the_picture_is_read():
    points = latent.gaussian_grid(3)
    assert points[0, 0] < points[1, 0] < points[2, 0]  # left to right along the first row
    assert points[0, 1] == points[2, 1] > points[3, 1] > points[6, 1]  # top row has the largest z2


@pytest.mark.parametrize(("size", "margin"), [(1, 0.05), (2.5, 0.05), (4, 0.0), (4, 0.5), (4, -0.1)])
def test_bad_arguments_raise(size, margin):
    with pytest.raises(ValueError):
        latent.gaussian_grid(size, margin)


def test_a_grid_can_be_given_by_its_outermost_value():
    points = latent.gaussian_grid_to(7, 2.0)
    assert points[:, 0].min() == pytest.approx(-2.0, abs=1e-5) and points[:, 1].max() == pytest.approx(2.0, abs=1e-5)
    with pytest.raises(ValueError):
        latent.gaussian_grid_to(7, 0.0)


def test_the_uniform_grid_is_evenly_spaced_and_read_from_the_top_left():
    points = latent.uniform_grid(5, 2.0)
    np.testing.assert_allclose(np.unique(points[:, 0]), [-2, -1, 0, 1, 2])
    assert tuple(points[0]) == (-2.0, 2.0) and tuple(points[-1]) == (2.0, -2.0)
    for bad in [(1, 2.0), (5, 0.0), (5, -1.0)]:
        with pytest.raises(ValueError):
            latent.uniform_grid(*bad)


def test_a_clicked_point_from_the_browser_is_checked():
    assert latent.clicked_point([{"z1": 0.5, "z2": -1.25}], 3.0) == (0.5, -1.25)
    assert latent.clicked_point([{"z1": 0.5, "z2": 0.5}, {"z1": 1, "z2": 2}], 3.0) == (1.0, 2.0)  # the last one
    for bad in [None, [], [{"z1": 9.0, "z2": 0.0}], [{"z1": float("nan"), "z2": 0.0}], [{"z1": True, "z2": 0.0}],
                [{"z1": "1", "z2": 0.0}], ["z1"], [{"z1": 1.0}]]:
        assert latent.clicked_point(bad, 3.0) is None


def test_an_ellipse_outline_lies_on_the_ellipse_and_closes():
    outline = latent.ellipse((1.0, -2.0), (0.5, 0.25), points=200)
    assert outline.shape == (200, 2) and outline.dtype == np.float32
    np.testing.assert_allclose(((outline[:, 0] - 1.0) / 0.5) ** 2 + ((outline[:, 1] + 2.0) / 0.25) ** 2, 1.0, atol=1e-5)
    np.testing.assert_array_equal(outline[0], outline[-1])
    # axis-aligned: the extremes are centre ± radii along each axis
    np.testing.assert_allclose([outline[:, 0].min(), outline[:, 0].max(), outline[:, 1].min(), outline[:, 1].max()],
                               [0.5, 1.5, -2.25, -1.75], atol=1e-4)
    assert len(np.unique(outline[:-1], axis=0)) == 199  # no point repeated but the closing one


@pytest.mark.parametrize(("centre", "radii", "points"), [
    ((0.0, 0.0), (1.0, 0.0), 100), ((0.0, 0.0), (-1.0, 1.0), 100), ((0.0, float("nan")), (1.0, 1.0), 100),
    ((0.0,), (1.0, 1.0), 100), ((0.0, 0.0), (1.0, 1.0), 3), ((0.0, 0.0), (1.0, 1.0), 10.5)])
def test_a_bad_ellipse_raises(centre, radii, points):
    with pytest.raises(ValueError):
        latent.ellipse(centre, radii, points)


def test_reparameterised_samples_are_mean_plus_sigma_times_seeded_noise():
    mean, log_var = np.array([0.5, -1.0]), np.log(np.array([0.2, 0.05]) ** 2)
    z = latent.reparameterised_samples(mean, log_var, 5, seed=3)
    epsilon = np.random.default_rng(3).standard_normal((5, 2))
    assert z.shape == (5, 2) and z.dtype == np.float32
    np.testing.assert_allclose(z, mean + np.array([0.2, 0.05]) * epsilon, rtol=1e-6)
    np.testing.assert_array_equal(z, latent.reparameterised_samples(mean, log_var, 5, seed=3))  # reproducible
    assert not np.allclose(z, latent.reparameterised_samples(mean, log_var, 5, seed=4))
    many = latent.reparameterised_samples(mean, log_var, 20000, seed=0)
    np.testing.assert_allclose(many.mean(axis=0), mean, atol=0.01)
    np.testing.assert_allclose(many.std(axis=0), [0.2, 0.05], rtol=0.03)


@pytest.mark.parametrize(("mean", "log_var", "count"), [
    ([0.0, 0.0], [0.0], 3), ([[0.0, 0.0]], [[0.0, 0.0]], 3), ([0.0, float("inf")], [0.0, 0.0], 3),
    ([0.0, 0.0], [0.0, 0.0], 0), ([0.0, 0.0], [0.0, 0.0], 2.5)])
def test_bad_reparameterisation_arguments_raise(mean, log_var, count):
    with pytest.raises(ValueError):
        latent.reparameterised_samples(mean, log_var, count, seed=0)


def test_sigma_comes_from_the_log_variance():
    np.testing.assert_allclose(latent.standard_deviation([0.0, np.log(0.04), -2.0]), [1.0, 0.2, np.exp(-1.0)])
    with pytest.raises(ValueError):
        latent.standard_deviation([np.nan])


def test_the_zoom_window_is_a_square_around_the_centre_that_holds_the_ellipse():
    window = latent.zoom_window((1.0, -2.0), (0.1, 0.05), factor=3.0)
    np.testing.assert_allclose(window, [[0.7, 1.3], [-2.3, -1.7]])
    outline = latent.ellipse((1.0, -2.0), (0.2, 0.1))  # the 2σ ellipse
    assert (outline[:, 0] > window[0, 0]).all() and (outline[:, 0] < window[0, 1]).all()
    assert (outline[:, 1] > window[1, 0]).all() and (outline[:, 1] < window[1, 1]).all()
    for bad in [((0.0, 0.0), (0.0, 1.0), 3.0), ((0.0, 0.0), (1.0, 1.0), 0.0), ((0.0,), (1.0, 1.0), 3.0)]:
        with pytest.raises(ValueError):
            latent.zoom_window(*bad)
