"""Priors an adversarial autoencoder can match (lecture, chapter 4), and a two-sample distance.

An adversarial autoencoder (Makhzani, Shlens, Jaitly, Goodfellow & Frey, "Adversarial
Autoencoders", ICLR workshop 2016) only ever *samples* its prior p(z): a discriminator learns to
tell prior samples from codes, so any distribution one can draw from works, not only N(0, I)
as in the VAE's closed-form KL. The three 2-D priors here (all of roughly unit scale, so one
set of axes shows them all):

    normal            z ~ N(0, I)                                            component 0
    gaussian_mixture  k ~ U{0, …, 9},  θ_k = k · 2π/10                        component k
                      z = (R + σ_r ε₁) · (cos θ_k, sin θ_k) + σ_t ε₂ · (−sin θ_k, cos θ_k)
                      R = 1.4, σ_r = 0.3 (along the radius), σ_t = 0.1 (across it), ε ~ N(0, I);
                      10 elongated clusters on a circle (the paper's Fig. 4), neighbouring centres
                      2R·sin(π/10) ≈ 0.87 apart, variance per coordinate (R² + σ_r² + σ_t²)/2 ≈ 1.03
    swiss_roll        t ~ U[1.5π, 4.5π],  z = 2 · t/(4.5π) · (cos t, sin t) + 0.05 ε
                      a spiral whose radius grows from 2/3 to 2 over one and a half turns
                      (neighbouring turns ≈ 0.89 apart); variance per coordinate ≈ 0.96;
                      component = which tenth of [1.5π, 4.5π] t falls in (0 at the inner end)

The angles are k · 2π/10 for k = 0…9: np.linspace(0, 2π, 10) would put the first and the last
centre on the same point (0 = 2π) and give only nine modes.

`sample` is NumPy (pages, tests); `sample_tensor` draws the same distributions with keras.random
inside a model's train_step (Keras is imported there only, so this module stays light).

`energy_distance` is the two-sample statistic of Székely & Rizzo ("Testing for equal
distributions in high dimension", InterStat 2004; "Energy statistics", J. Stat. Plan. Inference
143, 2013): for samples A (n points) and B (m points),

    E(A, B) = 2/(n m) Σ_ij |a_i − b_j| − 1/n² Σ_ij |a_i − a_j| − 1/m² Σ_ij |b_i − b_j|

(the V-statistic; ≥ 0, and its population value is 0 exactly when the distributions are equal).
"""

from __future__ import annotations

import math

import numpy as np

PRIORS = ("normal", "gaussian_mixture", "swiss_roll")
COMPONENTS = 10  # mixture components, and swiss-roll bins along t
MIXTURE_RADIUS = 1.4
MIXTURE_RADIAL_SPREAD = 0.3
MIXTURE_TANGENTIAL_SPREAD = 0.1
ROLL_T_MIN, ROLL_T_MAX = 1.5 * math.pi, 4.5 * math.pi
ROLL_OUTER_RADIUS = 2.0
ROLL_NOISE = 0.05


def check(prior: str, n=1, dimensions: int = 2) -> None:
    """ValueError unless `prior` is known, n ≥ 1 (when n is a number) and the prior has `dimensions`."""
    if prior not in PRIORS:
        raise ValueError(f"prior must be one of {PRIORS}, got {prior!r}")
    if isinstance(n, (int, np.integer)) and n < 1:
        raise ValueError(f"n must be at least 1, got {n!r}")
    if not isinstance(dimensions, int) or dimensions < 1:
        raise ValueError(f"dimensions must be a positive integer, got {dimensions!r}")
    if prior != "normal" and dimensions != 2:
        raise ValueError(f"the {prior} prior is 2-D; only the normal prior takes dimensions={dimensions}")


def mixture_centres() -> np.ndarray:
    """The 10 centres R·(cos θ_k, sin θ_k), θ_k = k·2π/10 (all distinct), shape (10, 2)."""
    angles = np.arange(COMPONENTS) * 2 * np.pi / COMPONENTS
    return (MIXTURE_RADIUS * np.stack([np.cos(angles), np.sin(angles)], axis=1)).astype(np.float32)


def roll_bin(t: np.ndarray) -> np.ndarray:
    """Which tenth of [t_min, t_max] each t falls in (0–9), as int64."""
    scaled = (t - ROLL_T_MIN) / (ROLL_T_MAX - ROLL_T_MIN) * COMPONENTS
    return np.minimum(np.floor(scaled), COMPONENTS - 1).astype(np.int64)


