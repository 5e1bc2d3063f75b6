from django.db import migrations

from sessions import record_counts


def fill(apps, schema_editor):
    """The counts copied onto the people and organizations already there (speakers 0007 adds
    their columns; sessions.record_counts owns them)."""
    record_counts.refresh_people(apps=apps)
    record_counts.refresh_organizations(apps=apps)


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0014_session_full_text'),
        ('speakers', '0007_copied_counts_and_sort_names'),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
