"""export_png and export_svg: non-empty, valid files that contain the plot's curves."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

from nnsim.core.session import Session
from nnsim.core.snapshot import Snapshot
from nnsim.ui.landscape_plot import LandscapePanel
from nnsim.ui.loss_plot import LossPlot
from nnsim.ui.plot_export import PNG_SCALE, export_png, export_svg

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def snapshot() -> Snapshot:
    session = Session()
    session.step(25)
    return session.snapshot()


@pytest.fixture
def loss_plot(qtbot, snapshot: Snapshot) -> LossPlot:
    widget = LossPlot()
    qtbot.addWidget(widget)
    widget.resize(640, 400)
    widget.show()
    widget.show_snapshot(snapshot)
    return widget


@pytest.fixture
def landscape(qtbot, snapshot: Snapshot) -> LandscapePanel:
    panel = LandscapePanel()
    qtbot.addWidget(panel)
    panel.resize(700, 450)
    panel.show()
    panel.show_snapshot(snapshot)
    return panel


def svg_shapes(path: Path) -> list[ET.Element]:
    root = ET.parse(path).getroot()  # raises on malformed XML
    assert root.tag == f"{SVG}svg"
    return [e for e in root.iter() if e.tag in (f"{SVG}path", f"{SVG}polyline")]


def svg_text(path: Path) -> str:
    root = ET.parse(path).getroot()
    return " ".join("".join(e.itertext()) for e in root.iter(f"{SVG}text"))


def test_png_of_the_loss_plot(loss_plot: LossPlot, tmp_path: Path) -> None:
    path = tmp_path / "loss.png"
    export_png(loss_plot, path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(path))
    assert not image.isNull()
    rect = loss_plot.getPlotItem().sceneBoundingRect()
    assert image.width() == int(rect.width() * PNG_SCALE)
    # Not a blank page: the curves put more than one colour into it.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 10


def test_png_accepts_a_str_path(landscape: LandscapePanel, tmp_path: Path) -> None:
    path = tmp_path / "landscape.png"
    export_png(landscape.plot, str(path))
    assert path.stat().st_size > 1000


def test_svg_of_the_loss_plot(loss_plot: LossPlot, tmp_path: Path) -> None:
    path = tmp_path / "loss.svg"
    export_svg(loss_plot, path)
    assert path.stat().st_size > 0
    shapes = svg_shapes(path)
    # The training curve alone has one vertex per epoch: some shape must carry that many.
    n_epochs = len(loss_plot.train_curve.getData()[0])
    assert any(len(e.get("points", e.get("d", "")).split()) >= n_epochs for e in shapes)
    text = svg_text(path)
    assert "training loss" in text and "Epoch" in text


def test_svg_of_the_landscape_keeps_markers_as_vectors(landscape: LandscapePanel,
                                                       tmp_path: Path) -> None:
    path = tmp_path / "landscape.svg"
    export_svg(landscape.plot, path)
    root = ET.parse(path).getroot()
    assert svg_shapes(path)
    assert not list(root.iter(f"{SVG}image"))  # scatter symbols drawn, not pasted as pixmaps
    text = svg_text(path)
    assert "Current weight + loss" in text and "Theoretical minimum" in text


def test_export_leaves_the_widget_as_it_was(landscape: LandscapePanel, tmp_path: Path) -> None:
    export_svg(landscape.plot, tmp_path / "a.svg")
    for item in landscape.plot.getPlotItem().items:
        assert getattr(item, "_exportOpts", False) is False


def test_unwritable_path_raises(loss_plot: LossPlot, tmp_path: Path) -> None:
    missing = tmp_path / "no such folder" / "plot.svg"
    with pytest.raises(OSError):
        export_svg(loss_plot, missing)
    with pytest.raises(OSError):
        export_png(loss_plot, missing.with_suffix(".png"))


def test_svg_of_a_diverged_run(qtbot, snapshot: Snapshot, tmp_path: Path) -> None:
    history = dict(snapshot.history)
    train = history["train_loss"].copy()
    train[-5:] = [np.inf, np.nan, 0.0, -1.0, 1e300]
    history["train_loss"] = train
    widget = LossPlot()
    qtbot.addWidget(widget)
    widget.resize(640, 400)
    widget.show()
    widget.show_snapshot(dataclasses.replace(snapshot, history=history))
    widget.set_log_scale(True)
    export_svg(widget, tmp_path / "diverged.svg")
    assert svg_shapes(tmp_path / "diverged.svg")
    export_png(widget, tmp_path / "diverged.png")
    assert not QImage(str(tmp_path / "diverged.png")).isNull()


def test_widgets_accept_snapshots_before_they_are_shown(qtbot, snapshot: Snapshot) -> None:
    panel, plot = LandscapePanel(), LossPlot()
    qtbot.addWidget(panel)
    qtbot.addWidget(plot)
    panel.show_snapshot(snapshot)
    plot.show_snapshot(snapshot)
    panel.show()
    plot.show()
    qtbot.waitExposed(panel)
    assert panel.curve.getOriginalDataset()[0].size == snapshot.figure.values.size
