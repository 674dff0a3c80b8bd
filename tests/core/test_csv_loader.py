"""Tests of the CSV loader: what it accepts, and that every refusal names file, line and column."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from nnsim.core.csv_loader import MAX_COLUMNS, DatasetError, load_csv, save_csv
from nnsim.core.datasets import make_regression, make_vowels
from nnsim.core.splits import split

REPO = Path(__file__).resolve().parents[2]
SAMPLE_VOWELS = REPO / "resources" / "data" / "vowels.csv"


def write(tmp_path: Path, content: str | bytes, name: str = "data.csv",
          encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def rows(n: int, template: str = "{i},{j},{k}") -> str:
    """n data lines with two balanced classes, so only the feature under test can fail."""
    return "".join(template.format(i=i, j=i * 0.5, k=i % 2) + "\n" for i in range(n))


def load_error(path: Path, **kwargs) -> DatasetError:
    with pytest.raises(DatasetError) as info:
        load_csv(path, **kwargs)
    error = info.value
    assert isinstance(error, ValueError)
    assert path.name in str(error)  # every message names the file
    return error


# --- what is accepted ---------------------------------------------------------------------------

def test_simple_classification_file(tmp_path: Path) -> None:
    path = write(tmp_path, "a,b,label\n" + rows(12, "{i},{j},{k}"), name="toy set.csv")
    ds = load_csv(path)
    assert ds.name == "toy set"
    assert ds.task == "classification"
    assert ds.feature_names == ("a", "b") and ds.target_names == ("0", "1")
    assert ds.X.shape == (12, 2) and ds.Y.shape == (12, 2)
    np.testing.assert_array_equal(ds.X[:, 1], np.arange(12) * 0.5)
    np.testing.assert_array_equal(ds.labels, np.arange(12) % 2)


def test_text_labels_are_sorted_classes(tmp_path: Path) -> None:
    labels = ["dog", "cat", "bird"] * 3
    text = "w,h,animal\n" + "".join(f"{i},{i},{lab}\n" for i, lab in enumerate(labels))
    ds = load_csv(write(tmp_path, text))
    assert ds.target_names == ("bird", "cat", "dog")
    assert [ds.target_names[k] for k in ds.labels] == labels


def test_float_target_is_regression(tmp_path: Path) -> None:
    ds = load_csv(write(tmp_path, "a,b,y\n" + rows(10, "{i},{k},{j}")))
    assert ds.task == "regression" and ds.target_names == ("y",) and ds.Y.shape == (10, 1)


def test_many_whole_numbers_are_regression(tmp_path: Path) -> None:
    text = "a,count\n" + "".join(f"{i},{i}\n" for i in range(MAX_COLUMNS + 1))
    assert load_csv(write(tmp_path, text)).task == "regression"


def test_task_overrides_the_guess(tmp_path: Path) -> None:
    path = write(tmp_path, "a,b,y\n" + rows(12, "{i},{j},{k}"))
    assert load_csv(path, task="regression").task == "regression"
    text = "a,y\n" + "".join(f"{i},{v}\n" for i, v in enumerate([0.5, 1.0, 2.0] * 3))
    ds = load_csv(write(tmp_path, text, "halves.csv"), task="classification")
    assert ds.target_names == ("0.5", "1", "2")  # numeric order, no trailing ".0"
    with pytest.raises(ValueError, match="task"):
        load_csv(path, task="clustering")


def test_targets_chooses_columns(tmp_path: Path) -> None:
    text = "y1,a,y2,b\n" + "".join(f"{i * 0.1},{i},{i * 0.2},{-i}\n" for i in range(9))
    path = write(tmp_path, text)
    ds = load_csv(path, targets=["y1", "y2"])
    assert ds.task == "regression"
    assert ds.feature_names == ("a", "b") and ds.target_names == ("y1", "y2")
    np.testing.assert_allclose(ds.Y[:, 1], np.arange(9) * 0.2)
    assert load_csv(path, targets="y1").target_names == ("y1",)  # one name as a plain string


def test_one_hot_target_columns(tmp_path: Path) -> None:
    text = "x,cat,dog\n" + "".join(f"{i},{i % 2},{1 - i % 2}\n" for i in range(9))
    ds = load_csv(write(tmp_path, text), targets=["cat", "dog"])
    assert ds.task == "classification" and ds.target_names == ("cat", "dog")
    np.testing.assert_array_equal(ds.labels, 1 - np.arange(9) % 2)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp1252", "latin-1", "utf-16"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    text = "Größe,Länge,Stadt\n" + "".join(f"{i},{i},{c}\n" for i, c in
                                           enumerate(["Köln", "Zürich", "Malmö"] * 3))
    ds = load_csv(write(tmp_path, text, encoding=encoding))
    assert ds.feature_names == ("Größe", "Länge")  # no BOM glued to the first name
    assert ds.target_names == ("Köln", "Malmö", "Zürich")


def test_ipa_in_utf8(tmp_path: Path) -> None:
    text = "F1,F2,vowel\n" + "".join(f"{i},{i},{v}\n" for i, v in enumerate(["ɪ", "ɛ"] * 3))
    assert load_csv(write(tmp_path, text)).target_names == ("ɛ", "ɪ")


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_delimiters_and_line_ends(tmp_path: Path, delimiter: str, newline: str) -> None:
    lines = ["F1 (Hz)", "F2, in Hz", "vowel"], *[[str(i), str(i * 2), "ab"[i % 2]] for i in
                                                 range(8)]
    text = newline.join(delimiter.join(f'"{c}"' if "," in c else c for c in line)
                        for line in lines) + newline
    ds = load_csv(write(tmp_path, text))
    assert ds.feature_names == ("F1 (Hz)", "F2, in Hz")
    np.testing.assert_array_equal(ds.X[:, 1], np.arange(8) * 2)


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_decimal_commas(tmp_path: Path, delimiter: str) -> None:
    text = f"a{delimiter}y\n" + "".join(f"{i},5{delimiter}{i},25\n" for i in range(5))
    ds = load_csv(write(tmp_path, text))
    np.testing.assert_allclose(ds.X[:, 0], np.arange(5) + 0.5)
    np.testing.assert_allclose(ds.Y[:, 0], np.arange(5) + 0.25)


def test_tolerated_untidiness(tmp_path: Path) -> None:
    # Spaces after delimiters, quoted numbers, trailing delimiters and blank lines.
    text = '\n a, b ,label,\n1, "2.5",x,\n\n3,4, y ,\n5,6,x,\n7,8,y,\n9,10,x,\n11,12,y,\n\n\n'
    ds = load_csv(write(tmp_path, text))
    assert ds.feature_names == ("a", "b") and ds.target_names == ("x", "y")
    np.testing.assert_array_equal(ds.X[:2], [[1, 2.5], [3, 4]])


def test_round_trip_with_save_csv(tmp_path: Path) -> None:
    regression = make_regression(20, seed=3)
    path = tmp_path / "reg.csv"
    save_csv(regression, path)
    back = load_csv(path, targets=list(regression.target_names))
    np.testing.assert_array_equal(back.X, regression.X)  # exact: shortest repr round-trips
    np.testing.assert_array_equal(back.Y, regression.Y)


def test_sample_vowels_file_matches_the_generator() -> None:
    ds = load_csv(SAMPLE_VOWELS)
    original = make_vowels(n_samples=200, seed=0)
    assert ds.name == "vowels" and ds.task == "classification"
    assert ds.feature_names == original.feature_names
    assert sorted(original.target_names) == list(ds.target_names)
    np.testing.assert_array_equal(ds.X, original.X)
    assert [ds.target_names[k] for k in ds.labels] == [original.target_names[k]
                                                        for k in original.labels]
    split(ds)  # big enough for the default split


def test_200k_rows_load(tmp_path: Path) -> None:
    # No timing assertion (CI machines vary); the time is printed for `pytest -s`.
    rng = np.random.default_rng(0)
    X = np.round(rng.normal(size=(200_000, 3)), 3)
    labels = np.where(X[:, 0] > 0, "yes", "no")
    text = "a,b,c,label\n" + "".join(f"{a!r},{b!r},{c!r},{lab}\n"
                                     for (a, b, c), lab in zip(X.tolist(), labels))
    path = write(tmp_path, text)
    start = time.perf_counter()
    ds = load_csv(path)
    print(f"loaded 200,000 rows in {time.perf_counter() - start:.2f} s")
    assert ds.n_samples == 200_000 and ds.target_names == ("no", "yes")
    np.testing.assert_array_equal(ds.X, X)


def test_max_columns_matches_the_network() -> None:
    network = pytest.importorskip("nnsim.core.network")
    assert MAX_COLUMNS == network.MAX_UNITS


# --- every refusal, with file, line and column ----------------------------------------------------

def test_missing_file(tmp_path: Path) -> None:
    assert "does not exist" in str(load_error(tmp_path / "nope.csv"))


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    assert "folder, not a file" in str(load_error(folder))


@pytest.mark.parametrize("content", [b"", b"\n\n  \r\n", "\ufeff".encode()])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    assert "empty" in str(load_error(write(tmp_path, content)))


def test_header_only(tmp_path: Path) -> None:
    assert "no data" in str(load_error(write(tmp_path, "a,b,y\n")))


def test_header_of_numbers(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, rows(10)))
    assert error.line == 1 and "line 1:" in str(error) and "column names" in str(error)


def test_single_column(tmp_path: Path) -> None:
    assert "only one column" in str(load_error(write(tmp_path, "y\n1\n2\n3\n")))


def test_duplicate_and_missing_names(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, "a,b,a\n" + rows(6)))
    assert "line 1, column 3" in str(error) and "columns 1 and 3" in str(error)
    error = load_error(write(tmp_path, "a,,y\n" + rows(6)))
    assert "line 1, column 2:" in str(error) and "no name" in str(error)


def test_ragged_row_names_the_line(tmp_path: Path) -> None:
    # A blank line and a quoted value spanning two lines come first: lines count as in an editor.
    text = 'a,b,y\n1,2,x\n\n3,"4\n",y\n5,6\n7,8,x\n9,9,y\n'
    error = load_error(write(tmp_path, text))
    assert error.line == 6
    assert "line 6:" in str(error) and "has 2 values, but the header has 3 columns" in str(error)
    assert "comma" in str(error)


def test_too_many_values(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, "a;b;y\n1;2;x\n3;4;y;7\n"))
    assert "line 3:" in str(error) and "semicolon" in str(error)


def test_non_numeric_feature(tmp_path: Path) -> None:
    text = "a,b,y\n" + rows(4) + "5,abc,1\n" + rows(4)
    error = load_error(write(tmp_path, text))
    assert (error.line, error.column, error.column_name) == (6, 2, "b")
    assert "line 6, column 2 “b”: “abc” is not a number" in str(error)


def test_text_feature_column_gets_a_hint(tmp_path: Path) -> None:
    text = "speaker,F1,vowel\n" + "".join(f"s{i},{i},{'ab'[i % 2]}\n" for i in range(6))
    error = load_error(write(tmp_path, text))
    assert "line 2, column 1 “speaker”" in str(error) and "holds text" in str(error)


@pytest.mark.parametrize("cell, words", [
    ("", "empty"), ("  ", "empty"), ("NaN", "missing value"), ("NA", "missing value"),
    ("inf", "infinite"), ("-Infinity", "infinite"),
])
@pytest.mark.parametrize("column", [1, 3])
def test_missing_and_infinite_cells(tmp_path: Path, cell: str, words: str, column: int) -> None:
    line = ["7", "8", "1"]
    line[column - 1] = cell
    text = "a,b,y\n" + rows(6) + ",".join(line) + "\n" + rows(3)
    error = load_error(write(tmp_path, text))
    assert (error.line, error.column) == (8, column)
    assert f"line 8, column {column}" in str(error) and words in str(error)


def test_non_numeric_regression_target(tmp_path: Path) -> None:
    text = "a,y\n" + "".join(f"{i},{i * 0.5}\n" for i in range(5)) + "9,ten\n"
    error = load_error(write(tmp_path, text), task="regression")
    assert "line 7, column 2 “y”: “ten” is not a number" in str(error)


def test_too_few_rows(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, "a,y\n1,0.5\n2,0.7\n"))
    assert "too little data" in str(error) and "at least 3" in str(error)


def test_too_few_rows_of_a_class(tmp_path: Path) -> None:
    text = "a,y\n" + "".join(f"{i},{lab}\n" for i, lab in enumerate("aaaaab"))
    error = load_error(write(tmp_path, text))
    assert "every class needs at least 3 rows" in str(error) and "“b” has 1" in str(error)


def test_single_class(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, "a,b,y\n" + rows(6, "{i},{j},same")))
    assert "column 3 “y”" in str(error) and "same class “same”" in str(error)


def test_no_feature_columns(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, "y1,y2\n" + rows(5, "{i},{j}")), targets=["y1", "y2"])
    assert "no feature column" in str(error)


def test_too_many_features(tmp_path: Path) -> None:
    names = ",".join(f"x{i}" for i in range(10))
    text = f"{names},y\n" + "".join(",".join(["1"] * 10) + f",{i % 2}\n" for i in range(8))
    assert "10 feature columns" in str(load_error(write(tmp_path, text)))


def test_too_many_classes(tmp_path: Path) -> None:
    text = "a,y\n" + "".join(f"{i},c{i % 10}\n" for i in range(40))
    error = load_error(write(tmp_path, text))
    assert "column 2 “y”" in str(error) and "10 different classes" in str(error)


def test_unknown_target_column(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, "a,b,y\n" + rows(6)), targets=["Y"])
    assert "no column called “Y”" in str(error) and "“a”, “b”, “y”" in str(error)


def test_several_targets_need_numbers_or_one_hot(tmp_path: Path) -> None:
    text = "a,y1,y2\n" + "".join(f"{i},{i},{'ab'[i % 2]}\n" for i in range(6))
    error = load_error(write(tmp_path, text), targets=["y1", "y2"])
    assert "line 2, column 3 “y2”" in str(error) and "not a number" in str(error)
    error = load_error(write(tmp_path, text), targets=["y1", "y2"], task="classification")
    assert "one 0/1 column per class" in str(error)


def test_binary_file(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, b"PK\x03\x04\x14\x00\x06\x00", "book.xlsx"))
    assert "not a text file" in str(error) and "line 1" in str(error)


def test_mixed_encodings(tmp_path: Path) -> None:
    content = "a,b,Stadt\n1,2,Köln\n".encode() + "3,4,Zürich\n".encode("latin-1")
    error = load_error(write(tmp_path, content))
    assert error.line == 3 and "line 3:" in str(error) and "encodings" in str(error)


def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "a,y\n")
    path.chmod(0)
    try:
        if path.open("rb"):  # running as root: permissions are not enforced
            pytest.skip("file permissions are not enforced for this user")
    except PermissionError:
        assert "cannot be read" in str(load_error(path))
    finally:
        path.chmod(0o644)


def test_error_survives_pickling(tmp_path: Path) -> None:
    import pickle

    error = load_error(write(tmp_path, "a,b,y\n1,x,2\n"))
    copy = pickle.loads(pickle.dumps(error))
    assert str(copy) == str(error) and (copy.line, copy.column) == (2, 2)
