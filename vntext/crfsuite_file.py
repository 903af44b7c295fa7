"""Read a CRFsuite model file (the format underthesea's word segmenter ships) into plain Python tables.

A CRFsuite model is a header, a chunk of features (type, source, destination,
float64 weight) and two string databases (CQDB) for labels and attributes. Only
what scoring needs is read: every attribute string with its weight per label,
and the label-to-label transition weights, exactly as stored (no rounding, unlike
a text dump of the model).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

_MAGIC = b"lCRF"
_HEADER = struct.Struct("<4sI4sIIIIIIIII")  # magic, size, type, version, #features, #labels, #attrs, 5 offsets
_CHUNK = struct.Struct("<4sII")  # chunk magic, size, number of items
_FEATURE = struct.Struct("<IIId")  # type (0 state, 1 transition), source, destination, weight
_CQDB_HEADER = struct.Struct("<4sIIIII")  # magic, size, flag, byte order, backward size, backward offset
_RECORD = struct.Struct("<II")  # string id, key size (with its NUL)
STATE, TRANSITION = 0, 1


class CrfsuiteFormatError(ValueError):
    """The file is not a CRFsuite model this reader understands."""


@dataclass(frozen=True)
class CrfWeights:
    """A CRFsuite model as tables: labels, attribute → weight per label, transitions[from][to]."""

    labels: tuple[str, ...]
    state: dict[str, tuple[float, ...]]
    transitions: tuple[tuple[float, ...], ...]


def read_crfsuite(path: str | Path) -> CrfWeights:
    """The weights of the CRFsuite model at ``path``."""
    data = Path(path).read_bytes()
    if len(data) < _HEADER.size or data[:4] != _MAGIC:
        raise CrfsuiteFormatError(f"{path}: not a CRFsuite model")
    fields = _HEADER.unpack_from(data, 0)
    num_labels, off_features, off_labels, off_attrs = fields[5], fields[7], fields[8], fields[9]
    labels = _strings(data, off_labels)
    attributes = _strings(data, off_attrs)
    if len(labels) != num_labels:
        raise CrfsuiteFormatError(f"{path}: {len(labels)} label strings for {num_labels} labels")
    chunk, _, count = _CHUNK.unpack_from(data, off_features)
    if chunk != b"FEAT":
        raise CrfsuiteFormatError(f"{path}: no feature chunk")
    state: dict[int, list[float]] = {}
    transitions = [[0.0] * num_labels for _ in range(num_labels)]
    for kind, source, target, weight in _FEATURE.iter_unpack(
        data[off_features + _CHUNK.size : off_features + _CHUNK.size + count * _FEATURE.size]
    ):
        if kind == STATE:
            state.setdefault(source, [0.0] * num_labels)[target] += weight
        elif kind == TRANSITION:
            transitions[source][target] += weight
    return CrfWeights(
        labels=tuple(labels),
        state={attributes[i]: tuple(w) for i, w in state.items()},
        transitions=tuple(tuple(row) for row in transitions),
    )


def _strings(data: bytes, offset: int) -> list[str]:
    """The strings of the CQDB at ``offset``, in id order (its backward table)."""
    magic, _, _, _, count, backward = _CQDB_HEADER.unpack_from(data, offset)
    if magic != b"CQDB":
        raise CrfsuiteFormatError("no string database where the header points")
    strings = []
    for (record,) in struct.iter_unpack("<I", data[offset + backward : offset + backward + 4 * count]):
        _, size = _RECORD.unpack_from(data, offset + record)
        start = offset + record + _RECORD.size
        strings.append(data[start : start + size - 1].decode("utf-8"))
    return strings
