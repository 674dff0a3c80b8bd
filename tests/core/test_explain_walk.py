"""The step explainer's walk: phases, formulas with their numbers, and the session's trace."""

from __future__ import annotations

import numpy as np
import pytest

from nnsim.core import commands as cmd
from nnsim.core.explain_cache import TraceCache, is_current
from nnsim.core.explain_walk import (PHASE_KINDS, Formula, Word, explained_step, node_formulas,
                                     parameter_formulas, phases, render)
from nnsim.core.network import Network
from nnsim.core.session import Session
from nnsim.core.settings import Settings


def fmt(value: float) -> str:
    return f"{value:.3g}".replace("-", "−")


def small_step(row=1, hidden="sigmoid", output="softmax", loss="cce", frozen=()):
    net = Network((3, 3, 2), hidden, output, seed=2)
    rng = np.random.default_rng(0)
    X = rng.normal(size=(6, 3))
    Y = np.eye(2)[[0, 1, 0, 1, 1, 0]]
    return net, X, Y, explained_step(net, X, Y, loss, 0.5, row, None, frozen)


def test_the_walk_goes_forward_loss_backward_update_layer_by_layer() -> None:
    _, _, _, step = small_step()
    walk = phases(step)
    assert tuple(p.kind for p in walk) == PHASE_KINDS
    assert [p.layer for p in walk] == ["H", "O", "O", "O", "H", ""]
    assert walk[0].nodes == ("H1", "H2", "H3") and walk[1].nodes == ("O1", "O2")
    # Backward from the output: the v's and the output biases first, then the w's.
    assert set(walk[3].parameters) == {"v11", "v12", "v21", "v22", "v31", "v32", "b4", "b5"}
    assert set(walk[4].parameters) == {f"w{i}{j}" for i in (1, 2, 3) for j in (1, 2, 3)} | {
        "b1", "b2", "b3"}
    assert walk[5].parameters == step.batch.names


@pytest.mark.parametrize("row", [None, 0, 3])
def test_every_formula_ends_with_the_trace_number(row) -> None:
    _, _, _, step = small_step(row)
    t = step.trace
    forward = phases(step)[0].formulas
    np.testing.assert_allclose(forward[2].result, np.mean(t.hidden_pre[:, 1]))  # z(H2)
    np.testing.assert_allclose(forward[3].result, np.mean(t.hidden[:, 1]))  # h2
    loss = phases(step)[2].formulas[-1]
    assert loss.subject == "loss" and loss.result == t.loss
    grads = {f.subject: f.result for f in phases(step)[3].formulas + phases(step)[4].formulas
             if f.subject in t.names}
    for name, value in grads.items():
        assert value == t.gradient[t.index(name)]
    deltas = {f.subject: f.result for f in phases(step)[4].formulas if f.subject[0] == "H"}
    np.testing.assert_allclose(deltas["H2"], np.mean(t.hidden_delta[:, 1]))
    update = {f.subject: f.result for f in phases(step)[5].formulas}
    assert [update[n] for n in t.names] == list(step.new_parameters())


def test_the_row_explains_its_own_slope_but_the_update_takes_the_batch_mean() -> None:
    _, _, _, step = small_step(row=2)
    row_line, batch_line, update = parameter_formulas(step, "v31")
    assert row_line.tokens[0] == "∂ℓ/∂v31" and batch_line.tokens[0] == "∂L/∂v31"
    assert Word("mean") in batch_line.tokens
    assert row_line.result == step.trace.gradient[step.trace.index("v31")]
    assert batch_line.result == step.batch.gradient[step.batch.index("v31")]
    assert update.result == step.batch.new_parameters[step.batch.index("v31")]
    assert update.tokens[2:7] == (step.batch.value("v31"), "−", 0.5, "·", batch_line.result)


