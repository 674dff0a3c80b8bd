"""The row under the landscape: which parameter is shown and over which range of values.

A refused range (low not below high) never changes the layout: the two spin boxes turn red, the
dash between them becomes a red ✗ with the reason in its tooltip, and ``range_refused`` carries
the sentence for the window to show in full (a long label here would widen the dock for good).
"""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QSignalBlocker, Signal, Slot
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QToolButton, QWidget

INVALID_STYLE = "QDoubleSpinBox { border: 2px solid #c0102a; }"


class LandscapeControls(QWidget):
    """Parameter chooser, low/high spin boxes and Auto, in one row.

    Signals
    -------
    parameter_chosen(str) : the user picked a parameter.
    range_requested(object) : ``(lo, hi)`` typed by the user, or None for an automatic range.
    range_refused(str) : the typed range was refused; the reason, for the status bar.
    """

    parameter_chosen = Signal(str)
    range_requested = Signal(object)
    range_refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names: tuple[str, ...] = ()
        self.param_combo = QComboBox(self, objectName="landscapeParamCombo",
                                     toolTip=self.tr("The weight whose loss curve is shown"))
        self.param_combo.currentIndexChanged.connect(self._on_param_combo_index_changed)
        self.min_spin = self._make_spin("landscapeMinSpin", self.tr("Lowest weight shown"))
        self.max_spin = self._make_spin("landscapeMaxSpin", self.tr("Highest weight shown"))
        self.auto_button = QToolButton(
            self, objectName="landscapeAutoRange", text=self.tr("Auto"), checkable=True,
            checked=True, toolTip=self.tr("Choose the range around the current weight, the "
                                          "step and the minimum automatically"))
        self.auto_button.toggled.connect(self._on_auto_button_toggled)
        self.refusal = self.tr("The range must go from low to high: the first number below the "
                               "second.")
        # The dash between the two numbers turns into a red ✗ for a refused range: the same
        # room, so the row's width never changes.
        self.range_dash = QLabel("–", self, objectName="landscapeRangeDash")
        param_label = QLabel(self.tr("Parameter"), self, toolTip=self.param_combo.toolTip())
        range_label = QLabel(self.tr("Range"), self,
                             toolTip=self.tr("The weights shown, from low to high"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        for widget in (param_label, self.param_combo, 12, range_label, self.min_spin,
                       self.range_dash, self.max_spin, self.auto_button):
            row.addSpacing(widget) if isinstance(widget, int) else row.addWidget(widget)
        row.addStretch(1)

    def _make_spin(self, name: str, tip: str) -> QDoubleSpinBox:
        # Emits on Enter, focus loss or arrow clicks, not on every keystroke of "-12.5".
        spin = QDoubleSpinBox(self, objectName=name, decimals=3, singleStep=0.5, toolTip=tip,
                              keyboardTracking=False)
        spin.setRange(-1e6, 1e6)  # a diverged run leaves weights in the hundreds of thousands
        spin.valueChanged.connect(self._on_spin_value_changed)
        return spin

    # ----------------------------------------------------------------- model → widgets
    def set_parameter_names(self, names: Sequence[str]) -> None:
        """Offer ``names``, keeping the current choice if it still exists."""
        names = tuple(names)
        if names == self._names:
            return
        self._names = names
        current = self.param_combo.currentText()
        with QSignalBlocker(self.param_combo):
            self.param_combo.clear()
            self.param_combo.addItems(list(names))
            if current in names:
                self.param_combo.setCurrentIndex(names.index(current))

    def show_selected(self, name: str) -> None:
        """Show the model's selected parameter without emitting."""
        if name in self._names:
            with QSignalBlocker(self.param_combo):
                self.param_combo.setCurrentIndex(self._names.index(name))

    def show_range(self, lo: float, hi: float) -> None:
        """Show the automatic range (a spin box the user is typing in is left alone)."""
        if not self.auto_button.isChecked():
            return
        for spin, value in ((self.min_spin, lo), (self.max_spin, hi)):
            if spin.value() != round(value, spin.decimals()) and not spin.hasFocus():
                with QSignalBlocker(spin):
                    spin.setValue(value)

    # ----------------------------------------------------------------- user edits
    @Slot(int)
    def _on_param_combo_index_changed(self, index: int) -> None:
        if 0 <= index < len(self._names):
            self.parameter_chosen.emit(self._names[index])

    def range_is_valid(self) -> bool:
        """False while the typed range is refused (and marked red)."""
        return self.range_dash.text() == "–"

    def _mark_valid(self, valid: bool) -> None:
        self.range_dash.setText("–" if valid else "✗")
        self.range_dash.setStyleSheet("" if valid else "color: #c0102a; font-weight: bold;")
        self.range_dash.setToolTip("" if valid else self.refusal)
        for spin in (self.min_spin, self.max_spin):
            spin.setStyleSheet("" if valid else INVALID_STYLE)

    @Slot(float)
    def _on_spin_value_changed(self, _value: float) -> None:
        lo, hi = self.min_spin.value(), self.max_spin.value()
        if not lo < hi:
            self._mark_valid(False)
            self.range_refused.emit(self.refusal)
            return
        self._mark_valid(True)
        with QSignalBlocker(self.auto_button):
            self.auto_button.setChecked(False)
        self.range_requested.emit((lo, hi))

    @Slot(bool)
    def _on_auto_button_toggled(self, on: bool) -> None:
        if on:
            self._mark_valid(True)
            self.range_requested.emit(None)
            return
        # Leaving Auto freezes the range currently shown, so the curve stops moving under the eye.
        lo, hi = self.min_spin.value(), self.max_spin.value()
        if lo < hi:
            self.range_requested.emit((lo, hi))
