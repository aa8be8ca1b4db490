"""Benchmark: what hostile uploads cost, each in a child process under `/usr/bin/time -v`.

    .venv/bin/python bench/hostile_uploads.py

Builds, in a temporary folder: CSV files whose header has 100,000 and 1,000,000 columns
(689 KB and 7.9 MB), a 1 MB zip whose one member declares 1 KB but inflates to 1 GB, a zip of
20 members that each honestly inflate to 50 MB, and a 1 GB article file. Then runs each
through the path an attacker would use: the admin upload (Django's test client against a
migrated throw-away SQLite database, the whole request, upload handlers included) or the
command line (`import_csv`, `import_articles`). Prints, per case, the answer the user gets,
the wall-clock time and the child's peak memory (maximum resident set size), as
`/usr/bin/time -v` reports them.
"""

import io
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024


def wide_csv(path: Path, columns: int) -> Path:
    path.write_text(";".join(f"spalte{n}" for n in range(columns)) + "\r\nx\r\n")
    return path


def lying_zip(path: Path, *, inflated: int, declared: int) -> Path:
    """One member that says `declared` bytes but inflates to `inflated` (sizes forged in
    both headers after writing)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("artikel.txt", "w") as member:
            chunk = b"a" * MB
            for _ in range(inflated // MB):
                member.write(chunk)
    raw = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = raw.index(signature) + offset
        raw[at : at + 4] = declared.to_bytes(4, "little")
    path.write_bytes(bytes(raw))
    return path


def honest_zip(path: Path, *, members: int, each: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for n in range(members):
            with archive.open(f"artikel-{n}.txt", "w") as member:
                for _ in range(each // MB):
                    member.write(b"Ein Satz. " * (MB // 10) + b"x" * (MB % 10))
    return path


def child(kind: str, file: str) -> None:
    """In the child: one admin upload through the test client, answer printed."""
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.test import Client

    user, _ = User.objects.get_or_create(
        username="bench", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    with open(file, "rb") as stream:
        upload = io.BytesIO(stream.read())
    upload.name = Path(file).name
    if kind == "admin-csv":
        page = client.post(
            "/admin/events/topic/import/", {"resource": "0", "format": "0", "import_file": upload}
        )
    else:
        page = client.post("/admin/sources/sourcearticle/import-articles/", {"files": upload})
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.content.decode()))
    found = re.search(r"\S+\.(?:csv|zip)\S*:? (?:Die|Das) .{0,120}?\.(?= |$)", text)
    print(f"HTTP {page.status_code}: {found.group(0) if found else text[:160]}")


def measure(label: str, command: list[str], env: dict) -> None:
    run = subprocess.run(
        ["/usr/bin/time", "-v", *command], env=env, capture_output=True, text=True, cwd=ROOT
    )
    report = run.stderr
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1))
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", report).group(1)
    # The child's own last words: its answer on stdout, else its refusal on stderr.
    said = [
        line
        for line in report.split("\tCommand being timed")[0].strip().splitlines()
        if not line.startswith("Command exited")
    ]
    answer = (run.stdout.strip().splitlines() or said or [""])[-1]
    print(f"{label:<44} {wall:>8}  {rss / 1024:7.0f} MB  {answer[:110]}")


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
        return
    python = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        env = {
            **os.environ,
            "DEBUG": "1",
            "ALLOWED_HOSTS": "testserver",
            "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
            "IMPORT_STAGING_DIR": str(folder / "staging"),
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "PYTHONPATH": str(ROOT),
        }
        subprocess.run([python, "manage.py", "migrate", "-v0"], env=env, cwd=ROOT, check=True)
        wide_100k = wide_csv(folder / "breit-100k.csv", 100_000)
        wide_1m = wide_csv(folder / "breit-1m.csv", 1_000_000)
        bomb = lying_zip(folder / "bombe.zip", inflated=1024 * MB, declared=1024)
        honest = honest_zip(folder / "ehrlich.zip", members=20, each=50 * MB)
        topics = folder / "themen.csv"
        with topics.open("w") as file:
            file.write("slug;name;description\r\n")
            for n in range(200_000):
                file.write(f"thema-{n};Thema Nummer {n};Eine Beschreibung des Themas {n}.\r\n")
        huge = folder / "riesig.txt"
        with huge.open("wb") as file:
            file.truncate(1024 * MB)
        sizes = {
            path.name: path.stat().st_size for path in (wide_100k, wide_1m, bomb, honest, topics)
        }
        print("files: " + ", ".join(f"{name} {size / MB:.1f} MB" for name, size in sizes.items()))
        print(f"{'case':<44} {'wall':>8}  {'peak RSS':>10}  answer")
        admin = [python, __file__, "--child"]
        measure("admin: CSV header, 100,000 columns", [*admin, "admin-csv", str(wide_100k)], env)
        measure("admin: CSV header, 1,000,000 columns", [*admin, "admin-csv", str(wide_1m)], env)
        measure(
            "import_csv: CSV header, 1,000,000 columns",
            [python, "manage.py", "import_csv", "topics", str(wide_1m)],
            env,
        )
        measure(
            "admin: CSV of 200,000 valid rows (preview)", [*admin, "admin-csv", str(topics)], env
        )
        measure("admin: zip, 1 KB declared, 1 GB inflated", [*admin, "admin-zip", str(bomb)], env)
        measure("admin: zip, 20 x 50 MB honestly", [*admin, "admin-zip", str(honest)], env)
        measure(
            "import_articles: 1 GB file", [python, "manage.py", "import_articles", str(huge)], env
        )


if __name__ == "__main__":
    main()
