"""Vietnamese text: the bottom layer that every other package may use.

``vntext.normalize`` makes the normalized text that extractors read (NFC, new-style
tone placement, look-alike letters, dashes, invisible characters) together with a
map back to the original offsets. ``vntext.segment`` splits it into words with
underthesea's model, scored by ``vntext.word_crf`` from the model's own file
(``vntext.crfsuite_file``) with cached n-gram weights.

May import: nothing of the rest of vanban. Of the heavy libraries, only word segmentation
reads underthesea's model (with numpy and joblib); normalization imports none of it, and
nothing here imports spaCy, networkx or pandas. Checked by import-linter.
"""
