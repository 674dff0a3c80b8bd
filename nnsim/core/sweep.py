"""A hyperparameter sweep: every (hidden units, learning rate) pair trained at once.

The lecture's last slide: the development set tunes hyperparameters such as the learning rate
and the number of hidden units; the test set is for the final evaluation only. :func:`sweep`
trains on the training split, scores every epoch on the development split and never reads the
test split, which stays fresh for the configuration :meth:`SweepResult.best` picks.

Each configuration starts from the weights ``Network((n_in, h, n_out), ..., seed=seed)`` draws
and follows :class:`~nnsim.core.trainer.Trainer`: the same updates, mini-batch order, per-epoch
numbers (measured after the update; epoch 0 = the initial weights) and divergence rule, after
which it stops. All configurations advance together as stacked arrays, the hidden layer padded
to the largest size: a padded unit's outgoing weights are 0 and none of its weights ever gets a
gradient, so it adds exactly 0 to every output.

The numbers agree with a trainer's to rounding: the stacked products add the same terms in
another order (the biases inside the product). Where a run is chaotic, as small networks at the
largest learning rates can be, such last-bit differences grow exactly as they do between two
trainers whose initial weights differ in the last bit.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
from numpy.typing import NDArray

from nnsim.core.activations import ACTIVATIONS, get_activation
from nnsim.core.divergence import Divergence, DivergenceMonitor
from nnsim.core.losses import check_pairing, check_task, entry_losses, output_delta
from nnsim.core.network import MAX_UNITS, Network
from nnsim.core.splits import Splits

Array = NDArray[np.float64]

__all__ = ["SweepResult", "sweep"]

# A progress callback repaints a window; more often than this it would only cost training time.
PROGRESS_INTERVAL = 0.05  # seconds
MEASURES = ("train_loss", "dev_loss", "train_accuracy", "dev_accuracy")


@dataclass(frozen=True, eq=False)
class SweepResult:
    """What a sweep measured, per configuration.

    Attributes
    ----------
    configs : the ``(hidden_units, learning_rate)`` pairs, hidden units outermost.
    completed : False when the sweep was cancelled before the last epoch.
    epochs_done : epochs the sweep ran (a configuration that diverged stopped earlier).
    classification : whether the histories carry accuracies.
    """

    configs: list[tuple[int, float]]
    completed: bool
    epochs_done: int
    classification: bool
    _measures: Array                      # (MEASURES, configs, epochs + 1), nan past the end
    _lengths: NDArray[np.intp]            # records per configuration
    _divergences: list[Divergence | None]
    _parameters: list[Array]              # last weights, in Network.parameters order
    _network: tuple[int, int, str, str, int]  # n_in, n_out, activations, seed

    def index(self, hidden_units: int, learning_rate: float) -> int:
        """Position of a configuration in :attr:`configs` (KeyError if it was not swept)."""
        for i, (h, lr) in enumerate(self.configs):
            if h == hidden_units and math.isclose(lr, learning_rate, rel_tol=1e-12):
                return i
        raise KeyError(f"no configuration with {hidden_units} hidden units and learning rate "
                       f"{learning_rate:g} in this sweep")

    def history(self, hidden_units: int, learning_rate: float) -> dict[str, Array]:
        """The configuration's numbers per epoch from epoch 0 on, as arrays keyed like
        :meth:`History.as_arrays` (``train_accuracy``/``dev_accuracy`` only for classification).
        """
        i = self.index(hidden_units, learning_rate)
        n, kept = int(self._lengths[i]), len(MEASURES) if self.classification else 2
        return {"epoch": np.arange(n, dtype=np.float64),
                **{name: self._measures[j, i, :n].copy() for j, name in enumerate(MEASURES[:kept])}}

    def diverged(self, hidden_units: int, learning_rate: float) -> Divergence | None:
        """Why the configuration stopped early (see :mod:`nnsim.core.divergence`), or None."""
        return self._divergences[self.index(hidden_units, learning_rate)]

    def network(self, hidden_units: int, learning_rate: float) -> Network:
        """A network holding the configuration's last weights (after a divergence the last
        finite ones, as the trainer keeps them), e.g. for the one final test evaluation."""
        n_in, n_out, hidden, output, seed = self._network
        net = Network((n_in, hidden_units, n_out), hidden, output, seed)
        net.set_vector(self._parameters[self.index(hidden_units, learning_rate)])
        return net

    def best(self) -> tuple[int, float, int]:
        """``(hidden_units, learning_rate, epoch)`` of the lowest dev loss over all configurations
        and epochs; non-finite losses are ignored, ties go to the earlier configuration and epoch.
        """
        dev = self._measures[MEASURES.index("dev_loss")]
        dev = np.where(np.isfinite(dev), dev, np.inf)
        if not np.isfinite(dev).any():
            raise ValueError("no configuration has a finite development loss")
        i, epoch = np.unravel_index(int(np.argmin(dev)), dev.shape)
        h, lr = self.configs[int(i)]
        return h, lr, int(epoch)


def sweep(splits: Splits, learning_rates: Sequence[float], hidden_units: Sequence[int],
          epochs: int, hidden_activation: str = "sigmoid", output_activation: str = "linear",
          loss: str = "mse", seed: int = 0, batch_size: int | None = None,
          progress: Callable[[int, int], None] | None = None,
          cancelled: Callable[[], bool] | None = None) -> SweepResult:
    """Train every (hidden units, learning rate) pair for ``epochs`` epochs, all at once.

    Parameters
    ----------
    splits : the data; only ``splits.train`` (updates) and ``splits.dev`` (scores) are read.
    learning_rates : the step sizes η to try, each > 0.
    hidden_units : the hidden-layer sizes to try, each 1–9.
    epochs : epochs per configuration. The histories take 4 × configurations × epochs floats
        (72 configurations × 10,000 epochs: 23 MB).
    hidden_activation, output_activation, loss, seed, batch_size : as for
        :class:`~nnsim.core.network.Network` and :class:`~nnsim.core.trainer.Trainer`; ``seed``
        draws the initial weights and the mini-batch order, both as they would.
    progress : called with ``(epochs done, epochs)`` at most every 0.05 s, and at the end.
    cancelled : polled before every epoch; once it returns True the sweep stops and returns
        what it has (``completed`` is False).

    Returns
    -------
    SweepResult
        Per configuration the history from epoch 0, the divergence finding and the last weights;
        :meth:`SweepResult.best` picks the lowest development loss.

    Raises
    ------
    ValueError
        For an empty or repeating grid, a learning rate ≤ 0, a hidden size outside 1–9, a
        negative epoch count, a batch size below 1, or a loss unfit for the output or the data.
    """
    rates, sizes = [float(lr) for lr in learning_rates], [int(h) for h in hidden_units]
    epochs = int(epochs)
    if not rates or not sizes:
        raise ValueError("give at least one learning rate and one hidden-layer size")
    if any(not (math.isfinite(lr) and lr > 0) for lr in rates):
        raise ValueError(f"every learning rate must be a positive number, got {rates}")
    if any(not 1 <= h <= MAX_UNITS for h in sizes):
        raise ValueError(f"a hidden layer holds 1 to {MAX_UNITS} units, got {sizes}")
    if len(set(rates)) < len(rates) or len(set(sizes)) < len(sizes):
        raise ValueError("the learning rates and the hidden-layer sizes must not repeat")
    if epochs < 0:
        raise ValueError(f"the number of epochs must not be negative, got {epochs}")
    if batch_size is not None and int(batch_size) < 1:
        raise ValueError(f"the batch size must be at least 1 (or None), got {batch_size}")
    train, dev = splits.train, splits.dev  # the test split is never looked at
    check_pairing(loss, output_activation)
    check_task(loss, train.task, train.Y)
    n_in, n_out = train.X.shape[1], train.Y.shape[1]
    if dev.X.shape[1] != n_in or dev.Y.shape[1] != n_out:
        raise ValueError("the training and development parts have different columns")

    configs = [(h, lr) for h in sizes for lr in rates]
    # Initial weights as a Network of each size draws them (they depend on the size, not on η);
    # the divergence baseline is the trainer's: Network.loss on the training rows.
    nets, monitors = [], []
    for h in sizes:
        net = Network((n_in, h, n_out), hidden_activation, output_activation, seed)
        with np.errstate(all="ignore"):
            start = net.loss(train.X, train.Y, loss)
        for _ in rates:
            nets.append(net)
            monitors.append(DivergenceMonitor())
            monitors[-1].start(start)
    stack = _Stack(nets, [lr for _, lr in configs], max(sizes))
    engine = _Engine(train.X, train.Y, dev.X, dev.Y, hidden_activation, output_activation, loss,
                     classification=train.task == "classification")
    n_train = train.X.shape[0]
    step = n_train if batch_size is None else min(int(batch_size), n_train)
    rng = np.random.default_rng(seed)  # every trainer's shuffling rng is seeded alike

    measures = np.full((len(MEASURES), len(configs), epochs + 1), np.nan)
    lengths = np.zeros(len(configs), dtype=np.intp)
    divergences: list[Divergence | None] = [None] * len(configs)
    parameters: list[Array] = [np.empty(0)] * len(configs)
    done, completed, last_report = 0, True, time.monotonic()
    with np.errstate(all="ignore"):  # diverging runs overflow on purpose, as in the trainer
        engine.measure(stack, 0, measures, lengths)
        while done < epochs and stack.ids.size:
            if cancelled is not None and cancelled():
                completed = False
                break
            before = (stack.w1.copy(), stack.w2.copy())
            if step == n_train:  # full batch: the trainer draws no permutation either
                engine.update(stack, None)
            else:
                order = rng.permutation(n_train)
                for begin in range(0, n_train, step):
                    engine.update(stack, order[begin:begin + step])
            done += 1
            losses: list[float] = engine.measure(stack, done, measures, lengths).tolist()
            finite: list[bool] = np.logical_and(np.isfinite(stack.w1).all(axis=(1, 2)),
                                                np.isfinite(stack.w2).all(axis=(1, 2))).tolist()
            stopped = []
            for row, c in enumerate(stack.ids.tolist()):
                found = monitors[c].observe(done, losses[row], finite[row], configs[c][1])
                if found is not None:
                    if not (finite[row] and math.isfinite(losses[row])):
                        # The trainer keeps the last weights with a finite loss.
                        stack.w1[row], stack.w2[row] = before[0][row], before[1][row]
                    divergences[c] = found
                    parameters[c] = stack.flat(row, configs[c][0])
                    stopped.append(row)
            if stopped:
                keep = np.ones(stack.ids.size, dtype=bool)
                keep[stopped] = False
                stack.keep(keep)
                engine.keep(keep)
            now = time.monotonic()
            if progress is not None and now - last_report >= PROGRESS_INTERVAL:
                progress(done, epochs)
                last_report = now
    for row, c in enumerate(stack.ids.tolist()):
        parameters[c] = stack.flat(row, configs[c][0])
    if progress is not None:
        progress(done, epochs)
    return SweepResult(configs, completed, done, train.task == "classification", measures,
                       lengths, divergences, parameters,
                       (n_in, n_out, hidden_activation, output_activation, seed))


class _Stack:
    """The weights of the configurations still training, padded to ``width`` hidden units.

    ``w1`` is (configs, hidden units, inputs + 1), ``w2`` (configs, outputs, hidden units + 1):
    transposed, with the biases as the last column, so the rows of the data run along the last,
    contiguous axis of every activation and one matrix product adds the biases too.
    """

    def __init__(self, nets: list[Network], rates: list[float], width: int) -> None:
        n_in, n_out, c = nets[0].sizes[0], nets[0].sizes[2], len(nets)
        self.ids = np.arange(c)
        self.rate = np.array(rates).reshape(c, 1, 1)
        self.w1 = np.zeros((c, width, n_in + 1))
        self.w2 = np.zeros((c, n_out, width + 1))
        for i, net in enumerate(nets):
            h = net.sizes[1]
            self.w1[i, :h, :n_in], self.w1[i, :h, n_in] = net.weights[0].T, net.biases[0]
            self.w2[i, :, :h], self.w2[i, :, width] = net.weights[1].T, net.biases[1]
        # True where a hidden unit is padding: its gradients are overwritten with exact zeros
        # (np.copyto, not a 0/1 factor: 0 · inf would be nan).
        self.pad = np.arange(width) >= np.array([net.sizes[1] for net in nets])[:, None]

    def keep(self, rows: NDArray[np.bool_]) -> None:
        """Drop the configurations that stopped: later epochs no longer compute them."""
        for name in ("ids", "rate", "w1", "w2", "pad"):
            setattr(self, name, getattr(self, name)[rows])

    def flat(self, row: int, h: int) -> Array:
        """One configuration's weights in :class:`Network` parameter order."""
        w1, w2 = self.w1[row], self.w2[row]
        return np.concatenate([w1[:h, :-1].T.ravel(), w2[:, :h].T.ravel(), w1[:h, -1],
                               w2[:, -1]])


