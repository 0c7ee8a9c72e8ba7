"""Cached loaders: one copy per server, rebuilt from assets/ whenever the cache is cleared."""

from __future__ import annotations

import numpy as np
import streamlit as st

from core import data, evaluation, gan_1d, gan_history, gan_runs, generative, pretrained, toy_data
from ui.i18n import t


def show_asset_error(error: data.AssetError) -> None:
    """A missing or altered bundled file, named with the checksum it should have."""
    problem = t("error.asset_missing") if error.missing else t("error.asset_altered")
    st.error(t("error.asset", file=error.path.name, problem=problem, sha256=error.expected_sha256))


@st.cache_data(show_spinner=False, max_entries=4)
def _split(name: str) -> data.Split:
    return data.load(name)


def dataset(name: str = "mnist") -> data.Split:
    """The shared train/test split; a missing or altered file stops the page with a clear message."""
    try:
        return _split(name)
    except data.AssetError as error:
        show_asset_error(error)
        st.stop()


@st.cache_resource(show_spinner=False)
def _full_mnist() -> data.Split | None:
    """Downloaded once per server; None when the download failed (kept until the cache is cleared)."""
    try:
        return data.load_full_mnist()
    except data.DataUnavailableError:
        return None


def mnist(key: str) -> tuple[data.Split, str]:
    """The bundled MNIST, or the full 70,000 images if the viewer opts in with the sidebar toggle
    `key` (a download, so it needs a network once). Offline, a warning and the bundled set."""
    if st.sidebar.toggle(t("data.full_mnist"), key=key, bind="query-params", help=t("data.full_mnist_help")):
        with st.spinner(t("data.downloading")):
            full = _full_mnist()
        if full is not None:
            return full, "full"
        st.warning(t("data.full_mnist_offline"))
    return dataset("mnist"), "bundled"


@st.cache_resource(show_spinner=False, max_entries=16)
def _pretrained(name: str) -> pretrained.Pretrained:
    return pretrained.load(name)


def pretrained_model(name: str) -> pretrained.Pretrained:
    """A bundled model, one shared copy per server (never trained: user models live in the session).
    A missing, altered or unlisted file stops the page with a clear message."""
    try:
        with st.spinner(t("model.loading")):
            return _pretrained(name)
    except data.AssetError as error:
        show_asset_error(error)
    except pretrained.ManifestError:
        st.error(t("error.manifest", file=pretrained.MANIFEST_PATH.name))
    st.stop()


@st.cache_data(show_spinner=False, max_entries=16)
def _test_codes(name: str) -> np.ndarray:
    model = _pretrained(name)
    split = _split(model.recipe.dataset)
    return generative.test_codes(model.recipe.family, model.encoder, split.x_test, split.y_test)


def test_codes(name: str) -> np.ndarray:
    """Where a bundled model puts each test image (a VAE: the mean μ), computed once per server."""
    pretrained_model(name)  # a missing or altered file stops the page with its message first
    return _test_codes(name)


@st.cache_resource(show_spinner=False, max_entries=4)
def pca_basis(name: str):
    """PCA (50 directions) of a data set's training split, fitted once per server."""
    from core import manifold

    return manifold.fit_pca(_split(name).x_train)  # the page has called dataset(name) first


@st.cache_data(show_spinner=False, max_entries=4)
def _bundled_maps(name: str):
    from core import maps

    return maps.load_bundle(name)


def bundled_maps(name: str):
    """The precomputed PCA, t-SNE and Isomap maps of a data set (core.maps.BUNDLE); a missing or
    altered file stops the page with a message naming it and its checksum."""
    try:
        return _bundled_maps(name)
    except data.AssetError as error:
        show_asset_error(error)
        st.stop()


def class_names(name: str) -> list[str]:
    """Label names in the viewer's language: digits for MNIST, garment names for Fashion-MNIST."""
    return [str(digit) for digit in range(10)] if name == "mnist" else t("data.class.fashion").split("|")


def dataset_choice(key: str, defaults: dict) -> str:
    """The sidebar's data-set radio; the URL holds the data set's id ("mnist", "fashion")."""
    from ui import controls

    return controls.radio(key, defaults, "data.choice", list(data.DATASETS), "data.name")


