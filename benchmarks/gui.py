"""Is the window responsive while training runs unthrottled, and how fast does it train?

    python benchmarks/gui.py [SECONDS]

Opens the real main window (offscreen unless a display is set), trains the default network at the
maximum speed for SECONDS (default 8), and measures:

- event-loop stalls: a 5 ms QTimer records how late each tick fires; the p99 and the maximum
  lateness are printed (targets: p99 <= 33 ms, max <= 100 ms);
- epochs/s with the GUI live, as a ratio of a headless Trainer on the same data in the same
  process (target: >= 50 %);
- how long closing the window takes while training runs unthrottled (target: < 1 s).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402  (PySide6 before pyqtgraph)
from PySide6.QtWidgets import QApplication  # noqa: E402

from nnsim.core.session import Session  # noqa: E402

TICK_MS = 5


def headless_rate(seconds: float) -> float:
    session = Session()
    start, epochs = time.perf_counter(), 0
    while time.perf_counter() - start < seconds:
        session.step(50)
        epochs += 50
    return epochs / (time.perf_counter() - start)


def gui_run(app: QApplication, seconds: float) -> tuple[np.ndarray, float, float]:
    from nnsim.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    clock = QElapsedTimer()
    lateness: list[float] = []
    last = [0.0]

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        lateness.append(max(0.0, now - last[0] - TICK_MS))
        last[0] = now

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    window.control_panel.speed_control.setValue(window.control_panel.speed_control.maximum())
    deadline = time.perf_counter() + 1.0
    while time.perf_counter() < deadline:  # let the window settle before measuring
        app.processEvents()
    start_epoch = window.latest_snapshot.epoch if window.latest_snapshot else 0
    clock.start()
    timer.start()
    window.actions.train.setChecked(True)
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        app.processEvents()
        time.sleep(0.001)
    elapsed = time.perf_counter() - start
    timer.stop()
    epochs = window.latest_snapshot.epoch - start_epoch
    closing = time.perf_counter()
    window.close()  # still training: the worker must stop and the thread end
    close_seconds = time.perf_counter() - closing
    assert not window.worker_thread.thread.isRunning()
    return np.array(lateness[1:]), epochs / elapsed, close_seconds


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 8.0
    app = QApplication.instance() or QApplication(sys.argv[:1])
    headless = headless_rate(seconds)
    stalls, live, close_seconds = gui_run(app, seconds)
    print(f"headless Trainer     {headless:8.0f} epochs/s")
    print(f"with the GUI live    {live:8.0f} epochs/s   ratio {live / headless:.2f} (target >= 0.5)")
    print(f"event-loop stalls    p99 {np.percentile(stalls, 99):.1f} ms (target <= 33), "
          f"max {stalls.max():.1f} ms (target <= 100), {stalls.size} ticks")
    print(f"closing while training {1000 * close_seconds:.0f} ms (target < 1000)")


if __name__ == "__main__":
    main()
