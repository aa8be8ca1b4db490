import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection

from events.models import DelegationMember, Person
from sources.importing.decode import decode
from sources.importing.parse import parse_article
from sources.importing.quotes import extract_quotes
from sources.importing.types import UnreadableFile
from sources.ingest import ImportContext

NO_DATABASE = (
    "Die Datenbank ist noch nicht eingerichtet (python manage.py migrate oder make demo): "
    "Sprecher/innen werden ohne bekannte Personen erkannt."
)


def known_people():
    """The people the database knows, or None where there is no database to ask yet."""
    tables = {Person._meta.db_table, DelegationMember._meta.db_table}
    try:
        if not tables <= set(connection.introspection.table_names()):
            return None
        return ImportContext.load().known_people
    except DatabaseError:
        return None


class Command(BaseCommand):
    help = (
        "Zeigt die Aussagen, die der Import in Textdateien findet, ohne etwas zu speichern. "
        "Mit --json als eine JSON-Liste; die Positionen zählen im dekodierten Dateitext."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Ausgabe als JSON."
        )

    def handle(self, *args, files, as_json: bool, **options):
        people = known_people()
        if people is None:
            self.stderr.write(NO_DATABASE)
            people = []
        results, failures = [], []
        for name in files:
            try:
                article = parse_article(decode(Path(name).read_bytes(), filename=name))
            except UnreadableFile as error:
                failures.append(str(error))
                continue
            except OSError as error:
                failures.append(f"{name}: {error.strerror or error}")
                continue
            quotes = []
            for quote in extract_quotes(article.body, people=people):
                start, end = article.text_span(quote.start, quote.end)
                speaker_start = speaker_end = None
                if quote.speaker_start is not None:
                    speaker_start, speaker_end = article.text_span(
                        quote.speaker_start, quote.speaker_end
                    )
                quotes.append(
                    {
                        "text": article.text[start:end],
                        "start": start,
                        "end": end,
                        "kind": quote.kind,
                        "speaker": quote.speaker,
                        "speaker_start": speaker_start,
                        "speaker_end": speaker_end,
                        "cue": quote.cue,
                        "confidence": round(quote.confidence, 3),
                    }
                )
            results.append({"file": name, "quotes": quotes})
        if as_json:
            self.stdout.write(json.dumps(results, ensure_ascii=False, indent=2))
        else:
            for result in results:
                self.stdout.write(self.style.MIGRATE_HEADING(result["file"]))
                for quote in result["quotes"]:
                    self.stdout.write(
                        f"  [{quote['start']}:{quote['end']}] {quote['kind']:9} "
                        f"{quote['speaker'] or '?'} ({quote['cue']}, {quote['confidence']:.2f}): "
                        f"{quote['text']}"
                    )
        for failure in failures:
            self.stderr.write(f"✗ {failure}")
        if failures:
            raise CommandError(f"{len(failures)} Datei(en) nicht lesbar.")
