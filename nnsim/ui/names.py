"""The registries' names in the user's language: activations, losses and built-in datasets.

The core's registries hold English names for logs and files. Here each one is marked for Qt's
translation tools (``QT_TRANSLATE_NOOP``, found by pyside6-lupdate) under the context
``Registry``, and translated when shown; the datasets' names are marked in the core itself
(context ``BuiltinDatasets``). ``tests/ui/test_german.py`` checks that every registry entry is
marked here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from nnsim.core.activations import ACTIVATIONS
from nnsim.core.datasets import BUILTIN_DATASETS
from nnsim.core.datasets import TRANSLATION_CONTEXT as DATASETS_CONTEXT
from nnsim.core.losses import LOSSES

CONTEXT = "Registry"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


# English display name -> the same, marked for extraction (the keys must match the registries).
MARKED = {
    # activations
    "Sigmoid": QT_TRANSLATE_NOOP("Registry", "Sigmoid"),
    "ReLU": QT_TRANSLATE_NOOP("Registry", "ReLU"),
    "Tanh": QT_TRANSLATE_NOOP("Registry", "Tanh"),
    "Linear": QT_TRANSLATE_NOOP("Registry", "Linear"),
    "Leaky ReLU": QT_TRANSLATE_NOOP("Registry", "Leaky ReLU"),
    "Softmax": QT_TRANSLATE_NOOP("Registry", "Softmax"),
    # losses
    "Mean squared error (MSE)": QT_TRANSLATE_NOOP("Registry", "Mean squared error (MSE)"),
    "Mean absolute error (MAE)": QT_TRANSLATE_NOOP("Registry", "Mean absolute error (MAE)"),
    "Cross-entropy (binary)": QT_TRANSLATE_NOOP("Registry", "Cross-entropy (binary)"),
    "Categorical cross-entropy": QT_TRANSLATE_NOOP("Registry", "Categorical cross-entropy"),
}


# Formulas with words in them (the others are mathematics in every language), under the context
# "Formulas"; formula() passes any other formula through unchanged.
WORDED_FORMULAS = {
    "ReLU′(x) = 1 if x > 0 else 0": QT_TRANSLATE_NOOP("Formulas", "ReLU′(x) = 1 if x > 0 else 0"),
    "f(x) = x if x > 0 else 0.01·x": QT_TRANSLATE_NOOP("Formulas", "f(x) = x if x > 0 else 0.01·x"),
    "f′(x) = 1 if x > 0 else 0.01": QT_TRANSLATE_NOOP("Formulas", "f′(x) = 1 if x > 0 else 0.01"),
    "(0, 1), sums to 1": QT_TRANSLATE_NOOP("Formulas", "(0, 1), sums to 1"),
    "∂CE/∂z = 1/n (ŷ − y)  (with ŷ = σ(z))": QT_TRANSLATE_NOOP(
        "Formulas", "∂CE/∂z = 1/n (ŷ − y)  (with ŷ = σ(z))"),
    "∂CCE/∂zₖ = 1/N (ŷₖ − yₖ)  (with ŷ = softmax(z))": QT_TRANSLATE_NOOP(
        "Formulas", "∂CCE/∂zₖ = 1/N (ŷₖ − yₖ)  (with ŷ = softmax(z))"),
}


def formula(text: str) -> str:
    """A registry's formula (or value range) as the user reads it."""
    return QCoreApplication.translate("Formulas", text) if text in WORDED_FORMULAS else text


def activation_name(name: str) -> str:
    """The activation ``name`` (a registry key such as "relu") as the user reads it."""
    entry = ACTIVATIONS.get(name)
    return QCoreApplication.translate(CONTEXT, entry.display_name) if entry else name


def loss_name(name: str) -> str:
    """The loss ``name`` (a registry key such as "mse") as the user reads it."""
    entry = LOSSES.get(name)
    return QCoreApplication.translate(CONTEXT, entry.display_name) if entry else name


def dataset_name(name: str) -> str:
    """The built-in dataset ``name`` (a registry key) as the user reads it."""
    entry = BUILTIN_DATASETS.get(name)
    return QCoreApplication.translate(DATASETS_CONTEXT, entry.display_name) if entry else name


def dataset_description(name: str) -> str:
    entry = BUILTIN_DATASETS.get(name)
    return QCoreApplication.translate(DATASETS_CONTEXT, entry.description) if entry else ""
