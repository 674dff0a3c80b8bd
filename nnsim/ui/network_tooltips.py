"""What hovering the network graph says: a node's role (input, hidden unit with its activation,
output, bias) and a parameter's connection, value and gradient.

Written when asked for, from the latest snapshot, so a value changing 30 times a second never
rebuilds a tooltip. The texts keep the view's translation context, where they were written first.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from nnsim.core.network import Network
from nnsim.core.snapshot import Snapshot

TRANSLATION_CONTEXT = "NetworkView"


def _tr(text: str) -> str:
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text)


def parameter_tooltip(name: str, net: Network, snap: Snapshot) -> str:
    """Parameter ``name``: the connection it weighs, its value and its gradient, how to edit."""
    value, grad = snap.value(name), snap.gradient_of(name)
    return _tr("{name}: {link}\nvalue = {value:.4g}\n\u2202L/\u2202{name} = {grad:.4g}\n"
               "Click to select, double-click to change.").format(
        name=name, link=net.describe(name), value=value, grad=grad)


def node_tooltip(name: str, snap: Snapshot) -> str:
    """Node ``name`` (I1, H2, O1, B1): what it is, with the data's column name if it has one."""
    if name in ("B1", "B2"):
        return (_tr("B1: bias node, always 1; its edges are the hidden units' biases")
                if name == "B1" else
                _tr("B2: bias node, always 1; its edges are the outputs' biases"))
    i = int(name[1:]) - 1
    names = {"I": snap.feature_names, "O": snap.target_names}.get(name[0], ())
    text = {"I": _tr("{name}: input {n}"),
            "H": _tr("{name}: hidden unit {n}, activation {act}"),
            "O": _tr("{name}: output {n}, activation {out}")}[name[0]].format(
        name=name, n=i + 1, act=snap.hidden_activation, out=snap.output_activation)
    return text + (f" (\u201c{names[i]}\u201d)" if i < len(names) else "")
