"""A session's run state (weights, epoch, shuffling, history, best epoch) to and from JSON.

The settings and the data rebuild a session at epoch 0; this module carries what a run adds to
that: the current and initial weights, the epoch, the mini-batch shuffling generator's state (so
the next epoch draws the same batches), the divergence check's counts, the best epoch for early
stopping, the bounded history, the landscape's trail and the test result.

It reads and writes private attributes of the trainer, its history and its divergence monitor:
a lesson file is the one place that must put a run back exactly as it was, and keeping that
knowledge here leaves those classes free of file concerns.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from nnsim.core.divergence import KINDS, REASONS, Divergence
from nnsim.core.history import EpochRecord
from nnsim.core.lesson_codec import (
    Reader,
    float_list,
    loose_float,
    loose_list,
    read_settings,
    settings_to_json,
)
from nnsim.core.lesson_errors import LessonFileError
from nnsim.core.session import TRAIL_LENGTH, Session
from nnsim.core.snapshot import TestResult

_HISTORY_COLUMNS = ("epoch", "train_loss", "dev_loss", "train_accuracy", "dev_accuracy")
MAX_EPOCH = 2**62  # far beyond any run; keeps the numbers plain 64-bit integers
MAX_HISTORY = 1 << 16  # points; the History's capacity is 8192


# ----------------------------------------------------------------------------- writing
def _record(record: EpochRecord | None) -> dict[str, Any] | None:
    if record is None:
        return None
    return {"epoch": record.epoch, "train_loss": loose_float(record.train_loss),
            "dev_loss": loose_float(record.dev_loss),
            "train_accuracy": loose_float(record.train_accuracy),
            "dev_accuracy": loose_float(record.dev_accuracy)}


def _divergence(d: Divergence | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {"epoch": d.epoch, "kind": d.kind, "reason": d.reason,
            "learning_rate": loose_float(d.learning_rate), "loss": loose_float(d.loss),
            "start_loss": loose_float(d.start_loss), "limit": loose_float(d.limit),
            "epochs_above": d.epochs_above}


def run_to_json(session: Session, with_history: bool = True) -> dict[str, Any]:
    """Everything of ``session`` beyond its settings and data, as JSON-ready values."""
    net, trainer = session.net, session.trainer
    monitor, history = trainer._monitor, trainer.history
    training = {
        "epoch": trainer.epoch,
        "shuffle_state": trainer._rng.bit_generator.state,
        "stopped_early": trainer.stopped_early,
        "diverged": _divergence(trainer.diverged),
        "best_epoch": trainer.best_epoch,
        "best_dev_loss": loose_float(trainer.best_dev_loss),
        "best_parameters": float_list(trainer._best_parameters),
        "best_record": _record(trainer._best_record),
        "divergence_check": {
            "needs_baseline": trainer._needs_baseline,
            "start_loss": loose_float(monitor.start_loss),
            "above": monitor._above, "far_above": monitor._far_above,
            "learning_rate": loose_float(monitor._learning_rate),
            "finding": _divergence(monitor.divergence)},
    }
    result = session.test_result
    data: dict[str, Any] = {
        "network": {"sizes": list(net.sizes), "names": list(net.names),
                    "parameters": float_list(net.parameters),
                    "initial_parameters": float_list(session._start_vector)},
        "training": training,
        "trail": [[loose_float(v), loose_float(loss)] for v, loss in session._trail],
        "test": {"looks": session._test_looks, "result": None if result is None else {
            "epoch": result.epoch, "loss": loose_float(result.loss),
            "accuracy": loose_float(result.accuracy), "looks": result.looks,
            "settings": None if result.settings is None else settings_to_json(result.settings)}},
    }
    if with_history:
        columns = history.as_arrays()
        data["history"] = {"stride": history.stride, "latest": _record(history.latest),
                           "columns": {c: loose_list(columns[c]) for c in _HISTORY_COLUMNS}}
    return data


# ----------------------------------------------------------------------------- reading
def _read_record(reader: Reader | None) -> EpochRecord | None:
    if reader is None:
        return None
    reader.only(_HISTORY_COLUMNS)
    return EpochRecord(int(reader.integer("epoch", minimum=0, maximum=MAX_EPOCH) or 0),
                       float(reader.number("train_loss", finite=False) or 0.0),
                       float(reader.number("dev_loss", finite=False) or 0.0),
                       _accuracy(reader, "train_accuracy"), _accuracy(reader, "dev_accuracy"))


def _accuracy(reader: Reader, key: str) -> float | None:
    value = reader.number(key, None, finite=False, optional=True)
    if value is not None and not 0.0 <= value <= 1.0:
        raise reader.error(key, "bad_value", reason="an accuracy lies between 0 and 1")
    return value


def _read_divergence(reader: Reader | None) -> Divergence | None:
    if reader is None:
        return None
    kind, reason = reader.text("kind"), reader.text("reason")
    if kind not in KINDS or reason not in REASONS:
        raise reader.error("kind", "bad_value", reason=f"unknown finding {kind}/{reason}")
    return Divergence(int(reader.integer("epoch", minimum=0, maximum=MAX_EPOCH) or 0), kind,
                      reason, float(reader.number("learning_rate", finite=False) or 0.0),
                      float(reader.number("loss", finite=False) or 0.0),
                      float(reader.number("start_loss", finite=False) or 0.0),
                      float(reader.number("limit", finite=False) or 0.0),
                      int(reader.integer("epochs_above", minimum=0, maximum=MAX_EPOCH) or 0))


def _shuffle_state(reader: Reader, session: Session) -> None:
    """Put the mini-batch generator's state back (PCG64: four integers, nothing else)."""
    state = reader.child("shuffle_state")
    assert state is not None
    state.only(["bit_generator", "state", "has_uint32", "uinteger"])
    expected = session.trainer._rng.bit_generator.state["bit_generator"]
    if state.text("bit_generator") != expected:
        raise state.error("bit_generator", "bad_value", reason=f"expected {expected}")
    inner = state.child("state")
    assert inner is not None
    inner.only(["state", "inc"])
    value = {"bit_generator": expected,
             "state": {"state": inner.integer("state", minimum=0, maximum=2**128 - 1),
                       "inc": inner.integer("inc", minimum=0, maximum=2**128 - 1)},
             "has_uint32": state.integer("has_uint32", minimum=0, maximum=1),
             "uinteger": state.integer("uinteger", minimum=0, maximum=2**32 - 1)}
    try:
        session.trainer._rng.bit_generator.state = value
    except (TypeError, ValueError) as error:
        raise reader.error("shuffle_state", "bad_value", reason=str(error)) from None


