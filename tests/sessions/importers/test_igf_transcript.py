"""The IGF's captioned transcripts (sessions/importers/igf_transcript.py), on the real pages of
the eleventh set (fixtures/documents/real_unseen_11/, sources.json gives each page's address),
and a transcript added to a session its page made."""

import datetime

import pytest

from sessions.importers.detection import detect_format
from sessions.importers.documents import BUNDLED_DOCUMENTS, Curated, DocumentQueued, import_file
from sessions.importers.igf_transcript import parse
from sessions.models import SourceDocument
from tests.sessions.importers.real_pages import (
    ELEVENTH_UNSEEN_REAL_DOCUMENTS,
    TWELFTH_UNSEEN_REAL_DOCUMENTS,
)

TRANSCRIPTS = (
    "igf2017_day4_assembly-hall_open-mic_transcript.txt",
    "igf2019_day0_raum-iv_high-level-exchange-data-governance_transcript.txt",
    "igf2022_day1_opening-ceremony_raw.txt",
    "igf2022_day4_networking-session4_speed-dating_transcript.txt",
    "igf2024_day2_launch-award-event100_kyoto-report-booklet_transcript.txt",
    "igf2024_day4_open-microphone-taking-stock_transcript.txt",
)
NOTICE = (
    "The following are the outputs of the captioning taken during an IGF intervention. "
    "Although it is largely accurate, in some cases it may be incomplete or inaccurate due to "
    "inaudible passages or transcription errors. It is posted as an aid, but should not be "
    "treated as an authoritative record."
)


def text(file_name):
    return (ELEVENTH_UNSEEN_REAL_DOCUMENTS / file_name).read_text(encoding="utf-8")


def heading_and_people(session):
    return (
        session.meeting_year,
        session.room,
        session.session_type,
        session.number,
        session.title,
        [(person.role, person.name, person.inferred_by) for person in session.people],
    )


@pytest.mark.parametrize("file_name", TRANSCRIPTS)
def test_every_captioned_transcript_is_of_its_family(file_name):
    assert detect_format(text(file_name)) == SourceDocument.Format.IGF_TRANSCRIPT


@pytest.mark.parametrize(
    ("file_name", "read"),
    [
        (
            "igf2019_day0_raum-iv_high-level-exchange-data-governance_transcript.txt",
            (
                2019,
                "Raum IV",
                "",
                None,
                "High Level Internet Governance Exchange Panels on Data Governance",
                [
                    ("moderator", "Stephanie Czerny", "role_from_layout"),
                    ("speaker", "Stephanie Czerny", ""),
                ],
            ),
        ),
        (
            # No room; the type and number open the session's name; "– RAW" is no part of it.
            "igf2022_day4_networking-session4_speed-dating_transcript.txt",
            (
                2022,
                "",
                "Networking Session",
                4,
                '"Speed Dating" for Democracy and Digital Rights Advocates',
                [
                    ("moderator", "Morgan Frost", "role_from_layout"),
                    ("speaker", "Morgan Frost", ""),
                ],
            ),
        ),
        (
            # The first voice is not named: whoever speaks next does not moderate.
            "igf2017_day4_assembly-hall_open-mic_transcript.txt",
            (2017, "Assembly Hall", "", None, "Open Mic", [("speaker", "Krystyna Marty Lang", "")]),
        ),
        (
            "igf2024_day4_open-microphone-taking-stock_transcript.txt",
            (
                2024,
                "Plenary",
                "",
                None,
                "Open Microphone Taking Stock",
                [
                    ("moderator", "Chengetai Masango", "role_from_layout"),
                    ("speaker", "Chengetai Masango", ""),
                    ("speaker", "Carol Roach", ""),
                    # "And on my left we have Mr. Ole‑Martin Martinsen, the 2025 host …"
                    ("speaker", "Ole‑Martin Martinsen", "introduced_in_transcript"),
                ],
            ),
        ),
    ],
)
def test_the_heading_names_the_meeting_room_and_session_and_each_voice_a_person(file_name, read):
    assert heading_and_people(parse(text(file_name))) == read


