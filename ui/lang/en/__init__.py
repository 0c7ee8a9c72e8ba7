"""English strings, split by chapter (see ui/lang/__init__.py). Every key here also exists in the other language."""

from ui.lang import load

STRINGS = load("en")
