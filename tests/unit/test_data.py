"""The bundled data: checksums, shapes, the shared split and the offline fallback."""

import shutil

import numpy as np
import pytest

from core import data


@pytest.mark.parametrize("name", sorted(data.DATASETS))
def test_bundled_file_matches_its_checksum(name):
    file_name, expected = data.DATASETS[name]
    assert data.sha256_of(data.ASSET_DIR / file_name) == expected


@pytest.mark.parametrize("name", sorted(data.DATASETS))
def test_split_is_8000_2000_in_unit_range_with_all_classes(name):
    split = data.load(name)
    assert split.x_train.shape == (8000, 28, 28) and split.x_test.shape == (2000, 28, 28)
    assert split.x_train.dtype == np.float32
    assert split.x_train.min() >= 0.0 and split.x_train.max() <= 1.0
    assert set(np.unique(split.y_test)) == set(range(10))


def test_split_is_deterministic_and_disjoint():
    images, labels = data.load_arrays("mnist")
    first, second = data.split(images, labels), data.split(images, labels)
    np.testing.assert_array_equal(first.x_test, second.x_test)
    np.testing.assert_array_equal(first.y_train, second.y_train)
    # No image of the test split is also a training image (rows of the original array).
    order = np.random.default_rng(data.SPLIT_SEED).permutation(len(images))
    assert not set(order[: data.TEST_SIZE]) & set(order[data.TEST_SIZE:])
    other_seed = data.split(images, labels, seed=data.SPLIT_SEED + 1)
    assert not np.array_equal(other_seed.y_test, first.y_test)


def test_missing_file_names_the_file_and_expected_checksum(tmp_path):
    with pytest.raises(data.AssetError) as caught:
        data.load("mnist", asset_dir=tmp_path)
    assert caught.value.missing
    assert "mnist_digits_10k.npz" in str(caught.value)
    assert data.DATASETS["mnist"][1] in str(caught.value)


def test_altered_file_is_refused(tmp_path):
    copy = tmp_path / data.DATASETS["mnist"][0]
    shutil.copy(data.ASSET_DIR / copy.name, copy)
    with open(copy, "r+b") as f:  # flip one byte in the middle
        f.seek(100_000)
        byte = f.read(1)
        f.seek(100_000)
        f.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(data.AssetError) as caught:
        data.load("mnist", asset_dir=tmp_path)
    assert not caught.value.missing
    assert data.DATASETS["mnist"][1] in str(caught.value)


def test_unknown_dataset_and_bad_split_raise_value_error():
    with pytest.raises(ValueError):
        data.load("cifar")
    images, labels = data.load_arrays("mnist")
    with pytest.raises(ValueError):
        data.split(images, labels, test_size=0)


def test_full_mnist_offline_fails_with_a_clear_error(monkeypatch, tmp_path):
    # keras caches downloads under KERAS_HOME; point it at an empty folder so the download is tried.
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.setenv("https_proxy", "http://127.0.0.1:9")  # a closed port: no download, even online
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    with pytest.raises(data.DataUnavailableError, match="full MNIST"):
        data.load_full_mnist()
    assert data.load("mnist").x_test.shape == (2000, 28, 28)  # the bundled set is still there


def test_toy_regression_is_seeded():
    x1, y1 = data.toy_regression(seed=3)
    x2, y2 = data.toy_regression(seed=3)
    np.testing.assert_array_equal(x1, x2)
    np.testing.assert_array_equal(y1, y2)
