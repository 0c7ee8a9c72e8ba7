"""The lecturer's 1-D GAN: the theory on the bins (D*, V, JSD), D trained against a fixed G
approaching D*, and reproducibility from the seed."""

import math

import numpy as np
import pytest

from core import gan_1d


def test_theory_on_matching_densities():
    p = gan_1d.data_mass(gan_1d.Settings())
    optimal, value, optimal_value, jsd = gan_1d.theory(p, p, np.full_like(p, 0.5))
    assert np.allclose(optimal[p > 0], 0.5) and jsd == 0.0
    assert math.isclose(optimal_value, -math.log(4)) and math.isclose(value, -math.log(4) * p.sum() / 1.0, rel_tol=1e-9)


def test_theory_identity_v_at_d_star():
    """V(D*, G) computed directly from D* equals −log 4 + 2·JSD."""
    rng = np.random.default_rng(0)
    p, q = rng.random(20), rng.random(20)
    p[3], q[7] = 0.0, 0.0
    p, q = p / p.sum(), q / q.sum()
    optimal, _, optimal_value, jsd = gan_1d.theory(p, q, np.full(20, 0.5))
    _, direct, _, _ = gan_1d.theory(p, q, np.nan_to_num(optimal, nan=0.5))
    assert math.isclose(direct, optimal_value, rel_tol=1e-9) and 0 < jsd < math.log(2)


def test_disjoint_densities_reach_log_two():
    p, q = np.array([1.0, 0.0]), np.array([0.0, 1.0])
    assert math.isclose(gan_1d.theory(p, q, np.array([0.5, 0.5]))[3], math.log(2))


def test_pretrain_targets_are_scaled_histograms():
    inputs, targets = gan_1d.pretrain_targets(gan_1d.Settings(pretrain_steps=3))
    assert inputs.shape == targets.shape == (3, gan_1d.PRETRAIN_BINS)
    assert np.allclose(targets.min(axis=1), 0) and np.allclose(targets.max(axis=1), 1)


@pytest.fixture(scope="module")
def short_run():
    return gan_1d.run(gan_1d.Settings(iterations=600, pretrain_steps=300, seed=1))


def test_training_d_alone_approaches_d_star(short_run):
    """With G fixed, V(D, G) rises towards its maximum over D, V(D*, G), and never passes it."""
    gaps = [short_run.d_only[k].optimal_value - short_run.d_only[k].value for k in gan_1d.D_ONLY_CHECKPOINTS]
    assert min(gaps) >= 0, gaps
    assert gaps[-1] < 0.5 * gaps[0], gaps
    # G did not move: its density is the same in every D-only snapshot.
    assert all(np.array_equal(s.generated_density, short_run.trained.generated_density) for s in short_run.d_only.values())


def test_the_run_is_a_function_of_its_settings(short_run):
    again = gan_1d.run(gan_1d.Settings(iterations=600, pretrain_steps=300, seed=1))
    assert np.array_equal(again.losses, short_run.losses, equal_nan=True)
    assert np.array_equal(again.trained.discriminator, short_run.trained.discriminator)


def test_pretraining_raises_d_where_the_data_is(short_run):
    x = gan_1d.curve_x()
    d = short_run.pretrained.discriminator
    before = short_run.initial.discriminator
    at_data, far = np.argmin(np.abs(x)), np.argmin(np.abs(x - 4))
    assert d[at_data] > 0.5 and d[far] < 0.1 and d[at_data] - d[far] > before[at_data] - before[far]
