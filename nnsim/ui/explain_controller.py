"""The step explainer in the window: the walk through one epoch, phase by phase.

Owned by the main window. It holds the walk's position and the traced step it walks through
(``snapshot.step_trace``, computed in the worker while explain mode is on), fills the dock
(:class:`~nnsim.ui.step_explainer.StepExplainer`) and marks the network editor.

The explainer never changes the training result: it reads traces, and at the update phase it
sends the ordinary Step (``worker.step()``, the path the Step button takes), so one walk is
exactly one epoch of training. With mini-batches that epoch makes several steps; the walk then
explains the full-batch step and says that the epoch differs (tracing the first mini-batch
would need the trainer's private shuffling state, and still not explain the epoch's result).

What can happen mid-walk: Train (the walk stops; the numbers follow training), a change of the
network, data or settings (the trace changes: the walk starts again), a diverged run (the walk
refuses to go on and says why).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget

from nnsim.core import commands as cmd
from nnsim.core.explain_cache import is_current
from nnsim.core.explain_walk import (BACKWARD_HIDDEN, BACKWARD_OUTPUT, LOSS, UPDATE, ExplainedStep,
                                     Phase, node_formulas, parameter_formulas, phases)
from nnsim.core.snapshot import Snapshot
from nnsim.ui import explain_text as text
from nnsim.ui.step_explainer import StepExplainer

if TYPE_CHECKING:
    from nnsim.ui.main_window import MainWindow

translate = QCoreApplication.translate  # the name pyside6-lupdate looks for
PLAY_INTERVAL_MS = 1000  # one phase a second: slow enough to read along
MAX_PENDING = 12  # presses kept while a trace is on its way (two epochs' walks)
DOCK_NAME = "stepExplainer"


class ExplainController(QObject):
    """Explain mode: the walk's state, the dock and the editor's marks."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.panel = StepExplainer()
        window._add_dock(DOCK_NAME, translate("MainWindow", "Step explainer"), self.panel,
                         Qt.DockWidgetArea.RightDockWidgetArea)
        dock = window.findChild(QDockWidget, DOCK_NAME)
        assert dock is not None  # just added
        self.dock: QDockWidget = dock
        # A tab beside the controls: the whole height for the formulas, and the network and
        # the plots keep their room (a column of its own squeezed them at 1024 px).
        controls = window.findChild(QDockWidget, "controlsDock")
        if controls is not None:
            window.tabifyDockWidget(controls, self.dock)
            controls.raise_()
        self.dock.hide()  # until explain mode is first turned on
        # Closing the dock ends explain mode; showing it (View menu) starts it.
        self.dock.toggleViewAction().toggled.connect(self._on_dock_toggled)
        self._on = False
        self._requested: bool | None = None  # sent, not yet in a snapshot's settings
        self._latest: Snapshot | None = None
        self._walked: ExplainedStep | None = None  # the trace the walk goes through
        self._phases: tuple[Phase, ...] = ()
        self.position = -1  # the phase shown (index into the phases); -1: not started
        self._done = False  # the update was sent: this epoch's walk is over
        self._waiting_for: int | None = None  # the epoch the sent Step will reach
        self._item = ""  # the unit or edge clicked last
        self._pending = 0  # presses that came before the trace they need
        self._refresh_asked = False  # a trace of the current weights was asked for
        self.show_gradients = False
        step = window.action_set.step
        self._step_texts = (step.text(), step.toolTip())  # outside explain mode
        self._timer = QTimer(self)
        self._timer.setInterval(PLAY_INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer)
        p = self.panel
        p.row_chosen.connect(self.choose)
        p.next_requested.connect(self.advance)
        p.play_toggled.connect(self.play)
        p.restart_requested.connect(self.restart)

    # ----------------------------------------------------------------- state
    @property
    def active(self) -> bool:
        """Explain mode is on (Step walks instead of training a whole epoch at once)."""
        return self._on

    def phase(self) -> Phase | None:
        """The phase shown, or None before the walk starts."""
        return self._phases[self.position] if 0 <= self.position < len(self._phases) else None

    def set_on(self, on: bool) -> None:
        """Explain mode on or off (the checkable action)."""
        if bool(on) == self._on:
            return
        self._requested = bool(on)
        row = self.panel.chosen_row() if on else None
        if row is not None and self._latest is not None and row >= self._latest.n_train:
            row = None  # the data changed while explain mode was off: the mean, not a refusal
        self._window.submit(cmd.SetExplain(bool(on), row))
        self._switch(bool(on))

    def _switch(self, on: bool) -> None:
        self._on = on
        self._label_step_action(on)
        if on:
            self.dock.show()
            self.dock.raise_()
        else:
            self.play(False)
            self._reset_walk()
            self.dock.hide()
            self._window.network_view.explain_marks.clear()
        self._refresh()

    def _label_step_action(self, on: bool) -> None:
        """In explain mode Step (toolbar, F10) walks one phase: its label says so."""
        step = self._window.action_set.step
        text_, tip = self._step_texts if not on else (
            translate("StepExplainer", "&Step: next phase"),
            translate("StepExplainer", "Explain mode: compute the next phase of the epoch (F10); "
                      "the last phase trains the epoch"))
        step.setText(text_)
        step.setToolTip(tip)
        step.setStatusTip(tip)

    def _on_dock_toggled(self, visible: bool) -> None:
        presentation = getattr(self._window, "presentation", None)
        if visible != self._on and not (presentation is not None and presentation.presenting):
            self._window.action_set.explain_step.setChecked(visible)

    def choose(self, row: int | None) -> None:
        """Follow training row ``row`` (0-based) or, with None, the mean of every row."""
        if not self._on:
            self._window.action_set.explain_step.setChecked(True)  # calls set_on
        n = self._latest.step_trace.n_train if self._latest and self._latest.step_trace \
            else (row or 0) + 1
        self.panel.show_rows(max(n, (row or 0) + 1), row)
        self._window.submit(cmd.SetExplain(True, row))

    def refused(self) -> None:
        """The session refused a SetExplain: explain mode stays as the settings say."""
        self._requested = None
        if self._latest is not None and self._latest.settings.explaining != self._on:
            self.show_snapshot(self._latest)

    def _reset_walk(self) -> None:
        self.position, self._done, self._walked, self._phases = -1, False, None, ()
        self._pending = 0
        self._waiting_for = None

    # ----------------------------------------------------------------- the walk
    def advance(self) -> None:
        """One phase further (Step, F10, Next phase). A press that comes before the trace
        (or the result of the walk's Step) is kept and carried out when it arrives."""
        if not self._on:
            return
        window = self._window
        if window.action_set.train.isChecked():
            window.action_set.train.setChecked(False)
            window.say(translate("MainWindow",
                                 "Paused. Press Step again to walk through the next epoch."))
            return
        if self._ready():
            self._advance_now()
        else:
            self._pending = min(self._pending + 1, MAX_PENDING)

    def _ready(self) -> bool:
        """The newest snapshot carries the trace the next phase needs."""
        snap = self._latest
        if snap is None or snap.step_trace is None or self._waiting_for is not None:
            return False
        if (self.position < 0 or self._done) and not is_current(snap.step_trace,
                                                               snap.parameters):
            # A trace made while training ran (large data are traced less often): ask for
            # one of these very weights; the walk starts when it is here.
            if not self._refresh_asked:
                self._refresh_asked = True
                self._window.submit(cmd.SetExplain(True, snap.step_trace.row))
            return False
        return True

    def _on_timer(self) -> None:
        if self._ready():  # Play never piles up presses
            self._advance_now()

    def _advance_now(self) -> None:
        snap, window = self._latest, self._window
        assert snap is not None and snap.step_trace is not None
        if self.position < 0 or self._done:
            if snap.stopped_early:
                # The trainer takes no Step after early stopping: the walk's update could never
                # happen, and the walk would wait for it for ever.
                self.play(False)
                window.say(translate("StepExplainer",
                                     "Early stopping has paused this run: untick it to train on, "
                                     "or Reset, then walk through an epoch."), 10000)
                self._refresh()
                return
            if snap.divergence is not None or not snap.step_trace.finite:
                self.play(False)
                window.say(translate("StepExplainer",
                                     "The run has diverged: its numbers are no longer finite. "
                                     "Press Reset (with a smaller learning rate) to start again."),
                           10000)
                self._refresh()
                return
            self._walked, self._phases = snap.step_trace, phases(snap.step_trace)
            self.position, self._done = 0, False
        elif self.position < len(self._phases) - 1:
            self.position += 1
        phase = self.phase()
        if phase is not None and phase.kind == UPDATE and not self._done:
            # The real update: the ordinary Step, so the walk equals one Step exactly.
            self._done = True
            self._waiting_for = snap.epoch + 1
            window.worker.step()
        self._refresh()

    def restart(self) -> None:
        """Back to before the forward pass (of the epoch not yet trained)."""
        self.play(False)
        self._reset_walk()
        self._refresh()

    def play(self, on: bool) -> None:
        """Walk on by itself, one phase a second."""
        on = bool(on) and self._on
        if on and not self._timer.isActive():
            self._timer.start()
            self._on_timer()
        elif not on:
            self._timer.stop()
        self.panel.set_playing(on)

    def training_toggled(self, running: bool) -> None:
        """Train during a walk: the walk stops; the numbers follow training."""
        if running and self._on:
            self.play(False)
            if self.position >= 0 and not self._done:
                self._window.say(translate("StepExplainer",
                                           "Training runs: the walk stops. Pause and press Step "
                                           "to walk through an epoch again."), 8000)
            self._reset_walk()
            self._refresh()

    def item_clicked(self, name: str) -> None:
        """A unit or an edge was clicked: show its own formulas."""
        self._item = name
        self._refresh()

    def set_show_gradients(self, on: bool) -> None:
        self.show_gradients = bool(on)
        self._refresh_edges()

    # ----------------------------------------------------------------- snapshots
    def show_snapshot(self, snap: Snapshot) -> None:
        self._latest = snap
        explaining = snap.settings.explaining
        if self._requested is not None:
            if explaining == self._requested:
                self._requested = None  # the session has caught up
        elif explaining != self._on:
            # The session says otherwise (a lesson file, a demo): one truth, the settings.
            action = self._window.action_set.explain_step
            action.blockSignals(True)
            action.setChecked(explaining)
            action.blockSignals(False)
            self._switch(explaining)
        if self._waiting_for is not None and (snap.epoch >= self._waiting_for
                                              or snap.epoch < self._waiting_for - 1
                                              or snap.divergence is not None
                                              or snap.stopped_early):
            self._waiting_for = None  # the Step arrived (or a Reset overtook it)
        step = snap.step_trace
        if (self.position >= 0 and not self._done and step is not None
                and step is not self._walked):
            # The trace changed under the walk: new weights, data, row or settings.
            self.play(False)
            self._reset_walk()
            self._window.say(translate("StepExplainer",
                                       "The network, the data or a setting changed: the walk "
                                       "starts again from the forward pass."), 8000)
        if step is not None and self._on:
            self.panel.show_rows(step.n_train, step.row)
        if step is not None and is_current(step, snap.parameters):
            self._refresh_asked = False
        while self._pending and self._on and self._ready():
            self._pending -= 1
            self._advance_now()
        self._refresh()

    # ----------------------------------------------------------------- drawing
    def _shown_step(self) -> ExplainedStep | None:
        """The walk's trace while walking, else the newest (after the update: the next epoch's)."""
        if self.position >= 0 and not self._done and self._walked is not None:
            return self._walked
        return self._latest.step_trace if self._latest is not None else None

    def _refresh(self) -> None:
        self._refresh_marks()
        self._refresh_edges()
        if self._on:
            self._refresh_panel()

    def _refresh_marks(self) -> None:
        marks = self._window.network_view.explain_marks
        step = self._shown_step()
        if not self._on or step is None:
            marks.clear()
            return
        phase = self.phase() if not self._done else None
        reached = {p.kind for p in self._phases[:self.position + 1]} if not self._done else set()
        deltas = {n for p in self._phases[:self.position + 1] if p.kind in (
            BACKWARD_OUTPUT, BACKWARD_HIDDEN) for n in p.nodes} if reached else set()
        active = set(phase.nodes) if phase is not None else set()
        if phase is not None and phase.kind == LOSS:
            active = {"loss"}
        marks.show(text.node_notes(step, deltas), active,
                   phase.layer if phase is not None and phase.kind != LOSS else "",
                   text.loss_note(step))

    def _refresh_edges(self) -> None:
        view = self._window.network_view
        snap = self._latest
        values: dict[str, float] | None = None
        if self.show_gradients and snap is not None:
            values = dict(zip(snap.names, map(float, snap.gradient)))
        elif self._on and self.position >= 0 and not self._done and self._walked is not None:
            t = self._walked.trace
            names = [n for p in self._phases[:self.position + 1]
                     if p.kind in (BACKWARD_OUTPUT, BACKWARD_HIDDEN) for n in p.parameters]
            values = {n: float(t.gradient[t.index(n)]) for n in names} or None
        if values is None:
            if view.explain_marks.edge_texts:
                view.show_edge_values(None)
            return
        view.show_edge_values(values, {n: f"∂{n} = {text.gradient_label(v)}"
                                       for n, v in values.items()})

    def _refresh_panel(self) -> None:
        panel, snap = self.panel, self._latest
        step = self._shown_step()
        if step is None or snap is None:
            panel.show_phase(translate("StepExplainer", "Preparing the trace…"), "", [])
            panel.show_item("", [])
            panel.show_selected("", [])
            return
        window = self._window
        panel.row_label.setText(text.row_description(step))
        panel.row_label.setToolTip(text.row_details(step, snap.feature_names, snap.target_names))
        phase = self.phase()
        selected = snap.selected
        if phase is None:
            if window.action_set.train.isChecked():
                hint = translate("StepExplainer",
                                 "Training runs: the numbers follow the network. Pause and press "
                                 "Step to walk through one epoch.")
            else:
                hint = translate("StepExplainer",
                                 "Press Step (F10) or Next phase to walk through the next epoch: "
                                 "forward pass, loss, backward pass, update.")
            panel.show_phase(translate("StepExplainer", "Ready: epoch %1").replace(
                                 "%1", str(snap.epoch + 1)),
                             hint + "\n" + text.example_note(step), [])
        else:
            hints = [text.phase_hint(phase.kind)]
            if phase.kind != UPDATE:
                hints.append(text.example_note(step))
            notes = text.update_notes(step) if phase.kind == UPDATE else []
            if self._done and snap.divergence is not None:
                notes.append(translate("StepExplainer",
                                       "This step made the run diverge: training has stopped and "
                                       "kept the last weights with a finite loss. Press Reset "
                                       "(with a smaller learning rate)."))
            elif self._done and step.steps_per_epoch > 1:
                # Mini-batches: the epoch made several steps, not the one shown (update_notes
                # says so); "exactly as Step does it" would contradict that.
                notes.append(translate("StepExplainer",
                                       "Done: the epoch is trained in mini-batches, as Step does "
                                       "it. Press Step for the next epoch."))
            elif self._done:
                notes.append(translate("StepExplainer",
                                       "Done: the weights are updated, exactly as Step does it. "
                                       "Press Step for the next epoch."))
            if not step.finite:
                notes.append(translate(
                    "StepExplainer", "Some numbers are no longer finite: the run has diverged."))
            title = translate("StepExplainer", "Phase %1 of %2: %3").replace(
                "%1", str(self.position + 1)).replace(
                "%2", str(len(self._phases))).replace("%3", text.phase_title(phase.kind))
            panel.show_phase(title, "\n".join(hints),
                             [(text.formula_text(f), f.subject in (self._item, selected))
                              for f in phase.formulas], notes)
        walked = step
        if self._walked is not None and self._done and self._item in self._walked.batch.names:
            walked = self._walked  # the walk's numbers until the next walk starts
        item = self._item
        if item and item != selected and (item in step.batch.names or item[:1] in "IHOB"):
            formulas = (parameter_formulas(walked, item) if item in step.batch.names
                        else node_formulas(step, item) if item[:1] in "IHOB" else ())
            panel.show_item(translate("StepExplainer", "Clicked: %1").replace("%1", item),
                            [text.formula_text(f) for f in formulas])
        else:
            panel.show_item("", [])
        latest = snap.step_trace  # the landscape's weights: after the update, the next epoch's
        if latest is not None and selected in latest.batch.names:
            lines = [text.formula_text(f) for f in parameter_formulas(latest, selected)]
            figure = snap.figure
            if figure is not None and figure.sample_rows is not None:
                lines.append(translate("StepExplainer",
                                       "(The landscape is drawn from %1 of the %2 rows, so its "
                                       "slope can differ a little.)").replace(
                                         "%1", str(figure.sample_rows)).replace(
                                         "%2", str(figure.total_rows)))
            panel.show_selected(translate("StepExplainer", "Selected in the landscape: %1").replace(
                                    "%1", selected),
                                lines)
        else:
            panel.show_selected("", [])
