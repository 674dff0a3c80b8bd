"""Ready-made demos: one start state per claim of the lecture, as plain data.

A :class:`Demo` is settings + data + commands, so the window can open it, a lesson file can store
it and a test can check, headless, that the claim it illustrates really holds for the numbers
the session computes (``tests/core/test_demos.py``). The numbers below (learning rates, seeds,
views, the hand-made data) were chosen by measuring nnsim's own network and trainer; the tests
measure them again, so a change to the engine that breaks a demo fails there, not in the lecture.

Titles, captions and "Try this" lines are marked with ``QT_TRANSLATE_NOOP("Demos", …)``; the window
translates them with ``QCoreApplication.translate("Demos", text)``. Numbers in the texts (learning
rates, weight names) must match the constants below; the tests compare them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from nnsim.core.commands import Command
from nnsim.core.datasets import QT_TRANSLATE_NOOP, REGRESSION, Dataset
from nnsim.core.session import Session
from nnsim.core.settings import FILE_DATASET, Settings

__all__ = ["DEMOS", "Demo", "TRANSLATION_CONTEXT", "loss_comparison", "lopsided_v",
           "STEP_RATE", "HIGH_RATE", "SETTLING_RATE", "LOW_RATE", "DEFAULT_RATE",
           "VALLEY_RATE", "ESCAPE_RATE"]

TRANSLATION_CONTEXT = "Demos"

# The learning-rate trio (gradient-step, lr-too-high, lr-too-low) shares one picture: weight v32
# of the regression data at weight seed 0, all other weights frozen. With MSE and a linear output
# the loss along an output weight is an exact parabola, here with curvature L'' = 0.320, so a step
# multiplies the distance to the minimum by (1 − η·L''); the stability limit is η = 2/L'' = 6.24.
TRIO_WEIGHT = "v32"
STEP_RATE = 1.5  # η·L'' = 0.48: each step about halves the distance, so after one Step the
# current point, the new point and the minimum are evenly apart (14 % of the view each)
HIGH_RATE = 7.0  # η·L'' = 2.24: each jump lands 1.24 times as far on the other side
SETTLING_RATE = 6.0  # η·L'' = 1.92: still zig-zags, but inwards (the "Try this" of lr-too-high)
LOW_RATE = 0.0005  # η·L'' = 0.00016: 100 epochs lower the loss by about 1 %
DEFAULT_RATE = Settings().learning_rate  # 0.5: the same 100 epochs reach the minimum
# Fixed views, so the picture does not jump while the point moves; both show start and minimum.
TRIO_RANGE = (-2.5, 1.0)
HIGH_RANGE = (-9.0, 6.0)  # wide enough for the first six jumps

# local-minimum: one ReLU unit on a lopsided V (see lopsided_v). Measured on its training rows:
# valleys at w11 = −1.57 (loss 0.154) and w11 = +0.46 (loss 0.969), the hill between at w11 = 0.
# From the seed's w11 = 1.49 every η up to 0.9 settles in the right, shallower valley; η from 1.0
# to 2.5 jumps over the hill in the first step and settles in the left, deeper one. Weight seed 5
# is chosen, not hand edits, because its v11 = 1.07 is positive (so the unit can reach both
# arms, whose y are positive) and its w11 lies beyond the shallow valley; and because a hand edit
# at epoch 0 would not move the run's "Initial weight + loss" point, which Reset also restores.
VALLEY_RATE = 0.1  # settles in about 30 epochs: a few seconds at 5 epochs/s
ESCAPE_RATE = 1.5  # the first step lands at w11 = −0.82, well past the hill
VALLEY_RANGE = (-2.5, 2.0)


def lopsided_v() -> Dataset:
    """Fourteen points on a lopsided V: y = |x| for x < 0 (steep), y = 0.3·x for x > 0 (gentle).

    One ReLU unit, v·max(0, w·x), bends only once, at x = 0: with w > 0 it can follow the right
    arm, with w < 0 the left arm, never both. So the loss along w has two valleys; the left arm
    holds more of the error (its points are higher), and fitting it gives the deeper valley.

    No point lies between −0.25 and 1 on purpose: the split standardises x with the training rows'
    mean (−0.03 with the default split), which moves the bend off 0 a little; the gap keeps every
    point on its own arm as long as that mean stays between −0.25 and 1.
    """
    left = np.linspace(-2.0, -0.25, 8)
    right = np.linspace(1.0, 3.0, 6)
    X = np.concatenate([left, right])[:, None]
    Y = np.concatenate([-left, 0.3 * right])
    return Dataset(X, Y, REGRESSION, feature_names=("x",), target_names=("y",),
                   name="Lopsided V")


def loss_comparison(session: Session) -> list[tuple[str, float]]:
    """The current predictions scored by every loss that fits them (see
    :meth:`Session.loss_scores`; every snapshot carries them as ``loss_scores``)."""
    return session.loss_scores()


@dataclass(frozen=True)
class Demo:
    """One lecture claim, ready to show.

    Attributes
    ----------
    id : stable key (also for lesson files and the command line).
    title : short heading (translate with ``TRANSLATION_CONTEXT``).
    caption : two or three sentences tying the picture to the slide (translate likewise).
    try_this : one line: what to click next (translate likewise).
    settings : every choice, including the selected parameter, train-selected-only, a fixed
        landscape range and the speed.
    data : the rows to train on, or None for the built-in recipe named in ``settings``.
    commands : applied in order after building (e.g. hand edits); plain data like the rest.
    """

    id: str
    title: str
    caption: str
    try_this: str
    settings: Settings
    data: Dataset | None = None
    commands: tuple[Command, ...] = ()

    def build(self) -> Session:
        """A new session in the demo's start state (the same weights every time)."""
        session = Session(self.settings, self.data)
        for command in self.commands:
            session.apply(command)
        return session


