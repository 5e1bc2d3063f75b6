"""The whole archive as a dataset: the package validates with frictionless, the SQLite file
holds the same tables and rows, built once per archive version, read in chunks."""

import csv
import io
import sqlite3
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from frictionless import validate

from igfarchive.version import read_archive_version, refresh_archive_version
from sessions.models import (
    Argument,
    CuratedFact,
    Meeting,
    Organizer,
    Participation,
    PolicyQuestion,
    SdgGoal,
    SdgTarget,
    Session,
    SourceDocument,
    Takeaway,
    TranscriptTurn,
)
from sessions.outputs import dataset_files
from sessions.outputs.dataset import TABLES
from speakers.models import Organization, OrganizationAlias, Person, PersonAlias
from tests.factories import (
    ArgumentFactory,
    MeetingFactory,
    ParticipationFactory,
    PersonFactory,
    SessionFactory,
    TakeawayFactory,
    TranscriptTurnFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"
    return settings.DATA_DIR


def build(*options):
    out = io.StringIO()
    call_command("build_dataset", *options, stdout=out)
    return out.getvalue()


def unpacked(built, folder):
    with zipfile.ZipFile(built.path("zip")) as package:
        package.extractall(folder)
    return folder / "datapackage.json"


def test_the_package_of_the_five_documents_validates(imported, data_dir, tmp_path):
    build()
    report = validate(unpacked(dataset_files.current(), tmp_path / "package"))
    assert report.flatten(["type", "note"]) == []
    assert report.valid is True
    assert [task.name for task in report.tasks] == [table.name for table in TABLES]
    rows = {task.name: task.stats["rows"] for task in report.tasks}
    assert rows == archive_counts()
    assert (rows["sessions"], rows["sdg_goals"], rows["sdg_targets"]) == (5, 17, 169)


def archive_counts():
    """Rows each dataset table should hold, counted in the archive's own tables."""
    models = {
        "meetings": Meeting,
        "source_documents": SourceDocument,
        "sessions": Session,
        "people": Person,
        "person_aliases": PersonAlias,
        "organizations": Organization,
        "organization_aliases": OrganizationAlias,
        "participations": Participation,
        "organizers": Organizer,
        "policy_questions": PolicyQuestion,
        "sdg_goals": SdgGoal,
        "sdg_targets": SdgTarget,
        "takeaways": Takeaway,
        "arguments": Argument,
        "transcript_turns": TranscriptTurn,
        "curated_facts": CuratedFact,
    }
    counts = {name: model.objects.count() for name, model in models.items()}
    counts["sdg_links"] = (
        Session.sdg_goals.through.objects.count() + Session.sdg_targets.through.objects.count()
    )
    counts["argument_responses"] = (
        Argument.agreed_with.through.objects.count()
        + Argument.disagreed_with.through.objects.count()
    )
    return {table.name: counts[table.name] for table in TABLES}


def test_the_validator_sees_a_broken_foreign_key(imported, data_dir, tmp_path):
    """The check itself: a participation naming no person fails the package."""
    build()
    descriptor = unpacked(dataset_files.current(), tmp_path / "package")
    path = descriptor.parent / "data" / "participations.csv"
    rows = list(csv.reader(path.open(newline="")))
    rows[1][rows[0].index("person_id")] = "999999999"
    with path.open("w", newline="") as file:
        csv.writer(file).writerows(rows)
    report = validate(descriptor)
    assert report.valid is False
    assert report.flatten(["type"]) == [["foreign-key"]]


def test_the_sqlite_download_holds_the_archives_sessions(imported, data_dir, client, tmp_path):
    build()
    response = client.get("/data/igf-session-archive.sqlite3")
    assert response.status_code == 200
    assert response.streaming is True
    assert response["Content-Type"] == "application/vnd.sqlite3"
    built = dataset_files.current()
    assert response["Content-Disposition"] == (
        f'attachment; filename="{built.files["sqlite"].name}"'
    )
    path = tmp_path / "download.sqlite3"
    path.write_bytes(b"".join(response.streaming_content))
    assert path.stat().st_size == built.files["sqlite"].size
    database = sqlite3.connect(path)
    try:
        tables = database.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid"
        ).fetchall()
        (count,) = database.execute("SELECT COUNT(*) FROM sessions").fetchone()
        violations = database.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        database.close()
    assert [name for (name,) in tables] == [table.name for table in TABLES]
    assert count == Session.objects.count() == 5
    assert violations == []


def test_the_zip_download_is_the_built_file(imported, data_dir, client):
    build()
    response = client.get("/data/igf-session-archive.zip")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    built = dataset_files.current()
    assert b"".join(response.streaming_content) == built.path("zip").read_bytes()


def test_downloads_are_404_before_a_build(data_dir, client):
    assert client.get("/data/igf-session-archive.zip").status_code == 404
    assert client.get("/data/igf-session-archive.sqlite3").status_code == 404


