"""Adversarial autoencoder (lecture, chapter 4; Makhzani et al., "Adversarial Autoencoders", 2016).

A deterministic encoder z = f_φ(x), a decoder x̂ = g_θ(z) (Bernoulli pixel probabilities) and a
discriminator D_ψ(z) (one logit: "is z a prior sample?"). Where a VAE pulls q(z | x) towards
N(0, I) with a closed-form KL, the AAE makes the aggregated posterior q(z) = E_x[q(z | x)] match
the prior p(z) adversarially, so any prior one can sample works (core/priors.py: normal,
mixture of 10 Gaussians, swiss roll). Every batch runs the paper's three phases:

    (a) reconstruction      φ, θ ← minimise  L_rec = mean_x Σ_i BCE(x_i, x̂_i)        (nats per image)
    (b) regularisation, D   ψ    ← minimise  L_D = ½ [ mean_{z'~p} softplus(−D(z'))      (label 1)
                                                    + mean_x   softplus( D(f(x)))  ]  (label 0)
    (c) regularisation, G   φ    ← minimise  L_G = mean_x softplus(−D(f(x)))          (label 1)

softplus(−l) = −log σ(l) is binary cross-entropy with logits for label 1, softplus(l) for label 0.

With `label_informed` (the paper's Sec. 2.3 and Fig. 4b, and the lecture's own experiment), D also
sees a one-hot class: the component of each prior sample (which of the 10 Gaussians, which tenth
of the swiss roll) and the digit of each image. D then asks "is this a plausible code *for this
digit*?", so the encoder has to put each digit into its own part of the prior. Without it, a
2-D code trained on 8,000 images fills a blurred disc instead of ten clusters or a spiral
(docs/BENCHMARKS.md); the normal prior, which has no components, is matched well without it.
(c) is the non-saturating generator loss (Goodfellow et al., 2014): it asks the encoder to make
D say "prior", rather than minimising D's success, whose gradient vanishes when D wins. L_D and
L_G are per sample, so a discriminator that cannot tell the two apart sits at log 2 ≈ 0.693.

Optimizers: `compile(optimizer=...)` (core.training passes one Adam) gives the optimizer of
phase (a); compile then makes phases (b) and (c) each their own copy of it (same class, learning
rate and schedule, fresh moment estimates). Adam's moments belong to one loss: the encoder gets
gradients from two losses, and one optimizer cannot serve two variable lists. Each phase runs
once per batch, all three at the same learning rate.

As a family (core/models/__init__.py): `build_parts`, `fit_arguments` and `evaluate` at the end.
"""

from __future__ import annotations

import keras
from keras import layers, ops

from core import evaluation, generative, priors
from core.data import CLASSES, IMAGE_SHAPE
from core.models import Parts
from core.models.blocks import bernoulli_nll, check_code_size, check_hidden, decoder_stack, dense, encoder_stack


def build_encoder(latent_dim: int, hidden: tuple[int, ...], seed: int) -> keras.Model:
    """x (28×28) → z (linear code)."""
    images = keras.Input(shape=IMAGE_SHAPE, name="image")
    x = encoder_stack(layers.Flatten(name="flatten")(images), hidden, seed)
    return keras.Model(images, dense(latent_dim, None, "code", seed + 100)(x), name="aae_encoder")


def build_decoder(latent_dim: int, hidden: tuple[int, ...], seed: int) -> keras.Model:
    """z → pixel probabilities x̂ (28×28)."""
    code = keras.Input(shape=(latent_dim,), name="code_input")
    return keras.Model(code, decoder_stack(code, hidden, seed), name="aae_decoder")


def build_discriminator(latent_dim: int, hidden: tuple[int, ...], seed: int, label_informed: bool = False) -> keras.Model:
    """z (and, label-informed, a one-hot class) → one logit, high for "drawn from the prior"."""
    code = keras.Input(shape=(latent_dim,), name="code_input")
    inputs, y = [code], code
    if label_informed:
        label = keras.Input(shape=(CLASSES,), name="label")
        inputs.append(label)
        y = layers.Concatenate(name="with_label")([code, label])
    for index, units in enumerate(hidden, start=1):
        y = dense(units, "relu", f"discriminator_{index}", seed + 400 + index)(y)
    return keras.Model(inputs if label_informed else code, dense(1, None, "logit", seed + 500)(y),
                       name="aae_discriminator")


