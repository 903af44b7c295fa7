"""Learned decisions and the models behind them.

Rules propose candidates; small models trained on gold decide. Each model is a versioned data
file beside the code that applies it (``relations.model.json``), with a card
(``relations.card.md``) saying what it decides, what it was trained on, how it scored on
held-out text and how to rebuild it (``make train``). Applying a model needs nothing beyond the
standard library: the fitted weights are plain JSON, so the core install stays light and
scikit-learn is needed only to train (``vanban[train]``).

This package is part of the extractors layer: it imports only other extractors and vntext.
"""
