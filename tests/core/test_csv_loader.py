"""Tests of the CSV loader: what it accepts, and that every refusal names file, line and column."""

from __future__ import annotations

import errno
import os
import socket
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pytest

from nnsim.core import csv_loader
from nnsim.core.csv_loader import (MAX_COLUMNS, MAX_FILE_BYTES, MAX_HEADER_COLUMNS, MAX_ROWS,
                                   DatasetError, is_large_file, load_csv, save_csv)
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


# --- what is accepted -----------------------------------------------------------------------------

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


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp1252", "latin-1", "utf-16",
                                      "utf-32"])
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
    assert "every class needs at least 3 rows" in str(error) and "“b”: 1" in str(error)
    assert error.code == "small_classes" and error.params["classes"] == "“b”: 1"


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
        try:
            path.open("rb").close()
        except PermissionError:
            assert "cannot be read" in str(load_error(path))
        else:  # running as root
            pytest.skip("file permissions are not enforced for this user")
    finally:
        path.chmod(0o644)


def test_error_survives_pickling(tmp_path: Path) -> None:
    import pickle

    error = load_error(write(tmp_path, "a,b,y\n1,x,2\n"))
    copy = pickle.loads(pickle.dumps(error))
    assert str(copy) == str(error) and (copy.line, copy.column) == (2, 2)


def test_overflowing_number(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, "a,b,y\n" + rows(6) + "1e400,2,1\n"))
    assert (error.line, error.column) == (8, 1) and "“1e400” is too large" in str(error)


def test_binary_data_line_with_cr_line_ends(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, b"a,b\r1,2\r3,\x004\r"))
    assert error.line == 3 and "not a text file" in str(error)


def test_too_many_one_hot_target_columns(tmp_path: Path) -> None:
    # One output unit per class: ten 0/1 columns would need a tenth unit.
    names = [f"c{k}" for k in range(10)]
    text = "x," + ",".join(names) + "\n" + "".join(
        f"{i}," + ",".join("1" if k == i % 10 else "0" for k in range(10)) + "\n"
        for i in range(40))
    assert "10 target columns" in str(load_error(write(tmp_path, text), targets=names))


# --- files that are no regular files, unreachable or too large ------------------------------------

def only_dataset_error(path: Path | str, **kwargs) -> DatasetError:
    """The DatasetError of load_csv, which must come fast; any other exception fails the test."""
    start = time.perf_counter()
    with pytest.raises(DatasetError) as info:
        load_csv(path, **kwargs)
    assert time.perf_counter() - start < 1.0
    assert type(info.value) is DatasetError
    return info.value


@pytest.mark.timeout(10)
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    # Opening a named pipe for reading blocks until some program writes to it.
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    error = only_dataset_error(fifo)
    assert "pipe.csv" in str(error) and "not a regular file (it is a named pipe)" in str(error)


