"""Corruptions keep pixels in [0, 1] and are seeded; PSNR and MSE agree with hand computations."""

import numpy as np
import pytest

from core import data, denoising, metrics, noise


@pytest.fixture(scope="module")
def clean():
    return data.load("mnist").x_test[:64]


@pytest.mark.parametrize("kind", noise.KINDS)
@pytest.mark.parametrize("level", [0.0, 0.1, 0.5, 1.0])
def test_corruptions_stay_in_range_and_are_seeded(kind, level, clean):
    first = noise.corrupt(clean, kind, level, seed=4)
    assert first.dtype == np.float32 and first.shape == clean.shape
    assert first.min() >= 0.0 and first.max() <= 1.0
    np.testing.assert_array_equal(first, noise.corrupt(clean, kind, level, seed=4))
    if level == 0.0:
        np.testing.assert_array_equal(first, clean)
    elif kind == "masking" and level == 1.0:
        assert not first.any()  # every pixel masked, whatever the draw
    else:
        assert not np.array_equal(first, noise.corrupt(clean, kind, level, seed=5))


@pytest.mark.parametrize("kind", ["salt_pepper", "masking"])
def test_pixel_fraction_kinds_hit_about_that_fraction(kind):
    grey = np.full((50, 28, 28), 0.5, np.float32)  # every hit is visible on mid-grey
    hit = np.mean(noise.corrupt(grey, kind, 0.3, seed=0) != 0.5)
    assert hit == pytest.approx(0.3, abs=0.01)


def test_gaussian_noise_at_sigma_0_4_gives_about_11_db(clean):
    noisy = noise.corrupt(clean, "gaussian", 0.4, seed=7)
    assert metrics.psnr(clean, noisy) == pytest.approx(11.0, abs=0.5)  # the "≈ 11 dB" input


@pytest.mark.parametrize(("kind", "level"), [("blur", 0.1), ("gaussian", -0.1), ("masking", 1.5), ("gaussian", float("nan"))])
def test_bad_corruptions_raise_value_error(kind, level, clean):
    with pytest.raises(ValueError):
        noise.corrupt(clean, kind, level)


def test_mse_and_psnr_by_hand():
    clean = np.zeros((2, 2, 2), np.float32)
    other = clean.copy()
    other[0, 0, 0] = 1.0  # one pixel of four off by 1 in image 0: MSE 0.25, PSNR 10·log10(4)
    np.testing.assert_allclose(metrics.mse_per_image(clean, other), [0.25, 0.0])
    assert metrics.mse(clean, other) == pytest.approx(0.125)
    np.testing.assert_allclose(metrics.psnr_per_image(clean, other), [10 * np.log10(4), metrics.MAX_PSNR])
    with pytest.raises(ValueError):
        metrics.mse(clean, clean[:1])


def test_denoise_and_curve_report_every_reconstructor(clean):
    identity, half = (lambda x: x), (lambda x: np.full_like(x, 0.5))
    corrupted = noise.corrupt(clean, "gaussian", 0.3, seed=1)
    outputs, psnr = denoising.denoise(clean, corrupted, {"identity": identity, "half": half})
    np.testing.assert_array_equal(outputs["identity"], corrupted)
    np.testing.assert_allclose(psnr["identity"], psnr["corrupted"])
    rows = denoising.psnr_curve(clean, "masking", [0.0, 0.5], {"identity": identity}, seed=1)
    expected = [(0.0, "corrupted"), (0.0, "identity"), (0.5, "corrupted"), (0.5, "identity")]
    assert [(r["level"], r["series"]) for r in rows] == expected
    assert rows[0]["psnr"] == metrics.MAX_PSNR and rows[2]["psnr"] < 20


def test_first_layer_filters_are_scaled_per_unit_around_grey():
    kernel = np.zeros((784, 3), np.float32)
    kernel[0, 0], kernel[1, 0], kernel[5, 1] = 2.0, -1.0, -4.0
    filters = denoising.first_layer_filters(kernel, 2)
    assert filters.shape == (2, 28, 28)
    assert filters[0, 0, 0] == 1.0 and filters[0, 0, 1] == 0.25 and filters[0, 0, 2] == 0.5
    assert filters[1, 0, 5] == 0.0 and filters[1].max() == 0.5
    with pytest.raises(ValueError):
        denoising.first_layer_filters(kernel, 4)
    with pytest.raises(ValueError):
        denoising.first_layer_filters(kernel[:100], 1)
