"""Deprecated: word segmentation moved to ``vntext.segment`` (this path goes in the next release)."""

from pipeline._moved import alias_module

alias_module(__name__, "vntext.segment")
