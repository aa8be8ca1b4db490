"""A GIN index for German full-text search over statement texts, on PostgreSQL only.

The indexed expression is the one `SearchVector("text", config="german")` compiles to, so the
planner can use the index for the site search. Other databases have no such index: a no-op.
"""

from django.db import migrations

INDEX = "events_statement_text_german_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON events_statement "
            "USING gin (to_tsvector('german'::regconfig, COALESCE(text, '')))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_import_export_permissions"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]