@pytest.mark.parametrize(
    ("file_name", "read"),
    [
        (
            # "IGF 2025 - Day 00 -Plenary Hall - Welcome To Norway Raw": "Raw" without its dash.
            # The announcer hands her the floor ("Please welcome to the stage Karianne Tung"):
            # she speaks; she does not open the session as its moderator.
            "igf2025_day0_welcome-to-norway_transcript.txt",
            (
                2025,
                "Plenary Hall",
                "",
                None,
                "Welcome To Norway",
                [("speaker", "Karianne Tung", "")],
            ),
        ),
        (
            # An announcer first ("we'll start in three minutes"), then "Welcome to the closing
            # sessions of the 2019 IGF meeting".
            "igf2019_day4_open-mic-taking-stock_transcript.txt",
            (
                2019,
                "Convention Hall II",
                "",
                None,
                "Open Mic/Taking Stock",
                [
                    ("moderator", "Chengetai Masango", "role_from_layout"),
                    ("speaker", "Chengetai Masango", ""),
                    ("speaker", "Daniela Brönstrup", ""),
                    # "On the podium today, we have …": the others on it.
                    ("speaker", "Lynn St. Amour", "introduced_in_transcript"),
                    ("speaker", "Wanda Buk", "introduced_in_transcript"),
                    ("speaker", "Anriette Esterheisen", "introduced_in_transcript"),
                ],
            ),
        ),
    ],
)
def test_the_twelfth_sets_transcripts(file_name, read):
    session = parse((TWELFTH_UNSEEN_REAL_DOCUMENTS / file_name).read_text(encoding="utf-8"))

    assert heading_and_people(session) == read


def test_a_transcript_before_2015_labels_its_turns_without_arrows_and_dates_its_day():
    # The IGF's old site: its banner, the meeting, "9 November 2012", the notice, then
    # "Chengetai Masango:  Good morning, …", "CHAIR:  …", "MS BOMMELAER:  …".
    session = parse(
        (
            TWELFTH_UNSEEN_REAL_DOCUMENTS
            / "igf2012_main_taking-stock-and-the-way-forward_transcript.txt"
        ).read_text(encoding="utf-8")
    )

    assert (session.meeting_year, session.date, session.title) == (
        2012,
        datetime.date(2012, 11, 9),
        "",
    )
    assert [(turn.speaker, turn.line) for turn in session.transcript] == [
        ("Chengetai Masango", 16),
        ("CHAIR", 22),
        ("MS BOMMELAER", 30),
    ]
    # A role and a surname after a title name no one; the chair's opening introduces two
    # ("guided by the sessions main moderator, Mr Peter Major and coordinator Constance
    # Bomelaer, Internet Society, ISOC").
    assert [(p.role, p.name) for p in session.people] == [
        ("moderator", "Chengetai Masango"),
        ("speaker", "Chengetai Masango"),
        ("speaker", "Peter Major"),
        ("speaker", "Constance Bomelaer"),
    ]
    # The site's banner and the meeting's name are furniture; the dates and place are kept.
    assert session.unplaced == ["6-9 November 2012, Baku, Azerbaijan"]
    assert session.furniture == [
        "Welcome to the United Nations | Department of Economic and Social Affairs",
        "Seventh Annual Meeting of the Internet Governance Forum",
    ]


def test_the_turns_keep_their_labels_as_published_and_a_voice_without_one_its_marker():
    session = parse(text("igf2017_day4_assembly-hall_open-mic_transcript.txt"))

    assert [(turn.speaker, turn.line, turn.text[:40]) for turn in session.transcript] == [
        (">>", 8, "Thank you very much, ladies and gentleme"),
        ("KRYSTYNA MARTY LANG", 10, "Excellencies, ladies and gentlemen. It's"),
    ]
    assert session.disclaimer.startswith("The following are the outputs of the real-time")
    assert session.unplaced == []


def test_a_label_that_names_a_role_or_the_floor_is_no_person():
    session = parse(
        "IGF 2023 – Day 2 – Room E – WS #12 A Title\n\n"
        f"{NOTICE}\n\n"
        ">> MODERATOR: Welcome.\n\n>> AUDIENCE MEMBER: A question.\n\n"
        ">> PARTICIPANT FROM KENYA: Another.\n\n>> VINT CERF: An answer.\n\n"
        ">> Thank you."
    )

    assert [(person.role, person.name) for person in session.people] == [("speaker", "Vint Cerf")]
    assert [turn.speaker for turn in session.transcript] == [
        "MODERATOR",
        "AUDIENCE MEMBER",
        "PARTICIPANT FROM KENYA",
        "VINT CERF",
        ">>",
    ]
    assert (session.session_type, session.number, session.title, session.room) == (
        "Workshop",
        12,
        "A Title",
        "Room E",
    )


