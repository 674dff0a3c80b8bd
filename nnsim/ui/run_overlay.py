"""Pinned runs on the loss plot: each run's training (solid) and dev (dashed) curve in its colour.

A helper of :class:`nnsim.ui.loss_plot.LossPlot`. The current run keeps its own blue and orange
curves; a pinned run gets one colour of :data:`nnsim.ui.run_labels.RUN_COLORS`, thinner lines,
and one legend entry naming what differs ("η = 0.01"). A run that diverged would stretch the
loss axis to 1e30: the curves do not set the range themselves; an invisible anchor holds their
range up to a few times their starting loss, and a curve that rises beyond leaves the view at
the top, as a diverging run does.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it

from nnsim.core.runs import RunRecord
from nnsim.core.settings import Settings
from nnsim.ui.plot_style import PlotLook, finite_or_nan
from nnsim.ui.run_labels import overlay_colors, overlay_names

RISE_SHOWN = 3.0  # a pinned curve's range reaches this many times its starting loss at most


class LossRunOverlay:
    """The pinned runs' curves and legend entries on a loss plot's :class:`pg.PlotItem`."""

    def __init__(self, item: pg.PlotItem, legend: pg.LegendItem) -> None:
        self._item, self._legend = item, legend
        self.curves: dict[int, tuple[pg.PlotDataItem, pg.PlotDataItem]] = {}
        self._runs: tuple[RunRecord, ...] = ()
        self._names: dict[int, str] = {}
        self._colors: dict[int, tuple[str, str]] = {}
        self._look = PlotLook()
        self._log = False
        # Holds the pinned curves' sensible range (see the module's docstring).
        self.anchor = pg.PlotDataItem([], [], pen=None, symbol="o", symbolSize=0,
                                      symbolPen=None, symbolBrush=None)
        self.anchor.setObjectName("lossRunsAnchor")
        item.addItem(self.anchor)

    # ----------------------------------------------------------------- public
    def names(self) -> list[str]:
        """The legend names of the pinned runs, in the runs' order."""
        return [self._names[run_id] for run_id in self.curves]

    def drawn(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """``(epochs, losses)`` of every pinned curve drawn (training and dev), as given."""
        return [(r.epochs, values) for r in self._runs if r.id in self.curves
                for values in (r.train_loss, r.dev_loss)]

    def last_epoch(self) -> float:
        """The newest epoch of any pinned run (0 without one)."""
        return max((float(r.last_epoch) for r in self._runs if r.id in self.curves), default=0.0)

    def show(self, runs: tuple[RunRecord, ...], current: Settings) -> bool:
        """Draw the pinned runs of ``runs``; returns True if the legend changed."""
        pinned = tuple(r for r in runs if r.pinned)
        names = overlay_names(pinned, current)
        if pinned == self._runs and names == self._names:
            return False  # nothing new: 15 snapshots a second cost nothing here
        self._runs, self._names = pinned, names
        self._colors = overlay_colors(pinned)
        for run_id in [i for i in self.curves if i not in names]:
            train, dev = self.curves.pop(run_id)
            self._legend.removeItem(train)
            self._item.removeItem(train)
            self._item.removeItem(dev)
        for run in pinned:
            if run.id not in self.curves:
                train, dev = pg.PlotDataItem([], []), pg.PlotDataItem([], [])
                train.setObjectName(f"lossRun{run.id}TrainCurve")
                dev.setObjectName(f"lossRun{run.id}DevCurve")
                for curve in (train, dev):
                    curve.setZValue(-0.5)  # under the current run's curves
                    self._item.addItem(curve, ignoreBounds=True)
                self.curves[run.id] = (train, dev)
            else:
                self._legend.removeItem(self.curves[run.id][0])  # renamed, re-added below
            self._legend.addItem(self.curves[run.id][0], names[run.id])
        self.curves = {r.id: self.curves[r.id] for r in pinned}  # the runs' order
        self._restyle()
        self._set_data()
        return True

    def set_look(self, look: PlotLook) -> None:
        self._look = look
        self._restyle()

    def set_log(self, on: bool) -> None:
        self._log = bool(on)
        self._set_data()

    # ----------------------------------------------------------------- drawing
    def _restyle(self) -> None:
        look = self._look
        for run_id, (train, dev) in self.curves.items():
            color = look.color(self._colors.get(run_id, ("#333333", "#000000")))
            train.setPen(pg.mkPen(color, width=look.width(2)))
            dev.setPen(pg.mkPen(color, width=look.width(2), style=Qt.PenStyle.DashLine))

    def _set_data(self) -> None:
        lows, highs, last = [], [], 0.0
        for run in self._runs:
            if run.id not in self.curves:
                continue
            train, dev = self.curves[run.id]
            train_y = finite_or_nan(np.asarray(run.train_loss), positive=self._log)
            dev_y = finite_or_nan(np.asarray(run.dev_loss), positive=self._log)
            train.setData(run.epochs, train_y)
            dev.setData(run.epochs, dev_y)
            both = np.concatenate([train_y, dev_y])
            finite = both[np.isfinite(both)]
            if finite.size:
                firsts = both[[0, train_y.size]]
                firsts = firsts[np.isfinite(firsts)]
                start = float(firsts.max()) if firsts.size else float(finite.max())
                lows.append(float(finite.min()))
                highs.append(min(float(finite.max()), RISE_SHOWN * start))
            last = max(last, float(run.last_epoch))
        if lows:
            self.anchor.setData([0.0, last], [min(lows), max(highs)])
        else:
            self.anchor.setData([], [])
