"""The Step explainer dock: the example followed, the phase of the walk and its formulas.

A view only: it shows what :class:`~nnsim.ui.explain_controller.ExplainController` hands it and
reports the user's choices (the example, next phase, play, start over) as signals.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QSpinBox,
                               QTextBrowser, QVBoxLayout, QWidget)

BASE_FONT_PT = 10.5  # at zoom 1; presenter mode and Ctrl++ scale it
FORMULA_COLOR = "#1b2631"
FOCUS_BACKGROUND = "#fff3c4"  # the line of the unit or parameter in focus
HINT_COLOR = "#4d5656"
NOTICE_BACKGROUND = "#fef9e7"  # as the window's message banner
ITEM_BACKGROUND = "#e8f4fd"  # the clicked unit's or edge's own formulas
COMPACT_ZOOM = 1.5  # from this zoom on, the hints give their room to the formulas


W = TypeVar("W", bound=QWidget)


def _named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


class StepExplainer(QWidget):
    """The dock's widget.

    Signals
    -------
    row_chosen(object) : the user picked the mean (None) or a training row (0-based int).
    next_requested() : "Next phase" (the same as Step in explain mode).
    play_toggled(bool) : "Play" pressed or released.
    restart_requested() : "Start over".
    """

    row_chosen = Signal(object)
    next_requested = Signal()
    play_toggled = Signal(bool)
    restart_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepExplainerPanel")
        self._zoom = 1.0
        self._high_contrast = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)

        picker = QHBoxLayout()
        self.example_combo = _named(QComboBox(), "explainExampleCombo")
        self.example_combo.addItems([self.tr("All training rows (mean)"),
                                     self.tr("One training row:")])
        self.example_combo.setToolTip(self.tr(
            "Follow the mean over every training row (what training uses) or one row"))
        self.row_spin = _named(QSpinBox(), "explainRowSpin")
        self.row_spin.setRange(1, 1)
        self.row_spin.setToolTip(self.tr("The training row to follow (as numbered in the "
                                         "Examples table)"))
        self.row_spin.setKeyboardTracking(False)
        # One row first: its numbers can be checked by hand (the mean of standardised inputs is
        # 0 everywhere, and a mean of σ is not σ of a mean); the mean is one click away.
        self.example_combo.setCurrentIndex(1)
        picker.addWidget(self.example_combo, 1)
        picker.addWidget(self.row_spin)
        layout.addLayout(picker)
        self.row_label = self._label("explainRowLabel")
        layout.addWidget(self.row_label)

        self.phase_label = self._label("explainPhaseLabel")
        layout.addWidget(self.phase_label)
        # The fine print that must not scroll away: the update takes the batch mean, mini-batch
        # epochs differ, the run diverged, the update is done.
        self.notice_label = self._label("explainNoticeLabel")
        self.notice_label.hide()
        layout.addWidget(self.notice_label)
        # The phase's explanation, its formulas and the clicked item's, in one scrolling page.
        self.formulas = _named(QTextBrowser(), "explainFormulas")
        self.formulas.setFrameShape(QFrame.Shape.StyledPanel)
        self.formulas.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        layout.addWidget(self.formulas, 1)
        self._hint_html = self._lines_html = self._item_html = self._title = self._page = ""
        self._lines: list[str] = []
        self._item_lines: list[str] = []
        self.selected_label = self._label("explainSelectedLabel")
        self.selected_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.selected_label.setToolTip(self.tr(
            "The parameter shown in the loss landscape: its slope, step and new value are the "
            "landscape's"))
        layout.addWidget(self.selected_label)

        buttons = QHBoxLayout()
        self.next_button = _named(QPushButton(self.tr("Next phase")), "explainNextButton")
        self.next_button.setToolTip(self.tr("Compute the next phase of the epoch (F10, or Step "
                                            "in the toolbar)"))
        self.play_button = _named(QPushButton(self.tr("Play")), "explainPlayButton")
        self.play_button.setCheckable(True)
        self.play_button.setToolTip(self.tr("Walk on by itself, one phase a second"))
        self.restart_button = _named(QPushButton(self.tr("Start over")),
                                     "explainRestartButton")
        self.restart_button.setToolTip(self.tr("Back to the start of this epoch's walk"))
        for button in (self.next_button, self.play_button, self.restart_button):
            buttons.addWidget(button)
        layout.insertLayout(1, buttons)

        self.example_combo.currentIndexChanged.connect(self._on_example_changed)
        self.row_spin.valueChanged.connect(lambda _: self._emit_row())
        self.next_button.clicked.connect(self.next_requested)
        self.play_button.toggled.connect(self.play_toggled)
        self.restart_button.clicked.connect(self.restart_requested)
        self._apply_style()

    def _label(self, name: str) -> QLabel:
        label = _named(QLabel(), name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    # ----------------------------------------------------------------- the example
    def show_rows(self, n_train: int, row: int | None) -> None:
        """The picker for ``n_train`` training rows, showing ``row`` (None: the mean); no
        signal."""
        for widget in (self.example_combo, self.row_spin):
            widget.blockSignals(True)
        self.row_spin.setMaximum(max(1, n_train))
        self.example_combo.setCurrentIndex(0 if row is None else 1)
        if row is not None:
            self.row_spin.setValue(row + 1)
        self.row_spin.setEnabled(row is not None)
        for widget in (self.example_combo, self.row_spin):
            widget.blockSignals(False)

    def chosen_row(self) -> int | None:
        return None if self.example_combo.currentIndex() == 0 else self.row_spin.value() - 1

    def _on_example_changed(self, index: int) -> None:
        self.row_spin.setEnabled(index == 1)
        self._emit_row()

    def _emit_row(self) -> None:
        self.row_chosen.emit(self.chosen_row())

    # ----------------------------------------------------------------- the walk
    def show_phase(self, title: str, hint: str, lines: list[tuple[str, bool]],
                   notices: Sequence[str] = ()) -> None:
        """The phase's title, its explanation, its formula lines (flag: in focus) and the
        notices that stay in view."""
        self.phase_label.setText(f"<b>{html.escape(title)}</b>")
        self.notice_label.setText("<br>".join(html.escape(n) for n in notices))
        self.notice_label.setVisible(bool(notices))
        self._hint_html = "".join(f"<p style='color:{HINT_COLOR}'>{html.escape(line)}</p>"
                                  for line in hint.split("\n") if line)
        paragraphs = []
        anchor = ""
        for text, focus in lines:
            style = f" style='background:{FOCUS_BACKGROUND}'" if focus else ""
            if focus and not anchor:
                anchor = "<a name='focus'></a>"
                paragraphs.append(f"<p{style}>{anchor}{html.escape(text)}</p>")
            else:
                paragraphs.append(f"<p{style}>{html.escape(text)}</p>")
        new_phase = title != self._title
        self._title = title
        self._lines = [text for text, _ in lines]
        self._lines_html = "".join(paragraphs)
        self._render()
        if new_phase:
            # A new phase opens at its top, or at the selected parameter's line if it has one.
            self.formulas.verticalScrollBar().setValue(0)
            if anchor:
                self.formulas.scrollToAnchor("focus")

    def show_item(self, title: str, lines: list[str]) -> None:
        """The formulas of the unit or edge clicked last ('' hides them)."""
        self._item_lines = list(lines) if title else []
        html_text = (f"<p style='background:{ITEM_BACKGROUND}'><b>{html.escape(title)}</b>"
                     + "".join(f"<br>{html.escape(line)}" for line in lines) + "</p>"
                     ) if title else ""
        if html_text != self._item_html:
            self._item_html = html_text
            self._render()
            self.formulas.verticalScrollBar().setValue(0)  # the click's answer is on top
        else:
            self._render()

    def _render(self) -> None:
        # In large type (presenter mode) the teacher says what the hints say: formulas only.
        hint = "" if self._zoom >= COMPACT_ZOOM else self._hint_html
        page = f"<div style='color:{FORMULA_COLOR}'>{self._item_html}{hint}{self._lines_html}</div>"
        if page == self._page:
            return  # snapshots come 15 times a second while training: no relayout for nothing
        self._page = page
        bar = self.formulas.verticalScrollBar()
        position = bar.value()
        self.formulas.setHtml(page)
        bar.setValue(position)  # a new snapshot must not scroll the reader back to the top

    def show_selected(self, title: str, lines: list[str]) -> None:
        """The landscape's parameter: always in view."""
        label = self.selected_label
        label.setVisible(bool(title))
        body = "<br>".join(html.escape(line) for line in lines)
        label.setText(f"<b>{html.escape(title)}</b><br>{body}" if title else "")

    def formula_lines(self) -> list[str]:
        """The phase's formula lines shown (for tests and scripts)."""
        return list(self._lines)

    def item_lines(self) -> list[str]:
        """The clicked item's formula lines shown (for tests and scripts)."""
        return list(self._item_lines)

    def set_playing(self, on: bool) -> None:
        self.play_button.blockSignals(True)
        self.play_button.setChecked(on)
        self.play_button.setText(self.tr("Pause") if on else self.tr("Play"))
        self.play_button.blockSignals(False)

    # ----------------------------------------------------------------- zoom
    def set_zoom(self, factor: float) -> None:
        """Fonts times ``factor`` (presenter mode, Ctrl++), like the network and the plots."""
        self._zoom = float(factor)
        self._apply_style()
        self._render()

    def set_high_contrast(self, on: bool) -> None:
        self._high_contrast = bool(on)
        self._apply_style()

    def _apply_style(self) -> None:
        size = BASE_FONT_PT * self._zoom
        small = 0.7 if self._zoom >= COMPACT_ZOOM else 1.0  # what is always in view
        colour = "#000000" if self._high_contrast else FORMULA_COLOR
        panel = "QWidget#stepExplainerPanel"
        self.setStyleSheet(
            f"{panel}, {panel} QLabel, {panel} QPushButton, {panel} QComboBox,"
            f" {panel} QSpinBox {{ font-size: {size:.1f}pt; }}"
            f" QTextBrowser#explainFormulas {{ font-size: {size * 1.15:.1f}pt;"
            f" color: {colour}; background: #ffffff; }}"
            f" {panel} QLabel#explainPhaseLabel {{ font-size: {size * 1.2:.1f}pt; }}"
            # Always in view, so it must not crowd out the phase's own formulas.
            f" {panel} QLabel#explainSelectedLabel {{ font-size: {size * small:.1f}pt; }}"
            f" {panel} QLabel#explainRowLabel {{ font-size: {size * small:.1f}pt; }}"
            f" {panel} QLabel#explainNoticeLabel {{ font-size: {size * small:.1f}pt;"
            f" background: {NOTICE_BACKGROUND}; border: 1px solid #d4ac0d; padding: 3px; }}")
