"""Speed of nnsim's core, as ratios against baselines run in the same process.

    python benchmarks/engine.py

1. Trainer epochs/s against a minimal hand-written NumPy loop doing the same work, on the app's
   default setup (vowels, 3-3-2, sigmoid hidden, softmax + categorical cross-entropy, η = 0.5,
   full batch; an epoch = one update on the training rows, then the training and dev loss and
   accuracy at the new weights). Medians of interleaved rounds. Target: >= 0.9x.
2. Trainer epochs/s against PyTorch on the CPU with one thread doing the same, when torch is
   installed. Target: >= 2x.
3. The 1-D landscape (401 values, 1000 training rows) against setting the value and calling
   ``net.loss`` 401 times, per setup (the app's default vowels/softmax/cce, regression with
   mse on a linear output, bce on a sigmoid output; for information also relu/tanh with mse,
   which takes the general path) and per parameter kind (hidden weight and bias, output weight
   and bias): medians of interleaved rounds. Target: >= 6x.
4. One whole landscape figure on 200,000 rows, which computes on a sample of
   ``DEFAULT_MAX_ROWS`` rows. Target: <= 60 ms.

OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE are left as the environment sets them, and printed.

Not part of the test suite: timings belong here, printed as ratios, never asserted in tests.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nnsim.core import (Dataset, Network, Trainer, landscape,  # noqa: E402
                        landscape_figure, split)
from nnsim.core.landscape import DEFAULT_MAX_ROWS  # noqa: E402

EPOCHS = 2000
REPEATS = 5


def make_splits():
    from nnsim.core import make_builtin
    return split(make_builtin("vowels"))


def rates(runs: dict[str, object], rounds: int = REPEATS) -> dict[str, float]:
    """Median epochs per second of each run, measured in interleaved rounds (a slow moment of
    the machine hits every contender alike)."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(rounds):
        for name, run in runs.items():
            start = time.perf_counter()
            run()  # type: ignore[operator]
            times[name].append(time.perf_counter() - start)
    return {name: EPOCHS / statistics.median(t) for name, t in times.items()}


def nnsim_trainer(splits):
    def run() -> None:
        net = Network((3, 3, 2), "sigmoid", "softmax", seed=0)
        Trainer(net, splits, "cce", 0.5).run(EPOCHS)
    return run


def minimal_numpy(splits):
    train, dev, _ = splits
    stacked = np.vstack([train.X, dev.X])
    labels = np.concatenate([train.Y.argmax(1), dev.Y.argmax(1)])
    n = len(train.X)

    def run() -> None:
        net = Network((3, 3, 2), "sigmoid", "softmax", seed=0)
        W1, W2 = net.weights[0].copy(), net.weights[1].copy()
        b1, b2 = net.biases[0].copy(), net.biases[1].copy()
        X, Y = train.X, train.Y
        for _ in range(EPOCHS):
            H = 1 / (1 + np.exp(-(X @ W1 + b1)))
            z = H @ W2 + b2
            e = np.exp(z - z.max(1, keepdims=True))
            d2 = (e / e.sum(1, keepdims=True) - Y) / len(X)
            gW2, gb2 = H.T @ d2, d2.sum(0)
            d1 = (d2 @ W2.T) * H * (1 - H)
            gW1, gb1 = X.T @ d1, d1.sum(0)
            W1 -= 0.5 * gW1
            b1 -= 0.5 * gb1
            W2 -= 0.5 * gW2
            b2 -= 0.5 * gb2
            # The numbers of the epoch, at the new weights: one pass over train + dev rows.
            z = (1 / (1 + np.exp(-(stacked @ W1 + b1)))) @ W2 + b2
            m = z.max(1, keepdims=True)
            nll = (m[:, 0] + np.log(np.exp(z - m).sum(1))) - z[np.arange(len(z)), labels]
            float(nll[:n].mean()), float(nll[n:].mean())
            hits = z.argmax(1) == labels
            float(hits[:n].mean()), float(hits[n:].mean())
    return run


