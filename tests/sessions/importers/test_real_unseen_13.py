"""A thirteenth set of real pages (fixtures/documents/real_unseen_13/, sources.json gives each
page's address), scored once with the code of its hour before any rule was written for it (the
README gives that score): transcripts of the IGF's first sites (2006-2013) and copies that start
at the first turn."""

import datetime

import pytest

from sessions.importers.detection import detect_format
from sessions.importers.igf_page import parse as parse_igf_page
from sessions.importers.igf_transcript import parse
from sessions.models import Session, SourceDocument
from tests.sessions.importers.real_pages import THIRTEENTH_UNSEEN_REAL_DOCUMENTS, second_import


def transcript(file_name):
    return parse((THIRTEENTH_UNSEEN_REAL_DOCUMENTS / file_name).read_text(encoding="utf-8"))


def heading_and_people(session):
    return (
        session.meeting_year,
        session.date,
        session.session_type,
        session.title,
        [(person.role, person.name, person.inferred_by) for person in session.people],
    )


@pytest.mark.parametrize(
    ("file_name", "read"),
    [
        (
            # "Summing Up (1)" above "01 November 2006 - A Main Session on Athens,Greece"; the
            # notice opens "Note: The following is …" and runs over five lines; the chairman,
            # labelled "CHAIRMAN DESAI", says "My name is Nitin Desai", and "SECRETARY KUMMER"
            # is no one's name.
            "igf2006_main_summing-up-1_transcript.txt",
            (
                2006,
                datetime.date(2006, 11, 1),
                "Main Session",
                "Summing Up (1)",
                [
                    ("moderator", "Nitin Desai", "role_from_layout"),
                    ("speaker", "Nitin Desai", ""),
                    # "So with that, I will turn the floor over to Markus Kummer."
                    ("speaker", "Markus Kummer", "introduced_in_transcript"),
                ],
            ),
        ),
        (
            "igf2009_main_setting-the-scene_orientation_transcript.txt",
            (
                2009,
                datetime.date(2009, 11, 15),
                "Main Session",
                "Internet Governance Setting the Scene",
                [
                    ("moderator", "Markus Kummer", "role_from_layout"),
                    ("speaker", "Markus Kummer", ""),
                    ("speaker", "Divina Frau-Meigs", ""),
                ],
            ),
        ),
        (
            # "27 September 2011, New Delegate Briefing": the day, then the title.
            "igf2011_new-delegate-briefing_transcript.txt",
            (
                2011,
                datetime.date(2011, 9, 27),
                "",
                "New Delegate Briefing",
                [
                    ("moderator", "Chengetai Masango", "role_from_layout"),
                    # "I was asked by three ladies to moderate the session."
                    ("moderator", "Jovan Kurbalija", "role_from_layout"),
                    ("speaker", "Chengetai Masango", ""),
                    ("speaker", "Jovan Kurbalija", ""),
                ],
            ),
        ),
        (
            # "OCTOBER 23, 2013" and the captioners' other notice ("Communication Access
            # Realtime Translation (CART) is provided …"); no title: it waits for an editor.
            "igf2013_inter-regional-dialogue-day2_transcript.txt",
            (
                2013,
                datetime.date(2013, 10, 23),
                "",
                "",
                [
                    ("moderator", "Marilyn Cade", "role_from_layout"),
                    ("speaker", "Marilyn Cade", ""),
                ],
            ),
        ),
        (
            # A copy that starts at ">> MODERATOR:": "My name is Frederic Donck …", "introduce
            # to you our president, Mr Andrew Sullivan". No meeting: it waits for an editor.
            "igf2018_day1_sallexi_of40_isoc-open-forum-future-of-igf_transcript.txt",
            (
                None,
                None,
                "",
                "",
                [
                    ("moderator", "Frederic Donck", "role_from_layout"),
                    ("speaker", "Frederic Donck", ""),
                    ("speaker", "Andrew Sullivan", ""),
                ],
            ),
        ),
        (
            # ">> CHAIRMAN: … My name is Yulia Morenets from Cybercrime International.", past
            # the turn's first sentences.
            "igf2019_day3_convention-hall-i-c_of40_eu-delegation-youth-igf-movement_transcript.txt",
            (
                2019,
                None,
                "",
                "",
                [
                    ("moderator", "Yulia Morenets", "role_from_layout"),
                    ("speaker", "Yulia Morenets", ""),
                    ("speaker", "Alexandra Geese", "introduced_in_transcript"),
                ],
            ),
        ),
    ],
)
def test_transcripts_of_the_first_sites_and_copies_from_the_first_turn(file_name, read):
    text = (THIRTEENTH_UNSEEN_REAL_DOCUMENTS / file_name).read_text(encoding="utf-8")

    assert detect_format(text) == SourceDocument.Format.IGF_TRANSCRIPT
    assert heading_and_people(parse(text)) == read


