"""Both editorial groups see the pending revisions (the Redaktion its own submissions, the
Chefredaktion its queue); who may decide is the publish permission of each revision's model."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Redaktion", "Chefredaktion"]


def view_revision(apps):
    return apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="newsroom", codename="view_revision"
    )


def grant(apps, schema_editor):
    app_config = apps.get_app_config("newsroom")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.add(*view_revision(apps))


def revoke(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(*view_revision(apps))


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0005_revisions")]

    operations = [migrations.RunPython(grant, revoke)]
