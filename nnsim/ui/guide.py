"""Help → Guide: a short tour of nnsim along the lecture, with the shortcuts."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


class GuideDialog(QDialog):
    """The tour in the app (the README's tour along the lecture, in the user's language)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("nnsim guide"))
        self.resize(720, 560)
        self.browser = QTextBrowser(objectName="guideText")
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(self.html())
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)

    def html(self) -> str:
        rows = [
            (self.tr("Activation functions"),
             self.tr("Choose the hidden and output activation in the controls. The preview under "
                     "them plots the function with the lecture's examples σ(0) = 0.5 and "
                     "ReLU(2) = 2; View → Show activation derivative adds its slope.")),
            (self.tr("Loss functions"),
             self.tr("MSE and MAE for regression, cross-entropy and categorical cross-entropy for "
                     "classification, each with its formula. The status bar shows the loss score "
                     "of the current forward pass. Losses that do not fit the data are greyed "
                     "out, with the reason on hover.")),
            (self.tr("Gradient descent"),
             self.tr("The landscape is the lecture's figure for the real network: the training "
                     "loss against one weight, the initial weight and loss, the gradient (slope), "
                     "the step −η·slope to the new weight and loss, and the minimum. Click a "
                     "connection to show it there. Step (F10) trains exactly one epoch. Tick "
                     "“Train only the selected parameter” to walk exactly along the curve.")),
            (self.tr("Learning rate"),
             self.tr("Change η while training. Too high overshoots and diverges (training "
                     "pauses and says so; Reset recovers), too low crawls.")),
            (self.tr("The network"),
             self.tr("The lecture's graph: inputs I1–I3, hidden units H1–H3, outputs O1–O2, bias "
                     "nodes B1 and B2, weights w11…w33 and v11…v32, biases b1…b5, each with its "
                     "value. Double-click a value to type a new one; − and + change the hidden "
                     "units.")),
            (self.tr("Training, development and test sets"),
             self.tr("Train % and Dev % split the data; the test set gets the rest. The loss plot "
                     "shows training and development loss; the test set stays sealed until "
                     "Evaluate on test set, the final evaluation.")),
        ]
        shortcuts = [
            (self.tr("Space"), self.tr("train / pause")), ("F10", self.tr("step one epoch")),
            ("Ctrl+R", self.tr("reset")), ("Ctrl+T", self.tr("evaluate on the test set")),
            ("Ctrl+Z", self.tr("undo")), ("Ctrl+Shift+Z, Ctrl+Y", self.tr("redo")),
            ("F5", self.tr("presenter mode (Esc leaves)")),
            ("Ctrl++ / Ctrl+− / Ctrl+0", self.tr("zoom in / out / normal size")),
            ("Ctrl+O", self.tr("open a lesson file")), ("Ctrl+S", self.tr("save the session")),
            ("Ctrl+I", self.tr("import a CSV file")), ("Ctrl+E", self.tr("export a plot")),
            ("Ctrl+L", self.tr("log-scale loss")), ("F1", self.tr("this guide")),
        ]
        # Outside the f-strings: pyside6-lupdate does not look inside them.
        tour, keys = self.tr("A tour along the lecture"), self.tr("Shortcuts")
        parts = [f"<h2>{tour}</h2><table cellpadding='4'>"]
        parts += [f"<tr><td valign='top'><b>{a}</b></td><td>{b}</td></tr>" for a, b in rows]
        parts.append(f"</table><h3>{keys}</h3><table cellpadding='2'>")
        # Keys as the platform and language write them (German: Strg+R), like the menus.
        parts += [f"<tr><td><b>{_native_keys(k)}</b></td><td>{v}</td></tr>"
                  for k, v in shortcuts]
        parts.append("</table>")
        return "".join(parts)


def _native_keys(keys: str) -> str:
    """"Ctrl+R" as the menus show it in the user's language ("Strg+R" in German)."""
    ctrl = QKeySequence("Ctrl+A").toString(QKeySequence.SequenceFormat.NativeText)[:-1]
    return keys.replace("Ctrl+", ctrl)
