"""Old import paths from before the rooms (issue 23) still work for one release, and say where things went."""

import importlib
import sys

import pytest

import pipeline

MOVED_MODULES = [
    ("pipeline.process", "pipeline.run.process"),
    ("pipeline.record", "pipeline.run.record"),
    ("pipeline.facts", "pipeline.run.facts"),
    ("pipeline.segment", "vntext.segment"),
]


@pytest.mark.parametrize(("old", "new"), MOVED_MODULES)
def test_an_old_module_path_warns_and_is_the_new_module(old, new):
    sys.modules.pop(old, None)
    if hasattr(pipeline, old.rsplit(".", 1)[1]):
        delattr(pipeline, old.rsplit(".", 1)[1])
    with pytest.warns(DeprecationWarning, match=f"{old} has moved to {new}"):
        module = importlib.import_module(old)
    assert module is importlib.import_module(new)


OLD_NAMES = [
    ("pipeline.store", "Store", "pipeline.store.db"),
    ("pipeline.store", "is_busy", "pipeline.store.db"),
    ("pipeline.evaluate", "evaluate", "pipeline.evaluate.scores"),
    ("pipeline.evaluate", "score_file", "pipeline.evaluate.scores"),
    ("pipeline.serve", "ensure_views", "pipeline.serve.datasette"),
    ("pipeline.cli", "main", "pipeline.cli.commands"),
    ("pipeline.cli", "cli", "pipeline.cli.commands"),
]


@pytest.mark.parametrize(("package", "name", "new"), OLD_NAMES)
def test_an_old_name_on_a_room_warns_and_is_the_same_object(package, name, new):
    with pytest.warns(DeprecationWarning, match=f"{package}.{name} has moved to {new}.{name}"):
        found = getattr(importlib.import_module(package), name)
    assert found is getattr(importlib.import_module(new), name)


def test_a_name_the_old_module_never_had_is_still_an_error():
    with pytest.raises(AttributeError):
        importlib.import_module("pipeline.store").no_such_thing  # noqa: B018
