"""A fourteenth set of real pages (fixtures/documents/real_unseen_14/, sources.json gives each
page's address), scored once with the code of its hour before any rule was written for it (the
README gives that score)."""

import datetime

import pytest

from sessions.importers.detection import detect_format
from sessions.importers.igf_page import parse as parse_igf_page
from sessions.importers.igf_transcript import parse as parse_igf_transcript
from sessions.importers.wsis_agenda import parse as parse_wsis_agenda
from sessions.models import Session, SourceDocument
from tests.sessions.importers.real_pages import (
    FOURTEENTH_UNSEEN_REAL_DOCUMENTS,
    people_and_groups,
    second_import,
)


def text(file_name):
    return (FOURTEENTH_UNSEEN_REAL_DOCUMENTS / file_name).read_text(encoding="utf-8")


def test_titled_people_run_together_on_one_line_and_the_groups_un_names():
    # Under "Speakers": "Ms. Hoda Al Khzaimi, Director …, civil society, Middle East (Asia-Pacific
    # States) Mr. David Fairchild (onsite), First Secretary …, Government, Western European and
    # other States Ms. Shimona Mohan (onsite), …"; above it the organizers, their heading lost.
    session = parse_igf_page(text("igf2024_day0_event165_gender-diversity-and-cybersecurity.txt"))
    people = people_and_groups(session)

    organizers = [(role, name, region) for role, name, _, _, region in people[:5]]
    assert organizers == [
        ("organizer", "Shimona Mohan", "Asia-Pacific States"),
        ("organizer", "David Fairchild", "Western European and other States"),
        ("organizer", "Yasmine Idrissi Azzouzi", "African States"),
        ("organizer", "Allison Pytlak", "Western European and other States"),
        ("organizer", "Pavel Mraz", "Eastern European States"),
    ]
    assert {person.inferred_by for person in session.people[:5]} == {"role_from_layout"}
    assert people[5:] == [
        (
            "speaker",
            "Hoda Al Khzaimi",
            "Director of Centre for Cybersecurity, New York University Abu Dhabi, Founder and "
            "Director of Emerging Advanced Research Acceleration for Technologies, Security and "
            "Cryptology research lab and center, civil society, Middle East",
            "",
            "Asia-Pacific States",
        ),
        (
            "speaker",
            "David Fairchild",
            "First Secretary for Digital Policy and Cybersecurity, Permanent Mission of Canada "
            "to UNOG, Global Affairs Canada",
            "Government",
            "Western European and other States",
        ),
        (
            "speaker",
            "Shimona Mohan",
            "Associate Researcher with Gender & Disarmament and Security & Technology "
            "programmes, UNIDIR",
            "Intergovernmental Organization",
            "Asia-Pacific States",
        ),
        # No such group: kept as published, in the affiliation.
        (
            "speaker",
            "Orhan Osmani",
            "Senior Cybersecurity Coordinator, Cybersecurity Division, Telecommunication "
            "Development Bureau at the International Telecommunication Union, Intergovernmental "
            "Organization, Eastern European and other States",
            "",
            "",
        ),
        (
            "speaker",
            "Catalina Vera Toro",
            "Alternative Representative, Permanent Mission of Chile to the OAS",
            "Government",
            "Latin American and Caribbean States",
        ),
        ("onsite_moderator", "Allison Pytlak", "Program Lead of the Cy", "", ""),
    ]


def test_a_wsis_forum_page_without_services_and_one_with_bulleted_panellists_and_no_day():
    # "Monday, 13 February 2023 14:00–15:00 (UTC+01:00) Room A, ITU Tower Building Interactive
    # Session": no captioning or interpretation between the room and the type.
    consultation = parse_wsis_agenda(
        text("wsis2023_session135_third-meeting-open-consultation-process.txt")
    )
    # "Speakers / panellists" then "• Amb. Jānis Kārkliņš, Latvia, Chair of the
    # Multistakeholder Advisory Group (remote)"; the action lines' bullets below are no one.
    preparatory = parse_wsis_agenda(text("wsis2015_session226_igf-2015-preparatory-session.txt"))

    assert (
        consultation.date,
        consultation.start_time,
        consultation.time_zone,
        consultation.room,
        consultation.session_type,
        consultation.number,
    ) == (
        datetime.date(2023, 2, 13),
        datetime.time(14, 0),
        "UTC+01:00",
        "Room A, ITU Tower Building",
        "Interactive Session",
        135,
    )
    assert [(p.name, p.affiliation, p.is_remote) for p in preparatory.people] == [
        ("Carlos Alberto Afonso", "Brazilian Internet Steering Committee", False),
        (
            "Benedicto Fonseca Filho",
            "Brazil, Co-chair of the Multistakeholder Advisory Group",
            False,
        ),
        ("Marylin Cade", "mCADE LLC, Business sector", False),
        ("Constance Bommelaer", "Internet Society", False),
        ("Jānis Kārkliņš", "Latvia, Chair of the Multistakeholder Advisory Group", True),
    ]
    # No day: the page waits for an editor.
    assert (preparatory.meeting_year, preparatory.missing) == (
        None,
        [(1, "no day ('Tuesday, 13 June 2017') dates the session")],
    )


