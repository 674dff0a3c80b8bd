"""Saving a plot as PNG (for slides) or SVG (for print and posters).

pyqtgraph 0.14's own SVGExporter fails on Qt 6.12 (pyqtgraph #3495, fixed only on its master), so
SVG goes through Qt's QSvgGenerator: a QPainter renders the plot's part of the scene into it, the
same way pyqtgraph's ImageExporter renders into a QImage.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QRectF, QSize
from PySide6.QtGui import QColor, QPainter
from PySide6.QtSvg import QSvgGenerator

import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it
from pyqtgraph.exporters import ImageExporter

PNG_SCALE = 2  # twice the on-screen size: sharp on a projector and in a printed handout


def _source_rect(widget: pg.PlotWidget) -> QRectF:
    """The plot's rectangle in scene coordinates (title, axes, legend included)."""
    rect = widget.getPlotItem().sceneBoundingRect()
    if rect.width() < 1 or rect.height() < 1:
        raise ValueError(QCoreApplication.translate(
            "plot_export", "The plot has no size yet; show it before exporting."))
    return rect


def export_png(widget: pg.PlotWidget, path: str | Path) -> None:
    """Save ``widget``'s plot as a PNG image at twice its on-screen size.

    Parameters
    ----------
    widget : the plot to save.
    path : the file to write.

    Raises
    ------
    ValueError
        If the plot has never been laid out (zero size).
    OSError
        If the file cannot be written.
    """
    rect = _source_rect(widget)
    exporter = ImageExporter(widget.getPlotItem())
    # Setting the width makes the exporter derive the height from the aspect ratio.
    exporter.parameters()["width"] = int(rect.width() * PNG_SCALE)
    exporter.parameters()["background"] = QColor("white")
    exporter.export(str(path))
    if not Path(path).is_file():
        raise OSError(QCoreApplication.translate(
            "plot_export", "Could not write %1").replace("%1", str(path)))


def export_svg(widget: pg.PlotWidget, path: str | Path) -> None:
    """Save ``widget``'s plot as an SVG vector drawing.

    Parameters
    ----------
    widget : the plot to save.
    path : the file to write.

    Raises
    ------
    ValueError
        If the plot has never been laid out (zero size).
    OSError
        If the file cannot be written.
    """
    source = _source_rect(widget)
    width, height = int(round(source.width())), int(round(source.height()))
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRect(0, 0, width, height))
    # Fonts are sized in points: at QSvgGenerator's default 72 dpi they would shrink against the
    # layout, which was measured at the screen's resolution.
    generator.setResolution(widget.logicalDpiX())
    generator.setTitle(widget.getPlotItem().titleLabel.text or "nnsim plot")
    generator.setDescription(QCoreApplication.translate("plot_export", "Exported from nnsim"))
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(QCoreApplication.translate(
            "plot_export", "Could not write %1").replace("%1", str(path)))
    # pyqtgraph's export mode makes items paint as vectors (scatter symbols otherwise come from
    # a pixmap atlas and would land in the SVG as blurry embedded images). Any exporter can switch
    # it on for the items under the plot; the image exporter is just the one at hand.
    items = ImageExporter(widget.getPlotItem())
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        target = QRectF(0, 0, width, height)
        painter.fillRect(target, QColor("white"))
        items.setExportMode(True, {"antialias": True, "background": QColor("white"),
                                   "painter": painter, "resolutionScale": 1.0})
        widget.scene().render(painter, target, source)
    finally:
        items.setExportMode(False)
        painter.end()
    if not Path(path).is_file() or Path(path).stat().st_size == 0:
        raise OSError(QCoreApplication.translate(
            "plot_export", "Could not write %1").replace("%1", str(path)))
