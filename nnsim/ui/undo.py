"""Undo and redo for every recorded gesture, built from what the model reported.

The session captures the old value when it applies a command (``Applied.inverse``), so an undo
step restores what the model really had at that moment, even while training changes the weights,
and a command the session refused never reaches the stack.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QUndoCommand

from nnsim.core.commands import Command
from nnsim.ui.messages import command_text


class AppliedCommand(QUndoCommand):
    """One gesture already applied by the session; undo submits its inverse, redo the command.

    Parameters
    ----------
    command, inverse : what was done and what puts it back.
    submit : sends a command to the training thread (not recorded again).
    """

    def __init__(self, command: Command, inverse: Command,
                 submit: Callable[[Command], None]) -> None:
        super().__init__(command_text(command))
        self.command, self.inverse = command, inverse
        self._submit = submit
        self._applied = True  # QUndoStack.push calls redo(): the session has done it already

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._submit(self.command)

    def undo(self) -> None:
        self._submit(self.inverse)
