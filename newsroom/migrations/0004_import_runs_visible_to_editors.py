"""Both editorial groups may see the list of import runs (it is read-only for everyone)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Redaktion", "Chefredaktion"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("newsroom")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.filter(
        content_type__app_label="newsroom", codename="view_importrun"
    )
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.add(*view)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.filter(
        content_type__app_label="newsroom", codename="view_importrun"
    )
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(*view)


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0003_import_runs")]

    operations = [migrations.RunPython(grant, revoke)]
