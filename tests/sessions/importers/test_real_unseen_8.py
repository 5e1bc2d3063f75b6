"""An eighth set of real pages (fixtures/documents/real_unseen_8/, sources.json gives each
page's address), gathered while the seventh was fixed and scored once with the code of that
hour (the README gives that score). Each test is a form of a family that the first reading
lacked."""

import datetime

import pytest

from sessions.importers.diploai import parse as parse_diploai
from sessions.importers.groups import choice_of
from sessions.importers.igf_page import parse as parse_igf_page
from sessions.models import RegionalGroup, Session, StakeholderGroup
from tests.sessions.importers.real_pages import (
    EIGHTH_UNSEEN_REAL_DOCUMENTS,
    people_and_groups,
    second_import,
)


def text(file_name):
    return (EIGHTH_UNSEEN_REAL_DOCUMENTS / file_name).read_text(encoding="utf-8")


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_eighth_set_changes_nothing():
    not_imported, changed, unchanged = second_import(EIGHTH_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "digwatch_igf2024_of8_african-union-open-forum.txt": "queued",
        "igf2024_ws82_global_south_ai_governance.txt": "queued",
        "igf2025_day0-event50_awareness-to-action-kids.txt": "queued",
        "igf2025_ws485_digital-age-verification.txt": "queued",
        "neg_chinaorg2010_china-us-internet-forum-speech.txt": "refused",
        "neg_digwatch_news-category-listing_igf2024-youth.txt": "refused",
        "neg_igf2019_sched_safety-security-workshops_list.txt": "refused",
    }
    assert (changed, unchanged) == ({}, 17)
    assert Session.objects.count() == 17


@pytest.mark.parametrize(
    ("published", "groups", "value"),
    [
        ("Africa Region", RegionalGroup, RegionalGroup.AFRICAN),
        ("Asia Pacific Region", RegionalGroup, RegionalGroup.ASIA_PACIFIC),
        ("Civil Society Group", StakeholderGroup, StakeholderGroup.CIVIL_SOCIETY),
        ("Academia", StakeholderGroup, ""),
        ("Legal", StakeholderGroup, ""),
    ],
)
def test_a_group_named_with_region_or_group_after_it(published, groups, value):
    assert choice_of(published, groups) == value


def test_records_run_together_after_a_region_written_with_region():
    # 2024: "Sabelo Zimu, Internet Society South Africa, Academia, Africa Region Gabriel
    # Karsan, Emerging Youth Initiative, Civil Society Group, Africa Region Jesse Nathan …";
    # "Academia" is no stakeholder group of the archive's: it stays in the affiliation.
    session = parse_igf_page(text("igf2024_lt157_african_intelligence.txt"))

    assert people_and_groups(session)[:5] == [
        (
            "organizer",
            "Sabelo Zimu",
            "Internet Society South Africa, Academia",
            "",
            "Africa Region",
        ),
        (
            "organizer",
            "Gabriel Karsan",
            "Emerging Youth Initiative",
            "Civil Society Group",
            "Africa Region",
        ),
        (
            "organizer",
            "Jesse Nathan Kalange",
            "Internet Society Uganda",
            "Civil Society",
            "Africa Region",
        ),
        ("speaker", "Sabelo Zimu", "Internet Society South Africa, Academia", "", "Africa Region"),
        (
            "speaker",
            "Dennis Ramphomane",
            "South African Artificial Intelligence Association & GIZ, Legal",
            "",
            "Africa Region",
        ),
    ]


def test_an_early_reports_person_with_a_particle_in_the_name():
    # "Ms Moira de Roche (International Federation for Information Processing) expounded …".
    session = parse_diploai(text("digwatch_wsis2021_highlights-key-achievements.txt"))

    assert [p.name for p in session.people] == [
        "Malcolm Johnson",
        "Karen McCabe",
        "Martin Labbé",
        "Moira de Roche",
    ]


def test_numbered_posts_and_bodies_are_no_organizers():
    # "1. EU Commission Representative 2. Delegation of the EP to the IGF 3. ICANN
    # Representative …": the first reading made three people of them.
    session = parse_igf_page(text("igf2018_of37_eu-delegation-youth-igf-movement.txt"))

    assert session.people == []
    # The line is kept as published, where the page's layout puts it.
    assert session.online_participation.split("\n\n")[-1] == (
        "1. EU Commission Representative 2. Delegation of the EP to the IGF 3. ICANN"
        " Representative 4. African Union Commission Representative 5. Members of the Youth IGF"
        " Movement (physical presence) & representatives of other youth initiatives"
    )


def test_a_session_on_the_2017_schedule_site():
    # "Welcome to IGF2017! …" / "Venue Map" / "Back To Schedule" / "Monday, December 18 • 09:00
    # - 10:30" / "Social Responsibility and Ethics in Artificial Intelligence (WS12)", then the
    # proposal's fields: "Ms., Jia HE, Private Sector, Bytedance" and "Speaker: Urs Gasser".
    session = parse_igf_page(text("igf2017_ws12_sched_ethics-in-ai.txt"))

    assert (session.meeting_year, session.date, session.start_time, session.end_time) == (
        2017,
        datetime.date(2017, 12, 18),
        datetime.time(9, 0),
        datetime.time(10, 30),
    )
    assert (session.title, session.session_type, session.number, session.missing) == (
        "Social Responsibility and Ethics in Artificial Intelligence",
        "Workshop",
        12,
        [],
    )
    assert session.furniture == [
        "Welcome to IGF2017! Create your schedule below and participate!",
        "Venue Map",
        "Back To Schedule",
        "Sign up or log in to save this to your schedule, view media, leave feedback and see"
        " who's attending!",
    ]
    assert people_and_groups(session) == [
        ("organizer", "Jia He", "Bytedance", "Private Sector", ""),
        ("organizer", "William Drake", "University of Zurich", "", ""),
        ("organizer", "William J. Drake", "University of Zurich", "Civil Society", ""),
        ("organizer", "Xu Zhao", "China Academy of ICT", "Technical community", ""),
        ("speaker", "Urs Gasser", "", "", ""),
        ("speaker", "Ping Lang", "", "", ""),
        ("speaker", "William Drake", "", "", ""),
        ("speaker", "Zhang Hongjiang", "", "", ""),
        ("speaker", "Irakli Beridze", "", "", ""),
        ("speaker", "Karen McCabe", "", "", ""),  # "Speaker: Karen McCabe Karen McCabe"
        ("speaker", "Chwee Chua", "", "", ""),
    ]


def test_a_page_without_the_schedule_sites_banner_is_read_as_before():
    page = "Monday, December 18 • 09:00 - 10:30\nA title (WS12)\n\nOrganizers\n\nJane Doe, ISOC\n"

    session = parse_igf_page(page)

    assert (session.date, session.number, session.title) == (None, None, "")
