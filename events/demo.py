"""Demo content written by the newsroom team: the two Trump-Kim summits, their delegations,
the people and the ways German texts name them. It lives in the CSV files under
`events/demo/` and is loaded through the same import as any spreadsheet, so loading it twice
changes nothing."""

from pathlib import Path

from django.db import transaction

from events.resources import tables
from newsroom.spreadsheets import open_sheet
from newsroom.tables import import_table

DEMO_DIRECTORY = Path(__file__).resolve().parent / "demo"
# In the order the rows refer to each other.
DEMO_FILES = ["topics", "people", "summits", "delegations", "members"]
BROKEN_DEMO_FILE = "Die Demo-Datei {name} ist fehlerhaft: {error}"


@transaction.atomic
def load_demo() -> dict[str, int]:
    """Create or update the demo rows; returns how many rows of each kind the demo holds."""
    counts = {}
    for name in DEMO_FILES:
        with open(DEMO_DIRECTORY / f"{name}.csv", "rb") as stream:
            report = import_table(
                table=tables()[name](), sheet=open_sheet(stream=stream), trusted=True
            )
        if not report.ok:
            raise ValueError(BROKEN_DEMO_FILE.format(name=name, error=report.errors[0]))
        counts[name] = report.total
    return {kind: counts[kind] for kind in ["people", "topics", "summits", "members"]}