@pytest.mark.django_db
def test_a_transcript_that_names_no_meeting_waits_for_an_editor():
    path = ELEVENTH_UNSEEN_REAL_DOCUMENTS / TRANSCRIPTS[4]

    with pytest.raises(DocumentQueued) as queued:
        import_file(path, Curated())

    assert queued.value.lines == [
        f"{path}:1: no heading ('IGF <year> – Day <n> – …') names the meeting"
    ]


def workshop_transcript(tmp_path):
    path = tmp_path / "igf2023-ws-377-transcript.txt"
    path.write_text(
        "IGF 2023 – Day 2 – Room E – WS #377 Enhance Digital Governance for Less CO2 future: "
        f"AP' Practice\n\n{NOTICE}\n\n>> ZHANG XIAO: Good morning, and welcome.\n\n"
        ">> AUDIENCE: Thank you.\n\n>> ANA NEVES: Thank you for having me.\n",
        encoding="utf-8",
    )
    return path


def record(session):
    session.refresh_from_db()
    return (
        session.source_document.file_name,
        len(session.description),
        session.room,
        sorted((p.role, p.person.name) for p in session.participations.select_related("person")),
        [turn.speaker_label for turn in session.transcript_turns.all()],
    )


@pytest.mark.django_db
def test_a_transcript_adds_to_the_session_its_page_made_and_replaces_none_of_it(tmp_path):
    # Until 2026-12-06 the later document replaced the session: its description (2,041
    # characters) went, and its ten people with it.
    page = BUNDLED_DOCUMENTS / "igf2023-ws-377-workshop-page.txt"
    curated = Curated()
    session = import_file(page, curated).session
    before = record(session)

    added = import_file(workshop_transcript(tmp_path), curated)

    assert added.session == session
    assert added.changes == [
        "room",
        "disclaimer",
        "people",
        "person Zhang Xiao created",
        "person Ana Neves created",
        "transcript",
        "spelling 'ZHANG XIAO' for Zhang Xiao",
        "spelling 'ANA NEVES' for Ana Neves",
    ]
    assert record(session) == (
        "igf2023-ws-377-workshop-page.txt",
        2041,
        "Room E",
        sorted(
            before[3]
            + [("moderator", "Zhang Xiao"), ("speaker", "Ana Neves"), ("speaker", "Zhang Xiao")]
        ),
        ["ZHANG XIAO", "AUDIENCE", "ANA NEVES"],
    )
    assert before[1:3] == (2041, "")
    # Each document again changes nothing: neither takes the other's lists away.
    assert import_file(page, curated).changes == []
    assert import_file(workshop_transcript(tmp_path), curated).changes == []
    assert record(session)[3:] == (
        sorted(
            before[3]
            + [("moderator", "Zhang Xiao"), ("speaker", "Ana Neves"), ("speaker", "Zhang Xiao")]
        ),
        ["ZHANG XIAO", "AUDIENCE", "ANA NEVES"],
    )


def test_the_first_named_voice_after_unnamed_ones_moderates_when_it_says_so():
    # The top of https://intgovforum.org/en/content/igf-2021-%E2%80%93-day-2-%E2%80%93-of-30-
    # wsis-action-lines-achieving-the-sdgs-wsis-forum-2022-ocp: a video's voices, then the
    # moderator.
    session = parse(
        "IGF 2021 – Day 2 – OF #30 WSIS Action Lines Achieving the SDGs: WSIS Forum 2022 OCP\n\n"
        f"{NOTICE}\n\n***\n\n \n\n"
        ">> We all love in a digital world.  We all need it to be open and safe.\n\n"
        ">> And to be trusted.\n\n"
        ">> VLADIMIR STANKOVIC:  ladies and gentlemen, welcome to this regular WSIS forum, "
        "2022, Open Consultation Process.  I'm Vladimir Stankovic, I will be moderating this "
        "session, I'm happy to be here with the co‑organizers of the WSIS forum.\n\n"
        ">> MINERVA NOVERO-BELEC: Thank you so much, Vladimir and good morning, colleagues.\n"
    )

    assert heading_and_people(session) == (
        2021,
        "",
        "Open Forum",
        30,
        "WSIS Action Lines Achieving the SDGs: WSIS Forum 2022 OCP",
        [
            ("moderator", "Vladimir Stankovic", "role_from_layout"),
            ("speaker", "Vladimir Stankovic", ""),
            ("speaker", "Minerva Novero-Belec", ""),
        ],
    )
