"""The Lecture menu, the caption of a demo, and the start page: each slide's claim one click away.

The demos themselves are plain data in :mod:`nnsim.core.demos`; here they become menu entries,
a caption above the network (title, two or three sentences, a "Try this" line) and the start
page a first launch shows.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFrame, QHBoxLayout, QLabel,
                               QMenu, QPushButton, QToolButton, QVBoxLayout, QWidget)

from nnsim.core.demos import DEMOS, Demo
from nnsim.core.losses import LOSSES
from nnsim.core.snapshot import Snapshot
from nnsim.ui import numbers

if TYPE_CHECKING:
    from nnsim.ui.main_window import MainWindow

CAPTION_STYLE = ("QFrame#demoCaption { background: #eaf2fb; border: 2px solid #2e86c1;"
                 " border-radius: 4px; }"
                 "QFrame#demoCaption QLabel { font-size: %dpt; color: #1b2631; }")
# Small enough that three lines leave the network most of a laptop's height; presenter mode
# scales it with everything else.
CAPTION_PT = 11


def demo_text(text: str) -> str:
    """A demo's title or caption in the user's language (marked in the core, context Demos)."""
    return QCoreApplication.translate("Demos", text)


def action_name(demo_id: str) -> str:
    """``actionDemoGradientStep`` for ``gradient-step``."""
    return "actionDemo" + "".join(part.capitalize() for part in demo_id.split("-"))


def create_lecture_menu(window: MainWindow, open_demo: Callable[[str], None]) -> QMenu:
    """The Lecture menu: one entry per claim of the lecture, in the lecture's order."""
    menu = QMenu(QCoreApplication.translate("LectureMenu", "&Lecture"), window)
    menu.setObjectName("menuLecture")
    menu.setToolTipsVisible(True)
    for demo_id, demo in DEMOS.items():
        action = QAction(demo_text(demo.title), window)
        action.setObjectName(action_name(demo_id))
        action.setToolTip(demo_text(demo.caption))
        action.setStatusTip(demo_text(demo.caption))
        action.triggered.connect(lambda _=False, d=demo_id: open_demo(d))
        menu.addAction(action)
    return menu


class DemoCaption(QFrame):
    """What the open demo shows and what to try, above the network (closable)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoCaption")
        self.set_zoom(1.0)
        # Title and sentences in one paragraph: a separate title line would cost the network a
        # line of height on a laptop.
        self.text = QLabel(objectName="demoCaptionText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.RichText)
        self.try_this = QLabel(objectName="demoCaptionTryThis")
        self.try_this.setWordWrap(True)
        # The losses demo: the same predictions scored by each loss, side by side, live.
        self.scores = QLabel(objectName="demoCaptionScores")
        self.scores.setStyleSheet("font-weight: bold;")
        self.scores.hide()
        close = QToolButton(objectName="demoCaptionClose", text="✕")
        close.setToolTip(self.tr("Hide the caption (the demo stays as it is)"))
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        head = QHBoxLayout()
        head.addWidget(self.text, 1)
        head.addWidget(close, 0, Qt.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 3, 4, 3)
        layout.setSpacing(0)
        layout.addLayout(head)
        layout.addWidget(self.scores)
        layout.addWidget(self.try_this)
        self.demo_id = ""
        self.title = ""
        self.hide()

    def set_zoom(self, factor: float) -> None:
        """Scale the caption's text with the editor and the plots (zoom, presenter mode)."""
        self.setStyleSheet(CAPTION_STYLE % round(CAPTION_PT * factor))

    def set_high_contrast(self, on: bool) -> None:
        """Already dark text on a light background: nothing to change for a projector."""

    def show_demo(self, demo_id: str, demo: Demo) -> None:
        self.demo_id = demo_id
        self.title = demo_text(demo.title)
        self.text.setText(f"<b>{html.escape(self.title)}.</b> {html.escape(demo_text(demo.caption))}")
        self.try_this.setText(self.tr("Try this: %1").replace("%1", demo_text(demo.try_this)))
        self.scores.setVisible(demo_id == "losses")
        self.show()

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Keep the losses demo's scores current (the caption is static otherwise)."""
        if not self.scores.isVisible():
            return
        parts = [f"{LOSSES[name].short_name} = {numbers.significant(value)}"
                 for name, value in snapshot.loss_scores]
        self.scores.setText(self.tr("Loss scores of these predictions: %1").replace(
            "%1", "   ".join(parts)))


class StartPage(QDialog):
    """The first launch's welcome: start with the default network, or open a lecture demo."""

    def __init__(self, window: MainWindow, open_demo: Callable[[str], None]) -> None:
        super().__init__(window)
        self.setObjectName("startPage")
        self.setWindowTitle(self.tr("Welcome to nnsim"))
        intro = QLabel(self.tr(
            "<h2>Basics of Neural Networks, to see and touch</h2>"
            "<p>Press <b>Train</b> to watch the lecture's 3-3-2 network learn the vowels of "
            "<i>hid</i> and <i>head</i>, or open one of the lecture's claims as a demo. Every "
            "demo is also in the <b>Lecture</b> menu; this page is under <b>Help</b>.</p>"))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for demo_id, demo in DEMOS.items():
            button = QPushButton(demo_text(demo.title), objectName=f"startDemo_{demo_id}")
            button.setToolTip(demo_text(demo.caption))
            button.setStyleSheet("text-align: left; padding: 4px 10px;")
            button.clicked.connect(lambda _=False, d=demo_id: (self.accept(), open_demo(d)))
            layout.addWidget(button)
        self.show_again = QCheckBox(self.tr("Show this page when nnsim starts"),
                                    objectName="startPageShowAgain")
        self.show_again.setToolTip(self.tr("Help → Start page opens it at any time"))
        self.show_again.setChecked(window.app_settings.show_start_page)
        self.show_again.toggled.connect(
            lambda on: setattr(window.app_settings, "show_start_page", on))
        buttons = QDialogButtonBox(objectName="startPageButtons")
        start = buttons.addButton(self.tr("Start with the default network"),
                                  QDialogButtonBox.AcceptRole)
        start.setObjectName("startPageStart")
        start.setToolTip(self.tr("Close this page; the vowels network is ready to train"))
        buttons.accepted.connect(self.accept)
        layout.addWidget(self.show_again)
        layout.addWidget(buttons)