class _Engine:
    """Forward, backward and scoring passes over all stacked configurations at once.

    Activations are (configs, units, rows); the training and dev rows are stacked so one forward
    pass scores both, as :meth:`Trainer.measure` does. In full-batch training that pass at epoch
    t's weights is also the forward pass of epoch t + 1's update, so it is kept. Large arrays are
    written into buffers kept from epoch to epoch: fresh megabyte temporaries made the C library
    hand memory back to the system and fault it in again, which cost more than the arithmetic.
    """

    def __init__(self, X: Array, Y: Array, X_dev: Array, Y_dev: Array, hidden: str,
                 output: str, loss: str, classification: bool) -> None:
        self.n = X.shape[0]
        # Inputs with a column of ones, the biases' input; both orientations are needed.
        self.X_ones = np.hstack([X, np.ones((self.n, 1))])
        X_all = np.vstack([X, X_dev])
        self.X_all_T = np.vstack([X_all.T, np.ones((1, X_all.shape[0]))])
        self.Y_T = np.ascontiguousarray(Y.T)
        self.Y_all_T = np.ascontiguousarray(np.vstack([Y, Y_dev]).T)
        self.row_sums = Y.sum(axis=1)
        self.labels = self.Y_all_T.argmax(axis=0) if classification else None
        self.rows = np.arange(X_all.shape[0])
        self.hidden, self.output, self.loss = hidden, output, loss
        self.out_f = get_activation(output).function
        self.buffers: dict[tuple[str, tuple[int, ...]], Array] = {}
        # Forward pass of the measured rows (z, a, outputs), reused by the next full-batch update.
        self.cache: tuple[Array, Array, Array] | None = None

    def buffer(self, name: str, shape: tuple[int, ...]) -> Array:
        if (name, shape) not in self.buffers:
            self.buffers[name, shape] = np.empty(shape)
        return self.buffers[name, shape]

    def keep(self, rows: NDArray[np.bool_]) -> None:
        self.buffers.clear()
        if self.cache is not None:
            self.cache = (self.cache[0][rows], self.cache[1][rows], self.cache[2][rows])

    def forward(self, s: _Stack, X_ones_T: Array, tag: str) -> tuple[Array, Array, Array]:
        """Weighted sums z, hidden outputs a (with a last row of ones) and output logits."""
        (c, width, _), m = s.w1.shape, X_ones_T.shape[1]
        z = self.buffer("z" + tag, (c, width, m))
        np.matmul(s.w1.reshape(c * width, -1), X_ones_T, out=z.reshape(c * width, m))
        if ("a" + tag, (c, width + 1, m)) not in self.buffers:
            self.buffer("a" + tag, (c, width + 1, m))[:, width] = 1.0
        a = self.buffer("a" + tag, (c, width + 1, m))
        _activate(self.hidden, z, a[:, :width])
        logits = np.matmul(s.w2, a, out=self.buffer("logits" + tag, (c, s.w2.shape[1], m)))
        return z, a, logits

    def update(self, s: _Stack, batch: NDArray[np.intp] | None) -> None:
        """One gradient-descent step of every configuration on the rows ``batch`` (None: all)."""
        if batch is None:
            assert self.cache is not None
            z, a, out = (c[:, :, :self.n] for c in self.cache)
            X_ones, Y_T, row_sums = self.X_ones, self.Y_T, self.row_sums
        else:
            X_ones, Y_T, row_sums = self.X_ones[batch], self.Y_T[:, batch], self.row_sums[batch]
            z, a, logits = self.forward(s, np.ascontiguousarray(X_ones.T), "batch")
            out = _softmax(logits) if self.output == "softmax" else self.out_f(logits)
        if self.loss == "cce":  # losses.output_delta's formula, without its temporaries
            delta = np.multiply(out, row_sums, out=self.buffer("delta", out.shape))
            delta -= Y_T
            delta /= Y_T.shape[1]
        else:
            # Elementwise but for the softmax Jacobian, which output_delta sums over axis 1: the
            # outputs of (rows, outputs) there, of (configs, outputs, rows) here.
            delta = output_delta(self.loss, self.output, out, out, Y_T)
        (c, width, _), n = s.w1.shape, Y_T.shape[1]
        g_w2 = np.matmul(delta, a.transpose(0, 2, 1))  # the ones row gives the bias column
        back = np.matmul(s.w2[:, :, :width].transpose(0, 2, 1), delta,
                         out=self.buffer("back", (c, width, n)))
        _times_derivative(self.hidden, back, z, a[:, :width], self.buffer("slope", back.shape))
        g_w1 = np.matmul(back.reshape(c * width, n), X_ones).reshape(s.w1.shape)
        np.copyto(g_w1, 0.0, where=s.pad[:, :, None])
        np.copyto(g_w2[:, :, :width], 0.0, where=s.pad[:, None, :])
        for g, w in ((g_w1, s.w1), (g_w2, s.w2)):
            g *= s.rate
            w -= g

    def measure(self, s: _Stack, epoch: int, measures: Array, lengths: NDArray[np.intp]) -> Array:
        """Score every configuration as Trainer.measure does, write the records of ``epoch``
        and return the training losses."""
        z, a, logits = self.forward(s, self.X_all_T, "all")
        n, labels = self.n, self.labels
        if self.loss == "cce":
            assert labels is not None  # check_task allows cross-entropy on class labels only
            shifted = np.subtract(logits, _over_outputs(np.maximum, logits)[:, None],
                                  out=self.buffer("shifted", logits.shape))
            e = np.exp(shifted, out=self.buffer("exp", logits.shape))
            total = _over_outputs(np.add, e)
            rows = np.log(total)
            rows -= shifted[:, labels, self.rows]
            # The softmax for the next update, by the operations of activations.softmax.
            out = np.divide(e, total[:, None], out=self.buffer("out", logits.shape))
        else:
            out = _softmax(logits) if self.output == "softmax" else self.out_f(logits)
            rows = entry_losses(self.loss, logits, out, self.Y_all_T).mean(axis=1)
        self.cache = (z, a, out)
        ids = s.ids
        train_loss = rows[:, :n].sum(axis=1) / n
        measures[0, ids, epoch] = train_loss
        measures[1, ids, epoch] = rows[:, n:].sum(axis=1) / (rows.shape[1] - n)
        if labels is not None:
            hits = _argmax_outputs(logits) == labels
            measures[2, ids, epoch] = np.count_nonzero(hits[:, :n], axis=1) / n
            measures[3, ids, epoch] = np.count_nonzero(hits[:, n:], axis=1) / (hits.shape[1] - n)
        lengths[ids] = epoch + 1
        return train_loss


