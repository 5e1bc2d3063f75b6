"""A thirty-second set of real pages (fixtures/documents/real_unseen_32/, each page's address in
its sources.json): IGF session pages of 2015-2025 and WSIS pages of 2010 and 2025, scored once
with the code of its hour before any rule was written for it (the README gives that score)."""

import datetime
from functools import partial

import pytest

from sessions.models import Session
from tests.sessions.importers.real_pages import (
    THIRTY_SECOND_UNSEEN_REAL_DOCUMENTS,
    parsed_page,
    second_import,
)

parsed = partial(parsed_page, THIRTY_SECOND_UNSEEN_REAL_DOCUMENTS)


def test_numbered_organizers_then_speakers_one_a_line_without_their_headings():
    # 2022: the organizers' numbered records, then the speakers', their headings lost; "4. UN
    # ECA" is a body, and "Agenda outline 1.Welcome, introduction …" below the rapporteur's
    # name had been made a rapporteur.
    session = parsed("igf2022_launch83_addis_africa-rural-community-network.txt")

    assert [(p.role, p.name) for p in session.people] == [
        ("organizer", "Wisdom Donkor"),
        ("organizer", "Lee W. McKnight"),
        ("organizer", "Jane Asantewaa Appiah-Okyere"),
        ("speaker", "Andre Laperriere"),
        ("speaker", "Neema Lugangira"),
        ("speaker", "Danielle Smith"),
        ("onsite_moderator", "Danielle T Smith"),
        ("online_moderator", "Lily Edinam Botsyoe"),
        ("rapporteur", "Akinremi Peter Taiwo"),
    ]
    first, agenda = session.unplaced
    assert first == "4. UN ECA"
    assert agenda.startswith("Agenda outline 1.Welcome, introduction and opening remark. 2.")


def test_numbered_runs_of_people_in_a_copy_that_lost_its_blank_lines():
    # 2025, its title lost (it waits for an editor): "Session", the organizing organization,
    # the organizers' records run together on one line, then the speakers', all one paragraph.
    session = parsed("igf2025_ns214_lillestrom_global-digital-governance-ig-models.txt")

    assert [(p.role, p.name, p.stakeholder_group) for p in session.people] == [
        ("organizer", "Saba Tiku Beyene", "Civil Society"),
        ("organizer", "Ananda Gautam", "Civil Society"),
        ("organizer", "Marko Paloski", "Private Sector"),
        ("organizer", "Thomas Aarheim", "Civil Society"),
        ("organizer", "João Moreno", "Civil Society"),
        ("organizer", "Jasmine Ko", "Technical Community"),
        ("speaker", "Judith Hellerstein", "Civil Society"),
        ("speaker", "Ananda Gautam", "Civil Society"),
        ("speaker", "Thomas Aarheim", "Civil Society"),
        ("speaker", "Alina Ustinova", "Civil Society"),
        ("speaker", "Marko Paloski", "Private Sector"),
    ]


def test_the_floor_given_to_our_moderators():
    # 2015: "I would like to give the floor to our moderators, Jeanette Hoffman and Rachel
    # Pollack." They had been read as speakers.
    session = parsed("igf2015_main_joao-pessoa_dynamic-coalitions-feedback.txt")

    assert [(p.role, p.name) for p in session.people] == [
        ("moderator", "Veridiana Alimonti"),
        ("moderator", "Jeanette Hoffman"),
        ("moderator", "Rachel Pollack"),
        ("speaker", "Veridiana Alimonti"),
        ("speaker", "Jeanette Hoffman"),
    ]


def test_a_wsis_forum_page_of_the_2010_site():
    # Refused as of no known family: the site's banner, the type above the title, the day
    # without a comma after its name, people after their roles' labels and on bullets.
    session = parsed("wsis2010_hl-plenary_turning-targets-into-action.txt")

    assert (session.meeting_year, session.session_type, session.title) == (
        2010,
        "High Level Plenary Session",
        "Turning Targets into action",
    )
    assert (session.date, session.start_time, session.end_time) == (
        datetime.date(2010, 5, 10),
        datetime.time(10, 30),
        datetime.time(12, 0),
    )
    assert [(p.role, p.name) for p in session.people[:3]] == [
        ("moderator", "Adrian Finnegan"),
        ("speaker", "Sami Al Basheer Al Morshid"),
        ("speaker", "Adama Samassékou"),
    ]
    assert len(session.people) == 9
    assert session.unplaced == ["Guests of honour:", "Speech (French)"]


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_thirty_second_set_changes_nothing():
    not_imported, changed, unchanged = second_import(THIRTY_SECOND_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "igf2015_main_joao-pessoa_dynamic-coalitions-feedback.txt": "queued",
        "igf2021_th63_katowice_e-waste-greener-ways.txt": "queued",
        "igf2024_bpf_riyadh_cybersecurity-capacity-building.txt": "refused",
        "igf2025_ns214_lillestrom_global-digital-governance-ig-models.txt": "queued",
        "neg_igf_themes2018_environment-listing.txt": "refused",
    }
    assert (changed, unchanged) == ({}, 11)
    assert Session.objects.count() == 11
