from django.db import migrations

# Two indexes made by hand, which makemigrations does not track:
#
# - archive_session_title_search, PostgreSQL only: the GIN index of session titles as
#   PostgreSQL searches them (sessions.search.TITLE_VECTOR). "Best match" reads the sessions
#   whose title answers a search from it. The expression must be the one Django writes for
#   TITLE_VECTOR, or the planner cannot use the index (tests/sessions/test_search_plans.py).
#   On SQLite the title column of the FTS5 index (0014) serves.
# - archive_session_newest again, on SQLite: migration 0009 made it, and 0011 remade
#   archive_session on SQLite (as Django does to add some columns there), which dropped it,
#   so that every page of the list sorted every session. tests/sessions/test_migrations.py
#   now checks that every hand-made index, view and trigger outlives the migrations.
TITLE_INDEX = "archive_session_title_search"
NEWEST_INDEX = "archive_session_newest"


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX {TITLE_INDEX} ON archive_session"
            " USING gin (to_tsvector('english'::regconfig, COALESCE(title, '')))"
        )
    else:
        # As 0009 wrote it for SQLite (NULLs sort last in a descending column there).
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {NEWEST_INDEX} ON archive_session"
            " (year DESC, date DESC, start_time DESC, id DESC)"
        )


def drop_title_index(apps, schema_editor):
    # The newest index stays: 0009 owns it.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TITLE_INDEX}")


class Migration(migrations.Migration):

    dependencies = [
        ("archive", "0016_organization_indexed_once"),
    ]

    operations = [
        migrations.RunPython(create_indexes, drop_title_index, elidable=False),
    ]
