"""The home page and the app frame every page shares (language, presenter mode, navigation)."""

import subprocess
import sys
import tomllib

import pytest

from tests.conftest import ROOT, open_page
from ui.frame import CHAPTERS
from ui.lang import en, ko

CATALOGUES = {"ko": ko.STRINGS, "en": en.STRINGS}


@pytest.mark.parametrize("language", ["ko", "en"])
def test_home_is_the_lecture_map_with_a_link_to_every_page(language):
    app = open_page("streamlit_app.py", language)
    strings = CATALOGUES[language]
    assert not app.exception
    text = " ".join(m.value for m in app.markdown)
    for keyword in ("unsupervised", "manifold", "generative", "ml"):
        assert strings[f"home.kw.{keyword}"] in text
    for chapter_id, _ in CHAPTERS:
        assert strings[f"{chapter_id}.title"] in text
    links = [link.proto.label for link in app.get("page_link")]
    for _, pages in CHAPTERS:
        for page_id, _ in pages:
            # once in the sidebar navigation and once in the lecture map
            assert links.count(strings[f"{page_id}.title"]) == 2


def test_links_carry_language_and_presenter_mode():
    app = open_page("streamlit_app.py", "en", {"present": "true"})
    query_strings = {link.proto.query_string for link in app.get("page_link")}
    assert query_strings == {"lang=English&present=true"}


@pytest.mark.parametrize("query", [{"lang": "xx"}, {"lang": "nan", "present": "maybe"}, {"bogus": "1"}])
def test_tampered_frame_parameters_fall_back_to_korean(query):
    app = open_page("streamlit_app.py", query=query)
    assert not app.exception
    assert app.title[0].value == ko.STRINGS["frame.app_title"]
    assert app.toggle(key="present").value is False


def test_presenter_mode_collapses_explanations_and_enlarges_type():
    normal = open_page("pages/2_sigmoid_neuron.py")
    presenter = open_page("pages/2_sigmoid_neuron.py", query={"present": "true"})
    assert normal.expander[0].proto.expanded and not presenter.expander[0].proto.expanded
    def styles(app) -> str:
        return " ".join(m.value for m in app.markdown if "<style>" in m.value)

    assert "font-size: 22px" in styles(presenter)
    assert "font-size: 22px" not in styles(normal)


def test_server_config_suits_a_lecture_hall():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorDetails"] == "none"
    assert config["client"]["showSidebarNavigation"] is False
    assert config["client"]["toolbarMode"] == "viewer"
    assert config["server"]["runOnSave"] is False and config["server"]["fileWatcherType"] == "none"
    assert config["runner"]["postScriptGC"] is False


NUMPY_ONLY = ["streamlit_app.py", "pages/1_gradient_descent.py", "pages/2_sigmoid_neuron.py",
              "pages/4_maximum_likelihood.py"]


def test_home_and_numpy_pages_do_not_import_tensorflow():
    # A fresh interpreter: the test process itself has TensorFlow loaded by other tests.
    probe = f"""
import sys
from tests.conftest import open_page
for script in {NUMPY_ONLY!r}:
    app = open_page(script)
    assert not app.exception, script
loaded = sorted(m for m in ("tensorflow", "keras") if m in sys.modules)
print("LOADED", loaded)
"""
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "LOADED []" in result.stdout