def _copy(optimizer: keras.optimizers.Optimizer, name: str) -> keras.optimizers.Optimizer:
    """A fresh optimizer of the same class and settings (a learning-rate schedule included)."""
    config = optimizer.get_config()
    config["name"] = name
    return optimizer.__class__.from_config(config)


class AAE(keras.Model):
    """Encoder, decoder and discriminator, trained per batch in the three phases above; `fit(x)`."""

    def __init__(self, encoder, decoder, discriminator, prior: str = "normal", label_informed: bool = False,
                 seed: int = 0, **kwargs):
        super().__init__(**kwargs)
        self.encoder, self.decoder, self.discriminator = encoder, decoder, discriminator
        self.prior, self.latent_dim, self.label_informed = prior, encoder.output.shape[-1], label_informed
        self.seed_generator = keras.random.SeedGenerator(seed)  # the prior samples of phase (b)
        self.reconstruction_optimizer = self.discriminator_optimizer = self.generator_optimizer = None
        self.loss_tracker = keras.metrics.Mean(name="loss")
        self.reconstruction_loss_tracker = keras.metrics.Mean(name="reconstruction_loss")
        self.discriminator_loss_tracker = keras.metrics.Mean(name="discriminator_loss")
        self.generator_loss_tracker = keras.metrics.Mean(name="generator_loss")

    @property
    def metrics(self):
        return [self.loss_tracker, self.reconstruction_loss_tracker,
                self.discriminator_loss_tracker, self.generator_loss_tracker]

    def compile(self, optimizer="adam", **kwargs):
        """`optimizer` drives phase (a); phases (b) and (c) get their own copies of it."""
        super().compile(optimizer=optimizer, **kwargs)
        self.reconstruction_optimizer = self.optimizer
        self.discriminator_optimizer = _copy(self.optimizer, "discriminator_optimizer")
        self.generator_optimizer = _copy(self.optimizer, "generator_optimizer")
        # built here, outside the traced train step, so their slots are made once
        self.discriminator_optimizer.build(self.discriminator.trainable_variables)
        self.generator_optimizer.build(self.encoder.trainable_variables)

    def _split(self, data):
        """(images, one-hot labels or None) from what fit passes: x, (x,) or, label-informed, ([x, one-hot],)."""
        inputs = data[0] if isinstance(data, tuple) else data
        if self.label_informed:
            images, labels = inputs
            return images, labels
        return inputs, None

    def _judge(self, codes, labels):
        return self.discriminator([codes, labels] if self.label_informed else codes)

    def reconstruction_loss(self, images):
        return ops.mean(bernoulli_nll(images, self.decoder(self.encoder(images))))

    def discriminator_loss(self, codes, labels=None):
        """½ [BCE(D(z'), 1) + BCE(D(f(x)), 0)], z' drawn from the prior (with its component as the
        class, label-informed), per sample."""
        prior_codes, component = priors.sample_tensor(self.prior, ops.shape(codes)[0], self.seed_generator,
                                                      self.latent_dim)
        on_prior = ops.mean(ops.softplus(-self._judge(prior_codes, ops.one_hot(component, CLASSES))))
        on_codes = ops.mean(ops.softplus(self._judge(codes, labels)))
        return 0.5 * (on_prior + on_codes)

    def generator_loss(self, codes, labels=None):
        """BCE(D(f(x)), 1): the encoder is rewarded when D takes its codes for prior samples."""
        return ops.mean(ops.softplus(-self._judge(codes, labels)))

    @staticmethod
    def _step(tape, loss, optimizer, variables):
        gradients = tape.gradient(loss, variables)
        optimizer.apply_gradients(zip(gradients, variables, strict=True))

    def train_step(self, data):
        import tensorflow as tf  # the TensorFlow backend's gradient tape

        images, labels = self._split(data)
        autoencoder_variables = self.encoder.trainable_variables + self.decoder.trainable_variables
        with tf.GradientTape() as tape:  # (a) reconstruction
            reconstruction = self.reconstruction_loss(images)
        self._step(tape, reconstruction, self.reconstruction_optimizer, autoencoder_variables)

        codes = self.encoder(images)  # after (a), as in the paper; fixed while D learns
        with tf.GradientTape() as tape:  # (b) regularisation: the discriminator
            discriminator = self.discriminator_loss(ops.stop_gradient(codes), labels)
        self._step(tape, discriminator, self.discriminator_optimizer, self.discriminator.trainable_variables)

        with tf.GradientTape() as tape:  # (c) regularisation: the encoder as generator
            generator = self.generator_loss(self.encoder(images), labels)
        self._step(tape, generator, self.generator_optimizer, self.encoder.trainable_variables)
        return self._record(reconstruction, discriminator, generator)

    def test_step(self, data):
        images, labels = self._split(data)
        codes = self.encoder(images)
        return self._record(self.reconstruction_loss(images), self.discriminator_loss(codes, labels),
                            self.generator_loss(codes, labels))

    def _record(self, reconstruction, discriminator, generator):
        self.loss_tracker.update_state(reconstruction)  # "loss" is what core.training reports
        self.reconstruction_loss_tracker.update_state(reconstruction)
        self.discriminator_loss_tracker.update_state(discriminator)
        self.generator_loss_tracker.update_state(generator)
        return {metric.name: metric.result() for metric in self.metrics}

    def call(self, images, training=False):
        """The reconstruction x̂ = g(f(x)) (the labels are not needed for it)."""
        return self.decoder(self.encoder(images, training=training), training=training)


