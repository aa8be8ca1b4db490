"""Benchmark: `import_csv statements` with 100,000 German rows, on PostgreSQL and SQLite.

    .venv/bin/python bench/csv_import.py [--rows 100000] [--only postgres|sqlite]

Generates 50 summits, 500 people, 20 source articles and a statements CSV (German Excel style:
`;`, German dates, cp1252), loads the references, then times the statements import through
`import_csv` (full validation, row-level errors, one transaction) and a re-import (every row
skipped). On PostgreSQL the same file is also `COPY`ed, in the same run, into a bare table and
into one carrying the statement table's indexes (five b-trees),
and the import's time is given as a multiple of each. Each database runs in a child process;
peak memory is that process's ru_maxrss (Django, the import and the re-import). The load
average is printed because other work on the machine changes the figures a lot.

What it prints for the import: wall seconds and rows/s; the CPU seconds of the Python process
and, on PostgreSQL, of the database's server process for the import's connection (read from
/proc when the server runs on this machine). CPU seconds barely move with the machine's load
where the wall time does: on PostgreSQL the import writes each batch in a thread of its own
while Python reads the next, so on an idle machine the wall time is about the larger of the
two (the server's: the rows, their foreign keys and the versions in the history), and the
rows/s figure falls as soon as other work takes a core.
PostgreSQL: a throw-away database `newsroom_bench` on postgres://postgres@127.0.0.1:5432/,
created and dropped.
"""

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_DATABASE = "newsroom_bench"
SUMMITS, PEOPLE, SOURCES = 50, 500, 20

