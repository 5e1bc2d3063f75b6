"""IGF 2024 Open Forum #9, an IGF session page (2024 layout), imported as ARCHIVE.md says."""

import datetime

import pytest

from tests.sessions.importers.shapes import (
    Kind,
    Role,
    after,
    between,
    imported_session,
    index_of,
    nonempty_lines,
    parsed_document,
    published_long_texts,
    read_document,
    takeaway_counts,
    texts_of,
    written_long_texts,
)

pytestmark = pytest.mark.django_db


SPEAKERS_000 = [
    # (published name, affiliation as published, "(TBD)" in the source)
    (
        "LONG Kai",
        "Deputy Director, Cyber Information Development Bureau, Cyberspace Administration of China",
        False,
    ),
    ("PENG Gang", "Vice President, Tsinghua University", False),
    (
        "GONG Ke",
        "Former President of the World Federation of Engineering Organizations; Executive "
        "Director, Chinese Institute of New Generation Artificial Intelligence Development "
        "Strategies; Former President of Nankai University",
        True,
    ),
    (
        "Torbjorn Fredriksson",
        "Director, Office of Information and Communication Technology Policy, United Nations "
        "Conference on Trade and Development (UNCTAD)",
        False,
    ),
    (
        "SU Jun",
        "Dean, Institute for Intelligent Social Governance, Tsinghua University; Director, "
        "Center for Science, Technology & Education Policy, Tsinghua University; Director of "
        "Think Tank Center and Professor, Tsinghua University",
        False,
    ),
    (
        "Kevin C. Desouza",
        "Professor of Business, Technology, and Strategy, School of Business, Queensland "
        "University of Technology",
        False,
    ),
    (
        "Eduardo Araral",
        "Professor, Lee Kuan Yew School of Public Policy, National University of Singapore",
        False,
    ),
    ("ZHOU Chaonan", "Range IDC", False),
    (
        "XUE Lan",
        "Senior Professor, Tsinghua University; Dean, Schwarzman College; Member of the "
        "Leadership Group, UN Internet Governance Forum (IGF)",
        True,
    ),
    ("DU Guimei", "", False),
]


def test_igf2024_open_forum_import_matches_its_shape(imported):
    lines = nonempty_lines(read_document("igf2024-open-forum-9-session-page.txt"))
    format_description = lines[index_of(lines, "Format description: ")].removeprefix(
        "Format description: "
    )
    description = after(lines, "Roundtable", "Description")
    online_participation = lines[index_of(lines, "1. To facilitate interaction")]
    sdg_rationale = lines[index_of(lines, "Targets:")]
    key_takeaways = between(lines, "Key Takeaways (", "Call to Action (")[1:]
    calls_to_action = between(lines, "Call to Action (", "Session Report (")[1:]
    report_paragraphs = lines[index_of(lines, "Session Report (") + 1 :]

    session = imported_session("igf2024-open-forum-9-session-page.txt")
    # Long texts whole, to the last character: what the parser read is what was written.
    assert written_long_texts(session) == published_long_texts(
        parsed_document("igf2024-open-forum-9-session-page.txt")
    )

    assert (session.meeting.name, session.meeting.year) == ("IGF 2024", 2024)
    assert session.label == "Open Forum #9"
    assert session.title == "Digital Technology Empowers Green and Low-carbon Development"
    assert (session.format, session.duration_minutes) == ("Roundtable", 60)
    assert session.date == datetime.date(2024, 12, 19)
    assert session.format_description.startswith("1. Complexity and Depth of Topics:")
    assert session.format_description == format_description
    assert session.description.startswith("In recent years,\xa0 confronted with the dual")
    assert session.description == description
    assert session.online_participation == online_participation
    assert [
        (o.position, o.role, o.published_name, o.organization.name)
        for o in session.organizers.all()
    ] == [
        (
            1,
            "organizer",
            "Cyberspace Administration of China",
            "Cyberspace Administration of China",
        ),
        (
            2,
            "organizer",
            "Bureau of Information Technology Development, CAC",
            # A unit of the CAC, named without it (Organization.parent).
            "Bureau of Information Technology Development",
        ),
    ]
    speakers = [p for p in session.participations.all() if p.role == Role.SPEAKER]
    assert [(p.published_name, p.affiliation, p.is_tbd) for p in speakers] == SPEAKERS_000
    assert [p.published_name for p in speakers if p.is_tbd] == ["GONG Ke", "XUE Lan"]
    assert [
        (p.role, p.published_name) for p in session.participations.all() if p.role != Role.SPEAKER
    ] == [
        ("onsite_moderator", "Li Xiaoli"),
        ("online_moderator", "Lu Changbin"),
        ("rapporteur", "Xu Jin"),
        # Named in the session report only ("moderated by Zhang Fang", "speeches from ... Dou
        # Guimei"); the presenters it names who are listed speakers are not repeated.
        ("presenter", "Dou Guimei"),
        ("moderator", "Zhang Fang"),
    ]
    assert [(goal.number, goal.short) for goal in session.sdg_goals.all()] == [
        (7, "Affordable and Clean Energy")
    ]
    assert [(target.code, target.goal_id) for target in session.sdg_targets.all()] == [("7.a", 7)]
    assert session.sdg_rationale.startswith("Targets: Promotion of Sustainable Energy Solutions:")
    assert session.sdg_rationale == sdg_rationale
    assert takeaway_counts(session) == {"call_to_action": 2, "key_takeaway": 3}
    assert texts_of(session.takeaways.all(), Kind.KEY_TAKEAWAY) == key_takeaways
    assert texts_of(session.takeaways.all(), Kind.CALL_TO_ACTION) == calls_to_action
    assert key_takeaways[0] == (
        "Digital technology is both a driver and enabler of sustainable, low-carbon development, "
        "but coordinated capacity building is essential for synergy."
    )
    assert session.report.split("\n\n") == report_paragraphs
    assert len(report_paragraphs) == 12
    assert report_paragraphs[0].startswith("On December 19, the Open Forum on\xa0Digital")
    assert session.source_document.file_name == "igf2024-open-forum-9-session-page.txt"
    assert session.source_document.sha256 == (
        "a8220111b44509ce97acca0f1c0cf010b17865a7aca874590c6afe3f30cf60f9"
    )
