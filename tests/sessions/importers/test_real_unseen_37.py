"""A thirty-seventh set of real pages (fixtures/documents/real_unseen_37/, each page's address in
its sources.json): dig.watch pages of 2023-2025, IGF session pages of 2020-2023 and press pages
of 2020-2024, scored once with the code of its hour before any rule was written for it (the
README gives that score).

Its expected.json was written as the other sets' were; where it named roles otherwise than the
25 pages of ../real do, it was brought in line with them, each such change said in the
person's note: a press conference's chair is "chairperson", the moderator beside an online one
"onsite_moderator", a photo page refused, the people of an AI summary only mentioned."""

from functools import partial

import pytest

from sessions.importers.documents import BUNDLED_DOCUMENTS
from sessions.models import Session
from tests.sessions.importers.real_pages import parsed_page, second_import

FOLDER = BUNDLED_DOCUMENTS / "real_unseen_37"
parsed = partial(parsed_page, FOLDER)


def test_moderators_bulleted_with_where_they_moderate():
    # 2022: "• In-person moderator: Axel Klaphake, Director …", "• Online moderator: …".
    session = parsed("igf2022_of35_digital-public-goods-charter.txt")

    assert [(p.role, p.name, p.affiliation) for p in session.people] == [
        (
            "onsite_moderator",
            "Axel Klaphake",
            "Director Economic and Social Development Digitalisation, GIZ In",
        ),
        ("online_moderator", "Chrissy Martin Meier", "Director, Charter for Digital Public Goods"),
        (
            "speaker",
            "Aminah Zawedde",
            "Permanent Secretary, Ministry of ICT & National Guidance, Uganda",
        ),
    ]


def test_speakers_after_the_body_they_speak_for_and_no_sentence_made_a_rapporteur():
    # 2021 Day 0: "YouthxPolicymakers - Elisabeth Schauermann, Demetria Lee, German Informatics
    # Society", the speakers' heading lost; below the moderators, the description's "In this
    # session, we would like to put …" is no one.
    session = parsed("igf2021_day0-123_global-youth-igf.txt")

    assert [(p.role, p.name, p.affiliation) for p in session.people] == [
        ("speaker", "Emilia Zalewska", "Youth IGF Poland"),
        ("speaker", "Elisabeth Schauermann", "YouthxPolicymakers, German Informatics Society"),
        ("speaker", "Demetria Lee", "YouthxPolicymakers, German Informatics Society"),
        (
            "speaker",
            "Marko Paloski",
            "Digital Youth Jam Project, Generation Connect Europe Youth Envoy",
        ),
        ("speaker", "Eileen Cejas", "Youth Coalition on Internet Governance"),
        ("speaker", "Juan Pajaro Valesquez", "ISOC Youth SIG"),
        ("onsite_moderator", "Rafał Prabucki", ""),
        ("online_moderator", "Mohammad Atif Aleem", ""),
        ("rapporteur", "Marta Musidłowska", ""),
    ]


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_thirty_seventh_set_changes_nothing():
    not_imported, changed, unchanged = second_import(FOLDER)

    assert not_imported == {
        "digwatch_igf2024_category-page_critical-infrastructure.txt": "refused",
        "digwatch_igf2024_daily1_newsletter.txt": "refused",
        "digwatch_wsis2024_chairs-summary.txt": "refused",
        "igf2023_ws402_dns-privacy.txt": "queued",
        "press_scio_2020_change5-mission.txt": "refused",
    }
    assert (changed, unchanged) == ({}, 11)
    assert Session.objects.count() == 11