@pytest.mark.timeout(10)
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_pipe_swapped_in_after_the_check_is_not_read(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # The path may change between os.stat and opening: what was opened is checked again.
    fifo, regular = tmp_path / "pipe.csv", write(tmp_path, "a,y\n")
    os.mkfifo(fifo)
    real_stat = os.stat
    monkeypatch.setattr(os, "stat", lambda p, *a, **k: real_stat(regular if p == fifo else p,
                                                                 *a, **k))
    assert "named pipe" in str(only_dataset_error(fifo))


@pytest.mark.timeout(10)
@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_endless_device_is_refused_before_reading() -> None:
    # Reading /dev/zero never ends: it used to fill the memory until MemoryError.
    error = only_dataset_error("/dev/zero")
    assert "zero" in str(error) and "not a regular file (it is a character device)" in str(error)


@pytest.mark.timeout(10)
@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets")
def test_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    with socket.socket(socket.AF_UNIX) as server:
        try:
            server.bind(str(path))
        except OSError:  # e.g. a temporary folder path too long for a socket address
            pytest.skip("cannot create a socket here")
        assert "it is a socket" in str(only_dataset_error(path))


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges")
def test_symbolic_links(tmp_path: Path) -> None:
    target = write(tmp_path, "a,b,y\n" + rows(9))
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    assert load_csv(link).n_samples == 9  # a link to a regular file is fine
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(tmp_path / "gone.csv")
    assert "does not exist" in str(only_dataset_error(dangling))
    loop = tmp_path / "loop.csv"
    loop.symlink_to(loop)
    assert "circle" in str(only_dataset_error(loop))


def test_file_name_too_long(tmp_path: Path) -> None:
    path = tmp_path / ("x" * 300 + ".csv")
    error = only_dataset_error(path)
    assert "too long" in str(error) and "304 bytes" in str(error)
    name_shown = str(error).split(":")[0]  # shortened for a message, with the end kept
    assert name_shown.startswith("xxx") and name_shown.endswith("x.csv") and "…" in name_shown
    assert len(name_shown) <= 80


def test_nul_in_path(tmp_path: Path) -> None:
    error = only_dataset_error(tmp_path / "a\x00b.csv")
    assert "NUL" in str(error) and "\x00" not in str(error)
    assert not is_large_file(tmp_path / "a\x00b.csv")


def test_path_through_a_file(tmp_path: Path) -> None:
    path = write(tmp_path, "a,y\n") / "inner.csv"
    assert "not a folder" in str(only_dataset_error(path))


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulated, so that the test also runs as root.
    path = write(tmp_path, "a,y\n")

    def denied(*args: object, **kwargs: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "open", denied)
    assert "cannot be read (Permission denied)" in str(only_dataset_error(path))


def test_read_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "a,y\n")

    def broken(fd: int, n: int) -> bytes:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "read", broken)
    assert "cannot be read (Input/output error)" in str(only_dataset_error(path))


