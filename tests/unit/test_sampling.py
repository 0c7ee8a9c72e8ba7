"""Sampling a code space with the prior: the prior's disc, coverage, map limits and the digit mix."""

import numpy as np
import pytest

from core import sampling


def test_the_prior_disc_holds_the_stated_mass():
    assert sampling.prior_radius(0.99) == pytest.approx(3.0349, abs=1e-4)
    assert sampling.prior_radius(1 - np.exp(-0.5)) == pytest.approx(1.0)  # P(|z| ≤ 1) = 1 − e^(−1/2) in 2-D
    draws = np.random.default_rng(0).standard_normal((100_000, 2))
    assert sampling.prior_coverage(draws) == pytest.approx(0.99, abs=0.002)
    for bad in (0.0, 1.0, -0.5, 1.5):
        with pytest.raises(ValueError):
            sampling.prior_radius(bad)


def test_codes_ten_times_wider_than_the_prior_are_mostly_out_of_its_reach():
    draws = 10 * np.random.default_rng(1).standard_normal((100_000, 2))
    expected = 1 - np.exp(-(sampling.prior_radius() / 10) ** 2 / 2)  # ≈ 4.5 %
    assert sampling.prior_coverage(draws) == pytest.approx(expected, abs=0.003)
    assert sampling.prior_coverage(draws + 50) == 0.0  # off-centre codes: none inside


def test_the_axis_limit_holds_the_share_and_is_a_round_number():
    assert sampling.axis_limit(np.random.default_rng(2).uniform(-1, 1, (500, 2))) == 3.5  # never below the minimum
    codes = np.stack([np.linspace(-73, 73, 1001), np.zeros(1001)], axis=1)
    assert sampling.axis_limit(codes, share=1.0) == 80.0
    assert sampling.axis_limit(codes, share=0.5) == 40.0  # half of the codes lie within ±36.5
    assert sampling.axis_limit(codes * 10, share=1.0) == 800.0
    assert sampling.axis_limit(np.array([[4.2, 0.0]])) == 5.0
    for bad in (np.zeros((0, 2)), np.zeros((3, 3)), np.array([[np.nan, 0.0]])):
        with pytest.raises(ValueError):
            sampling.axis_limit(bad)
    with pytest.raises(ValueError):
        sampling.axis_limit(codes, share=0.0)


def test_digit_shares_count_each_digit():
    np.testing.assert_allclose(sampling.digit_shares([3, 3, 1, 9]), [0, 0.25, 0, 0.5, 0, 0, 0, 0, 0, 0.25])
    for bad in ([], [10], [-1], [[1, 2]]):
        with pytest.raises(ValueError):
            sampling.digit_shares(bad)


def fake_classifier(images, training=False):
    """'Reads' the digit as the image's mean brightness × 10, with 0.9 confidence."""
    assert training is False
    digits = np.clip((images.reshape(len(images), -1).mean(axis=1) * 10).astype(int), 0, 9)
    probabilities = np.full((len(images), 10), 0.1 / 9)
    probabilities[np.arange(len(images)), digits] = 0.9
    return probabilities


def fake_decoder(z, training=False):
    """An image whose brightness is the first code coordinate, clipped to [0, 0.99]."""
    return np.broadcast_to(np.clip(z[:, :1, None], 0, 0.99), (len(z), 28, 28)).astype(np.float32)


def test_judging_prior_samples_decodes_reads_and_counts_them():
    prior = np.array([[0.05, 0.0], [0.35, 1.0], [0.35, -1.0], [0.95, 2.0]], np.float32)
    codes = np.array([[0.0, 0.0], [10.0, 0.0]])
    draw = sampling.judge(fake_decoder, fake_classifier, codes, prior)
    assert draw.decoded.shape == (4, 28, 28)
    np.testing.assert_allclose(draw.decoded[:, 0, 0], [0.05, 0.35, 0.35, 0.95])
    np.testing.assert_array_equal(draw.labels, [0, 3, 3, 9])
    np.testing.assert_allclose(draw.confidence, 0.9)
    np.testing.assert_allclose(draw.shares[[0, 3, 9]], [0.25, 0.5, 0.25])
    assert draw.coverage == 0.5  # one of the two codes is inside the prior's 99 % disc


def test_the_classifier_is_run_in_batches():
    images = np.random.default_rng(3).uniform(0, 1, (2500, 28, 28)).astype(np.float32)
    sizes = []

    def counting(batch, training=False):
        sizes.append(len(batch))
        return fake_classifier(batch)

    labels, confidence = sampling.read_digits(counting, images)
    assert sizes == [1000, 1000, 500] and labels.shape == confidence.shape == (2500,)


def test_the_spread_and_the_points_outside_a_square():
    codes = np.array([[1.0, -2.0], [-1.0, 2.0], [3.0, 0.5]])
    std, largest = sampling.spread(codes)
    np.testing.assert_allclose(std, [np.std([1, -1, 3]), np.std([-2, 2, 0.5])])
    assert largest == 3.0
    assert [sampling.outside(codes, limit) for limit in (1.5, 2, 2.5, 3)] == [3, 1, 1, 0]


def test_rare_digits_are_those_under_two_percent():
    shares = np.array([0.3, 0.0, 0.019, 0.02, 0.1, 0.1, 0.1, 0.1, 0.161, 0.1])
    assert sampling.rare_digits(shares) == [1, 2]
    assert sampling.rare_digits(np.full(10, 0.1)) == []
    with pytest.raises(ValueError):
        sampling.rare_digits([0.5, 0.5])
