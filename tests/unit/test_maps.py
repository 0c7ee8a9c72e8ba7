"""core.maps: scaling a map, neighbour label agreement (against scikit-learn), the four maps, the
bundled maps (checksum, labels, a recomputation, the page's figures), clicks."""

import shutil

import numpy as np
import pytest
from sklearn.neighbors import NearestNeighbors

from core import data, generative, manifold, maps, pretrained


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
        assert 0.0 <= result.agreement[method] <= 1.0
    np.testing.assert_allclose(result.coordinates["pca"], maps.normalise(basis.encode(images, 2)))
    assert result.agreement["tsne"] > 0.5  # even on 120 digits, t-SNE's neighbours mostly share the label
    assert result.pixel_agreement > 0.4  # four times chance with about 12 digits per class
    np.testing.assert_array_equal(result.labels, labels)


def test_four_maps_rejects_an_encoder_with_the_wrong_code_size(few_digits):
    images, labels, basis = few_digits
    with pytest.raises(ValueError, match="autoencoder"):
        maps.four_maps(images, labels, basis, lambda batch, training=False: basis.encode(batch, 3))


def test_the_bundle_matches_its_checksum_and_holds_the_maps_of_each_data_sets_first_test_images():
    file_name, sha256 = maps.BUNDLE
    assert data.sha256_of(maps.BUNDLE_DIR / file_name) == sha256
    assert (maps.BUNDLE_DIR / file_name).stat().st_size < 100_000
    for name in data.DATASETS:
        bundle = maps.load_bundle(name)
        np.testing.assert_array_equal(bundle.labels, data.load(name).y_test[:maps.POINTS])
        assert tuple(bundle.coordinates) == maps.BUNDLED
        for points in bundle.coordinates.values():
            assert points.shape == (maps.POINTS, 2) and points.dtype == np.float32 and np.all(np.isfinite(points))
        pca, tsne, isomap = (maps.normalise(bundle.coordinates[method]) for method in maps.BUNDLED)
        assert not np.allclose(pca, tsne, atol=0.1) and not np.allclose(tsne, isomap, atol=0.1)  # three maps


def test_the_bundled_pca_and_isomap_maps_equal_a_recomputation_with_the_pages_settings():
    """What scripts/precompute_maps.py computes, stored as float32. t-SNE (10–30 s here) is left to
    the script, whose output was byte-identical on a second run, and to the page's figures below."""
    split = data.load("mnist")
    images = split.x_test[:maps.POINTS]
    bundle = maps.load_bundle("mnist")
    computed = {"pca": manifold.fit_pca(split.x_train).encode(images, 2), "isomap": manifold.embed_isomap(images)}
    for method, points in computed.items():  # to float32 rounding (another CPU's BLAS may differ in the last bit)
        np.testing.assert_allclose(bundle.coordinates[method], points, rtol=0, atol=1e-6 * np.ptp(points))
    assert bundle.pixel_agreement == pytest.approx(maps.pixel_agreement(images, split.y_test[:maps.POINTS]), abs=1e-12)


# The page's figures when it computed every map live (2 decimals, as shown): bundling must not move them.
PAGE_FIGURES = {"mnist": {"pca": "0.40", "autoencoder": "0.66", "tsne": "0.82", "isomap": "0.44", "pixels": "0.81"},
                "fashion": {"pca": "0.44", "autoencoder": "0.64", "tsne": "0.70", "isomap": "0.51", "pixels": "0.70"}}


@pytest.mark.parametrize("name", list(data.DATASETS))
def test_the_page_maps_from_the_bundle_give_the_figures_of_the_live_computation(name):
    split = data.load(name)
    encoder = pretrained.load(pretrained.autoencoder_name(name, 2)).encoder
    images, labels = split.x_test[:maps.POINTS], split.y_test[:maps.POINTS]
    result = maps.with_bundle(maps.load_bundle(name), images, labels, encoder)
    shown = {method: f"{score:.2f}" for method, score in result.agreement.items()}
    assert shown | {"pixels": f"{result.pixel_agreement:.2f}"} == PAGE_FIGURES[name]
    assert tuple(result.coordinates) == maps.METHODS
    np.testing.assert_allclose(result.coordinates["autoencoder"], maps.normalise(generative.apply(encoder, images)))
    with pytest.raises(ValueError, match="labels differ"):
        maps.with_bundle(maps.load_bundle(name), images, np.roll(labels, 1), encoder)


def test_an_altered_or_missing_bundle_is_refused_naming_the_file_and_its_checksum(tmp_path):
    file_name, sha256 = maps.BUNDLE
    with pytest.raises(data.AssetError) as missing:
        maps.load_bundle("mnist", tmp_path)
    assert missing.value.missing and missing.value.path.name == file_name and missing.value.expected_sha256 == sha256
    altered = bytearray((maps.BUNDLE_DIR / file_name).read_bytes())
    altered[len(altered) // 2] ^= 0xFF
    (tmp_path / file_name).write_bytes(bytes(altered))
    with pytest.raises(data.AssetError) as changed:
        maps.load_bundle("mnist", tmp_path)
    assert not changed.value.missing and changed.value.expected_sha256 == sha256 and file_name in str(changed.value)
    shutil.copy(maps.BUNDLE_DIR / file_name, tmp_path / file_name)
    assert maps.load_bundle("fashion", tmp_path).labels.shape == (maps.POINTS,)
    with pytest.raises(ValueError, match="unknown data set"):
        maps.load_bundle("cifar", tmp_path)


def test_save_bundle_writes_the_same_bytes_for_the_same_arrays(tmp_path):
    arrays = {"a_tsne": np.arange(8, dtype=np.float32).reshape(4, 2), "a_labels": np.array([3, 1, 4, 1], np.uint8),
              "settings": np.array('{"seed": 1}')}
    maps.save_bundle(tmp_path / "first.npz", arrays)
    maps.save_bundle(tmp_path / "second.npz", arrays)
    assert (tmp_path / "first.npz").read_bytes() == (tmp_path / "second.npz").read_bytes()
    with np.load(tmp_path / "first.npz", allow_pickle=False) as archive:
        assert sorted(archive.files) == sorted(arrays)
        for key, value in arrays.items():
            np.testing.assert_array_equal(archive[key], value)
