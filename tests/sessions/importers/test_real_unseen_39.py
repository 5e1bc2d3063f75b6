"""A thirty-ninth set of real pages (fixtures/documents/real_unseen_39/, each page's address in
its sources.json): IGF session pages of 2018-2025 (open forums, Day 0 events, a lightning talk,
a dynamic coalition) and IGF transcripts of 2015-2022, scored once with the code of its hour
before any rule was written for it (docs/real-pages.md gives that score)."""

from functools import partial

import pytest

from sessions.importers import igf_page
from sessions.importers.documents import BUNDLED_DOCUMENTS
from sessions.models import Session
from tests.sessions.importers.real_pages import parsed_page, second_import

FOLDER = BUNDLED_DOCUMENTS / "real_unseen_39"
parsed = partial(parsed_page, FOLDER)


def test_people_written_as_the_forms_labelled_fields():
    # 2025 lightning talk: "1. Name: Pranav Bhaskar Tiwari | Organizational Affiliation: The
    # Dialogue & … | Stakeholder: Academia/Youth … 2. Name: Kazim Rizvi | …", the organizers
    # below their organization's line, then the speakers' line of the same shape.
    session = parsed("igf2025_lt231_child-safety-digital-world.txt")

    assert session.organizers == ["The Dialogue"]
    assert [(p.role, p.name, p.affiliation) for p in session.people] == [
        (
            "organizer",
            "Pranav Bhaskar Tiwari",
            "The Dialogue & the Alliance for Cyber Trust and Safety, Academia/Youth and "
            "Regional Group of Speakers: APAC",
        ),
        ("organizer", "Kazim Rizvi", "The Dialogue & the Alliance for Cyber Trust and Safety"),
        (
            "speaker",
            "Pranav Bhaskar Tiwari",
            "The Dialogue & the Alliance for Cyber Trust and Safety, Academia/Youth",
        ),
        (
            "speaker",
            "Garima Saxena",
            "The Dialogue & the Alliance for Cyber Trust and Safety, Civil Society/Youth",
        ),
        (
            "speaker",
            "Andrea Powell",
            "Alliance for Cyber Trust and Safety, Civil Society, North America",
        ),
    ]
    assert session.people[1].stakeholder_group == "Civil Society"


def test_a_name_then_a_post_is_no_co_organizers_record():
    # 2024 Day 0, its title line lost: "Ms Whitney Jolivet, Executive Assistant, International
    # Chamber of Commerce (ICC), Private Sector, African Group" had been read as a 2017 record
    # (title, first name, last name, group, organization): "Whitney Jolivet Executive
    # Assistant" of the organization "Private Sector, African Group".
    session = parsed("igf2024_day0-61_icc-unified-digital-cooperation.txt")

    assert [p.name for p in session.people] == []
    assert session.title == ""


def test_a_dashed_list_of_speakers_run_together_is_read_item_by_item():
    # 2018 open forum: below the organizing organization's line, one line "- Adama OUANE,
    # Administrator of OIF - Pierre DANDJINOU, RVP, … ; Mr Abdelkader ZIGHIED, …", the list's
    # line breaks lost; it had been kept as the online-participation text.
    session = parsed("igf2018_of14_francophonie-transformation-numerique.txt")

    assert session.organizers == ["International Organization of Francophonie"]
    assert [(p.role, p.name, p.affiliation) for p in session.people] == [
        ("speaker", "Adama OUANE", "Administrator of OIF"),
        ("speaker", "Pierre DANDJINOU", "RVP, Global Stakeholder Engagement, AFRICA, ICANN"),
        (
            "speaker",
            "Mona LAROUSSI",
            "Deputy Director of the Institute for Education and Training, Dakar",
        ),
        (
            "speaker",
            "Mireille EZA",
            'Director of Program "NORIA", Assemblée parlementaire de la Francophonie',
        ),
        # As published: the title glued to the name (an initial could be so glued too).
        (
            "speaker",
            "M.Emmanuel ADJOVI",
            "M. Director of OIF Regional Office for Caribbean and Latin American Countries "
            "(BRECAL)",
        ),
        (
            "speaker",
            "Youma FALL",
            "Director of french langage and cultural and linguistic diversity of OIF",
        ),
        (
            "speaker",
            "Abdelkader ZIGHIED",
            "Director of Digital Department – Agence Universitaire de la Francophonie "
            "(Technical community)",
        ),
        ("online_moderator", "El Hadji Malick NDIAYE", ""),
    ]
    assert session.online_participation == ""


def test_a_dashed_run_with_an_item_that_names_no_one_is_kept_as_published():
    text = (FOLDER / "igf2018_of14_francophonie-transformation-numerique.txt").read_text()
    text = text.replace("- Ms Mona LAROUSSI,", "- the Institute for Education,")

    session = igf_page.parse(text)

    assert [p.name for p in session.people] == ["El Hadji Malick NDIAYE"]
    assert "- Adama OUANE, Administrator of OIF - Pierre DANDJINOU" in (
        session.online_participation
    )


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_thirty_ninth_set_changes_nothing():
    not_imported, changed, unchanged = second_import(FOLDER)

    # Three pages lack their title line (the copies open with "Session", or with the speech):
    # they wait for an editor.
    assert not_imported == {
        "igf2018_main-session_development-innovation-transcript.txt": "queued",
        "igf2024_day0-61_icc-unified-digital-cooperation.txt": "queued",
        "igf2025_of45_cyber-resilience-critical-infrastructure.txt": "queued",
    }
    assert (changed, unchanged) == ({}, 13)
    assert Session.objects.count() == 13
