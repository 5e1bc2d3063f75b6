"""A thirtieth set of real pages (fixtures/documents/real_unseen_30/, each page's address in its
sources.json): IGF session pages and transcripts of 2016-2025, scored once with the code of its
hour before any rule was written for it (the README gives that score)."""

from functools import partial

import pytest

from sessions.models import Session
from tests.sessions.importers.real_pages import (
    THIRTIETH_UNSEEN_REAL_DOCUMENTS,
    parsed_page,
    second_import,
)

parsed = partial(parsed_page, THIRTIETH_UNSEEN_REAL_DOCUMENTS)


def test_an_opener_who_introduces_the_panel_in_the_order_they_will_speak():
    # 2016: "I'd like to introduce today's panel.  We'll begin with the MAG Chair, Ms. Lynn St.
    # Amour. … Next we'll have Ms. Avri Doria, who will discuss the IGF Dynamic Coalitions.
    # After Avri, we'll have Mr. Flavio Wagner …"; the topics between them ("Inclusive
    # Growth", "Human Rights", "the National and Regional IGFs") are no one. "Ms. Jac sm Kee"
    # is not read: a name with a word in lower case.
    session = parsed("igf2016_main_setting-the-scene-orientation.txt")

    assert [(p.role, p.name) for p in session.people] == [
        ("moderator", "Cheryl Miller"),
        ("speaker", "Cheryl Miller"),
        ("speaker", "Lynn St. Amour"),
        ("speaker", "Chengetai Masango"),
        ("speaker", "Marilyn Cade"),
        ("speaker", "Juan Fernández Gonzales"),
        ("speaker", "Avri Doria"),
        ("speaker", "Flavio Wagner"),
        ("speaker", "Renata Aquino Ribeiro"),
        ("speaker", "Constance Bommalaer"),
        ("speaker", "Anja Gengo"),
    ]


def test_the_opening_starts_at_the_first_voice_a_label_names():
    # 2021: five turns of a film's voices (">> We all live in a digital world."), then ">>
    # ANJA GENGO:", who introduces Anriette Esterhuysen and "the head of the IGF Secretariat
    # that's based at the United Nations office in Geneva Chengetai Masango".
    session = parsed("igf2021_day1_newcomers-track.txt")

    assert [(p.role, p.name, p.inferred_by) for p in session.people] == [
        ("speaker", "Anja Gengo", ""),
        ("speaker", "Anriette Esterhuysen", "introduced_in_transcript"),
        ("speaker", "Chengetai Masango", "introduced_in_transcript"),
    ]


def test_the_master_of_ceremony_is_a_label_not_a_person():
    # 2022: ">> MASTER OF CEREMONY: Ladies and gentlemen, …" had made "Master Of Ceremony".
    session = parsed("igf2022_day4_closing-ceremony.txt")

    assert [turn.speaker for turn in session.transcript][:1] == ["MASTER OF CEREMONY"]
    assert session.people == []


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_thirtieth_set_changes_nothing():
    not_imported, changed, unchanged = second_import(THIRTIETH_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "igf2022_day4_closing-ceremony.txt": "queued",
        "igf2023_ws367_do-not-harm-online-safety-for-kids.txt": "queued",
        "igf2023_youth-track-workshop-iii-aprigf.txt": "refused",
        "neg_igf2021_call-for-town-hall-proposals.txt": "refused",
        "neg_igf_nris-coordination-session-about.txt": "refused",
    }
    assert (changed, unchanged) == ({}, 11)
    assert Session.objects.count() == 11
