"""A stable key per statement, for spreadsheets: added empty, filled row by row, then made
unique (a default alone would give every existing row the same value)."""

import uuid

from django.db import migrations, models


def give_keys(apps, schema_editor):
    Statement = apps.get_model("events", "Statement")
    batch = []
    for statement in Statement.objects.only("pk").iterator(chunk_size=2000):
        statement.key = uuid.uuid4()
        batch.append(statement)
        if len(batch) == 2000:
            Statement.objects.bulk_update(batch, ["key"])
            batch = []
    Statement.objects.bulk_update(batch, ["key"])


class Migration(migrations.Migration):
    dependencies = [("events", "0005_country_codes_from_iso_3166")]

    operations = [
        migrations.AddField(
            model_name="statement",
            name="key",
            field=models.UUIDField(editable=False, null=True, verbose_name="Schlüssel"),
        ),
        migrations.RunPython(give_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="statement",
            name="key",
            field=models.UUIDField(
                default=uuid.uuid4,
                editable=False,
                help_text=(
                    "Bleibt, wenn sich Text oder Sprecher ändern: eine bearbeitete Tabelle "
                    "findet die Aussage daran wieder."
                ),
                unique=True,
                verbose_name="Schlüssel",
            ),
        ),
    ]
