"""The maximum-likelihood view of the loss: Gaussian NLL = scaled MSE + constant, Bernoulli NLL = cross-entropy."""

import math

import numpy as np
import pytest
from scipy import stats

from core.analytic import likelihood


def random_regression(seed: int, count: int = 500):
    rng = np.random.default_rng(seed)
    return rng.uniform(-3, 3, count), rng.uniform(-3, 3, count), float(rng.uniform(0.2, 3.0))


def random_classification(seed: int, count: int = 500):
    rng = np.random.default_rng(seed)
    return rng.integers(0, 2, count), rng.uniform(0.01, 0.99, count)


@pytest.mark.parametrize("seed", range(5))
def test_gaussian_nll_is_scaled_squared_error_plus_constant_per_sample(seed):
    y, mean, sigma = random_regression(seed)
    expected = (y - mean) ** 2 / (2 * sigma**2) + math.log(sigma * math.sqrt(2 * math.pi))
    np.testing.assert_allclose(likelihood.gaussian_nll(y, mean, sigma), expected, rtol=0, atol=1e-12)
    # An independent oracle for the log-density, and the density itself where it does not underflow.
    np.testing.assert_allclose(likelihood.gaussian_nll(y, mean, sigma), -stats.norm.logpdf(y, mean, sigma), atol=1e-12)
    np.testing.assert_allclose(likelihood.gaussian_density(y, mean, sigma), stats.norm.pdf(y, mean, sigma), rtol=1e-12)


def test_summed_gaussian_nll_is_rebuilt_from_the_mse():
    y, mean, sigma = random_regression(7, count=20)
    comparison = likelihood.compare_gaussian(y, mean, sigma)
    assert comparison.loss == pytest.approx(np.mean((y - mean) ** 2), rel=1e-14)
    assert comparison.nll == pytest.approx(-stats.norm.logpdf(y, mean, sigma).sum(), rel=1e-12)
    assert comparison.nll_from_loss == pytest.approx(comparison.nll, rel=1e-12)
    assert comparison.difference < 1e-10
    # A far target does not underflow to an infinite loss (the density itself would be 0.0).
    assert likelihood.gaussian_nll(50.0, 0.0, 0.1) == pytest.approx(125_000 + math.log(0.1 * math.sqrt(2 * math.pi)))


@pytest.mark.parametrize("seed", range(5))
def test_bernoulli_nll_is_the_binary_cross_entropy(seed):
    label, p = random_classification(seed)
    cross_entropy = -(label * np.log(p) + (1 - label) * np.log(1 - p))
    np.testing.assert_allclose(likelihood.bernoulli_nll(label, p), cross_entropy, rtol=1e-12)
    assert likelihood.binary_cross_entropy(label, p) == pytest.approx(cross_entropy.mean(), rel=1e-12)
    comparison = likelihood.compare_bernoulli(label, p)
    assert comparison.nll == pytest.approx(comparison.count * comparison.loss, rel=1e-12)
    assert comparison.difference < 1e-9


def test_bernoulli_edges_follow_the_formula():
    # 0·log 0 counts as 0; a label the model calls impossible costs an infinite loss.
    assert likelihood.bernoulli_nll([0, 1], [0.0, 1.0]).tolist() == [0.0, 0.0]
    assert likelihood.binary_cross_entropy([0, 1], [0.0, 1.0]) == 0.0
    assert likelihood.bernoulli_nll(1, 0.0) == math.inf
    assert likelihood.binary_cross_entropy([1, 0], [0.5, 1.0]) == math.inf
    assert likelihood.bernoulli_probability([1, 0], 0.3).tolist() == pytest.approx([0.3, 0.7])


def test_same_values_as_keras_losses():
    import keras  # slow to import: this is the one test that needs it

    label, p = random_classification(11, count=64)
    y, mean, _ = random_regression(11, count=64)
    keras_bce = float(keras.losses.BinaryCrossentropy()(label[:, None].astype("float32"), p[:, None].astype("float32")))
    keras_mse = float(keras.losses.MeanSquaredError()(y[:, None].astype("float32"), mean[:, None].astype("float32")))
    assert keras_bce == pytest.approx(likelihood.binary_cross_entropy(label, p), rel=1e-5)
    assert keras_bce == pytest.approx(likelihood.compare_bernoulli(label, p).nll / label.size, rel=1e-5)
    assert keras_mse == pytest.approx(likelihood.mean_squared_error(y, mean), rel=1e-5)


def test_sampling_is_reproducible_and_grows_by_appending():
    first = likelihood.sample_gaussian(1.0, 0.5, 100, seed=3)
    np.testing.assert_array_equal(first, likelihood.sample_gaussian(1.0, 0.5, 100, seed=3))
    assert not np.array_equal(first, likelihood.sample_gaussian(1.0, 0.5, 100, seed=4))
    # The page shows the first n draws of a seed; pressing "draw" again must keep them.
    np.testing.assert_array_equal(first[:40], likelihood.sample_gaussian(1.0, 0.5, 40, seed=3))
    ones = likelihood.sample_bernoulli(0.3, 100, seed=3)
    np.testing.assert_array_equal(ones[:40], likelihood.sample_bernoulli(0.3, 40, seed=3))
    assert set(np.unique(ones)) <= {0, 1}
    draws = likelihood.draw_outputs(1.0, 0.5, 0.3, 50, seed=9)
    again = likelihood.draw_outputs(1.0, 0.5, 0.3, 50, seed=9)
    np.testing.assert_array_equal(draws.gaussian, again.gaussian)
    np.testing.assert_array_equal(draws.bernoulli, again.bernoulli)
    assert draws.count == 50 and len(set(draws.gaussian.round(6))) == 50  # fixed input, different outputs


