"""The WSIS 2025 DiploAI report, imported as ARCHIVE.md says."""

import datetime
from itertools import takewhile

import pytest

from speakers.models import Person
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


SPEAKERS_003 = [
    # (name, role, affiliation, role text, remote, words per minute, words, seconds)
    (
        "Zhiqiang Lin",
        Role.MODERATOR,
        "From the Data and Technical Support Center of Cyberspace Administration of China",
        "Forum moderator/host",
        False,
        82,
        518,
        377,
    ),
    (
        "Jiang Bai",
        Role.SPEAKER,
        "Deputy Director General of Chinese Academy of Cyberspace Studies, representative of "
        "the forum organizers",
        "",
        False,
        97,
        547,
        338,
    ),
    (
        "Francis Gurry",
        Role.SPEAKER,
        "Vice Chair of the World Internet Conference, former Director-General of WIPO",
        "",
        False,
        142,
        844,
        355,
    ),
    (
        "Thomas Basikolo",
        Role.SPEAKER,
        "Program Coordinator of the ITU Telecom Communication Standardization Bureau, works in "
        "the AI for Good team",
        "",
        False,
        140,
        1370,
        586,
    ),
    (
        "Yuhong Huang",
        Role.SPEAKER,
        "General Manager of China Mobile Research Institute",
        "",
        False,
        87,
        844,
        577,
    ),
    (
        "Ke Gong",
        Role.SPEAKER,
        "Executive Director of Chinese Institute of New Generation Artificial Intelligence "
        "Development Strategy, former President of World Federal of Engineering Organization",
        "",
        False,
        117,
        458,
        233,
    ),
    (
        "Torbjorn Fredriksson",
        Role.SPEAKER,
        "Head of the Economical and Digital Economy branch at the UN Trade and Development",
        "",
        False,
        146,
        717,
        293,
    ),
    (
        "Wolfgang Kleinwaechter",
        Role.SPEAKER,
        "Professor Emeritus of University of Aarhus, Denmark",
        "",
        False,
        135,
        665,
        294,
    ),
    (
        "Luca Belli",
        Role.SPEAKER,
        "Director of the CyberBRICS Project at FGV Law School, Professor at FGV Law School "
        "where he directs the Center for Technology and Society",
        "participated via video",
        True,
        120,
        605,
        300,
    ),
]
OTHER_SPELLINGS_003 = {
    "Zhiqiang Lin": ["Lin Zhiqiang"],
    "Jiang Bai": ["Bai Jiang"],
    "Yuhong Huang": ["Huang Yuhong"],
    "Torbjorn Fredriksson": ["Torbjörn Fredriksson"],
}
GURRY_FIRST_CLAIM = (
    "Speed and complexity of technology are creating governance challenges, with traditional "
    "institutions struggling to keep pace with rapid innovation"
)
GURRY_THIRD_CLAIM = (
    "International cooperation crucial when governments avoid disadvantaging their own "
    "economic actors through regulation"
)
KLEINWAECHTER_SECOND_CLAIM = (
    "Preference for political frameworks like AI declarations over legally binding instruments "
    "at global level"
)
TRANSCRIPT_LABELS_003 = [
    "Zhiqiang Lin",
    "Jiang Bai",
    "Zhiqiang Lin",
    "Francis Gurry",
    "Zhiqiang Lin",
    "Thomas Basikolo",
    "Zhiqiang Lin",
    "Yuhong Huang",
    "Zhiqiang Lin",
    "Ke Gong",
    "Zhiqiang Lin",
    "Torbjorn Fredriksson",
    "Zhiqiang Lin",
    "Wolfgang Kleinwaechter",
    "Zhiqiang Lin",
    "Luca Belli",
    "Zhiqiang Lin",
]


