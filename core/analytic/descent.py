"""Gradient descent from a first-order Taylor expansion, and the learning rate.

The lecture's argument (chapter 1): near the current parameters θ,

    L(θ + Δθ) = L(θ) + ∇L · Δθ + (second- and higher-order terms)

Keeping only the first-order term and choosing Δθ = −η ∇L gives

    ΔL ≈ −η ‖∇L‖² ≤ 0,

so a step against the gradient lowers the loss, but only while the dropped terms are small,
i.e. while the step is short: the learning rate η has to be small. The error of the linear
prediction is ½ L''(θ) Δθ² + O(Δθ³), so it shrinks with the square of the step.
On a quadratic with curvature λ one step multiplies the distance to the minimum by 1 − ηλ:
monotone for η < 1/λ, overshooting (oscillating) for 1/λ < η < 2/λ, diverging for η > 2/λ.

With a data set, the loss is the mean of per-sample losses, so its gradient is the mean of
per-sample gradients. A mini-batch of M samples gives (1/M) Σ_batch ∇l_i, an estimate of the
full gradient (1/N) Σ_all ∇l_i; over one epoch of equal batches the estimates average to it.

Losses used by the page:
    shoulder   L(θ) = θ⁴/4 + θ³/3 − 0.35 θ² − 1.3 θ,  L'(θ) = (θ − 1)((θ + 1)² + 0.3):
               one minimum at θ = 1 (curvature 4.3), a nearly flat shoulder at θ = −1 and
               quartic walls, so from θ₀ = −2 the learning rates 0.005 / 0.1 / 0.4 / 1.0 give
               slow / fast / oscillating / diverged runs.
    bowl       L(θ₁, θ₂) = ½ (θ₁² + 4 θ₂²): an elongated quadratic bowl, minimum at 0.
    regression L(w, b) = (1/2N) Σ (w xᵢ + b − yᵢ)² on core.data.toy_regression.

Sources: H. Lee, "Autoencoders: everything there is" (NAVER, 2017), chapter 1; Goodfellow,
Bengio & Courville, Deep Learning (2016), §4.3 and §8.1.3 (mini-batch gradient estimates).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

REGIMES = ("slow", "fast", "oscillating", "diverged")
LEARNING_RATES = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 1.0]
# One learning rate per regime for both the shoulder (from SHOULDER_START) and the bowl (from
# BOWL_START) within DEFAULT_STEPS steps; tests/unit/test_descent.py checks every one.
REGIME_EXAMPLES = {"slow": 0.005, "fast": 0.1, "oscillating": 0.4, "diverged": 1.0}
DEFAULT_STEPS = 100

SHOULDER_FLATNESS = 0.3  # L'(−1) = −2 · 0.3: the shoulder is almost flat
SHOULDER_MINIMIZER = 1.0
SHOULDER_START = -2.0
BOWL_CURVATURES = np.array([1.0, 4.0])  # shallow along θ₁, steep along θ₂
BOWL_START = (-2.5, 1.5)
REGRESSION_START = (-1.0, 2.0)

DIVERGENCE_FACTOR = 10.0  # a run has diverged once it is 10× farther from the minimum than at the start
CONVERGENCE_TOLERANCE = 1e-3  # converged once L − L* ≤ 0.1 % of the starting L − L*
VISIBLE_STEP = 0.01  # steps shorter than 1 % of the longest do not count as zig-zags
OSCILLATION_REVERSALS = 3  # this many back-and-forth turns make a run "oscillating"
TRUST_TOLERANCE = 0.1  # the linear prediction is trusted while its relative error is under 10 %


# --- the losses and their closed-form gradients -------------------------------------------


def shoulder_loss(theta):
    """L(θ) = θ⁴/4 + θ³/3 − 0.35 θ² − 1.3 θ, element-wise."""
    c = SHOULDER_FLATNESS
    return theta**4 / 4 + theta**3 / 3 + (c - 1) / 2 * theta**2 - (1 + c) * theta


def shoulder_gradient(theta):
    return (theta - 1.0) * ((theta + 1.0) ** 2 + SHOULDER_FLATNESS)


def bowl_loss(points):
    """L(θ) = ½ Σ λⱼ θⱼ² over the last axis of `points`."""
    points = np.asarray(points, dtype=float)
    return 0.5 * np.sum(BOWL_CURVATURES * points**2, axis=-1)


def bowl_gradient(points):
    return BOWL_CURVATURES * np.asarray(points, dtype=float)


def regression_loss(params, x: np.ndarray, y: np.ndarray):
    """(1/2N) Σ (w xᵢ + b − yᵢ)² for params (..., 2) = (w, b)."""
    params = np.asarray(params, dtype=float)
    residuals = params[..., :1] * x + params[..., 1:] - y
    return 0.5 * np.mean(residuals**2, axis=-1)


def per_sample_gradients(params, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """∇l_i = (rᵢ xᵢ, rᵢ) with rᵢ = w xᵢ + b − yᵢ, shape (N, 2)."""
    w, b = params
    residuals = w * x + b - y
    return np.stack([residuals * x, residuals], axis=-1)


def batch_gradient(params, x: np.ndarray, y: np.ndarray, indices=None) -> np.ndarray:
    """The mean of ∇l_i over `indices` (shape (..., M)), or over all samples when None.
    Written out rather than via per_sample_gradients: it runs once per step of every path."""
    if indices is not None:
        x, y = x[indices], y[indices]
    residuals = params[0] * x + params[1] - y
    return np.stack(((residuals * x).sum(axis=-1), residuals.sum(axis=-1)), axis=-1) / x.shape[-1]


def least_squares(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The exact minimiser (w*, b*) of the regression loss."""
    design = np.stack([x, np.ones_like(x)], axis=-1)
    return np.linalg.lstsq(design, y, rcond=None)[0]