WORDS = (
    "Gipfel Verhandlungen Sanktionen Denuklearisierung Frieden Gespräche Delegation Erklärung "
    "Abrüstung Halbinsel Vertrauen Fortschritt Zusammenarbeit Wirtschaft Zukunft Bündnis "
    "Außenminister Präsident Verbindungsbüro Abkommen schwierig großartig produktiv weiter "
    "über für und nicht wir werden haben sehr gute Ergebnisse kommen heute morgen"
).split()
KINDS = ["direct", "fragment", "indirect", "written"]
TOPICS = ["denuklearisierung", "sanktionen", "verbindungsbuero", "friedensvertrag", "wirtschaft"]


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def write(path: Path, header: list[str], rows) -> None:
    with open(path, "w", encoding="cp1252", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(header)
        writer.writerows(rows)


def generate(directory: Path, *, rows: int) -> None:
    rng = random.Random(5)
    write(
        directory / "summits.csv",
        ["slug", "title", "starts_on", "ends_on", "city", "country"],
        (
            [
                f"gipfel-{n}",
                f"Gipfel Nummer {n}",
                f"0{1 + n % 9}.03.2019",
                "28.03.2019",
                "Hanoi",
                "VN",
            ]
            for n in range(SUMMITS)
        ),
    )
    write(
        directory / "people.csv",
        ["slug", "name", "aliases", "country"],
        ([f"person-{n}", f"Person Nummer {n}", f"Sprecher {n}", "US"] for n in range(PEOPLE)),
    )
    write(
        directory / "topics.csv",
        ["slug", "name"],
        ([slug, slug.capitalize()] for slug in TOPICS),
    )
    write(
        directory / "sources.csv",
        ["slug", "title", "publisher", "body", "summits"],
        (
            [f"artikel-{n}", f"Artikel {n}", "MDR", sentence(rng, 200), f"gipfel-{n}"]
            for n in range(SOURCES)
        ),
    )
    write(
        directory / "statements.csv",
        ["summit", "speaker", "text", "kind", "said_on", "context", "topics", "source", "status"],
        (
            [
                f"gipfel-{rng.randrange(SUMMITS)}",
                f"person-{rng.randrange(PEOPLE)}"
                if n % 10
                else f"Sprecher {rng.randrange(PEOPLE)}",
                f"{sentence(rng, rng.randint(6, 30))} ({n})",
                rng.choice(KINDS),
                f"{rng.randint(1, 28):02d}.02.2019",
                sentence(rng, rng.randint(10, 40)),
                ", ".join(rng.sample(TOPICS, rng.randint(0, 2))),
                f"artikel-{rng.randrange(SOURCES)}" if n % 3 == 0 else "",
                rng.choice(["draft", "suggested", "published"]),
            ]
            for n in range(rows)
        ),
    )


def child(directory: Path) -> None:
    """Runs in a fresh process with DATABASE_URL set: migrate, load, time."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only")
    import django

    django.setup()
    from io import StringIO

    from django.core.management import call_command
    from django.db import connection

    from events.models import Statement

    call_command("migrate", verbosity=0)
    for model in ["summits", "people", "topics", "sources"]:
        call_command(
            "import_csv", model, str(directory / f"{model}.csv"), verbosity=0, stdout=StringIO()
        )
    path = directory / "statements.csv"
    figures = {"vendor": connection.vendor}

    server = server_cpu(connection)
    started, cpu = time.perf_counter(), time.process_time()
    call_command("import_csv", "statements", str(path), verbosity=0, stdout=StringIO())
    figures["import_s"] = time.perf_counter() - started
    figures["import_cpu_s"] = time.process_time() - cpu
    if server is not None:
        figures["server_cpu_s"] = server_cpu(connection) - server
    figures["rows"] = Statement.objects.count()

    started = time.perf_counter()
    out = StringIO()
    call_command("import_csv", "statements", str(path), verbosity=0, stdout=out)
    figures["reimport_s"] = time.perf_counter() - started
    figures["reimport_summary"] = out.getvalue().strip()

    if connection.vendor == "postgresql":
        figures["copy_s"] = copy_into(connection, path, indexed=False)
        figures["copy_indexed_s"] = copy_into(connection, path, indexed=True)
    figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(figures))


def server_cpu(connection) -> float | None:
    """CPU seconds of PostgreSQL's process serving `connection`, if it runs on this machine."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        with open(f"/proc/{pid}/stat") as stream:
            fields = stream.read().rpartition(")")[2].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def copy_into(connection, path: Path, *, indexed: bool) -> float:
    """Seconds to COPY the file into a table of text columns: bare, or carrying the indexes
    the statements table has (five b-trees)."""
    columns = ["summit", "speaker", "text", "kind", "said_on", "context", "topics", "source"]
    columns.append("status")
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE bench_copy ({', '.join(f'{c} text' for c in columns)})")
        if indexed:
            for column in ["summit", "speaker", "source", "status", "kind"]:
                cursor.execute(f"CREATE INDEX ON bench_copy ({column})")
        started = time.perf_counter()
        command = (
            "COPY bench_copy FROM STDIN (FORMAT csv, DELIMITER ';', HEADER, ENCODING 'WIN1252')"
        )
        with open(path, "rb") as stream, cursor.cursor.copy(command) as copy:
            while chunk := stream.read(1 << 20):
                copy.write(chunk)
        seconds = time.perf_counter() - started
        cursor.execute("DROP TABLE bench_copy")
    return seconds


def run_child(directory: Path, database_url: str) -> dict:
    env = {**os.environ, "DATABASE_URL": database_url, "CONN_MAX_AGE": "0"}
    output = subprocess.run(
        [sys.executable, __file__, "--child", str(directory)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def report(figures: dict, *, rows: int) -> None:
    rate = rows / figures["import_s"]
    server = ""
    if "server_cpu_s" in figures:
        server = f", database server {figures['server_cpu_s']:.1f} s CPU"
    line = (
        f"{figures['vendor']:>10}: {rows} rows in {figures['import_s']:.2f} s "
        f"= {rate:,.0f} rows/s (Python {figures['import_cpu_s']:.1f} s CPU{server}); "
        f"re-import (all skipped) {figures['reimport_s']:.2f} s = "
        f"{rows / figures['reimport_s']:,.0f} rows/s; peak memory {figures['peak_mb']:.0f} MB"
    )
    if "copy_s" in figures:
        line += (
            f"; COPY into a bare table {figures['copy_s']:.2f} s = "
            f"{rows / figures['copy_s']:,.0f} rows/s, import takes "
            f"{figures['import_s'] / figures['copy_s']:.1f}x COPY; COPY into a table with the "
            f"statement table's indexes {figures['copy_indexed_s']:.2f} s, import takes "
            f"{figures['import_s'] / figures['copy_indexed_s']:.1f}x that"
        )
    print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--only", choices=["postgres", "sqlite"])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child))
        return

    import psycopg

    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        started = time.perf_counter()
        generate(directory, rows=args.rows)
        size = (directory / "statements.csv").stat().st_size / 2**20
        seconds = time.perf_counter() - started
        print(f"generated {args.rows} statements ({size:.0f} MB) in {seconds:.1f} s")
        print("load average before: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
        if args.only != "sqlite":
            with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE}")
                admin.execute(f"CREATE DATABASE {PG_DATABASE}")
            try:
                report(run_child(directory, f"{PG_SERVER}/{PG_DATABASE}"), rows=args.rows)
            finally:
                with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
                    admin.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
        if args.only != "postgres":
            report(
                run_child(directory, f"sqlite:///{directory / 'bench.sqlite3'}"), rows=args.rows
            )


if __name__ == "__main__":
    main()
