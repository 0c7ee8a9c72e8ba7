"""Image-quality figures: mean squared error per pixel and PSNR.

For images with values in [0, 1] the peak signal-to-noise ratio is
    PSNR(x, x̂) = 10 · log10(1 / MSE(x, x̂))   in dB,  MSE = mean over pixels of (x − x̂)²
so +10 dB is a ten times smaller error. An identical pair has an infinite PSNR; it is capped
at MAX_PSNR so that averages and charts stay finite.
"""

from __future__ import annotations

import numpy as np

MAX_PSNR = 60.0


def mse_per_image(clean: np.ndarray, other: np.ndarray) -> np.ndarray:
    clean, other = np.asarray(clean, np.float64), np.asarray(other, np.float64)
    if clean.shape != other.shape:
        raise ValueError(f"shapes differ: {clean.shape} vs {other.shape}")
    return ((clean - other) ** 2).reshape(len(clean), -1).mean(axis=1)


def mse(clean: np.ndarray, other: np.ndarray) -> float:
    """Mean squared error per pixel over a batch."""
    return float(mse_per_image(clean, other).mean())


def psnr_per_image(clean: np.ndarray, other: np.ndarray) -> np.ndarray:
    errors = mse_per_image(clean, other)
    with np.errstate(divide="ignore"):
        return np.minimum(10 * np.log10(1.0 / errors), MAX_PSNR)


def psnr(clean: np.ndarray, other: np.ndarray) -> float:
    """Mean PSNR over the images of a batch, in dB (the figure the denoising papers report)."""
    return float(psnr_per_image(clean, other).mean())
