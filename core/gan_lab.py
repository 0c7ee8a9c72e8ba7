"""The GAN lab: one viewer's GAN on 2-D data, trained a chunk at a time, and what a picture shows of it.

A `Lab` holds a generator, a discriminator (core.models.gan), their optimizers and a draw counter.
`train(n)` runs n iterations (D steps, then one G step) in one compiled TensorFlow graph: the
loops, the sampling of data and noise and the updates all stay in the graph, so a small GAN
trains at thousands of iterations per second where a Python loop of the same steps manages
tens (docs/BENCHMARKS.md). The graph is traced once per lab; learning rates, D steps per G step
and the batch size are graph inputs, so changing them mid-run costs nothing. Everything that
changes the networks' shapes (depths, widths, noise size, packing), the loss, the optimizers or
the seed makes a new lab.

`view()` is what the picture shows after any step, computed on fixed inputs so it moves only
when the networks do: 2,500 generated samples from one fixed noise draw, D's output on a grid
over the plane, the image of a grid of noise (the generator's manifold), the direction G's loss
pushes each of the first samples (−∇ₓ of G's loss through D), both losses on fixed real and
generated samples, PacGAN's mode figures (when the data has modes) and GAN Lab's grid KL and JS.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from core import metrics, toy_data

NOISES = ("uniform", "gaussian")
# The losses of core.models.gan, named here so that pages can list them without importing TensorFlow.
LOSSES = ("minimax", "non_saturating", "least_squares", "wasserstein_gp")
PROBABILITY_LOSSES = ("minimax", "non_saturating")  # D's output is a logit: D(x) = σ(logit)
OPTIMIZERS = ("sgd", "adam")
ADAM_BETA_1 = 0.5  # the usual GAN setting (Radford et al. 2016): momentum that lags less behind a moving target
EVALUATION_SAMPLES = metrics.MODE_SAMPLES
ARROWS = 300  # samples that carry an arrow (divisible by every packing, 1–4)
MESH_LINES = 20  # the noise grid is MESH_LINES × MESH_LINES (one line of MESH_LINES² points for 1-D noise)
GAUSSIAN_MESH_RANGE = 2.0  # a Gaussian noise grid spans ±2σ
MAX_PACKING = 4
DISCRIMINATOR_SEED_OFFSET = 1_000


@dataclass(frozen=True)
class Settings:
    """What decides a lab. The first group rebuilds the lab; the second changes a running one."""
    noise_dim: int = 2
    noise: str = "uniform"
    generator_depth: int = 2
    generator_width: int = 32
    discriminator_depth: int = 2
    discriminator_width: int = 32
    loss: str = "non_saturating"
    generator_optimizer: str = "adam"
    discriminator_optimizer: str = "adam"
    packing: int = 1
    seed: int = 0
    # applied to a running lab:
    generator_learning_rate: float = 1e-3
    discriminator_learning_rate: float = 1e-3
    discriminator_steps: int = 1
    batch: int = 150

    LIVE = ("generator_learning_rate", "discriminator_learning_rate", "discriminator_steps", "batch")

    def structure(self) -> tuple:
        return tuple(getattr(self, f.name) for f in fields(self) if f.name not in self.LIVE)

    def check(self) -> None:
        if self.noise not in NOISES or self.loss not in LOSSES or \
                {self.generator_optimizer, self.discriminator_optimizer} - set(OPTIMIZERS):
            raise ValueError(f"unknown choice in {self}")
        if not 1 <= self.packing <= MAX_PACKING:
            raise ValueError(f"packing must be 1–{MAX_PACKING}, got {self.packing}")
        if min(self.noise_dim, self.generator_width, self.discriminator_width, self.discriminator_steps,
               self.batch) < 1 or min(self.generator_depth, self.discriminator_depth) < 0:
            raise ValueError(f"sizes must be positive, got {self}")
        if not (self.generator_learning_rate > 0 and self.discriminator_learning_rate > 0):
            raise ValueError("learning rates must be positive")


@dataclass(frozen=True, eq=False)
class View:
    iteration: int
    samples: np.ndarray  # (EVALUATION_SAMPLES, 2) generated from the fixed noise
    field: np.ndarray  # (GRID_CELLS, GRID_CELLS) D's score at the cell centres, rows along y
    mesh: np.ndarray  # (lines, points, 2): G's image of the noise grid
    push: np.ndarray  # (ARROWS, 2): −∇ₓ G's loss at samples[:ARROWS]
    discriminator_loss: float
    generator_loss: float
    modes: metrics.ModeScore | None  # None for data without modes
    divergence: metrics.GridDivergence

    def figures(self) -> dict:
        """The view's numbers, one row of the charts over iterations."""
        row = {"iteration": self.iteration, "discriminator_loss": self.discriminator_loss,
               "generator_loss": self.generator_loss, "kl": self.divergence.kl, "js": self.divergence.js}
        if self.modes is not None:
            row |= {"modes": self.modes.modes, "high_quality": self.modes.high_quality,
                    "reverse_kl": self.modes.reverse_kl}
        return row


