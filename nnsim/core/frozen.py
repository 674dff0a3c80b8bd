"""Read-only arrays: what the training thread hands to the window can never change under it."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike


def read_only(values: ArrayLike, dtype: Any = np.float64, copy: bool = True) -> np.ndarray:
    """``values`` as an array nobody may write to: a copy (of ``dtype``; None keeps the type),
    or, with ``copy=False``, the array itself when it is fresh and no one else holds it."""
    out = np.array(values, dtype=dtype) if copy else np.asarray(values, dtype=dtype)
    out.setflags(write=False)
    return out