def pytorch(splits):
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(1)
    train, dev, _ = splits
    X, Y = torch.tensor(train.X), torch.tensor(train.Y.argmax(1))
    Xd, Yd = torch.tensor(dev.X), torch.tensor(dev.Y.argmax(1))

    def run() -> None:
        model = torch.nn.Sequential(torch.nn.Linear(3, 3), torch.nn.Sigmoid(),
                                    torch.nn.Linear(3, 2)).double()
        opt = torch.optim.SGD(model.parameters(), lr=0.5)
        loss_fn = torch.nn.CrossEntropyLoss()
        for _ in range(EPOCHS):
            opt.zero_grad()
            loss = loss_fn(model(X), Y)
            loss.backward()
            opt.step()
            with torch.no_grad():
                for inputs, labels in ((X, Y), (Xd, Yd)):
                    out = model(inputs)
                    float(loss_fn(out, labels)), float((out.argmax(1) == labels).double().mean())
    return run


# (label, settings of the setup, loss) — the app's default first, then the other pairings the
# target is for; last, for information, a pairing that takes the general path (no closed form).
LANDSCAPE_SETUPS = (
    ("vowels, sigmoid/softmax, cce (default)", dict(n_samples=1428), "cce"),
    ("regression, sigmoid/linear, mse", dict(dataset="regression", n_samples=1428,
                                               output_activation="linear", loss="mse"), "mse"),
    ("vowels, tanh/sigmoid, bce", dict(n_samples=1428, hidden_activation="tanh",
                                       output_activation="sigmoid", loss="bce"), "bce"),
    ("(info) regression, relu/tanh, mse", dict(dataset="regression", n_samples=1428,
                                               hidden_activation="relu",
                                               output_activation="tanh", loss="mse"), "mse"),
)
TARGET_SETUPS = 3  # the first three
LANDSCAPE_KINDS = (("hidden weight", "w12"), ("hidden bias", "b1"), ("output weight", "v31"),
                   ("output bias", "b4"))
LANDSCAPE_ROUNDS = 7


def landscape_speedup() -> dict[tuple[str, str], float]:
    """Median over interleaved rounds of (brute-force time / landscape time), per setup and kind.

    401 values, 1000 training rows. Each round times every case once, landscape and brute force
    back to back, so a busy moment of the machine slows both sides of a ratio alike.
    """
    from nnsim.core.session import Session, Settings

    cases = []
    for label, settings, loss in LANDSCAPE_SETUPS:
        session = Session(Settings(**settings))
        train = session.splits.train
        assert train.X.shape[0] == 1000, train.X.shape
        for kind, name in LANDSCAPE_KINDS:
            net = session.net
            cases.append(((label, kind), net, train.X, train.Y, loss, name,
                          np.linspace(net[name] - 3, net[name] + 3, 401)))
    ratios: dict[tuple[str, str], list[float]] = {key: [] for key, *_ in cases}
    for _ in range(LANDSCAPE_ROUNDS):
        for key, net, X, Y, loss, name, values in cases:
            start = time.perf_counter()
            landscape(net, X, Y, loss, name, values)
            fast = time.perf_counter() - start
            before = net.get_vector()
            start = time.perf_counter()
            for v in values:
                net[name] = v
                net.loss(X, Y, loss)
            brute = time.perf_counter() - start
            net.set_vector(before)
            ratios[key].append(brute / fast)
    return {key: statistics.median(r) for key, r in ratios.items()}


