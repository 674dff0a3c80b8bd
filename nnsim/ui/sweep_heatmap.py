"""The sweep's results: a heatmap of the lowest dev loss per configuration, and one cell's curves.

A :class:`QTableWidget` rather than an image: every cell carries a legible number, a tooltip and
a click, and the table does the layout and selection for free. :class:`SweepCurves` draws the
training and development losses of the selected configuration with its best epoch marked.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from nnsim.core.sweep import SweepResult
from nnsim.ui import numbers

# Item data roles: the exact number behind a cell's rounded text, its configuration and marks.
VALUE_ROLE = Qt.ItemDataRole.UserRole
CONFIG_ROLE = Qt.ItemDataRole.UserRole + 1
BEST_ROLE = Qt.ItemDataRole.UserRole + 2
DIVERGED_ROLE = Qt.ItemDataRole.UserRole + 3

DIVERGED_COLOR = QColor("#9e9e9e")
BEST_OUTLINE = QColor("#e6194b")  # red-pink: stands out against every viridis colour
SELECTED_OUTLINE = QColor("#000000")
CELL_FONT_PT = 13  # read from the back of a lecture hall
TRAIN_COLOR = "#1f77b4"
DEV_COLOR = "#ff7f0e"
BEST_LINE_COLOR = "#d62728"


def lowest_dev_loss(history: dict[str, np.ndarray]) -> tuple[float, int]:
    """The lowest finite dev loss of one configuration and its (first) epoch; nan, -1 if none.

    Ties go to the earlier epoch, as :meth:`SweepResult.best` breaks them.
    """
    dev = history["dev_loss"]
    finite = np.where(np.isfinite(dev), dev, np.inf)
    if finite.size == 0 or not np.isfinite(finite).any():
        return math.nan, -1
    epoch = int(np.argmin(finite))
    return float(dev[epoch]), epoch


def format_loss(value: float) -> str:
    """Three significant digits: enough to tell cells apart, short enough to fit a cell."""
    return numbers.significant(value, 3)


def _rate(learning_rate: float) -> str:
    """A learning rate as typed (0.5, 0.001): the language's decimal separator."""
    return numbers.significant(learning_rate, 6)


