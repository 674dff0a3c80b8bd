"""The Data view: the rows over two chosen inputs, with the network's output behind them.

The lecture's three sets are told apart by their markers: training rows are filled circles,
development rows hollow circles, and test rows (crosses) appear only once the test set has been
evaluated — before that the test set is sealed, and the view must not give it away. The
background is the network's output over the plane of the two inputs (the other inputs held at
their training mean): for classification the predicted class's colour, stronger where the
network is surer, so the decision boundary shows; for regression the first output's value.

Items are created once and updated with ``setData``/``setImage``: the background follows
training up to 15 times a second, the rows only change with the data or the split.
"""

from __future__ import annotations

from html import escape

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QRectF, Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it

from nnsim.core.data_view import OutputGrid
from nnsim.core.datasets import CLASSIFICATION, Dataset
from nnsim.core.snapshot import Snapshot
from nnsim.core.splits import Splits
from nnsim.ui import numbers
from nnsim.ui.plot_style import (LEGEND_PX, NOTE_PX, PlotLook, fit_text, legible_axes,
                                 set_axis_label, style_axes)

Array = NDArray[np.float64]

MAX_POINTS = 3000  # per split: more only hides the boundary and slows the repaint
# A fixed palette (Tableau 10, colour-blind aware order): class c always has the same colour.
CLASS_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
                "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f")
COLOR_MAP = "viridis"  # regression: perceptually even, legible in grey on a poor projector
SPLIT_GREY = "#444444"  # the split legend's markers: the shape matters, not the colour
POINT_SIZE = 8
OUTLINE = "#222222"
# Background strength: the surest prediction keeps this much of the class colour, an undecided
# one nearly white, so the rows' own colours stay readable on top.
MIN_TINT, MAX_TINT = 0.08, 0.55
REGRESSION_TINT = 0.7  # the regression background is lightened a little for the same reason


def class_color(c: int) -> str:
    """The colour of class ``c`` (the palette repeats after ten classes)."""
    return CLASS_COLORS[c % len(CLASS_COLORS)]


def even_sample(n: int, cap: int = MAX_POINTS) -> NDArray[np.intp]:
    """At most ``cap`` row indices out of ``n``, evenly spaced: the same rows every time, so
    the picture does not flicker when it is redrawn."""
    if n <= cap:
        return np.arange(n, dtype=np.intp)
    return np.linspace(0, n - 1, cap).round().astype(np.intp)


def class_image(grid: OutputGrid) -> NDArray[np.uint8]:
    """(ny, nx, 4) RGBA: each cell the predicted class's colour, lightened towards white the
    less sure the network is (the largest output just above chance = white)."""
    k = grid.outputs.shape[2]
    colors = np.array([pg.mkColor(class_color(c)).getRgb()[:3] for c in range(k)], float)
    with np.errstate(invalid="ignore"):
        p = np.nan_to_num(np.take_along_axis(grid.outputs, grid.predicted[..., None], 2)[..., 0])
    chance = 1.0 / max(k, 2)
    sure = np.clip((p - chance) / (1.0 - chance), 0.0, 1.0)
    tint = (MIN_TINT + (MAX_TINT - MIN_TINT) * sure)[..., None]
    rgb = 255.0 - (255.0 - colors[grid.predicted]) * tint
    return np.dstack([rgb, np.full(rgb.shape[:2], 255.0)]).astype(np.uint8)


def value_image(values: Array, levels: tuple[float, float], cmap: pg.ColorMap) -> NDArray[np.uint8]:
    """(ny, nx, 4) RGBA: ``values`` through ``cmap`` over ``levels``, lightened a little."""
    lo, hi = levels
    t = np.clip(np.nan_to_num((values - lo) / ((hi - lo) or 1.0), nan=0.5), 0.0, 1.0)
    rgba = cmap.map(t.ravel(), mode="float").reshape(*values.shape, 4)[..., :3]
    rgb = 1.0 - (1.0 - rgba) * REGRESSION_TINT
    return np.dstack([rgb * 255.0, np.full(values.shape, 255.0)]).astype(np.uint8)


