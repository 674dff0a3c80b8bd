"""What hovering the network graph says: a node's role (input, hidden unit with its activation,
output, bias) and a parameter's connection, value and gradient.

Written when asked for, from the latest snapshot, so a value changing 30 times a second never
rebuilds a tooltip. The texts keep the view's translation context, where they were written first.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from nnsim.core.coded_error import fill
from nnsim.core.network import Network
from nnsim.core.snapshot import Snapshot
from nnsim.ui import numbers
from nnsim.ui.names import activation_name

TRANSLATION_CONTEXT = "NetworkView"
translate = QCoreApplication.translate  # the name pyside6-lupdate looks for (with the context)


def parameter_tooltip(name: str, net: Network, snap: Snapshot) -> str:
    """Parameter ``name``: the connection it weighs, its value and its gradient, how to edit."""
    value, grad = snap.value(name), snap.gradient_of(name)
    return fill(translate("NetworkView", "%1: %2\nvalue = %3\n\u2202L/\u2202%1 = %4\n"
                                         "Click to select, double-click to change."),
                [name, net.describe(name), numbers.significant(value), numbers.significant(grad)])


def node_tooltip(name: str, snap: Snapshot) -> str:
    """Node ``name`` (I1, H2, O1, B1): what it is, with the data's column name if it has one."""
    if name in ("B1", "B2"):
        return (translate("NetworkView",
                          "B1: bias node, always 1; its edges are the hidden units' biases")
                if name == "B1" else
                translate("NetworkView",
                          "B2: bias node, always 1; its edges are the outputs' biases"))
    i = int(name[1:]) - 1
    names = {"I": snap.feature_names, "O": snap.target_names}.get(name[0], ())
    text = {"I": translate("NetworkView", "%1: input %2"),
            "H": translate("NetworkView", "%1: hidden unit %2, activation %3"),
            "O": translate("NetworkView", "%1: output %2, activation %3")}[name[0]]
    activation = snap.hidden_activation if name[0] == "H" else snap.output_activation
    text = fill(text, [name, i + 1, activation_name(activation)])
    return text + (f" (\u201c{names[i]}\u201d)" if i < len(names) else "")
