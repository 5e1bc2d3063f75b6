"""A thirty-third set of real pages (fixtures/documents/real_unseen_33/, each page's address in
its sources.json): transcripts of 2010-2022, dig.watch reports of 2021-2024 and press pages of
2007-2024, scored once with the code of its hour before any rule was written for it (the README
gives that score)."""

from functools import partial

import pytest

from sessions.models import Session
from tests.sessions.importers.real_pages import (
    THIRTY_THIRD_UNSEEN_REAL_DOCUMENTS,
    parsed_page,
    second_import,
)

parsed = partial(parsed_page, THIRTY_THIRD_UNSEEN_REAL_DOCUMENTS)


def test_a_title_repeated_in_capitals_and_a_panel_named_by_the_second_voice():
    # 2010: "The future of privacy" above a header block that ends "THE FUTURE OF PRIVACY" (it
    # waited for a title); the opener hands over to Katitza Rodriguez, who names the panel in
    # one sentence, "Mr. Hugh Stevenson, Deputy Director …; Rafael Garcia Gozalo, Head of …;
    # …" ("Agencia Espanola de Proteccion de Datos", "Senior Staff Attorney" are no one).
    session = parsed("igf2010_session66_vilnius_future-of-privacy.txt")

    assert (session.title, session.title_line) == ("The future of privacy", 1)
    assert [(p.role, p.name) for p in session.people] == [
        ("moderator", "Christine Runnegar"),
        ("moderator", "Katitza Rodriguez"),
        ("speaker", "Christine Runnegar"),
        ("speaker", "Katitza Rodriguez"),
        ("speaker", "Cristos Velasco"),
        ("speaker", "Hugh Stevenson"),
        ("speaker", "Rafael Garcia Gozalo"),
        ("speaker", "Catherine Pozzo di Borgo"),
        ("speaker", "Joseph Alhadeff"),
        ("speaker", "Rosa Barcelo"),
        ("speaker", "Ellen Blackler"),
        ("speaker", "Kevin Bankston"),
        ("speaker", "Pedro Less Andrade"),
    ]


def test_the_bodies_an_opener_names_beside_the_panel_are_no_one():
    # "inspector Child Safety Crime group, Queensland Police Service Australia" (2011), "the
    # managing director from German Childhood Protection on the Internet" (2016).
    inspector = parsed("igf2011_ws441_nairobi_child-online-protection-cooperation.txt")
    director = parsed("igf2016_ws88_jalisco_child-online-protection-collaboration.txt")

    assert [p.name for p in inspector.people] == ["John Car", "Gillian Murray", "JeoungHee Kim"]
    assert [p.name for p in director.people if p.role == "speaker"] == [
        "Mohit Saraswat",
        "Clara Sommarin",
        "Natasha Jackson",
        "Ibrahim Al Dabal",
        "Mohamed Saidalavi",
    ]


def test_one_acting_as_the_onsite_moderation():
    # 2022: "Mark Carvell will be acting as on‑site moderation."
    session = parsed("igf2022_of48_addis_isoc-protecting-the-internet.txt")

    assert [(p.role, p.name) for p in session.people] == [
        ("moderator", "Augustina Callegari"),
        ("moderator", "Mark Carvell"),
        ("speaker", "Augustina Callegari"),
        ("speaker", "Andrew Sullivan"),
    ]


@pytest.mark.django_db
def test_a_second_import_of_every_page_of_the_thirty_third_set_changes_nothing():
    not_imported, changed, unchanged = second_import(THIRTY_THIRD_UNSEEN_REAL_DOCUMENTS)

    assert not_imported == {
        "digwatch2024_bpf-cybersecurity_main-session.txt": "queued",
        "digwatch2024_eurodig_opening-baltic-domain-days.txt": "queued",
        "igf2014_bpf_istanbul_online-child-protection.txt": "queued",
        "neg_digwatch2021_igf-messages-resource.txt": "refused",
        "press_scio_2007_cai-wu-year-end-speech.txt": "refused",
    }
    assert (changed, unchanged) == ({}, 11)
    assert Session.objects.count() == 11
