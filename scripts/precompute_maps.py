"""Precompute the maps the four-maps page ships with: PCA, t-SNE and Isomap of the first 1,000 test
images of every bundled data set (and the label agreement of those images in pixel space, 0.15 s
per data set otherwise), written to assets/data/map_embeddings_1k.npz.

    python scripts/precompute_maps.py

The settings are the page's, read from the code that made the maps live before they were bundled:
core.maps (POINTS, TSNE_SEED, `precomputed_maps`) and core.manifold (PCA to 50 dimensions before
t-SNE and Isomap; t-SNE with perplexity 30, PCA initialisation and 500 iterations; Isomap on a
10-neighbour graph; the PCA map is the top 2 of the 50 directions fitted on the 8,000 training
images). Same library versions on the same machine: the same bytes (the archive's timestamps are
fixed). Before writing, it checks that storing float32 leaves every score and every image's nearest
neighbours exactly as computed. A new file has a new sha256: put it in core/maps.py (BUNDLE) and
assets/README.md.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core import data, manifold, maps

NEIGHBOURS_CHECKED = 8  # the page shows each image's 8 nearest images per map


def settings() -> dict:
    import sklearn

    return {"points": maps.POINTS, "images": "the first POINTS of each data set's test split (core.data)",
            "split_seed": data.SPLIT_SEED, "datasets": {name: sha256 for name, (_, sha256) in data.DATASETS.items()},
            "pca": "top 2 of 50 directions fitted on the training split (covariance_eigh)",
            "tsne": {"pca_dimensions": manifold.MAX_COMPONENTS, "perplexity": 30, "init": "pca", "max_iter": 500,
                     "seed": maps.TSNE_SEED},
            "isomap": {"pca_dimensions": manifold.MAX_COMPONENTS, "neighbours": 10},
            "scikit_learn": sklearn.__version__, "generated_by": "python scripts/precompute_maps.py"}


def check_float32_keeps_the_map(method: str, points: np.ndarray, labels: np.ndarray) -> None:
    """The score and every image's nearest neighbours must not move when the map is stored as float32."""
    exact, stored = maps.normalise(points), maps.normalise(points.astype(np.float32))
    same_scores = np.array_equal(maps.label_agreement(exact, labels, maps.AGREEMENT_NEIGHBOURS),
                                 maps.label_agreement(stored, labels, maps.AGREEMENT_NEIGHBOURS))
    moved = [index for index in range(len(points))
             if set(maps.neighbours(exact, index, NEIGHBOURS_CHECKED)) != set(maps.neighbours(stored, index, NEIGHBOURS_CHECKED))]
    if not same_scores or moved:
        raise SystemExit(f"{method}: float32 changes the map (scores equal: {same_scores}; neighbours moved: {moved[:10]})")


def main() -> None:
    arrays: dict[str, np.ndarray] = {}
    for name in data.DATASETS:
        split = data.load(name)
        images, labels = split.x_test[:maps.POINTS], split.y_test[:maps.POINTS]
        started = time.perf_counter()
        computed = maps.precomputed_maps(images, manifold.fit_pca(split.x_train), maps.TSNE_SEED)
        seconds = time.perf_counter() - started
        for method, points in computed.items():
            check_float32_keeps_the_map(f"{name} {method}", points, labels)
            arrays[f"{name}_{method}"] = points.astype(np.float32)
        arrays[f"{name}_labels"] = labels.astype(np.uint8)
        arrays[f"{name}_pixel_agreement"] = np.float64(maps.pixel_agreement(images, labels))
        scores = {method: round(float(maps.label_agreement(maps.normalise(points), labels,
                                                           maps.AGREEMENT_NEIGHBOURS).mean()), 4)
                  for method, points in computed.items()}
        print(f"{name}: PCA fit, t-SNE and Isomap in {seconds:.1f} s; {maps.AGREEMENT_NEIGHBOURS}-neighbour label "
              f"agreement {scores}", flush=True)
    arrays["settings"] = np.array(json.dumps(settings(), sort_keys=True))
    file_name, bundled_sha256 = maps.BUNDLE
    path = maps.BUNDLE_DIR / file_name
    maps.save_bundle(path, arrays)
    sha256 = data.sha256_of(path)
    print(f"wrote assets/data/{file_name}: {path.stat().st_size} bytes, sha256 {sha256}")
    if sha256 != bundled_sha256:
        print(f"the sha256 differs from core/maps.py's ({bundled_sha256}): update core/maps.py and assets/README.md")


if __name__ == "__main__":
    main()
