"""The session's refusals are codes with parameters (the window words them in its language)."""

import pytest

from nnsim.core import commands as cmd
from nnsim.core.command_errors import CommandError
from nnsim.core.session import Session


@pytest.mark.parametrize("command, code", [
    (cmd.SetBuiltinDataset("nope"), "unknown_dataset"),
    (cmd.SetHiddenUnits(0), "hidden_units"),
    (cmd.SetDataViewAxes((1, 1)), "data_view_axes"),
    (cmd.SetExplain(True, 10_000), "explain_row"),
    (cmd.SetSpeed(-1.0), "speed"),
    (cmd.SetLandscapeRange((2.0, 1.0)), "landscape_range"),
    (cmd.EditParameter("w11", 1e9), "edit_magnitude"),
    (cmd.PinRun(7), "no_run"),
    (cmd.CompareLearningRates((), 10), "no_rates"),
    (cmd.CompareLearningRates((0.1, -1.0), 10), "compare_rate"),
    (cmd.CompareLearningRates((0.1,), 0), "compare_epochs"),
])
def test_a_refused_command_gives_its_code_and_changes_nothing(command, code) -> None:
    session = Session()
    before = (session.settings, session.net.parameters.copy())
    with pytest.raises(CommandError) as refused:
        session.apply(command)
    assert refused.value.code == code
    assert str(refused.value)  # the English sentence, for logs
    assert session.settings == before[0]
    assert (session.net.parameters == before[1]).all()


def test_the_explainer_row_is_numbered_as_the_window_numbers_it() -> None:
    session = Session()
    n = session.trainer.splits.train.n_samples
    with pytest.raises(CommandError) as refused:
        session.apply(cmd.SetExplain(True, n))
    assert refused.value.params == {"rows": n, "row": n + 1}