def restore_run(reader: Reader, session: Session) -> None:
    """Put the run described by ``reader`` into ``session`` (fresh from the same settings)."""
    net, trainer = session.net, session.trainer
    network = reader.child("network")
    assert network is not None
    network.only(["sizes", "names", "parameters", "initial_parameters"])
    sizes = network.numbers("sizes", max_length=3)
    if tuple(int(s) for s in sizes) != net.sizes or not np.array_equal(sizes, net.sizes):
        raise network.error("sizes", "inconsistent",
                            reason=f"the settings and data make a {net.sizes} network")
    if tuple(network.strings("names")) != net.names:
        raise network.error("names", "inconsistent", reason="other parameter names")
    n = len(net.names)
    parameters = network.numbers("parameters", n)
    initial = network.numbers("initial_parameters", n)

    training = reader.child("training")
    assert training is not None
    training.only(["epoch", "shuffle_state", "stopped_early", "diverged", "best_epoch",
                   "best_dev_loss", "best_parameters", "best_record", "divergence_check"])
    epoch = int(training.integer("epoch", minimum=0, maximum=MAX_EPOCH) or 0)
    best_parameters = training.numbers("best_parameters", n)
    check = training.child("divergence_check")
    assert check is not None
    check.only(["needs_baseline", "start_loss", "above", "far_above", "learning_rate",
                "finding"])

    net.set_vector(parameters)
    session._start_vector = initial.copy()
    trainer.epoch = epoch
    _shuffle_state(training, session)
    trainer.diverged = _read_divergence(training.child("diverged", None))
    trainer.stopped_early = training.boolean("stopped_early")
    trainer.best_epoch = int(training.integer("best_epoch", minimum=0, maximum=MAX_EPOCH) or 0)
    best_loss = training.number("best_dev_loss", finite=False)
    trainer.best_dev_loss = math.inf if best_loss is None or math.isnan(best_loss) else best_loss
    trainer._best_parameters = best_parameters
    trainer._best_record = _read_record(training.child("best_record", None))
    monitor = trainer._monitor
    trainer._needs_baseline = check.boolean("needs_baseline")
    start_loss = check.number("start_loss", None, finite=False, optional=True)
    monitor.start_loss = start_loss
    monitor._above = int(check.integer("above", minimum=0, maximum=MAX_EPOCH) or 0)
    monitor._far_above = int(check.integer("far_above", minimum=0, maximum=MAX_EPOCH) or 0)
    monitor._learning_rate = check.number("learning_rate", None, finite=False, optional=True)
    monitor.divergence = _read_divergence(check.child("finding", None))
    if monitor.start_loss is None and not trainer._needs_baseline:
        raise check.error("start_loss", "missing")

    history = reader.child("history", None)
    if history is not None:
        _restore_history(history, session)
    else:  # no history saved: the curve starts at the current epoch
        trainer.history.clear()
        with np.errstate(all="ignore"):
            trainer.history.append(trainer.measure())
    _restore_trail(reader, session)
    _restore_test(reader, session)