class DataView(QWidget):
    """Scatter plot of the rows over two inputs, on the network's output over that plane.

    Signals
    -------
    axes_chosen(object) : ``(i, j)`` 0-based inputs, when the user picks them in the combos.
    """

    axes_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dataView")
        self._look = PlotLook()
        self._splits: Splits | None = None
        self._names: tuple[str, ...] = ()
        self._axes: tuple[int, int] | None = None
        self._show_test = False
        self._grid: OutputGrid | None = None
        self._levels = (0.0, 1.0)  # regression colour range: the training targets'
        self._cmap = pg.colormap.get(COLOR_MAP)
        self._note_text = ""
        self._notes_rows: list[str] = []  # "showing 3,000 of …" per sampled split

        self.x_combo, self.y_combo = QComboBox(self), QComboBox(self)
        self.x_combo.setObjectName("dataViewXCombo")
        self.y_combo.setObjectName("dataViewYCombo")
        self.x_combo.setToolTip(self.tr("The input along the horizontal axis"))
        self.y_combo.setToolTip(self.tr("The input along the vertical axis"))
        for combo in (self.x_combo, self.y_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)  # a dock is narrow: long names are elided
            combo.activated.connect(self._on_combo)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for text, combo in ((self.tr("Horizontal:"), self.x_combo),
                            (self.tr("Vertical:"), self.y_combo)):
            label = QLabel(text, self)
            label.setBuddy(combo)
            row.addWidget(label)
            row.addWidget(combo, 1)

        self.plot = pg.PlotWidget(self, background="w", axisItems=legible_axes())
        self.plot.setObjectName("dataViewPlot")
        self.plot.setToolTip(self.tr(
            "Every row over the two chosen inputs: filled circles are training rows, hollow "
            "circles development rows, crosses test rows (shown only after the final "
            "evaluation). The background is the network's output there: for classification "
            "the predicted class, stronger where the network is surer."))
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.getViewBox().setDefaultPadding(0.0)  # the background already has a margin
        style_axes(item, self._look)

        self.image = pg.ImageItem(axisOrder="row-major")  # outputs are indexed [y, x]
        self.image.setZValue(-10)
        item.addItem(self.image)
        self.scatters: dict[str, pg.ScatterPlotItem] = {}
        for name, symbol in (("train", "o"), ("dev", "o"), ("test", "x")):
            scatter = pg.ScatterPlotItem(symbol=symbol, size=POINT_SIZE + (2 if name == "test" else 0))
            scatter.setZValue({"train": 1, "dev": 2, "test": 3}[name])
            item.addItem(scatter)
            self.scatters[name] = scatter

        # The legend takes the title's row, above the rows, never over them (the dock's title
        # names the view already).
        item.layout.removeItem(item.titleLabel)
        item.titleLabel.hide()
        self.legend = pg.LegendItem(offset=None, verSpacing=-6, horSpacing=10)
        self.legend.setObjectName("dataViewLegend")
        self.legend.layout.setContentsMargins(2, 0, 2, 0)
        self.legend.setFlag(self.legend.GraphicsItemFlag.ItemIgnoresTransformations, False)
        self.legend.setLabelTextSize(f"{self._look.px(LEGEND_PX - 2)}px")
        self.legend.setLabelTextColor(self._look.text)
        self.legend.setToolTip(self.tr("Colour: the class (or the target's value); shape: the set"))
        item.layout.addItem(self.legend, 0, 1)
        item.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignCenter)
        # The note (fixed inputs, sampling) sits under the bottom axis: on the plot, off the rows.
        self.note = pg.LabelItem("", size=f"{self._look.px(NOTE_PX)}px", color=self._look.text)
        item.layout.addItem(self.note, 4, 1)
        self._samples: list[pg.ScatterPlotItem] = []  # legend markers (kept alive)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(row)
        layout.addWidget(self.plot, 1)

    # ----------------------------------------------------------------- public API
    def axes(self) -> tuple[int, int] | None:
        """The two inputs (0-based) the plot shows, or None if there are fewer than two."""
        return self._axes

    @Slot(object)
    def set_splits(self, splits: Splits) -> None:
        """Draw the rows of ``splits`` (call again whenever the data or the split changes)."""
        self._splits = splits
        train = splits.train
        if train.task != CLASSIFICATION:
            column = train.Y[:, 0]
            self._levels = (float(column.min()), float(column.max()))
        self._set_names(tuple(train.feature_names), self._axes)
        self._draw_rows()

    @Slot(object)
    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Follow ``snapshot``: its axes, its feature names, its output grid as the background,
        and the test rows once the test set has been evaluated. Cheap (a 100×100 image)."""
        names = tuple(snapshot.feature_names) or self._names
        axes = snapshot.settings.data_view_axes or self._axes
        redraw = self._set_names(names, axes)
        show_test = snapshot.test_result is not None
        if show_test != self._show_test:
            self._show_test = show_test
            redraw = True
        if redraw:
            self._draw_rows()
        self._grid = snapshot.data_grid
        self._draw_grid(snapshot.is_classification)

    # ----------------------------------------------------------------- the combos
    def _set_names(self, names: tuple[str, ...], axes: tuple[int, int] | None) -> bool:
        """Fill the combos with ``names`` and select ``axes`` without emitting; True if what
        the plot shows has changed."""
        if len(names) < 2:
            axes = None
        elif axes is None or max(axes) >= len(names) or axes[0] == axes[1]:
            axes = (0, 1)
        changed = names != self._names or axes != self._axes
        if names != self._names:
            for combo in (self.x_combo, self.y_combo):
                combo.blockSignals(True)
                combo.clear()
                combo.addItems(list(names))
                combo.blockSignals(False)
            self._names = names
        self._axes = axes
        for combo, index in zip((self.x_combo, self.y_combo), axes or (-1, -1)):
            combo.blockSignals(True)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)
            combo.setEnabled(axes is not None)
        return changed

    @Slot(int)
    def _on_combo(self, _index: int) -> None:
        """The user picked an input: the same one on both axes is not allowed, so the other
        combo takes the input this one left (a swap)."""
        if self._axes is None:
            return
        x, y = self.x_combo.currentIndex(), self.y_combo.currentIndex()
        old_x, old_y = self._axes
        if x == y:
            x, y = (x, old_x) if self.sender() is self.x_combo else (old_y, y)
        if x == y or x < 0 or y < 0:  # nothing sensible to swap with: refuse quietly
            self._set_names(self._names, self._axes)
            return
        self._set_names(self._names, (x, y))
        if (x, y) != (old_x, old_y):
            self._draw_rows()
            self._draw_grid(self._splits is None or self._splits.train.task == CLASSIFICATION)
            self.axes_chosen.emit((x, y))

    # ----------------------------------------------------------------- drawing
    def _draw_rows(self) -> None:
        """The scatter of every split, its legend, the axis titles and the note."""
        splits, axes = self._splits, self._axes
        notes = []
        for name, scatter in self.scatters.items():
            part: Dataset | None = getattr(splits, name) if splits is not None else None
            # Rows of other data than the axes were chosen for (the new rows are on their way).
            stale = part is not None and axes is not None and max(axes) >= part.X.shape[1]
            if part is None or axes is None or stale or (name == "test" and not self._show_test):
                scatter.setData(x=[], y=[])
                scatter.setVisible(False)
                continue
            rows = even_sample(part.n_samples)
            if rows.size < part.n_samples:
                notes.append(self.tr("showing %1 of %2 %3 rows").replace(
                    "%1", numbers.whole(rows.size)).replace(
                    "%2", numbers.whole(part.n_samples)).replace("%3", self._split_word(name)))
            brushes, pens = self._point_colors(part, rows)
            if name == "dev":  # hollow: the colour is the ring
                style = {"brush": None, "pen": [pg.mkPen(b.color(), width=2) for b in brushes]}
            else:
                style = {"brush": brushes, "pen": pens}
            scatter.setData(x=part.X[rows, axes[0]], y=part.X[rows, axes[1]], **style)
            scatter.setVisible(True)
        self._notes_rows = notes
        if axes is not None:
            set_axis_label(self.plot.getPlotItem(), "bottom", escape(self._names[axes[0]]), self._look)
            set_axis_label(self.plot.getPlotItem(), "left", escape(self._names[axes[1]]), self._look)
        self._build_legend()
        self._update_note()

    def _point_colors(self, part: Dataset, rows: NDArray[np.intp]) -> tuple[list, list]:
        """One brush per drawn row (its class, or its first target through the colour map),
        and the thin dark outline that keeps a point visible on a background of its colour."""
        outline = pg.mkPen(OUTLINE, width=0.8)
        if part.task == CLASSIFICATION:
            palette = [pg.mkBrush(class_color(c)) for c in range(part.n_outputs)]
            brushes = [palette[c] for c in part.labels[rows]]
        else:
            lo, hi = self._levels
            t = np.clip((part.Y[rows, 0] - lo) / ((hi - lo) or 1.0), 0.0, 1.0)
            brushes = [pg.mkBrush(*c) for c in self._cmap.map(t, mode="byte")]
        return brushes, [outline] * len(brushes)

    def _draw_grid(self, classification: bool) -> None:
        """The background: the output grid, if it belongs to the inputs shown."""
        grid = self._grid
        if grid is None or self._axes is None or tuple(grid.axes) != self._axes:
            self.image.setVisible(False)  # a stale plane would mislead: show none
            return
        if classification:
            rgba = class_image(grid)
        else:
            rgba = value_image(grid.outputs[..., 0], self._levels, self._cmap)
        self.image.setImage(rgba, autoLevels=False)
        # Pixel centres on the grid points: the image reaches half a cell beyond them.
        dx = (grid.xs[-1] - grid.xs[0]) / max(len(grid.xs) - 1, 1)
        dy = (grid.ys[-1] - grid.ys[0]) / max(len(grid.ys) - 1, 1)
        rect = QRectF(grid.xs[0] - dx / 2, grid.ys[0] - dy / 2,
                      grid.xs[-1] - grid.xs[0] + dx, grid.ys[-1] - grid.ys[0] + dy)
        if rect != self.image.boundingRect() or not self.image.isVisible():
            self.image.setRect(rect)
        self.image.setVisible(True)

    def _split_word(self, name: str) -> str:
        return {"train": self.tr("training"), "dev": self.tr("development"),
                "test": self.tr("test")}[name]

    def _build_legend(self) -> None:
        """Classes (or the colour scale) and sets: rebuilt only with the rows, not per epoch."""
        self.legend.clear()
        self._samples = []
        splits = self._splits
        if splits is None or self._axes is None:
            return

        def add(text: str, **opts: object) -> None:
            sample = pg.ScatterPlotItem(size=POINT_SIZE + 2, **opts)
            self._samples.append(sample)
            self.legend.addItem(sample, text)

        train = splits.train
        if train.task == CLASSIFICATION:
            for c, name in enumerate(train.target_names):
                add(escape(name), symbol="s", brush=class_color(c), pen=pg.mkPen(OUTLINE, width=0.8))
        else:
            target = train.target_names[0]
            for value, t in ((self._levels[0], 0.0), (self._levels[1], 1.0)):
                add(escape(f"{target} = {numbers.significant(value, 3)}"), symbol="s",
                    brush=self._cmap.map(t, mode="qcolor"), pen=pg.mkPen(OUTLINE, width=0.8))
        add(self.tr("training"), symbol="o", brush=SPLIT_GREY, pen=pg.mkPen(OUTLINE, width=0.8))
        add(self.tr("development"), symbol="o", brush=None, pen=pg.mkPen(SPLIT_GREY, width=2))
        if self._show_test:
            add(self.tr("test"), symbol="x", brush=SPLIT_GREY, pen=pg.mkPen(OUTLINE, width=0.8))
        self._fit_legend()

    def _fit_legend(self) -> None:
        """As many legend columns as the width allows: a legend wider than the widget would
        widen the plot beyond the dock."""
        items = self.legend.items
        if not items:
            return
        widths = [sample.boundingRect().width() + label.boundingRect().width() + 14
                  for sample, label in items]
        room = max(self.plot.width() - 70, 100)
        columns = max(1, min(len(items), int(room // max(widths))))
        if columns != self.legend.columnCount:
            self.legend.setColumnCount(columns)
        rows = -(-len(items) // columns)
        self.plot.getPlotItem().layout.setRowFixedHeight(0, rows * self._look.px(LEGEND_PX + 4))

    def _update_note(self) -> None:
        """Under the plot: what the other inputs are held at, and whether rows were left out."""
        notes = list(self._notes_rows)
        if self._axes is not None and len(self._names) > 2:
            others = [n for k, n in enumerate(self._names) if k not in self._axes]
            if len(others) == 1:
                notes.insert(0, self.tr("%1 fixed at its training mean").replace("%1", others[0]))
            else:
                notes.insert(0, self.tr("%1 fixed at their training means").replace(
                    "%1", ", ".join(others)))
        elif self._axes is None and self._names:
            notes.append(self.tr("The Data view needs at least two inputs"))
        text = "; ".join(notes)
        self.note.setToolTip(text)
        shown = fit_text((text,), self._look.font(NOTE_PX), max(self.plot.width() - 70, 60))
        if shown != self._note_text:
            self._note_text = shown
            self.note.setText(escape(shown))
            self.note.setVisible(bool(shown))

    def note_text(self) -> str:
        """The full note under the plot (fixed inputs, sampling), for tests and tooltips."""
        return self.note.toolTip()

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override: refit legend and note
        super().resizeEvent(event)
        self._fit_legend()
        self._update_note()
