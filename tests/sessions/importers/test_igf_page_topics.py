"""Speakers listed by topic on an IGF main session's page (sessions/importers/igf_page_topics.py),
on the real pages of sets 12 and 16."""

from sessions.importers.igf_page import parse
from sessions.importers.igf_page_topics import topic_speakers
from sessions.importers.text import Line
from tests.sessions.importers.real_pages import (
    SIXTEENTH_UNSEEN_REAL_DOCUMENTS,
    TWELFTH_UNSEEN_REAL_DOCUMENTS,
)


def speakers(folder, file_name):
    session = parse((folder / file_name).read_text(encoding="utf-8"))
    return [(person.role, person.name, person.affiliation) for person in session.people]


def test_a_table_of_sub_themes_flattened_one_speaker_a_line():
    # "Subtheme Speakers" / "Access Smita Vanniyar (DC Gender)" / "Gerry Ellis (DCAD)" / …
    # "Education Gustavo Paiva (YCIG)": the sub-theme glued before its first speaker. Until
    # 2026-12-06 none was read, and "DC Gender" and "DC COS" were made people.
    assert speakers(
        TWELFTH_UNSEEN_REAL_DOCUMENTS, "igf2020_dcs-main-session_socio-economic-recovery.txt"
    ) == [
        ("speaker", "Smita Vanniyar", "DC Gender"),
        ("speaker", "Gerry Ellis", "DCAD"),
        ("speaker", "Valensiya Dresvyannikova", "DC-PAL"),
        ("speaker", "June Parris", "IPRPC"),
        ("speaker", "John Carr", "DC COS"),
        ("speaker", "Olivier Crepin-Leblond", "DC-CIV"),
        ("speaker", "Gustavo Paiva", "YCIG"),
        ("speaker", "Michael Oghia", "DC-Sustainability"),
        ("speaker", "Christopher Yoo", "DC-Connecting the Unconnected"),
        ("speaker", "Stuart Hamilton", "DC-PAL"),
    ]


def test_bullets_of_sub_themes_with_their_speakers():
    # "• Inclusiveness and diversity; Hasanul Haq Inu (Min. ICT Bangladesh) & Rahul Gosain
    # (…)", "• Critical Internet resources; and CIRA- Byron, Paul Wilson,", "• Intercessional
    # work: BPFs – Constance Bommelear, ISOC Goal: The goal of this session …".
    assert speakers(SIXTEENTH_UNSEEN_REAL_DOCUMENTS, "igf2015_main_setting-the-scene.txt") == [
        ("speaker", "Bertrand de La Chapelle", ""),
        ("speaker", "Hossam Elgahmal", ""),
        ("speaker", "Hasanul Haq Inu", "Min. ICT Bangladesh"),
        ("speaker", "Rahul Gosain", "Director Deity- Digital India"),
        ("speaker", "Vint Cerf", "Google"),
        ("speaker", "Peter Major", ""),
        ("speaker", "Matjaž Gruden", "COE"),
        ("speaker", "Paul Wilson", ""),
        ("speaker", "Paul Mitchell", "Microsoft"),
        ("speaker", "Constance Bommelear", "ISOC"),
    ]


def test_an_agendas_items_with_their_speakers_after_a_colon_are_no_topic_list():
    # Fewer than three bullets with a semicolon: an agenda, read elsewhere.
    lines = [
        Line(1, "• Opening: Jane Doe, Example University"),
        Line(2, "• Update on the WSIS Forum: John Roe, ITU"),
        Line(3, "• Security; Ann Poe, Example Org"),
    ]

    assert topic_speakers(lines) == []
