"""Where the compiled translations (.qm) come from: built from the .ts sources by lrelease.

The ``.ts`` files in this folder are the sources, edited by hand and kept in git; the binary
``.qm`` files are not. A frozen bundle or a wheel may carry a ``.qm`` built at packaging time
(``packaging/nnsim.spec`` does that); otherwise the ``.qm`` is built on first use with
PySide6's ``lrelease`` into a cache folder, under a name that holds a hash of the ``.ts``, so an
edited ``.ts`` is never shadowed by a stale build.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
CACHE_ENV = "NNSIM_I18N_CACHE"  # overrides the cache folder (tests, read-only homes)


def ts_path(language: str) -> Path:
    """The translation source of ``language`` (it may not exist for English)."""
    return HERE / f"nnsim_{language}.ts"


def lrelease_command() -> list[str] | None:
    """How to run Qt's lrelease: PySide6's own binary, else ``pyside6-lrelease`` on PATH."""
    try:
        import PySide6
    except ImportError:  # pragma: no cover - nnsim always has PySide6
        return None
    folder = Path(PySide6.__file__).resolve().parent
    for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease", "Qt/bin/lrelease"):
        candidate = folder / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return [str(candidate)]
    script = shutil.which("pyside6-lrelease")
    return [script] if script else None


def compile_ts(source: Path, target: Path) -> bool:
    """Build ``target`` (.qm) from ``source`` (.ts) with lrelease; True when it worked.

    Written to a temporary file first and renamed, so a second nnsim starting at the same time
    never loads a half-written file.
    """
    command = lrelease_command()
    if command is None:
        log.warning("nnsim: lrelease not found; the interface stays in English")
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(suffix=".qm", dir=target.parent)
    os.close(handle)
    try:
        flags = {"creationflags": 0x08000000} if sys.platform == "win32" else {}  # no console
        done = subprocess.run([*command, "-silent", str(source), "-qm", partial],
                              capture_output=True, text=True, timeout=120, check=False, **flags)
        if done.returncode != 0 or os.path.getsize(partial) == 0:
            log.warning("nnsim: lrelease failed on %s: %s", source, done.stderr.strip())
            return False
        os.chmod(partial, 0o644)  # mkstemp makes it private; an installed bundle is shared
        os.replace(partial, target)
        return True
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("nnsim: could not build %s: %s", target, error)
        return False
    finally:
        if os.path.exists(partial):
            os.remove(partial)


def cache_folder() -> Path:
    """A folder the user may write, for .qm files built on first use."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "nnsim" / "i18n"


def qm_path(language: str) -> Path | None:
    """A compiled translation for ``language`` that matches its .ts, building it if needed.

    Returns None when there is none (English, or lrelease missing): the interface then shows
    the source strings.
    """
    source = ts_path(language)
    shipped = HERE / f"nnsim_{language}.qm"
    if not source.is_file():
        return shipped if shipped.is_file() else None  # a frozen bundle ships only the .qm
    if shipped.is_file() and shipped.stat().st_mtime >= source.stat().st_mtime:
        return shipped
    digest = hashlib.sha1(source.read_bytes()).hexdigest()[:12]
    for folder in (cache_folder(), Path(tempfile.gettempdir()) / "nnsim-i18n"):
        built = folder / f"nnsim_{language}-{digest}.qm"
        if built.is_file():
            return built
        try:
            if compile_ts(source, built):
                _remove_stale(folder, language, keep=built)
                return built
        except OSError as error:  # e.g. a read-only cache folder: try the next one
            log.warning("nnsim: cannot build translations in %s: %s", folder, error)
    return None


def _remove_stale(folder: Path, language: str, keep: Path) -> None:
    for old in folder.glob(f"nnsim_{language}-*.qm"):
        if old != keep:
            try:
                old.unlink()
            except OSError:
                pass  # another nnsim may be reading it; it is only a cache
