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
