"""Is the Examples table responsive on 200,000 rows? Times as ratios against baselines.

    python benchmarks/examples_table.py [ROWS]

Builds a classification dataset of ROWS rows (default 200,000; three inputs, two classes), a
session with the Examples table on, and an :class:`ExamplesTable` of 1000×500 px (offscreen
unless a display is set), then measures in this one process, each the median of a few rounds:

worker side (the training thread), against one bare forward pass ``net.predict`` of every row:
- the rows' numbers (outputs, per-row losses, misclassified) for the three splits;
GUI side, against painting the same table view over a constant model of as many rows (the least
any QTableView of that size costs):
- the first rows arriving (model reset, columns sized) and painting;
- new numbers for every row while unsorted (refresh + paint), what training does 4 times a second;
- clicking a column title: sorting by loss (argsort of every row + relayout + paint);
- new numbers while sorted by loss (re-sort + paint);
- scrolling to the last row and painting it.

Targets: the GUI side well under 100 ms per operation (a frame or two, never a freeze); the
worker side a small multiple of the bare forward pass (it also computes the losses). Not part of
the test suite: timings belong here, printed as ratios, never asserted in tests.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtWidgets import QApplication, QTableView

from nnsim.core import commands as cmd
from nnsim.core.datasets import CLASSIFICATION, Dataset
from nnsim.core.example_rows import example_rows
from nnsim.core.session import Session
from nnsim.core.settings import Settings
from nnsim.ui.examples_model import LOSS
from nnsim.ui.examples_table import ExamplesTable

ROUNDS = 5


class ConstantModel(QAbstractTableModel):
    """The cheapest model of ``rows`` × ``columns``: every cell the same short text."""

    def __init__(self, rows: int, columns: int) -> None:
        super().__init__()
        self._rows, self._columns = rows, columns

    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else self._rows

    def columnCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else self._columns

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return "0.1234" if role == Qt.ItemDataRole.DisplayRole else None


def median_ms(action, rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(1000 * (time.perf_counter() - start))
    return statistics.median(times)


def big_session(n: int) -> Session:
    rng = np.random.default_rng(0)
    X = rng.normal(size=(n, 3))
    labels = (X[:, 0] * X[:, 1] > 0).astype(int)
    session = Session(Settings(dataset="xor", examples_table=True),
                      Dataset(X, np.eye(2)[labels], CLASSIFICATION, name="big"))
    session._examples.min_interval = 0.0  # every snapshot fresh: each round measures the work
    return session


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    app = QApplication.instance() or QApplication(sys.argv)
    session = big_session(n)
    net, splits, loss = session.net, session.splits, session.trainer.loss
    all_X = np.vstack([p.X for p in splits])

    predict = median_ms(lambda: net.predict(all_X))
    numbers = median_ms(lambda: example_rows(net, splits, loss, 0, with_test=True))
    print(f"{n:,} rows")
    print(f"worker: bare forward pass           {predict:7.1f} ms")
    print(f"worker: outputs, losses, mistakes   {numbers:7.1f} ms   ratio {numbers / predict:5.2f}x")

    table = ExamplesTable()
    table.resize(1000, 500)
    table.show()
    table.set_on_screen(True)
    app.processEvents()
    view = table.view

    def paint() -> None:
        view.viewport().grab()

    baseline_view = QTableView()
    baseline_view.resize(view.size())
    baseline_view.setModel(ConstantModel(n, 9))
    baseline_view.verticalHeader().hide()
    baseline_view.show()
    app.processEvents()
    baseline = median_ms(lambda: baseline_view.viewport().grab())
    print(f"GUI baseline: paint a constant table {baseline:7.1f} ms")

    snapshot = session.snapshot()

    def first() -> None:
        # Forget the rows: a full reset, as new data would bring.
        table.model._splits, table._rows = None, None
        table.show_snapshot(snapshot)
        paint()

    def step_and_show() -> None:
        session.step(1)
        snap = session.snapshot()
        start = time.perf_counter()
        table.show_snapshot(snap)
        paint()
        shown.append(1000 * (time.perf_counter() - start))

    results = {"first rows (reset, size columns, paint)": median_ms(first)}
    shown: list[float] = []
    for _ in range(ROUNDS):
        step_and_show()
    results["new numbers, unsorted (refresh, paint)"] = statistics.median(shown)
    loss_column = next(i for i in range(table.model.columnCount())
                       if table.model.column(i).kind == LOSS)
    orders = iter([Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder] * ROUNDS)
    results["sort by loss (argsort, relayout, paint)"] = median_ms(
        lambda: (view.sortByColumn(loss_column, next(orders)), paint()))
    shown.clear()
    for _ in range(ROUNDS):
        step_and_show()
    results["new numbers, sorted by loss (re-sort, paint)"] = statistics.median(shown)
    session.apply(cmd.EvaluateTest())
    table.show_snapshot(session.snapshot())
    results["scroll to the last row, paint"] = median_ms(
        lambda: (view.scrollToTop(), paint(), view.scrollToBottom(), paint()))
    for label, ms in results.items():
        print(f"GUI: {label:46s} {ms:7.1f} ms   ratio {ms / baseline:6.1f}x baseline")
    table.close()
    baseline_view.close()


if __name__ == "__main__":
    main()
