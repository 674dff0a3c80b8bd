"""The main window's actions and menus, with standard shortcuts and objectNames."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu


@dataclass
class Actions:
    """Every QAction of the main window (objectName = ``action`` + the attribute in CamelCase)."""

    open: QAction
    save: QAction
    save_as: QAction
    open_lesson: QAction
    import_csv: QAction
    export_plot: QAction
    export_lab_notebook: QAction
    export_weights: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    train: QAction
    step: QAction
    reset: QAction
    evaluate_test: QAction
    restore_best: QAction
    tune: QAction
    compare_learning_rates: QAction
    clear_comparison: QAction
    log_scale: QAction
    show_derivative: QAction
    presenter_mode: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    guide: QAction
    start_page: QAction
    about: QAction
    # The step explainer's (made after the others; see create_actions).
    explain_step: QAction = None  # type: ignore[assignment]
    show_gradients: QAction = None  # type: ignore[assignment]


def _action(window: QMainWindow, name: str, text: str, shortcut: QKeySequence | str | None = None,
            tip: str = "", checkable: bool = False) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    action.setCheckable(checkable)
    return action


def create_actions(window: QMainWindow, undo_stack: QUndoStack) -> Actions:
    """Create the actions and the menu bar (File, Edit, Train, View, Help)."""
    tr = window.tr
    undo = undo_stack.createUndoAction(window, tr("&Undo"))
    undo.setObjectName("actionUndo")
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    redo = undo_stack.createRedoAction(window, tr("&Redo"))
    redo.setObjectName("actionRedo")
    # Both common redo keys, each once: QKeySequence.Redo is Ctrl+Shift+Z on some platforms, and
    # a key bound twice is "ambiguous" to Qt, which then fires neither.
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    # File → Open lesson: a submenu of the shipped lessons; its own entry is actionOpenLesson
    # (triggered directly, it browses the lesson folder).
    lessons_menu = QMenu(tr("Open &lesson"), window)
    lessons_menu.setObjectName("menuLessons")
    lessons_menu.menuAction().setObjectName("actionOpenLesson")
    lessons_menu.menuAction().setStatusTip(tr("The lecture's demos as lesson files"))
    window.lessons_menu = lessons_menu
    actions = Actions(
        open=_action(window, "actionOpen", tr("&Open…"), QKeySequence.Open,
                     tr("Open a lesson file (.nnsim): settings, data, weights and notes")),
        save=_action(window, "actionSave", tr("&Save"), QKeySequence.Save,
                     tr("Save the session as a lesson file (.nnsim)")),
        save_as=_action(window, "actionSaveAs", tr("Save &As…"), "Ctrl+Shift+S",
                        tr("Save the session in a new lesson file")),
        open_lesson=lessons_menu.menuAction(),
        import_csv=_action(window, "actionImportCsv", tr("&Import CSV…"), "Ctrl+I",
                           tr("Load a dataset from a CSV file (Ctrl+I)")),
        export_lab_notebook=_action(
            window, "actionExportLabNotebook", tr("Export lab &notebook…"),
            tip=tr("Save a folder with a report, the loss history, the figures, the weights and "
                   "the lesson file: what you hand in for an exercise")),
        export_plot=_action(window, "actionExportPlot", tr("&Export plot as PNG/SVG…"),
                            "Ctrl+E", tr("Save the loss plot or the landscape as an image")),
        export_weights=_action(window, "actionExportWeights", tr("Export &weights as CSV…"),
                               "Ctrl+Shift+E", tr("Save every weight and bias with its value")),
        quit=_action(window, "actionQuit", tr("&Quit"), QKeySequence.Quit),
        undo=undo,
        redo=redo,
        train=_action(window, "actionTrain", tr("&Train"), "Space",
                      tr("Start or pause training (Space)"), checkable=True),
        # No single-letter shortcuts: they would fire while a combo box or spin box has focus.
        step=_action(window, "actionStep", tr("&Step one epoch"), "F10",
                     tr("Train exactly one epoch: one gradient-descent step (F10)")),
        reset=_action(window, "actionReset", tr("&Reset"), "Ctrl+R",
                      tr("New initial weights from the seed, back to epoch 0 (Ctrl+R)")),
        evaluate_test=_action(window, "actionEvaluateTest", tr("&Evaluate on test set"), "Ctrl+T",
                              tr("The final evaluation: the test loss of the current weights")),
        restore_best=_action(window, "actionRestoreBest", tr("Restore &best epoch"),
                             tip=tr("Back to the weights of the epoch with the lowest dev loss")),
        compare_learning_rates=_action(
            window, "actionCompareLearningRates", tr("&Compare learning rates"), "Ctrl+K",
            tr("Train the run's initial weights with three learning rates (η/10, η, 10·η, or "
               "those in the Runs dock) and overlay them on the loss plot and the landscape")),
        clear_comparison=_action(window, "actionClearComparison", tr("C&lear comparison"),
                                 tip=tr("Remove the pinned runs from the loss plot and the "
                                        "landscape")),
        tune=_action(window, "actionTuneOnDev", tr("T&une on dev set…"),
                     tip=tr("Train every combination of learning rate and hidden units and "
                            "compare them on the development set")),
        log_scale=_action(window, "actionLogScale", tr("&Log-scale loss"), "Ctrl+L",
                          tr("Show the loss on a logarithmic axis"), checkable=True),
        show_derivative=_action(window, "actionShowDerivative", tr("Show activation &derivative"),
                                tip=tr("Also plot the derivative of the activation"),
                                checkable=True),
        presenter_mode=_action(window, "actionPresenterMode", tr("&Presenter mode"), "F5",
                               tr("Full screen for the lecture hall: the network and both plots "
                                  "in large type, high contrast (F5; Esc leaves)"),
                               checkable=True),
        zoom_in=_action(window, "actionZoomIn", tr("Zoom &in"), "Ctrl++",
                        tr("Larger fonts and lines in the network and the plots (Ctrl++)")),
        zoom_out=_action(window, "actionZoomOut", tr("Zoom &out"), "Ctrl+-",
                         tr("Smaller fonts and lines in the network and the plots (Ctrl+−)")),
        zoom_reset=_action(window, "actionZoomReset", tr("&Normal size"), "Ctrl+0",
                           tr("Back to the normal size (Ctrl+0)")),
        guide=_action(window, "actionGuide", tr("&Guide"), "F1",
                      tr("A short guide along the lecture, with the shortcuts (F1)")),
        start_page=_action(window, "actionStartPage", tr("&Start page"),
                           tip=tr("The welcome page with the lecture's demos")),
        about=_action(window, "actionAbout", tr("&About nnsim")),
    )
    # Ctrl+= too: on most keyboards "+" needs Shift, and Ctrl+Shift+= is not always Ctrl++.
    actions.zoom_in.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
    actions.explain_step = _action(
        window, "actionExplainStep", tr("E&xplain the step"), "F9",
        tr("Walk through one epoch with every number: Step (F10) then computes one phase at a "
           "time — forward, loss, backward, update (F9 turns it on and off)"), checkable=True)
    actions.show_gradients = _action(
        window, "actionShowGradients", tr("Show &gradients"), "Ctrl+G",
        tr("Draw each connection's slope ∂L/∂w instead of its weight: colour = sign, "
           "width = size (Ctrl+G)"), checkable=True)
    menus = window.menuBar()
    file_menu = menus.addMenu(tr("&File"))
    file_menu.setObjectName("menuFile")
    file_menu.addAction(actions.open)
    window.recent_menu = file_menu.addMenu(tr("Open &Recent"))
    window.recent_menu.setObjectName("menuRecent")
    file_menu.addMenu(lessons_menu)
    file_menu.addAction(actions.save)
    file_menu.addAction(actions.save_as)
    file_menu.addSeparator()
    for a in (actions.import_csv, actions.export_plot, actions.export_weights,
              actions.export_lab_notebook):
        file_menu.addAction(a)
    file_menu.addSeparator()
    file_menu.addAction(actions.quit)
    edit_menu = menus.addMenu(tr("&Edit"))
    edit_menu.setObjectName("menuEdit")
    edit_menu.addAction(actions.undo)
    edit_menu.addAction(actions.redo)
    train_menu = menus.addMenu(tr("&Train"))
    train_menu.setObjectName("menuTrain")
    for a in (actions.train, actions.step, actions.reset, actions.restore_best):
        train_menu.addAction(a)
    train_menu.addSeparator()
    train_menu.addAction(actions.compare_learning_rates)
    train_menu.addAction(actions.clear_comparison)
    train_menu.addAction(actions.tune)
    train_menu.addAction(actions.evaluate_test)
    train_menu.addSeparator()
    train_menu.addAction(actions.explain_step)
    view_menu = menus.addMenu(tr("&View"))
    view_menu.setObjectName("menuView")
    view_menu.addAction(actions.presenter_mode)
    view_menu.addSeparator()
    for a in (actions.zoom_in, actions.zoom_out, actions.zoom_reset):
        view_menu.addAction(a)
    view_menu.addSeparator()
    view_menu.addAction(actions.log_scale)
    view_menu.addAction(actions.show_derivative)
    view_menu.addAction(actions.show_gradients)
    view_menu.addSeparator()
    window.view_menu = view_menu  # the docks add their show/hide toggles here
    help_menu = menus.addMenu(tr("&Help"))
    help_menu.setObjectName("menuHelp")
    help_menu.addAction(actions.guide)
    help_menu.addAction(actions.start_page)
    help_menu.addSeparator()
    help_menu.addAction(actions.about)
    return actions
