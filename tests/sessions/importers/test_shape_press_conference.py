"""The SCIO 2022 press-conference transcript, imported as ARCHIVE.md says."""

import hashlib

import pytest
from django.utils import timezone

from tests.sessions.importers.shapes import (
    between,
    imported_session,
    nonempty_lines,
    parsed_document,
    participation_rows,
    published_long_texts,
    read_document,
    written_long_texts,
)

pytestmark = pytest.mark.django_db


def test_press_conference_import_matches_its_shape(imported):
    text = read_document("scio2022-cyberspace-white-paper-press-conference.txt")
    lines = nonempty_lines(text)
    question = between(lines, "Tianmu News:", "Cao Shumin:")[1:]
    handover = between(lines, "Cao Shumin:", "Wang Song:")[1:]
    answer = between(lines, "Wang Song:", "<")[1:]

    session = imported_session("scio2022-cyberspace-white-paper-press-conference.txt")
    # Long texts whole, to the last character: what the parser read is what was written.
    assert written_long_texts(session) == published_long_texts(
        parsed_document("scio2022-cyberspace-white-paper-press-conference.txt")
    )

    assert (session.meeting.kind, session.get_session_type_display()) == (
        "press",
        "Press conference",
    )
    assert session.title == (
        "SCIO press conference on white paper 'Jointly Build a Community with a Shared Future "
        "in Cyberspace'"
    )
    assert session.label == ""
    document = session.source_document
    assert (document.file_name, document.format) == (
        "scio2022-cyberspace-white-paper-press-conference.txt",
        "press_transcript",
    )
    # The import stamps the time it ran; the document says nothing about it.
    assert document.imported_at.tzinfo is not None
    assert document.imported_at <= timezone.now()
    assert document.text == text
    assert document.sha256 == "9cd6e53ac4c3a533b657ed5968f68b2776b83adc422e2a63a85799c2ef4bc243"
    assert document.sha256 == hashlib.sha256(document.text.encode()).hexdigest()
    assert [
        (
            t.position,
            t.speaker_label,
            t.person and t.person.name,
            t.organization and (t.organization.name, t.organization.is_media_outlet),
        )
        for t in session.transcript_turns.all()
    ] == [
        (1, "Tianmu News", None, ("Tianmu News", True)),
        (2, "Cao Shumin", "Cao Shumin", None),
        (3, "Wang Song", "Wang Song", None),
    ]
    assert [t.text.split("\n\n") for t in session.transcript_turns.all()] == [
        question,
        handover,
        answer,
    ]
    assert handover == ["Thank you for your question. Mr. Wang Song will answer it."]
    assert len(answer) == 5
    assert answer[-1].endswith("bilateral and multilateral cooperation mechanisms. Thank you.")
    assert participation_rows(session) == [
        (1, "host", "Cao Shumin", "Cao Shumin"),
        (2, "speaker", "Wang Song", "Wang Song"),
    ]
