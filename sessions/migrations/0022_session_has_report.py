from django.db import migrations, models

# The column is added in place, not by Django's AddField: on SQLite that copies the whole
# sessions table to a new one (a column with a default), which drops the hand-made index of
# the list's order and the full-text triggers (0009, 0014, 0017) and rewrites every row.
# Filled from the report; sessions/derived.py keeps it from now on.
ADD_COLUMN = "ALTER TABLE archive_session ADD COLUMN has_report boolean NOT NULL DEFAULT false"
FILL = "UPDATE archive_session SET has_report = (report <> '')"
DROP_COLUMN = "ALTER TABLE archive_session DROP COLUMN has_report"


class Migration(migrations.Migration):

    dependencies = [
        ("archive", "0021_participations_by_session"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunSQL([ADD_COLUMN, FILL], DROP_COLUMN)],
            state_operations=[
                migrations.AddField(
                    model_name="session",
                    name="has_report",
                    field=models.BooleanField(default=False, editable=False),
                ),
            ],
        ),
    ]
