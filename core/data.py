"""Bundled data sets, verified against their checksums, and the one shared split.

Every page, test and benchmark reads the data through `load()` so that all of them see
the same images in the same train/test split. The files live in `assets/data/` (their
provenance and licences are in `assets/README.md`); no network is needed.

The full 70,000-image MNIST is an explicit opt-in (`load_full_mnist`): it goes through
`keras.datasets`, which downloads, so offline it raises `DataUnavailableError` and the
caller keeps the bundled set.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ASSET_DIR = Path(__file__).resolve().parent.parent / "assets" / "data"

# name -> (file, sha256). The checksums are those of the committed files.
DATASETS = {
    "mnist": (
        "mnist_digits_10k.npz",
        "0217e13bd0668deb198aa7d305edbf0331eb89f8a6e7dd226e03d1aa3a9bd4ef",
    ),
    "fashion": (
        "fashion_mnist_10k.npz",
        "46c9b47966e9afc291aba1bd64716afac6577958abfa11cf099263a9490a8d3b",
    ),
}

SPLIT_SEED = 2017  # the year of the lecture; fixed so every page shares the split
TEST_SIZE = 2_000
# Both data sets: 28×28 grey images in [0, 1], ten classes (digits, or kinds of clothing).
IMAGE_SHAPE = (28, 28)
PIXELS = 28 * 28
CLASSES = 10


class AssetError(RuntimeError):
    """A bundled file is missing or is not the file the project shipped."""

    def __init__(self, path: Path, expected_sha256: str, actual_sha256: str | None = None):
        self.path, self.expected_sha256, self.actual_sha256 = path, expected_sha256, actual_sha256
        self.missing = actual_sha256 is None
        problem = "file is missing" if self.missing else f"checksum mismatch, found {actual_sha256}"
        super().__init__(f"{path.name}: {problem} (expected sha256 {expected_sha256})")


class DataUnavailableError(RuntimeError):
    """An optional download could not be made (for example, no network)."""


@dataclass(frozen=True)
class Split:
    """Images as float32 in [0, 1], shape (n, 28, 28); labels as int64."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verified_path(name: str, asset_dir: Path = ASSET_DIR) -> Path:
    """The path of a bundled data set, after checking it exists and is unaltered."""
    if name not in DATASETS:
        raise ValueError(f"unknown data set {name!r}; choose one of {sorted(DATASETS)}")
    return verified_file(*DATASETS[name], asset_dir)


def verified_file(file_name: str, expected_sha256: str, asset_dir: Path = ASSET_DIR) -> Path:
    """The path of any bundled file, after checking it exists and has the expected sha256."""
    path = asset_dir / file_name
    if not path.is_file():
        raise AssetError(path, expected_sha256)
    actual = sha256_of(path)
    if actual != expected_sha256:
        raise AssetError(path, expected_sha256, actual)
    return path


def load_arrays(name: str, asset_dir: Path = ASSET_DIR) -> tuple[np.ndarray, np.ndarray]:
    """All images (uint8, (n, 28, 28)) and labels of a bundled set, checksum verified."""
    with np.load(verified_path(name, asset_dir), allow_pickle=False) as archive:
        return archive["images"], archive["labels"].astype(np.int64)


def split(images: np.ndarray, labels: np.ndarray, test_size: int = TEST_SIZE,
          seed: int = SPLIT_SEED) -> Split:
    """A seeded permutation split; the same seed always gives the same split."""
    if not 0 < test_size < len(images):
        raise ValueError(f"test_size must be between 1 and {len(images) - 1}")
    order = np.random.default_rng(seed).permutation(len(images))
    test, train = order[:test_size], order[test_size:]
    as_float = images.astype(np.float32) / 255.0
    return Split(as_float[train], labels[train], as_float[test], labels[test])


def load(name: str = "mnist", asset_dir: Path = ASSET_DIR) -> Split:
    """The shared 8,000/2,000 split of a bundled data set."""
    return split(*load_arrays(name, asset_dir))


def load_full_mnist() -> Split:
    """The full 60,000/10,000 MNIST through keras.datasets (needs a network)."""
    from keras.datasets import mnist  # imported here: pulls in TensorFlow

    try:
        (x_train, y_train), (x_test, y_test) = mnist.load_data()
    except Exception as error:  # urllib, socket and SSL errors all mean "no download"
        raise DataUnavailableError(f"could not download the full MNIST: {error}") from error
    return Split(x_train.astype(np.float32) / 255.0, y_train.astype(np.int64),
                 x_test.astype(np.float32) / 255.0, y_test.astype(np.int64))


def toy_regression(n: int = 64, noise: float = 0.3, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """A small 1-D linear regression set y = 2x - 1 + noise, x in [-1, 1]."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1.0, 1.0, n)
    return x, 2.0 * x - 1.0 + noise * rng.standard_normal(n)