def test_lecture_notation_with_the_numbers_filled_in() -> None:
    _, _, _, step = small_step(row=0)
    text = render(parameter_formulas(step, "v31")[0], fmt)
    assert text.startswith("∂ℓ/∂v31 = δ(O1) · h3 = ")
    z = render(node_formulas(step, "H2")[0], fmt)
    assert z.startswith("z(H2) = w12 · x1 + w22 · x2 + w32 · x3 + b2 = ")
    delta = render(node_formulas(step, "H2")[2], fmt)
    assert delta.startswith("δ(H2) = σ′(z(H2)) · Σₖ v2k·δ(Ok) = ")
    assert render(node_formulas(step, "I1")[0], fmt).startswith("x1 = ")


def test_negative_factors_get_parentheses_and_lone_results_do_not() -> None:
    line = Formula("v31", ("v31", "←", -0.65, "−", 0.5, "·", -0.156, "=", -0.572))
    assert render(line, fmt) == "v31 ← −0.65 − 0.5 · (−0.156) = −0.572"
    product = Formula("v31", ("∂ℓ/∂v31", "=", "δ(O1)", "·", "h3", "=", -0.38, "·", 0.41, "=",
                              -0.156))
    assert render(product, fmt) == "∂ℓ/∂v31 = δ(O1) · h3 = (−0.38) · 0.41 = −0.156"
    words = Formula("H1", (Word("mean"), "h1", "=", 0.5))
    assert render(words, fmt, {"mean": "Mittel"}.get) == "Mittel h1 = 0.5"


@pytest.mark.parametrize("output,loss", [("linear", "mse"), ("sigmoid", "bce"),
                                         ("linear", "mae"), ("softmax", "cce"),
                                         ("sigmoid", "mse")])
def test_every_pairing_gives_readable_loss_and_delta_lines(output, loss) -> None:
    _, _, _, step = small_step(row=1, hidden="tanh", output=output, loss=loss)
    for phase in phases(step):
        for formula in phase.formulas:
            text = render(formula, fmt)
            assert "  " not in text and "( " not in text and " )" not in text, text
    loss_line = phases(step)[2].formulas[-1]
    assert loss_line.result == step.trace.loss
    for formula in phases(step)[3].formulas[:2]:  # δ(O1), δ(O2)
        np.testing.assert_allclose(formula.result, step.trace.output_delta[0, int(
            formula.subject[1]) - 1])


def test_frozen_parameters_stay() -> None:
    _, _, _, step = small_step(frozen=tuple(n for n in Network((3, 3, 2)).names if n != "v31"))
    update = {f.subject: f for f in phases(step)[5].formulas}
    assert update["w11"].result == step.batch.value("w11")
    assert update["v31"].result != step.batch.value("v31")


def test_mini_batches_make_several_steps_per_epoch() -> None:
    net, X, Y, _ = small_step()
    assert explained_step(net, X, Y, "cce", 0.5, None, None).steps_per_epoch == 1
    assert explained_step(net, X, Y, "cce", 0.5, None, 6).steps_per_epoch == 1
    assert explained_step(net, X, Y, "cce", 0.5, None, 4).steps_per_epoch == 2


def test_a_diverged_network_is_not_finite() -> None:
    net, X, Y, step = small_step()
    assert step.finite
    net.set_vector(np.full(net.parameters.size, np.nan))
    assert not explained_step(net, X, Y, "cce", 0.5).finite


# ----------------------------------------------------------------------------- in the session
def test_the_session_traces_only_while_the_explainer_is_on() -> None:
    session = Session()
    assert session.snapshot().step_trace is None
    session.apply(cmd.SetExplain(True, 4))
    snap = session.snapshot()
    assert snap.settings.explaining and snap.settings.explain_row == 4
    assert snap.step_trace.row == 4 and snap.step_trace.trace.n_rows == 1
    assert snap.step_trace.n_train == session.splits.train.n_samples
    assert session.snapshot().step_trace is snap.step_trace  # unchanged weights: reused
    session.apply(cmd.SetExplain(False))
    assert session.snapshot().step_trace is None


def test_a_row_outside_the_training_split_is_refused() -> None:
    session = Session()
    n = session.splits.train.n_samples
    for row in (-1, n, True):
        with pytest.raises(ValueError):
            session.apply(cmd.SetExplain(True, row))
    assert not session.settings.explaining


