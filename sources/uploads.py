"""Article files uploaded in the admin: unpacking `.zip` archives within limits, and keeping
the files between the preview and the confirmation."""

from __future__ import annotations

import io
import shutil
import time
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_TOTAL_BYTES = 50 * 1024 * 1024
MAX_FILES = 1000
STAGING_HOURS = 24

NOT_TEXT = "Nur .txt-Dateien oder ein .zip-Archiv mit .txt-Dateien werden importiert."
TOO_LARGE = "Die Datei ist größer als {limit} MB."
TOO_MANY = "Zu viele Dateien: höchstens {limit} auf einmal."
TOTAL_TOO_LARGE = "Zusammen sind die Dateien größer als {limit} MB."
BROKEN_ZIP = "Das Archiv ist beschädigt oder kein ZIP-Archiv."
EXPIRED = "Die hochgeladenen Dateien sind nicht mehr vorhanden: bitte erneut hochladen."


@dataclass(frozen=True)
class Rejected:
    filename: str
    reason: str


def unpack(uploads: list[tuple[str, bytes]]) -> tuple[list[tuple[str, bytes]], list[Rejected]]:
    """The article files among the uploads, `.zip` archives opened; what is refused, and why.

    Sizes and the number of files are checked before a member of an archive is unpacked,
    against the size the archive declares (Python's zipfile reads no further than that).
    """
    files: list[tuple[str, bytes]] = []
    rejected: list[Rejected] = []
    total = 0
    for name, data in uploads:
        if name.lower().endswith(".zip"):
            members = _zip_members(name, data, rejected)
        elif name.lower().endswith(".txt"):
            members = [(name, len(data), lambda data=data: data)]
        else:
            rejected.append(Rejected(name, NOT_TEXT))
            continue
        for member_name, size, read in members:
            if size > MAX_FILE_BYTES:
                rejected.append(Rejected(member_name, TOO_LARGE.format(limit=_mb(MAX_FILE_BYTES))))
                continue
            total += size
            if total > MAX_TOTAL_BYTES:
                rejected.append(
                    Rejected(member_name, TOTAL_TOO_LARGE.format(limit=_mb(MAX_TOTAL_BYTES)))
                )
                return files, rejected
            if len(files) == MAX_FILES:
                rejected.append(Rejected(member_name, TOO_MANY.format(limit=MAX_FILES)))
                return files, rejected
            try:
                files.append((member_name, read()))
            except (zipfile.BadZipFile, OSError, RuntimeError, EOFError):
                rejected.append(Rejected(member_name, BROKEN_ZIP))
    return files, rejected


def _zip_members(name: str, data: bytes, rejected: list[Rejected]):
    """(name, declared size, reader) for each text file of an archive; refusals go to
    `rejected`."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        rejected.append(Rejected(name, BROKEN_ZIP))
        return
    with archive:
        for info in archive.infolist():
            path = PurePosixPath(info.filename)
            if info.is_dir() or "__MACOSX" in path.parts or path.name.startswith("."):
                continue
            label = f"{name}/{info.filename}"
            if path.suffix.lower() != ".txt":
                rejected.append(Rejected(label, NOT_TEXT))
                continue
            yield label, info.file_size, lambda info=info: archive.read(info)


def _mb(size: int) -> int:
    return size // (1024 * 1024)


def staging_root() -> Path:
    return Path(settings.IMPORT_STAGING_DIR)


def stage(files: list[tuple[str, bytes]], *, user_id: int) -> str:
    """Keep the files until the editor confirms; returns the token that finds them again."""
    _remove_stale()
    token = uuid.uuid4().hex
    folder = staging_root() / str(user_id) / token
    folder.mkdir(parents=True)
    for index, (name, data) in enumerate(files):
        (folder / f"{index:05d}.txt").write_bytes(data)
        (folder / f"{index:05d}.name").write_text(name, encoding="utf-8")
    return token


def staged(token: str, *, user_id: int) -> list[tuple[str, bytes]] | None:
    """The files staged under `token` by this user, in upload order; None when gone."""
    if not token.isalnum():
        return None
    folder = staging_root() / str(user_id) / token
    if not folder.is_dir():
        return None
    return [
        ((folder / f"{path.stem}.name").read_text(encoding="utf-8"), path.read_bytes())
        for path in sorted(folder.glob("*.txt"))
    ]


def discard(token: str, *, user_id: int) -> None:
    if token.isalnum():
        shutil.rmtree(staging_root() / str(user_id) / token, ignore_errors=True)


def _remove_stale() -> None:
    cutoff = time.time() - STAGING_HOURS * 3600
    for folder in staging_root().glob("*/*"):
        if folder.is_dir() and folder.stat().st_mtime < cutoff:
            shutil.rmtree(folder, ignore_errors=True)
