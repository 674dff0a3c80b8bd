"""A small picture of the chosen activation function, with its formula and the lecture's example.

The lecture introduces sigmoid with f(0) = 0.5 and ReLU with f(2) = 2; the preview marks exactly
these points, so the slide and the program show the same thing.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it

from nnsim.core.activations import ACTIVATIONS, get_activation, softmax
from nnsim.ui import numbers
from nnsim.ui.names import formula
from nnsim.ui.plot_style import apply_plot_style

X_RANGE = (-5.0, 5.0)
N_POINTS = 401
CURVE_COLOR = "#1f4e9c"
DERIVATIVE_COLOR = "#e07b00"
EXAMPLE_COLOR = "#d62728"
FORMULA_FONT_PT = 14
LABEL_FONT_PT = 13
TICK_FONT_PT = 12


def example_label(name: str) -> str:
    """The lecture's example as text, e.g. ``"σ(0) = 0.5"``; empty if there is none."""
    act = get_activation(name)
    if act.example is None:
        return ""
    symbol = act.formula.split("(x)")[0] if "(x)" in act.formula else "f"
    x, y = act.example
    return f"{symbol}({numbers.significant(x, 6)}) = {numbers.significant(y, 6)}"


class ActivationPreview(QWidget):
    """The activation function over [−5, 5], its formula, its example point and (optionally) f′.

    Signals
    -------
    derivative_toggled(bool) : the derivative was switched on or off (by the checkbox or
        :meth:`set_show_derivative`), so a menu action can follow it.
    """

    derivative_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activationPreview")
        self._name = ""
        self._show_derivative = False
        self._x = np.linspace(*X_RANGE, N_POINTS)

        self.formula_label = QLabel(self)
        self.formula_label.setObjectName("activationFormula")
        self.formula_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.formula_label.setWordWrap(True)
        self.formula_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.formula_label.font()
        font.setPointSize(FORMULA_FONT_PT)
        self.formula_label.setFont(font)

        self.plot = pg.PlotWidget(self, background="w")
        self.plot.setObjectName("activationPlot")
        self.plot.setMinimumHeight(150)
        item = self.plot.getPlotItem()
        apply_plot_style(item, tick_pt=TICK_FONT_PT)
        item.hideButtons()
        item.setMenuEnabled(False)
        item.setMouseEnabled(x=False, y=False)
        # Every other integer: eleven tick labels at 12 pt do not fit a side panel.
        item.getAxis("bottom").setTicks([[(float(v), f"{v}".replace("-", "−"))
                                          for v in range(-4, 5, 2)], []])
        item.addLine(x=0, pen=pg.mkPen("#888888", width=1))
        item.addLine(y=0, pen=pg.mkPen("#888888", width=1))
        self.curve = item.plot([], [], pen=pg.mkPen(CURVE_COLOR, width=3))
        self.curve.setObjectName("activationCurve")
        self.derivative_curve = item.plot(
            [], [], pen=pg.mkPen(DERIVATIVE_COLOR, width=3, style=Qt.PenStyle.DashLine))
        self.derivative_curve.setObjectName("activationDerivativeCurve")
        self.derivative_curve.hide()
        self.example_marker = item.plot(
            [], [], pen=None, symbol="o", symbolSize=13, symbolBrush=pg.mkBrush(EXAMPLE_COLOR),
            symbolPen=pg.mkPen("#ffffff", width=2))
        self.example_marker.setObjectName("activationExample")
        self.example_marker.setZValue(10)
        # Above-left of the point: every example lies on a rising curve, so that corner is empty
        # and the text never runs off the right edge.
        self.example_text = pg.TextItem("", color=EXAMPLE_COLOR, anchor=(1.04, 1.0))
        label_font = QFont()
        label_font.setPointSize(LABEL_FONT_PT)
        label_font.setBold(True)
        self.example_text.setFont(label_font)
        self.example_text.setZValue(10)
        item.addItem(self.example_text, ignoreBounds=True)

        self.derivative_check = QCheckBox(self.tr("Show derivative (dashed)"), self)
        self.derivative_check.setObjectName("showDerivativeCheck")
        self.derivative_check.setToolTip(self.tr(
            "Backpropagation multiplies by this slope; where it is near 0 the unit learns slowly"))
        self.derivative_check.toggled.connect(self._on_derivative_check_toggled)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.formula_label)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.derivative_check)

    # ----------------------------------------------------------------- public API
    def activation(self) -> str:
        """Registry name of the activation shown."""
        return self._name

    def show_derivative(self) -> bool:
        """True if the derivative curve is shown."""
        return self._show_derivative

    def set_activation(self, name: str) -> None:
        """Show activation ``name`` (a key of ``ACTIVATIONS``)."""
        act = get_activation(name)
        self._name = name
        if name == "softmax":
            # Softmax needs a vector: show the first of two outputs with the other input at 0.
            y = softmax(np.column_stack([self._x, np.zeros_like(self._x)]))[:, 0]
        else:
            y = act(self._x)
        self.curve.setData(self._x, y)
        if act.example is not None:
            self.example_marker.setData([act.example[0]], [act.example[1]])
            self.example_text.setText(example_label(name))
            self.example_text.setPos(*act.example)
            self.example_text.show()
        else:
            self.example_marker.setData([], [])
            self.example_text.hide()
        self.derivative_check.setEnabled(act.derivative is not None)
        self.derivative_check.setToolTip(
            self.tr("Softmax's derivative couples all outputs; there is no single curve")
            if act.derivative is None else self.tr(
                "Backpropagation multiplies by this slope; where it is near 0 the unit learns "
                "slowly"))
        self._update_derivative()

    def set_show_derivative(self, on: bool) -> None:
        """Also draw f′(x), dashed."""
        on = bool(on)
        changed = on != self._show_derivative
        self._show_derivative = on
        if self.derivative_check.isChecked() != on:
            self.derivative_check.setChecked(on)  # re-enters via the slot, which finds no change
        self._update_derivative()
        if changed:
            self.derivative_toggled.emit(on)

    # ----------------------------------------------------------------- internals
    @Slot(bool)
    def _on_derivative_check_toggled(self, on: bool) -> None:
        self.set_show_derivative(on)

    def _update_derivative(self) -> None:
        act = ACTIVATIONS.get(self._name)
        visible = self._show_derivative and act is not None and act.derivative is not None
        if visible:
            self.derivative_curve.setData(self._x, act.grad(self._x))
            self.derivative_curve.show()
        else:
            self.derivative_curve.setData([], [])
            self.derivative_curve.hide()
        if act is None:
            self.formula_label.setText("")
            return
        lines = [formula(act.formula)]
        if act.name == "softmax":
            lines.append(self.tr("(plotted: first output, other input 0)"))
        if visible:
            lines.append(self.tr("%1  (dashed)").replace("%1", formula(act.derivative_formula)))
        self.formula_label.setText("\n".join(lines))
        self.plot.getPlotItem().enableAutoRange()
