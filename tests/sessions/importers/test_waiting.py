"""A page of a known family that lacks what identifies its session waits for an editor
(sessions.models.WaitingDocument), and completes through the same path as an import.

Built on the real dig.watch page of IGF 2024 Open Forum #33 (fixtures/documents/real,
sources.json gives its address): its top has no date line, so its year is unknown."""

import re
from html import escape

import pytest
from django.core.management import call_command

from sessions.importers.documents import Curated, DocumentQueued, import_file
from sessions.importers.waiting import complete
from sessions.models import Session, SourceDocument, WaitingDocument
from tests.sessions.importers.real_pages import REAL_DOCUMENTS

pytestmark = pytest.mark.django_db

OF33 = REAL_DOCUMENTS / "digwatch_igf2024_of33_wsis-forum-2025-consultation.txt"
OF33_SOURCE = (
    "https://dig.watch/event/internet-governance-forum-2024/"
    "open-forum-33-open-consultation-process-meeting-for-wsis-forum-2025"
)
# The page's heading less the type and number, which the archive keeps apart.
OF33_TITLE = "Open Consultation Process Meeting for WSIS Forum 2025"
MISSING = f"{OF33}:2: no date line such as '11 Jul 2025 09:00h - 09:45h' after the title"


def people(session):
    return list(session.participations.values_list("role", "published_name", "affiliation"))


def queued(path):
    with pytest.raises(DocumentQueued) as raised:
        import_file(path, Curated())
    return raised.value


def test_a_page_without_its_year_waits_for_an_editor_instead_of_being_refused(capsys):
    call_command("import_documents", str(OF33))

    assert capsys.readouterr().out.splitlines() == [
        f"{MISSING} (waiting for an editor)",
        "imported 0, queued for an editor 1, refused 0",
    ]
    waiting = WaitingDocument.objects.get()
    assert (
        waiting.file_name,
        waiting.format,
        waiting.status,
        waiting.problems,
        waiting.text,
        waiting.session,
    ) == (OF33.name, "diploai_report", "open", MISSING, OF33.read_text(encoding="utf-8"), None)
    assert (Session.objects.count(), SourceDocument.objects.count()) == (0, 0)


def test_the_same_page_imported_again_waits_once(django_assert_num_queries):
    queued(OF33)
    queued(OF33)

    # The editors' desk counts the open documents in one query.
    with django_assert_num_queries(1):
        assert WaitingDocument.objects.filter(status=WaitingDocument.Status.OPEN).count() == 1


def test_the_editor_supplies_the_year_and_the_import_completes():
    waiting = queued(OF33).waiting
    waiting.meeting_year, waiting.source = 2024, OF33_SOURCE

    session = complete(waiting, Curated()).session

    # The title names the IGF's Open Forum #33: the editor supplies only the year.
    assert (session.meeting.slug, session.session_type, session.number, session.title) == (
        "igf-2024",
        "open_forum",
        33,
        OF33_TITLE,
    )
    assert session.source_document.text == OF33.read_text(encoding="utf-8")
    waiting.refresh_from_db()
    assert (waiting.status, waiting.session_id, waiting.resolved_at is not None) == (
        "resolved",
        session.pk,
        True,
    )
    assert WaitingDocument.objects.filter(status=WaitingDocument.Status.OPEN).count() == 0


def test_a_completed_page_imported_again_changes_nothing():
    waiting = queued(OF33).waiting
    waiting.meeting_year, waiting.source = 2024, OF33_SOURCE
    complete(waiting, Curated())

    again = import_file(OF33, Curated())

    assert (again.created, again.changes, again.conflicts) == (False, [], [])
    assert Session.objects.count() == 1


def test_a_supplied_title_is_recorded_as_a_curated_fact_with_its_source(tmp_path):
    # The same page without its title line (nor its repeat): no title and no year; the text
    # names WSIS first, and the editor says it is the IGF's.
    lines = OF33.read_text(encoding="utf-8").splitlines()
    copy = tmp_path / "of33-untitled.txt"
    copy.write_text("\n".join(lines[2:]), encoding="utf-8")
    error = queued(copy)
    waiting = error.waiting
    assert waiting.problems == f"{copy}:1: no title line before the first heading"

    waiting.meeting_kind, waiting.meeting_year = "igf", 2024
    waiting.title, waiting.source = "Open Consultation Process Meeting", OF33_SOURCE
    session = complete(waiting, Curated()).session

    assert (session.meeting.slug, session.title) == ("igf-2024", waiting.title)
    assert list(session.curated_facts.values_list("field", "value", "source")) == [
        ("title", waiting.title, OF33_SOURCE)
    ]