@st.cache_data(show_spinner=False, max_entries=1)
def _manifest() -> dict | None:
    try:
        return pretrained.read_manifest()
    except pretrained.ManifestError:
        return None


def manifest_entry(name: str) -> dict:
    """A bundled model's manifest entry ({} when it is not listed)."""
    return (_manifest() or {}).get("models", {}).get(name) or {}


@st.cache_resource(show_spinner=False, max_entries=64)
def gan_1d_run(settings: gan_1d.Settings) -> gan_1d.Result:
    """The 1-D GAN is a pure function of its settings: trained once per server and shared (read only)."""
    return gan_1d.run(settings)


@st.cache_data(show_spinner=False, max_entries=64)
def gan_1d_data_mass(settings: gan_1d.Settings) -> np.ndarray:
    return gan_1d.data_mass(settings)


@st.cache_resource(show_spinner=False)
def toy_data_set(name: str) -> toy_data.Mixture:
    return toy_data.BUILDERS[name]()


@st.cache_resource(show_spinner=False)
def toy_real_samples(name: str) -> np.ndarray:
    """A fixed draw of real samples to draw beside a bundled run."""
    return toy_data.sample(toy_data_set(name), 2_500, np.random.default_rng(0))


@st.cache_resource(show_spinner=False, max_entries=8)
def _gan_trajectory(name: str) -> gan_runs.Trajectory:
    return gan_runs.load(name)


def gan_trajectory(name: str) -> gan_runs.Trajectory:
    """A bundled GAN-lab run; a missing, altered or unlisted file stops the page with a clear message."""
    try:
        return _gan_trajectory(name)
    except data.AssetError as error:
        show_asset_error(error)
    except gan_runs.ManifestError:
        st.error(t("error.gan_manifest", file=gan_runs.MANIFEST))
    st.stop()


@st.cache_resource(show_spinner=False, max_entries=2)
def _gan_history(name: str) -> gan_history.History:
    entry = manifest_entry(name)
    return gan_history.load(pretrained.MODEL_DIR / entry["history_file"], entry["history_sha256"])


def gan_training_history(name: str) -> gan_history.History | None:
    """A bundled GAN's training as pictures and figures per epoch; a missing or altered file shows
    its message and returns None (the rest of the page still draws)."""
    try:
        return _gan_history(name)
    except data.AssetError as error:
        show_asset_error(error)
    except KeyError:
        st.error(t("error.manifest", file=pretrained.MANIFEST_PATH.name))
    return None


@st.cache_resource(show_spinner=False, max_entries=1)
def _judge():
    from core import sample_quality

    return sample_quality.judge(_pretrained(evaluation.CLASSIFIER).model, _split("mnist"))


def generated_digits(name: str, count: int, seed: int) -> np.ndarray:
    """`count` samples z ~ N(0, I) of a bundled generative model (a VAE's decoder, a GAN's generator)."""
    model = pretrained_model(name)
    decoder = model.generator if model.generator is not None else model.decoder
    z = np.random.default_rng(seed).standard_normal((count, model.recipe.code_size)).astype(np.float32)
    return generative.decode(decoder, z)


@st.cache_data(show_spinner=False, max_entries=8)
def _sample_figures(name: str) -> dict[str, float]:
    from core import sample_quality

    return sample_quality.scores(_judge(), generated_digits(name, sample_quality.SAMPLES, evaluation.EVAL_SEED))


def sample_figures(name: str) -> dict[str, float]:
    """core.sample_quality's figures of 10,000 samples of a bundled model, computed once per server
    (the samples a GAN's manifest entry was scored on, so the figures are the same)."""
    pretrained_model(name)  # a missing or altered file stops the page with its message first
    pretrained_model(evaluation.CLASSIFIER)
    return _sample_figures(name)


@st.cache_data(show_spinner=False, max_entries=1)
def real_figures() -> dict[str, float]:
    """The same figures for the test images (the training split for the Fréchet distance: the floor)."""
    from core import sample_quality

    return sample_quality.real_scores(_judge(), _split("mnist"))
