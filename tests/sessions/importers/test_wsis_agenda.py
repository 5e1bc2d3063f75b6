"""WSIS Forum session pages of ITU's agenda site (sessions/importers/wsis_agenda.py), on the two
real pages the sets hold: 2017 (fixtures/documents/real_unseen_13/) and 2025
(fixtures/documents/real_unseen_11/); sources.json gives each page's address."""

import datetime

import pytest

from sessions.importers.detection import detect_format
from sessions.importers.documents import Curated, import_file
from sessions.importers.wsis_agenda import parse
from sessions.models import Session, SourceDocument
from tests.sessions.importers.real_pages import (
    ELEVENTH_UNSEEN_REAL_DOCUMENTS,
    THIRTEENTH_UNSEEN_REAL_DOCUMENTS,
    people_and_groups,
)

PAGE_2017 = THIRTEENTH_UNSEEN_REAL_DOCUMENTS / (
    "wsis2017_session396_moderated-high-level-policy-session-7.txt"
)
PAGE_2025 = ELEVENTH_UNSEEN_REAL_DOCUMENTS / "wsis2025_session421_leaders-talkx-digital-trust.txt"


def facts(session):
    return (
        session.meeting_kind,
        session.meeting_year,
        session.title,
        session.number,
        session.session_type,
        session.date,
        session.start_time,
        session.end_time,
        session.time_zone,
        session.room,
    )


@pytest.mark.parametrize("path", [PAGE_2017, PAGE_2025])
def test_a_wsis_forum_session_page_is_of_its_family(path):
    assert detect_format(path.read_text(encoding="utf-8")) == SourceDocument.Format.WSIS_AGENDA_PAGE


def test_2017_the_facts_run_together_and_the_speakers_are_numbered_after_their_seat():
    session = parse(PAGE_2017.read_text(encoding="utf-8"))

    assert facts(session) == (
        "wsis",
        2017,
        "Moderated High-Level Policy Session 7",
        396,
        "High-Level Policy Session",
        datetime.date(2017, 6, 13),
        datetime.time(16, 45),
        datetime.time(17, 30),
        "",
        "Popov Room, ITU Tower",
    )
    assert session.theme == "Bridging Digital Divides"
    ministry = "Ministry of Information and Communications"
    assert people_and_groups(session)[:4] + people_and_groups(session)[-2:] == [
        (
            "moderator",
            "Habib Kammoun",
            "Chairperson of the IEEE Tunisia Section & leader in the REGIM-Lab. (Research Groups "
            "in Intelligent Machines), University of Sfax",
            "",
            "",
        ),
        (
            "speaker",
            "Reinhard Scholl",
            "Deputy Director, Telecommunication Standardization Bureau, WSIS Action Line "
            "Facilitator ITU",
            "",
            "",
        ),
        (
            "speaker",
            "Mahmoud Vaezi",
            "Minister, Ministry of Information & Communication Technology, Iran (Islamic "
            "Republic of)",
            "",
            "",
        ),
        (
            "speaker",
            "Gastão de Sousa",
            "Minister, Ministry of Public Works, Transport and Communications (MOPTC), "
            "Timor-Leste (Democratic Republic of)",
            "",
            "",
        ),
        (
            "speaker",
            "Azza Awad Elkreem",
            "Head of Orgnization (Sudan), Arab & African Union for Digital Media",
            "",
            "",
        ),
        (
            "speaker",
            "Maya Plentz Fagundes",
            "Executive Director (Switzerland), 50 More Ventures",
            "",
            "",
        ),
    ]
    assert [person.name for person in session.people[4:9]] == [
        "Frank Tumwebaze Kagyigyi",
        "Mohamed Bangura",
        "Phan Tam",
        "Adriana Sofía Labardini Inzunza",
        "Grigore Varanita",
    ]
    assert (
        session.people[6].affiliation
        == f"Deputy Minister, {ministry} (MIC), Viet Nam (Socialist Republic of)"
    )
    # A seat without a name is no one.
    assert session.unplaced == ["1. Chairman of WSIS Forum"]
    assert session.description.startswith("The WSIS Forum builds upon the outcomes of the UN")


def test_2025_the_day_before_the_time_and_each_panellist_named_twice():
    session = parse(PAGE_2025.read_text(encoding="utf-8"))

    assert facts(session) == (
        "wsis",
        2025,
        "Leaders TalkX: Towards a safer connected world: collaborative strategies to strengthen "
        "digital trust and cyber resilience",
        421,
        "Leaders TalkX",
        datetime.date(2025, 7, 9),
        datetime.time(11, 30),
        datetime.time(12, 0),
        "UTC+02:00",
        "Plenary Room C, Palexpo",
    )
    # "Prof. Lucien CASTEX" then "Prof. Lucien CASTEX Advisor to the CEO, … AFNIC High-Level
    # Track Facilitator Moderator".
    assert people_and_groups(session) == [
        (
            "moderator",
            "Lucien CASTEX",
            "Advisor to the CEO, Internet Governance and Society AFNIC",
            "",
            "",
        )
    ]
    assert session.description.startswith("This Leaders TalkX investigates strengthening")
    # The biography is kept for an editor, not read as the session's description.
    assert session.unplaced[1] == (
        "Lucien Castex is Advisor to the CEO of Afnic in charge of Internet, Governance and "
        "society."
    )


@pytest.mark.django_db
def test_the_session_is_filed_under_the_wsis_forum_of_its_year_and_its_type_kept_for_review():
    session = import_file(PAGE_2017, Curated()).session

    assert (session.meeting.slug, session.number, session.title) == (
        "wsis-2017",
        396,
        "Moderated High-Level Policy Session 7",
    )
    assert (session.session_type, session.needs_review) == (Session.Type.OTHER, True)
    assert session.import_snapshot["review"] == [
        "1: unknown session type 'High-Level Policy Session', filed as Other"
    ]
    assert session.participations.count() == 11
