from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from events.resources import tables
from newsroom.history import command_user
from newsroom.spreadsheets import SpreadsheetError, open_sheet
from newsroom.tables import import_table

SHOWN_ERRORS = 20


class Command(BaseCommand):
    help = (
        "Importiert eine CSV- oder XLSX-Datei (Spalten: docs/csv.md). Alles oder nichts: "
        "ist eine Zeile fehlerhaft, wird nichts geschrieben und der Exit-Status ist 1."
    )

    def add_arguments(self, parser):
        parser.add_argument("model", choices=sorted(tables()))
        parser.add_argument("file")
        parser.add_argument(
            "--dry-run", action="store_true", help="Prüfen und zählen, aber nichts speichern."
        )
        parser.add_argument(
            "--user", metavar="BENUTZER", help="In der Geschichte der Zeilen als Urheber/in."
        )

    def handle(self, *args, model, file, dry_run, user, verbosity, **options):
        user = command_user(user)
        try:
            with open(file, "rb") as stream:
                sheet = open_sheet(stream=stream)
                progress = self.progress_bar(total=sheet.size_hint) if verbosity else None
                report = import_table(
                    table=tables()[model](),
                    sheet=sheet,
                    trusted=True,
                    dry_run=dry_run,
                    progress=progress,
                    user=user,
                    file_name=Path(file).name,
                )
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror or error}") from error
        except SpreadsheetError as error:
            raise CommandError(f"{file}: {error}") from error
        if progress:
            self.stderr.write("")
        for error in report.errors[:SHOWN_ERRORS]:
            self.stderr.write(f"{file}: {error}")
        for note in report.notes[:SHOWN_ERRORS]:
            self.stderr.write(f"{file}: Hinweis: {note}")
        if len(report.errors) > SHOWN_ERRORS:
            self.stderr.write(f"… und {len(report.errors) - SHOWN_ERRORS} weitere Fehler.")
        summary = (
            f"{report.new} neu, {report.updated} geändert, {report.skipped} unverändert, "
            f"{report.invalid} fehlerhaft."
        )
        if report.for_review:
            summary += (
                f" {report.for_review} veröffentlichte Zeilen gehen zur Freigabe an die "
                "Chefredaktion."
            )
        if not report.ok:
            raise CommandError(f"{summary} Nichts gespeichert.")
        if dry_run:
            self.stdout.write(f"{summary} Probelauf: nichts gespeichert.")
        else:
            self.stdout.write(self.style.SUCCESS(summary))

    def progress_bar(self, *, total: int | None):
        def show(done: int) -> None:
            if total:
                filled = min(30, 30 * done // total)
                bar = "#" * filled + "-" * (30 - filled)
                self.stderr.write(f"\r[{bar}] {done}/{total} Zeilen", ending="")
            else:
                self.stderr.write(f"\r{done} Zeilen", ending="")
            self.stderr.flush()

        return show
