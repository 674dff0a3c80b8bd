"""Datasets: the `Dataset` container and the built-in example sets.

Every built-in set has three features and two outputs, so the lecture's 3-3-2 network fits it
without changing a layer. Each generator is fully determined by its seed: a student who writes
down "vowels, seed 3" can get the very same points back next week.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

Array = NDArray[np.float64]

REGRESSION = "regression"
CLASSIFICATION = "classification"
TASKS = (REGRESSION, CLASSIFICATION)

# Context under which the UI translates the registry's display names and descriptions with
# QCoreApplication.translate(TRANSLATION_CONTEXT, text); the core itself stays free of Qt.
TRANSLATION_CONTEXT = "BuiltinDatasets"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for translation without translating it (pyside6-lupdate finds the call)."""
    return text


@dataclass(frozen=True, eq=False, repr=False)
class Dataset:
    """Samples with their targets, ready for a network.

    Parameters
    ----------
    X : (n, d) features, converted to float64.
    Y : (n, k) targets, converted to float64. A 1-D ``Y`` is read as one regression target.
        For classification ``Y`` is one-hot: one output (column) per class.
    task : ``"regression"`` or ``"classification"``.
    feature_names : d names; default ``"x1"``, ``"x2"``, ...
    target_names : k names (the class names for classification); default ``"y1"``, ...
    name : a short name for titles, e.g. the CSV file's stem.

    Notes
    -----
    The arrays are private copies and read-only, so a dataset can be handed to the training
    thread and the plots at once without anyone changing it under the other's feet.
    """

    X: Array
    Y: Array
    task: str
    # Normalised to tuples by __post_init__; empty means the default names.
    feature_names: Sequence[str] = ()
    target_names: Sequence[str] = ()
    name: str = ""

    def __post_init__(self) -> None:
        if self.task not in TASKS:
            raise ValueError(f"task must be 'regression' or 'classification', got {self.task!r}")
        X = np.array(self.X, dtype=np.float64)
        Y = np.array(self.Y, dtype=np.float64)
        if Y.ndim == 1 and self.task == REGRESSION:
            Y = Y.reshape(-1, 1)
        if X.ndim != 2 or X.shape[1] < 1:
            raise ValueError(f"X must be a 2-D array (samples × features), got shape {X.shape}")
        if Y.ndim != 2 or Y.shape[1] < 1:
            raise ValueError(f"Y must be a 2-D array (samples × outputs), got shape {Y.shape}")
        if X.shape[0] != Y.shape[0]:
            raise ValueError(f"X has {X.shape[0]} samples but Y has {Y.shape[0]}")
        if not (np.all(np.isfinite(X)) and np.all(np.isfinite(Y))):
            raise ValueError("X and Y must not contain NaN or infinite values")
        if self.task == CLASSIFICATION:
            if Y.shape[1] < 2:
                raise ValueError("classification needs one output per class and at least 2 classes")
            if not (np.all((Y == 0.0) | (Y == 1.0)) and np.all(Y.sum(axis=1) == 1.0)):
                raise ValueError("classification targets must be one-hot: "
                                 "exactly one 1 per row, 0 elsewhere")
        feature_names = _names(self.feature_names, X.shape[1], "x", "feature_names")
        target_names = _names(self.target_names, Y.shape[1], "y", "target_names")
        X.setflags(write=False)
        Y.setflags(write=False)
        # Frozen dataclass: validated, normalised values are stored once, here.
        object.__setattr__(self, "X", X)
        object.__setattr__(self, "Y", Y)
        object.__setattr__(self, "feature_names", feature_names)
        object.__setattr__(self, "target_names", target_names)
        object.__setattr__(self, "name", str(self.name))

    @property
    def n_samples(self) -> int:
        """Number of samples (rows)."""
        return int(self.X.shape[0])

    @property
    def n_features(self) -> int:
        """Number of features, i.e. input units the network needs."""
        return int(self.X.shape[1])

    @property
    def n_outputs(self) -> int:
        """Number of targets (regression) or classes (classification): the output units."""
        return int(self.Y.shape[1])

    @property
    def labels(self) -> NDArray[np.int64]:
        """Class index of every sample (the position of the 1 in its one-hot row).

        Raises
        ------
        ValueError
            For a regression dataset, which has no classes.
        """
        if self.task != CLASSIFICATION:
            raise ValueError("a regression dataset has no class labels")
        return np.argmax(self.Y, axis=1).astype(np.int64)

    def subset(self, indices: ArrayLike) -> Dataset:
        """The rows at ``indices`` (integers or a boolean mask), with the same names and task."""
        idx = np.asarray(indices)
        if idx.dtype != bool:
            idx = idx.astype(np.intp, copy=False)
        return dataclasses.replace(self, X=self.X[idx], Y=self.Y[idx])

    def __repr__(self) -> str:
        # The default dataclass repr would print the arrays, which is useless for 200,000 rows.
        return (f"Dataset(name={self.name!r}, task={self.task!r}, n_samples={self.n_samples}, "
                f"feature_names={self.feature_names!r}, target_names={self.target_names!r})")


