"""Both editorial groups may import and export spreadsheets; staff outside them may not."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORIAL_APPS = ["events", "sources"]
GROUPS = ["Redaktion", "Chefredaktion"]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label__in=EDITORIAL_APPS,
        codename__regex=r"^(import|export)_",
    )
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label__in=EDITORIAL_APPS,
        codename__regex=r"^(import|export)_",
    )
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0001_editorial_groups"),
        ("events", "0003_import_export_permissions"),
        ("sources", "0003_import_export_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
