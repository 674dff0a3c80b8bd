"""Why the session refused a command, as a code and parameters (see :mod:`nnsim.core.coded_error`).

The window's controls keep most of these from happening (spin-box ranges, lists of what
exists), but a lesson file, a script or a race (a run dropped from the list just as it is
clicked) can still send one; the student then reads the reason in their language.
"""

from __future__ import annotations

from typing import ClassVar

from nnsim.core.coded_error import QT_TRANSLATE_NOOP, CodedError


class CommandError(CodedError):
    """A command the session refused; nothing changed."""

    context = "CommandError"
    templates: ClassVar[dict[str, tuple[str, ...]]] = {
        "unknown_dataset": (QT_TRANSLATE_NOOP("CommandError",
                                              "there is no built-in dataset “%1”"), "dataset"),
        "hidden_units": (QT_TRANSLATE_NOOP("CommandError",
                                           "the hidden layer holds 1 to %1 units, not %2"),
                         "maximum", "count"),
        "data_view_axes": (QT_TRANSLATE_NOOP("CommandError",
                                             "the Data view needs two different inputs out of "
                                             "%1"), "inputs"),
        "explain_row": (QT_TRANSLATE_NOOP("CommandError",
                                          "the step explainer follows a training row from 1 to "
                                          "%1 or the mean of all rows, not row %2"),
                        "rows", "row"),
        "speed": (QT_TRANSLATE_NOOP("CommandError",
                                    "the speed must be a positive number of epochs per second"),),
        "landscape_range": (QT_TRANSLATE_NOOP("CommandError",
                                              "the range needs two finite numbers, the first "
                                              "below the second"),),
        "edit_magnitude": (QT_TRANSLATE_NOOP("CommandError",
                                             "the value of %1 must lie between −%2 and %2"),
                           "name", "limit"),
        "no_run": (QT_TRANSLATE_NOOP("CommandError",
                                     "run %1 is no longer kept in this session"), "run"),
        "no_rates": (QT_TRANSLATE_NOOP("CommandError",
                                       "give at least one learning rate to compare"),),
        "compare_rate": (QT_TRANSLATE_NOOP("CommandError",
                                           "every learning rate to compare must be a positive "
                                           "number, not %1"), "rate"),
        "compare_epochs": (QT_TRANSLATE_NOOP("CommandError",
                                             "a comparison trains 1 to %1 epochs, not %2"),
                           "maximum", "epochs"),
    }