def large_figure_ms(rows: int = 200_000) -> dict[str, float]:
    """Median milliseconds of one whole ``landscape_figure`` (automatic range) on ``rows`` rows,
    per setup and parameter kind, with the default ``max_rows`` sample; interleaved rounds.

    The relu/tanh setup takes the general path (no closed form): the slowest case."""
    from nnsim.core.datasets import make_regression, make_vowels

    data = {}
    for task, d in (("regression", make_regression(rows, seed=1)),
                    ("vowels", make_vowels(rows, seed=1))):
        data[task] = ((d.X - d.X.mean(axis=0)) / d.X.std(axis=0), d.Y)  # as the app's splits
    setups = (("cce", "vowels", Network((3, 3, 2), "sigmoid", "softmax", seed=0)),
              ("mse", "regression", Network((3, 3, 2), "sigmoid", "linear", seed=0)),
              ("mse", "regression", Network((3, 3, 2), "relu", "tanh", seed=67)))
    times: dict[str, list[float]] = {}
    for _ in range(5):
        for loss, task, net in setups:
            X, Y = data[task]
            for kind, name in LANDSCAPE_KINDS:
                start = time.perf_counter()
                landscape_figure(net, X, Y, loss, name, 0.5)
                key = f"{net.hidden_activation}/{net.output_activation} {loss} {kind}"
                times.setdefault(key, []).append(time.perf_counter() - start)
    return {key: 1e3 * statistics.median(t) for key, t in times.items()}


def main() -> None:
    if sys.argv[1:] != ["landscape"]:  # `engine.py landscape` runs parts 3 and 4 only
        trainer_comparison()
    landscape_comparison()


def trainer_comparison() -> None:
    splits = make_splits()
    runs = {"nnsim": nnsim_trainer(splits), "minimal": minimal_numpy(splits)}
    torch_run = pytorch(splits)
    if torch_run is not None:
        runs["torch"] = torch_run
    rate = rates(runs)
    ours = rate["nnsim"]
    print(f"default setup (vowels, sigmoid/softmax, cce), {EPOCHS} epochs, median of {REPEATS} "
          "interleaved rounds")
    print(f"nnsim Trainer        {ours:10.0f} epochs/s")
    print(f"minimal NumPy loop   {rate['minimal']:10.0f} epochs/s   ratio "
          f"{ours / rate['minimal']:.2f}x (target >= 0.9x)")
    if "torch" not in rate:
        print("PyTorch              not installed (pip install torch to compare)")
    else:
        print(f"PyTorch CPU 1 thread {rate['torch']:10.0f} epochs/s   ratio "
              f"{ours / rate['torch']:.2f}x (target >= 2x)")


def landscape_comparison() -> None:
    print("OPENBLAS_CORETYPE=" + os.environ.get("OPENBLAS_CORETYPE", "(unset)") +
          ", OPENBLAS_L2_SIZE=" + os.environ.get("OPENBLAS_L2_SIZE", "(unset)"))
    ratios = landscape_speedup()
    print(f"landscape 401 values x 1000 rows vs brute force, median of {LANDSCAPE_ROUNDS} "
          f"interleaved rounds (target >= 6x):")
    for label, *_ in LANDSCAPE_SETUPS:
        print(f"  {label:40s}" + "".join(f"  {kind} {ratios[label, kind]:5.1f}x"
                                           for kind, _ in LANDSCAPE_KINDS))
    print("  over the first three setups:")
    for kind, _ in LANDSCAPE_KINDS:
        per_kind = [ratios[label, kind] for label, *_ in LANDSCAPE_SETUPS[:TARGET_SETUPS]]
        print(f"  {kind:14s} median {statistics.median(per_kind):5.1f}x, "
              f"worst {min(per_kind):5.1f}x")
    figure_ms = large_figure_ms()
    worst = max(figure_ms, key=figure_ms.get)
    print(f"landscape_figure on 200,000 rows (sample of {DEFAULT_MAX_ROWS}): median "
          f"{statistics.median(figure_ms.values()):.0f} ms, worst {worst} "
          f"{figure_ms[worst]:.0f} ms (target <= 60 ms)")


if __name__ == "__main__":
    main()
