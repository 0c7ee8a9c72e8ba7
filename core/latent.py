"""Points in a 2-D latent space to decode (lecture, chapter 4: the learned manifold).

Kingma & Welling (2014, Fig. 4) draw a 2-D VAE's manifold by decoding a grid whose coordinates
are evenly spaced *probabilities* p ∈ (0, 1) mapped through the inverse Gaussian CDF,
    z = (Φ⁻¹(p_x), Φ⁻¹(p_y)),
so the grid is dense where the prior N(0, I) has its mass and sparse in the tails. Rows run
from top (large z₂) to bottom, columns from left (small z₁) to right, as the picture is read.
"""

from __future__ import annotations

from statistics import NormalDist

import numpy as np


def probability_grid(size: int, margin: float = 0.05) -> np.ndarray:
    """`size` evenly spaced probabilities from `margin` to 1 − `margin`."""
    if not isinstance(size, int) or size < 2:
        raise ValueError(f"size must be an integer ≥ 2, got {size!r}")
    if not 0 < margin < 0.5:
        raise ValueError(f"margin must be in (0, 0.5), got {margin!r}")
    return np.linspace(margin, 1.0 - margin, size)


def gaussian_grid(size: int, margin: float = 0.05) -> np.ndarray:
    """(size², 2) latent points z = Φ⁻¹(p), row by row from the top left, float32."""
    inverse_cdf = np.vectorize(NormalDist().inv_cdf)
    axis = inverse_cdf(probability_grid(size, margin))
    z1, z2 = np.meshgrid(axis, axis[::-1])  # top row: the largest z₂
    return np.stack([z1.ravel(), z2.ravel()], axis=1).astype(np.float32)


def gaussian_grid_to(size: int, outer_z: float) -> np.ndarray:
    """The inverse-CDF grid whose outermost rows and columns sit at ±`outer_z`."""
    if not 0 < outer_z < 6:
        raise ValueError(f"outer_z must be in (0, 6), got {outer_z!r}")
    return gaussian_grid(size, NormalDist().cdf(-outer_z))


def uniform_grid(size: int, limit: float) -> np.ndarray:
    """(size², 2) evenly spaced points over [−limit, limit]², row by row from the top left, float32
    (for priors that are not Gaussian, such as an AAE's mixture or swiss roll)."""
    if not isinstance(size, int) or size < 2:
        raise ValueError(f"size must be an integer ≥ 2, got {size!r}")
    if not limit > 0:
        raise ValueError(f"limit must be positive, got {limit!r}")
    axis = np.linspace(-limit, limit, size)
    z1, z2 = np.meshgrid(axis, axis[::-1])
    return np.stack([z1.ravel(), z2.ravel()], axis=1).astype(np.float32)


def clicked_point(points: list, limit: float) -> tuple[float, float] | None:
    """The (z₁, z₂) of the last clicked cell in a chart selection (dicts with "z1" and "z2"), or None.

    Selections come from the browser, so anything but two finite numbers in [−limit, limit] is ignored.
    """
    for point in reversed(points or []):
        if not isinstance(point, dict):
            continue
        values = [point.get("z1"), point.get("z2")]
        if all(isinstance(v, int | float) and not isinstance(v, bool) and np.isfinite(v) and abs(v) <= limit
               for v in values):
            return float(values[0]), float(values[1])
    return None


def ellipse(centre, radii, points: int = 100) -> np.ndarray:
    """(points, 2) outline of the axis-aligned ellipse ((z₁ − c₁)/r₁)² + ((z₂ − c₂)/r₂)² = 1, closed
    (the last point repeats the first), float32: the k·σ contour of a Gaussian with diagonal covariance
    has radii k·σ₁ and k·σ₂."""
    centre, radii = np.asarray(centre, np.float64), np.asarray(radii, np.float64)
    if centre.shape != (2,) or radii.shape != (2,):
        raise ValueError(f"centre and radii must each be two numbers, got shapes {centre.shape} and {radii.shape}")
    if not (np.isfinite(centre).all() and np.isfinite(radii).all() and (radii > 0).all()):
        raise ValueError(f"centre must be finite and radii finite and positive, got {centre} and {radii}")
    if not isinstance(points, int) or points < 4:
        raise ValueError(f"points must be an integer ≥ 4, got {points!r}")
    angle = np.linspace(0.0, 2 * np.pi, points)  # 0 and 2π both: the outline closes
    outline = centre + radii * np.stack([np.cos(angle), np.sin(angle)], axis=1)
    outline[-1] = outline[0]
    return outline.astype(np.float32)


def reparameterised_samples(mean, log_var, count: int, seed: int) -> np.ndarray:
    """(count, d) samples z = μ + σ ⊙ ε, σ = exp(½ log σ²), ε ~ N(0, I) from np.random.default_rng(seed),
    float32 (the reparameterisation trick: the randomness is in ε alone, z is a smooth function of μ and σ)."""
    mean, log_var = np.asarray(mean, np.float64), np.asarray(log_var, np.float64)
    if mean.ndim != 1 or mean.shape != log_var.shape:
        raise ValueError(f"mean and log_var must be vectors of one length, got shapes {mean.shape} and {log_var.shape}")
    if not (np.isfinite(mean).all() and np.isfinite(log_var).all()):
        raise ValueError("mean and log_var must be finite")
    if not isinstance(count, int | np.integer) or count < 1:
        raise ValueError(f"count must be a positive integer, got {count!r}")
    epsilon = np.random.default_rng(seed).standard_normal((count, len(mean)))
    return (mean + np.exp(0.5 * log_var) * epsilon).astype(np.float32)


def standard_deviation(log_var) -> np.ndarray:
    """σ = exp(½ log σ²): the encoder outputs the log-variance, which may be any real number."""
    log_var = np.asarray(log_var, np.float64)
    if not np.isfinite(log_var).all():
        raise ValueError("log_var must be finite")
    return np.exp(0.5 * log_var)


def zoom_window(centre, radii, factor: float = 3.0) -> np.ndarray:
    """[[z₁ low, z₁ high], [z₂ low, z₂ high]]: the square around `centre` with half-width
    factor · max(radii), so an ellipse of those radii fits with room and both axes keep one unit."""
    centre, radii = np.asarray(centre, np.float64), np.asarray(radii, np.float64)
    if centre.shape != (2,) or radii.shape != (2,) or not (np.isfinite(centre).all() and np.isfinite(radii).all()):
        raise ValueError(f"centre and radii must each be two finite numbers, got {centre} and {radii}")
    if not ((radii > 0).all() and factor > 0):
        raise ValueError(f"radii and factor must be positive, got {radii} and {factor!r}")
    half = factor * float(radii.max())
    return np.stack([centre - half, centre + half], axis=1)
