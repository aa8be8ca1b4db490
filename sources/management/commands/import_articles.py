from collections import defaultdict, deque
from itertools import islice
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from events.models import Summit
from newsroom.history import command_user
from newsroom.models import ImportRun
from sources.importing.decode import MAX_BYTES
from sources.ingest import (
    BATCH_SIZE,
    analyse_files,
    planned_outcome,
    record_import_run,
    save_articles,
)

UNKNOWN_SUMMIT = "Kein Gipfel mit dem Kurznamen „{slug}“."
NOT_FOUND = "Datei nicht gefunden."
NOT_READABLE = "Die Datei kann nicht gelesen werden ({error})."


def stored_name(file: Path, given: Path) -> str:
    """The name a file is kept under: relative to the folder given, the base name of a file
    given by itself; never where it lay on the importing machine."""
    return file.relative_to(given).as_posix() if file != given else file.name


def article_files(paths: list[str]):
    """Yield (stored name, name as given, bytes) per file, reading one file at a time and at
    most one byte past the size limit (the importer refuses it by its length); folders give
    their .txt files. A file that cannot be read comes with the OSError instead of bytes."""
    for name in paths:
        path = Path(name)
        files = sorted(path.rglob("*.txt")) if path.is_dir() else [path]
        for file in files:
            try:
                with file.open("rb") as stream:
                    yield stored_name(file, path), str(file), stream.read(MAX_BYTES + 1)
            except FileNotFoundError:
                yield str(file), str(file), OSError(NOT_FOUND)
            except OSError as error:
                error = OSError(NOT_READABLE.format(error=error.strerror or error))
                yield str(file), str(file), error


def take(typed: dict[str, deque[str]], name: str) -> str | None:
    """The next file read under the stored `name`, as it was typed (kept only until reported)."""
    waiting = typed.get(name)
    if not waiting:
        return None
    given = waiting.popleft()
    if not waiting:
        del typed[name]
    return given


class Command(BaseCommand):
    help = (
        "Importiert Artikel aus Textdateien oder Ordnern: Quellartikel und vorgeschlagene "
        "Aussagen. Derselbe Text wird nur einmal angelegt."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--summit", metavar="SLUG", help="Gipfel, statt ihn zu erkennen.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Nur zeigen, was angelegt würde."
        )
        parser.add_argument(
            "--user", metavar="BENUTZER", help="In der Geschichte der Artikel als Urheber/in."
        )
        parser.add_argument(
            "--publish-sources",
            action="store_true",
            help="Die Quellartikel gleich veröffentlichen (die Aussagen bleiben Vorschläge).",
        )

    def handle(self, *args, paths, summit, dry_run, publish_sources, user, verbosity, **options):
        user = command_user(user)
        chosen = None
        if summit:
            chosen = Summit.objects.filter(slug=summit).first()
            if chosen is None:
                raise CommandError(UNKNOWN_SUMMIT.format(slug=summit))
        counts = {"created": 0, "duplicate": 0, "failed": 0}
        unreadable = []
        # The output names each file as it was typed; the article keeps the stored name.
        typed: dict[str, deque[str]] = defaultdict(deque)

        def readable():
            # Files are read one at a time as the import reaches them: memory stays flat.
            for name, given, data in article_files(paths):
                if isinstance(data, OSError):
                    unreadable.append((given, data))
                else:
                    typed[name].append(given)
                    yield name, data

        analyses = analyse_files(readable(), summit=chosen)
        while batch := list(islice(analyses, BATCH_SIZE)):
            if dry_run:
                outcomes = [planned_outcome(analysis) for analysis in batch]
            else:
                outcomes = save_articles(batch, publish_sources=publish_sources, user=user)
            for analysis, outcome in zip(batch, outcomes, strict=True):
                counts["created" if outcome.status == "would-create" else outcome.status] += 1
                self.report(outcome, analysis, verbosity, name=take(typed, outcome.filename))
        record_import_run(
            created=0 if dry_run else counts["created"],
            duplicates=counts["duplicate"],
            file_name=" ".join(paths),
            user=user,
            via=ImportRun.Via.COMMAND,
        )
        for name, error in unreadable:
            counts["failed"] += 1
            self.stderr.write(f"✗ {name}: {error}")
        verb = "würden angelegt" if dry_run else "angelegt"
        summary = (
            f"{counts['created']} {verb}, {counts['duplicate']} schon vorhanden, "
            f"{counts['failed']} fehlgeschlagen."
        )
        if counts["failed"]:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))

    def report(self, outcome, analysis, verbosity, *, name: str | None):
        name = name or outcome.filename
        if outcome.status in {"created", "would-create"}:
            note = " – nicht gespeichert (--dry-run)" if outcome.status == "would-create" else ""
            self.stdout.write(
                f"✓ {name}: „{analysis.article.title}“ ({analysis.summit.title}, "
                f"{outcome.statements} vorgeschlagene Aussagen){note}"
            )
            if verbosity > 1:
                for suggestion in analysis.statements:
                    quote = suggestion.quote
                    self.stdout.write(f"    {quote.kind:9} {quote.speaker or '?'}: {quote.text}")
        elif outcome.status == "duplicate":
            self.stdout.write(f"= {name}: {outcome.message}")
        else:
            self.stderr.write(f"✗ {name}: {outcome.message}")
