"""The editors' desk: what waits, counted and listed in a fixed number of queries; each item
resolved from there, recorded in history, and the count goes down."""

import re

import pytest

from sessions.desk import SECTIONS, Item, Section
from sessions.models import InferredFact, Session
from speakers.models import DuplicateSuggestion, Person
from tests.bundled import import_bundled
from tests.factories import InferredFactFactory, PersonFactory, SessionFactory

pytestmark = pytest.mark.django_db

SIZES = [1, 25]
DESK = "/admin/desk/"
# What the five bundled documents leave for an editor: no value outside the vocabularies; the
# WSIS report's one unplaced paragraph; DU Guimei / Dou Guimei (Open Forum #9); Open Forum #9's
# date from its report, and the moderator and rapporteur slots of WS #125 and WS #377.
EXPECTED_ON_THE_BUNDLED_DOCUMENTS = {
    "review": "0",
    "unplaced": "1",
    "duplicates": "1",
    "inferred": "5",
}


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client


def waiting(rows):
    """`rows` items of each kind (items beyond the desk's first 25 are counted, not listed)."""
    for _ in range(rows):
        SessionFactory(
            needs_review=True,
            import_snapshot={"review": ["12: stakeholder group 'Academia' is no known group"]},
        )
        SessionFactory(unplaced_text="Share this page\n\nComments")
        DuplicateSuggestion.objects.create(
            person=PersonFactory(), other=PersonFactory(), reason="one letter apart"
        )
        InferredFactFactory()


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
    # 3. count, 4. first 25 of the sessions marked for review, with their meetings
    # 5. count, 6. first 25 of the sessions with unplaced text, with their meetings
    # 7. count, 8. first 25 open suggested duplicates, with both people
    # 9. count, 10. first 25 open inferred facts, with their sessions and meetings
    with django_assert_num_queries(10):
        response = superuser_client.get(DESK)
    assert response.status_code == 200
    assert counts(response) == {
        key: str(rows) for key in ["review", "unplaced", "duplicates", "inferred"]
    }
    assert listed(response) == {
        key: rows for key in ["review", "unplaced", "duplicates", "inferred"]
    }


def test_the_admin_index_links_to_the_desk(editor_client):
    assert 'href="/admin/desk/"' in editor_client.get("/admin/").content.decode()


def test_an_editor_sees_every_section_with_the_reasons(editor_client):
    waiting(1)

    html = editor_client.get(DESK).content.decode()

    assert counts(editor_client.get(DESK)) == {
        "review": "1",
        "unplaced": "1",
        "duplicates": "1",
        "inferred": "1",
    }
    assert "line 12: stakeholder group &#x27;Academia&#x27; is no known group" in html
    assert "line 18: inferred from the layout" in html
    assert "one letter apart" in html


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
    kept = suggestion.person

    assert resolve(editor_client, "duplicates", suggestion.pk, "merge").status_code == 302

    assert list(Person.objects.values_list("pk", flat=True)) == [kept.pk]
    assert counts(editor_client.get(DESK))["duplicates"] == "0"


def test_keeping_a_pair_apart_clears_it(editor_client):
    waiting(1)
    suggestion = DuplicateSuggestion.objects.get()

    assert resolve(editor_client, "duplicates", suggestion.pk, "keep_apart").status_code == 302

    suggestion.refresh_from_db()
    assert suggestion.status == DuplicateSuggestion.Status.KEPT_APART
    assert Person.objects.count() == 2
    assert counts(editor_client.get(DESK))["duplicates"] == "0"


def test_confirming_an_inferred_fact_clears_it(editor_client, editor):
    waiting(1)
    fact = InferredFact.objects.get()

    assert resolve(editor_client, "inferred", fact.pk, "confirm").status_code == 302

    fact.refresh_from_db()
    assert fact.confirmed is True
    assert counts(editor_client.get(DESK))["inferred"] == "0"
    latest = fact.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (
        editor,
        "confirmed on the editors' desk",
    )


@pytest.mark.parametrize(
    ("data", "status"),
    [
        ({}, 400),
        ({"section": "review", "action": "explode", "item": "1"}, 400),
        ({"section": "nothing", "action": "reviewed", "item": "1"}, 400),
        ({"section": "review", "action": "reviewed", "item": "x"}, 400),
        ({"section": "review", "action": "reviewed", "item": "9" * 30}, 404),
        ({"section": "review", "action": "reviewed", "item": "\x00"}, 400),
        ({"section": "inferred", "action": "confirm", "item": "999999"}, 404),
    ],
)
def test_a_hostile_post_is_refused_without_an_error(editor_client, data, status):
    waiting(1)

    assert editor_client.post(DESK, data).status_code == status
    assert counts(editor_client.get(DESK)) == {
        "review": "1",
        "unplaced": "1",
        "duplicates": "1",
        "inferred": "1",
    }


def test_a_resolved_item_cannot_be_resolved_twice(editor_client):
    waiting(1)
    fact = InferredFact.objects.get()
    resolve(editor_client, "inferred", fact.pk, "confirm")

    assert resolve(editor_client, "inferred", fact.pk, "confirm").status_code == 404


def test_the_desk_is_for_editors_only(client):
    assert client.get(DESK).status_code == 302
    assert client.post(DESK, {}).status_code == 302


def test_every_section_has_a_test_above():
    assert [section.key for section in SECTIONS] == ["review", "unplaced", "duplicates", "inferred"]


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
