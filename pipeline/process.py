"""Deprecated: moved to ``pipeline.run.process`` (this path goes in the next release)."""

from pipeline._moved import alias_module

alias_module(__name__, "pipeline.run.process")