# The hidden activations and their derivatives as nnsim.core.activations computes them (the
# tests check the numbers are bit for bit the same), written into buffers.
def _activate(name: str, z: Array, out: Array) -> None:
    if name == "sigmoid":
        np.multiply(z, 0.5, out=out)
        np.tanh(out, out=out)
        out *= 0.5
        out += 0.5
    elif name == "tanh":
        np.tanh(z, out=out)
    elif name == "relu":
        np.maximum(z, 0.0, out=out)
    else:
        out[...] = ACTIVATIONS[name].function(z)


def _times_derivative(name: str, back: Array, z: Array, a: Array, slope: Array) -> None:
    """``back *= f′`` of the hidden activation, at weighted sums ``z`` with outputs ``a``."""
    if name == "sigmoid":
        np.subtract(1.0, a, out=slope)
        slope *= a
    elif name == "tanh":
        np.multiply(a, a, out=slope)
        np.subtract(1.0, slope, out=slope)
    else:
        derivative = ACTIVATIONS[name].derivative
        assert derivative is not None  # every hidden activation is elementwise
        slope[...] = derivative(z, a)
    back *= slope


# The outputs are axis 1 of (configs, outputs, rows); NumPy reduces over such a short axis one
# row at a time, a loop over the few outputs works on whole (configs, rows) arrays.
def _over_outputs(ufunc: np.ufunc, x: Array) -> Array:
    """``ufunc.reduce(x, axis=1)``, left to right."""
    out = x[:, 0].copy()
    for k in range(1, x.shape[1]):
        ufunc(out, x[:, k], out=out)
    return out


def _softmax(x: Array) -> Array:
    """activations.softmax over axis 1, the outputs."""
    e = np.exp(x - _over_outputs(np.maximum, x)[:, None])
    return e / _over_outputs(np.add, e)[:, None]


def _argmax_outputs(x: Array) -> NDArray[np.intp]:
    """``x.argmax(axis=1)``: the first largest output."""
    if np.isnan(x).any():  # NumPy's rule (the first nan wins) for a diverged configuration
        return x.argmax(axis=1)
    best, index = x[:, 0], np.zeros((x.shape[0], x.shape[2]), dtype=np.intp)
    for k in range(1, x.shape[1]):
        np.copyto(index, k, where=x[:, k] > best)
        best = np.maximum(best, x[:, k])
    return index
