"""How well the divergence rule of ``nnsim.core.divergence`` matches what actually happens.

    python benchmarks/divergence.py

Every run of a grid is trained WITHOUT any stop rule, and the monitor is replayed afterwards over
its training losses, so the rule is judged against where each run really ends up:

* grid: the built-in datasets × every hidden activation × every valid output/loss pairing
  (classification: softmax + cce, sigmoid + bce, mse and mae with each output activation;
  regression: mse and mae with each output activation) × η in RATES × weight seeds 0 and 1;
  3 hidden units, full-batch gradient descent for EPOCHS epochs on the default split's training
  part;
* truth: "diverged" = the loss or the weights became non-finite, or the final training loss is
  above the starting one; "converging" = the final loss is below half the starting one;
  in between = either answer is acceptable;
* targets: at most 1 % of the converging runs flagged (at any epoch), at least 90 % of the
  diverged runs flagged; the lecture's default set-up (vowels, sigmoid hidden, softmax + cce,
  seed 0) flagged within 20 epochs at η = 100 and not flagged at η = 30.

A run counts under the kind of its first finding (a trainer stops there). Takes about a minute on
one core. Not part of the test suite: the numbers belong here, printed, never asserted in tests.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nnsim.core.activations import HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS  # noqa: E402
from nnsim.core.datasets import BUILTIN_DATASETS, CLASSIFICATION, make_builtin  # noqa: E402
from nnsim.core.divergence import (DIVERGED, NOT_CONVERGING, Divergence,  # noqa: E402
                                   DivergenceMonitor)
from nnsim.core.network import Network  # noqa: E402
from nnsim.core.splits import split  # noqa: E402

RATES = (0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0)
SEEDS = (0, 1)
EPOCHS = 500
HIDDEN_UNITS = 3
DEFAULT_SETUP = ("vowels", "sigmoid", "softmax", "cce")
TRUTHS = ("diverged", "in between", "converging")


@dataclass(frozen=True)
class Run:
    """One trained run: its set-up and the training loss after every epoch (index 0 = start)."""

    dataset: str
    hidden: str
    output: str
    loss: str
    learning_rate: float
    seed: int
    losses: NDArray[np.float64]
    weights_finite: NDArray[np.bool_]

    @property
    def truth(self) -> str:
        last = self.losses[-1]
        if not (np.isfinite(last) and self.weights_finite[-1]) or last > self.losses[0]:
            return "diverged"
        return "converging" if last < 0.5 * self.losses[0] else "in between"

    def label(self) -> str:
        return (f"{self.dataset} {self.hidden}/{self.output} {self.loss} "
                f"η={self.learning_rate:g} seed {self.seed}")


def pairings(task: str) -> list[tuple[str, str]]:
    """(output activation, loss) pairs that are valid for ``task``."""
    pairs = [("softmax", "cce"), ("sigmoid", "bce")] if task == CLASSIFICATION else []
    return pairs + [(out, loss) for loss in ("mse", "mae") for out in OUTPUT_ACTIVATIONS]


def train(X: NDArray[np.float64], Y: NDArray[np.float64], hidden: str, output: str, loss: str,
          learning_rate: float, seed: int, epochs: int = EPOCHS
          ) -> tuple[NDArray[np.float64], NDArray[np.bool_]]:
    """Plain full-batch gradient descent with no stop rule; stops only once non-finite."""
    net = Network((X.shape[1], HIDDEN_UNITS, Y.shape[1]), hidden, output, seed)
    losses = np.empty(epochs + 1)
    finite = np.ones(epochs + 1, dtype=bool)
    # A diverging run overflows on purpose.
    with np.errstate(all="ignore"):
        losses[0] = net.loss(X, Y, loss)
        for epoch in range(1, epochs + 1):
            _, grad = net._loss_and_gradient(X, Y, loss)
            net.parameters -= learning_rate * grad
            # The loss at the weights after the update: what the trainer will hand the monitor.
            losses[epoch] = net.loss(X, Y, loss)
            finite[epoch] = bool(np.isfinite(net.parameters).all())
            if not (np.isfinite(losses[epoch]) and finite[epoch]):
                return losses[:epoch + 1], finite[:epoch + 1]
    return losses, finite


def run_grid() -> list[Run]:
    runs = []
    for dataset_id, entry in BUILTIN_DATASETS.items():
        train_part = split(make_builtin(dataset_id)).train
        for hidden in HIDDEN_ACTIVATIONS:
            for output, loss in pairings(entry.task):
                for rate in RATES:
                    for seed in SEEDS:
                        losses, finite = train(train_part.X, train_part.Y, hidden, output, loss,
                                               rate, seed)
                        runs.append(Run(dataset_id, hidden, output, loss, rate, seed, losses,
                                        finite))
    return runs


def replay(losses: NDArray[np.float64], weights_finite: NDArray[np.bool_],
           learning_rate: float) -> Divergence | None:
    """The monitor's first finding over a recorded run, as the trainer would see it."""
    monitor = DivergenceMonitor()
    monitor.start(float(losses[0]))
    for epoch in range(1, losses.size):
        found = monitor.observe(epoch, float(losses[epoch]), bool(weights_finite[epoch]),
                                learning_rate)
        if found is not None:
            return found
    return None


