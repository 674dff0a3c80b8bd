"""The bridge between the GUI and the core: trains a Session off the GUI thread.

The worker thread owns the Session. The GUI never touches it: it submits commands (plain data
from :mod:`nnsim.core.commands`, applied between epochs through ``Session.apply``) and receives
throttled snapshots (copies). A new snapshot is sent only after the GUI has drawn the previous
one, so a busy GUI is never flooded, whatever the training speed.

The loop survives anything a command, an epoch or a snapshot raises: a refused command
(ValueError, KeyError) is reported as ``command_failed``; anything else is a bug, reported as
``error_occurred`` with its traceback logged, and training pauses. Either way the loop keeps
serving commands and snapshots.
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
import time
import traceback
import weakref
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from nnsim.core.commands import Command, Step
from nnsim.core.session import Session

log = logging.getLogger(__name__)

SNAPSHOT_INTERVAL = 1.0 / 15.0  # at most 15 snapshots/s: a smooth curve, and the GUI draws
# each in ~20 ms, so training keeps most of the time (benchmarks/gui.py)
GIL_SWITCH_INTERVAL = 0.0005  # seconds; Python's default is 0.005
# Seconds of unthrottled training between looks at the command queue.
_SLICE = 0.02
# Seconds the training loop waits at most for the GUI to draw a snapshot.
_DRAW_WAIT = 0.05
# Every _YIELD_EVERY seconds of training, the loop sleeps _YIELD_FOR seconds. NumPy releases and
# retakes the GIL around every small BLAS call; a thread that does that thousands of times a
# second (mini-batches of one row) never lets a waiting thread in, and the window froze for up to
# 3 s. A real sleep hands the GIL over.
_YIELD_EVERY = 0.005
_YIELD_FOR = 0.0003
# Seconds close() waits for the thread before it logs that it is still waiting.
STOP_LOG_AFTER_MS = 3000


class StopRequested(Exception):
    """Raised inside a long epoch when the window closes: the epoch is abandoned."""


@dataclass(frozen=True)
class _Control:
    """A request about the loop itself (not the model): run, pause, step."""

    running: bool | None = None
    step: bool = False
    splits: str = ""  # who asked for the splits ("" = nobody)
    # Run task(session) in the training thread and put its result into future (see call()).
    task: Callable[[Session], Any] | None = None
    future: Future | None = None


@dataclass(frozen=True)
class _Submitted:
    command: Command
    record: bool  # the window wants the result for its undo stack


class TrainingWorker(QObject):
    """Runs training epochs in its own thread and emits snapshots.

    Signals
    -------
    snapshot_ready(Snapshot) : a fresh picture; call :meth:`snapshot_taken` once it is drawn.
    running_changed(bool) : training started or paused (including pausing on divergence).
    command_applied(Applied, bool) : a command was carried out (with its inverse and notices);
        the flag says whether it was submitted with ``record=True`` (for the undo stack).
    command_failed(object, object) : a command was refused (the command, the exception: a
        code and params for ``nnsim.ui.messages.error_text``); nothing changed.
    error_occurred(str, str) : an unexpected error (message, traceback); training is paused.
    """

    snapshot_ready = Signal(object)
    running_changed = Signal(bool)
    command_applied = Signal(object, bool)
    command_failed = Signal(object, object)
    error_occurred = Signal(str, str)
    splits_ready = Signal(object, str)
    finished = Signal()

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session
        self._commands: queue.Queue[_Submitted | _Control] = queue.Queue()
        self._stop = threading.Event()
        self._taken = threading.Event()
        self._taken.set()
        self._running = False
        self._next_epoch_at = 0.0  # when a paced run may train its next epoch
        self._last_yield = 0.0
        self._dirty = True
        session.between_batches = self._between_batches

    # ----------------------------------------------------------------- called from the GUI thread
    def submit(self, command: Command, record: bool = False) -> None:
        """Apply ``command`` between epochs (thread-safe). ``record``: emit it for undo."""
        self._commands.put(_Submitted(command, record))

    def set_running(self, on: bool) -> None:
        self._commands.put(_Control(running=bool(on)))

    def step(self) -> None:
        """Pause and train exactly one epoch."""
        self._commands.put(_Control(running=False, step=True))

    def request_splits(self, purpose: str) -> None:
        """Ask for the current train/dev/test split: ``splits_ready(splits, purpose)`` hands
        over read-only data (for a dev-set sweep in its own thread, or the Data view)."""
        self._commands.put(_Control(splits=purpose))

    def call(self, task: Callable[[Session], Any]) -> Future:
        """Run ``task(session)`` in the training thread between epochs (thread-safe).

        The returned Future holds the task's result or its exception. The window saves lesson
        files this way (a consistent copy of a session it must not touch) and swaps in a loaded
        session (see :meth:`replace_session`).
        """
        future: Future = Future()
        # A window that waits for the result cannot draw: the loop must not wait for it either.
        self._taken.set()
        self._commands.put(_Control(task=task, future=future))
        return future

    def replace_session(self, session: Session) -> Future:
        """Train ``session`` from now on (a lesson file was opened); training pauses and a
        snapshot of it follows. The Future is done once the swap has happened."""
        def swap(old: Session) -> Session:
            old.between_batches = None
            self._session = session
            session.between_batches = self._between_batches
            self._set_running(False)
            return session

        return self.call(swap)

    def snapshot_taken(self) -> None:
        """The GUI has drawn the last snapshot; the next one may be sent."""
        self._taken.set()

    def request_stop(self) -> None:
        self._stop.set()
        self._taken.set()
        self._commands.put(_Control())  # wake the loop if it waits for commands

    # ----------------------------------------------------------------- the worker thread
    def _set_running(self, on: bool) -> None:
        requested = bool(on)
        trainer = self._session.trainer
        on = requested and trainer.diverged is None and not trainer.stopped_early
        if on != self._running or on != requested:
            # A refused start is reported too, so the Train button does not stay on "Pause".
            self._running = on
            self.running_changed.emit(on)
        self._dirty = True

    def _between_batches(self) -> None:
        """Called after every mini-batch: long epochs still let the GUI draw and the window
        close."""
        if self._stop.is_set():
            raise StopRequested
        self._wait_while_drawing()

    def _apply(self, item: _Submitted | _Control) -> None:
        self._dirty = True
        if isinstance(item, _Control):
            if item.task is not None and item.future is not None:
                self._run_task(item.task, item.future)
            if item.splits:
                self.splits_ready.emit(self._session.splits, item.splits)
            if item.running is not None:
                self._set_running(item.running)
            if item.step:
                item = _Submitted(Step(1), False)
            else:
                return
        try:
            applied = self._session.apply(item.command)
        except StopRequested:
            raise
        except (ValueError, KeyError) as error:  # refused: the session changed nothing
            self.command_failed.emit(item.command, error)
        except Exception as error:  # noqa: BLE001 - a bug: report it, keep serving
            self._report(error)
        else:
            self.command_applied.emit(applied, item.record)

    def _run_task(self, task: Callable[[Session], Any], future: Future) -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            result = task(self._session)
        except BaseException as error:  # noqa: BLE001 - the caller gets it from the future
            future.set_exception(error)
        else:
            future.set_result(result)

    def _report(self, error: BaseException) -> None:
        text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        log.error("nnsim: unexpected error in the training thread\n%s", text)
        if self._running:
            self._running = False
            self.running_changed.emit(False)
        self.error_occurred.emit(f"{type(error).__name__}: {error}", text)

    def _drain(self, timeout: float) -> None:
        """Apply queued commands; wait up to ``timeout`` for the first if none are queued."""
        try:
            item = (self._commands.get(timeout=timeout) if timeout > 0
                    else self._commands.get_nowait())
        except queue.Empty:
            return
        self._apply(item)
        while not self._stop.is_set():
            try:
                item = self._commands.get_nowait()
            except queue.Empty:
                return
            self._apply(item)

    def _train_slice(self) -> float:
        """Train for one time slice; returns how long to wait before the next one."""
        session = self._session
        speed = session.settings.speed
        now = time.perf_counter()
        if speed is None:
            deadline = now + _SLICE
            while (time.perf_counter() < deadline and session.trainer.diverged is None
                   and not session.trainer.stopped_early):
                session.step(1)
                self._wait_while_drawing()
            wait = 0.0
        else:
            # Paced: one epoch per 1/speed seconds, however often commands wake the loop.
            if now < self._next_epoch_at:
                return self._next_epoch_at - now
            session.step(1)
            self._next_epoch_at = max(self._next_epoch_at, now) + 1.0 / speed
            # An epoch slower than the pace must still let the GUI draw.
            self._wait_while_drawing()
            wait = self._next_epoch_at - time.perf_counter()
        self._dirty = True
        if session.trainer.diverged is not None or session.trainer.stopped_early:
            self._set_running(False)
        return wait

    def _wait_while_drawing(self) -> None:
        # The GUI is drawing a snapshot. NumPy's small calls hold the GIL, and every Python<->Qt
        # crossing in the GUI thread would wait for it, doubling the drawing time: wait until it
        # is done (bounded, so commands still get in).
        if not self._taken.is_set():
            self._taken.wait(_DRAW_WAIT)
            self._last_yield = time.perf_counter()
        elif time.perf_counter() - self._last_yield > _YIELD_EVERY:
            time.sleep(_YIELD_FOR)
            self._last_yield = time.perf_counter()

    def _emit_snapshot(self) -> None:
        self._taken.clear()
        self._dirty = False
        self.snapshot_ready.emit(self._session.snapshot())
        if self._session.views_pending:
            # The Examples table's numbers and the explainer's trace are throttled and lag the
            # weights: send another snapshot soon, or a paused run would leave them behind.
            self._dirty = True

    @Slot()
    def run(self) -> None:
        """The loop: commands, a slice of training, a snapshot when due; until stopped."""
        # The GUI thread crosses between Python and Qt thousands of times per redraw and waits for
        # the GIL at each crossing; by default the training loop keeps it up to 5 ms each time.
        previous_interval = sys.getswitchinterval()
        sys.setswitchinterval(GIL_SWITCH_INTERVAL)
        try:
            self._loop()
        finally:
            sys.setswitchinterval(previous_interval)
            self.finished.emit()

    def _loop(self) -> None:
        last_emit = 0.0
        wait = 0.0
        while not self._stop.is_set():
            try:
                if self._running:
                    self._drain(0.0)
                    if self._running and not self._stop.is_set():
                        wait = self._train_slice()
                now = time.perf_counter()
                if (self._dirty and self._taken.is_set() and now - last_emit >= SNAPSHOT_INTERVAL
                        and not self._stop.is_set()):
                    last_emit = now
                    self._emit_snapshot()
                if not self._running:
                    # Idle: sleep until a command arrives, but come back for a due snapshot.
                    self._drain(SNAPSHOT_INTERVAL if self._dirty else 0.5)
                elif wait > 0:
                    self._drain(wait)
            except StopRequested:
                return
            except Exception as error:  # noqa: BLE001 - an epoch or a snapshot failed
                self._report(error)
                self._taken.set()  # no snapshot is being drawn
                self._dirty = False  # do not rebuild the failing snapshot in a tight loop


class WorkerThread:
    """Owns the QThread and the worker; stops both cleanly (never a running thread destroyed)."""

    _instances: weakref.WeakSet[WorkerThread] = weakref.WeakSet()

    @classmethod
    def running(cls) -> list[WorkerThread]:
        """Every worker thread still running (the app stops them at exit; tests check none)."""
        return [w for w in list(cls._instances) if w.thread.isRunning()]

    def __init__(self, session: Session) -> None:
        WorkerThread._instances.add(self)
        self.thread = QThread()
        self.thread.setObjectName("trainingThread")
        self.worker = TrainingWorker(session)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.finished.connect(self.thread.quit)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        """Ask the worker to stop and wait until the thread has ended.

        A long epoch is abandoned at its next mini-batch, and a full-batch epoch or a snapshot
        takes well under a second, so this returns quickly; if it does not, it logs why it is
        still waiting and goes on waiting: destroying a running QThread aborts the process.
        """
        if not self.thread.isRunning():
            return
        self.worker.request_stop()
        self.thread.quit()
        if not self.thread.wait(STOP_LOG_AFTER_MS):
            log.warning("nnsim: the training thread is still finishing its epoch; waiting for it "
                        "before closing")
            self.thread.wait()
