"""How fast `import_articles` brings in plain-text articles, and whether its memory stays flat.

    .venv/bin/python bench/import_articles.py [--sizes 500 2000] [--no-postgres]

For each database (a fresh SQLite file; a throw-away PostgreSQL database on 127.0.0.1) and
each number of files, a child process migrates, loads the demo people and summits, generates
that many ~3 KB German articles and imports them with `manage.py import_articles`; it prints
articles/s end to end and the child's peak resident memory. Flat memory means the peak does
not grow with the number of files.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_URL = "postgres://postgres@127.0.0.1:5432/{name}"

PARAGRAPHS = [
    "Hanoi. Am {day}. Februar sind Donald Trump und Kim Jong-un zu ihrem zweiten Treffen "
    "zusammengekommen. Beobachter aus {n} Ländern verfolgten die Begegnung im Hotel Metropole.",
    "„Wir haben sehr gute Gespräche geführt, Nummer {n}“, sagte Trump nach dem ersten Tag. "
    "Kim entgegnete: „Ich hoffe, dass wir alles erreichen, was die Leute erwarten.“",
    "Der US-Präsident sprach von einem „produktiven“ Treffen. Es gebe noch viel zu tun, sagte "
    "er. Die Sanktionen blieben in Kraft, bis Nordkorea seine Atomwaffen aufgebe.",
    "Trump sagte, er sehe keinen Grund zur Eile. Sein Verhältnis zu Kim sei gut. Die "
    "Delegationen berieten am Nachmittag über ein Verbindungsbüro in Pjöngjang.",
    "Nordkoreas Machthaber Kim Jong-un bekräftigte seine Bereitschaft zur Denuklearisierung. "
    "„Andernfalls wäre ich nicht hier“, sagte er vor Journalisten in Hanoi.",
    "Außenminister Mike Pompeo erklärte, man werde die Gespräche fortsetzen. Die Begegnung "
    "sei ein Schritt, aber noch kein Durchbruch, hieß es aus der Delegation.",
]


def article(number: int) -> str:
    body = "\n\n".join(p.format(n=number, day=27 + number % 2) for p in PARAGRAPHS * 3)
    return (
        f"Gipfel in Hanoi, Bericht {number}\n\n{body}\n\n"
        f"Zuletzt aktualisiert: 28. Februar 2019, {number % 24:02d}:00 Uhr\n"
    )


def worker(database_url: str, count: int) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("SECRET_KEY", "bench-only")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from events.demo import load_demo

    call_command("migrate", verbosity=0)
    load_demo()
    with tempfile.TemporaryDirectory() as folder:
        for number in range(count):
            Path(folder, f"{number:05d}.txt").write_text(article(number), encoding="utf-8")
        size = sum(p.stat().st_size for p in Path(folder).iterdir()) / count
        started = time.perf_counter()
        call_command("import_articles", folder, stdout=open(os.devnull, "w"))
        elapsed = time.perf_counter() - started
    from sources.models import SourceArticle

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "files": count,
                "imported": SourceArticle.objects.count(),
                "avg_kb": round(size / 1024, 1),
                "seconds": round(elapsed, 2),
                "per_second": round(count / elapsed, 1),
                "peak_mb": round(peak_mb, 1),
            }
        )
    )


def run(label: str, database_url: str, count: int) -> None:
    output = subprocess.run(
        [sys.executable, __file__, "--worker", database_url, str(count)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout
    figures = json.loads(output.strip().splitlines()[-1])
    print(
        f"{label:10} {figures['files']:6d} files of {figures['avg_kb']} KB: "
        f"{figures['per_second']:7.1f} articles/s ({figures['seconds']} s), "
        f"peak memory {figures['peak_mb']} MB, {figures['imported']} sources"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--worker", nargs=2, metavar=("DATABASE_URL", "COUNT"))
    args = parser.parse_args()
    if args.worker:
        worker(args.worker[0], int(args.worker[1]))
        return
    for count in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            run("SQLite", f"sqlite:///{folder}/bench.sqlite3", count)
    if not args.no_postgres:
        for count in args.sizes:
            name = f"newsroom_bench_articles_{os.getpid()}"
            subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
            try:
                run("PostgreSQL", PG_URL.format(name=name), count)
            finally:
                subprocess.run(
                    ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name],
                    check=True,
                )


if __name__ == "__main__":
    main()