def describe(found: Divergence | None) -> str:
    if found is None:
        return "not flagged"
    return f"{found.kind} ({found.reason}) at epoch {found.epoch}"


def main() -> None:
    started = time.perf_counter()
    runs = run_grid()
    trained = time.perf_counter() - started
    findings = [replay(r.losses, r.weights_finite, r.learning_rate) for r in runs]
    replayed = time.perf_counter() - started - trained

    columns = (DIVERGED, NOT_CONVERGING, "not flagged")
    table = {(t, c): 0 for t in TRUTHS for c in columns}
    for run, found in zip(runs, findings):
        table[run.truth, "not flagged" if found is None else found.kind] += 1
    print(f"{len(runs)} runs of {EPOCHS} epochs: trained in {trained:.0f} s, "
          f"monitor replayed in {replayed:.1f} s\n")
    print(f"{'truth':<12}" + "".join(f"{'flagged ' + c if c != 'not flagged' else c:>26}"
                                     for c in columns) + f"{'total':>8}")
    for t in TRUTHS:
        total = sum(table[t, c] for c in columns)
        print(f"{t:<12}" + "".join(f"{table[t, c]:>26}" for c in columns) + f"{total:>8}")

    n_conv = sum(table["converging", c] for c in columns)
    false_alarms = n_conv - table["converging", "not flagged"]
    n_div = sum(table["diverged", c] for c in columns)
    caught = n_div - table["diverged", "not flagged"]
    print(f"\nconverging runs flagged: {false_alarms}/{n_conv} = "
          f"{100 * false_alarms / n_conv:.1f} % (target <= 1 %)  "
          f"{'OK' if false_alarms <= 0.01 * n_conv else 'MISSED'}")
    print(f"diverged runs flagged:   {caught}/{n_div} = {100 * caught / n_div:.1f} % "
          f"(target >= 90 %)  {'OK' if caught >= 0.9 * n_div else 'MISSED'}")
    epochs = [f.epoch for r, f in zip(runs, findings) if r.truth == "diverged" and f is not None]
    print(f"epoch of the first finding on diverged runs: median {np.median(epochs):.0f}, "
          f"90th percentile {np.percentile(epochs, 90):.0f}")

    by_setup = {(r.dataset, r.hidden, r.output, r.loss, r.learning_rate, r.seed): f
                for r, f in zip(runs, findings)}
    at_100 = by_setup[(*DEFAULT_SETUP, 100.0, 0)]
    at_30 = by_setup[(*DEFAULT_SETUP, 30.0, 0)]
    ok_100 = at_100 is not None and at_100.epoch <= 20
    print(f"\ndefault set-up at η = 100: {describe(at_100)}  (target: within 20 epochs)  "
          f"{'OK' if ok_100 else 'MISSED'}")
    print(f"default set-up at η = 30:  {describe(at_30)}  (target: not flagged)  "
          f"{'OK' if at_30 is None else 'MISSED'}")

    print("\nconverging runs flagged:")
    for run, found in zip(runs, findings):
        if run.truth == "converging" and found is not None:
            print(f"  {run.label():<48} {found.reason} at epoch {found.epoch}; "
                  f"loss {run.losses[0]:.3g} → {run.losses[-1]:.3g}")
    print("diverged runs not flagged:")
    for run, found in zip(runs, findings):
        if run.truth == "diverged" and found is None:
            # These typically bounce between two values, one below the start and one above.
            tail = run.losses[-100:]
            print(f"  {run.label():<48} loss {run.losses[0]:.3g} → {run.losses[-1]:.3g} "
                  f"(last 100 epochs between {tail.min():.3g} and {tail.max():.3g})")
    print(f"\ntotal {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
