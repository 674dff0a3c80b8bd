"""Read a data file's text safely: regular files only, bounded in size, in the encoding it has.

Students pick the wrong file: a named pipe, ``/dev/zero``, a folder, a 2 GB log. Such files are
refused before they are read, and no more than the size limit is ever read, so no file hangs
the program or exhausts its memory. The text may be UTF-8 with or without a byte-order mark,
Windows "ANSI" (cp1252/Latin-1), UTF-16 or UTF-32. Every problem is a :class:`DatasetError`
that says how to fix it.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from nnsim.core.csv_errors import DatasetError, elided
from nnsim.core.csv_limits import MAX_ROWS

_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_LINE_END = re.compile(rb"[\r\n]")
# Opening a named pipe for reading blocks until a writer appears; O_NONBLOCK returns at once.
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # not on Windows, which has no named pipes in folders
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | _O_NONBLOCK
_FILE_KINDS = [(stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
               (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")]
_SAVE_HINT = "Open it in a spreadsheet program and save it as “CSV UTF-8 (comma delimited)”."
_BINARY = ("this is not a text file (it contains binary data); perhaps it is an Excel workbook. "
           + _SAVE_HINT)


# --- reading the bytes ----------------------------------------------------------------------------

def read_file_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's content, after checking that it is a regular file of at most ``max_bytes``."""
    try:
        info = os.stat(path)  # follows symbolic links: a link to a regular file is fine
    except ValueError:  # only an embedded NUL makes os.stat raise ValueError
        raise DatasetError(path, "the file name contains a NUL character, which no file name "
                                 "can hold. Choose the file again.") from None
    except OSError as error:
        raise _os_problem(path, error) from None
    _check_regular(path, info, max_bytes)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise _os_problem(path, error) from None
    try:
        # The path may have been replaced since os.stat: check what was actually opened.
        info = os.fstat(fd)
        _check_regular(path, info, max_bytes)
        if _O_NONBLOCK:
            os.set_blocking(fd, True)
        return _read_at_most(path, fd, info.st_size, max_bytes)
    except OSError as error:
        raise _os_problem(path, error) from None
    finally:
        os.close(fd)


def _check_regular(path: Path, info: os.stat_result, max_bytes: int) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise DatasetError(path, f"this is a folder, not a file ({_absolute(path)}). Choose a "
                                 ".csv file.")
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in _FILE_KINDS if test(info.st_mode)), "a special file")
        raise DatasetError(path, f"this is not a regular file (it is {kind}). Choose a .csv "
                                 "file saved on a disk.")
    if info.st_size > max_bytes:
        raise _too_big(path, info.st_size, max_bytes)


