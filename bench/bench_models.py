"""Quality and training-speed figures of the bundled models, on the bundled MNIST test split.

    python bench/bench_models.py            # all sections
    python bench/bench_models.py --only epoch

quality: PCA and the bundled autoencoders, test MSE per pixel at each code size, and the AE/PCA
         ratio; the denoising PSNR at Gaussian σ = 0.4 against the noisy input, the plain
         autoencoder and a PCA-50 projection. Models are reloaded from assets/, not retrained.
epoch:   live-training epochs of the default MLP (the training page's defaults) through
         core.training.fit, against plain `model.fit` on the same model and data in the same run.
vae:     test −ELBO of the 2-D and 20-D VAEs and the β series, split into reconstruction and KL
         (nats per image, 10 draws of ε per image), recomputed from the reloaded files.
cvae:    the digit classifier's test accuracy, and per label the share of 200 CVAE samples
         z ~ N(0, I) drawn for that label that it recognises as that label.
aae:     per prior, the energy distance between the 2,000 test codes and 2,000 prior samples, and
         between two independent prior samples of that size (the chance level); for the two
         label-informed models, the share of test codes nearest to their own digit's component.
vae-epoch: live-training epochs of the 2-D VAE of the "Train your own VAE" page's defaults.
gan:     the digit GANs against the issue's bars: classifier score, digit mix, Fréchet distance,
         sharpness and distance to the nearest training image of 10,000 samples of the GAN and of
         both VAEs, beside the real test images (the ceiling, and the training split's Fréchet
         distance: the floor); the conditional GAN's samples read as their label, per label.
gan-epoch: live-training epochs of the "Train your own GAN" page's defaults, with the page's
         per-epoch work (the grid and 500 samples classified).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core import data, evaluation, generative, manifold, metrics, noise, pretrained

RUNS, EPOCHS = 3, 5  # section epoch


def section_quality() -> None:
    split = data.load("mnist")
    basis = manifold.fit_pca(split.x_train)
    print(f"{'d':>4} {'PCA MSE':>9} {'AE MSE':>9} {'AE/PCA':>7}")
    for size in pretrained.CODE_SIZES:
        pca = metrics.mse(split.x_test, basis.reconstruct(split.x_test, size))
        model = pretrained.load(pretrained.autoencoder_name("mnist", size)).model
        ae = metrics.mse(split.x_test, generative.apply(model, split.x_test))
        print(f"{size:>4} {pca:9.4f} {ae:9.4f} {ae / pca:7.2f}")
    kind, level = evaluation.EVAL_NOISE
    noisy = noise.corrupt(split.x_test, kind, level, seed=evaluation.EVAL_NOISE_SEED)
    outputs = {"noisy input": noisy, "PCA-50 projection": basis.reconstruct(noisy, 50),
               "plain autoencoder d=30": generative.apply(pretrained.load("ae_mnist_d30").model, noisy),
               "denoising autoencoder d=30": generative.apply(pretrained.load("dae_mnist_d30").model, noisy)}
    print(f"\nPSNR at {kind} σ = {level} (clipped to [0, 1]), 2,000 test images:")
    for name, images in outputs.items():
        print(f"  {name:28} {metrics.psnr(split.x_test, images):6.2f} dB")


def section_epoch() -> None:
    """A fresh model per run, as the training page builds one per click; the first epoch also traces
    the training graph, so it is reported apart from the steady epochs after it."""
    import keras

    from core import training

    split = data.load("mnist")
    recipe = pretrained.Recipe("live", "mnist", 10, hidden=(256, 128), learning_rate=1e-3, cosine_decay=False,
                               batch_size=128)
    test = (split.x_test, split.x_test)
    bridge_totals, plain_totals, first, steady = [], [], [], []
    for repeat in range(RUNS):
        model = pretrained.build(recipe).model
        started = time.perf_counter()
        outcome = training.fit(model, split.x_train, split.x_train, loss=recipe.loss, epochs=EPOCHS, learning_rate=1e-3,
                               batch_size=128, test=test, seed=repeat)
        bridge_totals.append(time.perf_counter() - started)
        first.append(outcome.epochs[0].seconds)
        steady += [epoch.seconds for epoch in outcome.epochs[1:]]
        model = pretrained.build(recipe).model
        keras.utils.set_random_seed(repeat)
        model.compile(optimizer=keras.optimizers.Adam(1e-3), loss=recipe.loss)
        started = time.perf_counter()
        model.fit(split.x_train, split.x_train, batch_size=128, epochs=EPOCHS, validation_data=test, verbose=0)
        plain_totals.append(time.perf_counter() - started)
    median = statistics.median
    per_epoch = median(bridge_totals) / EPOCHS
    print(f"default MLP (256-128-10), 8,000 images, batch 128, test loss every epoch; {RUNS} fresh models × {EPOCHS} epochs:")
    print(f"  core.training.fit: {per_epoch:.2f} s per epoch on average; target ≤ 1.5 s: "
          f"{'met' if per_epoch <= 1.5 else 'MISSED'}")
    print(f"    first epoch (with graph tracing) median {median(first):.2f} s, later epochs median {median(steady):.2f} s")
    print(f"  plain model.fit:   {median(plain_totals) / EPOCHS:.2f} s per epoch;  ratio bridge / plain "
          f"{median(bridge_totals) / median(plain_totals):.2f}")


def _rescore(name: str, split) -> dict:
    model = pretrained.load(name)
    return pretrained.evaluate(model.recipe, model, split)


def section_vae() -> None:
    split = data.load("mnist")
    print(f"{'model':22} {'hidden':16} {'β':>4} {'−ELBO':>8} {'recon':>8} {'KL':>7}")
    for name in [pretrained.vae_name(2), pretrained.vae_name(20), *map(pretrained.beta_name, pretrained.BETAS)]:
        scores, recipe = _rescore(name, split), pretrained.RECIPES[name]
        print(f"{name:22} {'-'.join(map(str, recipe.hidden)):16} {recipe.beta:4g} {scores['test_neg_elbo']:8.2f} "
              f"{scores['test_reconstruction']:8.2f} {scores['test_kl']:7.2f}")
    print("bars: d = 2 ≤ 152 (aim 147), d = 20 ≤ 110 (aim 105)")


def section_cvae() -> None:
    split = data.load("mnist")
    print(f"classifier test accuracy: {_rescore(evaluation.CLASSIFIER, split)['test_accuracy']:.4f} (bar ≥ 0.98)")
    scores = _rescore("cvae_mnist_d2", split)
    print("CVAE samples recognised as the requested label (200 per label; bar ≥ 0.95):")
    print("  " + "  ".join(f"{label}: {scores[f'sample_accuracy_{label}']:.3f}" for label in range(10)))
    print(f"  mean {scores['sample_accuracy']:.3f}; test −ELBO {scores['test_neg_elbo']:.2f} "
          f"(reconstruction {scores['test_reconstruction']:.2f} + KL {scores['test_kl']:.2f})")


def section_aae() -> None:
    from core import priors

    split = data.load("mnist")
    print(f"{'prior':18} {'codes vs prior':>15} {'prior vs prior':>15} {'reconstruction':>15} {'own component':>14}")
    for prior in priors.PRIORS:
        scores = _rescore(pretrained.aae_name(prior), split)
        agreement = scores.get("component_agreement")
        print(f"{prior:18} {scores['prior_energy_distance']:15.4f} {scores['reference_energy_distance']:15.4f} "
              f"{scores['test_reconstruction']:15.2f} {'—' if agreement is None else f'{agreement:.3f}':>14}")


def section_vae_epoch() -> None:
    """Fresh models of the live page's default recipe, as a click on Train builds one: a one-epoch
    run as a whole (what a viewer waits for), and the epochs of five-epoch runs."""
    split = data.load("mnist")
    recipe = pretrained.Recipe("live", "mnist", 2, family="vae", hidden=(256, 128, 64), epochs=EPOCHS,
                               learning_rate=1e-3, cosine_decay=False, seed=2017)
    pretrained.train(replace(recipe, epochs=1), split)  # TensorFlow's one-off start-up, not timed
    single, first, steady = [], [], []
    for _ in range(RUNS):
        started = time.perf_counter()
        pretrained.train(replace(recipe, epochs=1), split)
        single.append(time.perf_counter() - started)
        _, outcome, _ = pretrained.train(recipe, split)
        first.append(outcome.epochs[0].seconds)
        steady += [epoch.seconds for epoch in outcome.epochs[1:]]
    median = statistics.median
    print(f"2-D VAE (256-128-64), 8,000 images, batch {recipe.batch_size}, test terms every epoch, {RUNS} fresh models:")
    print(f"  a one-epoch run, click to done: median {median(single):.2f} s (of {', '.join(f'{s:.2f}' for s in single)})")
    print(f"  {EPOCHS}-epoch runs: first epoch (with graph tracing) median {median(first):.2f} s, "
          f"later epochs median {median(steady):.2f} s; target ≤ 1.5 s per epoch: "
          f"{'met' if median(steady) <= 1.5 else 'MISSED'} after the first")


def section_gan() -> None:
    from core import sample_quality

    split = data.load("mnist")
    judge = sample_quality.judge(pretrained.load(evaluation.CLASSIFIER).model, split)
    rows = {"test images": sample_quality.real_scores(judge, split)}
    for name in (pretrained.vae_name(2), pretrained.vae_name(20), pretrained.GAN_NAME):
        model = pretrained.load(name)
        z = np.random.default_rng(evaluation.EVAL_SEED).standard_normal((sample_quality.SAMPLES, model.recipe.code_size))
        rows[name] = sample_quality.scores(judge, generative.decode(model.generator or model.decoder, z))
    print(f"{'samples of':14} {'score':>12} {'digit shares':>14} {'Fréchet':>8} {'sharpness':>9} {'nearest':>8}")
    for name, f in rows.items():
        shares = [f[f"digit_share_{d}"] for d in range(10)]
        print(f"{name:14} {f['classifier_score']:6.3f} ± {f['classifier_score_std']:.3f} {min(shares):6.1%}–{max(shares):6.1%} "
              f"{f['frechet_distance']:8.2f} {f['sharpness']:9.4f} {f['nearest_train_median']:8.3f}")
    print("  test images: all 2,000 in 2 splits of 1,000 (the samples' split size); their Fréchet distance is the "
          "training split's to the test split (the floor)")
    print("bars: GAN score ≥ 9.0 (aim 9.5); every digit 6–14 %; GAN Fréchet < 20-D VAE's; GAN nearest ≥ test images'")
    scores = _rescore(pretrained.CGAN_NAME, split)
    print("conditional GAN samples read as the requested label (200 per label; bar ≥ 0.95):")
    print("  " + "  ".join(f"{label}: {scores[f'sample_accuracy_{label}']:.3f}" for label in range(10)))
    print(f"  its score {scores['classifier_score']:.3f}, Fréchet distance {scores['frechet_distance']:.2f}")


def section_gan_epoch() -> None:
    """Fresh models of the live GAN page's defaults with its per-epoch work (ui.gan_training: the
    grid and 500 samples classified), timed from one epoch's end to the next, that work included."""
    split = data.load("mnist")
    classifier = pretrained.load(evaluation.CLASSIFIER).model
    recipe = pretrained.LIVE_GAN
    watched = np.random.default_rng(1).standard_normal((500, recipe.code_size)).astype(np.float32)
    pretrained.train(replace(recipe, epochs=1), split)  # TensorFlow's one-off start-up, not timed
    first, steady = [], []
    for _ in range(RUNS):
        parts, stamps = pretrained.build(recipe), [time.perf_counter()]

        def watch(epoch, parts=parts, stamps=stamps):
            generative.classify(classifier, generative.decode(parts.generator, watched))
            stamps.append(time.perf_counter())

        pretrained.train(recipe, split, on_epoch_end=watch, parts=parts)
        cycles = np.diff(stamps)
        first.append(cycles[0])
        steady += list(cycles[1:])
    median = statistics.median
    print(f"live GAN G {recipe.hidden}, D {recipe.discriminator_hidden}, 8,000 images, batch {recipe.batch_size}, "
          f"{RUNS} fresh models of {recipe.epochs} epochs, from one epoch's end to the next:")
    print(f"  first epoch (with graph tracing) median {median(first):.2f} s, later epochs median {median(steady):.2f} s "
          f"(max {max(steady):.2f} s); target ≤ 3 s per epoch after the first: {'met' if max(steady) <= 3 else 'MISSED'}")


SECTIONS = {"quality": section_quality, "epoch": section_epoch, "vae": section_vae, "cvae": section_cvae,
            "aae": section_aae, "vae-epoch": section_vae_epoch, "gan": section_gan, "gan-epoch": section_gan_epoch}

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="+", choices=list(SECTIONS), default=list(SECTIONS))
    for name in parser.parse_args().only:
        print(f"== {name}", flush=True)
        SECTIONS[name]()
