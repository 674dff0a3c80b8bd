"""The lecture hall: presenter mode, zoom, the guide, and a window that fits a laptop."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QComboBox, QDockWidget, QSlider,
                               QToolBar)

from nnsim.core import commands as cmd
from nnsim.ui.main_window import MainWindow
from nnsim.ui.presentation import PRESENTER_ZOOM
from nnsim.ui.settings import AppSettings
from tests.ui.test_main_window import TIMEOUT, wait_for


@pytest.fixture
def window(qtbot):
    win = MainWindow(settings=AppSettings.in_memory())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.latest_snapshot is not None, timeout=TIMEOUT)
    yield win
    win.close()


# Parts Qt makes and names itself (a tab bar's scroll arrows).
QT_INTERNAL = {"ScrollLeftButton", "ScrollRightButton"}


def dock(window, name: str) -> QDockWidget:
    return window.findChild(QDockWidget, name)


def test_presenter_mode_shows_the_network_and_both_plots_large(qtbot, window) -> None:
    action = window.action_set.presenter_mode
    assert action.isCheckable() and action.shortcut().toString() == "F5"
    zoom = window.presentation.zoom
    action.setChecked(True)
    assert window.windowState() & Qt.WindowFullScreen
    assert not dock(window, "controlsDock").isVisible()
    assert dock(window, "lossDock").isVisible() and dock(window, "landscapeDock").isVisible()
    bar = window.findChild(QToolBar, "presenterToolBar")
    assert bar.isVisible() and not window.findChild(QToolBar, "trainingToolBar").isVisible()
    assert not window.menuBar().isVisible()
    assert window.presentation.effective_zoom() == pytest.approx(zoom * PRESENTER_ZOOM)
    window.action_set.step.trigger()
    wait_for(qtbot, window, lambda s: s.epoch == 1)
    assert window.findChild(object, "presenterEpochLabel").text() == "Epoch 1"
    assert window.findChild(object, "presenterLossLabel").text().startswith("loss ")
    spin = window.findChild(object, "presenterLearningRateSpin")
    spin.setValue(2.0)
    wait_for(qtbot, window, lambda s: s.learning_rate == 2.0)
    qtbot.keyClick(window, Qt.Key_Escape)  # Esc leaves
    assert not action.isChecked() and not window.windowState() & Qt.WindowFullScreen
    assert dock(window, "controlsDock").isVisible() and window.menuBar().isVisible()
    assert not bar.isVisible() and window.findChild(QToolBar, "trainingToolBar").isVisible()
    assert window.presentation.effective_zoom() == pytest.approx(zoom)
    assert window.control_panel.learning_rate_spin.value() == 2.0  # one truth, both places


def test_zoom_scales_the_views_and_is_remembered(qtbot) -> None:
    settings = AppSettings.in_memory()
    first = MainWindow(settings=settings)
    qtbot.addWidget(first)
    first.action_set.zoom_in.trigger()
    first.action_set.zoom_in.trigger()
    zoomed = first.presentation.zoom
    assert zoomed > 1.2 and settings.zoom == pytest.approx(zoomed)
    first.close()
    second = MainWindow(settings=settings)
    qtbot.addWidget(second)
    assert second.presentation.zoom == pytest.approx(zoomed)
    second.action_set.zoom_reset.trigger()
    assert second.presentation.zoom == 1.0 and settings.zoom == 1.0
    second.action_set.zoom_out.trigger()
    assert second.presentation.zoom < 1.0
    shortcuts = {a.objectName(): [k.toString() for k in a.shortcuts()]
                 for a in (second.action_set.zoom_in, second.action_set.zoom_out,
                           second.action_set.zoom_reset)}
    assert "Ctrl++" in shortcuts["actionZoomIn"] and "Ctrl+-" in shortcuts["actionZoomOut"]
    assert shortcuts["actionZoomReset"] == ["Ctrl+0"]
    second.close()


def test_the_guide_tells_the_tour_and_the_shortcuts(window) -> None:
    window.action_set.guide.trigger()
    guide = window.findChild(object, "guideDialog")
    assert guide is not None and guide.isVisible()
    text = guide.browser.toPlainText()
    for words in ("Gradient descent", "Learning rate", "Presenter mode".lower(), "F10", "Ctrl+Y"):
        assert words in text or words in text.lower(), words
    guide.close()


def test_the_activation_preview_fits_a_laptop_screen_without_scrolling(qtbot, window) -> None:
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.width() == 1366, timeout=TIMEOUT)
    preview = window.activation_preview
    scroll = preview.parentWidget().parentWidget().parentWidget()
    bottom = preview.mapTo(scroll.viewport(), QPoint(0, preview.height())).y()
    assert bottom <= scroll.viewport().height(), (bottom, scroll.viewport().height())


def test_every_control_has_a_tooltip(window) -> None:
    missing = []
    for kind in (QAbstractButton, QComboBox, QAbstractSpinBox, QSlider):
        for widget in window.findChildren(kind):
            name = widget.objectName()
            # Qt's own parts (dock title buttons, the toolbar's extension arrow, spin-box line
            # edits) have no objectName of ours; everything we made has one.
            if not name or name.startswith("qt_") or name in QT_INTERNAL:
                continue
            if not widget.toolTip() and not (hasattr(widget, "defaultAction")
                                             and widget.defaultAction() is not None
                                             and widget.defaultAction().toolTip()):
                missing.append(name)
    assert not missing, missing


def test_every_demo_is_one_click_in_the_lecture_menu(qtbot, window) -> None:
    from nnsim.core.demos import DEMOS
    from nnsim.ui.lecture import action_name

    menu = window.findChild(object, "menuLecture")
    assert [a.objectName() for a in menu.actions()] == [action_name(d) for d in DEMOS]
    for demo_id, demo in DEMOS.items():
        window.findChild(object, action_name(demo_id)).trigger()
        snap = wait_for(qtbot, window, lambda s, d=demo: s.settings.learning_rate
                        == d.settings.learning_rate and s.settings.hidden_units
                        == d.settings.hidden_units and s.epoch == 0
                        and s.settings.train_selected_only == d.settings.train_selected_only)
        caption = window.demo_caption
        assert caption.isVisible() and caption.title == demo.title
        assert demo.title in caption.text.text()
        assert caption.try_this.text().startswith("Try this: ")
        if demo.settings.selected:
            assert snap.selected == demo.settings.selected
    window.action_set.undo.trigger()  # opening a demo is one undo step
    wait_for(qtbot, window, lambda s: s.settings.hidden_units == 9)  # back to "overfitting"


def test_the_losses_demo_shows_every_score_of_the_same_predictions(qtbot, window) -> None:
    from nnsim.ui.lecture import action_name

    window.findChild(object, action_name("losses")).trigger()
    snap = wait_for(qtbot, window, lambda s: not s.is_classification)
    qtbot.waitUntil(lambda: "MSE = " in window.demo_caption.scores.text(), timeout=TIMEOUT)
    text = window.demo_caption.scores.text()
    assert "MAE = " in text and f"{dict(snap.loss_scores)['mse']:.4g}" in text


def test_the_gradient_step_demo_draws_the_lecture_picture_after_one_step(qtbot, window) -> None:
    from nnsim.ui.lecture import action_name

    window.findChild(object, action_name("gradient-step")).trigger()
    wait_for(qtbot, window, lambda s: s.settings.train_selected_only and s.epoch == 0)
    window.action_set.step.trigger()
    snap = wait_for(qtbot, window, lambda s: s.epoch == 1)
    f = snap.figure
    width = f.values[-1] - f.values[0]
    points = sorted([snap.start_value, f.current_value, f.new_value, f.minimum_value])
    assert min(b - a for a, b in zip(points, points[1:])) > 0.05 * width


def test_the_start_page_opens_a_demo_or_the_default(qtbot, window) -> None:
    window.action_set.start_page.trigger()
    page = window.findChild(object, "startPage")
    assert page is not None and page.isVisible()
    page.findChild(object, "startDemo_network").click()
    assert not page.isVisible()
    qtbot.waitUntil(lambda: window.demo_caption.isVisible(), timeout=TIMEOUT)
    window.action_set.start_page.trigger()
    pages = [p for p in window.findChildren(object, "startPage") if p.isVisible()]
    pages[0].findChild(object, "startPageShowAgain").setChecked(False)
    assert window.app_settings.show_start_page is False
    pages[0].findChild(object, "startPageStart").click()
    assert not pages[0].isVisible()


def test_a_message_too_long_for_the_status_bar_is_shown_in_full(qtbot, window) -> None:
    window.resize(1024, 768)
    long_text = "The learning rate is far too high for this network: " + "really " * 30
    window.say(long_text)
    banner = window.findChild(object, "messageBanner")
    assert banner.isVisible() and banner.text() == long_text and banner.wordWrap()
    window.say("Saved.")
    assert not banner.isVisible() and window.statusBar().currentMessage() == "Saved."


def plot_area(plot) -> tuple[float, float]:
    rect = plot.getPlotItem().getViewBox().sceneBoundingRect()
    return rect.width(), rect.height()


def test_a_maximised_laptop_window_gives_both_plots_room(qtbot, window) -> None:
    window.resize(1366, 768)  # what a maximised window gets on a 1366×768 laptop
    qtbot.waitUntil(lambda: window.height() == 768, timeout=TIMEOUT)
    qtbot.wait(100)  # the docks are fitted after the resize
    width, height = plot_area(window.landscape_panel.plot)
    assert width >= 350 and height >= 220, (width, height)
    width, height = plot_area(window.loss_plot)
    assert width >= 300 and height >= 220, (width, height)
    assert window.network_view.edge_label_pixel_size() >= 12


def test_presenter_mode_is_legible_on_a_projector(qtbot, window) -> None:
    window.action_set.presenter_mode.setChecked(True)
    window.setGeometry(0, 0, 1024, 768)  # the projector's screen
    qtbot.waitUntil(lambda: window.width() == 1024, timeout=TIMEOUT)
    loss, landscape = dock(window, "lossDock"), dock(window, "landscapeDock")
    window.resizeDocks([loss, landscape], [int(0.58 * 768)] * 2, Qt.Vertical)
    qtbot.wait(100)
    assert window.network_view.node_label_pixel_size() >= 24
    assert window.network_view.edge_label_pixel_size() >= 16
    assert window.loss_plot.tick_font_pixel_size() >= 16
    assert window.landscape_panel.tick_font_pixel_size() >= 16
    assert plot_area(window.landscape_panel.plot)[1] >= 300
    window.action_set.presenter_mode.setChecked(False)


def test_the_demo_caption_grows_with_presenter_mode(qtbot, window) -> None:
    window.open_demo("network")
    caption = window.demo_caption
    normal = caption.styleSheet()
    window.action_set.presenter_mode.setChecked(True)
    assert caption.styleSheet() != normal and "pt" in caption.styleSheet()
    window.action_set.presenter_mode.setChecked(False)
    assert caption.styleSheet() == normal


def test_early_stopping_pauses_and_restore_best_goes_back(qtbot, window) -> None:
    window.open_demo("overfitting")
    wait_for(qtbot, window, lambda s: s.sizes[1] == 9 and s.epoch == 0)
    panel = window.control_panel
    panel.patience_spin.setValue(40)
    panel.early_stopping_check.setChecked(True)
    wait_for(qtbot, window, lambda s: s.settings.early_stopping == 40)
    window.submit(cmd.SetSpeed(None))
    window.action_set.train.setChecked(True)
    snap = wait_for(qtbot, window, lambda s: s.stopped_early)
    qtbot.waitUntil(lambda: not window.action_set.train.isChecked(), timeout=TIMEOUT)
    assert snap.epoch == snap.best_epoch + 40
    assert "Stopped early" in window.statusBar().currentMessage()
    window.action_set.restore_best.trigger()
    snap = wait_for(qtbot, window, lambda s: not s.stopped_early and s.epoch == s.best_epoch)
    assert snap.dev_loss == pytest.approx(snap.best_dev_loss, rel=1e-12)


def test_the_test_set_is_looked_at_once_unless_the_user_insists(qtbot, window,
                                                                 monkeypatch) -> None:
    asked = []
    answers = iter([False, True])
    monkeypatch.setattr(window, "ask_yes_no", lambda *a: asked.append(a) or next(answers))
    window.action_set.step.trigger()
    wait_for(qtbot, window, lambda s: s.epoch == 1)
    window.action_set.evaluate_test.trigger()  # the first look: no question
    snap = wait_for(qtbot, window, lambda s: s.test_result is not None)
    assert not asked and snap.test_result.looks == 1
    assert snap.test_result.settings == snap.settings
    panel = window.test_results_panel
    assert dock(window, "testResultsDock").isVisible()
    assert "Test loss" in panel.text.text() and "Hidden units" in panel.text.text()
    window.action_set.step.trigger()
    wait_for(qtbot, window, lambda s: s.epoch == 2)
    window.action_set.evaluate_test.trigger()  # trained further: asks, the answer is no
    assert len(asked) == 1 and "development set" in asked[0][1]
    assert window.latest_snapshot.test_result.epoch == 1
    window.action_set.evaluate_test.trigger()  # asks again, yes: evaluated, looked twice
    snap = wait_for(qtbot, window, lambda s: s.test_result.epoch == 2)
    assert len(asked) == 2 and snap.test_result.looks == 2
    qtbot.waitUntil(lambda: "2 times" in panel.text.text(), timeout=TIMEOUT)
    window.action_set.step.trigger()
    wait_for(qtbot, window, lambda s: s.epoch == 3)
    window.action_set.evaluate_test.trigger()  # the answer is remembered for this run
    wait_for(qtbot, window, lambda s: s.test_result.epoch == 3)
    assert len(asked) == 2
    window.action_set.reset.trigger()  # a new run: asks afresh after its first look
    wait_for(qtbot, window, lambda s: s.epoch == 0 and s.test_result is None)
    assert not window._test_again_allowed


def test_looking_at_the_model_differently_is_not_a_new_model(qtbot, window, monkeypatch) -> None:
    """Opening the Data view or the explainer, or changing the speed, after the one look at the
    test set does not make a second look a look at another model."""
    asked = []
    monkeypatch.setattr(window, "ask_yes_no", lambda *a: asked.append(a) or False)
    window.action_set.step.trigger()
    wait_for(qtbot, window, lambda s: s.epoch == 1)
    window.action_set.evaluate_test.trigger()
    wait_for(qtbot, window, lambda s: s.test_result is not None)
    for command in (cmd.SetSpeed(5.0), cmd.SetDataViewAxes((0, 1)), cmd.SelectParameter("w12")):
        window.submit(command)
    wait_for(qtbot, window, lambda s: s.settings.selected == "w12" and s.settings.speed == 5.0)
    window.action_set.evaluate_test.trigger()  # the same model: evaluated again without asking
    snap = wait_for(qtbot, window, lambda s: s.test_result.looks == 2)
    assert not asked and snap.test_result.epoch == 1


def test_a_sweep_configuration_is_trained_to_exactly_the_sweeps_model(qtbot, window) -> None:
    from nnsim.core import split, sweep
    from nnsim.core.datasets import make_builtin

    result = sweep(split(make_builtin("vowels")), [1.0], [2], 30,
                   output_activation="softmax", loss="cce", seed=0)
    window.use_configuration(2, 1.0, 30)
    snap = wait_for(qtbot, window, lambda s: s.sizes == (3, 2, 2) and s.epoch == 30)
    assert snap.learning_rate == 1.0
    np.testing.assert_allclose(snap.parameters, result.network(2, 1.0).parameters, rtol=1e-9)
    assert "η = 1" in window.statusBar().currentMessage()


def test_tune_on_dev_set_opens_the_sweep_dialog_on_the_current_data(qtbot, window) -> None:
    window.action_set.tune.trigger()
    qtbot.waitUntil(lambda: window.sweep_dialog is not None, timeout=TIMEOUT)
    assert window.sweep_dialog.objectName() == "sweepDialog"
    window.sweep_dialog.close()


def test_the_data_tab_shows_the_rows_and_follows_the_network(qtbot, window) -> None:
    data_dock = dock(window, "dataDock")
    assert data_dock in window.tabifiedDockWidgets(dock(window, "landscapeDock"))
    assert window.latest_snapshot.settings.data_view_axes is None  # no cost while hidden
    data_dock.show()
    data_dock.raise_()
    snap = wait_for(qtbot, window, lambda s: s.data_grid is not None)
    assert snap.settings.data_view_axes == (0, 1)
    qtbot.waitUntil(lambda: len(window.data_view.scatters["train"].data) > 0, timeout=TIMEOUT)
    window.data_view.y_combo.setCurrentIndex(2)
    window.data_view.y_combo.activated.emit(2)
    wait_for(qtbot, window, lambda s: s.data_grid is not None and s.data_grid.axes == (0, 2))
    dock(window, "landscapeDock").raise_()  # the Data tab hidden again: nothing computed
    wait_for(qtbot, window, lambda s: s.settings.data_view_axes is None)
