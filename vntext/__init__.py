"""Vietnamese text: the bottom layer that every other package may use.

``vntext.normalize`` makes the normalized text that extractors read (NFC, new-style
tone placement, look-alike letters, dashes, invisible characters) together with a
map back to the original offsets. It imports nothing from the rest of vanban.
"""