def sample(prior: str, n: int, seed: int, dimensions: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """n points of the prior (float32, (n, dimensions)) and each point's component (int64, (n,))."""
    check(prior, n, dimensions)
    if not isinstance(n, (int, np.integer)):
        raise ValueError(f"n must be an integer, got {n!r}")
    rng = np.random.default_rng(seed)
    if prior == "normal":
        return rng.standard_normal((n, dimensions)).astype(np.float32), np.zeros(n, np.int64)
    if prior == "gaussian_mixture":
        component = rng.integers(0, COMPONENTS, n).astype(np.int64)
        angle = component * 2 * np.pi / COMPONENTS
        radial = MIXTURE_RADIUS + MIXTURE_RADIAL_SPREAD * rng.standard_normal(n)
        across = MIXTURE_TANGENTIAL_SPREAD * rng.standard_normal(n)
        points = np.stack([radial * np.cos(angle) - across * np.sin(angle),
                           radial * np.sin(angle) + across * np.cos(angle)], axis=1)
        return points.astype(np.float32), component
    t = rng.uniform(ROLL_T_MIN, ROLL_T_MAX, n)
    radius = ROLL_OUTER_RADIUS * t / ROLL_T_MAX
    points = np.stack([radius * np.cos(t), radius * np.sin(t)], axis=1) + ROLL_NOISE * rng.standard_normal((n, 2))
    return points.astype(np.float32), roll_bin(t)


def sample_tensor(prior: str, n, seed_generator, dimensions: int = 2):
    """The same distributions as `sample`, drawn with keras.random from `seed_generator` (a
    keras.random.SeedGenerator), for use inside train_step; `n` may be a symbolic batch size.
    Returns (points float32 (n, dimensions), component int64 (n,)) as backend tensors."""
    import keras  # here, not at the top: pages import this module without TensorFlow

    check(prior, n, dimensions)
    ops, random = keras.ops, keras.random
    if prior == "normal":
        return random.normal((n, dimensions), seed=seed_generator), ops.zeros((n,), "int64")
    if prior == "gaussian_mixture":
        component = random.randint((n,), 0, COMPONENTS, seed=seed_generator, dtype="int64")
        angle = ops.cast(component, "float32") * (2 * math.pi / COMPONENTS)
        radial = MIXTURE_RADIUS + MIXTURE_RADIAL_SPREAD * random.normal((n,), seed=seed_generator)
        across = MIXTURE_TANGENTIAL_SPREAD * random.normal((n,), seed=seed_generator)
        points = ops.stack([radial * ops.cos(angle) - across * ops.sin(angle),
                            radial * ops.sin(angle) + across * ops.cos(angle)], axis=1)
        return points, component
    t = random.uniform((n,), ROLL_T_MIN, ROLL_T_MAX, seed=seed_generator)
    radius = ROLL_OUTER_RADIUS * t / ROLL_T_MAX
    points = ops.stack([radius * ops.cos(t), radius * ops.sin(t)], axis=1)
    points = points + ROLL_NOISE * random.normal((n, 2), seed=seed_generator)
    scaled = (t - ROLL_T_MIN) / (ROLL_T_MAX - ROLL_T_MIN) * COMPONENTS
    return points, ops.cast(ops.minimum(ops.floor(scaled), COMPONENTS - 1), "int64")


def nearest_component(prior: str, points: np.ndarray) -> np.ndarray:
    """The component each 2-D point is nearest to (int64): the nearest mixture centre, or the tenth
    of the swiss roll holding the nearest point of its noise-free spiral; 0 for the normal prior."""
    points = np.asarray(points, dtype=np.float64)
    check(prior, len(points), points.shape[1])
    if prior == "normal":
        return np.zeros(len(points), np.int64)
    if prior == "gaussian_mixture":
        reference, component = mixture_centres(), np.arange(COMPONENTS)
    else:  # the spiral, finely sampled along t
        t = np.linspace(ROLL_T_MIN, ROLL_T_MAX, 2000)
        reference = ROLL_OUTER_RADIUS * t[:, None] / ROLL_T_MAX * np.stack([np.cos(t), np.sin(t)], axis=1)
        component = roll_bin(t)
    squared = np.square(points[:, None, :] - reference[None, :, :]).sum(axis=2)
    return component[squared.argmin(axis=1)].astype(np.int64)


def _mean_distance(a: np.ndarray, b: np.ndarray, block: int = 1024) -> float:
    """Mean Euclidean distance over all pairs (a_i, b_j), a block of rows at a time to bound memory."""
    total, b_squared = 0.0, np.square(b).sum(axis=1)
    for start in range(0, len(a), block):
        rows = a[start:start + block]
        # |x − y|² = |x|² + |y|² − 2 x·y; rounding can make it a hair below zero
        squared = np.square(rows).sum(axis=1)[:, None] + b_squared[None, :] - 2.0 * rows @ b.T
        total += float(np.sqrt(np.maximum(squared, 0.0)).sum())
    return total / (len(a) * len(b))


def energy_distance(a, b) -> float:
    """Székely & Rizzo's energy distance between two samples of points (rows), as a V-statistic."""
    a, b = (np.asarray(points, dtype=np.float64) for points in (a, b))
    if a.ndim != 2 or b.ndim != 2 or a.shape[1] != b.shape[1] or len(a) < 1 or len(b) < 1:
        raise ValueError(f"need two non-empty (n, d) arrays with the same d, got shapes {a.shape} and {b.shape}")
    if not (np.isfinite(a).all() and np.isfinite(b).all()):
        raise ValueError("points must be finite")
    return 2 * _mean_distance(a, b) - _mean_distance(a, a) - _mean_distance(b, b)