def cell_centres(limits: tuple) -> tuple[np.ndarray, np.ndarray]:
    return tuple(np.linspace(low, high, metrics.GRID_CELLS + 1)[:-1] + (high - low) / metrics.GRID_CELLS / 2
                 for low, high in limits)


def real_histogram(data: toy_data.Mixture) -> np.ndarray:
    """The data's exact mass per grid cell over the view, and outside it (as metrics.grid_histogram)."""
    edges = tuple(np.linspace(low, high, metrics.GRID_CELLS + 1) for low, high in data.limits)
    inside = toy_data.density_on_grid(data, edges).ravel()
    return np.append(inside, max(0.0, 1.0 - inside.sum()))


def noise_grid(settings: Settings) -> np.ndarray:
    """The noise points whose image is the generator's manifold, (lines, points, noise_dim)."""
    reach = 1.0 if settings.noise == "uniform" else GAUSSIAN_MESH_RANGE
    axis = np.linspace(-reach, reach, MESH_LINES, dtype=np.float32)
    if settings.noise_dim == 1:
        return np.linspace(-reach, reach, MESH_LINES ** 2, dtype=np.float32).reshape(1, -1, 1)
    grid = np.zeros((MESH_LINES, MESH_LINES, settings.noise_dim), np.float32)
    grid[..., 0], grid[..., 1] = np.meshgrid(axis, axis)
    return grid


class Lab:
    def __init__(self, settings: Settings, data: toy_data.Mixture):
        import tensorflow as tf  # the first lab of a process pays the import here
        from keras import optimizers

        from core.models import gan

        settings.check()
        self.settings, self.data, self.iteration = settings, data, 0
        dim, m = data.dimension, settings.packing
        self.generator = gan.mlp("generator", settings.noise_dim, dim, settings.generator_depth,
                                 settings.generator_width, settings.seed)
        self.discriminator = gan.mlp("discriminator", dim * m, 1, settings.discriminator_depth,
                                     settings.discriminator_width, settings.seed + DISCRIMINATOR_SEED_OFFSET)
        self.optimizers = {}
        for name, model in (("generator", self.generator), ("discriminator", self.discriminator)):
            kind = getattr(settings, f"{name}_optimizer")
            rate = getattr(settings, f"{name}_learning_rate")
            optimizer = optimizers.Adam(rate, beta_1=ADAM_BETA_1) if kind == "adam" else optimizers.SGD(rate)
            optimizer.build(model.trainable_variables)
            self.optimizers[name] = optimizer
        self._initial = [v.numpy() for v in self._variables()]
        self._graph = _Graph(self, gan, tf)
        rng = np.random.default_rng(settings.seed)
        self.real = toy_data.sample(data, EVALUATION_SAMPLES, rng)
        self._noise = self._graph.noise_numpy(rng, EVALUATION_SAMPLES)
        self._real_histogram = real_histogram(data)
        self._grid = np.stack(np.meshgrid(*cell_centres(data.limits)), axis=-1).reshape(-1, 2).astype(np.float32)
        self._mesh_noise = noise_grid(settings)

    def _variables(self) -> list:
        return [*self.generator.weights, *self.discriminator.weights,
                *self.optimizers["generator"].variables, *self.optimizers["discriminator"].variables]

    def apply_live(self, settings: Settings) -> None:
        """Take a running lab's new learning rates, D steps and batch size."""
        settings.check()
        if settings.structure() != self.settings.structure():
            raise ValueError("these settings need a new lab")
        self.settings = settings
        for name, optimizer in self.optimizers.items():
            optimizer.learning_rate = getattr(settings, f"{name}_learning_rate")

    def reset(self) -> None:
        """Back to the seed's initial weights and fresh optimizers, without tracing anew."""
        for variable, value in zip(self._variables(), self._initial, strict=True):
            variable.assign(value)
        self.apply_live(self.settings)
        self._graph.draws.assign(0)
        self.iteration = 0

    def train(self, iterations: int = 1, discriminator: bool = True, generator: bool = True) -> None:
        """`iterations` × (D steps, then one G step); Step D alone or Step G alone is one iteration
        with only that network's step."""
        d_steps = self.settings.discriminator_steps if discriminator else 0
        self._graph.run(iterations, d_steps, int(generator), self.settings.batch)
        self.iteration += iterations

    def weights(self) -> list[np.ndarray]:
        return [w.numpy() for w in [*self.generator.weights, *self.discriminator.weights]]

    def load_weights(self, weights: list[np.ndarray], iteration: int) -> None:
        """Continue from saved weights (fresh optimizer state)."""
        self.reset()
        for variable, value in zip([*self.generator.weights, *self.discriminator.weights], weights, strict=True):
            variable.assign(value)
        self.iteration = iteration
        self._graph.draws.assign(iteration * (self.settings.discriminator_steps + 1))

    def view(self) -> View:
        samples, field, mesh, push, losses = (a.numpy() for a in self._graph.view(
            self._noise, self.real, self._grid, self._mesh_noise))
        modes = metrics.mode_score(samples, self.data.centres, self.data.std) if self.data.has_modes else None
        divergence = metrics.grid_divergence(self._real_histogram, metrics.grid_histogram(samples, self.data.limits))
        cells = metrics.GRID_CELLS
        return View(self.iteration, samples, field.reshape(cells, cells), mesh, push,
                    float(losses[0]), float(losses[1]), modes, divergence)


