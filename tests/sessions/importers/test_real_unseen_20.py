"""A twentieth set of real pages (fixtures/documents/real_unseen_20/, each page's address in its
sources.json): dig.watch reports of 2016-2025, WSIS Forum pages of 2010-2024 and press pages of
2019-2023, scored once with the code of its hour before any rule was written for it (the
README gives that score)."""

import datetime

import pytest

from sessions.importers.detection import detect
from sessions.importers.documents import prepare
from sessions.models import Session, SourceDocument
from tests.sessions.importers.real_pages import TWENTIETH_UNSEEN_REAL_DOCUMENTS, second_import


def prepared(file_name):
    return prepare(TWENTIETH_UNSEEN_REAL_DOCUMENTS / file_name)


def test_an_early_dig_watch_report_with_its_session_number_and_a_pair_of_moderators():
    # 2016: "Session: 236" and "6 May 2016 - 14:00" under the title, the banner "[Read more
    # session reports and live updates from the WSIS Forum 2016.]" with a stop (the page had
    # been refused), and "Mr Jaroslaw Ponder (ITU) and Ms Gitanjali Sah (ITU) co-moderated the
    # session".
    document = prepared("digwatch_wsis2016_session236_action-line-facilitators-meeting.txt")
    session = document.parsed

    assert document.format == SourceDocument.Format.DIPLOAI_REPORT
    assert (session.meeting_kind, session.meeting_year, session.number, session.title) == (
        "wsis",
        2016,
        236,
        "WSIS Action Line Facilitators Meeting",
    )
    assert (session.date, session.start_time, session.end_time) == (
        datetime.date(2016, 5, 6),
        datetime.time(14, 0),
        None,
    )
    assert [(person.role, person.name, person.affiliation) for person in session.people] == [
        ("speaker", "Malcolm Johnson", "ITU"),
        ("moderator", "Jaroslaw Ponder", "ITU"),
        ("moderator", "Gitanjali Sah", "ITU"),
        ("speaker", "Deniz Susar", "UNDESA"),
        ("speaker", "Torbjorn Fredriksson", "UNCTAD"),
        ("speaker", "Hani Eskandar", "ITU"),
    ]


def test_a_wsis_page_its_summary_report_replaced_waits_for_an_editor():
    # 2024: "WSIS Action Line C7 E-health: Summary Report" above its organizers and "Session
    # 389", no date: a WSIS agenda page (it had been refused), waiting for its date.
    document = prepared("wsis2024_session389_action-line-c7-ehealth-summary-report.txt")
    session = document.parsed

    assert detect(document.text).format == SourceDocument.Format.WSIS_AGENDA_PAGE
    assert (session.title, session.number) == ("WSIS Action Line C7 E-health", 389)
    assert session.missing == [(1, "no day ('Tuesday, 13 June 2017') dates the session")]


@pytest.mark.parametrize(
    "file_name",
    [
        "digwatch_igf2025_nri-collaborative-session-global-cyber-threats.txt",
        "digwatch_wsis2024_leaders-talkx-summit-of-the-future-gdc.txt",
    ],
)
def test_an_ai_summarys_prose_makes_no_one_the_sessions_person(file_name):
    # "… moderated by Jennifer Chung from DotAsia. Carlos Vera from Ecuador IGF emphasized …",
    # "UN Secretary-General Antonio Guterres, in a video message, …": an AI summary names whom
    # the session heard and whom it spoke of alike (the expected answers of the 25 pages list
    # such people as mentioned only; this set's, as people: see their "Review" notes).
    assert prepared(file_name).parsed.people == []


def test_a_wsis_forum_page_of_the_2010_site_titled_by_its_heading_alone():
    # "image: squares decoration EXECUTIVE BRIEFING: WSIS FORUM 2010", then prose: the heading
    # is the title (the page had been refused as of no known family).
    session = prepared("wsis2010_executive-briefing-wsis-forum-2010.txt").parsed

    assert (session.meeting_year, session.title) == (2010, "EXECUTIVE BRIEFING: WSIS FORUM 2010")
    assert session.people == []


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_twentieth_set_changes_nothing():
    not_imported, changed, unchanged = second_import(TWENTIETH_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "neg_digwatch_igf2025_daily-summary-day0.txt": "refused",
        "neg_wsis2022_wsis-talkx-listing.txt": "refused",
        "wsis2012_workshop_global-internet-governance-for-development_igcaucus-html.txt": (
            "refused"
        ),
        "wsis2024_session389_action-line-c7-ehealth-summary-report.txt": "queued",
    }
    assert (changed, unchanged) == ({}, 11)
    assert Session.objects.count() == 11
