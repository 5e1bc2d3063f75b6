"""A twenty-sixth set of real pages (fixtures/documents/real_unseen_26/, each page's address in
its sources.json): transcripts of 2006-2024 and WSIS pages of 2015-2022, scored once with the
code of its hour before any rule was written for it (the README gives that score)."""

from functools import partial

import pytest

from sessions.importers.documents import DocumentRefused, prepare
from sessions.models import Session
from tests.sessions.importers.real_pages import (
    TWENTY_SIXTH_UNSEEN_REAL_DOCUMENTS,
    parsed_page,
    second_import,
)

parsed = partial(parsed_page, TWENTY_SIXTH_UNSEEN_REAL_DOCUMENTS)


def roles(session):
    return [(p.role, p.name, p.inferred_by) for p in session.people]


def test_a_heading_whose_dashes_have_a_space_on_one_side():
    # "IGF 2024-Day 3 -Workshop Room 10 -OF 33 Open Consultation Process Meeting for WSIS Forum
    # 2025": the room had been part of the title.
    session = parsed("igf2024_day3_of33_wsis-forum-2025-ocp.txt")

    assert (session.room, session.session_type, session.number, session.title) == (
        "Workshop Room 10",
        "Open Forum",
        33,
        "Open Consultation Process Meeting for WSIS Forum 2025",
    )


def test_a_name_with_a_particle_and_five_words_and_a_portfolio_that_is_no_one():
    # 2023: "So I am Ana Cristina Amoroso das Neves and today, I'm moderating …" had been cut
    # at "das"; 2018: "Minister of Digital Economy Development" had made a person of "Economy
    # Development".
    session = parsed("igf2023_day2_of100_wsis-at-20.txt")
    assert roles(session) == [
        ("moderator", "Ana Cristina Amoroso das Neves", "role_from_layout"),
        ("speaker", "Ana Cristina Amoroso das Neves", ""),
    ]

    session = parsed("igf2018_day1_sallei_hlp-new-challenges.txt")
    assert roles(session) == [
        ("moderator", "David Martinon", "introduced_in_transcript"),
        ("speaker", "David Martinon", ""),
        ("speaker", "Audrey Azoulay", "introduced_in_transcript"),
        ("speaker", "Hadja Ouattara", "introduced_in_transcript"),
        ("speaker", "Stephane Richard", "introduced_in_transcript"),
    ]


def test_a_titled_person_on_a_bullet_of_a_wsis_page_under_any_heading():
    # 2017: "Opening Ceremony (Statements):" / "• Mr Antonio Guterres, UN Secretary-General
    # (Mess" (the copy ends there; no one had been read).
    session = parsed("wsis2017_session281_opening-ceremony.txt")

    assert [(p.role, p.name, p.affiliation) for p in session.people] == [
        ("speaker", "Antonio Guterres", "UN Secretary-General (Mess")
    ]


def test_a_wsis_page_without_its_facts_gives_its_year_in_its_title():
    # 2016: "WSIS Forum 2016 Official Opening Ceremony", no "Session 201" line and no line of
    # facts (the page had been refused: no known family); "1. Mr Ban Ki-Moon, UN
    # Secretary-General (Video Message)", "3. Visionary Speech: H.E. Mr Majed El Mesmar", items
    # without a seat.
    session = parsed("wsis2016_session201_opening-ceremony.txt")

    assert (session.meeting_year, session.date, session.missing) == (2016, None, [])
    assert [(p.role, p.name, p.affiliation) for p in session.people] == [
        ("speaker", "Ban Ki-Moon", "UN Secretary-General (Video Message)"),
        ("speaker", "Houlin Zhao", "Secretary-General, ITU"),
        ("speaker", "Majed El Mesmar", ""),
    ]


@pytest.mark.parametrize(
    ("text", "refusal"),
    [
        # The meeting's page: its title alone.
        (
            "WSIS Forum 2019\n\nThe World Summit on the Information Society (WSIS) Forum is …",
            "unknown format: not an IGF session page, workshop page or transcript, a DiploAI "
            "report, a press-conference transcript or a WSIS Forum session page",
        ),
        (
            "WSIS Forum 2019 Highlights\n\nThe Forum gathered more than 3,000 participants.",
            "not one session's page: no number or people",
        ),
    ],
)
def test_a_wsis_forums_page_that_is_no_sessions_is_refused(tmp_path, text, refusal):
    page = tmp_path / "page.txt"
    page.write_text(text)

    with pytest.raises(DocumentRefused) as refused:
        prepare(page)

    assert refused.value.lines == [f"{page}:1: {refusal}"]


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_twenty_sixth_set_changes_nothing():
    not_imported, changed, unchanged = second_import(TWENTY_SIXTH_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "igf2007_main_reporting-back_untitled.txt": "queued",
        "igf2012_inter-regional-dialogue.txt": "queued",
        "igf2015_ws27_online-participation-principles-debate.txt": "queued",
        "wsis2015_session-formats.txt": "refused",
        "wsis2022_agenda-listing.txt": "refused",
    }
    assert (changed, unchanged) == ({}, 10)
    assert Session.objects.count() == 10
