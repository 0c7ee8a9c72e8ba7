"""The digit classifier that will judge generated digits: shapes, seeds, and that it learns."""

import numpy as np

from core import data, training
from core.models import classifier


def test_probabilities_shapes_and_seeds():
    first, same, other = (classifier.build(seed=s) for s in (1, 1, 2))
    assert [w.name for w in first.weights] == [w.name for w in same.weights]
    for a, b in zip(first.get_weights(), same.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)
    assert any(not np.array_equal(a, b) for a, b in zip(first.get_weights(), other.get_weights(), strict=True))
    probabilities = np.asarray(first(data.load("mnist").x_test[:5], training=False))
    assert probabilities.shape == (5, 10)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, rtol=1e-5)


def test_two_epochs_on_2000_images_already_classify_most_test_digits():
    split = data.load("mnist")
    model = classifier.build(seed=3)
    training.fit(model, split.x_train[:2000], split.y_train[:2000], loss="sparse_categorical_crossentropy",
                 epochs=2, learning_rate=1e-3, batch_size=64, seed=3)
    predicted = np.asarray(model(split.x_test[:500], training=False)).argmax(axis=1)
    assert np.mean(predicted == split.y_test[:500]) > 0.85