def test_a_completion_that_still_lacks_the_meeting_stays_in_the_queue():
    waiting = queued(OF33).waiting
    waiting.title, waiting.source = "A title alone", OF33_SOURCE

    with pytest.raises(DocumentQueued) as raised:
        complete(waiting, Curated())

    assert raised.value.lines == [MISSING.replace(str(OF33), OF33.name)]
    waiting.refresh_from_db()
    assert (waiting.status, waiting.session) == ("open", None)
    assert Session.objects.count() == 0


def completion_data(**values):
    return {"meeting_kind": "", "meeting_year": "", "title": "", "date": "", "source": "", **values}


def test_the_editor_completes_a_waiting_document_in_the_admin(editor_client):
    waiting = queued(OF33).waiting
    url = f"/admin/archive/waitingdocument/{waiting.pk}/change/"
    page = editor_client.get(url)
    assert page.status_code == 200
    assert escape(MISSING) in page.content.decode()

    assert waiting_on_the_desk(editor_client) == "1"

    response = editor_client.post(url, completion_data(meeting_year="2024", source=OF33_SOURCE))

    assert response.status_code == 302
    waiting.refresh_from_db()
    session = Session.objects.get()
    assert (waiting.status, waiting.session, session.title) == ("resolved", session, OF33_TITLE)
    assert waiting_on_the_desk(editor_client) == "0"


def waiting_on_the_desk(client):
    """The editors' desk's count of documents waiting for missing facts."""
    desk = client.get("/admin/desk/").content.decode()
    return re.search(r'<strong class="desk-count" data-section="waiting">(\d+)<', desk)[1]


@pytest.mark.parametrize(
    "values, error",
    [
        ({"meeting_year": "2024"}, "Say where the supplied facts come from (source)."),
        (
            {"title": "A title alone", "source": OF33_SOURCE},
            "2: no date line such as '11 Jul 2025 09:00h - 09:45h' after the title",
        ),
    ],
    ids=["no-source", "still-no-year"],
)
def test_an_incomplete_completion_is_a_form_error_and_changes_nothing(editor_client, values, error):
    waiting = queued(OF33).waiting
    url = f"/admin/archive/waitingdocument/{waiting.pk}/change/"

    response = editor_client.post(url, completion_data(**values))

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [error]
    waiting.refresh_from_db()
    assert (waiting.status, waiting.title, Session.objects.count()) == ("open", "", 0)


WS414 = REAL_DOCUMENTS / "igf2019_ws414_human-centric-ai.txt"
WS414_SOURCE = (
    "http://www.intgovforum.org/multilingual/content/"
    "igf-2019-ws-414-discussing-strategies-for-a-human-centric-ai"
)


def test_a_workshop_page_copied_without_its_title_lines_waits_and_keeps_its_people(tmp_path):
    # The real IGF 2019 WS #414 page, its two title lines lost in the copy: the year, the
    # number and the title are unknown, the organizers and speakers are all there.
    copy = tmp_path / "ws414-untitled.txt"
    copy.write_text(WS414.read_text(encoding="utf-8").split("\n", 2)[2], encoding="utf-8")
    waiting = queued(copy).waiting
    assert waiting.problems == (
        f"{copy}:2: no title line ('IGF <year> WS #<number> <title>') or date line "
        "('<weekday>, <day> <month>, <year> (<hh:mm> UTC) - ...') before the organizers"
    )

    waiting.meeting_year, waiting.source = 2019, WS414_SOURCE
    waiting.title = "Discussing strategies for a human-centric A.I."
    session = complete(waiting, Curated()).session

    assert (session.meeting.slug, session.title) == (
        "igf-2019",
        "Discussing strategies for a human-centric A.I.",
    )
    # The same people, in the same roles, as the whole page's import.
    whole = import_file(WS414, Curated()).session
    assert people(session) == people(whole)
    assert len(people(session)) == 11
