"""The Examples table: every row with its target, the network's output and the row's loss.

The lecture's loss is a mean over examples; this table shows the examples behind the mean, so a
student can sort by loss and find the rows the network gets most wrong (for classification the
misclassified rows are marked ✗ on a red background), and click a training row to follow it
through one gradient-descent step in the step explainer.

The numbers are computed in the training thread, only while the table is shown (the widget asks
for them with ``SetExamplesTable`` when it is shown or hidden), and at most a few times a second.
The table itself is a :class:`nnsim.ui.examples_model.ExamplesModel`: 200,000 rows stay
responsive, because only the visible cells are ever formatted.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nnsim.core import commands as cmd
from nnsim.core.example_rows import ExampleRows, SplitRows
from nnsim.core.snapshot import Snapshot
from nnsim.ui.examples_model import (
    FEATURE,
    LOSS,
    OUTPUT,
    ROW,
    SET,
    TARGET,
    WRONG,
    ExamplesModel,
)
from nnsim.ui.numbers import significant, whole

# Sample texts that size the columns (never measured over the rows: there may be 200,000).
_NUMBER_SAMPLE = "\u22120.0001234"
_PADDING = 18


class ExamplesTable(QWidget):
    """A summary line over a sortable table of every row.

    Signals
    -------
    training_row_chosen(int) : a training row was clicked (its index within the training split,
        0-based), for the step explainer.
    command_requested(object) : a command for the session (``SetExamplesTable``: compute the
        rows' numbers while this table is shown).
    """

    training_row_chosen = Signal(int)
    command_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("examplesPanel")
        self.model = ExamplesModel(self)
        self.summary = QLabel()
        self.summary.setObjectName("examplesSummary")
        self.summary.setWordWrap(True)
        self.summary.setToolTip(self.tr(
            "The mean of a set's row losses is that set's loss, as in the status bar"))
        self.view = QTableView()
        self.view.setObjectName("examplesView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setToolTip(self.tr(
            "Every row of the data: click a column title to sort by it (the loss, to find the "
            "rows the network gets most wrong); click a training row to follow it in the step "
            "explainer"))
        rows = self.view.verticalHeader()
        rows.hide()
        # Fixed heights: with 200,000 rows nothing may be measured row by row.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorClearable(True)  # a third click goes back to the rows' order
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.clicked.connect(self._on_row_clicked)
        self.view.activated.connect(self._on_row_clicked)
        self.model.modelReset.connect(self._on_model_reset)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self._rows: ExampleRows | None = None
        self._on_screen = False
        self._explained_row: int | None = None
        self._show_summary(None)

    # ----------------------------------------------------------------- following the session
    def wanted(self) -> bool:
        """The rows' numbers are needed: the table is on screen."""
        return self._on_screen

    @Slot(bool)
    def set_on_screen(self, on_screen: bool) -> None:
        """The dock was shown or hidden, or its tab raised or covered (``visibilityChanged``:
        a covered tab stays "visible" to Qt)."""
        if on_screen != self._on_screen:
            self._on_screen = on_screen
            self.command_requested.emit(cmd.SetExamplesTable(on_screen))

    @Slot(object)
    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Show the snapshot's rows (cheap when they have not changed); ask for them if the
        session does not compute them although the table is shown (a demo or lesson opened
        with the table closed), or computes them in vain."""
        wanted = self.wanted()
        if snapshot.settings.examples_table != wanted:
            self.command_requested.emit(cmd.SetExamplesTable(wanted))
        rows = snapshot.example_rows
        if not wanted or rows is None:
            return
        if rows is not self._rows:
            self._rows = rows
            self.model.set_rows(rows)
            self._show_summary(rows)
        s = snapshot.settings
        self._follow_explained_row(s.explain_row if s.explaining else None)

    def _follow_explained_row(self, row: int | None) -> None:
        """Select the training row the step explainer follows, once, when it changes (chosen in
        the explainer or here); the user's own selection stays otherwise."""
        if row == self._explained_row or self.model.splits is None:
            return
        self._explained_row = row
        if row is not None and row < self.model.splits.train.n_samples:
            self.select_training_row(row)

    def select_training_row(self, row: int) -> None:
        """Select training row ``row`` (0-based) and scroll to it, without emitting
        ``training_row_chosen``."""
        view_row = self.model.view_row("train", row)
        self.view.selectRow(view_row)
        self.view.scrollTo(self.model.index(view_row, 0))

    # ----------------------------------------------------------------- the summary line
    def _show_summary(self, rows: ExampleRows | None) -> None:
        if rows is None:
            self.summary.setText(self.tr("The rows appear here once the network has been "
                                         "computed on them."))
            return
        parts = [self.tr("Epoch %1").replace("%1", str(rows.epoch))]
        names = (self.tr("training"), self.tr("development"), self.tr("test"))
        for name, part in zip(names, (rows.train, rows.dev, rows.test)):
            parts.append(self._split_summary(name, part))
        self.summary.setText(" · ".join(parts))

    def _split_summary(self, name: str, part: SplitRows | None) -> str:
        if part is None:
            n = self.model.splits.test.n_samples if self.model.splits is not None else 0
            return self.tr("%1: %2 rows, sealed until the final evaluation").replace(
                "%1", name).replace("%2", whole(n))
        if part.n_misclassified is not None:
            return self.tr("%1: %2 of %3 misclassified, mean loss %4").replace(
                "%1", name).replace("%2", whole(part.n_misclassified)).replace(
                "%3", whole(part.n_rows)).replace("%4", significant(part.mean_loss))
        return self.tr("%1: %2 rows, mean loss %3").replace("%1", name).replace(
            "%2", whole(part.n_rows)).replace("%3", significant(part.mean_loss))

    def summary_text(self) -> str:
        return self.summary.text()

    # ----------------------------------------------------------------- clicks and sizes
    @Slot(QModelIndex)
    def _on_row_clicked(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        split, row = self.model.source_row(index.row())
        if split == "train":
            self.training_row_chosen.emit(row)

    @Slot()
    def _on_model_reset(self) -> None:
        """Other rows (other columns): unsorted, each column sized afresh."""
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Each column as wide as its title or a typical value, whichever is wider."""
        metrics = self.view.fontMetrics()
        header_metrics = self.view.horizontalHeader().fontMetrics()
        splits = self.model.splits
        if splits is None:
            return
        class_names = list(splits.train.target_names) if self.model.classification else []
        longest_class = max(class_names, key=metrics.horizontalAdvance, default="")
        samples = {
            SET: max(self.model.split_words(), key=metrics.horizontalAdvance),
            ROW: whole(splits.train.n_samples),
            FEATURE: _NUMBER_SAMPLE, LOSS: _NUMBER_SAMPLE, WRONG: "\u2717",
            TARGET: longest_class or _NUMBER_SAMPLE,
            OUTPUT: (longest_class + " (0.00)") if class_names else _NUMBER_SAMPLE,
        }
        for section in range(self.model.columnCount()):
            column = self.model.column(section)
            title = str(self.model.headerData(section, Qt.Orientation.Horizontal))
            width = max(header_metrics.horizontalAdvance(title) + 2 * _PADDING,
                        metrics.horizontalAdvance(samples[column.kind]) + _PADDING)
            self.view.setColumnWidth(section, min(width, 220))
