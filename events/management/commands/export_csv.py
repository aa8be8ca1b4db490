import json
import os
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from events.resources import tables
from newsroom.spreadsheets import write_csv, write_xlsx

FORMATS = ["csv", "xlsx", "json"]


class Command(BaseCommand):
    help = (
        "Exportiert alle Zeilen eines Modells als CSV (UTF-8 mit BOM, ';'), XLSX oder JSON, "
        "in den Spalten, die import_csv wieder einliest."
    )

    def add_arguments(self, parser):
        parser.add_argument("model", choices=sorted(tables()))
        parser.add_argument("-o", "--output", help="Zieldatei (sonst die Standardausgabe).")
        parser.add_argument(
            "--format", choices=FORMATS, help="Sonst nach der Endung der Zieldatei, oder csv."
        )

    def handle(self, *args, model, output, format, **options):
        table = tables()[model]()
        suffix = Path(output).suffix.lstrip(".").lower() if output else ""
        file_format = format or (suffix if suffix in FORMATS else "csv")
        header, rows = table.header(), table.export_rows()
        if file_format == "xlsx":
            if not output:
                raise CommandError("XLSX braucht eine Zieldatei: -o DATEI.xlsx")
            with open(output, "wb") as stream:
                count = write_xlsx(stream=stream, header=header, rows=rows)
        elif output:
            # The BOM tells Excel the CSV is UTF-8; JSON is read by programs that want none.
            encoding = "utf-8-sig" if file_format == "csv" else "utf-8"
            with open(output, "w", encoding=encoding, newline="") as stream:
                count = self.write_text(file_format, stream, header, rows)
        else:
            stdout = _Unterminated(self.stdout)
            if file_format == "csv":
                stdout.write("\ufeff")
            try:
                count = self.write_text(file_format, stdout, header, rows)
            except BrokenPipeError:
                # The reader (`| head`) has seen enough: stop quietly, as Unix tools do.
                sys.stdout = open(os.devnull, "w")  # noqa: SIM115
                return
        self.stderr.write(f"{count} Zeilen exportiert.")

    @staticmethod
    def write_text(file_format, stream, header, rows) -> int:
        if file_format == "csv":
            return write_csv(stream=stream, header=header, rows=rows)
        count = 0
        stream.write("[")
        for row in rows:
            stream.write(",\n" if count else "\n")
            record = dict(zip(header, row, strict=True))
            stream.write(json.dumps(record, default=str, ensure_ascii=False))
            count += 1
        stream.write("\n]\n")
        return count


class _Unterminated:
    """The command's stdout without the newline Django adds to every write."""

    def __init__(self, wrapper):
        self.wrapper = wrapper

    def write(self, text: str) -> None:
        self.wrapper.write(text, ending="")
