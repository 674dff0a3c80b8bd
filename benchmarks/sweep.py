"""Speed of ``nnsim.core.sweep`` against one :class:`Trainer` per configuration.

    python benchmarks/sweep.py [--epochs N]

The grid of the lecture's tuning demo: 8 learning rates log-spaced from 0.01 to 30 × hidden
units 1 … 9, EPOCHS epochs each, on the default vowels split (sigmoid hidden units, softmax
outputs, categorical cross-entropy, full batch, seed 0). Both contenders run in this process,
one after the other, twice (sequential, sweep, sequential, sweep), and the faster time of each is
compared, so a busy moment of the machine hits both alike. Target: the sweep at least 5× faster.

BLAS runs on one thread (OPENBLAS_NUM_THREADS=1 unless the environment sets it): the trainer's
small products never use a second one, so this compares one core with one core (with threads,
OpenBLAS would split the sweep's two largest products and gain little on 2 cores).

It also prints how closely the sweep follows the trainers: the largest relative difference of
any recorded number per configuration, and how many configurations agree to 1e-9. For each that
does not, it shows how far the trainer moves from itself when one initial weight changes in the
last bit: chaotic runs (small networks at the largest learning rates) cannot agree closer.

Not part of the test suite: timings belong here, printed as ratios, never asserted in tests.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before NumPy loads OpenBLAS

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nnsim.core.datasets import make_builtin  # noqa: E402
from nnsim.core.network import Network  # noqa: E402
from nnsim.core.splits import Splits, split  # noqa: E402
from nnsim.core.sweep import SweepResult, sweep  # noqa: E402
from nnsim.core.trainer import Trainer  # noqa: E402

EPOCHS = 1000
RATES = tuple(float(r) for r in np.logspace(np.log10(0.01), np.log10(30.0), 8))
HIDDEN = tuple(range(1, 10))
HIDDEN_ACTIVATION, OUTPUT_ACTIVATION, LOSS, SEED = "sigmoid", "softmax", "cce", 0
ROUNDS = 2


def sequential(splits: Splits, epochs: int) -> dict[tuple[int, float], dict[str, np.ndarray]]:
    """One Network + Trainer per configuration, as the app would train them one by one."""
    histories = {}
    for h in HIDDEN:
        for lr in RATES:
            net = Network((3, h, 2), HIDDEN_ACTIVATION, OUTPUT_ACTIVATION, seed=SEED)
            trainer = Trainer(net, splits, LOSS, lr, seed=SEED)
            trainer.run(epochs)
            histories[h, lr] = trainer.history.as_arrays()
    return histories


def vectorised(splits: Splits, epochs: int) -> SweepResult:
    return sweep(splits, RATES, HIDDEN, epochs, HIDDEN_ACTIVATION, OUTPUT_ACTIVATION, LOSS, SEED)


def deviation(reference: dict[str, np.ndarray], got: dict[str, np.ndarray]) -> float:
    """Largest relative difference over every recorded number (inf if the lengths differ)."""
    if len(reference["epoch"]) != len(got["epoch"]):
        return float("inf")
    worst = 0.0
    for name, values in got.items():
        ref = reference[name]
        same = (values == ref) | (np.isnan(ref) & np.isnan(values))  # inf == inf counts too
        diff = np.abs(values - ref) / np.maximum(np.abs(ref), 1e-300)
        worst = max(worst, float(np.max(np.where(same, 0.0, diff), initial=0.0)))
    return worst


def self_sensitivity(splits: Splits, h: int, lr: float, epochs: int, target: float) -> float:
    """How far the trainer's own history moves when one initial weight changes in the last bit
    (the largest over the weights tried; stops once it exceeds ``target``)."""
    def run(bump: int | None) -> dict[str, np.ndarray]:
        net = Network((3, h, 2), HIDDEN_ACTIVATION, OUTPUT_ACTIVATION, seed=SEED)
        if bump is not None:
            net.parameters[bump] = np.nextafter(net.parameters[bump], np.inf)
        trainer = Trainer(net, splits, LOSS, lr, seed=SEED)
        trainer.run(epochs)
        return trainer.history.as_arrays()

    reference, worst = run(None), 0.0
    for i in range(3 * h + 2 * h):  # the weights; biases start at 0, whose next float is tiny
        worst = max(worst, deviation(reference, run(i)))
        if worst > target:
            break
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    epochs = parser.parse_args().epochs
    splits = split(make_builtin("vowels"))
    print(f"{len(RATES)} learning rates × {len(HIDDEN)} hidden sizes × {epochs} epochs, "
          f"vowels {splits.train.X.shape[0]} training + {splits.dev.X.shape[0]} dev rows; "
          f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}")
    times: dict[str, list[float]] = {"trainer per configuration": [], "sweep": []}
    for _ in range(ROUNDS):
        start = time.perf_counter()
        reference = sequential(splits, epochs)
        times["trainer per configuration"].append(time.perf_counter() - start)
        start = time.perf_counter()
        result = vectorised(splits, epochs)
        times["sweep"].append(time.perf_counter() - start)
    best = {name: min(t) for name, t in times.items()}
    for name, t in best.items():
        print(f"  {name:<26} {t:7.3f} s  (rounds: {', '.join(f'{x:.3f}' for x in times[name])})")
    ratio = best["trainer per configuration"] / best["sweep"]
    print(f"  speed-up {ratio:.1f}×  (target >= 5×: {'met' if ratio >= 5 else 'MISSED'})")

    deviations = {cfg: deviation(reference[cfg], result.history(*cfg)) for cfg in result.configs}
    close = sum(d <= 1e-9 for d in deviations.values())
    print(f"agreement with the trainers: {close} of {len(deviations)} configurations to 1e-9")
    for (h, lr), d in sorted(deviations.items(), key=lambda item: -item[1]):
        if d > 1e-9:
            own = self_sensitivity(splits, h, lr, epochs, d)
            print(f"  h={h} η={lr:<7.4g} differs by {d:.2g} (relative); the trainer itself moves "
                  f"by {own:.2g} when one initial weight changes in the last bit")
    h, lr, epoch = result.best()
    print(f"best dev loss: {h} hidden units, η = {lr:.4g}, epoch {epoch}")


if __name__ == "__main__":
    main()
