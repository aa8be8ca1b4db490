"""The two editorial groups: Redaktion writes and revises, Chefredaktion also publishes and
deletes."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORIAL_APPS = ["events", "sources"]
REDAKTION_ACTIONS = ("add", "change", "view")
CHEFREDAKTION_ACTIONS = ("add", "change", "delete", "view", "publish")
# Taking a person off a delegation is part of editing it, not an editorial decision.
REDAKTION_EXTRA = ["delete_delegationmember"]


def ensure_permissions(apps):
    # Permissions are normally created after all migrations ran; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_groups(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editorial = Permission.objects.filter(content_type__app_label__in=EDITORIAL_APPS)
    for name, actions in [
        ("Redaktion", REDAKTION_ACTIONS),
        ("Chefredaktion", CHEFREDAKTION_ACTIONS),
    ]:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *[
                permission
                for permission in editorial
                if permission.codename.split("_", 1)[0] in actions
                or (name == "Redaktion" and permission.codename in REDAKTION_EXTRA)
            ]
        )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=["Redaktion", "Chefredaktion"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("events", "0002_initial"),
        ("sources", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
