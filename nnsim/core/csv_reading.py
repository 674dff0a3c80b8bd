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

from nnsim.core.csv_errors import WORDS, DatasetError, elided
from nnsim.core.csv_limits import MAX_ROWS

_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_LINE_END = re.compile(rb"[\r\n]")
# Opening a named pipe for reading blocks until a writer appears; O_NONBLOCK returns at once.
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # not on Windows, which has no named pipes in folders
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | _O_NONBLOCK
# What a file is (words of csv_errors.WORDS, translated by the window).
_FILE_KINDS = [(stat.S_ISFIFO, "named pipe"), (stat.S_ISCHR, "character device"),
               (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket")]


# --- reading the bytes ----------------------------------------------------------------------------

def read_file_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's content, after checking that it is a regular file of at most ``max_bytes``."""
    try:
        info = os.stat(path)  # follows symbolic links: a link to a regular file is fine
    except ValueError:  # only an embedded NUL makes os.stat raise ValueError
        raise DatasetError(path, "nul_in_name") from None
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
        raise DatasetError(path, "is_folder", {"path": _absolute(path)})
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in _FILE_KINDS if test(info.st_mode)), "special file")
        raise DatasetError(path, "not_regular", {"kind": WORDS[kind]})
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
    if size is None:
        return DatasetError(path, "too_big_unknown", {"limit_bytes": max_bytes,
                                                      "max_rows": MAX_ROWS})
    return DatasetError(path, "too_big", {"size_bytes": size, "limit_bytes": max_bytes,
                                          "max_rows": MAX_ROWS})


def _os_problem(path: Path, error: OSError) -> DatasetError:
    """The DatasetError for an OSError from examining, opening or reading ``path``."""
    if isinstance(error, FileNotFoundError):
        return DatasetError(path, "not_found", {"path": _absolute(path)})
    if isinstance(error, NotADirectoryError):
        return DatasetError(path, "not_a_folder", {"path": _absolute(path)})
    if error.errno == errno.ENAMETOOLONG:
        name_bytes = len(os.fsencode(path.name))
        if name_bytes > 255:  # the limit of every common file system
            return DatasetError(path, "name_too_long", {"length": name_bytes})
        return DatasetError(path, "path_too_long", {"length": len(os.fsencode(path))})
    if error.errno == errno.ELOOP:
        return DatasetError(path, "link_loop", {"path": _absolute(path)})
    return DatasetError(path, "unreadable", {"reason": str(error.strerror or error)})



def _absolute(path: Path) -> str:
    try:
        return elided(str(path.absolute()), 200)
    except OSError:  # the current folder was deleted
        return elided(str(path), 200)


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
        raise DatasetError(path, "binary", {}, _line_at(head, len(head)))
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
                raise DatasetError(path, "bad_unicode", {"encoding": encoding.upper(),
                                                         "offset": error.start}) from None
    return None


def _decode_8bit(path: Path, data: bytes) -> str:
    if b"\x00" in data:
        raise DatasetError(path, "binary", {}, _line_at(data, data.index(b"\x00")))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        first_bad = _line_at(data, error.start)
    # Some lines are valid UTF-8 with accents and others are not: two encodings in one file,
    # e.g. pasted together. Guessing would garble one half, so say where it breaks.
    if _has_utf8_accented_line(data):
        raise DatasetError(path, "mixed_encodings", {}, first_bad)
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