def _names(names: Sequence[str] | None, count: int, prefix: str, what: str) -> tuple[str, ...]:
    if names is None or (len(names) == 0 and count > 0 and not isinstance(names, str)):
        return tuple(f"{prefix}{i}" for i in range(1, count + 1))
    if isinstance(names, str):
        raise ValueError(f"{what} must be a list of names, not one string")
    result = tuple(str(n) for n in names)
    if len(result) != count:
        raise ValueError(f"{what} has {len(result)} names for {count} columns")
    return result


def _check_args(n_samples: int, noise: float, minimum: int = 1) -> None:
    if int(n_samples) != n_samples or n_samples < minimum:
        raise ValueError(f"n_samples must be a whole number of at least {minimum}, got {n_samples}")
    if not np.isfinite(noise) or noise < 0:
        raise ValueError(f"noise must be a finite number >= 0, got {noise}")


def _balanced_labels(n: int, k: int, rng: np.random.Generator) -> NDArray[np.int64]:
    # Equal class sizes (up to one sample) in random order: the accuracy of "always guess the
    # same class" is then 1/k, the chance level students compare against.
    labels = np.arange(n) % k
    rng.shuffle(labels)
    return labels


def make_xor(n_samples: int = 400, noise: float = 0.35, seed: int = 0) -> Dataset:
    """XOR in 3-D: the class is whether x1 and x2 have opposite signs; x3 is a distractor.

    Points scatter around the four corners (±1, ±1) of the x1–x2 plane with standard deviation
    ``noise``; x3 is standard normal noise that carries no information. The best straight cut
    reaches about 75 % (it separates one corner from the other three), but a linear model trained
    by gradient descent stays near chance: the classes are symmetric about the origin, so the
    loss is lowest with the weights near zero. A 3-3-2 network with sigmoid hidden units learns
    it: two hidden units suffice for XOR and the third has room to spare.

    Parameters
    ----------
    n_samples : number of points, split evenly between the two classes.
    noise : standard deviation of the points around their corner (the corners are 2 apart).
    seed : random seed; the same seed gives the same points.
    """
    _check_args(n_samples, noise)
    rng = np.random.default_rng(seed)
    labels = _balanced_labels(n_samples, 2, rng)
    # Class 0 lives on the corners where x1·x2 > 0, class 1 where x1·x2 < 0.
    sign1 = rng.choice([-1.0, 1.0], size=n_samples)
    sign2 = np.where(labels == 0, sign1, -sign1)
    X = np.empty((n_samples, 3))
    X[:, 0] = sign1 + noise * rng.standard_normal(n_samples)
    X[:, 1] = sign2 + noise * rng.standard_normal(n_samples)
    X[:, 2] = rng.standard_normal(n_samples)
    return Dataset(X, np.eye(2)[labels], CLASSIFICATION, feature_names=("x1", "x2", "x3"),
                   target_names=("x1·x2 > 0", "x1·x2 < 0"), name="xor")