# --- running gradient descent ---------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """A descent run. `path` (k + 1, d) and `losses` (k + 1,) hold only finite iterates: when
    the run diverged at step `diverged_at`, they stop just before it."""

    path: np.ndarray
    losses: np.ndarray
    regime: str
    diverged_at: int | None
    converged_at: int | None


def descend(loss: Callable, gradient: Callable, start, learning_rate: float, steps: int,
            minimizer) -> Run:
    """θₖ₊₁ = θₖ − η g(θₖ, k) for `steps` steps; `gradient(θ, k)` may change with the step.
    `loss` takes parameters on the last axis, so the losses of the whole path are one call."""
    _check_run(start, learning_rate, steps)
    theta = np.atleast_1d(np.asarray(start, dtype=float))
    minimizer = np.atleast_1d(np.asarray(minimizer, dtype=float))
    limit = DIVERGENCE_FACTOR * max(math.dist(theta, minimizer), 1.0)
    path, diverged_at = [theta], None
    with np.errstate(over="ignore", invalid="ignore"):
        for step in range(1, steps + 1):
            theta = theta - learning_rate * gradient(theta, step - 1)
            distance = math.dist(theta, minimizer)  # nan when θ overflowed
            if not distance <= limit:
                diverged_at = step
                break
            path.append(theta)
        path = np.array(path)
        losses = np.asarray(loss(path), dtype=float)
    overflowed = np.flatnonzero(~np.isfinite(losses))
    if overflowed.size:  # a finite θ whose loss is not: stop the run there too
        if overflowed[0] == 0:
            raise ValueError("the loss at the starting point is not finite")
        diverged_at, path, losses = int(overflowed[0]), path[: overflowed[0]], losses[: overflowed[0]]
    regime, converged_at = classify(path, losses, float(loss(minimizer)), diverged_at)
    return Run(path, losses, regime, diverged_at, converged_at)


def _check_run(start, learning_rate: float, steps: int) -> None:
    if not (math.isfinite(learning_rate) and learning_rate > 0):
        raise ValueError(f"the learning rate must be a positive finite number, got {learning_rate!r}")
    if int(steps) != steps or steps < 0:
        raise ValueError(f"steps must be a whole number ≥ 0, got {steps!r}")
    if not np.all(np.isfinite(np.asarray(start, dtype=float))):
        raise ValueError("the starting point must be finite")


def classify(path: np.ndarray, losses: np.ndarray, minimum_loss: float,
             diverged_at: int | None) -> tuple[str, int | None]:
    """(regime, first step with L − L* ≤ tolerance · (L₀ − L*), or None).

    diverged: the run left the region DIVERGENCE_FACTOR × its starting distance (or overflowed);
    oscillating: at least OSCILLATION_REVERSALS visible steps turn back on the previous one
    (a slowly growing zig-zag counts here until it crosses the divergence limit);
    fast: reached the tolerance within the run; slow: did not.
    """
    gaps = losses - minimum_loss
    reached = np.flatnonzero(gaps <= CONVERGENCE_TOLERANCE * gaps[0])
    converged_at = int(reached[0]) if reached.size else None
    if diverged_at is not None:
        return "diverged", None
    if count_reversals(path) >= OSCILLATION_REVERSALS:
        return "oscillating", converged_at
    return ("fast" if converged_at is not None else "slow"), converged_at


def count_reversals(path: np.ndarray) -> int:
    """How many visible steps point against the step before them (Δθₖ · Δθₖ₊₁ < 0)."""
    steps = np.diff(path.reshape(len(path), -1), axis=0)
    if len(steps) < 2:
        return 0
    lengths = np.linalg.norm(steps, axis=1)
    visible = lengths >= VISIBLE_STEP * lengths.max()
    turns = np.sum(steps[:-1] * steps[1:], axis=1) < 0
    return int(np.sum(turns & visible[:-1] & visible[1:]))


def descend_shoulder(start: float, learning_rate: float, steps: int) -> Run:
    return descend(lambda p: shoulder_loss(p[..., 0]), lambda p, _: shoulder_gradient(p), start,
                   learning_rate, steps, SHOULDER_MINIMIZER)


def descend_bowl(start, learning_rate: float, steps: int) -> Run:
    return descend(bowl_loss, lambda p, _: bowl_gradient(p), start, learning_rate, steps, (0.0, 0.0))


# --- how far the first-order prediction can be trusted --------------------------------------


@dataclass(frozen=True)
class TaylorStep:
    """One step Δθ = −η L'(θ) on the shoulder, predicted to first order and taken for real."""

    theta: float
    gradient: float
    step: float
    predicted: float  # L(θ) + L'(θ) Δθ = L(θ) − η L'(θ)²
    actual: float  # L(θ + Δθ)
    error: float  # actual − predicted
    relative_error: float  # |error| / |predicted change|, nan when the gradient is 0


