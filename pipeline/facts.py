"""Deprecated: moved to ``pipeline.run.facts`` (this path goes in the next release)."""

from pipeline._moved import alias_module

alias_module(__name__, "pipeline.run.facts")
