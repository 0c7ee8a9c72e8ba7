"""core.comparison on real MNIST images, with exact oracles (identity maps, PCA itself, brute force)."""

from __future__ import annotations

import numpy as np
import pytest

from core import comparison, data, manifold, metrics


@pytest.fixture(scope="module")
def split() -> data.Split:
    return data.load("mnist")


@pytest.fixture(scope="module")
def basis(split) -> manifold.PCABasis:
    return manifold.fit_pca(split.x_train[:1500])


class PCAAsAutoencoder:
    """A 'model' whose reconstruction is PCA's with d directions, called the way Keras models are."""

    def __init__(self, basis, code_size):
        self.basis, self.code_size = basis, code_size

    def __call__(self, images, training=False):
        return self.basis.reconstruct(np.asarray(images), self.code_size)


class Recording:
    """Wraps a function and keeps the batch sizes it was called with."""

    def __init__(self, function):
        self.function, self.batches = function, []

    def __call__(self, values, training=False):
        self.batches.append(len(values))
        return self.function(np.asarray(values))


def test_an_autoencoder_that_is_pca_has_ratio_one_and_pca_improves_with_d(split, basis):
    images = split.x_test[:300]
    errors = comparison.code_size_errors(images, basis, {d: PCAAsAutoencoder(basis, d) for d in (30, 2, 10, 5)})
    assert errors.code_sizes == (2, 5, 10, 30)
    np.testing.assert_allclose(errors.ratio, 1.0)
    assert np.all(np.diff(errors.pca_mse) < 0)
    assert errors.pca_mse[0] == pytest.approx(metrics.mse(images, basis.reconstruct(images, 2)))
    assert errors.at(10) == pytest.approx((errors.pca_mse[2], errors.autoencoder_mse[2], 1.0))


def test_a_perfect_autoencoder_has_ratio_zero(split, basis):
    errors = comparison.code_size_errors(split.x_test[:50], basis, {5: lambda images, training=False: images})
    assert errors.autoencoder_mse[0] == 0.0 and errors.ratio[0] == 0.0 and errors.pca_mse[0] > 0.01


def test_code_size_errors_rejects_bad_arguments(split, basis):
    with pytest.raises(ValueError):
        comparison.code_size_errors(split.x_test[:10], basis, {})
    errors = comparison.code_size_errors(split.x_test[:10], basis, {2: PCAAsAutoencoder(basis, 2)})
    with pytest.raises(ValueError):
        errors.at(3)


def test_distance_to_nearest_matches_brute_force(split):
    queries, reference = split.x_test[:40], split.x_train[:700]
    fast = comparison.distance_to_nearest(queries, reference, batch=16)
    indices, _ = comparison.nearest_reference(queries, reference, batch=16)
    for query, index, distance in zip(queries, indices, fast, strict=True):
        assert index == manifold.nearest(query, reference, 1)[0]
        closest = reference[index]
        assert distance == pytest.approx(np.linalg.norm(query.astype(np.float64) - closest), abs=1e-9)
    assert np.all(fast > 1.0)  # no test digit is a copy of a training digit


def test_an_image_of_the_reference_set_is_at_distance_zero(split):
    reference = split.x_train[:200]
    assert comparison.distance_to_nearest(reference[[3, 150]], reference) == pytest.approx([0.0, 0.0], abs=1e-9)


def test_distance_to_nearest_rejects_bad_arguments(split):
    with pytest.raises(ValueError):
        comparison.distance_to_nearest(split.x_test[:2], split.x_train[:0])
    with pytest.raises(ValueError):
        comparison.distance_to_nearest(split.x_test[:2], np.zeros((5, 10)))


def test_paths_identity_autoencoder_follows_the_pixel_path_and_calls_once(split, basis):
    start, end = split.x_test[2], split.x_test[6]
    encoder = Recording(lambda images: images.reshape(len(images), -1))
    decoder = Recording(lambda codes: codes.reshape(len(codes), 28, 28))
    paths = comparison.interpolation_paths(start, end, 7, basis, 10, encoder, decoder)
    assert set(paths) == set(comparison.PATHS)
    assert all(path.shape == (7, 28, 28) for path in paths.values())
    assert encoder.batches == [2] and decoder.batches == [7]  # one batched call each
    np.testing.assert_allclose(paths["pixel"][0], start)
    np.testing.assert_allclose(paths["pixel"][-1], end)
    np.testing.assert_allclose(paths["pixel"][3], (start + end) / 2, atol=1e-6)
    np.testing.assert_allclose(paths["autoencoder"], paths["pixel"], atol=1e-6)


