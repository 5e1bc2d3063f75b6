"""The people of an IGF transcript (sessions/importers/igf_transcript_people.py): its voices,
those its opening introduces, and a voice that names itself; on real pages of the eleventh and
twelfth sets (fixtures/documents/real_unseen_11/ and _12/, sources.json gives each address)
and on short texts that isolate one rule."""

from sessions.importers.igf_transcript import parse
from tests.sessions.importers.real_pages import (
    ELEVENTH_UNSEEN_REAL_DOCUMENTS,
    TWELFTH_UNSEEN_REAL_DOCUMENTS,
)

NOTICE = (
    "The following are the outputs of the captioning taken during an IGF intervention. "
    "Although it is largely accurate, in some cases it may be incomplete or inaccurate."
)


def people(session):
    return [(each.role, each.name, each.inferred_by, each.line) for each in session.people]


def transcript(*turns):
    return "\n\n".join(("IGF 2023 – Day 2 – Room E – WS #12 A Title", NOTICE, *turns))


def test_the_opener_introduces_the_panel_beside_them():
    # "Next to me is Jutta Croll …", "to my very left, UN Secretary‑General Envoy on Technology,
    # Secretary‑General Amandeep Singh Gill", "To the right is Mark Carvell, who will be the
    # Rapporteur": the positions before a name and the things the session is about ("the
    # Global Digital Compact", "MAG Chair") are no one.
    session = parse(
        (
            TWELFTH_UNSEEN_REAL_DOCUMENTS / "igf2022_day2_dc-main-session_gdc_transcript.txt"
        ).read_text(encoding="utf-8")
    )

    assert people(session) == [
        ("moderator", "Markus Kummer", "role_from_layout", 7),
        ("speaker", "Markus Kummer", "", 7),
        ("speaker", "Jutta Croll", "introduced_in_transcript", 7),
        ("speaker", "Amandeep Singh Gill", "introduced_in_transcript", 7),
        ("speaker", "Paul Mitchell", "introduced_in_transcript", 7),
        ("speaker", "Wout De Natris", "introduced_in_transcript", 7),
        ("speaker", "Mark Carvell", "introduced_in_transcript", 7),
    ]


def test_one_who_is_announced_but_absent_and_one_greeted_in_a_protocol_list_are_no_one():
    # "Unfortunately, the announced Mr. Tarek Müller couldn't come."
    absent = parse(
        (
            ELEVENTH_UNSEEN_REAL_DOCUMENTS
            / "igf2019_day0_raum-iv_high-level-exchange-data-governance_transcript.txt"
        ).read_text(encoding="utf-8")
    )
    # "Mr. Junhua Li, Under Secretary of …. Mr. Antonio Pedro, …": greetings place no one.
    greeted = parse(
        (ELEVENTH_UNSEEN_REAL_DOCUMENTS / "igf2022_day1_opening-ceremony_raw.txt").read_text(
            encoding="utf-8"
        )
    )

    assert [(person.role, person.name) for person in absent.people] == [
        ("moderator", "Stephanie Czerny"),
        ("speaker", "Stephanie Czerny"),
    ]
    assert [(person.role, person.name) for person in greeted.people] == [
        ("moderator", "Shimeless Lemma"),
        ("speaker", "Shimeless Lemma"),
        ("speaker", "Shimeles Lemma"),
    ]


def test_a_voice_of_the_floor_that_names_itself_is_that_person():
    # ">> AUDIENCE:  Good morning, I'm Jeffrey Reiento, Philippines."
    session = parse(
        (
            TWELFTH_UNSEEN_REAL_DOCUMENTS / "igf2016_day3_room9_aprigf-open-session_transcript.txt"
        ).read_text(encoding="utf-8")
    )

    assert people(session) == [("speaker", "Jeffrey Reiento", "", 17)]
    # The turn keeps its label as published.
    assert [(turn.speaker, turn.line) for turn in session.transcript][3] == ("AUDIENCE", 17)


def test_the_opening_ends_when_a_second_voice_is_named():
    session = parse(
        transcript(
            ">> ANJA GENGO: Welcome. Next to me is Paul Mitchell.",
            ">> MODERATOR: We have the 2024 MAG Chair, Carol Roach, and Ms. Wanda Buk.",
            ">> PAUL MITCHELL: Thank you. On my right is Nnenna Nwakanma.",
        )
    )

    assert people(session) == [
        ("moderator", "Anja Gengo", "role_from_layout", 5),
        ("speaker", "Anja Gengo", "", 5),
        ("speaker", "Paul Mitchell", "", 9),
        ("speaker", "Carol Roach", "introduced_in_transcript", 7),
        ("speaker", "Wanda Buk", "introduced_in_transcript", 7),
    ]


def test_a_title_before_a_surname_a_sentence_without_a_place_and_a_paragraph_end_name_no_one():
    session = parse(
        transcript(
            ">> KEISUKE KAMIMURA: I will be joined by Miss Kawauchi. She is the secretariat.\n\n"
            "As Vint Cerf said, the Internet Governance Forum matters.\n\n"
            "And we have Waiman\n\nWe felt it was important.",
        )
    )

    assert people(session) == [
        ("moderator", "Keisuke Kamimura", "role_from_layout", 5),
        ("speaker", "Keisuke Kamimura", "", 5),
    ]
