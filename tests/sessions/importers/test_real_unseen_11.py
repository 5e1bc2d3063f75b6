"""An eleventh set of real pages (fixtures/documents/real_unseen_11/, sources.json gives each
page's address), scored once with the code of its hour before any rule was written for it (the
README gives that score). Its captioned transcripts are tested in test_igf_transcript.py; each
test here is another form that the first reading lacked, some of them found on earlier sets'
pages while this one was read."""

import pytest

from sessions.importers.igf_page import parse as parse_igf_page
from sessions.importers.igf_workshop import parse as parse_igf_workshop
from sessions.models import Session
from tests.sessions.importers.real_pages import (
    ELEVENTH_UNSEEN_REAL_DOCUMENTS,
    NINTH_UNSEEN_REAL_DOCUMENTS,
    SEVENTH_UNSEEN_REAL_DOCUMENTS,
    TENTH_UNSEEN_REAL_DOCUMENTS,
    people_and_groups,
    second_import,
)


def text(folder, file_name):
    return (folder / file_name).read_text(encoding="utf-8")


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_eleventh_set_changes_nothing():
    not_imported, changed, unchanged = second_import(ELEVENTH_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "igf2014_main-session_best-practice-forums-wrap-up.txt": "refused",
        "igf2020_orientation-session_no-title.txt": "refused",
        "igf2024_day2_launch-award-event100_kyoto-report-booklet_transcript.txt": "queued",
        "neg_igf2025_participation-programme-statistics.txt": "refused",
    }
    assert (changed, unchanged) == ({}, 16)
    assert Session.objects.count() == 16


def test_a_name_printed_twice_and_additional_speakers_after_a_dash():
    # "Organizer 4: Antonia Nirvana Gregorio Lima Antonia Nirvana Gregorio Lima, Youth Brazil"
    # and "Nicky Jackson Colaco - Roblox, VP, Global Public Policy" (left unplaced).
    session = parse_igf_workshop(
        text(ELEVENTH_UNSEEN_REAL_DOCUMENTS, "igf2024_ws179_online-safety-children-youth.txt")
    )

    civil, african, weog = "Civil Society", "African Group", "Eastern European Group"
    grulac = "Latin American and Caribbean Group (GRULAC)"
    assert people_and_groups(session) == [
        ("organizer", "Millenium Anthony", "Youth for Children (Y4C) Innovation Hub", "", ""),
        ("organizer", "Saba Tiku Beyene", "", "", ""),
        ("organizer", "Tabitha Wangechi Muthiru", "Digital Rurals", "", ""),
        ("organizer", "Antonia Nirvana Gregorio Lima", "Youth Brazil", "", ""),
        ("organizer", "Selma Kaymakci", "IGF Czechia", "", ""),
        ("speaker", "Tabitha Wangechi Muthiru", "", civil, african),
        ("speaker", "Ida Padikuor Na-Tei", "", "Private Sector", african),
        ("speaker", "Antonia Nirvana Gregorio Lima", "", "Intergovernmental Organization", grulac),
        ("speaker", "Selma Kaymakci", "", civil, weog),
        ("speaker", "Nicky Jackson Colaco", "Roblox, VP, Global Public Policy", "", ""),
        (
            "speaker",
            "Keith Andere",
            "Executive Director, African Centre for Climate Research and Innovations",
            "",
            "",
        ),
        ("onsite_moderator", "Millenium Anthony", "", "Technical Community", african),
        ("online_moderator", "Saba Tiku Beyene", "", "Intergovernmental Organization", african),
        ("rapporteur", "Igor José Da Silva Araújo", "", civil, grulac),
    ]
    assert session.unplaced == []


def test_a_room_under_its_label_and_a_2018_report_whose_people_facilitated_it():
    # Refused as "not one session's page": "Room" / "Salle XI", then "Report" and its prose.
    session = parse_igf_page(
        text(ELEVENTH_UNSEEN_REAL_DOCUMENTS, "igf2018_dc-coordination-session_report.txt")
    )

    assert (session.meeting_year, session.title, session.room) == (
        2018,
        "Dynamic Coalition (DC) Coordination Session",
        "Salle XI",
    )
    assert session.report.startswith("[PDF Link]\n\nDynamic Coalition Coordination Group")
    # "The meeting was facilitated by Jutta Croll and Markus Kummer, with Eleonora Mazzucchi
    # representing the IGF Secretariat."
    assert [(p.role, p.name, p.line) for p in session.people] == [
        ("moderator", "Jutta Croll", 17),
        ("moderator", "Markus Kummer", 17),
    ]
    assert session.unplaced == []


@pytest.mark.parametrize(
    ("parse", "folder", "file_name", "read"),
    [
        (
            # The room had been read as the format, and "Issue(s)" lost.
            parse_igf_page,
            SEVENTH_UNSEEN_REAL_DOCUMENTS,
            "igf2018_of29_freedom-online-coalition.txt",
            ("Salle XI", "", "Other", ["Internet Freedom"]),
        ),
        (
            # The label had been read as the room, and "Time" as the theme.
            parse_igf_workshop,
            TENTH_UNSEEN_REAL_DOCUMENTS,
            "igf2023_ws403_safe-digital-futures-children.txt",
            ("WS 1 – Annex Hall 1", "Round Table", "", []),
        ),
        (
            parse_igf_workshop,
            NINTH_UNSEEN_REAL_DOCUMENTS,
            "igf2020_ws236_data_flows_trade_cooperation.txt",
            ("Room 1", "Round Table - Circle", "", []),
        ),
    ],
)
def test_the_room_under_its_label_is_the_room_and_no_label_is_a_theme(
    parse, folder, file_name, read
):
    session = parse(text(folder, file_name))

    assert (session.room, session.format, session.theme, session.sub_themes) == read


def test_a_2020_workshops_description_under_about_this_session():
    # It had been left unplaced.
    session = parse_igf_workshop(
        text(NINTH_UNSEEN_REAL_DOCUMENTS, "igf2020_ws236_data_flows_trade_cooperation.txt")
    )

    assert session.description.startswith("Trade is facilitated when Internet functions at its")
    assert session.description.endswith("how they affect Internet companies.")
    assert session.unplaced == []