def make_regression(n_samples: int = 300, noise: float = 0.05, seed: int = 0) -> Dataset:
    """Two smooth targets of three inputs: y1 = sin(x1) + 0.5·x2, y2 = tanh(2·x3) + 0.5·sin(x1).

    The inputs are uniform on [−2, 2]. Both targets stay within about ±2, so the mean squared
    error starts near 1 and training is stable without scaling the targets. y1 and y2 share the
    sin(x1) part, so one hidden unit can serve both outputs; tanh(2·x3) is a squashed step a
    straight line fits poorly but one sigmoid unit fits almost exactly.

    Parameters
    ----------
    n_samples : number of points.
    noise : standard deviation of the Gaussian noise added to each target.
    seed : random seed; the same seed gives the same points.
    """
    _check_args(n_samples, noise)
    rng = np.random.default_rng(seed)
    X = rng.uniform(-2.0, 2.0, size=(n_samples, 3))
    wave = np.sin(X[:, 0])
    Y = np.column_stack([wave + 0.5 * X[:, 1], np.tanh(2.0 * X[:, 2]) + 0.5 * wave])
    Y += noise * rng.standard_normal(Y.shape)
    return Dataset(X, Y, REGRESSION, feature_names=("x1", "x2", "x3"),
                   target_names=("y1", "y2"), name="regression")


# Mean formant frequencies (Hz) of American English men, Peterson, G. E. & Barney, H. L. (1952),
# "Control methods used in a study of the vowels", J. Acoust. Soc. Am. 24(2), 175-184, Table II:
#   /ɪ/ "hid":  F1 390, F2 1990, F3 2550
#   /ɛ/ "head": F1 530, F2 1840, F3 2480
VOWEL_FORMANTS_HZ = np.array([[390.0, 1990.0, 2550.0],
                              [530.0, 1840.0, 2480.0]])
VOWEL_NAMES = ("/ɪ/ (hid)", "/ɛ/ (head)")
FORMANT_NAMES = ("F1 (Hz)", "F2 (Hz)", "F3 (Hz)")
# Spread at noise = 1: a speaker's vocal-tract length shifts all three formants together (about 5 %
# between men), and each token varies on its own (about 8 %); together about 10 % of the mean,
# close to the spread among Peterson & Barney's male speakers.
_SPEAKER_SPREAD = 0.05
_TOKEN_SPREAD = 0.08


def make_vowels(n_samples: int = 400, noise: float = 1.0, seed: int = 0) -> Dataset:
    """Formants F1, F2, F3 of the vowels /ɪ/ ("hid") and /ɛ/ ("head") as spoken by men.

    Samples scatter around Peterson & Barney's (1952) mean values for men (see
    ``VOWEL_FORMANTS_HZ``), rounded to whole hertz like measured values. F1 separates the two
    vowels best (/ɛ/ is the more open vowel, so its F1 is higher); F2 helps a little; F3 hardly.

    Parameters
    ----------
    n_samples : number of vowel tokens, split evenly between the two vowels.
    noise : scales the spread; 1 is realistic (about 10 % of each mean), 0 puts every token of a
        vowel on its mean, 2 makes the vowels overlap much more.
    seed : random seed; the same seed gives the same tokens.
    """
    _check_args(n_samples, noise)
    rng = np.random.default_rng(seed)
    labels = _balanced_labels(n_samples, 2, rng)
    # The shared speaker factor correlates the formants within a token, as in real speech.
    speaker = 1.0 + noise * _SPEAKER_SPREAD * rng.standard_normal((n_samples, 1))
    token = 1.0 + noise * _TOKEN_SPREAD * rng.standard_normal((n_samples, 3))
    # A formant is a positive frequency; the floor matters only for absurdly large noise.
    X = np.maximum(np.round(VOWEL_FORMANTS_HZ[labels] * speaker * token), 1.0)
    return Dataset(X, np.eye(2)[labels], CLASSIFICATION, feature_names=FORMANT_NAMES,
                   target_names=VOWEL_NAMES, name="vowels")


