"""A nineteenth set of real pages (fixtures/documents/real_unseen_19/, each page's address in its
sources.json): transcripts of 2011-2024 and session pages of 2019-2025, scored once with the
code of its hour before any rule was written for it (the README gives that score)."""

from functools import partial

import pytest

from sessions.importers.igf_page_sections import after_people
from sessions.importers.text import Line, Paragraph
from sessions.models import Session
from tests.sessions.importers.real_pages import (
    NINETEENTH_UNSEEN_REAL_DOCUMENTS,
    parsed_page,
    second_import,
)

parsed = partial(parsed_page, NINETEENTH_UNSEEN_REAL_DOCUMENTS)


def roles(session):
    return [(person.role, person.name, person.inferred_by) for person in session.people]


def people(session):
    return [
        (person.role, person.name, person.affiliation, person.stakeholder_group)
        for person in session.people
    ]


def test_the_opener_of_a_transcript_names_who_will_speak():
    # 2011: "We will be having Gerry Ellis speaking on cloud computing …", "Peter Major will be
    # speaking on …", "After that, Abdoulaye Dembele will be doing a presentation of …"; the
    # "United Nations" of "the role of the United Nations" is no one.
    session = parsed("igf2011_ws137_mainstreaming-disability-perspective.txt")

    assert roles(session) == [
        ("moderator", "Cynthia Waddell", "role_from_layout"),
        ("speaker", "Cynthia Waddell", ""),
        ("speaker", "Gerry Ellis", "introduced_in_transcript"),
        ("speaker", "Peter Major", "introduced_in_transcript"),
        ("speaker", "Jorge Plano", "introduced_in_transcript"),
        ("speaker", "Abdoulaye Dembele", "introduced_in_transcript"),
        ("speaker", "Arun Mehta", "introduced_in_transcript"),
    ]


def test_a_voice_an_announcer_gives_the_floor_to_speaks_and_the_sites_notices_are_no_title():
    # 2012: "I would like to give the floor to Mr Wu Hongbo, the United Nations Under Secretary
    # General for Economic and Social Affairs": he speaks, the announcer opens; "Social Affairs"
    # had been a person. Above the meeting's name, the site's software notice and the forum's
    # name alone had become the title.
    session = parsed("igf2012_opening-ceremony.txt")

    assert roles(session) == [("speaker", "Wu Hongbo", "")]
    assert session.title == ""
    # The page's first line, the software's notice ("Deprecated: Function
    # get_magic_quotes_gpc() is deprecated in … on line 63"), and the forum's name.
    path = NINETEENTH_UNSEEN_REAL_DOCUMENTS / "igf2012_opening-ceremony.txt"
    notice = path.read_text(encoding="utf-8").splitlines()[0]
    assert notice.startswith("Deprecated: Function get_magic_quotes_gpc() is deprecated in ")
    assert session.furniture[:2] == [notice, "Internet Governance Forum"]


def test_lead_discussants_each_after_a_bar_and_one_marked_moderator():
    # 2022: "Lead discussants" / "• Tobias Bacherle | MP, Germany" / … / "• Sorina Teleanu |
    # Diplo, IGF Secretariat (moderator)", then "Practical details" and a paragraph: the
    # sub-heading ends the people (it had made people of "Practical details" and "For more
    # information"). "[Closed]" is no part of the title.
    session = parsed("igf2022_parliamentary-track-session-iii_unpacking-un-processes.txt")

    assert (session.title, session.session_type) == (
        "Unpacking UN Processes",
        "Parliamentary Track Session",
    )
    assert people(session) == [
        ("speaker", "Tobias Bacherle", "MP, Germany", ""),
        ("speaker", "Jose Cepeda", "MP, Spain", ""),
        ("speaker", "Anriette Esterhuysen", "Association for Progressive Communications", ""),
        (
            "speaker",
            "Timothy Masiu",
            "MP, Minister for Communication & Information Technology, Papua New Guinea",
            "",
        ),
        ("speaker", "Vladimir Radunovic", "Diplo", ""),
        ("moderator", "Sorina Teleanu", "Diplo, IGF Secretariat", ""),
    ]
    assert session.unplaced[:3] == [
        "[Closed]",
        "Practical details",
        "Please note that this is a closed session, dedicated to members of parliament and "
        "parliamentary staff. The Zoom link will be sent directly to invited participants.",
    ]


