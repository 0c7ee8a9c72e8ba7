"""Undercomplete autoencoders (lecture, chapter 3), as Functional Keras models.

    x ∈ [0, 1]^784 → encoder f_φ → code z ∈ R^d → decoder g_θ → x̂ = g_θ(f_φ(x)) ∈ [0, 1]^784

The code is smaller than the input (d ≪ 784), so the network must keep what matters and drop
the rest: a nonlinear dimensionality reduction (Hinton & Salakhutdinov, Science 2006). Training
minimises the reconstruction loss; with pixel intensities read as Bernoulli probabilities the
negative log-likelihood is the summed binary cross-entropy
    L(x, x̂) = −Σ_i [x_i log x̂_i + (1 − x_i) log(1 − x̂_i)]
and with a Gaussian output it is the squared error (chapter 1, maximum-likelihood view).
Quality is reported as the mean squared error per pixel on the test split.

Every builder returns the named parts (encoder, decoder and the autoencoder as `model`) sharing
their layers, so a page can encode, decode a latent point, or reconstruct. Layers have fixed names
per architecture and seeded initializers (core/models/blocks.py).

As a family (core/models/__init__.py): `build_parts`, `fit_arguments` and `evaluate` below.
"""

from __future__ import annotations

import keras
from keras import layers

from core import evaluation, generative, metrics, noise
from core.data import IMAGE_SHAPE
from core.models import Parts
from core.models.blocks import check_code_size, check_hidden, decoder_stack, dense, encoder_stack

ARCHITECTURES = ("mlp", "conv")


def build_mlp(code_size: int = 2, hidden: tuple[int, ...] = (512, 256), seed: int = 0) -> Parts:
    """784 → hidden… → d (linear code) → …hidden → 784 (sigmoid); ReLU in between."""
    check_code_size(code_size)
    check_hidden(hidden)
    images = keras.Input(shape=IMAGE_SHAPE, name="image")
    x = encoder_stack(layers.Flatten(name="flatten")(images), hidden, seed)
    encoder = keras.Model(images, dense(code_size, None, "code", seed + 100)(x), name="mlp_encoder")
    code_input = keras.Input(shape=(code_size,), name="code_input")
    decoder = keras.Model(code_input, decoder_stack(code_input, hidden, seed), name="mlp_decoder")
    return Parts(model=keras.Model(images, decoder(encoder(images)), name="mlp_autoencoder"),
                 encoder=encoder, decoder=decoder)


def build_conv(code_size: int = 2, filters: tuple[int, int] = (32, 64), seed: int = 0) -> Parts:
    """Two strided 3×3 convolutions (28 → 14 → 7) and a dense code; the decoder mirrors them."""
    check_code_size(code_size)
    first, second = filters
    init = keras.initializers.GlorotUniform
    images = keras.Input(shape=IMAGE_SHAPE, name="image")
    x = layers.Reshape((*IMAGE_SHAPE, 1), name="add_channel")(images)
    x = layers.Conv2D(first, 3, strides=2, padding="same", activation="relu", name="conv_1",
                      kernel_initializer=init(seed=seed + 1))(x)
    x = layers.Conv2D(second, 3, strides=2, padding="same", activation="relu", name="conv_2",
                      kernel_initializer=init(seed=seed + 2))(x)
    code = dense(code_size, None, "code", seed + 100)(layers.Flatten(name="flatten")(x))
    encoder = keras.Model(images, code, name="conv_encoder")

    code_input = keras.Input(shape=(code_size,), name="code_input")
    y = dense(7 * 7 * second, "relu", "expand", seed + 201)(code_input)
    y = layers.Reshape((7, 7, second), name="to_maps")(y)
    y = layers.Conv2DTranspose(first, 3, strides=2, padding="same", activation="relu", name="deconv_1",
                               kernel_initializer=init(seed=seed + 202))(y)
    y = layers.Conv2DTranspose(1, 3, strides=2, padding="same", activation="sigmoid", name="deconv_2",
                               kernel_initializer=init(seed=seed + 203))(y)
    decoder = keras.Model(code_input, layers.Reshape(IMAGE_SHAPE, name="to_image")(y), name="conv_decoder")
    return Parts(model=keras.Model(images, decoder(encoder(images)), name="conv_autoencoder"),
                 encoder=encoder, decoder=decoder)


