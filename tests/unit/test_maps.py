"""core.maps: scaling a map, neighbour label agreement (against scikit-learn), the four maps, clicks."""

import numpy as np
import pytest
from sklearn.neighbors import NearestNeighbors

from core import data, manifold, maps


def test_normalise_fits_the_longer_side_to_minus_one_one_and_keeps_the_shape():
    rng = np.random.default_rng(0)
    points = rng.normal(size=(200, 2)) * [10.0, 2.0] + [50.0, -7.0]
    scaled = maps.normalise(points)
    assert scaled[:, 0].min() == pytest.approx(-1.0) and scaled[:, 0].max() == pytest.approx(1.0)
    assert scaled[:, 1].min() > -1.0 and scaled[:, 1].max() < 1.0  # the short side is not stretched
    spans = np.ptp(points, axis=0)
    np.testing.assert_allclose(np.ptp(scaled, axis=0), 2 * spans / spans.max())
    labels = rng.integers(0, 3, size=200)
    np.testing.assert_array_equal(maps.label_agreement(scaled, labels, 4), maps.label_agreement(points, labels, 4))


def test_normalise_of_a_single_repeated_point_is_zero_and_bad_shapes_raise():
    np.testing.assert_array_equal(maps.normalise(np.full((5, 2), 3.0)), np.zeros((5, 2)))
    for bad in (np.zeros((5, 3)), np.zeros(4), np.zeros((0, 2))):
        with pytest.raises(ValueError):
            maps.normalise(bad)


def test_label_agreement_by_hand():
    points = np.array([[0.0, 0.0], [1.0, 0.0], [3.0, 0.0], [10.0, 0.0]])
    labels = np.array([0, 0, 1, 1])
    # Nearest other points: 0→1 (same), 1→0 (same), 3→1 (other class), 10→3 (same).
    np.testing.assert_array_equal(maps.label_agreement(points, labels, 1), [1.0, 1.0, 0.0, 1.0])
    np.testing.assert_allclose(maps.label_agreement(points, labels, 2), [0.5, 0.5, 0.0, 0.5])


def test_label_agreement_matches_scikit_learns_neighbours():
    rng = np.random.default_rng(1)
    points, labels = rng.normal(size=(300, 7)), rng.integers(0, 4, size=300)
    _, found = NearestNeighbors(n_neighbors=6).fit(points).kneighbors(points)
    expected = np.mean(labels[found[:, 1:]] == labels[:, None], axis=1)  # column 0 is the point itself
    np.testing.assert_allclose(maps.label_agreement(points, labels, 5), expected)


def test_label_agreement_is_about_one_tenth_for_random_labels_and_one_for_separate_clusters():
    rng = np.random.default_rng(2)
    assert maps.label_agreement(rng.normal(size=(2000, 2)), rng.integers(0, 10, 2000), 5).mean() == pytest.approx(0.1, abs=0.02)
    clusters = np.repeat(np.arange(10), 50)
    points = rng.normal(scale=0.01, size=(500, 2)) + clusters[:, None] * 5.0
    assert maps.label_agreement(points, clusters, 5).min() == 1.0


@pytest.mark.parametrize("k", [0, 4, -1])
def test_label_agreement_rejects_bad_k_and_mismatched_labels(k):
    with pytest.raises(ValueError):
        maps.label_agreement(np.zeros((4, 2)), np.zeros(4), k)
    with pytest.raises(ValueError):
        maps.label_agreement(np.zeros((4, 2)), np.zeros(3), 1)


def test_neighbours_are_closest_first_without_the_point_itself():
    points = np.array([[0.0, 0.0], [5.0, 0.0], [1.0, 0.0], [0.0, 2.0], [9.0, 9.0]])
    np.testing.assert_array_equal(maps.neighbours(points, 0, 3), [2, 3, 1])
    for index, k in [(-1, 2), (5, 2), (0, 0), (0, 5)]:
        with pytest.raises(ValueError):
            maps.neighbours(points, index, k)


def test_long_table_has_one_row_per_method_and_image_in_order():
    coordinates = {"pca": np.array([[0.0, 1.0], [2.0, 3.0]]), "tsne": np.array([[4.0, 5.0], [6.0, 7.0]])}
    table = maps.long_table(coordinates, np.array([7, 1]))
    assert list(table.columns) == ["method", "index", "label", "x", "y", "role"]
    assert table.method.tolist() == ["pca", "pca", "tsne", "tsne"]
    assert table["index"].tolist() == [0, 1, 0, 1] and table.label.tolist() == [7, 1, 7, 1]
    assert table.x.tolist() == [0.0, 2.0, 4.0, 6.0] and table.y.tolist() == [1.0, 3.0, 5.0, 7.0]
    assert table.role.tolist() == ["", "", "", ""]


def test_long_table_marks_the_selected_image_everywhere_and_each_maps_own_neighbours():
    points = np.zeros((4, 2))
    table = maps.long_table({"pca": points, "tsne": points}, np.arange(4), selected=2,
                            near={"pca": np.array([0, 1]), "tsne": np.array([3])})
    assert table.role.tolist() == ["neighbour", "neighbour", "selected", "", "", "", "selected", "neighbour"]


@pytest.mark.parametrize(("points", "expected"), [
    ([{"index": 12}], 12),
    ([{"index": 3.0}], 3),
    ([{"index": 1}, {"index": 999}], 999),  # the last one clicked
    ([], None), (None, None), ([{}], None), (["index"], None),
    ([{"index": 1000}], None), ([{"index": -1}], None), ([{"index": 2.5}], None),
    ([{"index": float("nan")}], None), ([{"index": float("inf")}], None), ([{"index": True}], None),
    ([{"index": "7"}], None),
])
def test_clicked_index_accepts_only_whole_numbers_in_range(points, expected):
    assert maps.clicked_index(points, 1000) == expected


@pytest.fixture(scope="module")
def few_digits():
    split = data.load("mnist")
    return split.x_test[:120], split.y_test[:120], manifold.fit_pca(split.x_train[:2000])


def test_four_maps_scales_and_scores_every_map(few_digits):
    images, labels, basis = few_digits

    def squared_pca_code(batch, training=False):  # a small nonlinear "encoder" to 2 numbers
        return basis.encode(batch, 2) ** 2

    result = maps.four_maps(images, labels, basis, squared_pca_code, seed=3)
    np.testing.assert_allclose(result.coordinates["autoencoder"], maps.normalise(squared_pca_code(images)))
    assert tuple(result.coordinates) == maps.METHODS
    for method, points in result.coordinates.items():
        assert points.shape == (120, 2)
        assert np.abs(points).max() == pytest.approx(1.0)
        assert 0.0 <= result.agreement[method] <= 1.0 and result.seconds[method] >= 0.0
    np.testing.assert_allclose(result.coordinates["pca"], maps.normalise(basis.encode(images, 2)))
    assert result.agreement["tsne"] > 0.5  # even on 120 digits, t-SNE's neighbours mostly share the label
    assert result.pixel_agreement > 0.4  # four times chance with about 12 digits per class
    np.testing.assert_array_equal(result.labels, labels)


def test_four_maps_rejects_an_encoder_with_the_wrong_code_size(few_digits):
    images, labels, basis = few_digits
    with pytest.raises(ValueError, match="autoencoder"):
        maps.four_maps(images, labels, basis, lambda batch, training=False: basis.encode(batch, 3))
