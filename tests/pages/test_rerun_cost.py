"""Streamlit's after-run clean-up must not reset Keras (it cost ~0.5 s per rerun, see docs/BENCHMARKS.md).

Streamlit calls keras.backend.clear_session() after every script run of every session once keras
is imported; clear_session() wipes Keras' global state and runs a full gc.collect(). ui/frame.py
removes that call. If it comes back (a Streamlit upgrade, a changed import), the probe attribute
below is wiped and this test fails.
"""

from keras.src.backend.common import global_state

from tests.conftest import open_page


def test_a_rerun_leaves_keras_global_state_alone():
    app = open_page("pages/2_sigmoid_neuron.py")
    global_state.set_global_attribute("lecture_rerun_probe", "kept")
    app.slider(key="neuron_w0").set_value(1.0).run()
    assert not app.exception
    assert global_state.get_global_attribute("lecture_rerun_probe") == "kept"


def test_streamlits_own_clean_up_would_have_wiped_it():
    # The control: the original function really does reset Keras, so the test above can fail.
    import keras

    global_state.set_global_attribute("lecture_rerun_probe", "kept")
    keras.backend.clear_session(free_memory=False)
    assert global_state.get_global_attribute("lecture_rerun_probe") is None
