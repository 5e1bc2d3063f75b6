"""A ninth set of real pages (fixtures/documents/real_unseen_9/, sources.json gives each
page's address), gathered while the eighth was fixed and scored once with the code of that
hour (the README gives that score). Each test is a form of a family that the first reading
lacked, or a person it made of what is no one."""

import pytest

from sessions.importers.detection import detect_format
from sessions.importers.diploai import parse as parse_diploai
from sessions.importers.igf_page import parse as parse_igf_page
from sessions.importers.igf_workshop import parse as parse_igf_workshop
from sessions.models import Session
from tests.sessions.importers.real_pages import NINTH_UNSEEN_REAL_DOCUMENTS, second_import


def text(file_name):
    return (NINTH_UNSEEN_REAL_DOCUMENTS / file_name).read_text(encoding="utf-8")


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_ninth_set_changes_nothing():
    not_imported, changed, unchanged = second_import(NINTH_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "igf2021_ws17_content_moderation_beyond_social_media.txt": "queued",
        "igf2024_day0_event1_igf_lac_space.txt": "queued",
        "igf2025_ws241_balancing_acts_encryption_safety.txt": "queued",
        "neg_chinaorg2022_wic_wuzhen_summit_news.txt": "refused",
        "neg_igf2023_high_level_sessions_list.txt": "refused",
        "neg_igf2024_suggestions_2023_stocktaking.txt": "refused",
    }
    assert (changed, unchanged) == ({}, 18)
    assert Session.objects.count() == 18


def test_a_2023_reports_speakers_as_names_alone():
    # "Speakers and Moderators" / "Bruna Marlins dos Santos" / "Jordan Carter" / … /
    # "Roswitharu" (one word: no name) / "Wim Degezelle".
    session = parse_diploai(text("digwatch_igf2023_policy_network_internet_fragmentation.txt"))

    assert [p.name for p in session.people] == [
        "Jordan Carter",
        "Marielza Oliveira",
        "Olaf Kolkman",
        "Rosalind Kenny Birch",
        "Sheetal Kumar",
        "Suresh Krishnan",
        "Wim Degezelle",
    ]


def test_a_page_with_its_igf_title_and_format_line_is_a_session_page():
    # "IGF 2019 Strengthening the Future for Small Island Developing States" / … / "Round
    # Table - U-shape - 90 Min": no number, date or section, but a session's format line.
    session = parse_igf_page(text("igf2019_dc_sids_strengthening_future.txt"))

    assert (session.meeting_year, session.format, session.duration_minutes) == (
        2019,
        "Round Table - U-shape",
        90,
    )


def test_records_with_their_groups_mark_an_igf_page_without_its_title():
    # "Session" / the organizations / "Federica Tortorella, LACTLD, Technical Community, Latin
    # American and Caribbean Group (GRULAC) Rocío de la Fuente, …": no title, date or
    # heading, once unknown; now an IGF page that waits for an editor (its people, run
    # together with prose below them on single lines, are left in its text).
    page = text("igf2024_day0_event1_igf_lac_space.txt")

    assert detect_format(page) == "igf_page_2024"
    assert parse_igf_page(page).missing == [
        (1, "no title line 'IGF <year> <session type> #<number> <title>' before the first section")
    ]


def test_additional_speakers_with_their_numbers_glued_on():
    # "Speaker 1Carl Gahnberg, Senior Policy Advisor at Internet Society" / "Speaker 3:Richard
    # Syers, …" / "Speaker 4:Dr Sean Manion, …" under "Additional Speakers" (2020).
    session = parse_igf_workshop(text("igf2020_ws236_data_flows_trade_cooperation.txt"))

    # Jade Nester is Speaker 1 and additional speaker 2: one speaker.
    assert [p.name for p in session.people if p.role == "speaker"] == [
        "Jade Nester",
        "Carl Gahnberg",
        "Richard Syers",
        "Dr Sean Manion",  # "Speaker 4:Dr Sean Manion": the loader drops the title
    ]


def test_a_sentence_in_a_moderator_slot_is_no_one():
    # 2021: "Courtney Radsch is substituting for Jan as Moderator" below the moderators.
    session = parse_igf_workshop(text("igf2021_ws17_content_moderation_beyond_social_media.txt"))

    assert [(p.role, p.name) for p in session.people if p.role not in ("organizer", "speaker")] == [
        ("onsite_moderator", "Jan Rydzak"),
        ("online_moderator", "Jim Prendergast"),
        ("rapporteur", "Elizabeth Milovidov"),
    ]
    assert session.unplaced == [
        "Courtney Radsch is substituting for Jan as Moderator",
        "Samantha Dickinson is substituting at rapporteur",
    ]


def test_a_2022_day_0_events_bulleted_speakers_and_a_line_under_its_moderators():
    # "GovStack Initiative – ITU, GIZ, Estonia, DIAL" / "  • Ms. Nele Leosk - Ambassador-at-large
    # …" (the speakers, their posts after a dash) / "Onsite Moderator" / … / "Online Moderator" /
    # "Mr. Stephen Odhiambo, …" / "Mr. Moritz Fromageot, …" (the rapporteur, a blank line
    # below) / "16. Peace, Justice and Strong Institutions", once read as an online moderator,
    # and "Keynote (5 Minutes) + Panel (30 Minutes) + …", no one either.
    session = parse_igf_page(text("igf2022_day0_event94_digital_public_infrastructure.txt"))

    assert [(p.role, p.name) for p in session.people] == [
        ("speaker", "Nele Leosk"),
        ("speaker", "Gautham Ravichander"),
        ("speaker", "Andrea Donath"),
        ("speaker", "Mei Lin Fung"),
        ("speaker", "Josef Noll"),
        ("onsite_moderator", "Axel Klaphake"),
        ("online_moderator", "Stephen Odhiambo"),
        ("rapporteur", "Moritz Fromageot"),
    ]
    assert session.people[0].affiliation == (
        "Ambassador-at-large for Digital Affairs, Estonian Ministry for Foreign Affairs"
    )
    assert session.unplaced[0] == "16. Peace, Justice and Strong Institutions"