def test_new_data_drops_the_row() -> None:
    session = Session()
    session.apply(cmd.SetExplain(True, 3))
    session.apply(cmd.SetBuiltinDataset("xor"))
    assert session.settings.explaining and session.settings.explain_row is None
    assert session.snapshot().step_trace.row is None


def test_the_walks_update_is_exactly_one_ordinary_step() -> None:
    session = Session(Settings(dataset="xor"))
    session.apply(cmd.SetExplain(True, 0))
    expected = session.snapshot().step_trace.new_parameters()
    session.apply(cmd.Step(1))
    assert np.array_equal(session.net.parameters, expected)


def test_the_selected_parameters_formula_agrees_with_the_landscape() -> None:
    session = Session()
    session.apply(cmd.SetExplain(True, 2))
    snap = session.snapshot()
    figure, step = snap.figure, snap.step_trace
    name = snap.selected
    _, slope, update = parameter_formulas(step, name)
    assert figure.sample_rows is None  # the landscape uses every training row here
    assert slope.result == pytest.approx(figure.slope, rel=1e-12, abs=1e-15)
    assert update.tokens[2] == pytest.approx(figure.current_value, rel=1e-15)
    assert update.result == pytest.approx(figure.new_value, rel=1e-12)
    assert update.result - update.tokens[2] == pytest.approx(figure.step, rel=1e-9, abs=1e-15)


# ----------------------------------------------------------------------------- the worker's cache
class SlowClock:
    """Every reading is a second later: each trace seems to cost a second."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def test_a_costly_trace_follows_moving_weights_less_often_but_is_fresh_on_request() -> None:
    session = Session()
    clock = SlowClock()
    cache = TraceCache(clock)
    first = cache.get(session.net, session.trainer, None)
    assert cache.get(session.net, session.trainer, None) is first  # nothing changed
    session.apply(cmd.Step(1))
    stale = cache.get(session.net, session.trainer, None)
    assert stale is first and not is_current(stale, session.net.parameters)
    cache.refresh()
    fresh = cache.get(session.net, session.trainer, None)
    assert fresh is not first and is_current(fresh, session.net.parameters)
    assert cache.get(session.net, session.trainer, 3).row == 3  # a new row: at once


def test_cheap_traces_always_follow_the_weights() -> None:
    session = Session()
    cache = TraceCache()
    cache.get(session.net, session.trainer, None)
    session.apply(cmd.Step(1))
    assert is_current(cache.get(session.net, session.trainer, None), session.net.parameters)


def test_asking_for_the_explainer_gives_a_current_trace() -> None:
    session = Session()
    session.apply(cmd.SetExplain(True))
    session.snapshot()
    session.apply(cmd.Step(1))
    session.apply(cmd.SetExplain(True))
    snap = session.snapshot()
    assert is_current(snap.step_trace, snap.parameters)


def test_listed_numbers_are_separated_by_the_words_separator() -> None:
    _, _, _, step = small_step(row=0)
    softmax = render(phases(step)[1].formulas[1], fmt)
    assert softmax.startswith("ŷ1 = softmax(z(O1), z(O2))_1 = softmax(") and ", " in softmax
    german = render(phases(step)[1].formulas[1], lambda v: fmt(v).replace(".", ","),
                    {"separator": ";"}.get)
    assert "; " in german and german.count(",") >= 2  # decimal commas, list semicolons


def test_a_stale_trace_is_pending_until_a_fresh_one_is_made() -> None:
    session = Session()
    cache = TraceCache(SlowClock())
    cache.get(session.net, session.trainer, None)
    assert not cache.pending
    session.apply(cmd.Step(1))
    cache.get(session.net, session.trainer, None)
    assert cache.pending  # the worker sends another snapshot soon
    cache.refresh()
    cache.get(session.net, session.trainer, None)
    assert not cache.pending


def test_a_changed_network_is_traced_at_once_however_costly() -> None:
    session = Session()
    cache = TraceCache(SlowClock())
    cache.get(session.net, session.trainer, None)
    session.apply(cmd.SetHiddenUnits(2))
    step = cache.get(session.net, session.trainer, None)
    assert step.batch.parameters.shape == session.net.parameters.shape