def test_diploai_report_import_matches_its_shape(imported):
    lines = nonempty_lines(read_document("wsis2025-digital-governance-diploai-report.txt"))
    summary = between(lines, "Summary", "Keypoints")[1:]
    # A point loses its bullet and its bold markers ("**Title**:"), nothing else.
    discussion_points = [
        line.removeprefix("– ").replace("**", "")
        for line in between(lines, "## Major Discussion Points:", "## Overall Purpose:")[1:]
    ]
    overall_purpose = after(lines, "Keypoints", "## Overall Purpose:")
    overall_tone = after(lines, "Keypoints", "## Overall Tone:")
    report = between(lines, "Full session report", "Session transcript")[1:]
    turns = [
        line.split(": ", 1)
        for line in takewhile(
            lambda line: ": " in line, lines[index_of(lines, "Session transcript") + 1 :]
        )
    ]
    key_takeaways = between(lines, "Key takeaways", "Resolutions and action items")[1:]
    action_items = between(lines, "Resolutions and action items", "Unresolved issues")[1:]
    unresolved_issues = between(lines, "Unresolved issues", "Suggested compromises")[1:]
    compromises = between(lines, "Suggested compromises", "Thought provoking comments")[1:]
    # Each comment is seven lines: text, "Speaker", who, "Reason", why, "Impact", effect.
    comment_lines = between(lines, "Thought provoking comments", "Overall assessment")[1:]
    comments = [
        (text, speaker, {"Reason": reason, "Impact": impact})
        for text, _, speaker, _, reason, _, impact in zip(*[iter(comment_lines)] * 7, strict=True)
    ]
    # Each question is five lines: text, "Speaker", who, "Explanation", why.
    question_lines = between(lines, "Follow-up questions", "Disclaimer:")[1:]
    questions = [
        (text, speaker, {"Explanation": explanation})
        for text, _, speaker, _, explanation in zip(*[iter(question_lines)] * 5, strict=True)
    ]
    disclaimer = lines[index_of(lines, "Disclaimer:")]

    session = imported_session("wsis2025-digital-governance-diploai-report.txt")
    # Long texts whole, to the last character: what the parser read is what was written.
    assert written_long_texts(session) == published_long_texts(
        parsed_document("wsis2025-digital-governance-diploai-report.txt")
    )

    assert (session.meeting.name, session.meeting.kind) == ("WSIS+20 High-Level Event 2025", "wsis")
    assert session.title == (
        "Strengthen Digital Governance and International Cooperation to Build an Inclusive "
        "Digital Future"
    )
    assert (session.date, session.start_time, session.end_time, session.time_zone) == (
        datetime.date(2025, 7, 11),
        datetime.time(9, 0),
        datetime.time(9, 45),
        "",
    )
    assert session.is_machine_generated is True
    assert session.disclaimer == disclaimer
    assert session.disclaimer.startswith("Disclaimer: This is not an official session record.")
    assert session.summary.split("\n\n") == summary
    assert len(summary) == 3
    assert session.overall_purpose == overall_purpose
    assert session.overall_purpose.startswith("The discussion aimed to strengthen global digital")
    assert session.overall_tone == overall_tone
    assert session.overall_tone.startswith("The discussion maintained a consistently collaborative")
    assert session.report.split("\n\n") == report
    assert [paragraph for paragraph in report if paragraph.startswith("#")][:2] == [
        "# WSIS Plus 20 Forum: Strengthening Digital Governance and International Cooperation "
        "for an Inclusive Digital Future",
        "## Executive Summary",
    ]
    assert [(o.role, o.published_name, o.organization.name) for o in session.organizers.all()] == [
        ("host", "Chinese Academy of Cyberspace Studies", "Chinese Academy of Cyberspace Studies")
    ]
    assert [
        (
            p.published_name,
            p.role,
            p.affiliation,
            p.role_text,
            p.is_remote,
            p.words_per_minute,
            p.words,
            p.speech_seconds,
        )
        for p in session.participations.all()
    ] == SPEAKERS_003
    assert {
        person.name: sorted({alias.key for alias in person.aliases.all()})
        for person in Person.objects.filter(name__in=OTHER_SPELLINGS_003)
    } == {
        "Jiang Bai": ["bai jiang"],
        "Torbjorn Fredriksson": ["fredriksson torbjorn"],
        "Yuhong Huang": ["huang yuhong"],
        "Zhiqiang Lin": ["lin zhiqiang"],
    }
    # Three of the report's arguments, written out; ARCHIVE.md counts 26, 25 with evidence.
    assert session.arguments.count() == 26
    assert session.arguments.exclude(evidence="").count() == 25
    sampled_arguments = [a for a in session.arguments.all() if a.position in (1, 3, 5)]
    assert [
        (
            a.position,
            a.person.name,
            a.claim,
            [p.name for p in a.agreed_with.all()],
            [p.name for p in a.disagreed_with.all()],
        )
        for a in sampled_arguments
    ] == [
        # Agreed/disagreed people come back in name order, not the report's order.
        (
            1,
            "Francis Gurry",
            GURRY_FIRST_CLAIM,
            ["Torbjorn Fredriksson", "Wolfgang Kleinwaechter"],
            [],
        ),
        (
            3,
            "Francis Gurry",
            GURRY_THIRD_CLAIM,
            [
                "Jiang Bai",
                "Luca Belli",
                "Thomas Basikolo",
                "Wolfgang Kleinwaechter",
                "Zhiqiang Lin",
            ],
            ["Wolfgang Kleinwaechter"],
        ),
        (5, "Wolfgang Kleinwaechter", KLEINWAECHTER_SECOND_CLAIM, [], ["Francis Gurry"]),
    ]
    first = sampled_arguments[0]
    assert first.evidence == (
        "Netflix took 3.5 years to reach 1 million users in 1999, Facebook took 13 months in 2004, "
        "and ChatGPT took only 3 days in 2022. Complex technologies include AI, quantum "
        "computing, 5G, 6G, nanotechnology, and bioengineering."
    )
    assert first.explanation.startswith("Gurry argues that the accelerating pace")
    assert first.major_discussion_point == "Digital Governance Challenges and Frameworks"
    assert first.topics == ["Legal and regulatory", "Infrastructure", "Development"]
    assert first.agreed_on == (
        "Speed and complexity of technological change create significant governance challenges"
    )
    assert [(a.agreed_on, a.disagreed_on) for a in sampled_arguments][1:] == [
        (
            "International cooperation is essential for effective digital governance",
            "Approach to AI regulation – legally binding vs political frameworks",
        ),
        ("", "Approach to AI regulation – legally binding vs political frameworks"),
    ]
    assert takeaway_counts(session) == {
        "action_item": 6,
        # Agreement points, similar viewpoints and unexpected consensus; differences.
        "agreement": 12,
        "disagreement": 6,
        "follow_up_question": 10,
        "key_discussion_point": 5,
        "key_takeaway": 7,
        "suggested_compromise": 6,
        "thought_provoking_comment": 5,
        "unresolved_issue": 7,
    }
    takeaways = session.takeaways.all()
    assert texts_of(takeaways, Kind.KEY_DISCUSSION_POINT) == discussion_points
    assert discussion_points[0].startswith("Speed and Complexity Challenges in Digital")
    assert texts_of(takeaways, Kind.KEY_TAKEAWAY) == key_takeaways
    assert texts_of(takeaways, Kind.ACTION_ITEM) == action_items
    assert texts_of(takeaways, Kind.UNRESOLVED_ISSUE) == unresolved_issues
    assert texts_of(takeaways, Kind.SUGGESTED_COMPROMISE) == compromises
    assert [
        (t.text, t.speaker, t.details)
        for t in takeaways
        if t.kind == Kind.THOUGHT_PROVOKING_COMMENT
    ] == comments
    assert [speaker for _, speaker, _ in comments] == [
        "Francis Gurry",
        "Torbjörn Fredriksson",
        "Torbjörn Fredriksson",
        "Wolfgang Kleinwaechter",
        "Yuhong Huang",
    ]
    assert [
        (t.text, t.speaker, t.details) for t in takeaways if t.kind == Kind.FOLLOW_UP_QUESTION
    ] == questions
    assert questions[-1][:2] == (
        "How can we better integrate AI capabilities with traditional vertical industries?",
        "Yuhong Huang",
    )
    assert [
        (t.position, t.speaker_label, t.person.name, t.organization)
        for t in session.transcript_turns.all()
    ] == [
        # Ke Gong is the archive's Gong Ke, named by the spelling imported first (IGF 2021).
        (position, label, "Gong Ke" if label == "Ke Gong" else label, None)
        for position, label in enumerate(TRANSCRIPT_LABELS_003, start=1)
    ]
    assert [t.text for t in session.transcript_turns.all()] == [text for _, text in turns]
    assert session.transcript_turns.all()[0].text.startswith("Okay, it’s time.")
