"""Compared runs' paths in the landscape: the selected weight and the training loss per epoch.

A helper of :class:`nnsim.ui.landscape_plot.LandscapePanel`. Each pinned run that kept its
weights (Compare learning rates) is drawn as the current run's trail is: a thin line through its
positions after each epoch (thinned to the trail's length), dots on them and a larger dot where
it ended, in the run's colour of the loss plot. A legend row under the plot names the runs.

Honest about what the points are: the curve is the loss along the selected weight with every
other weight held at today's values. While all weights train, the other weights of a compared
run move too, so its points give the loss it really had and lie off this curve, exactly like
the current run's path; only when the selected weight alone trains do they lie on it.
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it

from nnsim.core.runs import RunRecord
from nnsim.core.snapshot import Snapshot
from nnsim.ui.plot_style import PlotLook, finite_or_nan
from nnsim.ui.run_labels import overlay_colors, overlay_names


translate = QCoreApplication.translate  # the name pyside6-lupdate looks for


class RunPaths:
    """The paths of the pinned runs on a landscape's plot item, and their legend row."""

    def __init__(self, item: pg.PlotItem, parent: QWidget) -> None:
        self._item = item
        self.lines: dict[int, tuple[pg.PlotDataItem, pg.PlotDataItem]] = {}
        self._look = PlotLook()
        self._key: tuple | None = None
        self._colors: dict[int, tuple[str, str]] = {}
        self._names: dict[int, str] = {}
        self.ends: list[tuple[float, float]] = []  # where each shown path ended
        self.legend = QLabel(parent, objectName="landscapeRunsLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.hide()

    def names(self) -> list[str]:
        """The names in the legend row, one per path drawn."""
        return [self._names[run_id] for run_id in self.lines]

    def points(self) -> tuple[np.ndarray, np.ndarray]:
        """Every drawn path position (values, losses): the labels keep off them."""
        parts = [line.getOriginalDataset() for line, _ in self.lines.values()]
        parts = [(x, y) for x, y in parts if x is not None]
        if not parts:
            return np.empty(0), np.empty(0)
        xs = np.concatenate([x for x, _ in parts])
        ys = np.concatenate([y for _, y in parts])
        ok = np.isfinite(xs) & np.isfinite(ys)
        return xs[ok], ys[ok]

    def show(self, snapshot: Snapshot) -> None:
        """Draw the paths of ``snapshot.selected`` for the pinned runs that kept one."""
        runs = tuple(r for r in snapshot.runs if r.pinned and r.parameter_names == snapshot.names
                     and r.path(snapshot.selected) is not None)
        key = (runs, snapshot.selected, snapshot.settings.train_selected_only)
        if key == self._key:
            return
        self._key = key
        self._colors = overlay_colors(r for r in snapshot.runs if r.pinned)
        self._names = overlay_names(snapshot.runs, snapshot.settings)
        for run_id in [i for i in self.lines if i not in {r.id for r in runs}]:
            for part in self.lines.pop(run_id):
                self._item.removeItem(part)
        self.ends = []
        for run in runs:
            if run.id not in self.lines:
                line = pg.PlotDataItem([], [], symbol="o")
                line.setObjectName(f"landscapeRun{run.id}Path")
                end = pg.PlotDataItem([], [], pen=None, symbol="o")
                end.setObjectName(f"landscapeRun{run.id}End")
                # The range follows the figure; a far-off path must not stretch it.
                self._item.addItem(line, ignoreBounds=True)
                self._item.addItem(end, ignoreBounds=True)
                self.lines[run.id] = (line, end)
            self._set_path(run, snapshot.selected)
        for order, run in enumerate(runs):
            # The first (smallest η: the shortest path) on top, not hidden under the longer ones.
            line, end = self.lines[run.id]
            line.setZValue(3 - 0.01 * order)
            end.setZValue(3.5 - 0.01 * order)
        self.lines = {r.id: self.lines[r.id] for r in runs}
        self._restyle()
        self._show_legend(snapshot.settings.train_selected_only)

    def set_look(self, look: PlotLook) -> None:
        self._look = look
        self._restyle()
        if self._key is not None:
            self._show_legend(self._key[2])

    def _set_path(self, run: RunRecord, name: str) -> None:
        path = run.path(name)
        assert path is not None
        values, losses = path[0], finite_or_nan(np.asarray(path[1]))
        line, end = self.lines[run.id]
        line.setData(values, losses)
        ok = np.flatnonzero(np.isfinite(values) & np.isfinite(losses))
        if ok.size:
            end.setData([values[ok[-1]]], [losses[ok[-1]]])
            self.ends.append((float(values[ok[-1]]), float(losses[ok[-1]])))
        else:
            end.setData([], [])

    def _restyle(self) -> None:
        look = self._look
        for run_id, (line, end) in self.lines.items():
            color = pg.mkColor(look.color(self._colors.get(run_id, ("#333333", "#000000"))))
            faint = pg.mkColor(color)
            faint.setAlpha(170)
            line.setPen(pg.mkPen(faint, width=look.width(2)))
            line.setSymbolSize(look.px(5))
            line.setSymbolBrush(pg.mkBrush(faint))
            line.setSymbolPen(None)
            end.setSymbolSize(look.px(13))
            end.setSymbolBrush(pg.mkBrush(color))
            end.setSymbolPen(pg.mkPen("#ffffff", width=look.width(1.5)))

    def _show_legend(self, selected_only: bool) -> None:
        if not self.lines:
            self.legend.hide()
            return
        look = self._look
        entries = [f'<span style="color:{look.color(self._colors[i])}; font-weight:bold">'
                   f'\u25cf\u2014</span>&nbsp;{html.escape(self._names[i])}' for i in self.lines]
        self.legend.setText(
            f'<span style="font-size:{look.px(13)}px; color:{look.text}">'
            + html.escape(translate("LandscapePanel", "Compared runs:")) + "&nbsp; "
            + " &nbsp;&nbsp; ".join(entries)
            + "</span>")
        if selected_only:
            tip = translate("LandscapePanel",
                            "Each dot: the selected weight and the training loss after one epoch "
                            "of that run, from the same initial weights; the large dot is where "
                            "it ended. Only this weight trained, so the paths lie on this curve.")
        else:
            tip = translate("LandscapePanel",
                            "Each dot: the selected weight and the training loss after one epoch "
                            "of that run, from the same initial weights; the large dot is where "
                            "it ended. The curve holds every other weight at today's values, but "
                            "in those runs they trained too: their points show the loss each run "
                            "really had, so they lie off this curve.")
        self.legend.setToolTip(tip)
        self.legend.show()
