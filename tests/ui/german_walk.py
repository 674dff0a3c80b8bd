"""Collect every text a student can see in a window, and find the English words among them.

Used by ``test_german.py``; kept apart so that a script can walk a window the same way.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QDockWidget,
                               QGraphicsSimpleTextItem, QGraphicsTextItem, QGraphicsView,
                               QGroupBox, QLabel, QLineEdit, QMenu, QPlainTextEdit, QTabBar,
                               QTabWidget, QTextEdit, QToolBar, QWidget)

# Common English words that are not also German words (so "in", "an", "was", "will", "also",
# "Test", "Training", "Start", "Bias", "Batch", "Parameter" are left out). Names from the
# lecture (w11, O1, η, σ, ReLU, MSE), formulas and numbers contain none of them.
ENGLISH = frozenset(["the", "and", "of", "to", "with", "for", "from", "this", "that", "these", "those", "is", "are", "be", "been", "has", "have", "not", "or", "on", "at", "by", "it", "its", "you", "your", "can", "cannot", "should", "must", "only", "every", "each", "all", "one", "two", "three", "here", "there", "when", "while", "which", "what", "where", "how", "than", "then", "too", "high", "low", "into", "onto", "over", "under", "after", "before", "again", "once", "yet", "done", "ready", "please", "more", "most", "less", "least", "some", "any", "same", "other", "others", "loss", "losses", "weight", "weights", "learning", "rate", "rates", "train", "trains", "trained", "file", "files", "data", "set", "sets", "step", "steps", "show", "shows", "hide", "click", "press", "open", "save", "saved", "load", "loaded", "loading", "epoch", "epochs", "hidden", "output", "outputs", "input", "inputs", "layer", "units", "unit", "value", "values", "run", "runs", "plot", "plots", "new", "current", "initial", "lowest", "highest", "network", "error", "mean", "squared", "cross", "entropy", "classification", "slope", "development", "dev", "accuracy", "sample", "samples", "noise", "speed", "seed", "split", "help", "view", "edit", "quit", "undo", "redo", "guide", "page", "row", "rows", "column", "columns", "target", "targets", "class", "classes", "function", "activation", "derivative", "lecture", "size", "paused", "stopped", "diverged", "converging", "compare", "comparison", "clear", "import", "export", "image", "folder", "note", "lesson", "notebook", "report", "settings", "controls", "explain", "explainer", "next", "play", "pause", "walk", "follow", "selected", "chosen", "choose", "best", "better", "landscape"])
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
TAG = re.compile(r"<[^>]+>")
PATH = re.compile(r"\S*[/\\]\S*\.\w+")  # a file's path is a name, in no language


def english_words(text: str) -> list[str]:
    """The English words in ``text`` (markup and entities removed)."""
    plain = html.unescape(TAG.sub(" ", text)).replace("&", "")  # "&Datei": the accelerator
    plain = PATH.sub(" ", plain)
    return [w for w in WORD.findall(plain) if w.lower() in ENGLISH]


def menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    yield where, menu.title()
    for action in menu.actions():
        if action.menu() is not None:
            yield from menu_texts(action.menu(), f"{where} → {action.menu().objectName()}")
        elif not action.isSeparator():
            name = action.objectName() or action.text()
            yield f"{where} → {name}", action.text()
            yield f"{where} → {name} (tooltip)", action.toolTip()
            yield f"{where} → {name} (status tip)", action.statusTip()


def widget_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every visible-to-a-student text under ``root``, hidden widgets too."""
    yield "window title", root.windowTitle()
    for w in [root, *root.findChildren(QWidget)]:
        name = f"{type(w).__name__} {w.objectName()}".strip()
        yield f"{name} (tooltip)", w.toolTip()
        yield f"{name} (status tip)", w.statusTip()
        yield f"{name} (what's this)", w.whatsThis()
        if isinstance(w, (QLabel, QAbstractButton)):
            yield name, w.text()
        elif isinstance(w, QLineEdit):
            yield f"{name} (placeholder)", w.placeholderText()
        elif isinstance(w, (QTextEdit, QPlainTextEdit)):
            yield name, w.toPlainText()
            yield f"{name} (placeholder)", w.placeholderText()
        elif isinstance(w, QGroupBox):
            yield name, w.title()
        elif isinstance(w, (QDockWidget, QToolBar)):
            yield name, w.windowTitle()
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield f"{name} item {i}", w.itemText(i)
                yield f"{name} item {i} (tooltip)", str(w.itemData(i, Qt.ToolTipRole) or "")
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                yield f"{name} tab {i}", w.tabText(i)
                yield f"{name} tab {i} (tooltip)", w.tabToolTip(i)
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield f"{name} tab {i}", w.tabText(i)
        elif isinstance(w, QMenu):
            yield from menu_texts(w, name)
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            yield from _model_texts(w, name)
        if isinstance(w, QGraphicsView) and w.scene() is not None:
            for item in w.scene().items():
                yield f"{name} item (tooltip)", item.toolTip()
                if isinstance(item, QGraphicsTextItem):
                    yield f"{name} text", item.toPlainText()
                elif isinstance(item, QGraphicsSimpleTextItem):
                    yield f"{name} text", item.text()


def _model_texts(view: QAbstractItemView, name: str) -> Iterator[tuple[str, str]]:
    model, root = view.model(), QModelIndex()
    try:
        columns = model.columnCount(root)
    except TypeError:  # a list model (QListWidget's) keeps columnCount private: one column
        columns = 1
    for orientation in (Qt.Horizontal, Qt.Vertical):
        count = columns if orientation == Qt.Horizontal else model.rowCount(root)
        for i in range(min(count, 50)):
            for role in (Qt.DisplayRole, Qt.ToolTipRole):
                yield f"{name} header {i}", str(model.headerData(i, orientation, role) or "")
    for row in range(min(model.rowCount(root), 20)):
        for column in range(columns):
            index = model.index(row, column)
            for role in (Qt.DisplayRole, Qt.ToolTipRole):
                yield f"{name} cell {row},{column}", str(model.data(index, role) or "")


def offenders(texts: Iterator[tuple[str, str]]) -> list[str]:
    """"where: text [English words]" for every text with an English word in it."""
    found = []
    seen = set()
    for where, text in texts:
        words = english_words(text or "")
        if words and (where, text) not in seen:
            seen.add((where, text))
            found.append(f"{where}: {text[:140]!r} {sorted(set(words))}")
    return found