@pytest.mark.parametrize(
    ("text", "ends_the_people"),
    [
        ("Practical details", True),
        ("Further reading and links", True),
        ("Moira de Roche", False),
        ("jinhe liu", False),
        ("Practical details, please", False),
        ("Notes", False),
    ],
)
def test_a_sub_heading_ends_a_people_section(text, ends_the_people):
    first = Paragraph([Line(1, "Tobias Bacherle, MP, Germany")], after_gap=False)
    later = Paragraph([Line(3, text)], after_gap=False)
    sections = {"speakers": [first, later]}

    assert bool(after_people(sections)) is ends_the_people
    assert sections["speakers"] == ([first] if ends_the_people else [first, later])


def test_organizers_records_with_an_emails_stand_in_and_a_labelled_group():
    # 2024: "Youth Standing Group" above "João Moreno Rodrigues Falcão, [email protected],
    # Youth Standing Group, Technical community, GRULAC", "Natálie Terčová, …, stakeholder
    # group: academia, Eastern Europe, [email protected]" and a record with no group at all:
    # the stand-in marks each as a person's record (the organizers had been lost).
    session = parsed("igf2024_launch145_youth2leader.txt")

    assert session.organizers == ["Youth Standing Group"]
    assert [person for person in people(session) if person[0] == "organizer"] == [
        (
            "organizer",
            "João Moreno Rodrigues Falcão",
            "Youth Standing Group",
            "Technical community",
        ),
        (
            "organizer",
            "Natálie Terčová",
            # Academia is no stakeholder group of the archive's: kept in the affiliation.
            "IGF Czechia/ ISOC 2024 Early Career Fellow/ ISOC YSG/ ICANN79 Fellow, stakeholder "
            "group: academia",
            "",
        ),
        ("organizer", "Denise Leal", "Academia and Civil Society, UnB and YCIG", ""),
        (
            "organizer",
            "Germán López Ardila",
            "Academia, Civil Society, Private Sector, Javeriana University, ISOC YSG, Colombian "
            "Chamber of IT and Telecoms - CCIT",
            "",
        ),
    ]


def test_speakers_run_together_on_one_line_each_ended_by_a_region():
    # 2025: "Sraddha Kedia, Independent Women's Lawyer, Asia-Pacific Group Manish Jaiswal, …
    # Miroslav Plundrich, University of West Bohemia, Western Europe and other Group Jannatul
    # Ferdous, …" under "Speakers" (read as one speaker until then). "Susan, Cyber Peace
    # Zambia" gives a first name alone: no one's record of its own.
    session = parsed("igf2025_lt62_bridging-digital-divides.txt")

    speakers = [
        (person.name, person.affiliation, person.regional_group)
        for person in session.people
        if person.role == "speaker"
    ]
    assert speakers == [
        ("Sraddha Kedia", "Independent Women's Lawyer", "Asia-Pacific Group"),
        ("Manish Jaiswal", "Indian Aerospace Defence News(IADN)", "Asia-Pacific Group"),
        ("Monojit Das", "Independent Analyst", "Asia-Pacific Group"),
        (
            "Samaila Bako",
            "Cyber Safe Nigeria, African Group Susan, Cyber Peace Zambia",
            "African Group",
        ),
        ("Miroslav Plundrich", "University of West Bohemia", "Western Europe and other Group"),
        ("Jannatul Ferdous", "Comilla University, Bangladesh", "Asia-Pacific Group"),
    ]


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_nineteenth_set_changes_nothing():
    not_imported, changed, unchanged = second_import(NINETEENTH_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "igf2011_ws137_mainstreaming-disability-perspective.txt": "queued",
        "igf2012_opening-ceremony.txt": "queued",
        "igf2013_orientation-session-day-2.txt": "queued",
        "igf2014_bpf-wrap-up-main-room.txt": "queued",
        "igf2015_dcad_accessibility-disability-workshop-room-3.txt": "refused",
        "neg_igf2016_workshop-reporting-template.txt": "refused",
        "neg_igf2023_parliamentary-track-overview.txt": "refused",
    }
    assert (changed, unchanged) == ({}, 9)
    assert Session.objects.count() == 9
