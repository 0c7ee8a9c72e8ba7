"""The string catalogues: one package per language (ui/lang/ko, ui/lang/en), split by chapter.

Each language has the same files, so a translator can work on one chapter and a diff stays small:

    shared.py          strings of ui/ used by several pages (frame., player., training., charts., data., ...)
    home.py            the home page (home.)
    ch1.py … ch5.py    a chapter's title and summary (ch1.title), then the strings of each of its pages
    markdown/<key>.md  each page's introduction and explanation (<page id>.intro, <page id>.explain),
                       exactly the text the viewer sees; the file name is the key

A key starts with the page id of the page that shows it (sigmoid_neuron.final_output), a chapter id
(ch1.summary), or a shared prefix. ui.i18n merges them into one flat dict per language.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

PARTS = ("shared", "home", "ch1", "ch2", "ch3", "ch4", "ch5")
MARKDOWN = "markdown"


def markdown_files(language: str) -> list[Path]:
    return sorted((Path(__file__).parent / language / MARKDOWN).glob("*.md"))


def load(language: str) -> dict[str, str]:
    """The flat catalogue of `language`: {key: text}. Runs once per process, when ui.i18n is imported."""
    strings = {}
    for part in PARTS:
        strings.update(import_module(f"ui.lang.{language}.{part}").STRINGS)
    for path in markdown_files(language):
        # An editor ends a file with a newline; the text itself does not.
        strings[path.name.removesuffix(".md")] = path.read_text(encoding="utf-8").removesuffix("\n")
    return strings
