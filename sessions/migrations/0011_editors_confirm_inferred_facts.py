"""Editors see and confirm the facts the importer inferred by a rule (the editors' desk)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["view_inferredfact", "change_inferredfact"]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label="archive", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.remove(
            *Permission.objects.filter(content_type__app_label="archive", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0010_inferred_facts"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
