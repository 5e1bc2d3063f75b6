"""The IGF session page parser on real pages other than workshops: a Day 0 event and a main
session in the 2021-2023 layout, and a 2024 open forum whose copy stops before its people
(fixtures/documents/real/; its sources.json says where each came from).
"""

import datetime
from pathlib import Path

import pytest
from django.conf import settings

from sessions.importers.documents import BUNDLED_DOCUMENTS, Curated, import_file
from sessions.importers.igf_page import parse

REAL = Path(settings.BASE_DIR, "fixtures/documents/real")


def _parse(name):
    return parse((REAL / name).read_text(encoding="utf-8"))


def test_day_0_event_with_heading_less_organizers_and_speakers():
    session = _parse("igf2023_day0-event95_isoc-clx.txt")
    assert (session.meeting_year, session.session_type, session.number, session.title) == (
        2023,
        "Day 0 Event",
        95,
        "Internet Society’s Collaborative Leadership Exchange (CLX)",
    )
    assert (session.date, session.start_time, session.end_time, session.time_zone) == (
        datetime.date(2023, 10, 8),
        datetime.time(0, 0),
        datetime.time(3, 0),
        "UTC",
    )
    assert session.room == "WS 5 – Room B-2"
    assert (session.theme, session.sub_themes) == (
        "Digital Divides & Inclusion",
        [
            "Gender Digital Divide",
            "Skills Building for Basic and Advanced Technologies (Meaningful Access)",
        ],
    )
    assert session.furniture == ["Digital Divides & Inclusion"]
    assert session.organizers == ["Internet Society"]
    # expected.json names an organization for each person ("ISOC Foundation", "ITU Africa");
    # the page runs organization, stakeholder group and region together in free text. The
    # groups are read where they end an organizer's text as groups the vocabulary knows
    # ("Africa", "APAC", "LAC": groups.REGION_FORMS); "NA" and "EU" do not say which group,
    # so such a text is kept whole as the affiliation, and so is every speaker's.
    assert [
        (p.name, p.role, p.affiliation, p.stakeholder_group, p.regional_group)
        for p in session.people[:6]
    ] == [
        ("Mauricia Cindy Abdol", "organizer", "ISOC Foundation", "technical community", "Africa"),
        ("Mona Gaballa", "organizer", "ISOC, technical community, NA", "", ""),
        ("Pranav Tiwari", "organizer", "ISOC Foundation", "technical community", "APAC"),
        ("Nicolas Fiumarelli", "organizer", "ISOC Alumni", "technical community", "LAC"),
        ("Veronica Piccolo", "organizer", "ISOC Alumni, technical community, EU", "", ""),
        ("Athanase Bahizire", "organizer", "ISOC Ambassador", "technical community", "Africa"),
    ]
    # The speakers' groups, where they end the text, with or without a comma between them.
    assert [
        (p.name, p.role, p.affiliation, p.stakeholder_group, p.regional_group)
        for p in session.people[6:]
    ] == [
        ("Saba Tiku", "speaker", "ITU Africa", "Intergovernmental Organization", "Africa"),
        (
            "Bo Han",
            "speaker",
            "Institute of Journalism and Communication, Chinese Academy of Social Sciences",
            "Civil Society",
            "Asia-Pacific (APAC)",
        ),
        ("Kateryna Bovsunovksa", "speaker", "EE, Technical Community Europe", "", ""),
        (
            "Temilade Adelakun",
            "speaker",
            "Google Sub-Saharan Africa (Nigeria)",
            "Technical Community",
            "Africa",
        ),
        (
            "Yug Desai",
            "speaker",
            "Doctoral candidate in the Department of International Relations at South Asian "
            "University, Civil Society, New Delhi (India) APAC",
            "",
            "",
        ),
        ("Zin Myo Htet", "speaker", "Myanmar APAC", "", ""),
        ("Kamesh Shekar", "speaker", "The Dialogue , Civil Society, (India) APAC", "", ""),
        (
            "Edgar Brutyan",
            "speaker",
            "Institute for Development of Freedom of Information, Georgia United States of America",
            "",
            "",
        ),
        ("Nicolas Fiumarelli", "onsite_moderator", "", "", ""),
        ("Mauricia Abdol Tshilunda", "online_moderator", "", "", ""),
        # After a field boundary under "Online Moderator": the rapporteur, whose heading was lost.
        ("Athanase Bahizire", "rapporteur", "", "", ""),
    ]
    assert session.sdg_goals == [9, 11, 17]
    assert session.sdg_rationale.startswith("Targets: The Internet has been recognized")
    assert (session.description, session.unplaced) == ("", [])


