"""Fuzz test of the CSV loader: whatever the file holds, load_csv returns a Dataset or raises
DatasetError, quickly, with a short message naming the file.

The files are generated from fixed seeds, so a failure names a case that can be regenerated
with ``make_case(kind, seed)``. Random testing of the real app found files that escaped as
``_csv.Error``, ``OSError`` or ``ValueError``, and files that made the loader hang; these kinds
are all among the generated ones.
"""

from __future__ import annotations

import codecs
import random
from pathlib import Path
from typing import Callable

import pytest

from nnsim.core.csv_loader import DatasetError, load_csv
from nnsim.core.datasets import Dataset

# Cells chosen to hit every branch of number parsing and of the missing-value checks.
ODD_CELLS = ["inf", "-inf", "Infinity", "nan", "NaN", "NA", "n/a", "?", "null", "1e400",
             "-1e400", "1e-400", "", " ", "abc", "1,5", "1.5.5", "0x10", "1_0", "١٢", "∞", "−1",
             "\u2028", "\x0c", "\x0b", "\x85", "\x1c", '"', '""', "'", "#", "1e", "--1", "+",
             ".", "\x00", "\t", ";", "ɪ", "é", "9" * 400, "x" * 5000, "1" * 2000 + ".5"]
DELIMITERS = [",", ";", "\t", "|", " "]
BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE,
        codecs.BOM_UTF32_BE]
ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-16-le", "utf-16-be",
             "utf-32"]
# Above csv.field_size_limit()'s default of 131,072 characters.
HUGE = 140_000


def random_cell(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.5:
        return repr(round(rng.gauss(0, 10), rng.randint(0, 17)))
    if kind < 0.7:
        return str(rng.randint(0, 3))
    if kind < 0.85:
        return rng.choice(["a", "b", "c", "yes", "no", "ɪ", "Köln"])
    return rng.choice(ODD_CELLS)


def random_table(rng: random.Random) -> str:
    """A CSV text that is often valid and sometimes slightly wrong."""
    delimiter = rng.choice(DELIMITERS[:3])
    width = rng.randint(1, 6)
    names = [rng.choice(["x", "y", "a", "b", "F1 (Hz)", "label", "", "1", "n,a"]) + str(j)
             * (rng.random() < 0.9) for j in range(width)]
    lines = [delimiter.join(f'"{n}"' if delimiter in n or rng.random() < 0.1 else n
                            for n in names)]
    for _ in range(rng.choice([0, 1, 3, 10, 40])):
        cells = [random_cell(rng) for _ in range(width)]
        lines.append(delimiter.join(cells))
    newline = rng.choice(["\n", "\r\n", "\r"])
    return newline.join(lines) + newline * rng.randint(0, 2)


def mutate(rng: random.Random, text: str) -> str:
    """One random corruption of ``text``."""
    position = rng.randint(0, len(text))
    choice = rng.randrange(12)
    if choice == 0:  # another delimiter at some places
        chars = list(text)
        for _ in range(rng.randint(1, 5)):
            i = rng.randrange(len(chars)) if chars else 0
            if chars and chars[i] in ",;\t":
                chars[i] = rng.choice(DELIMITERS)
        return "".join(chars)
    if choice == 1:  # a quote left open
        return text[:position] + '"' + text[position:]
    if choice == 2:
        return text[:position] + "\x00" + text[position:]
    if choice == 3:  # a piece cut out
        return text[:position] + text[position + rng.randint(1, 50):]
    if choice == 4:  # truncated
        return text[:position]
    if choice == 5:
        return text[:position] + rng.choice(ODD_CELLS) + text[position:]
    if choice == 6:  # CR-only or mixed line ends
        return text.replace("\n", rng.choice(["\r", "\r\n", "\n\r", "\r\r\n"]))
    if choice == 7:  # trailing delimiters
        return text.replace("\n", rng.choice([",", ";;;", "\t"]) + "\n")
    if choice == 8:  # a duplicated line
        lines = text.splitlines(keepends=True)
        if lines:
            i = rng.randrange(len(lines))
            lines.insert(i, lines[i])
        return "".join(lines)
    if choice == 9:  # a line without its delimiters: ragged
        lines = text.splitlines(keepends=True)
        if lines:
            i = rng.randrange(len(lines))
            lines[i] = lines[i].replace(",", "", 1).replace(";", "", 1)
        return "".join(lines)
    if choice == 10:
        return text[:position] + rng.choice(["\u2028", "\x85", "\x0c", "\x1e"]) + text[position:]
    return text + "\n" + text  # a second header in the middle


def encode(rng: random.Random, text: str) -> bytes:
    encoding = rng.choice(ENCODINGS)
    data = text.encode(encoding, errors="replace")
    if rng.random() < 0.1:  # two encodings in one file
        data += text.encode(rng.choice(ENCODINGS), errors="replace")
    return data


def case_random_bytes(rng: random.Random) -> bytes:
    return rng.randbytes(rng.choice([0, 1, 2, 3, 10, 100, 3000]))


def case_random_text(rng: random.Random) -> bytes:
    alphabet = ',;\t"\r\n0123456789.-eE+ abnaif\x00\x0c'
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 2000))).encode()