class _Graph:
    """The lab's compiled functions (traced once each): training chunks and the view."""

    def __init__(self, lab: Lab, gan, tf):
        self.lab, self.gan, self.tf = lab, gan, tf
        self.draws = tf.Variable(0, dtype=tf.int64, trainable=False, name="draws")
        self.centres = tf.constant(lab.data.centres)
        self.std = tf.constant(lab.data.std)
        self.run_graph = tf.function(self._run, reduce_retracing=True)
        self.view = tf.function(self._view, reduce_retracing=True)

    def run(self, iterations: int, d_steps: int, g_steps: int, batch: int) -> None:
        tf = self.tf
        self.run_graph(tf.constant(iterations), tf.constant(d_steps), tf.constant(g_steps), tf.constant(batch))

    def noise_numpy(self, rng: np.random.Generator, n: int) -> np.ndarray:
        shape = (n, self.lab.settings.noise_dim)
        if self.lab.settings.noise == "uniform":
            return rng.uniform(-1.0, 1.0, shape).astype(np.float32)
        return rng.standard_normal(shape).astype(np.float32)

    def _seed(self, stream: int):
        tf = self.tf
        return tf.stack([tf.constant(self.lab.settings.seed, tf.int64), self.draws * 4 + stream])

    def _noise(self, n):
        tf, settings = self.tf, self.lab.settings
        shape = tf.stack([n, settings.noise_dim])
        if settings.noise == "uniform":
            return tf.random.stateless_uniform(shape, self._seed(0), -1.0, 1.0)
        return tf.random.stateless_normal(shape, self._seed(0))

    def _data(self, n):
        tf = self.tf
        index = tf.random.stateless_uniform([n], self._seed(1), 0, tf.shape(self.centres)[0], dtype=tf.int32)
        noise = tf.random.stateless_normal(tf.stack([n, tf.shape(self.centres)[1]]), self._seed(2))
        return tf.gather(self.centres, index) + tf.gather(self.std, index)[:, None] * noise

    def _pack(self, samples):
        m = self.lab.settings.packing
        return self.tf.reshape(samples, [-1, samples.shape[-1] * m])

    def _discriminator_step(self, batch):
        tf, gan, lab = self.tf, self.gan, self.lab
        n = batch * lab.settings.packing
        real, fake = self._pack(self._data(n)), self._pack(lab.generator(self._noise(n)))
        variables = lab.discriminator.trainable_variables
        with tf.GradientTape() as tape:
            loss = gan.discriminator_loss(lab.settings.loss, lab.discriminator(real), lab.discriminator(fake))
            if lab.settings.loss == "wasserstein_gp":
                loss += gan.gradient_penalty(lab.discriminator, real, fake,
                                             tf.random.stateless_uniform([tf.shape(real)[0], 1], self._seed(3)))
        lab.optimizers["discriminator"].apply(tape.gradient(loss, variables), variables)
        self.draws.assign_add(1)

    def _generator_step(self, batch):
        tf, gan, lab = self.tf, self.gan, self.lab
        variables = lab.generator.trainable_variables
        with tf.GradientTape() as tape:
            fake = self._pack(lab.generator(self._noise(batch * lab.settings.packing)))
            loss = gan.generator_loss(lab.settings.loss, lab.discriminator(fake))
        lab.optimizers["generator"].apply(tape.gradient(loss, variables), variables)
        self.draws.assign_add(1)

    def _run(self, iterations, d_steps, g_steps, batch):
        tf = self.tf
        for _ in tf.range(iterations):
            for _ in tf.range(d_steps):
                self._discriminator_step(batch)
            for _ in tf.range(g_steps):
                self._generator_step(batch)

    def _view(self, noise, real, grid, mesh_noise):
        tf, gan, lab = self.tf, self.gan, self.lab
        loss, m = lab.settings.loss, lab.settings.packing
        usable = EVALUATION_SAMPLES - EVALUATION_SAMPLES % m
        samples = lab.generator(noise)
        field = gan.score(loss, lab.discriminator(tf.tile(grid, [1, m])))  # D(x, …, x): x in every slot
        mesh = tf.reshape(lab.generator(tf.reshape(mesh_noise, [-1, mesh_noise.shape[-1]])),
                          tf.concat([tf.shape(mesh_noise)[:2], [-1]], axis=0))
        pushed = samples[:ARROWS]
        with tf.GradientTape() as tape:
            tape.watch(pushed)
            g_loss_arrows = gan.generator_loss(loss, lab.discriminator(self._pack(pushed)))
        push = -tape.gradient(g_loss_arrows, pushed)
        real_scores, fake_scores = lab.discriminator(self._pack(real[:usable])), lab.discriminator(self._pack(samples[:usable]))
        losses = tf.stack([gan.discriminator_loss(loss, real_scores, fake_scores), gan.generator_loss(loss, fake_scores)])
        return samples, field[:, 0], mesh, push, losses