def taylor_step(theta: float, learning_rate: float) -> TaylorStep:
    if not (math.isfinite(theta) and math.isfinite(learning_rate)):
        raise ValueError("θ and the learning rate must be finite")
    gradient = float(shoulder_gradient(theta))
    step = -learning_rate * gradient
    now = float(shoulder_loss(theta))
    predicted = now + gradient * step
    actual = float(shoulder_loss(theta + step))
    change = abs(gradient * step)
    relative = abs(actual - predicted) / change if change > 0 else math.nan
    return TaylorStep(theta, gradient, step, predicted, actual, actual - predicted, relative)


def linear_prediction_error(theta: float, deltas):
    """L(θ + Δθ) − [L(θ) + L'(θ) Δθ] for each Δθ: the terms the first-order expansion drops."""
    deltas = np.asarray(deltas, dtype=float)
    return shoulder_loss(theta + deltas) - shoulder_loss(theta) - shoulder_gradient(theta) * deltas


def tangent_line(theta: float, thetas):
    """The first-order prediction L(θ) + L'(θ)(θ' − θ) at the points θ'."""
    return shoulder_loss(theta) + shoulder_gradient(theta) * (np.asarray(thetas, dtype=float) - theta)


def trusted_interval(theta: float, tolerance: float = TRUST_TOLERANCE, reach: float = 4.0,
                     resolution: int = 801) -> tuple[float, float]:
    """The widest (low ≤ 0 ≤ high) around Δθ = 0 over which the linear prediction's error stays
    under `tolerance` × the predicted change |L'(θ) Δθ|; (0, 0) at a stationary point."""
    if not (tolerance > 0 and reach > 0 and resolution >= 2):
        raise ValueError("tolerance and reach must be positive, resolution ≥ 2")
    gradient = float(shoulder_gradient(theta))
    if gradient == 0.0:
        return 0.0, 0.0
    bounds = []
    for direction in (-1.0, 1.0):
        deltas = direction * np.linspace(0.0, reach, resolution)[1:]
        relative = np.abs(linear_prediction_error(theta, deltas)) / np.abs(gradient * deltas)
        broken = np.flatnonzero(relative >= tolerance)
        last = broken[0] - 1 if broken.size else len(deltas) - 1
        bounds.append(float(deltas[last]) if last >= 0 else 0.0)
    return bounds[0], bounds[1]


