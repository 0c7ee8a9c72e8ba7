"""Corruptions for the denoising autoencoder (lecture, chapter 3; Vincent et al., ICML 2008).

A denoising autoencoder sees a corrupted copy x̃ ~ q(x̃ | x) and is trained to give back the
clean x:  minimise L(x, g(f(x̃))).  Three corruptions from the paper and the lecture:

    gaussian        x̃ = clip(x + σ·ε, 0, 1),  ε ~ N(0, 1) per pixel    level = σ
    salt_pepper     a fraction ν of pixels set to 0 or 1 (half each)     level = ν
    masking         a fraction ν of pixels set to 0 ("dropout" of input) level = ν

Every corruption keeps pixel values in [0, 1] and is reproducible from its seed.
"""

from __future__ import annotations

import numpy as np

KINDS = ("gaussian", "salt_pepper", "masking")
MAX_LEVEL = {"gaussian": 1.0, "salt_pepper": 1.0, "masking": 1.0}


def corrupt(images: np.ndarray, kind: str, level: float, seed: int = 0) -> np.ndarray:
    """A corrupted float32 copy of `images` (values in [0, 1]); `level` is σ or the pixel fraction."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, got {kind!r}")
    if not (np.isfinite(level) and 0 <= level <= MAX_LEVEL[kind]):
        raise ValueError(f"level must be in [0, {MAX_LEVEL[kind]}], got {level!r}")
    rng = np.random.default_rng(seed)
    clean = np.asarray(images, dtype=np.float32)
    if kind == "gaussian":
        noisy = clean + np.float32(level) * rng.standard_normal(clean.shape, dtype=np.float32)
        return np.clip(noisy, 0.0, 1.0)
    hit = rng.random(clean.shape) < level
    noisy = clean.copy()
    if kind == "masking":
        noisy[hit] = 0.0
    else:
        noisy[hit] = (rng.random(int(hit.sum())) < 0.5).astype(np.float32)
    return noisy
