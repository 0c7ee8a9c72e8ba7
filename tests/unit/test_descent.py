"""core.analytic.descent: gradients, the Taylor error, regimes, divergence and mini-batches."""

import math
import warnings

import numpy as np
import pytest

from core.analytic import descent
from core.data import toy_regression

X, Y = toy_regression()


def central_difference(function, point, h=1e-6):
    """∂f/∂pⱼ for every coordinate j of `point`, by central differences."""
    point = np.asarray(point, dtype=float)
    gradient = np.zeros_like(point)
    for j in range(point.size):
        shift = np.zeros_like(point)
        shift.flat[j] = h
        gradient.flat[j] = (function(point + shift) - function(point - shift)) / (2 * h)
    return gradient


# --- gradients against finite differences ----------------------------------------------------


@pytest.mark.parametrize("theta", [-2.5, -2.0, -1.0, -0.3, 0.0, 0.7, 1.0, 1.8, 2.5])
def test_shoulder_gradient_matches_finite_differences(theta):
    numeric = central_difference(lambda p: descent.shoulder_loss(p[0]), [theta])[0]
    assert descent.shoulder_gradient(theta) == pytest.approx(numeric, rel=1e-7, abs=1e-8)


def test_shoulder_has_its_minimum_at_one_and_a_flat_shoulder_at_minus_one():
    assert descent.shoulder_gradient(1.0) == 0.0
    grid = np.linspace(-3, 3, 6001)
    assert grid[np.argmin(descent.shoulder_loss(grid))] == pytest.approx(1.0, abs=1e-3)
    assert descent.shoulder_gradient(-1.0) == pytest.approx(-2 * descent.SHOULDER_FLATNESS)


@pytest.mark.parametrize("point", [(-2.5, 1.5), (0.3, -0.7), (2.0, 2.0)])
def test_bowl_gradient_matches_finite_differences(point):
    numeric = central_difference(descent.bowl_loss, point)
    np.testing.assert_allclose(descent.bowl_gradient(point), numeric, rtol=1e-7, atol=1e-8)


