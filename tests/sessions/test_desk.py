"""The editors' desk: what waits, counted and listed in a fixed number of queries; each item
resolved from there, recorded in history, and the count goes down."""

import datetime
import re

import pytest
from django.utils import timezone

from sessions.desk import SECTIONS, Item, Section
from sessions.importers.documents import Curated, bundled_documents, import_file
from sessions.models import Participation, Session, SourceDocument, WaitingDocument
from speakers.models import (
    DuplicateSuggestion,
    Organization,
    OrganizationDuplicateSuggestion,
    Person,
)
from tests.bundled import import_bundled
from tests.factories import (
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db

SIZES = [1, 25]
DESK = "/admin/desk/"
# What the five bundled documents leave for an editor: no document waiting (each identifies its
# session); no value outside the vocabularies; the WSIS report's one unplaced paragraph;
# DU Guimei / Dou Guimei (Open Forum #9); no pair of organizations; five roles from a rule:
# the onsite moderator and rapporteur slots of WS #125 (Jing MA, Jieyao Wang) and WS #377
# (XIAODONG LI, Xiaobo YANG), and the SCIO conference's host who hands over (Cao Shumin); one
# session's values from a rule: Open Forum #9's date from its report.
EXPECTED_ON_THE_BUNDLED_DOCUMENTS = {
    "waiting": "0",
    "review": "0",
    "unplaced": "1",
    "duplicates": "1",
    "organization_duplicates": "0",
    "inferred_roles": "5",
    "inferred_values": "1",
}


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client


KEYS = [
    "waiting",
    "review",
    "unplaced",
    "duplicates",
    "organization_duplicates",
    "inferred_roles",
    "inferred_values",
]
ONE_OF_EACH = dict.fromkeys(KEYS, "1")


def waiting(rows):
    """`rows` items of each kind (items beyond the desk's first 25 are counted, not listed)."""
    for number in range(rows):
        WaitingDocument.objects.create(
            file_name=f"page-{number}.txt",
            format=SourceDocument.Format.IGF_WORKSHOP_PAGE,
            sha256=f"{number:064x}",
            text="A page without its title",
            problems=f"page-{number}.txt:1: no title\npage-{number}.txt:3: no meeting year",
            received_at=timezone.now(),
        )
        SessionFactory(
            needs_review=True,
            import_snapshot={"review": ["12: stakeholder group 'Academia' is no known group"]},
        )
        SessionFactory(unplaced_text="Share this page\n\nComments")
        DuplicateSuggestion.objects.create(
            person=PersonFactory(), other=PersonFactory(), reason="one letter apart"
        )
        OrganizationDuplicateSuggestion.objects.create(
            organization=OrganizationFactory(), other=OrganizationFactory(), reason="close names"
        )
        ParticipationFactory(
            role=Participation.Role.ONSITE_MODERATOR,
            inferred_by="onsite_moderator_beside_online",
        )
        SessionFactory(inferred={"date": "date_from_report"}, date=datetime.date(2019, 11, 26))


def counts(response):
    html = response.content.decode()
    return dict(re.findall(r'<strong class="desk-count" data-section="(\w+)">(\d+)</strong>', html))


def listed(response):
    html = response.content.decode()
    items = re.findall(r'<tr class="desk-item" data-section="(\w+)">', html)
    return {key: items.count(key) for key in dict.fromkeys(items)}


@pytest.mark.parametrize("rows", SIZES)
def test_desk_query_count(superuser_client, rows, django_assert_num_queries):
    waiting(rows)
    # 1. session, 2. user
    # 3. count, 4. first 25 open documents waiting for missing facts, without their text
    # 5. count, 6. first 25 of the sessions marked for review, with their meetings
    # 7. count, 8. first 25 of the sessions with unplaced text, with their meetings
    # 9. count, 10. first 25 open suggested duplicates, with both people
    # 11. count, 12. first 25 open suggested duplicates of organizations, with both of them
    # 13. count, 14. first 25 roles inferred by a rule, with their sessions, meetings, people
    # 15. count, 16. first 25 sessions with values inferred by a rule, with their meetings
    with django_assert_num_queries(16) as queries:
        response = superuser_client.get(DESK)
    assert response.status_code == 200
    assert counts(response) == dict.fromkeys(KEYS, str(rows))
    assert listed(response) == dict.fromkeys(KEYS, rows)
    # The waiting documents' verbatim text is not read for the desk.
    assert '"archive_waitingdocument"."text"' not in queries.captured_queries[3]["sql"]


def test_the_admin_index_links_to_the_desk(editor_client):
    assert 'href="/admin/desk/"' in editor_client.get("/admin/").content.decode()


def test_an_editor_sees_every_section_with_the_reasons(editor_client):
    waiting(1)

    html = editor_client.get(DESK).content.decode()

    assert counts(editor_client.get(DESK)) == ONE_OF_EACH
    assert "<p>page-0.txt:1: no title</p>" in html
    assert "<p>page-0.txt:3: no meeting year</p>" in html
    waiting_document = WaitingDocument.objects.get()
    assert (
        f'<a href="/admin/archive/waitingdocument/{waiting_document.pk}/change/" '
        'class="button">Complete it</a>'
    ) in html
    assert "line 12: stakeholder group &#x27;Academia&#x27; is no known group" in html
    assert "one letter apart" in html
    assert "a plain “Moderator” listed beside an “Online Moderator” is the onsite one" in html
    assert (
        "date 2019-11-26: taken from the opening words of the session report; "
        "the page gives no date of its own"
    ) in html


def resolve(client, section, item, action):
    return client.post(DESK, {"section": section, "item": item, "action": action})


def test_marking_reviewed_clears_the_item_and_says_who_and_why(editor_client, editor):
    waiting(1)
    session = Session.objects.get(needs_review=True)

    assert resolve(editor_client, "review", session.pk, "reviewed").status_code == 302

    assert counts(editor_client.get(DESK))["review"] == "0"
    latest = session.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (
        editor,
        "reviewed on the editors' desk",
    )
    assert [change.field for change in latest.diff_against(latest.prev_record).changes] == [
        "needs_review"
    ]


def test_setting_unplaced_text_aside_clears_the_item(editor_client):
    waiting(1)
    session = Session.objects.exclude(unplaced_text="").get()

    assert resolve(editor_client, "unplaced", session.pk, "set_aside").status_code == 302

    session.refresh_from_db()
    assert session.unplaced_text == ""
    assert counts(editor_client.get(DESK))["unplaced"] == "0"
    assert session.history.latest().history_change_reason == (
        "unplaced text set aside on the editors' desk"
    )


def test_merging_a_suggested_pair_clears_it(editor_client):
    waiting(1)
    suggestion = DuplicateSuggestion.objects.get()
    pair = [suggestion.person_id, suggestion.other_id]

    assert resolve(editor_client, "duplicates", suggestion.pk, "merge").status_code == 302

    assert list(Person.objects.filter(pk__in=pair).values_list("pk", flat=True)) == pair[:1]
    assert counts(editor_client.get(DESK))["duplicates"] == "0"


def test_keeping_a_pair_apart_clears_it(editor_client):
    waiting(1)
    suggestion = DuplicateSuggestion.objects.get()

    assert resolve(editor_client, "duplicates", suggestion.pk, "keep_apart").status_code == 302

    suggestion.refresh_from_db()
    assert suggestion.status == DuplicateSuggestion.Status.KEPT_APART
    assert Person.objects.filter(pk__in=[suggestion.person_id, suggestion.other_id]).count() == 2
    assert counts(editor_client.get(DESK))["duplicates"] == "0"


def test_merging_a_suggested_pair_of_organizations_clears_it(editor_client):
    waiting(1)
    suggestion = OrganizationDuplicateSuggestion.objects.get()
    pair = [suggestion.organization_id, suggestion.other_id]

    response = resolve(editor_client, "organization_duplicates", suggestion.pk, "merge")

    assert response.status_code == 302
    kept = Organization.objects.filter(pk__in=pair).values_list("pk", flat=True)
    assert list(kept) == pair[:1]
    assert counts(editor_client.get(DESK))["organization_duplicates"] == "0"


def test_keeping_a_pair_of_organizations_apart_clears_it(editor_client):
    waiting(1)
    suggestion = OrganizationDuplicateSuggestion.objects.get()

    response = resolve(editor_client, "organization_duplicates", suggestion.pk, "keep_apart")

    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == OrganizationDuplicateSuggestion.Status.KEPT_APART
    assert counts(editor_client.get(DESK))["organization_duplicates"] == "0"


def test_confirming_an_inferred_role_clears_its_mark(editor_client, editor):
    waiting(1)
    participation = Participation.objects.exclude(inferred_by="").get()

    assert resolve(editor_client, "inferred_roles", participation.pk, "confirm").status_code == 302

    participation.refresh_from_db()
    assert (participation.role, participation.inferred_by) == ("onsite_moderator", "")
    assert counts(editor_client.get(DESK))["inferred_roles"] == "0"
    latest = participation.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (
        editor,
        "confirmed on the editors' desk",
    )
    assert [change.field for change in latest.diff_against(latest.prev_record).changes] == [
        "inferred_by"
    ]


def test_confirming_inferred_values_clears_their_marks(editor_client, editor):
    waiting(1)
    session = Session.objects.exclude(inferred={}).get()

    assert resolve(editor_client, "inferred_values", session.pk, "confirm").status_code == 302

    session.refresh_from_db()
    assert (session.date, session.inferred) == (datetime.date(2019, 11, 26), {})
    assert counts(editor_client.get(DESK))["inferred_values"] == "0"
    latest = session.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (
        editor,
        "confirmed on the editors' desk",
    )
    assert [change.field for change in latest.diff_against(latest.prev_record).changes] == [
        "inferred"
    ]


def test_a_waiting_document_has_no_action_on_the_desk(editor_client):
    waiting(1)
    document = WaitingDocument.objects.get()

    assert resolve(editor_client, "waiting", document.pk, "confirm").status_code == 400
    document.refresh_from_db()
    assert document.status == WaitingDocument.Status.OPEN
    assert counts(editor_client.get(DESK))["waiting"] == "1"


@pytest.mark.parametrize(
    ("data", "status"),
    [
        ({}, 400),
        ({"section": "review", "action": "explode", "item": "1"}, 400),
        ({"section": "nothing", "action": "reviewed", "item": "1"}, 400),
        ({"section": "review", "action": "reviewed", "item": "x"}, 400),
        ({"section": "review", "action": "reviewed", "item": "9" * 30}, 404),
        ({"section": "review", "action": "reviewed", "item": "\x00"}, 400),
        ({"section": "inferred_roles", "action": "confirm", "item": "999999"}, 404),
        ({"section": "inferred_values", "action": "confirm", "item": "999999"}, 404),
    ],
)
def test_a_hostile_post_is_refused_without_an_error(editor_client, data, status):
    waiting(1)

    assert editor_client.post(DESK, data).status_code == status
    assert counts(editor_client.get(DESK)) == ONE_OF_EACH


@pytest.mark.parametrize("section", ["inferred_roles", "inferred_values"])
def test_a_resolved_item_cannot_be_resolved_twice(editor_client, section):
    waiting(1)
    marked = {
        "inferred_roles": Participation.objects.exclude(inferred_by=""),
        "inferred_values": Session.objects.exclude(inferred={}),
    }[section].get()
    resolve(editor_client, section, marked.pk, "confirm")

    assert resolve(editor_client, section, marked.pk, "confirm").status_code == 404


def test_the_desk_is_for_editors_only(client):
    assert client.get(DESK).status_code == 302
    assert client.post(DESK, {}).status_code == 302


def test_every_section_has_a_test_above():
    assert [section.key for section in SECTIONS] == KEYS


class SessionsWithoutDate(Section):
    """A section resolved on the record's own page: no actions, a link."""

    key = "undated"
    title = "Sessions without a date"
    permission = "archive.change_session"
    open_label = "Add the date"
    changelist = "admin:archive_session_changelist"

    def open_items(self):
        return Session.objects.filter(date=None).select_related("meeting").order_by("pk")

    def item(self, session):
        return Item(session.pk, str(session), f"/admin/archive/session/{session.pk}/change/")


def test_a_section_resolved_on_its_own_page_links_there(editor_client, monkeypatch):
    session = SessionFactory(title="Undated")
    monkeypatch.setattr("sessions.desk.SECTIONS", [SessionsWithoutDate()])

    response = editor_client.get(DESK)
    html = response.content.decode()

    assert counts(response) == {"undated": "1"}
    assert (
        f'<a href="/admin/archive/session/{session.pk}/change/" class="button">Add the date</a>'
        in html
    )
    assert '<form method="post" class="desk-actions">' not in html
    assert (
        editor_client.post(
            DESK, {"section": "undated", "action": "x", "item": session.pk}
        ).status_code
        == 400
    )


def test_the_five_documents_leave_this_work_on_the_desk(editor_client):
    import_bundled()

    assert counts(editor_client.get(DESK)) == EXPECTED_ON_THE_BUNDLED_DOCUMENTS


def test_a_reimport_keeps_the_editors_confirmations(editor_client):
    import_bundled()
    roles = list(Participation.objects.exclude(inferred_by="").values_list("pk", flat=True))
    values = list(Session.objects.exclude(inferred={}).values_list("pk", flat=True))
    for pk in roles:
        resolve(editor_client, "inferred_roles", pk, "confirm")
    for pk in values:
        resolve(editor_client, "inferred_values", pk, "confirm")

    curated = Curated()
    for path in bundled_documents():
        import_file(path, curated)

    assert counts(editor_client.get(DESK)) == {
        **EXPECTED_ON_THE_BUNDLED_DOCUMENTS,
        "inferred_roles": "0",
        "inferred_values": "0",
    }
    assert Participation.objects.filter(pk__in=roles, inferred_by="").count() == len(roles)
