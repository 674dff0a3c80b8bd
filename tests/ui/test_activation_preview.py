"""ActivationPreview: the formula, the curve over [−5, 5], the lecture's example and f′."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from nnsim.core.activations import ACTIVATIONS, HIDDEN_ACTIVATIONS
from nnsim.ui.activation_preview import ActivationPreview, example_label


@pytest.fixture
def preview(qtbot) -> ActivationPreview:
    widget = ActivationPreview()
    qtbot.addWidget(widget)
    widget.resize(320, 260)
    widget.show()
    return widget


def xy(item) -> tuple[np.ndarray, np.ndarray]:
    x, y = item.getData()
    return (np.empty(0), np.empty(0)) if x is None else (np.asarray(x), np.asarray(y))


def test_object_names(preview: ActivationPreview) -> None:
    assert preview.objectName() == "activationPreview"
    assert preview.plot.objectName() == "activationPlot"
    assert preview.formula_label.objectName() == "activationFormula"
    assert preview.derivative_check.objectName() == "showDerivativeCheck"


def test_sigmoid_shows_the_lecture_example(preview: ActivationPreview) -> None:
    preview.set_activation("sigmoid")
    x, y = xy(preview.example_marker)
    assert (x[0], y[0]) == (0.0, 0.5)
    assert preview.example_text.toPlainText() == "σ(0) = 0.5"
    assert preview.example_text.isVisible()
    assert (preview.example_text.pos().x(), preview.example_text.pos().y()) == (0.0, 0.5)


def test_relu_shows_the_lecture_example(preview: ActivationPreview) -> None:
    preview.set_activation("relu")
    x, y = xy(preview.example_marker)
    assert (x[0], y[0]) == (2.0, 2.0)
    assert preview.example_text.toPlainText() == "ReLU(2) = 2"


def test_example_labels() -> None:
    assert example_label("sigmoid") == "σ(0) = 0.5"
    assert example_label("relu") == "ReLU(2) = 2"
    assert example_label("linear") == ""


@pytest.mark.parametrize("name", HIDDEN_ACTIVATIONS)
def test_curve_and_formula_come_from_the_registry(preview: ActivationPreview, name: str) -> None:
    preview.set_activation(name)
    act = ACTIVATIONS[name]
    x, y = xy(preview.curve)
    assert x[0] == -5.0 and x[-1] == 5.0
    np.testing.assert_allclose(y, act(x))
    assert preview.formula_label.text().splitlines()[0] == act.formula
    assert preview.activation() == name


def test_no_example_no_marker(preview: ActivationPreview) -> None:
    preview.set_activation("sigmoid")
    preview.set_activation("linear")
    assert xy(preview.example_marker)[0].size == 0
    assert not preview.example_text.isVisible()


def test_softmax_shows_one_output_and_no_derivative(preview: ActivationPreview) -> None:
    preview.set_activation("softmax")
    x, y = xy(preview.curve)
    np.testing.assert_allclose(y, ACTIVATIONS["sigmoid"](x))  # softmax(x, 0)₁ = σ(x)
    assert preview.formula_label.text().startswith(ACTIVATIONS["softmax"].formula)
    assert not preview.derivative_check.isEnabled()
    preview.set_show_derivative(True)
    assert not preview.derivative_curve.isVisible()


def test_derivative_toggles_a_dashed_curve(preview: ActivationPreview) -> None:
    preview.set_activation("sigmoid")
    assert not preview.derivative_curve.isVisible()
    preview.set_show_derivative(True)
    assert preview.show_derivative()
    assert preview.derivative_check.isChecked()
    assert preview.derivative_curve.isVisible()
    x, y = xy(preview.derivative_curve)
    np.testing.assert_allclose(y, ACTIVATIONS["sigmoid"].grad(x))
    assert preview.derivative_curve.opts["pen"].style() == Qt.PenStyle.DashLine
    assert ACTIVATIONS["sigmoid"].derivative_formula in preview.formula_label.text()

    preview.set_activation("relu")  # follows the activation while shown
    x, y = xy(preview.derivative_curve)
    np.testing.assert_allclose(y, ACTIVATIONS["relu"].grad(x))

    preview.set_show_derivative(False)
    assert not preview.derivative_curve.isVisible()
    assert not preview.derivative_check.isChecked()
    assert ACTIVATIONS["relu"].derivative_formula not in preview.formula_label.text()


def test_checkbox_toggles_the_derivative(qtbot, preview: ActivationPreview) -> None:
    preview.set_activation("tanh")
    with qtbot.waitSignal(preview.derivative_toggled, timeout=1000) as blocker:
        qtbot.mouseClick(preview.derivative_check, Qt.MouseButton.LeftButton)
    assert blocker.args == [True]
    assert preview.show_derivative() and preview.derivative_curve.isVisible()
    with qtbot.waitSignal(preview.derivative_toggled, timeout=1000) as blocker:
        qtbot.mouseClick(preview.derivative_check, Qt.MouseButton.LeftButton)
    assert blocker.args == [False]
    assert not preview.show_derivative() and not preview.derivative_curve.isVisible()


def test_derivative_toggled_once_per_change(qtbot, preview: ActivationPreview) -> None:
    preview.set_activation("sigmoid")
    seen: list[bool] = []
    preview.derivative_toggled.connect(seen.append)
    preview.set_show_derivative(True)
    preview.set_show_derivative(True)
    preview.set_show_derivative(False)
    assert seen == [True, False]


def test_unknown_activation_is_refused(preview: ActivationPreview) -> None:
    with pytest.raises(ValueError, match="unknown activation"):
        preview.set_activation("swish")