@pytest.mark.parametrize(
    ("record", "read"),
    [
        ("Mr. David Fairchild (onsite), Global Affairs Canada", ("David Fairchild", False)),
        ("Ms. Ada Lovelace (online), Analytical Engines", ("Ada Lovelace", True)),
    ],
)
def test_where_a_person_takes_part_from_is_no_part_of_their_name(record, read):
    session = parse_igf_page(
        f"IGF 2024 WS #1 A Title\n\nSpeakers\n\n{record} Dr. Grace Hopper, Navy\n"
    )

    assert [(p.name, p.is_remote) for p in session.people] == [read, ("Grace Hopper", False)]


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_fourteenth_set_changes_nothing():
    not_imported, changed, unchanged = second_import(FOURTEENTH_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "igf2014_ws157_crowdsourcing-a-magna-carta_room8_transcript.txt": "queued",
        "neg_igf2012_pre-events.txt": "refused",
        "neg_igf2019_sched_other-session-list.txt": "refused",
        "wsis2015_session226_igf-2015-preparatory-session.txt": "queued",
    }
    assert (changed, unchanged) == ({}, 15)
    assert Session.objects.count() == 15


def test_a_transcript_of_2014_its_notice_and_a_label_with_an_initial():
    # "This is the output of the real-time captioning taken during the IGF 2014 Istanbul, …";
    # ">> D. MILOSHEVIC:  … My name is Desiree Miloshevic.  I'm going to be a Moderator".
    session = parse_igf_transcript(
        text("igf2014_ws157_crowdsourcing-a-magna-carta_room8_transcript.txt")
    )

    assert session.meeting_year == 2014
    assert session.disclaimer.startswith("This is the output of the real-time captioning")
    assert [(p.role, p.name) for p in session.people] == [
        ("moderator", "Desiree Miloshevic"),
        ("speaker", "Desiree Miloshevic"),
    ]
    assert [turn.speaker for turn in session.transcript] == ["D. MILOSHEVIC"]


@pytest.mark.parametrize(
    ("parse", "file_name", "read"),
    [
        (
            # "IGF 2018 - Day 1 - Salle I - High Level Panel Discussion: Strengthening …"
            parse_igf_transcript,
            "igf2018_day1_sallei_high-level-panel-strengthening-ig-and-igf_transcript.txt",
            (
                "High Level Panel Discussion",
                "Strengthening the Internet Governance and the IGF",
                "Salle I",
            ),
        ),
        (
            # "High Level Panel III - Looking ahead to WSIS+20: …" above its date line.
            parse_igf_page,
            "igf2023_high-level-panel-iii_looking-ahead-to-wsis20.txt",
            (
                "High Level Panel",
                "Looking ahead to WSIS+20: Accelerating the Multistakeholder Process",
                "Main Hall",
            ),
        ),
    ],
)
def test_a_title_that_opens_with_the_sessions_type(parse, file_name, read):
    session = parse(text(file_name))

    assert (session.session_type, session.title, session.room) == read
    assert session.number is None


def test_a_name_keeps_one_space_between_its_words():
    # "•    Ms. Doreen    Bogdan-Martin, Secretary-General, …"
    session = parse_igf_page(text("igf2023_high-level-panel-iii_looking-ahead-to-wsis20.txt"))

    assert [person.name for person in session.people][2:4] == [
        "John Whittingdale",
        "Doreen Bogdan-Martin",
    ]


@pytest.mark.parametrize(
    ("file_name", "read"),
    [
        (
            "igf2016_dc-coordination-session_workshop-room-9.txt",
            (
                "Dynamic Coalition Coordination Session",
                datetime.date(2016, 12, 8),
                "Dynamic Coalition",
                "",
                # Its subtitle, "DC Coordination Session", is taken for the format's name, as
                # a 2024 page's first line would be (left as it is).
                "Thursday 8 December, 16.30-18.00",
            ),
        ),
        (
            # "Format: Roundtable work meeting, open to everyone. Session divided into two
            # segments. …": sentences, not a format's name.
            "igf2017_nris-coordination-session_room-xxv.txt",
            (
                "NRIs Coordination Session",
                datetime.date(2017, 12, 21),
                "Other",
                "Roundtable work meeting, open to everyone. Session divided into two segments. "
                "First segment will include introductory remarks from the IGF Secretariat, MAG "
                "Chair and UNDESA (10 minutes in total).",
                "Thursday, 21 December, 12:30-13:30, Room XXV",
            ),
        ),
    ],
)
def test_a_session_page_of_the_first_sites_mirror(file_name, read):
    # "Dynamic Coalition Coordination Session" above "8 December 2016 - A Dynamic Coalition on
    # Other in Guadalajara, Mexico", as the same sites' transcripts open.
    page = text(file_name)
    session = parse_igf_page(page)

    assert detect_format(page) == SourceDocument.Format.IGF_PAGE_2024
    assert (
        session.title,
        session.date,
        session.session_type,
        session.format_description,
        session.description.split("\n\n")[0],
    ) == read
    assert session.people == []


def test_a_post_in_capitals_after_a_name_is_the_first_part_of_the_affiliation():
    # "•    Ms. Maria-Fernanda Garza CEO, Orestia and Board Chair, International Chamber of …"
    session = parse_igf_page(text("igf2023_high-level-panel-iii_looking-ahead-to-wsis20.txt"))

    assert (session.people[6].name, session.people[6].affiliation) == (
        "Maria-Fernanda Garza",
        "CEO, Orestia and Board Chair, International Chamber of Commerce (ICC)",
    )