def build(architecture: str, code_size: int = 2, seed: int = 0) -> Parts:
    """The parts of the named architecture."""
    builders = {"mlp": build_mlp, "conv": build_conv}
    if architecture not in builders:
        raise ValueError(f"architecture must be one of {ARCHITECTURES}, got {architecture!r}")
    return builders[architecture](code_size=code_size, seed=seed)


class Corrupt(layers.Layer):
    """Corrupts its input while training and passes it through unchanged otherwise.

    The denoising autoencoder's q(x̃ | x) (core/noise.py has the same three kinds in NumPy for
    the pages). Drawing fresh noise on every batch, inside the model, lets plain `fit` train a
    denoising autoencoder: the training pairs are (x, x) and the layer makes x̃ on the fly.
    """

    def __init__(self, kind: str, level: float, seed: int = 0, **kwargs):
        super().__init__(**kwargs)
        if kind not in ("gaussian", "salt_pepper", "masking"):
            raise ValueError(f"unknown noise kind {kind!r}")
        if not 0 <= level <= 1:
            raise ValueError(f"noise level must be in [0, 1], got {level!r}")
        self.kind, self.level = kind, float(level)
        self.seed_generator = keras.random.SeedGenerator(seed)

    def call(self, images, training=False):
        if not training or self.level == 0:
            return images
        ops = keras.ops
        if self.kind == "gaussian":
            noise = keras.random.normal(ops.shape(images), stddev=self.level, seed=self.seed_generator)
            return ops.clip(images + noise, 0.0, 1.0)
        hit = keras.random.uniform(ops.shape(images), seed=self.seed_generator) < self.level
        if self.kind == "masking":
            return ops.where(hit, 0.0, images)
        salt = ops.cast(keras.random.uniform(ops.shape(images), seed=self.seed_generator) < 0.5, images.dtype)
        return ops.where(hit, salt, images)


def denoising_trainer(autoencoder: keras.Model, kind: str, level: float, seed: int = 0) -> keras.Model:
    """The model to `fit` on (x, x) pairs: corrupt, then reconstruct. Its weights are the autoencoder's."""
    images = keras.Input(shape=IMAGE_SHAPE, name="clean_image")
    corrupted = Corrupt(kind, level, seed=seed, name="corrupt")(images)
    return keras.Model(images, autoencoder(corrupted), name="denoising_trainer")


# --- the family -----------------------------------------------------------------------------

def build_parts(recipe) -> Parts:
    if recipe.architecture == "mlp":
        return build_mlp(recipe.code_size, recipe.hidden, seed=recipe.seed)
    return build(recipe.architecture, recipe.code_size, seed=recipe.seed)


def fit_arguments(recipe, parts: Parts, split) -> dict:
    """Binary cross-entropy per pixel on (x, x) pairs. A denoising recipe trains through a
    corrupting layer, and its test loss is measured on the test split corrupted the same way (one
    fixed draw), so the two curves compare like with like."""
    model, test_inputs = parts.model, split.x_test
    if recipe.noise:
        model = denoising_trainer(model, recipe.noise, recipe.noise_level, seed=recipe.seed)
        test_inputs = noise.corrupt(split.x_test, recipe.noise, recipe.noise_level, seed=evaluation.EVAL_NOISE_SEED)
    return dict(model=model, x=split.x_train, y=split.x_train, test=(test_inputs, split.x_test),
                loss=recipe.loss, diverge_above=evaluation.DIVERGED_LOSS)


def evaluate(recipe, parts: Parts, split) -> dict[str, float]:
    """Test MSE per pixel, and the PSNR of the noisy inputs and of their reconstructions at the
    manifest's fixed noise (core.evaluation.EVAL_NOISE)."""
    kind, level = evaluation.EVAL_NOISE
    noisy = noise.corrupt(split.x_test, kind, level, seed=evaluation.EVAL_NOISE_SEED)
    return {"test_mse": metrics.mse(split.x_test, generative.apply(parts.model, split.x_test)),
            "noisy_input_psnr": metrics.psnr(split.x_test, noisy),
            "denoised_psnr": metrics.psnr(split.x_test, generative.apply(parts.model, noisy))}
