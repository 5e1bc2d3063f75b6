"""A twenty-second set of real pages (fixtures/documents/real_unseen_22/, each page's address in
its sources.json): dig.watch reports of 2019-2025 and press pages of 2019-2024, scored once with
the code of its hour before any rule was written for it (the README gives that score)."""

from functools import partial

import pytest

from sessions.importers.documents import DocumentRefused
from sessions.models import Session
from tests.sessions.importers.real_pages import (
    TWENTY_SECOND_UNSEEN_REAL_DOCUMENTS,
    parsed_page,
    second_import,
)

parsed = partial(parsed_page, TWENTY_SECOND_UNSEEN_REAL_DOCUMENTS)


def test_moderators_after_their_role_and_two_on_one_line():
    # 2023: "• Onsite moderator: Ms. Zanyiwe Nthatisi-Asare, South Africa | African IGF", "•
    # Online moderator: Ms. Judith Hellerstein, USA | IGF-USA and DCAD; and Ms. Karen Cruz, …":
    # the labels had been read as two people's names.
    session = parsed("digwatch_igf2023_nris-main-session-data-governance.txt")

    assert [(p.role, p.name, p.affiliation) for p in session.people[5:]] == [
        ("onsite_moderator", "Zanyiwe Nthatisi-Asare", "South Africa | African IGF"),
        ("online_moderator", "Judith Hellerstein", "USA | IGF-USA and DCAD"),
        ("online_moderator", "Karen Cruz", "Costa Rica | Youth LACIGF"),
    ]


def test_an_early_reports_empty_fields_are_no_title():
    # 2019: "Related event" / "Session date" / "Session ID:" / "Main Session" / "Resource type"
    # / "Event reports", their values lost with the title: the labels are furniture, "Main
    # Session" the type, and the page waits for its title (it was titled "Related event").
    session = parsed("digwatch_igf2019_opening-ceremony.txt")

    assert (session.title, session.session_type, session.meeting_year) == ("", "Main Session", 2019)
    assert session.missing == [(5, "no title line before the first heading")]
    assert session.furniture[:3] == ["Related event", "Session date", "Session ID:"]
    assert [(p.role, p.name) for p in session.people] == [
        ("speaker", "António Guterres"),
        ("speaker", "Angela Merkel"),
    ]


def test_a_report_whose_meeting_is_only_in_its_address_waits_for_an_editor():
    # 2025: "High Level Dialogue: Strengthening the Resilience of Telecommunication Submarine
    # Cables", a WSIS Forum session that names neither WSIS nor the IGF (it had been refused).
    session = parsed("digwatch_wsis2025_hld-resilience-submarine-cables.txt")

    assert (session.meeting_kind, session.missing) == (
        "",
        [(1, "the text names neither WSIS nor the IGF")],
    )


def test_an_events_overview_page_is_refused():
    # 2025: "Event Statistics" / "Total session reports: 5": dig.watch's page of a whole event.
    name = "neg_digwatch_2025_submarine-cables-resilience-event-overview.txt"
    with pytest.raises(DocumentRefused) as refused:
        parsed(name)

    assert refused.value.lines == [
        f"{TWENTY_SECOND_UNSEEN_REAL_DOCUMENTS / name}:19: an event's overview of its session "
        "reports, not one session's"
    ]


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_twenty_second_set_changes_nothing():
    not_imported, changed, unchanged = second_import(TWENTY_SECOND_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "digwatch_igf2019_opening-ceremony.txt": "queued",
        "digwatch_wsis2025_hld-resilience-submarine-cables.txt": "queued",
        "neg_digwatch_2025_submarine-cables-resilience-event-overview.txt": "refused",
    }
    assert (changed, unchanged) == ({}, 10)
    assert Session.objects.count() == 10
