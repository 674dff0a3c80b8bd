"""The data view's background: the network's output over two inputs."""

from __future__ import annotations

import numpy as np
import pytest

from nnsim.core.data_view import output_grid
from nnsim.core.datasets import make_builtin
from nnsim.core.network import Network
from nnsim.core.splits import split


def test_the_grid_is_the_network_on_the_plane_of_two_inputs() -> None:
    train = split(make_builtin("xor")).train
    net = Network((3, 3, 2), "sigmoid", "softmax", seed=1)
    grid = output_grid(net, train.X, (0, 1), size=20)
    assert grid.outputs.shape == (20, 20, 2) and grid.predicted.shape == (20, 20)
    assert grid.xs[0] < train.X[:, 0].min() and grid.xs[-1] > train.X[:, 0].max()
    # One grid point, recomputed by hand: the other input held at the training mean.
    point = train.X.mean(axis=0)
    point[0], point[1] = grid.xs[7], grid.ys[3]
    np.testing.assert_allclose(grid.outputs[3, 7], net.predict(point[None, :])[0], rtol=1e-12)
    assert grid.predicted[3, 7] == int(np.argmax(grid.outputs[3, 7]))


def test_two_different_inputs_are_needed() -> None:
    train = split(make_builtin("vowels")).train
    with pytest.raises(ValueError):
        output_grid(Network((3, 3, 2)), train.X, (1, 1))