class _CellDelegate(QStyledItemDelegate):
    """Paints the cell colour itself, so selection is an outline and never hides the colour."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        rect: QRect = option.rect
        brush = index.data(Qt.ItemDataRole.BackgroundRole)
        painter.fillRect(rect, brush if isinstance(brush, QBrush) else QBrush(Qt.GlobalColor.white))
        fg = index.data(Qt.ItemDataRole.ForegroundRole)
        font = index.data(Qt.ItemDataRole.FontRole)
        if isinstance(font, QFont):
            painter.setFont(font)
        painter.setPen(fg.color() if isinstance(fg, QBrush) else QColor("#000000"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(index.data() or ""))
        if index.data(BEST_ROLE):
            painter.setPen(QPen(BEST_OUTLINE, 4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(2, 2, -2, -2))
        if option.state & QStyle.StateFlag.State_Selected:
            # Black dashes on white inside the best outline: visible on every cell colour, and
            # both marks stay visible on the same cell.
            painter.setBrush(Qt.BrushStyle.NoBrush)
            inner = rect.adjusted(6, 6, -6, -6)
            painter.setPen(QPen(QColor("#ffffff"), 3))
            painter.drawRect(inner)
            painter.setPen(QPen(SELECTED_OUTLINE, 3, Qt.PenStyle.DashLine))
            painter.drawRect(inner)
        painter.restore()


class SweepHeatmap(QTableWidget):
    """Rows = hidden units, columns = learning rates; colour and number = lowest dev loss.

    Darker (viridis) is lower; a diverged configuration is grey with "×"; the overall best
    configuration (:meth:`SweepResult.best`) is outlined in red.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sweepHeatmap")
        self.setToolTip(self.tr("Lowest development loss of every configuration: click a cell "
                                "to see its curves"))
        self.setItemDelegate(_CellDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            header.setMinimumSectionSize(28)  # nine rows must fit without a scroll bar
            font = header.font()
            font.setPointSize(CELL_FONT_PT - 1)
            header.setFont(font)
        self._colormap = pg.colormap.get("viridis")
        self._cells: dict[tuple[int, float], tuple[int, int]] = {}

    def show_result(self, result: SweepResult, hidden_units: list[int],
                    learning_rates: list[float]) -> None:
        """Fill the table from ``result`` (rows and columns in the order they were asked for)."""
        self.clear()
        self._cells.clear()
        self.setRowCount(len(hidden_units))
        self.setColumnCount(len(learning_rates))
        # Bare numbers fit narrow columns; the caption above the table names the axes.
        self.setVerticalHeaderLabels([str(h) for h in hidden_units])
        self.setHorizontalHeaderLabels([_rate(lr) for lr in learning_rates])
        try:
            best = result.best()[:2]
        except ValueError:  # nothing finite anywhere: no cell to outline
            best = None
        lows = {(h, lr): lowest_dev_loss(result.history(h, lr)) for h, lr in result.configs}
        # The colour scale spans the configurations that did not diverge (log: losses of a
        # sweep span decades, and linear would paint all but the worst cells alike).
        usable = [v for (h, lr), (v, _) in lows.items()
                  if math.isfinite(v) and v > 0 and result.diverged(h, lr) is None]
        low, high = (math.log(min(usable)), math.log(max(usable))) if usable else (0.0, 0.0)
        font = QFont(self.font())
        font.setPointSize(CELL_FONT_PT)
        for row, h in enumerate(hidden_units):
            for col, lr in enumerate(learning_rates):
                value, epoch = lows[h, lr]
                divergence = result.diverged(h, lr)
                item = QTableWidgetItem()
                item.setData(VALUE_ROLE, value)
                item.setData(CONFIG_ROLE, (h, lr))
                item.setData(DIVERGED_ROLE, divergence is not None)
                is_best = best is not None and best[0] == h and math.isclose(best[1], lr)
                item.setData(BEST_ROLE, is_best)
                cell_font = QFont(font)
                cell_font.setBold(is_best)
                item.setFont(cell_font)
                if divergence is not None or not math.isfinite(value):
                    item.setText("×")
                    item.setBackground(QBrush(DIVERGED_COLOR))
                    item.setForeground(QBrush(QColor("#000000")))
                    # Divergence.message is English for logs; the UI says it in its own words.
                    stopped = str(divergence.epoch) if divergence is not None else "?"
                    item.setToolTip(self.tr("h = %1, η = %2: diverged at epoch %3 (try a "
                                            "smaller learning rate)")
                                    .replace("%1", str(h)).replace("%2", _rate(lr))
                                    .replace("%3", stopped))
                else:
                    t = 0.0 if high <= low or value <= 0 else (math.log(value) - low) / (high - low)
                    color = self._colormap.map(min(max(t, 0.0), 1.0), mode="qcolor")
                    item.setText(format_loss(value))
                    item.setBackground(QBrush(color))
                    # Light text on the dark (low-loss) end of viridis, dark text on the bright.
                    # (perceived luminance: HSL lightness calls viridis' yellow-green "dark").
                    luminance = (0.299 * color.redF() + 0.587 * color.greenF()
                                 + 0.114 * color.blueF())
                    item.setForeground(QBrush(QColor("#ffffff" if luminance < 0.5
                                                     else "#000000")))
                    item.setToolTip(self._tip(result, h, lr, value, epoch, is_best))
                self.setItem(row, col, item)
                self._cells[h, lr] = (row, col)

    def _tip(self, result: SweepResult, h: int, lr: float, value: float, epoch: int,
             is_best: bool) -> str:
        """A cell's tooltip: the full number, its epoch, accuracy there (classification)."""
        tip = (self.tr("h = %1, η = %2: lowest development loss %3 at epoch %4")
               .replace("%1", str(h)).replace("%2", _rate(lr))
               .replace("%3", numbers.significant(value, 6))
               .replace("%4", str(epoch)))
        if result.classification:
            accuracy = float(result.history(h, lr)["dev_accuracy"][epoch])
            tip += self.tr(" (development accuracy there: %1%)").replace(
                "%1", numbers.percent(accuracy))
        if is_best:
            tip += self.tr(" — the best configuration of the sweep")
        return tip

    def cell_item(self, hidden_units: int, learning_rate: float) -> QTableWidgetItem | None:
        """The item of a configuration, or None if it is not in the table."""
        for (h, lr), (row, col) in self._cells.items():
            if h == hidden_units and math.isclose(lr, learning_rate, rel_tol=1e-12):
                return self.item(row, col)
        return None

    def best_item(self) -> QTableWidgetItem | None:
        """The outlined (overall best) cell, or None."""
        for row, col in self._cells.values():
            item = self.item(row, col)
            if item is not None and item.data(BEST_ROLE):
                return item
        return None

    def selected_config(self) -> tuple[int, float] | None:
        """``(hidden units, learning rate)`` of the selected cell, or None."""
        items = self.selectedItems()
        return tuple(items[0].data(CONFIG_ROLE)) if items else None  # type: ignore[return-value]


class SweepCurves(pg.PlotWidget):
    """Training and development loss of one configuration, its best epoch marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setObjectName("sweepCurves")
        self.setToolTip(self.tr("Training and development loss of the selected configuration; "
                                "the red line marks its lowest development loss"))
        plot = self.getPlotItem()
        plot.setLabel("bottom", self.tr("epoch"))
        plot.setLabel("left", self.tr("loss"))
        plot.showGrid(x=True, y=True, alpha=0.2)
        plot.getAxis("left").enableAutoSIPrefix(False)  # "loss (x0.001)" misleads students
        self.legend = plot.addLegend(offset=(-10, 10))
        self.train_curve = plot.plot([], [], pen=pg.mkPen(TRAIN_COLOR, width=2),
                                     name=self.tr("training loss"))
        self.dev_curve = plot.plot([], [], pen=pg.mkPen(DEV_COLOR, width=2),
                                   name=self.tr("development loss"))
        self.best_line = pg.InfiniteLine(angle=90, movable=False,
                                         pen=pg.mkPen(BEST_LINE_COLOR, width=2,
                                                      style=Qt.PenStyle.DashLine),
                                         label="", labelOpts={"position": 0.9, "color": "#222",
                                                              "fill": (255, 255, 255, 200)})
        self.best_line.setZValue(-1)  # under the curves, as the main loss plot draws it
        self.best_line.setVisible(False)
        plot.addItem(self.best_line)
        self.best_epoch: int | None = None

    def show_history(self, history: dict[str, np.ndarray] | None) -> None:
        """Draw one configuration's losses (None clears the plot)."""
        if history is None:
            self.train_curve.setData([], [])
            self.dev_curve.setData([], [])
            self.best_line.setVisible(False)
            self.best_epoch = None
            return
        epochs = history["epoch"]
        # connect="finite": a diverged run's last inf/nan must not break the whole line.
        self.train_curve.setData(epochs, history["train_loss"], connect="finite")
        self.dev_curve.setData(epochs, history["dev_loss"], connect="finite")
        value, epoch = lowest_dev_loss(history)
        self.best_epoch = epoch if epoch >= 0 else None
        if self.best_epoch is None:
            self.best_line.setVisible(False)
            return
        self.best_line.setValue(epoch)
        self.best_line.label.setFormat(self.tr("best epoch %1: dev loss %2")
                                       .replace("%1", str(epoch))
                                       .replace("%2", format_loss(value)))
        self.best_line.setVisible(True)
        self.getPlotItem().enableAutoRange()
        # A chaotic run's few spikes would flatten everything else: the view's top is the start
        # loss or the 95th percentile, whichever is higher (the spikes are cut, not hidden).
        losses = np.concatenate([history["train_loss"], history["dev_loss"]])
        finite = losses[np.isfinite(losses)]
        if finite.size:
            start = max(float(history["train_loss"][0]), float(history["dev_loss"][0]))
            start = start if math.isfinite(start) else 0.0
            top = max(start, float(np.percentile(finite, 95)))
            if top < float(finite.max()) and top > 0:
                self.getPlotItem().setYRange(0.0, 1.1 * top, padding=0)
