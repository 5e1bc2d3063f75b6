"""The archive's backup (sessions/backup.py): what `export_archive` writes, `import_archive`
reads back into an empty database, identically, on SQLite and from SQLite into PostgreSQL."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from sessions.backup import BackupRefused, dumps, export_archive, import_archive
from sessions.importers.documents import bundled_documents
from sessions.models import DERIVED_FIELDS, Session
from sessions.search import search_sessions
from tests.bundled import import_bundled, wipe_archive

pytestmark = pytest.mark.django_db(transaction=False)

PROJECT = Path(settings.BASE_DIR)


def test_export_import_round_trip_is_identical():
    import_bundled()
    exported = dumps(export_archive())
    derived = list(Session.objects.order_by("pk").values_list(*DERIVED_FIELDS))
    wipe_archive()
    import_archive(json.loads(exported))
    assert dumps(export_archive()) == exported
    # The columns left out of the export come back as they were.
    assert list(Session.objects.order_by("pk").values_list(*DERIVED_FIELDS)) == derived
    # And the search finds what it found: "congress" is said in the SCIO transcript alone.
    assert [s.slug for s in search_sessions(Session.objects.all(), "congress")] == [
        "scio-press-conference-on-white-paper-jointly-build-a-community-with-a-shared-future-in-"
        "cyberspace"
    ]


def test_import_archive_refuses_a_non_empty_archive():
    import_bundled()
    with pytest.raises(BackupRefused) as refused:
        import_archive(json.loads(dumps(export_archive())))
    assert str(refused.value) == "the archive is not empty: import into a new database"


@pytest.mark.postgres
def test_export_from_sqlite_imports_identically_into_postgres(tmp_path):
    sqlite_url = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    export_path = tmp_path / "archive.json"
    environment = {"DATABASE_URL": sqlite_url, "PATH": "/usr/bin:/bin"}
    for arguments in (
        ["migrate", "-v0"],
        ["import_documents", *map(str, bundled_documents())],
        ["export_archive", "--output", str(export_path)],
    ):
        subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=PROJECT,
            env=environment,
            check=True,
            capture_output=True,
        )
    exported = export_path.read_text(encoding="utf-8")
    import_archive(json.loads(exported))
    assert dumps(export_archive()) == exported
