"""The checks every page of the registry (ui.frame.HOME and ui.frame.CHAPTERS) gets for free.

1. It renders in Korean and in English with no exception and no error, under its title in that language.
2. A URL with bad values for its controls opens the lecture defaults.
3. The reset button brings every control back to the lecture defaults.

What a page must provide for checks 2 and 3: a module-level `DEFAULTS = {widget key: value}` whose
values are literals (or constants of a module the page imports, like `descent.DEFAULT_STEPS`), one
sidebar control per key, and `ui.controls.reset_button(DEFAULTS)`. A page without DEFAULTS (the
home page) gets check 1 only. The tests read DEFAULTS from the script's source, without running it,
and read and move the controls by their keys, whatever the widget type. Checks particular to one
page (its figures, its interactions, bookmarks with specific values) stay in that page's test file.
"""

from __future__ import annotations

import ast
import importlib

import pytest

from tests.conftest import ROOT, open_page
from ui.frame import HOME, all_pages
from ui.i18n import CATALOGUES

# One URL per page, one bad value per control, taken in turn through the registry's controls so that
# every page with three controls or more gets each kind. How a bad value is turned away is shared
# (Streamlit's binding of sliders and toggles, ui.controls.choice for choices); what each page must
# show is that its controls go through it.
NOT_FINITE = ["nan", "inf", "1e400"]
OUT_OF_RANGE = ["-7", "5000", "9" * 1000]
TEXTS = ["garbage", "", "x" * 1000]
BAD_VALUES = [value for kinds in zip(NOT_FINITE, OUT_OF_RANGE, TEXTS, strict=True) for value in kinds]

def lecture_defaults(script: str) -> dict:
    """The page's DEFAULTS dict as its source spells it ({} when it has none)."""
    tree = ast.parse((ROOT / script).read_text(encoding="utf-8"))
    modules = imported_modules(tree)
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(target, "id", None) == "DEFAULTS" for target in node.targets):
            return {ast.literal_eval(key): constant(value, modules) for key, value in zip(node.value.keys, node.value.values,
                                                                                          strict=True)}
    return {}


def imported_modules(tree: ast.Module) -> dict[str, str]:
    """{name in the script: module} for `import a.b as name` and `from a import name`."""
    names = {}
    for node in tree.body:
        if isinstance(node, ast.Import):
            names |= {alias.asname or alias.name: alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names |= {alias.asname or alias.name: f"{node.module}.{alias.name}" for alias in node.names}
    return names


def constant(node: ast.expr, modules: dict[str, str]):
    """A literal, or `module.CONSTANT` of a module the page imports (imported here, not the page)."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules:
        return getattr(importlib.import_module(modules[node.value.id]), node.attr)
    return ast.literal_eval(node)


PAGES = all_pages()
CONTROLLED = [(page_id, script) for page_id, script in PAGES if lecture_defaults(script)]


def page_title(page_id: str, language: str) -> str:
    """The page's heading: its title as ui/frame.py looks it up, the app's title on the home page."""
    strings = CATALOGUES[language]
    return strings["frame.app_title"] if page_id == HOME[0] else strings[f"{page_id}.title"]


def values(app, keys) -> dict:
    """The value of the control with each key, whatever its type (a choice's option id, not its label)."""
    return {key: app.get_by_key(key).value for key in keys}


def another_value(widget):
    """A legal value other than the control's current one."""
    if widget.type == "slider":
        low, high = (type(widget.value)(bound) for bound in (widget.proto.min, widget.proto.max))
        return low if widget.value != low else high
    if widget.type == "select_slider":  # ui.controls.choice_slider: the options are numbers, labelled with :g
        shown = widget.format_func(widget.value)
        return float(next(label for label in (widget.options[0], widget.options[-1]) if label != shown))
    if widget.type in ("radio", "selectbox"):  # set by the label shown; the page gets the option's id
        return widget.options[-1] if widget.index != len(widget.options) - 1 else widget.options[0]
    if widget.type in ("toggle", "checkbox"):
        return not widget.value
    raise AssertionError(f"no other value known for a {widget.type} ({widget.key})")


def assert_runs_cleanly(app) -> None:
    """No exception (the traceback is in the captured log; the page shows a redacted message) and no error."""
    assert not app.exception
    assert not app.error, [error.value for error in app.error]


def reset_button(app, language: str):
    return next(button for button in app.button if button.label == CATALOGUES[language]["frame.reset"])


def tampered_urls() -> dict[str, dict[str, str]]:
    """{page id: URL}: BAD_VALUES in turn through the registry's controls, and a parameter no page knows."""
    urls = {page_id: {"unknown": "1"} for page_id, _ in CONTROLLED}
    controls = [(page_id, key) for page_id, script in CONTROLLED for key in lecture_defaults(script)]
    for i, (page_id, key) in enumerate(controls):
        urls[page_id][key] = BAD_VALUES[i % len(BAD_VALUES)]
    return urls


@pytest.fixture(autouse=True)
def offline(monkeypatch, tmp_path):
    """No download: a control that fetches data (the full MNIST) fails at once and the page says so."""
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    for name in ("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")


def test_the_registry_lists_every_page_script_once():
    registered = [script for _, script in PAGES]
    assert len(set(registered)) == len(registered) and len({page_id for page_id, _ in PAGES}) == len(PAGES)
    assert sorted(registered) == sorted([HOME[1], *(f"pages/{path.name}" for path in (ROOT / "pages").glob("*.py"))])


@pytest.mark.parametrize("language", list(CATALOGUES))
@pytest.mark.parametrize(("page_id", "script"), PAGES, ids=[page_id for page_id, _ in PAGES])
def test_renders_in_both_languages(page_id, script, language):
    app = open_page(script, language)
    assert_runs_cleanly(app)
    assert app.title[0].value == page_title(page_id, language)


@pytest.mark.parametrize(("page_id", "script"), CONTROLLED, ids=[page_id for page_id, _ in CONTROLLED])
def test_a_tampered_url_opens_the_defaults(page_id, script):
    defaults = lecture_defaults(script)
    query = tampered_urls()[page_id]
    app = open_page(script, query=query)
    assert_runs_cleanly(app)
    assert values(app, defaults) == defaults, query
    assert not set(defaults) & set(app.query_params.keys()), query  # the bad values leave the URL


@pytest.mark.parametrize(("page_id", "script"), CONTROLLED, ids=[page_id for page_id, _ in CONTROLLED])
def test_reset_restores_the_defaults(page_id, script):
    defaults = lecture_defaults(script)
    app = open_page(script, "en")
    assert values(app, defaults) == defaults  # the page opens on the lecture defaults
    for key in defaults:
        widget = app.get_by_key(key)
        widget.set_value(another_value(widget))
    app.run()
    assert_runs_cleanly(app)
    moved = values(app, defaults)
    assert all(moved[key] != default for key, default in defaults.items()), moved
    reset_button(app, "en").click().run()
    assert_runs_cleanly(app)
    assert values(app, defaults) == defaults
