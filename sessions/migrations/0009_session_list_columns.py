# The session list reads one table in the order of one index: the meeting's year and the record
# marks are copied onto the session (Session.year, has_takeaways, has_transcript), and the index
# archive_session_newest holds the list's order, NEWEST_FIRST (sessions/models.py), so that a page of
# the newest sessions, of a year, or (read backwards) of the oldest is the start of an index
# scan instead of a sort of every matching session.

from django.db import migrations, models

NEWEST_INDEX = "archive_session_newest"
TAKEAWAY_KINDS = ("key_takeaway", "call_to_action")


def fill(apps, schema_editor):
    Session = apps.get_model("archive", "Session")
    Meeting = apps.get_model("archive", "Meeting")
    Takeaway = apps.get_model("archive", "Takeaway")
    TranscriptTurn = apps.get_model("archive", "TranscriptTurn")
    Session.objects.update(
        year=models.Subquery(
            Meeting.objects.filter(pk=models.OuterRef("meeting_id")).values("year")
        ),
        has_takeaways=models.Exists(
            Takeaway.objects.filter(session=models.OuterRef("pk"), kind__in=TAKEAWAY_KINDS)
        ),
        has_transcript=models.Exists(TranscriptTurn.objects.filter(session=models.OuterRef("pk"))),
    )


def create_newest_index(apps, schema_editor):
    # Undated sessions come last in a year, NULLS LAST: SQLite's own order of NULLs in a
    # descending column (where an index cannot say NULLS LAST), PostgreSQL's only when told.
    nulls_last = " NULLS LAST" if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(
        f"CREATE INDEX {NEWEST_INDEX} ON archive_session (year DESC, date DESC{nulls_last}, "
        f"start_time DESC{nulls_last}, id DESC)"
    )


def drop_newest_index(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {NEWEST_INDEX}")


class Migration(migrations.Migration):

    dependencies = [
        ("archive", "0008_session_goal_view"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="session",
            name="archive_session_date",
        ),
        migrations.AddField(
            model_name="session",
            name="has_takeaways",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddField(
            model_name="session",
            name="has_transcript",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddField(
            model_name="session",
            name="year",
            field=models.PositiveSmallIntegerField(editable=False, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=False),
        migrations.AlterField(
            model_name="session",
            name="year",
            field=models.PositiveSmallIntegerField(editable=False),
        ),
        migrations.RunPython(create_newest_index, drop_newest_index, elidable=False),
        migrations.AlterModelOptions(
            name="session",
            options={
                "ordering": [
                    models.OrderBy(models.F("year"), descending=True),
                    models.OrderBy(models.F("date"), descending=True, nulls_last=True),
                    models.OrderBy(models.F("start_time"), descending=True, nulls_last=True),
                    models.OrderBy(models.F("pk"), descending=True),
                ]
            },
        ),
    ]