def _read_at_most(path: Path, fd: int, size: int, max_bytes: int) -> bytes:
    """The content of an open file whose size was ``size``, reading at most ``max_bytes`` + 1.

    The extra byte tells a file that grew while being read, or lied about its size (files in
    /proc claim 0 bytes), from one that fits.
    """
    limit = max_bytes + 1
    chunks: list[bytes] = []
    total = 0
    want = min(size, max_bytes) + 1  # the whole file in one read when its size is true
    while total < limit:
        chunk = os.read(fd, min(want, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = 2**20
    if total > max_bytes:
        raise _too_big(path, None, max_bytes)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)  # no copy in the usual case


def _too_big(path: Path, size: int | None, max_bytes: int) -> DatasetError:
    limit = _size_text(max_bytes)
    actual = _size_text(size) if size is not None else f"larger than {limit}"
    return DatasetError(path, f"the file is {actual}; nnsim reads files up to {limit}, with at "
                              f"most {MAX_ROWS:,} rows. Use a part of the data.")


def _os_problem(path: Path, error: OSError) -> DatasetError:
    """The DatasetError for an OSError from examining, opening or reading ``path``."""
    if isinstance(error, FileNotFoundError):
        problem = (f"the file does not exist ({_absolute(path)}). Check the folder and the "
                   "spelling of the name.")
    elif isinstance(error, NotADirectoryError):
        problem = (f"a part of the path is a file, not a folder ({_absolute(path)}). Check "
                   "the folder.")
    elif error.errno == errno.ENAMETOOLONG:
        name_bytes = len(os.fsencode(path.name))
        if name_bytes > 255:  # the limit of every common file system
            problem = (f"the file name is too long ({name_bytes} bytes; at most 255 are "
                       "allowed). Rename the file.")
        else:
            problem = (f"the path is too long ({len(os.fsencode(path))} bytes). Move the file "
                       "to a folder with a shorter path.")
    elif error.errno == errno.ELOOP:
        problem = (f"the path contains symbolic links that lead in a circle "
                   f"({_absolute(path)}).")
    else:
        problem = (f"the file cannot be read ({error.strerror or error}). Check that it is "
                   "not open in another program and that you may read it.")
    return DatasetError(path, problem)



def _absolute(path: Path) -> str:
    try:
        return elided(str(path.absolute()), 200)
    except OSError:  # the current folder was deleted
        return elided(str(path), 200)


def _size_text(size: int) -> str:
    """A size as file managers show it: 900 bytes, 12.3 KB, 64 MB, 1.2 GB (1 KB = 1024 bytes)."""
    if size < 1024:
        return f"{size} bytes"
    value = float(size)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1024
        if round(value, 1) < 1024 or unit == "TB":
            break
    return f"{value:.1f}".removesuffix(".0") + f" {unit}"


# --- decoding the text ----------------------------------------------------------------------------

def decode_text(path: Path, data: bytes) -> str:
    """The file's text: as its byte-order mark says, else UTF-8, else Windows "ANSI".

    Binary data, and a file that mixes UTF-8 and another encoding, are refused.
    """
    text = _decode_bom(path, data)
    if text is None:
        return _decode_8bit(path, data)
    if "\x00" in text:  # UTF-16 bytes include NULs, but a NUL character is binary data
        head = text[:text.index("\x00")].encode()
        raise DatasetError(path, _BINARY, _line_at(head, len(head)))
    return text


def _decode_bom(path: Path, data: bytes) -> str | None:
    """Text that starts with a UTF-32 or UTF-16 byte-order mark, or None if there is none."""
    # UTF-32 first: its little-endian mark starts with the UTF-16 one.
    for bom, encoding in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                          (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):  # Excel's "Unicode text" is UTF-16
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise DatasetError(path, f"the file claims to be {encoding.upper()} text but has "
                                         f"invalid bytes at byte {error.start}. {_SAVE_HINT}"
                                   ) from None
    return None


def _decode_8bit(path: Path, data: bytes) -> str:
    if b"\x00" in data:
        raise DatasetError(path, _BINARY, _line_at(data, data.index(b"\x00")))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        first_bad = _line_at(data, error.start)
    # Some lines are valid UTF-8 with accents and others are not: two encodings in one file,
    # e.g. pasted together. Guessing would garble one half, so say where it breaks.
    if _has_utf8_accented_line(data):
        raise DatasetError(path, "the file mixes text encodings: this line is not valid UTF-8, "
                                 f"but other lines are. {_SAVE_HINT}", first_bad)
    try:
        return data.decode("cp1252")  # what Windows programs write as "ANSI"
    except UnicodeDecodeError:
        return data.decode("latin-1")  # decodes any byte


def _line_at(data: bytes, offset: int) -> int:
    """The 1-based line of ``offset``, counting \\r\\n, \\r and \\n line ends as an editor does."""
    return (data.count(b"\n", 0, offset) + data.count(b"\r", 0, offset)
            - data.count(b"\r\n", 0, offset) + 1)


def _has_utf8_accented_line(data: bytes) -> bool:
    """Whether a line with non-ASCII bytes is valid UTF-8; looks only at such lines."""
    position = 0
    while match := _HIGH_BYTE.search(data, position):
        start = max(position, data.rfind(b"\n", position, match.start()) + 1,
                    data.rfind(b"\r", position, match.start()) + 1)
        line_end = _LINE_END.search(data, match.end())
        end = line_end.start() if line_end else len(data)
        try:
            data[start:end].decode("utf-8")
        except UnicodeDecodeError:
            position = end + 1
            continue
        return True
    return False
