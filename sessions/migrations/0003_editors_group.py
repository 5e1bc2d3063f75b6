"""The "Editors" group: may add and change archive records, and nothing else.

Editors may also delete the rows that hang off a session or a person (a wrong
takeaway, a stray alias), but not sessions, people, organizations or meetings
themselves, and never users, groups or permissions. Source documents are
read-only: they are kept verbatim.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITABLE = {
    "archive": ["meeting", "session", "sdggoal", "sdgtarget"],
    "speakers": ["person", "organization", "duplicatesuggestion"],
}
EDITABLE_AND_DELETABLE = {
    "archive": [
        "curatedfact",
        "policyquestion",
        "organizer",
        "participation",
        "takeaway",
        "argument",
        "transcriptturn",
    ],
    "speakers": ["personalias", "organizationalias"],
}
READ_ONLY = {"archive": ["sourcedocument"]}


def codenames():
    for app, models in EDITABLE.items():
        for model in models:
            for action in ("view", "add", "change"):
                yield app, f"{action}_{model}"
    for app, models in EDITABLE_AND_DELETABLE.items():
        for model in models:
            for action in ("view", "add", "change", "delete"):
                yield app, f"{action}_{model}"
    for app, models in READ_ONLY.items():
        for model in models:
            yield app, f"view_{model}"


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Editors")
    for app, codename in codenames():
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app, codename=codename)
        )


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0002_sdg_reference_data"),
        ("speakers", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
