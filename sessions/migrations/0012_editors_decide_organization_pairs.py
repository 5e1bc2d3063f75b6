"""Editors decide the suggested pairs of organizations, as they do the pairs of people."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = [
    f"{action}_organizationduplicatesuggestion" for action in ("view", "add", "change")
]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="speakers", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Editors"):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="speakers", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0011_marks_of_inferred_and_cut_off_facts"),
        ("speakers", "0006_organization_units_and_suggestions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
