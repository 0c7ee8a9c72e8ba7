"""Four 2-D maps of the same images (lecture, chapter 2) and how well each keeps classes together.

The same n test images are mapped to the plane four ways:
    PCA          z = W_2 (x − μ)              linear; keeps the directions of largest variance
    autoencoder  z = f_θ(x),  x̂ = g_φ(z)      a learned nonlinear encoder with a 2-unit code
    t-SNE        minimise KL(P ‖ Q)            keeps local neighbourhoods (van der Maaten & Hinton, 2008)
    Isomap       classical MDS of d_G          d_G = shortest paths on a k-neighbour graph
                                               (Tenenbaum, de Silva & Langford, 2000)
PCA and the autoencoder can map a new image; t-SNE and Isomap only embed the points they were given.

How well a map keeps same-class images together is read off its neighbours: for each point i
with label y_i and its k nearest other points N_k(i) in the map,
    agreement = 1/(n k) Σ_i Σ_{j ∈ N_k(i)} 1[y_j = y_i]
(1 when every neighbourhood is one class, about 0.1 for ten balanced classes placed at random).
Labels are never shown to any of the four methods; the score only reads the finished map.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core import manifold, pretrained

METHODS = ("pca", "autoencoder", "tsne", "isomap")
AGREEMENT_NEIGHBOURS = 5  # k of the overall score: a small neighbourhood, as a k-NN classifier would use


@dataclass(frozen=True)
class MapSet:
    """The four maps of the same images, each scaled into [-1, 1], with their scores and timings."""

    coordinates: dict[str, np.ndarray]  # method -> (n, 2)
    labels: np.ndarray
    agreement: dict[str, float]  # method -> k-neighbour label agreement (k = AGREEMENT_NEIGHBOURS)
    pixel_agreement: float  # the same score in the 784-pixel space, for reference
    seconds: dict[str, float]  # method -> time it took to compute the map


def normalise(points: np.ndarray) -> np.ndarray:
    """Shift and scale a 2-D map so its longer side spans exactly [-1, 1].

    The four methods use unrelated units (pixel distances, code values, t-SNE's arbitrary scale),
    so a common range lets the maps share axes. One factor for both axes keeps the map's shape,
    and a shift plus one uniform scale keeps every neighbour and so every score unchanged.
    """
    points = np.asarray(points, dtype=np.float64)
    if points.ndim != 2 or points.shape[1] != 2 or len(points) == 0:
        raise ValueError(f"points must have shape (n, 2) with n ≥ 1, got {points.shape}")
    low, high = points.min(axis=0), points.max(axis=0)
    half_span = float(np.max(high - low)) / 2
    return (points - (low + high) / 2) / (half_span if half_span > 0 else 1.0)


def label_agreement(points: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    """Per point, the fraction of its k nearest other points (Euclidean) that share its label."""
    flat = np.asarray(points, dtype=np.float64).reshape(len(points), -1)
    labels = np.asarray(labels)
    if len(labels) != len(flat):
        raise ValueError(f"{len(flat)} points but {len(labels)} labels")
    if not 1 <= k < len(flat):
        raise ValueError(f"k must be in [1, {len(flat) - 1}], got {k}")
    squared = np.sum(flat**2, axis=1)
    distances = squared[:, None] + squared[None, :] - 2 * flat @ flat.T
    np.fill_diagonal(distances, np.inf)  # a point is not its own neighbour
    neighbours = np.argpartition(distances, k - 1, axis=1)[:, :k]
    return np.mean(labels[neighbours] == labels[:, None], axis=1)


def neighbours(points: np.ndarray, index: int, k: int) -> np.ndarray:
    """The k points nearest to point `index` in a map (itself excluded), closest first."""
    if not 0 <= index < len(points):
        raise ValueError(f"index must be in [0, {len(points) - 1}], got {index}")
    if not 1 <= k < len(points):
        raise ValueError(f"k must be in [1, {len(points) - 1}], got {k}")
    return manifold.nearest(points[index], points, k, exclude=index)


def timed(function: Callable, *args, **kwargs) -> tuple[object, float]:
    """(function(*args, **kwargs), wall-clock seconds it took)."""
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def four_maps(images: np.ndarray, labels: np.ndarray, basis: manifold.PCABasis, encoder,
              seed: int = 0) -> MapSet:
    """PCA, the autoencoder's 2-D code, t-SNE and Isomap of the same images, scaled and scored.

    `encoder` maps images (n, 28, 28) to codes (n, 2); t-SNE's layout depends on `seed`.
    """
    images = np.asarray(images, dtype=np.float32)
    raw, seconds = {}, {}
    raw["pca"], seconds["pca"] = timed(basis.encode, images, 2)
    raw["autoencoder"], seconds["autoencoder"] = timed(pretrained.reconstruct, encoder, images)
    if np.shape(raw["autoencoder"]) != (len(images), 2):  # checked before the slow maps are made
        raise ValueError(f"the autoencoder's codes have shape {np.shape(raw['autoencoder'])}, expected ({len(images)}, 2)")
    raw["tsne"], seconds["tsne"] = timed(manifold.embed_tsne, images, seed)
    raw["isomap"], seconds["isomap"] = timed(manifold.embed_isomap, images)
    coordinates = {method: normalise(raw[method]) for method in METHODS}
    agreement = {method: float(label_agreement(points, labels, AGREEMENT_NEIGHBOURS).mean())
                 for method, points in coordinates.items()}
    pixel_agreement = float(label_agreement(images, labels, AGREEMENT_NEIGHBOURS).mean())
    return MapSet(coordinates, np.asarray(labels), agreement, pixel_agreement, seconds)


def long_table(coordinates: dict[str, np.ndarray], labels: np.ndarray, selected: int | None = None,
               near: dict[str, np.ndarray] | None = None) -> pd.DataFrame:
    """One row per (method, image): method, index, label, x, y, role; methods in the order given.

    role is "selected" for image `selected` (in every map), "neighbour" for the images near[method]
    in that method's map, and "" for the rest.
    """
    near = near or {}
    frames = []
    for method, points in coordinates.items():
        frame = pd.DataFrame({"method": method, "index": np.arange(len(points)), "label": labels,
                              "x": points[:, 0], "y": points[:, 1], "role": ""})
        frame.loc[frame["index"].isin(near.get(method, [])), "role"] = "neighbour"
        frame.loc[frame["index"] == selected, "role"] = "selected"
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def clicked_index(points: list, count: int) -> int | None:
    """The image index in a chart selection (a list of dicts with an "index" field), or None.

    Selections come from the browser, so anything but a whole number in [0, count) is ignored.
    """
    for point in reversed(points or []):
        value = point.get("index") if isinstance(point, dict) else None
        if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer() \
                and 0 <= value < count:
            return int(value)
    return None
