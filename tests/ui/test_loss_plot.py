"""LossPlot: training and development curves from the snapshot, never the test columns."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from nnsim.core.session import Session
from nnsim.core.snapshot import Snapshot
from nnsim.core.snapshot import TestResult as Evaluation  # a "Test…" name would be collected
from nnsim.ui.loss_plot import LossPlot, lowest_finite, peak_reduce
from nnsim.ui.plot_style import finite_or_nan


@pytest.fixture(scope="module")
def snapshot() -> Snapshot:
    session = Session()
    session.step(40)
    return session.snapshot()


@pytest.fixture
def plot(qtbot) -> LossPlot:
    widget = LossPlot()
    qtbot.addWidget(widget)
    widget.resize(700, 450)
    widget.show()
    return widget


def with_history(snapshot: Snapshot, **columns: np.ndarray) -> Snapshot:
    history = dict(snapshot.history)
    history.update(columns)
    return dataclasses.replace(snapshot, history=history)


def legend_texts(plot: LossPlot) -> list[str]:
    return [label.text for _, label in plot.legend.items]


def test_object_name_and_axis_labels(plot: LossPlot, snapshot: Snapshot) -> None:
    plot.show_snapshot(snapshot)
    item = plot.getPlotItem()
    assert plot.objectName() == "lossPlot"
    assert "Epoch" in item.getAxis("bottom").labelText
    assert item.getAxis("left").labelText == "Loss (CCE)"
    assert legend_texts(plot) == ["training loss", "development loss"]


def test_curves_equal_history(plot: LossPlot, snapshot: Snapshot) -> None:
    plot.show_snapshot(snapshot)
    history = snapshot.history
    x, y = plot.train_curve.getData()
    np.testing.assert_array_equal(x, history["epoch"])
    np.testing.assert_array_equal(y, history["train_loss"])
    x, y = plot.dev_curve.getData()
    np.testing.assert_array_equal(x, history["epoch"])
    np.testing.assert_array_equal(y, history["dev_loss"])


def test_the_test_set_stays_sealed(plot: LossPlot, snapshot: Snapshot) -> None:
    # Per-epoch test numbers are never even computed, so no curve can show them.
    assert not any(key.startswith("test") for key in snapshot.history)
    plot.show_snapshot(snapshot)
    drawn = [item for item in plot.getPlotItem().listDataItems()
             if item.getData()[1] is not None and len(item.getData()[1])]
    assert set(drawn) - {plot.zero_anchor} == {plot.train_curve, plot.dev_curve}
    assert plot.zero_anchor.points()[0].size() == 0  # keeps 0 in view, draws nothing


def test_updates_reuse_the_same_items(plot: LossPlot, snapshot: Snapshot) -> None:
    plot.show_snapshot(snapshot)
    before = list(plot.getPlotItem().items)
    for _ in range(20):
        plot.show_snapshot(snapshot)
    assert plot.getPlotItem().items == before


def test_long_runs_clip_and_downsample(plot: LossPlot) -> None:
    item = plot.getPlotItem()
    assert item.clipToViewMode()
    assert item.downsampleMode()[1]  # automatic downsampling is on


def test_log_scale_toggles(plot: LossPlot, snapshot: Snapshot) -> None:
    plot.show_snapshot(snapshot)
    assert not plot.log_scale()
    plot.set_log_scale(True)
    assert plot.log_scale()
    assert plot.getPlotItem().getAxis("left").logMode
    _, y = plot.train_curve.getData()
    np.testing.assert_allclose(y, np.log10(snapshot.history["train_loss"]))
    plot.set_log_scale(False)
    assert not plot.log_scale()
    assert not plot.getPlotItem().getAxis("left").logMode
    np.testing.assert_array_equal(plot.train_curve.getData()[1], snapshot.history["train_loss"])


def test_diverged_values_stay_readable(plot: LossPlot, snapshot: Snapshot) -> None:
    train = snapshot.history["train_loss"].copy()
    train[[3, 4, 5, 6]] = [0.0, -1.0, np.nan, np.inf]
    train[-1] = -np.inf
    plot.show_snapshot(with_history(snapshot, train_loss=train))
    _, y = plot.train_curve.getOriginalDataset()
    assert not np.isinf(y).any()
    assert y[3] == 0.0 and y[4] == -1.0 and np.isnan(y[[5, 6, -1]]).all()

    plot.set_log_scale(True)
    _, y = plot.train_curve.getOriginalDataset()
    assert np.isnan(y[[3, 4, 5, 6, -1]]).all()  # nothing ≤ 0 reaches log10
    finite = np.isfinite(y)
    assert finite.sum() == train.size - 5
    _, shown = plot.train_curve.getData()
    assert not np.isinf(shown).any()
    # The autorange stays finite: a diverged run must not leave an empty plot.
    (x0, x1), (y0, y1) = plot.getPlotItem().viewRange()
    assert np.isfinite([x0, x1, y0, y1]).all()

    plot.set_log_scale(False)
    _, y = plot.train_curve.getOriginalDataset()
    assert y[3] == 0.0 and y[4] == -1.0


def test_all_nonfinite_history(plot: LossPlot, snapshot: Snapshot) -> None:
    bad = np.full_like(snapshot.history["train_loss"], np.inf)
    plot.show_snapshot(with_history(snapshot, train_loss=bad, dev_loss=bad))
    plot.set_log_scale(True)
    assert np.isnan(plot.train_curve.getOriginalDataset()[1]).all()


def test_finite_or_nan() -> None:
    values = np.array([1.0, 0.0, -2.0, np.inf, -np.inf, np.nan])
    np.testing.assert_array_equal(finite_or_nan(values),
                                  [1.0, 0.0, -2.0, np.nan, np.nan, np.nan])
    np.testing.assert_array_equal(finite_or_nan(values, positive=True),
                                  [1.0, np.nan, np.nan, np.nan, np.nan, np.nan])
    assert values[3] == np.inf  # the input is left alone


def test_test_marker_appears_and_disappears(plot: LossPlot, snapshot: Snapshot) -> None:
    plot.show_snapshot(snapshot)
    plot.show_test_result(Evaluation(epoch=40, loss=0.3, accuracy=0.9))
    x, y = plot.test_marker.getData()
    np.testing.assert_array_equal(x, [40])
    np.testing.assert_array_equal(y, [0.3])
    assert plot.test_marker.opts["symbol"] == "star"
    # Labelled right at the star (the legend stays one row above the plot).
    assert plot.test_label.isVisible() and plot.test_label.toPlainText() == "test loss"
    assert "epoch 40" in plot.test_label.toolTip()
    assert legend_texts(plot) == ["training loss", "development loss"]

    plot.set_log_scale(True)
    assert plot.test_label.pos().y() == pytest.approx(np.log10(0.3))
    plot.set_log_scale(False)

    plot.show_test_result(Evaluation(epoch=40, loss=0.25, accuracy=0.9))
    np.testing.assert_array_equal(plot.test_marker.getData()[1], [0.25])  # replaced, not added

    plot.show_test_result(None)
    x, y = plot.test_marker.getData()
    assert x is None or len(x) == 0
    assert not plot.test_label.isVisible()
    assert legend_texts(plot) == ["training loss", "development loss"]


def test_clear_run(plot: LossPlot, snapshot: Snapshot) -> None:
    plot.show_snapshot(snapshot)
    plot.show_test_result(Evaluation(epoch=40, loss=0.3, accuracy=None))
    plot.clear_run()
    for curve in (plot.train_curve, plot.dev_curve, plot.test_marker):
        x, _ = curve.getData()
        assert x is None or len(x) == 0
    assert not plot.test_label.isVisible()
    plot.show_snapshot(snapshot)  # and it draws again after the reset
    assert len(plot.train_curve.getData()[0]) == len(snapshot.history["epoch"])


def test_the_x_axis_starts_at_epoch_0_in_whole_epochs(qtbot, plot: LossPlot,
                                                     snapshot: Snapshot) -> None:
    first = {name: column[:1] for name, column in snapshot.history.items()}
    assert first["epoch"][0] == 0  # the history has the initial weights' record
    plot.show_snapshot(dataclasses.replace(snapshot, history=first))
    item = plot.getPlotItem()
    (x0, x1), _ = item.viewRange()
    assert -0.1 <= x0 <= 0 and 1 <= x1 <= 1.1  # 0 to 1, a little room for the dots
    axis = item.getAxis("bottom")
    plot.grab()
    for spacing, values in axis.tickValues(x0, x1, axis.width()):
        assert spacing >= 1  # no ticks at 0.2 … 0.8
        assert all(float(v).is_integer() for v in values)
    plot.show_snapshot(snapshot)
    (x0, x1), _ = item.viewRange()
    last = snapshot.history["epoch"][-1]
    assert -0.05 * last <= x0 <= 0 and last <= x1 <= 1.05 * last


def test_reset_forgets_the_old_range(qtbot, plot: LossPlot) -> None:
    session = Session()
    session.step(400)
    plot.show_snapshot(session.snapshot())
    item = plot.getPlotItem()
    assert item.viewRange()[0][1] >= 400
    # The user zooms into part of the run: the view no longer follows …
    item.getViewBox().setXRange(100, 200, padding=0)
    item.getViewBox().sigRangeChangedManually.emit([True, False])
    session.step(10)
    plot.show_snapshot(session.snapshot())
    assert item.viewRange()[0] == pytest.approx([100, 200])
    # … until Reset: the new run's axes start afresh, not at the old run's 410 epochs.
    plot.clear_run()
    session.reset()
    session.step(3)
    new = session.snapshot()
    plot.show_snapshot(new)
    plot.grab()  # pyqtgraph autoranges when it paints
    (x0, x1), (y0, y1) = item.viewRange()
    assert x0 <= 0 and 3 <= x1 < 4
    train = new.history["train_loss"]
    assert y0 <= train.min() and train.max() <= y1 < train.max() + (train.max() - train.min())


def test_a_single_epoch_shows_as_dots(plot: LossPlot, snapshot: Snapshot) -> None:
    one = {name: column[:1] for name, column in snapshot.history.items()}
    plot.show_snapshot(dataclasses.replace(snapshot, history=one))
    assert plot.train_curve.opts["symbol"] == "o"
    assert plot.dev_curve.opts["symbol"] == "o"
    plot.show_snapshot(snapshot)
    assert plot.train_curve.opts["symbol"] is None


def test_small_losses_are_not_rescaled_with_a_prefix(qtbot) -> None:
    from nnsim.core.session import Session

    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.show()
    session = Session()
    session.step(400)
    session.trainer.history.clear()  # keep only losses below 1
    session.step(50)
    plot.show_snapshot(session.snapshot())
    qtbot.waitUntil(lambda: plot.getPlotItem().viewRange()[1][1] < 1.0)
    axis = plot.getPlotItem().getAxis("left")
    assert axis.autoSIPrefixScale == 1.0  # ticks read 0.2, 0.4, not 200, 400 "(x0.001)"


def test_the_loss_axis_starts_at_zero_so_a_crawl_looks_flat(qtbot, plot: LossPlot,
                                                            snapshot: Snapshot) -> None:
    plot.show_snapshot(snapshot)
    view = plot.getPlotItem().getViewBox()
    view.updateAutoRange()
    y_low, y_high = view.viewRange()[1]
    assert y_low <= 0.0 < float(np.nanmin(snapshot.history["train_loss"]))
    plot.set_log_scale(True)
    y_low, _ = plot.getPlotItem().getViewBox().viewRange()[1]
    assert np.isfinite(y_low)  # no log of 0 on a log axis
    plot.set_log_scale(False)


# ----------------------------------------------------------------- the lowest dev loss
def overfitting(snapshot: Snapshot, epochs: int = 301, best: int = 152) -> Snapshot:
    """A run that overfits: the training loss keeps falling, the dev loss falls to 0.147 at
    epoch ``best`` and then rises again."""
    e = np.arange(epochs, dtype=np.float64)
    train = 1.2 * np.exp(-e / 60.0) + 0.01
    dev = 0.147 + 0.6 * ((e - best) / epochs) ** 2 + 0.8 * np.exp(-e / 25.0) * (e < best)
    dev[best] = 0.147
    return dataclasses.replace(snapshot, history={"epoch": e, "train_loss": train,
                                                  "dev_loss": dev})


def label_inside_view(plot: LossPlot) -> bool:
    plot.grab()
    plot.grab()  # pyqtgraph autoranges, then the label follows
    view = plot.getPlotItem().getViewBox().sceneBoundingRect().adjusted(-0.5, -0.5, 0.5, 0.5)
    return view.contains(plot.best_label.sceneBoundingRect())


def test_lowest_dev_loss_is_marked(plot: LossPlot, snapshot: Snapshot) -> None:
    run = overfitting(snapshot)
    plot.show_snapshot(run)
    assert plot.best_dev_epoch() == 152
    assert plot.best_line.objectName() == "lossBestDevLine"
    assert plot.best_label.objectName() == "lossBestDevLabel"
    assert plot.best_line.isVisible() and plot.best_line.value() == 152
    assert plot.best_label.isVisible()
    assert plot.best_label.toPlainText() == "lowest dev loss 0.147 (epoch 152)"
    assert "lowest dev loss 0.147 (epoch 152)" in plot.best_label.toolTip()
    assert "lowest dev loss 0.147 (epoch 152)" in plot.best_line.toolTip()
    # Dashed, in the dev curve's colour; not in the legend (it stays one row).
    pen = plot.best_line.pen
    assert pen.color() == plot.dev_curve.opts["pen"].color()
    assert pen.style() == plot.dev_curve.opts["pen"].style()
    assert legend_texts(plot) == ["training loss", "development loss"]
    assert label_inside_view(plot)
    # Off the curves: no drawn point of either curve lies under the label.
    box = plot.getPlotItem().getViewBox()
    label = plot.best_label.sceneBoundingRect()
    for curve in (plot.train_curve, plot.dev_curve):
        x, y = curve.getData()
        for xi, yi in zip(x, y):
            assert not label.contains(box.mapViewToScene(QPointF(xi, yi)))


def test_the_marker_moves_to_a_lower_later_epoch(plot: LossPlot, snapshot: Snapshot) -> None:
    run = overfitting(snapshot)
    items = list(plot.getPlotItem().items)
    plot.show_snapshot(run)
    dev = run.history["dev_loss"].copy()
    dev[250] = 0.147  # as low, but later: the first one stays
    plot.show_snapshot(with_history(run, dev_loss=dev))
    assert plot.best_dev_epoch() == 152
    dev[280] = 0.09
    plot.show_snapshot(with_history(run, dev_loss=dev))
    assert plot.best_dev_epoch() == 280 and plot.best_line.value() == 280
    assert "0.09 (epoch 280)" in plot.best_label.toolTip()
    assert label_inside_view(plot)  # at the right edge: the label goes to the line's left
    assert plot.getPlotItem().items == items  # moved, not added


def test_nonfinite_dev_losses_are_ignored(plot: LossPlot, snapshot: Snapshot) -> None:
    run = overfitting(snapshot)
    dev = run.history["dev_loss"].copy()
    dev[[10, 20, 30, 40]] = [np.nan, -np.inf, np.inf, np.nan]
    plot.show_snapshot(with_history(run, dev_loss=dev))
    assert plot.best_dev_epoch() == 152
    dev[:] = np.nan
    dev[7] = np.inf
    plot.show_snapshot(with_history(run, dev_loss=dev))
    assert plot.best_dev_epoch() is None
    assert not plot.best_line.isVisible() and not plot.best_label.isVisible()


def test_no_marker_without_dev_values_or_after_reset(plot: LossPlot,
                                                     snapshot: Snapshot) -> None:
    run = overfitting(snapshot)
    plot.show_snapshot(run)
    plot.clear_run()
    assert plot.best_dev_epoch() is None
    assert not plot.best_line.isVisible() and not plot.best_label.isVisible()
    plot.show_snapshot(run)
    assert plot.best_dev_epoch() == 152 and plot.best_line.isVisible()
    no_dev = {k: v for k, v in run.history.items() if k != "dev_loss"}
    plot.show_snapshot(dataclasses.replace(run, history=no_dev))
    assert plot.best_dev_epoch() is None and not plot.best_line.isVisible()
    plot.show_snapshot(dataclasses.replace(run, history={}))
    assert plot.best_dev_epoch() is None and not plot.best_label.isVisible()


def test_the_marker_on_a_log_scale(plot: LossPlot, snapshot: Snapshot) -> None:
    run = overfitting(snapshot)
    plot.show_snapshot(run)
    plot.set_log_scale(True)
    assert plot.best_dev_epoch() == 152 and plot.best_line.value() == 152
    assert plot.best_label.isVisible() and label_inside_view(plot)
    _, (y0, y1) = plot.getPlotItem().viewRange()
    assert y0 <= plot.best_label.pos().y() <= y1  # in log10 units, as the axis
    plot.set_log_scale(False)
    assert plot.best_dev_epoch() == 152 and label_inside_view(plot)


@pytest.mark.parametrize("size", [(480, 300), (1000, 330), (300, 200)])
def test_the_label_never_clips(qtbot, snapshot: Snapshot, size) -> None:
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(*size)
    plot.show()
    run = overfitting(snapshot)
    for best in (0, 3, 152, 300):
        dev = run.history["dev_loss"].copy()
        dev[best] = 0.01
        plot.show_snapshot(with_history(run, dev_loss=dev))
        plot.show_test_result(Evaluation(epoch=300, loss=0.2, accuracy=None))
        assert plot.best_dev_epoch() == best
        assert label_inside_view(plot), (size, best)
        assert not plot.best_label.sceneBoundingRect().intersects(
            plot.test_label.sceneBoundingRect())


def test_the_marker_follows_zoom_and_contrast(plot: LossPlot, snapshot: Snapshot) -> None:
    plot.show_snapshot(overfitting(snapshot))
    size = plot.best_label.textItem.font().pixelSize()
    width = plot.best_line.pen.widthF()
    color = plot.best_line.pen.color().name()
    plot.set_zoom(1.6)
    assert plot.best_label.textItem.font().pixelSize() == round(1.6 * size)
    assert plot.best_line.pen.widthF() == pytest.approx(1.6 * width)
    assert label_inside_view(plot)
    plot.set_zoom(1.0)
    plot.set_high_contrast(True)
    assert plot.best_line.pen.widthF() > width
    assert plot.best_line.pen.color().name() != color
    assert plot.best_line.pen.color() == plot.dev_curve.opts["pen"].color()
    assert plot.best_label.textItem.defaultTextColor() == plot.best_line.pen.color()
    plot.set_high_contrast(False)
    assert plot.best_line.pen.color().name() == color


def test_lowest_finite() -> None:
    epochs = np.array([0.0, 1.0, 2.0, 3.0, 4.0])
    assert lowest_finite(epochs, np.array([3.0, np.nan, -np.inf, 1.0, 1.0])) == (3, 1.0)
    assert lowest_finite(epochs, np.full(5, np.inf)) is None
    assert lowest_finite(np.empty(0), np.empty(0)) is None
    assert lowest_finite(epochs, np.array([2.0, 1.0])) == (1, 1.0)  # a shorter column


def test_peak_reduce_keeps_the_extremes() -> None:
    x = np.arange(1000.0)
    y = np.sin(x)
    y[500] = 9.0
    y[10:20] = np.nan
    rx, ry = peak_reduce(x, y, 50)
    assert rx.size <= 110 and rx[0] == 0 and rx.size == ry.size
    assert np.nanmax(ry) == 9.0 and np.nanmin(ry) == np.nanmin(y)
    short = peak_reduce(x[:30], y[:30], 50)
    assert short[0].size == 30
