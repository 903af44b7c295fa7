"""``python -m pipeline.cli``: the ``vanban`` command."""

from pipeline.cli.commands import main

main()
