"""Article files uploaded in the admin: unpacking `.zip` archives within limits, and keeping
the files between the preview and the confirmation.

Nothing here trusts what an upload says about itself: a member of an archive is inflated a
piece at a time while its real bytes are counted against the limits (the size an archive
declares can be forged), and every file is read at most one byte past its limit."""

from __future__ import annotations

import os
import re
import shutil
import time
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from newsroom.uploads import STAGING_SECONDS
from newsroom.zipfiles import declared_zip_entries
from sources.importing.decode import MAX_BYTES as MAX_FILE_BYTES

# What one upload may unpack to, in all: what the admin can read and extract in a request
# (hundreds of articles; hostile text costs the extractor up to 5 s per MB,
# bench/extract_worst_case.py).
MAX_TOTAL_BYTES = 3 * 1024 * 1024
MAX_FILES = 1000
# Entries of an archive looked at, files or not: the list of entries is itself read into memory.
MAX_ARCHIVE_ENTRIES = 5000
CHUNK_BYTES = 64 * 1024
ARCHIVE_SUFFIXES = {".zip", ".7z", ".rar", ".gz", ".tgz", ".bz2", ".xz", ".tar", ".jar"}
ZIP_MAGIC = b"PK\x03\x04"

NOT_TEXT = _("Nur .txt-Dateien oder ein .zip-Archiv mit .txt-Dateien werden importiert.")
TOO_LARGE = _("Die Datei ist größer als {limit} MB.")
TOO_MANY = _("Zu viele Dateien: höchstens {limit} auf einmal.")
TOTAL_TOO_LARGE = _("Zusammen sind die Dateien größer als {limit} MB.")
BROKEN_ZIP = _("Das Archiv ist beschädigt oder kein ZIP-Archiv.")
BROKEN_MEMBER = _("Die Datei lässt sich nicht entpacken (beschädigt oder verschlüsselt).")
NESTED_ARCHIVE = _(
    "Ein Archiv im Archiv wird nicht entpackt: bitte die .txt-Dateien direkt packen."
)
TOO_MANY_ENTRIES = _("Das Archiv hat mehr als {limit} Einträge.")
EXPIRED = _("Die hochgeladenen Dateien sind nicht mehr vorhanden: bitte erneut hochladen.")


@dataclass(frozen=True)
class Rejected:
    filename: str
    reason: str


class _Budget:
    """The bytes and files an upload may still unpack to."""

    def __init__(self):
        self.bytes_left = MAX_TOTAL_BYTES
        self.files_left = MAX_FILES


class _Exhausted(Exception):
    """The upload reached its total limit: nothing more is unpacked."""


def unpack(uploads: list[tuple[str, IO[bytes]]]) -> tuple[list[tuple[str, bytes]], list[Rejected]]:
    """The article files among the uploads (name, binary file), `.zip` archives opened; what
    is refused, and why. Each file is read at most one byte past the limit it must keep."""
    files: list[tuple[str, bytes]] = []
    rejected: list[Rejected] = []
    budget = _Budget()
    try:
        for name, stream in uploads:
            suffix = PurePosixPath(name).suffix.lower()
            if suffix == ".zip":
                _unpack_zip(name, stream, budget, files, rejected)
            elif suffix == ".txt":
                _take(name, stream, budget, files, rejected)
            else:
                rejected.append(Rejected(name, str(NOT_TEXT)))
    except _Exhausted:
        pass
    return files, rejected


def _take(name, stream, budget, files, rejected) -> None:
    """Read one text file within the limits, or refuse it by name."""
    if budget.files_left == 0:
        rejected.append(Rejected(name, str(TOO_MANY).format(limit=MAX_FILES)))
        raise _Exhausted
    limit = min(MAX_FILE_BYTES, budget.bytes_left)
    data = _read_at_most(stream, limit + 1)
    if len(data) > limit:
        if limit == MAX_FILE_BYTES:
            rejected.append(Rejected(name, str(TOO_LARGE).format(limit=_mb(MAX_FILE_BYTES))))
            return
        rejected.append(Rejected(name, str(TOTAL_TOO_LARGE).format(limit=_mb(MAX_TOTAL_BYTES))))
        raise _Exhausted
    if data.startswith(ZIP_MAGIC):
        rejected.append(Rejected(name, str(NESTED_ARCHIVE)))
        return
    budget.bytes_left -= len(data)
    budget.files_left -= 1
    files.append((name, data))