def case_mutated(rng: random.Random) -> bytes:
    text = random_table(rng)
    for _ in range(rng.randint(1, 4)):
        text = mutate(rng, text)
    return encode(rng, text)


def case_utf16_truncated(rng: random.Random) -> bytes:
    data = random_table(rng).encode(rng.choice(["utf-16", "utf-16-le", "utf-16-be"]))
    return data[:rng.randint(0, len(data))]


def case_bom(rng: random.Random) -> bytes:
    return rng.choice(BOMS) + encode(rng, random_table(rng))


def case_huge_field(rng: random.Random) -> bytes:
    text = random_table(rng)
    position = rng.randint(0, len(text))
    field = rng.choice(["", '"']) + rng.choice("9x,\n") * rng.randint(HUGE, HUGE + 20_000)
    return (text[:position] + field + text[position:]).encode()


def case_many_columns(rng: random.Random) -> bytes:
    width = rng.choice([10, 19, 257, 1000, 20_000, 100_000])
    delimiter = rng.choice([",", ";", "\t"])
    names = [f"c{j}" for j in range(width)]
    if rng.random() < 0.3:  # a duplicate name, found only after the other names were compared
        names[-1] = "c0"
    rows = [delimiter.join(str(rng.randint(0, 1)) for _ in range(width))
            for _ in range(rng.choice([0, 3, 10]))]
    return "\n".join([delimiter.join(names), *rows]).encode()


def case_structural(rng: random.Random) -> bytes:
    shapes = ["", "\n", "\r\r\r", "\ufeff", ",,,\n,,,\n", "a,b\n", "a,b\n\n\n", "a\n1\n2\n3\n",
              "a,b\r1,2\r3,4\r5,6\r", '"a,b\n1,2\n', '"""\n', "a,a\n1,2\n", "a,b\n1\n2,3,4\n",
              "1,2\n3,4\n", "a;b,c\n1;2,3\n", "x,y\n" + "1,a\n" * 5 + "2,b\n" * 5]
    return rng.choice(shapes).encode(rng.choice(["utf-8", "utf-16", "utf-8-sig"]))


CASES: dict[str, tuple[Callable[[random.Random], bytes], int]] = {
    "random_bytes": (case_random_bytes, 30),
    "random_text": (case_random_text, 40),
    "mutated": (case_mutated, 160),
    "utf16_truncated": (case_utf16_truncated, 30),
    "bom": (case_bom, 30),
    "huge_field": (case_huge_field, 12),
    "many_columns": (case_many_columns, 18),
    "structural": (case_structural, 40),
}


def make_case(kind: str, seed: int) -> tuple[bytes, dict]:
    """The file content and the keyword arguments for load_csv of one case."""
    rng = random.Random(f"{kind}-{seed}")  # a string seed is stable across Python versions
    content = CASES[kind][0](rng)
    kwargs: dict = {}
    if rng.random() < 0.2:
        kwargs["task"] = rng.choice(["regression", "classification"])
    if rng.random() < 0.2:
        kwargs["targets"] = rng.choice(["y1", "x0", "label2", ["a0", "b1"], ["x0", "y1", "y1"]])
    return content, kwargs


def count_lines(content: bytes) -> int:
    # Generous: every CR and every LF may end a line (in UTF-16 too), plus the last line.
    return content.count(b"\n") + content.count(b"\r") + 1


@pytest.mark.timeout(10)
@pytest.mark.parametrize("kind, seed", [(kind, seed) for kind, (_, n) in CASES.items()
                                        for seed in range(n)])
def test_load_csv_returns_a_dataset_or_raises_dataset_error(tmp_path: Path, kind: str,
                                                            seed: int) -> None:
    content, kwargs = make_case(kind, seed)
    path = tmp_path / f"{kind}-{seed}.csv"
    path.write_bytes(content)
    try:
        dataset = load_csv(path, **kwargs)
    except DatasetError as error:
        message = str(error)
        assert message.startswith(path.name), message
        assert len(message) < 2_000, f"a message for a student is {len(message)} characters long"
        assert error.line is None or 1 <= error.line <= count_lines(content), error.line
    else:
        assert isinstance(dataset, Dataset)