@dataclass(frozen=True)
class TaylorView:
    """Step k of a shoulder run as the page draws it: the loss and the tangent at θₖ over the
    plotted window, the step taken from θₖ, and the band of θ where the tangent is trusted."""

    step_index: int
    taylor: TaylorStep
    trusted: tuple[float, float]  # the Δθ range where the relative error stays under TRUST_TOLERANCE
    band: tuple[float, float]  # the same range as θ values, θₖ + Δθ
    step_trusted: bool  # whether this step's Δθ = −η L'(θₖ) lies inside it
    grid: np.ndarray
    curve: np.ndarray
    tangent: np.ndarray


def taylor_view(run: Run, step_index: int, learning_rate: float, base: tuple = (-2.5, 2.5),
                cap: float = 3.0, points: int = 241) -> TaylorView:
    """The view at iterate min(step_index, last); the window holds the path, cut at ±cap."""
    k = min(max(int(step_index), 0), len(run.path) - 1)
    theta = float(run.path[k, 0])
    low, high = trusted_interval(theta)
    step = taylor_step(theta, learning_rate)
    grid = np.linspace(*plot_window(run.path[:, 0], *base, cap), points)
    return TaylorView(k, step, (low, high), (theta + low, theta + high), low <= step.step <= high, grid,
                      shoulder_loss(grid), tangent_line(theta, grid))


# --- full batch and mini-batches on the toy regression --------------------------------------


def epoch_batches(n: int, batch_size: int, rng: np.random.Generator) -> np.ndarray:
    """One epoch: a random permutation of the N samples cut into N / M batches, shape (N/M, M)."""
    if not 1 <= batch_size <= n or n % batch_size:
        raise ValueError(f"the batch size must divide the {n} samples, got {batch_size!r}")
    return rng.permutation(n).reshape(n // batch_size, batch_size)


def batch_schedule(n: int, batch_size: int, steps: int, seed: int) -> np.ndarray:
    """The batches of `steps` mini-batch steps, epoch after epoch, shape (steps, M)."""
    rng = np.random.default_rng(seed)
    epochs = -(-max(steps, 1) * batch_size // n)
    return np.concatenate([epoch_batches(n, batch_size, rng) for _ in range(epochs)])[:steps]


def regression_descent(x: np.ndarray, y: np.ndarray, start, learning_rate: float, steps: int,
                       batch_size: int | None = None, seed: int = 0) -> Run:
    """Full-batch gradient descent (batch_size None or N) or mini-batch steps with shuffled epochs."""
    minimizer = least_squares(x, y)
    if batch_size is None or batch_size == len(x):
        return descend(lambda p: regression_loss(p, x, y), lambda p, _: batch_gradient(p, x, y),
                       start, learning_rate, steps, minimizer)
    schedule = batch_schedule(len(x), batch_size, steps, seed)
    return descend(lambda p: regression_loss(p, x, y), lambda p, k: batch_gradient(p, x, y, schedule[k]),
                   start, learning_rate, steps, minimizer)


def gradient_cosines(x: np.ndarray, y: np.ndarray, params, batch_size: int, samples: int,
                     seed: int) -> np.ndarray:
    """cos∠(batch gradient, full gradient) for `samples` random batches of `batch_size` at `params`;
    empty at an exact minimum, where the full gradient has no direction to compare with."""
    if not 1 <= batch_size <= len(x) or samples < 1:
        raise ValueError(f"need 1 ≤ batch size ≤ {len(x)} and samples ≥ 1")
    full = batch_gradient(params, x, y)
    if not np.any(full):
        return np.empty(0)
    rng = np.random.default_rng(seed)
    indices = np.argsort(rng.random((samples, len(x))), axis=1)[:, :batch_size]  # without replacement
    estimates = batch_gradient(params, x, y, indices)
    norms = np.linalg.norm(estimates, axis=1) * np.linalg.norm(full)
    cosines = np.divide(estimates @ full, norms, out=np.zeros(samples), where=norms > 0)
    return np.clip(cosines, -1.0, 1.0)


def within(points: np.ndarray, x_box: tuple, y_box: tuple) -> np.ndarray:
    """The rows of `points` (n, 2) that fall inside the box, for drawing a cut path."""
    inside = ((points[:, 0] >= x_box[0]) & (points[:, 0] <= x_box[1])
              & (points[:, 1] >= y_box[0]) & (points[:, 1] <= y_box[1]))
    return points[inside]


def plot_window(values, low: float, high: float, cap: float) -> tuple[float, float]:
    """[low, high] widened to hold `values`, but never beyond ±cap (a diverging path is cut)."""
    values = np.asarray(values, dtype=float)
    return max(min(low, float(values.min())), -cap), min(max(high, float(values.max())), cap)
