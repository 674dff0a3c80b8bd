"""DataView: the rows over two inputs, the output grid behind them, the test set sealed."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from nnsim.core import commands as cmd
from nnsim.core.datasets import CLASSIFICATION, Dataset, make_builtin
from nnsim.core.session import Session
from nnsim.core.settings import Settings
from nnsim.core.splits import split
from nnsim.ui.data_view import MAX_POINTS, DataView, even_sample


@pytest.fixture(scope="module")
def xor_session() -> Session:
    session = Session(Settings(dataset="xor"))
    session.apply(cmd.SetDataViewAxes((0, 1)))
    session.step(20)
    return session


@pytest.fixture
def view(qtbot) -> DataView:
    widget = DataView()
    qtbot.addWidget(widget)
    widget.resize(450, 350)
    widget.show()
    return widget


def points(view: DataView, name: str) -> np.ndarray:
    """(n, 2) positions drawn for split ``name`` (empty if hidden)."""
    scatter = view.scatters[name]
    if not scatter.isVisible():
        return np.empty((0, 2))
    x, y = scatter.getData()
    return np.column_stack([x, y])


def legend_texts(view: DataView) -> list[str]:
    return [label.text for _, label in view.legend.items]


def test_rows_at_their_inputs_and_test_sealed(view, xor_session):
    splits = split(make_builtin("xor"))
    snapshot = xor_session.snapshot()
    assert snapshot.test_result is None
    view.set_splits(splits)
    view.show_snapshot(snapshot)
    for name in ("train", "dev"):
        part = getattr(splits, name)
        np.testing.assert_allclose(points(view, name), part.X[:, [0, 1]])
    assert points(view, "test").size == 0  # sealed until the final evaluation
    assert "test" not in legend_texts(view)
    assert {"training", "development"} <= set(legend_texts(view))
    # The classes by name (HTML-escaped: "<" must not swallow the rest of the label).
    assert "x1·x2 &lt; 0" in legend_texts(view)


def test_test_rows_after_evaluation(view):
    session = Session(Settings(dataset="xor"))
    session.apply(cmd.SetDataViewAxes((0, 1)))
    view.set_splits(session.splits)
    view.show_snapshot(session.snapshot())
    assert points(view, "test").size == 0
    session.apply(cmd.EvaluateTest())
    snapshot = session.snapshot()
    assert snapshot.test_result is not None
    view.show_snapshot(snapshot)
    np.testing.assert_allclose(points(view, "test"), session.splits.test.X[:, [0, 1]])
    assert "test" in legend_texts(view)


def test_image_shape_and_rect(view, xor_session):
    snapshot = xor_session.snapshot()
    grid = snapshot.data_grid
    assert grid is not None and grid.axes == (0, 1)
    view.set_splits(xor_session.splits)
    view.show_snapshot(snapshot)
    image = view.image.image
    assert view.image.isVisible()
    assert image.shape[:2] == (len(grid.ys), len(grid.xs))
    rect = view.image.mapRectToParent(view.image.boundingRect())
    dx, dy = np.diff(grid.xs)[0], np.diff(grid.ys)[0]
    assert rect.left() == pytest.approx(grid.xs[0] - dx / 2)
    assert rect.right() == pytest.approx(grid.xs[-1] + dx / 2)
    assert rect.top() == pytest.approx(grid.ys[0] - dy / 2)
    assert rect.bottom() == pytest.approx(grid.ys[-1] + dy / 2)
    # Classification: the predicted class's colour (lightened) — both classes appear.
    colours = {tuple(c) for c in image[..., :3].reshape(-1, 3)}
    assert len(colours) > 2
    # xor has three inputs: the third is held at its mean, and the note says so.
    assert "x3 fixed at its training mean" in view.note_text()


def test_axis_titles_follow_the_snapshot(view, xor_session):
    view.set_splits(xor_session.splits)
    view.show_snapshot(xor_session.snapshot())
    item = view.plot.getPlotItem()
    assert item.getAxis("bottom").labelText == "x1"
    assert item.getAxis("left").labelText == "x2"


def test_combos_emit_valid_pairs_never_equal(view, qtbot, xor_session):
    view.set_splits(xor_session.splits)
    view.show_snapshot(xor_session.snapshot())
    assert view.findChild(type(view.x_combo), "dataViewXCombo") is view.x_combo
    assert [view.x_combo.itemText(k) for k in range(view.x_combo.count())] == ["x1", "x2", "x3"]
    emitted: list[tuple[int, int]] = []
    view.axes_chosen.connect(emitted.append)
    for combo, index in ((view.x_combo, 2), (view.y_combo, 2), (view.x_combo, 0),
                         (view.y_combo, 0), (view.x_combo, 0)):
        combo.setCurrentIndex(index)
        combo.activated.emit(index)  # what a user's pick sends
        assert view.x_combo.currentIndex() != view.y_combo.currentIndex()
    assert emitted, "picking inputs must emit axes_chosen"
    for i, j in emitted:
        assert i != j and 0 <= i < 3 and 0 <= j < 3
    assert emitted[0] == (2, 1)
    assert emitted[1] == (1, 2)  # y took x's input: x moved to the one y left
    assert view.axes() == emitted[-1]
    # The points follow the chosen inputs at once; a grid of the old inputs is not shown.
    i, j = view.axes()
    np.testing.assert_allclose(points(view, "train"), xor_session.splits.train.X[:, [i, j]])
    assert not view.image.isVisible()


def test_snapshot_sets_combos_without_emitting(view, qtbot):
    session = Session(Settings(dataset="xor"))
    session.apply(cmd.SetDataViewAxes((2, 0)))
    view.set_splits(session.splits)
    with qtbot.assertNotEmitted(view.axes_chosen):
        view.show_snapshot(session.snapshot())
    assert (view.x_combo.currentIndex(), view.y_combo.currentIndex()) == (2, 0)
    assert view.image.isVisible()
    np.testing.assert_allclose(points(view, "dev"), session.splits.dev.X[:, [2, 0]])


def test_regression_draws(view):
    session = Session(Settings(dataset="regression"))
    session.apply(cmd.SetDataViewAxes((0, 1)))
    session.step(5)
    snapshot = session.snapshot()
    assert not snapshot.is_classification
    view.set_splits(session.splits)
    view.show_snapshot(snapshot)
    np.testing.assert_allclose(points(view, "train"), session.splits.train.X[:, [0, 1]])
    assert view.image.isVisible()
    assert view.image.image.shape[:2] == snapshot.data_grid.outputs.shape[:2]
    texts = legend_texts(view)
    assert any(t.startswith("y1 = ") for t in texts) and "training" in texts
    # Points are coloured by their target: different targets, different brushes.
    brushes = {b.color().name() for b in view.scatters["train"].data["brush"]}
    assert len(brushes) > 10


def test_large_data_is_sampled(view):
    rng = np.random.default_rng(0)
    n = 200_000
    labels = rng.integers(0, 3, n)
    data = Dataset(rng.standard_normal((n, 2)), np.eye(3)[labels], CLASSIFICATION)
    splits = split(data)
    view.set_splits(splits)
    for name in ("train", "dev"):
        drawn = points(view, name)
        assert 0 < len(drawn) <= MAX_POINTS
        part = getattr(splits, name)
        np.testing.assert_allclose(drawn, part.X[even_sample(part.n_samples)])
    assert f"showing 3,000 of {splits.train.n_samples:,} training rows" in view.note_text()


def test_even_sample():
    assert list(even_sample(5, 10)) == [0, 1, 2, 3, 4]
    rows = even_sample(100_000, 3000)
    assert len(rows) == 3000 and len(set(rows)) == 3000 and rows[0] == 0 and rows[-1] == 99_999


def test_tooltips_and_names(view):
    for widget in (view.x_combo, view.y_combo, view.plot):
        assert widget.toolTip()
    assert view.objectName() == "dataView" and view.plot.objectName() == "dataViewPlot"
    assert view.x_combo.focusPolicy() != Qt.FocusPolicy.NoFocus
