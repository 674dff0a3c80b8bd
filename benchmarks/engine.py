"""Speed of nnsim's core, as ratios against baselines run in the same process.

    python benchmarks/engine.py

1. Trainer epochs/s against a minimal hand-written NumPy loop doing the same work (3-3-2,
   sigmoid hidden, linear output, MSE, 1000 samples split 70/15/15, full batch; an epoch = one
   update on train + the loss on dev and test). Target: >= 0.8x.
2. The same against PyTorch on the CPU with one thread, when torch is installed. Target: >= 2x.
3. The 1-D landscape (401 values, 1000 samples) against setting the value and calling
   ``net.loss`` 401 times. Target: >= 4x.

Not part of the test suite: timings belong here, printed as ratios, never asserted in tests.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nnsim.core import Dataset, Network, Trainer, landscape, split  # noqa: E402

EPOCHS = 2000
REPEATS = 5


def make_splits():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(1000, 3))
    Y = np.column_stack([np.sin(X[:, 0]) + 0.5 * X[:, 1], np.tanh(X[:, 2])])
    return split(Dataset(X, Y, "regression"), (0.7, 0.15, 0.15), seed=0)


def best_rate(run) -> float:
    """Epochs per second of the best of REPEATS runs (least disturbed by the machine)."""
    rates = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        run()
        rates.append(EPOCHS / (time.perf_counter() - start))
    return max(rates)


def nnsim_trainer(splits) -> float:
    def run() -> None:
        net = Network((3, 3, 2), "sigmoid", "linear", seed=0)
        Trainer(net, splits, "mse", 0.1).run(EPOCHS)
    return best_rate(run)


def minimal_numpy(splits) -> float:
    train, dev, test = splits

    def run() -> None:
        net = Network((3, 3, 2), "sigmoid", "linear", seed=0)
        W1, W2 = net.weights[0].copy(), net.weights[1].copy()
        b1, b2 = net.biases[0].copy(), net.biases[1].copy()
        X, Y = train.X, train.Y
        n = Y.size
        for _ in range(EPOCHS):
            H = 1 / (1 + np.exp(-(X @ W1 + b1)))
            out = H @ W2 + b2
            d = out - Y
            float(np.mean(d * d))
            d2 = (2 / n) * d
            gW2, gb2 = H.T @ d2, d2.sum(0)
            d1 = (d2 @ W2.T) * H * (1 - H)
            gW1, gb1 = X.T @ d1, d1.sum(0)
            W1 -= 0.1 * gW1
            b1 -= 0.1 * gb1
            W2 -= 0.1 * gW2
            b2 -= 0.1 * gb2
            for part in (dev, test):
                Hp = 1 / (1 + np.exp(-(part.X @ W1 + b1)))
                dp = Hp @ W2 + b2 - part.Y
                float(np.mean(dp * dp))
    return best_rate(run)


def pytorch(splits) -> float | None:
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(1)
    train, dev, test = splits
    tensors = [(torch.tensor(p.X), torch.tensor(p.Y)) for p in (train, dev, test)]

    def run() -> None:
        model = torch.nn.Sequential(torch.nn.Linear(3, 3), torch.nn.Sigmoid(),
                                    torch.nn.Linear(3, 2)).double()
        opt = torch.optim.SGD(model.parameters(), lr=0.1)
        loss_fn = torch.nn.MSELoss()
        (X, Y), (Xd, Yd), (Xt, Yt) = tensors
        for _ in range(EPOCHS):
            opt.zero_grad()
            loss = loss_fn(model(X), Y)
            loss.backward()
            opt.step()
            with torch.no_grad():
                float(loss_fn(model(Xd), Yd))
                float(loss_fn(model(Xt), Yt))
    return best_rate(run)


def landscape_speedup() -> tuple[float, dict[str, float]]:
    rng = np.random.default_rng(1)
    X = rng.normal(size=(1000, 3))
    Y = rng.normal(size=(1000, 2))
    net = Network((3, 3, 2), "sigmoid", "linear", seed=0)
    ratios = {}
    for name in net.names:
        values = np.linspace(net[name] - 3, net[name] + 3, 401)
        fast = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            landscape(net, X, Y, "mse", name, values)
            fast.append(time.perf_counter() - start)
        before = net.get_vector()
        brute = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            for v in values:
                net[name] = v
                net.loss(X, Y, "mse")
            brute.append(time.perf_counter() - start)
        net.set_vector(before)
        ratios[name] = min(brute) / min(fast)
    return statistics.median(ratios.values()), ratios


def main() -> None:
    splits = make_splits()
    ours = nnsim_trainer(splits)
    minimal = minimal_numpy(splits)
    print(f"nnsim Trainer        {ours:10.0f} epochs/s")
    print(f"minimal NumPy loop   {minimal:10.0f} epochs/s   ratio {ours / minimal:.2f}x "
          f"(target >= 0.8x)")
    torch_rate = pytorch(splits)
    if torch_rate is None:
        print("PyTorch              not installed (pip install torch==2.13.0 to compare)")
    else:
        print(f"PyTorch CPU 1 thread {torch_rate:10.0f} epochs/s   ratio {ours / torch_rate:.2f}x "
              f"(target >= 2x)")
    median, ratios = landscape_speedup()
    worst = min(ratios, key=ratios.get)
    print(f"landscape 401 x 1000 vs brute force: median {median:.1f}x, worst {worst} "
          f"{ratios[worst]:.1f}x (target >= 4x)")


if __name__ == "__main__":
    main()
