"""nnsim: a desktop neural-network simulator for the lecture "Basics of Neural Networks"."""

from __future__ import annotations

__version__ = "0.1.0"