def test_built_once_per_archive_version(data_dir):
    SessionFactory()
    # The module's other tests may have left the five documents in the archive.
    sessions = Session.objects.count()
    version = read_archive_version().tag
    first = build()
    assert first.startswith(f"Dataset of version {version} built: {sessions} session(s), ")
    built = dataset_files.current()
    assert built.version == version
    assert built.sessions == sessions
    assert build() == f"Dataset of version {version} already built: nothing to do.\n"
    assert dataset_files.current() == built
    SessionFactory()
    newer = read_archive_version().tag
    assert newer != version
    assert build().startswith(f"Dataset of version {newer} built: {sessions + 1} session(s), ")
    # The older version's files are gone; only the current ones and the manifest stay.
    current = dataset_files.current()
    assert sorted(path.name for path in data_dir.iterdir()) == sorted(
        [*(file.name for file in current.files.values()), "dataset.json"]
    )


def test_force_builds_the_same_version_again(data_dir):
    SessionFactory()
    build()
    assert build("--force").startswith("Dataset of version ")


def test_a_folder_that_cannot_be_written_is_a_clear_error(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "a-file"
    settings.DATA_DIR.write_text("not a folder")
    with pytest.raises(CommandError) as error:
        build()
    assert str(error.value).startswith(
        f"Cannot write the dataset in DATA_DIR ({settings.DATA_DIR}): [Errno 17] File exists"
    )


def test_a_bad_manifest_is_no_dataset(data_dir):
    data_dir.mkdir()
    (data_dir / "dataset.json").write_text("{not json")
    assert dataset_files.current() is None


def a_session_of_every_kind(meeting, number):
    session = SessionFactory(meeting=meeting, sub_themes=["One", "Two"])
    session.sdg_goals.add(7)
    session.sdg_targets.add("7.a")
    person = ParticipationFactory(session=session, is_tbd=True).person
    TakeawayFactory(session=session, details={"Reason": f"Because {number}."})
    argument = ArgumentFactory(session=session, person=person, topics=["energy"])
    argument.agreed_with.add(PersonFactory())
    TranscriptTurnFactory(session=session, person=person)
    return session


@pytest.mark.parametrize("count", [1, 25])
def test_building_reads_each_table_in_one_query_a_chunk(data_dir, count, monkeypatch):
    # PostgreSQL reads the tables through server-side cursors, which the query log does not
    # see: without them the same SELECTs are logged (and read whole, at this size).
    monkeypatch.setitem(connection.settings_dict, "DISABLE_SERVER_SIDE_CURSORS", True)
    meeting = MeetingFactory()
    for number in range(count):
        a_session_of_every_kind(meeting, number)
    refresh_archive_version()
    # 1. the archive version
    # 2-19. one query a table (meetings, source documents, sessions, people, their aliases,
    #       organizations, their aliases, participations, organizers, policy questions, SDG
    #       goals, SDG targets, takeaways, arguments, transcript turns, curated facts), two for
    #       the SDG links (goals, targets) and two for the argument responses (agreed,
    #       disagreed): 20 in all, whatever the number of sessions
    with CaptureQueriesContext(connection) as queries:
        build()
    selects = [query["sql"] for query in queries if query["sql"].startswith("SELECT")]
    assert len(selects) == 21, [sql[:60] for sql in selects]
    assert dataset_files.current().sessions == Session.objects.count()


def test_values_in_the_csv_and_the_sqlite_file(data_dir, tmp_path):
    """Booleans, dates, arrays and objects as each format writes them."""
    session = a_session_of_every_kind(MeetingFactory(), 1)
    build()
    built = dataset_files.current()
    with zipfile.ZipFile(built.path("zip")) as package:
        sessions = list(csv.DictReader(io.TextIOWrapper(package.open("data/sessions.csv"))))
        takeaways = list(csv.DictReader(io.TextIOWrapper(package.open("data/takeaways.csv"))))
    (row,) = [row for row in sessions if row["id"] == str(session.pk)]
    assert row["sub_themes"] == '["One", "Two"]'
    assert row["is_machine_generated"] == "false"
    assert row["path"] == session.get_absolute_url()
    (takeaway,) = [row for row in takeaways if row["session_id"] == str(session.pk)]
    assert takeaway["details"] == '{"Reason": "Because 1."}'
    database = sqlite3.connect(built.path("sqlite"))
    try:
        row = database.execute(
            "SELECT is_tbd, role FROM participations WHERE session_id = ?", [session.pk]
        ).fetchone()
        links = database.execute(
            "SELECT goal_number, target_code FROM sdg_links WHERE session_id = ?", [session.pk]
        ).fetchall()
    finally:
        database.close()
    assert row == (1, "speaker")
    assert links == [(7, None), (7, "7.a")]
