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

The page shows the first POINTS images of each data set's test split. t-SNE and Isomap of them took
5–15 s and 1 s on 2 busy cores, and the PCA fit (50 directions of the 8,000 training images) 1.5–4 s,
so those three maps are computed once by `scripts/precompute_maps.py` with the settings below
and bundled (`BUNDLE`; float32, which leaves every neighbour and score as computed), with the
pixel-space score (0.15 s). The autoencoder's map is made live: its encoder codes 1,000 images
in a few milliseconds.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from core import data, generative, manifold

METHODS = ("pca", "autoencoder", "tsne", "isomap")
BUNDLED = ("pca", "tsne", "isomap")  # precomputed and shipped; the autoencoder's map is made live
AGREEMENT_NEIGHBOURS = 5  # k of the overall score: a small neighbourhood, as a k-NN classifier would use
# A fixed 1,000 test images: t-SNE's cost grows faster than the count, 4 × 1,000 dots still draw
# smoothly on a student's laptop, and the first 1,000 of the shuffled test split hold about 100
# images of every class.
POINTS = 1000
TSNE_SEED = 2017  # t-SNE's random start, so every copy of the app draws the same map
# The bundled maps of every data set (assets/README.md), rebuilt by scripts/precompute_maps.py.
BUNDLE = ("map_embeddings_1k.npz", "6c478e3f9b68723fbd600768358bce1bbce3713437a4fdfafbb77f194a755436")
BUNDLE_DIR = data.ASSET_DIR


@dataclass(frozen=True)
class MapSet:
    """The four maps of the same images, each scaled into [-1, 1], with their scores."""

    coordinates: dict[str, np.ndarray]  # method -> (n, 2)
    labels: np.ndarray
    agreement: dict[str, float]  # method -> k-neighbour label agreement (k = AGREEMENT_NEIGHBOURS)
    pixel_agreement: float  # the same score in the 784-pixel space, for reference


@dataclass(frozen=True)
class BundledMaps:
    """The precomputed maps of one data set's first POINTS test images, as the methods returned them."""

    coordinates: dict[str, np.ndarray]  # method in BUNDLED -> (POINTS, 2) float32
    labels: np.ndarray  # the labels of those images: a check that the maps belong to them
    pixel_agreement: float  # `pixel_agreement` of those images (0.15 s each time otherwise)


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


def precomputed_maps(images: np.ndarray, basis: manifold.PCABasis, seed: int = TSNE_SEED) -> dict[str, np.ndarray]:
    """PCA (the top 2 of `basis`), t-SNE and Isomap of the images, computed afresh: what `BUNDLE`
    holds (seconds to tens of seconds)."""
    images = np.asarray(images, dtype=np.float32)
    return {"pca": basis.encode(images, 2), "tsne": manifold.embed_tsne(images, seed),
            "isomap": manifold.embed_isomap(images)}


def four_maps(images: np.ndarray, labels: np.ndarray, basis: manifold.PCABasis, encoder,
              seed: int = 0) -> MapSet:
    """PCA, the autoencoder's 2-D code, t-SNE and Isomap of the same images, all computed now,
    scaled and scored. `encoder` maps images (n, 28, 28) to codes (n, 2); t-SNE's layout depends on `seed`."""
    codes = _codes(encoder, images)  # checked before the slow maps are made
    return scored({**precomputed_maps(images, basis, seed), "autoencoder": codes}, labels,
                  pixel_agreement(images, labels))


def with_bundle(bundle: BundledMaps, images: np.ndarray, labels: np.ndarray, encoder) -> MapSet:
    """The page's four maps: PCA, t-SNE and Isomap from the bundle, the autoencoder's codes made now."""
    if not np.array_equal(bundle.labels, labels):
        raise ValueError("the bundled maps are not of these images: their labels differ")
    return scored({**bundle.coordinates, "autoencoder": _codes(encoder, images)}, labels, bundle.pixel_agreement)


def _codes(encoder, images: np.ndarray) -> np.ndarray:
    codes = generative.apply(encoder, np.asarray(images, dtype=np.float32))
    if np.shape(codes) != (len(images), 2):
        raise ValueError(f"the autoencoder's codes have shape {np.shape(codes)}, expected ({len(images)}, 2)")
    return codes


def scored(raw: dict[str, np.ndarray], labels: np.ndarray, pixel_score: float) -> MapSet:
    """Every map of METHODS scaled into [-1, 1] and scored, with the pixel space's score beside them."""
    coordinates = {method: normalise(raw[method]) for method in METHODS}
    agreement = {method: float(label_agreement(points, labels, AGREEMENT_NEIGHBOURS).mean())
                 for method, points in coordinates.items()}
    return MapSet(coordinates, np.asarray(labels), agreement, pixel_score)


def pixel_agreement(images: np.ndarray, labels: np.ndarray) -> float:
    """The overall score with neighbours measured in the 784-pixel space: what a map is compared with."""
    return float(label_agreement(np.asarray(images, dtype=np.float32), labels, AGREEMENT_NEIGHBOURS).mean())


def load_bundle(dataset: str, asset_dir: Path | None = None) -> BundledMaps:
    """The bundled maps of a data set from `asset_dir` (default BUNDLE_DIR), after the file's
    checksum is checked (`data.AssetError`)."""
    if dataset not in data.DATASETS:
        raise ValueError(f"unknown data set {dataset!r}; choose one of {sorted(data.DATASETS)}")
    with np.load(data.verified_file(*BUNDLE, asset_dir or BUNDLE_DIR), allow_pickle=False) as archive:
        coordinates = {method: archive[f"{dataset}_{method}"] for method in BUNDLED}
        return BundledMaps(coordinates, archive[f"{dataset}_labels"].astype(np.int64),
                           float(archive[f"{dataset}_pixel_agreement"]))


def save_bundle(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Write arrays as an .npz archive with fixed timestamps: the same arrays give the same bytes."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.asarray(array), allow_pickle=False)
            entry = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type, entry.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            archive.writestr(entry, buffer.getvalue())


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