@dataclass(frozen=True)
class BuiltinDataset:
    """One entry of the dataset menu.

    Attributes
    ----------
    id : short stable identifier, used in settings and on the command line.
    display_name : menu text (translate with ``TRANSLATION_CONTEXT``).
    description : one sentence for the tooltip (translate with ``TRANSLATION_CONTEXT``).
    task : ``"regression"`` or ``"classification"``.
    generator : ``generator(n_samples, noise, seed) -> Dataset``.
    default_n_samples, default_noise : what the menu uses unless the user changes them.
    """

    id: str
    display_name: str
    description: str
    task: str
    generator: Callable[[int, float, int], Dataset]
    default_n_samples: int
    default_noise: float

    def make(self, n_samples: int | None = None, noise: float | None = None,
             seed: int = 0) -> Dataset:
        """Generate the dataset, using the defaults for arguments left as ``None``."""
        return self.generator(self.default_n_samples if n_samples is None else n_samples,
                              self.default_noise if noise is None else noise, seed)


BUILTIN_DATASETS: dict[str, BuiltinDataset] = {
    entry.id: entry
    for entry in (
        BuiltinDataset(
            id="vowels",
            display_name=QT_TRANSLATE_NOOP("BuiltinDatasets", "Vowels /ɪ/ vs /ɛ/"),
            description=QT_TRANSLATE_NOOP(
                "BuiltinDatasets",
                "Tell the vowels of “hid” and “head” apart from their formants F1, F2 and F3, "
                "sampled around Peterson & Barney’s (1952) averages for men."),
            task=CLASSIFICATION, generator=make_vowels, default_n_samples=400, default_noise=1.0),
        BuiltinDataset(
            id="xor",
            display_name=QT_TRANSLATE_NOOP("BuiltinDatasets", "XOR (3-D)"),
            description=QT_TRANSLATE_NOOP(
                "BuiltinDatasets",
                "Is the sign of x1 different from the sign of x2? No straight cut can tell, "
                "a hidden layer can; x3 is pure noise."),
            task=CLASSIFICATION, generator=make_xor, default_n_samples=400, default_noise=0.35),
        BuiltinDataset(
            id="regression",
            display_name=QT_TRANSLATE_NOOP("BuiltinDatasets", "Smooth curves (regression)"),
            description=QT_TRANSLATE_NOOP(
                "BuiltinDatasets",
                "Predict two numbers, y1 = sin(x1) + 0.5·x2 and y2 = tanh(2·x3) + 0.5·sin(x1), "
                "from three inputs."),
            task=REGRESSION, generator=make_regression, default_n_samples=300,
            default_noise=0.05),
    )
}

# The vowels learn most visibly in one click. Measured with nnsim's own 3-3-2 network (sigmoid
# hidden units, Glorot initial weights), split() with standardised features, full-batch gradient
# descent at learning rate 0.5 and 1, 8 seeds each: training accuracy passed 85 % after 2-135
# epochs (dev accuracy 88-98 %) with softmax + cross-entropy, sigmoid + MSE and linear + MSE
# alike. XOR first sits on a plateau (80-870 epochs with softmax + cross-entropy; with sigmoid +
# MSE some seeds had not left it after 3,000), which is worth showing second, not first. And
# formants are on topic for a linguistics course.
DEFAULT_DATASET = "vowels"


def make_builtin(id: str, n_samples: int | None = None, noise: float | None = None,
                 seed: int = 0) -> Dataset:
    """Generate the built-in dataset ``id`` (a key of ``BUILTIN_DATASETS``).

    Parameters
    ----------
    id : e.g. ``"vowels"``, ``"xor"``, ``"regression"``.
    n_samples, noise : ``None`` uses the entry's defaults.
    seed : random seed; the same seed gives the same data.

    Raises
    ------
    ValueError
        For an unknown ``id``, or invalid ``n_samples``/``noise``.
    """
    try:
        entry = BUILTIN_DATASETS[id]
    except KeyError:
        known = ", ".join(BUILTIN_DATASETS)
        raise ValueError(f"unknown built-in dataset {id!r}; choose one of: {known}") from None
    return entry.make(n_samples, noise, seed)