def test_main_session_top_without_number_or_people_headings():
    # Detection does not recognise this page yet (sessions/importers/documents.py); the parser
    # reads it. Its people stand only inside the agenda, which is kept unplaced for an editor:
    # named in parentheses at an agenda line's end, and as bullets under their heading (the
    # copy stops at "• Christhop", a cut name, not a person).
    session = _parse("igf2021_main-session_bpf-cybersecurity.txt")
    assert (session.meeting_year, session.session_type, session.number, session.title) == (
        2021,
        "",
        None,
        "Main Session BPF Cybersecurity",
    )
    assert (session.date, session.room) == (datetime.date(2021, 12, 10), "Plenary Room")
    assert session.description.startswith("The BPF Cybersecurity 2021 on the use of norms")
    assert [text.split("\n")[0] for text in session.unplaced] == [
        "Session agenda",
        "1. Introductory remarks",
        "Presenter's, moderators and panelists",
        "• Art Manion, FIRST",
    ]
    # "1. Introductory remarks" and the other agenda lines are not SDGs.
    assert session.sdg_goals == []
    assert [(p.name, p.role, p.organization, p.affiliation) for p in session.people] == [
        ("Hariniombonana Andriamampionona", "speaker", "", "MAG BPF Facilitator"),
        ("Markus Kummer", "speaker", "", "BPF Facilitator"),
        ("Maarten Van Horenbeeck", "speaker", "", "BPF Lead expert"),
        ("Pablo Hinojosa", "speaker", "", ""),
        ("Eneken Tikk", "speaker", "", ""),
        ("Mallory Knodel", "speaker", "", ""),
        ("Sheetal Kumar", "speaker", "", ""),
        ("Mallory Knodel", "moderator", "", ""),
        ("Pablo Hinojosa", "moderator", "", ""),
        ("Lobsang Gyatso", "speaker", "", ""),
        ("Chris Painter", "speaker", "", ""),
        ("Sherif Hashem", "speaker", "", ""),
        ("Art Manion", "speaker", "FIRST", "FIRST"),
        ("Siena Anstis", "speaker", "", ""),
    ]


def test_open_forum_copy_that_stops_before_its_people():
    session = _parse("igf2024_of19_first-international-treaty-on-ai.txt")
    assert (session.meeting_year, session.session_type, session.number, session.title) == (
        2024,
        "Open Forum",
        19,
        "Elaborating the world’s first international treaty on AI",
    )
    assert (session.format, session.duration_minutes) == ("Theater", 60)
    # The moderator is named in prose only ("moderated by the Chair of the CAI, Ambassador
    # Thomas Schneider"): mentioned, not listed, so no person.
    assert session.people == []
    assert session.description.startswith('Full title of the Session: "Elaborating')


@pytest.mark.django_db
def test_a_title_naming_the_wsis_event_stays_under_its_igf_meeting(tmp_path):
    source = BUNDLED_DOCUMENTS / "igf2024-open-forum-9-session-page.txt"
    text = source.read_text(encoding="utf-8").replace(
        "Digital Technology Empowers Green and Low-carbon Development",
        "Towards the WSIS+20 High Level Event 2025",
        1,
    )
    copy = tmp_path / "open-forum.txt"
    copy.write_text(text, encoding="utf-8")
    session = import_file(copy, Curated()).session
    assert (session.meeting.slug, session.title) == (
        "igf-2024",
        "Towards the WSIS+20 High Level Event 2025",
    )


def test_goal_lines_without_their_heading_end_the_rapporteur_section():
    text = (BUNDLED_DOCUMENTS / "igf2024-open-forum-9-session-page.txt").read_text(encoding="utf-8")
    session = parse(text.replace("\n    SDGs\n", "\n", 1))
    assert [(p.name, p.role) for p in session.people if p.role == "rapporteur"] == [
        ("Xu Jin", "rapporteur")
    ]
    assert (session.sdg_goals, session.sdg_targets) == ([7], ["7.a"])
    assert session.sdg_rationale.startswith("Targets: Promotion of Sustainable Energy Solutions")


@pytest.mark.django_db
def test_day_0_event_is_filed_as_other_and_marked_for_review():
    outcome = import_file(REAL / "igf2023_day0-event95_isoc-clx.txt", Curated())
    session = outcome.session
    assert (session.meeting.slug, session.session_type, session.number) == (
        "igf-2023",
        "other",
        95,
    )
    assert session.needs_review is True
    assert session.import_snapshot["review"] == [
        "1: unknown session type 'Day 0 Event', filed as Other"
    ]
    assert session.participations.count() == 17
