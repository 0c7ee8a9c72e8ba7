"""The latent grid of Kingma & Welling's Fig. 4: inverse-CDF spacing, order, symmetry."""

import numpy as np
import pytest

from core import latent


def test_grid_is_the_inverse_gaussian_cdf_of_even_probabilities():
    points = latent.gaussian_grid(5, margin=0.1)
    assert points.shape == (25, 2) and points.dtype == np.float32
    axis = np.unique(points[:, 0])
    np.testing.assert_allclose(axis, [-1.2815516, -0.5244005, 0.0, 0.5244005, 1.2815516], atol=1e-6)
    np.testing.assert_allclose(axis, -axis[::-1], atol=1e-6)  # symmetric around 0
    # evenly spaced probabilities give wider steps in the tails
    steps = np.diff(axis)
    assert steps[0] > steps[1]


def test_rows_run_from_the_top_left_as_the_picture_is_read():
    points = latent.gaussian_grid(3)
    assert points[0, 0] < points[1, 0] < points[2, 0]  # left to right along the first row
    assert points[0, 1] == points[2, 1] > points[3, 1] > points[6, 1]  # top row has the largest z2


@pytest.mark.parametrize(("size", "margin"), [(1, 0.05), (2.5, 0.05), (4, 0.0), (4, 0.5), (4, -0.1)])
def test_bad_arguments_raise(size, margin):
    with pytest.raises(ValueError):
        latent.gaussian_grid(size, margin)
