"""The GIN index of 0004 covered the statement text alone; the site search now matches a
statement by its text, speaker, summit and source together (events/search.py), an expression
that index cannot serve. It only cost each insert (a third of the database's work in a large
spreadsheet import): dropped. PostgreSQL only, as 0004."""

from django.db import migrations

INDEX = "events_statement_text_german_gin"


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON events_statement "
            "USING gin (to_tsvector('german'::regconfig, COALESCE(text, '')))"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0010_history_indexes"),
    ]

    operations = [
        migrations.RunPython(drop_index, create_index, elidable=False),
    ]
