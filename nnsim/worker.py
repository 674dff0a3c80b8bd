"""The bridge between the GUI and the core: trains a Session off the GUI thread.

The worker thread owns the Session. The GUI never touches it directly: it sends commands
(callables applied to the session between epochs) and receives throttled snapshots (copies). A
new snapshot is sent only after the GUI has taken the previous one, so a busy GUI is never
flooded, whatever the training speed.
"""

from __future__ import annotations

import queue
import sys
import threading
import time
import weakref
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from nnsim.core.session import Session
from nnsim.core.snapshot import Snapshot

Command = Callable[[Session], Any]

SNAPSHOT_INTERVAL = 1.0 / 15.0  # at most 15 snapshots/s: a smooth curve, and the GUI draws
# each in ~20 ms, so training keeps most of the time (benchmarks/gui.py)
# Epochs per second of the speed control; None = as fast as the machine goes.
SPEEDS: tuple[float | None, ...] = (1.0, 2.0, 5.0, 10.0, 30.0, 100.0, 1000.0, None)
DEFAULT_SPEED_INDEX = SPEEDS.index(100.0)  # the first run visibly learns in a second or two
GIL_SWITCH_INTERVAL = 0.0005  # seconds; Python's default is 0.005
_SLICE = 0.02
_DRAW_WAIT = 0.05  # seconds the training loop waits at most for the GUI to draw a snapshot  # seconds of unthrottled training between looks at the command queue


class TrainingWorker(QObject):
    """Runs training epochs in its own thread and emits snapshots.

    Signals
    -------
    snapshot_ready(Snapshot) : a fresh picture; call :meth:`snapshot_taken` once it is drawn.
    running_changed(bool) : training started or paused (including pausing on divergence).
    message(str) : something the status bar should say (e.g. "switched the output activation").
    command_failed(str) : a command was refused (its ValueError's message); nothing changed.
    """

    snapshot_ready = Signal(object)
    running_changed = Signal(bool)
    message = Signal(str)
    command_failed = Signal(str)
    finished = Signal()

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session
        self._commands: queue.Queue[Command] = queue.Queue()
        self._stop = threading.Event()
        self._taken = threading.Event()
        self._taken.set()
        self._running = False
        self._speed: float | None = SPEEDS[DEFAULT_SPEED_INDEX]
        self._next_epoch_at = 0.0  # when a paced run may train its next epoch
        self._dirty = True

    # ----------------------------------------------------------------- called from the GUI thread
    def submit(self, command: Command) -> None:
        """Apply ``command(session)`` between epochs; a returned string goes to ``message``."""
        self._commands.put(command)

    def set_running(self, on: bool) -> None:
        self._commands.put(lambda session: self._set_running(on))

    def set_speed(self, epochs_per_second: float | None) -> None:
        self._commands.put(lambda session: self._set_speed(epochs_per_second))

    def step(self) -> None:
        """Pause and train exactly one epoch."""
        def one_epoch(session: Session) -> None:
            self._set_running(False)
            session.step(1)
        self.submit(one_epoch)

    def snapshot_taken(self) -> None:
        """The GUI has drawn the last snapshot; the next one may be sent."""
        self._taken.set()

    def request_stop(self) -> None:
        self._stop.set()
        self._commands.put(lambda session: None)  # wake the loop if it waits for commands

    # ----------------------------------------------------------------- the worker thread
    def _set_running(self, on: bool) -> None:
        requested = bool(on)
        on = requested and self._session.trainer.diverged is None
        if on != self._running or on != requested:
            # A refused start is reported too, so the Train button does not stay on "Pause".
            self._running = on
            self.running_changed.emit(on)
        if requested and not on:
            self.message.emit("The run has diverged: press Reset (with a smaller learning "
                              "rate) to start again.")
        self._dirty = True

    def _set_speed(self, epochs_per_second: float | None) -> None:
        self._speed = epochs_per_second

    def _apply(self, command: Command) -> None:
        try:
            result = command(self._session)
        except (ValueError, KeyError) as error:
            self.command_failed.emit(str(error).strip("'\""))
        else:
            if isinstance(result, str) and result:
                self.message.emit(result)
        self._dirty = True

    def _drain(self, timeout: float) -> None:
        """Apply queued commands; wait up to ``timeout`` for the first if none are queued."""
        try:
            command = (self._commands.get(timeout=timeout) if timeout > 0
                       else self._commands.get_nowait())
        except queue.Empty:
            return
        self._apply(command)
        while True:
            try:
                command = self._commands.get_nowait()
            except queue.Empty:
                return
            self._apply(command)

    def _train_slice(self) -> float:
        """Train for one time slice; returns how long to wait before the next one."""
        session = self._session
        if self._speed is None:
            deadline = time.perf_counter() + _SLICE
            while time.perf_counter() < deadline and session.trainer.diverged is None:
                session.step(8)
                if not self._taken.is_set():
                    # The GUI is drawing a snapshot. NumPy's small calls hold the GIL, and every
                    # Python<->Qt crossing in the GUI thread would wait for it, doubling the
                    # drawing time: wait until it is done (bounded, so commands still get in).
                    self._taken.wait(_DRAW_WAIT)
            wait = 0.0
        else:
            # Paced: one epoch per 1/speed seconds, however often commands wake the loop.
            now = time.perf_counter()
            if now < self._next_epoch_at:
                return self._next_epoch_at - now
            session.step(1)
            self._next_epoch_at = max(self._next_epoch_at, now) + 1.0 / self._speed
            wait = self._next_epoch_at - time.perf_counter()
        self._dirty = True
        if session.trainer.diverged is not None:
            self._set_running(False)
            self.message.emit(session.trainer.diverged.message)
        return wait

    def _emit_snapshot(self) -> None:
        self._taken.clear()
        self._dirty = False
        snapshot: Snapshot = self._session.snapshot()
        self.snapshot_ready.emit(snapshot)

    @Slot()
    def run(self) -> None:
        """The loop: commands, a slice of training, a snapshot when due; until stopped."""
        # The GUI thread crosses between Python and Qt thousands of times per redraw and waits for
        # the GIL at each crossing; by default the training loop keeps it up to 5 ms each time.
        sys.setswitchinterval(GIL_SWITCH_INTERVAL)
        last_emit = 0.0
        wait = 0.0
        while not self._stop.is_set():
            if self._running:
                self._drain(0.0)
                if self._running and not self._stop.is_set():
                    wait = self._train_slice()
            now = time.perf_counter()
            if self._dirty and self._taken.is_set() and now - last_emit >= SNAPSHOT_INTERVAL:
                self._emit_snapshot()
                last_emit = now
            if not self._running:
                # Idle: sleep until a command arrives, but come back for an undelivered snapshot.
                self._drain(SNAPSHOT_INTERVAL if self._dirty else 0.5)
            elif wait > 0:
                self._drain(wait)
        self.finished.emit()


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

    def stop(self, timeout_ms: int = 3000) -> bool:
        """Ask the worker to stop and wait for the thread to end; True if it did."""
        if not self.thread.isRunning():
            return True
        self.worker.request_stop()
        self.thread.quit()
        return self.thread.wait(timeout_ms)
