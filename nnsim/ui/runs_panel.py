"""The Runs list: every run of the session, ticked to overlay it on the loss plot, and the
learning rates Compare learning rates will try.

Each row: its number, what it did differently from the current settings ("η = 0.01"), the
epochs it trained and its final training and dev loss; the tick pins it (its curves on the loss
plot in its own colour). The row above the list holds the three learning rates and the epochs
of Train → Compare learning rates: they follow the current η (η/10, η, 10·η) until edited.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QTableWidget, QTableWidgetItem,
                               QToolButton, QVBoxLayout, QWidget)

from nnsim.core.compare import (DEFAULT_COMPARE_EPOCHS, MAX_COMPARE_EPOCHS, check_comparison,
                                default_rates)
from nnsim.core.runs import RunRecord
from nnsim.core.snapshot import Snapshot
from nnsim.ui.numbers import parse, significant
from nnsim.ui.run_labels import overlay_colors, run_difference

COLUMNS = 6  # pin, number, what differs, epochs, train loss, dev loss


class RunsPanel(QWidget):
    """The session's runs and the comparison's learning rates.

    Signals
    -------
    pin_toggled(int, bool) : the user ticked (or unticked) run ``id``.
    clear_requested() : "Clear comparison" was pressed.
    compare_requested() : "Compare" was pressed (the window reads :meth:`comparison`).
    """

    pin_toggled = Signal(int, bool)
    clear_requested = Signal()
    compare_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runsPanel")
        self._shown: tuple | None = None
        self._learning_rate: float | None = None
        self._rates_edited = False
        self._current_rate = 0.5  # the current η, as the last snapshot gave it

        self.rate_edits = [QLineEdit(objectName=f"compareRate{i + 1}") for i in range(3)]
        tips = (self.tr("The first learning rate to compare (default: the current η / 10, "
                        "too low: a crawl)"),
                self.tr("The second learning rate to compare (default: the current η)"),
                self.tr("The third learning rate to compare (default: 10 × the current η, "
                        "too high: it may overshoot or diverge)"))
        for edit, tip in zip(self.rate_edits, tips):
            edit.setToolTip(tip)
            edit.setMaximumWidth(72)
            edit.textEdited.connect(self._on_rate_edited)
        self.epochs_spin = QSpinBox(objectName="compareEpochs", minimum=1,
                                    maximum=MAX_COMPARE_EPOCHS, value=DEFAULT_COMPARE_EPOCHS)
        self.epochs_spin.setToolTip(self.tr("Epochs each learning rate trains"))
        self.defaults_button = QToolButton(objectName="compareDefaultsButton", text="↺")
        self.defaults_button.setToolTip(self.tr("Back to η/10, η and 10·η of the current "
                                                "learning rate (and follow it again)"))
        self.defaults_button.clicked.connect(self._on_defaults)
        self.compare_button = QPushButton(self.tr("Compare"), objectName="compareButton")
        self.compare_button.setToolTip(self.tr(
            "Train the run's initial weights with each learning rate and overlay the runs on "
            "the loss plot and their paths in the landscape"))
        self.compare_button.clicked.connect(self.compare_requested)
        self.clear_button = QPushButton(self.tr("Clear comparison"),
                                        objectName="clearComparisonButton")
        self.clear_button.setToolTip(self.tr("Untick every run: the plots show the current run "
                                             "only"))
        self.clear_button.clicked.connect(self.clear_requested)
        # Two short rows, not one long one: the Runs tab shares its width with the landscape,
        # which a wide row would squeeze beside the loss plot on a 1366-px laptop.
        rates_row = QHBoxLayout()
        rates_row.addWidget(QLabel(self.tr("Compare η:")))
        for edit in self.rate_edits:
            rates_row.addWidget(edit)
        rates_row.addWidget(self.defaults_button)
        rates_row.addStretch(1)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(QLabel(self.tr("for")))
        buttons_row.addWidget(self.epochs_spin)
        buttons_row.addWidget(QLabel(self.tr("epochs")))
        buttons_row.addWidget(self.compare_button)
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.clear_button)

        self.table = QTableWidget(0, COLUMNS, objectName="runsList")
        self.table.setHorizontalHeaderLabels(
            ["", self.tr("Run"), self.tr("What differs"), self.tr("Epochs"),
             self.tr("Train loss"), self.tr("Dev loss")])
        self.table.horizontalHeaderItem(0).setToolTip(self.tr("Tick to overlay on the loss "
                                                              "plot"))
        self.table.horizontalHeaderItem(2).setToolTip(self.tr(
            "What the run did differently from the current settings"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        for column in range(COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._on_item_changed)
        self.empty_note = QLabel(self.tr(
            "No finished runs yet. A run is kept here when the model starts over (Reset, other "
            "data or network, a demo); tick it to compare its curves with the current run."),
            objectName="runsEmptyNote")
        self.empty_note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(rates_row)
        layout.addLayout(buttons_row)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.table, 1)
        self._fill_rates(0.5)

    # ----------------------------------------------------------------- the comparison
    def comparison(self) -> tuple[tuple[float, ...], int]:
        """The learning rates and epochs to compare (ValueError naming a bad field)."""
        rates = []
        for i, edit in enumerate(self.rate_edits):
            value = parse(edit.text())
            if value is None or value <= 0:
                raise ValueError(self.tr("Learning rate %1 of the comparison must be a positive "
                                         "number, not “%2”.").replace("%1", str(i + 1)).replace(
                                             "%2", edit.text()))
            rates.append(value)
        epochs = self.epochs_spin.value()
        check_comparison(rates, epochs)
        return tuple(rates), epochs

    def _fill_rates(self, learning_rate: float) -> None:
        for edit, rate in zip(self.rate_edits, default_rates(learning_rate)):
            edit.setText(significant(rate, 3))
        self._learning_rate = learning_rate

    def _on_defaults(self) -> None:
        self._rates_edited = False
        self._fill_rates(self._current_rate)

    def _on_rate_edited(self, _text: str) -> None:
        self._rates_edited = True  # the user's rates stay, whatever η becomes

    # ----------------------------------------------------------------- the list
    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Follow the current η (until edited) and list ``snapshot.runs``, newest first."""
        s = snapshot.settings
        self._current_rate = s.learning_rate
        if not self._rates_edited and s.learning_rate != self._learning_rate:
            self._fill_rates(s.learning_rate)
        key = (snapshot.runs, s)
        if key == self._shown:
            return
        self._shown = key
        self._fill_table(snapshot.runs, snapshot)

    def _fill_table(self, runs: tuple[RunRecord, ...], snapshot: Snapshot) -> None:
        colors = overlay_colors(runs)
        table = self.table
        table.blockSignals(True)
        try:
            table.setRowCount(len(runs))
            for row, run in enumerate(reversed(runs)):
                pin = QTableWidgetItem()
                pin.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                pin.setCheckState(Qt.CheckState.Checked if run.pinned
                                  else Qt.CheckState.Unchecked)
                pin.setData(Qt.ItemDataRole.UserRole, run.id)
                pin.setToolTip(self.tr("Overlay run %1 on the loss plot").replace(
                    "%1", str(run.id)))
                if run.id in colors:  # the run's colour on the plots
                    pin.setBackground(QBrush(QColor(colors[run.id][0])))
                number = str(run.id) + (" ↯" if run.diverged else "")
                cells = [pin, QTableWidgetItem(number),
                         QTableWidgetItem(run_difference(run, snapshot.settings)),
                         QTableWidgetItem(str(run.last_epoch)),
                         QTableWidgetItem(significant(run.final_train_loss)),
                         QTableWidgetItem(significant(run.final_dev_loss))]
                if run.diverged:
                    cells[1].setToolTip(self.tr("This run diverged and was stopped"))
                if run.compared:
                    cells[2].setToolTip(self.tr("From Compare learning rates: the same initial "
                                                "weights as the run it was compared in"))
                for column, cell in enumerate(cells):
                    if column >= 3:
                        cell.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                              | Qt.AlignmentFlag.AlignVCenter)
                    table.setItem(row, column, cell)
        finally:
            table.blockSignals(False)
        self.empty_note.setVisible(not runs)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != 0:
            return
        run_id = item.data(Qt.ItemDataRole.UserRole)
        if run_id is not None:
            self.pin_toggled.emit(int(run_id), item.checkState() == Qt.CheckState.Checked)

    def pinned_rows(self) -> list[int]:
        """The ids of the ticked runs, as listed (newest first)."""
        ids = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return ids