def _read_at_most(stream: IO[bytes], size: int) -> bytes:
    """At most `size` bytes, read a piece at a time: a zip member inflates no further than
    what is asked of it."""
    pieces, read = [], 0
    while read < size and (piece := stream.read(min(CHUNK_BYTES, size - read))):
        pieces.append(piece)
        read += len(piece)
    return b"".join(pieces)


def _unpack_zip(name, stream, budget, files, rejected) -> None:
    if (declared_zip_entries(stream) or 0) > MAX_ARCHIVE_ENTRIES:
        rejected.append(Rejected(name, str(TOO_MANY_ENTRIES).format(limit=MAX_ARCHIVE_ENTRIES)))
        return
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        rejected.append(Rejected(name, str(BROKEN_ZIP)))
        return
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ARCHIVE_ENTRIES:
            rejected.append(
                Rejected(name, str(TOO_MANY_ENTRIES).format(limit=MAX_ARCHIVE_ENTRIES))
            )
            return
        for info in _text_members(name, entries, rejected):
            label = f"{name}/{info.filename}"
            try:
                with archive.open(info) as member:
                    _take(label, member, budget, files, rejected)
            except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, ValueError):
                # A checksum that fails, a member that lies about its size, a password.
                rejected.append(Rejected(label, str(BROKEN_MEMBER)))


def _text_members(name, entries, rejected) -> Iterator[zipfile.ZipInfo]:
    for info in entries:
        path = PurePosixPath(info.filename)
        if info.is_dir() or "__MACOSX" in path.parts or path.name.startswith("."):
            continue
        label = f"{name}/{info.filename}"
        if path.suffix.lower() in ARCHIVE_SUFFIXES:
            rejected.append(Rejected(label, str(NESTED_ARCHIVE)))
        elif path.suffix.lower() != ".txt":
            rejected.append(Rejected(label, str(NOT_TEXT)))
        else:
            yield info


def _mb(size: int) -> int:
    return size // (1024 * 1024)


TOKEN = re.compile(r"^[0-9a-f]{32}$")
# Claimed files wait here for the import job (never a user id, which is a number).
HANDED_OVER = "jobs"


def staging_root() -> Path:
    return Path(settings.IMPORT_STAGING_DIR)


def stage(files: list[tuple[str, bytes]], *, user_id: int) -> str:
    """Keep the files until the editor confirms; returns the token that finds them again.
    An editor has one upload waiting at a time: a new one replaces the last (so uploads
    cannot fill the disk)."""
    _remove_stale()
    shutil.rmtree(staging_root() / str(user_id), ignore_errors=True)
    token = uuid.uuid4().hex
    folder = staging_root() / str(user_id) / token
    folder.mkdir(parents=True)
    for index, (name, data) in enumerate(files):
        (folder / f"{index:05d}.txt").write_bytes(data)
        (folder / f"{index:05d}.name").write_text(name, encoding="utf-8")
    return token


def claim(token: str, *, user_id: int) -> str | None:
    """Take the staged files for the import job, so that a second confirmation (a double
    click, a replay) finds nothing: the folder moves, which only one request can do. Returns
    the name under which `take` finds them."""
    if not TOKEN.fullmatch(token):
        return None
    name = uuid.uuid4().hex
    handed_over = staging_root() / HANDED_OVER / name
    handed_over.parent.mkdir(parents=True, exist_ok=True)
    try:
        (staging_root() / str(user_id) / token).rename(handed_over)
    except OSError:
        return None
    # The files' time to wait starts again: a job queued behind others keeps them.
    os.utime(handed_over)
    return name


def names_of(name: str) -> list[str]:
    """The file names `claim` handed over under `name`, without reading the files."""
    if not TOKEN.fullmatch(name):
        return []
    folder = staging_root() / HANDED_OVER / name
    return [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.name"))]


def take(name: str) -> list[tuple[str, bytes]] | None:
    """The files `claim` handed over under `name`, removed from the disk as they are read."""
    if not TOKEN.fullmatch(name):
        return None
    folder = staging_root() / HANDED_OVER / name
    try:
        return _read(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _read(folder: Path) -> list[tuple[str, bytes]] | None:
    if not folder.is_dir():
        return None
    return [
        ((folder / f"{path.stem}.name").read_text(encoding="utf-8"), path.read_bytes())
        for path in sorted(folder.glob("*.txt"))
    ]


def _remove_stale() -> None:
    cutoff = time.time() - STAGING_SECONDS
    for folder in staging_root().glob("*/*"):
        if folder.is_dir() and folder.stat().st_mtime < cutoff:
            shutil.rmtree(folder, ignore_errors=True)
