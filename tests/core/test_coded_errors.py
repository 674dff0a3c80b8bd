"""Errors as data: every refusal a student reads is a code with parameters (the window words it).

The English ``str()`` is for logs and tests; these tests check the data behind it: each code's
template names exactly the parameters it fills, errors survive pickling, and the CSV loader's
errors carry file, line and column as fields.
"""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

from nnsim.core.coded_error import CodedError, fill
from nnsim.core.csv_errors import TEMPLATES, WORDS, DatasetError
from nnsim.core.csv_loader import load_csv
from nnsim.core.losses import LossError, check_pairing, check_task
from nnsim.core.splits import SplitError

PLACEHOLDER = re.compile(r"%(\d+)")


@pytest.mark.parametrize("cls", [DatasetError, SplitError, LossError])
def test_every_template_fills_exactly_its_parameters(cls: type[CodedError]) -> None:
    for code, (template, *names) in cls.templates.items():
        numbers = sorted({int(n) for n in PLACEHOLDER.findall(template)})
        assert numbers == list(range(1, len(names) + 1)), (code, template, names)
        assert len(set(names)) == len(names), code


def test_fill_is_one_pass_and_keeps_text_that_looks_like_a_placeholder() -> None:
    assert fill("%1 and %2", ["a%2", "b"]) == "a%2 and b"
    assert fill("%10 %1", [str(i) for i in range(1, 11)]) == "10 1"


def test_an_unknown_code_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        LossError("no_such_code", loss="mse")


def test_errors_survive_pickling_with_their_fields() -> None:
    error = DatasetError(Path("d.csv"), "ragged_row", {"values": 4, "width": 3,
                                                       "delimiter": WORDS["semicolon"]}, 7)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.code, copy.params, copy.line, copy.path) == (error.code, error.params, 7,
                                                              Path("d.csv"))
    assert str(copy) == str(error)
    loss_error = pickle.loads(pickle.dumps(LossError("needs_classification", loss="cce")))
    assert loss_error.params == {"loss": "cce"}


def test_csv_errors_are_codes_with_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_text("a,b,y\n1,2,0\n3,,1\n", encoding="utf-8")
    with pytest.raises(DatasetError) as info:
        load_csv(path)
    error = info.value
    assert (error.code, error.params) == ("empty_cell", {})
    assert (error.path, error.line, error.column, error.column_name) == (path, 3, 2, "b")
    assert str(error) == ("data.csv, line 3, column 2 “b”: this cell is empty. Every cell needs "
                          "a value: fill it in or delete the row.")


@pytest.mark.parametrize("text, code, params", [
    ("", "empty_file", {}),
    ("a,y\n", "no_data", {}),
    ("1,2\n3,4\n", "header_is_numbers", {}),
    ("a,a,y\n1,2,3\n", "duplicate_column", {"name": "a", "first": 1, "second": 2}),
    ("a,y\n1,x\n2,x\n3,x\n", "one_class", {"name": "x"}),
    ("a;y\n1;2\n3;4;5\n", "ragged_row", {"values": 3, "width": 2, "delimiter": "semicolon"}),
    ("a,y\nNA,1\n", "missing_value", {"value": "NA"}),
])
def test_each_csv_problem_has_its_code(tmp_path: Path, text: str, code: str, params: dict) -> None:
    path = tmp_path / "data.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DatasetError) as info:
        load_csv(path)
    assert info.value.code == code and info.value.params == params
    assert code in TEMPLATES


def test_a_folder_and_a_missing_file_name_the_path(tmp_path: Path) -> None:
    with pytest.raises(DatasetError) as info:
        load_csv(tmp_path)
    assert info.value.code == "is_folder" and str(tmp_path) in info.value.params["path"]
    with pytest.raises(DatasetError) as info:
        load_csv(tmp_path / "missing.csv")
    assert info.value.code == "not_found"


def test_loss_refusals_are_codes_naming_the_loss() -> None:
    with pytest.raises(LossError) as info:
        check_task("cce", "regression")
    assert (info.value.code, info.value.params) == ("needs_classification", {"loss": "cce"})
    assert str(info.value).startswith("Categorical cross-entropy is a loss for classification")
    with pytest.raises(LossError) as info:
        check_pairing("bce", "linear")
    assert info.value.params == {"loss": "bce", "required": "sigmoid", "output": "linear"}


def test_data_too_small_to_split_keeps_the_split_code(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_text("a,y\n1,0.5\n2,0.7\n", encoding="utf-8")
    with pytest.raises(DatasetError) as info:
        load_csv(path)
    assert (info.value.code, info.value.params) == ("too_few_rows", {"rows": 2, "minimum": 3})
    assert issubclass(SplitError, ValueError)