@pytest.mark.parametrize("params", [(-1.0, 2.0), (2.05, -0.98), (0.5, 0.5)])
def test_regression_gradient_matches_finite_differences(params):
    numeric = central_difference(lambda p: descent.regression_loss(p, X, Y), params)
    np.testing.assert_allclose(descent.batch_gradient(params, X, Y), numeric, rtol=1e-6, atol=1e-8)
    batch = np.array([3, 17, 40, 41, 60])
    numeric_batch = central_difference(lambda p: descent.regression_loss(p, X[batch], Y[batch]), params)
    np.testing.assert_allclose(descent.batch_gradient(params, X, Y, batch), numeric_batch, rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(descent.per_sample_gradients(params, X, Y).mean(axis=0),
                               descent.batch_gradient(params, X, Y), rtol=1e-12)


def test_least_squares_is_where_the_full_gradient_vanishes():
    minimizer = descent.least_squares(X, Y)
    np.testing.assert_allclose(descent.batch_gradient(minimizer, X, Y), 0.0, atol=1e-12)
    assert minimizer == pytest.approx([2.0, -1.0], abs=0.15)  # the data are y = 2x − 1 + noise


# --- the first-order Taylor prediction ----------------------------------------------------------


@pytest.mark.parametrize("theta", [-2.0, -1.0, 0.0, 1.5, 2.2])
def test_taylor_error_shrinks_with_the_square_of_the_step(theta):
    curvature = central_difference(lambda p: descent.shoulder_gradient(p[0]), [theta])[0]
    steps = np.array([1e-2, 5e-3, 2.5e-3, 1.25e-3])
    errors = descent.linear_prediction_error(theta, steps)
    np.testing.assert_allclose(errors / steps**2, 0.5 * curvature, rtol=0.05)  # ≈ ½ L''(θ) Δθ²
    ratios = errors[1:] / errors[:-1]  # halving the step quarters the error
    np.testing.assert_allclose(ratios, 0.25, atol=0.03)


def test_taylor_step_is_the_lecture_update():
    step = descent.taylor_step(-2.0, 0.1)
    gradient = descent.shoulder_gradient(-2.0)
    assert step.step == pytest.approx(-0.1 * gradient)
    assert step.predicted == pytest.approx(descent.shoulder_loss(-2.0) - 0.1 * gradient**2)  # ΔL ≈ −η‖∇L‖²
    assert step.actual == pytest.approx(descent.shoulder_loss(-2.0 + step.step))
    assert step.error == pytest.approx(descent.linear_prediction_error(-2.0, step.step))
    assert step.relative_error == pytest.approx(abs(step.error) / (0.1 * gradient**2))
    assert math.isnan(descent.taylor_step(1.0, 0.1).relative_error)  # no predicted change at the minimum


@pytest.mark.parametrize("theta", [-2.0, -1.0, 0.0, 2.0])
def test_trusted_interval_is_where_the_relative_error_stays_under_ten_percent(theta):
    low, high = descent.trusted_interval(theta)
    assert low < 0 < high
    gradient = descent.shoulder_gradient(theta)

    def relative(delta):
        return abs(descent.linear_prediction_error(theta, delta)) / abs(gradient * delta)

    inside = np.linspace(low, high, 201)
    inside = inside[inside != 0]
    assert max(relative(d) for d in inside) < descent.TRUST_TOLERANCE
    spacing = 4.0 / 800  # trusted_interval's grid: reach 4 in 800 steps
    for bound, outward in ((low, -spacing), (high, spacing)):
        if abs(bound) < 4.0 - spacing:  # the band ended before the reach: the next Δθ breaks the 10 %
            assert relative(bound + outward) >= descent.TRUST_TOLERANCE


def test_trusted_interval_is_empty_at_a_stationary_point_and_wider_where_the_loss_is_flat():
    assert descent.trusted_interval(1.0) == (0.0, 0.0)
    shoulder_width = np.subtract(*descent.trusted_interval(-1.0)[::-1])
    wall_width = np.subtract(*descent.trusted_interval(-2.0)[::-1])
    assert shoulder_width > 3 * wall_width


def test_taylor_view_clips_the_step_and_holds_the_path():
    run = descent.descend_shoulder(-2.0, 1.0, 50)  # diverges at step 3
    view = descent.taylor_view(run, 40, 1.0)
    assert view.step_index == len(run.path) - 1
    assert view.taylor.theta == run.path[-1, 0]
    assert view.band[0] <= view.taylor.theta <= view.band[1]
    assert view.grid[0] >= -3.0 and view.grid[-1] <= 3.0
    default = descent.taylor_view(descent.descend_shoulder(-2.0, 0.005, 100), 0, 0.005)
    assert default.step_trusted and default.trusted[0] <= default.taylor.step <= default.trusted[1]


# --- regimes and divergence -------------------------------------------------------------------


def test_every_regime_example_is_an_option_of_the_slider():
    assert set(descent.REGIME_EXAMPLES) == set(descent.REGIMES)
    assert set(descent.REGIME_EXAMPLES.values()) <= set(descent.LEARNING_RATES)


@pytest.mark.parametrize(("regime", "rate"), list(descent.REGIME_EXAMPLES.items()))
def test_the_lecture_learning_rates_show_their_regime_on_both_losses(regime, rate):
    curve = descent.descend_shoulder(descent.SHOULDER_START, rate, descent.DEFAULT_STEPS)
    bowl = descent.descend_bowl(descent.BOWL_START, rate, descent.DEFAULT_STEPS)
    assert curve.regime == regime
    assert bowl.regime == regime


@pytest.mark.parametrize(("rate", "regime"), [(0.02, "slow"), (0.2, "fast"), (0.3, "fast"), (0.4, "oscillating"),
                                              (0.5, "oscillating"), (0.7, "diverged")])
def test_bowl_regimes_follow_the_curvature_thresholds(rate, regime):
    # steep curvature 4: monotone below η = 1/4, zig-zag up to 1/2, diverging above 1/2
    assert descent.descend_bowl(descent.BOWL_START, rate, 100).regime == regime


def test_a_two_cycle_oscillates_and_never_converges():
    run = descent.descend_bowl(descent.BOWL_START, 0.5, 100)  # 1 − 0.5 · 4 = −1 along θ₂
    assert run.regime == "oscillating" and run.converged_at is None
    np.testing.assert_allclose(run.path[2::2, 1], descent.BOWL_START[1])


def test_convergence_step_is_the_first_within_tolerance():
    run = descent.descend_bowl(descent.BOWL_START, 0.1, 100)
    gaps = run.losses / run.losses[0]
    assert gaps[run.converged_at] <= descent.CONVERGENCE_TOLERANCE < gaps[run.converged_at - 1]


def expected_divergence_step(rate: float) -> int:
    """The bowl in closed form: θⱼ,ₖ = (1 − ηλⱼ)ᵏ θⱼ,₀; the first k beyond the divergence limit."""
    start = np.array(descent.BOWL_START)
    limit = descent.DIVERGENCE_FACTOR * max(np.linalg.norm(start), 1.0)
    for k in range(1, 1000):
        if np.linalg.norm((1 - rate * descent.BOWL_CURVATURES) ** k * start) > limit:
            return k
    raise AssertionError("no divergence")


@pytest.mark.parametrize("rate", [0.55, 0.6, 0.7, 1.0, 3.0])
def test_divergence_is_reported_at_the_right_step(rate):
    run = descent.descend_bowl(descent.BOWL_START, rate, 200)
    assert run.regime == "diverged"
    assert run.diverged_at == expected_divergence_step(rate)
    assert len(run.path) == len(run.losses) == run.diverged_at  # iterates 0 … N − 1, all kept


@pytest.mark.parametrize("rate", [3.0, 50.0, 1e6, 1e300])
def test_diverging_runs_never_return_nan_or_inf(rate):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no overflow warnings either
        runs = [descent.descend_shoulder(-2.0, rate, 300), descent.descend_bowl(descent.BOWL_START, rate, 300),
                descent.regression_descent(X, Y, descent.REGRESSION_START, rate, 300),
                descent.regression_descent(X, Y, descent.REGRESSION_START, rate, 300, 4, 1)]
    for run in runs:
        assert run.regime == "diverged" and run.diverged_at >= 1
        assert np.all(np.isfinite(run.path)) and np.all(np.isfinite(run.losses))
        assert len(run.path) == run.diverged_at


def test_a_run_that_does_not_diverge_keeps_every_step():
    run = descent.descend_shoulder(-2.0, 0.1, 37)
    assert run.diverged_at is None and len(run.path) == 38 and run.path.shape == (38, 1)
    assert run.losses[0] == pytest.approx(descent.shoulder_loss(-2.0))


@pytest.mark.parametrize("bad", [0.0, -0.1, math.nan, math.inf])
def test_invalid_learning_rates_raise(bad):
    with pytest.raises(ValueError):
        descent.descend_shoulder(-2.0, bad, 10)


def test_invalid_steps_and_starts_raise():
    with pytest.raises(ValueError):
        descent.descend_shoulder(-2.0, 0.1, -1)
    with pytest.raises(ValueError):
        descent.descend_shoulder(-2.0, 0.1, 2.5)
    with pytest.raises(ValueError):
        descent.descend_bowl((math.nan, 0.0), 0.1, 10)


# --- full batch and mini-batches ---------------------------------------------------------------


def test_a_batch_of_every_sample_is_the_full_gradient():
    params = (0.3, -0.4)
    np.testing.assert_allclose(descent.batch_gradient(params, X, Y, np.arange(len(X))),
                               descent.batch_gradient(params, X, Y), rtol=1e-12)
    full = descent.regression_descent(X, Y, descent.REGRESSION_START, 0.1, 50)
    whole = descent.regression_descent(X, Y, descent.REGRESSION_START, 0.1, 50, batch_size=len(X), seed=3)
    np.testing.assert_array_equal(full.path, whole.path)


@pytest.mark.parametrize("batch_size", [1, 2, 8, 16, 64])
def test_batch_gradients_of_an_epoch_average_to_the_full_gradient(batch_size):
    params = (-1.0, 2.0)
    batches = descent.epoch_batches(len(X), batch_size, np.random.default_rng(7))
    assert batches.shape == (len(X) // batch_size, batch_size)
    np.testing.assert_array_equal(np.sort(batches.ravel()), np.arange(len(X)))  # every sample once
    estimates = descent.batch_gradient(params, X, Y, batches)
    np.testing.assert_allclose(estimates.mean(axis=0), descent.batch_gradient(params, X, Y), rtol=1e-12, atol=1e-14)
    if batch_size < len(X):
        assert not np.allclose(estimates, estimates[0])  # single batches do differ


def test_the_schedule_runs_epoch_after_epoch_and_is_seeded():
    schedule = descent.batch_schedule(64, 8, 20, seed=5)
    assert schedule.shape == (20, 8)
    for epoch in (schedule[:8], schedule[8:16]):
        np.testing.assert_array_equal(np.sort(epoch.ravel()), np.arange(64))
    np.testing.assert_array_equal(schedule, descent.batch_schedule(64, 8, 20, seed=5))
    assert not np.array_equal(schedule, descent.batch_schedule(64, 8, 20, seed=6))


@pytest.mark.parametrize("batch_size", [0, 3, 65])
def test_a_batch_size_that_does_not_split_the_epoch_raises(batch_size):
    with pytest.raises(ValueError):
        descent.epoch_batches(64, batch_size, np.random.default_rng(0))


def test_mini_batch_path_wanders_around_the_full_batch_path():
    full = descent.regression_descent(X, Y, descent.REGRESSION_START, 0.1, 100)
    mini = descent.regression_descent(X, Y, descent.REGRESSION_START, 0.1, 100, 8, 0)
    assert not np.allclose(full.path, mini.path)
    assert np.max(np.linalg.norm(full.path - mini.path, axis=1)) < 0.5
    assert mini.losses[-1] < 0.1 * mini.losses[0]


def test_gradient_cosines_grow_with_the_batch_and_are_one_for_the_full_batch():
    start = descent.REGRESSION_START
    np.testing.assert_allclose(descent.gradient_cosines(X, Y, start, 64, 50, 0), 1.0)
    means = [descent.gradient_cosines(X, Y, start, m, 500, 0).mean() for m in (1, 4, 16)]
    assert means[0] < means[1] < means[2] <= 1.0
    near_minimum = descent.least_squares(X, Y) + 0.02
    assert descent.gradient_cosines(X, Y, near_minimum, 4, 500, 0).mean() < means[1]  # noise wins near the minimum
    cosines = descent.gradient_cosines(X, Y, start, 1, 500, 0)
    assert cosines.shape == (500,) and np.all(np.abs(cosines) <= 1.0)


def test_gradient_cosines_at_the_exact_minimum_are_empty():
    minimizer = descent.least_squares(X, Y)
    x, y = np.array([-1.0, 0.0, 1.0]), np.array([-3.0, -1.0, 1.0])  # an exact fit: zero gradient
    assert descent.gradient_cosines(x, y, (2.0, -1.0), 1, 10, 0).size == 0
    assert descent.gradient_cosines(X, Y, minimizer + 1.0, 8, 10, 0).size == 10


# --- drawing helpers ----------------------------------------------------------------------------


def test_plot_window_widens_to_the_path_but_not_past_the_cap():
    assert descent.plot_window([-1.0, 1.0], -2.5, 2.5, 3.0) == (-2.5, 2.5)
    assert descent.plot_window([-2.8, 2.0], -2.5, 2.5, 3.0) == (-2.8, 2.5)
    assert descent.plot_window([-40.0, 90.0], -2.5, 2.5, 3.0) == (-3.0, 3.0)


def test_within_keeps_only_points_in_the_box():
    points = np.array([[0.0, 0.0], [5.0, 0.0], [0.0, -5.0], [1.0, 1.0]])
    np.testing.assert_array_equal(descent.within(points, (-2, 2), (-2, 2)), [[0.0, 0.0], [1.0, 1.0]])
