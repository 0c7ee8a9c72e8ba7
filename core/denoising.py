"""Denoising autoencoder figures (lecture, chapter 3; Vincent et al., ICML 2008).

A denoising autoencoder is trained on corrupted inputs x̃ ~ q(x̃ | x) to return the clean x.
To do that it must know what digits look like: the corruption pushes x̃ off the data manifold
and the network learns to project it back. Here every reconstructor is a function
images → images, so the plain autoencoder, the denoising one and a PCA projection are
compared the same way: PSNR against the clean images, over noise levels.

The first layer's weights of an MLP encoder, one 28×28 image per hidden unit, show what each
unit looks for: a plain autoencoder's are mostly noisy blobs, a denoising one's turn into
strokes and edges (Vincent et al., Fig. 6).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from core import metrics, noise

Reconstructor = Callable[[np.ndarray], np.ndarray]


def denoise(clean: np.ndarray, corrupted: np.ndarray, reconstructors: dict[str, Reconstructor]):
    """Each reconstructor's output for the corrupted images, and PSNR per image (dB) of the
    corrupted input ("corrupted") and of every output: (outputs, psnr), both keyed by name."""
    outputs = {name: reconstruct(corrupted) for name, reconstruct in reconstructors.items()}
    psnr = {"corrupted": metrics.psnr_per_image(clean, corrupted)}
    psnr.update({name: metrics.psnr_per_image(clean, output) for name, output in outputs.items()})
    return outputs, psnr


def psnr_curve(clean: np.ndarray, kind: str, levels, reconstructors: dict[str, Reconstructor],
               seed: int = 0) -> list[dict]:
    """Mean PSNR per noise level: rows {"level", "series", "psnr"}; series "corrupted" is the input."""
    rows = []
    for level in levels:
        corrupted = noise.corrupt(clean, kind, float(level), seed=seed)
        for name, values in denoise(clean, corrupted, reconstructors)[1].items():
            rows.append({"level": float(level), "series": name, "psnr": float(values.mean())})
    return rows


def first_layer_filters(kernel: np.ndarray, count: int) -> np.ndarray:
    """The first `count` hidden units' input weights (784, units) as (count, 28, 28) images in [0, 1].

    Each filter is scaled by its own largest |weight|, with 0 at mid-grey: bright pixels excite
    the unit, dark ones inhibit it.
    """
    kernel = np.asarray(kernel, dtype=np.float32)
    if kernel.ndim != 2 or kernel.shape[0] != 28 * 28:
        raise ValueError(f"expected a (784, units) kernel, got {kernel.shape}")
    if not 1 <= count <= kernel.shape[1]:
        raise ValueError(f"count must be in [1, {kernel.shape[1]}], got {count}")
    filters = kernel[:, :count].T
    scale = np.maximum(np.abs(filters).max(axis=1, keepdims=True), 1e-12)
    return (0.5 + 0.5 * filters / scale).reshape(count, 28, 28)