def _restore_history(reader: Reader, session: Session) -> None:
    history = session.trainer.history
    reader.only(["stride", "latest", "columns"])
    stride = int(reader.integer("stride", minimum=1, maximum=MAX_EPOCH) or 1)
    columns_reader = reader.child("columns")
    assert columns_reader is not None
    columns_reader.only(_HISTORY_COLUMNS)
    epochs = columns_reader.numbers("epoch", max_length=history.capacity)
    columns = [epochs] + [columns_reader.numbers(c, len(epochs), finite=False,
                                                 max_length=history.capacity)
                          for c in _HISTORY_COLUMNS[1:]]
    if len(epochs) and (np.any(np.diff(epochs) <= 0) or epochs[0] < 0
                        or not np.array_equal(epochs, np.floor(epochs))):
        raise columns_reader.error("epoch", "bad_value", reason="epochs must rise")
    history.clear()
    history.stride = stride
    size = len(epochs)
    for i, column in enumerate(columns):
        history._data[i, :size] = column
    history._size = size
    history.latest = _read_record(reader.child("latest", None))


def _restore_trail(reader: Reader, session: Session) -> None:
    trail = reader.raw("trail", [])
    if not isinstance(trail, list) or len(trail) > TRAIL_LENGTH:
        raise reader.error("trail", "wrong_type",
                           expected=f"at most {TRAIL_LENGTH} pairs of numbers")
    session._trail.clear()
    for pair in trail:
        values = Reader(reader.path, {"pair": pair}, "trail").numbers("pair", 2, finite=False)
        session._trail.append((float(values[0]), float(values[1])))


def _restore_test(reader: Reader, session: Session) -> None:
    test = reader.child("test", None)
    if test is None:
        return
    test.only(["looks", "result"])
    session._test_looks = int(test.integer("looks", 0, minimum=0, maximum=MAX_EPOCH) or 0)
    result = test.child("result", None)
    if result is None:
        session.test_result = None
        return
    result.only(["epoch", "loss", "accuracy", "looks", "settings"])
    evaluated = result.child("settings", None)
    session.test_result = TestResult(
        int(result.integer("epoch", minimum=0, maximum=MAX_EPOCH) or 0),
        float(result.number("loss", finite=False) or 0.0), _accuracy(result, "accuracy"),
        None if evaluated is None else read_settings(evaluated),
        int(result.integer("looks", 1, minimum=0, maximum=MAX_EPOCH) or 0))


def check_restored(path: str, session: Session) -> None:
    """The weights a run may hold: finite (the trainer keeps the last finite weights)."""
    if not np.isfinite(session.net.parameters).all():
        raise LessonFileError(path, "nonfinite", field="network.parameters")