def test_a_notice_wrapped_over_lines_is_kept_whole_and_the_lines_around_it_unread():
    session = transcript("igf2009_main_setting-the-scene_orientation_transcript.txt")

    assert session.disclaimer == (
        "Note: The following is the output of the real-time captioning taken during Fourth "
        "Meeting of the IGF, in Sharm El sheikh. Although it is largely accurate, in some cases "
        "it may be incomplete or inaccurate due to inaudible passages or transcription errors. "
        "It is posted as an aid to understanding the proceedings at the session, but should "
        "not be treated as an authoritative record."
    )
    assert session.unplaced == [
        "Also available in:",
        "Full Session Transcript",
        "Sunday, 15 November 2009",
        "Sharm El Sheikh, Egypt",
    ]


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_thirteenth_set_changes_nothing():
    not_imported, changed, unchanged = second_import(THIRTEENTH_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "igf2013_inter-regional-dialogue-day2_transcript.txt": "queued",
        "igf2015_main_setting-the-scene_workshop-room-11_transcript.txt": "queued",
        "igf2018_day1_sallexi_of40_isoc-open-forum-future-of-igf_transcript.txt": "queued",
        "igf2019_day3_convention-hall-i-c_of40_eu-delegation-youth-igf-movement_transcript.txt": (
            "queued"
        ),
        "igf2021_igf-secretariat-session-at-eurodig.txt": "refused",
        "igf2025_ws173_action-oriented-solutions-to-strengthen-the-igf.txt": "queued",
        "neg_igf2009_programme-for-the-main-sessions.txt": "refused",
        "neg_igf2016_sched_emerging-issues-list.txt": "refused",
        "scio2022_miit-digital-economy_p3.txt": "queued",
    }
    assert (changed, unchanged) == ({}, 11)
    assert Session.objects.count() == 11


@pytest.mark.parametrize(
    ("file_name", "read"),
    [
        (
            # "IGF 2015 has ended" in place of the banner, and a line on the videos under it.
            "igf2015_main_dynamic-coalitions_sched.txt",
            (
                2015,
                datetime.date(2015, 11, 12),
                datetime.time(16, 30),
                "Main Session on Dynamic Coalitions",
                "3 Hours, split into two 90-minute sessions:",
                7,
            ),
        ),
        (
            # A title in quotes, and no type or number: the page's text is its description.
            "igf2017_main_dynamic-coalitions-contribute-to-the-digital-future_sched.txt",
            (
                2017,
                datetime.date(2017, 12, 20),
                datetime.time(10, 0),
                "Dynamic Coalitions: Contribute to the Digital Future!",
                "[90 minutes – Wednesday 20 December, 10.00-11.30 – Room XVII, UNOG]",
                8,
            ),
        ),
    ],
)
def test_main_sessions_on_the_schedule_site(file_name, read):
    text = (THIRTEENTH_UNSEEN_REAL_DOCUMENTS / file_name).read_text(encoding="utf-8")
    session = parse_igf_page(text)
    paragraphs = session.description.split("\n\n")

    assert detect_format(text) == SourceDocument.Format.IGF_PAGE_2024
    assert (
        session.meeting_year,
        session.date,
        session.start_time,
        session.title,
        paragraphs[0],
        len(paragraphs),
    ) == read
    # The rest of the text follows in the description, not under another field.
    assert (session.online_participation, session.unplaced, session.people) == ("", [], [])