def test_too_large_file_is_refused_before_opening(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as file:
        file.truncate(int(1.2 * 2**30))  # sparse: takes no disk space

    def forbidden(*args: object, **kwargs: object) -> int:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(os, "open", forbidden)
    error = only_dataset_error(path)
    assert "the file is 1.2 GB; nnsim reads files up to 64 MB" in str(error)
    assert MAX_FILE_BYTES == 64 * 2**20


def test_size_limit_is_exact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "a,b,y\n" + rows(9)
    monkeypatch.setattr(csv_loader, "MAX_FILE_BYTES", len(text))
    assert load_csv(write(tmp_path, text)).n_samples == 9
    error = only_dataset_error(write(tmp_path, text + "\n"))
    assert f"{len(text) + 1} bytes; nnsim reads files up to {len(text)} bytes" in str(error)


def test_file_that_lies_about_its_size_is_read_only_to_the_limit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A file that grows while being read, or reports a wrong size (as files in /proc do).
    path = write(tmp_path, "a,b,y\n" + rows(2000))
    monkeypatch.setattr(csv_loader, "MAX_FILE_BYTES", 1000)
    real_stat, real_fstat, real_read = os.stat, os.fstat, os.read

    def small(info: os.stat_result) -> os.stat_result:
        return os.stat_result((*info[:6], 10, *info[7:10]))

    read = []

    def counting_read(fd: int, n: int) -> bytes:
        data = real_read(fd, n)
        read.append(len(data))
        return data

    monkeypatch.setattr(os, "stat", lambda *a, **k: small(real_stat(*a, **k)))
    monkeypatch.setattr(os, "fstat", lambda fd: small(real_fstat(fd)))
    monkeypatch.setattr(os, "read", counting_read)
    error = only_dataset_error(path)
    assert "larger than 1000 bytes" in str(error)
    assert sum(read) == 1001


def test_memory_error_becomes_a_dataset_error(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def exhausted(path: Path, data: bytes) -> str:
        raise MemoryError

    monkeypatch.setattr(csv_loader, "_decode", exhausted)
    assert "not enough free memory" in str(load_error(write(tmp_path, "a,y\n")))


def test_is_large_file(tmp_path: Path) -> None:
    small = write(tmp_path, "a,b,y\n" + rows(9))
    large = tmp_path / "large.csv"
    with large.open("wb") as file:
        file.truncate(2 * 2**20)
    assert not is_large_file(small) and is_large_file(large) and is_large_file(str(large))
    assert not is_large_file(tmp_path) and not is_large_file(tmp_path / "missing.csv")


# --- limits on what is read -----------------------------------------------------------------------

@pytest.mark.parametrize("before, giant, line", [
    ("a,b,y\n1,2,0\n3,4,1\n", "5,6,{x}\n7,8,1\n", 4),  # one long cell
    ("a,b,y\n1,2,0\n", '3,4,"{x}\n5,6,1\n' * 3, 3),  # a quote left open swallows the rest
    ("", "a,{x},y\n1,2,3\n", 1),  # in the header, where the delimiter is guessed
])
def test_giant_field_names_its_line(tmp_path: Path, before: str, giant: str, line: int) -> None:
    # csv.field_size_limit() is 131,072 characters: this used to escape as _csv.Error.
    error = only_dataset_error(write(tmp_path, before + giant.replace("{x}", "9" * 140_000)))
    assert error.line == line and "longer than 131,072 characters" in str(error)
    assert len(str(error)) < 400


def test_long_cell_is_shortened_in_the_message(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, "a,b,y\n" + rows(4) + "1," + "x" * 100_000 + ",1\n"))
    assert error.line == 6 and "is not a number" in str(error) and "xxx…”" in str(error)
    assert len(str(error)) < 300


def test_long_first_line_still_finds_the_delimiter(tmp_path: Path) -> None:
    # The delimiter is guessed from the first 64 KiB only.
    name = "b" * 70_000
    ds = load_csv(write(tmp_path, f"a;{name};y\n" + rows(9, "{i};{j};{k}")))
    assert ds.feature_names == ("a", name)


def test_row_limit(tmp_path: Path) -> None:
    assert MAX_ROWS == 200_000
    error = load_error(write(tmp_path, "a,b,y\n" + rows(MAX_ROWS + 1)))
    assert error.line == MAX_ROWS + 2 and "more than 200,000 rows" in str(error)


@pytest.mark.timeout(10)
def test_header_with_100000_columns_fails_fast(tmp_path: Path) -> None:
    # The duplicate-name check used to compare every name with all before it: 114 s.
    width = 100_000
    names = ",".join(f"c{j}" for j in range(width))
    path = write(tmp_path, names + "\n" + (",".join(["1"] * width) + "\n") * 5)
    error = only_dataset_error(path)
    assert error.line == 1 and "the header has 100,000 columns; nnsim reads at most" in str(error)


def test_header_column_limit(tmp_path: Path) -> None:
    width = MAX_HEADER_COLUMNS + 1
    names = ",".join(f"c{j}" for j in range(width))
    error = load_error(write(tmp_path, names + "\n" + (",".join(["1"] * width) + "\n") * 5))
    assert error.line == 1 and f"the header has {width} columns" in str(error)
    assert "at most 9 inputs and 9 outputs" in str(error)


def test_line_with_too_many_values(tmp_path: Path) -> None:
    # Refused before the csv module splits it into cells.
    error = load_error(write(tmp_path, "a,b,y\n1,2,3\n4,5,6" + "," * 20_000 + "7\n"))
    assert error.line == 3 and "this line has 20,003 values" in str(error)


def test_empty_cells_after_the_last_column_are_ignored(tmp_path: Path) -> None:
    # Spreadsheets export their whole used range: many empty cells after the last column.
    pad = ";" * (MAX_HEADER_COLUMNS + 50)
    ds = load_csv(write(tmp_path, f"a;b;y{pad}\n" + rows(9, "{i};{j};{k}" + pad)))
    assert ds.feature_names == ("a", "b") and ds.n_samples == 9


def test_memory_is_a_few_times_the_file_size(tmp_path: Path) -> None:
    # It was 11 times for this file: io.StringIO alone holds 4 bytes per character.
    rng = np.random.default_rng(1)
    values = rng.normal(size=(20_000, 4)).tolist()
    path = write(tmp_path, "a,b,c,y\n" + "".join(",".join(map(repr, r)) + "\n" for r in values))
    tracemalloc.start()
    try:
        load_csv(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 6 * path.stat().st_size


def test_long_class_names_are_shortened_in_the_message(tmp_path: Path) -> None:
    long_a, long_b = "a" * 5000, "b" * 5000
    text = "x,y\n" + "".join(f"{i},{c}\n" for i, c in enumerate(["c"] * 4 + [long_a, long_b]))
    error = load_error(write(tmp_path, text))
    assert "every class needs at least 3 rows" in str(error) and len(str(error)) < 800