def build(latent_dim: int = 2, hidden: tuple[int, ...] = (512, 256), prior: str = "normal", seed: int = 0,
          discriminator_hidden: tuple[int, ...] = (256, 256), label_informed: bool = False) -> AAE:
    """An AAE ready to compile; built, so its weights can be saved before any training.
    The mixture and swiss-roll priors are 2-D; the normal prior takes any latent_dim. A
    label-informed AAE is trained with `fit([images, one-hot labels])`."""
    check_code_size(latent_dim)
    for sizes in (hidden, discriminator_hidden):
        check_hidden(sizes)
    priors.check(prior, dimensions=latent_dim)
    if label_informed and prior == "normal":
        raise ValueError("the normal prior has no components to inform the discriminator with")
    model = AAE(build_encoder(latent_dim, hidden, seed), build_decoder(latent_dim, hidden, seed),
                build_discriminator(latent_dim, discriminator_hidden, seed, label_informed), prior=prior,
                label_informed=label_informed, seed=seed, name="aae")
    model.build(None)  # a custom train_step model is not "built" by fit; save_weights needs it
    return model


# --- the family -----------------------------------------------------------------------------

def label_informed(recipe) -> bool:
    """A prior with components (10 Gaussians, the swiss roll's tenths) is matched label-informed."""
    return recipe.prior != "normal"


def build_parts(recipe) -> Parts:
    model = build(recipe.code_size, recipe.hidden, prior=recipe.prior, seed=recipe.seed,
                  discriminator_hidden=recipe.discriminator_hidden, label_informed=label_informed(recipe))
    return Parts(model=model, encoder=model.encoder, decoder=model.decoder, discriminator=model.discriminator)


def fit_arguments(recipe, parts: Parts, split) -> dict:
    """The model's own train_step (loss None) on the images, beside their one-hot digits when
    label-informed; diverged above the autoencoders' bound in nats per image."""
    def inputs(images, labels):
        return [images, generative.one_hot(labels)] if label_informed(recipe) else images

    return dict(model=parts.model, x=inputs(split.x_train, split.y_train), y=None,
                test=(inputs(split.x_test, split.y_test),), loss=None,
                diverge_above=evaluation.DIVERGED_LOSS * split.x_train[0].size)


def evaluate(recipe, parts: Parts, split) -> dict[str, float]:
    """Reconstruction in nats per test image, and the energy distance between the test codes and
    the prior (core.generative.prior_match)."""
    reconstruction = generative.bernoulli_nll(split.x_test, generative.apply(parts.model, split.x_test))
    return {"test_reconstruction": float(reconstruction.mean()),
            **generative.prior_match(parts.encoder, split.x_test, recipe.prior, seed=evaluation.EVAL_SEED,
                                     labels=split.y_test if label_informed(recipe) else None)}
