"""A bounded record of the losses per epoch.

A lecture demo may run for a million epochs; the loss plot needs the shape of the curve, not every
point. When the buffer fills up, every other stored point is dropped and from then on only every
second epoch is kept (the stride doubles), so memory stays bounded and the points stay evenly
spread over the whole run. The newest epoch is always available as ``latest``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]


@dataclass(frozen=True)
class EpochRecord:
    """What one epoch of training measured, all at the weights after that epoch's update.

    Epoch 0 is the initial weights, so a curve starts where the run starts and its last point is
    what the current weights score. The test split is not measured per epoch: it stays sealed
    until the one final evaluation. Accuracies are None for regression.
    """

    epoch: int
    train_loss: float
    dev_loss: float
    train_accuracy: float | None = None
    dev_accuracy: float | None = None


_COLUMNS = tuple(f.name for f in fields(EpochRecord))


class History:
    """Evenly decimated epoch records with bounded memory.

    Parameters
    ----------
    capacity : the most points kept (an even number); memory is ``5 * capacity`` floats.
    """

    def __init__(self, capacity: int = 8192) -> None:
        if capacity < 2 or capacity % 2:
            raise ValueError("capacity must be an even number >= 2")
        self.capacity = capacity
        self._data = np.full((len(_COLUMNS), capacity), np.nan)
        self._size = 0
        self.stride = 1
        self.latest: EpochRecord | None = None

    def __len__(self) -> int:
        return self._size

    def append(self, record: EpochRecord) -> None:
        """Record an epoch (kept if it falls on the current stride)."""
        self.latest = record
        if record.epoch % self.stride:
            return
        if self._size == self.capacity:
            # Keep every other point: the stride doubles and old and new points stay evenly spaced.
            half = self.capacity // 2
            self._data[:, :half] = self._data[:, 1::2]
            self._data[:, half:] = np.nan
            self._size = half
            self.stride *= 2
            if record.epoch % self.stride:
                return
        self._data[:, self._size] = [np.nan if v is None else v
                                     for v in (getattr(record, c) for c in _COLUMNS)]
        self._size += 1

    def truncate(self, record: EpochRecord) -> None:
        """Forget every epoch after ``record``'s, which becomes the latest again."""
        kept = int(np.count_nonzero(self._data[0, :self._size] <= record.epoch))
        self._data[:, kept:] = np.nan
        self._size = kept
        self.latest = record

    def clear(self) -> None:
        self._data[:] = np.nan
        self._size = 0
        self.stride = 1
        self.latest = None

    def column(self, name: str) -> Array:
        """A copy of one column (``epoch``, ``train_loss``, ``dev_accuracy``, …) over the kept points."""
        return self._data[_COLUMNS.index(name), :self._size].copy()

    def as_arrays(self) -> dict[str, Array]:
        """All columns, as copies, keyed by field name."""
        return {c: self._data[i, :self._size].copy() for i, c in enumerate(_COLUMNS)}
