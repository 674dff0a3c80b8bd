"""The Examples table: every row with target, output and loss; sortable; test rows sealed;
200,000 rows without a QTableWidgetItem in sight."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDockWidget, QTableView

from nnsim.core import commands as cmd
from nnsim.core.datasets import CLASSIFICATION, Dataset
from nnsim.core.demos import DEMOS
from nnsim.core.session import Session
from nnsim.core.settings import Settings
from nnsim.ui.examples_model import (
    FEATURE,
    HIDDEN,
    LOSS,
    OUTPUT,
    SORT_KEY,
    TARGET,
    WRONG,
    WRONG_MARK,
)
from nnsim.ui.examples_table import ExamplesTable
from nnsim.ui.numbers import significant
from tests.ui.test_main_window import TIMEOUT, settle, wait_for, window  # noqa: F401 - fixture


def table_session(dataset: str = "vowels", epochs: int = 10) -> Session:
    session = Session(Settings(dataset=dataset, examples_table=True))
    session._examples.min_interval = 0.0  # every snapshot fresh
    session.step(epochs)
    return session


@pytest.fixture
def table(qtbot) -> ExamplesTable:
    widget = ExamplesTable()
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    widget.set_on_screen(True)
    return widget


def column_of(table: ExamplesTable, kind: int) -> int:
    model = table.model
    return next(i for i in range(model.columnCount()) if model.column(i).kind == kind)


def cell(table: ExamplesTable, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    model = table.model
    return model.data(model.index(row, column), role)


def click_header(qtbot, table: ExamplesTable, column: int) -> None:
    header = table.view.horizontalHeader()
    table.view.scrollTo(table.model.index(0, column))
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def click_row(qtbot, table: ExamplesTable, row: int) -> None:
    index = table.model.index(row, 0)
    table.view.scrollTo(index)
    qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.view.visualRect(index).center())


def test_every_row_with_target_output_loss_and_mistakes(table):
    session = table_session()
    snap = session.snapshot()
    table.show_snapshot(snap)
    model, splits = table.model, session.splits
    assert model.rowCount() == snap.n_rows
    titles = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert titles == ["Set", "Row", "Target", "Output", "Loss (CCE)", "Misclassified",
                      "F1 (Hz)", "F2 (Hz)", "F3 (Hz)"]
    rows = snap.example_rows
    loss_column, wrong_column = column_of(table, LOSS), column_of(table, WRONG)
    target, f1 = column_of(table, TARGET), column_of(table, FEATURE)
    for r in (0, 5, splits.train.n_samples - 1):  # training rows come first, in their order
        assert cell(table, r, 0) == "train" and cell(table, r, 1) == str(r + 1)
        assert cell(table, r, loss_column) == significant(rows.train.losses[r])
        assert cell(table, r, target) == splits.train.target_names[splits.train.labels[r]]
        wrong = bool(rows.train.misclassified[r])
        assert (cell(table, r, wrong_column) == WRONG_MARK) == wrong
        assert (cell(table, r, f1, Qt.ItemDataRole.BackgroundRole) is not None) == wrong
    # The features as in the data (hertz), the standardised value in the tooltip.
    raw = splits.raw_features(splits.train.X[:1])[0, 0]
    assert cell(table, 0, f1) == significant(raw)
    assert significant(splits.train.X[0, 0]) in cell(table, 0, f1, Qt.ItemDataRole.ToolTipRole)
    # The mean of the training rows' losses is the training loss of the status bar.
    n_train = splits.train.n_samples
    keys = [cell(table, r, loss_column, SORT_KEY) for r in range(n_train)]
    assert np.mean(keys) == pytest.approx(snap.train_loss, rel=1e-12)
    assert "training: " in table.summary_text() and significant(snap.train_loss) in \
        table.summary_text()


def test_test_rows_are_greyed_and_sealed_until_evaluated(table):
    session = table_session()
    table.show_snapshot(session.snapshot())
    last = table.model.rowCount() - 1
    output, loss = column_of(table, OUTPUT), column_of(table, LOSS)
    assert cell(table, last, 0) == "test"
    assert cell(table, last, output) == HIDDEN and cell(table, last, loss) == HIDDEN
    f1 = column_of(table, FEATURE)
    assert cell(table, last, f1, Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    assert not table.model.flags(table.model.index(last, f1)) & Qt.ItemFlag.ItemIsEnabled
    assert "sealed" in table.summary_text()
    session.apply(cmd.EvaluateTest())
    snap = session.snapshot()
    table.show_snapshot(snap)
    assert cell(table, last, loss) == significant(snap.example_rows.test.losses[-1])
    assert cell(table, last, f1, Qt.ItemDataRole.ForegroundRole) is None
    assert table.model.flags(table.model.index(last, f1)) & Qt.ItemFlag.ItemIsEnabled
    assert "sealed" not in table.summary_text()


def test_sorting_by_clicking_a_header_and_following_the_numbers(qtbot, table):
    session = table_session("regression")
    table.show_snapshot(session.snapshot())
    loss = column_of(table, LOSS)
    click_header(qtbot, table, loss)
    click_header(qtbot, table, loss)  # second click: descending, the worst rows first
    assert table.view.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    n_visible = table.model.rowCount() - session.splits.test.n_samples
    keys = np.array([cell(table, r, loss, SORT_KEY) for r in range(n_visible)])
    assert np.all(np.diff(keys) <= 0) and keys[0] == pytest.approx(
        max(session.snapshot().example_rows.train.losses.max(),
            session.snapshot().example_rows.dev.losses.max()))
    # Sealed test rows sort last either way.
    assert cell(table, table.model.rowCount() - 1, 0) == "test"
    # The selected row stays selected while training re-sorts the table under it.
    click_row(qtbot, table, 3)
    chosen = table.model.source_row(3)
    session.step(30)
    table.show_snapshot(session.snapshot())
    keys = np.array([cell(table, r, loss, SORT_KEY) for r in range(n_visible)])
    assert np.all(np.diff(keys) <= 0)
    selected = table.view.selectionModel().selectedRows()
    assert [table.model.source_row(i.row()) for i in selected] == [chosen]


def test_clicking_a_training_row_chooses_it_for_the_explainer(qtbot, table):
    session = table_session("xor")
    table.show_snapshot(session.snapshot())
    click_header(qtbot, table, column_of(table, LOSS))  # any order: the signal names the row
    chosen = []
    table.training_row_chosen.connect(chosen.append)
    for view_row in range(table.model.rowCount()):
        if table.model.source_row(view_row)[0] == "train":
            break
    click_row(qtbot, table, view_row)
    assert chosen == [table.model.source_row(view_row)[1]]
    dev_row = next(r for r in range(table.model.rowCount())
                   if table.model.source_row(r)[0] == "dev")
    click_row(qtbot, table, dev_row)
    assert len(chosen) == 1  # only training rows can be explained


def test_the_table_asks_for_its_numbers_only_while_on_screen(qtbot):
    widget = ExamplesTable()
    qtbot.addWidget(widget)
    asked = []
    widget.command_requested.connect(asked.append)
    widget.set_on_screen(True)
    widget.set_on_screen(False)
    assert asked == [cmd.SetExamplesTable(True), cmd.SetExamplesTable(False)]
    # A demo opened while the table is shown turns the computation off: the table asks again.
    widget.set_on_screen(True)
    asked.clear()
    widget.show_snapshot(Session(Settings(dataset="xor")).snapshot())
    assert asked == [cmd.SetExamplesTable(True)]


def big_session(n: int = 200_000) -> Session:
    rng = np.random.default_rng(0)
    X = rng.normal(size=(n, 3))
    labels = (X[:, 0] * X[:, 1] > 0).astype(int)
    data = Dataset(X, np.eye(2)[labels], CLASSIFICATION, name="big")
    session = Session(Settings(dataset="xor", examples_table=True), data)
    session._examples.min_interval = 0.0
    return session


def test_200000_rows_show_sort_and_scroll(qtbot, table):
    session = big_session()
    snap = session.snapshot()
    table.show_snapshot(snap)
    model, view = table.model, table.view
    assert model.rowCount() == 200_000
    assert not table.findChildren(QTableView)[0].isHidden()
    loss = column_of(table, LOSS)
    click_header(qtbot, table, loss)  # ascending: one argsort of 200,000 keys
    n_visible = model.rowCount() - session.splits.test.n_samples
    top = [cell(table, r, loss, SORT_KEY) for r in range(50)]
    assert top == sorted(top) and top[0] == pytest.approx(min(
        snap.example_rows.train.losses.min(), snap.example_rows.dev.losses.min()))
    view.scrollToBottom()
    view.viewport().grab()  # paints the last rows: the sealed test rows
    assert cell(table, model.rowCount() - 1, loss) == HIDDEN
    # New numbers for all rows, re-sorted.
    session.step(2)
    table.show_snapshot(session.snapshot())
    keys = np.array([cell(table, r, loss, SORT_KEY) for r in range(0, n_visible, 997)])
    assert np.all(np.diff(keys) >= 0)
    f1 = column_of(table, FEATURE)
    click_header(qtbot, table, f1)  # by a feature
    column = np.array([cell(table, r, f1, SORT_KEY) for r in range(0, model.rowCount(), 1013)])
    assert np.all(np.diff(column) >= 0)


def dock(main_window, name: str) -> QDockWidget:
    return main_window.findChild(QDockWidget, name)


def test_the_examples_tab_in_the_window(qtbot, window):  # noqa: F811 - the fixture
    examples = dock(window, "examplesTable")
    assert examples is not None and examples.isHidden()  # hidden by default: no cost
    assert window.latest_snapshot.settings.examples_table is False
    assert window.findChild(QTableView, "examplesView") is window.examples_table.view
    action = examples.toggleViewAction()
    assert action in window.view_menu.actions()
    action.trigger()  # View → Examples: shown, as a tab beside the landscape, in front
    assert examples in window.tabifiedDockWidgets(dock(window, "landscapeDock"))
    snap = wait_for(qtbot, window, lambda s: s.example_rows is not None)
    assert snap.settings.examples_table
    qtbot.waitUntil(lambda: window.examples_table.model.rowCount() == snap.n_rows,
                    timeout=TIMEOUT)
    # The network editor keeps its room: the table is a tab, not a column of its own.
    assert window.network_view.width() > 0.45 * window.width()
    window.action_set.step.trigger()
    wait_for(qtbot, window, lambda s: s.epoch == 1 and s.example_rows is not None
             and s.example_rows.epoch == 1)
    qtbot.waitUntil(lambda: "Epoch 1" in window.examples_table.summary_text(), timeout=TIMEOUT)
    dock(window, "landscapeDock").raise_()  # covered: nothing computed any more
    wait_for(qtbot, window, lambda s: not s.settings.examples_table and s.example_rows is None)
    examples.raise_()
    wait_for(qtbot, window, lambda s: s.example_rows is not None)
    window.open_demo(next(iter(DEMOS)))
    settle(qtbot, window)  # a demo's settings have the table closed: it asks again
    wait_for(qtbot, window, lambda s: s.settings.examples_table and s.example_rows is not None)


def test_clicking_a_training_row_in_the_window_explains_it(qtbot, window):  # noqa: F811
    dock(window, "examplesTable").toggleViewAction().trigger()
    table = window.examples_table
    qtbot.waitUntil(lambda: table.model.rowCount() > 0, timeout=TIMEOUT)
    table.view.sortByColumn(column_of(table, LOSS), Qt.SortOrder.DescendingOrder)
    view_row = next(r for r in range(table.model.rowCount())
                    if table.model.source_row(r)[0] == "train")
    click_row(qtbot, table, view_row)
    row = table.model.source_row(view_row)[1]
    snap = wait_for(qtbot, window, lambda s: s.settings.explaining
                    and s.settings.explain_row == row)
    assert snap.settings.examples_table  # the table stays on screen beside the explainer
    assert dock(window, "stepExplainer").isVisible()


def test_the_row_the_explainer_follows_is_selected(table):
    session = table_session("xor")
    session.apply(cmd.SetExplain(True, 17))
    table.show_snapshot(session.snapshot())
    selected = table.view.selectionModel().selectedRows()
    assert [table.model.source_row(i.row()) for i in selected] == [("train", 17)]
    table.view.clearSelection()
    table.show_snapshot(session.snapshot())  # the same row: the user's selection stays
    assert table.view.selectionModel().selectedRows() == []
