"""Search the MNIST test split for the interpolation page's default pair (pages/7_interpolation.py).

    python scripts/interpolation_pair.py          # the best pairs, with their figures
    python scripts/interpolation_pair.py 123 456  # the figures of one pair (start, end)

The pair has to show the lecture's two points (chapter 2) at the page's default settings (d = 10,
9 steps, 8 neighbours), each by a number the page itself shows or could show:

- neighbours: by pixel distance the start image's nearest test images are mostly other digits,
  by code distance they are all its own digit (same-label count of 8, as on the page);
- paths: the pixel midpoint is a double exposure far from every training image (δ) and changed a
  lot by the d = 30 autoencoder (ε), while every image of the code path stays near the data (δ and ε
  at the level of real test images) and the digit classifier reads each as one clear digit.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core import comparison, data, evaluation, generative, manifold, pretrained

CODE_SIZE, JUDGE_CODE_SIZE, STEPS, NEIGHBOURS = 10, 30, 9, 8  # the page's defaults
MIDDLE = STEPS // 2
MAX_PIXEL_AGREEMENT = 3  # of 8: most pixel neighbours of the start are other digits
MIN_CONFIDENCE = 0.9  # the classifier's probability of its choice for every image on the code path
SCREENED = 15  # ends per start that get the full figures


@dataclass(frozen=True)
class PairFigures:
    start: int
    end: int
    labels: tuple[int, int]
    same_label: tuple[int, int]  # start's neighbours sharing its label: by pixel, by code
    delta: tuple[float, float]  # δ at t = 0.5: pixel path, code path
    epsilon: tuple[float, float]  # ε at t = 0.5: pixel path, code path
    worst_code_delta: float  # the largest δ along the code path
    code_confidence: float  # the classifier's lowest top probability along the code path
    pixel_confidence: float  # its top probability for the pixel midpoint

    def line(self) -> str:
        return (f"{self.start:4d} → {self.end:4d} ({self.labels[0]} → {self.labels[1]}): same label "
                f"{self.same_label[0]}/8 by pixels, {self.same_label[1]}/8 by codes; δ(mid) pixel "
                f"{self.delta[0]:.2f} code {self.delta[1]:.2f} (code path max {self.worst_code_delta:.2f}); "
                f"ε(mid) pixel {self.epsilon[0]:.4f} code {self.epsilon[1]:.4f}; classifier: code path ≥ "
                f"{self.code_confidence:.2f}, pixel midpoint {self.pixel_confidence:.2f}")


def same_label_counts(features: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """For each item, how many of its 8 nearest other items share its label (as comparison.neighbours)."""
    flat = features.reshape(len(features), -1).astype(np.float64)
    squared = np.sum(flat ** 2, axis=1)
    distances = squared[:, None] - 2 * flat @ flat.T + squared[None, :]
    np.fill_diagonal(distances, np.inf)
    nearest = np.argsort(distances, axis=1, kind="stable")[:, :NEIGHBOURS]
    return np.sum(labels[nearest] == labels[:, None], axis=1)


def figures(start: int, end: int, split, basis, model, judge, classifier, counts) -> PairFigures:
    paths = comparison.interpolation_paths(split.x_test[start], split.x_test[end], STEPS, basis, CODE_SIZE,
                                           model.encoder, model.decoder)
    pixel, code = paths["pixel"], paths["autoencoder"]
    code_delta = comparison.distance_to_nearest(code, split.x_train)
    code_probabilities = np.asarray(classifier.model(code, training=False))
    pixel_probability = np.asarray(classifier.model(pixel[MIDDLE:MIDDLE + 1], training=False))
    return PairFigures(
        start, end, (int(split.y_test[start]), int(split.y_test[end])), (int(counts[0][start]), int(counts[1][start])),
        (float(comparison.distance_to_nearest(pixel[MIDDLE:MIDDLE + 1], split.x_train)[0]), float(code_delta[MIDDLE])),
        tuple(float(comparison.reconstruction_change(path[MIDDLE:MIDDLE + 1], judge.model)[0]) for path in (pixel, code)),
        float(code_delta.max()), float(code_probabilities.max(axis=1).min()), float(pixel_probability.max()))


def screen(start: int, ends: np.ndarray, split, model, judge, classifier, typical_epsilon: float) -> list[int]:
    """Ends worth the full figures (δ needs 8,000 distances per image): the code path stays on the
    data (ε of every step at most 1.5 × a real image's, the classifier sure of every step, each step
    read as the start's or the end's digit) and the pixel midpoint is off it (ε ≥ 2 × typical)."""
    pairs = np.stack([np.repeat(split.x_test[start][None], len(ends), axis=0), split.x_test[ends]], axis=1)
    codes = np.asarray(model.encoder(pairs.reshape(-1, 28, 28), training=False)).reshape(len(ends), 2, -1)
    weights = manifold.blend_weights(STEPS)[None, :, None]
    path_codes = (1 - weights) * codes[:, :1] + weights * codes[:, 1:]
    decoded = generative.apply(model.decoder, path_codes.reshape(-1, codes.shape[-1]).astype(np.float32))
    code_epsilon = comparison.reconstruction_change(decoded, judge.model).reshape(len(ends), STEPS)
    probabilities = generative.apply(classifier.model, decoded).reshape(len(ends), STEPS, 10)
    read_as = probabilities.argmax(axis=2)
    plausible = ((probabilities.max(axis=2) >= MIN_CONFIDENCE)
                 & ((read_as == split.y_test[start]) | (read_as == split.y_test[ends][:, None]))).all(axis=1)
    pixel_epsilon = comparison.reconstruction_change(pairs.mean(axis=1), judge.model)
    keep = plausible & (code_epsilon.max(axis=1) <= 1.5 * typical_epsilon) & (pixel_epsilon >= 2 * typical_epsilon)
    order = np.argsort(-(pixel_epsilon / code_epsilon.max(axis=1))[keep])
    return [int(end) for end in ends[keep][order][:SCREENED]]


def main(arguments: list[str]) -> None:
    split = data.load("mnist")
    basis = manifold.fit_pca(split.x_train)
    model = pretrained.load(pretrained.autoencoder_name("mnist", CODE_SIZE))
    judge = pretrained.load(pretrained.autoencoder_name("mnist", JUDGE_CODE_SIZE))
    classifier = pretrained.load(evaluation.CLASSIFIER)
    codes = generative.test_codes("ae", model.encoder, split.x_test, split.y_test)
    counts = same_label_counts(split.x_test, split.y_test), same_label_counts(codes, split.y_test)
    typical_delta = float(np.median(comparison.distance_to_nearest(split.x_test, split.x_train)))
    typical_epsilon = float(np.median(comparison.reconstruction_change(split.x_test, judge.model)))
    print(f"real test images: median δ {typical_delta:.2f}, median ε {typical_epsilon:.4f}")
    if arguments:
        print(figures(int(arguments[0]), int(arguments[1]), split, basis, model, judge, classifier, counts).line())
        return
    starts = np.flatnonzero((counts[0] <= MAX_PIXEL_AGREEMENT) & (counts[1] == NEIGHBOURS))
    print(f"{len(starts)} start images with ≤ {MAX_PIXEL_AGREEMENT}/8 pixel and 8/8 code neighbours of their digit")
    found = []
    for start in starts:  # ends: clean digits of another class (all 8 code neighbours share their label)
        ends = np.flatnonzero((split.y_test != split.y_test[start]) & (counts[1] == NEIGHBOURS))
        for end in screen(int(start), ends, split, model, judge, classifier, typical_epsilon):
            pair = figures(int(start), end, split, basis, model, judge, classifier, counts)
            # The double exposure is farther from every training image than the code path's worst step.
            if pair.delta[0] > max(pair.worst_code_delta, typical_delta):
                found.append(pair)
    found.sort(key=lambda pair: pair.delta[1] / pair.delta[0] + pair.epsilon[1] / pair.epsilon[0])
    for pair in found[:25]:
        print(pair.line())


if __name__ == "__main__":
    main(sys.argv[1:])