def test_sample_moments_match_the_distributions():
    count = 200_000
    draws = likelihood.draw_outputs(mean=1.3, sigma=0.7, probability=0.2, count=count, seed=2017)
    # Within four standard errors of the mean, of the variance (≈ σ²·√(2/n)) and of the share of ones.
    assert abs(draws.gaussian_mean - 1.3) < 4 * 0.7 / math.sqrt(count)
    assert abs(draws.gaussian_std**2 - 0.49) < 4 * 0.49 * math.sqrt(2 / count)
    assert abs(draws.fraction_of_ones - 0.2) < 4 * math.sqrt(0.2 * 0.8 / count)
    assert abs(np.corrcoef(draws.gaussian, draws.bernoulli)[0, 1]) < 0.02  # two independent streams
    assert math.isnan(likelihood.draw_outputs(0.0, 1.0, 0.5, 0, seed=0).gaussian_mean)


@pytest.mark.parametrize("sigma", [0.0, -1.0, math.nan, math.inf])
def test_invalid_sigma_raises(sigma):
    for call in (lambda: likelihood.gaussian_nll([1.0], [0.0], sigma),
                 lambda: likelihood.compare_gaussian([1.0], [0.0], sigma),
                 lambda: likelihood.gaussian_nll_from_mse(1.0, sigma, 3),
                 lambda: likelihood.sample_gaussian(0.0, sigma, 5, seed=0)):
        with pytest.raises(ValueError):
            call()


@pytest.mark.parametrize("bad", [-0.1, 1.1, math.nan, math.inf])
def test_probabilities_and_labels_outside_zero_one_raise(bad):
    for call in (lambda: likelihood.bernoulli_nll([1], [bad]),
                 lambda: likelihood.binary_cross_entropy([1], [bad]),
                 lambda: likelihood.compare_bernoulli([bad], [0.5]),
                 lambda: likelihood.sample_bernoulli(bad, 5, seed=0)):
        with pytest.raises(ValueError):
            call()


@pytest.mark.parametrize("count", [-1, 2.5])
def test_invalid_number_of_draws_raises(count):
    with pytest.raises(ValueError):
        likelihood.sample_gaussian(0.0, 1.0, count, seed=0)


def test_the_best_line_does_not_depend_on_sigma():
    data = likelihood.toy_data()
    slope, intercept = likelihood.least_squares_line(data.x, data.y)
    for sigma in (0.3, 3.0):
        best = likelihood.compare_gaussian(data.y, likelihood.line(data.x, slope, intercept), sigma).nll
        for d_slope, d_intercept in ((0.01, 0), (-0.01, 0), (0, 0.01), (0, -0.01)):
            moved = likelihood.line(data.x, slope + d_slope, intercept + d_intercept)
            assert likelihood.compare_gaussian(data.y, moved, sigma).nll > best
    # For a fixed line, σ = √MSE maximises the likelihood.
    mean = likelihood.line(data.x, 0.4, 0.0)
    sigma = likelihood.maximum_likelihood_sigma(data.y, mean)
    best = likelihood.compare_gaussian(data.y, mean, sigma).nll
    assert all(likelihood.compare_gaussian(data.y, mean, sigma * f).nll > best for f in (0.98, 1.02))


def test_logistic_fit_is_the_cross_entropy_minimum():
    data = likelihood.toy_data()
    assert 0 < data.label.sum() < data.label.size  # both classes, overlapping
    weight, bias = likelihood.maximum_likelihood_logistic(data.x, data.label)
    best = likelihood.binary_cross_entropy(data.label, likelihood.logistic(data.x, weight, bias))
    for d_weight, d_bias in ((0.01, 0), (-0.01, 0), (0, 0.01), (0, -0.01)):
        assert likelihood.binary_cross_entropy(data.label, likelihood.logistic(data.x, weight + d_weight, bias + d_bias)) > best
    with pytest.raises(ValueError, match="separable"):
        likelihood.maximum_likelihood_logistic([-2.0, -1.0, 1.0, 2.0], [0, 0, 1, 1])


def test_toy_data_is_fixed_by_its_seed():
    first, again = likelihood.toy_data(), likelihood.toy_data()
    np.testing.assert_array_equal(first.y, again.y)
    assert np.all(np.diff(first.x) >= 0) and first.x.min() >= -3 and first.x.max() <= 3
    assert not np.array_equal(first.y, likelihood.toy_data(seed=1).y)


def test_histogram_density_has_unit_area_and_follows_the_curve():
    samples = likelihood.sample_gaussian(0.0, 1.0, 50_000, seed=5)
    left, right, heights = likelihood.histogram_density(samples, -5.0, 5.0, bins=40)
    assert np.sum(heights * (right - left)) == pytest.approx(1.0, abs=1e-4)  # |z| > 5 is one in 1.7 million
    centres = (left + right) / 2
    assert np.max(np.abs(heights - likelihood.gaussian_density(centres, 0.0, 1.0))) < 0.02
    with pytest.raises(ValueError):
        likelihood.histogram_density(samples, 1.0, 1.0)


def test_density_curve_covers_the_target():
    grid, density = likelihood.density_curve(0.0, 0.5, target=4.0)
    assert grid[0] <= -2.0 and grid[-1] >= 4.0
    assert np.trapezoid(density, grid) == pytest.approx(1.0, abs=1e-3)
    mean, low, high = likelihood.line_band(np.array([0.0, 1.0]), 2.0, 1.0, 0.5)
    assert mean.tolist() == [1.0, 3.0] and low.tolist() == [0.0, 2.0] and high.tolist() == [2.0, 4.0]
