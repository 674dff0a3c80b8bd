"""The Examples table's model: every training, development and test row, formatted only when seen.

A file may hold 200,000 rows, so nothing here is per row in Python: the rows live in NumPy
arrays, ``data()`` formats the one cell the view asks for (only the visible ones are asked), and
sorting is one ``numpy.argsort`` into a permutation of the rows. The network's numbers
(:class:`nnsim.core.example_rows.ExampleRows`) arrive a few times a second and replace three
arrays; the view repaints what it shows.

Test rows are greyed and their outputs and losses hidden (the test set is sealed) until the test
set has been evaluated, as everywhere else in nnsim.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from nnsim.core.datasets import CLASSIFICATION
from nnsim.core.example_rows import ExampleRows
from nnsim.core.losses import LOSSES
from nnsim.core.splits import Splits
from nnsim.ui.numbers import fixed, joined, significant

Array = NDArray[np.float64]
Index = QModelIndex | QPersistentModelIndex

# Column kinds.
SET, ROW, FEATURE, TARGET, OUTPUT, LOSS, WRONG = range(7)
DYNAMIC = (OUTPUT, LOSS, WRONG)  # the kinds that change while the network learns
SPLITS = ("train", "dev", "test")
TEST = 2  # the test split's number in the "set" column
SORT_KEY = Qt.ItemDataRole.UserRole  # the number a cell is sorted by (tests read it too)

SEALED_TEXT = QColor("#9a9a9a")
SEALED_BACKGROUND = QBrush(QColor("#f2f2f2"))
WRONG_BACKGROUND = QBrush(QColor("#fbe3e0"))
WRONG_TEXT = QColor("#b03a2e")
WRONG_MARK = "\u2717"  # ✗
HIDDEN = "\u2014"      # — in a sealed test row's output and loss

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)


def sorted_order(keys: Array, stable: bool) -> NDArray[np.intp]:
    """The rows in ascending order of ``keys``, nan (hidden test rows) last in their own order.

    Descending is ascending of the negated keys. A stable sort keeps tied rows in their order
    (a column of classes or sets); the losses and outputs, re-sorted a few times a second while
    training and hardly ever tied, take NumPy's default sort, six times faster on 200,000 rows.
    """
    if stable:
        return np.argsort(keys, kind="stable")
    hidden = np.isnan(keys)
    shown = np.flatnonzero(~hidden)
    order = shown[np.argsort(keys[shown])]
    return np.concatenate([order, np.flatnonzero(hidden)]) if order.size < keys.size else order


@dataclass(frozen=True)
class Column:
    kind: int
    index: int = 0  # which feature, target or output


class ExamplesModel(QAbstractTableModel):
    """Rows of all three splits (training first), sortable by any column."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._splits: Splits | None = None
        self._classification = False
        self._columns: list[Column] = []
        self._n = 0
        self._order = np.empty(0, np.intp)  # view row -> row of the arrays below
        self._sort_column, self._sort_descending = -1, False
        self._loss = ""
        self._epoch = 0
        self._test_sealed = True

    # ----------------------------------------------------------------- feeding
    @property
    def splits(self) -> Splits | None:
        return self._splits

    @property
    def classification(self) -> bool:
        return self._classification

    def set_rows(self, rows: ExampleRows) -> None:
        """Show ``rows`` (new rows reset the table; new numbers for the same rows only refresh
        the cells, or re-sort when the table is sorted by a number that changed)."""
        if rows.splits is not self._splits:
            self._set_splits(rows.splits)
        loss_changed = rows.loss != self._loss
        self._loss, self._epoch = rows.loss, rows.epoch
        self._test_sealed = rows.test is None
        parts = [rows.train, rows.dev, rows.test]
        n_test = self._parts().test.n_samples
        k = rows.train.outputs.shape[1]
        self._outputs = np.concatenate([p.outputs if p is not None else np.full((n_test, k), np.nan)
                                        for p in parts])
        self._losses = np.concatenate([p.losses if p is not None else np.full(n_test, np.nan)
                                       for p in parts])
        if self.classification:
            self._predicted = np.concatenate([p.predicted if p is not None
                                              else np.full(n_test, -1) for p in parts])
            self._wrong = np.concatenate([np.asarray(p.misclassified, float) if p is not None
                                          else np.full(n_test, np.nan) for p in parts])
            self._confidence = np.take_along_axis(
                self._outputs, np.maximum(self._predicted, 0)[:, None], 1)[:, 0]
        if loss_changed and self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._sort_column >= 0 and self._columns[self._sort_column].kind in DYNAMIC:
            self._resort()
        elif self._n:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self._n - 1, len(self._columns) - 1))

    def _set_splits(self, splits: Splits) -> None:
        self.beginResetModel()
        self._splits = splits
        self._classification = splits.train.task == CLASSIFICATION
        parts = list(splits)
        self._n = sum(p.n_samples for p in parts)
        self._split_of = np.concatenate([np.full(p.n_samples, i, np.int8)
                                         for i, p in enumerate(parts)])
        self._row_in_split = np.concatenate([np.arange(p.n_samples) for p in parts])
        # What the file said, not what the network sees (standardised): a student recognises
        # "F1 = 730 Hz"; the standardised value is in the tooltip.
        self._features = np.vstack([p.X for p in parts])
        self._raw = splits.raw_features(self._features)
        self._targets = np.vstack([p.Y for p in parts])
        train = splits.train
        # The network's verdict first, the inputs last: in a narrow dock (a tab beside the
        # landscape on a 1024-px projector) target, output and loss must be what shows.
        columns = [Column(SET), Column(ROW)]
        if train.task == CLASSIFICATION:
            self._labels = self._targets.argmax(axis=1)
            columns += [Column(TARGET), Column(OUTPUT), Column(LOSS), Column(WRONG)]
        else:
            outputs = range(train.n_outputs)
            columns += [Column(TARGET, j) for j in outputs] + [Column(OUTPUT, j) for j in outputs]
            columns += [Column(LOSS)]
        columns += [Column(FEATURE, j) for j in range(train.n_features)]
        self._columns = columns
        self._outputs = np.full(self._targets.shape, np.nan)
        self._losses = np.full(self._n, np.nan)
        self._predicted = np.full(self._n, -1)
        self._wrong = np.full(self._n, np.nan)
        self._confidence = np.full(self._n, np.nan)
        self._sort_column = -1
        self._order = np.arange(self._n, dtype=np.intp)
        self.endResetModel()

    # ----------------------------------------------------------------- what a row is
    def _parts(self) -> Splits:
        """The rows shown (only called once there are some)."""
        assert self._splits is not None, "the table has no rows yet"
        return self._splits

    def column(self, section: int) -> Column:
        return self._columns[section]

    def source_row(self, view_row: int) -> tuple[str, int]:
        """(split name, row within that split) of the row shown at ``view_row``."""
        r = int(self._order[view_row])
        return SPLITS[self._split_of[r]], int(self._row_in_split[r])

    def view_row(self, split: str, row: int) -> int:
        """Where row ``row`` of ``split`` is shown now (inverse of :meth:`source_row`)."""
        offset = sum(p.n_samples for p in list(self._parts())[:SPLITS.index(split)])
        return int(np.flatnonzero(self._order == offset + row)[0])

    def _sealed(self, r: int) -> bool:
        return self._test_sealed and self._split_of[r] == TEST

    # ----------------------------------------------------------------- Qt model interface
    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else self._n

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._title(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tip(column)
        return None

    def _title(self, c: Column) -> str:
        train = self._parts().train
        if c.kind == SET:
            return self.tr("Set")
        if c.kind == ROW:
            return self.tr("Row")
        if c.kind == FEATURE:
            return train.feature_names[c.index]
        if c.kind == LOSS:
            spec = LOSSES.get(self._loss)
            return self.tr("Loss (%1)").replace("%1", spec.short_name) if spec else self.tr("Loss")
        if c.kind == WRONG:
            return self.tr("Misclassified")
        if self.classification:
            return self.tr("Target") if c.kind == TARGET else self.tr("Output")
        name = train.target_names[c.index]
        return (self.tr("Target %1") if c.kind == TARGET else self.tr("Output %1")).replace("%1", name)

    def _header_tip(self, c: Column) -> str:
        tips = {
            SET: self.tr("Training rows teach the network; development rows choose the model; test "
                    "rows are for the final evaluation only"),
            ROW: self.tr("The row's number within its set"),
            FEATURE: self.tr("The input as in the data (the network sees it standardised with the "
                        "training mean and spread)"),
            TARGET: self.tr("The true value the network should output"),
            OUTPUT: self.tr("The predicted class, with the probability the network gives it")
            if self.classification else self.tr("The network's output for this row"),
            LOSS: self.tr("This row's loss: the mean over the rows of a set is that set's loss"),
            WRONG: self.tr("The network's most probable class is not the target"),
        }
        return tips[c.kind] + ". " + self.tr("Click to sort.")

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Sealed test rows are disabled (greyed by the style too): nothing to pick there."""
        if not index.isValid() or self._sealed(int(self._order[index.row()])):
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        r = int(self._order[index.row()])
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if self._sealed(r):
                return SEALED_TEXT
            return WRONG_TEXT if column.kind == WRONG else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if self._sealed(r):
                return SEALED_BACKGROUND
            return WRONG_BACKGROUND if self._wrong[r] == 1.0 else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTER if column.kind == WRONG else (
                None if column.kind == SET or (self.classification and column.kind in
                                               (TARGET, OUTPUT)) else _RIGHT)
        if role == Qt.ItemDataRole.FontRole and column.kind == WRONG:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(r, column)
        if role == SORT_KEY:
            return float(self._keys(column)[r])
        return None

    def split_words(self) -> tuple[str, str, str]:
        """The "Set" column's words. Short, as in the status bar ("dev loss"): the column must
        stay narrow."""
        return self.tr("train"), self.tr("dev"), self.tr("test")

    def _split_word(self, r: int) -> str:
        return self.split_words()[self._split_of[r]]

    def _class_name(self, c: int) -> str:
        return self._parts().train.target_names[c]

    def _text(self, r: int, c: Column) -> str:
        if c.kind == SET:
            return self._split_word(r)
        if c.kind == ROW:
            return str(self._row_in_split[r] + 1)
        if c.kind == FEATURE:
            return significant(float(self._raw[r, c.index]))
        if c.kind == TARGET:
            if self.classification:
                return self._class_name(int(self._labels[r]))
            return significant(float(self._targets[r, c.index]))
        if self._sealed(r):
            return HIDDEN
        if c.kind == LOSS:
            return significant(float(self._losses[r]))
        if c.kind == WRONG:
            return WRONG_MARK if self._wrong[r] == 1.0 else ""
        if self.classification:  # OUTPUT
            if self._predicted[r] < 0:
                return ""
            return self.tr("%1 · %2").replace("%1", self._class_name(int(self._predicted[r]))).replace(
                "%2", fixed(float(self._confidence[r]), 2))
        return significant(float(self._outputs[r, c.index]))

    def _tip(self, r: int, c: Column) -> str | None:
        if self._sealed(r) and c.kind in DYNAMIC:
            return self.tr("Hidden until the test set is evaluated (Train → Evaluate on test set)")
        if c.kind == FEATURE:
            return self.tr("The network sees %1 (standardised)").replace(
                "%1", significant(float(self._features[r, c.index])))
        if c.kind == OUTPUT and self.classification and np.isfinite(self._outputs[r]).all():
            names = self._parts().train.target_names
            return self.tr("Probabilities: %1").replace("%1", joined(
                f"{name} {fixed(float(p), 3)}" for name, p in zip(names, self._outputs[r])))
        if c.kind == WRONG and self._wrong[r] == 1.0:
            return self.tr("Predicted %1, but the target is %2").replace(
                "%1", self._class_name(int(self._predicted[r]))).replace(
                "%2", self._class_name(int(self._labels[r])))
        if c.kind == SET:
            return (self.tr("A training row: click it to follow it in the step explainer"),
                    self.tr("A development row: used to choose the model, never to train it"),
                    self.tr("A test row: for the final evaluation only"))[self._split_of[r]]
        return None

    # ----------------------------------------------------------------- sorting
    def _keys(self, c: Column) -> Array:
        """The number every row is sorted by in column ``c`` (nan: hidden, sorted last)."""
        if c.kind == SET:
            return self._split_of.astype(float)
        if c.kind == ROW:
            return self._row_in_split.astype(float)
        if c.kind == FEATURE:
            return self._raw[:, c.index]
        if c.kind == TARGET:
            return self._labels.astype(float) if self.classification else self._targets[:, c.index]
        if c.kind == LOSS:
            return self._losses
        if c.kind == WRONG:
            return self._wrong
        if self.classification:  # by predicted class, the surest first within a class
            return np.where(self._predicted >= 0, 2.0 * self._predicted + self._confidence,
                            np.nan)
        return self._outputs[:, c.index]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` (-1: the rows' own order: training, development, test)."""
        self._sort_column = column if 0 <= column < len(self._columns) else -1
        self._sort_descending = order == Qt.SortOrder.DescendingOrder
        self._resort()

    def _resort(self) -> None:
        if self._sort_column < 0:
            order = np.arange(self._n, dtype=np.intp)
        else:
            column = self._columns[self._sort_column]
            keys = self._keys(column)
            order = sorted_order(-keys if self._sort_descending else keys,
                                 stable=column.kind not in (OUTPUT, LOSS))
        if np.array_equal(order, self._order):
            if self._n:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(self._n - 1, len(self._columns) - 1))
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()  # the selection and the current row: a few at most
        sources = [int(self._order[i.row()]) for i in old]
        self._order = order.astype(np.intp, copy=False)
        if old:
            where = np.empty(self._n, np.intp)
            where[self._order] = np.arange(self._n)
            self.changePersistentIndexList(
                old, [self.index(int(where[s]), i.column()) for i, s in zip(old, sources)])
        self.layoutChanged.emit()