def test_the_pca_path_is_the_cross_fade_of_the_two_reconstructions(split, basis):
    start, end = split.x_test[3], split.x_test[9]
    paths = comparison.interpolation_paths(start, end, 5, basis, 30, Recording(np.asarray), Recording(np.asarray))
    np.testing.assert_allclose(paths["pca"][0], basis.reconstruct(start[None], 30)[0], atol=1e-5)
    unclipped = [basis.mean + basis.encode(image[None], 30)[0] @ basis.components[:30] for image in (start, end)]
    midpoint = np.clip((unclipped[0] + unclipped[1]) / 2, 0, 1).reshape(28, 28)
    np.testing.assert_allclose(paths["pca"][2], midpoint, atol=1e-5)


def test_neighbours_exclude_the_query_and_count_shared_labels(split):
    images, labels = split.x_test[:300].copy(), split.y_test[:300]
    images[120] = images[7]  # a copy must be the first neighbour
    found = comparison.neighbours(7, images, labels, 8)
    assert found.indices[0] == 120 and 7 not in found.indices and len(found.indices) == 8
    assert found.same_label == int(np.sum(labels[found.indices] == labels[7]))
    distances = np.linalg.norm((images[found.indices] - images[7]).reshape(8, -1), axis=1)
    assert np.all(np.diff(distances) >= 0)


@pytest.mark.parametrize(("index", "k"), [(-1, 3), (300, 3), (0, 0), (0, 300)])
def test_neighbours_rejects_bad_arguments(split, index, k):
    with pytest.raises(ValueError):
        comparison.neighbours(index, split.x_test[:300], split.y_test[:300], k)


def test_random_pair_has_two_labels_and_is_reproducible(split):
    labels = split.y_test
    pairs = [comparison.random_pair(labels, seed) for seed in range(20)]
    assert all(labels[a] != labels[b] for a, b in pairs)
    assert comparison.random_pair(labels, 5) == pairs[5]
    assert len(set(pairs)) > 15
    with pytest.raises(ValueError):
        comparison.random_pair(np.zeros(10, int), 0)


def test_reconstruction_change_is_zero_for_a_perfect_model_and_the_mse_otherwise(split, basis):
    images = split.x_test[:20]
    assert np.all(comparison.reconstruction_change(images, lambda x, training=False: x) == 0.0)
    change = comparison.reconstruction_change(images, PCAAsAutoencoder(basis, 5))
    np.testing.assert_allclose(change, metrics.mse_per_image(images, basis.reconstruct(images, 5)))
    # PCA's own reconstructions are fixed points of PCA: on its "manifold" they do not move.
    rebuilt = basis.reconstruct(images, 5)
    assert comparison.reconstruction_change(rebuilt, PCAAsAutoencoder(basis, 5)).max() < 0.1 * change.min()


def test_slerp_keeps_the_norm_of_two_equally_long_ends_and_linear_dips():
    rng = np.random.default_rng(0)
    a, b = rng.standard_normal(64), rng.standard_normal(64)
    b *= np.linalg.norm(a) / np.linalg.norm(b)
    arc, line = manifold.slerp(a, b, 9), manifold.interpolate(a, b, 9)
    assert np.allclose(arc[[0, -1]], [a, b], atol=1e-5)
    assert np.allclose(np.linalg.norm(arc, axis=1), np.linalg.norm(a), rtol=1e-5)
    assert np.linalg.norm(line[4]) < 0.8 * np.linalg.norm(a)  # two near-orthogonal draws: the midpoint is ≈ 0.71 as long
    assert np.allclose(manifold.slerp(a, 2 * a, 5), manifold.interpolate(a, 2 * a, 5))  # parallel ends: the line