_REGRESSION = Settings(dataset="regression", output_activation="linear", loss="mse")
_TRIO = replace(_REGRESSION, selected=TRIO_WEIGHT, train_selected_only=True, weight_seed=0)

_DEMOS = (
    Demo(
        id="activations",
        title=QT_TRANSLATE_NOOP("Demos", "Activation functions: sigmoid and ReLU"),
        caption=QT_TRANSLATE_NOOP(
            "Demos",
            "The small plot under the controls is the activation function of the hidden units. "
            "The sigmoid squeezes any input into the range between 0 and 1 and gives exactly "
            "0.5 for an input of 0. ReLU lets positive inputs through unchanged, so 2 stays 2, "
            "and turns every negative input into 0."),
        try_this=QT_TRANSLATE_NOOP(
            "Demos", "Switch the hidden activation to ReLU and watch the preview change shape."),
        settings=Settings(hidden_activation="sigmoid", speed=100.0)),
    Demo(
        id="losses",
        title=QT_TRANSLATE_NOOP("Demos", "Loss functions: one set of predictions, several scores"),
        caption=QT_TRANSLATE_NOOP(
            "Demos",
            "A loss function turns all of the network's misses into one number. The same "
            "predictions get two scores here: the mean squared error (MSE) squares each miss, "
            "so big misses count heavily, while the mean absolute error (MAE) counts each miss "
            "by its plain size. Training lowers whichever one you choose as the loss."),
        try_this=QT_TRANSLATE_NOOP(
            "Demos", "Switch the data to the vowels: their class predictions are scored with "
                     "cross-entropy, next to MSE and MAE."),
        settings=replace(_REGRESSION, speed=100.0)),
    Demo(
        id="gradient-step",
        title=QT_TRANSLATE_NOOP("Demos", "One step of gradient descent"),
        caption=QT_TRANSLATE_NOOP(
            "Demos",
            "The curve is the training loss as the single weight v32 changes; every other "
            "weight stays fixed. The slope at the current point shows which way the loss "
            "rises, so gradient descent moves the weight the other way, by the learning rate "
            "(here 1.5) times the slope. Each Step lands lower on the curve, closer to its "
            "minimum."),
        try_this=QT_TRANSLATE_NOOP(
            "Demos", "Press Step a few times: the steps get shorter as the curve flattens "
                     "towards the minimum."),
        settings=replace(_TRIO, learning_rate=STEP_RATE, landscape_range=TRIO_RANGE,
                          speed=2.0)),
    Demo(
        id="lr-too-high",
        title=QT_TRANSLATE_NOOP("Demos", "Learning rate too high: overshooting"),
        caption=QT_TRANSLATE_NOOP(
            "Demos",
            "Same weight, same curve, but now the learning rate is 7. Every step is so long "
            "that it jumps over the minimum and lands higher up on the other side; the weight "
            "zig-zags outwards, the loss grows, and after a few epochs the run is stopped as "
            "diverged."),
        try_this=QT_TRANSLATE_NOOP(
            "Demos", "Press Reset, set the learning rate to 6 and train again: it still "
                     "zig-zags, but each jump is shorter and the run settles."),
        settings=replace(_TRIO, learning_rate=HIGH_RATE, landscape_range=HIGH_RANGE,
                          speed=2.0)),
    Demo(
        id="lr-too-low",
        title=QT_TRANSLATE_NOOP("Demos", "Learning rate too low: crawling"),
        caption=QT_TRANSLATE_NOOP(
            "Demos",
            "Same weight and curve again, with a learning rate of 0.0005. Every step is tiny: "
            "after 100 epochs the point has hardly moved and the loss curve is almost flat, "
            "although the minimum is still far away."),
        try_this=QT_TRANSLATE_NOOP(
            "Demos", "Set the learning rate to 0.5, press Reset and train again: within about "
                     "100 epochs the point reaches the minimum."),
        settings=replace(_TRIO, learning_rate=LOW_RATE, landscape_range=TRIO_RANGE,
                          speed=10.0)),
    Demo(
        id="local-minimum",
        title=QT_TRANSLATE_NOOP("Demos", "Stuck in a local minimum"),
        caption=QT_TRANSLATE_NOOP(
            "Demos",
            "The data form a lopsided V, and a single ReLU unit can follow only one arm of it: "
            "the gentle right arm when the weight w11 is positive, the steep left arm when it "
            "is negative. So the loss along w11 has two valleys, and the left one is much "
            "deeper. With the small learning rate 0.1 the weight rolls into the nearer, "
            "shallower valley and stays there."),
        try_this=QT_TRANSLATE_NOOP(
            "Demos", "Press Reset, set the learning rate to 1.5 and train again: the first step "
                     "jumps over the hill into the deeper valley."),
        settings=Settings(dataset=FILE_DATASET, data_source="Lopsided V", hidden_units=1,
                          hidden_activation="relu", output_activation="linear", loss="mse",
                          learning_rate=VALLEY_RATE, weight_seed=5, selected="w11",
                          train_selected_only=True, landscape_range=VALLEY_RANGE, speed=5.0),
        data=lopsided_v()),
    Demo(
        id="network",
        title=QT_TRANSLATE_NOOP("Demos", "The 3-3-2 network and its parameters"),
        caption=QT_TRANSLATE_NOOP(
            "Demos",
            "This is the network of the slide: three inputs (here the formants F1, F2 and F3 "
            "of a vowel), three hidden units and two outputs (the vowels of “hid” and “head”). "
            "Every connection has a weight, w11 to w33 into the hidden layer and v11 to v32 "
            "into the outputs, and every hidden and output unit has a bias, b1 to b5: 20 "
            "numbers that training adjusts."),
        try_this=QT_TRANSLATE_NOOP(
            "Demos", "Click a weight to see its loss curve, or type a new value for it and "
                     "watch the loss change."),
        settings=Settings(speed=100.0)),
    Demo(
        id="overfitting",
        title=QT_TRANSLATE_NOOP("Demos", "Overfitting: the dev loss turns around"),
        caption=QT_TRANSLATE_NOOP(
            "Demos",
            "Only 20 noisy training rows, but 9 hidden units with 56 weights and biases: enough "
            "to learn the noise by heart. The training loss keeps falling, while the "
            "development loss reaches its lowest point early and then climbs, because from "
            "there on the network fits the noise instead of the pattern."),
        try_this=QT_TRANSLATE_NOOP(
            "Demos", "Raise Samples to 400 and train again: with ten times as many training "
                     "rows the dev loss stays near its lowest value."),
        settings=replace(_REGRESSION, n_samples=40, noise=0.5, ratios=(0.5, 0.25, 0.25),
                          hidden_units=9, learning_rate=0.5, speed=100.0)),
    Demo(
        id="dev-and-test",
        title=QT_TRANSLATE_NOOP("Demos", "Training, development and test data"),
        caption=QT_TRANSLATE_NOOP(
            "Demos",
            "The rows are split at random: 70 % for training, 15 % for development and 15 % "
            "for testing. Gradient descent learns from the training rows only; the dev loss "
            "next to it is what you compare when you choose a learning rate or the number of "
            "hidden units. The test rows stay sealed until the very end, for one honest score."),
        try_this=QT_TRANSLATE_NOOP(
            "Demos", "Train until the dev loss stops improving, then choose “Evaluate on test "
                     "set” once."),
        settings=Settings(ratios=(0.7, 0.15, 0.15), speed=100.0)),
)

DEMOS: dict[str, Demo] = {demo.id: demo for demo in _DEMOS}
