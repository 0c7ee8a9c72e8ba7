"""PacGAN's mode figures and GAN Lab's grid divergences on constructed sample sets, with exact counts."""

import math

import numpy as np

from core import metrics, toy_data


def _on_modes(centres, per_mode, offset=0.0):
    return np.concatenate([np.repeat(c[None] + offset, n, axis=0) for c, n in zip(centres, per_mode, strict=True)])


def test_every_mode_evenly_covered():
    ring = toy_data.ring()
    score = metrics.mode_score(_on_modes(ring.centres, [10] * 8), ring.centres, ring.std)
    assert score.modes == 8 and score.high_quality == 1.0 and score.reverse_kl == 0.0
    assert score.counts.tolist() == [10] * 8


def test_collapse_onto_two_modes():
    ring = toy_data.ring()
    samples = _on_modes(ring.centres[:2], [30, 10])
    score = metrics.mode_score(samples, ring.centres, ring.std)
    assert score.modes == 2 and score.high_quality == 1.0
    p = np.array([0.75, 0.25])
    assert math.isclose(score.reverse_kl, float((p * np.log(p * 8)).sum()), rel_tol=1e-12)


def test_the_three_sigma_boundary_and_far_samples():
    grid = toy_data.grid()
    inside = grid.centres[0] + [0.149, 0.0]  # 2.98 σ: high quality
    outside = grid.centres[0] + [0.151, 0.0]  # 3.02 σ: not
    far = np.array([[1.0, 1.0]])  # between four modes: not
    score = metrics.mode_score(np.vstack([inside, outside, far]), grid.centres, grid.std)
    assert score.modes == 1 and math.isclose(score.high_quality, 1 / 3) and score.counts.sum() == 1


def test_no_high_quality_sample_has_no_reverse_kl():
    ring = toy_data.ring()
    score = metrics.mode_score(np.zeros((5, 2)), ring.centres, ring.std)
    assert score.modes == 0 and score.high_quality == 0.0 and math.isnan(score.reverse_kl)


def test_reverse_kl_of_one_mode_is_log_k():
    assert math.isclose(metrics.reverse_kl(np.array([0, 7, 0, 0])), math.log(4))


def test_grid_histogram_counts_the_outside():
    limits = ((0.0, 3.0), (0.0, 3.0))
    samples = np.array([[0.5, 0.5], [0.5, 0.6], [2.9, 0.1], [5.0, 5.0]])
    h = metrics.grid_histogram(samples, limits)
    assert h.shape == (metrics.GRID_CELLS ** 2 + 1,) and math.isclose(h.sum(), 1.0)
    assert h[-1] == 0.25 and h.max() == 0.5  # two in one cell, one outside


def test_grid_divergence_by_hand():
    p = np.array([0.5, 0.5, 0.0])
    q = np.array([0.5, 0.0, 0.5])
    e = metrics.GRID_EPSILON
    kl = (0.5 + e) * 0 + (0.5 + e) * math.log2((0.5 + e) / e) + e * math.log2(e / (0.5 + e))
    m = np.array([0.5, 0.25, 0.25]) + e
    js = 0.5 * sum(a * math.log2(a / b) for a, b in zip(p + e, m, strict=True)) + \
        0.5 * sum(a * math.log2(a / b) for a, b in zip(q + e, m, strict=True))
    got = metrics.grid_divergence(p, q)
    assert math.isclose(got.kl, kl, rel_tol=1e-12) and math.isclose(got.js, js, rel_tol=1e-12)
    same = metrics.grid_divergence(p, p)
    assert same.kl == 0.0 and same.js == 0.0


# --- the classifier score and the Fréchet distance, against hand computations ---------------

def test_classifier_score_of_sure_and_even_predictions_is_the_number_of_classes():
    mean, spread = metrics.classifier_score(np.eye(10)[np.arange(100) % 10], splits=10)
    assert math.isclose(mean, 10.0, rel_tol=1e-12) and spread == 0.0


def test_classifier_score_of_one_digit_or_unsure_predictions_is_one():
    assert math.isclose(metrics.classifier_score(np.eye(10)[np.full(50, 3)], splits=5)[0], 1.0)
    assert math.isclose(metrics.classifier_score(np.full((50, 10), 0.1), splits=5)[0], 1.0)


def test_classifier_score_by_hand_on_two_samples():
    p = np.array([[1.0, 0.0], [0.5, 0.5]])  # marginal (0.75, 0.25)
    kl_first = math.log(1 / 0.75)
    kl_second = 0.5 * math.log(0.5 / 0.75) + 0.5 * math.log(0.5 / 0.25)
    mean, _ = metrics.classifier_score(p, splits=1)
    assert math.isclose(mean, math.exp((kl_first + kl_second) / 2), rel_tol=1e-12)


def test_classifier_score_averages_its_splits():
    sure = np.eye(2)[[0, 1, 0, 1]]  # score 2
    unsure = np.full((4, 2), 0.5)  # score 1
    mean, spread = metrics.classifier_score(np.vstack([sure, unsure]), splits=2)
    assert math.isclose(mean, 1.5) and math.isclose(spread, 0.5)


def test_frechet_distance_in_one_dimension_is_the_gap_of_means_and_deviations():
    a = np.array([[0.0], [2.0]])  # mean 1, σ √2 (n − 1 in the covariance)
    b = np.array([[3.0], [7.0], [5.0]])  # mean 5, σ 2
    expected = (1 - 5) ** 2 + (math.sqrt(2) - 2) ** 2
    assert math.isclose(metrics.frechet_distance(a, b), expected, rel_tol=1e-12)


def test_frechet_distance_matches_the_matrix_square_root_on_random_features():
    from scipy import linalg

    rng = np.random.default_rng(0)
    a = rng.normal(size=(200, 5)) @ rng.normal(size=(5, 5))
    b = rng.normal(1.0, 2.0, size=(150, 5))
    sigma_a, sigma_b = np.cov(a, rowvar=False), np.cov(b, rowvar=False)
    root = linalg.sqrtm(sigma_a @ sigma_b).real
    expected = ((a.mean(0) - b.mean(0)) ** 2).sum() + np.trace(sigma_a + sigma_b - 2 * root)
    assert math.isclose(metrics.frechet_distance(a, b), expected, rel_tol=1e-9)
    assert math.isclose(metrics.frechet_distance(a, a), 0.0, abs_tol=1e-9)
    assert math.isclose(metrics.frechet_distance(a, b), metrics.frechet_distance(b, a), rel_tol=1e-9)


# --- sharpness ------------------------------------------------------------------------------

def test_sharpness_is_the_variance_of_the_laplacian():
    flat = np.full((1, 5, 5), 0.3)
    dot = np.zeros((1, 5, 5))
    dot[0, 2, 2] = 1.0  # interior Laplacian: −4 at the centre, 1 at its four neighbours, 0 elsewhere (3×3)
    values = np.array([0, 1, 0, 1, -4, 1, 0, 1, 0], float)
    assert metrics.sharpness(flat)[0] == 0.0
    assert math.isclose(metrics.sharpness(dot)[0], values.var(), rel_tol=1e-12)
    assert metrics.sharpness(dot)[0] > metrics.sharpness(dot * 0.5)[0]  # fainter edges score lower
