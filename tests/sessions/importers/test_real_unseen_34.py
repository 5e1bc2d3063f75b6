"""A thirty-fourth set of real pages (fixtures/documents/real_unseen_34/, each page's address in
its sources.json): IGF session pages of 2008-2019, transcripts of 2010-2011 and dig.watch
reports of 2023-2024, scored once with the code of its hour before any rule was written for it
(the README gives that score)."""

from functools import partial

import pytest

from sessions.models import Session
from tests.sessions.importers.real_pages import (
    THIRTY_FOURTH_UNSEEN_REAL_DOCUMENTS,
    parsed_page,
    second_import,
)

parsed = partial(parsed_page, THIRTY_FOURTH_UNSEEN_REAL_DOCUMENTS)


def test_speakers_after_the_seat_they_take_below_a_sentence_that_lists_them():
    # 2017: "Additional Speakers", then "As we had too many speakers, … This is the new list of
    # speakers:" (kept as text), then "Youth: Su Sonia Hering", "Government/Politics: …".
    session = parsed("igf2017_ws134_fake-news-young-igf.txt")

    assert [(p.role, p.name, p.role_text) for p in session.people if p.role == "speaker"] == [
        ("speaker", "Su Sonia Hering", "Youth"),
        ("speaker", "Arda Gerkens", "Government/Politics"),
        ("speaker", "Emmanuel Elolo", "Expert"),
        ("speaker", "MIchael J. Oghia", "Business"),
        ("speaker", "Mariana de Vasconcellos", "Lawyer"),
        ("speaker", "Florian Daniel", "Technicus"),
        ("speaker", "Michel van Eetem", "Academia"),
    ]
    assert session.unplaced == [
        "Short Title\nFake news and possible solutions to access information",
        "Co-Organizers:",
        "As we had too many speakers, we skipped a few names on the list. This is the new list "
        "of speakers:",
    ]
    # "Format" is the heading of "Session Format: Debate - 60 Min".
    assert (session.format, session.duration_minutes) == ("Debate", 60)


def test_bulleted_speakers_under_the_organizers_without_their_heading():
    # 2019: "Organizer 1: …", then "• Michael Bültmann, Managing Director, HERE Technologies"
    # and four more, the "Additional Speakers" heading lost; they had been left as text.
    session = parsed("igf2019_ws178_human-centric-digital-identities.txt")

    assert [(p.role, p.name) for p in session.people][:3] == [
        ("organizer", "Cristian Ioan Duda"),
        ("speaker", "Michael Bültmann"),
        ("speaker", "Linda Bonyo"),
    ]
    assert [p.name for p in session.people if p.role == "speaker"][-1] == "Solana Larsen"
    assert session.unplaced == []


def test_two_moderators_who_share_a_slot():
    # 2018: "Nicolas Chagny/Daniel Shavit", then "Nicolas Chagny/Daniel Shavit-Additional
    # Online moderator" under the online moderator's label: each had been one person.
    session = parsed("igf2018_ws329_blockchain-future-internet-governance.txt")

    assert [(p.role, p.name) for p in session.people if "moderator" in p.role] == [
        ("onsite_moderator", "Nicolas Chagny"),
        ("onsite_moderator", "Daniel Shavit"),
        ("online_moderator", "Nicolas Chagny"),
        ("online_moderator", "Daniel Shavit"),
    ]


def test_an_additional_speakers_label_is_no_part_of_the_name():
    # 2018, its title lost (it waits for an editor): "Speaker: Silvia Díaz Molina, Social
    # Researcher, Intergovernmental Organization" had made "Speaker: Silvia Díaz Molina".
    session = parsed("igf2018_ws279_scaling-community-networks.txt")

    assert [p.name for p in session.people if p.role == "speaker"][-4:] == [
        "Silvia Díaz Molina",
        "Carl Elmstam",
        "Monique Calisti",
        "Panayotis Antoniadis",
    ]


def test_the_meeting_alone_on_a_line_above_the_notice():
    # 2010: "IGF 2010" below the site's banner; the page had waited for its meeting.
    session = parsed("igf2010_ws87_vilnius_ipv6-deployment-transcript.txt")

    assert session.meeting_year == 2010
    assert session.furniture == [
        "Welcome to the United Nations | Department of Economic and Social Affairs",
        "IGF 2010",
    ]


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_thirty_fourth_set_changes_nothing():
    not_imported, changed, unchanged = second_import(THIRTY_FOURTH_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "bpf2018_gender-access_virtual-meeting-iv.txt": "refused",
        "igf2010_ws87_vilnius_ipv6-deployment-transcript.txt": "queued",
        "igf2012_ws163_governing-identity-proposal.txt": "refused",
        "igf2018_ws279_scaling-community-networks.txt": "queued",
        "itu2008_igf-hyderabad_accessibility-workshop-abstracts.txt": "refused",
    }
    assert (changed, unchanged) == ({}, 11)
    # The 2011 session's page and its transcript are one session.
    assert Session.objects.count() == 10
